"""The newer algorithms both ways: ES256K (RFC 8812) and Ed25519 (RFC 9864, and the deprecated
EdDSA name) with jwcrypto, ES256K with PyJWT. Keys are made by the other side (jwcrypto,
cryptography) and by our keygen. Run by .ci/run as:
    python3 tests/interop/alg_check.py BINARY"""
import base64
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import jwt  # PyJWT
from cryptography.hazmat.primitives import serialization
from jwcrypto.jwk import JWK
from jwcrypto.jws import JWS

binary = sys.argv[1]
work = Path(tempfile.mkdtemp())
passed = failed = 0


def report(ok, what, detail=""):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print(f"FAIL {what} {detail}")


def ours(*args, stdin=None):
    return subprocess.run([binary, *args], capture_output=True, text=True, input=stdin)


def write(name, text):
    p = work / name
    p.write_text(text)
    return "@" + str(p)


claims = {"sub": "interop", "n": 42}
for alg, kw in [("ES256K", {"kty": "EC", "crv": "secp256k1"}), ("Ed25519", {"kty": "OKP", "crv": "Ed25519"}),
                ("EdDSA", {"kty": "OKP", "crv": "Ed25519"})]:
    key = JWK.generate(**kw)
    priv = write(f"{alg}.pem", key.export_to_pem(private_key=True, password=None).decode())
    pub_jwk = write(f"{alg}.pub.jwk", key.export_public())
    # Ours signs, jwcrypto verifies.
    r = ours("encode", "--alg", alg, "--key", priv, "--no-iat", json.dumps(claims))
    report(r.returncode == 0, f"{alg}: encode", r.stderr)
    token = r.stdout.strip()
    try:
        jws = JWS()
        jws.deserialize(token)
        jws.verify(JWK.from_json(key.export_public()), alg=alg)
        report(json.loads(jws.payload) == claims, f"{alg}: ours verifies in jwcrypto")
    except Exception as e:
        report(False, f"{alg}: ours verifies in jwcrypto", str(e))
    # jwcrypto signs, ours verifies; a changed payload is refused.
    jws = JWS(json.dumps(claims))
    jws.add_signature(key, alg=alg, protected=json.dumps({"alg": alg}))
    theirs = jws.serialize(compact=True)
    r = ours("decode", theirs, "--key", pub_jwk, "--json")
    doc = json.loads(r.stdout)
    report(r.returncode == 0 and doc["signature"]["status"] == "verified", f"{alg}: jwcrypto's verifies here", r.stdout[:300])
    h, p, s = theirs.split(".")
    forged = h + "." + base64.urlsafe_b64encode(b'{"sub":"forged"}').decode().rstrip("=") + "." + s
    r = ours("decode", forged, "--key", pub_jwk, "--json")
    report(r.returncode == 1 and json.loads(r.stdout)["signature"]["status"] == "invalid", f"{alg}: a changed payload is refused here")

# Our keygen's ES256K key, used by PyJWT both ways.
keys = work / "k1"
r = ours("keygen", "--alg", "ES256K", "--out", str(keys))
report(r.returncode == 0, "keygen ES256K", r.stderr)
private = serialization.load_pem_private_key((keys / "private.pem").read_bytes(), password=None)
public_pem = (keys / "public.pem").read_bytes()
theirs = jwt.encode(claims, private, algorithm="ES256K")
r = ours("decode", theirs, "--key", "@" + str(keys / "public.pem"), "--json")
report(r.returncode == 0 and json.loads(r.stdout)["signature"]["status"] == "verified", "ES256K: PyJWT's verifies here", r.stdout[:300])
r = ours("encode", "--alg", "ES256K", "--key", "@" + str(keys / "private.pem"), "--no-iat", json.dumps(claims))
try:
    got = jwt.decode(r.stdout.strip(), serialization.load_pem_public_key(public_pem), algorithms=["ES256K"])
    report(got == claims, "ES256K: ours verifies in PyJWT")
except Exception as e:
    report(False, "ES256K: ours verifies in PyJWT", str(e))
# Our JWK export of it reads in jwcrypto as secp256k1.
pub = JWK.from_json((keys / "public.jwk.json").read_text())
report(pub.get("crv") == "secp256k1", "ES256K: our JWK names crv secp256k1", pub.export_public())

# Attack tokens (issue #21): PyJWT, a correct verifier, refuses every one of them with the
# server's real key, even when it allows both the server's alg and HS256.
server = JWK.generate(kty="EC", crv="P-256")
server_pem = write("server.pem", server.export_to_pem(private_key=True, password=None).decode())
server_pub = server.export_to_pem().decode()
r = ours("encode", "--alg", "ES256", "--key", server_pem, "--no-iat", json.dumps({"sub": "user"}))
r = ours("attack", r.stdout.strip(), "--set", "sub=admin", "--public-key", write("server.pub.pem", server_pub),
         "--jku", "https://attacker.invalid/jwks.json", "--x5u", "https://attacker.invalid/c.pem", "--json")
report(r.returncode == 0, "attack --json", r.stderr)
attacks = [json.loads(line) for line in r.stdout.splitlines() if line.strip()]
report(len(attacks) >= 30, "attack tokens made", str(len(attacks)))
public = serialization.load_pem_public_key(server_pub.encode())
for a in attacks:
    try:
        jwt.decode(a["token"], public, algorithms=["ES256"])
        report(False, f"attack {a['id']} {a['variant']}: PyJWT accepted it")
    except Exception:
        report(True, "")

print(f"algorithms interop: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
