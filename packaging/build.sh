#!/usr/bin/env bash
# Builds the Debian package and the RPM into target/debian/ and target/generate-rpm/.
#   bash packaging/build.sh [deb|rpm|all]     (default: all)
# Needs cargo-deb and cargo-generate-rpm (installed here with `cargo install --locked` when
# missing) and, for the .deb's $auto dependencies, dpkg-dev (dpkg-shlibdeps).
# The man pages and completions are rendered from the program's own argument definitions (clap)
# by the release binary just built, so they always match it.
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-all}

target_dir=$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])' 2>/dev/null || echo target)
release="$target_dir/release"

need_tool() {
  command -v "$1" >/dev/null || cargo install --locked "$2"
}
case "$what" in deb|all) need_tool cargo-deb cargo-deb ;; esac
case "$what" in rpm|all) need_tool cargo-generate-rpm cargo-generate-rpm ;; esac

cargo build --release --locked --bins

rm -rf "$release/man" "$release/completions"
"$release/jwt-debugger" man --dir "$release/man" 2>/dev/null
for page in "$release"/man/*.1; do
  gzip -9nc "$page" > "$page.gz"   # the RPM's copies; cargo-deb compresses its own
done
# cargo-deb strips what it packs; cargo-generate-rpm packs files as they are: stripped copies.
mkdir -p "$release/stripped"
for bin in jwt-debugger jwt-debugger-app; do
  strip --strip-unneeded -o "$release/stripped/$bin" "$release/$bin"
done
mkdir -p "$release/completions"
"$release/jwt-debugger" completions bash > "$release/completions/jwt-debugger.bash"
"$release/jwt-debugger" completions zsh > "$release/completions/_jwt-debugger"
"$release/jwt-debugger" completions fish > "$release/completions/jwt-debugger.fish"

case "$what" in
  deb|all)
    deb=$(cargo deb --no-build --locked | tail -n1)
    # cargo-deb writes no md5sums; dpkg --verify and debsums check installed files against it.
    # Unpack, add it, pack again (owned by root, as cargo-deb packs).
    work=$(mktemp -d)
    dpkg-deb -R "$deb" "$work/root"
    (cd "$work/root" && find usr -type f -print0 | sort -z | xargs -0 md5sum > DEBIAN/md5sums)
    chmod 644 "$work/root/DEBIAN/md5sums"
    dpkg-deb --root-owner-group -Zxz --build "$work/root" "$deb" >/dev/null
    rm -rf "$work"
    ;;
esac
case "$what" in
  rpm|all) cargo generate-rpm ;;
esac
ls -l "$target_dir"/debian/*.deb "$target_dir"/generate-rpm/*.rpm 2>/dev/null || true
