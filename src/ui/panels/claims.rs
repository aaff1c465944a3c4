//! A claims summary: name, value, and for times UTC, local time and a relative phrase.

use egui::RichText;

use crate::core::Claim;
use crate::ui::workbench::Workbench;

fn local_time(unix: i64) -> String {
    jiff::Timestamp::from_second(unix)
        .map(|t| {
            t.to_zoned(jiff::tz::TimeZone::system())
                .strftime("%Y-%m-%d %H:%M:%S %Z")
                .to_string()
        })
        .unwrap_or_default()
}

fn value_text(claim: &Claim) -> String {
    let text = match &claim.value {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    if text.chars().count() > 80 {
        format!("{}…", text.chars().take(80).collect::<String>())
    } else {
        text
    }
}

pub fn ui(ui: &mut egui::Ui, wb: &Workbench) {
    let claims = &wb.analysis.claims;
    if claims.is_empty() {
        return;
    }
    ui.label(RichText::new("Claims").strong());
    egui::Grid::new("claims_grid")
        .num_columns(3)
        .striped(true)
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            for claim in claims {
                let name = ui.label(RichText::new(&claim.name).monospace().strong());
                if let Some(title) = &claim.title {
                    name.on_hover_text(format!(
                        "{title} — {} ({})",
                        claim.description.as_deref().unwrap_or(""),
                        claim.spec.as_deref().unwrap_or("")
                    ));
                }
                ui.label(RichText::new(value_text(claim)).monospace());
                match &claim.time {
                    Some(t) => ui.label(format!(
                        "{} UTC · {} · {}",
                        t.utc.trim_end_matches('Z').replace('T', " "),
                        local_time(t.unix),
                        t.relative
                    )),
                    None => ui.label(
                        RichText::new(claim.title.as_deref().unwrap_or("custom claim")).weak(),
                    ),
                };
                ui.end_row();
            }
        });
}
