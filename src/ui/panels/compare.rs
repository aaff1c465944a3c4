//! "Compare with…": the token on screen beside another one (pasted, or another tab's), with
//! every header and payload member that was added, removed or changed marked, time claims with
//! the change in words, and whether alg and kid agree.

use crate::tr;
use egui::{RichText, TextEdit};

use super::Command;
use crate::core::diff::Comparison;
use crate::ui::model::SavedTab;
use crate::ui::theme;

fn shown(v: &Option<serde_json::Value>) -> String {
    v.as_ref()
        .map(|v| crate::core::text::escape_line(&v.to_string()).into_owned())
        .unwrap_or_default()
}

pub fn ui(
    ui: &mut egui::Ui,
    other: &mut String,
    comparison: Option<&Result<Comparison, String>>,
    tabs: &[SavedTab],
    active: usize,
    commands: &mut Vec<Command>,
) {
    egui::CollapsingHeader::new(RichText::new(tr!("compare-title")).strong())
        .id_salt("compare_section")
        .default_open(!other.is_empty())
        .show(ui, |ui| {
            let label = ui.horizontal_wrapped(|ui| {
                let label = ui.label(tr!("compare-other"));
                if tabs.len() > 1 {
                    ui.menu_button(tr!("compare-with-tab"), |ui| {
                        for (i, tab) in tabs.iter().enumerate() {
                            if i != active
                                && ui
                                    .button(format!("⇄ {}", super::tabbar::label(tab, i)))
                                    .clicked()
                            {
                                commands.push(Command::CompareWithTab(i));
                                ui.close();
                            }
                        }
                    });
                }
                label
            });
            let response = ui
                .add(
                    TextEdit::multiline(other)
                        .id_salt("compare_field")
                        .code_editor()
                        .desired_rows(3)
                        .desired_width(f32::INFINITY)
                        .hint_text(tr!("compare-hint")),
                )
                .labelled_by(label.inner.id);
            if response.changed() {
                commands.push(Command::CompareEdited);
            }
            match comparison {
                None => {}
                Some(Err(e)) => {
                    ui.label(RichText::new(format!("✖ {e}")).color(theme::BAD));
                }
                Some(Ok(c)) => comparison_ui(ui, c),
            }
        });
}

/// Differences drawn in the panel; the rest are counted (the CLI's `diff` lists them all).
const SHOWN_DIFFERENCES: usize = 200;

/// The comparison: whether alg and kid agree, then each difference as a block, the two values
/// one above the other (long values wrap in the column's width) and the change in words.
fn comparison_ui(ui: &mut egui::Ui, c: &Comparison) {
    if c.equal {
        ui.label(RichText::new(tr!("diff-equal")).color(theme::GOOD));
    }
    let name = |v: &Option<String>| v.clone().unwrap_or_else(|| "—".into());
    let alg = if c.same_alg {
        tr!("diff-same-alg", alg = name(&c.alg[0]))
    } else {
        tr!("diff-other-alg", a = name(&c.alg[0]), b = name(&c.alg[1]))
    };
    let kid = match (c.same_kid, &c.kid[0]) {
        (true, None) => tr!("diff-no-kid"),
        (true, Some(kid)) => tr!("diff-same-kid", kid = kid.as_str()),
        (false, _) => tr!("diff-other-kid", a = name(&c.kid[0]), b = name(&c.kid[1])),
    };
    ui.label(alg);
    ui.label(kid);
    egui::ScrollArea::vertical()
        .id_salt("compare_scroll")
        .max_height(480.0)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            for d in c.differences.iter().take(SHOWN_DIFFERENCES) {
                let (mark, color) = match d.kind {
                    "added" => ("+", theme::GOOD),
                    "removed" => ("−", theme::BAD),
                    _ => ("~", theme::WARN),
                };
                let path = if d.path.is_empty() { "/" } else { &d.path };
                ui.separator();
                ui.label(
                    RichText::new(format!(
                        "{mark} {} {path}",
                        tr!(&format!("diff-part-{}", d.part))
                    ))
                    .color(color)
                    .strong(),
                );
                egui::Grid::new(("compare_values", d.part, &d.path))
                    .num_columns(2)
                    .show(ui, |ui| {
                        for (label, value) in [
                            (tr!("compare-col-this"), &d.before),
                            (tr!("compare-col-other"), &d.after),
                        ] {
                            ui.label(RichText::new(label).weak());
                            let text = match value {
                                Some(_) => shown(value),
                                None => tr!("compare-absent"),
                            };
                            ui.add(egui::Label::new(RichText::new(text).monospace()).wrap());
                            ui.end_row();
                        }
                    });
                if let Some(note) = &d.note {
                    ui.label(note.to_string());
                }
            }
            let hidden = c.differences.len().saturating_sub(SHOWN_DIFFERENCES) + c.omitted;
            if hidden > 0 {
                ui.label(RichText::new(tr!("compare-more", count = hidden)).weak());
            }
        });
}
