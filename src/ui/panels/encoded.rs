//! The encoded token, coloured by part. Typing or pasting here decodes at once.

use egui::{RichText, TextEdit};

use super::Command;
use crate::ui::widgets::highlight;
use crate::ui::workbench::Workbench;

pub fn ui(ui: &mut egui::Ui, wb: &mut Workbench, commands: &mut Vec<Command>) {
    let Workbench {
        ws,
        analysis,
        stale,
        ..
    } = wb;
    let label = ui.label(RichText::new("Encoded token").strong());
    ui.label(
        RichText::new("Paste a token, or text containing one (a Bearer header, a URL, a cookie).")
            .weak()
            .small(),
    );
    let decoded = &analysis.decoded;
    let analysed_len = ws.token.len();
    let dark = ui.visuals().dark_mode;
    let plain = ui.visuals().text_color();
    let mut layouter = |ui: &egui::Ui, text: &dyn egui::TextBuffer, wrap_width: f32| {
        let font = egui::TextStyle::Monospace.resolve(ui.style());
        let mut job = highlight::token_job(text.as_str(), decoded, analysed_len, font, dark, plain);
        job.wrap.max_width = wrap_width;
        // Tokens have no spaces: break anywhere.
        job.wrap.break_anywhere = true;
        ui.fonts_mut(|f| f.layout_job(job))
    };
    egui::ScrollArea::vertical()
        .id_salt("token_scroll")
        .show(ui, |ui| {
            let response = ui.add(
                TextEdit::multiline(&mut ws.token)
                    .id_salt("token_editor")
                    .code_editor()
                    .desired_width(f32::INFINITY)
                    .desired_rows(12)
                    .hint_text("eyJhbGciOi…")
                    .layouter(&mut layouter),
            );
            let response = response.labelled_by(label.id);
            if response.changed() {
                commands.push(Command::TokenEdited);
            }
        });
    if *stale {
        ui.label(RichText::new("⚠ Stale: the token does not reflect the header/payload edits (see the errors there).").color(crate::ui::theme::WARN));
    }
    for e in &analysis.decoded.errors {
        ui.label(RichText::new(format!("✖ {e}")).color(crate::ui::theme::BAD));
    }
    if !analysis.decoded.stripped.is_empty() {
        ui.label(
            RichText::new(format!(
                "Removed around the token: {}",
                analysis.decoded.stripped.join(", ")
            ))
            .weak()
            .small(),
        );
    }
}
