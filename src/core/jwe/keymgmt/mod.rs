//! Key management (RFC 7518 §4, RFC 8037 §3.2): how the content encryption key (CEK) is
//! wrapped for, or agreed with, the recipient. aws-lc does RSA, ECDH, AES-GCM and PBKDF2;
//! RustCrypto's aes-kw does AES key wrap (aws-lc-rs has no 192-bit key wrap).

use aws_lc_rs::aead::{self, Aad, LessSafeKey, Nonce, UnboundKey};
use aws_lc_rs::agreement;
use aws_lc_rs::rsa::{
    OAEP_SHA1_MGF1SHA1, OAEP_SHA256_MGF1SHA256, OAEP_SHA384_MGF1SHA384, OAEP_SHA512_MGF1SHA512,
    OaepAlgorithm, OaepPrivateDecryptingKey, OaepPublicEncryptingKey, Pkcs1PrivateDecryptingKey,
    PrivateDecryptingKey, PublicEncryptingKey,
};
use serde_json::{Map, Value};
use zeroize::Zeroizing;

use super::{Enc, KeyAlg, MAX_P2C};
use crate::core::alg::Curve;
use crate::core::b64;
use crate::core::keys::{Key, KeyMaterial};

mod ecdh;

use ecdh::{ecdh_alg, ecdh_derive, ecdh_z};

/// Why one key did not give a CEK.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unwrap {
    /// The key cannot be used with this algorithm at all (wrong type, size or JWK `alg`).
    Unfit(String),
    /// The key is of the right kind but does not unwrap this CEK.
    Failed(String),
    /// The header breaks a rule of the algorithm (missing epk, p2c over the cap…).
    Header(String),
}

fn random(len: usize) -> Result<Zeroizing<Vec<u8>>, String> {
    let mut bytes = Zeroizing::new(vec![0u8; len]);
    aws_lc_rs::rand::fill(&mut bytes).map_err(|_| "the random generator failed".to_owned())?;
    Ok(bytes)
}

fn oaep(alg: KeyAlg) -> &'static OaepAlgorithm {
    match alg {
        KeyAlg::RsaOaep => &OAEP_SHA1_MGF1SHA1,
        KeyAlg::RsaOaep256 => &OAEP_SHA256_MGF1SHA256,
        KeyAlg::RsaOaep384 => &OAEP_SHA384_MGF1SHA384,
        _ => &OAEP_SHA512_MGF1SHA512,
    }
}

fn rsa_private(key: &Key) -> Result<std::sync::Arc<PrivateDecryptingKey>, Unwrap> {
    use pkcs8::EncodePrivateKey as _;
    let KeyMaterial::Rsa {
        private: Some(private),
        ..
    } = &key.material
    else {
        return Err(Unwrap::Unfit(format!(
            "decrypting needs an RSA private key, not {}",
            key.kind_phrase()
        )));
    };
    key.rsa_decrypting
        .get_or_init(|| {
            let der = private.to_pkcs8_der().ok()?;
            PrivateDecryptingKey::from_pkcs8(der.as_bytes())
                .ok()
                .map(std::sync::Arc::new)
        })
        .clone()
        .ok_or_else(|| {
            Unwrap::Unfit(format!(
                "the RSA key ({} bits) cannot decrypt here (aws-lc takes 2048 to 8192 bits)",
                key.bits()
            ))
        })
}

fn rsa_public(key: &Key) -> Result<PublicEncryptingKey, String> {
    use pkcs8::EncodePublicKey as _;
    let KeyMaterial::Rsa { public, .. } = &key.material else {
        return Err(format!(
            "{} needs an RSA key, not {}",
            "RSA-OAEP",
            key.kind_phrase()
        ));
    };
    let der = public.to_public_key_der().map_err(|e| e.to_string())?;
    PublicEncryptingKey::from_der(der.as_bytes()).map_err(|e| e.to_string())
}

fn secret(key: &Key, alg: KeyAlg, want: Option<usize>) -> Result<&[u8], Unwrap> {
    let Some(bytes) = key.secret_bytes() else {
        return Err(Unwrap::Unfit(format!(
            "{} needs a shared secret, not {}",
            alg.name(),
            key.kind_phrase()
        )));
    };
    match want {
        Some(n) if bytes.len() != n => Err(Unwrap::Unfit(format!(
            "{} needs a {n}-byte key, this one has {} bytes",
            alg.name(),
            bytes.len()
        ))),
        _ => Ok(bytes),
    }
}

fn aes_kw_unwrap(kek: &[u8], wrapped: &[u8]) -> Result<Zeroizing<Vec<u8>>, String> {
    use aes_kw::{KekAes128, KekAes192, KekAes256};
    let fail = |_| {
        "the key does not unwrap the content key (AES key wrap integrity check fails)".to_owned()
    };
    let out = match kek.len() {
        16 => KekAes128::new(kek.into())
            .unwrap_vec(wrapped)
            .map_err(fail)?,
        24 => KekAes192::new(kek.into())
            .unwrap_vec(wrapped)
            .map_err(fail)?,
        32 => KekAes256::new(kek.into())
            .unwrap_vec(wrapped)
            .map_err(fail)?,
        n => {
            return Err(format!(
                "an AES key wrap key is 16, 24 or 32 bytes, not {n}"
            ));
        }
    };
    Ok(Zeroizing::new(out))
}

fn aes_kw_wrap(kek: &[u8], cek: &[u8]) -> Result<Vec<u8>, String> {
    use aes_kw::{KekAes128, KekAes192, KekAes256};
    let fail = |e: aes_kw::Error| format!("AES key wrap failed: {e}");
    match kek.len() {
        16 => KekAes128::new(kek.into()).wrap_vec(cek).map_err(fail),
        24 => KekAes192::new(kek.into()).wrap_vec(cek).map_err(fail),
        32 => KekAes256::new(kek.into()).wrap_vec(cek).map_err(fail),
        n => Err(format!(
            "an AES key wrap key is 16, 24 or 32 bytes, not {n}"
        )),
    }
}

fn gcm(kek: &[u8]) -> Result<LessSafeKey, String> {
    let alg = match kek.len() {
        16 => &aead::AES_128_GCM,
        24 => &aead::AES_192_GCM,
        _ => &aead::AES_256_GCM,
    };
    Ok(LessSafeKey::new(
        UnboundKey::new(alg, kek).map_err(|_| "bad AES-GCM key".to_owned())?,
    ))
}

/// A base64url header member as bytes.
fn header_bytes(header: &Map<String, Value>, name: &str) -> Result<Option<Vec<u8>>, Unwrap> {
    match header.get(name) {
        None => Ok(None),
        Some(Value::String(s)) => b64::decode(s)
            .map(|d| Some(d.bytes))
            .map_err(|e| Unwrap::Header(format!("header \"{name}\" is not base64url: {e}"))),
        Some(_) => Err(Unwrap::Header(format!(
            "header \"{name}\" must be a string"
        ))),
    }
}

/// The PBES2 iteration count, checked against the cap.
pub fn p2c(header: &Map<String, Value>) -> Result<u32, Unwrap> {
    let n = header
        .get("p2c")
        .and_then(Value::as_u64)
        .ok_or_else(|| Unwrap::Header("PBES2 needs \"p2c\", a positive integer".into()))?;
    if n == 0 {
        return Err(Unwrap::Header("\"p2c\" must be at least 1".into()));
    }
    if n > u64::from(MAX_P2C) {
        return Err(Unwrap::Header(format!(
            "\"p2c\" is {n}, over the cap of {MAX_P2C} iterations: such a count only costs the recipient time (a denial of service), so it is not run"
        )));
    }
    Ok(n as u32)
}

fn pbes2_kek(alg: KeyAlg, password: &[u8], p2s: &[u8], count: u32) -> Zeroizing<Vec<u8>> {
    let (prf, len) = match alg {
        KeyAlg::Pbes2Hs256A128Kw => (aws_lc_rs::pbkdf2::PBKDF2_HMAC_SHA256, 16),
        KeyAlg::Pbes2Hs384A192Kw => (aws_lc_rs::pbkdf2::PBKDF2_HMAC_SHA384, 24),
        _ => (aws_lc_rs::pbkdf2::PBKDF2_HMAC_SHA512, 32),
    };
    // Salt = UTF8(alg) || 0x00 || p2s (RFC 7518 §4.8.1.1).
    let mut salt = alg.name().as_bytes().to_vec();
    salt.push(0);
    salt.extend_from_slice(p2s);
    let mut kek = Zeroizing::new(vec![0u8; len]);
    let count = std::num::NonZeroU32::new(count).unwrap_or(std::num::NonZeroU32::MIN);
    aws_lc_rs::pbkdf2::derive(prf, count, &salt, password, &mut kek);
    kek
}

/// Whether a JWK's own `alg` allows this use: the same key management alg, or for `dir` the
/// content encryption it names (RFC 7520 §5.6 keys say "A128GCM").
fn jwk_alg_fits(key: &Key, alg: KeyAlg, enc: Enc) -> Result<(), Unwrap> {
    match key.jwk_alg.as_deref() {
        None => Ok(()),
        Some(a) if a == alg.name() => Ok(()),
        Some(a) if alg == KeyAlg::Dir && a == enc.name() => Ok(()),
        Some(a) => Err(Unwrap::Unfit(format!(
            "the JWK is for alg {a}, not {}",
            alg.name()
        ))),
    }
}

/// Recovers the CEK from the encrypted key with one key.
pub fn unwrap(
    alg: KeyAlg,
    enc: Enc,
    header: &Map<String, Value>,
    encrypted_key: &[u8],
    key: &Key,
) -> Result<Zeroizing<Vec<u8>>, Unwrap> {
    jwk_alg_fits(key, alg, enc)?;
    let direct_has_key = || {
        Unwrap::Header(format!(
            "{} uses no encrypted key, but this token has {} bytes there",
            alg.name(),
            encrypted_key.len()
        ))
    };
    match alg {
        KeyAlg::Rsa1_5 => {
            let private = rsa_private(key)?;
            // Bleichenbacher countermeasure (RFC 7516 §11.5): on any failure go on with a random
            // CEK of the right length, so that only the content's tag fails, like a wrong key.
            let mut cek = random(enc.key_len()).map_err(Unwrap::Failed)?;
            let decrypting = Pkcs1PrivateDecryptingKey::new((*private).clone())
                .map_err(|_| Unwrap::Unfit("the RSA key cannot decrypt".into()))?;
            let mut out = Zeroizing::new(vec![0u8; decrypting.min_output_size()]);
            if let Ok(plain) = decrypting.decrypt(encrypted_key, &mut out)
                && plain.len() == enc.key_len()
            {
                cek.copy_from_slice(plain);
            }
            Ok(cek)
        }
        KeyAlg::RsaOaep | KeyAlg::RsaOaep256 | KeyAlg::RsaOaep384 | KeyAlg::RsaOaep512 => {
            let private = OaepPrivateDecryptingKey::new((*rsa_private(key)?).clone())
                .map_err(|_| Unwrap::Unfit("the RSA key cannot decrypt".into()))?;
            let mut out = Zeroizing::new(vec![0u8; private.min_output_size()]);
            let plain = private
                .decrypt(oaep(alg), encrypted_key, &mut out, None)
                .map_err(|_| {
                    Unwrap::Failed(format!(
                        "the RSA key does not decrypt the content key ({} fails)",
                        alg.name()
                    ))
                })?;
            Ok(Zeroizing::new(plain.to_vec()))
        }
        KeyAlg::A128Kw | KeyAlg::A192Kw | KeyAlg::A256Kw => {
            let kek = secret(key, alg, alg.wrap_len())?;
            aes_kw_unwrap(kek, encrypted_key).map_err(Unwrap::Failed)
        }
        KeyAlg::Dir => {
            let cek = secret(key, alg, Some(enc.key_len()))?;
            if !encrypted_key.is_empty() {
                return Err(direct_has_key());
            }
            Ok(Zeroizing::new(cek.to_vec()))
        }
        KeyAlg::EcdhEs | KeyAlg::EcdhEsA128Kw | KeyAlg::EcdhEsA192Kw | KeyAlg::EcdhEsA256Kw => {
            let z = ecdh_z(key, header)?;
            let derived = ecdh_derive(alg, enc, &z, header)?;
            if alg == KeyAlg::EcdhEs {
                if !encrypted_key.is_empty() {
                    return Err(direct_has_key());
                }
                return Ok(derived);
            }
            aes_kw_unwrap(&derived, encrypted_key).map_err(Unwrap::Failed)
        }
        KeyAlg::A128GcmKw | KeyAlg::A192GcmKw | KeyAlg::A256GcmKw => {
            let kek = secret(key, alg, alg.wrap_len())?;
            let iv = header_bytes(header, "iv")?.ok_or_else(|| {
                Unwrap::Header(format!("{} needs \"iv\" in the header", alg.name()))
            })?;
            let tag = header_bytes(header, "tag")?.ok_or_else(|| {
                Unwrap::Header(format!("{} needs \"tag\" in the header", alg.name()))
            })?;
            if iv.len() != 12 || tag.len() != 16 {
                return Err(Unwrap::Header(format!(
                    "{} needs a 12-byte \"iv\" and a 16-byte \"tag\", found {} and {}",
                    alg.name(),
                    iv.len(),
                    tag.len()
                )));
            }
            let cipher = gcm(kek).map_err(Unwrap::Unfit)?;
            let nonce = Nonce::try_assume_unique_for_key(&iv)
                .map_err(|_| Unwrap::Header("bad \"iv\"".into()))?;
            let mut in_out = Zeroizing::new(encrypted_key.to_vec());
            in_out.extend_from_slice(&tag);
            let n = cipher
                .open_in_place(nonce, Aad::empty(), &mut in_out)
                .map_err(|_| {
                    Unwrap::Failed(
                        "the key does not unwrap the content key (the AES-GCM key wrap tag fails)"
                            .into(),
                    )
                })?
                .len();
            in_out.truncate(n);
            Ok(in_out)
        }
        KeyAlg::Pbes2Hs256A128Kw | KeyAlg::Pbes2Hs384A192Kw | KeyAlg::Pbes2Hs512A256Kw => {
            let password = secret(key, alg, None)?;
            let count = p2c(header)?;
            let p2s = header_bytes(header, "p2s")?
                .ok_or_else(|| Unwrap::Header("PBES2 needs \"p2s\", the salt".into()))?;
            let kek = pbes2_kek(alg, password, &p2s, count);
            aes_kw_unwrap(&kek, encrypted_key).map_err(|_| {
                Unwrap::Failed(
                    "the password does not unwrap the content key (AES key wrap integrity check fails)"
                        .into(),
                )
            })
        }
    }
}

/// Why a content key could not be wrapped for a key.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct WrapError(pub String);

impl From<String> for WrapError {
    fn from(why: String) -> Self {
        Self(why)
    }
}

impl From<&str> for WrapError {
    fn from(why: &str) -> Self {
        Self(why.to_owned())
    }
}

/// What the sender's side produces: the CEK, the encrypted key and header members to add.
pub struct Wrapped {
    pub cek: Zeroizing<Vec<u8>>,
    pub encrypted_key: Vec<u8>,
    pub header: Map<String, Value>,
}

/// Picks a CEK (or agrees on one) and wraps it for `key`. `header` holds the user's members
/// (for PBES2 a `p2c` of their choosing, for ECDH-ES `apu`/`apv`).
pub fn wrap(
    alg: KeyAlg,
    enc: Enc,
    header: &Map<String, Value>,
    key: &Key,
) -> Result<Wrapped, WrapError> {
    let mut added = Map::new();
    let unfit = |e: Unwrap| match e {
        Unwrap::Unfit(m) | Unwrap::Failed(m) | Unwrap::Header(m) => m,
    };
    jwk_alg_fits(key, alg, enc).map_err(unfit)?;
    let fresh = || random(enc.key_len());
    let (cek, encrypted_key) = match alg {
        KeyAlg::Rsa1_5 => {
            return Err(
                "RSA1_5 is only decrypted here, never used to encrypt: its padding is open to Bleichenbacher's attack (RFC 8725 §3.2); use RSA-OAEP-256".into(),
            );
        }
        KeyAlg::RsaOaep | KeyAlg::RsaOaep256 | KeyAlg::RsaOaep384 | KeyAlg::RsaOaep512 => {
            let public = OaepPublicEncryptingKey::new(rsa_public(key)?)
                .map_err(|_| "the RSA key cannot encrypt".to_owned())?;
            let cek = fresh()?;
            let mut out = vec![0u8; public.ciphertext_size()];
            let n = public
                .encrypt(oaep(alg), &cek, &mut out, None)
                .map_err(|_| format!("{} encryption failed", alg.name()))?
                .len();
            out.truncate(n);
            (cek, out)
        }
        KeyAlg::A128Kw | KeyAlg::A192Kw | KeyAlg::A256Kw => {
            let kek = secret(key, alg, alg.wrap_len()).map_err(unfit)?;
            let cek = fresh()?;
            let wrapped = aes_kw_wrap(kek, &cek)?;
            (cek, wrapped)
        }
        KeyAlg::Dir => {
            let cek = secret(key, alg, Some(enc.key_len())).map_err(unfit)?;
            (Zeroizing::new(cek.to_vec()), Vec::new())
        }
        KeyAlg::EcdhEs | KeyAlg::EcdhEsA128Kw | KeyAlg::EcdhEsA192Kw | KeyAlg::EcdhEsA256Kw => {
            let (curve, peer): (Option<Curve>, Vec<u8>) = match &key.material {
                KeyMaterial::Ec { curve, public, .. } if *curve != Curve::Secp256k1 => {
                    (Some(*curve), public.clone())
                }
                KeyMaterial::X25519 { public, .. } => (None, public.to_vec()),
                _ => {
                    return Err(format!(
                        "ECDH-ES needs the recipient's P-256, P-384, P-521 or X25519 public key, not {}",
                        key.kind_phrase()
                    )
                    .into());
                }
            };
            let agreement_alg = ecdh_alg(curve);
            let ephemeral = agreement::PrivateKey::generate(agreement_alg)
                .map_err(|_| "cannot make an ephemeral key".to_owned())?;
            let epk = ephemeral
                .compute_public_key()
                .map_err(|_| "cannot make an ephemeral key".to_owned())?;
            let epk = epk.as_ref();
            let mut epk_jwk = Map::new();
            match curve {
                Some(curve) => {
                    let n = curve.field_len();
                    epk_jwk.insert("kty".into(), "EC".into());
                    epk_jwk.insert("crv".into(), curve.name().into());
                    epk_jwk.insert("x".into(), b64::encode(&epk[1..=n]).into());
                    epk_jwk.insert("y".into(), b64::encode(&epk[n + 1..]).into());
                }
                None => {
                    epk_jwk.insert("kty".into(), "OKP".into());
                    epk_jwk.insert("crv".into(), "X25519".into());
                    epk_jwk.insert("x".into(), b64::encode(epk).into());
                }
            }
            added.insert("epk".into(), Value::Object(epk_jwk));
            let z = agreement::agree(
                &ephemeral,
                agreement::UnparsedPublicKey::new(agreement_alg, &peer),
                "the recipient's public key is not a valid point".to_owned(),
                |z| Ok(Zeroizing::new(z.to_vec())),
            )?;
            let derived = ecdh_derive(alg, enc, &z, header).map_err(unfit)?;
            if alg == KeyAlg::EcdhEs {
                (derived, Vec::new())
            } else {
                let cek = fresh()?;
                let wrapped = aes_kw_wrap(&derived, &cek)?;
                (cek, wrapped)
            }
        }
        KeyAlg::A128GcmKw | KeyAlg::A192GcmKw | KeyAlg::A256GcmKw => {
            let kek = secret(key, alg, alg.wrap_len()).map_err(unfit)?;
            let cek = fresh()?;
            let iv = random(12)?;
            let cipher = gcm(kek)?;
            let nonce = Nonce::try_assume_unique_for_key(&iv).map_err(|_| "bad IV".to_owned())?;
            let mut wrapped = cek.to_vec();
            let tag = cipher
                .seal_in_place_separate_tag(nonce, Aad::empty(), &mut wrapped)
                .map_err(|_| "AES-GCM key wrap failed".to_owned())?;
            added.insert("iv".into(), b64::encode(iv.as_slice()).into());
            added.insert("tag".into(), b64::encode(tag.as_ref()).into());
            (cek, wrapped)
        }
        KeyAlg::Pbes2Hs256A128Kw | KeyAlg::Pbes2Hs384A192Kw | KeyAlg::Pbes2Hs512A256Kw => {
            let password = secret(key, alg, None).map_err(unfit)?;
            let count = if header.contains_key("p2c") {
                p2c(header).map_err(unfit)?
            } else {
                super::DEFAULT_P2C
            };
            let p2s = random(16)?;
            let kek = pbes2_kek(alg, password, &p2s, count);
            let cek = fresh()?;
            let wrapped = aes_kw_wrap(&kek, &cek)?;
            added.insert("p2s".into(), b64::encode(p2s.as_slice()).into());
            added.insert("p2c".into(), count.into());
            (cek, wrapped)
        }
    };
    Ok(Wrapped {
        cek,
        encrypted_key,
        header: added,
    })
}

#[cfg(test)]
mod tests {
    use super::ecdh::concat_kdf;
    use super::*;

    /// RFC 7518 Appendix C: ECDH-ES with P-256, A128GCM, apu "Alice", apv "Bob".
    #[test]
    fn rfc7518_appendix_c_concat_kdf() {
        let z = [
            158, 86, 217, 29, 129, 113, 53, 211, 114, 131, 66, 131, 191, 132, 38, 156, 251, 49,
            110, 163, 218, 128, 106, 72, 246, 218, 167, 121, 140, 254, 144, 196,
        ];
        let key = concat_kdf(&z, "A128GCM", b"Alice", b"Bob", 16);
        assert_eq!(b64::encode(key.as_slice()), "VqqN6vgjbSBcIijNcacQGg");
    }
}
