//! Security findings: what is unsafe or non-conforming about a token and its key.

use crate::tr;
use serde_json::Value;

use super::alg::{Alg, Family};
use super::claims::numeric_date;
use super::json::Duplicate;
use super::keys::KeySet;
use super::parse::find_token;
use super::parse::{Decoded, ErrorKind, Form, Payload};
use super::verify::{self, SignatureCheck, SignatureStatus};

/// How bad a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Forged or forgeable as shown.
    Critical,
    /// Breaks a MUST of the RFCs.
    Error,
    /// Legal but unsafe.
    Warn,
    Info,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Critical => "critical",
            Self::Error => "error",
            Self::Warn => "warn",
            Self::Info => "info",
        }
    }
}

/// One finding.
/// Declares the finding identifiers: stable names that scripts match on (never translated).
macro_rules! finding_ids {
    ($($variant:ident = $text:literal,)*) => {
        /// What a finding is about; its text form (`ALG_NONE`) is stable.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum FindingId {
            $($variant,)*
        }

        impl FindingId {
            /// Every identifier, in declaration order.
            pub const ALL: &'static [FindingId] = &[$(FindingId::$variant,)*];

            /// The stable text form, e.g. `ALG_NONE`.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(FindingId::$variant => $text,)*
                }
            }
        }
    };
}

finding_ids! {
    AlgConfusion = "ALG_CONFUSION",
    AlgNone = "ALG_NONE",
    Audience = "AUDIENCE",
    BadNumericDate = "BAD_NUMERIC_DATE",
    Base64Noncanonical = "BASE64_NONCANONICAL",
    ClaimNotString = "CLAIM_NOT_STRING",
    CritUnknown = "CRIT_UNKNOWN",
    DuplicateMember = "DUPLICATE_MEMBER",
    EcdsaHighS = "ECDSA_HIGH_S",
    EmbeddedJwk = "EMBEDDED_JWK",
    EmptySignature = "EMPTY_SIGNATURE",
    DirWeakKey = "DIR_WEAK_KEY",
    Jwe = "JWE",
    JweNotSigned = "JWE_NOT_SIGNED",
    JweRsa15 = "JWE_RSA1_5",
    JweZip = "JWE_ZIP",
    Pbes2P2cCap = "PBES2_P2C_CAP",
    Pbes2Weak = "PBES2_WEAK",
    KeyAlgMismatch = "KEY_ALG_MISMATCH",
    KidNotInJwks = "KID_NOT_IN_JWKS",
    KidNotString = "KID_NOT_STRING",
    KidSuspicious = "KID_SUSPICIOUS",
    LongLifetime = "LONG_LIFETIME",
    NestedToken = "NESTED_TOKEN",
    NotCompact = "NOT_COMPACT",
    NotUtf8 = "NOT_UTF8",
    NoExp = "NO_EXP",
    Oversized = "OVERSIZED",
    PsychicSignature = "PSYCHIC_SIGNATURE",
    RemoteKeyUrl = "REMOTE_KEY_URL",
    RocaRsaKey = "ROCA_RSA_KEY",
    SensitiveData = "SENSITIVE_DATA",
    ShortRsaKey = "SHORT_RSA_KEY",
    TypNotExplicit = "TYP_NOT_EXPLICIT",
    WeakEd25519Key = "WEAK_ED25519_KEY",
    WeakHmacKey = "WEAK_HMAC_KEY",
}

impl std::fmt::Display for FindingId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for FindingId {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl PartialEq<&str> for FindingId {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<str> for FindingId {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Finding {
    /// Stable identifier, e.g. `ALG_NONE`.
    pub id: FindingId,
    pub severity: Severity,
    pub title: String,
    /// Why it matters and what to do.
    pub message: String,
    /// The RFC section or CVE it rests on.
    pub reference: &'static str,
}

fn finding(
    id: FindingId,
    severity: Severity,
    title: impl Into<String>,
    message: impl Into<String>,
    reference: &'static str,
) -> Finding {
    Finding {
        id,
        severity,
        title: title.into(),
        message: message.into(),
        reference,
    }
}

/// "a string", "an object", … in the current language.
pub fn type_word(value: &Value) -> String {
    tr!(match value {
        Value::Null => "json-type-null",
        Value::Bool(_) => "json-type-boolean",
        Value::Number(_) => "json-type-number",
        Value::String(_) => "json-type-string",
        Value::Array(_) => "json-type-array",
        Value::Object(_) => "json-type-object",
    })
}

/// A token part's name ("header", "payload", …) in the current language; other names as given.
pub fn part_word(part: &str) -> String {
    let key = match part {
        "header" => "part-header",
        "payload" => "part-payload",
        "signature" => "part-signature",
        "input" => "part-input",
        "encrypted key" => "part-encrypted-key",
        "initialization vector" | "iv" => "part-iv",
        "ciphertext" => "part-ciphertext",
        "authentication tag" | "tag" => "part-tag",
        _ => return part.to_owned(),
    };
    tr!(key)
}

/// Everything the findings look at.
pub struct Context<'a> {
    pub decoded: &'a Decoded,
    pub signature: &'a SignatureCheck,
    pub keys: Option<&'a KeySet>,
    pub now: i64,
    /// What decrypting a JWE found.
    pub jwe: Option<&'a super::jwe::JweReport>,
}

/// Runs every rule; results are sorted by severity.
pub fn evaluate(cx: &Context<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    let d = cx.decoded;
    let header = d.header.as_ref();
    let alg = d.alg_name().and_then(Alg::parse);

    // Unsecured and empty signatures.
    if alg == Some(Alg::None) {
        out.push(finding(
            FindingId::AlgNone,
            Severity::Critical,
            tr!("f-alg-none-title", alg = d.alg_name().unwrap_or("none")),
            tr!("f-alg-none-msg"),
            "RFC 7518 §3.6, RFC 8725 §2.1",
        ));
    } else if d.form == Form::Jws && alg.is_some() && d.signature().is_some_and(<[u8]>::is_empty) {
        out.push(finding(
            FindingId::EmptySignature,
            Severity::Critical,
            tr!("f-empty-sig-title"),
            tr!("f-empty-sig-msg"),
            "RFC 8725 §2.1",
        ));
    }

    // Key confusion and mismatch.
    if cx.signature.status == SignatureStatus::KeyMismatch {
        if alg.is_some_and(|a| a.family() == Family::Hmac) {
            out.push(finding(
                FindingId::AlgConfusion,
                Severity::Critical,
                tr!("f-confusion-title"),
                if cx.signature.forged_with_public_key {
                    tr!("f-confusion-forged-msg")
                } else {
                    tr!("f-confusion-msg")
                },
                "RFC 8725 §2.1; CVE-2015-9235, CVE-2022-29217, CVE-2024-33663",
            ));
        } else {
            out.push(finding(
                FindingId::KeyAlgMismatch,
                Severity::Error,
                tr!("f-key-mismatch-title"),
                tr!("f-key-mismatch-msg", detail = cx.signature.detail.as_str()),
                "RFC 8725 §3.1",
            ));
        }
    }

    // Verified only by trying every key although the kid named none.
    if cx.signature.any_kid_used {
        out.push(finding(
            FindingId::KidNotInJwks,
            Severity::Warn,
            tr!("f-any-kid-title"),
            tr!("f-any-kid-msg"),
            "RFC 7515 §4.1.4, RFC 8725 §3.10",
        ));
    }

    // ECDSA malleability: (r, n - s) verifies wherever (r, s) does.
    if let (Some(a @ (Alg::ES256 | Alg::ES384 | Alg::ES512)), Some(sig)) = (alg, d.signature())
        && verify::ecdsa_high_s(a, sig)
    {
        out.push(finding(
            FindingId::EcdsaHighS,
            Severity::Info,
            tr!("f-high-s-title"),
            tr!("f-high-s-msg"),
            "SEC 1 §4.1.4; BIP 62",
        ));
    }

    // Malformed ECDSA signatures.
    if let (Some(a @ (Alg::ES256 | Alg::ES384 | Alg::ES512)), Some(sig)) = (alg, d.signature())
        && !sig.is_empty()
        && let Some(problem) = verify::signature_shape_problem(a, sig)
    {
        out.push(finding(
            FindingId::PsychicSignature,
            Severity::Critical,
            tr!("f-psychic-title"),
            tr!("f-psychic-msg", problem = problem),
            "RFC 7518 §3.4; CVE-2022-21449",
        ));
    }

    if let Some(header) = header {
        header_rules(header, cx, &mut out);
    }

    // A token made with a secret from the bundled list is forgeable by anyone who has the list.
    let given_weak = cx.keys.is_some_and(|k| {
        k.keys
            .iter()
            .filter_map(|k| k.secret_bytes())
            .any(|b| verify::well_known_secrets().any(|s| s.as_bytes() == b))
    });
    if cx.signature.status != SignatureStatus::Verified
        && !given_weak
        && let Some(secret) = verify::well_known_secret(d)
    {
        out.push(finding(
            FindingId::WeakHmacKey,
            Severity::Critical,
            if secret.is_empty() {
                tr!("f-empty-secret-used-title")
            } else {
                tr!("f-known-secret-used-title", secret = secret)
            },
            tr!("f-known-secret-used-msg"),
            "RFC 8725 §3.5; CVE-2019-20933",
        ));
    }

    // Weak keys.
    if let Some(keys) = cx.keys {
        for key in &keys.keys {
            if let (Some(bytes), Some(a)) = (
                key.secret_bytes(),
                alg.filter(|a| a.family() == Family::Hmac),
            ) {
                let min = a.min_secret_len().unwrap_or(32);
                if bytes.is_empty() {
                    out.push(finding(
                        FindingId::WeakHmacKey,
                        Severity::Critical,
                        tr!("f-empty-secret-title"),
                        tr!("f-empty-secret-msg"),
                        "RFC 7518 §3.2; CVE-2019-20933",
                    ));
                } else if let Some(known) =
                    verify::well_known_secrets().find(|s| s.as_bytes() == bytes)
                {
                    out.push(finding(
                        FindingId::WeakHmacKey,
                        Severity::Warn,
                        tr!("f-known-secret-title", secret = known),
                        tr!("f-known-secret-msg"),
                        "RFC 8725 §3.5",
                    ));
                } else if bytes.len() < min {
                    out.push(finding(
                        FindingId::WeakHmacKey,
                        Severity::Warn,
                        tr!(
                            "f-short-secret-title",
                            len = bytes.len(),
                            alg = a.name(),
                            min = min
                        ),
                        tr!("f-short-secret-msg"),
                        "RFC 7518 §3.2, RFC 8725 §3.5",
                    ));
                }
            }
            if key.is_small_order_ed25519() {
                out.push(finding(
                    FindingId::WeakEd25519Key,
                    Severity::Critical,
                    tr!("f-small-order-title"),
                    tr!("f-small-order-msg"),
                    "RFC 8032 §5.1.7; CVE-2020-36843",
                ));
            }
            if key.is_roca_vulnerable() {
                out.push(finding(
                    FindingId::RocaRsaKey,
                    Severity::Critical,
                    tr!("f-roca-title"),
                    tr!("f-roca-msg"),
                    "CVE-2017-15361",
                ));
            }
            if matches!(key.material, super::keys::KeyMaterial::Rsa { .. }) && key.bits() < 2048 {
                out.push(finding(
                    FindingId::ShortRsaKey,
                    Severity::Warn,
                    tr!("f-short-rsa-title", bits = key.bits()),
                    tr!("f-short-rsa-msg"),
                    "RFC 7518 §3.3",
                ));
            }
        }
    }

    structure_rules(d, &mut out);
    claim_rules(d, &mut out);
    extra_rules(d, cx, &mut out);
    out.sort_by_key(|f| f.severity);
    out
}

fn header_rules(header: &Value, cx: &Context<'_>, out: &mut Vec<Finding>) {
    if let Some(jwk) = header.get("jwk") {
        let private = jwk.get("d").is_some();
        // Self-signed: the embedded key verifies the token, and no key of the user's does.
        let self_signed = cx.signature.status != SignatureStatus::Verified
            && super::keys::parse_jwk(jwk).is_ok_and(|key| {
                let set = KeySet {
                    keys: vec![key],
                    is_set: false,
                    skipped: Vec::new(),
                };
                verify::verify(cx.decoded, Some(&set)).status == SignatureStatus::Verified
            });
        let (severity, key) = if private {
            (Severity::Critical, "f-jwk-private")
        } else if self_signed {
            (Severity::Critical, "f-jwk-self-signed")
        } else {
            (Severity::Warn, "f-jwk")
        };
        out.push(finding(
            FindingId::EmbeddedJwk,
            severity,
            tr!(&format!("{key}-title")),
            tr!(&format!("{key}-msg")),
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
                tr!("f-key-url-title", name = name),
                {
                    let mut message = tr!("f-key-url-msg", name = name, url = url.to_string());
                    if risky {
                        message.push(' ');
                        message.push_str(&tr!("f-key-url-risky"));
                    }
                    message
                },
                "RFC 8725 §3.10",
            ));
        }
    }
    if let Some(kid) = header.get("kid").filter(|k| !k.is_string()) {
        out.push(finding(
            FindingId::KidNotString,
            Severity::Warn,
            tr!("f-kid-type-title"),
            tr!("f-kid-type-msg", type = type_word(kid), value = kid.to_string()),
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
                tr!("f-kid-injection-title"),
                tr!("f-kid-injection-msg", kid = kid),
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
            problems.push(tr!("f-crit-empty"));
        }
        if !crit.is_array() {
            problems.push(tr!("f-crit-not-array"));
        }
        if !unknown.is_empty() {
            problems.push(tr!("f-crit-unknown", names = unknown.join(", ")));
        }
        if !duplicated.is_empty() {
            problems.push(tr!("f-crit-twice", names = duplicated.join(", ")));
        }
        if !standard.is_empty() {
            problems.push(tr!("f-crit-standard", names = standard.join(", ")));
        }
        if !missing.is_empty() {
            problems.push(tr!("f-crit-missing", names = missing.join(", ")));
        }
        if !problems.is_empty() {
            out.push(finding(
                FindingId::CritUnknown,
                Severity::Error,
                tr!("f-crit-title"),
                tr!("f-crit-msg", problems = problems.join("; ")),
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
            tr!("f-nested-title"),
            tr!("f-nested-msg"),
            "RFC 7519 §5.2, RFC 8725 §3.3",
        ));
    }
    if cx.decoded.form == Form::Jwe {
        let decrypted = cx
            .jwe
            .is_some_and(|j| j.status == super::jwe::JweStatus::Decrypted);
        out.push(finding(
            FindingId::Jwe,
            Severity::Info,
            tr!("f-jwe-title"),
            if decrypted {
                tr!("f-jwe-decrypted-msg")
            } else {
                tr!("f-jwe-msg")
            },
            "RFC 7516",
        ));
        jwe_rules(header, cx, decrypted, out);
        if header.get("zip").is_some() {
            out.push(finding(
                FindingId::JweZip,
                Severity::Warn,
                tr!("f-jwe-zip-title"),
                tr!("f-jwe-zip-msg"),
                "RFC 8725 §3.6",
            ));
        }
    }
}

/// Weak choices in an encrypted token's key management.
fn jwe_rules(header: &Value, cx: &Context<'_>, decrypted: bool, out: &mut Vec<Finding>) {
    use super::jwe::{KeyAlg, KeyNeed, MAX_P2C};
    let Some(alg) = header
        .get("alg")
        .and_then(Value::as_str)
        .and_then(KeyAlg::parse)
    else {
        return;
    };
    if alg == KeyAlg::Rsa1_5 {
        out.push(finding(
            FindingId::JweRsa15,
            Severity::Warn,
            tr!("f-rsa15-title"),
            tr!("f-rsa15-msg"),
            "RFC 8725 §3.2; RFC 7516 §11.5",
        ));
    }
    // Anyone with the recipient's public key can make this token: unless the plaintext is a
    // signed token, nothing says who wrote the claims.
    let public_key_alg = matches!(
        alg.needs(super::jwe::Enc::A128Gcm),
        KeyNeed::Rsa | KeyNeed::Ecdh
    );
    let nested = cx
        .decoded
        .payload_bytes
        .as_deref()
        .is_some_and(|b| super::inner_token(cx.decoded, b).is_some());
    if public_key_alg && decrypted && !nested {
        out.push(finding(
            FindingId::JweNotSigned,
            Severity::Warn,
            tr!("f-jwe-not-signed-title"),
            tr!("f-jwe-not-signed-msg", alg = alg.name()),
            "RFC 7519 §11.2, RFC 8725 §3.3",
        ));
    }
    if alg.is_pbes2() {
        let count = header.get("p2c").and_then(Value::as_u64);
        let salt = header
            .get("p2s")
            .and_then(Value::as_str)
            .and_then(|s| super::b64::decode(s).ok())
            .map(|d| d.bytes.len());
        match count {
            Some(n) if n > u64::from(MAX_P2C) => out.push(finding(
                FindingId::Pbes2P2cCap,
                Severity::Error,
                tr!("f-p2c-cap-title", count = n),
                tr!("f-p2c-cap-msg", cap = u64::from(MAX_P2C)),
                "RFC 8725 §3.2; CVE-2022-36083",
            )),
            Some(n) if n < 1000 => out.push(finding(
                FindingId::Pbes2Weak,
                Severity::Warn,
                tr!("f-p2c-low-title", count = n),
                tr!("f-p2c-low-msg"),
                "RFC 7518 §4.8.1.2",
            )),
            _ => {}
        }
        if let Some(len) = salt.filter(|l| *l < 8) {
            out.push(finding(
                FindingId::Pbes2Weak,
                Severity::Error,
                tr!("f-p2s-short-title", len = len),
                tr!("f-p2s-short-msg"),
                "RFC 7518 §4.8.1.1",
            ));
        }
    }
    if alg == KeyAlg::Dir
        && let Some(keys) = cx.keys
    {
        let weak = keys.keys.iter().filter_map(|k| k.secret_bytes()).any(|b| {
            let distinct: std::collections::HashSet<u8> = b.iter().copied().collect();
            distinct.len() < 8
                || (b.iter().all(|c| c.is_ascii_graphic() || *c == b' ')
                    && verify::well_known_secrets().any(|s| s.as_bytes() == b))
        });
        let text = keys
            .keys
            .iter()
            .any(|k| k.format == super::keys::KeyFormat::SecretUtf8);
        if weak || text {
            out.push(finding(
                FindingId::DirWeakKey,
                Severity::Warn,
                tr!("f-dir-weak-title"),
                tr!("f-dir-weak-msg"),
                "RFC 7518 §4.5, RFC 8725 §3.5",
            ));
        }
    }
}

fn structure_rules(d: &Decoded, out: &mut Vec<Finding>) {
    if d.json_serialization.is_some() || (d.token.starts_with('{') && !d.errors.is_empty()) {
        out.push(finding(
            FindingId::NotCompact,
            Severity::Error,
            tr!("f-json-serialization-title"),
            match &d.json_serialization {
                Some(j) if j.unprotected_header => {
                    tr!("f-json-serialization-unprotected-msg", count = j.signatures)
                }
                Some(j) => tr!("f-json-serialization-msg", count = j.signatures),
                None => tr!("f-json-input-msg"),
            },
            "RFC 7515 §7.2, RFC 7519 §7.2",
        ));
    }
    for e in d.errors.iter().filter(|e| e.kind == ErrorKind::Base64) {
        out.push(finding(
            FindingId::Base64Noncanonical,
            Severity::Error,
            tr!("f-base64-title", part = part_word(&e.part)),
            tr!(
                "f-base64-msg",
                part = part_word(&e.part),
                problem = e.message.as_str()
            ),
            "RFC 7515 §2, RFC 4648 §3.5",
        ));
    }

    for part in &d.parts {
        if let Some(dev) = part.deviations.first() {
            out.push(finding(
                FindingId::Base64Noncanonical,
                Severity::Error,
                tr!("f-noncanonical-title", part = part_word(part.kind.name())),
                tr!(
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
                tr!(
                    &format!("f-duplicate-{place}-title"),
                    name = dup.name.as_str()
                ),
                if dup.pointer.is_empty() {
                    tr!(
                        "f-duplicate-msg",
                        name = dup.name.as_str(),
                        first = dup.first.to_string(),
                        last = dup.last.to_string()
                    )
                } else {
                    tr!(
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
            tr!("f-duplicates-more-title", count = d.duplicates_omitted),
            tr!(
                "f-duplicates-more-msg",
                count = d.duplicates_omitted,
                shown = super::json::MAX_RECORDED_DUPLICATES
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
            tr!("f-payload-utf8-title"),
            tr!("f-payload-utf8-msg", at = at),
            "RFC 8725 §3.7",
        ));
    }
}

fn claim_rules(d: &Decoded, out: &mut Vec<Finding>) {
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
                tr!("f-claim-type-title", name = name),
                tr!(
                    "f-claim-type-msg",
                    name = name,
                    type = type_word(value),
                    value = value.to_string()
                ),
                spec,
            ));
        }
    }
    if !claims.contains_key("exp") {
        out.push(finding(
            FindingId::NoExp,
            Severity::Warn,
            tr!("f-no-exp-title"),
            tr!("f-no-exp-msg"),
            "RFC 8725 §3.10, RFC 9068 §2.2",
        ));
    }
    for name in ["exp", "nbf", "iat"] {
        let Some(value) = claims.get(name) else {
            continue;
        };
        let problem = match numeric_date(value) {
            None => Some(tr!("f-date-type", name = name, type = type_word(value))),
            Some(t) if t < 0 => Some(tr!("f-date-negative", name = name, value = t.to_string())),
            Some(t) if t > 32_503_680_000 => Some(tr!(
                "f-date-millis",
                name = name,
                value = t.to_string(),
                at = super::time::rfc3339(t / 1000)
            )),
            Some(_) if value.as_i64().is_none() => Some(tr!(
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
                tr!("f-date-title", name = name),
                tr!("f-date-msg", problem = problem),
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
                tr!(
                    "f-lifetime-title",
                    span = super::time::span_phrase(lifetime.unsigned_abs())
                ),
                tr!("f-lifetime-msg"),
                "RFC 9068, RFC 8725 §3.10",
            ));
        }
    }
}

/// A Luhn-valid run of 13–19 digits: looks like a payment card number.
fn looks_like_card_number(text: &str) -> bool {
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
    let lower = name.to_ascii_lowercase();
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
    if let Some((_, what)) = NAMES
        .iter()
        .find(|(n, _)| lower == *n || lower.ends_with(&format!("_{n}")))
    {
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

fn extra_rules(d: &Decoded, cx: &Context<'_>, out: &mut Vec<Finding>) {
    for e in &d.errors {
        if e.kind == ErrorKind::Limit {
            out.push(finding(
                FindingId::Oversized,
                Severity::Error,
                tr!("f-oversized-title", part = part_word(&e.part)),
                tr!(
                    "f-oversized-msg",
                    part = part_word(&e.part),
                    problem = e.message.as_str()
                ),
                "CVE-2025-27144, CVE-2025-30204",
            ));
        }
        if e.kind == ErrorKind::Utf8 {
            out.push(finding(
                FindingId::NotUtf8,
                Severity::Error,
                tr!("f-header-utf8-title"),
                tr!("f-header-utf8-msg", problem = e.message.as_str()),
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
                tr!("f-no-typ-title"),
                tr!("f-no-typ-msg"),
                "RFC 8725 §3.11, RFC 9068",
            )),
            Some(t) if t.eq_ignore_ascii_case("JWT") => out.push(finding(
                FindingId::TypNotExplicit,
                Severity::Info,
                tr!("f-typ-jwt-title"),
                tr!("f-typ-jwt-msg"),
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
            tr!("f-no-aud-title"),
            tr!("f-no-aud-msg"),
            "RFC 8725 §3.9",
        )),
        Some(Value::Array(list)) if list.len() > 1 && !claims.contains_key("azp") => {
            out.push(finding(
                FindingId::Audience,
                Severity::Warn,
                tr!("f-many-aud-title", count = list.len()),
                tr!("f-many-aud-msg"),
                "RFC 8725 §3.9, OpenID Connect Core §3.1.3.7",
            ))
        }
        Some(Value::Array(list)) if list.is_empty() => out.push(finding(
            FindingId::Audience,
            Severity::Warn,
            tr!("f-empty-aud-title"),
            tr!("f-empty-aud-msg"),
            "RFC 7519 §4.1.3",
        )),
        _ => {}
    }
    for (name, value) in claims {
        if let Some(what) = sensitive_reason(name, value) {
            out.push(finding(
                FindingId::SensitiveData,
                Severity::Warn,
                tr!("f-sensitive-title", name = name.as_str(), what = tr!(what)),
                tr!("f-sensitive-msg"),
                "RFC 8725 §3.12",
            ));
        }
        if let Some(text) = value.as_str()
            && find_token(text) == Some(text)
        {
            out.push(finding(
                FindingId::NestedToken,
                Severity::Info,
                tr!("f-claim-token-title", name = name.as_str()),
                tr!("f-claim-token-msg"),
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
            let distinct: std::collections::HashSet<u8> = bytes.iter().copied().collect();
            if bytes.len() >= alg.min_secret_len().unwrap_or(32) && distinct.len() < 8 {
                out.push(finding(
                    FindingId::WeakHmacKey,
                    Severity::Warn,
                    tr!("f-few-bytes-title", count = distinct.len()),
                    tr!("f-few-bytes-msg"),
                    "RFC 8725 §3.5",
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn finding_ids_are_unique_screaming_snake_case() {
        let mut seen = std::collections::HashSet::new();
        for id in super::FindingId::ALL {
            assert!(seen.insert(id.as_str()), "{id} twice");
            assert!(
                id.as_str()
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
            );
        }
    }
}
