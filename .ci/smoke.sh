#!/usr/bin/env bash
# Starts the app in a real X window (Xvfb), takes a screenshot and fails if the process died, no
# window appeared, or the window is blank. Also checks the no-display message.
#   bash .ci/smoke.sh path/to/jwt-debugger [out.png]
set -euo pipefail
bin=${1:?usage: smoke.sh BINARY [OUT.png]}
out=${2:-target/smoke.png}
work=$(mktemp -d)
token='eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzbW9rZSIsIm5hbWUiOiJTbW9rZSBUZXN0IiwiaWF0IjoxNzY0MjAwMDAwfQ.Ftn6WdV5fVH7b8ZbzGyD2BQE8ye8wj2ZBgR3w5pGWnA'

# Without a display the app must explain itself and exit 1, not crash.
set +e
msg=$(env -u DISPLAY -u WAYLAND_DISPLAY "$bin" 2>&1); code=$?
set -e
if [ "$code" -ne 1 ] || ! grep -q "no display" <<<"$msg"; then
  echo "smoke: without a display expected exit 1 and a message, got $code: $msg" >&2; exit 1
fi
echo "smoke: no-display message ok"

fifo="$work/displayfd"; mkfifo "$fifo"
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$fifo" 2>"$work/xvfb.log" &
xvfb=$!
read -r -t 15 disp <"$fifo" || { echo "smoke: Xvfb did not start" >&2; cat "$work/xvfb.log" >&2; exit 1; }
export DISPLAY=":$disp"
# A private data dir: the smoke test never touches a real workspace.
XDG_DATA_HOME="$work/data" "$bin" gui "$token" >"$work/app.log" 2>&1 &
app=$!
cleanup() { kill "$app" 2>/dev/null || true; sleep 0.5; kill -9 "$app" 2>/dev/null || true; kill "$xvfb" 2>/dev/null || true; }
trap cleanup EXIT

wid=""
for _ in $(seq 1 60); do
  if ! kill -0 "$app" 2>/dev/null; then
    echo "smoke: the app exited early" >&2; cat "$work/app.log" >&2; exit 1
  fi
  wid=$(xdotool search --onlyvisible --pid "$app" 2>/dev/null | head -n1 || true)
  [ -n "$wid" ] && break
  sleep 0.5
done
[ -n "$wid" ] || { echo "smoke: no window appeared in 30 s" >&2; cat "$work/app.log" >&2; exit 1; }
sleep 4
kill -0 "$app" 2>/dev/null || { echo "smoke: the app died after opening its window" >&2; cat "$work/app.log" >&2; exit 1; }
# The settings file is the user's alone (it holds tokens; keys never go there).
mode=$(stat -c %a "$work/data/jwt-debugger/app.ron" 2>/dev/null || echo missing)
[ "$mode" = 600 ] || { echo "smoke: settings file mode is $mode, expected 600" >&2; exit 1; }
echo "smoke: settings file mode 600"
mkdir -p "$(dirname "$out")"
import -window "$wid" "$out"
colors=$(identify -format '%k' "$out")
deviation=$(convert "$out" -colorspace Gray -format '%[fx:standard_deviation]' info:)
geometry=$(identify -format '%wx%h' "$out")
echo "smoke: window $wid $geometry, $colors colours, grey deviation $deviation, screenshot $out"
if [ "$colors" -lt 16 ] || awk "BEGIN{exit !($deviation < 0.02)}"; then
  echo "smoke: the window looks blank" >&2; exit 1
fi
echo "smoke: ok"
