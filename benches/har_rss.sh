#!/usr/bin/env bash
# Peak memory of `scan` on a HAR file whose one field is huge (a response body of SIZE_MIB, with a
# token at its end), timed with /usr/bin/time. Memory must not follow the field's size.
#   bash benches/har_rss.sh [target/release/jwt-debugger] [SIZE_MIB]
set -euo pipefail
bin=${1:-target/release/jwt-debugger}
mib=${2:-300}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
python3 - "$dir/big.har" "$mib" <<'PY'
import sys
path, mib = sys.argv[1], int(sys.argv[2])
token = ("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0"
         "IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c")
with open(path, "w") as f:
    f.write('{"log": {"version": "1.2", "entries": [{"request": {"url": "https://x/"}, '
            '"response": {"content": {"mimeType": "text/plain", "text": "')
    chunk = "lorem ipsum dolor sit amet, " * 4096
    left = mib << 20
    while left > 0:
        f.write(chunk[:left])
        left -= len(chunk)
    f.write(" token " + token + '"}}}]}}')
PY
ls -la "$dir/big.har" | awk '{print "HAR bytes:", $5}'
/usr/bin/time -f "elapsed %e s, peak RSS %M KiB" "$bin" scan "$dir/big.har" --json > "$dir/out.jsonl"
echo "tokens reported: $(wc -l < "$dir/out.jsonl")"
