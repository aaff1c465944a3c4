//! RFC 9901 §7.1: decode each disclosure, hash it with `_sd_alg`, and put its claim where its
//! digest stands (an `_sd` list, or an array's `{"...": digest}`), recursively; every rule that
//! fails is named with the disclosure it concerns. Digests no disclosure matches are decoys (or
//! claims not disclosed) and never an error.

use std::collections::{HashMap, HashSet};

use serde_json::{Map, Value};

use super::{DisclosureInfo, HashAlg, SdReport, SdStatus};
use crate::core::msg::Text;
use crate::core::{b64, json};
use crate::msg;

/// Disclosures inside disclosures are followed this deep at most (each level is a disclosure, so a
/// hostile token cannot make the walk recurse without bound).
pub const MAX_DISCLOSURE_DEPTH: usize = 64;

/// A disclosure's contents, when it reads as one.
struct Parsed {
    name: Option<String>,
    value: Value,
}

/// An RFC 6901 pointer one step below `base`.
fn pointer(base: &str, step: &str) -> String {
    format!("{base}/{}", step.replace('~', "~0").replace('/', "~1"))
}

/// What is wrong with a disclosure's decoded text, or what it holds.
fn read_disclosure(text: &str) -> Result<(String, Parsed), Text> {
    if text.is_empty() {
        return Err(msg!("sd-problem-empty"));
    }
    let bytes = b64::decode(text)
        .map_err(|e| msg!("sd-problem-base64", error = e.to_string()))?
        .bytes;
    let text = std::str::from_utf8(&bytes).map_err(|_| msg!("sd-problem-utf8"))?;
    let value = json::parse(text)
        .map_err(|e| msg!("sd-problem-json", error = e.to_string()))?
        .value;
    let Value::Array(items) = value else {
        return Err(msg!("sd-problem-shape"));
    };
    let mut items = items.into_iter();
    match (items.next(), items.next(), items.next(), items.next()) {
        (Some(salt), Some(name), Some(value), None) => {
            let Value::String(salt) = salt else {
                return Err(msg!("sd-problem-salt"));
            };
            let Value::String(name) = name else {
                return Err(msg!("sd-problem-name"));
            };
            if name == "_sd" || name == "..." {
                return Err(msg!("sd-problem-reserved", name = name));
            }
            Ok((
                salt,
                Parsed {
                    name: Some(name),
                    value,
                },
            ))
        }
        (Some(salt), Some(value), None, None) => {
            let Value::String(salt) = salt else {
                return Err(msg!("sd-problem-salt"));
            };
            Ok((salt, Parsed { name: None, value }))
        }
        _ => Err(msg!("sd-problem-shape")),
    }
}

/// The walk over the payload, placing disclosures as their digests are met.
struct Walk {
    infos: Vec<DisclosureInfo>,
    parsed: Vec<Option<Parsed>>,
    by_digest: HashMap<String, usize>,
    used: Vec<bool>,
    seen: HashSet<String>,
    decoys: usize,
    digests: usize,
    errors: Vec<Text>,
    too_deep: bool,
}

impl Walk {
    /// A digest was met at `at`: the index of its disclosure, if one matches and the digest was
    /// not met before.
    fn meet(&mut self, digest: &str, at: &str) -> Option<usize> {
        self.digests += 1;
        if !self.seen.insert(digest.to_owned()) {
            self.errors
                .push(msg!("sd-digest-twice", digest = digest, at = display(at)));
            return None;
        }
        match self.by_digest.get(digest) {
            Some(&i) => Some(i),
            None => {
                self.decoys += 1;
                None
            }
        }
    }

    fn problem(&mut self, i: usize, problem: Text) {
        self.errors.push(msg!(
            "sd-disclosure-error",
            n = i + 1,
            problem = problem.clone()
        ));
        self.infos[i].problem = Some(problem);
    }

    fn object(&mut self, map: &Map<String, Value>, at: &str, depth: usize) -> Map<String, Value> {
        let root = at.is_empty();
        let mut out = Map::new();
        for (name, value) in map {
            if name == "_sd" || (root && name == "_sd_alg") {
                continue;
            }
            let here = pointer(at, name);
            let value = self.value(value, &here, depth);
            out.insert(name.clone(), value);
        }
        let Some(list) = map.get("_sd") else {
            return out;
        };
        let Some(list) = list.as_array() else {
            self.errors.push(msg!("sd-not-array", at = display(at)));
            return out;
        };
        for digest in list {
            let Some(digest) = digest.as_str() else {
                self.errors
                    .push(msg!("sd-digest-not-string", at = display(at)));
                continue;
            };
            let Some(i) = self.meet(digest, at) else {
                continue;
            };
            self.used[i] = true;
            let Some(parsed) = self.parsed[i].take() else {
                continue;
            };
            let Some(name) = parsed.name else {
                self.problem(i, msg!("sd-problem-element-in-object", at = display(at)));
                continue;
            };
            if out.contains_key(&name) {
                self.problem(
                    i,
                    msg!(
                        "sd-problem-name-exists",
                        name = name.as_str(),
                        at = display(at)
                    ),
                );
                continue;
            }
            let here = pointer(at, &name);
            let value = self.nested(&parsed.value, &here, depth);
            self.infos[i].path = Some(here);
            out.insert(name, value);
        }
        out
    }

    /// A disclosed value: its own digests are followed one level deeper.
    fn nested(&mut self, value: &Value, at: &str, depth: usize) -> Value {
        if depth >= MAX_DISCLOSURE_DEPTH {
            if !self.too_deep {
                self.too_deep = true;
                self.errors.push(msg!(
                    "sd-too-deep",
                    max = MAX_DISCLOSURE_DEPTH,
                    at = display(at)
                ));
            }
            return value.clone();
        }
        self.value(value, at, depth + 1)
    }

    fn value(&mut self, value: &Value, at: &str, depth: usize) -> Value {
        match value {
            Value::Object(map) => Value::Object(self.object(map, at, depth)),
            Value::Array(items) => {
                let mut out = Vec::with_capacity(items.len());
                for item in items {
                    let here = format!("{at}/{}", out.len());
                    let digest = item
                        .as_object()
                        .filter(|o| o.len() == 1)
                        .and_then(|o| o.get("..."));
                    let Some(digest) = digest else {
                        out.push(self.value(item, &here, depth));
                        continue;
                    };
                    let Some(digest) = digest.as_str() else {
                        self.errors
                            .push(msg!("sd-ellipsis-not-string", at = display(&here)));
                        continue;
                    };
                    let Some(i) = self.meet(digest, &here) else {
                        continue;
                    };
                    self.used[i] = true;
                    let Some(parsed) = self.parsed[i].take() else {
                        continue;
                    };
                    if let Some(name) = parsed.name {
                        self.problem(
                            i,
                            msg!(
                                "sd-problem-property-in-array",
                                name = name,
                                at = display(&here)
                            ),
                        );
                        continue;
                    }
                    let value = self.nested(&parsed.value, &here, depth);
                    self.infos[i].path = Some(here);
                    out.push(value);
                }
                Value::Array(out)
            }
            other => other.clone(),
        }
    }
}

/// "/" for the root, the pointer otherwise.
fn display(at: &str) -> String {
    if at.is_empty() {
        "/".into()
    } else {
        at.to_owned()
    }
}

/// Matches `disclosures` to the digests of `payload` (the issuer-signed claims).
pub fn process_disclosures(
    payload: Option<&Map<String, Value>>,
    disclosures: &[String],
) -> SdReport {
    let mut errors = Vec::new();
    let (hash_alg, alg) = match payload.and_then(|p| p.get("_sd_alg")) {
        None => ("sha-256".to_owned(), Some(HashAlg::Sha256)),
        Some(Value::String(name)) => {
            let alg = HashAlg::parse(name);
            if alg.is_none() {
                errors.push(msg!("sd-alg-unsupported", alg = name.as_str()));
            }
            (name.clone(), alg)
        }
        Some(_) => {
            errors.push(msg!("sd-alg-not-string"));
            (String::new(), None)
        }
    };
    let mut walk = Walk {
        infos: Vec::with_capacity(disclosures.len()),
        parsed: Vec::with_capacity(disclosures.len()),
        by_digest: HashMap::with_capacity(disclosures.len()),
        used: vec![false; disclosures.len()],
        seen: HashSet::new(),
        decoys: 0,
        digests: 0,
        errors,
        too_deep: false,
    };
    let mut first_of: HashMap<&str, usize> = HashMap::new();
    for (i, text) in disclosures.iter().enumerate() {
        let digest = alg.map(|a| a.b64_digest(text)).unwrap_or_default();
        let (info, parsed) = match read_disclosure(text) {
            Ok((salt, parsed)) => (
                DisclosureInfo {
                    disclosure: text.clone(),
                    digest: digest.clone(),
                    salt: Some(salt),
                    name: parsed.name.clone(),
                    value: Some(parsed.value.clone()),
                    path: None,
                    problem: None,
                },
                Some(parsed),
            ),
            Err(problem) => (
                DisclosureInfo {
                    disclosure: text.clone(),
                    digest: digest.clone(),
                    salt: None,
                    name: None,
                    value: None,
                    path: None,
                    problem: Some(problem),
                },
                None,
            ),
        };
        walk.infos.push(info);
        if let Some(problem) = walk.infos[i].problem.clone() {
            walk.errors
                .push(msg!("sd-disclosure-error", n = i + 1, problem = problem));
            walk.used[i] = true; // already reported; not "referenced nowhere" as well
            walk.parsed.push(None);
            continue;
        }
        if let Some(&first) = first_of.get(text.as_str()) {
            walk.problem(i, msg!("sd-problem-twice", first = first + 1));
            walk.used[i] = true;
            walk.parsed.push(None);
            continue;
        }
        first_of.insert(text, i);
        walk.parsed.push(parsed);
        if alg.is_some() {
            walk.by_digest.insert(digest, i);
        }
    }
    let claims = match payload {
        Some(map) => Some(walk.object(map, "", 0)),
        None => {
            if !disclosures.is_empty() {
                walk.errors.push(msg!("sd-payload-not-object"));
            }
            None
        }
    };
    if alg.is_some() {
        for i in 0..disclosures.len() {
            if !walk.used[i] {
                walk.problem(i, msg!("sd-problem-unreferenced"));
            }
        }
    }
    let status = if walk.errors.is_empty() {
        SdStatus::Valid
    } else {
        SdStatus::Invalid
    };
    SdReport {
        status,
        hash_alg,
        disclosures: walk.infos,
        decoys: walk.decoys,
        claims,
        errors: walk.errors,
        key_binding: None,
        digests: walk.digests,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn disclosure(array: &Value) -> String {
        b64::encode(array.to_string().as_bytes())
    }

    fn digest(d: &str) -> String {
        HashAlg::Sha256.b64_digest(d)
    }

    fn run(payload: Value, disclosures: &[String]) -> SdReport {
        process_disclosures(payload.as_object(), disclosures)
    }

    #[test]
    fn properties_and_elements_are_put_back_recursively() {
        let street = disclosure(&json!(["s1", "street", "Main St 1"]));
        let address = disclosure(&json!(["s2", "address", {"_sd": [digest(&street)], "zip": "1"}]));
        let second = disclosure(&json!(["s3", "FR"]));
        let payload = json!({
            "iss": "https://issuer.example",
            "_sd_alg": "sha-256",
            "_sd": [digest(&address), "decoy-digest"],
            "nationalities": ["DE", {"...": digest(&second)}, {"...": "another-decoy"}],
        });
        let r = run(payload, &[street.clone(), address, second]);
        assert_eq!(r.status, SdStatus::Valid, "{:?}", r.errors);
        assert_eq!(
            Value::Object(r.claims.clone().unwrap()),
            json!({
                "iss": "https://issuer.example",
                "nationalities": ["DE", "FR"],
                "address": {"zip": "1", "street": "Main St 1"},
            })
        );
        assert_eq!(r.decoys, 2);
        assert_eq!(r.digests, 5);
        assert_eq!(
            r.disclosed_at("/address/street").unwrap().disclosure,
            street
        );
        assert_eq!(r.disclosures[2].path.as_deref(), Some("/nationalities/1"));
    }

    #[test]
    fn every_rule_of_section_7_1_is_named_with_its_disclosure() {
        let a = disclosure(&json!(["s1", "given_name", "Ann"]));
        let elem = disclosure(&json!(["s2", "x"]));
        let reserved = disclosure(&json!(["s3", "_sd", 1]));
        let bad_salt = disclosure(&json!([1, "n", "v"]));
        let exists = disclosure(&json!(["s4", "iss", "evil"]));
        let stray = disclosure(&json!(["s5", "stray", 1]));
        let payload = json!({
            "iss": "https://issuer.example",
            "_sd": [digest(&a), digest(&elem), digest(&exists)],
            "list": [{"...": digest(&a)}],
        });
        let r = run(
            payload,
            &[
                a.clone(),
                elem,
                reserved,
                bad_salt,
                exists,
                stray,
                a,
                "".into(),
                "%%%".into(),
            ],
        );
        assert_eq!(r.status, SdStatus::Invalid);
        let words: Vec<String> = r.errors.iter().map(ToString::to_string).collect();
        let has = |needle: &str| words.iter().any(|w| w.contains(needle));
        assert!(has("is referenced more than once"), "{words:#?}");
        assert!(has("disclosure 2: an array element"), "{words:#?}");
        assert!(
            has("disclosure 3: the claim name \"_sd\" is reserved"),
            "{words:#?}"
        );
        assert!(has("disclosure 4: the salt is not a string"), "{words:#?}");
        assert!(has("disclosure 5: it discloses \"iss\""), "{words:#?}");
        assert!(
            has("disclosure 6: its digest is referenced nowhere"),
            "{words:#?}"
        );
        assert!(has("disclosure 7: the same as disclosure 1"), "{words:#?}");
        assert!(has("disclosure 8: empty"), "{words:#?}");
        assert!(has("disclosure 9: not base64url"), "{words:#?}");
        // The original claim stays; the disclosure that would overwrite it does not.
        assert_eq!(r.claims.unwrap()["iss"], "https://issuer.example");
    }

    #[test]
    fn an_unsupported_hash_is_an_error_and_nothing_is_placed() {
        let a = disclosure(&json!(["s1", "given_name", "Ann"]));
        let r = run(json!({"_sd_alg": "md5", "_sd": [digest(&a)]}), &[a]);
        assert_eq!(r.status, SdStatus::Invalid);
        assert!(r.errors[0].to_string().contains("md5"));
        assert!(r.claims.unwrap().is_empty());
    }

    #[test]
    fn a_chain_of_disclosures_deeper_than_the_limit_stops_with_an_error() {
        let mut disclosures = Vec::new();
        let mut inner = json!("bottom");
        for i in 0..(MAX_DISCLOSURE_DEPTH + 10) {
            let d = disclosure(&json!([format!("s{i}"), "n", inner]));
            inner = json!({"_sd": [digest(&d)]});
            disclosures.push(d);
        }
        let r = run(inner, &disclosures);
        assert_eq!(r.status, SdStatus::Invalid);
        assert!(
            r.errors
                .iter()
                .any(|e| e.to_string().contains("levels deep"))
        );
    }
}
