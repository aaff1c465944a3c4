//! Every command a person can give from the toolbar, the tab bar or the keyboard, in one table:
//! its label, its tooltip and its shortcut. The toolbar draws from it, the input handler reads
//! the shortcuts from it, and tooltips spell a shortcut as the platform does ("Ctrl+O", "⌘O"),
//! so a label, a shortcut and its tooltip cannot drift apart. (rerun's `UICommand` is the model.)

use egui::{Key, KeyboardShortcut, Modifiers};

use super::shared::{Command, CopyWhat};
use crate::tr;

/// A command with a name, a tooltip and maybe a shortcut.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    OpenToken,
    SaveToken,
    CopyToken,
    NewTab,
    CloseTab,
    NextTab,
    Example,
    ScanFile,
    ForgetEverything,
}

impl Action {
    pub const ALL: [Action; 9] = [
        Self::OpenToken,
        Self::SaveToken,
        Self::CopyToken,
        Self::NewTab,
        Self::CloseTab,
        Self::NextTab,
        Self::Example,
        Self::ScanFile,
        Self::ForgetEverything,
    ];

    /// The keyboard shortcut, if the action has one (Command is Ctrl, or ⌘ on macOS).
    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        let command = |key| Some(KeyboardShortcut::new(Modifiers::COMMAND, key));
        match self {
            Self::OpenToken => command(Key::O),
            Self::SaveToken => command(Key::S),
            Self::CopyToken => Some(KeyboardShortcut::new(
                Modifiers::COMMAND.plus(Modifiers::SHIFT),
                Key::C,
            )),
            Self::NewTab => command(Key::T),
            Self::CloseTab => command(Key::W),
            // Ctrl+Tab on every platform (⌘Tab belongs to macOS itself).
            Self::NextTab => Some(KeyboardShortcut::new(Modifiers::CTRL, Key::Tab)),
            Self::Example | Self::ScanFile | Self::ForgetEverything => None,
        }
    }

    /// The label of its button or menu entry.
    pub fn label(self) -> String {
        tr!(match self {
            Self::OpenToken => "open-token",
            Self::SaveToken => "save-token",
            Self::CopyToken => "copy-token",
            Self::NewTab => "action-new-tab",
            Self::CloseTab => "action-close-tab",
            Self::NextTab => "action-next-tab",
            Self::Example => "example",
            Self::ScanFile => "scan-file",
            Self::ForgetEverything => "forget-everything",
        })
    }

    /// The shortcut as this platform writes it ("Ctrl+W", "⌘W"); empty without one.
    pub fn shortcut_text(self, ctx: &egui::Context) -> String {
        self.shortcut()
            .map(|s| ctx.format_shortcut(&s))
            .unwrap_or_default()
    }

    /// The tooltip, with the shortcut as this platform writes it.
    pub fn tooltip(self, ctx: &egui::Context) -> String {
        let shortcut = self.shortcut_text(ctx);
        let key = match self {
            Self::OpenToken => "open-token-tip",
            Self::SaveToken => "save-token-tip",
            Self::CopyToken => "copy-token-tip",
            Self::NewTab => "action-new-tab-tip",
            Self::CloseTab => "action-close-tab-tip",
            Self::NextTab => "action-next-tab-tip",
            Self::Example => "example-tip",
            Self::ScanFile => "scan-file-tip",
            Self::ForgetEverything => "forget-everything-tip",
        };
        tr!(key, shortcut = shortcut)
    }

    /// The label and the tooltip together.
    pub fn text_and_tooltip(self, ctx: &egui::Context) -> (String, String) {
        (self.label(), self.tooltip(ctx))
    }

    /// What doing it means; `active_tab` for the tab it acts on.
    pub fn command(self, active_tab: usize) -> Command {
        match self {
            Self::OpenToken => Command::OpenToken,
            Self::SaveToken => Command::SaveToken,
            Self::CopyToken => Command::Copy(CopyWhat::Token),
            Self::NewTab => Command::NewTab,
            Self::CloseTab => Command::CloseTab(active_tab),
            Self::NextTab => Command::NextTab,
            Self::Example => Command::LoadExample,
            Self::ScanFile => Command::ScanFile,
            Self::ForgetEverything => Command::ForgetEverything,
        }
    }

    /// A button for the action; `true` when clicked.
    pub fn button(self, ui: &mut egui::Ui) -> bool {
        let (text, tip) = self.text_and_tooltip(ui.ctx());
        ui.button(text).on_hover_text(tip).clicked()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_two_actions_share_a_shortcut() {
        let mut seen = Vec::new();
        for action in Action::ALL {
            if let Some(s) = action.shortcut() {
                assert!(
                    !seen.contains(&(s.modifiers, s.logical_key)),
                    "{action:?} repeats a shortcut"
                );
                seen.push((s.modifiers, s.logical_key));
            }
        }
        assert!(seen.len() >= 6);
    }

    #[test]
    fn every_action_has_words_and_its_tooltip_names_its_shortcut() {
        let ctx = egui::Context::default();
        for action in Action::ALL {
            let (label, tip) = action.text_and_tooltip(&ctx);
            assert!(
                !label.is_empty() && !label.contains('-'),
                "{action:?}: {label}"
            );
            assert!(!tip.is_empty(), "{action:?}");
            if let Some(s) = action.shortcut() {
                assert!(tip.contains(&ctx.format_shortcut(&s)), "{action:?}: {tip}");
            }
        }
    }
}
