//! Remembered keys live in the operating system's credential store (Secret Service on Linux,
//! Keychain on macOS, Credential Manager on Windows), through the `keyring` crate; never in the
//! settings file, which eframe writes as plain text. When no store is reachable the app says so
//! and keeps the key in memory only.

use zeroize::Zeroizing;

use crate::tr;

use super::state::KeyInputs;

const SERVICE: &str = "jwt-debugger";
const ACCOUNT: &str = "remembered-keys";

/// Where remembered keys go.
pub trait KeyStore {
    /// The remembered keys, if any.
    fn load(&self) -> Result<Option<KeyInputs>, StoreError>;
    fn save(&self, keys: &KeyInputs) -> Result<(), StoreError>;
    /// Removes the remembered keys (nothing stored is fine).
    fn forget(&self) -> Result<(), StoreError>;
}

/// Why the credential store could not do what was asked. Never holds key material.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreError {
    /// No credential store on this machine (no Secret Service running): nothing can be
    /// remembered, and nothing was.
    Unreachable(String),
    /// The store is there but failed.
    Failed(String),
    /// What the store gave back is not keys written by this app.
    Unreadable,
}

impl StoreError {
    /// The error in the app's language (the store's own reason after it, as it said it).
    pub fn words(&self) -> String {
        match self {
            Self::Unreachable(_) => tr!("store-unreachable"),
            Self::Failed(detail) => tr!("store-failed", detail = detail.as_str()),
            Self::Unreadable => tr!("store-unreadable"),
        }
    }
}

impl<T: KeyStore> KeyStore for std::sync::Arc<T> {
    fn load(&self) -> Result<Option<KeyInputs>, StoreError> {
        (**self).load()
    }
    fn save(&self, keys: &KeyInputs) -> Result<(), StoreError> {
        (**self).save(keys)
    }
    fn forget(&self) -> Result<(), StoreError> {
        (**self).forget()
    }
}

/// The system's credential store (or, in tests, keyring's mock store).
#[derive(Debug, Default)]
pub struct SystemKeyStore;

fn entry() -> Result<keyring::Entry, StoreError> {
    keyring::Entry::new(SERVICE, ACCOUNT).map_err(store_error)
}

/// keyring's errors as ours, without the secret (its messages never contain it).
fn store_error(e: keyring::Error) -> StoreError {
    match e {
        keyring::Error::NoStorageAccess(inner) => StoreError::Unreachable(inner.to_string()),
        keyring::Error::PlatformFailure(inner) => StoreError::Failed(inner.to_string()),
        other => StoreError::Failed(other.to_string()),
    }
}

impl KeyStore for SystemKeyStore {
    fn load(&self) -> Result<Option<KeyInputs>, StoreError> {
        match entry()?.get_password() {
            Ok(json) => {
                let json = Zeroizing::new(json);
                serde_json::from_str(&json)
                    .map(Some)
                    .map_err(|_| StoreError::Unreadable)
            }
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(e) => Err(store_error(e)),
        }
    }

    fn save(&self, keys: &KeyInputs) -> Result<(), StoreError> {
        let json = Zeroizing::new(
            serde_json::to_string(keys).map_err(|e| StoreError::Failed(e.to_string()))?,
        );
        entry()?.set_password(&json).map_err(store_error)
    }

    fn forget(&self) -> Result<(), StoreError> {
        match entry()?.delete_credential() {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(e) => Err(store_error(e)),
        }
    }
}

/// Keys kept in memory only (tests, and the app when told not to touch the system store).
#[derive(Debug, Default)]
pub struct MemoryKeyStore {
    stored: std::sync::Mutex<Option<String>>,
    /// Behave as a machine without any credential store.
    unreachable: bool,
}

impl MemoryKeyStore {
    /// A store that is never reachable, like a machine without Secret Service.
    pub fn unreachable() -> Self {
        Self {
            unreachable: true,
            ..Self::default()
        }
    }
}

impl KeyStore for MemoryKeyStore {
    fn load(&self) -> Result<Option<KeyInputs>, StoreError> {
        if self.unreachable {
            return Err(StoreError::Unreachable(String::new()));
        }
        let stored = self
            .stored
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        Ok(stored.as_deref().and_then(|j| serde_json::from_str(j).ok()))
    }
    fn save(&self, keys: &KeyInputs) -> Result<(), StoreError> {
        if self.unreachable {
            return Err(StoreError::Unreachable(String::new()));
        }
        let json = serde_json::to_string(keys).map_err(|e| StoreError::Failed(e.to_string()))?;
        *self
            .stored
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = Some(json);
        Ok(())
    }
    fn forget(&self) -> Result<(), StoreError> {
        if self.unreachable {
            return Err(StoreError::Unreachable(String::new()));
        }
        *self
            .stored
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = None;
        Ok(())
    }
}

/// Makes the settings file (and its folder) readable by the user alone, before eframe first
/// writes it: eframe re-creates the file in place, which keeps the mode.
pub fn protect_settings_file(app_id: &str) {
    let Some(dir) = eframe::storage_dir(app_id) else {
        return;
    };
    if std::fs::create_dir_all(&dir).is_err() {
        return;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::{OpenOptionsExt as _, PermissionsExt as _};
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o700)).ok();
        let file = dir.join("app.ron");
        if file.exists() {
            std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)).ok();
        } else if let Ok(mut f) = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(&file)
        {
            use std::io::Write as _;
            f.write_all(b"{}\n").ok();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(secret: &str) -> KeyInputs {
        let mut k = KeyInputs::default();
        k.secret = secret.to_owned();
        k
    }

    #[test]
    fn the_system_store_round_trips_through_keyrings_mock() {
        keyring::set_default_credential_builder(keyring::mock::default_credential_builder());
        let store = SystemKeyStore;
        // The mock keeps nothing between entries, so exercise each call's error handling.
        assert!(store.save(&keys("s3cret")).is_ok());
        assert!(store.forget().is_ok());
        assert!(matches!(store.load(), Ok(None) | Ok(Some(_))));
    }

    #[test]
    fn an_unreachable_store_says_so() {
        let store = MemoryKeyStore::unreachable();
        let e = store.save(&keys("x")).unwrap_err();
        assert!(matches!(e, StoreError::Unreachable(_)));
        assert!(e.words().contains("no credential store"), "{}", e.words());
        let store = MemoryKeyStore::default();
        store.save(&keys("x")).unwrap();
        assert_eq!(store.load().unwrap().unwrap().secret, "x");
        store.forget().unwrap();
        assert!(store.load().unwrap().is_none());
    }
}
