//! The keys: read from the key fields' text for the current algorithm family, once when the text
//! or the family changes; and what puts key text into the fields.

use super::{EXAMPLE_SECRET, Model, hash_of};
use crate::core::{
    self, Alg, Key, KeySet,
    alg::Family,
    keys::{self, SecretEncoding},
};
use crate::tr;
use crate::ui::state::KeySource;
use crate::ui::state::Origin;

/// The keys read from [`KeyInputs`], with what went wrong.
#[derive(Debug, Default)]
pub struct KeyState {
    pub verify: Option<KeySet>,
    pub sign: Option<Key>,
    /// "EC P-256 private key (PKCS#8 PEM)" for the key in use, or the reason it cannot be read.
    pub verify_note: Option<Result<String, String>>,
    pub sign_note: Option<Result<String, String>>,
    /// The key that signs, else the first that verifies, summarised.
    pub summary: Option<KeySummary>,
    /// The key that verifies a nested token's inner token, and what it was read as.
    pub inner: Option<KeySet>,
    pub inner_note: Option<Result<String, String>>,
    /// An SD-JWT holder's key, and what it was read as.
    pub holder: Option<KeySet>,
    pub holder_note: Option<Result<String, String>>,
}

/// Summary of the key in use, read once when the key changes (frames do no crypto).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeySummary {
    pub description: String,
    pub thumbprint: String,
    pub is_secret: bool,
    pub is_private: bool,
    pub certificate: Option<keys::CertificateInfo>,
}

impl Model {
    pub(super) fn family(&self) -> Family {
        use core::jwe::{Enc, KeyNeed};
        // An encrypted token's key fields follow its key management: RSA and ECDH take the
        // private key, the others a secret or password.
        if let Some(jwe) = self.jwe_alg() {
            return match jwe.needs(Enc::A128Gcm) {
                KeyNeed::Rsa => Family::Rsa,
                KeyNeed::Ecdh => Family::Ec(core::alg::Curve::P256),
                KeyNeed::Secret(_) | KeyNeed::Password => Family::Hmac,
            };
        }
        self.alg().map_or(Family::Hmac, Alg::family)
    }

    /// Reads the keys from their text, for the current algorithm's family.
    pub(super) fn read_keys(&self) -> KeyState {
        let mut state = KeyState::default();
        if self.family() == Family::Hmac || self.family() == Family::Unsecured {
            if self.state.secret_encoding == SecretEncoding::Utf8
                && keys::looks_like_public_key(&self.keys.secret)
            {
                // Public-key text is never an HMAC secret: read it as the key it is, so the
                // verdict is "key does not fit" with the key-confusion finding.
                match keys::parse_text(&self.keys.secret) {
                    Ok(set) => {
                        state.verify_note =
                            Some(Ok(tr!("public-key-not-secret", key = set.describe())));
                        state.sign_note = state.verify_note.clone();
                        state.verify = Some(set);
                    }
                    Err(e) => {
                        state.verify_note =
                            Some(Err(tr!("public-key-refused", error = e.to_string())));
                        state.sign_note = state.verify_note.clone();
                    }
                }
            } else if !self.keys.secret.is_empty() {
                match keys::parse_secret(&self.keys.secret, self.state.secret_encoding) {
                    Ok(key) => {
                        state.verify_note = Some(Ok(key.describe().to_string()));
                        state.sign_note = state.verify_note.clone();
                        state.verify = Some(KeySet {
                            keys: vec![key.clone()],
                            is_set: false,
                            skipped: Vec::new(),
                        });
                        state.sign = Some(key);
                    }
                    Err(e) => {
                        state.verify_note = Some(Err(e.to_string()));
                        state.sign_note = state.verify_note.clone();
                    }
                }
            }
        } else {
            if !self.keys.private_key.trim().is_empty() {
                match keys::parse_text(&self.keys.private_key) {
                    Ok(set) => {
                        state.sign_note = Some(Ok(set.describe().to_string()));
                        state.sign = set.keys.first().cloned();
                        if self.keys.public_key.trim().is_empty() {
                            state.verify = Some(set);
                        }
                    }
                    Err(e) => state.sign_note = Some(Err(e.to_string())),
                }
            }
            if !self.keys.public_key.trim().is_empty() {
                match keys::parse_text(&self.keys.public_key) {
                    Ok(set) => {
                        state.verify_note = Some(Ok(set.describe().to_string()));
                        state.verify = Some(set);
                    }
                    Err(e) => state.verify_note = Some(Err(e.to_string())),
                }
            } else if let Some(Ok(d)) = &state.sign_note {
                state.verify_note = Some(Ok(d.clone()));
            }
        }
        if !self.keys.inner_key.trim().is_empty() {
            match keys::parse_text(&self.keys.inner_key) {
                Ok(set) => {
                    state.inner_note = Some(Ok(set.describe().to_string()));
                    state.inner = Some(set);
                }
                Err(e) => state.inner_note = Some(Err(e.to_string())),
            }
        }
        if !self.keys.holder_key.trim().is_empty() {
            match keys::parse_text(&self.keys.holder_key) {
                Ok(set) if set.keys.iter().any(core::Key::is_secret) => {
                    state.holder_note = Some(Err(tr!("holder-key-secret")));
                }
                Ok(set) => {
                    state.holder_note = Some(Ok(set.describe().to_string()));
                    state.holder = Some(set);
                }
                Err(e) => state.holder_note = Some(Err(e.to_string())),
            }
        }
        let current = state
            .sign
            .as_ref()
            .or_else(|| state.verify.as_ref().and_then(|s| s.keys.first()));
        state.summary = current.map(|k| KeySummary {
            description: k.describe().to_string(),
            thumbprint: k.thumbprint(),
            is_secret: k.is_secret(),
            is_private: k.is_private(),
            certificate: k.certificate.clone(),
        });
        state
    }

    /// Re-reads the keys when their text, encoding or the algorithm family changed.
    pub(super) fn refresh_keys(&mut self) {
        let input = hash_of(&(
            &self.keys.secret,
            &self.keys.public_key,
            &self.keys.private_key,
            &self.keys.inner_key,
            &self.keys.holder_key,
            self.state.secret_encoding,
            format!("{:?}", self.family()),
        ));
        if self.keys_input != Some(input) {
            self.key_state = self.read_keys();
            self.keys_input = Some(input);
        }
    }

    /// The key that signs, else the first key that verifies.
    pub fn current_key(&self) -> Option<&core::Key> {
        self.key_state
            .sign
            .as_ref()
            .or_else(|| self.key_state.verify.as_ref().and_then(|s| s.keys.first()))
    }

    /// Puts a freshly generated key in place (secret, or private + public PEM) and re-signs.
    pub fn use_generated_key(&mut self, key: &core::Key) -> Result<(), String> {
        if key.is_secret() {
            self.keys.secret = core::export::jwk(key, true)["k"]
                .as_str()
                .unwrap_or_default()
                .to_owned();
            self.state.secret_encoding = SecretEncoding::Base64Url;
        } else {
            self.keys.private_key = core::export::private_pem(key)
                .map_err(|e| e.to_string())?
                .to_string();
            self.keys.public_key = core::export::public_pem(key).map_err(|e| e.to_string())?;
        }
        self.key_edited();
        Ok(())
    }

    /// Puts fetched JWKS text in the public-key field and verifies with it.
    pub fn use_fetched_jwks(&mut self, jwks_text: String) {
        self.keys.public_key = jwks_text;
        self.key_edited();
    }

    /// Puts key text into one of the key fields (a loaded or dropped file).
    pub fn put_key(&mut self, slot: crate::ui::shared::KeySlot, text: String) {
        use crate::ui::shared::KeySlot;
        match slot {
            KeySlot::Secret => self.keys.secret = text.trim_end_matches(['\n', '\r']).to_owned(),
            KeySlot::Public => self.keys.public_key = text,
            KeySlot::Private => self.keys.private_key = text,
        }
        self.key_edited();
    }

    /// The user edited a key (typed, loaded, generated, fetched): re-sign a token built here, or
    /// just verify a pasted one.
    pub fn key_edited(&mut self) {
        // The example's secret stays the example's while only other fields (the Encrypt tool's
        // recipient key) change.
        let example_untouched = self.key_source == KeySource::Example
            && self.keys.secret == EXAMPLE_SECRET
            && self.keys.public_key.trim().is_empty()
            && self.keys.private_key.trim().is_empty()
            && self.keys.inner_key.trim().is_empty()
            && self.keys.holder_key.trim().is_empty();
        self.key_source = if example_untouched {
            KeySource::Example
        } else if self.keys.is_empty() {
            KeySource::None
        } else {
            KeySource::User
        };
        self.refresh_keys();
        if self.state.origin == Origin::Built {
            self.rebuild();
        }
        self.refresh();
    }
}
