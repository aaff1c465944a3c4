//! Encrypted tokens (JWE, RFC 7516): every key management algorithm of RFC 7518 §4 (and X25519
//! of RFC 8037) and every content encryption of §5, both ways, with `zip: DEF`.
//!
//! Decryption never shows a byte of plaintext whose tag did not verify; RSA1_5 failures go on
//! with a random CEK (no padding oracle); PBES2 counts and decompressed sizes are capped.

pub mod content;
mod keymgmt;

use std::io::Read as _;

use serde_json::{Map, Value};
use zeroize::Zeroizing;

use super::b64;
use super::keys::{Key, KeySet};
use super::msg::Text;
use super::parse::{Decoded, Form};
use crate::msg;

pub use keymgmt::Unwrap;

/// PBES2 iteration counts above this are refused before any work (RFC 8725 §3.2 asks for a cap).
pub const MAX_P2C: u32 = 1_000_000;
/// PBES2 iterations used when encrypting, unless the header names its own `p2c`: OWASP's 2023
/// figure for PBKDF2-HMAC-SHA256.
pub const DEFAULT_P2C: u32 = 600_000;
/// A decompressed (`zip: DEF`) plaintext may not grow past this (decompression bombs).
pub const MAX_PLAINTEXT: usize = 16 * 1024 * 1024;
/// At most this many keys are tried against one token.
pub const MAX_KEYS_TRIED: usize = 100;
/// PBES2 costs `p2c` hash rounds per password tried: at most this many passwords are tried, so a
/// key set of many secrets cannot multiply a large count.
pub const MAX_PASSWORDS_TRIED: usize = 4;

macro_rules! names {
    ($(#[$m:meta])* $name:ident { $($variant:ident = $text:literal,)* }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        pub enum $name {
            $(#[serde(rename = $text)] $variant,)*
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant,)*];

            /// The header value.
            pub fn name(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)*
                }
            }

            pub fn parse(text: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|v| v.name() == text)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.name())
            }
        }
    };
}

names! {
    /// Key management algorithms (`alg` of a JWE).
    KeyAlg {
        RsaOaep256 = "RSA-OAEP-256",
        RsaOaep384 = "RSA-OAEP-384",
        RsaOaep512 = "RSA-OAEP-512",
        RsaOaep = "RSA-OAEP",
        Rsa1_5 = "RSA1_5",
        EcdhEs = "ECDH-ES",
        EcdhEsA128Kw = "ECDH-ES+A128KW",
        EcdhEsA192Kw = "ECDH-ES+A192KW",
        EcdhEsA256Kw = "ECDH-ES+A256KW",
        A128Kw = "A128KW",
        A192Kw = "A192KW",
        A256Kw = "A256KW",
        A128GcmKw = "A128GCMKW",
        A192GcmKw = "A192GCMKW",
        A256GcmKw = "A256GCMKW",
        Dir = "dir",
        Pbes2Hs256A128Kw = "PBES2-HS256+A128KW",
        Pbes2Hs384A192Kw = "PBES2-HS384+A192KW",
        Pbes2Hs512A256Kw = "PBES2-HS512+A256KW",
    }
}

names! {
    /// Content encryption algorithms (`enc`).
    Enc {
        A128Gcm = "A128GCM",
        A192Gcm = "A192GCM",
        A256Gcm = "A256GCM",
        A128CbcHs256 = "A128CBC-HS256",
        A192CbcHs384 = "A192CBC-HS384",
        A256CbcHs512 = "A256CBC-HS512",
    }
}

impl Enc {
    /// Bytes of the content encryption key (for CBC-HMAC: MAC key and AES key together).
    pub fn key_len(self) -> usize {
        match self {
            Self::A128Gcm => 16,
            Self::A192Gcm => 24,
            Self::A256Gcm | Self::A128CbcHs256 => 32,
            Self::A192CbcHs384 => 48,
            Self::A256CbcHs512 => 64,
        }
    }

    pub fn is_gcm(self) -> bool {
        matches!(self, Self::A128Gcm | Self::A192Gcm | Self::A256Gcm)
    }
}

/// What a key management algorithm needs from a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyNeed {
    /// An RSA key (public to encrypt, private to decrypt).
    Rsa,
    /// An EC (P-256/384/521) or X25519 key.
    Ecdh,
    /// A shared secret of exactly this many bytes.
    Secret(usize),
    /// A password (any secret).
    Password,
}

impl KeyAlg {
    /// Bytes of the AES key-wrapping key, for the algorithms that wrap with AES.
    pub fn wrap_len(self) -> Option<usize> {
        match self {
            Self::A128Kw | Self::A128GcmKw | Self::EcdhEsA128Kw | Self::Pbes2Hs256A128Kw => {
                Some(16)
            }
            Self::A192Kw | Self::A192GcmKw | Self::EcdhEsA192Kw | Self::Pbes2Hs384A192Kw => {
                Some(24)
            }
            Self::A256Kw | Self::A256GcmKw | Self::EcdhEsA256Kw | Self::Pbes2Hs512A256Kw => {
                Some(32)
            }
            _ => None,
        }
    }

    /// What key this algorithm works with (for `dir`, a key as long as the `enc` needs).
    pub fn needs(self, enc: Enc) -> KeyNeed {
        match self {
            Self::Rsa1_5
            | Self::RsaOaep
            | Self::RsaOaep256
            | Self::RsaOaep384
            | Self::RsaOaep512 => KeyNeed::Rsa,
            Self::EcdhEs | Self::EcdhEsA128Kw | Self::EcdhEsA192Kw | Self::EcdhEsA256Kw => {
                KeyNeed::Ecdh
            }
            Self::Dir => KeyNeed::Secret(enc.key_len()),
            Self::Pbes2Hs256A128Kw | Self::Pbes2Hs384A192Kw | Self::Pbes2Hs512A256Kw => {
                KeyNeed::Password
            }
            other => KeyNeed::Secret(other.wrap_len().unwrap_or(32)),
        }
    }

    /// What a shared secret is to this algorithm: a password (PBES2) or an AES key.
    pub fn secret_use(self) -> crate::core::keys::SecretUse {
        if self.is_pbes2() {
            crate::core::keys::SecretUse::Password
        } else {
            crate::core::keys::SecretUse::Aes
        }
    }

    pub fn is_pbes2(self) -> bool {
        self.needs(Enc::A128Gcm) == KeyNeed::Password
    }

    /// Whether this implementation encrypts with it (RSA1_5 is decrypt-only).
    pub fn can_encrypt(self) -> bool {
        self != Self::Rsa1_5
    }
}

/// The outcome of the encryption layer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum JweStatus {
    /// The tag verified and the plaintext is shown.
    Decrypted,
    /// No key was given.
    NoKey,
    /// No key given could recover the content key (wrong type, wrong key).
    WrongKey,
    /// The content key came out but the tag or padding fails: changed token (or a wrong key
    /// where only the tag can tell, as with `dir` and RSA1_5).
    Invalid,
    /// The `alg`, `enc` or `zip` is not one this debugger implements.
    UnsupportedAlg,
}

impl JweStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Decrypted => "decrypted",
            Self::NoKey => "no_key",
            Self::WrongKey => "wrong_key",
            Self::Invalid => "invalid",
            Self::UnsupportedAlg => "unsupported_alg",
        }
    }
}

/// What decryption found. The plaintext is kept out of `Debug` and serialization.
#[derive(Clone, serde::Serialize)]
pub struct JweReport {
    pub alg: Option<String>,
    pub enc: Option<String>,
    pub zip: Option<String>,
    pub status: JweStatus,
    /// One sentence a person can act on.
    pub detail: Text,
    /// The key that decrypted (or was tried), described; never its bytes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<Text>,
    #[serde(skip)]
    pub plaintext: Option<Zeroizing<Vec<u8>>>,
}

impl std::fmt::Debug for JweReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("JweReport")
            .field("alg", &self.alg)
            .field("enc", &self.enc)
            .field("zip", &self.zip)
            .field("status", &self.status)
            .field("detail", &self.detail)
            .field("plaintext", &self.plaintext.as_ref().map(|p| p.len()))
            .finish()
    }
}

/// Why compressed content cannot be inflated.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InflateError {
    #[error("the compressed content (zip: DEF) does not inflate: {0}")]
    Corrupt(String),
    #[error("the compressed content inflates past {} MiB, the cap (a decompression bomb?)", MAX_PLAINTEXT / (1024 * 1024))]
    TooLarge,
}

impl InflateError {
    /// What went wrong, as a text.
    pub fn text(&self) -> Text {
        match self {
            Self::Corrupt(why) => msg!("jwe-inflate-corrupt", why = why),
            Self::TooLarge => msg!("jwe-inflate-bomb", cap = MAX_PLAINTEXT / (1024 * 1024)),
        }
    }
}

/// Inflates `zip: DEF` content, refusing to grow past [`MAX_PLAINTEXT`].
pub fn inflate(data: &[u8]) -> Result<Zeroizing<Vec<u8>>, InflateError> {
    let mut out = Zeroizing::new(Vec::new());
    flate2::read::DeflateDecoder::new(data)
        .take(MAX_PLAINTEXT as u64 + 1)
        .read_to_end(&mut out)
        .map_err(|e| InflateError::Corrupt(e.to_string()))?;
    if out.len() > MAX_PLAINTEXT {
        return Err(InflateError::TooLarge);
    }
    Ok(out)
}

fn deflate(data: &[u8]) -> Result<Vec<u8>, String> {
    use std::io::Write as _;
    let mut encoder =
        flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(data).map_err(|e| e.to_string())?;
    encoder.finish().map_err(|e| e.to_string())
}

/// Keys of a set that may decrypt: in a JWKS, not marked for signatures only, and those named
/// by the token's `kid` first when any is.
fn candidates<'a>(keys: &'a KeySet, kid: Option<&str>) -> Vec<&'a Key> {
    let usable: Vec<&Key> = keys
        .keys
        .iter()
        .filter(|k| {
            let use_ok = k.jwk_use.as_deref().is_none_or(|u| u == "enc");
            let ops_ok = k.key_ops.as_ref().is_none_or(|ops| {
                ops.iter().any(|o| {
                    matches!(
                        o.as_str(),
                        "decrypt" | "unwrapKey" | "deriveKey" | "deriveBits"
                    )
                })
            });
            !keys.is_set || (use_ok && ops_ok)
        })
        .collect();
    let named: Vec<&Key> = usable
        .iter()
        .copied()
        .filter(|k| kid.is_some() && k.kid.as_deref() == kid)
        .collect();
    let mut list = if named.is_empty() { usable } else { named };
    list.truncate(MAX_KEYS_TRIED);
    list
}

/// Decrypts a compact JWE with the given keys.
pub fn decrypt(decoded: &Decoded, keys: Option<&KeySet>) -> JweReport {
    let header = decoded.header.as_ref().and_then(Value::as_object);
    let text = |name: &str| {
        header
            .and_then(|h| h.get(name))
            .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_owned))
    };
    let mut report = JweReport {
        alg: text("alg"),
        enc: text("enc"),
        zip: text("zip"),
        status: JweStatus::NoKey,
        detail: Text::plain(""),
        key: None,
        plaintext: None,
    };
    let fail = |mut r: JweReport, status, detail: Text| {
        r.status = status;
        r.detail = detail;
        r
    };
    if decoded.form != Form::Jwe {
        return fail(report, JweStatus::Invalid, msg!("jwe-not-jwe"));
    }
    let Some(header) = header else {
        return fail(report, JweStatus::Invalid, msg!("jwe-no-header"));
    };
    if let Some(first) = decoded.errors.first() {
        return fail(
            report,
            JweStatus::Invalid,
            msg!("jwe-malformed", error = Text::plain(first.to_string())),
        );
    }
    let Some(alg) = report.alg.as_deref().and_then(KeyAlg::parse) else {
        let shown = report.alg.clone().unwrap_or_else(|| "(none)".into());
        return fail(
            report,
            JweStatus::UnsupportedAlg,
            msg!("jwe-unknown-alg", alg = shown),
        );
    };
    let Some(enc) = report.enc.as_deref().and_then(Enc::parse) else {
        let shown = report.enc.clone().unwrap_or_else(|| "(none)".into());
        return fail(
            report,
            JweStatus::UnsupportedAlg,
            msg!("jwe-unknown-enc", enc = shown),
        );
    };
    if let Some(zip) = report.zip.as_deref()
        && zip != "DEF"
    {
        let zip = zip.to_owned();
        return fail(
            report,
            JweStatus::UnsupportedAlg,
            msg!("jwe-unknown-zip", zip = zip),
        );
    }
    if let Some(rule) = super::verify::header_rule_problem(&Value::Object(header.clone())) {
        return fail(report, JweStatus::Invalid, rule);
    }
    let unknown_crit = super::verify::unknown_crit(&Value::Object(header.clone()));
    if !unknown_crit.is_empty() {
        return fail(
            report,
            JweStatus::Invalid,
            msg!("jwe-crit", names = unknown_crit.join(", ")),
        );
    }
    let Some(keys) = keys else {
        return fail(report, JweStatus::NoKey, msg!("jwe-no-key"));
    };
    if alg.is_pbes2()
        && let Err(Unwrap::Header(why)) = keymgmt::p2c(header)
    {
        return fail(report, JweStatus::Invalid, Text::plain(why));
    }
    let segment = |i: usize| -> Vec<u8> {
        decoded
            .parts
            .get(i)
            .and_then(|p| b64::decode(&p.text).ok())
            .map(|d| d.bytes)
            .unwrap_or_default()
    };
    let aad = decoded
        .parts
        .first()
        .map(|p| p.text.as_bytes().to_vec())
        .unwrap_or_default();
    let (encrypted_key, iv, ciphertext, tag) = (segment(1), segment(2), segment(3), segment(4));
    let kid = header.get("kid").and_then(Value::as_str);
    let mut list = candidates(keys, kid);
    if list.is_empty() {
        return fail(report, JweStatus::WrongKey, msg!("jwe-no-enc-key"));
    }
    if alg.is_pbes2() {
        list.retain(|k| k.secret_bytes().is_some());
        list.truncate(MAX_PASSWORDS_TRIED);
        if list.is_empty() {
            return fail(
                report,
                JweStatus::WrongKey,
                msg!("jwe-no-password", alg = alg.name()),
            );
        }
    }
    let mut unfit = Vec::new();
    let mut failed = Vec::new();
    let mut invalid = Vec::new();
    for key in &list {
        let cek = match keymgmt::unwrap(alg, enc, header, &encrypted_key, key) {
            Ok(cek) => cek,
            Err(Unwrap::Unfit(why)) => {
                unfit.push(why);
                continue;
            }
            Err(Unwrap::Failed(why)) => {
                failed.push(why);
                continue;
            }
            Err(Unwrap::Header(why)) => {
                report.key = Some(key.describe_as(alg.secret_use()));
                return fail(report, JweStatus::Invalid, Text::plain(why));
            }
        };
        match content::decrypt(enc, &cek, &iv, &aad, &ciphertext, &tag) {
            Ok(plaintext) => {
                report.key = Some(key.describe_as(alg.secret_use()));
                let plaintext = if report.zip.is_some() {
                    match inflate(&plaintext) {
                        Ok(p) => p,
                        Err(why) => return fail(report, JweStatus::Invalid, why.text()),
                    }
                } else {
                    plaintext
                };
                report.plaintext = Some(plaintext);
                let detail = if list.len() > 1 {
                    msg!(
                        "jwe-decrypted-with",
                        key = key.describe_as(alg.secret_use()),
                        alg = alg.name(),
                        enc = enc.name()
                    )
                } else {
                    msg!("jwe-decrypted", alg = alg.name(), enc = enc.name())
                };
                return fail(report, JweStatus::Decrypted, detail);
            }
            Err(e) => {
                if list.len() == 1 {
                    report.key = Some(key.describe_as(alg.secret_use()));
                }
                invalid.push(e.to_string());
            }
        }
    }
    if list.len() == 1 && report.key.is_none() {
        report.key = Some(list[0].describe_as(alg.secret_use()));
    }
    if let Some(why) = invalid.first() {
        let why = Text::plain(why.clone());
        let detail = if alg == KeyAlg::Rsa1_5 || alg == KeyAlg::Dir {
            why.then(msg!("jwe-ambiguous-failure"))
        } else {
            why
        };
        return fail(report, JweStatus::Invalid, detail);
    }
    let mut reasons: Vec<String> = failed;
    reasons.extend(unfit);
    reasons.dedup();
    fail(
        report,
        JweStatus::WrongKey,
        match reasons.as_slice() {
            [one] => Text::plain(one.clone()),
            many => msg!("jwe-no-key-unwraps", reasons = many.join("; ")),
        },
    )
}

/// Why a JWE could not be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EncryptError {
    #[error("header JSON, {0}")]
    HeaderJson(String),
    #[error("{0}")]
    Key(String),
    #[error("{0}")]
    Crypto(String),
}

/// What to make.
#[derive(Debug, Clone, Default)]
pub struct EncryptOptions {
    /// Extra protected header members (`kid`, `typ`, `apu`, `p2c`, …). `alg`, `enc` and the
    /// algorithm's own parameters are set here.
    pub header: Map<String, Value>,
    /// `cty`, e.g. "JWT" for a nested token.
    pub cty: Option<String>,
    /// Compress with DEFLATE first (`zip: DEF`).
    pub zip: bool,
}

/// Encrypts `plaintext` for `key` as a compact JWE.
pub fn encrypt(
    plaintext: &[u8],
    alg: KeyAlg,
    enc: Enc,
    key: &Key,
    options: &EncryptOptions,
) -> Result<String, EncryptError> {
    let wrapped =
        keymgmt::wrap(alg, enc, &options.header, key).map_err(|e| EncryptError::Key(e.0))?;
    let mut header = Map::new();
    header.insert("alg".into(), alg.name().into());
    header.insert("enc".into(), enc.name().into());
    if options.zip {
        header.insert("zip".into(), "DEF".into());
    }
    if let Some(cty) = &options.cty {
        header.insert("cty".into(), cty.clone().into());
    }
    if let (Some(kid), false) = (&key.kid, options.header.contains_key("kid")) {
        header.insert("kid".into(), kid.clone().into());
    }
    for (name, value) in &options.header {
        if !matches!(
            name.as_str(),
            "alg" | "enc" | "zip" | "epk" | "p2s" | "iv" | "tag"
        ) {
            header.insert(name.clone(), value.clone());
        }
    }
    header.extend(wrapped.header);
    let protected = b64::encode(super::json::to_compact(&Value::Object(header)));
    let body = if options.zip {
        Zeroizing::new(deflate(plaintext).map_err(EncryptError::Crypto)?)
    } else {
        Zeroizing::new(plaintext.to_vec())
    };
    let sealed = content::encrypt(enc, &wrapped.cek, protected.as_bytes(), &body)
        .map_err(|e| EncryptError::Crypto(e.to_string()))?;
    Ok(format!(
        "{protected}.{}.{}.{}.{}",
        b64::encode(&wrapped.encrypted_key),
        b64::encode(&sealed.iv),
        b64::encode(&sealed.ciphertext),
        b64::encode(&sealed.tag)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::keys::parse_text;
    use crate::core::parse::decode;

    fn key(text: &str) -> KeySet {
        parse_text(text).unwrap()
    }

    /// RFC 7516 Appendix A.3: A128KW with A128CBC-HS256.
    #[test]
    fn rfc7516_a3_decrypts() {
        let token = "eyJhbGciOiJBMTI4S1ciLCJlbmMiOiJBMTI4Q0JDLUhTMjU2In0.6KB707dM9YTIgHtLvtgWQ8mKwboJW3of9locizkDTHzBC2IlrT1oOQ.AxY8DCtDaGlsbGljb3RoZQ.KDlTtXchhZTGufMYmOYGS4HffxPSUrfmqCHXaI9wOGY.U0m_YmjN04DJvceFICbCVQ";
        let keys = key(r#"{"kty":"oct","k":"GawgguFyGrWKav7AX4VKUg"}"#);
        let r = decrypt(&decode(token), Some(&keys));
        assert_eq!(r.status, JweStatus::Decrypted, "{}", r.detail);
        assert_eq!(r.plaintext.unwrap().as_slice(), b"Live long and prosper.");
        let wrong = key(r#"{"kty":"oct","k":"AAAAAAAAAAAAAAAAAAAAAA"}"#);
        let r = decrypt(&decode(token), Some(&wrong));
        assert_eq!(r.status, JweStatus::WrongKey, "{}", r.detail);
        let r = decrypt(&decode(token), None);
        assert_eq!(r.status, JweStatus::NoKey);
    }

    #[test]
    fn every_symmetric_alg_and_enc_round_trips() {
        for &alg in KeyAlg::ALL {
            for &enc in Enc::ALL {
                let secret = match alg.needs(enc) {
                    KeyNeed::Secret(n) => vec![7u8; n],
                    KeyNeed::Password => b"correct horse battery staple".to_vec(),
                    _ => continue,
                };
                let keys = KeySet::from_secret(&secret);
                let mut options = EncryptOptions::default();
                if alg.is_pbes2() {
                    options.header.insert("p2c".into(), 1000.into());
                }
                options.zip = enc == Enc::A128Gcm;
                let token = encrypt(b"{\"sub\":\"x\"}", alg, enc, &keys.keys[0], &options).unwrap();
                let r = decrypt(&decode(&token), Some(&keys));
                assert_eq!(r.status, JweStatus::Decrypted, "{alg} {enc}: {}", r.detail);
                assert_eq!(r.plaintext.unwrap().as_slice(), b"{\"sub\":\"x\"}");
            }
        }
    }

    #[test]
    fn a_huge_p2c_is_refused_before_any_work() {
        let keys = KeySet::from_secret(b"pw");
        let mut options = EncryptOptions::default();
        options.header.insert("p2c".into(), 1000.into());
        let token = encrypt(
            b"x",
            KeyAlg::Pbes2Hs256A128Kw,
            Enc::A128Gcm,
            &keys.keys[0],
            &options,
        )
        .unwrap();
        // Re-make the header with p2c = 2^31: the token is then refused by its header alone.
        let mut parts: Vec<String> = token.split('.').map(str::to_owned).collect();
        let mut header: Value =
            serde_json::from_slice(&b64::decode(&parts[0]).unwrap().bytes).unwrap();
        header["p2c"] = Value::from(2_147_483_647u64);
        parts[0] = b64::encode(header.to_string());
        let started = std::time::Instant::now();
        let r = decrypt(&decode(&parts.join(".")), Some(&keys));
        assert_eq!(r.status, JweStatus::Invalid, "{}", r.detail);
        assert!(r.detail.to_string().contains("p2c"), "{}", r.detail);
        assert!(started.elapsed().as_secs() < 2);
    }

    #[test]
    fn a_decompression_bomb_is_refused() {
        let bomb = deflate(&vec![0u8; MAX_PLAINTEXT + 10]).unwrap();
        assert!(bomb.len() < 100_000);
        let e = inflate(&bomb).unwrap_err();
        assert!(e.to_string().contains("16 MiB"), "{e}");
    }
}
