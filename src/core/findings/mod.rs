//! Security findings: what is unsafe or non-conforming about a token and its key. This module is
//! the catalogue (ids, severities, the [`Finding`] record) and [`evaluate`]; the rules live in one
//! module per area. A finding is data: its title and message are [`Text`]s put in words by whoever
//! shows them.

mod claims;
mod header;
mod jwe;
mod keys;
mod names;
pub mod sd;
mod signature;
mod structure;

use super::keys::KeySet;
use super::msg::Text;
use super::parse::Decoded;
use super::verify::SignatureCheck;

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
    ConfusableName = "CONFUSABLE_NAME",
    CritUnknown = "CRIT_UNKNOWN",
    DuplicateMember = "DUPLICATE_MEMBER",
    EcdsaHighS = "ECDSA_HIGH_S",
    EddsaDeprecated = "EDDSA_DEPRECATED",
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
    SdInvalid = "SD_INVALID",
    SdKbInvalid = "SD_KB_INVALID",
    SdKbMissing = "SD_KB_MISSING",
    SdNoDecoys = "SD_NO_DECOYS",
    SdShortSalt = "SD_SHORT_SALT",
    SdVcDisclosedRegistered = "SD_VC_DISCLOSABLE_REGISTERED",
    SdVcLegacyTyp = "SD_VC_LEGACY_TYP",
    SdVcNoVct = "SD_VC_NO_VCT",
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

/// One finding: an id, how bad, and what to say about it (rendered by whoever shows it).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Finding {
    /// Stable identifier, e.g. `ALG_NONE`.
    pub id: FindingId,
    pub severity: Severity,
    pub title: Text,
    /// Why it matters and what to do.
    pub message: Text,
    /// The RFC section or CVE it rests on.
    pub reference: &'static str,
}

/// How many different byte values `bytes` holds (a secret of `aaaa…` holds one).
fn distinct_bytes(bytes: &[u8]) -> usize {
    let mut seen = [false; 256];
    for &b in bytes {
        seen[usize::from(b)] = true;
    }
    seen.iter().filter(|s| **s).count()
}

fn finding(
    id: FindingId,
    severity: Severity,
    title: Text,
    message: Text,
    reference: &'static str,
) -> Finding {
    Finding {
        id,
        severity,
        title,
        message,
        reference,
    }
}

/// Everything the findings look at.
pub struct Context<'a> {
    pub decoded: &'a Decoded,
    pub signature: &'a SignatureCheck,
    pub keys: Option<&'a KeySet>,
    pub now: i64,
    /// What decrypting a JWE found.
    pub jwe: Option<&'a super::jwe::JweReport>,
    /// What processing an SD-JWT's disclosures and key binding found.
    pub sd: Option<&'a super::sdjwt::SdReport>,
}

/// Runs every rule; results are sorted by severity.
pub fn evaluate(cx: &Context<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    signature::rules(cx, &mut out);
    if let Some(header) = cx.decoded.header.as_ref() {
        header::rules(header, cx, &mut out);
    }
    keys::rules(cx, &mut out);
    if let Some(header) = cx
        .decoded
        .header
        .as_ref()
        .and_then(serde_json::Value::as_object)
    {
        names::rules(header, super::claims::Location::Header, &mut out);
    }
    if let Some(claims) = cx.decoded.claims() {
        names::rules(claims, super::claims::Location::Payload, &mut out);
    }
    structure::rules(cx.decoded, &mut out);
    claims::rules(cx.decoded, &mut out);
    claims::token_rules(cx.decoded, cx, &mut out);
    if let Some(sd) = cx.sd {
        sd::rules(cx.decoded, sd, &mut out);
    }
    out.sort_by_key(|f| f.severity);
    out
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
