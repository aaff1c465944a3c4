//! The workspace as tabs and restarts keep it, the history of tokens looked at, a nested token's
//! inner token opened alone and the way back, and the text the copy buttons copy.

use super::Model;
use crate::core::{Alg, alg::Family, keys::SecretEncoding};
use crate::ui::shared::CopyWhat;
use crate::ui::state::{AppState, HistoryEntry, KeyInputs, KeySource, SavedTab};

impl Model {
    /// The state as it should be saved: never with keys (remembered keys go to the credential
    /// store, see `ui::secrets`). The open tab's workspace is written into its place in `tabs`.
    pub fn to_saved(&self) -> AppState {
        let mut state = self.state.clone();
        state.remembered_keys = None;
        let current = self.workspace();
        match state.tabs.get_mut(state.active_tab) {
            Some(tab) => *tab = current,
            None => {
                state.active_tab = state.tabs.len();
                state.tabs.push(current);
            }
        }
        state
    }

    /// The open tab's workspace, as a tab keeps it.
    pub fn workspace(&self) -> SavedTab {
        SavedTab {
            name: self
                .state
                .tabs
                .get(self.state.active_tab)
                .map(|t| t.name.clone())
                .unwrap_or_default(),
            token: self.state.token.clone(),
            header: self.state.header.clone(),
            payload: self.state.payload.clone(),
            origin: self.state.origin,
            secret_encoding: self.state.secret_encoding,
        }
    }

    /// A model for another tab: the settings of `settings`, the workspace of `tab` and its keys.
    /// An empty tab stays empty (no example).
    pub fn open_workspace(settings: &AppState, tab: &SavedTab, keys: KeyInputs, now: i64) -> Self {
        let mut state = settings.clone();
        state.remembered_keys = None;
        state.token = tab.token.clone();
        state.header = tab.header.clone();
        state.payload = tab.payload.clone();
        state.origin = tab.origin;
        state.secret_encoding = tab.secret_encoding;
        let empty = tab.token.trim().is_empty() && tab.header.trim().is_empty();
        let mut model = Self::new(state, now);
        if empty {
            model.state.header.clear();
            model.state.payload.clear();
            model.state.token.clear();
            model.keys = KeyInputs::default();
            model.token_edited();
        }
        model.keys = keys;
        model.key_edited();
        model
    }

    /// Adds the token on screen to the history (newest first, once), unless it is off.
    pub fn record_history(&mut self) {
        if self.state.history_off || self.analysis.is_malformed() {
            return;
        }
        let token = self.token().to_owned();
        if token.is_empty() {
            return;
        }
        let d = &self.analysis.decoded;
        let entry = HistoryEntry {
            alg: d.header_member("alg"),
            kid: d.header_member("kid"),
            iss: d.claim_member("iss"),
            sub: d.claim_member("sub"),
            seen: self.now,
            token,
        };
        self.state.history.retain(|e| e.token != entry.token);
        self.state.history.insert(0, entry);
        self.state.history.truncate(crate::ui::state::MAX_HISTORY);
    }

    /// Opens a nested token's inner token on its own; its verification key goes into the key
    /// fields. [`Model::back_to_outer`] returns to the encrypted token and its keys.
    pub fn open_inner(&mut self) -> bool {
        let Some(inner) = self.analysis.inner.as_ref() else {
            return false;
        };
        let token = inner.decoded.token.clone();
        let inner_family = inner
            .decoded
            .alg_name()
            .and_then(Alg::parse)
            .map(Alg::family);
        let outer_keys = self.keys.clone();
        let mut keys = KeyInputs::default();
        match inner_family {
            Some(Family::Hmac) | None => keys.secret = outer_keys.inner_key.clone(),
            Some(_) => keys.public_key = outer_keys.inner_key.clone(),
        }
        self.outer = Some((
            self.state.token.clone(),
            outer_keys,
            self.state.secret_encoding,
        ));
        // The inner key field is read as key text (a secret as typed).
        self.state.secret_encoding = SecretEncoding::Utf8;
        self.keys = keys;
        self.key_source = if self.keys.is_empty() {
            KeySource::None
        } else {
            KeySource::User
        };
        self.state.token = token;
        self.token_edited();
        true
    }

    /// Back from an inner token to the encrypted token it came from.
    pub fn back_to_outer(&mut self) -> bool {
        let Some((token, keys, encoding)) = self.outer.take() else {
            return false;
        };
        self.keys = keys;
        self.state.secret_encoding = encoding;
        self.key_source = KeySource::User;
        self.state.token = token;
        self.token_edited();
        true
    }

    /// Text for the copy buttons.
    pub fn copy_text(&self, what: CopyWhat) -> String {
        let token = self.token();
        match what {
            CopyWhat::Token => token.to_owned(),
            // An HTTP header: the same in every language.
            CopyWhat::BearerHeader => ["Authorization: Bearer ", token].concat(),
            CopyWhat::Curl => [
                "curl -H 'Authorization: Bearer ",
                token,
                "' https://api.example.com/",
            ]
            .concat(),
            CopyWhat::Header => self.state.header.clone(),
            CopyWhat::Payload => self.state.payload.clone(),
        }
    }
}
