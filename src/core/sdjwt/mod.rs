//! Selective Disclosure JWTs (RFC 9901). An SD-JWT is an issuer-signed JWT whose payload holds
//! digests (`_sd`, `{"...": digest}`) in place of some claims, followed by the disclosures that
//! reveal them (`[salt, name, value]` or `[salt, value]`, base64url) and, in a presentation, a
//! key-binding JWT signed by the holder. The JWT is parsed and verified as any JWS; this module
//! matches the disclosures to their digests (§7.1), checks the key binding (§7.3), and makes
//! SD-JWTs and presentations for testing (`issue`).

pub mod issue;
mod kb;
mod process;

use serde::Serialize;
use serde_json::{Map, Value};

use crate::core::b64;
use crate::core::msg::Text;
use crate::core::parse::{Decoded, SdParts};

pub use kb::{KbReport, KbStatus};
pub use process::{MAX_DISCLOSURE_DEPTH, process_disclosures};

/// A hash function named by `_sd_alg` (the IANA "Named Information Hash Algorithm" names).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HashAlg {
    Sha256,
    Sha384,
    Sha512,
    Sha3_256,
    Sha3_384,
    Sha3_512,
}

impl HashAlg {
    pub const ALL: [HashAlg; 6] = [
        Self::Sha256,
        Self::Sha384,
        Self::Sha512,
        Self::Sha3_256,
        Self::Sha3_384,
        Self::Sha3_512,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Self::Sha256 => "sha-256",
            Self::Sha384 => "sha-384",
            Self::Sha512 => "sha-512",
            Self::Sha3_256 => "sha3-256",
            Self::Sha3_384 => "sha3-384",
            Self::Sha3_512 => "sha3-512",
        }
    }

    /// The algorithm named `name` (names are case-insensitive in the registry).
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|a| a.name().eq_ignore_ascii_case(name))
    }

    /// The digest of `data`.
    pub fn digest(self, data: &[u8]) -> Vec<u8> {
        use aws_lc_rs::digest;
        let algorithm = match self {
            Self::Sha256 => &digest::SHA256,
            Self::Sha384 => &digest::SHA384,
            Self::Sha512 => &digest::SHA512,
            Self::Sha3_256 => &digest::SHA3_256,
            Self::Sha3_384 => &digest::SHA3_384,
            Self::Sha3_512 => &digest::SHA3_512,
        };
        digest::digest(algorithm, data).as_ref().to_vec()
    }

    /// base64url of the digest of `text`'s bytes: how disclosures and `sd_hash` are hashed.
    pub fn b64_digest(self, text: &str) -> String {
        b64::encode(self.digest(text.as_bytes()))
    }
}

/// Whether the disclosures matched the payload's digests by every rule of RFC 9901 §7.1 (the
/// issuer's signature is the signature check's business).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SdStatus {
    Valid,
    Invalid,
}

/// One disclosure as the token carries it, and where it went.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DisclosureInfo {
    /// The disclosure exactly as in the token.
    pub disclosure: String,
    /// base64url of its hash with the token's `_sd_alg` (empty when that is not supported).
    pub digest: String,
    pub salt: Option<String>,
    /// The claim name (object property); `None` for an array element.
    pub name: Option<String>,
    pub value: Option<Value>,
    /// RFC 6901 pointer to the disclosed value in the processed claims; `None` when it was not
    /// placed.
    pub path: Option<String>,
    /// What is wrong with it, when something is.
    pub problem: Option<Text>,
}

/// What processing an SD-JWT found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SdReport {
    pub status: SdStatus,
    /// `_sd_alg` as the payload names it (`sha-256` when absent).
    pub hash_alg: String,
    pub disclosures: Vec<DisclosureInfo>,
    /// Digests in the payload that no disclosure matches: decoys or undisclosed claims.
    pub decoys: usize,
    /// The processed claim set (§7.1): disclosed claims in place, `_sd`, `...` and `_sd_alg`
    /// removed. `None` when the payload is not a JSON object.
    pub claims: Option<Map<String, Value>>,
    /// Every rule that failed, in words naming the disclosure and the rule.
    pub errors: Vec<Text>,
    pub key_binding: Option<KbReport>,
    /// Digests the payload holds (disclosed or not): how many claims are selectively disclosable.
    #[serde(skip)]
    pub digests: usize,
}

impl SdReport {
    /// Valid processing and, when a key-binding JWT is present, a verified one.
    pub fn is_ok(&self) -> bool {
        self.status == SdStatus::Valid
            && self
                .key_binding
                .as_ref()
                .is_none_or(|kb| kb.status == KbStatus::Verified)
    }

    /// The disclosure that put a claim at `pointer` (an RFC 6901 pointer into `claims`).
    pub fn disclosed_at(&self, pointer: &str) -> Option<&DisclosureInfo> {
        self.disclosures
            .iter()
            .find(|d| d.path.as_deref() == Some(pointer))
    }

    /// The `sd_jwt` member of `decode --json`.
    pub fn to_json(&self) -> Value {
        serde_json::to_value(self).unwrap_or_default()
    }
}

/// What the key-binding check compares against: the holder key when the payload names it only by
/// `kid` or `jkt`, the accepted age of the key-binding JWT, and the expected audience and nonce.
#[derive(Debug, Clone)]
pub struct SdOptions {
    pub holder_keys: Option<std::sync::Arc<crate::core::KeySet>>,
    pub kb_max_age_secs: i64,
    pub kb_aud: Option<String>,
    pub kb_nonce: Option<String>,
}

impl Default for SdOptions {
    fn default() -> Self {
        Self {
            holder_keys: None,
            kb_max_age_secs: 300,
            kb_aud: None,
            kb_nonce: None,
        }
    }
}

/// Processes the SD-JWT `decoded` (its disclosures and key-binding JWT in `parts`) at `now`.
pub fn analyze(
    decoded: &Decoded,
    parts: &SdParts,
    options: &SdOptions,
    now: i64,
    leeway_secs: i64,
) -> SdReport {
    let mut report = process_disclosures(decoded.claims(), &parts.disclosures);
    report.key_binding = parts.kb_jwt.as_deref().map(|kb| {
        kb::check(
            kb,
            &parts.presented,
            decoded.claims(),
            &report.hash_alg,
            options,
            now,
            leeway_secs,
        )
    });
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_names_read_as_the_registry_writes_them() {
        assert_eq!(HashAlg::parse("sha-256"), Some(HashAlg::Sha256));
        assert_eq!(HashAlg::parse("SHA3-512"), Some(HashAlg::Sha3_512));
        assert_eq!(HashAlg::parse("md5"), None);
        // RFC 9901 §4.2.3's example: the disclosure of "family_name" hashes to this digest.
        assert_eq!(
            HashAlg::Sha256.b64_digest("WyI2cU1RdlJMNWhhaiIsICJmYW1pbHlfbmFtZSIsICJNw7ZiaXVzIl0"),
            "uutlBuYeMDyjLLTpf6Jxi7yNkEF35jdyWMn9U7b_RYY"
        );
    }
}
