//! Human-readable, coloured `decode` output. anstream drops colour for pipes and NO_COLOR.

use crate::tr;
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
            "{DIM}({}){DIM:#}",
            tr!(
                "cli-stripped",
                what = safe_line(&d.stripped.join(", ")).into_owned()
            )
        ));
    }
    if let Some(h) = &d.header {
        w(format!("{BOLD}{}{BOLD:#}", tr!("header")));
        w(format!(
            "{MAGENTA}{}{MAGENTA:#}",
            indent(&json::to_pretty(h))
        ));
    } else if let Some(text) = &d.header_text {
        w(format!("{BOLD}{}{BOLD:#}", tr!("cli-header-not-json")));
        w(indent(text));
    }
    match &d.payload {
        Payload::Claims(v) | Payload::OtherJson(v) => {
            w(format!("{BOLD}{}{BOLD:#}", tr!("payload")));
            w(format!("{CYAN}{}{CYAN:#}", indent(&json::to_pretty(v))));
        }
        Payload::Text(t) => {
            w(format!("{BOLD}{}{BOLD:#}", tr!("cli-payload-text")));
            w(indent(t));
        }
        Payload::Binary(b) => {
            w(format!(
                "{BOLD}{}{BOLD:#}",
                tr!("cli-payload-binary", bytes = b.len())
            ));
            w(indent(&parse::hex(&b[..b.len().min(256)])));
        }
        Payload::Encrypted => {
            w(format!("{BOLD}{}{BOLD:#}", tr!("payload")));
            w(format!("  {}", tr!("cli-payload-encrypted")));
        }
        Payload::Unavailable => {}
    }
    let timed: Vec<_> = a
        .claims
        .iter()
        .filter_map(|c| c.time.as_ref().map(|t| (c, t)))
        .collect();
    if !timed.is_empty() {
        w(format!("{BOLD}{}{BOLD:#}", tr!("cli-times")));
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
    if let (Some(jwe), true) = (&a.jwe, d.errors.is_empty()) {
        use crate::core::jwe::JweStatus;
        let (style, mark, label) = match jwe.status {
            JweStatus::Decrypted => (GREEN, "✔", tr!("badge-decrypted")),
            JweStatus::NoKey => (YELLOW, "?", tr!("cli-not-decrypted")),
            JweStatus::WrongKey => (RED, "✖", tr!("badge-wrong-key")),
            JweStatus::Invalid => (RED, "✖", tr!("badge-jwe-invalid")),
            JweStatus::UnsupportedAlg => (YELLOW, "?", tr!("badge-jwe-unsupported")),
        };
        w(format!(
            "{BOLD}{}{BOLD:#}  {style}{mark} {label}{style:#}: {}",
            tr!("cli-encryption"),
            safe_line(&jwe.detail)
        ));
        if let Some(key) = &jwe.key {
            w(format!(
                "            {DIM}{}{DIM:#}",
                tr!("key-used", key = safe_line(key).into_owned())
            ));
        }
    }
    if d.errors.is_empty() && (a.jwe.is_none() || d.claims().is_some()) {
        let signed = a.jwe.is_none();
        let (style, mark, label) = match a.signature.status {
            SignatureStatus::Verified => (GREEN, "✔", tr!("badge-verified")),
            SignatureStatus::Invalid => (RED, "✖", tr!("badge-invalid")),
            SignatureStatus::Unsigned => (RED, "✖", tr!("badge-unsigned")),
            SignatureStatus::NoKey => (YELLOW, "?", tr!("cli-not-checked")),
            SignatureStatus::UnsupportedAlg => (YELLOW, "?", tr!("badge-unsupported")),
            SignatureStatus::KeyMismatch => (RED, "✖", tr!("badge-key-mismatch")),
        };
        if signed {
            w(format!(
                "{BOLD}{}{BOLD:#}  {style}{mark} {label}{style:#}: {}",
                tr!("cli-signature"),
                safe_line(&a.signature.detail)
            ));
        }
        if let (Some(key), true) = (&a.signature.key, signed) {
            w(format!(
                "           {DIM}{}{DIM:#}",
                tr!("key-used", key = safe_line(key).into_owned())
            ));
        }
        let (style, mark) = match a.validity.state {
            ValidityState::Valid => (GREEN, "✔"),
            ValidityState::Expired | ValidityState::NotYetValid | ValidityState::ExpUnusable => {
                (RED, "✖")
            }
            ValidityState::NoExp => (YELLOW, "!"),
        };
        w(format!(
            "{BOLD}{}{BOLD:#}   {style}{mark} {}{style:#}",
            tr!("cli-validity"),
            safe_line(&a.validity.summary)
        ));
    }
    if !a.findings.is_empty() {
        w(format!("{BOLD}{}{BOLD:#}", tr!("cli-findings")));
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
    out.flush()?;
    drop(out);
    if let Some(inner) = &a.inner {
        writeln!(
            anstream::stdout(),
            "\n{BOLD}── {} ──{BOLD:#}",
            tr!("cli-inner-token")
        )?;
        print_human(inner)?;
    }
    Ok(())
}
