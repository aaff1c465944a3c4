#!/usr/bin/env bash
# Real-window check (issue #18): the first thing most people do is paste their own token into the
# token field, over the example. Start with the example (verified with its own key), find the
# example's token text on screen by OCR, click into it, select all, paste a token signed with a
# key the app was never given (through the X clipboard, as a person's Ctrl+V), and read "No key"
# back, never "Invalid signature" (the example's key must not be kept for somebody else's token).
#   bash .ci/paste_in_field.sh path/to/jwt-debugger [WORKDIR]
set -euo pipefail
bin=${1:?usage: paste_in_field.sh BINARY [WORKDIR]}
work=${2:-$(mktemp -d)}
mkdir -p "$work"
token=$("$bin" encode --alg HS256 --key 'a-key-this-app-never-sees-0123456789' --no-iat \
  '{"sub":"pasted-into-the-field"}')

fifo="$work/displayfd3"; rm -f "$fifo"; mkfifo "$fifo"
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$fifo" 2>"$work/xvfb3.log" &
xvfb=$!
read -r -t 15 disp <"$fifo" || { echo "paste_in_field: Xvfb did not start" >&2; exit 1; }
export DISPLAY=":$disp"
XDG_DATA_HOME="$work/data3" XDG_CONFIG_HOME="$work/config3" "$bin" gui --lang en >"$work/app3.log" 2>&1 &
app=$!
cleanup() { kill "$app" 2>/dev/null || true; sleep 0.5; kill -9 "$app" 2>/dev/null || true; kill "$xvfb" 2>/dev/null || true; }
trap cleanup EXIT

wid=""
for _ in $(seq 1 60); do
  kill -0 "$app" 2>/dev/null || { echo "paste_in_field: the app exited" >&2; cat "$work/app3.log" >&2; exit 1; }
  wid=$(xdotool search --onlyvisible --pid "$app" 2>/dev/null | head -n1 || true)
  [ -n "$wid" ] && break
  sleep 0.5
done
[ -n "$wid" ] || { echo "paste_in_field: no window" >&2; exit 1; }
sleep 3
xdotool windowfocus --sync "$wid" || true

ocr() {
  import -window "$wid" "$work/$1.png"
  convert "$work/$1.png" -resize 200% -colorspace Gray "$work/$1-big.png"
  tesseract "$work/$1-big.png" "$work/$1" tsv >/dev/null 2>&1
  cat "$work/$1.tsv"
}
words_of() { awk -F'\t' 'NR>1{printf "%s ", $12}' "$work/$1.tsv"; }
ocr before >/dev/null
grep -q "Signature verified" <(words_of before) \
  || { echo "paste_in_field: the example is not verified at start; OCR saw: $(words_of before)" >&2; exit 1; }
# The example's token text in the field: a word that starts like every JWT.
read -r x y < <(awk -F'\t' 'NR>1 && $12 ~ /^ey/ { printf "%d %d\n", ($7+$9/2)/2, ($8+$10/2)/2; exit }' "$work/before.tsv")
[ -n "${x:-}" ] || { echo "paste_in_field: no token text on screen; OCR saw: $(words_of before)" >&2; exit 1; }
echo "paste_in_field: the example's token at $x,$y; clicking into it"
xdotool mousemove --window "$wid" "$x" "$y" click 1
sleep 0.5
printf '%s' "$token" | xclip -selection clipboard
xdotool key --window "$wid" ctrl+a
sleep 0.3
xdotool key --window "$wid" ctrl+v
sleep 2
ocr after >/dev/null
words=$(words_of after)
if grep -q "Invalid signature" <<<"$words" || ! grep -q "No key" <<<"$words"; then
  echo "paste_in_field: expected \"No key\" after pasting into the field; OCR saw: $words" >&2
  cp "$work/after.png" target/paste-in-field-failed.png 2>/dev/null || true
  exit 1
fi
grep -q "Token pasted" <<<"$words" || echo "paste_in_field: note: the \"Token pasted\" notice was not read" >&2
echo "paste_in_field: ok (pasted into the field over the example; the badge says No key)"
