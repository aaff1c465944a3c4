//! Token-controlled text made safe to show: control characters (which a terminal obeys: colours,
//! cursor moves, window titles, clearing the screen), bidirectional controls (which reorder what
//! is read) and invisible characters (which hide a difference: `e\u{200d}xp` is not `exp`) are
//! written as visible escapes. The one rule for the command line's writer and the app's labels.

use std::borrow::Cow;

/// True for characters that must not reach a terminal or a label as themselves: controls (C0, DEL,
/// C1) but newline and tab, bidirectional marks, embeddings, overrides and isolates (U+061C,
/// U+200E/F, U+202A–E, U+2066–9), line and paragraph separators (U+2028/9), and the invisible
/// default-ignorable characters (soft hyphen, zero-width space, joiners, word joiner and the
/// invisible operators, the BOM, Hangul fillers, Mongolian selectors, tag characters). Variation
/// selectors stay: they only choose a glyph (the emoji form of ❤).
pub fn is_unsafe(c: char) -> bool {
    c.is_control() && c != '\n' && c != '\t'
        || matches!(
            c,
            '\u{00AD}'
                | '\u{034F}'
                | '\u{061C}'
                | '\u{115F}'..='\u{1160}'
                | '\u{17B4}'..='\u{17B5}'
                | '\u{180B}'..='\u{180F}'
                | '\u{200B}'..='\u{200F}'
                | '\u{2028}'..='\u{202E}'
                | '\u{2060}'..='\u{206F}'
                | '\u{3164}'
                | '\u{FEFF}'
                | '\u{FFA0}'
                | '\u{FFF0}'..='\u{FFFB}'
                | '\u{1BCA0}'..='\u{1BCA3}'
                | '\u{1D173}'..='\u{1D17A}'
                | '\u{E0000}'..='\u{E007F}'
        )
}

/// `text` with every control character except newline and tab shown as an escape (`\x1b`,
/// `\r`, `\u{202e}`), so that it reads as what it is. Borrowed when there is nothing to escape.
pub fn escape_controls(text: &str) -> Cow<'_, str> {
    if !needs_look(text, b"\n\t") {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '\r' => out.push_str("\\r"),
            '\0' => out.push_str("\\0"),
            c if is_unsafe(c) && (c as u32) < 0x100 => {
                out.push_str(&format!("\\x{:02x}", c as u32));
            }
            c if is_unsafe(c) => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Whether `text` may hold a character to escape: a control byte other than those in `allowed`, or
/// a non-ASCII character that is unsafe. Printable ASCII (most of what is shown) is settled in one
/// pass over the bytes, without decoding characters.
fn needs_look(text: &str, allowed: &[u8]) -> bool {
    let mut ascii = true;
    for &b in text.as_bytes() {
        if b < 0x20 && !allowed.contains(&b) || b == 0x7f {
            return true;
        }
        ascii &= b < 0x80;
    }
    !ascii && text.chars().any(is_unsafe)
}

/// As [`escape_controls`], and newlines and tabs too: for text shown on one line.
pub fn escape_line(text: &str) -> Cow<'_, str> {
    if !needs_look(text, b"") {
        return Cow::Borrowed(text);
    }
    if !text.contains(['\n', '\t']) {
        return escape_controls(text);
    }
    Cow::Owned(
        escape_controls(text)
            .replace('\n', "\\n")
            .replace('\t', "\\t"),
    )
}

/// "1 byte", "512 bytes", "4 KiB", "16 MiB", "1.5 KiB".
pub fn byte_size(n: u64) -> String {
    const KIB: u64 = 1024;
    const MIB: u64 = 1024 * 1024;
    match n {
        1 => "1 byte".into(),
        n if n < KIB => format!("{n} bytes"),
        n if n < MIB && n % KIB == 0 => format!("{} KiB", n / KIB),
        n if n < MIB => format!("{:.1} KiB", n as f64 / KIB as f64),
        n if n % MIB == 0 => format!("{} MiB", n / MIB),
        n => format!("{:.1} MiB", n as f64 / MIB as f64),
    }
}

/// An I/O error in words: "no such file", not "(os error 2)".
pub fn io_error_words(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::NotFound => "no such file".into(),
        K::PermissionDenied => "permission denied".into(),
        K::IsADirectory => "it is a folder, not a file".into(),
        K::AlreadyExists => "it already exists".into(),
        K::StorageFull => "the disk is full".into(),
        K::ReadOnlyFilesystem => "the file system is read-only".into(),
        K::BrokenPipe => "the reader went away".into(),
        K::InvalidData => "it is not text".into(),
        _ => {
            // Drop the "(os error N)" the standard library adds.
            let text = e.to_string();
            match text.find(" (os error") {
                Some(i) => text[..i].to_owned(),
                None => text,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_controls_are_shown_not_obeyed() {
        assert_eq!(
            escape_controls("\x1b[32m✔ Signature verified\x1b[0m"),
            "\\x1b[32m✔ Signature verified\\x1b[0m"
        );
        assert_eq!(escape_controls("a\rb\0c\x07"), "a\\rb\\0c\\x07");
        assert_eq!(escape_controls("\u{9b}2J"), "\\x9b2J", "C1 CSI");
        assert_eq!(escape_controls("abc\u{202e}fed"), "abc\\u{202e}fed");
        for c in [
            '\u{200b}',
            '\u{200d}',
            '\u{feff}',
            '\u{61c}',
            '\u{2028}',
            '\u{2029}',
            '\u{e0041}',
        ] {
            let shown = escape_controls(&format!("e{c}xp")).into_owned();
            assert_eq!(shown, format!("e\\u{{{:x}}}xp", c as u32));
        }
        assert_eq!(
            escape_controls("❤\u{fe0f}"),
            "❤\u{fe0f}",
            "variation selectors stay"
        );
        assert_eq!(escape_controls("line 1\nline 2\tx"), "line 1\nline 2\tx");
        assert_eq!(escape_line("line 1\nline 2"), "line 1\\nline 2");
        assert_eq!(escape_line("a\tb\u{7f}"), "a\\tb\\x7f");
        assert_eq!(escape_line("✔ \u{85}"), "✔ \\x85", "C1 after non-ASCII");
        assert!(matches!(escape_line("✔ 홍길동"), Cow::Borrowed(_)));
        assert!(matches!(
            escape_controls("plain ünïcode 홍길동"),
            Cow::Borrowed(_)
        ));
    }
}
