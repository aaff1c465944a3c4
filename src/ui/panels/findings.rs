//! Security findings in full, below the editors (the status strip above them counts them), in
//! the words the view model made when the analysis changed.

use crate::tr;
use egui::RichText;

use crate::core::Severity;
use crate::ui::theme;
use crate::ui::view::FindingView;

fn style(severity: Severity) -> (&'static str, egui::Color32) {
    match severity {
        Severity::Critical => ("⛔", theme::BAD),
        Severity::Error => ("✖", theme::BAD),
        Severity::Warn => ("⚠", theme::WARN),
        Severity::Info => ("ℹ", theme::NEUTRAL),
    }
}

pub fn ui(ui: &mut egui::Ui, findings: &[FindingView]) {
    let worst = findings.iter().map(|f| f.severity).min();
    let title = tr!("finding-details", count = findings.len());
    let color = worst.map_or(theme::GOOD, |s| style(s).1);
    // Serious findings open the section; the id changes with that, so the user's own
    // open/closed choice is kept within each state.
    let serious = worst.is_some_and(|s| s <= Severity::Warn);
    egui::CollapsingHeader::new(RichText::new(title).strong().color(color))
        .id_salt(("findings_section", serious))
        .default_open(serious)
        .show(ui, |ui| {
            if findings.is_empty() {
                ui.label(RichText::new(tr!("nothing-unsafe")).small());
            }
            for (i, f) in findings.iter().enumerate() {
                let (icon, color) = style(f.severity);
                ui.label(
                    RichText::new(format!("{icon} {}", f.title))
                        .strong()
                        .color(color),
                );
                ui.indent(("finding", i), |ui| {
                    ui.label(RichText::new(&f.message).small());
                    ui.label(RichText::new(&f.meta).small().weak());
                });
            }
        });
}
