//! JWK and JWKS (RFC 7517, RFC 7518 §6, RFC 8037).

use super::*;
use crate::msg;

pub(super) fn member<'a>(
    jwk: &'a serde_json::Map<String, Value>,
    name: &str,
) -> Result<Option<&'a str>, KeyError> {
    match jwk.get(name) {
        None => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(_) => Err(invalid(msg!("kerr-jwk-1", name = name.to_string()))),
    }
}

pub(super) fn member_bytes(
    jwk: &serde_json::Map<String, Value>,
    name: &str,
) -> Result<Option<Vec<u8>>, KeyError> {
    member(jwk, name)?
        .map(|s| {
            b64::decode(s).map(|d| d.bytes).map_err(|e| {
                invalid(msg!(
                    "kerr-jwk-2",
                    name = name.to_string(),
                    e = e.to_string()
                ))
            })
        })
        .transpose()
}

pub(super) fn required_bytes(
    jwk: &serde_json::Map<String, Value>,
    kty: &str,
    name: &str,
) -> Result<Vec<u8>, KeyError> {
    member_bytes(jwk, name)?.ok_or_else(|| {
        invalid(msg!(
            "kerr-jwk-3",
            kty = kty.to_string(),
            name = name.to_string()
        ))
    })
}

/// Reads one JWK object.
pub fn parse_jwk(value: &Value) -> Result<Key, KeyError> {
    let jwk = value
        .as_object()
        .ok_or_else(|| invalid(msg!("kerr-jwk-4")))?;
    let kty = member(jwk, "kty")?.ok_or_else(|| invalid(msg!("kerr-jwk-5")))?;
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
                    // A private exponent lies strictly between 1 and n; the rsa crate recovers the
                    // primes from (n, e, d) when p and q are absent and panics on d = 0.
                    if d <= rsa::BigUint::from(1u8) || d >= n {
                        return Err(invalid(msg!("kerr-jwk-rsa-d")));
                    }
                    let primes = ["p", "q"]
                        .iter()
                        .filter_map(|m| member_bytes(jwk, m).transpose())
                        .map(|r| r.map(|b| rsa::BigUint::from_bytes_be(&b)))
                        .collect::<Result<Vec<_>, _>>()?;
                    let key = rsa::RsaPrivateKey::from_components(n, e, d, primes)
                        .map_err(|err| invalid(msg!("kerr-jwk-6", err = err.to_string())))?;
                    key.validate()
                        .map_err(|err| invalid(msg!("kerr-jwk-7", err = err.to_string())))?;
                    Some(Box::new(key))
                }
            };
            KeyMaterial::Rsa { public, private }
        }
        "EC" => {
            let crv = member(jwk, "crv")?.ok_or_else(|| invalid(msg!("kerr-jwk-8")))?;
            let curve = Curve::from_name(crv)
                .ok_or_else(|| invalid(msg!("kerr-jwk-9", crv = crv.to_string())))?;
            let x = required_bytes(jwk, kty, "x")?;
            let y = required_bytes(jwk, kty, "y")?;
            let n = curve.field_len();
            if x.len() != n || y.len() != n {
                return Err(invalid(msg!(
                    "kerr-ec-coordinates",
                    crv = crv,
                    n = n,
                    x = x.len(),
                    y = y.len()
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
                        return Err(invalid(msg!("kerr-jwk-10")));
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
            let crv = member(jwk, "crv")?.ok_or_else(|| invalid(msg!("kerr-jwk-11")))?;
            if crv == "X25519" {
                let x = required_bytes(jwk, kty, "x")?;
                let public: [u8; 32] = x.try_into().map_err(|_| invalid(msg!("kerr-jwk-12")))?;
                let material = match member_bytes(jwk, "d")? {
                    None => KeyMaterial::X25519 {
                        public,
                        private: None,
                    },
                    Some(d) => {
                        let m = super::akp::x25519_from_private(&d)?;
                        if !matches!(&m, KeyMaterial::X25519 { public: p, .. } if *p == public) {
                            return Err(invalid(msg!("kerr-jwk-13")));
                        }
                        m
                    }
                };
                return finish(material, jwk, value);
            }
            if crv != "Ed25519" {
                return Err(invalid(msg!("kerr-jwk-14", crv = crv.to_string())));
            }
            let x = required_bytes(jwk, kty, "x")?;
            let public: [u8; 32] = x.try_into().map_err(|_| invalid(msg!("kerr-jwk-15")))?;
            ed25519_dalek::VerifyingKey::from_bytes(&public)
                .map_err(|_| invalid(msg!("kerr-jwk-16")))?;
            let private = match member_bytes(jwk, "d")? {
                None => None,
                Some(d) => {
                    let d: [u8; 32] = d.try_into().map_err(|_| invalid(msg!("kerr-jwk-17")))?;
                    let d = Zeroizing::new(d);
                    if ed25519_dalek::SigningKey::from_bytes(&d)
                        .verifying_key()
                        .to_bytes()
                        != public
                    {
                        return Err(invalid(msg!("kerr-jwk-18")));
                    }
                    Some(d)
                }
            };
            KeyMaterial::Ed25519 { public, private }
        }
        // draft-ietf-cose-dilithium: {"kty":"AKP","alg":"ML-DSA-44","pub":…,"priv":seed}.
        "AKP" => {
            let alg = member(jwk, "alg")?.ok_or_else(|| invalid(msg!("kerr-jwk-19")))?;
            let level = MlDsaLevel::from_name(alg)
                .ok_or_else(|| invalid(msg!("kerr-jwk-20", alg = alg.to_string())))?;
            let public = required_bytes(jwk, kty, "pub")?;
            // RFC 9964 puts the 32-byte seed in "priv"; draft-ietf-cose-dilithium-06 had it in
            // "seed" beside the expanded key in "priv".
            let seed = match (member_bytes(jwk, "priv")?, member_bytes(jwk, "seed")?) {
                (_, Some(seed)) => Some(seed),
                (Some(p), None) if p.len() != 32 => {
                    return Err(invalid(msg!("kerr-akp-expanded", alg = alg, len = p.len())));
                }
                (p, None) => p,
            };
            match seed {
                None => super::akp::ml_dsa_public(level, &public)?,
                Some(seed) => {
                    let seed = Zeroizing::new(seed);
                    let m = super::akp::ml_dsa_from_seed(level, &seed)?;
                    if !matches!(&m, KeyMaterial::MlDsa { public: p, .. } if *p == public) {
                        return Err(invalid(msg!("kerr-jwk-21", alg = alg.to_string())));
                    }
                    m
                }
            }
        }
        other => {
            return Err(invalid(msg!("kerr-jwk-22", other = other.to_string())));
        }
    };
    finish(material, jwk, value)
}

/// The JWK's own members (kid, alg, use, key_ops) around the key material.
fn finish(
    material: KeyMaterial,
    jwk: &serde_json::Map<String, Value>,
    value: &Value,
) -> Result<Key, KeyError> {
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
        Some(_) => return Err(invalid(msg!("kerr-jwk-23"))),
    };
    if !key.is_private() {
        key.public_text = Some(crate::core::json::to_compact(value));
    }
    Ok(key)
}

/// A JWKS is read up to this many keys; real ones hold a handful.
pub const MAX_JWKS_KEYS: usize = 1000;

pub(super) fn parse_json_key(text: &str) -> Result<KeySet, KeyError> {
    let parsed = crate::core::json::parse(text)
        .map_err(|e| invalid(msg!("kerr-jwk-24", e = e.to_string())))?;
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
                return Err(invalid(msg!("kerr-jwk-25")));
            }
            Ok(set)
        }
        Some(_) => Err(invalid(msg!("kerr-jwk-26"))),
        None => parse_jwk(&value).map(KeySet::single),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key_of(err: &KeyError) -> String {
        match err {
            KeyError::Invalid(Text::Msg(m)) => m.key.to_string(),
            other => format!("{other:?}"),
        }
    }

    /// RSA private JWKs whose numbers make no key: each is refused with a message (the fuzzer found
    /// the first one panicking inside the rsa crate's prime recovery).
    #[test]
    fn rsa_private_members_out_of_range_are_refused() {
        let n = "wsSoYCNtPJCWoHbWulEH4PW44sRPvV5ujQTQBtfudouOhDYIKpD6DoN_MvRgh6tKDZviiqfaF5TOsBPfefdklMO7wY";
        let cases: &[(&str, &str)] = &[
            (r#""d":"""#, "kerr-jwk-rsa-d"),
            (r#""d":"AA""#, "kerr-jwk-rsa-d"),
            (r#""d":"AQ""#, "kerr-jwk-rsa-d"),
            (&format!(r#""d":"{n}""#), "kerr-jwk-rsa-d"),
            (&format!(r#""d":"AQ{n}""#), "kerr-jwk-rsa-d"),
            (r#""d":"Ag""#, "kerr-jwk-6"),
            (r#""d":"Ag","p":"AA","q":"AA""#, "kerr-jwk-6"),
            (r#""d":"Ag","p":"Aw""#, "kerr-jwk-6"),
        ];
        for (members, want) in cases {
            let text = format!(r#"{{"kty":"RSA","n":"{n}","e":"AQAB",{members}}}"#);
            let value: Value = serde_json::from_str(&text).unwrap();
            let err = parse_jwk(&value).expect_err(members);
            assert_eq!(key_of(&err), *want, "{members}");
        }
    }
}
