//! Content encryption (RFC 7518 §5): AES-CBC with HMAC-SHA2 and AES-GCM, from aws-lc.

use aws_lc_rs::aead::{self, Aad, LessSafeKey, Nonce, UnboundKey};
use aws_lc_rs::cipher::{
    self, DecryptionContext, EncryptionContext, PaddedBlockDecryptingKey, PaddedBlockEncryptingKey,
    UnboundCipherKey,
};
use aws_lc_rs::hmac;
use aws_lc_rs::iv::FixedLength;
use zeroize::Zeroizing;

use super::Enc;

/// Why content decryption failed. Never carries key or plaintext bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ContentError {
    /// The CEK has the wrong length for `enc`.
    KeyLength { want: usize, found: usize },
    /// The IV or tag has the wrong length.
    Shape(String),
    /// The authentication tag does not match: wrong key, or the token was changed.
    Tag,
    /// The tag matched but the padding is wrong (CBC); cannot happen for honest senders.
    Padding,
    /// Encrypting failed (the random generator, a key aws-lc refused).
    Crypto(String),
}

impl std::fmt::Display for ContentError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::KeyLength { want, found } => write!(
                f,
                "the content key is {found} bytes, but the encryption needs {want}"
            ),
            Self::Shape(what) => f.write_str(what),
            Self::Tag => f.write_str(
                "the authentication tag does not match: the key is wrong or the token was changed",
            ),
            Self::Padding => f.write_str("the decrypted content has broken padding"),
            Self::Crypto(what) => f.write_str(what),
        }
    }
}

/// Bytes of the IV each `enc` uses.
pub fn iv_len(enc: Enc) -> usize {
    if enc.is_gcm() { 12 } else { 16 }
}

fn gcm_alg(enc: Enc) -> &'static aead::Algorithm {
    match enc {
        Enc::A128Gcm => &aead::AES_128_GCM,
        Enc::A192Gcm => &aead::AES_192_GCM,
        _ => &aead::AES_256_GCM,
    }
}

fn cbc_parts(enc: Enc) -> (&'static cipher::Algorithm, hmac::Algorithm) {
    match enc {
        Enc::A128CbcHs256 => (&cipher::AES_128, hmac::HMAC_SHA256),
        Enc::A192CbcHs384 => (&cipher::AES_192, hmac::HMAC_SHA384),
        _ => (&cipher::AES_256, hmac::HMAC_SHA512),
    }
}

/// The CBC-HMAC tag (RFC 7518 §5.2.2.1): the first half of HMAC(MAC_KEY, A || IV || E || AL).
fn cbc_tag(enc: Enc, mac_key: &[u8], aad: &[u8], iv: &[u8], ciphertext: &[u8]) -> Vec<u8> {
    let (_, mac) = cbc_parts(enc);
    let key = hmac::Key::new(mac, mac_key);
    let mut ctx = hmac::Context::with_key(&key);
    ctx.update(aad);
    ctx.update(iv);
    ctx.update(ciphertext);
    ctx.update(&((aad.len() as u64) * 8).to_be_bytes());
    let full = ctx.sign();
    full.as_ref()[..enc.key_len() / 2].to_vec()
}

/// Checks the tag, then decrypts. No plaintext exists unless the tag matched.
pub fn decrypt(
    enc: Enc,
    cek: &[u8],
    iv: &[u8],
    aad: &[u8],
    ciphertext: &[u8],
    tag: &[u8],
) -> Result<Zeroizing<Vec<u8>>, ContentError> {
    if cek.len() != enc.key_len() {
        return Err(ContentError::KeyLength {
            want: enc.key_len(),
            found: cek.len(),
        });
    }
    if iv.len() != iv_len(enc) {
        return Err(ContentError::Shape(format!(
            "the IV is {} bytes, but {} uses {}",
            iv.len(),
            enc.name(),
            iv_len(enc)
        )));
    }
    if enc.is_gcm() {
        if tag.len() != 16 {
            return Err(ContentError::Shape(format!(
                "the authentication tag is {} bytes, but {} uses 16",
                tag.len(),
                enc.name()
            )));
        }
        let key =
            LessSafeKey::new(UnboundKey::new(gcm_alg(enc), cek).map_err(|_| ContentError::Tag)?);
        let nonce = Nonce::try_assume_unique_for_key(iv).map_err(|_| ContentError::Tag)?;
        let mut in_out = Zeroizing::new(Vec::with_capacity(ciphertext.len() + 16));
        in_out.extend_from_slice(ciphertext);
        in_out.extend_from_slice(tag);
        let n = key
            .open_in_place(nonce, Aad::from(aad), &mut in_out)
            .map_err(|_| ContentError::Tag)?
            .len();
        in_out.truncate(n);
        return Ok(in_out);
    }
    let half = enc.key_len() / 2;
    let (mac_key, enc_key) = cek.split_at(half);
    if tag.len() != half {
        return Err(ContentError::Shape(format!(
            "the authentication tag is {} bytes, but {} uses {half}",
            tag.len(),
            enc.name()
        )));
    }
    let expected = cbc_tag(enc, mac_key, aad, iv, ciphertext);
    aws_lc_rs::constant_time::verify_slices_are_equal(&expected, tag)
        .map_err(|_| ContentError::Tag)?;
    let (alg, _) = cbc_parts(enc);
    let key = PaddedBlockDecryptingKey::cbc_pkcs7(
        UnboundCipherKey::new(alg, enc_key).map_err(|_| ContentError::Padding)?,
    )
    .map_err(|_| ContentError::Padding)?;
    let iv: [u8; 16] = iv.try_into().map_err(|_| ContentError::Padding)?;
    let mut in_out = Zeroizing::new(ciphertext.to_vec());
    let n = key
        .decrypt(&mut in_out, DecryptionContext::Iv128(FixedLength::from(iv)))
        .map_err(|_| ContentError::Padding)?
        .len();
    in_out.truncate(n);
    Ok(in_out)
}

/// The three parts content encryption adds to a token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sealed {
    pub iv: Vec<u8>,
    pub ciphertext: Vec<u8>,
    pub tag: Vec<u8>,
}

/// Encrypts with a fresh random IV.
pub fn encrypt(enc: Enc, cek: &[u8], aad: &[u8], plaintext: &[u8]) -> Result<Sealed, ContentError> {
    if cek.len() != enc.key_len() {
        return Err(ContentError::KeyLength {
            want: enc.key_len(),
            found: cek.len(),
        });
    }
    let mut iv = vec![0u8; iv_len(enc)];
    aws_lc_rs::rand::fill(&mut iv)
        .map_err(|_| ContentError::Crypto("the random generator failed".into()))?;
    if enc.is_gcm() {
        let key = LessSafeKey::new(
            UnboundKey::new(gcm_alg(enc), cek)
                .map_err(|_| ContentError::Crypto("bad content key".into()))?,
        );
        let nonce = Nonce::try_assume_unique_for_key(&iv)
            .map_err(|_| ContentError::Crypto("bad IV".into()))?;
        let mut in_out = plaintext.to_vec();
        let tag = key
            .seal_in_place_separate_tag(nonce, Aad::from(aad), &mut in_out)
            .map_err(|_| ContentError::Crypto("encryption failed".into()))?;
        return Ok(Sealed {
            iv,
            ciphertext: in_out,
            tag: tag.as_ref().to_vec(),
        });
    }
    let half = enc.key_len() / 2;
    let (mac_key, enc_key) = cek.split_at(half);
    let (alg, _) = cbc_parts(enc);
    let key = PaddedBlockEncryptingKey::cbc_pkcs7(
        UnboundCipherKey::new(alg, enc_key)
            .map_err(|_| ContentError::Crypto("bad content key".into()))?,
    )
    .map_err(|_| ContentError::Crypto("bad content key".into()))?;
    let iv16: [u8; 16] = iv
        .as_slice()
        .try_into()
        .map_err(|_| ContentError::Crypto("bad IV".into()))?;
    let mut in_out = plaintext.to_vec();
    key.less_safe_encrypt(
        &mut in_out,
        EncryptionContext::Iv128(FixedLength::from(iv16)),
    )
    .map_err(|_| ContentError::Crypto("encryption failed".into()))?;
    let tag = cbc_tag(enc, mac_key, aad, &iv, &in_out);
    Ok(Sealed {
        iv,
        ciphertext: in_out,
        tag,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 7518 Appendix B.1: AES_128_CBC_HMAC_SHA_256 test case.
    #[test]
    fn rfc7518_b1_cbc_hmac_tag_and_plaintext() {
        let hex = |s: &str| -> Vec<u8> {
            let s: String = s.split_whitespace().collect();
            (0..s.len())
                .step_by(2)
                .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
                .collect()
        };
        let k = hex(
            "00 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f 10 11 12 13 14 15 16 17 18 19 1a 1b 1c 1d 1e 1f",
        );
        let p = hex(
            "41 20 63 69 70 68 65 72 20 73 79 73 74 65 6d 20 6d 75 73 74 20 6e 6f 74 20 62 65 20 72 65 71 75 69 72 65 64 20 74 6f 20 62 65 20 73 65 63 72 65 74 2c 20 61 6e 64 20 69 74 20 6d 75 73 74 20 62 65 20 61 62 6c 65 20 74 6f 20 66 61 6c 6c 20 69 6e 74 6f 20 74 68 65 20 68 61 6e 64 73 20 6f 66 20 74 68 65 20 65 6e 65 6d 79 20 77 69 74 68 6f 75 74 20 69 6e 63 6f 6e 76 65 6e 69 65 6e 63 65",
        );
        let iv = hex("1a f3 8c 2d c2 b9 6f fd d8 66 94 09 23 41 bc 04");
        let a = hex(
            "54 68 65 20 73 65 63 6f 6e 64 20 70 72 69 6e 63 69 70 6c 65 20 6f 66 20 41 75 67 75 73 74 65 20 4b 65 72 63 6b 68 6f 66 66 73",
        );
        let e = hex(
            "c8 0e df a3 2d df 39 d5 ef 00 c0 b4 68 83 42 79 a2 e4 6a 1b 80 49 f7 92 f7 6b fe 54 b9 03 a9 c9 a9 4a c9 b4 7a d2 65 5c 5f 10 f9 ae f7 14 27 e2 fc 6f 9b 3f 39 9a 22 14 89 f1 63 62 c7 03 23 36 09 d4 5a c6 98 64 e3 32 1c f8 29 35 ac 40 96 c8 6e 13 33 14 c5 40 19 e8 ca 79 80 df a4 b9 cf 1b 38 4c 48 6f 3a 54 c5 10 78 15 8e e5 d7 9d e5 9f bd 34 d8 48 b3 d6 95 50 a6 76 46 34 44 27 ad e5 4b 88 51 ff b5 98 f7 f8 00 74 b9 47 3c 82 e2 db",
        );
        let t = hex("65 2c 3f a3 6b 0a 7c 5b 32 19 fa b3 a3 0b c1 c4");
        assert_eq!(cbc_tag(Enc::A128CbcHs256, &k[..16], &a, &iv, &e), t);
        let plain = decrypt(Enc::A128CbcHs256, &k, &iv, &a, &e, &t).unwrap();
        assert_eq!(plain.as_slice(), p.as_slice());
        let mut bad = t.clone();
        bad[0] ^= 1;
        assert_eq!(
            decrypt(Enc::A128CbcHs256, &k, &iv, &a, &e, &bad),
            Err(ContentError::Tag)
        );
    }

    #[test]
    fn every_enc_round_trips_and_refuses_a_changed_byte() {
        for &enc in Enc::ALL {
            let cek = vec![3u8; enc.key_len()];
            let Sealed {
                iv,
                ciphertext: ct,
                tag,
            } = encrypt(enc, &cek, b"aad", b"hello").unwrap();
            assert_eq!(
                decrypt(enc, &cek, &iv, b"aad", &ct, &tag)
                    .unwrap()
                    .as_slice(),
                b"hello"
            );
            let mut ct2 = ct.clone();
            ct2[0] ^= 0x80;
            assert!(
                decrypt(enc, &cek, &iv, b"aad", &ct2, &tag).is_err(),
                "{enc:?}"
            );
            assert!(
                decrypt(enc, &cek, &iv, b"aae", &ct, &tag).is_err(),
                "{enc:?}"
            );
        }
    }
}
