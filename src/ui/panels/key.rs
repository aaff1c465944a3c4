//! The key pane: algorithm picker, secret or PEM/JWK text, what was detected (one line each), and
//! the remember tick. Every field has a fixed id, so focus stays put whatever changes above.

use crate::tr;
use egui::{RichText, TextEdit};

use super::{Command, KeySlot};
use crate::core::{Alg, alg::Family, keys::SecretEncoding};
use crate::ui::model::{KeyInputs, Model};
use crate::ui::theme;
use crate::ui::view::{Line, SecretUse, ViewModel};

/// "HMAC with SHA-256 (shared secret)", in the current language.
fn alg_description(alg: Alg) -> String {
    tr!(&format!("alg-desc-{}", alg.name()))
}

/// What the pane shows besides the key text, read from the model and the view model.
pub struct KeyView {
    pub alg: Option<Alg>,
    pub secret_encoding: SecretEncoding,
    pub remember_key: bool,
    pub allow_unsecured: bool,
    pub verify_note: Line,
    pub sign_note: Line,
    /// For an encrypted token: "RSA-OAEP-256 + A256GCM" (the key fields decrypt).
    pub encryption: Option<String>,
    /// What the secret field holds here: HMAC secret, password or AES key.
    pub secret_use: SecretUse,
}

impl KeyView {
    pub fn of(model: &Model, view: &ViewModel) -> Self {
        Self {
            alg: model.alg(),
            secret_encoding: model.state.secret_encoding,
            remember_key: model.state.remember_key,
            allow_unsecured: model.allow_unsecured,
            verify_note: view.verify_note.clone(),
            sign_note: view.sign_note.clone(),
            encryption: view.encryption.clone(),
            secret_use: view.secret_use,
        }
    }
}

/// Per-frame UI state of the pane that is not part of the model.
#[derive(Debug, Default)]
pub struct KeyPaneState {
    pub show_secret: bool,
}

pub fn ui(
    ui: &mut egui::Ui,
    view: &KeyView,
    keys: &mut KeyInputs,
    pane: &mut KeyPaneState,
    tools: &mut super::keytools::KeyToolsState,
    busy: Option<&str>,
    commands: &mut Vec<Command>,
) {
    let current = view.alg;
    if let Some(encryption) = &view.encryption {
        ui.label(
            RichText::new(tr!("key-decrypts", encryption = encryption.as_str())).color(theme::WARN),
        );
    }
    // An encrypted token is not signed here: there is no signing algorithm to pick for it.
    if view.encryption.is_none() {
        ui.horizontal_wrapped(|ui| {
            let label = ui.label(RichText::new(tr!("algorithm")).strong());
            let shown = current.map_or(tr!("no-valid-alg"), |a| a.name().to_owned());
            egui::ComboBox::from_id_salt("alg_picker")
                .height(900.0)
                .selected_text(shown)
                .show_ui(ui, |ui| {
                    for alg in Alg::ALL {
                        let text = if alg == Alg::None {
                            tr!(
                                "alg-unsafe",
                                alg = alg.name(),
                                description = alg_description(alg)
                            )
                        } else {
                            format!("{} — {}", alg.name(), alg_description(alg))
                        };
                        if ui.selectable_label(current == Some(alg), text).clicked()
                            && current != Some(alg)
                        {
                            commands.push(Command::PickAlg(alg));
                        }
                    }
                    // Encryption wraps the signed token: picking one opens the Encrypt tool.
                    ui.separator();
                    ui.label(RichText::new(tr!("alg-picker-jwe")).weak());
                    for &jwe in crate::core::jwe::KeyAlg::ALL
                        .iter()
                        .filter(|a| a.can_encrypt())
                    {
                        if ui
                            .selectable_label(
                                false,
                                format!("🔐 {} — {}", jwe.name(), tr!("alg-picker-jwe-entry")),
                            )
                            .clicked()
                        {
                            commands.push(Command::PickJweAlg(jwe));
                        }
                    }
                })
                .response
                .labelled_by(label.id);
            super::keytools::generate_ui(ui, current, tools, busy, commands);
        });
    }

    match current.map(Alg::family) {
        Some(Family::Unsecured) => {
            ui.label(RichText::new(tr!("alg-none-warning")).color(theme::BAD));
            let mut allow = view.allow_unsecured;
            if ui.checkbox(&mut allow, tr!("make-unsecured")).changed() {
                commands.push(Command::SetAllowUnsecured(allow));
            }
        }
        Some(Family::Hmac) | None => {
            ui.horizontal(|ui| {
                let (name, hint) = match view.secret_use {
                    SecretUse::Hmac => (tr!("secret"), tr!("secret-hint")),
                    SecretUse::Password => (tr!("password"), tr!("password-hint")),
                    SecretUse::Aes => (tr!("aes-key"), tr!("aes-key-hint")),
                };
                let label = ui.label(name);
                // Room for the "Show" tick on the same line, however narrow the column.
                let width = (ui.available_width() - 80.0).clamp(100.0, 420.0);
                let response = ui
                    .add(
                        TextEdit::singleline(&mut keys.secret)
                            .id_salt("secret_field")
                            .password(!pane.show_secret)
                            .desired_width(width)
                            .hint_text(hint),
                    )
                    .labelled_by(label.id);
                if response.changed() {
                    commands.push(Command::KeyEdited);
                }
                ui.checkbox(&mut pane.show_secret, tr!("show"));
            });
            ui.horizontal_wrapped(|ui| {
                let label = ui.label(tr!("secret-encoding"));
                egui::ComboBox::from_id_salt("secret_encoding")
                    .selected_text(view.secret_encoding.label())
                    .show_ui(ui, |ui| {
                        for enc in SecretEncoding::ALL {
                            if ui
                                .selectable_label(view.secret_encoding == enc, enc.label())
                                .clicked()
                                && view.secret_encoding != enc
                            {
                                commands.push(Command::SetSecretEncoding(enc));
                            }
                        }
                    })
                    .response
                    .labelled_by(label.id);
                if ui.button(tr!("open-secret-file")).clicked() {
                    commands.push(Command::OpenKey(KeySlot::Secret));
                }
            });
            super::status::line_ui(ui, &view.verify_note);
        }
        Some(_) => {
            for (slot, title, hint, id) in [
                (
                    KeySlot::Public,
                    tr!("public-key-title"),
                    tr!("public-key-hint"),
                    "public_key_field",
                ),
                (
                    KeySlot::Private,
                    if view.encryption.is_some() {
                        tr!("private-key-title-decrypts")
                    } else {
                        tr!("private-key-title")
                    },
                    tr!("private-key-hint"),
                    "private_key_field",
                ),
            ] {
                let label = ui
                    .horizontal(|ui| {
                        let label = ui.label(RichText::new(title).strong());
                        if ui.small_button(tr!("open-key-file")).clicked() {
                            commands.push(Command::OpenKey(slot));
                        }
                        label
                    })
                    .inner;
                let text = if slot == KeySlot::Public {
                    &mut keys.public_key
                } else {
                    &mut keys.private_key
                };
                // Long PEM text scrolls inside its own box instead of pushing the page down.
                let response = egui::ScrollArea::vertical()
                    .id_salt(("key_scroll", id))
                    .max_height(110.0)
                    .show(ui, |ui| {
                        ui.add(
                            TextEdit::multiline(text)
                                .id_salt(id)
                                .code_editor()
                                .desired_rows(4)
                                .desired_width(f32::INFINITY)
                                .hint_text(hint),
                        )
                        .labelled_by(label.id)
                    })
                    .inner;
                if response.changed() {
                    commands.push(Command::KeyEdited);
                }
                super::status::line_ui(
                    ui,
                    if slot == KeySlot::Public {
                        &view.verify_note
                    } else {
                        &view.sign_note
                    },
                );
            }
            ui.label(RichText::new(tr!("drop-key-hint")).weak());
        }
    }
    let mut remember = view.remember_key;
    if ui
        .checkbox(&mut remember, tr!("remember-key"))
        .on_hover_text(tr!("remember-key-tip"))
        .changed()
    {
        commands.push(Command::SetRememberKey(remember));
    }
}
