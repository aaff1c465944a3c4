//! The inner token of a nested JWT: what the decrypted layer holds, with its own signature,
//! times and findings, a key field for its signature, and a way to open it alone. Also the way
//! back to the encrypted token once it is open.

use crate::tr;
use egui::{RichText, TextEdit};

use super::Command;
use crate::ui::model::KeyInputs;
use crate::ui::theme;
use crate::ui::view::ViewModel;
use crate::ui::widgets::badge::badge;

pub fn ui(ui: &mut egui::Ui, view: &ViewModel, keys: &mut KeyInputs, commands: &mut Vec<Command>) {
    if view.back_to_outer && ui.button(tr!("back-to-outer")).clicked() {
        commands.push(Command::BackToOuter);
    }
    let Some(inner) = &view.inner else {
        return;
    };
    ui.separator();
    ui.horizontal_wrapped(|ui| {
        ui.heading(tr!("inner-token-title"));
        if ui
            .button(tr!("open-inner"))
            .on_hover_text(tr!("open-inner-tip"))
            .clicked()
        {
            commands.push(Command::OpenInner);
        }
    });
    ui.horizontal(|ui| {
        let s = &inner.signature;
        badge(ui, s.icon, &s.text, theme::tone_color(s.tone));
        let v = &inner.validity;
        badge(ui, v.icon, &v.text, theme::tone_color(v.tone));
    });
    super::status::line_ui(ui, &inner.reason);
    super::status::line_ui(ui, &inner.findings);
    ui.horizontal(|ui| {
        let label = ui.label(tr!("inner-key"));
        let response = ui
            .add(
                TextEdit::singleline(&mut keys.inner_key)
                    .id_salt("inner_key_field")
                    .password(true)
                    .desired_width((ui.available_width() - 8.0).clamp(100.0, 420.0))
                    .hint_text(tr!("inner-key-hint")),
            )
            .labelled_by(label.id);
        if response.changed() {
            commands.push(Command::KeyEdited);
        }
    });
    super::status::line_ui(ui, &view.inner_key_note);
    for (title, text, id) in [
        (tr!("header"), &inner.header, "inner_header"),
        (tr!("payload"), &inner.payload, "inner_payload"),
    ] {
        ui.label(RichText::new(title).strong());
        let mut shown = text.as_str();
        ui.add(
            TextEdit::multiline(&mut shown)
                .id_salt(id)
                .code_editor()
                .desired_rows(2)
                .desired_width(f32::INFINITY),
        );
    }
}
