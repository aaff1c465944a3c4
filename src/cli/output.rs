//! Human-readable, coloured `decode` output. anstream drops colour for pipes and NO_COLOR.

use std::io::Write as _;

use anstyle::{AnsiColor, Style};

use crate::core::{Analysis, Payload, Severity, SignatureStatus, ValidityState, json, parse};

const BOLD: Style = Style::new().bold();
const DIM: Style = Style::new().dimmed();
const RED: Style = AnsiColor::Red.on_default().bold();
const GREEN: Style = AnsiColor::Green.on_default().bold();
const YELLOW: Style = AnsiColor::Yellow.on_default().bold();
const CYAN: Style = AnsiColor::Cyan.on_default();
const MAGENTA: Style = AnsiColor::Magenta.on_default();

/// Token-controlled text as it may reach a terminal: control characters and bidi overrides shown
/// as escapes, so a forged token cannot redraw the verdict, retitle the window or clear the screen.
fn safe(text: &str) -> std::borrow::Cow<'_, str> {
    crate::core::text::escape_controls(text)
}

/// One line of token-controlled text (newlines escaped too).
fn safe_line(text: &str) -> std::borrow::Cow<'_, str> {
    crate::core::text::escape_line(text)
}

fn indent(text: &str) -> String {
    let text = safe(text);
    text.lines()
        .map(|l| format!("  {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Prints the analysis for a person; the first write error stops it and is returned.
pub fn print_human(a: &Analysis) -> std::io::Result<()> {
    let mut out = anstream::stdout().lock();
    let mut result = Ok(());
    let d = &a.decoded;
    let mut w = |s: String| {
        if result.is_ok() {
            result = writeln!(out, "{s}");
        }
    };
    if !d.stripped.is_empty() {
        w(format!(
            "{DIM}(removed around the token: {}){DIM:#}",
            safe_line(&d.stripped.join(", "))
        ));
    }
    if let Some(h) = &d.header {
        w(format!("{BOLD}Header{BOLD:#}"));
        w(format!(
            "{MAGENTA}{}{MAGENTA:#}",
            indent(&json::to_pretty(h))
        ));
    } else if let Some(text) = &d.header_text {
        w(format!("{BOLD}Header (not valid JSON){BOLD:#}"));
        w(indent(text));
    }
    match &d.payload {
        Payload::Claims(v) | Payload::OtherJson(v) => {
            w(format!("{BOLD}Payload{BOLD:#}"));
            w(format!("{CYAN}{}{CYAN:#}", indent(&json::to_pretty(v))));
        }
        Payload::Text(t) => {
            w(format!("{BOLD}Payload (text, not JSON){BOLD:#}"));
            w(indent(t));
        }
        Payload::Binary(b) => {
            w(format!(
                "{BOLD}Payload (binary, {} bytes, hex){BOLD:#}",
                b.len()
            ));
            w(indent(&parse::hex(&b[..b.len().min(256)])));
        }
        Payload::Encrypted => {
            w(format!("{BOLD}Payload{BOLD:#}"));
            w("  encrypted token: payload not readable without decryption".into());
        }
        Payload::Unavailable => {}
    }
    let timed: Vec<_> = a
        .claims
        .iter()
        .filter_map(|c| c.time.as_ref().map(|t| (c, t)))
        .collect();
    if !timed.is_empty() {
        w(format!("{BOLD}Times{BOLD:#}"));
        for (c, t) in timed {
            w(format!(
                "  {:<10} {}  {DIM}({}, {}){DIM:#}",
                safe_line(&c.name),
                t.utc,
                t.relative,
                safe_line(c.title.as_deref().unwrap_or(""))
            ));
        }
    }
    if d.errors.is_empty() {
        let (style, mark, label) = match a.signature.status {
            SignatureStatus::Verified => (GREEN, "✔", "Signature verified"),
            SignatureStatus::Invalid => (RED, "✖", "Invalid signature"),
            SignatureStatus::Unsigned => (RED, "✖", "Unsigned"),
            SignatureStatus::NoKey => (YELLOW, "?", "Signature not checked"),
            SignatureStatus::UnsupportedAlg => (YELLOW, "?", "Signature not checkable"),
            SignatureStatus::KeyMismatch => (RED, "✖", "Key does not fit"),
        };
        w(format!(
            "{BOLD}Signature{BOLD:#}  {style}{mark} {label}{style:#}: {}",
            safe_line(&a.signature.detail)
        ));
        if let Some(key) = &a.signature.key {
            w(format!("           {DIM}key: {}{DIM:#}", safe_line(key)));
        }
        let (style, mark) = match a.validity.state {
            ValidityState::Valid => (GREEN, "✔"),
            ValidityState::Expired | ValidityState::NotYetValid | ValidityState::ExpUnusable => {
                (RED, "✖")
            }
            ValidityState::NoExp => (YELLOW, "!"),
        };
        w(format!(
            "{BOLD}Validity{BOLD:#}   {style}{mark} {}{style:#}",
            safe_line(&a.validity.summary)
        ));
    }
    if !a.findings.is_empty() {
        w(format!("{BOLD}Findings{BOLD:#}"));
        for f in &a.findings {
            let style = match f.severity {
                Severity::Critical | Severity::Error => RED,
                Severity::Warn => YELLOW,
                Severity::Info => DIM,
            };
            w(format!(
                "  {style}[{}]{style:#} {}: {}",
                f.severity.as_str(),
                f.id,
                safe_line(&f.title)
            ));
            w(format!(
                "    {DIM}{} ({}){DIM:#}",
                safe_line(&f.message),
                f.reference
            ));
        }
    }

    result?;
    out.flush()
}
