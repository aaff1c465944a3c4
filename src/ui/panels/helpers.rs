//! Test-token helpers: templates and one-click time and jti edits.

use crate::tr;
use egui::RichText;

use super::Command;
use crate::core::templates::Template;

/// What the helper row keeps between frames.
#[derive(Debug)]
pub struct HelpersState {
    pub custom_minutes: u32,
}

impl Default for HelpersState {
    fn default() -> Self {
        Self { custom_minutes: 30 }
    }
}

/// The preset lifetimes offered for exp.
pub const EXP_PRESETS: [(&str, i64); 5] = [
    ("5 min", 300),
    ("15 min", 900),
    ("1 h", 3600),
    ("1 day", 86_400),
    ("7 days", 604_800),
];

pub fn ui(ui: &mut egui::Ui, state: &mut HelpersState, commands: &mut Vec<Command>) {
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(tr!("helpers")).strong());
        ui.menu_button(tr!("new-from-template"), |ui| {
            for t in Template::ALL {
                if ui.button(t.label().to_string()).clicked() {
                    commands.push(Command::Template(t));
                    ui.close();
                }
            }
        });
        if ui.button(tr!("iat-now")).clicked() {
            commands.push(Command::SetTimeNow("iat".into()));
        }
        if ui.button(tr!("nbf-now")).clicked() {
            commands.push(Command::SetTimeNow("nbf".into()));
        }
        if ui.button(tr!("random-jti")).clicked() {
            commands.push(Command::RandomJti);
        }
        if ui
            .button(tr!("reissue"))
            .on_hover_text(tr!("reissue-tip"))
            .clicked()
        {
            commands.push(Command::Reissue);
        }
    });
    ui.horizontal_wrapped(|ui| {
        ui.label(tr!("exp-now-plus"));
        for (_, secs) in EXP_PRESETS {
            let label = crate::core::time::span_phrase(secs.unsigned_abs()).to_string();
            if ui
                .button(&label)
                .on_hover_text(tr!("exp-preset-tip", span = label))
                .clicked()
            {
                commands.push(Command::ExpIn(secs));
            }
        }
        let label = ui.label(tr!("custom-minutes"));
        ui.add(egui::DragValue::new(&mut state.custom_minutes).range(1..=525_600))
            .labelled_by(label.id);
        if ui.button(tr!("set-exp")).clicked() {
            commands.push(Command::ExpIn(i64::from(state.custom_minutes) * 60));
        }
    });
}
