//! Time validity (exp, nbf, iat), evaluated at an injected instant with a visible leeway.

use serde_json::{Map, Value};

use super::claims::numeric_date;
use super::msg::{Arg, Text};
use crate::msg;

/// Overall time verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ValidityState {
    Valid,
    Expired,
    NotYetValid,
    /// No `exp`: the token never expires on its own.
    NoExp,
    /// `exp` is present but not a usable NumericDate (a string, `true`, `1e300`, beyond 64 bits):
    /// a verifier cannot tell when the token ends, and must reject it.
    ExpUnusable,
}

/// One rule and its outcome (time rules and the user's expectations alike).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct TimeCheck {
    /// The claim checked, or "required" / "lifetime" for those expectations.
    pub claim: &'static str,
    pub passed: bool,
    pub message: Text,
}

/// What the user expects of a token besides its times; empty by default.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Expectations {
    pub issuer: Option<String>,
    /// Accepted audiences: the token passes when its `aud` holds any of them.
    pub audiences: Vec<String>,
    /// Claims that must be present.
    pub required: Vec<String>,
    /// Longest accepted `exp − iat` (or `exp − nbf`).
    pub max_lifetime_secs: Option<i64>,
}

impl Expectations {
    /// Expectations as people type them: an issuer, comma-separated audiences and required
    /// claims (blanks ignored), and a maximum lifetime such as `1h` or `900`. The command line's
    /// flags and the app's fields both come through here.
    pub fn from_text(
        issuer: &str,
        audiences: &str,
        required: &str,
        max_lifetime: &str,
    ) -> Result<Self, super::time::TimeError> {
        let list = |text: &str| -> Vec<String> {
            text.split(',')
                .map(|s| s.trim().to_owned())
                .filter(|s| !s.is_empty())
                .collect()
        };
        let issuer = issuer.trim();
        let lifetime = max_lifetime.trim();
        Ok(Self {
            issuer: (!issuer.is_empty()).then(|| issuer.to_owned()),
            audiences: list(audiences),
            required: list(required),
            max_lifetime_secs: if lifetime.is_empty() {
                None
            } else {
                Some(super::time::parse_span(lifetime)?)
            },
        })
    }

    pub fn is_empty(&self) -> bool {
        self.issuer.is_none()
            && self.audiences.is_empty()
            && self.required.is_empty()
            && self.max_lifetime_secs.is_none()
    }
}

/// The time verdict with every rule checked.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Validity {
    pub state: ValidityState,
    /// One line for a badge: "Expired 3 h ago", "Valid", "No expiry".
    pub summary: Text,
    pub now: i64,
    pub leeway_secs: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exp: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nbf: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub iat: Option<i64>,
    /// Every rule checked, time rules first, then the expectations.
    pub checks: Vec<TimeCheck>,
    /// False when an expectation (issuer, audience, required claims, lifetime) fails.
    pub expectations_met: bool,
}

/// Evaluates the time claims of `claims` at `now` (Unix seconds) with `leeway_secs`.
pub fn evaluate(claims: Option<&Map<String, Value>>, now: i64, leeway_secs: i64) -> Validity {
    evaluate_with(claims, now, leeway_secs, &Expectations::default())
}

fn expectation_checks(
    claims: Option<&Map<String, Value>>,
    expect: &Expectations,
    exp: Option<i64>,
    nbf: Option<i64>,
    iat: Option<i64>,
) -> Vec<TimeCheck> {
    let get = |name: &str| claims.and_then(|c| c.get(name));
    let mut checks = Vec::new();
    if let Some(want) = &expect.issuer {
        let (passed, message) = match get("iss") {
            Some(Value::String(iss)) if iss == want => {
                (true, msg!("expect-issuer-ok", want = want))
            }
            Some(other) => (
                false,
                msg!(
                    "expect-issuer-other",
                    value = other.to_string(),
                    want = want
                ),
            ),
            None => (false, msg!("expect-issuer-missing", want = want)),
        };
        checks.push(TimeCheck {
            claim: "iss",
            passed,
            message,
        });
    }
    if !expect.audiences.is_empty() {
        let token_auds: Vec<String> = match get("aud") {
            Some(Value::String(a)) => vec![a.clone()],
            Some(Value::Array(list)) => list
                .iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect(),
            _ => Vec::new(),
        };
        let hit = token_auds.iter().find(|a| expect.audiences.contains(a));
        let (passed, message) = match (hit, get("aud")) {
            (Some(a), _) => (true, msg!("expect-aud-ok", aud = a)),
            (None, None) => (
                false,
                msg!("expect-aud-missing", want = expect.audiences.join(", ")),
            ),
            (None, Some(aud)) => (
                false,
                msg!(
                    "expect-aud-other",
                    aud = aud.to_string(),
                    want = expect.audiences.join(", ")
                ),
            ),
        };
        checks.push(TimeCheck {
            claim: "aud",
            passed,
            message,
        });
    }
    for name in &expect.required {
        let passed = get(name).is_some();
        let message = if passed {
            msg!("expect-required-ok", name = name)
        } else {
            msg!("expect-required-missing", name = name)
        };
        checks.push(TimeCheck {
            claim: "required",
            passed,
            message,
        });
    }
    if let Some(max) = expect.max_lifetime_secs {
        let start = iat.or(nbf);
        let (passed, message) = match (exp, start) {
            (None, _) => (false, msg!("expect-lifetime-no-exp")),
            (Some(_), None) => (false, msg!("expect-lifetime-no-start")),
            (Some(e), Some(s)) => {
                let life = e.saturating_sub(s);
                let (span, max_span) = (
                    Arg::Span(life.unsigned_abs()),
                    Arg::Span(max.unsigned_abs()),
                );
                if life <= max {
                    (
                        true,
                        msg!("expect-lifetime-ok", span = span, max = max_span),
                    )
                } else {
                    (
                        false,
                        msg!("expect-lifetime-over", span = span, max = max_span),
                    )
                }
            }
        };
        checks.push(TimeCheck {
            claim: "lifetime",
            passed,
            message,
        });
    }
    checks
}

/// Why a time claim's value is not a NumericDate.
fn unusable_reason(value: &Value) -> Text {
    match value {
        Value::String(s) => msg!(
            "unusable-string",
            value = s.chars().take(40).collect::<String>()
        ),
        Value::Number(n) => msg!("unusable-range", value = n.to_string()),
        Value::Bool(b) => msg!("unusable-type", type = b.to_string()),
        other => msg!("unusable-type", type = super::words::type_word(other)),
    }
}

impl Validity {
    /// True when every check passed: times and the user's expectations.
    pub fn all_passed(&self) -> bool {
        self.checks.iter().all(|c| c.passed)
    }
}

/// As [`evaluate`], with the user's expectations checked too.
pub fn evaluate_with(
    claims: Option<&Map<String, Value>>,
    now: i64,
    leeway_secs: i64,
    expect: &Expectations,
) -> Validity {
    let get = |name| claims.and_then(|c| c.get(name));
    let exp = get("exp").and_then(numeric_date);
    let nbf = get("nbf").and_then(numeric_date);
    let iat = get("iat").and_then(numeric_date);
    let mut checks = Vec::new();
    let mut state = ValidityState::Valid;
    let mut summary = msg!("validity-valid");

    for (name, raw, parsed) in [
        ("exp", get("exp"), exp),
        ("nbf", get("nbf"), nbf),
        ("iat", get("iat"), iat),
    ] {
        if let (Some(raw), None) = (raw, parsed) {
            let why = unusable_reason(raw);
            if name == "exp" {
                state = ValidityState::ExpUnusable;
                summary = msg!("validity-exp-unusable", why = why.clone());
            }
            checks.push(TimeCheck {
                claim: name,
                passed: false,
                message: msg!("unusable-check", name = name, why = why),
            });
        }
    }

    if let Some(exp) = exp {
        // RFC 7519 §4.1.4: the current time must be before exp (plus leeway).
        let passed = now < exp.saturating_add(leeway_secs);
        let (when, at) = (Arg::Relative { at: exp, now }, Arg::Utc(exp));
        let message = if passed {
            msg!("check-expires", when = when.clone(), at = at)
        } else {
            msg!("check-expired", when = when.clone(), at = at)
        };
        if !passed {
            state = ValidityState::Expired;
            summary = msg!("validity-expired", when = when);
        }
        checks.push(TimeCheck {
            claim: "exp",
            passed,
            message,
        });
    }
    if let Some(nbf) = nbf {
        let passed = now.saturating_add(leeway_secs) >= nbf;
        let (when, at) = (Arg::Relative { at: nbf, now }, Arg::Utc(nbf));
        let message = if passed {
            msg!("check-valid-since", when = when, at = at.clone())
        } else {
            msg!("check-not-before", when = when, at = at.clone())
        };
        if !passed && state == ValidityState::Valid {
            state = ValidityState::NotYetValid;
            summary = msg!("validity-not-before", at = at);
        }
        checks.push(TimeCheck {
            claim: "nbf",
            passed,
            message,
        });
    }
    if let Some(iat) = iat {
        let passed = iat <= now.saturating_add(leeway_secs);
        let (when, at) = (Arg::Relative { at: iat, now }, Arg::Utc(iat));
        let message = if passed {
            msg!("check-issued", when = when, at = at)
        } else {
            msg!("check-issued-future", when = when, at = at)
        };
        checks.push(TimeCheck {
            claim: "iat",
            passed,
            message,
        });
    }
    if get("exp").is_none() && state == ValidityState::Valid {
        state = ValidityState::NoExp;
        summary = msg!("validity-no-exp");
    }
    let expectation_results = expectation_checks(claims, expect, exp, nbf, iat);
    let expectations_met = expectation_results.iter().all(|c| c.passed);
    checks.extend(expectation_results);
    Validity {
        state,
        summary,
        now,
        leeway_secs,
        exp,
        nbf,
        iat,
        checks,
        expectations_met,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn eval(claims: Value, now: i64, leeway: i64) -> Validity {
        evaluate(claims.as_object(), now, leeway)
    }

    #[test]
    fn exp_in_future_is_valid() {
        let v = eval(json!({"exp": 1000}), 999, 0);
        assert_eq!(v.state, ValidityState::Valid);
    }

    #[test]
    fn exp_equal_to_now_is_expired() {
        let v = eval(json!({"exp": 1000}), 1000, 0);
        assert_eq!(v.state, ValidityState::Expired);
        assert_eq!(v.summary, "Expired now");
    }

    #[test]
    fn exp_in_past_within_leeway_is_valid() {
        assert_eq!(
            eval(json!({"exp": 1000}), 1030, 60).state,
            ValidityState::Valid
        );
        assert_eq!(
            eval(json!({"exp": 1000}), 1000 + 3 * 3600, 60).summary,
            "Expired 3 h ago"
        );
    }

    #[test]
    fn nbf_in_future_is_not_yet_valid() {
        let v = eval(json!({"nbf": 2000, "exp": 3000}), 1000, 0);
        assert_eq!(v.state, ValidityState::NotYetValid);
        assert!(
            v.summary
                .to_string()
                .starts_with("Not valid before 1970-01-01T00:33:20Z")
        );
    }

    #[test]
    fn an_unusable_exp_is_its_own_state_never_no_expiry() {
        for exp in [json!("1000000000"), json!(1e300), json!(true), json!(null)] {
            let v = eval(json!({ "exp": exp }), 0, 0);
            assert_eq!(v.state, ValidityState::ExpUnusable, "{exp}");
            assert!(
                v.summary.to_string().starts_with("exp unusable: "),
                "{}",
                v.summary
            );
            assert!(!v.all_passed());
        }
        let big: Value = serde_json::from_str(r#"{"exp": 99999999999999999999999}"#).unwrap();
        assert_eq!(eval(big, 0, 0).state, ValidityState::ExpUnusable);
    }

    #[test]
    fn missing_exp_is_no_exp() {
        assert_eq!(eval(json!({"sub": "x"}), 0, 0).state, ValidityState::NoExp);
        assert_eq!(evaluate(None, 0, 0).state, ValidityState::NoExp);
    }

    #[test]
    fn every_check_is_reported_not_only_the_first() {
        let v = eval(json!({"exp": 10, "nbf": 5000, "iat": 9000}), 100, 0);
        assert_eq!(v.state, ValidityState::Expired);
        assert_eq!(v.checks.iter().filter(|c| !c.passed).count(), 3);
    }

    #[test]
    fn expectations_are_each_checked() {
        let claims = json!({"iss": "https://a", "aud": ["api1", "api2"], "exp": 4000, "iat": 400});
        let expect = Expectations {
            issuer: Some("https://a".into()),
            audiences: vec!["other".into(), "api2".into()],
            required: vec!["sub".into(), "exp".into()],
            max_lifetime_secs: Some(3600),
        };
        let v = evaluate_with(claims.as_object(), 1000, 0, &expect);
        let by = |c: &str| {
            v.checks
                .iter()
                .filter(|k| k.claim == c)
                .map(|k| k.passed)
                .collect::<Vec<_>>()
        };
        assert_eq!(by("iss"), [true]);
        assert_eq!(by("aud"), [true]);
        assert_eq!(by("required"), [false, true]);
        assert_eq!(by("lifetime"), [true]);
        assert!(!v.expectations_met);
        let v = evaluate_with(
            claims.as_object(),
            1000,
            0,
            &Expectations {
                max_lifetime_secs: Some(60),
                ..Default::default()
            },
        );
        assert!(
            v.checks
                .last()
                .unwrap()
                .message
                .to_string()
                .contains("exceeds the maximum of 1 min")
        );
        let v = evaluate_with(
            claims.as_object(),
            1000,
            0,
            &Expectations {
                audiences: vec!["x".into()],
                ..Default::default()
            },
        );
        assert!(!v.expectations_met);
    }

    #[test]
    fn string_exp_is_reported_as_unreadable() {
        let v = eval(json!({"exp": "tomorrow"}), 0, 0);
        assert_eq!(
            v.checks[0].message,
            "exp is unusable: it is the string \"tomorrow\", not a number, so it cannot be checked"
        );
    }
}
