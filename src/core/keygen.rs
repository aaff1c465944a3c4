//! Key generation for every algorithm family, from the operating system's CSPRNG.

use rand_core::{OsRng, RngCore as _};
use zeroize::Zeroizing;

use super::alg::{Alg, Curve, Family, MlDsaLevel};
use super::keys::{Key, KeyError, KeyFormat, KeyMaterial};

/// What to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum KeyKind {
    /// HMAC secret of this many bytes.
    Secret(usize),
    /// RSA with this modulus size in bits.
    Rsa(usize),
    Ec(Curve),
    Ed25519,
    MlDsa(MlDsaLevel),
    /// X25519, for ECDH-ES encryption (JWE).
    X25519,
}

impl KeyKind {
    /// The natural key for an algorithm: secrets as long as the hash, RSA 2048, the alg's curve.
    pub fn for_alg(alg: Alg) -> Option<Self> {
        Some(match alg.family() {
            Family::Hmac => Self::Secret(alg.min_secret_len().unwrap_or(32)),
            Family::Rsa => Self::Rsa(2048),
            Family::Ec(curve) => Self::Ec(curve),
            Family::Ed25519 => Self::Ed25519,
            Family::MlDsa(level) => Self::MlDsa(level),
            Family::Unsecured => return None,
        })
    }
}

/// Generates a fresh key (RSA takes a noticeable time: call it off the UI thread).
pub fn generate(kind: KeyKind) -> Result<Key, KeyError> {
    let material = match kind {
        KeyKind::Secret(len) => {
            let mut bytes = Zeroizing::new(vec![0u8; len]);
            OsRng.fill_bytes(&mut bytes);
            KeyMaterial::Secret(bytes)
        }
        KeyKind::Rsa(bits) => {
            if !(1024..=8192).contains(&bits) {
                return Err(KeyError::Invalid(
                    format!("RSA size {bits} is outside 1024…8192 bits").into(),
                ));
            }
            let private = rsa::RsaPrivateKey::new(&mut OsRng, bits)
                .map_err(|e| KeyError::Invalid(format!("RSA generation failed: {e}").into()))?;
            KeyMaterial::Rsa {
                public: private.to_public_key(),
                private: Some(Box::new(private)),
            }
        }
        KeyKind::Ec(curve) => {
            use p256::elliptic_curve::sec1::ToEncodedPoint as _;
            let (public, d) = match curve {
                Curve::P256 => {
                    let k = p256::SecretKey::random(&mut OsRng);
                    (
                        k.public_key().to_encoded_point(false).as_bytes().to_vec(),
                        k.to_bytes().to_vec(),
                    )
                }
                Curve::P384 => {
                    let k = p384::SecretKey::random(&mut OsRng);
                    (
                        k.public_key().to_encoded_point(false).as_bytes().to_vec(),
                        k.to_bytes().to_vec(),
                    )
                }
                Curve::Secp256k1 => {
                    let k = k256::SecretKey::random(&mut OsRng);
                    (
                        k.public_key().to_encoded_point(false).as_bytes().to_vec(),
                        k.to_bytes().to_vec(),
                    )
                }
                Curve::P521 => {
                    let k = p521::SecretKey::random(&mut OsRng);
                    (
                        k.public_key().to_encoded_point(false).as_bytes().to_vec(),
                        k.to_bytes().to_vec(),
                    )
                }
            };
            KeyMaterial::Ec {
                curve,
                public,
                private: Some(Zeroizing::new(d)),
            }
        }
        KeyKind::Ed25519 => {
            let k = ed25519_dalek::SigningKey::generate(&mut OsRng);
            KeyMaterial::Ed25519 {
                public: k.verifying_key().to_bytes(),
                private: Some(Zeroizing::new(k.to_bytes())),
            }
        }
        KeyKind::MlDsa(level) => super::keys::ml_dsa_generate(level)?,
        KeyKind::X25519 => {
            let mut d = Zeroizing::new([0u8; 32]);
            OsRng.fill_bytes(d.as_mut_slice());
            super::keys::x25519_from_private(d.as_slice())?
        }
    };
    let format = if matches!(kind, KeyKind::Secret(_)) {
        KeyFormat::SecretBase64Url
    } else {
        KeyFormat::Pkcs8
    };
    Ok(Key::generated(material, format))
}
