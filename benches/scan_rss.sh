#!/usr/bin/env bash
# Whole-process figures for `scan`: a 2 GiB log holding 100,000 distinct tokens, scanned with
# --json, timed with /usr/bin/time (elapsed and peak RSS). Writes the log to a temp folder first.
#   bash benches/scan_rss.sh [target/release/jwt-debugger] [SIZE_MIB]
set -euo pipefail
bin=${1:-target/release/jwt-debugger}
mib=${2:-2048}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
python3 - "$dir/big.log" "$mib" <<'PY'
import base64, hashlib, hmac, json, sys
path, mib = sys.argv[1], int(sys.argv[2])
b64 = lambda b: base64.urlsafe_b64encode(b).rstrip(b"=")
header = b64(b'{"alg":"HS256","typ":"JWT"}')
tokens = []
for i in range(100_000):
    body = b64(json.dumps({"sub": f"user-{i}", "iat": 1800000000, "exp": 1800003600}).encode())
    sig = b64(hmac.new(b"a-string-secret-at-least-256-bits-long", header + b"." + body, hashlib.sha256).digest())
    tokens.append(header + b"." + body + b"." + sig)
filler = b"2026-11-28T10:00:00.123Z DEBUG pool-3 worker.rs:120 task done in 12.5 ms (v1.2.3, id 9f3c-77)\n"
target = mib << 20
per_token = max(1, (target // len(filler)) // len(tokens))
with open(path, "wb", buffering=1 << 22) as f:
    written, i = 0, 0
    block = filler * per_token
    while written < target:
        f.write(block)
        line = b"2026-11-28T10:00:00.123Z INFO GET /orders Authorization: Bearer " + tokens[i % len(tokens)] + b"\n"
        f.write(line)
        written += len(block) + len(line)
        i += 1
print(f"wrote {written >> 20} MiB, {min(i, len(tokens))} distinct tokens, {i} occurrences", file=sys.stderr)
PY
ls -la "$dir/big.log" | awk '{print "log bytes:", $5}'
/usr/bin/time -f "elapsed %e s, peak RSS %M KiB" "$bin" scan "$dir/big.log" --json --now 1800000100 > "$dir/out.jsonl"
echo "tokens reported: $(wc -l < "$dir/out.jsonl")"
