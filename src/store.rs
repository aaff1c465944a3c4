//! The key store: named keys (HMAC secrets, key pairs, public keys, JWKS, passwords) for the
//! systems a tester works on. The key material lives in the operating system's credential store
//! (Secret Service, Keychain, Credential Manager, through `keyring`), one entry per key; what
//! describes it (name, kind, algorithms, kid, RFC 7638 thumbprint, issuer, note, when added)
//! lives in `keys.json` in the configuration folder, which never holds key material. Without a
//! reachable credential store nothing is written at all.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use crate::core::keys;

const SERVICE: &str = "jwt-debugger";

/// What describes a stored key (never its material).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct StoredKey {
    pub name: String,
    /// "EC P-256 private key (PKCS#8 PEM)", "JWK Set of 3 keys", "HMAC secret, 32 bytes".
    pub kind: String,
    pub algs: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kid: Option<String>,
    /// The RFC 7638 thumbprint of the (first) key.
    pub thumbprint: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuer: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Unix seconds.
    pub created: i64,
}

/// The folder `keys.json` lives in: the platform's configuration folder for the app
/// (`$XDG_CONFIG_HOME/jwt-debugger` on Linux, `~/Library/Application Support/jwt-debugger` on
/// macOS, `%APPDATA%\jwt-debugger\config` on Windows).
fn folder() -> Result<PathBuf, String> {
    directories::ProjectDirs::from("", "", "jwt-debugger")
        .map(|dirs| dirs.config_dir().to_path_buf())
        .ok_or_else(|| "no configuration folder: the home folder is unknown".to_owned())
}

fn metadata_path() -> Result<PathBuf, String> {
    Ok(folder()?.join("keys.json"))
}

/// Every stored key's description, by name.
pub fn list() -> Result<Vec<StoredKey>, String> {
    let path = metadata_path()?;
    match std::fs::read_to_string(&path) {
        Ok(text) => serde_json::from_str(&text)
            .map_err(|e| format!("{} cannot be read: {e}", path.display())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Vec::new()),
        Err(e) => Err(format!("{}: {e}", path.display())),
    }
}

fn write_list(list: &[StoredKey]) -> Result<(), String> {
    let path = metadata_path()?;
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    let text = serde_json::to_string_pretty(list).map_err(|e| e.to_string())?;
    let tmp = path.with_extension("json.tmp");
    std::fs::write(&tmp, text).map_err(|e| format!("{}: {e}", tmp.display()))?;
    std::fs::rename(&tmp, &path).map_err(|e| format!("{}: {e}", path.display()))
}

fn entry(name: &str) -> Result<keyring::Entry, String> {
    keyring::Entry::new(SERVICE, &format!("key:{name}")).map_err(store_error)
}

fn store_error(e: keyring::Error) -> String {
    match e {
        keyring::Error::NoStorageAccess(inner) => {
            format!("the system's credential store is not reachable ({inner}); nothing was stored")
        }
        keyring::Error::NoEntry => "no such key in the credential store".to_owned(),
        other => format!("the credential store failed: {other}"),
    }
}

/// A name people can type: letters, digits, spaces and `-_.:()`, at most 100 characters.
fn check_name(name: &str) -> Result<(), String> {
    let ok = !name.trim().is_empty()
        && name.chars().count() <= 100
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || " -_.:()".contains(c));
    if ok {
        Ok(())
    } else {
        Err(format!(
            "\"{}\" is not a key name (letters, digits, spaces and -_.:() only, at most 100)",
            crate::core::text::escape_line(name)
        ))
    }
}

/// Stores `text` (any key form `--key` reads) as `name`, replacing a key of that name.
pub fn add(
    name: &str,
    text: &str,
    note: Option<&str>,
    issuer: Option<&str>,
    now: i64,
) -> Result<StoredKey, String> {
    check_name(name)?;
    let set = read_material(text)?;
    let first = set.keys.first().ok_or("the key text holds no key")?;
    let mut algs: Vec<String> = set
        .keys
        .iter()
        .flat_map(|k| k.algorithms())
        .map(|a| a.name().to_owned())
        .collect();
    algs.dedup();
    let described = StoredKey {
        name: name.to_owned(),
        kind: set.describe().to_string(),
        algs,
        kid: first.kid.clone(),
        thumbprint: first.thumbprint(),
        issuer: issuer.map(str::to_owned),
        note: note.map(str::to_owned),
        created: now,
    };
    // The material first: if the store is not there, nothing at all is written.
    entry(name)?.set_password(text).map_err(store_error)?;
    let mut list = list()?;
    list.retain(|k| k.name != name);
    list.push(described.clone());
    list.sort_by(|a, b| a.name.cmp(&b.name));
    write_list(&list)?;
    Ok(described)
}

/// The key text stored as `name`.
pub fn get(name: &str) -> Result<Zeroizing<String>, String> {
    if !list()?.iter().any(|k| k.name == name) {
        return Err(format!(
            "no key named \"{}\" in the key store (jwt-debugger keys list)",
            crate::core::text::escape_line(name)
        ));
    }
    entry(name)?
        .get_password()
        .map(Zeroizing::new)
        .map_err(store_error)
}

/// Removes `name` from the credential store and its description.
pub fn remove(name: &str) -> Result<(), String> {
    let mut list = list()?;
    let before = list.len();
    list.retain(|k| k.name != name);
    if list.len() == before {
        return Err(format!(
            "no key named \"{}\" in the key store",
            crate::core::text::escape_line(name)
        ));
    }
    match entry(name)?.delete_credential() {
        Ok(()) | Err(keyring::Error::NoEntry) => {}
        Err(e) => return Err(store_error(e)),
    }
    write_list(&list)
}

/// The keys stored text stands for: the forms `--key` takes besides `@PATH` and `env:NAME`
/// (`b64:`, `b64url:`, `hex:` secrets, PEM, JWK, JWKS, OpenSSH, a plain secret).
pub fn read_material(text: &str) -> Result<keys::KeySet, String> {
    if text.starts_with('@') || text.starts_with("env:") {
        return keys::parse_text(text).map_err(|e| e.to_string());
    }
    crate::core::keys::spec::resolve(text).map_err(|e| e.to_string())
}
