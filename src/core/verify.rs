//! Signature verification over the exact signing input, with an honest status.

use crate::msg;
use serde_json::Value;

use super::alg::{Alg, Family};
use super::b64;
use super::keys::{Key, KeySet};
use super::msg::Text;
use super::parse::{Decoded, Form};
use super::words::part_word;

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
    pub detail: Text,
    /// The key that verified, or the one that was tried, described (never its bytes).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<Text>,
    /// An HS* token whose MAC was made with a public key's text as the secret (key confusion).
    #[serde(skip)]
    pub forged_with_public_key: bool,
    /// Verified only because every key was tried although the token's kid named none of them.
    #[serde(skip)]
    pub any_kid_used: bool,
}

impl SignatureCheck {
    fn new(status: SignatureStatus, detail: Text) -> Self {
        Self {
            status,
            detail,
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
pub fn header_rule_problem(header: &Value) -> Option<Text> {
    let b64_false = header.get("b64") == Some(&Value::Bool(false));
    let crit = match header.get("crit") {
        None if b64_false => return Some(msg!("rule-b64-not-crit")),
        None => return None,
        Some(Value::Array(names)) => names,
        Some(other) => return Some(msg!("rule-crit-not-array", value = other.to_string())),
    };
    if crit.is_empty() {
        return Some(msg!("rule-crit-empty"));
    }
    let mut seen = Vec::new();
    for name in crit {
        let Some(name) = name.as_str() else {
            return Some(msg!("rule-crit-not-name", value = name.to_string()));
        };
        if seen.contains(&name) {
            return Some(msg!("rule-crit-twice", name = name));
        }
        seen.push(name);
        if REGISTERED.contains(&name) {
            return Some(msg!("rule-crit-registered", name = name));
        }
        if header.get(name).is_none() {
            return Some(msg!("rule-crit-absent", name = name));
        }
    }
    if b64_false && !seen.contains(&"b64") {
        return Some(msg!("rule-b64-not-crit"));
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
        return SignatureCheck::new(UnsupportedAlg, msg!("sig-jwe"));
    }
    let Some(header) = &decoded.header else {
        return SignatureCheck::new(Invalid, msg!("sig-no-header"));
    };
    let alg = match header.get("alg") {
        None => return SignatureCheck::new(UnsupportedAlg, msg!("sig-no-alg")),
        Some(Value::String(name)) => match Alg::parse(name) {
            Some(alg) => alg,
            None => {
                return SignatureCheck::new(
                    UnsupportedAlg,
                    msg!("sig-unknown-alg", name = name.as_str()),
                );
            }
        },
        Some(other) => {
            return SignatureCheck::new(
                UnsupportedAlg,
                msg!("sig-alg-type", value = other.to_string()),
            );
        }
    };
    if alg == Alg::None {
        let name = decoded.alg_name().unwrap_or("none");
        return SignatureCheck::new(Unsigned, msg!("sig-unsigned", name = name));
    }
    let (Some(input), Some(signature)) = (decoded.signing_input(), decoded.signature()) else {
        return SignatureCheck::new(Invalid, msg!("sig-no-segment"));
    };
    let Some(keys) = keys else {
        return SignatureCheck::new(NoKey, msg!("sig-no-key"));
    };
    if let Some(first) = decoded.errors.first() {
        return SignatureCheck::new(Invalid, msg!("sig-malformed", error = first.to_string()));
    }
    if keys.is_set {
        let secret = keys.keys.iter().any(Key::is_secret);
        let public = keys.keys.iter().any(|k| !k.is_secret());
        if secret && public {
            return SignatureCheck::new(KeyMismatch, msg!("sig-mixed-set"));
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
            msg!(
                "sig-kid-ambiguous",
                count = by_kid.len(),
                kid = kid.unwrap_or_default()
            ),
        );
    }
    let mut any_kid_used = false;
    let (candidates, kid_note) = match (kid, by_kid.is_empty()) {
        (_, false) => (by_kid, None),
        (Some(kid), true) if keys.is_set && !options.any_kid => {
            let why = if unusable.iter().any(|k| k.kid.as_deref() == Some(kid)) {
                msg!("sig-kid-not-signing", kid = kid)
            } else {
                let kids: Vec<String> = usable
                    .iter()
                    .filter_map(|k| k.kid.as_ref().map(|k| format!("\"{k}\"")))
                    .take(5)
                    .collect();
                msg!(
                    "sig-kid-missing",
                    kid = kid,
                    count = usable.len(),
                    kids = if kids.is_empty() {
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
            (distinct(usable), Some(msg!("sig-kid-tried-all", kid = kid)))
        }
        _ => (distinct(usable), None),
    };
    if candidates.is_empty() {
        return SignatureCheck::new(KeyMismatch, msg!("sig-no-signing-key"));
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
                [one] => msg!("sig-key-unfit", alg = alg.name(), why = one.0.clone()),
                [] => msg!("sig-set-empty", alg = alg.name()),
                many => msg!(
                    "sig-no-key-fits",
                    alg = alg.name(),
                    why = Text::join(many.iter().map(|u| u.0.clone()), "; ")
                ),
            },
        );
        if candidates.len() == 1 {
            check.key = Some(candidates[0].describe());
        }
        if alg.family() == Family::Hmac
            && forged_with_public_text(alg, &input, signature, &candidates)
        {
            check.forged_with_public_key = true;
            check.detail = check.detail.then(msg!("sig-forged-public"));
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
            msg!("sig-mismatch")
        } else {
            msg!("sig-mismatch-many", count = fitting.len(), alg = alg.name())
        };
        if let Some(note) = kid_note {
            detail = detail.then(note);
        }
        if untried > 0 {
            detail = detail.then(msg!("sig-untried", count = untried, max = MAX_KEYS_TRIED));
        }
        if let Some(e) = errors.first() {
            detail = detail.then(Text::plain(format!(" ({e})")));
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
            msg!("sig-json-serialization", count = json.signatures),
        )
    } else if !noncanonical.is_empty() {
        SignatureCheck::new(
            Invalid,
            msg!(
                "sig-noncanonical",
                parts = Text::join(noncanonical.iter().map(|p| part_word(p)), " + ")
            ),
        )
    } else if key.is_small_order_ed25519() {
        SignatureCheck::new(Invalid, msg!("sig-small-order"))
    } else if key.is_roca_vulnerable() {
        SignatureCheck::new(Invalid, msg!("sig-roca"))
    } else if options.strict && ecdsa_high_s(alg, signature) {
        SignatureCheck::new(Invalid, msg!("sig-high-s"))
    } else if let Some(rule) = rule {
        SignatureCheck::new(Invalid, msg!("sig-rule", rule = rule))
    } else if !unknown.is_empty() {
        SignatureCheck::new(Invalid, msg!("sig-crit", names = unknown.join(", ")))
    } else {
        let verified = if keys.keys.len() > 1 {
            msg!("sig-verified-by", key = key.describe())
        } else {
            msg!("sig-verified")
        };
        SignatureCheck::new(
            Verified,
            match kid_note {
                Some(note) => verified.then(note),
                None => verified,
            },
        )
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
    if keys.len() < 2 {
        return keys;
    }
    let mut seen = std::collections::HashSet::new();
    keys.into_iter()
        .filter(|k| seen.insert(k.thumbprint()))
        .collect()
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
    if let super::keys::KeyMaterial::MlDsa { level, public, .. } = &key.material {
        return Ok(super::keys::ml_dsa_verify(
            *level, public, message, signature,
        ));
    }
    if let super::keys::KeyMaterial::Rsa { public, .. } = &key.material
        && !AWS_LC_RSA_BITS.contains(&key.bits())
    {
        return verify_rsa_rustcrypto(alg, public, message, signature);
    }
    match verifier(key, alg) {
        Some(super::keys::Verifier::Hmac(k)) => {
            Ok(aws_lc_rs::hmac::verify(k, message, signature).is_ok())
        }
        Some(super::keys::Verifier::Public(k)) => Ok(k.verify_sig(message, signature).is_ok()),
        None => Err("the key could not be prepared for verification".to_owned()),
    }
}

/// The key as aws-lc checks `alg` signatures with it, parsed once per key and algorithm: the same
/// algorithms jsonwebtoken's aws-lc backend uses (fixed-size ECDSA, RSA 2048–8192), without
/// parsing the key again on every check.
fn verifier(key: &Key, alg: Alg) -> Option<&super::keys::Verifier> {
    use super::keys::{KeyMaterial, Verifier};
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
                (Alg::HS256 | Alg::HS384 | Alg::HS512, KeyMaterial::Secret(s)) => {
                    let algorithm = match alg {
                        Alg::HS256 => hmac::HMAC_SHA256,
                        Alg::HS384 => hmac::HMAC_SHA384,
                        _ => hmac::HMAC_SHA512,
                    };
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
                (Alg::EdDSA, KeyMaterial::Ed25519 { public: p, .. }) => {
                    public(&sig::ED25519, p.as_slice())
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

/// The well-known secret these bytes are, if they are one (a set, built once).
pub fn as_well_known_secret(bytes: &[u8]) -> Option<&'static str> {
    static SET: std::sync::OnceLock<std::collections::HashSet<&'static [u8]>> =
        std::sync::OnceLock::new();
    let set = SET.get_or_init(|| well_known_secrets().map(str::as_bytes).collect());
    set.get(bytes).and_then(|b| std::str::from_utf8(b).ok())
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
