//! Findings about a Selective Disclosure JWT (RFC 9901) and an SD-JWT VC
//! (draft-ietf-oauth-sd-jwt-vc): processing that failed, short salts, no decoys, a key binding
//! that is missing or fails, and the VC rules on `typ`, `vct` and what may not be disclosable.

use serde_json::Value;

use super::{Finding, FindingId, Severity, finding};
use crate::core::b64;
use crate::core::parse::Decoded;
use crate::core::sdjwt::{KbStatus, SdReport, SdStatus};
use crate::msg;

/// Salts shorter than this many bits make a disclosure guessable from its digest.
const MIN_SALT_BITS: usize = 128;

/// Claims an SD-JWT VC must never make selectively disclosable.
const NEVER_DISCLOSABLE: [&str; 6] = ["iss", "nbf", "exp", "cnf", "vct", "status"];

pub(super) fn rules(decoded: &Decoded, sd: &SdReport, out: &mut Vec<Finding>) {
    if sd.status == SdStatus::Invalid {
        let first = sd
            .errors
            .first()
            .cloned()
            .unwrap_or_else(|| msg!("sd-invalid"));
        out.push(finding(
            FindingId::SdInvalid,
            Severity::Error,
            msg!("f-sd-invalid-title", count = sd.errors.len()),
            msg!("f-sd-invalid-msg", first = first),
            "RFC 9901 §7.1",
        ));
    }
    let short: Vec<usize> = sd
        .disclosures
        .iter()
        .enumerate()
        .filter_map(|(i, d)| {
            let salt = d.salt.as_deref()?;
            let bits = b64::decode(salt).map_or(salt.len(), |s| s.bytes.len()) * 8;
            (bits < MIN_SALT_BITS).then_some(i + 1)
        })
        .collect();
    if let Some(&first) = short.first() {
        out.push(finding(
            FindingId::SdShortSalt,
            Severity::Warn,
            msg!("f-sd-short-salt-title", count = short.len()),
            msg!("f-sd-short-salt-msg", first = first, bits = MIN_SALT_BITS),
            "RFC 9901 §9.3",
        ));
    }
    if sd.decoys == 0 && sd.digests > 0 && sd.digests < 4 {
        out.push(finding(
            FindingId::SdNoDecoys,
            Severity::Info,
            msg!("f-sd-no-decoys-title"),
            msg!("f-sd-no-decoys-msg", count = sd.digests),
            "RFC 9901 §4.2.5, §10.1",
        ));
    }
    let claims = decoded.claims();
    let has_cnf = claims.is_some_and(|c| c.contains_key("cnf"));
    match &sd.key_binding {
        None if has_cnf => out.push(finding(
            FindingId::SdKbMissing,
            Severity::Warn,
            msg!("f-sd-kb-missing-title"),
            msg!("f-sd-kb-missing-msg"),
            "RFC 9901 §4.3, §9.5",
        )),
        _ => out.extend(key_binding_failed(sd)),
    }
    vc_rules(decoded, sd, out);
}

/// The finding for a key-binding JWT that does not verify (it may start or stop applying as the
/// key-binding JWT ages, without a new analysis).
pub fn key_binding_failed(sd: &SdReport) -> Option<Finding> {
    let kb = sd.key_binding.as_ref()?;
    (kb.status == KbStatus::Invalid).then(|| {
        finding(
            FindingId::SdKbInvalid,
            Severity::Error,
            msg!("f-sd-kb-invalid-title"),
            msg!("f-sd-kb-invalid-msg", detail = kb.detail.clone()),
            "RFC 9901 §7.3",
        )
    })
}

/// SD-JWT VC: `typ`, `vct`, and the claims that must always be visible.
fn vc_rules(decoded: &Decoded, sd: &SdReport, out: &mut Vec<Finding>) {
    let typ = decoded
        .header
        .as_ref()
        .and_then(|h| h.get("typ"))
        .and_then(Value::as_str);
    let is_vc = matches!(typ, Some("dc+sd-jwt" | "vc+sd-jwt"));
    if typ == Some("vc+sd-jwt") {
        out.push(finding(
            FindingId::SdVcLegacyTyp,
            Severity::Warn,
            msg!("f-sd-vc-legacy-typ-title"),
            msg!("f-sd-vc-legacy-typ-msg"),
            "draft-ietf-oauth-sd-jwt-vc §3.2.1",
        ));
    }
    if !is_vc {
        return;
    }
    let vct_visible = decoded
        .claims()
        .and_then(|c| c.get("vct"))
        .is_some_and(Value::is_string);
    if !vct_visible {
        out.push(finding(
            FindingId::SdVcNoVct,
            Severity::Error,
            msg!("f-sd-vc-no-vct-title"),
            msg!("f-sd-vc-no-vct-msg"),
            "draft-ietf-oauth-sd-jwt-vc §3.2.2.1",
        ));
    }
    let disclosed: Vec<&str> = NEVER_DISCLOSABLE
        .into_iter()
        .filter(|name| sd.disclosed_at(&format!("/{name}")).is_some())
        .collect();
    if !disclosed.is_empty() {
        out.push(finding(
            FindingId::SdVcDisclosedRegistered,
            Severity::Error,
            msg!("f-sd-vc-disclosable-title"),
            msg!("f-sd-vc-disclosable-msg", names = disclosed.join(", ")),
            "draft-ietf-oauth-sd-jwt-vc §3.2.2.2",
        ));
    }
}
