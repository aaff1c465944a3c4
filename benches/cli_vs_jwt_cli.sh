#!/usr/bin/env bash
# `decode` as a whole process against jwt-cli's `jwt decode` on the same token and secret, with
# hyperfine (Debian: apt-get install hyperfine; jwt-cli: cargo install jwt-cli). Skips, saying
# why, when either is missing. Also the process's page faults and the dynamic loader's relocations,
# which is where most of a short command's time goes.
#   bash benches/cli_vs_jwt_cli.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-300}
jwt=$(command -v jwt || true)
if [ -z "$jwt" ] || ! command -v hyperfine >/dev/null; then
  echo "skipped: needs jwt-cli (cargo install jwt-cli) and hyperfine on PATH" >&2
  exit 0
fi
cargo build --release --bin jwt-debugger >/dev/null 2>&1
ours=target/release/jwt-debugger
secret=a-string-secret-at-least-256-bits-long
token=$("$ours" encode --alg HS256 --key "$secret" --exp +1h '{"sub":"1234567890","name":"John Doe","admin":true}')
hyperfine -N --warmup 30 --runs "$runs" \
  -n "jwt-debugger decode" "$ours decode $token --key $secret" \
  -n "jwt-debugger decode --json" "$ours decode $token --key $secret --json" \
  -n "jwt-cli decode" "$jwt decode $token --secret $secret" \
  -n "jwt-debugger --version" "$ours --version" \
  -n "jwt-cli --version" "$jwt --version"
if command -v perf >/dev/null; then
  for cmd in "$ours decode $token --key $secret" "$jwt decode $token --secret $secret"; do
    printf '%s: ' "${cmd%% *}"
    perf stat -e page-faults $cmd 2>&1 >/dev/null | awk '/page-faults/{print $1, "page faults"}'
  done
fi
for bin in "$ours" "$jwt"; do
  printf '%s: ' "$bin"
  LD_DEBUG=statistics "$bin" --version 2>&1 >/dev/null | awk '/relative relocations/{print $NF, "relative relocations"}' | head -1
done
