//! Making SD-JWTs to test with. The issuer side turns the claims named by JSON pointers into
//! disclosures (a pointer under another makes a recursive disclosure), adds decoy digests, sorts
//! every `_sd` list (so the order says nothing about the claims) and binds a holder key through
//! `cnf.jwk`. The holder side presents a chosen subset, with a fresh key-binding JWT on request.

use rand_core::{OsRng, RngCore as _};
use serde_json::{Map, Value, json};

use super::{HashAlg, process_disclosures};
use crate::core::msg::Text;
use crate::core::{Alg, Key, b64, export, parse, sign};
use crate::msg;

/// Why an SD-JWT could not be made or presented.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{0}")]
pub struct SdError(pub Text);

/// 128 random bits, base64url: a disclosure's salt (RFC 9901 §9.3).
fn salt() -> String {
    let mut bytes = [0u8; 16];
    OsRng.fill_bytes(&mut bytes);
    b64::encode(bytes)
}

/// The steps of an RFC 6901 pointer (`~1` is `/`, `~0` is `~`).
fn steps(pointer: &str) -> Result<Vec<String>, SdError> {
    let Some(rest) = pointer.strip_prefix('/') else {
        return Err(SdError(msg!("sd-pointer-syntax", pointer = pointer)));
    };
    Ok(rest
        .split('/')
        .map(|s| s.replace("~1", "/").replace("~0", "~"))
        .collect())
}

/// The container `steps` lead to inside `root`.
fn walk<'a>(
    root: &'a mut Value,
    steps: &[String],
    pointer: &str,
) -> Result<&'a mut Value, SdError> {
    let mut here = root;
    for step in steps {
        here = match here {
            Value::Object(map) => map.get_mut(step),
            Value::Array(items) => step.parse::<usize>().ok().and_then(|i| items.get_mut(i)),
            _ => None,
        }
        .ok_or_else(|| SdError(msg!("sd-pointer-missing", pointer = pointer)))?;
    }
    Ok(here)
}

/// What `encode --sd` is asked for.
#[derive(Debug, Clone)]
pub struct Disclosable {
    /// RFC 6901 pointers to the claims (object members or array elements) to make disclosable.
    pub pointers: Vec<String>,
    /// Decoy digests added to the top-level `_sd`.
    pub decoys: usize,
    pub hash: HashAlg,
    /// The holder's public key, put in `cnf.jwk`.
    pub holder_key: Option<Key>,
}

/// Makes the claims named in `what` selectively disclosable in `claims`; returns the disclosures
/// (deepest first, so a disclosure's value already holds the digests of those inside it).
pub fn make_disclosable(
    claims: &mut Map<String, Value>,
    what: &Disclosable,
) -> Result<Vec<String>, SdError> {
    let mut root = Value::Object(std::mem::take(claims));
    let mut pointers = what
        .pointers
        .iter()
        .map(|p| steps(p).map(|s| (p.as_str(), s)))
        .collect::<Result<Vec<_>, _>>()?;
    // Deepest first: what lies under another pointer is replaced before its container moves.
    pointers.sort_by_key(|(_, s)| std::cmp::Reverse(s.len()));
    let mut disclosures = Vec::new();
    for (pointer, steps) in &pointers {
        let (last, parent) = steps
            .split_last()
            .ok_or_else(|| SdError(msg!("sd-pointer-root")))?;
        let container = walk(&mut root, parent, pointer)?;
        let (disclosure, digest) = match container {
            Value::Object(map) => {
                if last == "_sd" || last == "..." || last == "_sd_alg" {
                    return Err(SdError(msg!("sd-pointer-reserved", pointer = *pointer)));
                }
                let value = map
                    .shift_remove(last)
                    .ok_or_else(|| SdError(msg!("sd-pointer-missing", pointer = *pointer)))?;
                let text = b64::encode(json!([salt(), last, value]).to_string());
                let digest = what.hash.b64_digest(&text);
                let list = map.entry("_sd").or_insert_with(|| Value::Array(Vec::new()));
                let Value::Array(list) = list else {
                    return Err(SdError(msg!("sd-pointer-reserved", pointer = *pointer)));
                };
                list.push(Value::from(digest.clone()));
                (text, digest)
            }
            Value::Array(items) => {
                let slot = last
                    .parse::<usize>()
                    .ok()
                    .and_then(|i| items.get_mut(i))
                    .ok_or_else(|| SdError(msg!("sd-pointer-missing", pointer = *pointer)))?;
                let value = slot.take();
                let text = b64::encode(json!([salt(), value]).to_string());
                let digest = what.hash.b64_digest(&text);
                *slot = json!({ "...": digest });
                (text, digest)
            }
            _ => return Err(SdError(msg!("sd-pointer-missing", pointer = *pointer))),
        };
        let _ = digest;
        disclosures.push(disclosure);
    }
    let Value::Object(mut map) = root else {
        unreachable!("the root stays an object");
    };
    if what.decoys > 0 {
        let list = map.entry("_sd").or_insert_with(|| Value::Array(Vec::new()));
        if let Value::Array(list) = list {
            for _ in 0..what.decoys {
                list.push(Value::from(what.hash.b64_digest(&salt())));
            }
        }
    }
    sort_digests(&mut map);
    map.insert("_sd_alg".into(), Value::from(what.hash.name()));
    if let Some(holder) = &what.holder_key {
        map.insert("cnf".into(), json!({ "jwk": export::jwk(holder, false) }));
    }
    *claims = map;
    Ok(disclosures)
}

/// Sorts every `_sd` list, so that the order of the digests says nothing about the claims.
fn sort_digests(map: &mut Map<String, Value>) {
    for (name, value) in map.iter_mut() {
        match value {
            Value::Array(list) if name == "_sd" => list.sort_by(|a, b| {
                a.as_str()
                    .unwrap_or_default()
                    .cmp(b.as_str().unwrap_or_default())
            }),
            Value::Object(inner) => sort_digests(inner),
            _ => {}
        }
    }
}

/// Which disclosures a presentation carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Selection {
    All,
    None,
    /// The disclosures at these pointers, the ones they lie in, and the ones inside them.
    Pointers(Vec<String>),
    /// Exactly these disclosures (as in the token), and the ones they lie in.
    Disclosures(Vec<String>),
}

/// What the holder signs the key-binding JWT with and for.
#[derive(Debug, Clone)]
pub struct Binding {
    pub key: Key,
    pub aud: String,
    pub nonce: String,
    pub iat: i64,
}

/// True when `path` is `pointer`, lies under it, or leads to it.
fn related(path: &str, pointer: &str) -> bool {
    let under = |a: &str, b: &str| a == b || a.starts_with(&format!("{b}/"));
    under(path, pointer) || under(pointer, path)
}

/// A presentation of the SD-JWT `sd_jwt` carrying the selected disclosures, and a key-binding
/// JWT when `binding` is given.
pub fn present(
    sd_jwt: &str,
    selection: &Selection,
    binding: Option<&Binding>,
) -> Result<String, SdError> {
    let decoded = parse::decode(sd_jwt);
    if let Some(error) = decoded.errors.first() {
        return Err(SdError(msg!(
            "sd-present-malformed",
            error = error.to_string()
        )));
    }
    let Some(parts) = decoded.sd.as_ref() else {
        return Err(SdError(msg!("sd-present-not-sd")));
    };
    let report = process_disclosures(decoded.claims(), &parts.disclosures);
    if let Some(error) = report.errors.first() {
        return Err(SdError(msg!("sd-present-invalid", error = error.clone())));
    }
    let chosen: Vec<&str> = match selection {
        Selection::All => report
            .disclosures
            .iter()
            .map(|d| d.disclosure.as_str())
            .collect(),
        Selection::None | Selection::Disclosures(_) => Vec::new(),
        Selection::Pointers(pointers) => {
            for pointer in pointers {
                let known = report
                    .disclosures
                    .iter()
                    .any(|d| d.path.as_deref().is_some_and(|p| related(p, pointer)));
                if !known {
                    return Err(SdError(msg!(
                        "sd-present-nothing-at",
                        pointer = pointer.as_str()
                    )));
                }
            }
            report
                .disclosures
                .iter()
                .filter(|d| {
                    d.path
                        .as_deref()
                        .is_some_and(|p| pointers.iter().any(|q| related(p, q)))
                })
                .map(|d| d.disclosure.as_str())
                .collect()
        }
    };
    let chosen = match selection {
        Selection::Disclosures(wanted) => {
            let paths: Vec<&str> = report
                .disclosures
                .iter()
                .filter(|d| wanted.contains(&d.disclosure))
                .filter_map(|d| d.path.as_deref())
                .collect();
            let under = |path: &str, container: &str| path.starts_with(&format!("{container}/"));
            report
                .disclosures
                .iter()
                .filter(|d| {
                    wanted.contains(&d.disclosure)
                        || d.path
                            .as_deref()
                            .is_some_and(|p| paths.iter().any(|q| under(q, p)))
                })
                .map(|d| d.disclosure.as_str())
                .collect()
        }
        _ => chosen,
    };
    let jwt = &parts.presented[..parts.presented.find('~').unwrap_or(parts.presented.len())];
    let mut presented = format!("{jwt}~");
    for d in chosen {
        presented.push_str(d);
        presented.push('~');
    }
    let Some(binding) = binding else {
        return Ok(presented);
    };
    let hash = HashAlg::parse(&report.hash_alg)
        .ok_or_else(|| SdError(msg!("sd-alg-unsupported", alg = report.hash_alg.as_str())))?;
    let alg = binding
        .key
        .algorithms()
        .into_iter()
        .find(|a| !matches!(a, Alg::HS256 | Alg::HS384 | Alg::HS512 | Alg::None))
        .ok_or_else(|| SdError(msg!("sd-kb-key-symmetric")))?;
    let header = json!({ "alg": alg.name(), "typ": "kb+jwt" });
    let payload = json!({
        "iat": binding.iat,
        "aud": binding.aud,
        "nonce": binding.nonce,
        "sd_hash": hash.b64_digest(&presented),
    });
    let kb = sign::sign(
        &header.to_string(),
        &payload.to_string(),
        Some(&binding.key),
        sign::Unsecured::Refuse,
    )
    .map_err(|e| SdError(msg!("sd-kb-sign", error = e.to_string())))?;
    presented.push_str(&kb.token);
    Ok(presented)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::sdjwt::{KbStatus, SdOptions, SdStatus, analyze};

    fn issuer_key() -> Key {
        crate::core::keygen::generate(crate::core::keygen::KeyKind::Ec(
            crate::core::alg::Curve::P256,
        ))
        .unwrap()
    }

    #[test]
    fn issued_claims_come_back_exactly_and_a_presentation_binds_to_its_holder() {
        let claims = json!({
            "iss": "https://issuer.example",
            "given_name": "Erika",
            "address": {"street_address": "Heidestraße 17", "locality": "Köln"},
            "nationalities": ["DE", "FR"],
        });
        let issuer = issuer_key();
        let holder = issuer_key();
        let mut map = claims.as_object().unwrap().clone();
        let disclosures = make_disclosable(
            &mut map,
            &Disclosable {
                pointers: vec![
                    "/given_name".into(),
                    "/address/street_address".into(),
                    "/address".into(),
                    "/nationalities/1".into(),
                ],
                decoys: 3,
                hash: HashAlg::Sha256,
                holder_key: Some(holder.clone()),
            },
        )
        .unwrap();
        assert_eq!(disclosures.len(), 4);
        let jwt = sign::sign(
            r#"{"alg":"ES256","typ":"dc+sd-jwt"}"#,
            &Value::Object(map).to_string(),
            Some(&issuer),
            sign::Unsecured::Refuse,
        )
        .unwrap()
        .token;
        let issuance = format!("{jwt}~{}~", disclosures.join("~"));
        let decoded = parse::decode(&issuance);
        let report = analyze(
            &decoded,
            decoded.sd.as_ref().unwrap(),
            &SdOptions::default(),
            0,
            0,
        );
        assert_eq!(report.status, SdStatus::Valid, "{:?}", report.errors);
        let mut expected = claims.as_object().unwrap().clone();
        expected.insert("cnf".into(), json!({"jwk": export::jwk(&holder, false)}));
        assert_eq!(report.claims.unwrap(), expected);
        assert_eq!(report.decoys, 3);

        // Present the street only: the address disclosure it lies in comes along.
        let presentation = present(
            &issuance,
            &Selection::Pointers(vec!["/address/street_address".into()]),
            Some(&Binding {
                key: holder,
                aud: "https://verifier.example".into(),
                nonce: "n-0S6_WzA2Mj".into(),
                iat: 1_800_000_000,
            }),
        )
        .unwrap();
        let decoded = parse::decode(&presentation);
        let options = SdOptions {
            kb_aud: Some("https://verifier.example".into()),
            kb_nonce: Some("n-0S6_WzA2Mj".into()),
            ..SdOptions::default()
        };
        let report = analyze(
            &decoded,
            decoded.sd.as_ref().unwrap(),
            &options,
            1_800_000_010,
            0,
        );
        assert_eq!(report.status, SdStatus::Valid, "{:?}", report.errors);
        let kb = report.key_binding.as_ref().unwrap();
        assert_eq!(kb.status, KbStatus::Verified, "{}", kb.detail);
        let claims = report.claims.unwrap();
        assert_eq!(
            claims["address"],
            json!({"street_address": "Heidestraße 17", "locality": "Köln"})
        );
        assert!(!claims.contains_key("given_name"));
        assert_eq!(claims["nationalities"], json!(["DE"]));

        // Too old, another verifier, a dropped disclosure: each refused and named.
        let late = analyze(
            &decoded,
            decoded.sd.as_ref().unwrap(),
            &options,
            1_800_001_000,
            0,
        );
        assert!(
            late.key_binding
                .unwrap()
                .detail
                .to_string()
                .contains("older than")
        );
        let other = SdOptions {
            kb_aud: Some("https://other.example".into()),
            ..options.clone()
        };
        let wrong = analyze(
            &decoded,
            decoded.sd.as_ref().unwrap(),
            &other,
            1_800_000_010,
            0,
        );
        assert_eq!(wrong.key_binding.unwrap().status, KbStatus::Invalid);
        let (head, kb_jwt) = presentation.rsplit_once('~').unwrap();
        let dropped = format!("{}~{kb_jwt}", head.rsplit_once('~').unwrap().0);
        let d = parse::decode(&dropped);
        let r = analyze(&d, d.sd.as_ref().unwrap(), &options, 1_800_000_010, 0);
        assert_eq!(r.key_binding.unwrap().sd_hash, "mismatch");
    }
}
