//! An SD-JWT's disclosures (RFC 9901): a table of what each discloses and where it went, whether
//! they all match the payload's digests, the key binding's verdict with the audience, nonce and
//! holder key it is checked against, and "Present…", which makes a presentation holding the
//! chosen disclosures (and a key-binding JWT) to copy or open.

use std::collections::BTreeSet;

use egui::{RichText, TextEdit};

use super::Command;
use crate::tr;
use crate::ui::model::{AppState, KeyInputs};
use crate::ui::shared::PresentRequest;
use crate::ui::theme;
use crate::ui::view::{SdView, ViewModel};
use crate::ui::widgets::badge::badge;

/// What "Present…" holds between frames; not saved. The private key is wiped when dropped.
#[derive(Default)]
pub struct PresentState {
    /// The disclosures ticked (as in the token).
    pub chosen: BTreeSet<String>,
    pub key: String,
    pub aud: String,
    pub nonce: String,
    /// The last presentation made, or why it could not be.
    pub result: Option<Result<String, String>>,
}

impl Drop for PresentState {
    fn drop(&mut self) {
        use zeroize::Zeroize as _;
        self.key.zeroize();
    }
}

pub fn ui(
    ui: &mut egui::Ui,
    view: &ViewModel,
    state: &mut AppState,
    keys: &mut KeyInputs,
    present: &mut PresentState,
    commands: &mut Vec<Command>,
) {
    let Some(sd) = &view.sd else {
        return;
    };
    ui.heading(tr!("sd-title", count = sd.rows.len()));
    ui.horizontal_wrapped(|ui| {
        badge(
            ui,
            sd.status.icon,
            &sd.status.text,
            theme::tone_color(sd.status.tone),
        );
        if let Some(kb) = &sd.key_binding {
            badge(ui, kb.icon, &kb.text, theme::tone_color(kb.tone));
        }
    });
    ui.label(RichText::new(&sd.summary).small().weak());
    super::status::line_ui(ui, &sd.key_binding_reason);
    if let Some(members) = &sd.key_binding_members {
        ui.label(RichText::new(members).small().monospace());
    }
    table(ui, sd);
    for e in &sd.errors {
        ui.label(RichText::new(format!("✖ {e}")).color(theme::BAD));
    }
    egui::CollapsingHeader::new(RichText::new(tr!("kb-check-title")).strong())
        .id_salt("kb_check")
        .default_open(sd.key_binding.is_some())
        .show(ui, |ui| {
            ui.label(RichText::new(tr!("kb-check-help")).small().weak());
            let mut edited = false;
            for (label, text, id, hint) in [
                (
                    tr!("kb-expected-aud"),
                    &mut state.kb_aud,
                    "kb_aud_field",
                    tr!("kb-expected-aud-hint"),
                ),
                (
                    tr!("kb-expected-nonce"),
                    &mut state.kb_nonce,
                    "kb_nonce_field",
                    tr!("kb-expected-nonce-hint"),
                ),
            ] {
                ui.horizontal(|ui| {
                    let label = ui.label(label);
                    edited |= ui
                        .add(
                            TextEdit::singleline(text)
                                .id_salt(id)
                                .hint_text(hint)
                                .desired_width((ui.available_width() - 8.0).clamp(100.0, 360.0)),
                        )
                        .labelled_by(label.id)
                        .changed();
                });
            }
            if edited {
                commands.push(Command::SdSettingsEdited);
            }
            holder_key_field(ui, keys, "holder_key_check", commands);
            super::status::line_ui(ui, &view.holder_key_note);
        });
    present_ui(ui, sd, present, commands);
}

/// The holder's public key: shared by the key-binding check and the build tool.
pub fn holder_key_field(
    ui: &mut egui::Ui,
    keys: &mut KeyInputs,
    id: &'static str,
    commands: &mut Vec<Command>,
) {
    let label = ui.label(tr!("holder-key"));
    let response = ui
        .add(
            TextEdit::multiline(&mut keys.holder_key)
                .id_salt(id)
                .code_editor()
                .desired_rows(2)
                .hint_text(tr!("holder-key-hint"))
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    if response.changed() {
        commands.push(Command::KeyEdited);
    }
}

fn table(ui: &mut egui::Ui, sd: &SdView) {
    if sd.rows.is_empty() {
        ui.label(RichText::new(tr!("sd-none")).weak());
        return;
    }
    egui::Grid::new("disclosures_table")
        .striped(true)
        .num_columns(5)
        .show(ui, |ui| {
            for heading in [
                "#".to_owned(),
                tr!("sd-col-claim"),
                tr!("sd-col-value"),
                tr!("sd-col-where"),
                tr!("sd-col-digest"),
            ] {
                ui.label(RichText::new(heading).strong());
            }
            ui.end_row();
            for row in &sd.rows {
                ui.label(row.number.to_string());
                ui.label(RichText::new(&row.name).monospace());
                ui.label(RichText::new(&row.value).monospace());
                ui.label(RichText::new(&row.path).monospace().small());
                ui.label(RichText::new(&row.digest).monospace().small().weak())
                    .on_hover_text(&row.digest_full);
                ui.end_row();
                if let Some(problem) = &row.problem {
                    ui.label("");
                    ui.label(RichText::new(format!("✖ {problem}")).color(theme::BAD));
                    ui.end_row();
                }
            }
        });
}

fn present_ui(
    ui: &mut egui::Ui,
    sd: &SdView,
    present: &mut PresentState,
    commands: &mut Vec<Command>,
) {
    egui::CollapsingHeader::new(RichText::new(tr!("present-title")).strong())
        .id_salt("present_tool")
        .default_open(false)
        .show(ui, |ui| {
            ui.label(RichText::new(tr!("present-help")).small().weak());
            // Ticks follow the token: a disclosure no longer in it is forgotten.
            present
                .chosen
                .retain(|d| sd.rows.iter().any(|r| &r.disclosure == d));
            for row in &sd.rows {
                let mut on = present.chosen.contains(&row.disclosure);
                let label = format!("{}. {} = {}", row.number, row.name, row.value);
                if ui.checkbox(&mut on, label).changed() {
                    if on {
                        present.chosen.insert(row.disclosure.clone());
                    } else {
                        present.chosen.remove(&row.disclosure);
                    }
                }
            }
            ui.horizontal(|ui| {
                if ui.small_button(tr!("present-all")).clicked() {
                    present.chosen = sd.rows.iter().map(|r| r.disclosure.clone()).collect();
                }
                if ui.small_button(tr!("present-none")).clicked() {
                    present.chosen.clear();
                }
            });
            let label = ui.label(tr!("present-key"));
            ui.add(
                TextEdit::multiline(&mut present.key)
                    .id_salt("present_key_field")
                    .code_editor()
                    .desired_rows(2)
                    .hint_text(tr!("present-key-hint"))
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id);
            for (label, text, id) in [
                (tr!("present-aud"), &mut present.aud, "present_aud_field"),
                (
                    tr!("present-nonce"),
                    &mut present.nonce,
                    "present_nonce_field",
                ),
            ] {
                ui.horizontal(|ui| {
                    let label = ui.label(label);
                    ui.add(
                        TextEdit::singleline(text)
                            .id_salt(id)
                            .desired_width((ui.available_width() - 8.0).clamp(100.0, 360.0)),
                    )
                    .labelled_by(label.id);
                });
            }
            if ui.button(tr!("present-make")).clicked() {
                commands.push(Command::Present(PresentRequest {
                    disclosures: sd
                        .rows
                        .iter()
                        .filter(|r| present.chosen.contains(&r.disclosure))
                        .map(|r| r.disclosure.clone())
                        .collect(),
                    key: present.key.clone(),
                    aud: present.aud.clone(),
                    nonce: present.nonce.clone(),
                }));
            }
            match &present.result {
                Some(Ok(text)) => {
                    let mut shown = text.as_str();
                    ui.add(
                        TextEdit::multiline(&mut shown)
                            .id_salt("presentation_text")
                            .code_editor()
                            .desired_rows(3)
                            .desired_width(f32::INFINITY),
                    );
                    ui.horizontal(|ui| {
                        if ui.button(tr!("present-copy")).clicked() {
                            commands.push(Command::CopyPresentation);
                        }
                        if ui.button(tr!("present-open")).clicked() {
                            commands.push(Command::OpenPresentation);
                        }
                    });
                }
                Some(Err(e)) => {
                    ui.label(RichText::new(format!("✖ {e}")).color(theme::BAD));
                }
                None => {}
            }
        });
}
