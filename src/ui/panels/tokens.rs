//! The tokens found in a pasted text, a log or a HAR file: one row per distinct token with its
//! algorithm, issuer, subject, times, signature and where it was seen; sortable by time, status
//! and issuer; clicking a row opens it in the workbench. A row is a view of a live analysis: its
//! signature follows the key in the fields (analysed again on a job when the key changes), its
//! time words the clock, and every word is in the app's language.

use egui::{RichText, TextWrapMode};

use super::Command;
use crate::core::jwe::JweStatus;
use crate::core::{SignatureStatus, ValidityState};
use crate::tr;
use crate::ui::model::{FoundList, RowFacts, RowStatus};
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

/// The signature (or decryption) status in words.
pub fn status_words(status: RowStatus) -> String {
    tr!(match status {
        RowStatus::Signature(SignatureStatus::Verified) => "badge-verified",
        RowStatus::Signature(SignatureStatus::Invalid) => "badge-invalid",
        RowStatus::Signature(SignatureStatus::Unsigned) => "badge-unsigned",
        RowStatus::Signature(SignatureStatus::NoKey) => "badge-no-key",
        RowStatus::Signature(SignatureStatus::UnsupportedAlg) => "badge-unsupported",
        RowStatus::Signature(SignatureStatus::KeyMismatch) => "badge-key-mismatch",
        RowStatus::Jwe(JweStatus::Decrypted) => "badge-decrypted",
        RowStatus::Jwe(JweStatus::NoKey) => "badge-jwe-no-key",
        RowStatus::Jwe(JweStatus::WrongKey) => "badge-wrong-key",
        RowStatus::Jwe(JweStatus::Invalid) => "badge-jwe-invalid",
        RowStatus::Jwe(JweStatus::UnsupportedAlg) => "badge-jwe-unsupported",
        RowStatus::Malformed => "badge-malformed",
    })
}

/// The row's time window at `now`, in words, with its state.
pub fn time_words(facts: &RowFacts, now: i64) -> (ValidityState, String) {
    let mut claims = serde_json::Map::new();
    for (name, value) in [("exp", facts.exp), ("nbf", facts.nbf), ("iat", facts.iat)] {
        if let Some(v) = value {
            claims.insert(name.into(), v.into());
        }
    }
    if facts.exp_unusable {
        return (ValidityState::ExpUnusable, tr!("tokens-exp-unusable"));
    }
    let v = crate::core::validity::evaluate(Some(&claims), now, 0);
    let when = |at: i64| crate::core::time::relative(at, now).to_string();
    let words = match (v.state, facts.exp, facts.nbf) {
        (ValidityState::Valid, Some(exp), _) => tr!("tokens-expires", when = when(exp)),
        (ValidityState::Expired, Some(exp), _) => tr!("tokens-expired", when = when(exp)),
        (ValidityState::NotYetValid, _, Some(nbf)) => tr!("tokens-not-yet", when = when(nbf)),
        (ValidityState::NoExp, ..) => tr!("tokens-no-exp"),
        _ => v.summary.to_string(),
    };
    (v.state, words)
}

pub fn ui(
    ui: &mut egui::Ui,
    found: &FoundList,
    current: &str,
    now: i64,
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
            let order = sorted(found, state, now);
            table_ui(ui, found, &order, current, now, commands);
        });
}

/// The rows in the chosen order.
fn sorted(found: &FoundList, state: &TokensState, now: i64) -> Vec<usize> {
    let rows = &found.rows;
    let mut order: Vec<usize> = (0..rows.len()).collect();
    match state.sort {
        SortBy::Found => {}
        SortBy::Time => order.sort_by_key(|&i| {
            rows[i]
                .facts
                .as_ref()
                .and_then(|f| f.exp)
                .unwrap_or(i64::MAX)
        }),
        SortBy::Status => order.sort_by_key(|&i| {
            rows[i].facts.as_ref().map(|f| {
                (
                    f.status.is_ok(),
                    time_words(f, now).0 == ValidityState::Valid,
                )
            })
        }),
        SortBy::Issuer => order.sort_by(|&a, &b| {
            let iss = |i: usize| rows[i].facts.as_ref().map(|f| f.iss.clone());
            iss(a).cmp(&iss(b))
        }),
    }
    if state.descending {
        order.reverse();
    }
    order
}

/// The columns: their share of the width (the table fits the column it is in; a cut cell shows
/// its whole text on hover).
const SHARES: [f32; 7] = [0.06, 0.09, 0.22, 0.14, 0.18, 0.13, 0.18];

fn table_ui(
    ui: &mut egui::Ui,
    found: &FoundList,
    order: &[usize],
    current: &str,
    now: i64,
    commands: &mut Vec<Command>,
) {
    let width = ui.available_width().max(360.0);
    let widths: Vec<f32> = SHARES.iter().map(|s| (s * width - 4.0).max(24.0)).collect();
    let cell = |ui: &mut egui::Ui, width: f32, text: RichText| {
        ui.allocate_ui_with_layout(
            egui::vec2(width, 18.0),
            egui::Layout::left_to_right(egui::Align::Center),
            |ui| {
                ui.set_width(width);
                ui.add(egui::Label::new(text).truncate().selectable(false));
            },
        );
    };
    ui.style_mut().wrap_mode = Some(TextWrapMode::Truncate);
    ui.horizontal(|ui| {
        for (head, width) in [
            String::from("#"),
            tr!("tokens-col-alg"),
            tr!("tokens-col-iss"),
            tr!("tokens-col-sub"),
            tr!("tokens-col-times"),
            tr!("tokens-col-signature"),
            tr!("tokens-col-seen"),
        ]
        .into_iter()
        .zip(widths.iter().copied())
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
                let row = &found.rows[i];
                let open = row.token == current;
                let response = ui
                    .horizontal(|ui| {
                        let number = if open {
                            format!("▶ {}", i + 1)
                        } else {
                            format!("{}", i + 1)
                        };
                        cell(ui, widths[0], RichText::new(number));
                        match &row.facts {
                            Some(f) => {
                                let text = |t: &str| {
                                    RichText::new(crate::core::text::escape_line(t).into_owned())
                                };
                                cell(ui, widths[1], text(&f.alg));
                                cell(ui, widths[2], text(&f.iss));
                                cell(ui, widths[3], text(&f.sub));
                                let (validity, words) = time_words(f, now);
                                let tone = match validity {
                                    ValidityState::Valid => theme::GOOD,
                                    ValidityState::NoExp => theme::WARN,
                                    _ => theme::BAD,
                                };
                                cell(ui, widths[4], RichText::new(words).color(tone));
                                let status_tone = if f.status.is_ok() {
                                    theme::GOOD
                                } else {
                                    theme::NEUTRAL
                                };
                                cell(
                                    ui,
                                    widths[5],
                                    RichText::new(status_words(f.status)).color(status_tone),
                                );
                            }
                            None => {
                                for w in &widths[1..6] {
                                    cell(ui, *w, RichText::new("…").weak());
                                }
                            }
                        }
                        let seen = match row.places.as_slice() {
                            [one] => one.to_string(),
                            [first, rest @ ..] => format!("{first} (+{})", rest.len()),
                            [] => String::new(),
                        };
                        cell(
                            ui,
                            widths[6],
                            RichText::new(crate::core::text::escape_line(&seen).into_owned()),
                        );
                    })
                    .response;
                // The whole row opens its token.
                let response = ui
                    .interact(
                        response.rect,
                        ui.make_persistent_id(("found_row", i)),
                        egui::Sense::click(),
                    )
                    .on_hover_text(tr!("tokens-open-tip"));
                if open {
                    ui.painter().rect_stroke(
                        response.rect,
                        2.0,
                        ui.visuals().selection.stroke,
                        egui::StrokeKind::Inside,
                    );
                } else if response.hovered() {
                    ui.painter().rect_stroke(
                        response.rect,
                        2.0,
                        ui.visuals().widgets.hovered.bg_stroke,
                        egui::StrokeKind::Inside,
                    );
                }
                if response.clicked() {
                    commands.push(Command::OpenFound(i));
                }
            }
        });
}
