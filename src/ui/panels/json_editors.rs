//! Header and payload JSON editors with their errors. A payload that is itself a token (the
//! content of a nested JWE) is shown as text, not coloured as JSON.

use crate::tr;
use egui::{RichText, TextEdit};

use super::Command;
use crate::ui::model::EditorErrors;
use crate::ui::widgets::highlight;

fn editor(
    ui: &mut egui::Ui,
    title: &str,
    hint: &str,
    text: &mut String,
    error: Option<&str>,
    id: &str,
    json: bool,
) -> bool {
    let label = ui.label(RichText::new(title).strong());
    let dark = ui.visuals().dark_mode;
    let plain = ui.visuals().text_color();
    let mut layouter = |ui: &egui::Ui, text: &dyn egui::TextBuffer, wrap_width: f32| {
        let font = egui::TextStyle::Monospace.resolve(ui.style());
        let mut job = if json {
            highlight::json_job(text.as_str(), font, dark, plain)
        } else {
            egui::text::LayoutJob::simple(text.as_str().to_owned(), font, plain, wrap_width)
        };
        job.wrap.max_width = wrap_width;
        ui.fonts_mut(|f| f.layout_job(job))
    };
    let response = ui
        .add(
            TextEdit::multiline(text)
                .id_salt(id)
                .code_editor()
                .desired_width(f32::INFINITY)
                .desired_rows(4)
                .hint_text(hint)
                .layouter(&mut layouter),
        )
        .labelled_by(label.id);
    if let Some(e) = error {
        ui.label(RichText::new(format!("✖ {title}: {e}")).color(crate::ui::theme::BAD));
    }
    response.changed()
}

pub fn ui(
    ui: &mut egui::Ui,
    header: &mut String,
    payload: &mut String,
    errors: &EditorErrors,
    payload_is_token: bool,
    commands: &mut Vec<Command>,
) {
    if editor(
        ui,
        &tr!("header"),
        "{\"alg\": \"HS256\", \"typ\": \"JWT\"}",
        header,
        errors.header.as_deref(),
        "header_editor",
        true,
    ) {
        commands.push(Command::PartsEdited);
    }
    ui.add_space(6.0);
    if editor(
        ui,
        &tr!("payload"),
        "{\"sub\": \"…\"}",
        payload,
        errors.payload.as_deref(),
        "payload_editor",
        !payload_is_token,
    ) {
        commands.push(Command::PartsEdited);
    }
}
