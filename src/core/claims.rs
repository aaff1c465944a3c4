//! Claims and header members with their explanations. The explanations are data
//! (`assets/claims.json`); users can load their own dictionary on top.

use crate::tr;
use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use serde_json::Value;

use super::alg::Alg;
use super::time::{self, TimeInfo};

/// One dictionary entry.
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
}

/// Explanations for claim and header names.
#[derive(Debug, Clone, Default, PartialEq, serde::Deserialize)]
pub struct Dictionary {
    #[serde(default)]
    pub claims: HashMap<String, Entry>,
    #[serde(default)]
    pub header: HashMap<String, Entry>,
}

impl Dictionary {
    /// The bundled dictionary, in the current language: English, with the Korean titles and
    /// descriptions of `assets/i18n/ko/claims.json` laid over it when the language is Korean
    /// (entries it does not translate stay English).
    pub fn bundled() -> Arc<Dictionary> {
        static EN: OnceLock<Arc<Dictionary>> = OnceLock::new();
        static KO: OnceLock<Arc<Dictionary>> = OnceLock::new();
        let english = || {
            EN.get_or_init(|| {
                // The asset is checked by a unit test; an empty dictionary is the safe fallback.
                Arc::new(
                    serde_json::from_str(include_str!("../../assets/claims.json"))
                        .unwrap_or_default(),
                )
            })
            .clone()
        };
        match crate::i18n::current() {
            crate::i18n::Lang::En => english(),
            crate::i18n::Lang::Ko => KO
                .get_or_init(|| {
                    let mut dict = (*english()).clone();
                    dict.translate(include_str!("../../assets/i18n/ko/claims.json"));
                    Arc::new(dict)
                })
                .clone(),
        }
    }

    /// Replaces titles and descriptions with those of a translation file (same shape, `title`
    /// and `description` only); names it does not know are ignored.
    fn translate(&mut self, json: &str) {
        #[derive(serde::Deserialize, Default)]
        struct Text {
            title: String,
            #[serde(default)]
            description: String,
        }
        #[derive(serde::Deserialize, Default)]
        struct Translation {
            #[serde(default)]
            claims: HashMap<String, Text>,
            #[serde(default)]
            header: HashMap<String, Text>,
        }
        let translation: Translation = serde_json::from_str(json).unwrap_or_default();
        for (table, texts) in [
            (&mut self.claims, translation.claims),
            (&mut self.header, translation.header),
        ] {
            for (name, text) in texts {
                if let Some(entry) = table.get_mut(&name) {
                    entry.title = text.title;
                    entry.description = text.description;
                }
            }
        }
    }

    /// The bundled dictionary with a user's JSON dictionary (same shape) laid over it: the user's
    /// entries add to and override the bundled ones.
    pub fn with_user(user_json: &str) -> Result<Arc<Dictionary>, String> {
        let user: Dictionary = serde_json::from_str(user_json).map_err(|e| {
            format!(
                "claim dictionary, line {} column {}: {e}; expected {{\"claims\": {{\"name\": {{\"title\": …, \"description\": …, \"spec\": …, \"time\": false}}}}, \"header\": {{…}}}}",
                e.line(),
                e.column()
            )
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
    /// Title from the dictionary; `None` for custom (unknown) members.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<String>,
    /// What this particular value means ("2 audiences", "scopes: read, write").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explanation: Option<String>,
    /// For time members: the instant in several forms.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time: Option<TimeInfo>,
    /// For time members whose value is not a plain NumericDate: what it looks like, and the fix.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time_problem: Option<TimeProblem>,
}

impl Claim {
    pub fn is_registered(&self) -> bool {
        self.title.is_some()
    }
}

/// A time value that is not plain seconds, with the value it should have been.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct TimeProblem {
    pub message: String,
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
                    message: format!(
                        "this looks like milliseconds: {} as seconds",
                        time::rfc3339(fixed)
                    ),
                    fixed: Some(fixed),
                });
            }
            if n.as_i64().is_none() {
                return Some(TimeProblem {
                    message: format!(
                        "fractional seconds ({n}); many libraries expect a whole number"
                    ),
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
                    Some(t) => format!(
                        "a string, but a NumericDate must be a number: as a number it would be {}",
                        time::rfc3339(t)
                    ),
                    None => "a string that is not a time; a NumericDate is a number of seconds"
                        .to_owned(),
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
            message: format!(
                "{} is not a time; a NumericDate is a number of seconds",
                super::json::type_name(other)
            ),
            fixed: None,
        }),
    }
}

/// Authentication method references (RFC 8176) in words.
fn amr_meaning(value: &str) -> Option<String> {
    const KNOWN: &[&str] = &[
        "face", "fpt", "geo", "hwk", "iris", "kba", "mca", "mfa", "otp", "pin", "pwd", "rba",
        "retina", "sc", "sms", "swk", "tel", "user", "vbm", "wia",
    ];
    KNOWN.contains(&value).then(|| tr!(&format!("amr-{value}")))
}

/// Token media types (`typ`) in words.
fn typ_meaning(typ: &str) -> String {
    let t = typ.to_ascii_lowercase();
    let t = t.strip_prefix("application/").unwrap_or(&t);
    match t {
        "jwt" => tr!("typ-jwt"),
        "at+jwt" => tr!("typ-at-jwt"),
        "secevent+jwt" => tr!("typ-secevent"),
        "dpop+jwt" => tr!("typ-dpop"),
        "logout+jwt" => tr!("typ-logout"),
        "token-introspection+jwt" => tr!("typ-introspection"),
        "jwk-set+jwt" => tr!("typ-jwk-set"),
        "vc+jwt" | "vc+sd-jwt" | "dc+sd-jwt" => tr!("typ-vc"),
        "kb+jwt" => tr!("typ-kb"),
        "entity-statement+jwt" => tr!("typ-entity-statement"),
        "jose" => tr!("typ-jose"),
        "jose+json" => tr!("typ-jose-json"),
        "passport" => tr!("typ-passport"),
        "refresh" | "bearer" | "id" => tr!("typ-keycloak", typ = typ),
        _ => tr!("typ-media", typ = typ),
    }
}

/// A plain-words reading of one value, where that helps.
fn explain(location: Location, name: &str, value: &Value) -> Option<String> {
    match (location, name, value) {
        (Location::Header, "alg", Value::String(a)) => Some(match Alg::parse(a) {
            Some(Alg::None) => tr!("explain-alg-none", alg = a.as_str()),
            Some(alg) => alg.describe().to_owned(),
            None if crate::core::jwe::KeyAlg::parse(a).is_some() => {
                tr!("explain-jwe-alg", alg = a.as_str())
            }
            None => tr!("explain-alg-unknown", alg = a.as_str()),
        }),
        (Location::Header, "typ", Value::String(t)) => Some(typ_meaning(t)),
        (Location::Header, "enc", Value::String(e)) => {
            Some(match crate::core::jwe::Enc::parse(e) {
                Some(enc) if enc.is_gcm() => tr!("explain-enc-gcm", enc = e.as_str()),
                Some(_) => tr!("explain-enc-cbc", enc = e.as_str()),
                None => tr!("explain-enc-unknown", enc = e.as_str()),
            })
        }
        (Location::Payload, "typ", Value::String(t)) => Some(typ_meaning(t)),
        (Location::Header, "cty", Value::String(c)) if c.eq_ignore_ascii_case("jwt") => {
            Some(tr!("explain-cty-jwt"))
        }
        (_, "aud", Value::String(_)) => Some(tr!("explain-aud-string")),
        (_, "aud", Value::Array(list)) => Some(match list.len() {
            0 => tr!("explain-aud-empty"),
            1 => tr!("explain-aud-one"),
            n => tr!("explain-aud-many", count = n),
        }),
        (Location::Payload, "scope" | "scp", Value::String(s)) => {
            let scopes: Vec<&str> = s.split_whitespace().collect();
            Some(tr!(
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
            Some(tr!(
                "explain-scopes",
                count = scopes.len(),
                list = scopes.join(", ")
            ))
        }
        (Location::Payload, "amr", Value::Array(list)) => Some(
            list.iter()
                .map(|v| match v.as_str() {
                    Some(s) => match amr_meaning(s) {
                        Some(m) => format!("{s} = {m}"),
                        None => s.to_owned(),
                    },
                    None => v.to_string(),
                })
                .collect::<Vec<_>>()
                .join(", "),
        ),
        (Location::Payload, "appidacr" | "azpacr", v) => {
            match v.as_str().or(v.as_i64().map(|_| "")).unwrap_or_default() {
                "0" => Some(tr!("explain-client-public")),
                "1" => Some(tr!("explain-client-secret")),
                "2" => Some(tr!("explain-client-certificate")),
                _ => None,
            }
        }
        (Location::Payload, "email_verified" | "phone_number_verified", Value::String(s)) => {
            Some(tr!("explain-bool-string", value = s.as_str()))
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
                title: entry.map(|e| e.title.clone()),
                description: entry.map(|e| e.description.clone()),
                spec: entry.map(|e| e.spec.clone()),
                explanation: explain(location, name, value),
                time: seconds.map(|t| time::info(t, now)),
                time_problem: problem,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_korean_dictionary_translates_known_names_only() {
        let ko: Value =
            serde_json::from_str(include_str!("../../assets/i18n/ko/claims.json")).unwrap();
        let english = {
            crate::i18n::set(crate::i18n::Lang::En);
            Dictionary::bundled()
        };
        for (table, names) in [("claims", &english.claims), ("header", &english.header)] {
            for name in ko[table].as_object().unwrap().keys() {
                assert!(
                    names.contains_key(name),
                    "{table}.{name} is not in assets/claims.json"
                );
            }
        }
        crate::i18n::set(crate::i18n::Lang::Ko);
        let korean = Dictionary::bundled();
        crate::i18n::set(crate::i18n::Lang::En);
        assert_eq!(korean.claims["iss"].title, "발급자");
        assert_eq!(korean.claims["iss"].spec, "RFC 7519 §4.1.1", "specs stay");
        assert!(korean.claims["exp"].time, "time flags stay");
    }
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
        assert_eq!(claims[0].title.as_deref(), Some("Expiration time"));
        let t = claims[0].time.as_ref().unwrap();
        assert_eq!(t.utc, "2011-03-22T18:43:00Z");
        assert_eq!(t.relative, "in 1 min");
        assert!(!claims[1].is_registered());
    }

    #[test]
    fn milliseconds_strings_and_fractions_are_explained_with_a_fix() {
        let p = time_problem(&json!(1_795_811_670_000_i64)).unwrap();
        assert_eq!(p.fixed, Some(1_795_811_670));
        assert!(
            p.message
                .starts_with("this looks like milliseconds: 2026-11-27"),
            "{}",
            p.message
        );
        let p = time_problem(&json!("1795811670")).unwrap();
        assert_eq!(p.fixed, Some(1_795_811_670));
        assert!(p.message.contains("must be a number"));
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
            c[0].explanation.as_deref(),
            Some("2 audiences (an array): each recipient must find itself here")
        );
        assert_eq!(c[1].explanation.as_deref(), Some("2 scopes: read, write"));
        assert_eq!(
            c[2].explanation.as_deref(),
            Some("pwd = password, otp = one-time password")
        );
        assert_eq!(
            c[3].explanation.as_deref(),
            Some("client authenticated with a certificate")
        );
        let h = json!({"alg": "nOnE", "typ": "at+jwt"});
        let c = annotate(h.as_object().unwrap(), Location::Header, 0);
        assert!(
            c[0].explanation
                .as_deref()
                .unwrap()
                .contains("anyone can forge")
        );
        assert_eq!(
            c[1].explanation.as_deref(),
            Some("an OAuth 2.0 access token (RFC 9068)")
        );
    }

    #[test]
    fn a_user_dictionary_adds_and_overrides() {
        let dict = Dictionary::with_user(r#"{"claims": {"tenant_tier": {"title": "Tier", "description": "Billing tier"}, "sub": {"title": "Customer number", "description": "ours"}, "renewal": {"title": "Renewal", "time": true}}}"#).unwrap();
        let obj = json!({"tenant_tier": "gold", "sub": "42", "iss": "x", "renewal": 0});
        let c = annotate_with(&dict, obj.as_object().unwrap(), Location::Payload, 0);
        assert_eq!(c[0].title.as_deref(), Some("Tier"));
        assert_eq!(c[1].title.as_deref(), Some("Customer number"));
        assert_eq!(c[2].title.as_deref(), Some("Issuer"));
        assert_eq!(c[3].time.as_ref().unwrap().utc, "1970-01-01T00:00:00Z");
        assert!(
            Dictionary::with_user("{ nope")
                .unwrap_err()
                .contains("line 1")
        );
    }
}
