//! Claims and header members with their explanations. The explanations are data
//! (`assets/claims.json`, parsed once); users can load their own dictionary on top. A claim holds
//! its dictionary entry by reference and its readings as [`Text`]s: nothing is put in words here.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use serde_json::Value;

use super::alg::Alg;
use super::msg::{Arg, Text};
use super::time::{self, TimeInfo};
use super::words::type_word;
use crate::msg;

/// One dictionary entry: the English words of the bundled dictionary, or a user's own.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
pub struct Entry {
    pub title: String,
    #[serde(default)]
    pub spec: String,
    #[serde(default)]
    pub description: String,
    /// The value is a NumericDate.
    #[serde(default)]
    pub time: bool,
    /// From the bundled dictionary, so a translation of it may be shown instead (a user's entry
    /// is shown as the user wrote it).
    #[serde(skip)]
    pub bundled: bool,
}

/// Explanations for claim and header names.
#[derive(Debug, Clone, Default, PartialEq, serde::Deserialize)]
pub struct Dictionary {
    #[serde(default)]
    pub claims: HashMap<String, Arc<Entry>>,
    #[serde(default)]
    pub header: HashMap<String, Arc<Entry>>,
}

/// Why a user's claim dictionary cannot be read.
#[derive(Debug, thiserror::Error)]
#[error(
    "claim dictionary, line {line} column {column}: {reason}; expected {{\"claims\": {{\"name\": {{\"title\": …, \"description\": …, \"spec\": …, \"time\": false}}}}, \"header\": {{…}}}}"
)]
pub struct DictionaryError {
    pub line: usize,
    pub column: usize,
    pub reason: String,
}

impl Dictionary {
    /// The bundled dictionary (English; translations are laid over it where it is shown),
    /// parsed the first time it is needed.
    pub fn bundled() -> Arc<Dictionary> {
        static BUNDLED: OnceLock<Arc<Dictionary>> = OnceLock::new();
        BUNDLED
            .get_or_init(|| {
                // The asset is checked by a unit test; an empty dictionary is the safe fallback.
                let mut dict: Dictionary =
                    serde_json::from_str(include_str!("../../assets/claims.json"))
                        .unwrap_or_default();
                for entry in dict.claims.values_mut().chain(dict.header.values_mut()) {
                    Arc::make_mut(entry).bundled = true;
                }
                Arc::new(dict)
            })
            .clone()
    }

    /// The bundled dictionary with a user's JSON dictionary (same shape) laid over it: the user's
    /// entries add to and override the bundled ones.
    pub fn with_user(user_json: &str) -> Result<Arc<Dictionary>, DictionaryError> {
        let user: Dictionary = serde_json::from_str(user_json).map_err(|e| DictionaryError {
            line: e.line(),
            column: e.column(),
            reason: e.to_string(),
        })?;
        let mut merged = (*Self::bundled()).clone();
        merged.claims.extend(user.claims);
        merged.header.extend(user.header);
        Ok(Arc::new(merged))
    }
}

/// Where a member lives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Location {
    Header,
    Payload,
}

/// A member with its annotation: the view-model of one row of the claims table.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Claim {
    pub location: Location,
    pub name: String,
    pub value: Value,
    /// The dictionary entry; `None` for custom (unknown) members. Serialized as `title`,
    /// `description` and `spec`.
    #[serde(flatten, serialize_with = "entry_members")]
    pub entry: Option<Arc<Entry>>,
    /// What this particular value means ("2 audiences", "scopes: read, write").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explanation: Option<Text>,
    /// For time members: the instant, read against the analysis clock.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time: Option<TimeInfo>,
    /// For time members whose value is not a plain NumericDate: what it looks like, and the fix.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time_problem: Option<TimeProblem>,
    /// In an SD-JWT, the digest of the disclosure that revealed this claim; `None` when the
    /// claim was always visible.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub disclosed_by: Option<String>,
}

/// `title`, `description` and `spec` of an entry, or nothing for a custom member.
fn entry_members<S: serde::Serializer>(
    entry: &Option<Arc<Entry>>,
    s: S,
) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap as _;
    let mut map = s.serialize_map(None)?;
    if let Some(e) = entry {
        map.serialize_entry("title", &e.title)?;
        map.serialize_entry("description", &e.description)?;
        map.serialize_entry("spec", &e.spec)?;
    }
    map.end()
}

impl Claim {
    pub fn is_registered(&self) -> bool {
        self.entry.is_some()
    }

    /// The dictionary's title (English, or the user's words); `None` for custom members.
    pub fn title(&self) -> Option<&str> {
        self.entry.as_deref().map(|e| e.title.as_str())
    }
}

/// A time value that is not plain seconds, with the value it should have been.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct TimeProblem {
    pub message: Text,
    /// The NumericDate the encoder can put in its place.
    pub fixed: Option<i64>,
}

/// Seconds values beyond this (year 5138) are read as milliseconds.
const MILLIS_THRESHOLD: i64 = 100_000_000_000;

/// Reads a NumericDate: integer seconds, or a fractional value floored. `None` when not a number.
pub fn numeric_date(value: &Value) -> Option<i64> {
    let n = value.as_number()?;
    if let Some(i) = n.as_i64() {
        return Some(i);
    }
    let f = n.as_f64()?;
    (f.is_finite() && f.abs() < 9.0e15).then(|| f.floor() as i64)
}

/// What is odd about a time value, if anything.
pub fn time_problem(value: &Value) -> Option<TimeProblem> {
    match value {
        Value::Number(n) => {
            let seconds = numeric_date(value)?;
            if seconds.abs() >= MILLIS_THRESHOLD {
                let fixed = seconds / 1000;
                return Some(TimeProblem {
                    message: msg!("time-problem-millis", at = Arg::Utc(fixed)),
                    fixed: Some(fixed),
                });
            }
            if n.as_i64().is_none() {
                return Some(TimeProblem {
                    message: msg!("time-problem-fraction", value = n.to_string()),
                    fixed: Some(seconds),
                });
            }
            None
        }
        Value::String(s) => {
            let parsed = s
                .trim()
                .parse::<i64>()
                .ok()
                .or_else(|| time::parse_instant(s).ok());
            Some(TimeProblem {
                message: match parsed {
                    Some(t) => msg!("time-problem-string", at = Arg::Utc(t)),
                    None => msg!("time-problem-not-time"),
                },
                fixed: parsed.map(|t| {
                    if t.abs() >= MILLIS_THRESHOLD {
                        t / 1000
                    } else {
                        t
                    }
                }),
            })
        }
        other => Some(TimeProblem {
            message: msg!("time-problem-type", type = type_word(other)),
            fixed: None,
        }),
    }
}

/// Authentication method references (RFC 8176) in words.
fn amr_meaning(value: &str) -> Option<Text> {
    const KNOWN: &[(&str, &str)] = &[
        ("face", "amr-face"),
        ("fpt", "amr-fpt"),
        ("geo", "amr-geo"),
        ("hwk", "amr-hwk"),
        ("iris", "amr-iris"),
        ("kba", "amr-kba"),
        ("mca", "amr-mca"),
        ("mfa", "amr-mfa"),
        ("otp", "amr-otp"),
        ("pin", "amr-pin"),
        ("pwd", "amr-pwd"),
        ("rba", "amr-rba"),
        ("retina", "amr-retina"),
        ("sc", "amr-sc"),
        ("sms", "amr-sms"),
        ("swk", "amr-swk"),
        ("tel", "amr-tel"),
        ("user", "amr-user"),
        ("vbm", "amr-vbm"),
        ("wia", "amr-wia"),
    ];
    KNOWN
        .iter()
        .find(|(name, _)| *name == value)
        .map(|(_, key)| Text::key(key))
}

/// Token media types (`typ`) in words.
fn typ_meaning(typ: &str) -> Text {
    let t = typ.to_ascii_lowercase();
    let t = t.strip_prefix("application/").unwrap_or(&t);
    match t {
        "jwt" => msg!("typ-jwt"),
        "at+jwt" => msg!("typ-at-jwt"),
        "secevent+jwt" => msg!("typ-secevent"),
        "dpop+jwt" => msg!("typ-dpop"),
        "logout+jwt" => msg!("typ-logout"),
        "token-introspection+jwt" => msg!("typ-introspection"),
        "jwk-set+jwt" => msg!("typ-jwk-set"),
        "vc+jwt" | "vc+sd-jwt" | "dc+sd-jwt" => msg!("typ-vc"),
        "kb+jwt" => msg!("typ-kb"),
        "entity-statement+jwt" => msg!("typ-entity-statement"),
        "jose" => msg!("typ-jose"),
        "jose+json" => msg!("typ-jose-json"),
        "passport" => msg!("typ-passport"),
        "refresh" | "bearer" | "id" => msg!("typ-keycloak", typ = typ),
        _ => msg!("typ-media", typ = typ),
    }
}

/// A plain-words reading of one value, where that helps.
fn explain(location: Location, name: &str, value: &Value) -> Option<Text> {
    match (location, name, value) {
        (Location::Header, "alg", Value::String(a)) => Some(match Alg::parse(a) {
            Some(Alg::None) => msg!("explain-alg-none", alg = a),
            Some(alg) => Text::plain(alg.describe()),
            None if crate::core::jwe::KeyAlg::parse(a).is_some() => {
                msg!("explain-jwe-alg", alg = a)
            }
            None => msg!("explain-alg-unknown", alg = a),
        }),
        (Location::Header, "typ", Value::String(t)) => Some(typ_meaning(t)),
        (Location::Header, "enc", Value::String(e)) => {
            Some(match crate::core::jwe::Enc::parse(e) {
                Some(enc) if enc.is_gcm() => msg!("explain-enc-gcm", enc = e),
                Some(_) => msg!("explain-enc-cbc", enc = e),
                None => msg!("explain-enc-unknown", enc = e),
            })
        }
        (Location::Payload, "typ", Value::String(t)) => Some(typ_meaning(t)),
        (Location::Header, "cty", Value::String(c)) if c.eq_ignore_ascii_case("jwt") => {
            Some(msg!("explain-cty-jwt"))
        }
        (_, "aud", Value::String(_)) => Some(msg!("explain-aud-string")),
        (_, "aud", Value::Array(list)) => Some(match list.len() {
            0 => msg!("explain-aud-empty"),
            1 => msg!("explain-aud-one"),
            n => msg!("explain-aud-many", count = n),
        }),
        (Location::Payload, "scope" | "scp", Value::String(s)) => {
            let scopes: Vec<&str> = s.split_whitespace().collect();
            Some(msg!(
                "explain-scopes",
                count = scopes.len(),
                list = scopes.join(", ")
            ))
        }
        (Location::Payload, "scope" | "scp", Value::Array(list)) => {
            let scopes: Vec<String> = list
                .iter()
                .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_owned))
                .collect();
            Some(msg!(
                "explain-scopes",
                count = scopes.len(),
                list = scopes.join(", ")
            ))
        }
        (Location::Payload, "amr", Value::Array(list)) => Some(Text::join(
            list.iter().map(|v| match v.as_str() {
                Some(s) => match amr_meaning(s) {
                    Some(m) => Text::plain(format!("{s} = ")).then(m),
                    None => Text::plain(s.to_owned()),
                },
                None => Text::plain(v.to_string()),
            }),
            ", ",
        )),
        (Location::Payload, "appidacr" | "azpacr", v) => {
            match v.as_str().or(v.as_i64().map(|_| "")).unwrap_or_default() {
                "0" => Some(msg!("explain-client-public")),
                "1" => Some(msg!("explain-client-secret")),
                "2" => Some(msg!("explain-client-certificate")),
                _ => None,
            }
        }
        (Location::Payload, "email_verified" | "phone_number_verified", Value::String(s)) => {
            Some(msg!("explain-bool-string", value = s))
        }
        _ => None,
    }
}

/// Annotates every member of an object with the bundled dictionary.
pub fn annotate(
    object: &serde_json::Map<String, Value>,
    location: Location,
    now: i64,
) -> Vec<Claim> {
    annotate_with(&Dictionary::bundled(), object, location, now)
}

/// At most this many members of a header or payload are annotated (all are still shown in the
/// JSON): a hostile payload may hold a million.
pub const MAX_ANNOTATED_CLAIMS: usize = 1000;

/// Annotates the members of an object (the first [`MAX_ANNOTATED_CLAIMS`]) with `dict`.
pub fn annotate_with(
    dict: &Dictionary,
    object: &serde_json::Map<String, Value>,
    location: Location,
    now: i64,
) -> Vec<Claim> {
    let table = match location {
        Location::Header => &dict.header,
        Location::Payload => &dict.claims,
    };
    object
        .iter()
        .take(MAX_ANNOTATED_CLAIMS)
        .map(|(name, value)| {
            let entry = table.get(name);
            let is_time = entry.is_some_and(|e| e.time);
            let problem = if is_time { time_problem(value) } else { None };
            let seconds = if is_time {
                match &problem {
                    Some(p) => p.fixed,
                    None => numeric_date(value),
                }
            } else {
                None
            };
            Claim {
                location,
                name: name.clone(),
                value: value.clone(),
                entry: entry.cloned(),
                explanation: explain(location, name, value),
                time: seconds.map(|t| time::info(t, now)),
                time_problem: problem,
                disclosed_by: None,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    use serde_json::json;

    #[test]
    fn bundled_dictionary_parses_and_covers_registered_claims() {
        let parsed: Dictionary =
            serde_json::from_str(include_str!("../../assets/claims.json")).unwrap();
        for name in [
            "iss",
            "sub",
            "aud",
            "exp",
            "nbf",
            "iat",
            "jti",
            "auth_time",
            "tid",
            "cognito:groups",
            "realm_access",
        ] {
            assert!(parsed.claims.contains_key(name), "{name}");
        }
        assert!(parsed.claims["exp"].time && parsed.claims["updated_at"].time);
        assert!(parsed.header.contains_key("x5t#S256"));
    }

    #[test]
    fn registered_time_claim_gets_dates_and_custom_claim_does_not() {
        let obj = json!({"exp": 1300819380, "role": "admin"});
        let claims = annotate(
            obj.as_object().unwrap(),
            Location::Payload,
            1_300_819_380 - 60,
        );
        assert_eq!(claims[0].title(), Some("Expiration time"));
        let t = claims[0].time.as_ref().unwrap();
        assert_eq!(t.utc(), "2011-03-22T18:43:00Z");
        assert_eq!(t.relative(), "in 1 min");
        assert!(!claims[1].is_registered());
    }

    #[test]
    fn milliseconds_strings_and_fractions_are_explained_with_a_fix() {
        let p = time_problem(&json!(1_795_811_670_000_i64)).unwrap();
        assert_eq!(p.fixed, Some(1_795_811_670));
        assert!(
            p.message
                .en()
                .starts_with("this looks like milliseconds: 2026-11-27"),
            "{}",
            p.message
        );
        let p = time_problem(&json!("1795811670")).unwrap();
        assert_eq!(p.fixed, Some(1_795_811_670));
        assert!(p.message.en().contains("must be a number"));
        let p = time_problem(&json!(1_795_811_670.75)).unwrap();
        assert_eq!(p.fixed, Some(1_795_811_670));
        assert!(time_problem(&json!(1_795_811_670)).is_none());
        assert_eq!(time_problem(&json!(true)).unwrap().fixed, None);
    }

    #[test]
    fn values_are_explained_where_that_helps() {
        let obj =
            json!({"aud": ["a", "b"], "scope": "read write", "amr": ["pwd", "otp"], "azpacr": "2"});
        let c = annotate(obj.as_object().unwrap(), Location::Payload, 0);
        assert_eq!(
            c[0].explanation.as_ref().map(Text::en).as_deref(),
            Some("2 audiences (an array): each recipient must find itself here")
        );
        assert_eq!(
            c[1].explanation.as_ref().map(Text::en).as_deref(),
            Some("2 scopes: read, write")
        );
        assert_eq!(
            c[2].explanation.as_ref().map(Text::en).as_deref(),
            Some("pwd = password, otp = one-time password")
        );
        assert_eq!(
            c[3].explanation.as_ref().map(Text::en).as_deref(),
            Some("client authenticated with a certificate")
        );
        let h = json!({"alg": "nOnE", "typ": "at+jwt"});
        let c = annotate(h.as_object().unwrap(), Location::Header, 0);
        assert!(
            c[0].explanation
                .as_ref()
                .map(Text::en)
                .as_deref()
                .unwrap()
                .contains("anyone can forge")
        );
        assert_eq!(
            c[1].explanation.as_ref().map(Text::en).as_deref(),
            Some("an OAuth 2.0 access token (RFC 9068)")
        );
    }

    #[test]
    fn a_user_dictionary_adds_and_overrides() {
        let dict = Dictionary::with_user(r#"{"claims": {"tenant_tier": {"title": "Tier", "description": "Billing tier"}, "sub": {"title": "Customer number", "description": "ours"}, "renewal": {"title": "Renewal", "time": true}}}"#).unwrap();
        let obj = json!({"tenant_tier": "gold", "sub": "42", "iss": "x", "renewal": 0});
        let c = annotate_with(&dict, obj.as_object().unwrap(), Location::Payload, 0);
        assert_eq!(c[0].title(), Some("Tier"));
        assert_eq!(c[1].title(), Some("Customer number"));
        assert_eq!(c[2].title(), Some("Issuer"));
        assert_eq!(c[3].time.as_ref().unwrap().utc(), "1970-01-01T00:00:00Z");
        assert!(
            Dictionary::with_user("{ nope")
                .unwrap_err()
                .to_string()
                .contains("line 1")
        );
    }
}
