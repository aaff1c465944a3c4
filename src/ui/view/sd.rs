//! An SD-JWT as the view shows it: the disclosures table, the processing and key-binding
//! badges, and the claims a token being built can make selectively disclosable.

use super::{Badge, Line, Tone, badge, line};
use crate::core::{Analysis, json};
use crate::tr;

/// An SD-JWT as the disclosures panel shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SdView {
    /// Whether the disclosures match the payload's digests (RFC 9901 §7.1).
    pub status: Badge,
    /// The key binding's verdict; `None` when there is none and none is needed.
    pub key_binding: Option<Badge>,
    /// Why the key binding badge says what it says.
    pub key_binding_reason: Line,
    /// "sha-256 · 3 undisclosed or decoy digests".
    pub summary: String,
    pub rows: Vec<DisclosureRow>,
    /// Rule failures not tied to one disclosure.
    pub errors: Vec<String>,
    /// The key-binding JWT's members: "aud https://… · nonce … · iat …".
    pub key_binding_members: Option<String>,
}

/// One disclosure, as a row of the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DisclosureRow {
    pub number: usize,
    /// The claim name, or "[…]" for an array element.
    pub name: String,
    /// The disclosed value, cut to what a row shows, escaped.
    pub value: String,
    /// Where it went in the processed claims (an RFC 6901 pointer), or "—".
    pub path: String,
    /// The digest, shortened; `digest_full` is the whole.
    pub digest: String,
    pub digest_full: String,
    pub problem: Option<String>,
    /// The disclosure exactly as in the token (what "Present" selects by).
    pub disclosure: String,
}

/// A claim the build panel offers to make selectively disclosable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SdTick {
    pub pointer: String,
    pub label: String,
    pub depth: usize,
    pub ticked: bool,
}

/// Characters of a disclosed value shown in its row.
const SHOWN_VALUE_CHARS: usize = 60;

pub(super) fn shown(text: &str, max: usize) -> String {
    let end = text.char_indices().nth(max).map_or(text.len(), |(i, _)| i);
    let mut out = crate::core::text::escape_line(&text[..end]).into_owned();
    if end < text.len() {
        out.push('…');
    }
    out
}

pub(super) fn sd_view(a: &Analysis) -> Option<SdView> {
    use crate::core::sdjwt::{KbStatus, SdStatus};
    let sd = a.sd.as_ref()?;
    let status = match sd.status {
        SdStatus::Valid => badge("✔", tr!("sd-badge-valid"), Tone::Good),
        SdStatus::Invalid => badge(
            "✖",
            tr!("sd-badge-invalid", count = sd.errors.len()),
            Tone::Bad,
        ),
    };
    let has_cnf = a.decoded.claims().is_some_and(|c| c.contains_key("cnf"));
    let (key_binding, key_binding_reason) = match &sd.key_binding {
        Some(kb) => {
            let reason = line(
                kb.detail.to_string(),
                match kb.status {
                    KbStatus::Verified => Tone::Neutral,
                    KbStatus::Invalid => Tone::Bad,
                    KbStatus::NoHolderKey => Tone::Warn,
                },
            );
            let b = match kb.status {
                KbStatus::Verified => badge("✔", tr!("kb-badge-verified"), Tone::Good),
                KbStatus::Invalid => badge("✖", tr!("kb-badge-invalid"), Tone::Bad),
                KbStatus::NoHolderKey => badge("?", tr!("kb-badge-no-holder-key"), Tone::Warn),
            };
            (Some(b), reason)
        }
        None if has_cnf => (
            Some(badge("⚠", tr!("kb-badge-missing"), Tone::Warn)),
            line(tr!("kb-reason-missing"), Tone::Warn),
        ),
        None => (None, line(tr!("kb-reason-none"), Tone::Neutral)),
    };
    let key_binding_members = sd.key_binding.as_ref().map(|kb| {
        let show = |v: &Option<serde_json::Value>| match v {
            Some(serde_json::Value::String(s)) => shown(s, 60),
            Some(other) => shown(&other.to_string(), 60),
            None => "—".to_owned(),
        };
        format!(
            "aud {} · nonce {} · iat {} · sd_hash {}",
            show(&kb.aud),
            show(&kb.nonce),
            show(&kb.iat),
            kb.sd_hash
        )
    });
    let rows = sd
        .disclosures
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let value = match &d.value {
                Some(serde_json::Value::String(s)) => shown(s, SHOWN_VALUE_CHARS),
                Some(v) => shown(&json::to_compact(v), SHOWN_VALUE_CHARS),
                None => "—".to_owned(),
            };
            let short: String = d.digest.chars().take(10).collect();
            DisclosureRow {
                number: i + 1,
                name: d
                    .name
                    .as_deref()
                    .map_or_else(|| "[…]".to_owned(), |n| shown(n, 40)),
                value,
                path: d
                    .path
                    .as_deref()
                    .map_or_else(|| "—".to_owned(), |p| shown(p, 60)),
                digest: if d.digest.len() > 10 {
                    format!("{short}…")
                } else {
                    short
                },
                digest_full: d.digest.clone(),
                problem: d.problem.as_ref().map(|p| shown(&p.to_string(), 300)),
                disclosure: d.disclosure.clone(),
            }
        })
        .collect();
    let errors = sd
        .errors
        .iter()
        .filter(|e| {
            !sd.disclosures
                .iter()
                .any(|d| d.problem.as_ref() == Some(*e))
        })
        .map(|e| shown(&e.to_string(), 300))
        .collect();
    Some(SdView {
        status,
        key_binding,
        key_binding_reason,
        summary: tr!(
            "sd-summary",
            hash = sd.hash_alg.as_str(),
            decoys = sd.decoys
        ),
        rows,
        errors,
        key_binding_members,
    })
}
