//! The token's kind (access token, DPoP proof, ID token, …): chosen by hand or detected, its
//! rules each with its outcome, and the inputs those rules compare with: the request a DPoP
//! proof came with, the access token (typed, or taken from another tab), an ID token's nonce and
//! authorization code.

use egui::{RichText, TextEdit};

use super::Command;
use crate::core::profile::ProfileName;
use crate::tr;
use crate::ui::model::ProfileInputs;
use crate::ui::state::SavedTab;
use crate::ui::theme;
use crate::ui::view::ViewModel;

fn field(
    ui: &mut egui::Ui,
    label: &str,
    hint: &str,
    text: &mut String,
    id: &str,
    secret: bool,
) -> bool {
    ui.horizontal(|ui| {
        let label = ui.label(label);
        ui.add(
            TextEdit::singleline(text)
                .id_salt(id)
                .password(secret)
                .hint_text(hint)
                .desired_width((ui.available_width() - 8.0).clamp(100.0, 420.0)),
        )
        .labelled_by(label.id)
        .changed()
    })
    .inner
}

pub fn ui(
    ui: &mut egui::Ui,
    view: &ViewModel,
    inputs: &mut ProfileInputs,
    tabs: &[SavedTab],
    active_tab: usize,
    commands: &mut Vec<Command>,
) {
    let Some(kind) = &view.kind else {
        return;
    };
    egui::CollapsingHeader::new(
        RichText::new(tr!("kind-title", kind = kind.title.as_str())).strong(),
    )
    .id_salt(("kind_section", kind.checks.is_empty()))
    .default_open(!kind.checks.is_empty())
    .show(ui, |ui| {
        ui.horizontal(|ui| {
            let label = ui.label(tr!("kind-check-as"));
            let current = inputs
                .profile
                .map_or_else(|| tr!("kind-detect"), |p| p.title().to_string());
            egui::ComboBox::from_id_salt("kind_picker")
                .selected_text(current)
                .height(400.0)
                .show_ui(ui, |ui| {
                    if ui
                        .selectable_label(inputs.profile.is_none(), tr!("kind-detect"))
                        .clicked()
                    {
                        commands.push(Command::SetProfile(None));
                    }
                    for p in ProfileName::ALL {
                        if ui
                            .selectable_label(inputs.profile == Some(p), p.title().to_string())
                            .clicked()
                        {
                            commands.push(Command::SetProfile(Some(p)));
                        }
                    }
                })
                .response
                .labelled_by(label.id);
        });
        let checks = |ui: &mut egui::Ui| {
            egui::Grid::new("kind_checks")
                .num_columns(3)
                .striped(true)
                .show(ui, |ui| {
                    for c in &kind.checks {
                        ui.label(RichText::new(c.icon).color(theme::tone_color(c.tone)));
                        ui.label(RichText::new(&c.id).monospace());
                        ui.label(RichText::new(&c.detail).color(theme::tone_color(c.tone)));
                        ui.end_row();
                    }
                });
        };
        match &kind.paired {
            // The proof's checks and the access token it goes with, side by side.
            Some(lines) => {
                ui.columns(2, |cols| {
                    checks(&mut cols[0]);
                    cols[1].label(RichText::new(tr!("kind-paired-title")).strong());
                    for line in lines {
                        cols[1].label(RichText::new(line).small());
                    }
                });
            }
            None => checks(ui),
        }
        if let Some(list) = &kind.status_list {
            ui.label(RichText::new(list).small());
        }
        let mut edited = false;
        if kind.wants_request {
            edited |= field(
                ui,
                &tr!("kind-method"),
                "POST",
                &mut inputs.method,
                "dpop_method_field",
                false,
            );
            edited |= field(
                ui,
                &tr!("kind-url"),
                "https://api.example.com/orders",
                &mut inputs.url,
                "dpop_url_field",
                false,
            );
            edited |= field(
                ui,
                &tr!("kind-dpop-nonce"),
                "",
                &mut inputs.dpop_nonce,
                "dpop_nonce_field",
                false,
            );
        }
        if kind.wants_id_inputs {
            edited |= field(
                ui,
                &tr!("kind-nonce"),
                "n-0S6_WzA2Mj",
                &mut inputs.nonce,
                "id_nonce_field",
                false,
            );
            edited |= field(
                ui,
                &tr!("kind-code"),
                "",
                &mut inputs.code,
                "id_code_field",
                true,
            );
        }
        if kind.wants_access_token {
            edited |= field(
                ui,
                &tr!("kind-access-token"),
                &tr!("kind-access-token-hint"),
                &mut inputs.access_token,
                "access_token_field",
                true,
            );
            let others: Vec<(usize, &SavedTab)> = tabs
                .iter()
                .enumerate()
                .filter(|(i, t)| *i != active_tab && !t.token.trim().is_empty())
                .collect();
            if !others.is_empty() {
                ui.menu_button(tr!("kind-from-tab"), |ui| {
                    for (i, tab) in others {
                        let name = if tab.name.is_empty() {
                            tr!("tab-default-name", n = i + 1)
                        } else {
                            tab.name.clone()
                        };
                        if ui.button(name).clicked() {
                            commands.push(Command::ProfileTokenFromTab(i));
                            ui.close();
                        }
                    }
                });
            }
        }
        if edited {
            commands.push(Command::ProfileEdited);
        }
    });
}
