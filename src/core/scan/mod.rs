//! Finding every token in arbitrary bytes: logs, `curl -v` output, `.env` files, and HAR files
//! read entry by entry. The input is streamed in chunks, so memory follows the tokens found, not
//! the size of the input; bytes need not be UTF-8.
//!
//! A candidate counts only when its first segment decodes to a JSON object with `alg` (or `enc`
//! for a JWE) and it has the three (JWS) or five (JWE) segments. Headers with spaces (`eyAi…`),
//! payloads that are not JSON, punctuation after a token, and tokens behind `%3D` / `%20` or JSON
//! escapes (`\u0022`, `\n`) are found; version strings, file names, e-mail addresses and base64
//! blobs without a token-shaped header are not.

use std::collections::HashMap;
use std::io::Read;

use serde::Serialize;
use serde_json::Value;

mod har;

pub use har::{HarError, scan_har};

use super::b64;
/// A run of token bytes longer than this is never a token (the decoder's cap).
const MAX_TOKEN_BYTES: usize = crate::core::read::MAX_TOKEN_BYTES as usize;

/// Where a token was seen. Lines are 1-based, columns are 1-based byte offsets in the line; HAR
/// entry indexes are 0-based, as in the file's `entries` array.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Location {
    Text {
        line: u64,
        column: u64,
    },
    Har {
        entry: usize,
        /// "request" or "response".
        side: &'static str,
        /// "url", "header", "cookie", "query", "post_data", "post_param", "content",
        /// "redirect_url".
        field: &'static str,
        /// The header, cookie, query or form parameter's name.
        #[serde(skip_serializing_if = "Option::is_none")]
        name: Option<String>,
    },
}

impl std::fmt::Display for Location {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Text { line, column } => write!(f, "{line}:{column}"),
            Self::Har {
                entry,
                side,
                field,
                name,
            } => {
                write!(f, "entry {entry} {side} {field}")?;
                if let Some(name) = name {
                    write!(f, " {name}")?;
                }
                Ok(())
            }
        }
    }
}

/// One distinct token and every place it occurs, in the order first seen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub token: String,
    pub occurrences: Vec<Location>,
}

/// The tokens found so far, each once.
#[derive(Debug, Default)]
pub struct Findings {
    index: HashMap<String, usize>,
    pub found: Vec<Found>,
}

impl Findings {
    fn add(&mut self, token: &str, at: Location) {
        match self.index.get(token) {
            Some(&i) => self.found[i].occurrences.push(at),
            None => {
                self.index.insert(token.to_owned(), self.found.len());
                self.found.push(Found {
                    token: token.to_owned(),
                    occurrences: vec![at],
                });
            }
        }
    }

    pub fn into_found(self) -> Vec<Found> {
        self.found
    }
}

/// Bytes that can be part of a compact token: base64url and the dot, and the `~` that joins an
/// SD-JWT's parts (RFC 9901).
const fn token_byte_table() -> [bool; 256] {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = c.is_ascii_alphanumeric() || c == b'-' || c == b'_' || c == b'.' || c == b'~';
        b += 1;
    }
    t
}
static TOKEN_BYTE: [bool; 256] = token_byte_table();

/// A JOSE header is a small object: longer header segments are never a token's.
const MAX_HEADER_BYTES: usize = 8192;

/// True when `bytes` (a decoded header) is a JSON object naming `alg` (or `enc`) as a string.
fn is_header_json(bytes: &[u8]) -> bool {
    match serde_json::from_slice::<Value>(bytes) {
        Ok(Value::Object(map)) => {
            map.get("alg").is_some_and(Value::is_string)
                || map.get("enc").is_some_and(Value::is_string)
        }
        _ => false,
    }
}

/// One header segment of a run (the bytes between two dots), decoded at most once for each of
/// the four alignments a base64 group can start at (and only its last [`MAX_HEADER_BYTES`], where
/// a header can start), the first time a candidate of that alignment asks: every candidate start
/// inside it then costs a slice, not a decode of its own.
struct Segment<'a> {
    text: &'a [u8],
    /// Per alignment c (offsets ≡ c mod 4): not looked at yet (`None`), or what decoding from the
    /// first such offset in the window gave.
    decoded: [Option<Option<Decoded>>; 4],
    /// JSON parsing work left for this segment, in bytes: candidates past it are not tried.
    budget: usize,
}

/// One alignment of a segment, decoded.
struct Decoded {
    /// Where in the segment decoding started.
    from: usize,
    bytes: Vec<u8>,
    /// Where the last `"alg"` or `"enc"` in `bytes` starts (a header must name one after its
    /// own start).
    named: Option<usize>,
}

impl<'a> Segment<'a> {
    fn new(text: &'a [u8]) -> Self {
        Self {
            text,
            decoded: [None, None, None, None],
            // A few times the window: far more than the one or two candidates a real token
            // makes, and never more than linear in the input.
            budget: 8 * text.len().min(MAX_HEADER_BYTES) + 1024,
        }
    }

    /// The segment decoded from its first offset ≡ `class` (mod 4) within the window; `None` when
    /// it is not base64 there or its last non-whitespace byte is not `}` (no header of that
    /// alignment can end there).
    fn class(&mut self, class: usize) -> Option<&Decoded> {
        let text = self.text;
        self.decoded[class]
            .get_or_insert_with(|| {
                let window = text.len().saturating_sub(MAX_HEADER_BYTES);
                let from = window + (class + 4 - window % 4) % 4;
                let tail = text.get(from..)?;
                let bytes = b64::decode(std::str::from_utf8(tail).ok()?).ok()?.bytes;
                let last = bytes.iter().rev().find(|b| !b.is_ascii_whitespace())?;
                let named = bytes
                    .windows(5)
                    .rposition(|w| w == b"\"alg\"" || w == b"\"enc\"");
                (*last == b'}').then_some(Decoded { from, bytes, named })
            })
            .as_ref()
    }

    /// True when the header starting at `offset` in this segment (to its end) is a JOSE header.
    fn is_header_at(&mut self, offset: usize) -> bool {
        let len = self.text.len() - offset;
        if !(8..=MAX_HEADER_BYTES).contains(&len) {
            return false;
        }
        let budget = self.budget;
        let Some(d) = self.class(offset % 4) else {
            return false;
        };
        let from = (offset - d.from) / 4 * 3;
        if d.named.is_none_or(|at| at < from) {
            return false;
        }
        let bytes = &d.bytes[from..];
        // `{`, optional whitespace, then a member name: anything else is not a JOSE header.
        let first = bytes
            .iter()
            .skip(1)
            .find(|b| !b.is_ascii_whitespace())
            .copied();
        if bytes.first() != Some(&b'{') || first != Some(b'"') || bytes.len() > budget {
            return false;
        }
        let cost = bytes.len();
        let verdict = is_header_json(bytes);
        self.budget -= cost;
        verdict
    }
}

/// Every token inside one run of token bytes, as (start, end) within the run. A run may start
/// with the tail of an escape (`3D` of `%3D`, `u0022` of `\u0022`): each place where a header can
/// start (`e` then `w`…`z`: the base64 of `{` and the next byte) is tried. Linear in the run on
/// any input: dots are found once, each header segment is decoded once per alignment, and JSON
/// parsing per segment is capped at a few times its length.
fn tokens_in_run(run: &[u8], dots: &mut Vec<usize>) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    // Most runs are words, numbers and paths: no header start, nothing to do.
    let has_start = run
        .windows(2)
        .any(|w| w[0] == b'e' && matches!(w[1], b'w'..=b'z'));
    if !has_start {
        return out;
    }
    dots.clear();
    dots.extend(
        run.iter()
            .enumerate()
            .filter(|(_, b)| **b == b'.')
            .map(|(i, _)| i),
    );
    // Where the `~`s are (SD-JWTs; most runs have none).
    let tildes: Vec<usize> = if run.contains(&b'~') {
        run.iter()
            .enumerate()
            .filter(|(_, b)| **b == b'~')
            .map(|(i, _)| i)
            .collect()
    } else {
        Vec::new()
    };
    let mut next_dot = 0; // index into `dots` of the first dot after the current position
    let mut segment: Option<(usize, Segment)> = None; // (index of its closing dot, segment)
    let mut i = 0;
    while i + 1 < run.len() {
        while next_dot < dots.len() && dots[next_dot] <= i {
            next_dot += 1;
        }
        // A token needs its header's closing dot and one more after it.
        if next_dot + 1 >= dots.len() {
            break;
        }
        let end = dots[next_dot];
        // Only starts within the last MAX_HEADER_BYTES of the segment can begin a header, and a
        // header is at least 8 characters: skip to where one could start.
        if end - i > MAX_HEADER_BYTES {
            i = end - MAX_HEADER_BYTES;
            continue;
        }
        if end - i < 8 {
            i = end + 1;
            continue;
        }
        if !(run[i] == b'e' && matches!(run[i + 1], b'w'..=b'z')) {
            i += 1;
            continue;
        }
        let after_dot = if next_dot == 0 {
            0
        } else {
            dots[next_dot - 1] + 1
        };
        // A `~` ends a segment too (an SD-JWT's key-binding JWT starts after one), and no header
        // holds one: the segment starts after the last `~` before its dot.
        let before_end = tildes.partition_point(|&t| t < end);
        let start = match before_end.checked_sub(1).map(|k| tildes[k]) {
            Some(t) if t >= after_dot => t + 1,
            _ => after_dot,
        };
        if i < start {
            i = start;
            continue;
        }
        if end - i < 8 {
            i = end + 1;
            continue;
        }
        if segment.as_ref().is_none_or(|(at, _)| *at != next_dot) {
            segment = Some((next_dot, Segment::new(&run[start..end])));
        }
        let is_header = segment
            .as_mut()
            .is_some_and(|(_, seg)| seg.is_header_at(i - start));
        match is_header
            .then(|| token_end(run, dots, i, next_dot))
            .flatten()
        {
            Some(token_end) => {
                out.push((i, token_end));
                i = token_end;
            }
            None => i += 1,
        }
    }
    out
}

/// Where the token whose header starts at `start` (closed by `dots[first]`) ends, if it has the
/// shape of one: three segments (the last may be empty, `alg: none`) or five for a JWE.
fn token_end(run: &[u8], dots: &[usize], start: usize, first: usize) -> Option<usize> {
    let header = b64::decode(std::str::from_utf8(&run[start..dots[first]]).ok()?).ok()?;
    let jwe = serde_json::from_slice::<Value>(&header.bytes)
        .ok()?
        .get("enc")
        .is_some();
    // A JWS has two dots, a JWE four; the token ends at the next dot or at the run's end (a
    // sentence's full stop after a token is not part of it).
    let needed = if jwe { 4 } else { 2 };
    let own = dots.get(first..)?;
    if own.len() < needed {
        return None;
    }
    let mut end = own.get(needed).copied().unwrap_or(run.len());
    let tilde = run[start..end]
        .iter()
        .position(|&b| b == b'~')
        .map(|t| start + t);
    if let Some(t) = tilde {
        // A `~` inside a JWE, or before a JWS's signature, is not part of a token.
        if jwe || t <= own[1] {
            return None;
        }
        end = sd_end(run, t);
    }
    let jwt_end = tilde.unwrap_or(end);
    let segment = |k: usize| {
        let from = if k == 0 { start } else { own[k - 1] + 1 };
        let to = own.get(k).copied().unwrap_or(jwt_end).min(jwt_end);
        to.saturating_sub(from)
    };
    // A JWS payload is never empty (its signature may be, for alg none). In a JWE the encrypted
    // key may be empty (dir, ECDH-ES) and so may the ciphertext (an empty plaintext under GCM);
    // the IV and the tag never are.
    let shaped = if jwe {
        segment(2) > 0 && segment(4) > 0
    } else {
        segment(1) > 0
    };
    (shaped && end - start <= MAX_TOKEN_BYTES).then_some(end)
}

/// Where an SD-JWT whose issuer-signed JWT ends at `tilde` (a `~`) ends: after its disclosures
/// (base64url, each followed by `~`) and a key-binding JWT after the last `~`, if one is there.
fn sd_end(run: &[u8], tilde: usize) -> usize {
    let mut at = tilde;
    loop {
        let rest = &run[at + 1..];
        match rest.iter().position(|&b| b == b'~') {
            // A disclosure, then another `~`.
            Some(len) if len > 0 && !rest[..len].contains(&b'.') => at += len + 1,
            Some(_) => return at + 1,
            // The last part: a key-binding JWT (two dots, a JOSE header's start), or not part
            // of the token.
            None => {
                let mut dots = rest.iter().enumerate().filter(|(_, b)| **b == b'.');
                let kb = rest.starts_with(b"ey") && dots.nth(1).is_some();
                // It ends at its third dot (a full stop after it), or with the run.
                return match (kb, dots.next()) {
                    (true, Some((third, _))) => at + 1 + third,
                    (true, None) => run.len(),
                    (false, _) => at + 1,
                };
            }
        }
    }
}

/// The text scanner: feed it chunks; it keeps a run that crosses a chunk's end, and counts lines.
pub struct TextScanner {
    findings: Findings,
    /// Inside a run of token bytes that is not closed yet.
    in_run: bool,
    /// The run's bytes (dropped once it grows past a token's size cap) and where it started.
    run: Vec<u8>,
    run_line: u64,
    run_column: u64,
    run_too_long: bool,
    /// Where the dots of the run being looked at are (kept to avoid an allocation per run).
    dots: Vec<usize>,
    /// Position after the bytes fed so far.
    line: u64,
    column: u64,
    /// Bytes fed so far.
    pub bytes: u64,
}

impl Default for TextScanner {
    fn default() -> Self {
        Self::new()
    }
}

impl TextScanner {
    pub fn new() -> Self {
        Self {
            findings: Findings::default(),
            in_run: false,
            run: Vec::new(),
            run_line: 1,
            run_column: 1,
            line: 1,
            column: 1,
            run_too_long: false,
            dots: Vec::new(),
            bytes: 0,
        }
    }

    fn close_run(&mut self) {
        if !self.run_too_long && self.run.len() >= 20 && self.run.contains(&b'.') {
            for (start, end) in tokens_in_run(&self.run, &mut self.dots) {
                if let Ok(token) = std::str::from_utf8(&self.run[start..end]) {
                    self.findings.add(
                        token,
                        Location::Text {
                            line: self.run_line,
                            column: self.run_column + start as u64,
                        },
                    );
                }
            }
        }
        self.run.clear();
        self.run_too_long = false;
        self.in_run = false;
    }

    /// Scans the next bytes of the input.
    pub fn feed(&mut self, chunk: &[u8]) {
        self.bytes += chunk.len() as u64;
        let mut i = 0;
        while i < chunk.len() {
            if !self.in_run {
                // Outside a run: skip to the next token byte, counting lines.
                while i < chunk.len() && !TOKEN_BYTE[chunk[i] as usize] {
                    if chunk[i] == b'\n' {
                        self.line += 1;
                        self.column = 1;
                    } else {
                        self.column += 1;
                    }
                    i += 1;
                }
                if i == chunk.len() {
                    break;
                }
                self.in_run = true;
                self.run_line = self.line;
                self.run_column = self.column;
            }
            // Inside a run: take token bytes up to the next other byte.
            let start = i;
            while i < chunk.len() && TOKEN_BYTE[chunk[i] as usize] {
                i += 1;
            }
            let taken = &chunk[start..i];
            self.column += taken.len() as u64;
            if self.run_too_long || self.run.len() + taken.len() > MAX_TOKEN_BYTES {
                // Never a token: only its end is waited for.
                self.run_too_long = true;
                self.run.clear();
            } else {
                self.run.extend_from_slice(taken);
            }
            if i < chunk.len() {
                self.close_run();
            }
        }
    }

    /// Ends the input: a run open at the end is closed.
    pub fn finish(mut self) -> Findings {
        self.close_run();
        self.findings
    }
}

/// Whether a source is read as HAR: `Some(true)` when asked for (`--har`) or named `*.har`,
/// else `None`, and [`scan_stream`] tells from the first bytes. The command line, the app's file
/// scan and its paste all decide it here.
pub fn har_hint(name: Option<&str>, forced: bool) -> Option<bool> {
    let named = name.is_some_and(|n| {
        std::path::Path::new(n)
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("har"))
    });
    (forced || named).then_some(true)
}

/// True when the start of a file looks like a HAR document.
pub fn looks_like_har(start: &[u8]) -> bool {
    let text = String::from_utf8_lossy(&start[..start.len().min(4096)]);
    let t = text.trim_start_matches('\u{feff}').trim_start();
    t.starts_with('{')
        && t.contains("\"log\"")
        && (t.contains("\"entries\"") || t.contains("\"creator\"") || t.contains("\"version\""))
}

/// Scans a reader: HAR entry by entry, anything else in 1 MiB chunks.
pub fn scan_stream(mut reader: impl Read, har: Option<bool>) -> std::io::Result<Vec<Found>> {
    let mut head = vec![0u8; 4096];
    let mut filled = 0;
    while filled < head.len() {
        let n = reader.read(&mut head[filled..])?;
        if n == 0 {
            break;
        }
        filled += n;
    }
    head.truncate(filled);
    let is_har = har.unwrap_or_else(|| looks_like_har(&head));
    let rest = std::io::Cursor::new(head).chain(reader);
    if is_har {
        return har::scan_har(rest)
            .map(Findings::into_found)
            .map_err(std::io::Error::other);
    }
    let mut scanner = TextScanner::new();
    let mut rest = rest;
    let mut buf = vec![0u8; 1 << 20];
    loop {
        let n = match rest.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        scanner.feed(&buf[..n]);
    }
    Ok(scanner.finish().into_found())
}

/// Every token in text held in memory (the app's paste, a dropped file): a HAR document entry by
/// entry when it is one, else as text; a HAR document that cannot be read is scanned as text.
pub fn scan_source(bytes: &[u8], har: Option<bool>) -> Vec<Found> {
    scan_stream(bytes, har).unwrap_or_else(|_| scan_text(bytes))
}

/// Scans a whole text (the app's paste, tests): every token with its locations.
pub fn scan_text(text: &[u8]) -> Vec<Found> {
    let mut s = TextScanner::new();
    s.feed(text);
    s.finish().into_found()
}

#[cfg(test)]
mod tests {
    use super::*;

    const JWS: &str = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl";

    fn tokens(text: &str) -> Vec<String> {
        scan_text(text.as_bytes())
            .into_iter()
            .map(|f| f.token)
            .collect()
    }

    #[test]
    fn finds_tokens_in_every_kind_of_surrounding_and_nothing_else() {
        for text in [
            format!("Authorization: Bearer {JWS}\n"),
            format!("token={JWS}."),
            format!("\"{JWS}\","),
            format!("access_token%3D{JWS}%26x"),
            format!("\\u0022{JWS}\\u0022"),
            format!("x\\n{JWS}"),
        ] {
            assert_eq!(tokens(&text), vec![JWS.to_owned()], "{text}");
        }
        for text in [
            "version 1.2.3 and 10.0.0.1",
            "file.tar.gz user@example.com a.b.c",
            "eyJub3QiOiJhIGhlYWRlciJ9.eyJ4IjoxfQ.c2ln", // header without alg
            "aGVsbG8.d29ybGQ.Zm9v",
        ] {
            assert!(tokens(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn an_sd_jwt_is_found_whole_with_its_disclosures_and_key_binding() {
        let issuance = format!("{JWS}~WyJzYWx0IiwgIm4iLCAxXQ~WyJzYWx0MiIsICJtIiwgMl0~");
        let presentation = format!("{JWS}~WyJzYWx0IiwgIm4iLCAxXQ~{JWS}");
        for sd in [&issuance, &presentation] {
            for text in [
                format!("Authorization: Bearer {sd}\n"),
                format!("GET /cb?vp_token={sd}&state=1"),
                format!("\"{sd}\","),
                format!("{sd}. Next sentence."),
            ] {
                assert_eq!(tokens(&text), vec![sd.clone()], "{text}");
            }
        }
        // A `~` that starts no SD-JWT leaves the token as it was.
        assert_eq!(tokens(&format!("~/{JWS} x")), vec![JWS.to_owned()]);
        assert_eq!(tokens(&format!("{JWS}~.~")), vec![format!("{JWS}~")]);
    }

    #[test]
    fn lines_and_columns_are_one_based_and_chunks_do_not_matter() {
        let text = format!("first line\n  {JWS} and {JWS}\n");
        let whole = scan_text(text.as_bytes());
        assert_eq!(whole.len(), 1);
        assert_eq!(
            whole[0].occurrences,
            vec![
                Location::Text { line: 2, column: 3 },
                Location::Text {
                    line: 2,
                    column: 3 + JWS.len() as u64 + 5
                }
            ]
        );
        for size in [1, 2, 7, 64] {
            let mut s = TextScanner::new();
            for chunk in text.as_bytes().chunks(size) {
                s.feed(chunk);
            }
            assert_eq!(s.finish().into_found(), whole, "chunks of {size}");
        }
    }

    #[test]
    fn a_header_with_spaces_and_an_unsecured_token_count() {
        use base64::Engine as _;
        let b = |s: &str| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(s);
        let spaced = format!(
            "{}.{}.{}",
            b(r#"{ "alg": "RS256" }"#),
            b("not json"),
            b("sig")
        );
        assert!(spaced.starts_with("eyAi"));
        let unsecured = format!("{}.{}.", b(r#"{"alg":"none"}"#), b(r#"{"a":1}"#));
        assert_eq!(
            tokens(&format!("{spaced} {unsecured} end")),
            vec![spaced, unsecured]
        );
    }

    #[test]
    fn a_jwe_with_an_empty_key_and_an_empty_ciphertext_counts() {
        // dir + A128GCM over an empty plaintext: only the IV and the tag hold bytes.
        let jwe =
            "eyJhbGciOiJkaXIiLCJlbmMiOiJBMTI4R0NNIn0..mGY5HJQKByWEAjdu..3jscXWwgagbhs-167bGq6g";
        assert_eq!(tokens(&format!("got {jwe}, done")), vec![jwe.to_owned()]);
    }

    #[test]
    fn binary_junk_around_tokens_is_fine() {
        let mut bytes = vec![0xff, 0x00, 0xfe, b'\n'];
        bytes.extend_from_slice(JWS.as_bytes());
        bytes.extend_from_slice(&[0x80, 0x81]);
        assert_eq!(scan_text(&bytes).len(), 1);
    }
}
