//! The app's side of the key store: using, saving and deleting named keys, and which stored
//! keys fit the token on screen. Material goes to the credential store, or, when there is none,
//! stays in memory for this session (and the app says so).

use serde_json::Value;
use zeroize::Zeroizing;

use super::App;
use crate::store::{self, StoredKey};
use crate::tr;
use crate::ui::panels;

impl App {
    /// Names of stored keys that fit the token on screen (kid, issuer, or an embedded key's
    /// thumbprint).
    /// Drawn every frame, worked out once per analysis and store change (an embedded jwk is
    /// parsed to get its thumbprint).
    pub(super) fn stored_key_suggestions(&mut self) -> Vec<String> {
        use std::hash::{Hash as _, Hasher as _};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        self.model.analyses_run.hash(&mut h);
        for e in &self.named_keys.entries {
            e.hash(&mut h);
        }
        let input = h.finish();
        if let Some((at, offered)) = &self.offered_keys
            && *at == input
        {
            return offered.clone();
        }
        let offered = self.work_out_suggestions();
        self.offered_keys = Some((input, offered.clone()));
        offered
    }

    fn work_out_suggestions(&self) -> Vec<String> {
        if self.named_keys.entries.is_empty() {
            return Vec::new();
        }
        let d = &self.model.analysis.decoded;
        let header = d.header.as_ref();
        let kid = header.and_then(|h| h.get("kid")).and_then(Value::as_str);
        let iss = d
            .claims()
            .and_then(|c| c.get("iss"))
            .and_then(Value::as_str);
        let embedded: Vec<String> = header
            .and_then(|h| h.get("jwk"))
            .and_then(|j| crate::core::keys::parse_text(&j.to_string()).ok())
            .map(|set| set.keys.iter().map(crate::core::Key::thumbprint).collect())
            .unwrap_or_default();
        panels::keystore::suggestions(&self.named_keys.entries, kid, iss, &embedded)
            .into_iter()
            .map(|k| k.name.clone())
            .collect()
    }

    fn material(&self, name: &str) -> Result<Zeroizing<String>, String> {
        if let Some((_, text)) = self.session_keys.iter().find(|(n, _)| n == name) {
            return Ok(text.clone());
        }
        store::get(name)
    }

    pub(super) fn use_stored_key(&mut self, name: &str) {
        let set = match self
            .material(name)
            .and_then(|t| store::read_material(&t).map(|s| (s, t)))
        {
            Ok(found) => found,
            Err(e) => return self.say(e, true),
        };
        let (set, text) = set;
        let m = &mut self.model;
        match set.keys.as_slice() {
            [key] if key.is_secret() => {
                m.keys.secret = crate::core::b64::encode(key.secret_bytes().unwrap_or_default());
                m.state.secret_encoding = crate::core::keys::SecretEncoding::Base64Url;
            }
            keys if keys.iter().any(crate::core::Key::is_private) => {
                m.keys.private_key = text.to_string();
            }
            _ => m.keys.public_key = text.to_string(),
        }
        m.key_edited();
        self.say(tr!("notice-store-used", name = name), false);
    }

    /// The key in the fields as text a stored key is kept as.
    fn key_in_fields(&self) -> Option<String> {
        let k = &self.model.keys;
        use crate::core::keys::SecretEncoding as E;
        if !k.public_key.trim().is_empty() {
            Some(k.public_key.clone())
        } else if !k.private_key.trim().is_empty() {
            Some(k.private_key.clone())
        } else if !k.secret.is_empty() {
            Some(match self.model.state.secret_encoding {
                E::Base64Url => format!("b64url:{}", k.secret),
                E::Base64 => format!("b64:{}", k.secret),
                E::Hex => format!("hex:{}", k.secret),
                _ => k.secret.clone(),
            })
        } else {
            None
        }
    }

    pub(super) fn save_key_to_store(&mut self, name: &str) {
        let Some(text) = self.key_in_fields().map(Zeroizing::new) else {
            return self.say(tr!("notice-store-no-key"), true);
        };
        self.save_text_to_store(name, text);
    }

    /// Stores key text under `name`; a JWKS becomes one entry per key when asked
    /// ("NAME kid", or "NAME 1", "NAME 2" without kids).
    pub(super) fn save_text_to_store(&mut self, name: &str, text: Zeroizing<String>) {
        if self.named_keys.split_jwks
            && let Ok(set) = store::read_material(&text)
            && set.is_set
            && set.keys.len() > 1
        {
            for (i, key) in set.keys.iter().enumerate() {
                let suffix = key.kid.clone().unwrap_or_else(|| (i + 1).to_string());
                let one =
                    Zeroizing::new(crate::core::export::jwk(key, key.is_private()).to_string());
                self.save_one(&format!("{name} {suffix}"), one);
            }
            return;
        }
        self.save_one(name, text);
    }

    fn save_one(&mut self, name: &str, text: Zeroizing<String>) {
        let now = self.model.now();
        let iss = self
            .model
            .analysis
            .decoded
            .claims()
            .and_then(|c| c.get("iss"))
            .and_then(Value::as_str)
            .map(str::to_owned);
        match store::add(name, &text, None, iss.as_deref(), now) {
            Ok(k) => {
                self.named_keys.entries.retain(|e| e.name != k.name);
                self.named_keys.entries.push(k);
                self.named_keys.error = None;
                self.say(tr!("notice-store-saved", name = name), false);
            }
            Err(e) if e.contains("not reachable") || e.contains("credential store") => {
                // No credential store: kept in memory for this session, never on disk.
                match describe(name, &text, iss, now) {
                    Ok(k) => {
                        self.session_keys.retain(|(n, _)| n != name);
                        self.session_keys.push((name.to_owned(), text));
                        self.named_keys.entries.retain(|e| e.name != name);
                        self.named_keys.entries.push(k);
                        self.named_keys.session_only.push(name.to_owned());
                        self.named_keys.error = Some(tr!("store-unreachable-session"));
                        self.say(tr!("notice-store-session", name = name), false);
                    }
                    Err(e) => self.say(e, true),
                }
            }
            Err(e) => self.say(e, true),
        }
        self.named_keys.entries.sort_by(|a, b| a.name.cmp(&b.name));
        self.named_keys.new_name.clear();
    }

    pub(super) fn rename_stored_key(&mut self, old: &str, new: &str) {
        let new = new.trim();
        if new.is_empty() || new == old {
            return;
        }
        let text = match self.material(old) {
            Ok(t) => t,
            Err(e) => return self.say(e, true),
        };
        self.save_one(new, text);
        if self.named_keys.entries.iter().any(|e| e.name == new) {
            self.delete_stored_key(old);
            self.say(tr!("notice-store-renamed", old = old, new = new), false);
        }
    }

    /// Copies a stored key: the public part (PEM for one key, a public JWKS for a set), or the
    /// whole key when the user asked for it.
    pub(super) fn export_stored_key(&mut self, name: &str, whole: bool) {
        let text = match self.material(name) {
            Ok(t) => t,
            Err(e) => return self.say(e, true),
        };
        let exported = if whole {
            Ok(text.to_string())
        } else {
            store::read_material(&text).and_then(|set| match set.keys.as_slice() {
                [key] if key.is_secret() => Err(tr!("store-export-secret")),
                [key] => crate::core::export::public_pem(key).map_err(|e| e.to_string()),
                keys => Ok(serde_json::json!({
                    "keys": keys
                        .iter()
                        .filter(|k| !k.is_secret())
                        .map(|k| crate::core::export::jwk(k, false))
                        .collect::<Vec<_>>()
                })
                .to_string()),
            })
        };
        match exported {
            Ok(text) => {
                let copied = self.clipboard.set_text(&text, whole);
                self.report(copied, &tr!("notice-store-exported", name = name));
            }
            Err(e) => self.say(e, true),
        }
    }

    pub(super) fn delete_stored_key(&mut self, name: &str) {
        self.named_keys.confirm_delete = None;
        if let Some(i) = self.session_keys.iter().position(|(n, _)| n == name) {
            self.session_keys.remove(i);
        } else if let Err(e) = store::remove(name) {
            return self.say(e, true);
        }
        self.named_keys.entries.retain(|e| e.name != name);
        self.named_keys.session_only.retain(|n| n != name);
        self.say(tr!("notice-store-deleted", name = name), false);
    }
}

/// A session-only key's description.
fn describe(name: &str, text: &str, issuer: Option<String>, now: i64) -> Result<StoredKey, String> {
    let set = store::read_material(text)?;
    let first = set.keys.first().ok_or_else(|| tr!("notice-store-no-key"))?;
    Ok(StoredKey {
        name: name.to_owned(),
        kind: set.describe().to_string(),
        algs: first
            .algorithms()
            .iter()
            .map(|a| a.name().to_owned())
            .collect(),
        kid: first.kid.clone(),
        thumbprint: first.thumbprint(),
        issuer,
        note: None,
        created: now,
    })
}
