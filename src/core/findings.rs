//! Security findings: what is unsafe or non-conforming about a token and its key.

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
    Jwe = "JWE",
    JweZip = "JWE_ZIP",
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

/// Everything the findings look at.
pub struct Context<'a> {
    pub decoded: &'a Decoded,
    pub signature: &'a SignatureCheck,
    pub keys: Option<&'a KeySet>,
    pub now: i64,
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
            format!("Unsecured token (alg \"{}\")", d.alg_name().unwrap_or("none")),
            "The token carries no signature, so anyone can change its claims. A verifier must reject it unless unsecured tokens were explicitly allowed; libraries once matched \"none\" case-sensitively and let \"None\" through.",
            "RFC 7518 §3.6, RFC 8725 §2.1",
        ));
    } else if d.form == Form::Jws && alg.is_some() && d.signature().is_some_and(<[u8]>::is_empty) {
        out.push(finding(
            FindingId::EmptySignature,
            Severity::Critical,
            "Empty signature",
            "The header names a signing algorithm but the signature is empty: a verifier that skips empty signatures accepts forged tokens.",
            "RFC 8725 §2.1",
        ));
    }

    // Key confusion and mismatch.
    if cx.signature.status == SignatureStatus::KeyMismatch {
        if alg.is_some_and(|a| a.family() == Family::Hmac) {
            out.push(finding(
                FindingId::AlgConfusion,
                Severity::Critical,
                "HMAC token checked against a public key",
                if cx.signature.forged_with_public_key {
                    "This token's HMAC was computed with the public key's text as the secret. A library that lets the token's alg pick how the key is used would accept this forgery; pin the algorithm to the key."
                } else {
                    "The token says HS*, but the key is a public key. Using public-key text as an HMAC secret is the classic key-confusion forgery; pin the expected algorithm to the key."
                },
                "RFC 8725 §2.1; CVE-2015-9235, CVE-2022-29217, CVE-2024-33663",
            ));
        } else {
            out.push(finding(
                FindingId::KeyAlgMismatch,
                Severity::Error,
                "Key does not fit the algorithm",
                format!("{}. Verifiers must check that the key's type, curve, alg, use and key_ops agree with the token's alg.", cx.signature.detail),
                "RFC 8725 §3.1",
            ));
        }
    }

    // Verified only by trying every key although the kid named none.
    if cx.signature.any_kid_used {
        out.push(finding(
            FindingId::KidNotInJwks,
            Severity::Warn,
            "Verified with a key the token's kid does not name",
            "No key in the JWKS has the token's kid, and every key was tried because you asked for it. A verifier that selects keys by kid would reject this token; one that tries every key lets an attacker pick which key is used.",
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
            "ECDSA signature with a high S: the token has a twin",
            "S is in the upper half of the group order. ECDSA accepts both (r, s) and (r, n−s), so the same claims exist as two different token strings: a replay cache or deny-list keyed by the token string is fooled. Signers normally emit the low S; strict mode (--strict, or the tick under Validation) refuses high S.",
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
            "Malformed ECDSA signature",
            format!("{problem}. Such signatures are never valid; a verifier that accepts them (as Java 15–18 did for r = s = 0) accepts any token."),
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
                "Signed with an empty secret".to_owned()
            } else {
                format!("Signed with the well-known secret \"{secret}\"")
            },
            "The token's HMAC verifies with a secret from the public list of defaults and tutorial secrets, so anyone can forge tokens for this issuer. Rotate the secret to 32+ random bytes.",
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
                        "Empty HMAC secret",
                        "An empty secret lets anyone compute valid signatures.",
                        "RFC 7518 §3.2; CVE-2019-20933",
                    ));
                } else if let Some(known) =
                    verify::well_known_secrets().find(|s| s.as_bytes() == bytes)
                {
                    out.push(finding(
                        FindingId::WeakHmacKey,
                        Severity::Warn,
                        format!("The secret \"{known}\" is a well-known default"),
                        "It is on public lists of tutorial and framework secrets; anyone can try it against your tokens. Use 32+ random bytes.",
                        "RFC 8725 §3.5",
                    ));
                } else if bytes.len() < min {
                    out.push(finding(
                        FindingId::WeakHmacKey,
                        Severity::Warn,
                        format!("HMAC secret is {}; {a} needs at least {min}", super::plural(bytes.len(), "byte")),
                        "Short secrets can be guessed offline from any one token. Use a random secret as long as the hash output.",
                        "RFC 7518 §3.2, RFC 8725 §3.5",
                    ));
                }
            }
            if key.is_small_order_ed25519() {
                out.push(finding(
                    FindingId::WeakEd25519Key,
                    Severity::Critical,
                    "Ed25519 public key of small order",
                    "The key is the identity point or another point of small order: a fixed signature then verifies any payload, so a signature under this key proves nothing. Such keys are never a real key pair's public half.",
                    "RFC 8032 §5.1.7; CVE-2020-36843",
                ));
            }
            if key.is_roca_vulnerable() {
                out.push(finding(
                    FindingId::RocaRsaKey,
                    Severity::Critical,
                    "RSA key has the ROCA flaw",
                    "The modulus has the fingerprint of keys made by a flawed Infineon library: the private key can be computed from the public key. Replace the key.",
                    "CVE-2017-15361",
                ));
            }
            if matches!(key.material, super::keys::KeyMaterial::Rsa { .. }) && key.bits() < 2048 {
                out.push(finding(
                    FindingId::ShortRsaKey,
                    Severity::Warn,
                    format!("RSA key is only {} bits", key.bits()),
                    "RSA keys for JWS must be at least 2048 bits; shorter ones can be factored.",
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
        let (severity, title, message) = if private {
            (
                Severity::Critical,
                "Header embeds a private key",
                "The header's jwk contains the private member \"d\": the signing key is published with the token.",
            )
        } else if self_signed {
            (
                Severity::Critical,
                "Self-signed with the key in its own header",
                "The signature verifies only with the jwk the token carries. Anyone can make such a token with their own key; a verifier that uses the embedded key (CVE-2018-0114) accepts forgeries. Only trust keys you already have.",
            )
        } else {
            (
                Severity::Warn,
                "Header embeds its own verification key",
                "A token that carries its own key proves nothing: anyone can sign with their own key and embed it. Only trust keys you already have.",
            )
        };
        out.push(finding(
            FindingId::EmbeddedJwk,
            severity,
            title,
            message,
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
                format!("Header points at keys by URL ({name})"),
                format!(
                    "{name} = {url}. A verifier that fetches keys from a URL the token names can be made to trust an attacker's keys (or to call internal hosts). Keys are never fetched from here on their own.{}",
                    if risky { " This URL is plain HTTP or points at a local/private host." } else { "" }
                ),
                "RFC 8725 §3.10",
            ));
        }
    }
    if let Some(kid) = header.get("kid").filter(|k| !k.is_string()) {
        out.push(finding(
            FindingId::KidNotString,
            Severity::Warn,
            "kid is not a string",
            format!("kid is {} ({kid}). RFC 7515 §4.1.4 makes it a string; libraries that assume one may crash, skip key selection or compare it oddly.", super::json::type_name(kid)),
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
                "kid looks like an injection",
                format!("kid \"{kid}\" contains path, quote or shell characters. Servers that use kid in a file path, SQL query or command can be tricked into using a key the attacker knows."),
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
            problems.push("it is an empty array, which RFC 7515 forbids".to_owned());
        }
        if !crit.is_array() {
            problems.push("it is not an array".to_owned());
        }
        if !unknown.is_empty() {
            problems.push(format!(
                "it names {}, which this verifier does not understand",
                unknown.join(", ")
            ));
        }
        if !duplicated.is_empty() {
            problems.push(format!("it lists {} twice", duplicated.join(", ")));
        }
        if !standard.is_empty() {
            problems.push(format!(
                "it lists the standard parameter(s) {}, which must not appear there",
                standard.join(", ")
            ));
        }
        if !missing.is_empty() {
            problems.push(format!(
                "{} is listed but not present in the header",
                missing.join(", ")
            ));
        }
        if !problems.is_empty() {
            out.push(finding(
                FindingId::CritUnknown,
                Severity::Error,
                "crit is not acceptable",
                format!(
                    "{}. A conforming verifier must reject the token.",
                    problems.join("; ")
                ),
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
            "Nested token (cty: JWT)",
            "The payload is itself a token; each layer has its own signature, and checking the outer one says nothing about the inner.",
            "RFC 7519 §5.2, RFC 8725 §3.3",
        ));
    }
    if cx.decoded.form == Form::Jwe {
        out.push(finding(
            FindingId::Jwe,
            Severity::Info,
            "Encrypted token (JWE)",
            "Only the protected header can be read; decryption is not a signature check.",
            "RFC 7516",
        ));
        if header.get("zip").is_some() {
            out.push(finding(
                FindingId::JweZip,
                Severity::Warn,
                "Compressed encrypted payload (zip)",
                "Compression before encryption can leak plaintext length and allows decompression bombs; cap the decompressed size.",
                "RFC 8725 §3.6",
            ));
        }
    }
}

fn structure_rules(d: &Decoded, out: &mut Vec<Finding>) {
    if d.json_serialization.is_some() || (d.token.starts_with('{') && !d.errors.is_empty()) {
        out.push(finding(
            FindingId::NotCompact,
            Severity::Error,
            "JSON serialization, not a compact JWT",
            match &d.json_serialization {
                Some(j) => format!(
                    "This is a JWS JSON serialization with {} signature(s){}; a JWT must be compact (header.payload.signature). It is shown through its first signature.",
                    j.signatures,
                    if j.unprotected_header { " and unprotected header members, which no signature covers" } else { "" }
                ),
                None => "The input is JSON, not header.payload.signature; a JWT verifier must reject it.".to_owned(),
            },
            "RFC 7515 §7.2, RFC 7519 §7.2",
        ));
    }
    for e in d.errors.iter().filter(|e| e.kind == ErrorKind::Base64) {
        out.push(finding(
            FindingId::Base64Noncanonical,
            Severity::Error,
            format!("{} is not base64url", e.part),
            format!("The {} {}. Lenient decoders skip such characters, so the same token can be spelled many ways; strict ones reject it.", e.part, e.message),
            "RFC 7515 §2, RFC 4648 §3.5",
        ));
    }

    for part in &d.parts {
        if let Some(dev) = part.deviations.first() {
            out.push(finding(
                FindingId::Base64Noncanonical,
                Severity::Error,
                format!("{} is not canonical base64url", part.kind.name()),
                format!(
                    "The {} {}. Lenient decoders accept several spellings of the same bytes, which breaks token comparison and blacklists; strict ones reject it.",
                    part.kind.name(),
                    dev.describe()
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
                format!("Duplicate {place} member \"{}\"", dup.name),
                format!(
                    "\"{}\" appears twice{}: first {}, then {}. Libraries disagree on which one wins, so two services can read different claims from the same token.",
                    dup.name,
                    if dup.pointer.is_empty() { String::new() } else { format!(" in {}", dup.pointer) },
                    dup.first,
                    dup.last
                ),
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
            format!("{} more duplicate members", d.duplicates_omitted),
            format!(
                "Besides those listed, {} more member names appear twice; only the first {} are shown.",
                d.duplicates_omitted,
                super::json::MAX_RECORDED_DUPLICATES
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
            "Payload is not UTF-8",
            format!("Byte {at} of the payload is not valid UTF-8, so it is not a JSON claims set; it is shown as hex."),
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
                format!("{name} is not a string"),
                format!("{name} is {} ({value}). It must be a string; verifiers that compare it as text may match the wrong subject, or fail open.", super::json::type_name(value)),
                spec,
            ));
        }
    }
    if !claims.contains_key("exp") {
        out.push(finding(
            FindingId::NoExp,
            Severity::Warn,
            "No expiry (exp)",
            "Without exp the token is valid forever once issued; a leaked token cannot age out.",
            "RFC 8725 §3.10, RFC 9068 §2.2",
        ));
    }
    for name in ["exp", "nbf", "iat"] {
        let Some(value) = claims.get(name) else {
            continue;
        };
        let problem = match numeric_date(value) {
            None => Some(format!(
                "{name} is {}, not a number of seconds",
                super::json::type_name(value)
            )),
            Some(t) if t < 0 => Some(format!("{name} is negative ({t})")),
            Some(t) if t > 32_503_680_000 => Some(format!(
                "{name} = {t} lies after the year 3000; it looks like milliseconds ({})",
                super::time::rfc3339(t / 1000)
            )),
            Some(_) if value.as_i64().is_none() => Some(format!("{name} = {value} is fractional")),
            Some(_) => None,
        };
        if let Some(problem) = problem {
            out.push(finding(
                FindingId::BadNumericDate,
                Severity::Warn,
                format!("{name} is not a plain NumericDate"),
                format!("{problem}. Libraries treat such values differently: some reject the token, others never expire it."),
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
                format!("Long lifetime: {}", super::time::span_phrase(lifetime.unsigned_abs())),
                "Access tokens usually live minutes to hours; a long-lived token stays useful to whoever steals it.",
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

fn sensitive_reason(name: &str, value: &Value) -> Option<&'static str> {
    let lower = name.to_ascii_lowercase();
    const NAMES: &[(&str, &str)] = &[
        ("password", "a password"),
        ("passwd", "a password"),
        ("secret", "a secret"),
        ("private_key", "a private key"),
        ("privatekey", "a private key"),
        ("api_key", "an API key"),
        ("apikey", "an API key"),
        ("ssn", "a social security number"),
        ("credit_card", "a card number"),
        ("card_number", "a card number"),
        ("cvv", "a card security code"),
        ("iban", "a bank account number"),
    ];
    if let Some((_, what)) = NAMES
        .iter()
        .find(|(n, _)| lower == *n || lower.ends_with(&format!("_{n}")))
    {
        return Some(what);
    }
    let text = value.as_str()?;
    if text.contains("PRIVATE KEY-----") {
        return Some("a private key");
    }
    if text.len() == 20
        && text.starts_with("AKIA")
        && text
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
    {
        return Some("an AWS access key id");
    }
    if looks_like_card_number(text) {
        return Some("a card number");
    }
    None
}

fn extra_rules(d: &Decoded, cx: &Context<'_>, out: &mut Vec<Finding>) {
    for e in &d.errors {
        if e.kind == ErrorKind::Limit {
            out.push(finding(
                FindingId::Oversized,
                Severity::Error,
                format!("{} over a limit", e.part),
                format!("{}: {}. Parsers without limits can be made to use unbounded memory or stack (CVE-2025-27144, CVE-2025-30204).", e.part, e.message),
                "CVE-2025-27144, CVE-2025-30204",
            ));
        }
        if e.kind == ErrorKind::Utf8 {
            out.push(finding(
                FindingId::NotUtf8,
                Severity::Error,
                "Header is not UTF-8",
                format!("The {}. A JOSE header is UTF-8 JSON; libraries differ in how they treat broken bytes.", e.message),
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
                "No typ in the header",
                "Explicit typing (typ: at+jwt, secevent+jwt, …) stops one kind of token from being accepted as another, e.g. an ID token used as an access token.",
                "RFC 8725 §3.11, RFC 9068",
            )),
            Some(t) if t.eq_ignore_ascii_case("JWT") => out.push(finding(
                FindingId::TypNotExplicit,
                Severity::Info,
                "typ is the generic JWT",
                "Explicit typing (typ: at+jwt for access tokens, …) stops one kind of token from being accepted as another.",
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
            "No audience (aud)",
            "Without aud, every service that trusts this issuer accepts the token, so a token for one service can be replayed at another.",
            "RFC 8725 §3.9",
        )),
        Some(Value::Array(list)) if list.len() > 1 && !claims.contains_key("azp") => out.push(finding(
            FindingId::Audience,
            Severity::Warn,
            format!("{} audiences and no azp", list.len()),
            "A token valid for several audiences can be replayed by any of them at the others; OpenID Connect expects azp to name the party it was issued to.",
            "RFC 8725 §3.9, OpenID Connect Core §3.1.3.7",
        )),
        Some(Value::Array(list)) if list.is_empty() => out.push(finding(
            FindingId::Audience,
            Severity::Warn,
            "Empty audience list",
            "aud is an empty array: no recipient can legitimately accept this token.",
            "RFC 7519 §4.1.3",
        )),
        _ => {}
    }
    for (name, value) in claims {
        if let Some(what) = sensitive_reason(name, value) {
            out.push(finding(
                FindingId::SensitiveData,
                Severity::Warn,
                format!("\"{name}\" looks like {what}"),
                "A signed token is only encoded, not encrypted: anyone who sees it can read its payload. Keep secrets and personal data out of it, or use JWE.",
                "RFC 8725 §3.12",
            ));
        }
        if let Some(text) = value.as_str()
            && find_token(text) == Some(text)
        {
            out.push(finding(
                FindingId::NestedToken,
                Severity::Info,
                format!("Claim \"{name}\" holds a token"),
                "Its signature is separate from this token's: checking this one says nothing about the inner one. Paste it on its own to check it.",
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
                    format!("HMAC secret has only {}", super::plural(distinct.len(), "different byte")),
                    "A long secret made of few distinct bytes (such as all zeros) is much easier to guess than its length suggests. Use random bytes.",
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
