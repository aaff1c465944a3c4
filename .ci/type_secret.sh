#!/usr/bin/env bash
# Real-window check: open a token whose key is unknown, find the "Secret" field by reading the
# screen (tesseract OCR, no fixed coordinates), type the secret with xdotool one key at a time,
# and read "Signature verified" back off the screen.
#   bash .ci/type_secret.sh path/to/jwt-debugger [WORKDIR]
set -euo pipefail
bin=${1:?usage: type_secret.sh BINARY [WORKDIR]}
work=${2:-$(mktemp -d)}
mkdir -p "$work"
secret='smoke-secret-typed-by-xdotool-42'
token=$("$bin" encode --alg HS256 --key "$secret" --no-iat '{"sub":"typist","name":"Smoke Test"}')

fifo="$work/displayfd2"; rm -f "$fifo"; mkfifo "$fifo"
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$fifo" 2>"$work/xvfb2.log" &
xvfb=$!
read -r -t 15 disp <"$fifo" || { echo "type_secret: Xvfb did not start" >&2; exit 1; }
export DISPLAY=":$disp"
XDG_DATA_HOME="$work/data2" "$bin" gui "$token" --lang en >"$work/app2.log" 2>&1 &
app=$!
cleanup() { kill "$app" 2>/dev/null || true; sleep 0.5; kill -9 "$app" 2>/dev/null || true; kill "$xvfb" 2>/dev/null || true; }
trap cleanup EXIT

wid=""
for _ in $(seq 1 60); do
  kill -0 "$app" 2>/dev/null || { echo "type_secret: the app exited" >&2; cat "$work/app2.log" >&2; exit 1; }
  wid=$(xdotool search --onlyvisible --pid "$app" 2>/dev/null | head -n1 || true)
  [ -n "$wid" ] && break
  sleep 0.5
done
[ -n "$wid" ] || { echo "type_secret: no window" >&2; exit 1; }
sleep 3
xdotool windowfocus --sync "$wid" || true

# Words on screen with their boxes, read at twice the size (small UI text OCRs better).
ocr() {
  import -window "$wid" "$work/$1.png"
  convert "$work/$1.png" -resize 200% -colorspace Gray "$work/$1-big.png"
  tesseract "$work/$1-big.png" "$work/$1" tsv >/dev/null 2>&1
  cat "$work/$1.tsv"
}
ocr before >/dev/null
# The label "Secret" on its own (not "Secret encoding", not "secret file"): its right edge, and
# the middle of its line. Coordinates are halved back to the window's.
read -r x y < <(awk -F'\t' 'NR>1 && $12!="" {
    key=$3" "$4" "$5; words[NR]=$12; left[NR]=$7; top[NR]=$8; w[NR]=$9; h[NR]=$10; line[NR]=key }
  END {
    for (i in words) if (words[i]=="Secret") {
      nxt=words[i+1]; if (line[i+1]==line[i] && nxt ~ /^encoding/) continue;
      printf "%d %d\n", (left[i]+w[i])/2, (top[i]+h[i]/2)/2; exit
    }
  }' "$work/before.tsv")
[ -n "${x:-}" ] || { echo "type_secret: no \"Secret\" label on screen; OCR saw:" >&2; awk -F'\t' 'NR>1{printf "%s ", $12}' "$work/before.tsv" >&2; exit 1; }
grep -q "No key" <(awk -F'\t' 'NR>1{printf "%s ", $12}' "$work/before.tsv") \
  || echo "type_secret: note: \"No key\" was not read before typing" >&2
echo "type_secret: \"Secret\" label at $x,$y; clicking the field to its right"
xdotool mousemove --window "$wid" $((x + 80)) "$y" click 1
sleep 0.5
xdotool type --window "$wid" --delay 120 "$secret"
sleep 2
words=$(ocr after | awk -F'\t' 'NR>1{printf "%s ", $12}')
if ! grep -q "Signature verified" <<<"$words"; then
  echo "type_secret: \"Signature verified\" not on screen after typing; OCR saw: $words" >&2
  cp "$work/after.png" target/type-secret-failed.png 2>/dev/null || true
  exit 1
fi
echo "type_secret: ok (typed ${#secret} characters, the badge says Signature verified)"
