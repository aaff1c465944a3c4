//! The tokens found in a pasted text, a log or a HAR file: one row per distinct token with its
//! algorithm, issuer, subject, times, signature and where it was seen; sortable by time, status
//! and issuer; choosing one opens it in the workbench.

use crate::tr;
use egui::{RichText, TextWrapMode};

use super::Command;
use crate::ui::model::FoundList;
use crate::ui::theme;

/// How the table is sorted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortBy {
    /// In the order found.
    #[default]
    Found,
    /// By expiry, soonest first.
    Time,
    /// Failing signatures and expired tokens first.
    Status,
    Issuer,
}

/// Kept across frames, not saved.
#[derive(Debug, Default)]
pub struct TokensState {
    pub sort: SortBy,
    pub descending: bool,
}

fn short(text: &str, max: usize) -> String {
    let text = crate::core::text::escape_line(text);
    if text.chars().count() <= max {
        text.into_owned()
    } else {
        let mut s: String = text.chars().take(max - 1).collect();
        s.push('…');
        s
    }
}

pub fn ui(
    ui: &mut egui::Ui,
    found: &FoundList,
    current: &str,
    state: &mut TokensState,
    commands: &mut Vec<Command>,
) {
    let title = tr!(
        "tokens-found-title",
        count = found.rows.len() + found.more,
        source = found.source.as_str()
    );
    egui::CollapsingHeader::new(RichText::new(title).strong())
        .id_salt("tokens_found")
        .default_open(true)
        .show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.label(tr!("tokens-sort"));
                for (sort, label) in [
                    (SortBy::Found, tr!("tokens-sort-found")),
                    (SortBy::Time, tr!("tokens-sort-time")),
                    (SortBy::Status, tr!("tokens-sort-status")),
                    (SortBy::Issuer, tr!("tokens-sort-issuer")),
                ] {
                    let arrow = match (state.sort == sort, state.descending) {
                        (true, false) => " ⏶",
                        (true, true) => " ⏷",
                        _ => "",
                    };
                    if ui
                        .selectable_label(state.sort == sort, format!("{label}{arrow}"))
                        .clicked()
                    {
                        if state.sort == sort {
                            state.descending = !state.descending;
                        } else {
                            state.sort = sort;
                            state.descending = false;
                        }
                    }
                }
                if ui.small_button(tr!("tokens-close")).clicked() {
                    commands.push(Command::CloseFound);
                }
            });
            if found.more > 0 {
                ui.label(RichText::new(tr!("tokens-more", more = found.more)).color(theme::WARN));
            }
            let mut order: Vec<usize> = (0..found.rows.len()).collect();
            let rows = &found.rows;
            match state.sort {
                SortBy::Found => {}
                SortBy::Time => order.sort_by_key(|&i| rows[i].exp.unwrap_or(i64::MAX)),
                SortBy::Status => order.sort_by_key(|&i| {
                    (
                        rows[i].status_ok,
                        rows[i].validity == crate::core::ValidityState::Valid,
                    )
                }),
                SortBy::Issuer => order.sort_by(|&a, &b| rows[a].iss.cmp(&rows[b].iss)),
            }
            if state.descending {
                order.reverse();
            }
            egui::ScrollArea::both()
                .id_salt("tokens_found_scroll")
                .max_height(260.0)
                .show(ui, |ui| {
                    ui.style_mut().wrap_mode = Some(TextWrapMode::Extend);
                    egui::Grid::new("tokens_found_grid")
                        .striped(true)
                        .num_columns(7)
                        .show(ui, |ui| {
                            for head in [
                                "",
                                "alg",
                                "iss",
                                "sub",
                                &tr!("tokens-col-times"),
                                &tr!("tokens-col-signature"),
                                &tr!("tokens-col-seen"),
                            ] {
                                ui.label(RichText::new(head).strong());
                            }
                            ui.end_row();
                            for &i in &order {
                                let row = &rows[i];
                                let open = row.token == current;
                                let label = if open {
                                    format!("▶ {}", i + 1)
                                } else {
                                    format!("{}", i + 1)
                                };
                                if ui
                                    .selectable_label(open, label)
                                    .on_hover_text(tr!("tokens-open-tip"))
                                    .clicked()
                                {
                                    commands.push(Command::OpenFound(i));
                                }
                                ui.label(short(&row.alg, 14));
                                ui.label(short(&row.iss, 32));
                                ui.label(short(&row.sub, 20));
                                let tone = match row.validity {
                                    crate::core::ValidityState::Valid => theme::GOOD,
                                    crate::core::ValidityState::NoExp => theme::WARN,
                                    _ => theme::BAD,
                                };
                                ui.label(RichText::new(short(&row.validity_text, 26)).color(tone));
                                ui.label(RichText::new(&row.status).color(if row.status_ok {
                                    theme::GOOD
                                } else {
                                    theme::NEUTRAL
                                }));
                                let seen = match row.places.as_slice() {
                                    [one] => one.to_string(),
                                    [first, rest @ ..] => format!("{first} (+{})", rest.len()),
                                    [] => String::new(),
                                };
                                ui.label(short(&seen, 40));
                                ui.end_row();
                            }
                        });
                });
        });
}
