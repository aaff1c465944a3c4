//! The JWS JSON serialization (RFC 7515 §7.2), general and flattened: split into the compact
//! tokens it stands for, one per signature.

use serde_json::Value;

use super::{Decoded, ErrorKind, decode};
use crate::core::json;
use crate::msg;

/// Why a JWS JSON serialization cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum JsonSerializationError {
    #[error("invalid JSON at {0}")]
    Json(String),
    #[error("not a JSON object")]
    NotObject,
    #[error("\"payload\" must be a string")]
    Payload,
    #[error("\"protected\" must be a string")]
    Protected,
    #[error("a signature without a \"signature\" string")]
    Signature,
    #[error("each signature must be an object")]
    SignatureNotObject,
    #[error("\"signatures\" must be an array")]
    Signatures,
    #[error("no \"signature\" or \"signatures\" member")]
    NoSignature,
}

/// What a JWS JSON serialization (RFC 7515 §7.2) held.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonSerialization {
    /// Number of signatures it carries.
    pub signatures: usize,
    /// Whether any signature has an unprotected `header` (its members are not signed).
    pub unprotected_header: bool,
}

/// One signature of a JWS JSON serialization, as a compact token.
#[derive(Debug, Clone, PartialEq)]
pub struct JsonSignature {
    /// `protected.payload.signature`; the protected part may be empty.
    pub compact: String,
    /// The unprotected `header` member, if any.
    pub unprotected: Option<Value>,
}

/// Splits a JWS JSON serialization (general or flattened) into compact tokens, one per signature.
pub fn json_serialization(text: &str) -> Result<Vec<JsonSignature>, JsonSerializationError> {
    let value = json::parse(text)
        .map_err(|e| JsonSerializationError::Json(e.to_string()))?
        .value;
    let obj = value.as_object().ok_or(JsonSerializationError::NotObject)?;
    let payload = match obj.get("payload") {
        Some(Value::String(p)) => p.as_str(),
        None => "",
        Some(_) => return Err(JsonSerializationError::Payload),
    };
    let one =
        |sig: &serde_json::Map<String, Value>| -> Result<JsonSignature, JsonSerializationError> {
            let protected = match sig.get("protected") {
                Some(Value::String(p)) => p.as_str(),
                None => "",
                Some(_) => return Err(JsonSerializationError::Protected),
            };
            let signature = sig
                .get("signature")
                .and_then(Value::as_str)
                .ok_or(JsonSerializationError::Signature)?;
            Ok(JsonSignature {
                compact: format!("{protected}.{payload}.{signature}"),
                unprotected: sig.get("header").cloned(),
            })
        };
    match obj.get("signatures") {
        Some(Value::Array(list)) => list
            .iter()
            .map(|s| {
                s.as_object()
                    .ok_or(JsonSerializationError::SignatureNotObject)
                    .and_then(one)
            })
            .collect(),
        Some(_) => Err(JsonSerializationError::Signatures),
        None if obj.contains_key("signature") => Ok(vec![one(obj)?]),
        None => Err(JsonSerializationError::NoSignature),
    }
}

/// Shows a JWS JSON serialization through its first signature, as the compact form it stands for.
pub(super) fn decode_json_serialization(mut d: Decoded) -> Decoded {
    let signatures = match json_serialization(&d.token) {
        Ok(list) => list,
        Err(e) => {
            d.error(
                ErrorKind::Structure,
                "input",
                msg!("parse-json-serialization", error = e.to_string()),
            );
            return d;
        }
    };
    let Some(first) = signatures.first() else {
        d.error(ErrorKind::Structure, "input", msg!("parse-no-signatures"));
        return d;
    };
    let mut inner = decode(&first.compact);
    inner.json_serialization = Some(JsonSerialization {
        signatures: signatures.len(),
        unprotected_header: signatures.iter().any(|s| s.unprotected.is_some()),
    });
    inner.stripped = d.stripped;
    // Spans now refer to `token` (the compact form), not to the JSON the user pasted.
    inner
}
