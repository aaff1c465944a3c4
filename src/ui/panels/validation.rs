//! Validation settings: leeway, the instant to evaluate at, expectations, the claim dictionary,
//! and every check with its outcome.

use crate::tr;
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
    egui::CollapsingHeader::new(RichText::new(tr!("validation")).strong())
        .id_salt("validation_section")
        .default_open(false)
        .show(ui, |ui| {
            let mut changed = false;
            ui.horizontal(|ui| {
                let l = ui.label(tr!("leeway"));
                changed |= ui
                    .add(egui::DragValue::new(&mut ws.leeway_secs).range(0..=86_400))
                    .labelled_by(l.id)
                    .changed();
            });
            ui.horizontal(|ui| {
                let mut live = ws.evaluate_at.is_none();
                if ui.checkbox(&mut live, tr!("evaluate-live")).changed() {
                    commands.push(Command::SetEvaluateLive(live));
                }
            });
            if let Some(at) = &mut ws.evaluate_at {
                changed |= field(ui, &tr!("evaluate-at"), &tr!("evaluate-at-hint"), at);
            }
            changed |= ui.checkbox(&mut ws.any_kid, tr!("any-kid")).changed();
            changed |= ui.checkbox(&mut ws.strict, tr!("strict")).changed();
            changed |= field(
                ui,
                &tr!("expected-issuer"),
                "https://login.example.com/",
                &mut ws.expect_issuer,
            );
            changed |= field(
                ui,
                &tr!("accepted-audiences"),
                "api1, api2",
                &mut ws.expect_audiences,
            );
            changed |= field(
                ui,
                &tr!("required-claims"),
                "exp, sub",
                &mut ws.expect_required,
            );
            changed |= field(
                ui,
                &tr!("maximum-lifetime"),
                "1h, 15m, 900",
                &mut ws.expect_max_lifetime,
            );
            if changed {
                commands.push(Command::SettingsEdited);
            }
            ui.horizontal(|ui| {
                if ui
                    .button(tr!("load-dictionary"))
                    .on_hover_text(tr!("load-dictionary-tip"))
                    .clicked()
                {
                    commands.push(Command::LoadDictionary);
                }
                if ws.user_dictionary.is_some() {
                    ui.label(
                        RichText::new(tr!("dictionary-loaded"))
                            .small()
                            .color(theme::GOOD),
                    );
                    if ui.small_button(tr!("remove")).clicked() {
                        commands.push(Command::ClearDictionary);
                    }
                }
            });
            if let Some(e) = settings_error {
                ui.label(RichText::new(format!("✖ {e}")).color(theme::BAD));
            }
            for c in checks {
                let (icon, color) = if c.passed {
                    ("✔", theme::GOOD)
                } else {
                    ("✖", theme::BAD)
                };
                ui.label(
                    RichText::new(format!("{icon} {}: {}", c.claim, c.message))
                        .small()
                        .color(color),
                );
            }
        });
}
