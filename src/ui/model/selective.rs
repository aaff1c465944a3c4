//! Selective disclosure (RFC 9901) in the model: which claims of a token being built are made
//! disclosable (a tick each, and a decoy count), what the payload offers to tick, and the
//! holder's presentation of the SD-JWT on screen.

use std::collections::BTreeSet;

use serde_json::Value;

use super::Model;
use crate::core::sdjwt::{self, issue};
use crate::core::{self, keys};
use crate::tr;
use crate::ui::shared::PresentRequest;

/// The most claims and array elements offered to tick.
const MAX_CANDIDATES: usize = 200;

/// Claims that stay visible whatever is ticked: the digests' own members and the holder key.
const NEVER: [&str; 4] = ["_sd", "_sd_alg", "...", "cnf"];

/// What the user ticked for the token being built; transient.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SdBuild {
    /// RFC 6901 pointers to the claims made selectively disclosable.
    pub pointers: BTreeSet<String>,
    /// Decoy digests added to the top-level `_sd`.
    pub decoys: usize,
}

impl Default for SdBuild {
    fn default() -> Self {
        Self {
            pointers: BTreeSet::new(),
            decoys: 2,
        }
    }
}

/// A claim or array element the build panel offers to make disclosable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SdCandidate {
    pub pointer: String,
    /// How it reads: `given_name`, `address.street_address`, `nationalities[1]`.
    pub label: String,
    /// 0 for a top-level claim, 1 for what lies in one.
    pub depth: usize,
}

fn escape(step: &str) -> String {
    step.replace('~', "~0").replace('/', "~1")
}

/// The claims, their members and their array elements (one level down), in payload order.
pub fn candidates(payload: &Value) -> Vec<SdCandidate> {
    let mut out = Vec::new();
    let Some(map) = payload.as_object() else {
        return out;
    };
    for (name, value) in map {
        if NEVER.contains(&name.as_str()) {
            continue;
        }
        let pointer = format!("/{}", escape(name));
        out.push(SdCandidate {
            pointer: pointer.clone(),
            label: name.clone(),
            depth: 0,
        });
        match value {
            Value::Object(inner) => {
                for member in inner.keys().filter(|m| !NEVER.contains(&m.as_str())) {
                    out.push(SdCandidate {
                        pointer: format!("{pointer}/{}", escape(member)),
                        label: format!("{name}.{member}"),
                        depth: 1,
                    });
                }
            }
            Value::Array(items) => {
                for i in 0..items.len() {
                    out.push(SdCandidate {
                        pointer: format!("{pointer}/{i}"),
                        label: format!("{name}[{i}]"),
                        depth: 1,
                    });
                }
            }
            _ => {}
        }
        if out.len() >= MAX_CANDIDATES {
            out.truncate(MAX_CANDIDATES);
            break;
        }
    }
    out
}

impl Model {
    /// A claim's tick changed: re-sign with the claims ticked.
    pub fn set_disclosable(&mut self, pointer: &str, on: bool) {
        if on {
            self.sd_build.pointers.insert(pointer.to_owned());
        } else {
            self.sd_build.pointers.remove(pointer);
        }
        self.parts_edited();
    }

    pub fn set_sd_decoys(&mut self, decoys: usize) {
        self.sd_build.decoys = decoys.min(100);
        if !self.sd_build.pointers.is_empty() {
            self.parts_edited();
        }
    }

    /// The payload to sign and the disclosures to append: the ticked claims replaced by digests
    /// (ticks the payload no longer has are dropped), the holder key in `cnf.jwk`.
    pub(super) fn make_disclosable(
        &mut self,
        payload: Value,
    ) -> Result<(Value, Vec<String>), String> {
        let present: BTreeSet<String> = self
            .sd_candidates
            .iter()
            .map(|c| c.pointer.clone())
            .collect();
        self.sd_build.pointers.retain(|p| present.contains(p));
        if self.sd_build.pointers.is_empty() {
            return Ok((payload, Vec::new()));
        }
        let Value::Object(mut claims) = payload else {
            return Ok((payload, Vec::new()));
        };
        let what = issue::Disclosable {
            pointers: self.sd_build.pointers.iter().cloned().collect(),
            decoys: self.sd_build.decoys,
            hash: sdjwt::HashAlg::Sha256,
            holder_key: self
                .key_state
                .holder
                .as_ref()
                .and_then(|set| set.keys.first().cloned()),
        };
        let disclosures = issue::make_disclosable(&mut claims, &what).map_err(|e| e.to_string())?;
        Ok((Value::Object(claims), disclosures))
    }

    /// A presentation of the SD-JWT on screen with the chosen disclosures, and a key-binding JWT
    /// when a holder key is given.
    pub fn present(&self, request: &PresentRequest) -> Result<String, String> {
        let binding = if request.key.trim().is_empty() {
            None
        } else {
            let set = keys::parse_text(&request.key)
                .map_err(|e| tr!("present-key-error", error = e.to_string()))?;
            let key = set
                .keys
                .into_iter()
                .find(core::Key::is_private)
                .ok_or_else(|| tr!("present-key-not-private"))?;
            Some(issue::Binding {
                key,
                aud: request.aud.trim().to_owned(),
                nonce: request.nonce.trim().to_owned(),
                iat: self.now(),
            })
        };
        issue::present(
            &self.state.token,
            &issue::Selection::Disclosures(request.disclosures.clone()),
            binding.as_ref(),
        )
        .map_err(|e| e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn candidates_are_claims_members_and_elements_but_never_digests_or_cnf() {
        let payload = serde_json::json!({
            "sub": "x", "address": {"street": "s", "_sd": []}, "nat": ["DE", "FR"],
            "_sd": [], "cnf": {"jwk": {}}, "a/b": 1
        });
        let got: Vec<(String, String)> = candidates(&payload)
            .into_iter()
            .map(|c| (c.pointer, c.label))
            .collect();
        let want = [
            ("/sub", "sub"),
            ("/address", "address"),
            ("/address/street", "address.street"),
            ("/nat", "nat"),
            ("/nat/0", "nat[0]"),
            ("/nat/1", "nat[1]"),
            ("/a~1b", "a/b"),
        ];
        assert_eq!(
            got,
            want.map(|(p, l)| (p.to_owned(), l.to_owned())).to_vec()
        );
    }
}
