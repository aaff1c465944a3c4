//! Signature verification over the exact signing input, with an honest status.

use crate::msg;
use serde_json::Value;

use super::alg::{Alg, Family};
use super::keys::{Key, KeySet};
use super::msg::Text;
use super::parse::{Decoded, Form};
use super::words::part_word;

mod crypto;
pub mod json;
mod rules;
mod secrets;

use crypto::verify_with;
pub use crypto::{ecdsa_high_s, signature_shape_problem};
pub use rules::{header_rule_problem, unknown_crit};
use secrets::forged_with_public_text;
pub use secrets::{
    WELL_KNOWN_CHECK_MAX_BYTES, as_well_known_secret, mac_matches, well_known_secret,
    well_known_secrets,
};

/// What the signature check concluded. Separate from time validity and from structure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SignatureStatus {
    /// The signature matches a key that fits the algorithm.
    Verified,
    /// Checked, and it does not hold (or the token breaks a rule a strict verifier enforces).
    Invalid,
    /// `alg: none` (any casing): there is nothing to verify, and anyone could have made it.
    Unsigned,
    /// No key was given, so nothing was checked.
    NoKey,
    /// The algorithm is unknown or not a signature (JWE).
    UnsupportedAlg,
    /// A key was given but it cannot verify this algorithm (e.g. a public key for HS256).
    KeyMismatch,
}

impl SignatureStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Verified => "verified",
            Self::Invalid => "invalid",
            Self::Unsigned => "unsigned",
            Self::NoKey => "no_key",
            Self::UnsupportedAlg => "unsupported_alg",
            Self::KeyMismatch => "key_mismatch",
        }
    }
}

/// The outcome with its explanation.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct SignatureCheck {
    pub status: SignatureStatus,
    /// One sentence a person can act on.
    pub detail: Text,
    /// The key that verified, or the one that was tried, described (never its bytes).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<Text>,
    /// An HS* token whose MAC was made with a public key's text as the secret (key confusion).
    #[serde(skip)]
    pub forged_with_public_key: bool,
    /// Verified only because every key was tried although the token's kid named none of them.
    #[serde(skip)]
    pub any_kid_used: bool,
    /// A JWS JSON serialization's signatures, each checked on its own.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub signatures: Vec<json::SignatureEntry>,
    /// The thumbprint of the key that verified.
    #[serde(skip)]
    pub verified_by: Option<String>,
}

impl SignatureCheck {
    fn new(status: SignatureStatus, detail: Text) -> Self {
        Self {
            status,
            detail,
            key: None,
            forged_with_public_key: false,
            any_kid_used: false,
            signatures: Vec::new(),
            verified_by: None,
        }
    }
}

/// At most this many keys of a JWKS are tried against one signature.
pub const MAX_KEYS_TRIED: usize = 100;

/// How strict verification is, beyond what RFC 7515 requires of every verifier.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct VerifyOptions {
    /// When the token's kid names no key of the JWKS, try every key (the finding says so).
    pub any_kid: bool,
    /// Refuse ECDSA signatures whose S is in the upper half (the malleable twin).
    pub strict: bool,
}

/// Checks the token's signature with the given keys.
pub fn verify(decoded: &Decoded, keys: Option<&KeySet>) -> SignatureCheck {
    verify_with_options(decoded, keys, VerifyOptions::default())
}

/// As [`verify`], with options.
pub fn verify_with_options(
    decoded: &Decoded,
    keys: Option<&KeySet>,
    options: VerifyOptions,
) -> SignatureCheck {
    use SignatureStatus::*;
    // A JWS JSON serialization: every signature is checked on its own (an SD-JWT in JSON, RFC
    // 9901 §8, is read as the compact form it stands for).
    if let Some(json) = decoded.json_serialization.as_ref()
        && decoded.sd.is_none()
        && !json.entries.is_empty()
    {
        return json::verify_each(json, keys, options);
    }
    if decoded.form == Form::Jwe {
        return SignatureCheck::new(UnsupportedAlg, msg!("sig-jwe"));
    }
    let Some(header) = &decoded.header else {
        return SignatureCheck::new(Invalid, msg!("sig-no-header"));
    };
    let alg = match header.get("alg") {
        None => return SignatureCheck::new(UnsupportedAlg, msg!("sig-no-alg")),
        Some(Value::String(name)) => match Alg::parse(name) {
            Some(alg) => alg,
            None => {
                return SignatureCheck::new(
                    UnsupportedAlg,
                    msg!("sig-unknown-alg", name = name.as_str()),
                );
            }
        },
        Some(other) => {
            return SignatureCheck::new(
                UnsupportedAlg,
                msg!("sig-alg-type", value = other.to_string()),
            );
        }
    };
    if alg == Alg::None {
        let name = decoded.alg_name().unwrap_or("none");
        return SignatureCheck::new(Unsigned, msg!("sig-unsigned", name = name));
    }
    let (Some(input), Some(signature)) = (decoded.signing_input(), decoded.signature()) else {
        return SignatureCheck::new(Invalid, msg!("sig-no-segment"));
    };
    let Some(keys) = keys else {
        return SignatureCheck::new(NoKey, msg!("sig-no-key"));
    };
    if let Some(first) = decoded.errors.first() {
        return SignatureCheck::new(Invalid, msg!("sig-malformed", error = first.to_string()));
    }
    if keys.is_set {
        let secret = keys.keys.iter().any(Key::is_secret);
        let public = keys.keys.iter().any(|k| !k.is_secret());
        if secret && public {
            return SignatureCheck::new(KeyMismatch, msg!("sig-mixed-set"));
        }
    }

    let kid = header.get("kid").and_then(Value::as_str);
    // In a JWKS only keys meant for signatures are candidates (RFC 7517 §4.2-4.3); a single key
    // with the wrong use is refused below with the reason.
    let (usable, unusable): (Vec<&Key>, Vec<&Key>) = if keys.is_set {
        keys.keys.iter().partition(|k| k.may_verify())
    } else {
        (keys.keys.iter().collect(), Vec::new())
    };
    let by_kid = distinct(
        usable
            .iter()
            .copied()
            .filter(|k| kid.is_some() && k.kid.as_deref() == kid)
            .collect(),
    );
    if by_kid.len() > 1 {
        return SignatureCheck::new(
            KeyMismatch,
            msg!(
                "sig-kid-ambiguous",
                count = by_kid.len(),
                kid = kid.unwrap_or_default()
            ),
        );
    }
    let mut any_kid_used = false;
    let (candidates, kid_note) = match (kid, by_kid.is_empty()) {
        (_, false) => (by_kid, None),
        (Some(kid), true) if keys.is_set && !options.any_kid => {
            let why = if unusable.iter().any(|k| k.kid.as_deref() == Some(kid)) {
                msg!("sig-kid-not-signing", kid = kid)
            } else {
                let kids: Vec<String> = usable
                    .iter()
                    .filter_map(|k| k.kid.as_ref().map(|k| format!("\"{k}\"")))
                    .take(5)
                    .collect();
                msg!(
                    "sig-kid-missing",
                    kid = kid,
                    count = usable.len(),
                    kids = if kids.is_empty() {
                        String::new()
                    } else {
                        format!(": {}", kids.join(", "))
                    }
                )
            };
            return SignatureCheck::new(KeyMismatch, why);
        }
        (Some(kid), true) if keys.is_set => {
            any_kid_used = true;
            (distinct(usable), Some(msg!("sig-kid-tried-all", kid = kid)))
        }
        _ => (distinct(usable), None),
    };
    if candidates.is_empty() {
        return SignatureCheck::new(KeyMismatch, msg!("sig-no-signing-key"));
    }
    let mut reasons = Vec::new();
    let fitting: Vec<&Key> = candidates
        .iter()
        .copied()
        .filter(|k| match k.check_fits(alg, false) {
            Ok(()) => true,
            Err(why) => {
                reasons.push(why);
                false
            }
        })
        .collect();
    // Keys that name this alg first; and never more than MAX_KEYS_TRIED signature checks.
    let mut fitting = fitting;
    fitting.sort_by_key(|k| k.jwk_alg.as_deref() != Some(alg.name()));
    let untried = fitting.len().saturating_sub(MAX_KEYS_TRIED);
    fitting.truncate(MAX_KEYS_TRIED);
    if fitting.is_empty() {
        let mut check = SignatureCheck::new(
            KeyMismatch,
            match reasons.as_slice() {
                [one] => msg!("sig-key-unfit", alg = alg.name(), why = one.0.clone()),
                [] => msg!("sig-set-empty", alg = alg.name()),
                many => msg!(
                    "sig-no-key-fits",
                    alg = alg.name(),
                    why = Text::join(many.iter().map(|u| u.0.clone()), "; ")
                ),
            },
        );
        if candidates.len() == 1 {
            check.key = Some(candidates[0].describe());
        }
        if alg.family() == Family::Hmac
            && forged_with_public_text(alg, &input, signature, &candidates)
        {
            check.forged_with_public_key = true;
            check.detail = check.detail.then(msg!("sig-forged-public"));
        }
        return check;
    }

    if let Some(problem) = signature_shape_problem(alg, signature) {
        let mut check = SignatureCheck::new(Invalid, problem);
        check.key = fitting.first().map(|k| k.describe());
        return check;
    }

    let mut errors = Vec::new();
    let matched = fitting
        .iter()
        .find(|key| match verify_with(alg, key, &input, signature) {
            Ok(ok) => ok,
            Err(e) => {
                errors.push(e);
                false
            }
        });
    let Some(key) = matched else {
        let mut detail = if fitting.len() == 1 {
            msg!("sig-mismatch")
        } else {
            msg!("sig-mismatch-many", count = fitting.len(), alg = alg.name())
        };
        if let Some(note) = kid_note {
            detail = detail.then(note);
        }
        if untried > 0 {
            detail = detail.then(msg!("sig-untried", count = untried, max = MAX_KEYS_TRIED));
        }
        if let Some(e) = errors.first() {
            detail = detail.then(Text::plain(format!(" ({e})")));
        }
        let mut check = SignatureCheck::new(Invalid, detail);
        if fitting.len() == 1 {
            check.key = Some(fitting[0].describe());
        }
        return check;
    };

    let noncanonical: Vec<&str> = decoded
        .parts
        .iter()
        .filter(|p| !p.deviations.is_empty())
        .map(|p| p.kind.name())
        .collect();
    let unknown = unknown_crit(header);
    let rule = header_rule_problem(header);
    let mut check = if !noncanonical.is_empty() {
        SignatureCheck::new(
            Invalid,
            msg!(
                "sig-noncanonical",
                parts = Text::join(noncanonical.iter().map(|p| part_word(p)), " + ")
            ),
        )
    } else if key.is_small_order_ed25519() {
        SignatureCheck::new(Invalid, msg!("sig-small-order"))
    } else if key.is_roca_vulnerable() {
        SignatureCheck::new(Invalid, msg!("sig-roca"))
    } else if options.strict && ecdsa_high_s(alg, signature) {
        SignatureCheck::new(Invalid, msg!("sig-high-s"))
    } else if let Some(rule) = rule {
        SignatureCheck::new(Invalid, msg!("sig-rule", rule = rule))
    } else if !unknown.is_empty() {
        SignatureCheck::new(Invalid, msg!("sig-crit", names = unknown.join(", ")))
    } else {
        let verified = if keys.keys.len() > 1 {
            msg!("sig-verified-by", key = key.describe())
        } else {
            msg!("sig-verified")
        };
        SignatureCheck::new(
            Verified,
            match kid_note {
                Some(note) => verified.then(note),
                None => verified,
            },
        )
    };
    check.key = Some(key.describe());
    if check.status == Verified {
        check.verified_by = Some(key.thumbprint());
    }
    check.any_kid_used = any_kid_used;
    check
}

/// Keys with the same material once (a JWKS may list one key twice, e.g. for sig and enc).
fn distinct(keys: Vec<&Key>) -> Vec<&Key> {
    if keys.len() < 2 {
        return keys;
    }
    let mut seen = std::collections::HashSet::new();
    keys.into_iter()
        .filter(|k| seen.insert(k.thumbprint()))
        .collect()
}
