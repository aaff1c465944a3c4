//! Compact JWS/JWE parsing with byte spans, own code around base64url and serde_json.
//!
//! Decoding never refuses: whatever parses is kept, and every problem becomes a [`DecodeError`]
//! naming the part and the position.

use crate::msg;
use serde_json::Value;

use super::b64::{self, Deviation};
use super::json::{self, Duplicate};

mod find;
mod json_serialization;
mod sd;

use super::msg::Text;
use super::words::{part_word, type_word};
pub use find::find_token;
use json_serialization::decode_json_serialization;
pub use json_serialization::{
    JsonSerialization, JsonSerializationError, JsonSignature, json_serialization,
};
pub use sd::SdParts;
use sd::split_sd;

/// Largest input accepted, in bytes.
pub const MAX_INPUT_BYTES: usize = 16 * 1024 * 1024;

/// A byte range in the original input text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// What a segment of a compact token holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PartKind {
    Header,
    Payload,
    Signature,
    EncryptedKey,
    Iv,
    Ciphertext,
    Tag,
    /// Segments beyond what either form has.
    Extra,
    /// An SD-JWT disclosure (RFC 9901), after a `~`.
    Disclosure,
    /// An SD-JWT's key-binding JWT, after the last `~`.
    KeyBinding,
}

impl PartKind {
    pub fn name(self) -> &'static str {
        match self {
            Self::Header => "header",
            Self::Payload => "payload",
            Self::Signature => "signature",
            Self::EncryptedKey => "encrypted key",
            Self::Iv => "initialization vector",
            Self::Ciphertext => "ciphertext",
            Self::Tag => "authentication tag",
            Self::Extra => "extra segment",
            Self::Disclosure => "disclosure",
            Self::KeyBinding => "key-binding JWT",
        }
    }
}

/// One dot-separated segment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    pub kind: PartKind,
    /// Where it stands in the original input.
    pub span: Span,
    /// Its text, exactly as in the input.
    pub text: String,
    /// Decoded bytes, when the text is decodable.
    pub bytes: Option<Vec<u8>>,
    pub deviations: Vec<Deviation>,
}

/// Compact serialisation of the token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Form {
    /// Three segments: header.payload.signature.
    Jws,
    /// Five segments: an encrypted token whose payload cannot be read without decryption.
    Jwe,
    /// Neither; see the errors.
    Malformed,
}

/// What the payload turned out to be.
#[derive(Debug, Clone, PartialEq)]
pub enum Payload {
    /// A JSON object: the claims.
    Claims(Value),
    /// Other JSON (array, string, number…), shown as is.
    OtherJson(Value),
    /// UTF-8 text that is not JSON.
    Text(String),
    /// Bytes that are not UTF-8, shown as hex.
    Binary(Vec<u8>),
    /// JWE: encrypted, not readable.
    Encrypted,
    /// Missing or undecodable.
    Unavailable,
}

/// What kind of problem a [`DecodeError`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// The overall shape: empty, wrong number of segments, JSON instead of a token.
    Structure,
    /// A segment is not base64url.
    Base64,
    /// Decoded bytes are not UTF-8.
    Utf8,
    /// The header is not a JSON object.
    Json,
    /// A size or nesting limit was hit.
    Limit,
}

/// A structural problem: what is wrong and where. Any of these makes the token malformed.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct DecodeError {
    pub kind: ErrorKind,
    /// "input", "header", "payload", "signature", …
    pub part: String,
    pub message: Text,
    /// Where in the input the problem is (byte range), so that a viewer can mark it. Not part of
    /// the JSON output: `part` and `message` say it for scripts.
    #[serde(skip)]
    pub span: Span,
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", part_word(&self.part), self.message)
    }
}

/// Everything that could be read from the input.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    /// What was removed around the token ("Bearer ", quotes), for the record.
    pub stripped: Vec<&'static str>,
    /// Span of the token inside the input, after trimming.
    pub token_span: Span,
    /// The token text itself.
    pub token: String,
    pub form: Form,
    pub parts: Vec<Part>,
    /// The header object as parsed (member order kept).
    pub header: Option<Value>,
    /// Header bytes as text, when UTF-8.
    pub header_text: Option<String>,
    pub header_duplicates: Vec<Duplicate>,
    pub payload: Payload,
    pub payload_duplicates: Vec<Duplicate>,
    /// Duplicate members beyond those recorded (header and payload together), counted only.
    pub duplicates_omitted: usize,
    /// Payload bytes exactly (decoded), when available.
    pub payload_bytes: Option<Vec<u8>>,
    /// RFC 7797 `"b64": false`: the payload segment is the payload itself.
    pub unencoded_payload: bool,
    /// Payload supplied separately for a token with an empty (detached) payload segment.
    pub detached_payload: bool,
    /// Set when the input was a JWS JSON serialization, shown through its first signature.
    pub json_serialization: Option<JsonSerialization>,
    /// Set for an SD-JWT (RFC 9901): what follows the issuer-signed JWT.
    pub sd: Option<SdParts>,
    pub errors: Vec<DecodeError>,
}

impl Decoded {
    fn empty(input_len: usize) -> Self {
        Self {
            stripped: Vec::new(),
            token_span: Span {
                start: 0,
                end: input_len,
            },
            token: String::new(),
            form: Form::Malformed,
            parts: Vec::new(),
            header: None,
            header_text: None,
            header_duplicates: Vec::new(),
            payload: Payload::Unavailable,
            payload_duplicates: Vec::new(),
            duplicates_omitted: 0,
            payload_bytes: None,
            unencoded_payload: false,
            detached_payload: false,
            json_serialization: None,
            sd: None,
            errors: Vec::new(),
        }
    }

    /// Records a problem with the part named `part` (or the whole input), marking that part.
    fn error(&mut self, kind: ErrorKind, part: &str, message: Text) {
        let span = self
            .parts
            .iter()
            .find(|p| p.kind.name() == part)
            .map_or(self.token_span, |p| p.span);
        self.error_at(kind, part, message, span);
    }

    fn error_at(&mut self, kind: ErrorKind, part: &str, message: Text, span: Span) {
        self.errors.push(DecodeError {
            kind,
            part: part.to_owned(),
            message,
            span,
        });
    }

    pub fn part(&self, kind: PartKind) -> Option<&Part> {
        self.parts.iter().find(|p| p.kind == kind)
    }

    /// The header's `alg` member, when it is a string.
    pub fn alg_name(&self) -> Option<&str> {
        self.header.as_ref()?.get("alg")?.as_str()
    }

    /// `header.payload` exactly as in the token: the bytes a JWS signature covers. For a detached
    /// payload the supplied content stands in for the empty segment.
    pub fn signing_input(&self) -> Option<std::borrow::Cow<'_, [u8]>> {
        let header = self.part(PartKind::Header)?;
        let payload = self.part(PartKind::Payload)?;
        if self.detached_payload {
            let mut input = header.text.as_bytes().to_vec();
            input.push(b'.');
            let bytes = self.payload_bytes.as_deref()?;
            if self.unencoded_payload {
                input.extend_from_slice(bytes);
            } else {
                input.extend_from_slice(b64::encode(bytes).as_bytes());
            }
            return Some(input.into());
        }
        let start = header.span.start - self.token_span.start;
        let end = payload.span.end - self.token_span.start;
        self.token.get(start..end).map(|s| s.as_bytes().into())
    }

    /// Signature bytes (decoded), when present and decodable.
    pub fn signature(&self) -> Option<&[u8]> {
        self.part(PartKind::Signature)?.bytes.as_deref()
    }

    /// The claims object, if the payload is one.
    pub fn claims(&self) -> Option<&serde_json::Map<String, Value>> {
        match &self.payload {
            Payload::Claims(Value::Object(map)) => Some(map),
            _ => None,
        }
    }
}

/// Finds the token inside pasted text: trims, drops `Authorization:`, `Bearer ` and quotes.
fn locate(input: &str) -> (Span, Vec<&'static str>) {
    let mut start = 0;
    let mut end = input.len();
    let mut stripped = Vec::new();
    loop {
        let s = &input[start..end];
        let trimmed = s.trim_start();
        start += s.len() - trimmed.len();
        end = start + trimmed.trim_end().len();
        let s = &input[start..end];
        if let Some(rest) = strip_prefix_ci(s, "authorization:") {
            start = end - rest.len();
            stripped.push("Authorization:");
            continue;
        }
        if let Some(rest) = strip_prefix_ci(s, "bearer ") {
            start = end - rest.len();
            stripped.push("Bearer");
            continue;
        }
        let bytes = s.as_bytes();
        if bytes.len() >= 2
            && (bytes[0] == b'"' || bytes[0] == b'\'')
            && bytes[bytes.len() - 1] == bytes[0]
        {
            start += 1;
            end -= 1;
            stripped.push("quotes");
            continue;
        }
        return (Span { start, end }, stripped);
    }
}

fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &s[prefix.len()..])
}

/// Decodes pasted text into a token, as far as it goes.
pub fn decode(input: &str) -> Decoded {
    let mut d = Decoded::empty(input.len());
    if input.len() > MAX_INPUT_BYTES {
        d.error(
            ErrorKind::Limit,
            "input",
            msg!(
                "parse-too-big",
                size = input.len(),
                limit = MAX_INPUT_BYTES / (1024 * 1024)
            ),
        );
        return d;
    }
    let (span, stripped) = locate(input);
    d.token_span = span;
    d.stripped = stripped;
    d.token = input[span.start..span.end].to_owned();
    if d.token.is_empty() {
        d.error(ErrorKind::Structure, "input", msg!("parse-empty"));
        return d;
    }
    if d.token.starts_with('{') {
        return decode_json_serialization(d);
    }

    let whole = d.token.clone();
    // An SD-JWT: the issuer-signed JWT up to the first `~`, then disclosures and perhaps a
    // key-binding JWT. The JWT is read as any other; the rest is kept for `sdjwt` to process.
    let jwt_len = whole.find('~').unwrap_or(whole.len());
    let token = &whole[..jwt_len];
    let segments = token.bytes().filter(|&b| b == b'.').count() + 1;
    // A hostile input may hold millions of dots: past five segments, everything after the third
    // is one extra part, so memory and work stay linear in the input.
    let texts: Vec<&str> = if segments <= 5 {
        token.split('.').collect()
    } else {
        token.splitn(4, '.').collect()
    };
    d.form = match segments {
        3 => Form::Jws,
        5 => Form::Jwe,
        n => {
            d.error(
                ErrorKind::Structure,
                "input",
                msg!("parse-segments", count = n),
            );
            Form::Malformed
        }
    };
    let kinds: &[PartKind] = match d.form {
        Form::Jwe => &[
            PartKind::Header,
            PartKind::EncryptedKey,
            PartKind::Iv,
            PartKind::Ciphertext,
            PartKind::Tag,
        ],
        _ => &[PartKind::Header, PartKind::Payload, PartKind::Signature],
    };
    let mut offset = span.start;
    for (i, text) in texts.iter().enumerate() {
        let kind = kinds.get(i).copied().unwrap_or(PartKind::Extra);
        let part_span = Span {
            start: offset,
            end: offset + text.len(),
        };
        offset = part_span.end + 1;
        d.parts.push(Part {
            kind,
            span: part_span,
            text: (*text).to_owned(),
            bytes: None,
            deviations: Vec::new(),
        });
    }

    decode_header(&mut d);
    if jwt_len < whole.len() {
        split_sd(&mut d, &whole, jwt_len, span.start);
    }
    if d.form == Form::Jwe {
        d.payload = Payload::Encrypted;
        // Every segment must be base64url (the encrypted key may be empty); a broken one is named.
        for index in 1..d.parts.len() {
            decode_segment(&mut d, index);
        }
        return d;
    }
    decode_payload(&mut d);
    decode_signature(&mut d);
    d
}

/// Decodes a token whose payload segment is empty, with the payload supplied separately
/// (RFC 7515 Appendix F).
pub fn decode_detached(input: &str, payload: &[u8]) -> Decoded {
    let mut d = decode(input);
    if d.form == Form::Jws && d.parts.get(1).is_some_and(|p| p.text.is_empty()) {
        d.detached_payload = true;
        let mut duplicates = Vec::new();
        d.payload = classify_payload(payload, &mut duplicates, &mut d.duplicates_omitted);
        d.payload_duplicates = duplicates;
        d.payload_bytes = Some(payload.to_vec());
    }
    d
}

fn decode_segment(d: &mut Decoded, index: usize) -> Option<Vec<u8>> {
    let part = d.parts.get_mut(index)?;
    match b64::decode(&part.text) {
        Ok(decoded) => {
            part.bytes = Some(decoded.bytes.clone());
            part.deviations = decoded.deviations;
            Some(decoded.bytes)
        }
        Err(err) => {
            let name = part.kind.name();
            // Mark the offending character itself when the error names one.
            let span = match &err {
                b64::Base64Error::InvalidChar { offset, ch, .. } => Span {
                    start: part.span.start + offset,
                    end: part.span.start + offset + ch.len_utf8(),
                },
                b64::Base64Error::MisplacedPadding { offset } => Span {
                    start: part.span.start + offset,
                    end: part.span.start + offset + 1,
                },
                _ => part.span,
            };
            d.error_at(ErrorKind::Base64, name, err.text(), span);
            None
        }
    }
}

fn decode_header(d: &mut Decoded) {
    let Some(bytes) = decode_segment(d, 0) else {
        return;
    };
    if bytes.is_empty() {
        d.error(ErrorKind::Json, "header", msg!("parse-header-empty"));
        return;
    }
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            d.error(
                ErrorKind::Utf8,
                "header",
                msg!("parse-header-utf8", at = at),
            );
            return;
        }
    };
    match json::parse(&text) {
        Ok(parsed) if parsed.value.is_object() => {
            d.header = Some(parsed.value);
            d.header_duplicates = parsed.duplicates;
            d.duplicates_omitted += parsed.duplicates_omitted;
        }
        Ok(parsed) => d.error(
            ErrorKind::Json,
            "header",
            msg!(
                "parse-header-type",
                type = type_word(&parsed.value)
            ),
        ),
        Err(e)
            if matches!(
                e.kind,
                json::JsonErrorKind::TooDeep | json::JsonErrorKind::TooLarge
            ) =>
        {
            d.error(
                ErrorKind::Limit,
                "header",
                msg!("parse-json-limit", problem = e.message.as_str()),
            )
        }
        Err(e) => d.error(
            ErrorKind::Json,
            "header",
            msg!("parse-json-invalid", error = e.to_string()),
        ),
    }
    d.header_text = Some(text);
    match d.header.as_ref().and_then(|h| h.get("b64")) {
        None | Some(Value::Bool(true)) => {}
        Some(Value::Bool(false)) => d.unencoded_payload = true,
        Some(other) => {
            let shown = other.to_string();
            d.error(
                ErrorKind::Json,
                "header",
                msg!("parse-b64-flag", value = shown),
            );
        }
    }
}

fn decode_payload(d: &mut Decoded) {
    let bytes = if d.unencoded_payload {
        match d.parts.get(1) {
            Some(part) => part.text.as_bytes().to_vec(),
            None => return,
        }
    } else {
        match decode_segment(d, 1) {
            Some(bytes) => bytes,
            None => return,
        }
    };
    d.payload = classify_payload(&bytes, &mut d.payload_duplicates, &mut d.duplicates_omitted);
    // JSON that failed only because it nests too deep or holds too many values is a limit, not
    // text.
    if let Payload::Text(t) = &d.payload
        && t.trim_start().starts_with(['{', '['])
        && let Err(e) = json::parse(t)
        && matches!(
            e.kind,
            json::JsonErrorKind::TooDeep | json::JsonErrorKind::TooLarge
        )
    {
        let message = msg!("parse-json-limit", problem = e.message.as_str());
        d.error(ErrorKind::Limit, "payload", message);
    }
    d.payload_bytes = Some(bytes);
}

impl Decoded {
    /// A header member as one line of text: a string as it is, other JSON as JSON, "" when absent.
    pub fn header_member(&self, name: &str) -> String {
        member_text(self.header.as_ref().and_then(|h| h.get(name)))
    }

    /// A claim as one line of text, like [`Decoded::header_member`].
    pub fn claim_member(&self, name: &str) -> String {
        member_text(self.claims().and_then(|c| c.get(name)))
    }

    /// Puts a decrypted JWE plaintext where a JWS payload would be, so that its claims, times
    /// and findings are read like any payload's.
    pub fn set_decrypted_payload(&mut self, bytes: &[u8]) {
        self.payload = classify_payload(
            bytes,
            &mut self.payload_duplicates,
            &mut self.duplicates_omitted,
        );
        self.payload_bytes = Some(bytes.to_vec());
    }
}

fn member_text(value: Option<&Value>) -> String {
    match value {
        None => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
    }
}

fn classify_payload(bytes: &[u8], duplicates: &mut Vec<Duplicate>, omitted: &mut usize) -> Payload {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return Payload::Binary(bytes.to_vec());
    };
    match json::parse(text) {
        Ok(parsed) if parsed.value.is_object() => {
            *duplicates = parsed.duplicates;
            *omitted += parsed.duplicates_omitted;
            Payload::Claims(parsed.value)
        }
        Ok(parsed) => Payload::OtherJson(parsed.value),
        Err(_) => Payload::Text(text.to_owned()),
    }
}

fn decode_signature(d: &mut Decoded) {
    decode_segment(d, 2);
}

/// Renders bytes as spaced hex, for payloads that are not text.
pub fn hex(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 3);
    for (i, b) in bytes.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(&format!("{b:02x}"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const RFC7515_A1: &str = "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

    #[test]
    fn rfc_example_decodes_into_three_parts_with_spans() {
        let d = decode(RFC7515_A1);
        assert!(d.errors.is_empty(), "{:?}", d.errors);
        assert_eq!(d.form, Form::Jws);
        assert_eq!(d.parts.len(), 3);
        assert_eq!(
            d.parts[0].span,
            Span {
                start: 0,
                end: RFC7515_A1.find('.').unwrap()
            }
        );
        assert_eq!(
            &RFC7515_A1[d.parts[2].span.start..d.parts[2].span.end],
            d.parts[2].text
        );
        assert_eq!(d.alg_name(), Some("HS256"));
        assert_eq!(d.claims().unwrap()["iss"], "joe");
        assert_eq!(d.signature().unwrap().len(), 32);
    }

    #[test]
    fn bearer_prefix_and_quotes_are_stripped_and_spans_point_into_the_input() {
        let input = format!("  Authorization: Bearer \"{RFC7515_A1}\"\n");
        let d = decode(&input);
        assert!(d.errors.is_empty());
        assert_eq!(d.token, RFC7515_A1);
        assert_eq!(&input[d.token_span.start..d.token_span.end], RFC7515_A1);
        assert_eq!(d.stripped, vec!["Authorization:", "Bearer", "quotes"]);
        let h = &d.parts[0];
        assert_eq!(&input[h.span.start..h.span.end], h.text);
    }

    #[test]
    fn bad_character_error_names_segment_offset_and_char() {
        let d = decode("eyJhbGciOiJIUzI1NiJ9.abc@.sig");
        assert_eq!(
            d.errors[0].to_string(),
            "payload: byte 3 is '@', not a base64url character (A-Z a-z 0-9 - _)"
        );
        assert!(d.header.is_some(), "the header is still decoded");
    }

    #[test]
    fn wrong_segment_count_is_an_error_but_header_still_shows() {
        let d = decode("eyJhbGciOiJIUzI1NiJ9.e30");
        assert_eq!(d.form, Form::Malformed);
        assert!(d.errors[0].message.to_string().contains("found 2 segments"));
        assert_eq!(d.alg_name(), Some("HS256"));
    }

    #[test]
    fn header_that_is_not_an_object_is_an_error() {
        let d = decode(&format!("{}.e30.", b64::encode("[1]")));
        assert_eq!(
            d.errors[0].to_string(),
            "header: is an array, but a JOSE header must be a JSON object"
        );
    }

    #[test]
    fn header_json_error_has_line_and_column() {
        let d = decode(&format!("{}.e30.", b64::encode("{\"alg\":\n  HS256}")));
        assert_eq!(d.errors[0].part, "header");
        assert!(
            d.errors[0]
                .message
                .to_string()
                .starts_with("invalid JSON at line 2, column 3"),
            "{}",
            d.errors[0]
        );
        assert!(d.header_text.is_some());
    }

    #[test]
    fn non_json_payload_is_text_and_binary_is_kept() {
        let d = decode(&format!("eyJhbGciOiJub25lIn0.{}.", b64::encode("hello")));
        assert!(d.errors.is_empty());
        assert_eq!(d.payload, Payload::Text("hello".into()));
        let d = decode(&format!(
            "eyJhbGciOiJub25lIn0.{}.",
            b64::encode([0xff, 0x00])
        ));
        assert_eq!(d.payload, Payload::Binary(vec![0xff, 0]));
        assert_eq!(hex(&[0xff, 0]), "ff 00");
    }

    #[test]
    fn jwe_header_is_shown_and_payload_marked_encrypted() {
        let h = b64::encode(r#"{"alg":"RSA-OAEP","enc":"A256GCM"}"#);
        let d = decode(&format!("{h}.a2V5.aXY.Y2lwaGVy.dGFn"));
        assert_eq!(d.form, Form::Jwe);
        assert!(d.errors.is_empty());
        assert_eq!(d.payload, Payload::Encrypted);
        assert_eq!(d.header.unwrap()["enc"], "A256GCM");
    }

    #[test]
    fn oversized_input_names_the_limit() {
        let big = "a".repeat(MAX_INPUT_BYTES + 1);
        let d = decode(&big);
        assert!(d.errors[0].message.to_string().contains("16 MiB limit"));
    }

    #[test]
    fn empty_and_json_inputs_are_explained() {
        assert!(
            decode("   ").errors[0]
                .message
                .to_string()
                .contains("empty")
        );
        assert!(
            decode(r#"{"payload":"e30"}"#).errors[0]
                .message
                .to_string()
                .contains("JSON serialization")
        );
    }

    #[test]
    fn unencoded_payload_is_taken_literally() {
        let d = decode("eyJhbGciOiJIUzI1NiIsImI2NCI6ZmFsc2UsImNyaXQiOlsiYjY0Il19.not base64!.c2ln");
        assert!(d.errors.is_empty(), "{:?}", d.errors);
        assert!(d.unencoded_payload);
        assert_eq!(d.payload, Payload::Text("not base64!".into()));
    }

    #[test]
    fn signing_input_is_the_exact_text() {
        let d = decode(&format!("Bearer {RFC7515_A1}"));
        let dot2 = RFC7515_A1.rfind('.').unwrap();
        assert_eq!(
            d.signing_input().as_deref(),
            Some(&RFC7515_A1.as_bytes()[..dot2])
        );
    }

    #[test]
    fn json_serialization_is_shown_through_its_first_signature() {
        let json = format!(
            r#"{{"payload":"{}","protected":"{}","header":{{"kid":"k"}},"signature":"{}"}}"#,
            &RFC7515_A1[RFC7515_A1.find('.').unwrap() + 1..RFC7515_A1.rfind('.').unwrap()],
            &RFC7515_A1[..RFC7515_A1.find('.').unwrap()],
            &RFC7515_A1[RFC7515_A1.rfind('.').unwrap() + 1..]
        );
        let d = decode(&json);
        assert!(d.errors.is_empty(), "{:?}", d.errors);
        assert_eq!(d.token, RFC7515_A1);
        let json = d.json_serialization.unwrap();
        assert_eq!((json.signatures, json.unprotected_header), (1, true));
        assert_eq!(json.entries[0].compact, RFC7515_A1);
        assert_eq!(
            json.entries[0].unprotected,
            Some(serde_json::json!({"kid": "k"}))
        );
    }

    #[test]
    fn detached_payload_is_put_back_into_the_signing_input() {
        let d = decode_detached("eyJhbGciOiJIUzI1NiJ9..c2ln", b"{}");
        assert_eq!(
            d.signing_input().as_deref(),
            Some(&b"eyJhbGciOiJIUzI1NiJ9.e30"[..])
        );
        assert!(d.claims().is_some());
    }
}
