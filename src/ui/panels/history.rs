//! The history of tokens looked at: the last 50, newest first, searchable by sub, iss and kid;
//! clearable, and off when the user says so.

use crate::tr;
use egui::{RichText, TextEdit};

use super::Command;
use crate::ui::model::HistoryEntry;

/// Kept across frames: the search text.
#[derive(Debug, Default)]
pub struct HistoryState {
    pub filter: String,
}

fn matches(entry: &HistoryEntry, filter: &str) -> bool {
    let f = filter.trim().to_lowercase();
    f.is_empty()
        || [&entry.sub, &entry.iss, &entry.kid, &entry.alg]
            .iter()
            .any(|field| field.to_lowercase().contains(&f))
}

pub fn ui(
    ui: &mut egui::Ui,
    history: &[HistoryEntry],
    off: bool,
    zone: &jiff::tz::TimeZone,
    state: &mut HistoryState,
    commands: &mut Vec<Command>,
) {
    egui::CollapsingHeader::new(
        RichText::new(tr!("history-title", count = history.len())).strong(),
    )
    .id_salt("history_section")
    .default_open(false)
    .show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            let mut keep = !off;
            if ui.checkbox(&mut keep, tr!("history-keep")).changed() {
                commands.push(Command::SetHistoryOff(!keep));
            }
            if ui
                .add_enabled(!history.is_empty(), egui::Button::new(tr!("history-clear")))
                .clicked()
            {
                commands.push(Command::ClearHistory);
            }
        });
        let label = ui.label(tr!("history-search"));
        ui.add(
            TextEdit::singleline(&mut state.filter)
                .id_salt("history_search_field")
                .hint_text(tr!("history-search-hint"))
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
        egui::Grid::new("history_grid")
            .striped(true)
            .num_columns(4)
            .show(ui, |ui| {
                for (i, entry) in history.iter().enumerate() {
                    if !matches(entry, &state.filter) {
                        continue;
                    }
                    if ui.small_button(tr!("history-open")).clicked() {
                        commands.push(Command::OpenHistory(i));
                    }
                    ui.label(&entry.alg);
                    let who = match (entry.sub.is_empty(), entry.iss.is_empty()) {
                        (false, false) => format!("{} · {}", entry.sub, entry.iss),
                        (false, true) => entry.sub.clone(),
                        (true, false) => entry.iss.clone(),
                        (true, true) => entry.kid.clone(),
                    };
                    ui.label(crate::core::text::escape_line(&who).into_owned());
                    let when = jiff::Timestamp::from_second(entry.seen)
                        .map(|t| {
                            t.to_zoned(zone.clone())
                                .strftime("%Y-%m-%d %H:%M")
                                .to_string()
                        })
                        .unwrap_or_default();
                    ui.label(RichText::new(when).weak());
                    ui.end_row();
                }
            });
    });
}
