//! The key pane: algorithm picker, secret or PEM/JWK text, what was detected, and why signing
//! may not be possible.

use egui::{RichText, TextEdit};

use super::{Command, KeySlot};
use crate::core::{Alg, alg::Family, keys::SecretEncoding};
use crate::ui::theme;
use crate::ui::workbench::Workbench;

fn note(ui: &mut egui::Ui, note: Option<&Result<String, String>>) {
    match note {
        Some(Ok(d)) => ui.label(
            RichText::new(format!("Detected: {d}"))
                .small()
                .color(theme::GOOD),
        ),
        Some(Err(e)) => ui.label(RichText::new(format!("✖ {e}")).small().color(theme::BAD)),
        None => ui.label(RichText::new("No key").small().weak()),
    };
}

/// Per-frame UI state of the pane that is not part of the workbench.
#[derive(Debug, Default)]
pub struct KeyPaneState {
    pub show_secret: bool,
}

pub fn ui(
    ui: &mut egui::Ui,
    wb: &mut Workbench,
    pane: &mut KeyPaneState,
    tools: &mut super::keytools::KeyToolsState,
    commands: &mut Vec<Command>,
) {
    let current = wb.alg();
    ui.horizontal(|ui| {
        let label = ui.label(RichText::new("Algorithm").strong());
        let shown = current.map_or("(header has no valid alg)".to_owned(), |a| {
            a.name().to_owned()
        });
        egui::ComboBox::from_id_salt("alg_picker")
            .height(500.0)
            .selected_text(shown)
            .show_ui(ui, |ui| {
                for alg in Alg::ALL {
                    let text = if alg == Alg::None {
                        format!("{} — unsafe: {}", alg.name(), alg.describe())
                    } else {
                        format!("{} — {}", alg.name(), alg.describe())
                    };
                    if ui.selectable_label(current == Some(alg), text).clicked()
                        && current != Some(alg)
                    {
                        commands.push(Command::PickAlg(alg));
                    }
                }
            })
            .response
            .labelled_by(label.id);
        super::keytools::generate_ui(ui, current, tools, commands);
    });

    let Workbench {
        ws,
        keys,
        key_state,
        allow_unsecured,
        ..
    } = wb;
    match current.map(Alg::family) {
        Some(Family::Unsecured) => {
            ui.label(
                RichText::new(
                    "⚠ alg none: the token carries no signature and anyone can change it.",
                )
                .color(theme::BAD),
            );
            if ui
                .checkbox(
                    allow_unsecured,
                    "Make an unsecured token (I understand anyone can forge it)",
                )
                .changed()
            {
                commands.push(Command::UnsecuredToggled);
            }
        }
        Some(Family::Hmac) | None => {
            ui.horizontal(|ui| {
                let label = ui.label("Secret");
                let response = ui
                    .add(
                        TextEdit::singleline(&mut keys.secret)
                            .password(!pane.show_secret)
                            .desired_width(320.0)
                            .hint_text("shared secret"),
                    )
                    .labelled_by(label.id);
                if response.changed() {
                    commands.push(Command::KeyEdited);
                }
                ui.checkbox(&mut pane.show_secret, "Show");
            });
            ui.horizontal(|ui| {
                let label = ui.label("Secret encoding");
                egui::ComboBox::from_id_salt("secret_encoding")
                    .selected_text(ws.secret_encoding.label())
                    .show_ui(ui, |ui| {
                        for enc in SecretEncoding::ALL {
                            if ui
                                .selectable_value(&mut ws.secret_encoding, enc, enc.label())
                                .changed()
                            {
                                commands.push(Command::KeyEdited);
                            }
                        }
                    })
                    .response
                    .labelled_by(label.id);
                if ui.button("Open secret file…").clicked() {
                    commands.push(Command::OpenKey(KeySlot::Secret));
                }
            });
            note(ui, key_state.verify_note.as_ref());
        }
        Some(_) => {
            for (slot, title, hint) in [
                (
                    KeySlot::Public,
                    "Public key (verifies)",
                    "-----BEGIN PUBLIC KEY-----, a certificate, a JWK or a JWKS",
                ),
                (
                    KeySlot::Private,
                    "Private key (signs)",
                    "-----BEGIN PRIVATE KEY----- or a private JWK",
                ),
            ] {
                let label = ui
                    .horizontal(|ui| {
                        let label = ui.label(RichText::new(title).strong());
                        if ui.small_button("Open key file…").clicked() {
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
                    .id_salt(("key_scroll", title))
                    .max_height(110.0)
                    .show(ui, |ui| {
                        ui.add(
                            TextEdit::multiline(text)
                                .id_salt(title)
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
                note(
                    ui,
                    if slot == KeySlot::Public {
                        key_state.verify_note.as_ref()
                    } else {
                        key_state.sign_note.as_ref()
                    },
                );
            }
            ui.label(
                RichText::new("Drop a key file on the window to load it.")
                    .small()
                    .weak(),
            );
        }
    }
    ui.checkbox(&mut ws.remember_key, "Remember key on this computer")
        .on_hover_text("Off (default): keys stay in memory only. On: they are saved in plain text with the workspace.");
}
