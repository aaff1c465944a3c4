#!/usr/bin/env bash
# CPU of the real window while nothing happens, with a text field focused (the cursor blink is
# the only thing that could repaint): the app opens on a token without times (nothing on screen
# moves with the clock), the token field is clicked, and CPU time is read from /proc over two
# windows: 0-5 s after the click (the cursor blinks) and 15-25 s after (the blink has stopped).
#   bash benches/idle_cpu.sh [BINARY]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-target/release/jwt-debugger}
[ -x "$bin" ] || cargo build --release --bins >/dev/null 2>&1
work=$(mktemp -d)
token=$("$bin" encode --alg HS256 --key 'idle-cpu-bench-secret-0123456789abcdef' --no-iat '{"sub":"idle"}')
fifo="$work/fd"; mkfifo "$fifo"
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$fifo" 2>/dev/null &
xvfb=$!
read -r -t 15 disp <"$fifo"
export DISPLAY=":$disp"
XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config" "$bin" gui "$token" --lang en >/dev/null 2>&1 &
app=$!
trap 'kill $app $xvfb 2>/dev/null || true' EXIT
wid=""
for _ in $(seq 1 60); do
  wid=$(xdotool search --onlyvisible --pid "$app" 2>/dev/null | head -n1 || true)
  [ -n "$wid" ] && break
  sleep 0.5
done
sleep 2
# Into the token field (left column, under its label and help line).
xdotool mousemove --window "$wid" 200 160 click 1
ticks() { awk '{print $14 + $15}' "/proc/$app/stat"; }
hz=$(getconf CLK_TCK)
cpu() { # percent of one core over $1 seconds
  local a b; a=$(ticks); sleep "$1"; b=$(ticks)
  awk -v a="$a" -v b="$b" -v s="$1" -v hz="$hz" 'BEGIN { printf "%.1f", (b - a) * 100 / hz / s }'
}
blinking=$(cpu 5)
sleep 10
settled=$(cpu 10)
echo "focused field, cursor blinking (0-5 s): ${blinking}% of a core"
echo "focused field, idle 15-25 s: ${settled}% of a core"
