//! Header findings: embedded and remote keys, odd `kid`s, `crit`, nested and encrypted tokens.

use serde_json::Value;

use super::{Context, Finding, FindingId, Severity, finding};
use crate::core::keys::KeySet;
use crate::core::msg::Text;
use crate::core::parse::Form;
use crate::core::verify::{self, SignatureStatus};
use crate::core::words::type_word;
use crate::msg;

pub(super) fn rules(header: &Value, cx: &Context<'_>, out: &mut Vec<Finding>) {
    if let Some(jwk) = header.get("jwk") {
        let private = jwk.get("d").is_some();
        // Self-signed: the embedded key verifies the token, and no key of the user's does.
        let self_signed = cx.signature.status != SignatureStatus::Verified
            && crate::core::keys::parse_jwk(jwk).is_ok_and(|key| {
                let set = KeySet {
                    keys: vec![key],
                    is_set: false,
                    skipped: Vec::new(),
                };
                verify::verify(cx.decoded, Some(&set)).status == SignatureStatus::Verified
            });
        // A DPoP proof carries its public key by design (RFC 9449 §4.2): what binds it is the
        // access token's cnf.jkt, which the token's kind checks.
        let dpop = crate::core::profile::from_header(header)
            == Some(crate::core::profile::ProfileName::DpopProof);
        let (severity, title, message) = if private {
            (
                Severity::Critical,
                "f-jwk-private-title",
                "f-jwk-private-msg",
            )
        } else if dpop {
            (Severity::Info, "f-jwk-dpop-title", "f-jwk-dpop-msg")
        } else if self_signed {
            (
                Severity::Critical,
                "f-jwk-self-signed-title",
                "f-jwk-self-signed-msg",
            )
        } else {
            (Severity::Warn, "f-jwk-title", "f-jwk-msg")
        };
        out.push(finding(
            FindingId::EmbeddedJwk,
            severity,
            Text::key(title),
            Text::key(message),
            "RFC 7515 §4.1.3; CVE-2018-0114",
        ));
    }
    for name in ["jku", "x5u"] {
        if let Some(url) = header.get(name) {
            let text = url.as_str().unwrap_or_default();
            let lower = text.to_ascii_lowercase();
            let risky = lower.starts_with("http:")
                || ["localhost", "127.", "169.254.", "10.", "192.168.", "[::1]"]
                    .iter()
                    .any(|h| lower.contains(h));
            out.push(finding(
                FindingId::RemoteKeyUrl,
                Severity::Warn,
                msg!("f-key-url-title", name = name),
                {
                    let message = msg!("f-key-url-msg", name = name, url = url.to_string());
                    if risky {
                        message.then(" ".into()).then(msg!("f-key-url-risky"))
                    } else {
                        message
                    }
                },
                "RFC 8725 §3.10",
            ));
        }
    }
    if let Some(kid) = header.get("kid").filter(|k| !k.is_string()) {
        out.push(finding(
            FindingId::KidNotString,
            Severity::Warn,
            msg!("f-kid-type-title"),
            msg!("f-kid-type-msg", type = type_word(kid), value = kid.to_string()),
            "RFC 7515 §4.1.4",
        ));
    }
    if let Some(kid) = header.get("kid").and_then(Value::as_str) {
        let suspicious = [
            "/", "\\", "..", "'", "\"", ";", "|", "`", "$(", "\0", "--", " or ", "%00",
        ]
        .iter()
        .any(|p| kid.to_ascii_lowercase().contains(p));
        if suspicious {
            out.push(finding(
                FindingId::KidSuspicious,
                Severity::Warn,
                msg!("f-kid-injection-title"),
                msg!("f-kid-injection-msg", kid = kid),
                "RFC 8725 §3.10",
            ));
        }
    }
    if let Some(crit) = header.get("crit") {
        let unknown = verify::unknown_crit(header);
        let names: Vec<&str> = crit
            .as_array()
            .map(|l| l.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        let empty = crit.as_array().is_some_and(Vec::is_empty);
        let mut seen = std::collections::HashSet::new();
        let duplicated: Vec<&str> = names.iter().copied().filter(|n| !seen.insert(*n)).collect();
        const STANDARD: &[&str] = &[
            "alg", "jku", "jwk", "kid", "x5u", "x5c", "x5t", "x5t#S256", "typ", "cty", "crit",
            "enc", "zip",
        ];
        let standard: Vec<&str> = names
            .iter()
            .copied()
            .filter(|n| STANDARD.contains(n))
            .collect();
        let missing: Vec<&str> = names
            .iter()
            .copied()
            .filter(|n| header.get(*n).is_none())
            .collect();
        let mut problems = Vec::new();
        if empty {
            problems.push(msg!("f-crit-empty"));
        }
        if !crit.is_array() {
            problems.push(msg!("f-crit-not-array"));
        }
        if !unknown.is_empty() {
            problems.push(msg!("f-crit-unknown", names = unknown.join(", ")));
        }
        if !duplicated.is_empty() {
            problems.push(msg!("f-crit-twice", names = duplicated.join(", ")));
        }
        if !standard.is_empty() {
            problems.push(msg!("f-crit-standard", names = standard.join(", ")));
        }
        if !missing.is_empty() {
            problems.push(msg!("f-crit-missing", names = missing.join(", ")));
        }
        if !problems.is_empty() {
            out.push(finding(
                FindingId::CritUnknown,
                Severity::Error,
                msg!("f-crit-title"),
                msg!("f-crit-msg", problems = Text::join(problems, "; ")),
                "RFC 7515 §4.1.11",
            ));
        }
    }
    if header
        .get("cty")
        .and_then(Value::as_str)
        .is_some_and(|c| c.eq_ignore_ascii_case("JWT"))
    {
        out.push(finding(
            FindingId::NestedToken,
            Severity::Info,
            msg!("f-nested-title"),
            msg!("f-nested-msg"),
            "RFC 7519 §5.2, RFC 8725 §3.3",
        ));
    }
    if cx.decoded.form == Form::Jwe {
        let decrypted = cx
            .jwe
            .is_some_and(|j| j.status == crate::core::jwe::JweStatus::Decrypted);
        out.push(finding(
            FindingId::Jwe,
            Severity::Info,
            msg!("f-jwe-title"),
            if decrypted {
                msg!("f-jwe-decrypted-msg")
            } else {
                msg!("f-jwe-msg")
            },
            "RFC 7516",
        ));
        super::jwe::rules(header, cx, decrypted, out);
        if header.get("zip").is_some() {
            out.push(finding(
                FindingId::JweZip,
                Severity::Warn,
                msg!("f-jwe-zip-title"),
                msg!("f-jwe-zip-msg"),
                "RFC 8725 §3.6",
            ));
        }
    }
}
