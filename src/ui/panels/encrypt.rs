//! "Encrypt": wraps the current token (or any payload) in a JWE for a recipient. The tool picks
//! the key management and content encryption, takes the recipient's key, and shows the result
//! to copy or open; the work itself runs in the app's jobs.

use crate::tr;
use egui::{RichText, TextEdit};

use super::Command;
use crate::core::jwe::{Enc, KeyAlg, KeyNeed};
use crate::ui::model::KeyInputs;
pub use crate::ui::shared::EncryptRequest;
use crate::ui::theme;

/// What the user chose in the tool; kept across frames, not saved.
#[derive(Debug, Clone)]
pub struct EncryptState {
    pub alg: KeyAlg,
    pub enc: Enc,
    /// Mark the content as a token (`cty: JWT`), which nesting needs.
    pub nested: bool,
    pub zip: bool,
    /// The last result: the JWE, or why it could not be made.
    pub result: Option<Result<String, String>>,
    /// Open the tool on the next frame (an encryption alg was picked elsewhere).
    pub open: bool,
}

impl Default for EncryptState {
    fn default() -> Self {
        Self {
            alg: KeyAlg::RsaOaep256,
            enc: Enc::A256Gcm,
            nested: true,
            zip: false,
            result: None,
            open: false,
        }
    }
}

fn key_hint(alg: KeyAlg, enc: Enc) -> String {
    match alg.needs(enc) {
        KeyNeed::Rsa => tr!("recipient-hint-rsa"),
        KeyNeed::Ecdh => tr!("recipient-hint-ecdh"),
        KeyNeed::Secret(n) => tr!("recipient-hint-secret", bytes = n),
        KeyNeed::Password => tr!("recipient-hint-password"),
    }
}

pub fn ui(
    ui: &mut egui::Ui,
    state: &mut EncryptState,
    keys: &mut KeyInputs,
    busy: Option<&str>,
    commands: &mut Vec<Command>,
) {
    egui::CollapsingHeader::new(RichText::new(tr!("encrypt-title")).strong())
        .id_salt("encrypt_tool")
        .open(std::mem::take(&mut state.open).then_some(true))
        .show(ui, |ui| {
            ui.label(RichText::new(tr!("encrypt-help")).weak());
            ui.horizontal_wrapped(|ui| {
                let label = ui.label(tr!("encrypt-alg"));
                egui::ComboBox::from_id_salt("jwe_alg_picker")
                    .height(420.0)
                    .selected_text(state.alg.name())
                    .show_ui(ui, |ui| {
                        for &alg in KeyAlg::ALL.iter().filter(|a| a.can_encrypt()) {
                            ui.selectable_value(&mut state.alg, alg, alg.name());
                        }
                    })
                    .response
                    .labelled_by(label.id);
                let label = ui.label(tr!("encrypt-enc"));
                egui::ComboBox::from_id_salt("jwe_enc_picker")
                    .selected_text(state.enc.name())
                    .show_ui(ui, |ui| {
                        for &enc in Enc::ALL {
                            ui.selectable_value(&mut state.enc, enc, enc.name());
                        }
                    })
                    .response
                    .labelled_by(label.id);
            });
            let label = ui.label(tr!("recipient-key"));
            let response = egui::ScrollArea::vertical()
                .id_salt("recipient_scroll")
                .max_height(90.0)
                .show(ui, |ui| {
                    ui.add(
                        TextEdit::multiline(&mut keys.recipient_key)
                            .id_salt("recipient_key_field")
                            .code_editor()
                            .desired_rows(3)
                            .desired_width(f32::INFINITY)
                            .hint_text(key_hint(state.alg, state.enc)),
                    )
                    .labelled_by(label.id)
                })
                .inner;
            if response.changed() {
                commands.push(Command::KeyEdited);
            }
            ui.horizontal_wrapped(|ui| {
                ui.checkbox(&mut state.nested, tr!("encrypt-nested"));
                ui.checkbox(&mut state.zip, tr!("encrypt-zip"));
                let enabled = busy.is_none() && !keys.recipient_key.trim().is_empty();
                if ui
                    .add_enabled(enabled, egui::Button::new(tr!("encrypt-button")))
                    .clicked()
                {
                    commands.push(Command::Encrypt(EncryptRequest {
                        alg: state.alg,
                        enc: state.enc,
                        nested: state.nested,
                        zip: state.zip,
                    }));
                }
            });
            match &state.result {
                Some(Ok(token)) => {
                    let mut shown = token.as_str();
                    ui.add(
                        TextEdit::multiline(&mut shown)
                            .id_salt("encrypted_result")
                            .code_editor()
                            .desired_rows(3)
                            .desired_width(f32::INFINITY),
                    );
                    ui.horizontal(|ui| {
                        if ui.button(tr!("copy-encrypted")).clicked() {
                            commands.push(Command::CopyEncrypted);
                        }
                        if ui.button(tr!("open-encrypted")).clicked() {
                            commands.push(Command::OpenEncrypted);
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
