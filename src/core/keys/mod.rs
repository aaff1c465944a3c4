//! Keys from every format people paste: secrets, PEM, DER, certificates, JWK and JWKS.
//!
//! Everything is normalised into [`KeyMaterial`]; jsonwebtoken keys are built from that on demand.
//! Nothing here prints key bytes: `Debug` is redacted and errors only name formats and positions.

use crate::core::msg::Text;
use crate::msg;
use std::fmt;

use base64::Engine as _;
use pkcs8::der::{Decode as _, Encode as _, asn1::ObjectIdentifier};
use rsa::traits::PublicKeyParts as _;
use serde_json::Value;
use zeroize::Zeroizing;

use super::alg::{Alg, Curve, Family, MlDsaLevel};
use super::b64;

mod akp;
mod asn1;
mod fit;
pub use fit::Unfit;
mod jwk;
mod openssh;
mod secret;
pub mod spec;

pub use akp::{
    OID_X25519, ml_dsa_from_seed, ml_dsa_generate, ml_dsa_oid, ml_dsa_pkcs8_private, ml_dsa_sign,
    ml_dsa_verify, pkcs8_der, spki_der, x25519_from_private,
};
pub(crate) use asn1::curve_oid;
use asn1::*;
pub use asn1::{MAX_RSA_BITS, parse_der};
use jwk::parse_json_key;
pub use jwk::{MAX_JWKS_KEYS, parse_jwk};
pub use secret::{SecretEncoding, parse_prefixed_secret, parse_secret};

/// True when `text` is, or holds, a public key in a format people paste: an OpenSSH public key
/// line, PEM of any label, or a JWK/JWKS with a key that is not `oct`. Such text is never taken
/// as an HMAC secret (key confusion, PyJWT GHSA-ffqj-6fqr-9h24).
pub fn looks_like_public_key(text: &str) -> bool {
    let t = text.trim();
    if openssh::looks_like(t) || t.contains("-----BEGIN ") || t.starts_with("---- BEGIN SSH2") {
        return true;
    }
    if t.starts_with('{') {
        let Ok(v) = serde_json::from_str::<Value>(t) else {
            return false;
        };
        let non_oct = |k: &Value| k.get("kty").is_some_and(|kty| kty != "oct");
        return non_oct(&v)
            || v.get("keys")
                .and_then(Value::as_array)
                .is_some_and(|keys| keys.iter().any(non_oct));
    }
    false
}

/// The key itself, whatever it came from.
#[derive(Clone)]
pub enum KeyMaterial {
    /// HMAC secret bytes.
    Secret(Zeroizing<Vec<u8>>),
    Rsa {
        public: rsa::RsaPublicKey,
        private: Option<Box<rsa::RsaPrivateKey>>,
    },
    /// `public` is the uncompressed SEC1 point (0x04 || x || y); `private` the scalar.
    Ec {
        curve: Curve,
        public: Vec<u8>,
        private: Option<Zeroizing<Vec<u8>>>,
    },
    Ed25519 {
        public: [u8; 32],
        private: Option<Zeroizing<[u8; 32]>>,
    },
    /// X25519 (RFC 7748), for ECDH-ES key agreement in JWE (RFC 8037 §3.2). It never signs.
    X25519 {
        public: [u8; 32],
        private: Option<Zeroizing<[u8; 32]>>,
    },
    /// ML-DSA (FIPS 204): the encoded public key and, for a private key, the 32-byte seed ξ.
    MlDsa {
        level: MlDsaLevel,
        public: Vec<u8>,
        seed: Option<Zeroizing<[u8; 32]>>,
    },
}

/// How the key was written, as detected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum KeyFormat {
    SecretUtf8,
    SecretBase64,
    SecretBase64Url,
    SecretHex,
    /// Raw bytes from a binary file.
    SecretBytes,
    Spki,
    Pkcs1Public,
    Pkcs1Private,
    Pkcs8,
    Sec1,
    Certificate,
    Jwk,
    /// An OpenSSH public key line.
    OpenSsh,
}

impl KeyFormat {
    fn name(self, pem: bool) -> Text {
        let encoding = if pem { "PEM" } else { "DER" };
        let base = match self {
            Self::SecretUtf8 => return msg!("key-format-utf8"),
            Self::SecretBase64 => return Text::plain("base64"),
            Self::SecretBase64Url => return Text::plain("base64url"),
            Self::SecretHex => return Text::plain("hex"),
            Self::SecretBytes => return msg!("key-format-raw"),
            Self::Jwk => return Text::plain("JWK"),
            Self::OpenSsh => return Text::plain("OpenSSH"),
            Self::Spki => "SPKI ",
            Self::Pkcs1Public | Self::Pkcs1Private => "PKCS#1 ",
            Self::Pkcs8 => "PKCS#8 ",
            Self::Sec1 => "SEC1 ",
            Self::Certificate => {
                return msg!("key-format-certificate").then(Text::plain(if pem {
                    " PEM"
                } else {
                    " DER"
                }));
            }
        };
        Text::plain(base).then(Text::plain(encoding))
    }
}

/// What an X.509 certificate says about itself.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct CertificateInfo {
    pub subject: String,
    pub issuer: String,
    pub not_before_unix: i64,
    pub not_after_unix: i64,
    /// `x5t#S256`: base64url SHA-256 of the DER certificate.
    pub x5t_s256: String,
}

/// A usable key with what is known about where it came from.
#[derive(Clone)]
pub struct Key {
    pub material: KeyMaterial,
    pub format: KeyFormat,
    /// True when read from PEM text (for descriptions).
    pub pem: bool,
    /// JWK members that restrict use.
    pub kid: Option<String>,
    pub jwk_alg: Option<String>,
    pub jwk_use: Option<String>,
    pub key_ops: Option<Vec<String>>,
    pub certificate: Option<CertificateInfo>,
    /// The text a public key was read from, kept to detect HMAC/public-key confusion.
    pub public_text: Option<String>,
    /// An RSA private key as aws-lc holds it for decryption, made on first use: reading it
    /// checks the key (≈120 µs), which a re-analysis with the same key need not repeat.
    pub(crate) rsa_decrypting: RsaDecryptingCache,
    /// What is worked out from the key once and asked for on every analysis.
    pub(crate) derived: Derived,
}

/// See [`Key::rsa_decrypting`].
pub(crate) type RsaDecryptingCache =
    std::sync::OnceLock<Option<std::sync::Arc<aws_lc_rs::rsa::PrivateDecryptingKey>>>;

/// Facts about a key's material, computed on first use: a live view re-analyses with the same key
/// on every keystroke, and none of these change while the key does not.
#[derive(Clone, Default)]
pub(crate) struct Derived {
    pub(crate) thumbprint: std::sync::OnceLock<String>,
    pub(crate) roca: std::sync::OnceLock<bool>,
    pub(crate) small_order: std::sync::OnceLock<bool>,
    /// The key as aws-lc verifies with it, one slot per algorithm ([`Alg::ALL`] order).
    pub(crate) verifiers: [std::sync::OnceLock<Option<Verifier>>; Alg::ALL.len()],
}

/// A key ready to check signatures of one algorithm.
#[derive(Clone)]
pub(crate) enum Verifier {
    /// Boxed: an HMAC key holds its precomputed state (over 1 KiB).
    Hmac(Box<aws_lc_rs::hmac::Key>),
    Public(aws_lc_rs::signature::ParsedPublicKey),
}

impl fmt::Debug for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Never print key bytes.
        f.debug_struct("Key")
            .field("description", &self.describe())
            .field("kid", &self.kid)
            .finish()
    }
}

/// Keys read from one input: a single key, or a JWKS.
#[derive(Debug, Clone)]
pub struct KeySet {
    pub keys: Vec<Key>,
    /// True when the input was a JWK Set.
    pub is_set: bool,
    /// JWKS members that could not be used, with the reason.
    pub skipped: Vec<String>,
}

impl KeySet {
    /// A set of one shared secret of these bytes (a password, a `dir` key).
    pub fn from_secret(bytes: &[u8]) -> Self {
        Self::single(Key::new(
            KeyMaterial::Secret(Zeroizing::new(bytes.to_vec())),
            KeyFormat::SecretBytes,
            false,
        ))
    }

    /// A set of one key.
    pub fn of(key: Key) -> Self {
        Self::single(key)
    }

    fn single(key: Key) -> Self {
        Self {
            keys: vec![key],
            is_set: false,
            skipped: Vec::new(),
        }
    }

    /// "RSA 2048-bit public key (SPKI PEM)" or "JWKS with 3 keys".
    pub fn describe(&self) -> Text {
        match (self.is_set, self.keys.as_slice()) {
            (false, [key]) => key.describe(),
            _ => {
                let s = msg!("key-set", count = self.keys.len());
                if self.skipped.is_empty() {
                    s
                } else {
                    s.then(msg!("key-set-skipped", count = self.skipped.len()))
                }
            }
        }
    }
}

/// What a shared secret is used for, which is what it is called.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SecretUse {
    /// Signs and verifies with HMAC.
    Hmac,
    /// A PBES2 password, from which the key-wrapping key is derived.
    Password,
    /// An AES key used as it is (`dir`, AES key wrap).
    Aes,
}

/// Why a key could not be read. Messages never contain key material.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeyError {
    #[error("{0}")]
    Invalid(Text),
    #[error("cannot read key file {path}: {reason}")]
    File { path: String, reason: String },
    #[error("environment variable {0} is not set (or not UTF-8)")]
    Env(String),
}

fn invalid(msg: Text) -> KeyError {
    KeyError::Invalid(msg)
}

impl Key {
    pub(crate) fn generated(material: KeyMaterial, format: KeyFormat) -> Self {
        Self::new(material, format, false)
    }

    fn new(material: KeyMaterial, format: KeyFormat, pem: bool) -> Self {
        Self {
            material,
            format,
            pem,
            kid: None,
            jwk_alg: None,
            jwk_use: None,
            key_ops: None,
            certificate: None,
            public_text: None,
            rsa_decrypting: RsaDecryptingCache::new(),
            derived: Derived::default(),
        }
    }

    pub fn is_private(&self) -> bool {
        match &self.material {
            KeyMaterial::Secret(_) => true,
            KeyMaterial::Rsa { private, .. } => private.is_some(),
            KeyMaterial::Ec { private, .. } => private.is_some(),
            KeyMaterial::Ed25519 { private, .. } => private.is_some(),
            KeyMaterial::X25519 { private, .. } => private.is_some(),
            KeyMaterial::MlDsa { seed, .. } => seed.is_some(),
        }
    }

    /// True for a secret; false for RSA/EC/Ed keys.
    pub fn is_secret(&self) -> bool {
        matches!(self.material, KeyMaterial::Secret(_))
    }

    /// Secret length in bytes, or the RSA modulus size, or the curve size, in bits for asymmetric keys.
    pub fn bits(&self) -> usize {
        match &self.material {
            KeyMaterial::Secret(s) => s.len() * 8,
            KeyMaterial::Rsa { public, .. } => public.size() * 8,
            KeyMaterial::Ec { curve, .. } => match curve {
                Curve::P256 | Curve::Secp256k1 => 256,
                Curve::P384 => 384,
                Curve::P521 => 521,
            },
            KeyMaterial::Ed25519 { .. } | KeyMaterial::X25519 { .. } => 256,
            KeyMaterial::MlDsa { public, .. } => public.len() * 8,
        }
    }

    /// "EC P-256 private key (PKCS#8 PEM)", "HMAC secret, 32 bytes (UTF-8 text)".
    pub fn describe(&self) -> Text {
        self.describe_as(SecretUse::Hmac)
    }

    /// As [`Key::describe`], naming a secret for what it does here: an HMAC secret, a PBES2
    /// password or an AES key (a secret's bytes are the same; its job is not).
    pub fn describe_as(&self, secret_use: SecretUse) -> Text {
        let visibility = self.visibility();
        let what = match &self.material {
            KeyMaterial::Secret(s) => match secret_use {
                SecretUse::Hmac => msg!("key-secret", len = s.len()),
                SecretUse::Password => msg!("key-password", len = s.len()),
                SecretUse::Aes => msg!("key-aes", bits = s.len() * 8),
            },
            KeyMaterial::Rsa { .. } => msg!("key-rsa", bits = self.bits(), visibility = visibility),
            KeyMaterial::Ec { curve, .. } => {
                msg!("key-ec", curve = curve.name(), visibility = visibility)
            }
            KeyMaterial::Ed25519 { .. } => msg!("key-ed25519", visibility = visibility),
            KeyMaterial::X25519 { .. } => msg!("key-x25519", visibility = visibility),
            KeyMaterial::MlDsa { level, .. } => {
                msg!("key-ml-dsa", level = level.name(), visibility = visibility)
            }
        };
        let s = msg!(
            "key-described",
            what = what,
            format = self.format.name(self.pem)
        );
        match &self.kid {
            Some(kid) => s.then(msg!("key-kid", kid = kid)),
            None => s,
        }
    }

    /// "private" or "public".
    fn visibility(&self) -> Text {
        if self.is_private() {
            msg!("key-private")
        } else {
            msg!("key-public")
        }
    }

    /// Short kind name for messages: "an RSA public key".
    pub fn kind_phrase(&self) -> Text {
        let visibility = self.visibility();
        match &self.material {
            KeyMaterial::Secret(_) => msg!("kind-secret"),
            KeyMaterial::Rsa { .. } => msg!("kind-rsa", visibility = visibility),
            KeyMaterial::Ec { curve, .. } => {
                msg!("kind-ec", curve = curve.name(), visibility = visibility)
            }
            KeyMaterial::Ed25519 { .. } => msg!("kind-ed25519", visibility = visibility),
            KeyMaterial::X25519 { .. } => msg!("kind-x25519", visibility = visibility),
            KeyMaterial::MlDsa { level, .. } => {
                msg!("kind-ml-dsa", level = level.name(), visibility = visibility)
            }
        }
    }

    /// The secret bytes (HMAC keys only).
    pub fn secret_bytes(&self) -> Option<&[u8]> {
        match &self.material {
            KeyMaterial::Secret(s) => Some(s),
            _ => None,
        }
    }

    /// RFC 7638 thumbprint (SHA-256, base64url) of the public key; `None` for secrets is never
    /// returned: secrets hash their `k`, as the RFC defines.
    pub fn thumbprint(&self) -> String {
        self.derived
            .thumbprint
            .get_or_init(|| self.compute_thumbprint())
            .clone()
    }

    fn compute_thumbprint(&self) -> String {
        let canonical = match &self.material {
            KeyMaterial::Secret(s) => {
                format!(r#"{{"k":"{}","kty":"oct"}}"#, b64::encode(s.as_slice()))
            }
            KeyMaterial::Rsa { public, .. } => format!(
                r#"{{"e":"{}","kty":"RSA","n":"{}"}}"#,
                b64::encode(public.e().to_bytes_be()),
                b64::encode(public.n().to_bytes_be())
            ),
            KeyMaterial::Ec { curve, public, .. } => {
                let (x, y) = ec_coordinates(*curve, public);
                format!(
                    r#"{{"crv":"{}","kty":"EC","x":"{}","y":"{}"}}"#,
                    curve.name(),
                    b64::encode(x),
                    b64::encode(y)
                )
            }
            KeyMaterial::Ed25519 { public, .. } => {
                format!(
                    r#"{{"crv":"Ed25519","kty":"OKP","x":"{}"}}"#,
                    b64::encode(public)
                )
            }
            KeyMaterial::X25519 { public, .. } => {
                format!(
                    r#"{{"crv":"X25519","kty":"OKP","x":"{}"}}"#,
                    b64::encode(public)
                )
            }
            // draft-ietf-cose-dilithium: the required members of an AKP key are alg, kty, pub.
            KeyMaterial::MlDsa { level, public, .. } => format!(
                r#"{{"alg":"{}","kty":"AKP","pub":"{}"}}"#,
                level.name(),
                b64::encode(public)
            ),
        };
        // aws-lc's SHA-256, the one the signatures use: the sha2 crate asks the CPU for its
        // features on first use, and `cpuid` traps to the hypervisor in a virtual machine.
        let digest = aws_lc_rs::digest::digest(&aws_lc_rs::digest::SHA256, canonical.as_bytes());
        b64::encode(digest.as_ref())
    }

    /// A jsonwebtoken signing key, when this key is private (and not P-521).
    pub(crate) fn encoding_key(&self) -> Option<jsonwebtoken::EncodingKey> {
        use jsonwebtoken::EncodingKey;
        use pkcs8::EncodePrivateKey as _;
        use rsa::pkcs1::EncodeRsaPrivateKey as _;
        match &self.material {
            KeyMaterial::Secret(s) => Some(EncodingKey::from_secret(s)),
            KeyMaterial::Rsa {
                private: Some(private),
                ..
            } => Some(EncodingKey::from_rsa_der(
                private.to_pkcs1_der().ok()?.as_bytes(),
            )),
            KeyMaterial::Ec {
                curve: Curve::P256,
                private: Some(d),
                ..
            } => {
                let der = p256::SecretKey::from_slice(d).ok()?.to_pkcs8_der().ok()?;
                Some(EncodingKey::from_ec_der(der.as_bytes()))
            }
            KeyMaterial::Ec {
                curve: Curve::P384,
                private: Some(d),
                ..
            } => {
                let der = p384::SecretKey::from_slice(d).ok()?.to_pkcs8_der().ok()?;
                Some(EncodingKey::from_ec_der(der.as_bytes()))
            }
            KeyMaterial::Ed25519 {
                private: Some(d), ..
            } => {
                let der = ed25519_dalek::SigningKey::from_bytes(d)
                    .to_pkcs8_der()
                    .ok()?;
                Some(EncodingKey::from_ed_der(der.as_bytes()))
            }
            _ => None,
        }
    }
}

fn needs(alg: Alg) -> Text {
    match alg.family() {
        Family::Hmac => msg!("needs-secret"),
        Family::Rsa => msg!("needs-rsa"),
        Family::Ec(c) => msg!("needs-ec", curve = c.name()),
        Family::Ed25519 => msg!("needs-ed25519"),
        Family::MlDsa(level) => msg!("needs-ml-dsa", level = level.name()),
        Family::Unsecured => msg!("needs-nothing"),
    }
}

/// Splits an uncompressed SEC1 point into x and y.
pub(crate) fn ec_coordinates(curve: Curve, point: &[u8]) -> (&[u8], &[u8]) {
    let n = curve.field_len();
    if point.len() == 1 + 2 * n {
        (&point[1..1 + n], &point[1 + n..])
    } else {
        (&[], &[])
    }
}

/// Validates a SEC1 point on `curve` and returns it uncompressed.
fn ec_public_point(curve: Curve, sec1: &[u8]) -> Result<Vec<u8>, KeyError> {
    use p256::elliptic_curve::sec1::ToEncodedPoint as _;
    let bad = |_| invalid(msg!("kerr-ec-not-on-curve", curve = curve.name()));
    Ok(match curve {
        Curve::P256 => p256::PublicKey::from_sec1_bytes(sec1)
            .map_err(bad)?
            .to_encoded_point(false)
            .as_bytes()
            .to_vec(),
        Curve::P384 => p384::PublicKey::from_sec1_bytes(sec1)
            .map_err(bad)?
            .to_encoded_point(false)
            .as_bytes()
            .to_vec(),
        Curve::P521 => p521::PublicKey::from_sec1_bytes(sec1)
            .map_err(bad)?
            .to_encoded_point(false)
            .as_bytes()
            .to_vec(),
        Curve::Secp256k1 => k256::PublicKey::from_sec1_bytes(sec1)
            .map_err(bad)?
            .to_encoded_point(false)
            .as_bytes()
            .to_vec(),
    })
}

/// Derives the uncompressed public point from a private scalar.
fn ec_public_from_private(curve: Curve, d: &[u8]) -> Result<Vec<u8>, KeyError> {
    use p256::elliptic_curve::sec1::ToEncodedPoint as _;
    let bad = |_| invalid(msg!("kerr-ec-bad-scalar", curve = curve.name()));
    if d.len() != curve.field_len() {
        return Err(invalid(msg!(
            "kerr-ec-scalar-length",
            len = d.len(),
            curve = curve.name(),
            want = curve.field_len()
        )));
    }
    Ok(match curve {
        Curve::P256 => p256::SecretKey::from_slice(d)
            .map_err(bad)?
            .public_key()
            .to_encoded_point(false)
            .as_bytes()
            .to_vec(),
        Curve::P384 => p384::SecretKey::from_slice(d)
            .map_err(bad)?
            .public_key()
            .to_encoded_point(false)
            .as_bytes()
            .to_vec(),
        Curve::P521 => p521::SecretKey::from_slice(d)
            .map_err(bad)?
            .public_key()
            .to_encoded_point(false)
            .as_bytes()
            .to_vec(),
        Curve::Secp256k1 => k256::SecretKey::from_slice(d)
            .map_err(bad)?
            .public_key()
            .to_encoded_point(false)
            .as_bytes()
            .to_vec(),
    })
}

/// Reads key text, detecting its format: PEM, JWK or JWKS, an OpenSSH public key, else a UTF-8
/// secret. Text that looks like a public key never becomes a secret: it is read as the key it is,
/// or refused with the reason.
pub fn parse_text(text: &str) -> Result<KeySet, KeyError> {
    let trimmed = text.trim();
    if trimmed.starts_with('{') {
        return parse_json_key(trimmed);
    }
    if trimmed.contains("-----BEGIN ") {
        return parse_pem(trimmed).map(KeySet::single);
    }
    if openssh::looks_like(trimmed) {
        return openssh::parse(trimmed).map(KeySet::single);
    }
    if trimmed.starts_with("---- BEGIN SSH2 PUBLIC KEY") {
        return Err(invalid(msg!("kerr-mod-1")));
    }
    parse_secret(text, SecretEncoding::Utf8).map(KeySet::single)
}

/// Reads key bytes from a file: text as [`parse_text`] (but a secret loses one trailing newline,
/// which editors add), binary as DER.
pub fn parse_bytes(bytes: &[u8]) -> Result<KeySet, KeyError> {
    // DER always starts with a SEQUENCE tag (0x30, which is also ASCII '0'): try it first.
    let der = (bytes.first() == Some(&0x30)).then(|| parse_der(bytes));
    if let Some(Ok(key)) = der {
        return Ok(KeySet::single(key));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => {
            let set = parse_text(text)?;
            if set.keys.len() == 1 && set.keys[0].format == KeyFormat::SecretUtf8 {
                let stripped = text
                    .strip_suffix('\n')
                    .map(|t| t.strip_suffix('\r').unwrap_or(t));
                return parse_text(stripped.unwrap_or(text));
            }
            Ok(set)
        }
        // Binary that is not a DER key: a secret's raw bytes (`--key @hmac.bin`). Offered for
        // an RS/ES/PS/EdDSA token it does not fit, and the verdict says so.
        Err(_) => Ok(KeySet::single(Key::new(
            KeyMaterial::Secret(Zeroizing::new(bytes.to_vec())),
            KeyFormat::SecretBytes,
            false,
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const RSA_JWK: &str = r#"{"kty":"RSA","n":"0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw","e":"AQAB","alg":"RS256","kid":"2011-04-29"}"#;

    #[test]
    fn rfc7638_thumbprint_of_the_example_key() {
        let set = parse_text(RSA_JWK).unwrap();
        assert_eq!(
            set.keys[0].thumbprint(),
            "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs"
        );
        assert_eq!(
            set.describe(),
            "RSA 2048-bit public key (JWK), kid \"2011-04-29\""
        );
    }

    #[test]
    fn plain_text_is_a_utf8_secret() {
        let set = parse_text("your-256-bit-secret").unwrap();
        assert_eq!(
            set.keys[0].secret_bytes(),
            Some(&b"your-256-bit-secret"[..])
        );
        assert_eq!(set.describe(), "HMAC secret, 19 bytes (UTF-8 text)");
    }

    #[test]
    fn public_key_never_fits_hmac() {
        let set = parse_text(RSA_JWK).unwrap();
        let err = set.keys[0].check_fits(Alg::HS256, false).unwrap_err();
        assert!(err.to_string().contains("key-confusion"), "{err}");
    }

    #[test]
    fn jwk_alg_restricts_the_key() {
        let set = parse_text(RSA_JWK).unwrap();
        assert!(set.keys[0].check_fits(Alg::RS256, false).is_ok());
        assert!(
            set.keys[0]
                .check_fits(Alg::PS256, false)
                .unwrap_err()
                .to_string()
                .contains("for alg RS256")
        );
    }

    #[test]
    fn public_key_cannot_sign() {
        let set = parse_text(RSA_JWK).unwrap();
        let err = set.keys[0].check_fits(Alg::RS256, true).unwrap_err();
        assert!(
            err.to_string().starts_with("cannot sign with a public key"),
            "{err}"
        );
    }

    #[test]
    fn garbage_pem_is_an_error_not_a_panic() {
        assert!(parse_text("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----").is_err());
        assert!(parse_text("-----BEGIN PUBLIC KEY-----\nAAAA").is_err());
        assert!(parse_text(r#"{"kty":"OKP","crv":"Ed25519","x":"AAAA"}"#).is_err());
    }
}
