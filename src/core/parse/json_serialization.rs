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
    /// Every signature, as the compact token it stands for.
    pub entries: Vec<JsonSignature>,
}

/// One signature of a JWS JSON serialization, as a compact token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonSignature {
    /// `protected.payload.signature`; the protected part may be empty.
    pub compact: String,
    /// The unprotected `header` member, if any.
    pub unprotected: Option<Value>,
    /// An SD-JWT's disclosures and key-binding JWT (RFC 9901 §8): from the unprotected header,
    /// or from the top level, where drafts before the RFC (and the reference implementation)
    /// put them.
    pub sd: Option<SdMembers>,
}

/// The `disclosures` and `kb_jwt` members of an SD-JWT in JSON.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SdMembers {
    pub disclosures: Vec<String>,
    pub kb_jwt: Option<String>,
}

impl SdMembers {
    fn read(obj: &serde_json::Map<String, Value>) -> Option<Self> {
        let disclosures = obj.get("disclosures")?.as_array()?;
        Some(Self {
            disclosures: disclosures
                .iter()
                .map(|d| d.as_str().unwrap_or_default().to_owned())
                .collect(),
            kb_jwt: obj.get("kb_jwt").and_then(Value::as_str).map(str::to_owned),
        })
    }

    /// `~<disclosure>~…~[<kb_jwt>]`: what follows the JWT in the compact form.
    fn compact_tail(&self) -> String {
        let mut tail = String::new();
        for d in &self.disclosures {
            tail.push('~');
            tail.push_str(d);
        }
        tail.push('~');
        if let Some(kb) = &self.kb_jwt {
            tail.push_str(kb);
        }
        tail
    }
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
            let header = sig.get("header");
            Ok(JsonSignature {
                compact: format!("{protected}.{payload}.{signature}"),
                sd: header
                    .and_then(Value::as_object)
                    .and_then(SdMembers::read)
                    .or_else(|| SdMembers::read(obj)),
                unprotected: header.cloned(),
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
    // An SD-JWT in JSON (RFC 9901 §8): its disclosures and key-binding JWT travel in the first
    // signature's unprotected header; read as the compact form they stand for, which is also
    // what the key-binding JWT's sd_hash covers.
    let compact = match &first.sd {
        Some(sd) => format!("{}{}", first.compact, sd.compact_tail()),
        None => first.compact.clone(),
    };
    let mut inner = decode(&compact);
    inner.json_serialization = Some(JsonSerialization {
        signatures: signatures.len(),
        unprotected_header: signatures.iter().any(|s| s.unprotected.is_some()),
        entries: signatures,
    });
    inner.stripped = d.stripped;
    // Spans now refer to `token` (the compact form), not to the JSON the user pasted.
    inner
}
