#!/usr/bin/env bash
# Coverage-guided fuzzing with cargo-fuzz (libFuzzer) on the stable toolchain (RUSTC_BOOTSTRAP=1
# lets it use the sanitizer flags). Seeds come from ../shared/vectors; each target runs for a
# bounded time; any crash fails the run and leaves its input in fuzz/artifacts/.
#   bash .ci/fuzz.sh [SECONDS_PER_TARGET]
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-45}
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked --quiet
export RUSTC_BOOTSTRAP=1
python3 fuzz/seed.py ../shared/vectors fuzz/corpus
cargo fuzz build -O
for target in decode json keys analyze scan sd; do
  echo "fuzz: $target for ${secs} s"
  log="fuzz/$target.log"
  if ! cargo fuzz run -O "$target" "fuzz/corpus/$target" -- \
    -max_total_time="$secs" -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 >"$log" 2>&1; then
    echo "fuzz: $target found a crash:" >&2
    tail -n 60 "$log" >&2
    ls fuzz/artifacts/"$target" >&2 || true
    exit 1
  fi
  grep -E "^(Done|stat::number_of_executed_units)" "$log" || true
done
echo "fuzz: no crash in $(( secs * 6 )) s over 6 targets"
