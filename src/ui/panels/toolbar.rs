//! The top bar: files, copying, example, theme, and the last message.

use egui::RichText;

use super::Command;
use crate::ui::workbench::{CopyWhat, Workbench};

/// A short message with how it should look.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub text: String,
    pub error: bool,
}

pub fn ui(ui: &mut egui::Ui, wb: &Workbench, notice: Option<&Notice>, commands: &mut Vec<Command>) {
    ui.horizontal_wrapped(|ui| {
        ui.heading("JWT Debugger");
        ui.separator();
        if ui
            .button("📂 Open token…")
            .on_hover_text("Open a file holding a token (Ctrl+O)")
            .clicked()
        {
            commands.push(Command::OpenToken);
        }
        if ui
            .button("💾 Save token…")
            .on_hover_text("Save the token to a file (Ctrl+S)")
            .clicked()
        {
            commands.push(Command::SaveToken);
        }
        ui.separator();
        if ui
            .button("📋 Copy token")
            .on_hover_text("Copy the encoded token (Ctrl+Shift+C)")
            .clicked()
        {
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
        if wb.ws.dark_mode.is_some() && ui.small_button("Follow system theme").clicked() {
            commands.push(Command::SetDarkMode(None));
        }
        if let Some(n) = notice {
            ui.separator();
            let color = if n.error {
                crate::ui::theme::BAD
            } else {
                crate::ui::theme::GOOD
            };
            ui.label(RichText::new(&n.text).color(color));
        }
    });
}
