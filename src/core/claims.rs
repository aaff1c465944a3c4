//! Claims and header members with their explanations (from `assets/claims.json`).

use std::collections::HashMap;
use std::sync::OnceLock;

use serde_json::Value;

use super::time::{self, TimeInfo};

/// One dictionary entry.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
pub struct Entry {
    pub title: String,
    pub spec: String,
    pub description: String,
    /// The value is a NumericDate.
    #[serde(default)]
    pub time: bool,
}

#[derive(Debug, serde::Deserialize)]
struct Dictionary {
    claims: HashMap<String, Entry>,
    header: HashMap<String, Entry>,
}

fn dictionary() -> &'static Dictionary {
    static DICT: OnceLock<Dictionary> = OnceLock::new();
    DICT.get_or_init(|| {
        // The asset is checked by a unit test; an empty dictionary is the safe fallback.
        serde_json::from_str(include_str!("../../assets/claims.json")).unwrap_or_else(|_| {
            Dictionary {
                claims: HashMap::new(),
                header: HashMap::new(),
            }
        })
    })
}

/// Where a member lives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Location {
    Header,
    Payload,
}

/// A member with its annotation.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Claim {
    pub location: Location,
    pub name: String,
    pub value: Value,
    /// Title from the dictionary; `None` for custom members.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<String>,
    /// For NumericDate members with a numeric value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time: Option<TimeInfo>,
}

impl Claim {
    pub fn is_registered(&self) -> bool {
        self.title.is_some()
    }
}

/// Reads a NumericDate: integer seconds, or a fractional value floored. `None` when not a number.
pub fn numeric_date(value: &Value) -> Option<i64> {
    let n = value.as_number()?;
    if let Some(i) = n.as_i64() {
        return Some(i);
    }
    let f = n.as_f64()?;
    (f.is_finite() && f.abs() < 9.0e15).then(|| f.floor() as i64)
}

/// Annotates every member of an object.
pub fn annotate(
    object: &serde_json::Map<String, Value>,
    location: Location,
    now: i64,
) -> Vec<Claim> {
    let dict = dictionary();
    let table = match location {
        Location::Header => &dict.header,
        Location::Payload => &dict.claims,
    };
    object
        .iter()
        .map(|(name, value)| {
            let entry = table.get(name);
            let time = entry
                .filter(|e| e.time)
                .and_then(|_| numeric_date(value))
                .map(|t| time::info(t, now));
            Claim {
                location,
                name: name.clone(),
                value: value.clone(),
                title: entry.map(|e| e.title.clone()),
                description: entry.map(|e| e.description.clone()),
                spec: entry.map(|e| e.spec.clone()),
                time,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_dictionary_parses_and_covers_registered_claims() {
        let parsed: Dictionary =
            serde_json::from_str(include_str!("../../assets/claims.json")).unwrap();
        for name in ["iss", "sub", "aud", "exp", "nbf", "iat", "jti"] {
            assert!(parsed.claims.contains_key(name), "{name}");
        }
        assert!(parsed.claims["exp"].time);
    }

    #[test]
    fn registered_time_claim_gets_dates_and_custom_claim_does_not() {
        let obj = serde_json::json!({"exp": 1300819380, "role": "admin"});
        let claims = annotate(
            obj.as_object().unwrap(),
            Location::Payload,
            1_300_819_380 - 60,
        );
        assert_eq!(claims[0].title.as_deref(), Some("Expiration time"));
        let t = claims[0].time.as_ref().unwrap();
        assert_eq!(t.utc, "2011-03-22T18:43:00Z");
        assert_eq!(t.relative, "in 1 min");
        assert!(!claims[1].is_registered());
    }

    #[test]
    fn fractional_numeric_dates_are_floored_and_strings_ignored() {
        assert_eq!(numeric_date(&serde_json::json!(1.9)), Some(1));
        assert_eq!(numeric_date(&serde_json::json!("1")), None);
    }
}
