//! A JWS JSON serialization (RFC 7515 §7.2, general or flattened): every signature checked on
//! its own with the keys given, each listed with its headers and outcome. The whole is verified
//! when at least one signature verified and none that a given key fits failed. (It is still not
//! a JWT: a finding says so, not the signature status.)

use serde::Serialize;
use serde_json::Value;

use super::{SignatureCheck, SignatureStatus, VerifyOptions, verify_with_options};
use crate::core::parse::{self, JsonSerialization, JsonSignature};
use crate::core::{Alg, KeySet};
use crate::msg;

/// One signature of a JSON serialization and how it went.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SignatureEntry {
    /// 0-based, in the order of `signatures`.
    pub index: usize,
    pub protected: Option<Value>,
    pub header: Option<Value>,
    pub status: SignatureStatus,
    pub detail: crate::core::msg::Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<crate::core::msg::Text>,
}

/// Checks every signature of `json` and says what the whole amounts to.
pub fn verify_each(
    json: &JsonSerialization,
    keys: Option<&KeySet>,
    options: VerifyOptions,
) -> SignatureCheck {
    let entries: Vec<(SignatureEntry, SignatureCheck)> = json
        .entries
        .iter()
        .enumerate()
        .map(|(index, sig)| {
            let decoded = parse::decode(&sig.compact);
            let check = match unprotected_alg(sig, &decoded) {
                Some(alg) => verify_unprotected(sig, alg, keys),
                None => verify_with_options(&decoded, keys, options),
            };
            let entry = SignatureEntry {
                index,
                protected: decoded.header.clone(),
                header: sig.unprotected.clone(),
                status: check.status,
                detail: check.detail.clone(),
                key: check.key.clone(),
            };
            (entry, check)
        })
        .collect();
    let mut entries = entries;
    other_signers(&mut entries, keys);
    let count = entries.len();
    let failed = entries
        .iter()
        .find(|(e, _)| e.status == SignatureStatus::Invalid);
    let verified: Vec<&(SignatureEntry, SignatureCheck)> = entries
        .iter()
        .filter(|(e, _)| e.status == SignatureStatus::Verified)
        .collect();
    let mut whole = if let Some((e, check)) = failed {
        let mut c = check.clone();
        c.detail = msg!(
            "sig-json-one-fails",
            index = e.index + 1,
            count = count,
            detail = check.detail.clone()
        );
        c
    } else if let Some((e, check)) = verified.first() {
        let mut c = check.clone();
        c.detail = msg!(
            "sig-json-verified",
            verified = verified.len(),
            count = count,
            index = e.index + 1
        );
        c
    } else {
        entries.first().map(|(_, c)| c.clone()).unwrap_or_else(|| {
            SignatureCheck::new(SignatureStatus::Invalid, msg!("sig-no-segment"))
        })
    };
    whole.signatures = entries.into_iter().map(|(e, _)| e).collect();
    whole
}

/// The algorithm of a signature whose protected header does not name one but whose unprotected
/// header does (RFC 7515 §7.2.1: the JOSE header is both together; RFC 7520 §4.8's second
/// signature is one).
fn unprotected_alg(sig: &JsonSignature, decoded: &parse::Decoded) -> Option<Alg> {
    let protected_alg = decoded.header.as_ref().and_then(|h| h.get("alg")).is_some();
    if protected_alg {
        return None;
    }
    let alg = sig.unprotected.as_ref()?.get("alg")?.as_str()?;
    Alg::parse(alg)
}

/// Checks a signature over its exact signing input (`<protected>.<payload>`) with the keys that
/// fit `alg`, preferring those the unprotected header's `kid` names.
fn verify_unprotected(sig: &JsonSignature, alg: Alg, keys: Option<&KeySet>) -> SignatureCheck {
    use SignatureStatus::{Invalid, KeyMismatch, NoKey, Unsigned, Verified};
    if alg == Alg::None {
        return SignatureCheck::new(Unsigned, msg!("sig-unsigned", name = "none"));
    }
    let Some(keys) = keys else {
        return SignatureCheck::new(NoKey, msg!("sig-no-key"));
    };
    let Some((input, signature)) = sig.compact.rsplit_once('.') else {
        return SignatureCheck::new(Invalid, msg!("sig-no-segment"));
    };
    let Ok(signature) = crate::core::b64::decode(signature) else {
        return SignatureCheck::new(Invalid, msg!("sig-no-segment"));
    };
    let kid = sig
        .unprotected
        .as_ref()
        .and_then(|h| h.get("kid"))
        .and_then(Value::as_str);
    let fitting: Vec<&crate::core::Key> = keys
        .keys
        .iter()
        .filter(|k| k.algorithms().contains(&alg))
        .collect();
    let named: Vec<&crate::core::Key> = fitting
        .iter()
        .copied()
        .filter(|k| kid.is_some() && k.kid.as_deref() == kid)
        .collect();
    let tried = if named.is_empty() { fitting } else { named };
    if tried.is_empty() {
        return SignatureCheck::new(KeyMismatch, msg!("sig-json-no-fit", alg = alg.name()));
    }
    match tried.iter().find(|k| {
        super::crypto::verify_with(alg, k, input.as_bytes(), &signature.bytes).unwrap_or(false)
    }) {
        Some(key) => {
            let mut c = SignatureCheck::new(Verified, msg!("sig-verified"));
            c.key = Some(key.describe());
            c
        }
        None => SignatureCheck::new(Invalid, msg!("sig-mismatch")),
    }
}

/// A signature no given key verified is failed only when a key that fits it verified nothing
/// else: a key given for another signature says nothing about this one (it was made by a signer
/// whose key was not given), while a signature whose own key was given and does not verify it
/// was changed.
fn other_signers(entries: &mut [(SignatureEntry, SignatureCheck)], keys: Option<&KeySet>) {
    let Some(keys) = keys else {
        return;
    };
    let used: Vec<String> = entries
        .iter()
        .filter_map(|(_, c)| c.verified_by.clone())
        .collect();
    if used.is_empty() {
        return;
    }
    for (entry, check) in entries.iter_mut() {
        let mismatch = matches!(
            check.detail.msg_key(),
            Some("sig-mismatch" | "sig-mismatch-many")
        );
        if check.status != SignatureStatus::Invalid || !mismatch {
            continue;
        }
        let alg = entry
            .protected
            .as_ref()
            .and_then(|h| h.get("alg"))
            .and_then(Value::as_str)
            .and_then(Alg::parse);
        let unused_fit = keys.keys.iter().any(|k| {
            !used.contains(&k.thumbprint()) && alg.is_some_and(|a| k.algorithms().contains(&a))
        });
        if !unused_fit {
            let detail = msg!("sig-json-other-signer");
            entry.status = SignatureStatus::NoKey;
            entry.detail = detail.clone();
            entry.key = None;
            check.status = SignatureStatus::NoKey;
            check.detail = detail;
            check.key = None;
        }
    }
}
