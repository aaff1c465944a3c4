//! The known JWT attacks, as tokens to try against a service the tester is allowed to test:
//! from a token (its claims optionally changed first), one token per technique and variant, each
//! labelled with its id, title and reference, and for `jku` / `x5u` the document to serve at the
//! URL. Nothing here sends anything anywhere.

mod forge;

use serde::Serialize;
use serde_json::{Map, Value};

use super::msg::Text;
use super::{Key, parse};
use crate::msg;

pub use forge::self_signed_certificate;

/// Why no attack tokens could be made.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{0}")]
pub struct AttackError(pub Text);

/// What to serve at a URL the tester controls (`jku`, `x5u`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Serve {
    pub url: String,
    pub body: String,
    pub content_type: String,
}

/// One token to try.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AttackToken {
    pub id: &'static str,
    /// Which spelling, key form or payload: `nOnE`, `spki-pem-newline`, `/dev/null`.
    pub variant: String,
    pub title: Text,
    pub reference: &'static str,
    pub token: String,
    pub serve: Option<Serve>,
}

/// The techniques, in the order they are made.
pub const TECHNIQUES: [&str; 12] = [
    "none",
    "strip",
    "hmac-confusion",
    "embedded-jwk",
    "embedded-x5c",
    "jku",
    "x5u",
    "kid-path",
    "kid-sql",
    "psychic",
    "empty-key",
    "weak-secret",
];

/// What the attacks are made from besides the token.
#[derive(Debug, Clone, Default)]
pub struct AttackOptions {
    /// Claims to set first (`sub=admin`), in order.
    pub set: Vec<(String, Value)>,
    /// `exp` to set first.
    pub exp: Option<i64>,
    /// The server's public keys, for HMAC confusion.
    pub public_keys: Vec<Key>,
    /// The public keys' text exactly as the server serves it (a JWKS member, a PEM file), tried
    /// as HMAC secrets beside the forms derived from the keys.
    pub served_texts: Vec<(String, String)>,
    /// URLs the tester controls, for `jku` and `x5u`.
    pub jku: Option<String>,
    pub x5u: Option<String>,
    /// More `kid` path payloads: the path and the content of that file (the HMAC key).
    pub kid_payloads: Vec<(String, Vec<u8>)>,
    /// A known or guessed HMAC secret.
    pub secret: Option<Vec<u8>>,
    /// Only these techniques (all when empty).
    pub only: Vec<String>,
}

/// The token's header and claims, with the changes asked for applied.
pub(crate) struct Base {
    pub header: Map<String, Value>,
    pub claims: Map<String, Value>,
    /// The original signature segment.
    pub signature: String,
}

fn base(token: &str, options: &AttackOptions) -> Result<Base, AttackError> {
    let d = parse::decode(token);
    if let Some(e) = d.errors.first() {
        return Err(AttackError(msg!("attack-malformed", error = e.to_string())));
    }
    if d.form != parse::Form::Jws {
        return Err(AttackError(msg!("attack-not-jws")));
    }
    let header = d
        .header
        .as_ref()
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    let mut claims = d
        .claims()
        .cloned()
        .ok_or_else(|| AttackError(msg!("attack-no-claims")))?;
    for (name, value) in &options.set {
        claims.insert(name.clone(), value.clone());
    }
    if let Some(exp) = options.exp {
        claims.insert("exp".into(), Value::from(exp));
    }
    let signature = d.parts.get(2).map(|p| p.text.clone()).unwrap_or_default();
    Ok(Base {
        header,
        claims,
        signature,
    })
}

/// Every attack token for `token` (or only those `options.only` names).
pub fn make(token: &str, options: &AttackOptions) -> Result<Vec<AttackToken>, AttackError> {
    let base = base(token, options)?;
    let wanted = |id: &str| options.only.is_empty() || options.only.iter().any(|o| o == id);
    let mut out = Vec::new();
    for id in TECHNIQUES.into_iter().filter(|id| wanted(id)) {
        match id {
            "none" => forge::none(&base, &mut out),
            "strip" => forge::strip(&base, &mut out),
            "hmac-confusion" => forge::hmac_confusion(&base, options, &mut out),
            "embedded-jwk" => forge::embedded_jwk(&base, &mut out)?,
            "embedded-x5c" => forge::embedded_x5c(&base, &mut out)?,
            "jku" => forge::jku(&base, options, &mut out)?,
            "x5u" => forge::x5u(&base, options, &mut out)?,
            "kid-path" => forge::kid_path(&base, options, &mut out)?,
            "kid-sql" => forge::kid_sql(&base, &mut out)?,
            "psychic" => forge::psychic(&base, &mut out),
            "empty-key" => forge::empty_key(&base, &mut out)?,
            "weak-secret" => forge::weak_secret(&base, options, &mut out)?,
            _ => {}
        }
    }
    Ok(out)
}

/// The title of a technique, in words.
pub fn title(id: &str) -> Text {
    msg!("attack-title", id = id)
}
