//! Reading what a command is given: an argument as text, `@PATH` for a file, `-` for stdin, each
//! with a cap that is named when it is exceeded (never a silent cut); keys; instants.

use std::io::IsTerminal as _;

use crate::core::keys::{KeyError, KeySet};
use crate::core::read::{self, ReadError};

/// Why an input could not be read.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    #[error("no {0}: give it as an argument or pipe it on stdin")]
    Missing(&'static str),
    #[error(transparent)]
    Read(#[from] ReadError),
    #[error("{what} is not UTF-8 text (byte {at} is invalid)")]
    NotUtf8 { what: String, at: usize },
}

/// Reads stdin up to `limit` bytes; more is an error naming the cap.
pub fn stdin_bytes(what: &'static str, limit: u64) -> Result<Vec<u8>, InputError> {
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        return Err(InputError::Missing(what));
    }
    Ok(read::read_capped(stdin.lock(), limit, "stdin")?)
}

fn utf8(bytes: Vec<u8>, what: String) -> Result<String, InputError> {
    String::from_utf8(bytes).map_err(|e| InputError::NotUtf8 {
        what,
        at: e.utf8_error().valid_up_to(),
    })
}

/// Text given as an argument, `@PATH` (a file) or `-` (stdin), up to the token cap (16 MiB).
/// `what` names it in messages ("token", "payload").
pub fn text_arg(spec: Option<&str>, what: &'static str) -> Result<String, InputError> {
    match spec {
        None | Some("-") => utf8(
            stdin_bytes(what, read::MAX_TOKEN_BYTES)?,
            format!("the {what} on stdin"),
        ),
        Some(spec) => match spec.strip_prefix('@') {
            Some(path) => {
                let bytes = read::read_file_capped(
                    std::path::Path::new(path),
                    read::MAX_TOKEN_BYTES,
                    &format!("{what} file"),
                )?;
                utf8(bytes, format!("{what} file {path}"))
            }
            None if spec.len() as u64 > read::MAX_TOKEN_BYTES => {
                Err(InputError::Read(ReadError::TooLarge {
                    what: format!("the {what} argument"),
                    limit: read::MAX_TOKEN_BYTES,
                }))
            }
            None => Ok(spec.to_owned()),
        },
    }
}

/// A token or code given to compare with: text, `@PATH` or `env:NAME` (kept out of the shell's
/// history and the process list).
pub fn secret_text_arg(flag: &str, spec: &str) -> Result<String, String> {
    if let Some(name) = spec.strip_prefix("env:") {
        return std::env::var(name)
            .map_err(|_| format!("{flag}: the environment variable {name} is not set"));
    }
    text_arg(Some(spec), "token")
        .map(|t| t.trim().to_owned())
        .map_err(|e| format!("{flag}: {e}"))
}

/// A token given as an argument or on stdin (`-` or nothing); `@PATH` is a token only where the
/// command says so, so that a token is never mistaken for a path.
pub fn token_arg(spec: Option<&str>) -> Result<String, InputError> {
    match spec {
        None | Some("-") => text_arg(None, "token"),
        Some(token) if token.len() as u64 > read::MAX_TOKEN_BYTES => {
            Err(InputError::Read(ReadError::TooLarge {
                what: "the token argument".into(),
                limit: read::MAX_TOKEN_BYTES,
            }))
        }
        Some(token) => Ok(token.to_owned()),
    }
}

/// A key argument (`--key`, `--verify-key`): the flag names it in messages.
pub fn key_arg(flag: &str, spec: &str) -> Result<KeySet, String> {
    // `store:NAME`: a key from the key store (jwt-debugger keys).
    if let Some(name) = spec.strip_prefix("store:") {
        return stored_key(name).map_err(|e| format!("{flag}: {e}"));
    }
    crate::core::keys::spec::resolve(spec).map_err(|e: KeyError| format!("{flag}: {e}"))
}

#[cfg(feature = "gui")]
fn stored_key(name: &str) -> Result<KeySet, String> {
    let text = crate::store::get(name)?;
    crate::store::read_material(&text)
}

#[cfg(not(feature = "gui"))]
fn stored_key(_name: &str) -> Result<KeySet, String> {
    Err("this build has no key store (it was built without the gui feature)".to_owned())
}

/// `--now`, or the clock.
pub fn now_arg(now: Option<&str>) -> Result<i64, String> {
    match now {
        Some(text) => crate::core::time::parse_instant(text).map_err(|e| format!("--now: {e}")),
        None => Ok(crate::clock::now_unix()),
    }
}
