//! ML-DSA keys (FIPS 204, as JOSE `AKP` keys per draft-ietf-cose-dilithium and as PKCS#8/SPKI
//! per RFC 9881) and X25519 keys (RFC 7748, `OKP`/`X25519` in JOSE per RFC 8037), with aws-lc
//! doing the mathematics.

use crate::msg;
use aws_lc_rs::signature::{
    self as lc, KeyPair as _, PqdsaKeyPair, PqdsaSigningAlgorithm, PqdsaVerificationAlgorithm,
};
use pkcs8::der::{Encode as _, asn1::ObjectIdentifier};
use zeroize::Zeroizing;

use super::{KeyError, KeyMaterial, invalid};
use crate::core::alg::MlDsaLevel;

/// id-ml-dsa-44/65/87: 2.16.840.1.101.3.4.3.17, .18, .19.
pub const OID_ML_DSA_44: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.3.17");
pub const OID_ML_DSA_65: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.3.18");
pub const OID_ML_DSA_87: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.3.19");
/// id-X25519 (RFC 8410).
pub const OID_X25519: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.101.110");

pub fn ml_dsa_oid(level: MlDsaLevel) -> ObjectIdentifier {
    match level {
        MlDsaLevel::L44 => OID_ML_DSA_44,
        MlDsaLevel::L65 => OID_ML_DSA_65,
        MlDsaLevel::L87 => OID_ML_DSA_87,
    }
}

pub fn ml_dsa_level(oid: ObjectIdentifier) -> Option<MlDsaLevel> {
    MlDsaLevel::ALL.into_iter().find(|l| ml_dsa_oid(*l) == oid)
}

fn signing_alg(level: MlDsaLevel) -> &'static PqdsaSigningAlgorithm {
    match level {
        MlDsaLevel::L44 => &lc::ML_DSA_44_SIGNING,
        MlDsaLevel::L65 => &lc::ML_DSA_65_SIGNING,
        MlDsaLevel::L87 => &lc::ML_DSA_87_SIGNING,
    }
}

fn verification_alg(level: MlDsaLevel) -> &'static PqdsaVerificationAlgorithm {
    match level {
        MlDsaLevel::L44 => &lc::ML_DSA_44,
        MlDsaLevel::L65 => &lc::ML_DSA_65,
        MlDsaLevel::L87 => &lc::ML_DSA_87,
    }
}

/// The private key from its 32-byte seed ξ (FIPS 204 ML-DSA.KeyGen_internal), public key derived.
pub fn ml_dsa_from_seed(level: MlDsaLevel, seed: &[u8]) -> Result<KeyMaterial, KeyError> {
    let seed: [u8; 32] = seed.try_into().map_err(|_| {
        invalid(msg!(
            "kerr-akp-seed-length",
            name = level.name(),
            len = seed.len()
        ))
    })?;
    let pair = PqdsaKeyPair::from_seed(signing_alg(level), &seed).map_err(|e| {
        invalid(msg!(
            "kerr-akp-private",
            name = level.name(),
            e = e.to_string()
        ))
    })?;
    Ok(KeyMaterial::MlDsa {
        level,
        public: pair.public_key().as_ref().to_vec(),
        seed: Some(Zeroizing::new(seed)),
    })
}

/// A public key in its FIPS 204 encoding (pkEncode), checked for its length.
pub fn ml_dsa_public(level: MlDsaLevel, public: &[u8]) -> Result<KeyMaterial, KeyError> {
    if public.len() != level.public_len() {
        return Err(invalid(msg!(
            "kerr-akp-public-length",
            name = level.name(),
            want = level.public_len(),
            len = public.len()
        )));
    }
    Ok(KeyMaterial::MlDsa {
        level,
        public: public.to_vec(),
        seed: None,
    })
}

/// A fresh key pair from the operating system's randomness.
pub fn ml_dsa_generate(level: MlDsaLevel) -> Result<KeyMaterial, KeyError> {
    let mut seed = Zeroizing::new([0u8; 32]);
    aws_lc_rs::rand::fill(seed.as_mut_slice()).map_err(|_| invalid(msg!("kerr-akp-1")))?;
    ml_dsa_from_seed(level, seed.as_slice())
}

/// Why an ML-DSA signature could not be made (aws-lc's reason).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct MlDsaSignError(pub String);

/// Signs `message` (the JWS signing input) with an empty context string, hedged (FIPS 204
/// ML-DSA.Sign with fresh randomness).
pub fn ml_dsa_sign(
    level: MlDsaLevel,
    seed: &[u8; 32],
    message: &[u8],
) -> Result<Vec<u8>, MlDsaSignError> {
    let pair = PqdsaKeyPair::from_seed(signing_alg(level), seed)
        .map_err(|e| MlDsaSignError(e.to_string()))?;
    let mut signature = vec![0u8; level.signature_len()];
    let n = pair
        .sign(message, &mut signature)
        .map_err(|_| MlDsaSignError(format!("{} signing failed", level.name())))?;
    signature.truncate(n);
    Ok(signature)
}

/// FIPS 204 ML-DSA.Verify with an empty context string.
pub fn ml_dsa_verify(level: MlDsaLevel, public: &[u8], message: &[u8], signature: &[u8]) -> bool {
    signature.len() == level.signature_len()
        && lc::UnparsedPublicKey::new(verification_alg(level), public)
            .verify(message, signature)
            .is_ok()
}

/// The seed out of a PKCS#8 ML-DSA privateKey (RFC 9881 §6): the seed-only form `[0] OCTET
/// STRING`, or the form with both seed and expanded key. The expanded-only form carries no seed.
pub fn ml_dsa_seed_from_pkcs8(level: MlDsaLevel, octets: &[u8]) -> Result<[u8; 32], KeyError> {
    let name = level.name();
    match octets {
        [0x80, 0x20, seed @ ..] if seed.len() == 32 => Ok(seed.try_into().unwrap_or([0; 32])),
        // SEQUENCE { seed OCTET STRING (32), expandedKey OCTET STRING }
        [0x30, ..] => {
            let inner = sequence_body(octets)
                .ok_or_else(|| invalid(msg!("kerr-akp-2", name = name.to_string())))?;
            match inner {
                [0x04, 0x20, rest @ ..] if rest.len() >= 32 => {
                    Ok(rest[..32].try_into().unwrap_or([0; 32]))
                }
                _ => Err(invalid(msg!("kerr-akp-3", name = name.to_string()))),
            }
        }
        [0x04, ..] => Err(invalid(msg!("kerr-akp-4", name = name.to_string()))),
        _ => Err(invalid(msg!("kerr-akp-5", name = name.to_string()))),
    }
}

/// The contents of a DER SEQUENCE with a definite length.
fn sequence_body(der: &[u8]) -> Option<&[u8]> {
    let (&len_byte, rest) = der.get(1..)?.split_first()?;
    let (len, body) = match len_byte {
        n if n < 0x80 => (n as usize, rest),
        0x81 => (*rest.first()? as usize, rest.get(1..)?),
        0x82 => (
            u16::from_be_bytes([*rest.first()?, *rest.get(1)?]) as usize,
            rest.get(2..)?,
        ),
        _ => return None,
    };
    body.get(..len)
}

/// The seed-only PKCS#8 privateKey octets: `[0] IMPLICIT OCTET STRING (SIZE (32))`.
pub fn ml_dsa_pkcs8_private(seed: &[u8; 32]) -> Zeroizing<Vec<u8>> {
    let mut out = Zeroizing::new(Vec::with_capacity(34));
    out.extend_from_slice(&[0x80, 0x20]);
    out.extend_from_slice(seed);
    out
}

/// An X25519 private key from its 32 bytes, public key derived.
pub fn x25519_from_private(d: &[u8]) -> Result<KeyMaterial, KeyError> {
    let d: [u8; 32] = d.try_into().map_err(|_| invalid(msg!("kerr-akp-6")))?;
    let private =
        aws_lc_rs::agreement::PrivateKey::from_private_key(&aws_lc_rs::agreement::X25519, &d)
            .map_err(|_| invalid(msg!("kerr-akp-7")))?;
    let public = private
        .compute_public_key()
        .map_err(|_| invalid(msg!("kerr-akp-8")))?;
    let public: [u8; 32] = public
        .as_ref()
        .try_into()
        .map_err(|_| invalid(msg!("kerr-akp-9")))?;
    Ok(KeyMaterial::X25519 {
        public,
        private: Some(Zeroizing::new(d)),
    })
}

/// A SubjectPublicKeyInfo with absent parameters (ML-DSA, X25519).
pub fn spki_der(oid: ObjectIdentifier, public: &[u8]) -> Result<Vec<u8>, KeyError> {
    let info = spki::SubjectPublicKeyInfoRef {
        algorithm: spki::AlgorithmIdentifierRef {
            oid,
            parameters: None,
        },
        subject_public_key: pkcs8::der::asn1::BitStringRef::from_bytes(public)
            .map_err(|e| invalid(e.to_string().into()))?,
    };
    info.to_der().map_err(|e| invalid(e.to_string().into()))
}

/// A PKCS#8 v1 PrivateKeyInfo with absent parameters around `private_key` octets.
pub fn pkcs8_der(
    oid: ObjectIdentifier,
    private_key: &[u8],
) -> Result<Zeroizing<Vec<u8>>, KeyError> {
    let info = pkcs8::PrivateKeyInfo {
        algorithm: spki::AlgorithmIdentifierRef {
            oid,
            parameters: None,
        },
        private_key,
        public_key: None,
    };
    Ok(Zeroizing::new(
        info.to_der().map_err(|e| invalid(e.to_string().into()))?,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_seed_signs_and_its_public_key_verifies_at_every_level() {
        for level in MlDsaLevel::ALL {
            let KeyMaterial::MlDsa { public, seed, .. } =
                ml_dsa_from_seed(level, &[7u8; 32]).unwrap()
            else {
                panic!("not ML-DSA")
            };
            assert_eq!(public.len(), level.public_len());
            let seed = seed.unwrap();
            let sig = ml_dsa_sign(level, &seed, b"header.payload").unwrap();
            assert_eq!(sig.len(), level.signature_len());
            assert!(ml_dsa_verify(level, &public, b"header.payload", &sig));
            assert!(!ml_dsa_verify(level, &public, b"header.payloaD", &sig));
        }
    }

    #[test]
    fn every_pkcs8_private_key_form_is_read_or_refused_by_name() {
        let seed = [9u8; 32];
        assert_eq!(
            ml_dsa_seed_from_pkcs8(MlDsaLevel::L44, &ml_dsa_pkcs8_private(&seed)).unwrap(),
            seed
        );
        let mut both = vec![0x30, 0x82, 0x00, 0x26, 0x04, 0x20];
        both.extend_from_slice(&seed);
        both.extend_from_slice(&[0x04, 0x02, 1, 2]);
        assert_eq!(
            ml_dsa_seed_from_pkcs8(MlDsaLevel::L44, &both).unwrap(),
            seed
        );
        let expanded = [0x04, 0x82, 0x0a, 0x00];
        let e = ml_dsa_seed_from_pkcs8(MlDsaLevel::L44, &expanded).unwrap_err();
        assert!(e.to_string().contains("expanded"), "{e}");
    }
}
