"""Cross-library check: tokens this project signs verify in PyJWT, and tokens PyJWT signs verify
here, for every algorithm. Run by .ci/run as:  python3 tests/interop/pyjwt_check.py BINARY
Keys are generated fresh by the `cryptography` package (another implementation than ours)."""
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import jwt  # PyJWT
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa

binary = sys.argv[1]
work = Path(tempfile.mkdtemp())


def pem_pair(private):
    priv = private.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    pub = private.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    return priv, pub


rsa_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
keys = {
    "RS": pem_pair(rsa_key),
    "PS": pem_pair(rsa_key),
    "ES256": pem_pair(ec.generate_private_key(ec.SECP256R1())),
    "ES384": pem_pair(ec.generate_private_key(ec.SECP384R1())),
    "ES512": pem_pair(ec.generate_private_key(ec.SECP521R1())),
    "EdDSA": pem_pair(ed25519.Ed25519PrivateKey.generate()),
}
secret = b"interop-secret-that-is-long-enough-for-hs512-interop-secret-64b!"

algs = ["HS256", "HS384", "HS512", "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA"]
claims = {"sub": "interop", "n": 12345678901234567890, "nested": {"a": [1, 2, 3]}, "exp": 4102444800}
passed = failed = 0


def report(ok, what, detail=""):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print(f"FAIL {what}: {detail}")


for alg in algs:
    if alg.startswith("HS"):
        (work / "secret").write_bytes(secret)
        sign_key = verify_key = f"@{work / 'secret'}"
        py_sign = py_verify = secret
    else:
        priv, pub = keys.get(alg) or keys[alg[:2]]
        (work / f"{alg}.key").write_bytes(priv)
        (work / f"{alg}.pub").write_bytes(pub)
        sign_key, verify_key = f"@{work / (alg + '.key')}", f"@{work / (alg + '.pub')}"
        py_sign, py_verify = priv, pub

    # Ours → PyJWT.
    out = subprocess.run([binary, "encode", "--alg", alg, "--key", sign_key, "--no-iat", "--header", '{"kid":"interop"}', json.dumps(claims)], capture_output=True, text=True)
    if out.returncode != 0:
        report(False, f"{alg} encode", out.stderr)
    else:
        token = out.stdout.strip()
        try:
            decoded = jwt.decode(token, py_verify, algorithms=[alg])
            report(decoded == claims, f"{alg} ours -> PyJWT", decoded)
        except Exception as e:  # noqa: BLE001 - any failure is a finding
            report(False, f"{alg} ours -> PyJWT", repr(e))

    # PyJWT → ours.
    token = jwt.encode(claims, py_sign, algorithm=alg, headers={"kid": "py"})
    out = subprocess.run([binary, "decode", token, "--key", verify_key, "--json"], capture_output=True, text=True)
    status = json.loads(out.stdout).get("signature", {}).get("status") if out.stdout else None
    report(out.returncode == 0 and status == "verified", f"{alg} PyJWT -> ours", f"exit {out.returncode}, {status}, {out.stderr}")

print(f"interop with PyJWT {jwt.__version__}: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
