//! What the user has: the token text, the editors, the key inputs and the settings. One
//! `AppState`, persisted by eframe as plain text (`app.ron`), so every field that must not reach
//! disk is kept out of it and says why.

use serde::{Deserialize, Serialize};

use crate::core::keys::SecretEncoding;

/// Where the current token came from; decides whether a key edit re-signs or only verifies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum Origin {
    /// Pasted or opened: editing the key verifies it.
    #[default]
    Pasted,
    /// Built from header, payload and key here: editing any of them re-signs.
    Built,
}

/// Whose key is in the key fields. A key that came with the example is the example's: a pasted
/// or opened token clears it, so a fresh paste never shows "invalid" because of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum KeySource {
    /// The fields are empty.
    #[default]
    None,
    /// Filled by the Example button (or the first-run example).
    Example,
    /// Typed, pasted, loaded, generated or fetched by the user: kept when tokens change.
    User,
}

/// Key text as typed. Never serialized on its own: see [`AppState::remembered_keys`].
#[derive(Clone, Default, Serialize, Deserialize)]
pub struct KeyInputs {
    /// HMAC secret, read with [`AppState::secret_encoding`].
    pub secret: String,
    /// Public key text (PEM, JWK or JWKS) used to verify.
    pub public_key: String,
    /// Private key text (PEM or JWK) used to sign, and to verify when no public key is given.
    pub private_key: String,
    /// The key that verifies the inner token of a nested JWT (the fields above decrypt).
    #[serde(default)]
    pub inner_key: String,
    /// The recipient's key (public key, secret or password) the Encrypt tool uses.
    #[serde(default)]
    pub recipient_key: String,
    /// An SD-JWT holder's public key: checks the key binding when the issuer names the key by
    /// kid or jkt, and is bound into cnf.jwk when a token is built with selective disclosure.
    #[serde(default)]
    pub holder_key: String,
}

impl KeyInputs {
    pub fn is_empty(&self) -> bool {
        self.secret.is_empty()
            && self.public_key.trim().is_empty()
            && self.private_key.trim().is_empty()
            && self.inner_key.trim().is_empty()
            && self.recipient_key.trim().is_empty()
            && self.holder_key.trim().is_empty()
    }
}

impl std::fmt::Debug for KeyInputs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("KeyInputs { .. }")
    }
}

impl Drop for KeyInputs {
    fn drop(&mut self) {
        use zeroize::Zeroize as _;
        self.secret.zeroize();
        self.private_key.zeroize();
        self.inner_key.zeroize();
        self.recipient_key.zeroize();
    }
}

/// Everything that survives a restart.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct AppState {
    pub token: String,
    pub header: String,
    pub payload: String,
    pub origin: Origin,
    pub secret_encoding: SecretEncoding,
    pub leeway_secs: i64,
    /// Off by default: keys are kept in memory only. On: they go to the system's credential
    /// store (see `ui::secrets`), never into this file.
    pub remember_key: bool,
    /// Read from settings files of earlier versions (which kept keys here in plain text) so that
    /// they can be moved to the credential store; never written.
    #[serde(skip_serializing)]
    pub remembered_keys: Option<KeyInputs>,
    /// `None` follows the system.
    pub dark_mode: Option<bool>,
    /// The zoom factor chosen with Ctrl+= / Ctrl+- / Ctrl+0.
    pub zoom: f32,
    /// The language chosen in the app; `None` follows `--lang` or the system locale.
    pub lang: Option<crate::i18n::Lang>,
    /// Expectations, as typed: issuer, audiences and required claims (comma-separated), lifetime.
    pub expect_issuer: String,
    pub expect_audiences: String,
    pub expect_required: String,
    pub expect_max_lifetime: String,
    /// Try every JWKS key when the token's kid names none of them.
    pub any_kid: bool,
    /// Refuse high-S ECDSA signatures (the malleable twin).
    pub strict: bool,
    /// Evaluate times at this instant (RFC 3339 or Unix) instead of live "now".
    pub evaluate_at: Option<String>,
    /// A user claim dictionary (JSON text) laid over the bundled one.
    pub user_dictionary: Option<String>,
    /// Every tab's workspace (the active one's is the fields above while it is open).
    pub tabs: Vec<SavedTab>,
    pub active_tab: usize,
    /// Tokens looked at, newest first (at most [`MAX_HISTORY`]).
    pub history: Vec<HistoryEntry>,
    /// The user turned the history off: nothing is recorded.
    pub history_off: bool,
    /// The audience and nonce an SD-JWT's key-binding JWT must carry (empty: shown, not checked).
    pub kb_aud: String,
    pub kb_nonce: String,
}

/// The most tokens the history keeps.
pub const MAX_HISTORY: usize = 50;

/// One tab's own workspace: its token and editors (keys stay in memory, see `ui::tabs`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SavedTab {
    pub name: String,
    pub token: String,
    pub header: String,
    pub payload: String,
    pub origin: Origin,
    pub secret_encoding: SecretEncoding,
}

/// A token looked at, with what it is searched by.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct HistoryEntry {
    pub token: String,
    pub alg: String,
    pub iss: String,
    pub sub: String,
    pub kid: String,
    /// When it was last opened (Unix seconds).
    pub seen: i64,
}

impl Default for AppState {
    fn default() -> Self {
        Self {
            token: String::new(),
            header: String::new(),
            payload: String::new(),
            origin: Origin::Built,
            secret_encoding: SecretEncoding::Utf8,
            leeway_secs: 0,
            remember_key: false,
            remembered_keys: None,
            dark_mode: None,
            zoom: 1.0,
            lang: None,
            any_kid: false,
            strict: false,
            expect_issuer: String::new(),
            expect_audiences: String::new(),
            expect_required: String::new(),
            expect_max_lifetime: String::new(),
            evaluate_at: None,
            user_dictionary: None,
            tabs: Vec::new(),
            active_tab: 0,
            history: Vec::new(),
            history_off: false,
            kb_aud: String::new(),
            kb_nonce: String::new(),
        }
    }
}
