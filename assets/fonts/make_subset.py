#!/usr/bin/env python3
"""Remakes hangul-ui-subset.ttf from Debian's fonts-nanum for the characters the Korean catalogue
uses (pip install fonttools). python3 assets/fonts/make_subset.py"""
import os
import subprocess
import tempfile

from fontTools.ttLib import TTFont

here = os.path.dirname(os.path.abspath(__file__))
catalogue = "".join(
    open(os.path.join(here, "../i18n/ko", name), encoding="utf-8").read()
    for name in ("main.ftl", "core.ftl", "claims.json")
)
chars = "".join(sorted({c for c in catalogue + "한국어" if ord(c) >= 0x1100}))
with tempfile.TemporaryDirectory() as tmp:
    text, raw = os.path.join(tmp, "chars.txt"), os.path.join(tmp, "subset.ttf")
    open(text, "w", encoding="utf-8").write(chars)
    subprocess.run(["pyftsubset", "/usr/share/fonts/truetype/nanum/NanumGothic.ttf",
                    f"--text-file={text}", f"--output-file={raw}",
                    "--layout-features=*", "--no-hinting"], check=True,
                   stderr=subprocess.DEVNULL)
    font = TTFont(raw)
    name = "JwtDebuggerHangulUI"  # the OFL asks modified versions not to use the reserved name
    for rec in font["name"].names:
        if rec.nameID in (1, 16, 21):
            rec.string = name
        elif rec.nameID == 4:
            rec.string = name + " Regular"
        elif rec.nameID in (2, 17, 22):
            rec.string = "Regular"
        elif rec.nameID in (3, 6):
            rec.string = name + "-Regular"
    font.save(os.path.join(here, "hangul-ui-subset.ttf"))
print(f"{len(chars)} characters")
