//! The top bar: files, copying, example, theme, the last message, and the typed-path prompt
//! that stands in for a file dialog where none can appear.

use crate::tr;
use egui::RichText;

use super::Command;
use crate::ui::actions::Action;
use crate::ui::files::Purpose;
pub use crate::ui::shared::Notice;
use crate::ui::shared::{CopyWhat, PathPrompt};
use crate::ui::view::{Line, Tone};

pub fn ui(
    ui: &mut egui::Ui,
    dark_mode: Option<bool>,
    notice: Option<&Notice>,
    commands: &mut Vec<Command>,
) {
    ui.horizontal_wrapped(|ui| {
        ui.heading(tr!("app-title"));
        ui.separator();
        for action in [Action::OpenToken, Action::SaveToken] {
            if action.button(ui) {
                commands.push(action.command(0));
            }
        }
        ui.separator();
        if Action::CopyToken.button(ui) {
            commands.push(Action::CopyToken.command(0));
        }
        ui.menu_button(tr!("more-copies"), |ui| {
            for what in CopyWhat::ALL.into_iter().skip(1) {
                if ui.button(what.label()).clicked() {
                    commands.push(Command::Copy(what));
                    ui.close();
                }
            }
        });
        ui.separator();
        if Action::Example.button(ui) {
            commands.push(Action::Example.command(0));
        }
        let dark = ui.visuals().dark_mode;
        let (icon, tip) = if dark {
            ("☀", tr!("theme-light-tip"))
        } else {
            ("🌙", tr!("theme-dark-tip"))
        };
        if ui.button(icon).on_hover_text(tip).clicked() {
            commands.push(Command::SetDarkMode(Some(!dark)));
        }
        if dark_mode.is_some() && ui.small_button(tr!("follow-system-theme")).clicked() {
            commands.push(Command::SetDarkMode(None));
        }
        ui.menu_button(tr!("data-menu"), |ui| {
            if Action::ScanFile.button(ui) {
                commands.push(Action::ScanFile.command(0));
                ui.close();
            }
            ui.separator();
            ui.label(tr!("language"));
            for lang in crate::i18n::Lang::ALL {
                if ui
                    .radio(crate::i18n::current() == lang, lang.native_name())
                    .clicked()
                {
                    commands.push(Command::SetLanguage(lang));
                    ui.close();
                }
            }
            ui.separator();
            if Action::ForgetEverything.button(ui) {
                commands.push(Action::ForgetEverything.command(0));
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
            text: tr!("offline-note"),
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
            Purpose::SaveToken => tr!("prompt-save-token"),
            Purpose::OpenToken | Purpose::Dropped => tr!("prompt-open-token"),
            Purpose::ScanFile => tr!("prompt-scan-file"),
            Purpose::OpenDictionary => tr!("prompt-open-dictionary"),
            Purpose::OpenWordlist => tr!("prompt-open-wordlist"),
            Purpose::SaveKey(_) => tr!("prompt-save-key"),
            Purpose::OpenKey(_) => tr!("prompt-open-key"),
            Purpose::StoreKeyFile => tr!("prompt-store-key"),
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
        if ui.button(tr!("ok")).clicked() || enter {
            commands.push(Command::OpenPath);
        }
        if ui.button(tr!("cancel")).clicked() {
            commands.push(Command::ClosePathPrompt);
        }
    });
    if let Some(e) = &prompt.error {
        ui.label(RichText::new(format!("✖ {e}")).color(crate::ui::theme::BAD));
    }
}
