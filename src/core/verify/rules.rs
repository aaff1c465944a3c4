//! The header rules a conforming verifier enforces whatever the signature: `crit` (RFC 7515
//! §4.1.11) and `b64` (RFC 7797 §6).

use serde_json::Value;

use crate::core::msg::Text;
use crate::msg;

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
