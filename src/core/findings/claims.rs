//! Claim findings: claim types, missing or odd times, long lifetimes, audiences, `typ`,
//! sensitive-looking data, tokens inside claims, size limits.

use serde_json::Value;

use super::{Context, Finding, FindingId, Severity, finding};
use crate::core::alg::{Alg, Family};
use crate::core::claims::numeric_date;
use crate::core::parse::{Decoded, ErrorKind, Form, find_token};
use crate::core::words::{part_word, type_word};
use crate::msg;

pub(super) fn rules(d: &Decoded, out: &mut Vec<Finding>) {
    let Some(claims) = d.claims() else { return };
    for (name, spec) in [
        ("sub", "RFC 7519 §4.1.2"),
        ("jti", "RFC 7519 §4.1.7"),
        ("iss", "RFC 7519 §4.1.1"),
    ] {
        if let Some(value) = claims.get(name).filter(|v| !v.is_string()) {
            out.push(finding(
                FindingId::ClaimNotString,
                Severity::Warn,
                msg!("f-claim-type-title", name = name),
                msg!(
                    "f-claim-type-msg",
                    name = name,
                    type = type_word(value),
                    value = value.to_string()
                ),
                spec,
            ));
        }
    }
    let one_shot = d
        .header
        .as_ref()
        .and_then(crate::core::profile::from_header)
        .is_some_and(crate::core::profile::ProfileName::is_one_shot);
    if !claims.contains_key("exp") && !one_shot {
        out.push(finding(
            FindingId::NoExp,
            Severity::Warn,
            msg!("f-no-exp-title"),
            msg!("f-no-exp-msg"),
            "RFC 8725 §3.10, RFC 9068 §2.2",
        ));
    }
    for name in ["exp", "nbf", "iat"] {
        let Some(value) = claims.get(name) else {
            continue;
        };
        let problem = match numeric_date(value) {
            None => Some(msg!("f-date-type", name = name, type = type_word(value))),
            Some(t) if t < 0 => Some(msg!("f-date-negative", name = name, value = t.to_string())),
            Some(t) if t > 32_503_680_000 => Some(msg!(
                "f-date-millis",
                name = name,
                value = t.to_string(),
                at = crate::core::time::rfc3339(t / 1000)
            )),
            Some(_) if value.as_i64().is_none() => Some(msg!(
                "f-date-fraction",
                name = name,
                value = value.to_string()
            )),
            Some(_) => None,
        };
        if let Some(problem) = problem {
            out.push(finding(
                FindingId::BadNumericDate,
                Severity::Warn,
                msg!("f-date-title", name = name),
                msg!("f-date-msg", problem = problem),
                "RFC 7519 §2",
            ));
        }
    }
    if let (Some(exp), Some(iat)) = (
        claims.get("exp").and_then(numeric_date),
        claims.get("iat").and_then(numeric_date),
    ) {
        let lifetime = exp.saturating_sub(iat);
        if lifetime > 86_400 {
            out.push(finding(
                FindingId::LongLifetime,
                Severity::Info,
                msg!(
                    "f-lifetime-title",
                    span = crate::core::time::span_phrase(lifetime.unsigned_abs())
                ),
                msg!("f-lifetime-msg"),
                "RFC 9068, RFC 8725 §3.10",
            ));
        }
    }
}

/// A Luhn-valid run of 13–19 digits: looks like a payment card number.
fn looks_like_card_number(text: &str) -> bool {
    // 13–19 digits with at most a few spaces or dashes: anything else is not worth collecting.
    if !(13..=25).contains(&text.len()) || !text.as_bytes()[0].is_ascii_digit() {
        return false;
    }
    let digits: Vec<u32> = text
        .chars()
        .filter(|c| !matches!(c, ' ' | '-'))
        .map(|c| c.to_digit(10))
        .collect::<Option<_>>()
        .unwrap_or_default();
    if !(13..=19).contains(&digits.len()) {
        return false;
    }
    let sum: u32 = digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| {
            if i % 2 == 1 {
                let x = d * 2;
                if x > 9 { x - 9 } else { x }
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

/// The catalogue key of what a claim seems to hold, when it looks sensitive.
fn sensitive_reason(name: &str, value: &Value) -> Option<&'static str> {
    const NAMES: &[(&str, &str)] = &[
        ("password", "sensitive-password"),
        ("passwd", "sensitive-password"),
        ("secret", "sensitive-secret"),
        ("private_key", "sensitive-private-key"),
        ("privatekey", "sensitive-private-key"),
        ("api_key", "sensitive-api-key"),
        ("apikey", "sensitive-api-key"),
        ("ssn", "sensitive-ssn"),
        ("credit_card", "sensitive-card"),
        ("card_number", "sensitive-card"),
        ("cvv", "sensitive-cvv"),
        ("iban", "sensitive-iban"),
    ];
    // The name itself, or a name ending in `_` and it ("db_password"), in any case.
    let named = |n: &str| {
        let (len, own) = (name.len(), n.len());
        name.eq_ignore_ascii_case(n)
            || (len > own
                && name.is_char_boundary(len - own - 1)
                && name.as_bytes()[len - own - 1] == b'_'
                && name[len - own..].eq_ignore_ascii_case(n))
    };
    if let Some((_, what)) = NAMES.iter().find(|(n, _)| named(n)) {
        return Some(what);
    }
    let text = value.as_str()?;
    if text.contains("PRIVATE KEY-----") {
        return Some("sensitive-private-key");
    }
    if text.len() == 20
        && text.starts_with("AKIA")
        && text
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
    {
        return Some("sensitive-aws");
    }
    if looks_like_card_number(text) {
        return Some("sensitive-card");
    }
    None
}

pub(super) fn token_rules(d: &Decoded, cx: &Context<'_>, out: &mut Vec<Finding>) {
    for e in &d.errors {
        if e.kind == ErrorKind::Limit {
            out.push(finding(
                FindingId::Oversized,
                Severity::Error,
                msg!("f-oversized-title", part = part_word(&e.part)),
                msg!(
                    "f-oversized-msg",
                    part = part_word(&e.part),
                    problem = e.message.clone()
                ),
                "CVE-2025-27144, CVE-2025-30204",
            ));
        }
        if e.kind == ErrorKind::Utf8 {
            out.push(finding(
                FindingId::NotUtf8,
                Severity::Error,
                msg!("f-header-utf8-title"),
                msg!("f-header-utf8-msg", problem = e.message.clone()),
                "RFC 8725 §3.7",
            ));
        }
    }
    let Some(header) = d.header.as_ref() else {
        return;
    };
    if d.form == Form::Jws && d.claims().is_some() {
        match header.get("typ").and_then(Value::as_str) {
            None => out.push(finding(
                FindingId::TypNotExplicit,
                Severity::Info,
                msg!("f-no-typ-title"),
                msg!("f-no-typ-msg"),
                "RFC 8725 §3.11, RFC 9068",
            )),
            Some(t) if t.eq_ignore_ascii_case("JWT") => out.push(finding(
                FindingId::TypNotExplicit,
                Severity::Info,
                msg!("f-typ-jwt-title"),
                msg!("f-typ-jwt-msg"),
                "RFC 8725 §3.11, RFC 9068",
            )),
            Some(_) => {}
        }
    }
    let Some(claims) = d.claims() else { return };
    // An OAuth access token (RFC 9068) or OpenID Connect ID token must name its audience.
    let oauth_shaped = header
        .get("typ")
        .and_then(Value::as_str)
        .is_some_and(|t| t.eq_ignore_ascii_case("at+jwt"))
        || ["scope", "scp", "client_id", "azp", "nonce"]
            .iter()
            .any(|n| claims.contains_key(*n));
    match claims.get("aud") {
        None if oauth_shaped => out.push(finding(
            FindingId::Audience,
            Severity::Warn,
            msg!("f-no-aud-title"),
            msg!("f-no-aud-msg"),
            "RFC 8725 §3.9",
        )),
        Some(Value::Array(list)) if list.len() > 1 && !claims.contains_key("azp") => {
            out.push(finding(
                FindingId::Audience,
                Severity::Warn,
                msg!("f-many-aud-title", count = list.len()),
                msg!("f-many-aud-msg"),
                "RFC 8725 §3.9, OpenID Connect Core §3.1.3.7",
            ))
        }
        Some(Value::Array(list)) if list.is_empty() => out.push(finding(
            FindingId::Audience,
            Severity::Warn,
            msg!("f-empty-aud-title"),
            msg!("f-empty-aud-msg"),
            "RFC 7519 §4.1.3",
        )),
        _ => {}
    }
    for (name, value) in claims {
        if let Some(what) = sensitive_reason(name, value) {
            out.push(finding(
                FindingId::SensitiveData,
                Severity::Warn,
                msg!("f-sensitive-title", name = name.as_str(), what = msg!(what)),
                msg!("f-sensitive-msg"),
                "RFC 8725 §3.12",
            ));
        }
        if let Some(text) = value.as_str()
            && text.starts_with("ey")
            && find_token(text) == Some(text)
        {
            out.push(finding(
                FindingId::NestedToken,
                Severity::Info,
                msg!("f-claim-token-title", name = name.as_str()),
                msg!("f-claim-token-msg"),
                "RFC 8725 §3.3",
            ));
        }
    }
    if let (Some(keys), Some(alg)) = (
        cx.keys,
        d.alg_name()
            .and_then(Alg::parse)
            .filter(|a| a.family() == Family::Hmac),
    ) {
        for bytes in keys.keys.iter().filter_map(|k| k.secret_bytes()) {
            let distinct = super::distinct_bytes(bytes);
            if bytes.len() >= alg.min_secret_len().unwrap_or(32) && distinct < 8 {
                out.push(finding(
                    FindingId::WeakHmacKey,
                    Severity::Warn,
                    msg!("f-few-bytes-title", count = distinct),
                    msg!("f-few-bytes-msg"),
                    "RFC 8725 §3.5",
                ));
            }
        }
    }
}
