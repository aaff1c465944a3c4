//! Remembered keys: the system's credential store kept in step with the key fields, and
//! forgetting everything.

use super::App;
use crate::tr;
use crate::ui::model::{AppState, Model};
use crate::ui::secrets::KeyStore;

impl App {
    /// Uses `store` for remembered keys, and restores them from it when the user chose to
    /// remember keys (or moves keys an earlier version left in the settings file into it).
    pub fn set_key_store(&mut self, store: Box<dyn KeyStore>) {
        self.key_store = store;
        self.stored_keys = None;
        if !self.model.state.remember_key {
            return;
        }
        if !self.model.keys.is_empty() {
            // Keys from an old settings file: into the store; the next save drops them there.
            self.sync_key_store();
            return;
        }
        match self.key_store.load() {
            Ok(Some(keys)) => {
                self.stored_keys = Some(keys_hash(&keys));
                self.model.keys = keys;
                self.model.key_edited();
            }
            Ok(None) => {}
            Err(e) => self.say(
                tr!("notice-remembered-unavailable", error = e.words()),
                true,
            ),
        }
    }

    /// Writes the keys to the store when remembering is on and they changed; forgets them when
    /// it is off. A store that cannot be reached turns remembering off, and says so.
    pub(super) fn sync_key_store(&mut self) {
        if self.model.state.remember_key {
            let hash = keys_hash(&self.model.keys);
            if self.stored_keys == Some(hash) {
                return;
            }
            match self.key_store.save(&self.model.keys) {
                Ok(()) => self.stored_keys = Some(hash),
                Err(e) => {
                    self.model.state.remember_key = false;
                    self.say(tr!("notice-cannot-remember", error = e.words()), true);
                }
            }
        } else if self.stored_keys.is_some() {
            self.key_store.forget().ok();
            self.stored_keys = None;
        }
    }

    /// Clears settings, tokens, keys in memory and remembered keys; the window starts over.
    /// Asked for first (see `confirm_forget`); says what it removed, and a machine without a
    /// credential store has nothing remembered there to remove, which is not an error.
    pub(super) fn forget_everything(&mut self) {
        use crate::ui::secrets::StoreError;
        let tabs = self.model.state.tabs.len().max(1);
        let history = self.model.state.history.len();
        let remembered = match self.key_store.forget() {
            Ok(()) => tr!("forgot-store-cleared"),
            Err(StoreError::Unreachable(_)) => tr!("forgot-store-none"),
            Err(e) => {
                // Everything else is gone; only the stored keys may remain, and that is said.
                self.reset_workspace();
                self.say(tr!("notice-forgot-partly", error = e.words()), true);
                return;
            }
        };
        self.reset_workspace();
        self.say(
            tr!(
                "notice-forgot",
                tabs = tabs,
                history = history,
                store = remembered
            ),
            false,
        );
    }

    fn reset_workspace(&mut self) {
        let now = self.model.now();
        self.model = Model::new(AppState::default(), now);
        self.model.keys = Default::default();
        self.model.key_source = crate::ui::model::KeySource::None;
        self.model.clear_token();
        self.stored_keys = None;
        self.tab_runtime.clear();
        self.guess = None;
        self.guessed_secret = None;
        self.path_prompt = None;
        self.applied_theme = None;
        self.applied_zoom = None;
    }
}

pub(super) fn keys_hash(keys: &crate::ui::state::KeyInputs) -> u64 {
    use std::hash::{Hash as _, Hasher as _};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    (
        &keys.secret,
        &keys.public_key,
        &keys.private_key,
        &keys.inner_key,
        &keys.recipient_key,
    )
        .hash(&mut h);
    h.finish()
}
