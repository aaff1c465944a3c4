//! Key tools under the key pane: generate, inspect, export, fetch from the issuer.

use crate::tr;
use egui::RichText;

use super::{Command, ExportWhat};
use crate::core::{Alg, alg::Family};
use crate::ui::model::Model;
use crate::ui::theme;

/// What the key tools keep between frames.
#[derive(Debug)]
pub struct KeyToolsState {
    pub rsa_bits: usize,
    pub jwks_url: String,
}

impl Default for KeyToolsState {
    fn default() -> Self {
        Self {
            rsa_bits: 2048,
            jwks_url: String::new(),
        }
    }
}

/// The generate button and RSA size, drawn next to the algorithm picker.
pub fn generate_ui(
    ui: &mut egui::Ui,
    alg: Option<Alg>,
    state: &mut KeyToolsState,
    busy: Option<&str>,
    commands: &mut Vec<Command>,
) {
    let family = alg.map(Alg::family);
    if let Some(busy) = busy {
        ui.spinner();
        ui.label(busy);
        return;
    }
    let can_generate = alg.is_some_and(|a| a != Alg::None);
    if family == Some(Family::Rsa) {
        let label = ui.label(tr!("rsa-size"));
        egui::ComboBox::from_id_salt("rsa_bits")
            .selected_text(tr!("rsa-bits", bits = state.rsa_bits))
            .show_ui(ui, |ui| {
                for bits in [2048, 3072, 4096] {
                    ui.selectable_value(&mut state.rsa_bits, bits, tr!("rsa-bits", bits = bits));
                }
            })
            .response
            .labelled_by(label.id);
    }
    let text = match family {
        Some(Family::Hmac) => tr!("generate-secret"),
        _ => tr!("generate-key-pair"),
    };
    if ui
        .add_enabled(can_generate, egui::Button::new(text))
        .on_hover_text(tr!("generate-tip"))
        .clicked()
    {
        commands.push(Command::GenerateKey(state.rsa_bits));
    }
}

/// Details, export and fetching, under the key pane.
pub fn ui(
    ui: &mut egui::Ui,
    model: &Model,
    busy: Option<&str>,
    state: &mut KeyToolsState,
    commands: &mut Vec<Command>,
) {
    let family = model.alg().map(Alg::family);
    if let Some(key) = &model.key_state.summary {
        egui::CollapsingHeader::new(RichText::new(tr!("key-details")).strong())
            .id_salt("key_details")
            .default_open(false)
            .show(ui, |ui| {
                ui.label(&key.description);
                ui.horizontal_wrapped(|ui| {
                    ui.label(
                        RichText::new(tr!("thumbprint", thumbprint = &key.thumbprint))
                            .monospace()
                            .small(),
                    );
                    if !key.is_secret && ui.small_button(tr!("thumbprint-as-kid")).clicked() {
                        commands.push(Command::UseThumbprintAsKid);
                    }
                });
                if let Some(cert) = &key.certificate {
                    ui.label(RichText::new(tr!("cert-subject", subject = &cert.subject)).small());
                    ui.label(RichText::new(tr!("cert-issuer", issuer = &cert.issuer)).small());
                    let now = model.now();
                    let valid = (cert.not_before_unix..=cert.not_after_unix).contains(&now);
                    let color = if valid { theme::GOOD } else { theme::BAD };
                    ui.label(
                        RichText::new(tr!(
                            if valid {
                                "cert-valid"
                            } else {
                                "cert-not-valid-now"
                            },
                            from = crate::core::time::rfc3339(cert.not_before_unix),
                            to = crate::core::time::rfc3339(cert.not_after_unix)
                        ))
                        .small()
                        .color(color),
                    );
                    ui.label(
                        RichText::new(format!("x5t#S256: {}", cert.x5t_s256))
                            .small()
                            .monospace(),
                    );
                }
                ui.horizontal_wrapped(|ui| {
                    ui.label(tr!("copy-label"));
                    for what in ExportWhat::ALL {
                        let available = if key.is_secret {
                            what == ExportWhat::PrivateJwk
                        } else {
                            !what.is_private() || key.is_private
                        };
                        if available && ui.small_button(what.label()).clicked() {
                            commands.push(Command::Export(what));
                        }
                    }
                });
            });
    }

    if matches!(family, Some(Family::Rsa | Family::Ec(_) | Family::Ed25519)) {
        egui::CollapsingHeader::new(RichText::new(tr!("fetch-keys")).strong())
            .id_salt("fetch_keys")
            .default_open(false)
            .show(ui, |ui| {
                ui.label(RichText::new(tr!("fetch-keys-help")).small());
                let iss = model
                    .analysis
                    .decoded
                    .claims()
                    .and_then(|c| c.get("iss"))
                    .and_then(|v| v.as_str())
                    .map(str::to_owned);
                ui.horizontal(|ui| {
                    let enabled = iss.is_some() && busy.is_none();
                    let label = match &iss {
                        Some(i) => tr!("discover-keys-of", issuer = i),
                        None => tr!("discover-no-iss"),
                    };
                    if ui.add_enabled(enabled, egui::Button::new(label)).clicked() {
                        commands.push(Command::FetchKeys(None));
                    }
                });
                ui.horizontal(|ui| {
                    let label = ui.label(tr!("jwks-url"));
                    ui.add(
                        egui::TextEdit::singleline(&mut state.jwks_url)
                            .id_salt("jwks_url_field")
                            .hint_text("https://login.example.com/.well-known/jwks.json")
                            .desired_width((ui.available_width() - 70.0).clamp(100.0, 320.0)),
                    )
                    .labelled_by(label.id);
                    if ui
                        .add_enabled(
                            !state.jwks_url.trim().is_empty() && busy.is_none(),
                            egui::Button::new(tr!("fetch")),
                        )
                        .clicked()
                    {
                        commands.push(Command::FetchKeys(Some(state.jwks_url.trim().to_owned())));
                    }
                });
            });
    }
}
