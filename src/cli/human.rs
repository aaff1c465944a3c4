//! `decode`'s output for a person: the header and payload, times, the encryption and signature
//! verdicts, findings, and the token inside a nested one. Written through [`Out`], which makes
//! every piece of token text safe; colour is dropped for pipes and `NO_COLOR`.

use super::out::{BOLD, CYAN, DIM, GREEN, Line, MAGENTA, Out, RED, YELLOW};
use crate::core::sdjwt::{KbStatus, SdReport, SdStatus};
use crate::core::verdict::{self, Status, TimeStatus, Verdict};
use crate::core::{Analysis, Payload, Severity, SignatureStatus, ValidityState, json, parse};
use crate::tr;

/// Prints the analysis, then the token inside it, layer by layer.
pub fn analysis(o: &mut Out, a: &Analysis) {
    let d = &a.decoded;
    if !d.stripped.is_empty() {
        o.line(Line::new().styled(
            DIM,
            format!("({})", tr!("cli-stripped", what = d.stripped.join(", "))),
        ));
    }
    if let Some(h) = &d.header {
        o.line(Line::new().styled(BOLD, tr!("header")));
        o.block(MAGENTA, 2, &json::to_pretty(h));
    } else if let Some(text) = &d.header_text {
        o.line(Line::new().styled(BOLD, tr!("cli-header-not-json")));
        o.block(anstyle::Style::new(), 2, text);
    }
    match &d.payload {
        Payload::Claims(v) | Payload::OtherJson(v) => {
            o.line(Line::new().styled(BOLD, tr!("payload")));
            o.block(CYAN, 2, &json::to_pretty(v));
        }
        Payload::Text(t) => {
            o.line(Line::new().styled(BOLD, tr!("cli-payload-text")));
            o.block(anstyle::Style::new(), 2, t);
        }
        Payload::Binary(b) => {
            o.line(Line::new().styled(BOLD, tr!("cli-payload-binary", bytes = b.len())));
            o.block(
                anstyle::Style::new(),
                2,
                &parse::hex(&b[..b.len().min(256)]),
            );
        }
        Payload::Encrypted => {
            o.line(Line::new().styled(BOLD, tr!("payload")));
            o.line(Line::new().pad(2).text(tr!("cli-payload-encrypted")));
        }
        Payload::Unavailable => {}
    }
    if let Some(sd) = &a.sd {
        disclosures(o, sd);
    }
    times(o, a);
    if let (Some(jwe), true) = (&a.jwe, d.errors.is_empty()) {
        use crate::core::jwe::JweStatus;
        let (style, mark, label) = match jwe.status {
            JweStatus::Decrypted => (GREEN, "✔", tr!("badge-decrypted")),
            JweStatus::NoKey => (YELLOW, "?", tr!("cli-not-decrypted")),
            JweStatus::WrongKey => (RED, "✖", tr!("badge-wrong-key")),
            JweStatus::Invalid => (RED, "✖", tr!("badge-jwe-invalid")),
            JweStatus::UnsupportedAlg => (YELLOW, "?", tr!("badge-jwe-unsupported")),
        };
        o.line(
            Line::new()
                .styled(BOLD, tr!("cli-encryption"))
                .pad(2)
                .styled(style, format!("{mark} {label}"))
                .text(format!(": {}", jwe.detail)),
        );
        if let Some(key) = &jwe.key {
            o.line(
                Line::new()
                    .pad(12)
                    .styled(DIM, tr!("key-used", key = key.to_string())),
            );
        }
    }
    if d.errors.is_empty() && (a.jwe.is_none() || d.claims().is_some()) {
        if a.jwe.is_none() {
            signature(o, a);
        }
        let (style, mark) = match a.validity.state {
            ValidityState::Valid => (GREEN, "✔"),
            ValidityState::Expired | ValidityState::NotYetValid | ValidityState::ExpUnusable => {
                (RED, "✖")
            }
            ValidityState::NoExp => (YELLOW, "!"),
        };
        o.line(
            Line::new()
                .styled(BOLD, tr!("cli-validity"))
                .pad(3)
                .styled(style, format!("{mark} {}", a.validity.summary)),
        );
    }
    profile(o, a);
    findings(o, a);
    if let Some(inner) = &a.inner {
        o.line("");
        o.line(Line::new().styled(BOLD, format!("── {} ──", tr!("cli-inner-token"))));
        analysis(o, inner);
    }
}

/// An SD-JWT's disclosures, its processed claims and its key binding.
fn disclosures(o: &mut Out, sd: &SdReport) {
    o.line(Line::new().styled(
        BOLD,
        tr!(
            "cli-sd-disclosures",
            count = sd.disclosures.len(),
            decoys = sd.decoys,
            hash = sd.hash_alg.as_str()
        ),
    ));
    for (i, d) in sd.disclosures.iter().enumerate() {
        let what = match (&d.name, &d.value) {
            (Some(name), Some(v)) => format!("{name}: {}", json::to_compact(v)),
            (None, Some(v)) => format!("[…]: {}", json::to_compact(v)),
            _ => "?".to_owned(),
        };
        let mut line = Line::new().pad(2).text(format!("{:>2}. {what}", i + 1));
        if let Some(path) = &d.path {
            line = line.pad(2).styled(DIM, path.as_str());
        }
        o.line(line);
        if let Some(problem) = &d.problem {
            o.line(Line::new().pad(6).styled(RED, format!("✖ {problem}")));
        }
    }
    let (style, mark) = match sd.status {
        SdStatus::Valid => (GREEN, "✔"),
        SdStatus::Invalid => (RED, "✖"),
    };
    let summary = match sd.status {
        SdStatus::Valid => tr!("cli-sd-valid"),
        SdStatus::Invalid => tr!("cli-sd-invalid", count = sd.errors.len()),
    };
    o.line(
        Line::new()
            .pad(2)
            .styled(style, format!("{mark} {summary}")),
    );
    for e in &sd.errors {
        if !sd.disclosures.iter().any(|d| d.problem.as_ref() == Some(e)) {
            o.line(Line::new().pad(4).styled(RED, e.to_string()));
        }
    }
    if let Some(claims) = &sd.claims {
        o.line(Line::new().styled(BOLD, tr!("cli-sd-claims")));
        o.block(
            CYAN,
            2,
            &json::to_pretty(&serde_json::Value::Object(claims.clone())),
        );
    }
    if let Some(kb) = &sd.key_binding {
        let (style, mark) = match kb.status {
            KbStatus::Verified => (GREEN, "✔"),
            KbStatus::Invalid => (RED, "✖"),
            KbStatus::NoHolderKey => (YELLOW, "?"),
        };
        o.line(
            Line::new()
                .styled(BOLD, tr!("cli-sd-key-binding"))
                .pad(2)
                .styled(style, format!("{mark} {}", kb.detail)),
        );
        for p in kb.problems.iter().skip(1) {
            o.line(Line::new().pad(4).styled(RED, p.to_string()));
        }
    }
}

fn times(o: &mut Out, a: &Analysis) {
    let timed: Vec<_> = a
        .claims
        .iter()
        .filter_map(|c| c.time.as_ref().map(|t| (c, t)))
        .collect();
    if timed.is_empty() {
        return;
    }
    o.line(Line::new().styled(BOLD, tr!("cli-times")));
    for (c, t) in timed {
        let title = crate::i18n::claim_title(c, crate::i18n::current()).unwrap_or_default();
        o.line(
            Line::new()
                .pad(2)
                .text(format!("{:<10} {}", c.name, t.utc()))
                .pad(2)
                .styled(DIM, format!("({}, {title})", t.relative())),
        );
    }
}

fn signature(o: &mut Out, a: &Analysis) {
    let (style, mark, label) = match a.signature.status {
        SignatureStatus::Verified => (GREEN, "✔", tr!("badge-verified")),
        SignatureStatus::Invalid => (RED, "✖", tr!("badge-invalid")),
        SignatureStatus::Unsigned => (RED, "✖", tr!("badge-unsigned")),
        SignatureStatus::NoKey => (YELLOW, "?", tr!("cli-not-checked")),
        SignatureStatus::UnsupportedAlg => (YELLOW, "?", tr!("badge-unsupported")),
        SignatureStatus::KeyMismatch => (RED, "✖", tr!("badge-key-mismatch")),
    };
    let mut line = Line::new()
        .styled(BOLD, tr!("cli-signature"))
        .pad(2)
        .styled(style, format!("{mark} {label}"));
    // "Signature verified" says it all; a detail is shown when it adds something (which key of a
    // set, a kid note, why it failed).
    if a.signature.detail.msg_key() != Some("sig-verified") {
        line = line.text(format!(": {}", a.signature.detail));
    }
    o.line(line);
    if let Some(key) = &a.signature.key {
        o.line(
            Line::new()
                .pad(11)
                .styled(DIM, tr!("key-used", key = key.to_string())),
        );
    }
    // A JWS JSON serialization: every signature with its own outcome.
    for e in &a.signature.signatures {
        let (style, mark) = match e.status {
            SignatureStatus::Verified => (GREEN, "✔"),
            SignatureStatus::Invalid | SignatureStatus::KeyMismatch => (RED, "✖"),
            _ => (YELLOW, "?"),
        };
        let alg = e
            .protected
            .as_ref()
            .and_then(|h| h.get("alg"))
            .or_else(|| e.header.as_ref().and_then(|h| h.get("alg")))
            .and_then(serde_json::Value::as_str)
            .unwrap_or("?");
        o.line(
            Line::new()
                .pad(11)
                .text(format!("#{} {alg} ", e.index + 1))
                .styled(style, format!("{mark} {}", e.detail)),
        );
    }
}

/// The kind of token and its rules, each with its outcome.
fn profile(o: &mut Out, a: &Analysis) {
    use crate::core::profile::{CheckStatus, ProfileName, ProfileStatus, Source};
    let Some(p) = &a.profile else {
        return;
    };
    if p.name == ProfileName::Jwt && p.checks.is_empty() {
        return;
    }
    let (style, mark) = match p.status {
        ProfileStatus::Valid => (GREEN, "✔"),
        ProfileStatus::Invalid => (RED, "✖"),
        ProfileStatus::Incomplete => (YELLOW, "?"),
    };
    let source = match p.source {
        Source::Typ => tr!("cli-kind-from-typ"),
        Source::Claims => tr!("cli-kind-from-claims"),
        Source::Option => tr!("cli-kind-from-option"),
    };
    let (failed, waiting) = p.counts();
    let summary = match p.status {
        ProfileStatus::Valid => tr!("cli-kind-valid", count = p.checks.len()),
        ProfileStatus::Invalid => tr!("cli-kind-invalid", count = failed),
        ProfileStatus::Incomplete => tr!("cli-kind-incomplete", count = waiting),
    };
    o.line(
        Line::new()
            .styled(BOLD, tr!("cli-kind"))
            .pad(6)
            .text(format!("{} ({source})", p.name.title()))
            .pad(2)
            .styled(style, format!("{mark} {summary}")),
    );
    for c in &p.checks {
        let (style, mark) = match c.status {
            CheckStatus::Pass => (GREEN, "✔"),
            CheckStatus::Fail => (RED, "✖"),
            CheckStatus::NotChecked => (YELLOW, "?"),
        };
        o.line(
            Line::new()
                .pad(2)
                .styled(style, mark)
                .text(format!(" {:<10} ", c.id))
                .styled(DIM, c.detail.to_string()),
        );
    }
    if let Some(list) = &p.status_list
        && let Some((index, value)) = list.index
    {
        o.line(
            Line::new()
                .pad(2)
                .text(tr!("cli-status-entry", index = index, value = value)),
        );
    }
}

fn findings(o: &mut Out, a: &Analysis) {
    if a.findings.is_empty() {
        return;
    }
    o.line(Line::new().styled(BOLD, tr!("cli-findings")));
    for f in &a.findings {
        let style = match f.severity {
            Severity::Critical | Severity::Error => RED,
            Severity::Warn => YELLOW,
            Severity::Info => DIM,
        };
        o.line(
            Line::new()
                .pad(2)
                .styled(
                    style,
                    format!("[{}]", crate::i18n::severity_word(f.severity)),
                )
                .text(format!(" {}: {}", f.id, f.title)),
        );
        o.line(
            Line::new()
                .pad(4)
                .styled(DIM, format!("{} ({})", f.message, f.reference)),
        );
    }
}

/// The verdict over every layer, when it says more than the badges above: a nested token, a
/// layer left unopened, a time outside the window of a verified token.
pub fn verdict(o: &mut Out, v: &Verdict, policy: &verdict::Policy) {
    let nested = v.layer > 0 || v.reason == verdict::Reason::NestingLimit;
    let time_failed = matches!(v.time, TimeStatus::Expired | TimeStatus::NotYetValid);
    let sd_failed = matches!(
        v.reason,
        verdict::Reason::Disclosures | verdict::Reason::KeyBinding | verdict::Reason::Profile
    );
    if !(nested || time_failed || sd_failed || v.time == TimeStatus::Ignored) {
        return;
    }
    let (style, mark) = match v.status {
        Status::Verified => (GREEN, "✔"),
        Status::NotVerified if v.passes(policy) => (YELLOW, "?"),
        _ => (RED, "✖"),
    };
    o.line(
        Line::new()
            .styled(BOLD, tr!("cli-verdict"))
            .pad(4)
            .styled(style, format!("{mark} {}", v.detail)),
    );
}
