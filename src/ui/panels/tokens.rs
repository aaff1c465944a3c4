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
            // Fixed column widths: the header and the rows line up, and only the rows in view
            // are laid out (a file may hold thousands of tokens).
            const WIDTHS: [f32; 7] = [40.0, 56.0, 140.0, 80.0, 120.0, 80.0, 130.0];
            let cell = |ui: &mut egui::Ui, width: f32, text: RichText| {
                ui.allocate_ui_with_layout(
                    egui::vec2(width, 18.0),
                    egui::Layout::left_to_right(egui::Align::Center),
                    |ui| {
                        ui.set_width(width);
                        ui.add(egui::Label::new(text).truncate());
                    },
                );
            };
            ui.style_mut().wrap_mode = Some(TextWrapMode::Truncate);
            egui::ScrollArea::horizontal()
                .id_salt("tokens_found_hscroll")
                .show(ui, |ui| {
                    ui.vertical(|ui| {
                        ui.horizontal(|ui| {
                            for (head, width) in [
                                String::new(),
                                "alg".into(),
                                "iss".into(),
                                "sub".into(),
                                tr!("tokens-col-times"),
                                tr!("tokens-col-signature"),
                                tr!("tokens-col-seen"),
                            ]
                            .into_iter()
                            .zip(WIDTHS)
                            {
                                cell(ui, width, RichText::new(head).strong());
                            }
                        });
                        let row_height = ui.spacing().interact_size.y;
                        egui::ScrollArea::vertical()
                            .id_salt("tokens_found_scroll")
                            .max_height(260.0)
                            .show_rows(ui, row_height, order.len(), |ui, range| {
                                for &i in &order[range] {
                                    let row = &rows[i];
                                    ui.horizontal(|ui| {
                                        let open = row.token == current;
                                        let label = if open {
                                            format!("▶ {}", i + 1)
                                        } else {
                                            format!("{}", i + 1)
                                        };
                                        if ui
                                            .add_sized(
                                                [WIDTHS[0], 18.0],
                                                egui::Button::selectable(open, label),
                                            )
                                            .on_hover_text(tr!("tokens-open-tip"))
                                            .clicked()
                                        {
                                            commands.push(Command::OpenFound(i));
                                        }
                                        cell(ui, WIDTHS[1], RichText::new(short(&row.alg, 14)));
                                        cell(ui, WIDTHS[2], RichText::new(short(&row.iss, 60)));
                                        cell(ui, WIDTHS[3], RichText::new(short(&row.sub, 40)));
                                        let tone = match row.validity {
                                            crate::core::ValidityState::Valid => theme::GOOD,
                                            crate::core::ValidityState::NoExp => theme::WARN,
                                            _ => theme::BAD,
                                        };
                                        cell(
                                            ui,
                                            WIDTHS[4],
                                            RichText::new(short(&row.validity_text, 40))
                                                .color(tone),
                                        );
                                        cell(
                                            ui,
                                            WIDTHS[5],
                                            RichText::new(&row.status).color(if row.status_ok {
                                                theme::GOOD
                                            } else {
                                                theme::NEUTRAL
                                            }),
                                        );
                                        let seen = match row.places.as_slice() {
                                            [one] => one.to_string(),
                                            [first, rest @ ..] => {
                                                format!("{first} (+{})", rest.len())
                                            }
                                            [] => String::new(),
                                        };
                                        cell(ui, WIDTHS[6], RichText::new(short(&seen, 60)));
                                    });
                                }
                            });
                    });
                });
        });
}
