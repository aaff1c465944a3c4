//! "Guess the secret" for HS* tokens: bundled list and a wordlist, with progress and cancel.

use egui::RichText;

use super::Command;
use crate::ui::jobs::GuessStatus;
use crate::ui::theme;

pub fn ui(ui: &mut egui::Ui, view: Option<&GuessStatus>, commands: &mut Vec<Command>) {
    egui::CollapsingHeader::new(RichText::new("Guess the secret").strong()).id_salt("guess_section").default_open(false).show(ui, |ui| {
        ui.label(RichText::new("Tries well-known secrets (framework defaults, tutorial secrets) and, if you choose one, a wordlist file. Nothing leaves this computer.").small());
        match view {
            Some(GuessStatus::Running { tried, what }) => {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label(format!("Trying {what}: {tried} candidate(s) so far"));
                    if ui.button("Cancel").clicked() {
                        commands.push(Command::GuessCancel);
                    }
                });
            }
            _ => {
                ui.horizontal(|ui| {
                    if ui.button("Try well-known secrets").clicked() {
                        commands.push(Command::GuessStart(false));
                    }
                    if ui.button("Try a wordlist…").clicked() {
                        commands.push(Command::GuessStart(true));
                    }
                });
            }
        }
        match view {
            Some(GuessStatus::Found { secret, tried }) => {
                ui.label(RichText::new(format!("⛔ Found the secret after {tried} candidates: \"{secret}\"")).color(theme::BAD).strong());
                if ui.button("Use this secret").clicked() {
                    commands.push(Command::UseGuessedSecret);
                }
            }
            Some(GuessStatus::NotFound { tried, what }) => {
                ui.label(RichText::new(format!("Not found in {what} ({tried} candidates).")).color(theme::GOOD));
            }
            Some(GuessStatus::Failed(e)) => {
                ui.label(RichText::new(format!("✖ {e}")).color(theme::BAD));
            }
            None | Some(GuessStatus::Running { .. }) => {}
        }
    });
}
