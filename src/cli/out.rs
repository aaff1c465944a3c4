//! The one writer: every line the command line prints, on stdout and on stderr, of every command,
//! passes through here. Tokens are attacker-written text, so every piece of text is made safe on
//! its way out: control characters, bidirectional controls and invisible characters are written
//! as visible escapes (`\x1b`, `\u{202e}`, `\u{200b}`), so a token cannot redraw the verdict,
//! reorder a line or hide a character. Colour is added here, by the writer, never by the text.
//! JSON is written with the same characters escaped as `\uXXXX`, so it is the same data and cannot
//! reorder a terminal either.
//!
//! Writing never panics: a reader that went away (`| head`) ends the command quietly, and a closed
//! stderr is ignored.

use std::fmt::Write as _;
use std::io::Write as _;
use std::process::ExitCode;

use anstyle::{AnsiColor, Style};

use crate::core::text::{escape_controls, escape_line};

pub const BOLD: Style = Style::new().bold();
pub const DIM: Style = Style::new().dimmed();
pub const RED: Style = AnsiColor::Red.on_default().bold();
pub const GREEN: Style = AnsiColor::Green.on_default().bold();
pub const YELLOW: Style = AnsiColor::Yellow.on_default().bold();
pub const CYAN: Style = AnsiColor::Cyan.on_default();
pub const MAGENTA: Style = AnsiColor::Magenta.on_default();

/// One line of output, built from pieces that are each made safe.
#[derive(Debug, Default, Clone)]
pub struct Line {
    buf: String,
}

impl Line {
    pub fn new() -> Self {
        Self::default()
    }

    /// Text on this line; newlines and tabs in it are escaped too.
    pub fn text(mut self, text: impl AsRef<str>) -> Self {
        self.buf.push_str(&escape_line(text.as_ref()));
        self
    }

    /// Text in a style.
    pub fn styled(mut self, style: Style, text: impl AsRef<str>) -> Self {
        write!(self.buf, "{style}").ok();
        self.buf.push_str(&escape_line(text.as_ref()));
        write!(self.buf, "{style:#}").ok();
        self
    }

    /// `n` spaces.
    pub fn pad(mut self, n: usize) -> Self {
        self.buf.extend(std::iter::repeat_n(' ', n));
        self
    }

    /// The line as it will be written (with its colour codes), for tests.
    pub fn as_str(&self) -> &str {
        &self.buf
    }
}

impl From<&str> for Line {
    fn from(text: &str) -> Self {
        Line::new().text(text)
    }
}

impl From<String> for Line {
    fn from(text: String) -> Self {
        Line::new().text(text)
    }
}

/// Standard output, for one command's whole output: lines are gathered and written in large
/// pieces (one `write` for a typical command, instead of one per line), with the colour codes
/// stripped when stdout is not a terminal or `NO_COLOR` is set. The first write error is kept and
/// stops further writing; [`Out::finish`] returns it.
pub struct Out {
    buf: String,
    color: bool,
    error: Option<std::io::Error>,
}

/// Output is written once this much is gathered (a scan writes line after line for minutes).
const FLUSH_BYTES: usize = 64 * 1024;

impl Default for Out {
    fn default() -> Self {
        Self::new()
    }
}

impl Out {
    pub fn new() -> Self {
        let color =
            anstream::AutoStream::choice(&std::io::stdout()) != anstream::ColorChoice::Never;
        Self {
            buf: String::new(),
            color,
            error: None,
        }
    }

    fn write_raw(&mut self, text: &str) {
        if self.error.is_some() {
            return;
        }
        self.buf.push_str(text);
        self.buf.push('\n');
        if self.buf.len() >= FLUSH_BYTES {
            self.flush_buf();
        }
    }

    fn flush_buf(&mut self) {
        if self.buf.is_empty() || self.error.is_some() {
            return;
        }
        let text = std::mem::take(&mut self.buf);
        let mut stdout = std::io::stdout().lock();
        let written = if self.color {
            // Through anstream: on a Windows console without virtual-terminal support the colour
            // codes become console calls instead of reaching the screen as text.
            anstream::AutoStream::always(&mut stdout).write_all(text.as_bytes())
        } else {
            stdout.write_all(strip_colour(&text).as_bytes())
        };
        if let Err(e) = written.and_then(|()| stdout.flush()) {
            self.error = Some(e);
        }
    }

    /// Writes one line.
    pub fn line(&mut self, line: impl Into<Line>) {
        let line = line.into();
        self.write_raw(&line.buf);
    }

    /// Writes text of several lines, each indented by `indent` spaces and styled; each line is made
    /// safe on its own (tabs stay tabs).
    pub fn block(&mut self, style: Style, indent: usize, text: &str) {
        let (on, off) = (style.render().to_string(), style.render_reset().to_string());
        let mut line = String::new();
        for l in text.lines() {
            line.clear();
            line.extend(std::iter::repeat_n(' ', indent));
            line.push_str(&on);
            line.push_str(&escape_controls(l));
            line.push_str(&off);
            self.write_raw(&line);
        }
    }

    /// Writes a JSON document (pretty or one line) with unsafe characters escaped as `\uXXXX`.
    pub fn json(&mut self, value: &serde_json::Value, pretty: bool) {
        let text = json_text(value, pretty);
        self.write_raw(&text);
    }

    /// Writes text that is already safe and meant to be printed as it is (a completion script,
    /// the man page, help from the argument parser).
    pub fn verbatim(&mut self, text: &str) {
        if self.error.is_none() {
            self.buf.push_str(text);
        }
    }

    /// Writes what is gathered, and returns the first write error, if any.
    pub fn finish(mut self) -> std::io::Result<()> {
        self.flush_buf();
        match self.error.take() {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }
}

/// `text` without its colour codes. What the writer adds are SGR sequences (`ESC [ … m`), and
/// escapes in a token's text were made visible before they got here, so the plain text is copied
/// in runs between sequences; anything else that starts with ESC (help text from the argument
/// parser could) goes through anstream's stripper, which knows every terminal sequence.
fn strip_colour(text: &str) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    if !text.contains('\x1b') {
        return Cow::Borrowed(text);
    }
    let mut plain = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('\x1b') {
        plain.push_str(&rest[..at]);
        // ESC [, parameter and intermediate bytes (0x20-0x3F), one final byte (0x40-0x7E).
        let csi = rest.as_bytes().get(at + 1..).and_then(|after| {
            let body = after.strip_prefix(b"[")?;
            let end = body.iter().position(|b| !(0x20..=0x3f).contains(b))?;
            (0x40..=0x7e)
                .contains(&body[end])
                .then_some(at + 2 + end + 1)
        });
        match csi {
            Some(next) => rest = &rest[next..],
            None => return Cow::Owned(anstream::adapter::strip_str(text).collect()),
        }
    }
    plain.push_str(rest);
    Cow::Owned(plain)
}

/// Writes one line to stderr. A closed or broken stderr is ignored: there is nowhere left to say
/// anything, and it must not turn into a panic.
pub fn err(line: impl Into<Line>) {
    let line = line.into();
    let mut stream = anstream::stderr().lock();
    stream.write_all(line.buf.as_bytes()).ok();
    stream.write_all(b"\n").ok();
    stream.flush().ok();
}

/// `error: …` on stderr.
pub fn error(message: impl std::fmt::Display) {
    err(Line::new().text(format!("error: {message}")));
}

/// `warning: …` on stderr.
pub fn warning(message: impl std::fmt::Display) {
    err(Line::new().text(format!("warning: {message}")));
}

/// Exit status 2 after saying what was wrong.
pub fn fail(message: impl std::fmt::Display) -> ExitCode {
    error(message);
    ExitCode::from(super::EXIT_USAGE)
}

/// The exit status once the output is written: a reader that went away (`| head`) ends the
/// command quietly with the status it had; any other write error (a full disk) is an error.
pub fn finish(out: Out, then: ExitCode) -> ExitCode {
    match out.finish() {
        Ok(()) => then,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => then,
        Err(e) => fail(format!(
            "cannot write the output: {}",
            crate::core::text::io_error_words(&e)
        )),
    }
}

/// JSON text with every character that [`escape_controls`] would escape written as `\uXXXX`
/// (serde_json itself escapes only what JSON requires).
pub fn json_text(value: &serde_json::Value, pretty: bool) -> String {
    let text = if pretty {
        crate::core::json::to_pretty(value)
    } else {
        crate::core::json::to_compact(value)
    };
    escape_json_text(&text)
}

/// Escapes unsafe characters inside JSON text. They can only occur inside strings (JSON allows
/// nothing else outside them), where `\uXXXX` means the same character.
pub fn escape_json_text(text: &str) -> String {
    if !text.chars().any(crate::core::text::is_unsafe) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if crate::core::text::is_unsafe(c) {
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                write!(out, "\\u{unit:04x}").ok();
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_piece_of_a_line_is_made_safe() {
        let line = Line::new()
            .text("a\u{1b}]0;title\u{7}b")
            .styled(BOLD, "c\u{202e}d\u{200b}e\rf\n");
        let s = line.as_str();
        assert!(!s.contains('\u{202e}') && !s.contains('\u{200b}') && !s.contains('\u{7}'));
        assert!(s.contains("\\u{202e}") && s.contains("\\u{200b}") && s.contains("\\x1b"));
        assert!(s.contains("\\r") && s.contains("\\n"));
    }

    #[test]
    fn colour_is_stripped_as_anstream_strips_it() {
        let styled = |style: Style| Line::new().styled(style, "a ✔ b").as_str().to_owned();
        let mut cases: Vec<String> = [BOLD, DIM, RED, GREEN, YELLOW, CYAN, MAGENTA]
            .into_iter()
            .map(styled)
            .collect();
        cases.extend(
            [
                "plain, no escape at all",
                "\u{1b}[1;31mred\u{1b}[0m and \u{1b}[38;5;208morange\u{1b}[m",
                // Not CSI, cut short, or ended by a byte that cannot end one: the full stripper.
                "\u{1b}]0;title\u{7}after",
                "cut \u{1b}[1",
                "\u{1b}[1\nm",
                "\u{1b}",
            ]
            .map(str::to_owned),
        );
        for text in cases {
            let expected: String = anstream::adapter::strip_str(&text).collect();
            assert_eq!(strip_colour(&text), expected, "{text:?}");
        }
        assert_eq!(strip_colour(&styled(BOLD)), "a ✔ b");
    }

    #[test]
    fn json_is_the_same_data_with_unsafe_characters_escaped() {
        let value = serde_json::json!({"n\u{202e}": "x\u{200d}y\u{2028}z\u{9b}\u{e0041}"});
        let text = json_text(&value, false);
        assert!(text.is_ascii(), "{text}");
        let back: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back, value);
    }
}
