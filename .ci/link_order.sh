#!/usr/bin/env bash
# The command line's release binary has the functions of packaging/link-order.txt side by side
# (build.rs hands the list to the linker). With the compiler the list was made with
# (packaging/link-order.rustc), fails when fewer than half of the listed names are in the binary:
# the list is stale (dependencies updated, functions renamed) and `bash packaging/link-order.sh`
# writes it again. Another compiler names every function anew: that is only said.
#   bash .ci/link_order.sh target/release/jwt-debugger
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-target/release/jwt-debugger}
same_compiler=0
[ "$(rustc --version)" = "$(cat packaging/link-order.rustc 2>/dev/null)" ] && same_compiler=1
SAME_COMPILER=$same_compiler nm -S --defined-only "$bin" | python3 -c '
import os, sys
listed = set(open("packaging/link-order.txt").read().split())
spans = {}
for line in sys.stdin:
    parts = line.split()
    if len(parts) == 4 and parts[2] in "tTwW" and parts[3] in listed:
        start = int(parts[0], 16)
        spans[parts[3]] = (start, start + int(parts[1], 16))
size = sum(end - start for start, end in spans.values())
span = max((e for _, e in spans.values()), default=0) - min((s for s, _ in spans.values()), default=0)
print(f"{len(spans)} of {len(listed)} listed functions in the binary; "
      f"{size // 1024} KiB of code laid out in {span // 1024} KiB")
if len(spans) * 2 < len(listed):
    if os.environ["SAME_COMPILER"] != "1":
        print("made with another compiler (packaging/link-order.rustc): the order does not apply")
        sys.exit(0)
    sys.exit("the list is stale: bash packaging/link-order.sh writes it again")
if span > 2 * size + 65536:
    sys.exit("the listed functions are not side by side: was the list given to the linker?")
'
