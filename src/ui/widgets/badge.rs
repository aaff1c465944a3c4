//! A status badge: icon and words on a tinted background, so status never rests on colour alone.

use egui::{Color32, CornerRadius, Frame, Margin, RichText, Stroke};

/// Draws a badge; `label` is also its accessible name.
pub fn badge(ui: &mut egui::Ui, icon: &str, label: &str, color: Color32) -> egui::Response {
    Frame::new()
        .fill(color.gamma_multiply(0.18))
        .stroke(Stroke::new(1.0, color))
        .corner_radius(CornerRadius::same(6))
        .inner_margin(Margin::symmetric(10, 5))
        .show(ui, |ui| {
            ui.label(
                RichText::new(format!("{icon} {label}"))
                    .strong()
                    .color(color),
            )
        })
        .inner
}
