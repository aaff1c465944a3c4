//! Reading files and streams with a cap: nothing a user points the tool at (`/dev/zero`, a 2 GB
//! file, an endless pipe) is read without limit. The caps are documented in `--help` and the
//! README.

use std::io::Read;

/// Tokens, payloads and anything else read as a token: 16 MiB.
pub const MAX_TOKEN_BYTES: u64 = super::parse::MAX_INPUT_BYTES as u64;
/// Key files (PEM, DER, JWK, JWKS, secrets): 4 MiB, well above a JWKS of a thousand keys.
pub const MAX_KEY_BYTES: u64 = 4 * 1024 * 1024;
/// Claim dictionaries: 4 MiB.
pub const MAX_DICTIONARY_BYTES: u64 = 4 * 1024 * 1024;
/// One line of a wordlist: 4 KiB (a longer line is not a password).
pub const MAX_WORDLIST_LINE_BYTES: usize = 4096;

/// Why a capped read failed.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{what} is over the {} limit", super::text::byte_size(*.limit))]
    TooLarge { what: String, limit: u64 },
    #[error("cannot read {what}: {}", super::text::io_error_words(.source))]
    Io {
        what: String,
        #[source]
        source: std::io::Error,
    },
}

/// Reads all of `reader`, failing once more than `limit` bytes arrive. `what` names the source
/// in messages ("the key file keys/a.pem", "stdin").
pub fn read_capped(reader: impl Read, limit: u64, what: &str) -> Result<Vec<u8>, ReadError> {
    let mut bytes = Vec::new();
    reader
        .take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|source| ReadError::Io {
            what: what.to_owned(),
            source,
        })?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge {
            what: what.to_owned(),
            limit,
        });
    }
    Ok(bytes)
}

/// Reads the file at `path` with a cap (the size the file system reports is not trusted:
/// `/dev/zero` says 0).
pub fn read_file_capped(
    path: &std::path::Path,
    limit: u64,
    what: &str,
) -> Result<Vec<u8>, ReadError> {
    let shown = format!("{what} {}", path.display());
    let file = std::fs::File::open(path).map_err(|source| ReadError::Io {
        what: shown.clone(),
        source,
    })?;
    read_capped(file, limit, &shown)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_endless_source_stops_at_the_cap_with_a_message() {
        let e = read_capped(std::io::repeat(0), 1024, "stdin").unwrap_err();
        assert_eq!(e.to_string(), "stdin is over the 1 KiB limit");
        assert_eq!(read_capped(&b"abc"[..], 3, "x").unwrap(), b"abc");
    }

    #[cfg(unix)]
    #[test]
    fn dev_zero_is_read_only_up_to_the_cap() {
        let e =
            read_file_capped(std::path::Path::new("/dev/zero"), 4096, "the key file").unwrap_err();
        assert_eq!(
            e.to_string(),
            "the key file /dev/zero is over the 4 KiB limit"
        );
    }
}
