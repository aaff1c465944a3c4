//! Comparing two tokens: header and payload members added, removed and changed (objects and
//! arrays member by member, never as text), time claims with the difference in words, and
//! whether both name the same algorithm and key id.

use serde::Serialize;
use serde_json::Value;

use super::claims::{Dictionary, numeric_date};
use super::msg::Text;
use super::parse::{Decoded, Payload};

/// One difference, at a JSON pointer within a part.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Difference {
    /// "header", "payload" or "signature".
    pub part: &'static str,
    /// JSON pointer (RFC 6901) of the member, "" for the whole part.
    pub path: String,
    /// "added", "removed" or "changed".
    pub kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub before: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub after: Option<Value>,
    /// For a time claim, the change: "exp +1 h 30 min".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

/// The two tokens side by side.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Comparison {
    pub equal: bool,
    pub differences: Vec<Difference>,
    pub alg: [Option<String>; 2],
    pub kid: [Option<String>; 2],
    pub same_alg: bool,
    pub same_kid: bool,
    /// Differences found beyond [`MAX_DIFFERENCES`], counted but not listed.
    pub omitted: usize,
}

fn pointer_escape(name: &str) -> String {
    name.replace('~', "~0").replace('/', "~1")
}

/// At most this many differences are listed (two hostile payloads may differ everywhere).
pub const MAX_DIFFERENCES: usize = 10_000;

struct Walk<'a> {
    part: &'static str,
    out: &'a mut Vec<Difference>,
    omitted: &'a mut usize,
    time_claims: &'a dyn Fn(&str) -> bool,
}

impl Walk<'_> {
    fn push(&mut self, d: Difference) {
        if self.out.len() < MAX_DIFFERENCES {
            self.out.push(d);
        } else {
            *self.omitted += 1;
        }
    }

    /// A member only one side has: `before` present means removed, else added.
    fn one_sided(&mut self, path: String, before: Option<&Value>, after: Option<&Value>) {
        self.push(Difference {
            part: self.part,
            path,
            kind: if before.is_some() { "removed" } else { "added" },
            before: before.cloned(),
            after: after.cloned(),
            note: None,
        });
    }

    fn values(&mut self, path: &str, top_name: Option<&str>, a: &Value, b: &Value) {
        match (a, b) {
            (Value::Object(x), Value::Object(y)) => {
                for (name, va) in x {
                    let p = format!("{path}/{}", pointer_escape(name));
                    match y.get(name) {
                        Some(vb) => self.values(&p, path.is_empty().then_some(name), va, vb),
                        None => self.one_sided(p, Some(va), None),
                    }
                }
                for (name, vb) in y {
                    if !x.contains_key(name) {
                        self.one_sided(format!("{path}/{}", pointer_escape(name)), None, Some(vb));
                    }
                }
            }
            (Value::Array(x), Value::Array(y)) => {
                for i in 0..x.len().max(y.len()) {
                    let p = format!("{path}/{i}");
                    match (x.get(i), y.get(i)) {
                        (Some(va), Some(vb)) => self.values(&p, None, va, vb),
                        (before, after) => self.one_sided(p, before, after),
                    }
                }
            }
            _ if a == b => {}
            _ => {
                let note = top_name
                    .filter(|n| self.part == "payload" && (self.time_claims)(n))
                    .and_then(|name| {
                        let (t0, t1) = (numeric_date(a)?, numeric_date(b)?);
                        let delta = t1.saturating_sub(t0);
                        let sign = if delta < 0 { "−" } else { "+" };
                        Some(
                            Text::plain(format!("{name} {sign}"))
                                .then(super::time::span_phrase(delta.unsigned_abs())),
                        )
                    });
                self.push(Difference {
                    part: self.part,
                    path: path.to_owned(),
                    kind: "changed",
                    before: Some(a.clone()),
                    after: Some(b.clone()),
                    note,
                });
            }
        }
    }
}

/// The payload as a JSON value to compare: JSON as it is, anything else as one string.
fn payload_value(d: &Decoded) -> Value {
    match &d.payload {
        Payload::Claims(v) | Payload::OtherJson(v) => v.clone(),
        Payload::Text(t) => Value::String(t.clone()),
        Payload::Binary(b) => Value::String(super::parse::hex(b)),
        Payload::Encrypted => Value::String("(encrypted)".into()),
        Payload::Unavailable => Value::Null,
    }
}

/// Compares two decoded tokens.
pub fn compare(a: &Decoded, b: &Decoded) -> Comparison {
    let dict = Dictionary::bundled();
    let time_claims = |name: &str| {
        dict.get(crate::core::claims::Location::Payload, name)
            .is_some_and(|e| e.time)
    };
    let mut differences = Vec::new();
    let mut omitted = 0;
    for (part, x, y) in [
        (
            "header",
            a.header.clone().unwrap_or(Value::Null),
            b.header.clone().unwrap_or(Value::Null),
        ),
        ("payload", payload_value(a), payload_value(b)),
    ] {
        Walk {
            part,
            out: &mut differences,
            omitted: &mut omitted,
            time_claims: &time_claims,
        }
        .values("", None, &x, &y);
    }
    let (sig_a, sig_b) = (a.signature(), b.signature());
    if sig_a != sig_b && differences.len() >= MAX_DIFFERENCES {
        omitted += 1;
    } else if sig_a != sig_b {
        differences.push(Difference {
            part: "signature",
            path: String::new(),
            kind: "changed",
            before: sig_a.map(|s| Value::from(super::b64::encode(s))),
            after: sig_b.map(|s| Value::from(super::b64::encode(s))),
            note: None,
        });
    }
    let text = |d: &Decoded, name: &str| {
        d.header
            .as_ref()
            .and_then(|h| h.get(name))
            .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_owned))
    };
    let alg = [text(a, "alg"), text(b, "alg")];
    let kid = [text(a, "kid"), text(b, "kid")];
    Comparison {
        equal: differences.is_empty() && a.token == b.token,
        same_alg: alg[0] == alg[1],
        same_kid: kid[0] == kid[1],
        alg,
        kid,
        differences,
        omitted,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::parse::decode;

    fn token(header: &str, payload: &str) -> String {
        use base64::Engine as _;
        let b = |s: &str| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(s);
        format!("{}.{}.c2ln", b(header), b(payload))
    }

    #[test]
    fn nested_members_are_compared_one_by_one_and_times_in_words() {
        let a = token(
            r#"{"alg":"HS256","kid":"k1"}"#,
            r#"{"sub":"a","exp":1800000000,"roles":["r1","r2"],"addr":{"city":"Seoul","zip":"1"},"gone":true}"#,
        );
        let b = token(
            r#"{"alg":"HS256","kid":"k2"}"#,
            r#"{"sub":"a","exp":1800005400,"roles":["r1","r3","r4"],"addr":{"city":"Busan","zip":"1"},"new/x":1}"#,
        );
        let c = compare(&decode(&a), &decode(&b));
        assert!(!c.equal);
        assert!(c.same_alg && !c.same_kid);
        let find = |path: &str| c.differences.iter().find(|d| d.path == path).unwrap();
        assert_eq!(find("/kid").kind, "changed");
        assert_eq!(
            find("/exp").note.as_ref().map(Text::en).as_deref(),
            Some("exp +1 h 30 min")
        );
        assert_eq!(find("/roles/1").kind, "changed");
        assert_eq!(find("/roles/2").kind, "added");
        assert_eq!(find("/addr/city").after, Some(Value::from("Busan")));
        assert_eq!(find("/gone").kind, "removed");
        assert_eq!(find("/new~1x").kind, "added");
        assert!(
            c.differences
                .iter()
                .all(|d| d.path != "/sub" && d.path != "/addr/zip")
        );
        assert!(c.differences.iter().all(|d| d.part != "signature"));
    }

    #[test]
    fn the_same_token_is_equal() {
        let a = token(r#"{"alg":"HS256"}"#, r#"{"a":[1,{"b":2}]}"#);
        let c = compare(&decode(&a), &decode(&a));
        assert!(c.equal, "{:?}", c.differences);
    }
}
