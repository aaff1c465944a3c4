#!/usr/bin/env bash
# Checks the .deb and the .rpm that packaging/build.sh built, as a user's machine would see them:
# installs the .deb with dpkg, runs the installed programs, validates the installed desktop entry
# and AppStream metadata, renders the man pages, runs lintian, removes the package and checks that
# nothing it installed is left; lists the RPM's files and checks them against the .deb's.
# Runs as root (CI); needs dpkg-dev, lintian, desktop-file-utils, appstream, man-db and rpm
# (installed by .ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
say() { printf 'package: %s\n' "$*"; }
fail() { printf 'package: FAILED: %s\n' "$*" >&2; exit 1; }

deb=$(ls -t target/debian/jwt-debugger_*.deb | head -n1)
rpm=$(ls -t target/generate-rpm/jwt-debugger-*.rpm | head -n1)
say "built $deb and $rpm"

# What the package says it needs.
dpkg-deb --field "$deb" Package Version Architecture Depends Section
dpkg-deb --field "$deb" Depends | grep -q 'libc6' || fail "Depends lacks the computed libc6 (\$auto)"
dpkg-deb --field "$deb" Depends | grep -q 'libxkbcommon-x11-0' || fail "Depends lacks the window's libraries"

# Lintian: no errors. Warnings are printed (and explained in the README).
say "lintian"
lintian_out=$(lintian --no-tag-display-limit --display-info "$deb" 2>&1 || true)
printf '%s\n' "$lintian_out"
if grep -q '^E:' <<<"$lintian_out"; then fail "lintian reports errors"; fi

# Install. The window's libraries come with it (apt resolves what dpkg -i cannot).
say "dpkg -i"
if dpkg -s jwt-debugger >/dev/null 2>&1; then dpkg -r jwt-debugger >/dev/null; fi
before=$(mktemp); after=$(mktemp)
find /usr -xdev 2>/dev/null | sort > "$before"
if ! dpkg -i "$deb"; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -f >/dev/null
fi
dpkg -s jwt-debugger | grep -q '^Status: install ok installed' || fail "not installed"

say "the installed programs"
[ "$(command -v jwt-debugger)" = /usr/bin/jwt-debugger ] || fail "jwt-debugger is not /usr/bin/jwt-debugger"
# (Not `tee /dev/stderr`: where stderr is a file, tee opens it again and truncates the log.)
version=$(/usr/bin/jwt-debugger --version)
printf '%s\n' "$version"
grep -Eq '^jwt-debugger [0-9]+\.[0-9]+\.[0-9]+ \(commit ' <<<"$version" \
  || fail "--version does not name the version and commit"
secret=a-string-secret-at-least-256-bits-long
token=$(/usr/bin/jwt-debugger encode --alg HS256 --key "$secret" '{"sub":"package-check"}')
/usr/bin/jwt-debugger decode "$token" --key "$secret" --json | grep -q '"package-check"' || fail "decode"
/usr/bin/jwt-debugger decode "$token" --key "$secret" >/dev/null || fail "decode exit status"
if /usr/bin/jwt-debugger decode "$token" --key wrong-secret-wrong-secret-wrong-secret >/dev/null 2>&1; then
  fail "a wrong key verified"
fi
# Asked for the window without a display, the command line hands over to the installed app.
set +e
msg=$(env -u DISPLAY -u WAYLAND_DISPLAY /usr/bin/jwt-debugger gui 2>&1); code=$?
set -e
[ "$code" -eq 1 ] && grep -q "no display" <<<"$msg" || fail "gui without display: $code $msg"

say "desktop entry and AppStream metadata"
desktop-file-validate /usr/share/applications/jwt-debugger.desktop
appstreamcli validate --no-net /usr/share/metainfo/io.github.jwt_debugger.metainfo.xml
for size in 16 32 48 64 128 256 512; do
  [ -f "/usr/share/icons/hicolor/${size}x${size}/apps/jwt-debugger.png" ] || fail "no ${size}px icon"
done
[ -f /usr/share/icons/hicolor/scalable/apps/jwt-debugger.svg ] || fail "no scalable icon"

say "man pages"
man_out=$(MANWIDTH=80 man --warnings=w jwt-debugger 2>&1 >/dev/null || true)
[ -z "$man_out" ] || { printf '%s\n' "$man_out"; fail "man jwt-debugger warns"; }
MANWIDTH=80 man jwt-debugger | grep -q 'decode' || fail "man jwt-debugger does not render"
MANWIDTH=80 man jwt-debugger-decode | grep -q -- '--key' || fail "man jwt-debugger-decode does not render"

say "completions"
[ -s /usr/share/bash-completion/completions/jwt-debugger ] || fail "no bash completion"
[ -s /usr/share/zsh/vendor-completions/_jwt-debugger ] || fail "no zsh completion"
[ -s /usr/share/fish/vendor_completions.d/jwt-debugger.fish ] || fail "no fish completion"
bash -c 'source /usr/share/bash-completion/completions/jwt-debugger && complete -p jwt-debugger' >/dev/null \
  || fail "the bash completion does not load"

say "dpkg -r"
dpkg -r jwt-debugger >/dev/null
dpkg -s jwt-debugger 2>/dev/null | grep -q '^Status: install ok installed' && fail "still installed"
find /usr -xdev 2>/dev/null | sort > "$after"
left=$(comm -13 "$before" "$after" | grep -i 'jwt' || true)
[ -z "$left" ] || { printf '%s\n' "$left"; fail "files left behind after dpkg -r"; }
[ ! -e /usr/bin/jwt-debugger ] || fail "/usr/bin/jwt-debugger left behind"

say "rpm -qlp"
rpm_files=$(rpm -qlp "$rpm" 2>/dev/null)
printf '%s\n' "$rpm_files"
for f in /usr/bin/jwt-debugger /usr/bin/jwt-debugger-app \
  /usr/share/applications/jwt-debugger.desktop \
  /usr/share/metainfo/io.github.jwt_debugger.metainfo.xml \
  /usr/share/icons/hicolor/256x256/apps/jwt-debugger.png \
  /usr/share/icons/hicolor/scalable/apps/jwt-debugger.svg \
  /usr/share/man/man1/jwt-debugger.1.gz /usr/share/man/man1/jwt-debugger-decode.1.gz \
  /usr/share/bash-completion/completions/jwt-debugger \
  /usr/share/zsh/site-functions/_jwt-debugger \
  /usr/share/fish/vendor_completions.d/jwt-debugger.fish \
  /usr/share/licenses/jwt-debugger/LICENSE-MIT; do
  grep -qx "$f" <<<"$rpm_files" || fail "the RPM lacks $f"
done
rpm -qp --requires "$rpm" 2>/dev/null | grep -q 'libxkbcommon-x11.so.0' || fail "the RPM does not require the window's libraries"
# Same man pages and icons in both packages.
deb_man=$(dpkg-deb -c "$deb" | grep -c '/usr/share/man/man1/.*\.1\.gz$')
rpm_man=$(grep -c '^/usr/share/man/man1/.*\.1\.gz$' <<<"$rpm_files")
[ "$deb_man" -eq "$rpm_man" ] || fail "man pages: $deb_man in the .deb, $rpm_man in the RPM"
say "ok"
