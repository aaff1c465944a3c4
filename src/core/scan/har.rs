//! HAR files (`log.entries[]`), read as a stream of JSON: every string that can carry a token
//! (URLs, headers, cookies, query strings, post data and its parameters, response content) is
//! streamed through the text scanner in chunks, never held whole, so memory stays bounded however
//! large one field is. Each field is also scanned percent-decoded (once and twice: `%2E` and
//! `%252E` for a token's dots), and response content is also scanned base64-decoded (whatever its
//! `encoding` says: content labelled base64 that is not base64 is still scanned as text).

use std::io::Read;

use base64::Engine as _;
use struson::reader::{JsonReader, JsonStreamReader, ReaderSettings, ValueType};

use super::{Findings, Location, TextScanner};

/// Why a HAR file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum HarError {
    #[error("not a HAR file: {0}")]
    Json(#[from] struson::reader::ReaderError),
    #[error("not a HAR file: no \"log\" member")]
    NoLog,
    #[error("reading the HAR file: {0}")]
    Io(#[from] std::io::Error),
}

/// A member name (a header's, a cookie's) is kept up to this many bytes; the rest is read past.
const MAX_NAME_BYTES: usize = 1024;

/// Bytes read from one string value at a time.
const CHUNK_BYTES: usize = 64 * 1024;

/// Reads a HAR file entry by entry, scanning each field as it streams by.
pub fn scan_har(reader: impl Read) -> Result<Findings, HarError> {
    let settings = ReaderSettings {
        max_nesting_depth: Some(256),
        ..Default::default()
    };
    let mut json = JsonStreamReader::new_custom(std::io::BufReader::new(reader), settings);
    let mut findings = Findings::default();
    let mut saw_log = false;
    json.begin_object()?;
    while json.has_next()? {
        if json.next_name()? == "log" && json.peek()? == ValueType::Object {
            saw_log = true;
            log(&mut json, &mut findings)?;
        } else {
            json.skip_value()?;
        }
    }
    json.end_object()?;
    if !saw_log {
        return Err(HarError::NoLog);
    }
    Ok(findings)
}

type Reader<R> = JsonStreamReader<std::io::BufReader<R>>;

fn log<R: Read>(json: &mut Reader<R>, findings: &mut Findings) -> Result<(), HarError> {
    json.begin_object()?;
    while json.has_next()? {
        if json.next_name()? == "entries" && json.peek()? == ValueType::Array {
            json.begin_array()?;
            let mut index = 0;
            while json.has_next()? {
                if json.peek()? == ValueType::Object {
                    entry(json, index, findings)?;
                } else {
                    json.skip_value()?;
                }
                index += 1;
            }
            json.end_array()?;
        } else {
            json.skip_value()?;
        }
    }
    json.end_object()?;
    Ok(())
}

fn entry<R: Read>(
    json: &mut Reader<R>,
    index: usize,
    findings: &mut Findings,
) -> Result<(), HarError> {
    json.begin_object()?;
    while json.has_next()? {
        let side = match json.next_name()? {
            "request" => "request",
            "response" => "response",
            _ => {
                json.skip_value()?;
                continue;
            }
        };
        if json.peek()? != ValueType::Object {
            json.skip_value()?;
            continue;
        }
        let mut at = Place {
            entry: index,
            side,
            findings,
        };
        message(json, &mut at)?;
    }
    json.end_object()?;
    Ok(())
}

/// Where in the file a field is, and where its tokens go.
struct Place<'a> {
    entry: usize,
    side: &'static str,
    findings: &'a mut Findings,
}

impl Place<'_> {
    fn add(&mut self, tokens: Vec<String>, field: &'static str, name: Option<&str>) {
        for token in tokens {
            self.findings.add(
                &token,
                Location::Har {
                    entry: self.entry,
                    side: self.side,
                    field,
                    name: name.map(str::to_owned),
                },
            );
        }
    }
}

fn message<R: Read>(json: &mut Reader<R>, at: &mut Place) -> Result<(), HarError> {
    json.begin_object()?;
    while json.has_next()? {
        let name = json.next_name()?;
        let field = match name {
            "url" => Some("url"),
            "redirectURL" => Some("redirect_url"),
            _ => None,
        };
        let list = match name {
            "headers" => Some("header"),
            "cookies" => Some("cookie"),
            "queryString" => Some("query"),
            _ => None,
        };
        let nested = match name {
            "postData" => Some(false),
            "content" => Some(true),
            _ => None,
        };
        match (field, list, nested) {
            (Some(field), _, _) => {
                let tokens = string_tokens(json, false)?;
                at.add(tokens, field, None);
            }
            (_, Some(field), _) => pairs(json, at, field)?,
            (_, _, Some(content)) if json.peek()? == ValueType::Object => {
                body(json, at, content)?;
            }
            _ => json.skip_value()?,
        }
    }
    json.end_object()?;
    Ok(())
}

/// `postData` (text and params) or `content` (text, base64-decoded too).
fn body<R: Read>(json: &mut Reader<R>, at: &mut Place, content: bool) -> Result<(), HarError> {
    json.begin_object()?;
    while json.has_next()? {
        match json.next_name()? {
            "text" => {
                let tokens = string_tokens(json, content)?;
                at.add(tokens, if content { "content" } else { "post_data" }, None);
            }
            "params" if !content => pairs(json, at, "post_param")?,
            _ => json.skip_value()?,
        }
    }
    json.end_object()?;
    Ok(())
}

/// An array of `{"name": …, "value": …}` (headers, cookies, query and form parameters), the
/// name in either order.
fn pairs<R: Read>(
    json: &mut Reader<R>,
    at: &mut Place,
    field: &'static str,
) -> Result<(), HarError> {
    if json.peek()? != ValueType::Array {
        return Ok(json.skip_value()?);
    }
    json.begin_array()?;
    while json.has_next()? {
        if json.peek()? != ValueType::Object {
            json.skip_value()?;
            continue;
        }
        json.begin_object()?;
        let (mut name, mut tokens) = (None, Vec::new());
        while json.has_next()? {
            match json.next_name()? {
                "name" => name = Some(short_string(json)?),
                "value" => tokens = string_tokens(json, false)?,
                _ => json.skip_value()?,
            }
        }
        json.end_object()?;
        at.add(tokens, field, name.as_deref());
    }
    json.end_array()?;
    Ok(())
}

/// A string value kept up to [`MAX_NAME_BYTES`] (the rest is read and dropped); other values
/// become "".
fn short_string<R: Read>(json: &mut Reader<R>) -> Result<String, HarError> {
    if json.peek()? != ValueType::String {
        json.skip_value()?;
        return Ok(String::new());
    }
    let mut kept = Vec::new();
    let mut reader = json.next_string_reader()?;
    (&mut reader)
        .take(MAX_NAME_BYTES as u64)
        .read_to_end(&mut kept)?;
    std::io::copy(&mut reader, &mut std::io::sink())?;
    drop(reader);
    Ok(String::from_utf8_lossy(&kept).into_owned())
}

/// The distinct tokens in a string value, streamed: as written, percent-decoded once and twice,
/// and (for response content) base64-decoded. Not a string: none.
fn string_tokens<R: Read>(json: &mut Reader<R>, content: bool) -> Result<Vec<String>, HarError> {
    if json.peek()? != ValueType::String {
        json.skip_value()?;
        return Ok(Vec::new());
    }
    let mut field = FieldScanner::new(content);
    let mut reader = json.next_string_reader()?;
    let mut buf = vec![0u8; CHUNK_BYTES];
    loop {
        let n = match reader.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e.into()),
        };
        field.feed(&buf[..n]);
    }
    drop(reader);
    Ok(field.finish())
}

/// One field's bytes seen four ways at once, each through its own scanner.
struct FieldScanner {
    raw: TextScanner,
    once: PercentDecoder,
    once_scan: TextScanner,
    twice: PercentDecoder,
    twice_scan: TextScanner,
    base64: Option<(Base64Decoder, TextScanner)>,
    scratch: Vec<u8>,
    scratch2: Vec<u8>,
}

impl FieldScanner {
    fn new(content: bool) -> Self {
        Self {
            raw: TextScanner::new(),
            once: PercentDecoder::default(),
            once_scan: TextScanner::new(),
            twice: PercentDecoder::default(),
            twice_scan: TextScanner::new(),
            base64: content.then(|| (Base64Decoder::default(), TextScanner::new())),
            scratch: Vec::new(),
            scratch2: Vec::new(),
        }
    }

    fn feed(&mut self, chunk: &[u8]) {
        self.raw.feed(chunk);
        self.scratch.clear();
        self.once.feed(chunk, &mut self.scratch);
        self.once_scan.feed(&self.scratch);
        self.scratch2.clear();
        self.twice.feed(&self.scratch, &mut self.scratch2);
        self.twice_scan.feed(&self.scratch2);
        if let Some((decoder, scanner)) = &mut self.base64 {
            self.scratch.clear();
            decoder.feed(chunk, &mut self.scratch);
            scanner.feed(&self.scratch);
        }
    }

    fn finish(mut self) -> Vec<String> {
        let mut tail = Vec::new();
        self.once.finish(&mut tail);
        self.once_scan.feed(&tail);
        let mut tail2 = Vec::new();
        self.twice.feed(&tail, &mut tail2);
        self.twice.finish(&mut tail2);
        self.twice_scan.feed(&tail2);
        let mut scanners = vec![self.raw, self.once_scan, self.twice_scan];
        if let Some((mut decoder, mut scanner)) = self.base64 {
            let mut rest = Vec::new();
            decoder.finish(&mut rest);
            scanner.feed(&rest);
            scanners.push(scanner);
        }
        let mut tokens: Vec<String> = Vec::new();
        for scanner in scanners {
            for found in scanner.finish().found {
                if !tokens.contains(&found.token) {
                    tokens.push(found.token);
                }
            }
        }
        tokens
    }
}

/// Percent-decoding as bytes stream by (`%XX` may be cut between chunks); `+` is a space, as in
/// forms; an invalid escape is kept as it is.
#[derive(Default)]
struct PercentDecoder {
    /// `%`, or `%` and one hex digit, waiting for the rest.
    pending: Vec<u8>,
}

impl PercentDecoder {
    fn feed(&mut self, input: &[u8], out: &mut Vec<u8>) {
        for &b in input {
            match self.pending.len() {
                0 if b == b'%' => self.pending.push(b),
                0 => out.push(if b == b'+' { b' ' } else { b }),
                1 if b.is_ascii_hexdigit() => self.pending.push(b),
                2 if b.is_ascii_hexdigit() => {
                    let hex = |c: u8| (c as char).to_digit(16).unwrap_or(0) as u8;
                    out.push(hex(self.pending[1]) * 16 + hex(b));
                    self.pending.clear();
                }
                _ => {
                    out.append(&mut self.pending);
                    self.feed(&[b], out);
                }
            }
        }
    }

    fn finish(&mut self, out: &mut Vec<u8>) {
        out.append(&mut self.pending);
    }
}

/// Standard base64 (the HAR `encoding`) as bytes stream by: whitespace is skipped, and the first
/// character that is not base64 stops the decoding (the content was not base64 after all).
#[derive(Default)]
struct Base64Decoder {
    group: Vec<u8>,
    failed: bool,
}

impl Base64Decoder {
    fn feed(&mut self, input: &[u8], out: &mut Vec<u8>) {
        if self.failed {
            return;
        }
        for &b in input {
            if b.is_ascii_whitespace() {
                continue;
            }
            if !(b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'=')) {
                self.failed = true;
                return;
            }
            self.group.push(b);
            if self.group.len() == 4 && !self.flush(out) {
                return;
            }
        }
    }

    /// Decodes the collected group; false (and failed) when it is not base64.
    fn flush(&mut self, out: &mut Vec<u8>) -> bool {
        let engine = base64::engine::general_purpose::GeneralPurpose::new(
            &base64::alphabet::STANDARD,
            base64::engine::GeneralPurposeConfig::new()
                .with_decode_padding_mode(base64::engine::DecodePaddingMode::Indifferent)
                .with_decode_allow_trailing_bits(true),
        );
        match engine.decode(&self.group) {
            Ok(bytes) => {
                out.extend_from_slice(&bytes);
                self.group.clear();
                true
            }
            Err(_) => {
                self.failed = true;
                false
            }
        }
    }

    fn finish(&mut self, out: &mut Vec<u8>) {
        if !self.failed && !self.group.is_empty() {
            self.flush(out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const JWS: &str = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl";

    fn har(entries: &str) -> Vec<String> {
        let text = format!(r#"{{"log": {{"version": "1.2", "entries": [{entries}]}}}}"#);
        scan_har(text.as_bytes())
            .unwrap()
            .into_found()
            .into_iter()
            .map(|f| f.token)
            .collect()
    }

    #[test]
    fn names_may_follow_values_and_percent_encoding_may_be_doubled() {
        let once = JWS.replace('.', "%2E");
        let twice = JWS.replace('.', "%252E");
        let found = har(&format!(
            r#"{{"request": {{"headers": [{{"value": "Bearer {JWS}", "name": "Authorization"}}],
                 "url": "https://x/cb?a={once}", "queryString": [{{"name": "t", "value": "{twice}"}}]}}}}"#
        ));
        assert_eq!(found, vec![JWS.to_owned()]);
        let text = format!(
            r#"{{"log": {{"entries": [{{"request": {{"headers": [{{"value": "{JWS}", "name": "X-Token"}}]}}}}]}}}}"#
        );
        let found = scan_har(text.as_bytes()).unwrap().into_found();
        assert_eq!(
            found[0].occurrences,
            vec![Location::Har {
                entry: 0,
                side: "request",
                field: "header",
                name: Some("X-Token".into())
            }]
        );
    }

    #[test]
    fn content_is_scanned_as_text_and_as_base64_whatever_its_label() {
        let b64 = base64::engine::general_purpose::STANDARD.encode(format!("token={JWS}"));
        assert_eq!(
            har(&format!(
                r#"{{"response": {{"content": {{"text": "{b64}", "encoding": "base64"}}}}}}"#
            )),
            vec![JWS.to_owned()]
        );
        assert_eq!(
            har(&format!(
                r#"{{"response": {{"content": {{"encoding": "base64", "text": "not base64: {JWS}"}}}}}}"#
            )),
            vec![JWS.to_owned()]
        );
    }

    #[test]
    fn decoders_give_the_same_bytes_whatever_the_chunks() {
        let text = b"a%2Eb%252E+c%zz%4";
        let mut whole = Vec::new();
        let mut d = PercentDecoder::default();
        d.feed(text, &mut whole);
        d.finish(&mut whole);
        assert_eq!(whole, b"a.b%2E c%zz%4");
        for size in 1..4 {
            let mut out = Vec::new();
            let mut d = PercentDecoder::default();
            for chunk in text.chunks(size) {
                d.feed(chunk, &mut out);
            }
            d.finish(&mut out);
            assert_eq!(out, whole, "chunks of {size}");
        }
        let encoded = base64::engine::general_purpose::STANDARD.encode(b"hello, world");
        for size in 1..6 {
            let mut out = Vec::new();
            let mut d = Base64Decoder::default();
            for chunk in encoded.as_bytes().chunks(size) {
                d.feed(chunk, &mut out);
            }
            d.finish(&mut out);
            assert_eq!(out, b"hello, world", "chunks of {size}");
        }
    }

    #[test]
    fn what_is_not_a_har_file_says_so() {
        assert!(matches!(scan_har(&b"{\"x\": 1}"[..]), Err(HarError::NoLog)));
        assert!(scan_har(&b"[1, 2"[..]).is_err());
    }
}
