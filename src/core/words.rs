//! Words the core's texts share: the names of JSON types and of a token's parts. They live below
//! every module that uses them (parse, verify, validity, findings), so none of those imports
//! another for a word.

use serde_json::Value;

use super::msg::Text;

/// "a string", "an object", … as a text.
pub fn type_word(value: &Value) -> Text {
    Text::key(match value {
        Value::Null => "json-type-null",
        Value::Bool(_) => "json-type-boolean",
        Value::Number(_) => "json-type-number",
        Value::String(_) => "json-type-string",
        Value::Array(_) => "json-type-array",
        Value::Object(_) => "json-type-object",
    })
}

/// A token part's name ("header", "payload", …) as a text; other names as given.
pub fn part_word(part: &str) -> Text {
    Text::key(match part {
        "header" => "part-header",
        "payload" => "part-payload",
        "signature" => "part-signature",
        "input" => "part-input",
        "encrypted key" => "part-encrypted-key",
        "initialization vector" | "iv" => "part-iv",
        "ciphertext" => "part-ciphertext",
        "authentication tag" | "tag" => "part-tag",
        _ => return Text::plain(part.to_owned()),
    })
}
