"""Cross-library check for encrypted and post-quantum tokens (issue #12), run by .ci/run as:
    python3 tests/interop/jose_check.py BINARY

- JWE: for every alg/enc pair that both this project and Python's jwcrypto implement, a token
  encrypted here decrypts in jwcrypto and a token jwcrypto encrypted decrypts here. Keys are made
  by jwcrypto (another implementation). Pairs jwcrypto does not implement are named, not hidden.
- ML-DSA: signatures made here verify with dilithium-py (a pure-Python FIPS 204 implementation)
  over the JWS signing input, and dilithium-py's signatures verify here; the public key that
  dilithium-py derives from our seed equals ours.
Prints `N passed, M failed` and exits 1 on any failure."""
import base64
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from dilithium_py.ml_dsa import ML_DSA_44, ML_DSA_65, ML_DSA_87
from jwcrypto import jwe, jwk
from jwcrypto.common import json_encode

binary = sys.argv[1]
work = Path(tempfile.mkdtemp())
passed = failed = 0
not_in_jwcrypto = set()


def report(ok, what, detail=""):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print(f"FAIL {what}: {detail}")


def run(*args, stdin=None):
    return subprocess.run([binary, *args], input=stdin, capture_output=True, text=True)


def b64(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def unb64(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


ENCS = ["A128CBC-HS256", "A192CBC-HS384", "A256CBC-HS512", "A128GCM", "A192GCM", "A256GCM"]
ENC_BYTES = {"A128CBC-HS256": 32, "A192CBC-HS384": 48, "A256CBC-HS512": 64,
             "A128GCM": 16, "A192GCM": 24, "A256GCM": 32}
rsa = jwk.JWK.generate(kty="RSA", size=2048)
ecs = {crv: jwk.JWK.generate(kty="EC", crv=crv) for crv in ["P-256", "P-384", "P-521"]}
x25519 = jwk.JWK.generate(kty="OKP", crv="X25519")
password = "correct horse battery staple, twice"
password_key = jwk.JWK(kty="oct", k=b64(password.encode()))


def keys_for(alg, enc):
    """(jwcrypto key, our key text) for each key this pair works with."""
    if alg.startswith("RSA"):
        return [(rsa, rsa.export_private())]
    if alg.startswith("ECDH-ES"):
        return [(k, k.export_private()) for k in [*ecs.values(), x25519]]
    if alg.startswith("PBES2"):
        return [(password_key, password_key.export())]
    size = ENC_BYTES[enc] if alg == "dir" else int(alg[1:4]) // 8
    k = jwk.JWK.generate(kty="oct", size=size * 8)
    return [(k, k.export())]


ALGS = ["RSA1_5", "RSA-OAEP", "RSA-OAEP-256", "RSA-OAEP-384", "RSA-OAEP-512",
        "A128KW", "A192KW", "A256KW", "dir",
        "ECDH-ES", "ECDH-ES+A128KW", "ECDH-ES+A192KW", "ECDH-ES+A256KW",
        "A128GCMKW", "A192GCMKW", "A256GCMKW",
        "PBES2-HS256+A128KW", "PBES2-HS384+A192KW", "PBES2-HS512+A256KW"]
plaintext = "Tokens cross libraries: 한국어, emoji 🔐, and a long tail " + "x" * 300

for alg in ALGS:
    for enc in ENCS:
        for theirs, ours in keys_for(alg, enc):
            what = f"{alg} + {enc} ({theirs.get('crv', theirs.get('kty'))})"
            allowed = [alg, enc]
            # jwcrypto → here
            try:
                header = {"alg": alg, "enc": enc}
                if alg.startswith("PBES2"):
                    header["p2c"] = 8192
                token = jwe.JWE(plaintext.encode(), json_encode(header))
                token.allowed_algs = allowed
                token.add_recipient(theirs if theirs.get("kty") == "oct" else theirs.public())
                compact = token.serialize(compact=True)
            except Exception as e:  # noqa: BLE001 - jwcrypto signals unsupported pairs this way
                not_in_jwcrypto.add(f"{alg}: {type(e).__name__}: {e}")
                continue
            r = run("decode", compact, "--key", ours, "--json")
            out = json.loads(r.stdout or "{}")
            report(r.returncode == 0 and out.get("payload_text") == plaintext,
                   f"jwcrypto → here {what}", f"exit {r.returncode}: {out.get('jwe')}")
            # here → jwcrypto
            if alg == "RSA1_5":
                continue  # decrypt-only here by design
            public = ours if theirs.get("kty") == "oct" else theirs.export_public()
            extra = ["--header", '{"p2c":8192}'] if alg.startswith("PBES2") else []
            r = run("encrypt", "--alg", alg, "--enc", enc, "--key", public, *extra, plaintext)
            if r.returncode != 0:
                report(False, f"here → jwcrypto {what}", r.stderr.strip())
                continue
            try:
                back = jwe.JWE()
                back.allowed_algs = allowed
                back.deserialize(r.stdout.strip(), key=theirs)
                report(back.payload.decode() == plaintext, f"here → jwcrypto {what}", "plaintext differs")
            except Exception as e:  # noqa: BLE001
                report(False, f"here → jwcrypto {what}", f"{type(e).__name__}: {e}")

# RSA-OAEP-384/512 are not in jwcrypto: open tokens made here with the `cryptography` package
# directly (RSA-OAEP with that hash for the key, AES-GCM with the header as AAD for the content).
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.serialization import load_pem_private_key

rsa_private = load_pem_private_key(rsa.export_to_pem(private_key=True, password=None), None)
for alg, digest in [("RSA-OAEP-384", hashes.SHA384()), ("RSA-OAEP-512", hashes.SHA512())]:
    r = run("encrypt", "--alg", alg, "--enc", "A256GCM", "--key", rsa.export_public(), plaintext)
    try:
        head, ek, iv, ct, tag = r.stdout.strip().split(".")
        cek = rsa_private.decrypt(unb64(ek), padding.OAEP(padding.MGF1(digest), digest, None))
        opened = AESGCM(cek).decrypt(unb64(iv), unb64(ct) + unb64(tag), head.encode())
        report(opened.decode() == plaintext, f"here → cryptography {alg} + A256GCM")
    except Exception as e:  # noqa: BLE001
        report(False, f"here → cryptography {alg} + A256GCM", f"{type(e).__name__}: {e} {r.stderr}")

# A nested token: signed here, encrypted here, opened by jwcrypto and its inner signature
# checked by jwcrypto too.
ec = ecs["P-256"]
(work / "sign.jwk").write_text(ec.export_private())
signed = run("encode", "--alg", "ES256", "--key", f"@{work / 'sign.jwk'}", '{"sub":"nested"}').stdout.strip()
nested = run("encrypt", "--alg", "RSA-OAEP-256", "--enc", "A256GCM", "--key", rsa.export_public(),
             "--cty", "JWT", stdin=signed + "\n").stdout.strip()
try:
    from jwcrypto import jws
    outer = jwe.JWE()
    outer.deserialize(nested, key=rsa)
    inner = jws.JWS()
    inner.deserialize(outer.payload.decode())
    inner.verify(ec)
    report(json.loads(inner.payload)["sub"] == "nested" and outer.jose_header.get("cty") == "JWT",
           "nested token opened by jwcrypto")
except Exception as e:  # noqa: BLE001
    report(False, "nested token opened by jwcrypto", f"{type(e).__name__}: {e}")

# ML-DSA both ways against dilithium-py.
for name, impl in [("ML-DSA-44", ML_DSA_44), ("ML-DSA-65", ML_DSA_65), ("ML-DSA-87", ML_DSA_87)]:
    out = work / name
    r = run("keygen", "--alg", name, "--out", str(out))
    report(r.returncode == 0, f"{name} keygen", r.stderr)
    private = json.loads((out / "private.jwk.json").read_text())
    seed = unb64(private["priv"])
    pk, sk = impl.key_derive(seed)
    report(pk == unb64(private["pub"]), f"{name}: the public key from our seed matches dilithium-py's")
    token = run("encode", "--alg", name, "--key", f"@{out / 'private.pem'}", '{"sub":"pq"}').stdout.strip()
    head, body, sig = token.split(".")
    report(impl.verify(pk, f"{head}.{body}".encode(), unb64(sig)),
           f"{name}: our signature verifies in dilithium-py")
    # dilithium-py signs a token with a fresh key; we verify it with the AKP public JWK.
    pk2, sk2 = impl.keygen()
    header = b64(json.dumps({"alg": name, "typ": "JWT"}).encode())
    payload = b64(json.dumps({"sub": "from dilithium-py"}).encode())
    signature = impl.sign(sk2, f"{header}.{payload}".encode())
    theirs = f"{header}.{payload}.{b64(signature)}"
    akp = json.dumps({"kty": "AKP", "alg": name, "pub": b64(pk2)})
    r = run("decode", theirs, "--key", akp, "--json")
    status = json.loads(r.stdout or "{}").get("signature", {}).get("status")
    report(r.returncode == 0 and status == "verified", f"{name}: dilithium-py's signature verifies here", status)
    # And a signature over another input does not.
    wrong = f"{header}.{b64(b'{}')}.{b64(signature)}"
    r = run("decode", wrong, "--key", akp, "--json")
    report(r.returncode == 1, f"{name}: a signature over other bytes is refused")

for n in sorted(not_in_jwcrypto):
    print(f"not in jwcrypto (skipped for every enc): {n}")
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
