//! The cryptographic check of one signature with one key, and what makes a signature impossible
//! whatever the key (its size, zero values, ECDSA malleability).

use super::Text;
use crate::core::alg::{Alg, Family};
use crate::core::keys::Key;
use crate::msg;

/// True when an ES* signature (R||S) has S in the upper half of the group order: the twin (r, n-s)
/// of a valid signature verifies too, so the token string is not unique.
pub fn ecdsa_high_s(alg: Alg, signature: &[u8]) -> bool {
    match alg {
        Alg::ES256 => {
            p256::ecdsa::Signature::from_slice(signature).is_ok_and(|s| s.normalize_s().is_some())
        }
        Alg::ES384 => {
            p384::ecdsa::Signature::from_slice(signature).is_ok_and(|s| s.normalize_s().is_some())
        }
        Alg::ES512 => {
            p521::ecdsa::Signature::from_slice(signature).is_ok_and(|s| s.normalize_s().is_some())
        }
        Alg::ES256K => {
            k256::ecdsa::Signature::from_slice(signature).is_ok_and(|s| s.normalize_s().is_some())
        }
        _ => false,
    }
}

/// Why a signature cannot be valid for `alg` whatever the key (wrong size, empty).
pub fn signature_shape_problem(alg: Alg, signature: &[u8]) -> Option<Text> {
    if signature.is_empty() {
        return Some(msg!("sig-empty", alg = alg.name()));
    }
    match alg.family() {
        Family::Ec(curve) => {
            let want = 2 * curve.field_len();
            if signature.len() != want {
                let key = if signature.first() == Some(&0x30) {
                    "sig-ec-length-der"
                } else {
                    "sig-ec-length"
                };
                return Some(msg!(
                    key,
                    alg = alg.name(),
                    want = want,
                    found = signature.len()
                ));
            }
            let (r, s) = signature.split_at(curve.field_len());
            if r.iter().all(|&b| b == 0) || s.iter().all(|&b| b == 0) {
                return Some(msg!("sig-ec-zero", alg = alg.name()));
            }
            None
        }
        Family::Ed25519 if signature.len() != 64 => {
            Some(msg!("sig-ed-length", found = signature.len()))
        }
        Family::MlDsa(level) if signature.len() != level.signature_len() => Some(msg!(
            "sig-ml-dsa-length",
            alg = alg.name(),
            want = level.signature_len(),
            found = signature.len()
        )),
        _ => None,
    }
}

/// Verifies with one key that fits `alg`.
pub(super) fn verify_with(
    alg: Alg,
    key: &Key,
    message: &[u8],
    signature: &[u8],
) -> Result<bool, String> {
    if alg == Alg::ES512 {
        use signature::Verifier as _;
        let crate::core::keys::KeyMaterial::Ec { public, .. } = &key.material else {
            return Err("not an EC key".into());
        };
        let vk = p521::ecdsa::VerifyingKey::from_sec1_bytes(public)
            .map_err(|_| "bad P-521 public key".to_owned())?;
        let Ok(sig) = p521::ecdsa::Signature::from_slice(signature) else {
            return Ok(false);
        };
        return Ok(vk.verify(message, &sig).is_ok());
    }
    if let crate::core::keys::KeyMaterial::MlDsa { level, public, .. } = &key.material {
        return Ok(crate::core::keys::ml_dsa_verify(
            *level, public, message, signature,
        ));
    }
    if let crate::core::keys::KeyMaterial::Rsa { public, .. } = &key.material
        && !AWS_LC_RSA_BITS.contains(&key.bits())
    {
        return verify_rsa_rustcrypto(alg, public, message, signature);
    }
    match verifier(key, alg) {
        Some(crate::core::keys::Verifier::Hmac(k)) => {
            Ok(aws_lc_rs::hmac::verify(k, message, signature).is_ok())
        }
        Some(crate::core::keys::Verifier::Public(k)) => {
            Ok(k.verify_sig(message, signature).is_ok())
        }
        None => Err("the key could not be prepared for verification".to_owned()),
    }
}

/// The key as aws-lc checks `alg` signatures with it, parsed once per key and algorithm: the same
/// algorithms jsonwebtoken's aws-lc backend uses (fixed-size ECDSA, RSA 2048–8192), without
/// parsing the key again on every check.
fn verifier(key: &Key, alg: Alg) -> Option<&crate::core::keys::Verifier> {
    use crate::core::keys::{KeyMaterial, Verifier};
    use aws_lc_rs::{hmac, signature as sig};
    let slot = Alg::ALL.iter().position(|a| *a == alg)?;
    key.derived.verifiers[slot]
        .get_or_init(|| {
            let public = |algorithm: &'static dyn sig::VerificationAlgorithm, bytes: &[u8]| {
                sig::ParsedPublicKey::new(algorithm, bytes)
                    .ok()
                    .map(Verifier::Public)
            };
            let rsa = || match &key.material {
                KeyMaterial::Rsa { public, .. } => {
                    use rsa::pkcs1::EncodeRsaPublicKey as _;
                    public.to_pkcs1_der().ok().map(|d| d.as_bytes().to_vec())
                }
                _ => None,
            };
            match (alg, &key.material) {
                (_, KeyMaterial::Secret(s)) => {
                    let algorithm = alg.hmac()?;
                    Some(Verifier::Hmac(Box::new(hmac::Key::new(algorithm, s))))
                }
                (Alg::RS256, _) => public(&sig::RSA_PKCS1_2048_8192_SHA256, &rsa()?),
                (Alg::RS384, _) => public(&sig::RSA_PKCS1_2048_8192_SHA384, &rsa()?),
                (Alg::RS512, _) => public(&sig::RSA_PKCS1_2048_8192_SHA512, &rsa()?),
                (Alg::PS256, _) => public(&sig::RSA_PSS_2048_8192_SHA256, &rsa()?),
                (Alg::PS384, _) => public(&sig::RSA_PSS_2048_8192_SHA384, &rsa()?),
                (Alg::PS512, _) => public(&sig::RSA_PSS_2048_8192_SHA512, &rsa()?),
                (Alg::ES256, KeyMaterial::Ec { public: p, .. }) => {
                    public(&sig::ECDSA_P256_SHA256_FIXED, p)
                }
                (Alg::ES384, KeyMaterial::Ec { public: p, .. }) => {
                    public(&sig::ECDSA_P384_SHA384_FIXED, p)
                }
                (Alg::EdDSA | Alg::Ed25519, KeyMaterial::Ed25519 { public: p, .. }) => {
                    public(&sig::ED25519, p.as_slice())
                }
                (Alg::ES256K, KeyMaterial::Ec { public: p, .. }) => {
                    public(&sig::ECDSA_P256K1_SHA256_FIXED, p)
                }
                _ => None,
            }
        })
        .as_ref()
}

/// RSA modulus sizes the aws-lc backend verifies; others go through RustCrypto's `rsa`, so that a
/// valid signature under a 1024- or 16384-bit key is reported as valid (and the key flagged),
/// not as "does not match".
const AWS_LC_RSA_BITS: std::ops::RangeInclusive<usize> = 2048..=8192;

fn verify_rsa_rustcrypto(
    alg: Alg,
    public: &rsa::RsaPublicKey,
    message: &[u8],
    signature: &[u8],
) -> Result<bool, String> {
    use rsa::{Pkcs1v15Sign, Pss};
    use sha2::{Digest as _, Sha256, Sha384, Sha512};
    let result = match alg {
        Alg::RS256 => public.verify(
            Pkcs1v15Sign::new::<Sha256>(),
            &Sha256::digest(message),
            signature,
        ),
        Alg::RS384 => public.verify(
            Pkcs1v15Sign::new::<Sha384>(),
            &Sha384::digest(message),
            signature,
        ),
        Alg::RS512 => public.verify(
            Pkcs1v15Sign::new::<Sha512>(),
            &Sha512::digest(message),
            signature,
        ),
        Alg::PS256 => public.verify(Pss::new::<Sha256>(), &Sha256::digest(message), signature),
        Alg::PS384 => public.verify(Pss::new::<Sha384>(), &Sha384::digest(message), signature),
        Alg::PS512 => public.verify(Pss::new::<Sha512>(), &Sha512::digest(message), signature),
        other => return Err(format!("{other} is not an RSA algorithm")),
    };
    Ok(result.is_ok())
}
