//! Signature status and time validity: two badges, each with words and an icon.

use egui::RichText;

use crate::core::{Alg, SignatureStatus, ValidityState};
use crate::ui::theme;
use crate::ui::widgets::badge::badge;
use crate::ui::workbench::Workbench;

/// The words on the signature badge.
pub fn signature_label(wb: &Workbench) -> (String, &'static str, egui::Color32) {
    let s = &wb.analysis.signature;
    let alg = wb.analysis.decoded.alg_name().and_then(Alg::parse);
    match s.status {
        SignatureStatus::Verified => ("Signature verified".into(), "✔", theme::GOOD),
        SignatureStatus::Invalid => ("Invalid signature".into(), "✖", theme::BAD),
        SignatureStatus::Unsigned => ("Unsigned (alg: none)".into(), "⚠", theme::BAD),
        SignatureStatus::NoKey => ("No key: signature not checked".into(), "?", theme::WARN),
        SignatureStatus::UnsupportedAlg => ("Signature cannot be checked".into(), "?", theme::WARN),
        SignatureStatus::KeyMismatch => (
            match alg {
                Some(a) => format!("Key does not fit {a}"),
                None => "Key does not fit".into(),
            },
            "✖",
            theme::BAD,
        ),
    }
}

pub fn ui(ui: &mut egui::Ui, wb: &Workbench) {
    let (label, icon, color) = signature_label(wb);
    let v = &wb.analysis.validity;
    let (vicon, vcolor) = match v.state {
        ValidityState::Valid => ("✔", theme::GOOD),
        ValidityState::Expired | ValidityState::NotYetValid => ("✖", theme::BAD),
        ValidityState::NoExp => ("⚠", theme::WARN),
    };
    ui.horizontal_wrapped(|ui| {
        badge(ui, icon, &label, color);
        badge(ui, vicon, &v.summary, vcolor);
    });
    if let Some(e) = &wb.errors.signing {
        ui.label(RichText::new(format!("⚠ {e}")).color(theme::WARN));
    }
    ui.label(RichText::new(&wb.analysis.signature.detail).small());
    if let Some(key) = &wb.analysis.signature.key {
        ui.label(RichText::new(format!("Key: {key}")).small().weak());
    }
    for check in v.checks.iter().filter(|c| !c.passed) {
        ui.label(
            RichText::new(format!("✖ {}: {}", check.claim, check.message))
                .small()
                .color(theme::BAD),
        );
    }
}
