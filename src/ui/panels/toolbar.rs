//! The top bar: files, copying, example, theme, the last message, and the typed-path prompt
//! that stands in for a file dialog where none can appear.

use egui::RichText;

use super::Command;
use crate::ui::app::{COPY_TOKEN, OPEN, PathPrompt, SAVE};
use crate::ui::files::Purpose;
use crate::ui::model::CopyWhat;
use crate::ui::view::{Line, Tone};

/// A short message with how it should look.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub text: String,
    pub error: bool,
}

/// "Open a file holding a token (Ctrl+O)", with the shortcut as this platform writes it.
fn with_shortcut(ui: &egui::Ui, text: &str, shortcut: &egui::KeyboardShortcut) -> String {
    format!("{text} ({})", ui.ctx().format_shortcut(shortcut))
}

pub fn ui(
    ui: &mut egui::Ui,
    dark_mode: Option<bool>,
    notice: Option<&Notice>,
    commands: &mut Vec<Command>,
) {
    ui.horizontal_wrapped(|ui| {
        ui.heading("JWT Debugger");
        ui.separator();
        let tip = with_shortcut(ui, "Open a file holding a token", &OPEN);
        if ui.button("📂 Open token…").on_hover_text(tip).clicked() {
            commands.push(Command::OpenToken);
        }
        let tip = with_shortcut(ui, "Save the token to a file", &SAVE);
        if ui.button("💾 Save token…").on_hover_text(tip).clicked() {
            commands.push(Command::SaveToken);
        }
        ui.separator();
        let tip = with_shortcut(ui, "Copy the encoded token", &COPY_TOKEN);
        if ui.button("📋 Copy token").on_hover_text(tip).clicked() {
            commands.push(Command::Copy(CopyWhat::Token));
        }
        ui.menu_button("More copies ⏷", |ui| {
            for what in CopyWhat::ALL.into_iter().skip(1) {
                if ui.button(what.label()).clicked() {
                    commands.push(Command::Copy(what));
                    ui.close();
                }
            }
        });
        ui.separator();
        if ui
            .button("Example")
            .on_hover_text("Start again from a signed HS256 example")
            .clicked()
        {
            commands.push(Command::LoadExample);
        }
        let dark = ui.visuals().dark_mode;
        let (icon, tip) = if dark {
            ("☀", "Switch to the light theme")
        } else {
            ("🌙", "Switch to the dark theme")
        };
        if ui.button(icon).on_hover_text(tip).clicked() {
            commands.push(Command::SetDarkMode(Some(!dark)));
        }
        if dark_mode.is_some() && ui.small_button("Follow system theme").clicked() {
            commands.push(Command::SetDarkMode(None));
        }
        ui.menu_button("⚙ Data ⏷", |ui| {
            if ui
                .button("Forget everything")
                .on_hover_text("Clears the settings, the token and editors, the keys in memory and the keys remembered in the system's credential store")
                .clicked()
            {
                commands.push(Command::ForgetEverything);
                ui.close();
            }
        });
    });
    // The last message, always one line (cut with "…"), so the panels below never move.
    let line = match notice {
        Some(n) => Line {
            text: n.text.clone(),
            tone: if n.error { Tone::Bad } else { Tone::Good },
        },
        None => Line {
            text: "Offline: nothing you paste or type here leaves this computer.".into(),
            tone: Tone::Neutral,
        },
    };
    super::status::line_ui(ui, &line);
}

/// The path field shown under the toolbar when no file dialog could appear. It takes the
/// keyboard focus when it opens, and stays open with the error until a path works.
pub fn path_prompt_ui(ui: &mut egui::Ui, prompt: &mut PathPrompt, commands: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        let what = match prompt.purpose {
            Purpose::SaveToken => "Save token to",
            Purpose::OpenToken => "Open token from",
            Purpose::OpenDictionary => "Open claim dictionary from",
            Purpose::OpenWordlist => "Open wordlist from",
            Purpose::SaveKey(_) => "Save key to",
            Purpose::OpenKey(_) => "Open key from",
        };
        let label = ui.label(what);
        let response = ui
            .add(
                egui::TextEdit::singleline(&mut prompt.path)
                    .id_salt("path_prompt")
                    .hint_text("/path/to/file")
                    .desired_width((ui.available_width() - 140.0).clamp(120.0, 360.0)),
            )
            .labelled_by(label.id);
        if std::mem::take(&mut prompt.focus) {
            response.request_focus();
        }
        let enter = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if ui.button("OK").clicked() || enter {
            commands.push(Command::OpenPath);
        }
        if ui.button("Cancel").clicked() {
            commands.push(Command::ClosePathPrompt);
        }
    });
    if let Some(e) = &prompt.error {
        ui.label(RichText::new(format!("✖ {e}")).color(crate::ui::theme::BAD));
    }
}
