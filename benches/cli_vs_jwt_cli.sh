#!/usr/bin/env bash
# `decode` as a whole process against jwt-cli's `jwt decode`, on the same tokens and keys: HS256
# with its secret (also `--json`), RS256 with a PEM public key, a token without a key, and
# `--version`. Skips, saying why, when jwt-cli is missing (cargo install jwt-cli).
#
# The runs are interleaved: each round starts every command once, in a new random order, so a
# machine that slows down or speeds up during the minutes it takes weighs on all commands alike
# (one command's runs after another's, as hyperfine does them, measured drift of ±5 % here).
# Reported: the median and the 10 %-trimmed mean of each command's wall time, and the ratio of
# each jwt-debugger command to jwt-cli's on the same input. Then page faults (perf) and the
# dynamic loader's relocations, where most of a short command's time goes.
#   bash benches/cli_vs_jwt_cli.sh [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-1000}
jwt=$(command -v jwt || true)
if [ -z "$jwt" ] || ! command -v python3 >/dev/null; then
  echo "skipped: needs jwt-cli (cargo install jwt-cli) and python3 on PATH" >&2
  exit 0
fi
cargo build --release --bin jwt-debugger >/dev/null 2>&1
ours=$PWD/target/release/jwt-debugger
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
secret=a-string-secret-at-least-256-bits-long
claims='{"sub":"1234567890","name":"John Doe","admin":true}'
hs=$("$ours" encode --alg HS256 --key "$secret" --exp +30d "$claims")
"$ours" keygen --alg RS256 --out "$work/rsa" >/dev/null 2>&1
rs=$("$ours" encode --alg RS256 --key "@$work/rsa/private.pem" --exp +30d "$claims")
# Signed with a secret on no list, shown without a key: every well-known secret is tried.
nokey=$("$ours" encode --alg HS256 --key "not-a-well-known-secret-4f1c9a7e2b" "$claims")
# Pairs: a label, jwt-debugger's command, jwt-cli's command on the same input (one per line).
cat >"$work/pairs" <<EOF
HS256 with its secret	$ours decode $hs --key $secret	$jwt decode $hs --secret $secret
HS256 with its secret, --json	$ours decode $hs --key $secret --json	$jwt decode $hs --secret $secret --json
RS256 with a PEM public key	$ours decode $rs --key @$work/rsa/public.pem	$jwt decode $rs --secret @$work/rsa/public.pem --alg RS256
HS256 without a key	$ours decode $nokey	$jwt decode $nokey
--version	$ours --version	$jwt --version
EOF
python3 - "$work/pairs" "$rounds" <<'PY'
import os, random, statistics, sys, time
pairs = [line.rstrip("\n").split("\t") for line in open(sys.argv[1]) if line.strip()]
rounds = int(sys.argv[2])
commands = [cmd.split() for _, ours, theirs in pairs for cmd in (ours, theirs)]
null = os.open(os.devnull, os.O_WRONLY)
actions = [(os.POSIX_SPAWN_DUP2, null, 1), (os.POSIX_SPAWN_DUP2, null, 2)]
def run(argv):
    start = time.perf_counter_ns()
    os.waitpid(os.posix_spawn(argv[0], argv, os.environ, file_actions=actions), 0)
    return time.perf_counter_ns() - start
for argv in commands:
    for _ in range(20):
        run(argv)
times = [[] for _ in commands]
for _ in range(rounds):
    order = list(range(len(commands)))
    random.shuffle(order)
    for i in order:
        times[i].append(run(commands[i]))
def summary(ns):
    ns = sorted(ns)
    cut = len(ns) // 10
    return statistics.median(ns) / 1e3, statistics.mean(ns[cut:len(ns) - cut]) / 1e3
print(f"{rounds} interleaved rounds; wall time in µs (median / 10 %-trimmed mean)")
print(f"{'input':32} {'jwt-debugger':>17} {'jwt-cli':>17} {'ratio (median)':>15}")
for k, (label, _, _) in enumerate(pairs):
    (om, ot), (tm, tt) = summary(times[2 * k]), summary(times[2 * k + 1])
    print(f"{label:32} {om:8.0f} / {ot:6.0f} {tm:8.0f} / {tt:6.0f} {om / tm:14.3f}x")
PY
if command -v perf >/dev/null; then
  for cmd in "$ours decode $hs --key $secret" "$jwt decode $hs --secret $secret"; do
    printf '%s: ' "${cmd%% *}"
    perf stat -e page-faults $cmd 2>&1 >/dev/null | awk '/page-faults/{print $1, "page faults"}'
  done
fi
for bin in "$ours" "$jwt"; do
  printf '%s: ' "$bin"
  LD_DEBUG=statistics "$bin" --version 2>&1 >/dev/null | awk '/relative relocations/{print $NF, "relative relocations"}' | head -1
done
