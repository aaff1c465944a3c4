//! The tab bar: one tab per token being worked on; new, close, rename, reorder. Tooltips and
//! shortcuts come from the [`Action`] table.

use crate::tr;
use egui::TextEdit;

use super::Command;
use crate::ui::actions::Action;
use crate::ui::model::SavedTab;

/// Kept across frames: the tab being renamed and its new name as typed.
#[derive(Debug, Default)]
pub struct TabBarState {
    pub renaming: Option<(usize, String)>,
    /// The rename field takes the keyboard focus once, when it opens.
    focus_pending: bool,
}

/// What a tab is called: its name, else the default "Token N".
pub fn label(tab: &SavedTab, index: usize) -> String {
    if tab.name.trim().is_empty() {
        tr!("tab-default-name", n = index + 1)
    } else {
        tab.name.clone()
    }
}

pub fn ui(
    ui: &mut egui::Ui,
    tabs: &[SavedTab],
    active: usize,
    state: &mut TabBarState,
    commands: &mut Vec<Command>,
) {
    ui.horizontal_wrapped(|ui| {
        for (i, tab) in tabs.iter().enumerate() {
            if let Some((at, name)) = &mut state.renaming
                && *at == i
            {
                let label = ui.label(tr!("tab-name"));
                let response = ui
                    .add(
                        TextEdit::singleline(name)
                            .id_salt("tab_rename_field")
                            .desired_width(140.0),
                    )
                    .labelled_by(label.id);
                if std::mem::take(&mut state.focus_pending) {
                    response.request_focus();
                } else if response.lost_focus() {
                    commands.push(Command::RenameTab(i, name.clone()));
                    state.renaming = None;
                }
                continue;
            }
            let response = ui
                .selectable_label(i == active, label(tab, i))
                .on_hover_text(tr!(
                    "tab-tip",
                    shortcut = Action::NextTab.shortcut_text(ui.ctx())
                ));
            if response.clicked() && i != active {
                commands.push(Command::SwitchTab(i));
            }
            if response.double_clicked() {
                state.renaming = Some((i, label(tab, i)));
                state.focus_pending = true;
            }
            if i == active {
                if tabs.len() > 1 {
                    if i > 0
                        && ui
                            .small_button("◀")
                            .on_hover_text(tr!("tab-move-left"))
                            .clicked()
                    {
                        commands.push(Command::MoveTab(i, -1));
                    }
                    if i + 1 < tabs.len()
                        && ui
                            .small_button("▶")
                            .on_hover_text(tr!("tab-move-right"))
                            .clicked()
                    {
                        commands.push(Command::MoveTab(i, 1));
                    }
                }
                if ui
                    .small_button("✏")
                    .on_hover_text(tr!("tab-rename"))
                    .clicked()
                {
                    state.renaming = Some((i, label(tab, i)));
                    state.focus_pending = true;
                }
                if ui
                    .small_button("✖")
                    .on_hover_text(Action::CloseTab.tooltip(ui.ctx()))
                    .clicked()
                {
                    commands.push(Command::CloseTab(i));
                }
            }
        }
        if ui
            .button("+")
            .on_hover_text(Action::NewTab.tooltip(ui.ctx()))
            .clicked()
        {
            commands.push(Command::NewTab);
        }
    });
}
