//! Keys from every format people paste: secrets, PEM, DER, certificates, JWK and JWKS.
//!
//! Everything is normalised into [`KeyMaterial`]; jsonwebtoken keys are built from that on demand.
//! Nothing here prints key bytes: `Debug` is redacted and errors only name formats and positions.

use std::fmt;

use base64::Engine as _;
use pkcs8::der::{Decode as _, Encode as _, asn1::ObjectIdentifier};
use rsa::traits::PublicKeyParts as _;
use serde_json::Value;
use sha2::Digest as _;
use zeroize::Zeroizing;

use super::alg::{Alg, Curve, Family};
use super::b64;

mod openssh;

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

const OID_RSA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.1");
const OID_EC: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.2.1");
const OID_ED25519: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.101.112");
const OID_P256: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.3.1.7");
const OID_P384: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.132.0.34");
const OID_P521: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.132.0.35");

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
    fn name(self, pem: bool) -> String {
        let base = match self {
            Self::SecretUtf8 => return "UTF-8 text".into(),
            Self::SecretBase64 => return "base64".into(),
            Self::SecretBase64Url => return "base64url".into(),
            Self::SecretHex => return "hex".into(),
            Self::SecretBytes => return "raw bytes from a file".into(),
            Self::Jwk => return "JWK".into(),
            Self::OpenSsh => return "OpenSSH".into(),
            Self::Spki => "SPKI",
            Self::Pkcs1Public | Self::Pkcs1Private => "PKCS#1",
            Self::Pkcs8 => "PKCS#8",
            Self::Sec1 => "SEC1",
            Self::Certificate => "X.509 certificate",
        };
        format!("{base} {}", if pem { "PEM" } else { "DER" })
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
    fn single(key: Key) -> Self {
        Self {
            keys: vec![key],
            is_set: false,
            skipped: Vec::new(),
        }
    }

    /// "RSA 2048-bit public key (SPKI PEM)" or "JWKS with 3 keys".
    pub fn describe(&self) -> String {
        match (self.is_set, self.keys.as_slice()) {
            (false, [key]) => key.describe(),
            _ => {
                let mut s = format!(
                    "JWKS with {} usable key{}",
                    self.keys.len(),
                    if self.keys.len() == 1 { "" } else { "s" }
                );
                if !self.skipped.is_empty() {
                    s.push_str(&format!(" ({} skipped)", self.skipped.len()));
                }
                s
            }
        }
    }
}

/// Why a key could not be read. Messages never contain key material.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeyError {
    #[error("{0}")]
    Invalid(String),
    #[error("cannot read key file {path}: {reason}")]
    File { path: String, reason: String },
    #[error("environment variable {0} is not set (or not UTF-8)")]
    Env(String),
}

fn invalid(msg: impl Into<String>) -> KeyError {
    KeyError::Invalid(msg.into())
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
        }
    }

    pub fn is_private(&self) -> bool {
        match &self.material {
            KeyMaterial::Secret(_) => true,
            KeyMaterial::Rsa { private, .. } => private.is_some(),
            KeyMaterial::Ec { private, .. } => private.is_some(),
            KeyMaterial::Ed25519 { private, .. } => private.is_some(),
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
                Curve::P256 => 256,
                Curve::P384 => 384,
                Curve::P521 => 521,
            },
            KeyMaterial::Ed25519 { .. } => 256,
        }
    }

    /// "EC P-256 private key (PKCS#8 PEM)", "HMAC secret, 32 bytes (UTF-8 text)".
    pub fn describe(&self) -> String {
        let visibility = if self.is_private() {
            "private"
        } else {
            "public"
        };
        let what = match &self.material {
            KeyMaterial::Secret(s) => format!("HMAC secret, {}", super::plural(s.len(), "byte")),
            KeyMaterial::Rsa { .. } => format!("RSA {}-bit {visibility} key", self.bits()),
            KeyMaterial::Ec { curve, .. } => format!("EC {} {visibility} key", curve.name()),
            KeyMaterial::Ed25519 { .. } => format!("Ed25519 {visibility} key"),
        };
        let mut s = format!("{what} ({})", self.format.name(self.pem));
        if let Some(kid) = &self.kid {
            s.push_str(&format!(", kid \"{kid}\""));
        }
        s
    }

    /// Short kind name for messages: "an RSA public key".
    pub fn kind_phrase(&self) -> String {
        let visibility = if self.is_private() {
            "private"
        } else {
            "public"
        };
        match &self.material {
            KeyMaterial::Secret(_) => "a shared secret".into(),
            KeyMaterial::Rsa { .. } => format!("an RSA {visibility} key"),
            KeyMaterial::Ec { curve, .. } => format!("an EC {} {visibility} key", curve.name()),
            KeyMaterial::Ed25519 { .. } => format!("an Ed25519 {visibility} key"),
        }
    }

    /// Algorithms this key's type can be used with.
    pub fn algorithms(&self) -> Vec<Alg> {
        Alg::ALL
            .into_iter()
            .filter(|&a| self.type_fits(a))
            .collect()
    }

    fn type_fits(&self, alg: Alg) -> bool {
        matches!(
            (alg.family(), &self.material),
            (Family::Hmac, KeyMaterial::Secret(_))
                | (Family::Rsa, KeyMaterial::Rsa { .. })
                | (Family::Ed25519, KeyMaterial::Ed25519 { .. })
        ) || matches!((alg.family(), &self.material), (Family::Ec(a), KeyMaterial::Ec { curve, .. }) if a == *curve)
    }

    /// Whether this key may verify (or, with `sign`, create) `alg` signatures; the reason if not.
    pub fn check_fits(&self, alg: Alg, sign: bool) -> Result<(), String> {
        if alg == Alg::None {
            return Err("alg none takes no key".into());
        }
        if !self.type_fits(alg) {
            let mut why = format!(
                "{alg} needs {}, but the key is {}",
                needs(alg),
                self.kind_phrase()
            );
            if alg.family() == Family::Hmac && !self.is_secret() {
                why.push_str(
                    "; treating a public key as an HMAC secret is the key-confusion attack, so it is never done",
                );
            }
            return Err(why);
        }
        if let Some(key_alg) = &self.jwk_alg
            && key_alg != alg.name()
        {
            return Err(format!("the JWK is for alg {key_alg}, not {alg}"));
        }
        if let Some(usage) = &self.jwk_use
            && usage != "sig"
        {
            return Err(format!("the JWK's use is \"{usage}\", not \"sig\""));
        }
        if let Some(ops) = &self.key_ops {
            let op = if sign { "sign" } else { "verify" };
            if !ops.iter().any(|o| o == op) {
                return Err(format!("the JWK's key_ops do not include \"{op}\""));
            }
        }
        if self.secret_bytes().is_some_and(<[u8]>::is_empty) {
            return Err(
                "the secret is empty, and an empty HMAC key proves nothing: anyone can compute it"
                    .into(),
            );
        }
        if sign && matches!(self.material, KeyMaterial::Rsa { .. }) && self.bits() < 2048 {
            return Err(format!(
                "the RSA key has {} bits; signing needs at least 2048 (RFC 7518 §3.3)",
                self.bits()
            ));
        }
        if sign && !self.is_private() {
            return Err(format!(
                "cannot sign with a public key: {alg} needs the private key"
            ));
        }
        Ok(())
    }

    /// True unless the JWK says it is not for verifying signatures: `use` other than `sig`, or
    /// `key_ops` without `verify` (RFC 7517 §4.2-4.3).
    pub fn may_verify(&self) -> bool {
        self.jwk_use.as_deref().is_none_or(|u| u == "sig")
            && self
                .key_ops
                .as_ref()
                .is_none_or(|ops| ops.iter().any(|o| o == "verify"))
    }

    /// True for an Ed25519 public key of small order (the identity or another point of order
    /// 1, 2, 4 or 8): with it a fixed signature "verifies" any message, so it proves nothing.
    pub fn is_small_order_ed25519(&self) -> bool {
        let KeyMaterial::Ed25519 { public, .. } = &self.material else {
            return false;
        };
        match ed25519_dalek::VerifyingKey::from_bytes(public) {
            Ok(key) => key.is_weak(),
            // Not a point at all: useless too, and verification fails on its own.
            Err(_) => false,
        }
    }

    /// True for an RSA modulus with the ROCA fingerprint (CVE-2017-15361): keys made by a flawed
    /// Infineon library, whose private key can be computed from the public key.
    pub fn is_roca_vulnerable(&self) -> bool {
        let KeyMaterial::Rsa { public, .. } = &self.material else {
            return false;
        };
        let n = public.n().to_bytes_be();
        // A ROCA modulus, reduced mod each of these primes, lies in the subgroup generated by 65537.
        const PRIMES: [u32; 38] = [
            3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83,
            89, 97, 101, 103, 107, 109, 113, 127, 131, 137, 139, 149, 151, 157, 163, 167,
        ];
        PRIMES.iter().all(|&p| {
            let residue = n.iter().fold(0u32, |r, &b| (r * 256 + u32::from(b)) % p);
            let generator = 65_537 % p;
            let mut x = 1u32;
            for _ in 0..p {
                if x == residue {
                    return true;
                }
                x = x * generator % p;
            }
            false
        })
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
        };
        b64::encode(sha2::Sha256::digest(canonical.as_bytes()))
    }

    /// A jsonwebtoken verification key. `None` for ES512 (not supported there).
    pub(crate) fn decoding_key(&self) -> Option<jsonwebtoken::DecodingKey> {
        use jsonwebtoken::DecodingKey;
        match &self.material {
            KeyMaterial::Secret(s) => Some(DecodingKey::from_secret(s)),
            KeyMaterial::Rsa { public, .. } => Some(DecodingKey::from_rsa_raw_components(
                &public.n().to_bytes_be(),
                &public.e().to_bytes_be(),
            )),
            KeyMaterial::Ec {
                curve: Curve::P521, ..
            } => None,
            KeyMaterial::Ec { curve, public, .. } => {
                let (x, y) = ec_coordinates(*curve, public);
                DecodingKey::from_ec_components(&b64::encode(x), &b64::encode(y)).ok()
            }
            KeyMaterial::Ed25519 { public, .. } => {
                DecodingKey::from_ed_components(&b64::encode(public)).ok()
            }
        }
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

fn needs(alg: Alg) -> String {
    match alg.family() {
        Family::Hmac => "a shared secret".into(),
        Family::Rsa => "an RSA key".into(),
        Family::Ec(c) => format!("an EC {} key", c.name()),
        Family::Ed25519 => "an Ed25519 key".into(),
        Family::Unsecured => "no key".into(),
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
    let bad = |_| {
        invalid(format!(
            "the EC public key is not a point on {}",
            curve.name()
        ))
    };
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
    })
}

/// Derives the uncompressed public point from a private scalar.
fn ec_public_from_private(curve: Curve, d: &[u8]) -> Result<Vec<u8>, KeyError> {
    use p256::elliptic_curve::sec1::ToEncodedPoint as _;
    let bad = |_| {
        invalid(format!(
            "the EC private key is not a valid {} scalar",
            curve.name()
        ))
    };
    if d.len() != curve.field_len() {
        return Err(invalid(format!(
            "the EC private key has {} bytes, {} needs {}",
            d.len(),
            curve.name(),
            curve.field_len()
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
    })
}

/// The named-curve OID of a curve.
pub(crate) fn curve_oid(curve: Curve) -> ObjectIdentifier {
    match curve {
        Curve::P256 => OID_P256,
        Curve::P384 => OID_P384,
        Curve::P521 => OID_P521,
    }
}

fn curve_from_oid(oid: ObjectIdentifier) -> Result<Curve, KeyError> {
    match oid {
        o if o == OID_P256 => Ok(Curve::P256),
        o if o == OID_P384 => Ok(Curve::P384),
        o if o == OID_P521 => Ok(Curve::P521),
        o => Err(invalid(format!(
            "unsupported elliptic curve {o} (JWS uses P-256, P-384 and P-521; secp256k1/ES256K is not supported)"
        ))),
    }
}

fn ec_private(curve: Curve, d: &[u8], format: KeyFormat, pem: bool) -> Result<Key, KeyError> {
    // SEC1 may drop leading zero bytes of the scalar; put them back.
    let n = curve.field_len();
    let mut scalar = Zeroizing::new(vec![0u8; n.saturating_sub(d.len())]);
    scalar.extend_from_slice(d);
    let public = ec_public_from_private(curve, &scalar)?;
    Ok(Key::new(
        KeyMaterial::Ec {
            curve,
            public,
            private: Some(scalar),
        },
        format,
        pem,
    ))
}

/// The largest RSA modulus read, in bits. RustCrypto's default is 4096, which refuses real
/// 8192-bit keys with a misleading "malformed" error.
pub const MAX_RSA_BITS: usize = 16_384;

/// An RSA public key from PKCS#1 DER, up to [`MAX_RSA_BITS`], with the size in the error.
fn rsa_public_pkcs1(der: &[u8]) -> Result<rsa::RsaPublicKey, KeyError> {
    use pkcs8::der::Decode as _;
    let raw =
        pkcs1::RsaPublicKey::from_der(der).map_err(|e| invalid(format!("RSA public key: {e}")))?;
    rsa_public(
        rsa::BigUint::from_bytes_be(raw.modulus.as_bytes()),
        rsa::BigUint::from_bytes_be(raw.public_exponent.as_bytes()),
    )
}

/// An RSA public key from its modulus and exponent, up to [`MAX_RSA_BITS`].
fn rsa_public(n: rsa::BigUint, e: rsa::BigUint) -> Result<rsa::RsaPublicKey, KeyError> {
    let bits = n.bits();
    if bits > MAX_RSA_BITS {
        return Err(invalid(format!(
            "the RSA modulus has {bits} bits; keys up to {MAX_RSA_BITS} bits are read"
        )));
    }
    rsa::RsaPublicKey::new_with_max_size(n, e, MAX_RSA_BITS)
        .map_err(|e| invalid(format!("RSA public key ({bits} bits): {e}")))
}

/// Reads a SubjectPublicKeyInfo (the body of `BEGIN PUBLIC KEY`).
fn parse_spki(der: &[u8], format: KeyFormat, pem: bool) -> Result<Key, KeyError> {
    let spki = spki::SubjectPublicKeyInfoRef::try_from(der)
        .map_err(|e| invalid(format!("not a valid SubjectPublicKeyInfo: {e}")))?;
    let bits = spki.subject_public_key.raw_bytes();
    let oid = spki.algorithm.oid;
    let material = if oid == OID_RSA {
        KeyMaterial::Rsa {
            public: rsa_public_pkcs1(bits)?,
            private: None,
        }
    } else if oid == OID_EC {
        let params = spki
            .algorithm
            .parameters
            .ok_or_else(|| invalid("EC public key without a named curve"))?;
        let curve_oid = params
            .decode_as::<ObjectIdentifier>()
            .map_err(|_| invalid("EC public key: the curve is not given by name"))?;
        let curve = curve_from_oid(curve_oid)?;
        KeyMaterial::Ec {
            curve,
            public: ec_public_point(curve, bits)?,
            private: None,
        }
    } else if oid == OID_ED25519 {
        let public: [u8; 32] = bits
            .try_into()
            .map_err(|_| invalid("Ed25519 public key must be 32 bytes"))?;
        ed25519_dalek::VerifyingKey::from_bytes(&public)
            .map_err(|_| invalid("Ed25519 public key is not a valid curve point"))?;
        KeyMaterial::Ed25519 {
            public,
            private: None,
        }
    } else {
        return Err(invalid(format!("unsupported public key algorithm {oid}")));
    };
    Ok(Key::new(material, format, pem))
}

/// Reads a PKCS#8 PrivateKeyInfo (`BEGIN PRIVATE KEY`).
fn parse_pkcs8(der: &[u8], pem: bool) -> Result<Key, KeyError> {
    let info = pkcs8::PrivateKeyInfo::try_from(der)
        .map_err(|e| invalid(format!("not a valid PKCS#8 private key: {e}")))?;
    let oid = info.algorithm.oid;
    if oid == OID_RSA {
        use rsa::pkcs1::DecodeRsaPrivateKey as _;
        let private = rsa::RsaPrivateKey::from_pkcs1_der(info.private_key)
            .map_err(|e| invalid(format!("RSA private key: {e}")))?;
        Ok(rsa_private(private, KeyFormat::Pkcs8, pem))
    } else if oid == OID_EC {
        let curve_oid = info
            .algorithm
            .parameters
            .and_then(|p| p.decode_as::<ObjectIdentifier>().ok())
            .ok_or_else(|| invalid("EC private key without a named curve"))?;
        let curve = curve_from_oid(curve_oid)?;
        let inner = sec1::EcPrivateKey::try_from(info.private_key)
            .map_err(|e| invalid(format!("EC private key: {e}")))?;
        ec_private(curve, inner.private_key, KeyFormat::Pkcs8, pem)
    } else if oid == OID_ED25519 {
        use ed25519_dalek::pkcs8::DecodePrivateKey as _;
        let signing = ed25519_dalek::SigningKey::from_pkcs8_der(der)
            .map_err(|e| invalid(format!("Ed25519 private key: {e}")))?;
        Ok(Key::new(
            KeyMaterial::Ed25519 {
                public: signing.verifying_key().to_bytes(),
                private: Some(Zeroizing::new(signing.to_bytes())),
            },
            KeyFormat::Pkcs8,
            pem,
        ))
    } else {
        Err(invalid(format!("unsupported private key algorithm {oid}")))
    }
}

fn rsa_private(private: rsa::RsaPrivateKey, format: KeyFormat, pem: bool) -> Key {
    Key::new(
        KeyMaterial::Rsa {
            public: private.to_public_key(),
            private: Some(Box::new(private)),
        },
        format,
        pem,
    )
}

fn parse_sec1(der: &[u8], pem: bool) -> Result<Key, KeyError> {
    let key = sec1::EcPrivateKey::try_from(der)
        .map_err(|e| invalid(format!("not a valid SEC1 EC private key: {e}")))?;
    let curve = match key.parameters.and_then(|p| p.named_curve()) {
        Some(oid) => curve_from_oid(oid)?,
        // Without parameters the scalar's length still tells the curve.
        None => match key.private_key.len() {
            32 => Curve::P256,
            48 => Curve::P384,
            65 | 66 => Curve::P521,
            n => {
                return Err(invalid(format!(
                    "SEC1 EC private key without a named curve, and {n} bytes fit no curve"
                )));
            }
        },
    };
    ec_private(curve, key.private_key, KeyFormat::Sec1, pem)
}

fn parse_certificate(der: &[u8], pem: bool) -> Result<Key, KeyError> {
    let cert = x509_cert::Certificate::from_der(der)
        .map_err(|e| invalid(format!("not a valid X.509 certificate: {e}")))?;
    let tbs = &cert.tbs_certificate;
    let spki = tbs
        .subject_public_key_info
        .to_der()
        .map_err(|e| invalid(format!("certificate public key: {e}")))?;
    let mut key = parse_spki(&spki, KeyFormat::Certificate, pem)?;
    key.certificate = Some(CertificateInfo {
        subject: tbs.subject.to_string(),
        issuer: tbs.issuer.to_string(),
        not_before_unix: tbs.validity.not_before.to_unix_duration().as_secs() as i64,
        not_after_unix: tbs.validity.not_after.to_unix_duration().as_secs() as i64,
        x5t_s256: b64::encode(sha2::Sha256::digest(der)),
    });
    Ok(key)
}

/// Reads a DER key of any supported kind, trying each structure in turn.
pub fn parse_der(der: &[u8]) -> Result<Key, KeyError> {
    use rsa::pkcs1::DecodeRsaPrivateKey as _;
    if let Ok(key) = parse_spki(der, KeyFormat::Spki, false) {
        return Ok(key);
    }
    if let Ok(key) = parse_pkcs8(der, false) {
        return Ok(key);
    }
    if let Ok(private) = rsa::RsaPrivateKey::from_pkcs1_der(der) {
        return Ok(rsa_private(private, KeyFormat::Pkcs1Private, false));
    }
    if let Ok(public) = rsa_public_pkcs1(der) {
        return Ok(Key::new(
            KeyMaterial::Rsa {
                public,
                private: None,
            },
            KeyFormat::Pkcs1Public,
            false,
        ));
    }
    if let Ok(key) = parse_sec1(der, false) {
        return Ok(key);
    }
    parse_certificate(der, false).map_err(|_| {
        invalid("binary data that is not a DER key (tried SPKI, PKCS#8, PKCS#1, SEC1 and X.509)")
    })
}

/// Reads the first usable PEM block in `text`.
/// The DER inside one PEM block, read as OpenSSL reads it: any line length (64, 76, one long
/// line), indentation, CRLF, and RFC 1421 headers such as `Proc-Type:` are all accepted.
fn pem_body(block: &str, label: &str) -> Result<Vec<u8>, KeyError> {
    // `block` starts with "-----BEGIN {label}-----".
    let after_begin = block.get(16 + label.len()..).unwrap_or("");
    let end = after_begin.rfind("-----END").unwrap_or(after_begin.len());
    let body: String = after_begin[..end]
        .lines()
        .map(str::trim)
        .filter(|l| !l.contains(':'))
        .collect::<Vec<_>>()
        .concat()
        .split_whitespace()
        .collect();
    let engine = base64::engine::GeneralPurpose::new(
        &base64::alphabet::STANDARD,
        base64::engine::GeneralPurposeConfig::new()
            .with_decode_padding_mode(base64::engine::DecodePaddingMode::Indifferent),
    );
    engine
        .decode(body.as_bytes())
        .map_err(|e| invalid(format!("PEM block \"{label}\" is not valid base64: {e}")))
}

fn parse_pem(text: &str) -> Result<Key, KeyError> {
    let mut rest = text;
    while let Some(begin) = rest.find("-----BEGIN ") {
        let block = &rest[begin..];
        let label_end = block[11..]
            .find("-----")
            .ok_or_else(|| invalid("PEM: the BEGIN line is not closed by -----"))?;
        let label = &block[11..11 + label_end];
        let end_marker = format!("-----END {label}-----");
        let end = block
            .find(&end_marker)
            .ok_or_else(|| invalid(format!("PEM: no \"{end_marker}\" line after BEGIN {label}")))?;
        let pem_block = &block[..end + end_marker.len()];
        rest = &block[end + end_marker.len()..];
        if label == "EC PARAMETERS" {
            continue;
        }
        let der = Zeroizing::new(pem_body(pem_block, label)?);
        use rsa::pkcs1::DecodeRsaPrivateKey as _;
        let mut key = match label {
            "PUBLIC KEY" => parse_spki(&der, KeyFormat::Spki, true)?,
            "RSA PUBLIC KEY" => Key::new(
                KeyMaterial::Rsa {
                    public: rsa_public_pkcs1(&der)?,
                    private: None,
                },
                KeyFormat::Pkcs1Public,
                true,
            ),
            "RSA PRIVATE KEY" => rsa_private(
                rsa::RsaPrivateKey::from_pkcs1_der(&der)
                    .map_err(|e| invalid(format!("RSA PRIVATE KEY: {e}")))?,
                KeyFormat::Pkcs1Private,
                true,
            ),
            "PRIVATE KEY" => parse_pkcs8(&der, true)?,
            "EC PRIVATE KEY" => parse_sec1(&der, true)?,
            "CERTIFICATE" => parse_certificate(&der, true)?,
            "ENCRYPTED PRIVATE KEY" => {
                return Err(invalid(
                    "the private key is encrypted with a passphrase; decrypt it first (openssl pkcs8 -in key.pem -out plain.pem)",
                ));
            }
            "OPENSSH PRIVATE KEY" => {
                return Err(invalid(
                    "OpenSSH private key format; convert it to PKCS#8 (ssh-keygen -p -m PKCS8 -f key)",
                ));
            }
            other => return Err(invalid(format!("unsupported PEM block \"{other}\""))),
        };
        if !key.is_private() {
            key.public_text = Some(text.to_owned());
        }
        return Ok(key);
    }
    Err(invalid(
        "PEM text without a complete -----BEGIN ...----- block",
    ))
}

fn member<'a>(
    jwk: &'a serde_json::Map<String, Value>,
    name: &str,
) -> Result<Option<&'a str>, KeyError> {
    match jwk.get(name) {
        None => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(_) => Err(invalid(format!("JWK member \"{name}\" must be a string"))),
    }
}

fn member_bytes(
    jwk: &serde_json::Map<String, Value>,
    name: &str,
) -> Result<Option<Vec<u8>>, KeyError> {
    member(jwk, name)?
        .map(|s| {
            b64::decode(s)
                .map(|d| d.bytes)
                .map_err(|e| invalid(format!("JWK member \"{name}\": {e}")))
        })
        .transpose()
}

fn required_bytes(
    jwk: &serde_json::Map<String, Value>,
    kty: &str,
    name: &str,
) -> Result<Vec<u8>, KeyError> {
    member_bytes(jwk, name)?.ok_or_else(|| invalid(format!("{kty} JWK without \"{name}\"")))
}

/// Reads one JWK object.
pub fn parse_jwk(value: &Value) -> Result<Key, KeyError> {
    let jwk = value
        .as_object()
        .ok_or_else(|| invalid("a JWK must be a JSON object"))?;
    let kty = member(jwk, "kty")?.ok_or_else(|| invalid("JWK without \"kty\""))?;
    let material = match kty {
        "oct" => KeyMaterial::Secret(Zeroizing::new(required_bytes(jwk, kty, "k")?)),
        "RSA" => {
            let n = rsa::BigUint::from_bytes_be(&required_bytes(jwk, kty, "n")?);
            let e = rsa::BigUint::from_bytes_be(&required_bytes(jwk, kty, "e")?);
            let public = rsa_public(n.clone(), e.clone())?;
            let private = match member_bytes(jwk, "d")? {
                None => None,
                Some(d) => {
                    let d = rsa::BigUint::from_bytes_be(&d);
                    let primes = ["p", "q"]
                        .iter()
                        .filter_map(|m| member_bytes(jwk, m).transpose())
                        .map(|r| r.map(|b| rsa::BigUint::from_bytes_be(&b)))
                        .collect::<Result<Vec<_>, _>>()?;
                    let key = rsa::RsaPrivateKey::from_components(n, e, d, primes)
                        .map_err(|err| invalid(format!("RSA private JWK: {err}")))?;
                    key.validate().map_err(|err| {
                        invalid(format!("RSA private JWK is inconsistent: {err}"))
                    })?;
                    Some(Box::new(key))
                }
            };
            KeyMaterial::Rsa { public, private }
        }
        "EC" => {
            let crv = member(jwk, "crv")?.ok_or_else(|| invalid("EC JWK without \"crv\""))?;
            let curve = Curve::from_name(crv).ok_or_else(|| {
                invalid(format!(
                    "EC JWK curve \"{crv}\" is not supported (P-256, P-384, P-521)"
                ))
            })?;
            let x = required_bytes(jwk, kty, "x")?;
            let y = required_bytes(jwk, kty, "y")?;
            let n = curve.field_len();
            if x.len() != n || y.len() != n {
                return Err(invalid(format!(
                    "EC JWK on {crv}: x and y must be {n} bytes each, found {} and {}",
                    x.len(),
                    y.len()
                )));
            }
            let mut point = vec![4u8];
            point.extend_from_slice(&x);
            point.extend_from_slice(&y);
            let public = ec_public_point(curve, &point)?;
            let private = match member_bytes(jwk, "d")? {
                None => None,
                Some(d) => {
                    let d = Zeroizing::new(d);
                    if ec_public_from_private(curve, &d)? != public {
                        return Err(invalid("EC JWK: \"d\" does not match \"x\" and \"y\""));
                    }
                    Some(d)
                }
            };
            KeyMaterial::Ec {
                curve,
                public,
                private,
            }
        }
        "OKP" => {
            let crv = member(jwk, "crv")?.ok_or_else(|| invalid("OKP JWK without \"crv\""))?;
            if crv != "Ed25519" {
                return Err(invalid(format!(
                    "OKP curve \"{crv}\" cannot sign JWS here (only Ed25519; X25519/X448 are for key agreement)"
                )));
            }
            let x = required_bytes(jwk, kty, "x")?;
            let public: [u8; 32] = x
                .try_into()
                .map_err(|_| invalid("Ed25519 JWK: \"x\" must be 32 bytes"))?;
            ed25519_dalek::VerifyingKey::from_bytes(&public)
                .map_err(|_| invalid("Ed25519 JWK: \"x\" is not a valid curve point"))?;
            let private = match member_bytes(jwk, "d")? {
                None => None,
                Some(d) => {
                    let d: [u8; 32] = d
                        .try_into()
                        .map_err(|_| invalid("Ed25519 JWK: \"d\" must be 32 bytes"))?;
                    let d = Zeroizing::new(d);
                    if ed25519_dalek::SigningKey::from_bytes(&d)
                        .verifying_key()
                        .to_bytes()
                        != public
                    {
                        return Err(invalid("Ed25519 JWK: \"d\" does not match \"x\""));
                    }
                    Some(d)
                }
            };
            KeyMaterial::Ed25519 { public, private }
        }
        other => {
            return Err(invalid(format!(
                "JWK kty \"{other}\" is not supported (oct, RSA, EC, OKP)"
            )));
        }
    };
    let mut key = Key::new(material, KeyFormat::Jwk, false);
    key.kid = member(jwk, "kid")?.map(str::to_owned);
    key.jwk_alg = member(jwk, "alg")?.map(str::to_owned);
    key.jwk_use = member(jwk, "use")?.map(str::to_owned);
    key.key_ops = match jwk.get("key_ops") {
        None => None,
        Some(Value::Array(ops)) => Some(
            ops.iter()
                .filter_map(|o| o.as_str().map(str::to_owned))
                .collect(),
        ),
        Some(_) => return Err(invalid("JWK member \"key_ops\" must be an array")),
    };
    if !key.is_private() {
        key.public_text = Some(super::json::to_compact(value));
    }
    Ok(key)
}

/// A JWKS is read up to this many keys; real ones hold a handful.
pub const MAX_JWKS_KEYS: usize = 1000;

fn parse_json_key(text: &str) -> Result<KeySet, KeyError> {
    let parsed = super::json::parse(text).map_err(|e| invalid(format!("key JSON: {e}")))?;
    let value = parsed.value;
    match value.get("keys") {
        Some(Value::Array(members)) => {
            let mut set = KeySet {
                keys: Vec::new(),
                is_set: true,
                skipped: Vec::new(),
            };
            for (i, m) in members.iter().enumerate().take(MAX_JWKS_KEYS) {
                match parse_jwk(m) {
                    Ok(key) => set.keys.push(key),
                    Err(e) => set.skipped.push(format!("key {i}: {e}")),
                }
            }
            if members.len() > MAX_JWKS_KEYS {
                set.skipped.push(format!(
                    "keys {MAX_JWKS_KEYS}–{}: not read (a JWKS is read up to {MAX_JWKS_KEYS} keys)",
                    members.len() - 1
                ));
            }
            if set.keys.is_empty() && set.skipped.is_empty() {
                return Err(invalid("the JWKS has no keys"));
            }
            Ok(set)
        }
        Some(_) => Err(invalid("JWKS member \"keys\" must be an array")),
        None => parse_jwk(&value).map(KeySet::single),
    }
}

fn decode_hex(text: &str) -> Result<Vec<u8>, KeyError> {
    let digits: Vec<u8> = text
        .bytes()
        .filter(|b| !b.is_ascii_whitespace() && *b != b':')
        .collect();
    if !digits.len().is_multiple_of(2) {
        return Err(invalid("hex secret has an odd number of digits"));
    }
    digits
        .chunks(2)
        .enumerate()
        .map(|(i, pair)| {
            let s = std::str::from_utf8(pair).unwrap_or("??");
            u8::from_str_radix(s, 16).map_err(|_| {
                invalid(format!(
                    "hex secret: digit pair {} is not hexadecimal",
                    i + 1
                ))
            })
        })
        .collect()
}

/// How secret text is to be read.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
pub enum SecretEncoding {
    #[default]
    Utf8,
    Base64,
    Base64Url,
    Hex,
}

impl SecretEncoding {
    pub const ALL: [SecretEncoding; 4] = [Self::Utf8, Self::Base64, Self::Base64Url, Self::Hex];
    pub fn label(self) -> &'static str {
        match self {
            Self::Utf8 => "UTF-8",
            Self::Base64 => "base64",
            Self::Base64Url => "base64url",
            Self::Hex => "hex",
        }
    }
}

/// Reads a secret written in `encoding`.
pub fn parse_secret(text: &str, encoding: SecretEncoding) -> Result<Key, KeyError> {
    let (bytes, format) = match encoding {
        SecretEncoding::Utf8 => (text.as_bytes().to_vec(), KeyFormat::SecretUtf8),
        SecretEncoding::Base64 => {
            let cleaned: String = text.chars().filter(|c| !c.is_whitespace()).collect();
            let engine = base64::engine::GeneralPurpose::new(
                &base64::alphabet::STANDARD,
                base64::engine::GeneralPurposeConfig::new()
                    .with_decode_padding_mode(base64::engine::DecodePaddingMode::Indifferent),
            );
            let bytes = engine
                .decode(cleaned.as_bytes())
                .map_err(|e| invalid(format!("base64 secret: {e}")))?;
            (bytes, KeyFormat::SecretBase64)
        }
        SecretEncoding::Base64Url => {
            let bytes =
                b64::decode(text.trim()).map_err(|e| invalid(format!("base64url secret: {e}")))?;
            (bytes.bytes, KeyFormat::SecretBase64Url)
        }
        SecretEncoding::Hex => (decode_hex(text)?, KeyFormat::SecretHex),
    };
    Ok(Key::new(
        KeyMaterial::Secret(Zeroizing::new(bytes)),
        format,
        false,
    ))
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
        return Err(invalid(
            "an SSH2 (RFC 4716) public key; convert it to OpenSSH form (ssh-keygen -i -f key.pub) or PEM",
        ));
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
        assert!(err.contains("key-confusion"), "{err}");
    }

    #[test]
    fn jwk_alg_restricts_the_key() {
        let set = parse_text(RSA_JWK).unwrap();
        assert!(set.keys[0].check_fits(Alg::RS256, false).is_ok());
        assert!(
            set.keys[0]
                .check_fits(Alg::PS256, false)
                .unwrap_err()
                .contains("for alg RS256")
        );
    }

    #[test]
    fn public_key_cannot_sign() {
        let set = parse_text(RSA_JWK).unwrap();
        let err = set.keys[0].check_fits(Alg::RS256, true).unwrap_err();
        assert!(err.starts_with("cannot sign with a public key"), "{err}");
    }

    #[test]
    fn garbage_pem_is_an_error_not_a_panic() {
        assert!(parse_text("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----").is_err());
        assert!(parse_text("-----BEGIN PUBLIC KEY-----\nAAAA").is_err());
        assert!(parse_text(r#"{"kty":"OKP","crv":"Ed25519","x":"AAAA"}"#).is_err());
    }
}
