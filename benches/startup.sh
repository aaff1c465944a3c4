#!/usr/bin/env bash
# Start-up time to the first frame and idle memory of the app, against a bare eframe window built
# the same way (release, same features). Each program runs under its own Xvfb, N times; medians.
#   bash benches/startup.sh [RUNS]
#   STARTUP_TOKEN=… bash benches/startup.sh 5     (the app opens with that token, e.g. one whose
#                                                 claims are Korean, to measure font discovery)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
cargo build --release --bins --example bare_window >/dev/null 2>&1
work=$(mktemp -d)

measure() { # prints "first_frame_ms rss_kib"
  local fifo="$work/fd"; rm -f "$fifo"; mkfifo "$fifo"
  Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$fifo" 2>/dev/null &
  local xvfb=$! disp
  read -r -t 15 disp <"$fifo"
  DISPLAY=":$disp" XDG_DATA_HOME="$work/data" JWT_DEBUGGER_STARTUP_PROBE=1 "$@" 2>"$work/err" >/dev/null &
  local app=$!
  for _ in $(seq 1 100); do grep -q first-frame-ms "$work/err" 2>/dev/null && break; sleep 0.1; done
  sleep 3 # idle
  local ms rss
  ms=$(grep -m1 first-frame-ms "$work/err" | awk '{print $2}')
  rss=$(awk '/VmRSS/{print $2}' "/proc/$app/status")
  kill "$app" 2>/dev/null || true; sleep 0.5; kill -9 "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true
  kill "$xvfb" 2>/dev/null || true; wait "$xvfb" 2>/dev/null || true
  echo "$ms $rss"
}

median() { sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'; }

for prog in bare app; do
  : >"$work/$prog"
  for _ in $(seq 1 "$runs"); do
    if [ "$prog" = bare ]; then
      measure target/release/examples/bare_window
    elif [ -n "${STARTUP_TOKEN:-}" ]; then
      measure target/release/jwt-debugger-app gui "$STARTUP_TOKEN"
    else
      measure target/release/jwt-debugger-app
    fi >>"$work/$prog"
  done
done
bare_ms=$(awk '{print $1}' "$work/bare" | median); app_ms=$(awk '{print $1}' "$work/app" | median)
bare_rss=$(awk '{print $2}' "$work/bare" | median); app_rss=$(awk '{print $2}' "$work/app" | median)
echo "first frame: bare ${bare_ms} ms, app ${app_ms} ms, ratio $(awk "BEGIN{printf \"%.2f\", $app_ms/$bare_ms}")"
echo "idle RSS:    bare $((bare_rss/1024)) MiB, app $((app_rss/1024)) MiB, ratio $(awk "BEGIN{printf \"%.2f\", $app_rss/$bare_rss}")"
