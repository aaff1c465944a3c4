#!/usr/bin/env bash
# The real window on a machine without fonts: fontconfig pointed at an empty configuration, a
# token whose claims need Hangul and Han glyphs no bundled font has. The app must keep running
# (eframe's system font provider panicked here before) and say which fonts to install.
#   bash .ci/no_fonts.sh BINARY
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-target/debug/jwt-debugger}
work=$(mktemp -d)
printf '<?xml version="1.0"?>\n<fontconfig></fontconfig>\n' > "$work/empty.conf"
token=$("$bin" encode --alg HS256 --key 'no-fonts-check-secret-0123456789abcdef' --no-iat \
  '{"sub":"u1","name":"홍길동 李小龍"}')
fifo="$work/fd"; mkfifo "$fifo"
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$fifo" 2>/dev/null &
xvfb=$!
read -r -t 15 disp <"$fifo"
export DISPLAY=":$disp"
FONTCONFIG_FILE="$work/empty.conf" XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config" \
  "$bin" gui "$token" --lang en >"$work/app.log" 2>&1 &
app=$!
trap 'kill $app $xvfb 2>/dev/null || true' EXIT
sleep 6
if ! kill -0 "$app" 2>/dev/null; then
  wait "$app" && status=0 || status=$?
  echo "no fonts: the window exited with status $status:" >&2
  tail -n 30 "$work/app.log" >&2
  exit 1
fi
echo "no fonts: the window still runs after 6 s with Hangul and Han claims"
