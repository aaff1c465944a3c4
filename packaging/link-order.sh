#!/usr/bin/env bash
# Writes packaging/link-order.txt: the functions of the command line (`jwt-debugger`) that short
# commands run, which build.rs hands to the linker so that they sit side by side (see build.rs,
# link_order). Run it again after a compiler or dependency update, or when the commands' paths
# change much: names the binary no longer has are skipped, so a stale list only helps less.
# Needs valgrind (callgrind lists every function a run executes, by its linker name).
#   bash packaging/link-order.sh
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "needs valgrind (apt-get install valgrind)" >&2; exit 1; }
cargo build --release --bin jwt-debugger
bin=target/release/jwt-debugger
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
secret=a-string-secret-at-least-256-bits-long
token=$("$bin" encode --alg HS256 --key "$secret" --exp +1h '{"sub":"1234567890","name":"John Doe"}')
run() {
  valgrind --tool=callgrind --demangle=no --callgrind-out-file="$work/cg.%p" "$bin" "$@" \
    >/dev/null 2>&1 || true
}
run --version
run decode "$token" --key "$secret"
run decode "$token" --key "$secret" --json
run decode "$token"
run decode "not a token"
run encode --alg HS256 --key "$secret" '{"sub":"a"}'
# jwt.io's example (no exp, the well-known secret) and an expired token.
run decode eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiYWRtaW4iOnRydWUsImlhdCI6MTUxNjIzOTAyMn0.KMUFsIDTnFmyG3nZiIyvYpQTDBVJ5p-0g7u8uBSDpkQ --key a-string-secret-at-least-256-bits-long
run decode "$("$bin" encode --alg HS256 --key "$secret" --exp 1000 '{"sub":"a"}')" --key "$secret"
# The public-key algorithms, verified with a PEM public key and with a JWK.
for alg in RS256 ES256 EdDSA; do
  "$bin" keygen --alg "$alg" --out "$work/$alg" >/dev/null 2>&1
  signed=$("$bin" encode --alg "$alg" --key "@$work/$alg/private.pem" --exp +1h '{"sub":"a"}')
  run decode "$signed" --key "@$work/$alg/public.pem"
  run decode "$signed" --key "@$work/$alg/public.jwk.json" --json
done
# The functions in the order the runs first name them, kept when they are the binary's own code.
nm --defined-only "$bin" | awk '$2 ~ /^[tTwW]$/ {print $3}' | sort -u >"$work/text"
grep -h -E '^c?fn=\([0-9]+\) ' "$work"/cg.* | sed -E 's/^c?fn=\([0-9]+\) //' | awk '!seen[$0]++' \
  >"$work/run"
awk 'NR == FNR { text[$0] = 1; next } text[$0]' "$work/text" "$work/run" >packaging/link-order.txt
# The names are this compiler's: .ci/link_order.sh holds the list to them only with it.
rustc --version >packaging/link-order.rustc
echo "packaging/link-order.txt: $(wc -l <packaging/link-order.txt) functions"
