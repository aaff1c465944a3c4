//! The key store in the app: keys kept by name for the systems a tester works on. Keys whose kid,
//! issuer or thumbprint match the token on screen are offered first ("Verify with 'orders-api
//! prod (kid k1)'"); every stored key can fill the key fields; the key in the fields can be saved
//! under a name; deleting asks first. Key material is in the system's credential store, or for
//! this session only when there is none.

use egui::{RichText, TextEdit};

use super::Command;
use crate::store::StoredKey;
use crate::tr;
use crate::ui::theme;

/// What the drawer shows and holds between frames.
#[derive(Debug, Default)]
pub struct KeyStoreView {
    pub entries: Vec<StoredKey>,
    /// Names kept for this session only (no credential store was reachable).
    pub session_only: Vec<String>,
    pub new_name: String,
    /// A JWKS saved or added becomes one entry per key.
    pub split_jwks: bool,
    /// The key being renamed, and the name typed so far.
    pub renaming: Option<(String, String)>,
    /// The key whose deletion waits for a yes.
    pub confirm_delete: Option<String>,
    pub error: Option<String>,
}

/// Stored keys that fit the token on screen: same kid, same issuer, or same thumbprint as a
/// key the token embeds.
pub fn suggestions<'a>(
    entries: &'a [StoredKey],
    kid: Option<&str>,
    iss: Option<&str>,
    thumbprints: &[String],
) -> Vec<&'a StoredKey> {
    entries
        .iter()
        .filter(|k| {
            (kid.is_some() && k.kid.as_deref() == kid)
                || (iss.is_some() && k.issuer.as_deref() == iss)
                || thumbprints.contains(&k.thumbprint)
        })
        .collect()
}

pub fn ui(
    ui: &mut egui::Ui,
    view: &mut KeyStoreView,
    offered: &[String],
    commands: &mut Vec<Command>,
) {
    for name in offered {
        let label = view
            .entries
            .iter()
            .find(|k| &k.name == name)
            .and_then(|k| k.kid.as_deref())
            .map_or_else(
                || name.clone(),
                |kid| tr!("store-name-kid", name = name.as_str(), kid = kid),
            );
        if ui.button(tr!("store-verify-with", name = label)).clicked() {
            commands.push(Command::UseStoredKey(name.clone()));
        }
    }
    egui::CollapsingHeader::new(
        RichText::new(tr!("store-title", count = view.entries.len())).strong(),
    )
    .id_salt("key_store")
    .default_open(false)
    .show(ui, |ui| {
        ui.label(RichText::new(tr!("store-help")).small().weak());
        if let Some(e) = &view.error {
            ui.label(RichText::new(format!("✖ {e}")).color(theme::BAD));
        }
        let mut rename_start: Option<String> = None;
        egui::Grid::new("key_store_grid")
            .num_columns(2)
            .striped(true)
            .show(ui, |ui| {
                for k in &view.entries {
                    row(
                        ui,
                        k,
                        view.session_only.contains(&k.name),
                        &mut rename_start,
                        commands,
                    );
                }
            });
        if let Some(name) = rename_start {
            view.renaming = Some((name.clone(), name));
        }
        rename_ui(ui, view, commands);
        if let Some(name) = view.confirm_delete.clone() {
            ui.horizontal_wrapped(|ui| {
                ui.label(
                    RichText::new(tr!("store-delete-ask", name = name.as_str())).color(theme::WARN),
                );
                if ui.button(tr!("store-delete-yes")).clicked() {
                    commands.push(Command::DeleteStoredKey(name.clone(), true));
                }
                if ui.button(tr!("store-delete-no")).clicked() {
                    view.confirm_delete = None;
                }
            });
        }
        ui.horizontal(|ui| {
            let label = ui.label(tr!("store-save-as"));
            ui.add(
                TextEdit::singleline(&mut view.new_name)
                    .id_salt("store_name_field")
                    .hint_text(tr!("store-name-hint"))
                    .desired_width(200.0),
            )
            .labelled_by(label.id);
            if ui.button(tr!("store-save")).clicked() && !view.new_name.trim().is_empty() {
                commands.push(Command::SaveKeyToStore(view.new_name.trim().to_owned()));
            }
        });
        ui.horizontal_wrapped(|ui| {
            if ui.button(tr!("store-add-file")).clicked() {
                commands.push(Command::AddKeyFileToStore);
            }
            if ui.button(tr!("store-generate")).clicked() && !view.new_name.trim().is_empty() {
                commands.push(Command::GenerateIntoStore(view.new_name.trim().to_owned()));
            }
            ui.checkbox(&mut view.split_jwks, tr!("store-split-jwks"));
        });
    });
}

/// One stored key: its name, what it is, and what can be done with it.
fn row(
    ui: &mut egui::Ui,
    k: &StoredKey,
    session: bool,
    rename_start: &mut Option<String>,
    commands: &mut Vec<Command>,
) {
    ui.label(RichText::new(&k.name).strong());
    let mut detail = k.kind.clone();
    if let Some(kid) = &k.kid {
        detail.push_str(" · ");
        detail.push_str(&tr!("store-kid", kid = kid.as_str()));
    }
    if session {
        detail.push_str(" · ");
        detail.push_str(&tr!("store-session-only"));
    }
    ui.label(RichText::new(detail).small())
        .on_hover_text(tr!("thumbprint", thumbprint = k.thumbprint.as_str()));
    ui.end_row();
    // The actions under the description, wrapping in a narrow column.
    ui.label("");
    ui.horizontal_wrapped(|ui| {
        let name = k.name.as_str();
        if ui
            .small_button(tr!("store-use"))
            .on_hover_text(tr!("store-use-tip", name = name))
            .clicked()
        {
            commands.push(Command::UseStoredKey(k.name.clone()));
        }
        if ui
            .small_button(tr!("store-rename"))
            .on_hover_text(tr!("store-rename-tip", name = name))
            .clicked()
        {
            *rename_start = Some(k.name.clone());
        }
        if ui
            .small_button(tr!("store-copy-public"))
            .on_hover_text(tr!("store-copy-public-tip", name = name))
            .clicked()
        {
            commands.push(Command::ExportStoredKey(k.name.clone(), false));
        }
        if ui
            .small_button(tr!("store-copy-whole"))
            .on_hover_text(tr!("store-copy-whole-tip", name = name))
            .clicked()
        {
            commands.push(Command::ExportStoredKey(k.name.clone(), true));
        }
        if ui
            .small_button(tr!("store-delete"))
            .on_hover_text(tr!("store-delete-tip", name = name))
            .clicked()
        {
            commands.push(Command::DeleteStoredKey(k.name.clone(), false));
        }
    });
    ui.end_row();
}

fn rename_ui(ui: &mut egui::Ui, view: &mut KeyStoreView, commands: &mut Vec<Command>) {
    let Some((old, typed)) = &mut view.renaming else {
        return;
    };
    let mut done = false;
    ui.horizontal(|ui| {
        let label = ui.label(tr!("store-rename-to", name = old.as_str()));
        ui.add(
            TextEdit::singleline(typed)
                .id_salt("store_rename_field")
                .desired_width(200.0),
        )
        .labelled_by(label.id);
        if ui.button(tr!("store-rename-ok")).clicked() {
            commands.push(Command::RenameStoredKey(
                old.clone(),
                typed.trim().to_owned(),
            ));
            done = true;
        }
        if ui.button(tr!("store-rename-cancel")).clicked() {
            done = true;
        }
    });
    if done {
        view.renaming = None;
    }
}
