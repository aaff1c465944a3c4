//! ECDH-ES key agreement (RFC 7518 §4.6): the shared secret from the recipient's key and the
//! sender's `epk`, through the Concat KDF.

use aws_lc_rs::agreement;
use serde_json::{Map, Value};
use zeroize::Zeroizing;

use super::{Unwrap, header_bytes};
use crate::core::alg::Curve;
use crate::core::b64;
use crate::core::jwe::{Enc, KeyAlg};
use crate::core::keys::{Key, KeyMaterial};

/// Concat KDF (NIST SP 800-56A §5.8.1, as RFC 7518 §4.6.2 profiles it) with SHA-256.
pub(super) fn concat_kdf(
    z: &[u8],
    algorithm_id: &str,
    apu: &[u8],
    apv: &[u8],
    len: usize,
) -> Zeroizing<Vec<u8>> {
    let mut other = Vec::new();
    for part in [algorithm_id.as_bytes(), apu, apv] {
        other.extend_from_slice(&(part.len() as u32).to_be_bytes());
        other.extend_from_slice(part);
    }
    other.extend_from_slice(&((len * 8) as u32).to_be_bytes());
    let mut out = Zeroizing::new(Vec::with_capacity(len + 32));
    let mut counter = 1u32;
    while out.len() < len {
        let mut ctx = aws_lc_rs::digest::Context::new(&aws_lc_rs::digest::SHA256);
        ctx.update(&counter.to_be_bytes());
        ctx.update(z);
        ctx.update(&other);
        out.extend_from_slice(ctx.finish().as_ref());
        counter += 1;
    }
    out.truncate(len);
    out
}

/// The curve of an ECDH key, as aws-lc names it, and the JWK `crv`.
pub(super) fn ecdh_alg(curve: Option<Curve>) -> &'static agreement::Algorithm {
    match curve {
        Some(Curve::P256) => &agreement::ECDH_P256,
        Some(Curve::P384) => &agreement::ECDH_P384,
        Some(Curve::P521) => &agreement::ECDH_P521,
        // secp256k1 is a signing curve only (RFC 8812): key fitting never offers it for ECDH.
        Some(Curve::Secp256k1) | None => &agreement::X25519,
    }
}

/// Reads `epk` into the peer's public key bytes (uncompressed point or X25519 u-coordinate).
fn epk_point(header: &Map<String, Value>, curve: Option<Curve>) -> Result<Vec<u8>, Unwrap> {
    let epk = header
        .get("epk")
        .and_then(Value::as_object)
        .ok_or_else(|| {
            Unwrap::Header("ECDH-ES needs \"epk\", the sender's ephemeral public key".into())
        })?;
    let text = |name: &str| epk.get(name).and_then(Value::as_str);
    let bytes = |name: &str| -> Result<Vec<u8>, Unwrap> {
        let s = text(name).ok_or_else(|| Unwrap::Header(format!("\"epk\" has no \"{name}\"")))?;
        b64::decode(s)
            .map(|d| d.bytes)
            .map_err(|e| Unwrap::Header(format!("\"epk\".{name} is not base64url: {e}")))
    };
    match curve {
        Some(curve) => {
            if text("kty") != Some("EC") || text("crv") != Some(curve.name()) {
                return Err(Unwrap::Failed(format!(
                    "\"epk\" is not an EC {} key, the curve of this key",
                    curve.name()
                )));
            }
            let (x, y) = (bytes("x")?, bytes("y")?);
            let n = curve.field_len();
            if x.len() != n || y.len() != n {
                return Err(Unwrap::Header(format!(
                    "\"epk\" coordinates must be {n} bytes each, found {} and {}",
                    x.len(),
                    y.len()
                )));
            }
            let mut point = vec![4u8];
            point.extend_from_slice(&x);
            point.extend_from_slice(&y);
            Ok(point)
        }
        None => {
            if text("kty") != Some("OKP") || text("crv") != Some("X25519") {
                return Err(Unwrap::Failed(
                    "\"epk\" is not an X25519 key, the curve of this key".into(),
                ));
            }
            let x = bytes("x")?;
            if x.len() != 32 {
                return Err(Unwrap::Header(format!(
                    "\"epk\".x must be 32 bytes, found {}",
                    x.len()
                )));
            }
            Ok(x)
        }
    }
}

/// The recipient's side of ECDH: Z from our private key and the sender's `epk`. aws-lc refuses
/// points that are not on the curve (invalid-curve attacks) and X25519 results of all zeros.
pub(super) fn ecdh_z(key: &Key, header: &Map<String, Value>) -> Result<Zeroizing<Vec<u8>>, Unwrap> {
    let (curve, private): (Option<Curve>, &[u8]) = match &key.material {
        KeyMaterial::Ec {
            curve,
            private: Some(d),
            ..
        } if *curve != Curve::Secp256k1 => (Some(*curve), d.as_slice()),
        KeyMaterial::X25519 {
            private: Some(d), ..
        } => (None, d.as_slice()),
        _ => {
            return Err(Unwrap::Unfit(format!(
                "ECDH-ES needs a P-256, P-384, P-521 or X25519 private key, not {}",
                key.kind_phrase()
            )));
        }
    };
    let point = epk_point(header, curve)?;
    let alg = ecdh_alg(curve);
    let ours = agreement::PrivateKey::from_private_key(alg, private)
        .map_err(|_| Unwrap::Unfit("the private key is not usable for ECDH".into()))?;
    agreement::agree(
        &ours,
        agreement::UnparsedPublicKey::new(alg, &point),
        Unwrap::Failed("the key agreement fails: \"epk\" is not a valid point on the curve".into()),
        |z| Ok(Zeroizing::new(z.to_vec())),
    )
}

/// The ECDH-ES derived key for direct agreement (the CEK) or for key wrap (the KEK).
pub(super) fn ecdh_derive(
    alg: KeyAlg,
    enc: Enc,
    z: &[u8],
    header: &Map<String, Value>,
) -> Result<Zeroizing<Vec<u8>>, Unwrap> {
    let apu = header_bytes(header, "apu")?.unwrap_or_default();
    let apv = header_bytes(header, "apv")?.unwrap_or_default();
    Ok(match alg.wrap_len() {
        None => concat_kdf(z, enc.name(), &apu, &apv, enc.key_len()),
        Some(n) => concat_kdf(z, alg.name(), &apu, &apv, n),
    })
}
