//! Time validity (exp, nbf, iat), evaluated at an injected instant with a visible leeway.

use serde_json::{Map, Value};

use super::claims::numeric_date;
use super::time;

/// Overall time verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ValidityState {
    Valid,
    Expired,
    NotYetValid,
    /// No `exp`: the token never expires on its own.
    NoExp,
}

/// One time rule and its outcome.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct TimeCheck {
    pub claim: &'static str,
    pub passed: bool,
    pub message: String,
}

/// The time verdict with every rule checked.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Validity {
    pub state: ValidityState,
    /// One line for a badge: "Expired 3 h ago", "Valid", "No expiry".
    pub summary: String,
    pub now: i64,
    pub leeway_secs: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exp: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nbf: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub iat: Option<i64>,
    pub checks: Vec<TimeCheck>,
}

/// Evaluates the time claims of `claims` at `now` (Unix seconds) with `leeway_secs`.
pub fn evaluate(claims: Option<&Map<String, Value>>, now: i64, leeway_secs: i64) -> Validity {
    let get = |name| claims.and_then(|c| c.get(name));
    let exp = get("exp").and_then(numeric_date);
    let nbf = get("nbf").and_then(numeric_date);
    let iat = get("iat").and_then(numeric_date);
    let mut checks = Vec::new();
    let mut state = ValidityState::Valid;
    let mut summary = "Valid".to_owned();

    for (name, raw, parsed) in [
        ("exp", get("exp"), exp),
        ("nbf", get("nbf"), nbf),
        ("iat", get("iat"), iat),
    ] {
        if raw.is_some() && parsed.is_none() {
            checks.push(TimeCheck {
                claim: name,
                passed: false,
                message: format!(
                    "{name} is not a NumericDate (a number of seconds), so it cannot be checked"
                ),
            });
        }
    }

    if let Some(exp) = exp {
        // RFC 7519 §4.1.4: the current time must be before exp (plus leeway).
        let passed = now < exp.saturating_add(leeway_secs);
        let message = if passed {
            format!(
                "expires {} ({})",
                time::relative(exp, now),
                time::rfc3339(exp)
            )
        } else {
            format!(
                "expired {} ({})",
                time::relative(exp, now),
                time::rfc3339(exp)
            )
        };
        if !passed {
            state = ValidityState::Expired;
            summary = format!("Expired {}", time::relative(exp, now));
        }
        checks.push(TimeCheck {
            claim: "exp",
            passed,
            message,
        });
    }
    if let Some(nbf) = nbf {
        let passed = now.saturating_add(leeway_secs) >= nbf;
        let message = if passed {
            format!(
                "valid since {} ({})",
                time::relative(nbf, now),
                time::rfc3339(nbf)
            )
        } else {
            format!(
                "not valid before {} ({})",
                time::rfc3339(nbf),
                time::relative(nbf, now)
            )
        };
        if !passed && state == ValidityState::Valid {
            state = ValidityState::NotYetValid;
            summary = format!("Not valid before {}", time::rfc3339(nbf));
        }
        checks.push(TimeCheck {
            claim: "nbf",
            passed,
            message,
        });
    }
    if let Some(iat) = iat {
        let passed = iat <= now.saturating_add(leeway_secs);
        let message = if passed {
            format!(
                "issued {} ({})",
                time::relative(iat, now),
                time::rfc3339(iat)
            )
        } else {
            format!(
                "issued in the future: {} ({})",
                time::relative(iat, now),
                time::rfc3339(iat)
            )
        };
        checks.push(TimeCheck {
            claim: "iat",
            passed,
            message,
        });
    }
    if exp.is_none() && state == ValidityState::Valid {
        state = ValidityState::NoExp;
        summary = "No expiry".to_owned();
    }
    Validity {
        state,
        summary,
        now,
        leeway_secs,
        exp,
        nbf,
        iat,
        checks,
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
                .starts_with("Not valid before 1970-01-01T00:33:20Z")
        );
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
    fn string_exp_is_reported_as_unreadable() {
        let v = eval(json!({"exp": "tomorrow"}), 0, 0);
        assert!(v.checks[0].message.contains("not a NumericDate"));
    }
}
