#!/usr/bin/env python3
"""Makes the SD-JWT vectors in this directory from RFC 9901's own example specifications.

The RFC's examples (its appendices) were produced from YAML specifications in the working
group's repository (github.com/oauth-wg/oauth-selective-disclosure-jwt, examples/) with the
OpenWallet Foundation reference implementation (PyPI `sd-jwt`) and a fixed random seed. This
script runs the same implementation over the same specifications and writes, per example, one
JSON file: the issuer's public key, the issuance, a presentation (with key binding where the
example has it) and the processed claims the reference verifier returns for both. The Rust test
tests/sd_jwt_vectors.rs decodes every token and asserts the processed claims exactly.

    pip install sd-jwt==0.10.4
    python3 tests/vectors/sd_jwt/generate.py PATH/TO/oauth-selective-disclosure-jwt/examples
"""

import base64
import hashlib
import json
import random
import sys
from pathlib import Path

import sd_jwt.holder
from jwcrypto.jwk import JWK
from jwcrypto.jws import JWS
from sd_jwt.holder import SDJWTHolder
from sd_jwt.issuer import SDJWTIssuer
from sd_jwt.utils.demo_utils import load_yaml_settings
from sd_jwt.utils.yaml_specification import load_yaml_specification
from sd_jwt.verifier import SDJWTVerifier

# The examples whose output RFC 9901 prints (simple, structured, recursive, arrays, key binding,
# SD-JWT VC shapes, JWS JSON serialization), plus the larger identity examples.
EXAMPLES = [
    "simple",
    "simple_structured",
    "address_only_flat",
    "address_only_structured",
    "address_only_structured_one_open",
    "address_only_recursive",
    "complex_ekyc",
    "arf-pid",
    "w3c-vc",
    "json_serialization_flattened",
    "json_serialization_general",
]


def generate(examples: Path, name: str) -> dict:
    settings = load_yaml_settings(examples / "settings.yml")
    spec = load_yaml_specification(examples / name / "specification.yml")
    random.seed(settings["random_seed"])
    ks = settings["key_settings"]
    issuer_jwk = ks.get("issuer_key") or ks["issuer_keys"][0]
    issuer_key = JWK.from_json(json.dumps(issuer_jwk))
    holder_key = JWK.from_json(json.dumps(ks["holder_key"]))
    issuer_public = json.loads(issuer_key.export_public())
    kb = bool(spec.get("key_binding", False))
    fmt = spec.get("serialization_format", "compact")
    claims = {}
    if spec.get("include_default_claims", True):
        claims = {
            "iss": settings["identifiers"]["issuer"],
            "iat": settings["iat"],
            "exp": settings["exp"],
        }
    claims.update(spec["user_claims"])

    SDJWTIssuer.unsafe_randomness = True
    issuer = SDJWTIssuer(
        claims,
        issuer_key,
        holder_key if kb else None,
        add_decoy_claims=spec.get("add_decoy_claims", False),
        serialization_format=fmt,
        extra_header_parameters=spec.get("extra_header_parameters", {}),
    )
    # The key-binding JWT's iat is the settings' iat (the library takes the clock).
    sd_jwt.holder.time = lambda: settings["iat"]
    nonce = settings["key_binding_nonce"]
    aud = settings["identifiers"]["verifier"]
    holder = SDJWTHolder(issuer.sd_jwt_issuance, serialization_format=fmt)
    holder.create_presentation(
        spec["holder_disclosed_claims"],
        nonce if kb else None,
        aud if kb else None,
        holder_key if kb else None,
    )

    def issuer_key_for(_iss, _header):
        return issuer_key

    presented = SDJWTVerifier(
        holder.sd_jwt_presentation,
        issuer_key_for,
        aud if kb else None,
        nonce if kb else None,
        serialization_format=fmt,
    ).get_verified_payload()
    issued = SDJWTVerifier(
        issuer.sd_jwt_issuance, issuer_key_for, serialization_format=fmt
    ).get_verified_payload()
    issuance, presentation = issuer.sd_jwt_issuance, holder.sd_jwt_presentation
    if fmt == "json":
        issuance = to_rfc_json(issuance)
        presentation = to_rfc_json(presentation, holder_key if kb else None, aud, nonce, settings["iat"])
    return {
        "example": name,
        "source": f"oauth-wg/oauth-selective-disclosure-jwt examples/{name}/specification.yml",
        "generator": "PyPI sd-jwt 0.10.4, random_seed from examples/settings.yml",
        "serialization": fmt,
        "issuer_public_jwk": issuer_public,
        "key_binding": kb,
        "kb_aud": aud if kb else None,
        "kb_nonce": nonce if kb else None,
        "kb_iat": settings["iat"] if kb else None,
        "issuance": issuance,
        "issuance_claims": issued,
        "presentation": presentation,
        "presentation_claims": presented,
    }


def to_rfc_json(text, holder_key=None, aud=None, nonce=None, iat=None):
    """The reference implementation (0.10.4) writes the JSON serialization as drafts before
    RFC 9901 did: `disclosures` and `kb_jwt` at the top level, and `sd_hash` over the JSON text.
    RFC 9901 §8 puts them in the unprotected header and §8.1 takes `sd_hash` over the compact
    equivalent, `<protected>.<payload>.<signature>~<disclosure>~…~`: made so here, signing a fresh
    key-binding JWT with the holder key when the presentation has one."""
    doc = json.loads(text)
    disclosures = doc.pop("disclosures", [])
    old_kb = doc.pop("kb_jwt", None)
    first = doc["signatures"][0] if "signatures" in doc else doc
    header = first.setdefault("header", {})
    header["disclosures"] = disclosures
    if old_kb and holder_key is not None:
        compact = f"{first['protected']}.{doc['payload']}.{first['signature']}~"
        compact += "".join(d + "~" for d in disclosures)
        digest = hashlib.sha256(compact.encode("ascii")).digest()
        sd_hash = base64.urlsafe_b64encode(digest).decode().rstrip("=")
        payload = {"nonce": nonce, "aud": aud, "iat": iat, "sd_hash": sd_hash}
        jws = JWS(json.dumps(payload))
        jws.add_signature(holder_key, alg="ES256", protected=json.dumps({"alg": "ES256", "typ": "kb+jwt"}))
        header["kb_jwt"] = jws.serialize(compact=True)
    return json.dumps(doc)


def main() -> None:
    examples = Path(sys.argv[1])
    out = Path(__file__).parent
    for name in EXAMPLES:
        doc = generate(examples, name)
        (out / f"{name}.json").write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n")
        print(f"wrote {name}.json")


if __name__ == "__main__":
    main()
