//! Validation settings: leeway, the instant to evaluate at, expectations, the claim dictionary,
//! and every check with its outcome.

use egui::RichText;

use super::Command;
use crate::core::validity::TimeCheck;
use crate::ui::model::AppState;
use crate::ui::theme;

fn field(ui: &mut egui::Ui, label: &str, hint: &str, text: &mut String) -> bool {
    ui.horizontal(|ui| {
        let l = ui.label(label);
        ui.add(
            egui::TextEdit::singleline(text)
                .id_salt(("validation_field", label))
                .hint_text(hint)
                .desired_width(ui.available_width().clamp(100.0, 300.0)),
        )
        .labelled_by(l.id)
        .changed()
    })
    .inner
}

pub fn ui(
    ui: &mut egui::Ui,
    ws: &mut AppState,
    checks: &[TimeCheck],
    settings_error: Option<&str>,
    commands: &mut Vec<Command>,
) {
    egui::CollapsingHeader::new(RichText::new("Validation").strong()).id_salt("validation_section").default_open(false).show(ui, |ui| {
        let mut changed = false;
        ui.horizontal(|ui| {
            let l = ui.label("Leeway (s)");
            changed |= ui.add(egui::DragValue::new(&mut ws.leeway_secs).range(0..=86_400)).labelled_by(l.id).changed();
        });
        ui.horizontal(|ui| {
            let mut live = ws.evaluate_at.is_none();
            if ui.checkbox(&mut live, "Evaluate at the live time").changed() {
                commands.push(Command::SetEvaluateLive(live));
            }
        });
        if let Some(at) = &mut ws.evaluate_at {
            changed |= field(ui, "Evaluate at", "2026-11-27T20:00:00Z or Unix seconds", at);
        }
        changed |= ui
            .checkbox(&mut ws.any_kid, "Try every JWKS key when the token's kid names none")
            .changed();
        changed |= ui
            .checkbox(&mut ws.strict, "Strict: refuse high-S ECDSA signatures")
            .changed();
        changed |= field(ui, "Expected issuer", "https://login.example.com/", &mut ws.expect_issuer);
        changed |= field(ui, "Accepted audiences", "api1, api2", &mut ws.expect_audiences);
        changed |= field(ui, "Required claims", "exp, sub", &mut ws.expect_required);
        changed |= field(ui, "Maximum lifetime", "1h, 15m, 900", &mut ws.expect_max_lifetime);
        if changed {
            commands.push(Command::SettingsEdited);
        }
        ui.horizontal(|ui| {
            if ui.button("Load claim dictionary…").on_hover_text("A JSON file like assets/claims.json; its entries add to and override the bundled ones").clicked() {
                commands.push(Command::LoadDictionary);
            }
            if ws.user_dictionary.is_some() {
                ui.label(RichText::new("user dictionary loaded").small().color(theme::GOOD));
                if ui.small_button("Remove").clicked() {
                    commands.push(Command::ClearDictionary);
                }
            }
        });
        if let Some(e) = settings_error {
            ui.label(RichText::new(format!("✖ {e}")).color(theme::BAD));
        }
        for c in checks {
            let (icon, color) = if c.passed { ("✔", theme::GOOD) } else { ("✖", theme::BAD) };
            ui.label(RichText::new(format!("{icon} {}: {}", c.claim, c.message)).small().color(color));
        }
    });
}
