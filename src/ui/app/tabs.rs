//! Tabs: each holds its own token, editors and keys; switching stashes the open one and opens
//! another.

use super::App;
use crate::tr;
use crate::ui::model::Model;
use crate::ui::panels;

/// What a tab keeps in memory while another is open: its keys (never saved with the tab) and the
/// tokens found in its last text or file.
#[derive(Default)]
pub(super) struct TabRuntime {
    pub(super) keys: crate::ui::state::KeyInputs,
    pub(super) found: Option<crate::ui::model::FoundList>,
}

impl App {
    /// Makes sure there is at least one tab and a runtime slot for each.
    pub(super) fn ensure_tabs(&mut self) {
        let state = &mut self.model.state;
        if state.tabs.is_empty() {
            let current = self.model.workspace();
            let state = &mut self.model.state;
            state.tabs.push(current);
            state.active_tab = 0;
        }
        let state = &mut self.model.state;
        state.active_tab = state.active_tab.min(state.tabs.len() - 1);
        let len = state.tabs.len();
        self.tab_runtime.resize_with(len, TabRuntime::default);
    }

    /// Writes the open tab's workspace, keys and found tokens into its slot.
    pub(super) fn stash_tab(&mut self) {
        self.ensure_tabs();
        let active = self.model.state.active_tab;
        let current = self.model.workspace();
        self.model.state.tabs[active] = current;
        self.tab_runtime[active] = TabRuntime {
            keys: self.model.keys.clone(),
            found: self.model.found.take(),
        };
    }

    /// Opens tab `to` (after the open one was stashed).
    pub(super) fn load_tab(&mut self, to: usize) {
        // A notice is about the tab it was said in ("3 tokens found in log.txt").
        self.notice = None;
        let now = self.model.now();
        let settings = self.model.state.clone();
        let tab = settings.tabs[to].clone();
        let runtime = std::mem::take(&mut self.tab_runtime[to]);
        let mut model = Model::open_workspace(&settings, &tab, runtime.keys.clone(), now);
        model.state.active_tab = to;
        model.found = runtime.found;
        self.model = model;
    }

    pub(super) fn switch_tab(&mut self, to: usize) {
        self.ensure_tabs();
        if to == self.model.state.active_tab || to >= self.model.state.tabs.len() {
            return;
        }
        self.stash_tab();
        self.load_tab(to);
    }

    pub(super) fn new_tab(&mut self) {
        self.stash_tab();
        self.model
            .state
            .tabs
            .push(crate::ui::state::SavedTab::default());
        self.tab_runtime.push(TabRuntime::default());
        let last = self.model.state.tabs.len() - 1;
        self.load_tab(last);
    }

    pub(super) fn close_tab(&mut self, i: usize) {
        self.stash_tab();
        let tabs = &mut self.model.state.tabs;
        if i >= tabs.len() {
            return;
        }
        let name = panels::tabbar::label(&tabs[i], i);
        if tabs.len() == 1 {
            tabs[0] = crate::ui::state::SavedTab::default();
            self.tab_runtime[0] = TabRuntime::default();
            self.load_tab(0);
        } else {
            let active = self.model.state.active_tab;
            self.model.state.tabs.remove(i);
            self.tab_runtime.remove(i);
            let to = if i < active {
                active - 1
            } else if i == active {
                i.min(self.model.state.tabs.len() - 1)
            } else {
                active
            };
            self.load_tab(to);
        }
        self.say(tr!("notice-tab-closed", name = name), false);
    }

    pub(super) fn move_tab(&mut self, i: usize, delta: isize) {
        self.stash_tab();
        let len = self.model.state.tabs.len();
        let Some(j) = i.checked_add_signed(delta).filter(|j| *j < len) else {
            return;
        };
        self.model.state.tabs.swap(i, j);
        self.tab_runtime.swap(i, j);
        let active = self.model.state.active_tab;
        if active == i {
            // The open tab moved: its slot is j now, and it is still the one on screen.
            self.model.state.active_tab = j;
            self.load_tab(j);
        } else if active == j {
            self.model.state.active_tab = i;
            self.load_tab(i);
        }
    }
}
