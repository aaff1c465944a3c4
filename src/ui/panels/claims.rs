//! The annotated claims table for header and payload: name, value, meaning, where it is defined,
//! and for times the instant in UTC, local time and words, with a date-time field to change it.

use crate::tr;
use std::collections::HashMap;

use egui::RichText;

use super::Command;
use crate::core::Analysis;
use crate::core::claims::{Claim, Location};
use crate::ui::theme;
use crate::ui::widgets::timeline;

/// Date-time fields being edited, by claim name.
#[derive(Debug, Default)]
pub struct ClaimsPaneState {
    edits: HashMap<String, String>,
}

/// Characters of a value shown in its row; the payload editor has the rest.
const SHOWN_CHARS: usize = 90;

fn value_text(claim: &Claim) -> String {
    // Cut first, then escape: a megabyte claim costs its first hundred characters per frame.
    let json;
    let whole = match &claim.value {
        serde_json::Value::String(s) => s.as_str(),
        other => {
            json = json_prefix(other);
            json.as_str()
        }
    };
    let end = whole
        .char_indices()
        .nth(SHOWN_CHARS)
        .map_or(whole.len(), |(i, _)| i);
    // Control characters from the token are shown as escapes, not as boxes or effects.
    let mut text = crate::core::text::escape_line(&whole[..end]).into_owned();
    if end < whole.len() {
        text.push('…');
    }
    text
}

/// The start of a value's JSON text: serialisation stops a little past what a row shows.
fn json_prefix(value: &serde_json::Value) -> String {
    struct Capped(Vec<u8>);
    impl std::io::Write for Capped {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            if self.0.len() > SHOWN_CHARS * 4 + 8 {
                return Err(std::io::ErrorKind::WriteZero.into());
            }
            self.0.extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let mut out = Capped(Vec::new());
    // Stopping early is the point; what was written is kept.
    let _ = serde_json::to_writer(&mut out, value);
    String::from_utf8_lossy(&out.0).into_owned()
}

fn row(
    ui: &mut egui::Ui,
    claim: &Claim,
    zone: &jiff::tz::TimeZone,
    state: &mut ClaimsPaneState,
    commands: &mut Vec<Command>,
) {
    let name = RichText::new(&claim.name).monospace().strong();
    ui.horizontal_wrapped(|ui| {
        ui.label(name);
        match crate::i18n::claim_title(claim, crate::i18n::current()) {
            Some(title) => ui.label(RichText::new(title).italics()),
            None => ui
                .label(
                    RichText::new(tr!("custom-claim"))
                        .small()
                        .color(theme::NEUTRAL),
                )
                .on_hover_text(tr!("custom-claim-tip")),
        };
        if let Some(digest) = &claim.disclosed_by {
            ui.label(
                RichText::new(tr!("claim-disclosed"))
                    .small()
                    .color(theme::GOOD),
            )
            .on_hover_text(tr!("claim-disclosed-tip", digest = digest.as_str()));
        }
        if let Some(spec) = claim
            .entry
            .as_ref()
            .map(|e| &e.spec)
            .filter(|s| !s.is_empty())
        {
            ui.label(RichText::new(format!("· {spec}")).small().weak());
        }
    });
    ui.indent(("claim", &claim.name), |ui| {
        ui.label(RichText::new(value_text(claim)).monospace());
        if let Some(e) = &claim.explanation {
            ui.label(RichText::new(format!("– {e}")).small());
        }
        if let Some(d) = crate::i18n::claim_description(claim, crate::i18n::current()) {
            ui.label(RichText::new(d).small().weak());
        }
        if let Some(t) = &claim.time {
            ui.label(
                RichText::new(format!(
                    "{} · {} · {}",
                    t.utc(),
                    crate::core::time::local(t.unix, zone),
                    t.relative()
                ))
                .small(),
            );
        }
        if let Some(p) = &claim.time_problem {
            ui.horizontal_wrapped(|ui| {
                ui.label(
                    RichText::new(format!("⚠ {}", p.message))
                        .small()
                        .color(theme::WARN),
                );
                if p.fixed.is_some()
                    && claim.location == Location::Payload
                    && ui
                        .small_button(tr!("fix-claim", name = &claim.name))
                        .clicked()
                {
                    commands.push(Command::FixTime(claim.name.clone()));
                }
            });
        }
        if claim.location == Location::Payload && claim.time.is_some() {
            ui.horizontal(|ui| {
                let label = ui.label(RichText::new(tr!("set-claim", name = &claim.name)).small());
                let current = claim.time.as_ref().map(|t| t.utc()).unwrap_or_default();
                let text = state.edits.entry(claim.name.clone()).or_insert(current);
                let response = ui
                    .add(
                        egui::TextEdit::singleline(text)
                            .id_salt(("time_field", &claim.name))
                            .desired_width(ui.available_width().clamp(100.0, 190.0)),
                    )
                    .labelled_by(label.id);
                if response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                    commands.push(Command::SetTime(claim.name.clone(), text.clone()));
                }
                if !response.has_focus() {
                    // Follow the token when the field is not being typed in.
                    if let Some(t) = &claim.time {
                        *text = t.utc();
                    }
                }
            });
        }
    });
}

pub fn ui(
    ui: &mut egui::Ui,
    a: &Analysis,
    // For a nested token whose inner claims are shown: the encrypted layer's header.
    encryption_header: &[crate::core::Claim],
    evaluation_instant: i64,
    zone: &jiff::tz::TimeZone,
    state: &mut ClaimsPaneState,
    commands: &mut Vec<Command>,
) {
    if a.claims.is_empty() && a.header_claims.is_empty() {
        return;
    }
    timeline::ui(ui, &a.validity, evaluation_instant);
    egui::CollapsingHeader::new(
        RichText::new(tr!("claims-title", count = a.claims.len())).strong(),
    )
    .id_salt("claims_section")
    .default_open(true)
    .show(ui, |ui| {
        for claim in &a.claims {
            row(ui, claim, zone, state, commands);
        }
    });
    egui::CollapsingHeader::new(
        RichText::new(tr!(
            "header-parameters-title",
            count = a.header_claims.len()
        ))
        .strong(),
    )
    .id_salt("header_section")
    .default_open(false)
    .show(ui, |ui| {
        for claim in &a.header_claims {
            row(ui, claim, zone, state, commands);
        }
    });
    if !encryption_header.is_empty() {
        egui::CollapsingHeader::new(
            RichText::new(tr!(
                "encryption-header-title",
                count = encryption_header.len()
            ))
            .strong(),
        )
        .id_salt("encryption_header_section")
        .default_open(false)
        .show(ui, |ui| {
            for claim in encryption_header {
                row(ui, claim, zone, state, commands);
            }
        });
    }
}
