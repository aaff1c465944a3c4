"""SD-JWT interop with the OpenWallet Foundation reference implementation (PyPI `sd-jwt`).
Run by .ci/run as:  python3 tests/interop/sd_jwt_check.py BINARY

- Theirs here: issuances and presentations (with key binding) made by the reference
  implementation decode here to the claims its verifier returns, and verify (exit 0).
- Ours there: `encode --sd` issuances and `present --kb-key` presentations verify in the
  reference verifier, which returns the claims we return.
- Tampered copies (a changed disclosure byte, a dropped or duplicated disclosure, a wrong
  sd_hash, a key-binding JWT signed by another key) are refused both places.
Keys are generated fresh by jwcrypto (another implementation than ours)."""
import base64
import hashlib
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from jwcrypto.jwk import JWK
from jwcrypto.jws import JWS
from sd_jwt.common import SDObj
from sd_jwt.holder import SDJWTHolder
from sd_jwt.issuer import SDJWTIssuer
from sd_jwt.verifier import SDJWTVerifier

binary = sys.argv[1]
work = Path(tempfile.mkdtemp())
AUD = "https://verifier.example.org"
NONCE = "n-" + str(random.getrandbits(40))
passed = failed = 0


def report(ok, what, detail=""):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print(f"FAIL {what} {detail}")


def write(name, text):
    path = work / name
    path.write_text(text)
    return "@" + str(path)


def ours(*args):
    return subprocess.run([binary, *args], capture_output=True, text=True)


def decode_here(token, issuer_public, extra=()):
    r = subprocess.run(
        [binary, "decode", "-", "--json", "--key", write("iss.jwk", issuer_public),
         "--kb-aud", AUD, "--kb-nonce", NONCE, *extra],
        input=token, capture_output=True, text=True)
    try:
        doc = json.loads(r.stdout)
    except json.JSONDecodeError:
        doc = {"error": r.stderr}
    return r.returncode, doc


def verify_there(token, issuer_key, kb=True):
    try:
        v = SDJWTVerifier(token, lambda iss, header: issuer_key, AUD if kb else None, NONCE if kb else None)
        return v.get_verified_payload()
    except Exception as e:  # the reference raises on every refusal
        return e


def tampered(presentation, holder_key, other_key):
    """(what, token) pairs that must be refused."""
    parts = presentation.split("~")
    jwt, disclosures, kb = parts[0], parts[1:-1], parts[-1]
    out = []
    d = disclosures[0]
    changed = d[:-1] + ("A" if d[-1] != "A" else "B")
    out.append(("changed disclosure byte", "~".join([jwt, changed, *disclosures[1:], kb])))
    out.append(("dropped disclosure", "~".join([jwt, *disclosures[1:], kb])))
    out.append(("duplicated disclosure", "~".join([jwt, disclosures[0], *disclosures, kb])))
    presented = "~".join([jwt, *disclosures, ""])

    def kb_jwt(key, sd_hash):
        payload = {"iat": int(time.time()), "aud": AUD, "nonce": NONCE, "sd_hash": sd_hash}
        jws = JWS(json.dumps(payload))
        jws.add_signature(key, alg="ES256", protected=json.dumps({"alg": "ES256", "typ": "kb+jwt"}))
        return jws.serialize(compact=True)

    right = base64.urlsafe_b64encode(hashlib.sha256(presented.encode()).digest()).decode().rstrip("=")
    wrong = base64.urlsafe_b64encode(hashlib.sha256(b"other").digest()).decode().rstrip("=")
    out.append(("wrong sd_hash", presented + kb_jwt(holder_key, wrong)))
    out.append(("key binding by another key", presented + kb_jwt(other_key, right)))
    return out


issuer_key = JWK.generate(kty="EC", crv="P-256")
holder_key = JWK.generate(kty="EC", crv="P-256")
other_key = JWK.generate(kty="EC", crv="P-256")
issuer_public = issuer_key.export_public()
now = int(time.time())

# --- Theirs here -----------------------------------------------------------------------------
claims = {
    "iss": "https://issuer.example.com", "iat": now, "exp": now + 3600, "sub": "user_42",
    SDObj("given_name"): "Erika", SDObj("family_name"): "Mustermann",
    SDObj("address"): {SDObj("street_address"): "Heidestraße 17", "locality": "Köln", "country": "DE"},
    "nationalities": [SDObj("DE"), SDObj("FR"), "US"],
}
issuer = SDJWTIssuer(claims, issuer_key, holder_key, add_decoy_claims=True)
holder = SDJWTHolder(issuer.sd_jwt_issuance)
holder.create_presentation({"given_name": True, "address": {"street_address": True}, "nationalities": [True, False]},
                           NONCE, AUD, holder_key)
for what, token, kb in [("their issuance", issuer.sd_jwt_issuance, False),
                        ("their presentation", holder.sd_jwt_presentation, True)]:
    expected = verify_there(token, issuer_key, kb)
    code, doc = decode_here(token, issuer_public)
    report(not isinstance(expected, Exception), what + " verifies there", str(expected))
    report(code == 0, what + " exits 0 here", json.dumps(doc)[:400])
    report(doc.get("sd_jwt", {}).get("claims") == expected, what + ": the same claims",
           json.dumps(doc.get("sd_jwt", {}).get("claims"))[:300] + " vs " + json.dumps(expected)[:300])
    if kb:
        report(doc.get("sd_jwt", {}).get("key_binding", {}).get("status") == "verified", what + ": key binding verified here")
for what, token in tampered(holder.sd_jwt_presentation, holder_key, other_key):
    code, doc = decode_here(token, issuer_public)
    report(code == 1, f"their presentation, {what}: refused here", f"exit {code}")
    report(isinstance(verify_there(token, issuer_key), Exception), f"their presentation, {what}: refused there")

# --- Ours there ------------------------------------------------------------------------------
iss_pem = write("issuer.pem", issuer_key.export_to_pem(private_key=True, password=None).decode())
holder_pub = write("holder.jwk", holder_key.export_public())
holder_pem = write("holder.pem", holder_key.export_to_pem(private_key=True, password=None).decode())
payload = {"iss": "https://issuer.example.com", "sub": "user_42", "exp": now + 3600, "given_name": "Erika",
           "family_name": "Mustermann", "address": {"street_address": "Heidestraße 17", "locality": "Köln"},
           "nationalities": ["DE", "FR"]}
r = ours("encode", "--alg", "ES256", "--key", iss_pem, "--holder-key", holder_pub,
         "--sd", "/given_name", "--sd", "/family_name", "--sd", "/address", "--sd", "/address/street_address",
         "--sd", "/nationalities/0", "--sd", "/nationalities/1", json.dumps(payload))
report(r.returncode == 0, "encode --sd", r.stderr)
our_issuance = r.stdout.strip()
expected = verify_there(our_issuance, issuer_key, kb=False)
report(not isinstance(expected, Exception), "our issuance verifies there", str(expected))
code, doc = decode_here(our_issuance, issuer_public)
report(code == 0 and doc["sd_jwt"]["claims"] == expected, "our issuance: the same claims both places",
       json.dumps(doc.get("sd_jwt", {}).get("claims")) + " vs " + str(expected))
report(doc["sd_jwt"]["claims"].get("address", {}).get("street_address") == "Heidestraße 17", "recursive disclosure in place")
r = ours("present", our_issuance, "--disclose", "/given_name", "--disclose", "/address/street_address",
         "--disclose", "/nationalities/1", "--kb-key", holder_pem, "--kb-aud", AUD, "--kb-nonce", NONCE)
report(r.returncode == 0, "present --kb-key", r.stderr)
our_presentation = r.stdout.strip()
expected = verify_there(our_presentation, issuer_key)
report(not isinstance(expected, Exception), "our presentation verifies there (key binding included)", str(expected))
code, doc = decode_here(our_presentation, issuer_public)
report(code == 0 and doc["sd_jwt"]["claims"] == expected, "our presentation: the same claims both places",
       json.dumps(doc.get("sd_jwt", {}).get("claims")) + " vs " + str(expected))
report(not isinstance(expected, Exception) and "family_name" not in expected and expected["nationalities"] == ["FR"],
       "only the chosen disclosures", str(expected))
for what, token in tampered(our_presentation, holder_key, other_key):
    code, doc = decode_here(token, issuer_public)
    report(code == 1, f"our presentation, {what}: refused here", f"exit {code}")
    report(isinstance(verify_there(token, issuer_key), Exception), f"our presentation, {what}: refused there")

print(f"sd-jwt interop: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
