//! JSON parsing that keeps what a debugger must show: member order, numbers exactly as written,
//! duplicate member names (with both values) and a line/column for every error.

use std::cell::RefCell;
use std::fmt;
use std::str::FromStr;

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};

/// Most values (objects, arrays, members, items) one document may hold. Each becomes a node in
/// memory many times the size of its text, so a 16 MiB document of `[[[…]]]` would take gigabytes;
/// real tokens hold a few hundred.
pub const MAX_VALUES: usize = 500_000;

/// Where the first `"` or `\` is. SSE2 (every x86-64 has it) rather than `memchr::memchr2`: that
/// one asks the CPU for AVX2 on its first call, and `cpuid` traps to the hypervisor in a virtual
/// machine; a short command paid more for the question (about 60 µs) than any token's search.
fn quote_or_backslash(haystack: &[u8]) -> Option<usize> {
    #[cfg(target_arch = "x86_64")]
    if let Some(two) = memchr::arch::x86_64::sse2::memchr::Two::new(b'"', b'\\') {
        return two.find(haystack);
    }
    memchr::arch::all::memchr::Two::new(b'"', b'\\').find(haystack)
}

/// Counts the values in JSON text (a separator or an opening bracket outside strings starts
/// one), stopping past `limit`. Linear and allocation-free.
fn more_values_than(text: &str, limit: usize) -> bool {
    let bytes = text.as_bytes();
    let mut count = 0usize;
    let mut at = 0;
    while let Some(b) = bytes.get(at) {
        match b {
            // A string: jump to its closing quote (memchr over the body, which in a large token
            // is almost all of the text), stepping over escaped characters.
            b'"' => {
                at += 1;
                loop {
                    match quote_or_backslash(&bytes[at.min(bytes.len())..]) {
                        Some(i) if bytes[at + i] == b'\\' => at += i + 2,
                        Some(i) => {
                            at += i + 1;
                            break;
                        }
                        None => return false,
                    }
                }
                continue;
            }
            b'[' | b'{' | b',' => {
                count += 1;
                if count > limit {
                    return true;
                }
            }
            _ => {}
        }
        at += 1;
    }
    false
}

/// Deepest nesting accepted. serde_json enforces the same limit; naming it here keeps the message honest.
pub const MAX_DEPTH: usize = 128;

/// Key serde_json uses to smuggle an arbitrary-precision number through `visit_map`.
const NUMBER_TOKEN: &str = "$serde_json::private::Number";

/// A member name that appears twice in one object.
#[derive(Debug, Clone, PartialEq)]
pub struct Duplicate {
    /// JSON pointer of the object holding the member ("" for the top level).
    pub pointer: String,
    pub name: String,
    pub first: Value,
    /// The value that wins (JSON parsers keep the last one).
    pub last: Value,
}

/// At most this many duplicate members are recorded with their values; the rest are counted.
pub const MAX_RECORDED_DUPLICATES: usize = 20;

/// Parsed JSON plus what plain parsing would hide.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    pub value: Value,
    pub duplicates: Vec<Duplicate>,
    /// Duplicate members beyond [`MAX_RECORDED_DUPLICATES`], counted only.
    pub duplicates_omitted: usize,
}

/// What kind of problem a [`JsonError`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonErrorKind {
    /// Not JSON at that position.
    Syntax,
    /// The text ended inside a value.
    Eof,
    /// Nested deeper than [`MAX_DEPTH`].
    TooDeep,
    /// More than [`MAX_VALUES`] values.
    TooLarge,
    /// Valid JSON that cannot be represented (a number that is not finite).
    Data,
}

/// A syntax error with its position (1-based line and column, as editors count).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}, column {column}: {message}")]
pub struct JsonError {
    pub kind: JsonErrorKind,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// Parses JSON text, recording duplicate member names instead of silently dropping them.
pub fn parse(text: &str) -> Result<Parsed, JsonError> {
    if more_values_than(text, MAX_VALUES) {
        return Err(JsonError {
            kind: JsonErrorKind::TooLarge,
            line: 1,
            column: 1,
            message: format!("more than {MAX_VALUES} values, the limit"),
        });
    }
    let duplicates = RefCell::new(Duplicates::default());
    let mut de = serde_json::Deserializer::from_str(text);
    let seed = ValueSeed {
        duplicates: &duplicates,
    };
    let value = seed
        .deserialize(&mut de)
        .and_then(|v| de.end().map(|()| v))
        .map_err(to_error)?;
    let Duplicates {
        recorded, omitted, ..
    } = duplicates.into_inner();
    Ok(Parsed {
        value,
        duplicates: recorded,
        duplicates_omitted: omitted,
    })
}

/// Duplicates seen while parsing: the first few in full, then a count (a hostile text may hold
/// a million of them).
#[derive(Default)]
struct Duplicates {
    recorded: Vec<Duplicate>,
    omitted: usize,
    /// Where the parser is: member names and array indexes from the top. The JSON pointer is
    /// built from it only when a duplicate is found, so parsing stays linear however deep.
    path: Vec<Segment>,
}

enum Segment {
    Index(usize),
    Name(String),
}

impl Duplicates {
    fn pointer(&self) -> String {
        self.path
            .iter()
            .map(|s| match s {
                Segment::Index(i) => format!("/{i}"),
                Segment::Name(n) => format!("/{}", pointer_token(n)),
            })
            .collect()
    }
}

fn to_error(err: serde_json::Error) -> JsonError {
    let full = err.to_string();
    let suffix = format!(" at line {} column {}", err.line(), err.column());
    let mut message = full.strip_suffix(&suffix).unwrap_or(&full).to_owned();
    let mut kind = match err.classify() {
        serde_json::error::Category::Eof => JsonErrorKind::Eof,
        serde_json::error::Category::Data => JsonErrorKind::Data,
        serde_json::error::Category::Syntax | serde_json::error::Category::Io => {
            JsonErrorKind::Syntax
        }
    };
    // serde_json has no category for its depth limit; its message is the only sign of it.
    if message.starts_with("recursion limit exceeded") {
        kind = JsonErrorKind::TooDeep;
        message = format!("nested deeper than {MAX_DEPTH} levels, the limit");
    } else if message == "trailing characters" {
        message = "unexpected text after the JSON value".to_owned();
    }
    JsonError {
        kind,
        line: err.line(),
        column: err.column(),
        message,
    }
}

/// Escapes a member name for a JSON pointer (RFC 6901).
fn pointer_token(name: &str) -> String {
    name.replace('~', "~0").replace('/', "~1")
}

struct ValueSeed<'a> {
    duplicates: &'a RefCell<Duplicates>,
}

impl<'de> DeserializeSeed<'de> for ValueSeed<'_> {
    type Value = Value;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ValueSeed<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
        Number::from_f64(v)
            .map(Value::Number)
            .ok_or_else(|| E::custom("number is not finite"))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        loop {
            self.duplicates
                .borrow_mut()
                .path
                .push(Segment::Index(items.len()));
            let seed = ValueSeed {
                duplicates: self.duplicates,
            };
            let next = seq.next_element_seed(seed);
            self.duplicates.borrow_mut().path.pop();
            match next? {
                Some(v) => items.push(v),
                None => return Ok(Value::Array(items)),
            }
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut object = Map::new();
        let mut first = true;
        while let Some(name) = map.next_key::<String>()? {
            if first && name == NUMBER_TOKEN {
                let digits: String = map.next_value()?;
                return Number::from_str(&digits)
                    .map(Value::Number)
                    .map_err(|_| de::Error::custom("invalid number"));
            }
            first = false;
            // The name stands on the path while its value is parsed (a duplicate found inside
            // names it), then comes back to be the member's key: no copy per member.
            self.duplicates.borrow_mut().path.push(Segment::Name(name));
            let seed = ValueSeed {
                duplicates: self.duplicates,
            };
            let value = map.next_value_seed(seed);
            let name = match self.duplicates.borrow_mut().path.pop() {
                Some(Segment::Name(name)) => name,
                _ => String::new(),
            };
            let value = value?;
            match object.entry(name) {
                serde_json::map::Entry::Vacant(slot) => {
                    slot.insert(value);
                }
                serde_json::map::Entry::Occupied(mut slot) => {
                    let mut seen = self.duplicates.borrow_mut();
                    if seen.recorded.len() < MAX_RECORDED_DUPLICATES {
                        let pointer = seen.pointer();
                        let name = slot.key().clone();
                        let previous = slot.insert(value.clone());
                        seen.recorded.push(Duplicate {
                            pointer,
                            name,
                            first: previous,
                            last: value,
                        });
                    } else {
                        seen.omitted += 1;
                        slot.insert(value);
                    }
                }
            }
        }
        Ok(Value::Object(object))
    }
}

/// Compact JSON with member order and numbers kept.
pub fn to_compact(value: &Value) -> String {
    // Serialising a Value cannot fail: all keys are strings.
    serde_json::to_string(value).unwrap_or_default()
}

/// Indentation grows with depth, so deep, wide JSON pretty-prints to many times its size (a 16 MiB
/// payload of nested arrays would become gigabytes). Past this estimate the output is compact.
pub const MAX_PRETTY_BYTES: usize = 32 * 1024 * 1024;

/// An upper estimate of the indentation pretty-printing adds, stopping once over `budget`.
fn indentation_cost(value: &Value, depth: usize, budget: usize) -> usize {
    let own = 2 * depth + 2;
    let children: Box<dyn Iterator<Item = &Value>> = match value {
        Value::Array(items) => Box::new(items.iter()),
        Value::Object(map) => Box::new(map.values()),
        _ => return own,
    };
    let mut total = own;
    for child in children {
        total += indentation_cost(child, depth + 1, budget.saturating_sub(total));
        if total > budget {
            break;
        }
    }
    total
}

/// Pretty JSON (two-space indent) with member order and numbers kept; compact when indenting
/// would blow the text up past [`MAX_PRETTY_BYTES`].
pub fn to_pretty(value: &Value) -> String {
    if indentation_cost(value, 0, MAX_PRETTY_BYTES) > MAX_PRETTY_BYTES {
        return to_compact(value);
    }
    serde_json::to_string_pretty(value).unwrap_or_default()
}

/// A short name for a JSON value's type, for messages.
pub fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_document_with_too_many_values_is_refused_before_it_is_built() {
        let text = format!("[{}0]", "0,".repeat(MAX_VALUES));
        let e = parse(&text).unwrap_err();
        assert_eq!(e.kind, JsonErrorKind::TooLarge);
        // Commas inside strings are text, not values.
        let text = format!("[\"{}\"]", ",".repeat(MAX_VALUES + 10));
        assert!(parse(&text).is_ok());
    }

    #[test]
    fn values_inside_strings_do_not_count_and_escapes_are_stepped_over() {
        // "[" and four commas between values; the commas inside the strings (one after an
        // escaped quote, one after an escaped backslash) are text.
        let text = r#"["a,b", "q\",", "\\", 1, 2]"#;
        assert!(!more_values_than(text, 5));
        assert!(more_values_than(text, 4));
        // A string never closed, or ending in a lone backslash, ends the count.
        assert!(!more_values_than(r#"["abc,,,"#, 1));
        assert!(!more_values_than("[\"\\", 1));
    }

    #[test]
    fn deep_wide_json_is_not_blown_up_by_indentation() {
        let unit = format!("{}1{}", "[".repeat(100), "]".repeat(100));
        let text = format!("[{}0]", format!("{unit},").repeat(4_000));
        let value = parse(&text).unwrap().value;
        let pretty = to_pretty(&value);
        assert_eq!(pretty, to_compact(&value));
        assert_eq!(
            to_pretty(&serde_json::json!({"a": [1]})),
            "{\n  \"a\": [\n    1\n  ]\n}"
        );
    }

    #[test]
    fn member_order_is_kept() {
        let p = parse(r#"{"z":1,"a":2,"m":3}"#).unwrap();
        assert_eq!(to_compact(&p.value), r#"{"z":1,"a":2,"m":3}"#);
    }

    #[test]
    fn large_and_precise_numbers_are_kept_exactly() {
        let text = r#"{"big":123456789012345678901234567890,"f":0.1000000000000000055511151231257827,"e":1.5e-7,"n":-0}"#;
        assert_eq!(to_compact(&parse(text).unwrap().value), text);
    }

    #[test]
    fn duplicate_members_are_reported_with_both_values() {
        let p = parse(r#"{"a":{"x":1,"x":2},"sub":"alice","sub":"admin"}"#).unwrap();
        assert_eq!(p.duplicates.len(), 2);
        assert_eq!(p.duplicates[0].pointer, "/a");
        assert_eq!(p.duplicates[1].name, "sub");
        assert_eq!(p.duplicates[1].first, Value::from("alice"));
        assert_eq!(p.duplicates[1].last, Value::from("admin"));
        assert_eq!(p.value["sub"], "admin");
    }

    #[test]
    fn syntax_error_names_line_and_column() {
        let err = parse("{\n  \"a\": 1,\n  \"b\" 2\n}").unwrap_err();
        assert_eq!((err.line, err.column), (3, 7));
        assert_eq!(err.message, "expected `:`");
    }

    #[test]
    fn nesting_past_the_limit_is_an_error_naming_it() {
        let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
        let err = parse(&deep).unwrap_err();
        assert!(err.message.to_string().contains("128"), "{err}");
        let ok = format!("{}{}", "[".repeat(100), "]".repeat(100));
        assert!(parse(&ok).is_ok());
    }

    #[test]
    fn trailing_text_is_an_error() {
        let err = parse("{} x").unwrap_err();
        assert_eq!(err.message, "unexpected text after the JSON value");
    }
}
