//! Writing keys out: PEM (SPKI, PKCS#8, PKCS#1, SEC1) and JWK. Only on explicit request.

use pkcs8::{EncodePrivateKey as _, EncodePublicKey as _, LineEnding};
use rsa::traits::PublicKeyParts as _;
use serde_json::{Map, Value};
use zeroize::Zeroizing;

use super::alg::Curve;
use super::b64;
use super::keys::{
    Key, KeyError, KeyMaterial, OID_X25519, ec_coordinates, ml_dsa_oid, ml_dsa_pkcs8_private,
    pkcs8_der, spki_der,
};

fn err(e: impl std::fmt::Display) -> KeyError {
    KeyError::Invalid(format!("cannot export the key: {e}").into())
}

/// The public key as SPKI PEM (`BEGIN PUBLIC KEY`). Secrets have no public half.
pub fn public_pem(key: &Key) -> Result<String, KeyError> {
    match &key.material {
        KeyMaterial::Secret(_) => Err(KeyError::Invalid("an HMAC secret has no public key".into())),
        KeyMaterial::Rsa { public, .. } => public.to_public_key_pem(LineEnding::LF).map_err(err),
        KeyMaterial::Ec { curve, public, .. } => match curve {
            Curve::P256 => p256::PublicKey::from_sec1_bytes(public)
                .map_err(err)?
                .to_public_key_pem(LineEnding::LF)
                .map_err(err),
            Curve::P384 => p384::PublicKey::from_sec1_bytes(public)
                .map_err(err)?
                .to_public_key_pem(LineEnding::LF)
                .map_err(err),
            Curve::Secp256k1 => k256::PublicKey::from_sec1_bytes(public)
                .map_err(err)?
                .to_public_key_pem(LineEnding::LF)
                .map_err(err),
            Curve::P521 => p521::PublicKey::from_sec1_bytes(public)
                .map_err(err)?
                .to_public_key_pem(LineEnding::LF)
                .map_err(err),
        },
        KeyMaterial::Ed25519 { public, .. } => ed25519_dalek::VerifyingKey::from_bytes(public)
            .map_err(err)?
            .to_public_key_pem(LineEnding::LF)
            .map_err(err),
        KeyMaterial::X25519 { public, .. } => pem("PUBLIC KEY", &spki_der(OID_X25519, public)?),
        KeyMaterial::MlDsa { level, public, .. } => {
            pem("PUBLIC KEY", &spki_der(ml_dsa_oid(*level), public)?)
        }
    }
}

fn pem(label: &str, der: &[u8]) -> Result<String, KeyError> {
    pkcs8::der::pem::encode_string(label, LineEnding::LF, der).map_err(err)
}

/// The private key as PKCS#8 PEM (`BEGIN PRIVATE KEY`).
pub fn private_pem(key: &Key) -> Result<Zeroizing<String>, KeyError> {
    let none =
        || KeyError::Invalid("this is a public key: there is no private key to export".into());
    let pem = match &key.material {
        KeyMaterial::Secret(_) => {
            return Err(KeyError::Invalid("an HMAC secret has no PEM form".into()));
        }
        KeyMaterial::Rsa { private, .. } => private
            .as_ref()
            .ok_or_else(none)?
            .to_pkcs8_pem(LineEnding::LF)
            .map_err(err)?,
        KeyMaterial::Ec { curve, private, .. } => {
            let d = private.as_ref().ok_or_else(none)?;
            match curve {
                Curve::P256 => p256::SecretKey::from_slice(d)
                    .map_err(err)?
                    .to_pkcs8_pem(LineEnding::LF)
                    .map_err(err)?,
                Curve::P384 => p384::SecretKey::from_slice(d)
                    .map_err(err)?
                    .to_pkcs8_pem(LineEnding::LF)
                    .map_err(err)?,
                Curve::P521 => p521::SecretKey::from_slice(d)
                    .map_err(err)?
                    .to_pkcs8_pem(LineEnding::LF)
                    .map_err(err)?,
                Curve::Secp256k1 => k256::SecretKey::from_slice(d)
                    .map_err(err)?
                    .to_pkcs8_pem(LineEnding::LF)
                    .map_err(err)?,
            }
        }
        KeyMaterial::Ed25519 { private, .. } => {
            ed25519_dalek::SigningKey::from_bytes(private.as_ref().ok_or_else(none)?)
                .to_pkcs8_pem(LineEnding::LF)
                .map_err(err)?
        }
        KeyMaterial::X25519 { private, .. } => {
            let d = private.as_ref().ok_or_else(none)?;
            let mut octets = Zeroizing::new(vec![0x04, 0x20]);
            octets.extend_from_slice(d.as_slice());
            let der = pkcs8_der(OID_X25519, &octets)?;
            return Ok(Zeroizing::new(pem("PRIVATE KEY", &der)?));
        }
        // The seed-only form of RFC 9881 §6.
        KeyMaterial::MlDsa { level, seed, .. } => {
            let seed = seed.as_ref().ok_or_else(none)?;
            let der = pkcs8_der(ml_dsa_oid(*level), &ml_dsa_pkcs8_private(seed))?;
            return Ok(Zeroizing::new(pem("PRIVATE KEY", &der)?));
        }
    };
    Ok(Zeroizing::new(pem.to_string()))
}

/// The private key in its traditional PEM: PKCS#1 for RSA, SEC1 for EC (`BEGIN EC PRIVATE KEY`).
pub fn private_pem_traditional(key: &Key) -> Result<Zeroizing<String>, KeyError> {
    use rsa::pkcs1::EncodeRsaPrivateKey as _;
    let none =
        || KeyError::Invalid("this is a public key: there is no private key to export".into());
    let pem = match &key.material {
        KeyMaterial::Rsa { private, .. } => private
            .as_ref()
            .ok_or_else(none)?
            .to_pkcs1_pem(LineEnding::LF)
            .map_err(err)?,
        KeyMaterial::Ec {
            curve,
            private,
            public,
        } => {
            // Written by hand so that the curve's OID is included, as OpenSSL expects.
            use pkcs8::der::Encode as _;
            let d = private.as_ref().ok_or_else(none)?;
            let sec1 = sec1::EcPrivateKey {
                private_key: d,
                parameters: Some(sec1::EcParameters::NamedCurve(super::keys::curve_oid(
                    *curve,
                ))),
                public_key: Some(public),
            };
            let der = Zeroizing::new(sec1.to_der().map_err(err)?);
            let pem = pkcs8::der::pem::encode_string("EC PRIVATE KEY", LineEnding::LF, &der)
                .map_err(err)?;
            return Ok(Zeroizing::new(pem));
        }
        _ => {
            return Err(KeyError::Invalid(
                "only RSA (PKCS#1) and EC (SEC1) keys have a traditional PEM form".into(),
            ));
        }
    };
    Ok(Zeroizing::new(pem.to_string()))
}

/// The public key as PKCS#1 PEM (`BEGIN RSA PUBLIC KEY`), RSA only.
pub fn public_pem_pkcs1(key: &Key) -> Result<String, KeyError> {
    use rsa::pkcs1::EncodeRsaPublicKey as _;
    match &key.material {
        KeyMaterial::Rsa { public, .. } => public.to_pkcs1_pem(LineEnding::LF).map_err(err),
        _ => Err(KeyError::Invalid(
            "only RSA keys have a PKCS#1 public form".into(),
        )),
    }
}

/// The key as a JWK object; with `include_private` the private members (or the secret) too.
/// The `kid` is the key's own, else its RFC 7638 thumbprint.
pub fn jwk(key: &Key, include_private: bool) -> Value {
    let mut m = Map::new();
    let mut put = |k: &str, v: String| {
        m.insert(k.to_owned(), Value::String(v));
    };
    match &key.material {
        KeyMaterial::Secret(s) => {
            put("kty", "oct".into());
            if include_private {
                put("k", b64::encode(s.as_slice()));
            }
        }
        KeyMaterial::Rsa { public, private } => {
            put("kty", "RSA".into());
            put("n", b64::encode(public.n().to_bytes_be()));
            put("e", b64::encode(public.e().to_bytes_be()));
            if let (true, Some(p)) = (include_private, private) {
                use rsa::traits::PrivateKeyParts as _;
                put("d", b64::encode(p.d().to_bytes_be()));
                if let [pp, qq, ..] = p.primes() {
                    put("p", b64::encode(pp.to_bytes_be()));
                    put("q", b64::encode(qq.to_bytes_be()));
                }
                if let (Some(dp), Some(dq)) = (p.dp(), p.dq()) {
                    put("dp", b64::encode(dp.to_bytes_be()));
                    put("dq", b64::encode(dq.to_bytes_be()));
                }
                if let Some(qi) = p.crt_coefficient() {
                    put("qi", b64::encode(qi.to_bytes_be()));
                }
            }
        }
        KeyMaterial::Ec {
            curve,
            public,
            private,
        } => {
            let (x, y) = ec_coordinates(*curve, public);
            put("kty", "EC".into());
            put("crv", curve.name().into());
            put("x", b64::encode(x));
            put("y", b64::encode(y));
            if let (true, Some(d)) = (include_private, private) {
                put("d", b64::encode(d.as_slice()));
            }
        }
        KeyMaterial::Ed25519 { public, private } | KeyMaterial::X25519 { public, private } => {
            put("kty", "OKP".into());
            let crv = if matches!(key.material, KeyMaterial::X25519 { .. }) {
                "X25519"
            } else {
                "Ed25519"
            };
            put("crv", crv.into());
            put("x", b64::encode(public));
            if let (true, Some(d)) = (include_private, private) {
                put("d", b64::encode(d.as_slice()));
            }
        }
        // draft-ietf-cose-dilithium: AKP with alg, pub and the seed as priv.
        KeyMaterial::MlDsa {
            level,
            public,
            seed,
        } => {
            put("kty", "AKP".into());
            put("alg", level.name().into());
            put("pub", b64::encode(public));
            if let (true, Some(seed)) = (include_private, seed) {
                put("priv", b64::encode(seed.as_slice()));
            }
        }
    }
    put("kid", key.kid.clone().unwrap_or_else(|| key.thumbprint()));
    if let Some(alg) = &key.jwk_alg {
        put("alg", alg.clone());
    }
    Value::Object(m)
}
