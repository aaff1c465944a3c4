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
                        .desired_rows(2)
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
                Some(Ok(c)) => {
                    if c.equal {
                        ui.label(RichText::new(tr!("diff-equal")).color(theme::GOOD));
                    }
                    let name = |v: &Option<String>| v.clone().unwrap_or_else(|| "-".into());
                    let alg = if c.same_alg {
                        tr!("diff-same-alg", alg = name(&c.alg[0]))
                    } else {
                        tr!("diff-other-alg", a = name(&c.alg[0]), b = name(&c.alg[1]))
                    };
                    let kid = if c.same_kid {
                        tr!("diff-same-kid", kid = name(&c.kid[0]))
                    } else {
                        tr!("diff-other-kid", a = name(&c.kid[0]), b = name(&c.kid[1]))
                    };
                    ui.label(format!("{alg} {kid}"));
                    egui::ScrollArea::both()
                        .id_salt("compare_scroll")
                        .max_height(280.0)
                        .show(ui, |ui| {
                            egui::Grid::new("compare_grid")
                                .striped(true)
                                .num_columns(5)
                                .show(ui, |ui| {
                                    for head in [
                                        String::new(),
                                        tr!("compare-col-where"),
                                        tr!("compare-col-this"),
                                        tr!("compare-col-other"),
                                        String::new(),
                                    ] {
                                        ui.label(RichText::new(head).strong());
                                    }
                                    ui.end_row();
                                    for d in &c.differences {
                                        let (mark, color) = match d.kind {
                                            "added" => ("+", theme::GOOD),
                                            "removed" => ("−", theme::BAD),
                                            _ => ("~", theme::WARN),
                                        };
                                        ui.label(RichText::new(mark).color(color).strong());
                                        let path = if d.path.is_empty() { "/" } else { &d.path };
                                        ui.label(format!(
                                            "{} {path}",
                                            tr!(&format!("diff-part-{}", d.part))
                                        ));
                                        ui.label(RichText::new(shown(&d.before)).color(color));
                                        ui.label(RichText::new(shown(&d.after)).color(color));
                                        ui.label(
                                            d.note
                                                .as_ref()
                                                .map(ToString::to_string)
                                                .unwrap_or_default(),
                                        );
                                        ui.end_row();
                                    }
                                });
                        });
                }
            }
        });
}
