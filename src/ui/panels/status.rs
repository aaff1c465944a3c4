//! The status strip above the editors: the signature and validity badges, one line saying why,
//! and one line counting the findings. Its height never depends on the analysis, so the editors
//! below do not move while the user types.

use crate::tr;
use egui::{RichText, TextWrapMode};

use crate::ui::theme;
use crate::ui::view::{Line, ViewModel};
use crate::ui::widgets::badge::badge;

/// One line of text, cut with "…" when too long (the whole text shows on hover).
pub fn line_ui(ui: &mut egui::Ui, line: &Line) {
    let text = if line.text.is_empty() {
        " ".into()
    } else {
        crate::core::text::escape_line(&line.text)
    };
    ui.add(
        egui::Label::new(RichText::new(text.as_ref()).color(theme::tone_color(line.tone)))
            .truncate(),
    );
}

pub fn ui(ui: &mut egui::Ui, view: &ViewModel) {
    ui.scope(|ui| {
        ui.style_mut().wrap_mode = Some(TextWrapMode::Truncate);
        ui.horizontal(|ui| {
            let s = &view.signature;
            badge(ui, s.icon, &s.text, theme::tone_color(s.tone));
            match &view.validity {
                Some(v) => {
                    badge(ui, v.icon, &v.text, theme::tone_color(v.tone));
                }
                // Same height with or without the second badge.
                None => {
                    badge(ui, "•", &tr!("badge-no-times"), theme::NEUTRAL);
                }
            }
        });
        line_ui(ui, &view.reason);
        line_ui(ui, &view.kind_line);
        line_ui(ui, &view.findings);
    });
}
