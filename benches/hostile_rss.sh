#!/usr/bin/env bash
# Whole-process time and peak memory of `decode --json` on the worst input shapes at the caps
# (the same shapes as benches/hostile.rs). Needs a release build.
#   bash benches/hostile_rss.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bin=target/release/jwt-debugger
[ -x "$bin" ] || cargo build --release --bin jwt-debugger >/dev/null 2>&1
work=$(mktemp -d)
python3 - "$work" <<'PY'
import base64, sys
cap = 16 * 1024 * 1024
room = cap // 4 * 3 - 64
b = lambda s: base64.urlsafe_b64encode(s.encode()).decode().rstrip("=")
def tok(h, p): return f"{b(h)}.{b(p)}.c2ln"
d = sys.argv[1]
def fill(unit, room):
    n = max(0, (room - 8) // len(unit))
    return unit * n
shapes = {
    "dots": "." * cap,
    "one_segment": "a" * cap,
    "duplicate_members": tok('{"alg":"HS256"}', "{" + fill('"a":0,', room) + '"a":1}'),
    "many_members": tok('{"alg":"HS256"}', "{" + "".join(f'"m{i}":{i},' for i in range(room // 18)) + '"z":0}'),
    "deep_and_wide_json": tok('{"alg":"HS256"}', "[" + fill("[" * 120 + "1" + "]" * 120 + ",", room) + "0]"),
    "huge_signature": b('{"alg":"ES256"}') + "." + b("{}") + "." + "A" * (cap - 40),
}
for name, text in shapes.items():
    assert len(text) <= cap, name
    open(f"{d}/{name}", "w").write(text)
PY
printf '%-22s %10s %12s %6s\n' shape seconds "peak RSS" exit
for f in "$work"/*; do
  name=$(basename "$f")
  set +e
  /usr/bin/time -f '%e %M' -o "$work/t" "$bin" decode - --json --key a-string-secret-at-least-256-bits-long <"$f" >/dev/null 2>&1
  code=$?
  set -e
  read -r secs kib < <(tail -n1 "$work/t")
  printf '%-22s %10s %9s MiB %6s\n' "$name" "$secs" "$((kib / 1024))" "$code"
done
rm -rf "$work"
