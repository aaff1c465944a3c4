//! An SD-JWT's parts after its issuer-signed JWT (RFC 9901 §4): the disclosures and the
//! key-binding JWT, each a part of the token with its span.

use super::{Decoded, ErrorKind, Form, Part, PartKind, Span};
use crate::msg;

/// What follows the issuer-signed JWT of an SD-JWT (RFC 9901 §4):
/// `<JWT>~<disclosure>~…~<disclosure>~[<key-binding JWT>]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SdParts {
    /// The disclosures exactly as in the token (base64url text), in order.
    pub disclosures: Vec<String>,
    /// The key-binding JWT, when the presentation ends with one.
    pub kb_jwt: Option<String>,
    /// `<JWT>~<disclosure>~…~`: what a key-binding JWT's `sd_hash` covers.
    pub presented: String,
}

/// Splits what follows an SD-JWT's issuer-signed JWT (`whole[jwt_len]` is the first `~`) into
/// disclosures and a key-binding JWT, each a part of the token with its span.
pub(super) fn split_sd(d: &mut Decoded, whole: &str, jwt_len: usize, offset: usize) {
    if d.form == Form::Jwe {
        d.error(ErrorKind::Structure, "input", msg!("parse-sd-jwe"));
        return;
    }
    let last_tilde = whole.rfind('~').unwrap_or(jwt_len);
    let mut disclosures = Vec::new();
    let mut start = jwt_len + 1;
    for text in whole[jwt_len + 1..last_tilde + 1].split_terminator('~') {
        disclosures.push(text.to_owned());
        d.parts.push(Part {
            kind: PartKind::Disclosure,
            span: Span {
                start: offset + start,
                end: offset + start + text.len(),
            },
            text: text.to_owned(),
            bytes: None,
            deviations: Vec::new(),
        });
        start += text.len() + 1;
    }
    let kb = &whole[last_tilde + 1..];
    if !kb.is_empty() {
        d.parts.push(Part {
            kind: PartKind::KeyBinding,
            span: Span {
                start: offset + last_tilde + 1,
                end: offset + whole.len(),
            },
            text: kb.to_owned(),
            bytes: None,
            deviations: Vec::new(),
        });
    }
    d.sd = Some(SdParts {
        disclosures,
        kb_jwt: (!kb.is_empty()).then(|| kb.to_owned()),
        presented: whole[..=last_tilde].to_owned(),
    });
}
