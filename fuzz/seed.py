#!/usr/bin/env python3
"""Seed corpora for the fuzz targets from ../shared/vectors (read there, never copied into the
repository): tokens for decode/analyze, log lines holding them for scan, keys for keys, small JSON
documents for json.
    python3 fuzz/seed.py ../shared/vectors fuzz/corpus"""
import base64
import hashlib
import json
import os
import sys

vectors, out = sys.argv[1], sys.argv[2]
corpora = {name: set() for name in ("decode", "analyze", "keys", "json", "scan", "sd")}


def walk(value):
    if isinstance(value, dict):
        if "kty" in value or "keys" in value:
            corpora["keys"].add(json.dumps(value))
        for v in value.values():
            yield from walk(v)
    elif isinstance(value, list):
        for v in value:
            yield from walk(v)
    elif isinstance(value, str):
        yield value


for root, _, files in os.walk(vectors):
    for name in files:
        if not name.endswith(".json"):
            continue
        with open(os.path.join(root, name), encoding="utf-8") as f:
            try:
                doc = json.load(f)
            except ValueError:
                continue
        for s in walk(doc):
            if s.count(".") in (2, 4) and len(s) < 20000:
                corpora["decode"].add(s)
                corpora["analyze"].add(s)
                corpora["scan"].add(f"GET /x?token%3D{s}%26a=1\nAuthorization: Bearer {s}.\n")
                for part in s.split(".")[:2]:
                    try:
                        raw = base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))
                        if raw.startswith(b"{"):
                            corpora["json"].add(raw.decode("utf-8"))
                    except (ValueError, UnicodeDecodeError):
                        pass
            if "-----BEGIN" in s:
                corpora["keys"].add(s)
            if s.startswith("{") and len(s) < 20000:
                corpora["json"].add(s)

# SD-JWTs: the RFC 9901 example vectors of this repository (issuances and presentations), and
# (for sd) the simple example's tokens and each cut at every '~'.
sd_dir = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "vectors", "sd_jwt")
for name in sorted(os.listdir(sd_dir)):
    if not name.endswith(".json"):
        continue
    with open(os.path.join(sd_dir, name), encoding="utf-8") as f:
        doc = json.load(f)
    for which in ("issuance", "presentation"):
        token = doc[which]
        for target in ("decode", "analyze"):
            corpora[target].add(token)
        # The sd target checks that nothing but this example's own presentation passes: the
        # other examples are signed by the same issuer and holder keys, so they are not seeds.
        if name == "simple.json":
            corpora["sd"].add(token)
            pieces = token.split("~")
            for i in range(1, len(pieces)):
                corpora["sd"].add("~".join(pieces[:i]) + "~")

for target, items in corpora.items():
    d = os.path.join(out, target)
    os.makedirs(d, exist_ok=True)
    for item in items:
        data = item.encode("utf-8")
        with open(os.path.join(d, hashlib.sha1(data).hexdigest()), "wb") as f:
            f.write(data)
    print(f"{target}: {len(items)} seeds")
