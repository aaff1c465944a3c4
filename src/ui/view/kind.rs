//! The token's kind as the view shows it: the line under the badges, the rules with their
//! outcomes, the inputs the kind asks for, and the access token it is checked against.

use super::sd::shown;
use super::{Line, Tone, line};
use crate::core::Analysis;
use crate::tr;

/// The token's kind as the kind panel shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KindView {
    /// "DPoP proof (from typ)".
    pub title: String,
    pub checks: Vec<KindCheck>,
    /// The inputs this kind's rules use: DPoP's request and nonce, the access token, an ID
    /// token's nonce and code.
    pub wants_request: bool,
    pub wants_access_token: bool,
    pub wants_id_inputs: bool,
    /// A status list's entries counted by value.
    pub status_list: Option<String>,
    /// The access token the token is checked against, summarised, to show beside its checks:
    /// its kind, subject, `cnf.jkt` and expiry.
    pub paired: Option<Vec<String>>,
}

/// One rule and its outcome.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KindCheck {
    pub icon: &'static str,
    pub id: String,
    pub detail: String,
    pub tone: Tone,
}

/// The access token given for a DPoP proof or ID token, in a few lines.
fn paired_summary(token: &str, now: i64) -> Vec<String> {
    let d = crate::core::parse::decode(token);
    let Some(claims) = d.claims() else {
        return vec![tr!("kind-paired-opaque")];
    };
    let (kind, _) = crate::core::profile::detect(&d);
    let show = |name: &str| {
        claims.get(name).map(|v| match v {
            serde_json::Value::String(s) => shown(s, 60),
            other => shown(&other.to_string(), 60),
        })
    };
    let mut out = vec![tr!("kind-paired-kind", kind = kind.title().to_string())];
    for name in ["iss", "sub", "client_id", "scope"] {
        if let Some(v) = show(name) {
            out.push(tr!("kind-paired-member", name = name, value = v));
        }
    }
    out.push(
        match claims
            .get("cnf")
            .and_then(|c| c.get("jkt"))
            .and_then(|j| j.as_str())
        {
            Some(jkt) => tr!(
                "kind-paired-member",
                name = "cnf.jkt",
                value = shown(jkt, 60)
            ),
            None => tr!("kind-paired-unbound"),
        },
    );
    if let Some(exp) = claims.get("exp").and_then(serde_json::Value::as_i64) {
        let when = crate::core::time::info(exp, now).relative().to_string();
        out.push(tr!("kind-paired-member", name = "exp", value = when));
    }
    out
}

pub(super) fn kind_view(a: &Analysis, access_token: &str) -> (Line, Option<KindView>) {
    use crate::core::profile::{CheckStatus, ProfileName, ProfileStatus, Source};
    let Some(p) = crate::core::verdict::innermost(a).profile.as_ref() else {
        return (line("", Tone::Neutral), None);
    };
    let kind = p.name.title().to_string();
    let source = match p.source {
        Source::Typ => tr!("kind-from-typ"),
        Source::Claims => tr!("kind-from-claims"),
        Source::Option => tr!("kind-from-option"),
    };
    let (failed, waiting) = p.counts();
    let total = p.checks.len();
    let line_text = match p.status {
        _ if p.name == ProfileName::Jwt && total == 0 => {
            tr!("kind-line-plain", kind = kind.as_str())
        }
        ProfileStatus::Valid => tr!("kind-line-valid", kind = kind.as_str(), total = total),
        ProfileStatus::Invalid => tr!(
            "kind-line-invalid",
            kind = kind.as_str(),
            failed = failed,
            total = total
        ),
        ProfileStatus::Incomplete => {
            tr!(
                "kind-line-incomplete",
                kind = kind.as_str(),
                waiting = waiting,
                total = total
            )
        }
    };
    let tone = match p.status {
        _ if total == 0 => Tone::Neutral,
        ProfileStatus::Valid => Tone::Good,
        ProfileStatus::Invalid => Tone::Bad,
        ProfileStatus::Incomplete => Tone::Warn,
    };
    let checks = p
        .checks
        .iter()
        .map(|c| {
            let (icon, tone) = match c.status {
                CheckStatus::Pass => ("✔", Tone::Good),
                CheckStatus::Fail => ("✖", Tone::Bad),
                CheckStatus::NotChecked => ("?", Tone::Warn),
            };
            KindCheck {
                icon,
                id: crate::core::text::escape_line(&c.id).into_owned(),
                detail: shown(&c.detail.to_string(), 300),
                tone,
            }
        })
        .collect();
    let view = KindView {
        title: format!("{kind} ({source})"),
        checks,
        wants_request: p.name == ProfileName::DpopProof,
        wants_access_token: matches!(p.name, ProfileName::DpopProof | ProfileName::IdToken),
        wants_id_inputs: p.name == ProfileName::IdToken,
        paired: (matches!(p.name, ProfileName::DpopProof | ProfileName::IdToken)
            && !access_token.trim().is_empty())
        .then(|| paired_summary(access_token.trim(), a.validity.now)),
        status_list: p.status_list.as_ref().map(|l| {
            let counts = l
                .counts
                .iter()
                .map(|(v, n)| format!("{v}: {n}"))
                .collect::<Vec<_>>()
                .join(", ");
            tr!(
                "kind-status-list",
                entries = l.entries,
                bits = l.bits,
                counts = counts
            )
        }),
    };
    (line(line_text, tone), Some(view))
}
