//! Signature verification over the exact signing input, with an honest status.

use serde_json::Value;

use super::alg::{Alg, Family};
use super::b64;
use super::keys::{Key, KeySet};
use super::parse::{Decoded, Form};

/// What the signature check concluded. Separate from time validity and from structure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SignatureStatus {
    /// The signature matches a key that fits the algorithm.
    Verified,
    /// Checked, and it does not hold (or the token breaks a rule a strict verifier enforces).
    Invalid,
    /// `alg: none` (any casing): there is nothing to verify, and anyone could have made it.
    Unsigned,
    /// No key was given, so nothing was checked.
    NoKey,
    /// The algorithm is unknown or not a signature (JWE).
    UnsupportedAlg,
    /// A key was given but it cannot verify this algorithm (e.g. a public key for HS256).
    KeyMismatch,
}

impl SignatureStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Verified => "verified",
            Self::Invalid => "invalid",
            Self::Unsigned => "unsigned",
            Self::NoKey => "no_key",
            Self::UnsupportedAlg => "unsupported_alg",
            Self::KeyMismatch => "key_mismatch",
        }
    }
}

/// The outcome with its explanation.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct SignatureCheck {
    pub status: SignatureStatus,
    /// One sentence a person can act on.
    pub detail: String,
    /// The key that verified, or the one that was tried, described (never its bytes).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// An HS* token whose MAC was made with a public key's text as the secret (key confusion).
    #[serde(skip)]
    pub forged_with_public_key: bool,
    /// Verified only because every key was tried although the token's kid named none of them.
    #[serde(skip)]
    pub any_kid_used: bool,
}

impl SignatureCheck {
    fn new(status: SignatureStatus, detail: impl Into<String>) -> Self {
        Self {
            status,
            detail: detail.into(),
            key: None,
            forged_with_public_key: false,
            any_kid_used: false,
        }
    }
}

/// Extensions this verifier understands when listed in `crit`.
const UNDERSTOOD_CRIT: &[&str] = &["b64"];

/// Names in `crit` that this verifier does not understand.
pub fn unknown_crit(header: &Value) -> Vec<String> {
    match header.get("crit") {
        Some(Value::Array(items)) => items
            .iter()
            .map(|v| {
                v.as_str()
                    .map(str::to_owned)
                    .unwrap_or_else(|| v.to_string())
            })
            .filter(|n| !UNDERSTOOD_CRIT.contains(&n.as_str()))
            .collect(),
        Some(other) => vec![other.to_string()],
        None => Vec::new(),
    }
}

/// Header parameters defined by RFC 7515/7516/7518/7797 that `crit` must not list (§4.1.11).
const REGISTERED: &[&str] = &[
    "alg", "jku", "jwk", "kid", "x5u", "x5c", "x5t", "x5t#S256", "typ", "cty", "crit", "enc",
    "zip", "epk", "apu", "apv", "iv", "tag", "p2s", "p2c",
];

/// Why the header's `crit` / `b64` break RFC 7515 §4.1.11 or RFC 7797 §6, if they do. A token
/// that breaks them is rejected by a conforming verifier whatever its signature.
pub fn header_rule_problem(header: &Value) -> Option<String> {
    let b64_false = header.get("b64") == Some(&Value::Bool(false));
    let crit = match header.get("crit") {
        None if b64_false => {
            return Some(
                "\"b64\": false is not listed in \"crit\"; RFC 7797 §6 requires crit: [\"b64\"]"
                    .into(),
            );
        }
        None => return None,
        Some(Value::Array(names)) => names,
        Some(other) => return Some(format!("\"crit\" must be an array of names, not {other}")),
    };
    if crit.is_empty() {
        return Some("\"crit\" is an empty list, which RFC 7515 §4.1.11 forbids".into());
    }
    let mut seen = Vec::new();
    for name in crit {
        let Some(name) = name.as_str() else {
            return Some(format!("\"crit\" lists {name}, which is not a name"));
        };
        if seen.contains(&name) {
            return Some(format!("\"crit\" lists \"{name}\" twice"));
        }
        seen.push(name);
        if REGISTERED.contains(&name) {
            return Some(format!(
                "\"crit\" lists \"{name}\", a parameter of the JWS/JWE specifications, which RFC 7515 §4.1.11 forbids"
            ));
        }
        if header.get(name).is_none() {
            return Some(format!(
                "\"crit\" lists \"{name}\" but the header has no such parameter"
            ));
        }
    }
    if b64_false && !seen.contains(&"b64") {
        return Some(
            "\"b64\": false is not listed in \"crit\"; RFC 7797 §6 requires crit: [\"b64\"]".into(),
        );
    }
    None
}

/// At most this many keys of a JWKS are tried against one signature.
pub const MAX_KEYS_TRIED: usize = 100;

/// How strict verification is, beyond what RFC 7515 requires of every verifier.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct VerifyOptions {
    /// When the token's kid names no key of the JWKS, try every key (the finding says so).
    pub any_kid: bool,
    /// Refuse ECDSA signatures whose S is in the upper half (the malleable twin).
    pub strict: bool,
}

/// Checks the token's signature with the given keys.
pub fn verify(decoded: &Decoded, keys: Option<&KeySet>) -> SignatureCheck {
    verify_with_options(decoded, keys, VerifyOptions::default())
}

/// As [`verify`], with options.
pub fn verify_with_options(
    decoded: &Decoded,
    keys: Option<&KeySet>,
    options: VerifyOptions,
) -> SignatureCheck {
    use SignatureStatus::*;
    if decoded.form == Form::Jwe {
        return SignatureCheck::new(
            UnsupportedAlg,
            "encrypted token (JWE): there is no signature to check, and the payload is not readable without decryption",
        );
    }
    let Some(header) = &decoded.header else {
        return SignatureCheck::new(
            Invalid,
            "the header could not be read, so the signature cannot be checked",
        );
    };
    let alg = match header.get("alg") {
        None => return SignatureCheck::new(UnsupportedAlg, "the header has no \"alg\" member"),
        Some(Value::String(name)) => match Alg::parse(name) {
            Some(alg) => alg,
            None => {
                return SignatureCheck::new(
                    UnsupportedAlg,
                    format!(
                        "alg \"{name}\" is not a JWS signature algorithm this debugger can check"
                    ),
                );
            }
        },
        Some(other) => {
            return SignatureCheck::new(
                UnsupportedAlg,
                format!("\"alg\" is {other}, not a string"),
            );
        }
    };
    if alg == Alg::None {
        let name = decoded.alg_name().unwrap_or("none");
        return SignatureCheck::new(
            Unsigned,
            format!(
                "alg \"{name}\": the token is not signed and anyone can forge it; it is never treated as verified"
            ),
        );
    }
    let (Some(input), Some(signature)) = (decoded.signing_input(), decoded.signature()) else {
        return SignatureCheck::new(Invalid, "the token has no readable signature segment");
    };
    let Some(keys) = keys else {
        return SignatureCheck::new(NoKey, "no key given: the signature was not checked");
    };
    if let Some(first) = decoded.errors.first() {
        return SignatureCheck::new(
            Invalid,
            format!("the token is malformed ({first}), so it is not verified"),
        );
    }
    if keys.is_set {
        let secret = keys.keys.iter().any(Key::is_secret);
        let public = keys.keys.iter().any(|k| !k.is_secret());
        if secret && public {
            return SignatureCheck::new(
                KeyMismatch,
                "this JWKS mixes shared secrets with public keys; a key set is meant to be published, so a set holding secrets is not used",
            );
        }
    }

    let kid = header.get("kid").and_then(Value::as_str);
    // In a JWKS only keys meant for signatures are candidates (RFC 7517 §4.2-4.3); a single key
    // with the wrong use is refused below with the reason.
    let (usable, unusable): (Vec<&Key>, Vec<&Key>) = if keys.is_set {
        keys.keys.iter().partition(|k| k.may_verify())
    } else {
        (keys.keys.iter().collect(), Vec::new())
    };
    let by_kid = distinct(
        usable
            .iter()
            .copied()
            .filter(|k| kid.is_some() && k.kid.as_deref() == kid)
            .collect(),
    );
    if by_kid.len() > 1 {
        return SignatureCheck::new(
            KeyMismatch,
            format!(
                "{} different keys in the JWKS share kid \"{}\", so it is ambiguous which one signs",
                by_kid.len(),
                kid.unwrap_or_default()
            ),
        );
    }
    let mut any_kid_used = false;
    let (candidates, kid_note) = match (kid, by_kid.is_empty()) {
        (_, false) => (by_kid, String::new()),
        (Some(kid), true) if keys.is_set && !options.any_kid => {
            let why = if unusable.iter().any(|k| k.kid.as_deref() == Some(kid)) {
                format!(
                    "the JWKS key with kid \"{kid}\" is not for signatures (its use or key_ops say otherwise)"
                )
            } else {
                let kids: Vec<String> = usable
                    .iter()
                    .filter_map(|k| k.kid.as_ref().map(|k| format!("\"{k}\"")))
                    .take(5)
                    .collect();
                format!(
                    "no key in the JWKS has kid \"{kid}\" (the set has {}{}); it was not verified with another key (--any-kid tries every key)",
                    super::plural(usable.len(), "signing key"),
                    if kids.is_empty() {
                        String::new()
                    } else {
                        format!(": {}", kids.join(", "))
                    }
                )
            };
            return SignatureCheck::new(KeyMismatch, why);
        }
        (Some(kid), true) if keys.is_set => {
            any_kid_used = true;
            (
                distinct(usable),
                format!(" (no key has kid \"{kid}\"; every key was tried, as asked)"),
            )
        }
        _ => (distinct(usable), String::new()),
    };
    if candidates.is_empty() {
        return SignatureCheck::new(
            KeyMismatch,
            "no key in the JWKS is for signatures (each one's use or key_ops say otherwise)",
        );
    }
    let mut reasons = Vec::new();
    let fitting: Vec<&Key> = candidates
        .iter()
        .copied()
        .filter(|k| match k.check_fits(alg, false) {
            Ok(()) => true,
            Err(why) => {
                reasons.push(why);
                false
            }
        })
        .collect();
    // Keys that name this alg first; and never more than MAX_KEYS_TRIED signature checks.
    let mut fitting = fitting;
    fitting.sort_by_key(|k| k.jwk_alg.as_deref() != Some(alg.name()));
    let untried = fitting.len().saturating_sub(MAX_KEYS_TRIED);
    fitting.truncate(MAX_KEYS_TRIED);
    if fitting.is_empty() {
        let mut check = SignatureCheck::new(
            KeyMismatch,
            match reasons.as_slice() {
                [one] => format!("key does not fit {alg}: {one}"),
                [] => format!("key does not fit {alg}: the key set is empty"),
                many => format!("no key fits {alg}: {}", many.join("; ")),
            },
        );
        if candidates.len() == 1 {
            check.key = Some(candidates[0].describe());
        }
        if alg.family() == Family::Hmac
            && forged_with_public_text(alg, &input, signature, &candidates)
        {
            check.forged_with_public_key = true;
            check.detail.push_str(
                ". This token's HMAC was computed with the public key's own text as the secret: it is a key-confusion forgery",
            );
        }
        return check;
    }

    if let Some(problem) = signature_shape_problem(alg, signature) {
        let mut check = SignatureCheck::new(Invalid, problem);
        check.key = fitting.first().map(|k| k.describe());
        return check;
    }

    let mut errors = Vec::new();
    let matched = fitting
        .iter()
        .find(|key| match verify_with(alg, key, &input, signature) {
            Ok(ok) => ok,
            Err(e) => {
                errors.push(e);
                false
            }
        });
    let Some(key) = matched else {
        let mut detail = if fitting.len() == 1 {
            "signature does not match the key".to_owned()
        } else {
            format!(
                "signature matches none of the {} keys that fit {alg}",
                fitting.len()
            )
        };
        detail.push_str(&kid_note);
        if untried > 0 {
            detail.push_str(&format!(
                "; {untried} more fitting key(s) were not tried (at most {MAX_KEYS_TRIED} are)"
            ));
        }
        if let Some(e) = errors.first() {
            detail.push_str(&format!(" ({e})"));
        }
        let mut check = SignatureCheck::new(Invalid, detail);
        if fitting.len() == 1 {
            check.key = Some(fitting[0].describe());
        }
        return check;
    };

    let noncanonical: Vec<&str> = decoded
        .parts
        .iter()
        .filter(|p| !p.deviations.is_empty())
        .map(|p| p.kind.name())
        .collect();
    let unknown = unknown_crit(header);
    let rule = header_rule_problem(header);
    let mut check = if let Some(json) = &decoded.json_serialization {
        SignatureCheck::new(
            Invalid,
            format!(
                "the first of {} signature(s) matches, but this is a JWS JSON serialization, not a compact JWT; a JWT verifier rejects it",
                json.signatures
            ),
        )
    } else if !noncanonical.is_empty() {
        SignatureCheck::new(
            Invalid,
            format!(
                "the signature bytes match, but the {} is not canonical base64url, so a strict verifier rejects the token",
                noncanonical.join(" and ")
            ),
        )
    } else if key.is_small_order_ed25519() {
        SignatureCheck::new(
            Invalid,
            "the signature bytes match, but the Ed25519 key is a point of small order: with such a key a fixed signature verifies any payload, so it proves nothing",
        )
    } else if key.is_roca_vulnerable() {
        SignatureCheck::new(
            Invalid,
            "the signature bytes match, but the RSA key has the ROCA flaw (CVE-2017-15361): its private key can be computed from the public key, so the signature proves nothing",
        )
    } else if options.strict && ecdsa_high_s(alg, signature) {
        SignatureCheck::new(
            Invalid,
            "the signature bytes match, but S is in the upper half of the group order (the malleable twin of a low-S signature), which strict mode refuses",
        )
    } else if let Some(rule) = rule {
        SignatureCheck::new(Invalid, format!("the signature bytes match, but {rule}"))
    } else if !unknown.is_empty() {
        SignatureCheck::new(
            Invalid,
            format!(
                "the signature bytes match, but \"crit\" lists {} which this verifier does not understand; RFC 7515 §4.1.11 requires rejecting the token",
                unknown.join(", ")
            ),
        )
    } else {
        let which = if keys.keys.len() > 1 {
            format!(" by {}", key.describe())
        } else {
            String::new()
        };
        SignatureCheck::new(Verified, format!("signature verified{which}{kid_note}"))
    };
    check.key = Some(key.describe());
    check.any_kid_used = any_kid_used;
    check
}

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
        _ => false,
    }
}

/// Keys with the same material once (a JWKS may list one key twice, e.g. for sig and enc).
fn distinct(keys: Vec<&Key>) -> Vec<&Key> {
    let mut seen = std::collections::HashSet::new();
    keys.into_iter()
        .filter(|k| seen.insert(k.thumbprint()))
        .collect()
}

/// Why a signature cannot be valid for `alg` whatever the key (wrong size, empty).
pub fn signature_shape_problem(alg: Alg, signature: &[u8]) -> Option<String> {
    if signature.is_empty() {
        return Some(format!("the signature is empty, but {alg} requires one"));
    }
    match alg.family() {
        Family::Ec(curve) => {
            let want = 2 * curve.field_len();
            if signature.len() != want {
                let der = if signature.first() == Some(&0x30) {
                    " (it looks DER-encoded)"
                } else {
                    ""
                };
                return Some(format!(
                    "{alg} signature must be R||S of exactly {want} bytes, found {}{der}",
                    signature.len()
                ));
            }
            let (r, s) = signature.split_at(curve.field_len());
            if r.iter().all(|&b| b == 0) || s.iter().all(|&b| b == 0) {
                return Some(format!(
                    "{alg} signature has r or s equal to zero, which is never valid (CVE-2022-21449)"
                ));
            }
            None
        }
        Family::Ed25519 if signature.len() != 64 => Some(format!(
            "EdDSA signature must be 64 bytes, found {}",
            signature.len()
        )),
        _ => None,
    }
}

/// Verifies with one key that fits `alg`.
fn verify_with(alg: Alg, key: &Key, message: &[u8], signature: &[u8]) -> Result<bool, String> {
    if alg == Alg::ES512 {
        use signature::Verifier as _;
        let super::keys::KeyMaterial::Ec { public, .. } = &key.material else {
            return Err("not an EC key".into());
        };
        let vk = p521::ecdsa::VerifyingKey::from_sec1_bytes(public)
            .map_err(|_| "bad P-521 public key".to_owned())?;
        let Ok(sig) = p521::ecdsa::Signature::from_slice(signature) else {
            return Ok(false);
        };
        return Ok(vk.verify(message, &sig).is_ok());
    }
    if let super::keys::KeyMaterial::Rsa { public, .. } = &key.material
        && !AWS_LC_RSA_BITS.contains(&key.bits())
    {
        return verify_rsa_rustcrypto(alg, public, message, signature);
    }
    let jalg = alg
        .to_jsonwebtoken()
        .ok_or_else(|| format!("{alg} is not supported"))?;
    let dkey = key
        .decoding_key()
        .ok_or_else(|| "the key could not be prepared for verification".to_owned())?;
    jsonwebtoken::crypto::verify(&b64::encode(signature), message, &dkey, jalg)
        .map_err(|e| e.to_string())
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

/// True when an HS* MAC verifies with a public key's text (with or without its final newline).
fn forged_with_public_text(alg: Alg, input: &[u8], signature: &[u8], keys: &[&Key]) -> bool {
    let Some(jalg) = alg.to_jsonwebtoken() else {
        return false;
    };
    let sig = b64::encode(signature);
    keys.iter()
        .filter_map(|k| k.public_text.as_deref())
        .any(|text| {
            let trimmed = text.trim_end();
            let variants = [text.to_owned(), trimmed.to_owned(), format!("{trimmed}\n")];
            variants.iter().any(|secret| {
                let dkey = jsonwebtoken::DecodingKey::from_secret(secret.as_bytes());
                jsonwebtoken::crypto::verify(&sig, input, &dkey, jalg).unwrap_or(false)
            })
        })
}

/// The bundled list of well-known secrets (`assets/weak-secrets.txt`), empty secret first.
pub fn well_known_secrets() -> impl Iterator<Item = &'static str> {
    std::iter::once("").chain(
        include_str!("../../assets/weak-secrets.txt")
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#')),
    )
}

/// Signing inputs larger than this are not tried against the well-known secrets on every analysis.
pub const WELL_KNOWN_CHECK_MAX_BYTES: usize = 64 * 1024;

/// The well-known secret an HS* token was signed with, if it is one of the bundled ones.
pub fn well_known_secret(decoded: &Decoded) -> Option<&'static str> {
    let alg = decoded.alg_name().and_then(Alg::parse)?;
    let jalg = alg
        .to_jsonwebtoken()
        .filter(|_| alg.family() == Family::Hmac)?;
    let input = decoded.signing_input()?;
    let signature = decoded.signature().filter(|s| !s.is_empty())?;
    if input.len() > WELL_KNOWN_CHECK_MAX_BYTES {
        return None;
    }
    let sig = b64::encode(signature);
    well_known_secrets().find(|secret| {
        let key = jsonwebtoken::DecodingKey::from_secret(secret.as_bytes());
        jsonwebtoken::crypto::verify(&sig, &input, &key, jalg).unwrap_or(false)
    })
}
