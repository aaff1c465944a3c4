//! "Guess the secret" for HS* tokens: bundled list and a wordlist, with progress and cancel.

use crate::tr;
use egui::RichText;

use super::Command;
use crate::ui::jobs::GuessStatus;
use crate::ui::theme;

pub fn ui(ui: &mut egui::Ui, view: Option<&GuessStatus>, commands: &mut Vec<Command>) {
    egui::CollapsingHeader::new(RichText::new(tr!("guess-title")).strong())
        .id_salt("guess_section")
        .default_open(false)
        .show(ui, |ui| {
            ui.label(RichText::new(tr!("guess-help")).small());
            match view {
                Some(GuessStatus::Running { tried, what }) => {
                    ui.horizontal(|ui| {
                        ui.spinner();
                        ui.label(tr!("guess-running", what = what, tried = *tried));
                        if ui.button(tr!("cancel")).clicked() {
                            commands.push(Command::GuessCancel);
                        }
                    });
                }
                _ => {
                    ui.horizontal(|ui| {
                        if ui.button(tr!("guess-try-known")).clicked() {
                            commands.push(Command::GuessStart(false));
                        }
                        if ui.button(tr!("guess-try-wordlist")).clicked() {
                            commands.push(Command::GuessStart(true));
                        }
                    });
                }
            }
            match view {
                Some(GuessStatus::Found { secret, tried }) => {
                    ui.label(
                        RichText::new(tr!("guess-found", tried = *tried, secret = secret))
                            .color(theme::BAD)
                            .strong(),
                    );
                    if ui.button(tr!("guess-use")).clicked() {
                        commands.push(Command::UseGuessedSecret);
                    }
                }
                Some(GuessStatus::NotFound { tried, what }) => {
                    ui.label(
                        RichText::new(tr!("guess-not-found", what = what, tried = *tried))
                            .color(theme::GOOD),
                    );
                }
                Some(GuessStatus::Failed(e)) => {
                    ui.label(RichText::new(format!("✖ {e}")).color(theme::BAD));
                }
                None | Some(GuessStatus::Running { .. }) => {}
            }
        });
}
