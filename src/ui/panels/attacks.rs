//! "Attacks (authorised testing)": the known JWT attacks made from the token on screen, for a
//! service the tester is allowed to test. One tick first; then the claims to change, the URLs the
//! tester controls for jku and x5u; the tokens listed with copy and "Open in a new tab", and all of
//! them copied as JSON Lines or as plain lines (for Burp Intruder or ffuf). Nothing is sent.

use egui::{RichText, TextEdit};

use super::Command;
use crate::core::attack::AttackToken;
use crate::tr;
use crate::ui::shared::AttackRequest;
use crate::ui::theme;

/// What the panel holds between frames; not saved.
#[derive(Debug, Default)]
pub struct AttackState {
    pub authorised: bool,
    /// NAME=VALUE lines.
    pub set: String,
    pub jku: String,
    pub x5u: String,
    pub result: Option<Result<Vec<AttackToken>, String>>,
}

pub fn ui(ui: &mut egui::Ui, state: &mut AttackState, commands: &mut Vec<Command>) {
    egui::CollapsingHeader::new(RichText::new(tr!("attacks-title")).strong())
        .id_salt("attacks_tool")
        .default_open(false)
        .show(ui, |ui| {
            ui.label(RichText::new(tr!("attacks-help")).small().weak());
            ui.checkbox(&mut state.authorised, tr!("attacks-authorised"));
            let label = ui.label(tr!("attacks-set"));
            ui.add(
                TextEdit::multiline(&mut state.set)
                    .id_salt("attacks_set_field")
                    .code_editor()
                    .desired_rows(2)
                    .hint_text("sub=admin\nroles=[\"admin\"]")
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id);
            for (label, text, id) in [
                (tr!("attacks-jku"), &mut state.jku, "attacks_jku_field"),
                (tr!("attacks-x5u"), &mut state.x5u, "attacks_x5u_field"),
            ] {
                ui.horizontal(|ui| {
                    let label = ui.label(label);
                    ui.add(
                        TextEdit::singleline(text)
                            .id_salt(id)
                            .hint_text("https://attacker.example/…")
                            .desired_width((ui.available_width() - 8.0).clamp(100.0, 420.0)),
                    )
                    .labelled_by(label.id);
                });
            }
            let make = ui.add_enabled(state.authorised, egui::Button::new(tr!("attacks-make")));
            if !state.authorised {
                make.on_disabled_hover_text(tr!("attacks-tick-first"));
            } else if make.clicked() {
                commands.push(Command::MakeAttacks(AttackRequest {
                    set: state.set.clone(),
                    jku: state.jku.trim().to_owned(),
                    x5u: state.x5u.trim().to_owned(),
                }));
            }
            match &state.result {
                Some(Ok(tokens)) => list(ui, tokens, commands),
                Some(Err(e)) => {
                    ui.label(RichText::new(format!("✖ {e}")).color(theme::BAD));
                }
                None => {}
            }
        });
}

fn list(ui: &mut egui::Ui, tokens: &[AttackToken], commands: &mut Vec<Command>) {
    ui.label(tr!("attacks-made", count = tokens.len()));
    ui.horizontal(|ui| {
        if ui.button(tr!("attacks-copy-jsonl")).clicked() {
            commands.push(Command::CopyAttacks(true));
        }
        if ui.button(tr!("attacks-copy-lines")).clicked() {
            commands.push(Command::CopyAttacks(false));
        }
    });
    egui::ScrollArea::vertical()
        .id_salt("attacks_list")
        .max_height(320.0)
        .show(ui, |ui| {
            egui::Grid::new("attacks_grid")
                .num_columns(3)
                .striped(true)
                .show(ui, |ui| {
                    for (i, t) in tokens.iter().enumerate() {
                        ui.label(RichText::new(t.id).monospace());
                        ui.label(RichText::new(crate::core::text::escape_line(&t.variant)).small())
                            .on_hover_text(format!("{} ({})", t.title, t.reference));
                        ui.horizontal(|ui| {
                            if ui
                                .small_button(tr!("attacks-copy"))
                                .on_hover_text(tr!("attacks-copy-tip", n = i + 1))
                                .clicked()
                            {
                                commands.push(Command::CopyAttack(i));
                            }
                            if ui
                                .small_button(tr!("attacks-open"))
                                .on_hover_text(tr!("attacks-open-tip", n = i + 1))
                                .clicked()
                            {
                                commands.push(Command::OpenAttack(i));
                            }
                        });
                        ui.end_row();
                    }
                });
        });
}
