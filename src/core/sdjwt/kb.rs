//! Key binding (RFC 9901 §4.3, §7.3): the holder proves possession of the key the issuer bound
//! into the credential (`cnf`) by signing a short JWT (`typ: kb+jwt`) over the presentation's
//! hash (`sd_hash`), for one verifier (`aud`) and one transaction (`nonce`), at one time (`iat`).

use serde::Serialize;
use serde_json::{Map, Value};

use super::{HashAlg, SdOptions};
use crate::core::msg::Text;
use crate::core::verify::{self, SignatureStatus};
use crate::core::{Alg, KeySet, keys, parse};
use crate::msg;

/// The key-binding JWT's verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum KbStatus {
    /// Signed by the holder key, over this presentation, recent, for the expected verifier.
    Verified,
    /// Something failed; `detail` says what first, `problems` everything.
    Invalid,
    /// The issuer names the holder key only by `kid` or `jkt`, and no key was given.
    NoHolderKey,
}

/// What the key-binding check found (the `key_binding` member of `decode --json`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KbReport {
    pub status: KbStatus,
    pub detail: Text,
    pub typ: Option<String>,
    pub aud: Option<Value>,
    pub nonce: Option<Value>,
    pub iat: Option<Value>,
    /// "match" or "mismatch": the `sd_hash` against the presentation as received.
    pub sd_hash: &'static str,
    /// Every failed check, in words.
    #[serde(skip)]
    pub problems: Vec<Text>,
    /// The key that verified the signature, and the accepted age: what [`KbReport::retime`]
    /// needs to say the verdict again at another instant.
    #[serde(skip)]
    key: Option<Text>,
    #[serde(skip)]
    max_age_secs: i64,
}

impl KbReport {
    /// The verdict at `now`: only the age of `iat` depends on the clock, so a live view calls
    /// this as time passes (no parsing, no crypto).
    pub fn retime(&mut self, now: i64, leeway_secs: i64) {
        if self.status == KbStatus::NoHolderKey {
            return;
        }
        self.problems
            .retain(|p| !matches!(p.msg_key(), Some("kb-iat-old" | "kb-iat-future")));
        if let Some(problem) = age_problem(self.iat.as_ref(), now, leeway_secs, self.max_age_secs) {
            self.problems.push(problem);
        }
        let key = self.key.take();
        *self = finish(std::mem::replace(self, placeholder()), key);
    }
}

fn placeholder() -> KbReport {
    KbReport {
        status: KbStatus::Invalid,
        detail: msg!("kb-verified"),
        typ: None,
        aud: None,
        nonce: None,
        iat: None,
        sd_hash: "mismatch",
        problems: Vec::new(),
        key: None,
        max_age_secs: 0,
    }
}

/// What is wrong with a key-binding JWT's `iat` at `now`, if anything.
fn age_problem(iat: Option<&Value>, now: i64, leeway_secs: i64, max_age_secs: i64) -> Option<Text> {
    match iat.and_then(Value::as_i64) {
        None => None,
        Some(iat) if iat > now + leeway_secs => Some(msg!("kb-iat-future", secs = iat - now)),
        Some(iat) if now - iat > max_age_secs + leeway_secs => {
            Some(msg!("kb-iat-old", secs = now - iat, max = max_age_secs))
        }
        Some(_) => None,
    }
}

/// The holder key the issuer bound: `cnf.jwk`, else a given key when `cnf` names it by `kid` or
/// `jkt` (checked against the thumbprint).
fn holder_key(
    issuer: Option<&Map<String, Value>>,
    options: &SdOptions,
) -> Result<Option<KeySet>, Text> {
    let cnf = issuer.and_then(|c| c.get("cnf")).and_then(Value::as_object);
    if let Some(jwk) = cnf.and_then(|c| c.get("jwk")) {
        return keys::parse_text(&jwk.to_string())
            .map(Some)
            .map_err(|e| msg!("kb-cnf-jwk-unreadable", error = e.to_string()));
    }
    let Some(given) = options.holder_keys.as_deref() else {
        return Ok(None);
    };
    if let Some(jkt) = cnf.and_then(|c| c.get("jkt")).and_then(Value::as_str) {
        let matching: Vec<_> = given
            .keys
            .iter()
            .filter(|k| k.thumbprint() == jkt)
            .cloned()
            .collect();
        if matching.is_empty() {
            return Err(msg!("kb-jkt-mismatch", jkt = jkt));
        }
        return Ok(Some(KeySet {
            keys: matching,
            is_set: given.is_set,
            skipped: Vec::new(),
        }));
    }
    Ok(Some(given.clone()))
}

/// Checks the key-binding JWT `kb` of the presentation whose text before it is `presented`.
pub fn check(
    kb: &str,
    presented: &str,
    issuer: Option<&Map<String, Value>>,
    hash_alg: &str,
    options: &SdOptions,
    now: i64,
    leeway_secs: i64,
) -> KbReport {
    let decoded = parse::decode(kb);
    let header = decoded.header.as_ref();
    let claims = decoded.claims();
    let member = |name: &str| claims.and_then(|c| c.get(name)).cloned();
    let mut report = KbReport {
        status: KbStatus::Invalid,
        detail: msg!("kb-verified"),
        typ: header
            .and_then(|h| h.get("typ"))
            .and_then(Value::as_str)
            .map(str::to_owned),
        aud: member("aud"),
        nonce: member("nonce"),
        iat: member("iat"),
        sd_hash: "mismatch",
        problems: Vec::new(),
        key: None,
        max_age_secs: options.kb_max_age_secs,
    };
    if let Some(error) = decoded.errors.first() {
        report
            .problems
            .push(msg!("kb-malformed", error = error.to_string()));
        return finish(report, None);
    }
    if report.typ.as_deref() != Some("kb+jwt") {
        let typ = report.typ.clone().unwrap_or_else(|| "-".into());
        report.problems.push(msg!("kb-typ", typ = typ));
    }
    let alg = decoded.alg_name().and_then(Alg::parse);
    if alg.is_none_or(|a| matches!(a, Alg::None | Alg::HS256 | Alg::HS384 | Alg::HS512)) {
        let alg = decoded.alg_name().unwrap_or("-").to_owned();
        report.problems.push(msg!("kb-alg", alg = alg));
    }
    match (
        HashAlg::parse(hash_alg),
        claims
            .and_then(|c| c.get("sd_hash"))
            .and_then(Value::as_str),
    ) {
        (Some(h), Some(got)) if h.b64_digest(presented) == got => report.sd_hash = "match",
        (_, None) => report.problems.push(msg!("kb-sd-hash-missing")),
        _ => report.problems.push(msg!("kb-sd-hash-mismatch")),
    }
    if report.iat.as_ref().and_then(Value::as_i64).is_none() {
        report.problems.push(msg!("kb-iat-missing"));
    }
    if let Some(problem) = age_problem(
        report.iat.as_ref(),
        now,
        leeway_secs,
        options.kb_max_age_secs,
    ) {
        report.problems.push(problem);
    }
    for (name, got, expected) in [
        ("aud", &report.aud, &options.kb_aud),
        ("nonce", &report.nonce, &options.kb_nonce),
    ] {
        match (got.as_ref().and_then(Value::as_str), expected) {
            (None, _) => report.problems.push(msg!("kb-member-missing", name = name)),
            (Some(got), Some(expected)) if got != expected => report.problems.push(msg!(
                "kb-member-mismatch",
                name = name,
                got = got,
                expected = expected.as_str()
            )),
            _ => {}
        }
    }
    let key = match holder_key(issuer, options) {
        Ok(Some(key)) => key,
        Ok(None) => {
            report.status = KbStatus::NoHolderKey;
            report.detail = msg!("kb-no-holder-key");
            return report;
        }
        Err(why) => {
            report.problems.push(why);
            return finish(report, None);
        }
    };
    let signature = verify::verify(&decoded, Some(&key));
    if signature.status != SignatureStatus::Verified {
        report
            .problems
            .insert(0, msg!("kb-signature", detail = signature.detail.clone()));
    }
    finish(report, signature.key)
}

fn finish(mut report: KbReport, key: Option<Text>) -> KbReport {
    report.key = key.clone();
    match report.problems.first() {
        Some(first) => {
            report.status = KbStatus::Invalid;
            report.detail = first.clone();
        }
        None => {
            report.status = KbStatus::Verified;
            report.detail = match key {
                Some(key) => msg!("kb-verified-with", key = key),
                None => msg!("kb-verified"),
            };
        }
    }
    report
}
