//! Structure findings: JSON serialization, non-canonical base64url, duplicate members, payloads
//! that are not UTF-8.

use super::{Finding, FindingId, Severity, finding};
use crate::core::json::Duplicate;
use crate::core::parse::{Decoded, ErrorKind, Payload};
use crate::core::words::part_word;
use crate::msg;

pub(super) fn rules(d: &Decoded, out: &mut Vec<Finding>) {
    if d.json_serialization.is_some() || (d.token.starts_with('{') && !d.errors.is_empty()) {
        out.push(finding(
            FindingId::NotCompact,
            Severity::Error,
            msg!("f-json-serialization-title"),
            match &d.json_serialization {
                Some(j) if j.unprotected_header => {
                    msg!("f-json-serialization-unprotected-msg", count = j.signatures)
                }
                Some(j) => msg!("f-json-serialization-msg", count = j.signatures),
                None => msg!("f-json-input-msg"),
            },
            "RFC 7515 §7.2, RFC 7519 §7.2",
        ));
    }
    for e in d.errors.iter().filter(|e| e.kind == ErrorKind::Base64) {
        out.push(finding(
            FindingId::Base64Noncanonical,
            Severity::Error,
            msg!("f-base64-title", part = part_word(&e.part)),
            msg!(
                "f-base64-msg",
                part = part_word(&e.part),
                problem = e.message.clone()
            ),
            "RFC 7515 §2, RFC 4648 §3.5",
        ));
    }

    for part in &d.parts {
        if let Some(dev) = part.deviations.first() {
            out.push(finding(
                FindingId::Base64Noncanonical,
                Severity::Error,
                msg!("f-noncanonical-title", part = part_word(part.kind.name())),
                msg!(
                    "f-noncanonical-msg",
                    part = part_word(part.kind.name()),
                    problem = dev.describe()
                ),
                "RFC 7515 §2, RFC 4648 §3.5",
            ));
        }
    }
    let dups = |list: &[Duplicate], place: &str, out: &mut Vec<Finding>| {
        for dup in list {
            out.push(finding(
                FindingId::DuplicateMember,
                Severity::Error,
                msg!(
                    format!("f-duplicate-{place}-title"),
                    name = dup.name.as_str()
                ),
                if dup.pointer.is_empty() {
                    msg!(
                        "f-duplicate-msg",
                        name = dup.name.as_str(),
                        first = dup.first.to_string(),
                        last = dup.last.to_string()
                    )
                } else {
                    msg!(
                        "f-duplicate-at-msg",
                        name = dup.name.as_str(),
                        pointer = dup.pointer.as_str(),
                        first = dup.first.to_string(),
                        last = dup.last.to_string()
                    )
                },
                "RFC 7515 §4, RFC 7519 §4",
            ));
        }
    };
    dups(&d.header_duplicates, "header", out);
    dups(&d.payload_duplicates, "payload", out);
    if d.duplicates_omitted > 0 {
        out.push(finding(
            FindingId::DuplicateMember,
            Severity::Error,
            msg!("f-duplicates-more-title", count = d.duplicates_omitted),
            msg!(
                "f-duplicates-more-msg",
                count = d.duplicates_omitted,
                shown = crate::core::json::MAX_RECORDED_DUPLICATES
            ),
            "RFC 7515 §4, RFC 7519 §4",
        ));
    }
    if let Payload::Binary(bytes) = &d.payload {
        let at = std::str::from_utf8(bytes)
            .err()
            .map(|e| e.valid_up_to())
            .unwrap_or(0);
        out.push(finding(
            FindingId::NotUtf8,
            Severity::Error,
            msg!("f-payload-utf8-title"),
            msg!("f-payload-utf8-msg", at = at),
            "RFC 8725 §3.7",
        ));
    }
}
