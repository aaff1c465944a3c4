//! Writing what the user asked to save: key files (secrets and private keys readable by the owner
//! only), exported keys, tokens. The command line and the app write through these, so a private
//! key gets mode 0600 whichever way it is saved.

use std::io::Write as _;
use std::path::{Path, PathBuf};

/// Why a file could not be written.
#[derive(Debug, thiserror::Error)]
#[error("cannot write {}: {}", .path.display(), super::text::io_error_words(.source))]
pub struct WriteError {
    pub path: PathBuf,
    #[source]
    pub source: std::io::Error,
}

/// How to write a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mode {
    /// Holds a secret or a private key: readable and writable by the owner only (0600).
    pub secret: bool,
    /// Replace a file that is already there; otherwise refuse.
    pub replace: bool,
}

/// Writes `contents` to `path`.
pub fn write(path: &Path, contents: &[u8], mode: Mode) -> Result<(), WriteError> {
    let fail = |source| WriteError {
        path: path.to_owned(),
        source,
    };
    let mut options = std::fs::OpenOptions::new();
    options.write(true);
    if mode.replace {
        options.create(true).truncate(true);
    } else {
        options.create_new(true);
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.mode(if mode.secret { 0o600 } else { 0o644 });
    }
    let mut file = options.open(path).map_err(fail)?;
    // An existing file keeps its permissions when it is replaced: tighten them for a secret.
    #[cfg(unix)]
    if mode.secret {
        use std::os::unix::fs::PermissionsExt as _;
        file.set_permissions(std::fs::Permissions::from_mode(0o600))
            .map_err(fail)?;
    }
    file.write_all(contents)
        .and_then(|()| file.sync_all())
        .map_err(fail)
}

/// Writes every file or none: new files only (nothing is replaced), and when one cannot be
/// written, those already written are removed again.
pub fn write_all_new(files: &[(PathBuf, Vec<u8>, bool)]) -> Result<(), WriteError> {
    for (i, (path, contents, secret)) in files.iter().enumerate() {
        let mode = Mode {
            secret: *secret,
            replace: false,
        };
        if let Err(e) = write(path, contents, mode) {
            for (written, _, _) in &files[..i] {
                std::fs::remove_file(written).ok();
            }
            return Err(e);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_or_none_removes_what_it_wrote_when_one_file_fails() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.pem");
        let b = dir.path().join("b.pem");
        std::fs::write(&b, "already here").unwrap();
        let files = vec![
            (a.clone(), b"x".to_vec(), true),
            (b.clone(), b"y".to_vec(), false),
        ];
        assert!(write_all_new(&files).is_err());
        assert!(!a.exists(), "the first file was removed again");
        assert_eq!(std::fs::read_to_string(&b).unwrap(), "already here");
    }

    #[cfg(unix)]
    #[test]
    fn secrets_are_readable_by_the_owner_only() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("k.pem");
        std::fs::write(&path, "old").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        let mode = Mode {
            secret: true,
            replace: true,
        };
        write(&path, b"new", mode).unwrap();
        let bits = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(bits, 0o600);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
    }
}
