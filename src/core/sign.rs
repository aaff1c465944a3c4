//! Signing: header JSON + payload JSON + key → compact token over exactly the bytes emitted.

use serde_json::Value;

use super::alg::Alg;
use super::b64;
use super::json::{self, JsonError};
use super::keys::{Key, KeyMaterial};

/// Why a token could not be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SignError {
    #[error("header JSON, {0}")]
    HeaderJson(JsonError),
    #[error("header must be a JSON object, not {0}")]
    HeaderNotObject(&'static str),
    #[error("header has no \"alg\": choose an algorithm")]
    NoAlg,
    #[error("header \"alg\" {0} is not a JWS algorithm this debugger can sign with")]
    UnknownAlg(String),
    #[error("payload JSON, {0}")]
    PayloadJson(JsonError),
    #[error(
        "alg \"none\" makes an unsecured token that anyone can forge; it is only made when asked for explicitly"
    )]
    UnsecuredNotAllowed,
    #[error("no key: {0} needs a key to sign with")]
    NoKey(Alg),
    #[error("cannot sign with a public key: {alg} needs the private key")]
    PublicKeyCannotSign { alg: Alg },
    #[error("{0}")]
    KeyDoesNotFit(#[from] crate::core::keys::Unfit),
    #[error("signing failed: {0}")]
    Crypto(String),
    #[error(
        "the header's jwk contains a private key (\"d\"): the token would publish it; this is only done when asked for explicitly"
    )]
    EmbeddedPrivateKey,
    /// The header breaks a JWS rule ("b64" not a boolean, an unencoded payload with a '.').
    #[error("{0}")]
    HeaderRule(String),
}

/// A freshly made token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signed {
    pub token: String,
    pub alg: Alg,
}

/// Whether `alg: none` may be produced. Named so that call sites say what they allow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Unsecured {
    #[default]
    Refuse,
    /// The user asked for an unsecured token by name.
    DangerouslyAllow,
}

/// Whether a header `jwk` holding private key material may be signed. Named for what it allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum EmbeddedPrivateKey {
    #[default]
    Refuse,
    /// The user confirmed publishing the private key inside the token.
    DangerouslyAllow,
}

/// True when the header's `jwk` carries private key material (RSA/EC/OKP private members or a
/// symmetric `k`): signing it would publish the key.
/// `header` with its `alg` set to `alg`: replaced where it stands, or put first when absent, every
/// other member kept in its order. The command line's `--alg` and the app's algorithm picker both
/// set it here.
pub fn with_alg(
    header: serde_json::Map<String, Value>,
    alg: &str,
) -> serde_json::Map<String, Value> {
    let mut out = serde_json::Map::with_capacity(header.len() + 1);
    if !header.contains_key("alg") {
        out.insert("alg".into(), Value::from(alg));
    }
    for (k, v) in header {
        let v = if k == "alg" { Value::from(alg) } else { v };
        out.insert(k, v);
    }
    out
}

pub fn header_publishes_private_key(header: &Value) -> bool {
    header.get("jwk").is_some_and(|jwk| {
        ["d", "p", "q", "dp", "dq", "qi", "k"]
            .iter()
            .any(|m| jwk.get(*m).is_some())
    })
}

/// Parses header JSON text, checking it is an object with a known `alg`.
pub fn header_alg(header_json: &str) -> Result<(Value, Alg), SignError> {
    let header = json::parse(header_json)
        .map_err(SignError::HeaderJson)?
        .value;
    if !header.is_object() {
        return Err(SignError::HeaderNotObject(json::type_name(&header)));
    }
    let alg = match header.get("alg") {
        None => return Err(SignError::NoAlg),
        Some(Value::String(name)) => {
            Alg::parse(name).ok_or_else(|| SignError::UnknownAlg(format!("\"{name}\"")))?
        }
        Some(other) => return Err(SignError::UnknownAlg(other.to_string())),
    };
    Ok((header, alg))
}

/// Signs `payload_json` under `header_json`; the header's `alg` picks the algorithm and every
/// other member is kept as written (order included).
pub fn sign(
    header_json: &str,
    payload_json: &str,
    key: Option<&Key>,
    unsecured: Unsecured,
) -> Result<Signed, SignError> {
    sign_guarded(
        header_json,
        payload_json,
        key,
        unsecured,
        EmbeddedPrivateKey::Refuse,
    )
}

/// As [`sign`], saying explicitly whether a private key embedded in the header may be published.
pub fn sign_guarded(
    header_json: &str,
    payload_json: &str,
    key: Option<&Key>,
    unsecured: Unsecured,
    embedded: EmbeddedPrivateKey,
) -> Result<Signed, SignError> {
    let (header, alg) = header_alg(header_json)?;
    if header_publishes_private_key(&header) && embedded == EmbeddedPrivateKey::Refuse {
        return Err(SignError::EmbeddedPrivateKey);
    }
    let payload = json::parse(payload_json)
        .map_err(SignError::PayloadJson)?
        .value;
    let (header, unencoded) = unencoded_payload_header(header)?;
    let payload_text = json::to_compact(&payload);
    let payload_segment = if unencoded {
        // RFC 7797 §5.2: in the compact form the payload itself stands between the dots.
        if payload_text.contains('.') {
            return Err(SignError::HeaderRule(
                "\"b64\": false puts the payload in the token as it is, and a compact token's payload cannot contain '.' (RFC 7797 §5.2)".into(),
            ));
        }
        payload_text
    } else {
        b64::encode(payload_text)
    };
    let input = format!(
        "{}.{payload_segment}",
        b64::encode(json::to_compact(&header))
    );
    let signature = sign_input(alg, input.as_bytes(), key, unsecured)?;
    Ok(Signed {
        token: format!("{input}.{signature}"),
        alg,
    })
}

/// Reads `"b64"` (RFC 7797): `false` means an unencoded payload, which must be listed in `crit`
/// (added when missing); anything but a boolean is refused.
fn unencoded_payload_header(mut header: Value) -> Result<(Value, bool), SignError> {
    let unencoded = match header.get("b64") {
        None | Some(Value::Bool(true)) => return Ok((header, false)),
        Some(Value::Bool(false)) => true,
        Some(other) => {
            return Err(SignError::HeaderRule(format!(
                "\"b64\" must be true or false, not {other}"
            )));
        }
    };
    if let Some(obj) = header.as_object_mut() {
        let crit = obj
            .entry("crit")
            .or_insert_with(|| Value::Array(Vec::new()));
        match crit {
            Value::Array(names) => {
                if !names.iter().any(|n| n == "b64") {
                    names.push(Value::from("b64"));
                }
            }
            other => {
                return Err(SignError::HeaderRule(format!(
                    "\"crit\" must be an array of header names, not {other}"
                )));
            }
        }
    }
    Ok((header, unencoded))
}

/// Signs an exact signing input, returning the base64url signature ("" for `none`).
pub fn sign_input(
    alg: Alg,
    input: &[u8],
    key: Option<&Key>,
    unsecured: Unsecured,
) -> Result<String, SignError> {
    if alg == Alg::None {
        return match unsecured {
            Unsecured::DangerouslyAllow => Ok(String::new()),
            Unsecured::Refuse => Err(SignError::UnsecuredNotAllowed),
        };
    }
    let key = key.ok_or(SignError::NoKey(alg))?;
    if !key.is_private() {
        return Err(SignError::PublicKeyCannotSign { alg });
    }
    key.check_fits(alg, true)
        .map_err(SignError::KeyDoesNotFit)?;
    if alg == Alg::ES512 {
        use signature::Signer as _;
        let KeyMaterial::Ec {
            private: Some(d), ..
        } = &key.material
        else {
            return Err(SignError::KeyDoesNotFit(crate::core::keys::Unfit(
                "ES512 needs an EC P-521 private key".into(),
            )));
        };
        let sk = p521::ecdsa::SigningKey::from_slice(d)
            .map_err(|_| SignError::Crypto("invalid P-521 private key".into()))?;
        let sig: p521::ecdsa::Signature = sk
            .try_sign(input)
            .map_err(|e| SignError::Crypto(e.to_string()))?;
        let sig = sig.normalize_s().unwrap_or(sig);
        return Ok(b64::encode(sig.to_bytes()));
    }
    if alg == Alg::ES256K {
        return sign_es256k(key, input);
    }
    if let KeyMaterial::MlDsa {
        level,
        seed: Some(seed),
        ..
    } = &key.material
    {
        let signature =
            super::keys::ml_dsa_sign(*level, seed, input).map_err(|e| SignError::Crypto(e.0))?;
        return Ok(b64::encode(signature));
    }
    let jalg = alg
        .to_jsonwebtoken()
        .ok_or_else(|| SignError::Crypto(format!("{alg} is not supported")))?;
    let ekey = key
        .encoding_key()
        .ok_or_else(|| SignError::Crypto("the key could not be prepared for signing".into()))?;
    let signature = jsonwebtoken::crypto::sign(input, &ekey, jalg)
        .map_err(|e| SignError::Crypto(e.to_string()))?;
    Ok(low_s(alg, signature))
}

/// ES256K (RFC 8812) with aws-lc's secp256k1, S normalised low as Bitcoin and RFC 8812's
/// verifiers expect.
fn sign_es256k(key: &Key, input: &[u8]) -> Result<String, SignError> {
    use aws_lc_rs::signature::{self, EcdsaKeyPair};
    let KeyMaterial::Ec {
        private: Some(d),
        public,
        ..
    } = &key.material
    else {
        return Err(SignError::KeyDoesNotFit(crate::core::keys::Unfit(
            "ES256K needs a secp256k1 private key".into(),
        )));
    };
    let pair = EcdsaKeyPair::from_private_key_and_public_key(
        &signature::ECDSA_P256K1_SHA256_FIXED_SIGNING,
        d,
        public,
    )
    .map_err(|e| SignError::Crypto(format!("invalid secp256k1 key: {e}")))?;
    let sig = pair
        .sign(&aws_lc_rs::rand::SystemRandom::new(), input)
        .map_err(|e| SignError::Crypto(e.to_string()))?;
    Ok(low_s(Alg::ES256K, b64::encode(sig.as_ref())))
}

/// ECDSA signatures with S in the lower half of the group order: of the two equally valid twins,
/// the one strict verifiers accept, so tokens made here are never flagged as malleable.
fn low_s(alg: Alg, signature_b64: String) -> String {
    let Ok(decoded) = b64::decode(&signature_b64) else {
        return signature_b64;
    };
    let low = match alg {
        Alg::ES256 => p256::ecdsa::Signature::from_slice(&decoded.bytes)
            .ok()
            .and_then(|s| s.normalize_s())
            .map(|s| s.to_bytes().to_vec()),
        Alg::ES384 => p384::ecdsa::Signature::from_slice(&decoded.bytes)
            .ok()
            .and_then(|s| s.normalize_s())
            .map(|s| s.to_bytes().to_vec()),
        Alg::ES256K => k256::ecdsa::Signature::from_slice(&decoded.bytes)
            .ok()
            .and_then(|s| s.normalize_s())
            .map(|s| s.to_bytes().to_vec()),
        _ => None,
    };
    low.map_or(signature_b64, b64::encode)
}
