//! ASN.1 key formats: PEM (read as OpenSSL reads it), SPKI, PKCS#1, PKCS#8, SEC1 and X.509
//! certificates, in PEM or DER.

use super::*;
use crate::msg;

pub(super) const OID_RSA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.1");
pub(super) const OID_EC: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.2.1");
pub(super) const OID_ED25519: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.101.112");
pub(super) const OID_P256: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.3.1.7");
pub(super) const OID_P384: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.132.0.34");
pub(super) const OID_P521: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.132.0.35");
pub(super) const OID_SECP256K1: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.132.0.10");

/// The named-curve OID of a curve.
pub(crate) fn curve_oid(curve: Curve) -> ObjectIdentifier {
    match curve {
        Curve::P256 => OID_P256,
        Curve::P384 => OID_P384,
        Curve::P521 => OID_P521,
        Curve::Secp256k1 => OID_SECP256K1,
    }
}

pub(super) fn curve_from_oid(oid: ObjectIdentifier) -> Result<Curve, KeyError> {
    match oid {
        o if o == OID_P256 => Ok(Curve::P256),
        o if o == OID_P384 => Ok(Curve::P384),
        o if o == OID_P521 => Ok(Curve::P521),
        o if o == OID_SECP256K1 => Ok(Curve::Secp256k1),
        o => Err(invalid(msg!("kerr-asn1-1", o = o.to_string()))),
    }
}

pub(super) fn ec_private(
    curve: Curve,
    d: &[u8],
    format: KeyFormat,
    pem: bool,
) -> Result<Key, KeyError> {
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
pub(super) fn rsa_public_pkcs1(der: &[u8]) -> Result<rsa::RsaPublicKey, KeyError> {
    use pkcs8::der::Decode as _;
    let raw = pkcs1::RsaPublicKey::from_der(der)
        .map_err(|e| invalid(msg!("kerr-asn1-2", e = e.to_string())))?;
    rsa_public(
        rsa::BigUint::from_bytes_be(raw.modulus.as_bytes()),
        rsa::BigUint::from_bytes_be(raw.public_exponent.as_bytes()),
    )
}

/// An RSA public key from its modulus and exponent, up to [`MAX_RSA_BITS`].
pub(super) fn rsa_public(n: rsa::BigUint, e: rsa::BigUint) -> Result<rsa::RsaPublicKey, KeyError> {
    let bits = n.bits();
    if bits > MAX_RSA_BITS {
        return Err(invalid(msg!(
            "kerr-rsa-too-big",
            bits = bits,
            max = MAX_RSA_BITS
        )));
    }
    rsa::RsaPublicKey::new_with_max_size(n, e, MAX_RSA_BITS).map_err(|e| {
        invalid(msg!(
            "kerr-asn1-3",
            bits = bits.to_string(),
            e = e.to_string()
        ))
    })
}

/// Reads a SubjectPublicKeyInfo (the body of `BEGIN PUBLIC KEY`).
pub(super) fn parse_spki(der: &[u8], format: KeyFormat, pem: bool) -> Result<Key, KeyError> {
    let spki = spki::SubjectPublicKeyInfoRef::try_from(der)
        .map_err(|e| invalid(msg!("kerr-asn1-4", e = e.to_string())))?;
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
            .ok_or_else(|| invalid(msg!("kerr-asn1-5")))?;
        let curve_oid = params
            .decode_as::<ObjectIdentifier>()
            .map_err(|_| invalid(msg!("kerr-asn1-6")))?;
        let curve = curve_from_oid(curve_oid)?;
        KeyMaterial::Ec {
            curve,
            public: ec_public_point(curve, bits)?,
            private: None,
        }
    } else if oid == OID_ED25519 {
        let public: [u8; 32] = bits.try_into().map_err(|_| invalid(msg!("kerr-asn1-7")))?;
        ed25519_dalek::VerifyingKey::from_bytes(&public)
            .map_err(|_| invalid(msg!("kerr-asn1-8")))?;
        KeyMaterial::Ed25519 {
            public,
            private: None,
        }
    } else if oid == super::akp::OID_X25519 {
        let public: [u8; 32] = bits.try_into().map_err(|_| invalid(msg!("kerr-asn1-9")))?;
        KeyMaterial::X25519 {
            public,
            private: None,
        }
    } else if let Some(level) = super::akp::ml_dsa_level(oid) {
        super::akp::ml_dsa_public(level, bits)?
    } else {
        return Err(invalid(msg!("kerr-asn1-10", oid = oid.to_string())));
    };
    Ok(Key::new(material, format, pem))
}

/// Reads a PKCS#8 PrivateKeyInfo (`BEGIN PRIVATE KEY`).
pub(super) fn parse_pkcs8(der: &[u8], pem: bool) -> Result<Key, KeyError> {
    let info = pkcs8::PrivateKeyInfo::try_from(der)
        .map_err(|e| invalid(msg!("kerr-asn1-11", e = e.to_string())))?;
    let oid = info.algorithm.oid;
    if oid == OID_RSA {
        use rsa::pkcs1::DecodeRsaPrivateKey as _;
        let private = rsa::RsaPrivateKey::from_pkcs1_der(info.private_key)
            .map_err(|e| invalid(msg!("kerr-asn1-12", e = e.to_string())))?;
        Ok(rsa_private(private, KeyFormat::Pkcs8, pem))
    } else if oid == OID_EC {
        let curve_oid = info
            .algorithm
            .parameters
            .and_then(|p| p.decode_as::<ObjectIdentifier>().ok())
            .ok_or_else(|| invalid(msg!("kerr-asn1-13")))?;
        let curve = curve_from_oid(curve_oid)?;
        let inner = sec1::EcPrivateKey::try_from(info.private_key)
            .map_err(|e| invalid(msg!("kerr-asn1-14", e = e.to_string())))?;
        ec_private(curve, inner.private_key, KeyFormat::Pkcs8, pem)
    } else if oid == OID_ED25519 {
        use ed25519_dalek::pkcs8::DecodePrivateKey as _;
        let signing = ed25519_dalek::SigningKey::from_pkcs8_der(der)
            .map_err(|e| invalid(msg!("kerr-asn1-15", e = e.to_string())))?;
        Ok(Key::new(
            KeyMaterial::Ed25519 {
                public: signing.verifying_key().to_bytes(),
                private: Some(Zeroizing::new(signing.to_bytes())),
            },
            KeyFormat::Pkcs8,
            pem,
        ))
    } else if oid == super::akp::OID_X25519 {
        // CurvePrivateKey ::= OCTET STRING (RFC 8410 §7)
        let d = match info.private_key {
            [0x04, 0x20, d @ ..] if d.len() == 32 => d,
            _ => {
                return Err(invalid(msg!("kerr-asn1-16")));
            }
        };
        Ok(Key::new(
            super::akp::x25519_from_private(d)?,
            KeyFormat::Pkcs8,
            pem,
        ))
    } else if let Some(level) = super::akp::ml_dsa_level(oid) {
        let seed = Zeroizing::new(super::akp::ml_dsa_seed_from_pkcs8(level, info.private_key)?);
        Ok(Key::new(
            super::akp::ml_dsa_from_seed(level, seed.as_slice())?,
            KeyFormat::Pkcs8,
            pem,
        ))
    } else {
        Err(invalid(msg!("kerr-asn1-17", oid = oid.to_string())))
    }
}

pub(super) fn rsa_private(private: rsa::RsaPrivateKey, format: KeyFormat, pem: bool) -> Key {
    Key::new(
        KeyMaterial::Rsa {
            public: private.to_public_key(),
            private: Some(Box::new(private)),
        },
        format,
        pem,
    )
}

pub(super) fn parse_sec1(der: &[u8], pem: bool) -> Result<Key, KeyError> {
    let key = sec1::EcPrivateKey::try_from(der)
        .map_err(|e| invalid(msg!("kerr-asn1-18", e = e.to_string())))?;
    let curve = match key.parameters.and_then(|p| p.named_curve()) {
        Some(oid) => curve_from_oid(oid)?,
        // Without parameters the scalar's length still tells the curve.
        None => match key.private_key.len() {
            32 => Curve::P256,
            48 => Curve::P384,
            65 | 66 => Curve::P521,
            n => {
                return Err(invalid(msg!("kerr-asn1-19", n = n.to_string())));
            }
        },
    };
    ec_private(curve, key.private_key, KeyFormat::Sec1, pem)
}

pub(super) fn parse_certificate(der: &[u8], pem: bool) -> Result<Key, KeyError> {
    let cert = x509_cert::Certificate::from_der(der)
        .map_err(|e| invalid(msg!("kerr-asn1-20", e = e.to_string())))?;
    let tbs = &cert.tbs_certificate;
    let spki = tbs
        .subject_public_key_info
        .to_der()
        .map_err(|e| invalid(msg!("kerr-asn1-21", e = e.to_string())))?;
    let mut key = parse_spki(&spki, KeyFormat::Certificate, pem)?;
    key.certificate = Some(CertificateInfo {
        subject: tbs.subject.to_string(),
        issuer: tbs.issuer.to_string(),
        not_before_unix: tbs.validity.not_before.to_unix_duration().as_secs() as i64,
        not_after_unix: tbs.validity.not_after.to_unix_duration().as_secs() as i64,
        x5t_s256: b64::encode(<sha2::Sha256 as sha2::Digest>::digest(der)),
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
    parse_certificate(der, false).map_err(|_| invalid(msg!("kerr-asn1-22")))
}

/// Reads the first usable PEM block in `text`.
/// The DER inside one PEM block, read as OpenSSL reads it: any line length (64, 76, one long
/// line), indentation, CRLF, and RFC 1421 headers such as `Proc-Type:` are all accepted.
pub(super) fn pem_body(block: &str, label: &str) -> Result<Vec<u8>, KeyError> {
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
    engine.decode(body.as_bytes()).map_err(|e| {
        invalid(msg!(
            "kerr-asn1-23",
            label = label.to_string(),
            e = e.to_string()
        ))
    })
}

pub(super) fn parse_pem(text: &str) -> Result<Key, KeyError> {
    let mut rest = text;
    while let Some(begin) = rest.find("-----BEGIN ") {
        let block = &rest[begin..];
        let label_end = block[11..]
            .find("-----")
            .ok_or_else(|| invalid(msg!("kerr-asn1-24")))?;
        let label = &block[11..11 + label_end];
        let end_marker = format!("-----END {label}-----");
        let end = block.find(&end_marker).ok_or_else(|| {
            invalid(msg!(
                "kerr-asn1-25",
                end_marker = end_marker.to_string(),
                label = label.to_string()
            ))
        })?;
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
                    .map_err(|e| invalid(msg!("kerr-asn1-26", e = e.to_string())))?,
                KeyFormat::Pkcs1Private,
                true,
            ),
            "PRIVATE KEY" => parse_pkcs8(&der, true)?,
            "EC PRIVATE KEY" => parse_sec1(&der, true)?,
            "CERTIFICATE" => parse_certificate(&der, true)?,
            "ENCRYPTED PRIVATE KEY" => {
                return Err(invalid(msg!("kerr-asn1-27")));
            }
            "OPENSSH PRIVATE KEY" => {
                return Err(invalid(msg!("kerr-asn1-28")));
            }
            other => return Err(invalid(msg!("kerr-asn1-29", other = other.to_string()))),
        };
        if !key.is_private() {
            key.public_text = Some(text.to_owned());
        }
        return Ok(key);
    }
    Err(invalid(msg!("kerr-asn1-30")))
}
