//! Guessing the secret of an HS* token from a list of candidates: the bundled well-known secrets
//! and any wordlist the user points at. Runs wherever it is called (the UI calls it on a named
//! thread), reports progress through atomics and stops when asked.

use std::io::BufRead;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use super::alg::Alg;
use super::parse::Decoded;

/// What a guess is checked against: the exact signing input and the MAC.
#[derive(Debug, Clone)]
pub struct Target {
    alg: Alg,
    input: Vec<u8>,
    mac: Vec<u8>,
}

/// Progress shared with whoever watches the guesser.
#[derive(Debug, Default)]
pub struct Progress {
    /// Candidates tried so far.
    pub tried: AtomicU64,
    /// Set to stop early.
    pub cancel: AtomicBool,
}

/// How a guessing run ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Found { secret: Vec<u8>, tried: u64 },
    NotFound { tried: u64 },
    Cancelled { tried: u64 },
}

/// Why a token's secret cannot be guessed, or a guessing run could not go on.
#[derive(Debug, thiserror::Error)]
pub enum GuessError {
    #[error("the token has no readable alg")]
    NoAlg,
    #[error("alg {0} is not HMAC: only HS256/384/512 tokens have a secret to guess")]
    NotHmac(String),
    #[error("the token has no signing input")]
    NoInput,
    #[error("the token has no signature")]
    NoSignature,
    #[error("cannot open {path}: {}", super::text::io_error_words(.source))]
    Open {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("reading {path}: {source}")]
    Read {
        path: String,
        #[source]
        source: std::io::Error,
    },
}

impl Target {
    /// The HS* token's MAC and signing input; an error says why the token cannot be guessed.
    pub fn from_decoded(d: &Decoded) -> Result<Self, GuessError> {
        let name = d.alg_name().ok_or(GuessError::NoAlg)?;
        let alg = Alg::parse(name)
            .filter(|a| a.min_secret_len().is_some())
            .ok_or_else(|| GuessError::NotHmac(name.to_owned()))?;
        let input = d.signing_input().ok_or(GuessError::NoInput)?.into_owned();
        let mac = d
            .signature()
            .filter(|s| !s.is_empty())
            .ok_or(GuessError::NoSignature)?
            .to_vec();
        Ok(Self { alg, input, mac })
    }

    /// The whole run, as the command line and the app both do it: the bundled well-known secrets,
    /// then each line of the wordlist when one is given and nothing was found.
    pub fn run(
        &self,
        wordlist: Option<&std::path::Path>,
        progress: &Progress,
    ) -> Result<Outcome, GuessError> {
        let outcome = self.guess_bundled(progress);
        let (Outcome::NotFound { .. }, Some(path)) = (&outcome, wordlist) else {
            return Ok(outcome);
        };
        let shown = path.display().to_string();
        let file = std::fs::File::open(path).map_err(|source| GuessError::Open {
            path: shown.clone(),
            source,
        })?;
        self.guess_lines(std::io::BufReader::with_capacity(1 << 20, file), progress)
            .map_err(|source| GuessError::Read {
                path: shown,
                source,
            })
    }

    /// True when `secret` produces this token's MAC.
    pub fn matches(&self, secret: &[u8]) -> bool {
        super::verify::mac_matches(self.alg, secret, &self.input, &self.mac)
    }

    /// Tries candidates in order; progress is published every 1024 candidates.
    pub fn guess<'a>(
        &self,
        candidates: impl IntoIterator<Item = &'a [u8]>,
        progress: &Progress,
    ) -> Outcome {
        let mut tried = progress.tried.load(Ordering::Relaxed);
        for (i, candidate) in candidates.into_iter().enumerate() {
            if i % 1024 == 0 {
                progress.tried.store(tried, Ordering::Relaxed);
                if progress.cancel.load(Ordering::Relaxed) {
                    return Outcome::Cancelled { tried };
                }
            }
            tried += 1;
            if self.matches(candidate) {
                progress.tried.store(tried, Ordering::Relaxed);
                return Outcome::Found {
                    secret: candidate.to_vec(),
                    tried,
                };
            }
        }
        progress.tried.store(tried, Ordering::Relaxed);
        Outcome::NotFound { tried }
    }

    /// The bundled well-known secrets (empty secret first).
    pub fn guess_bundled(&self, progress: &Progress) -> Outcome {
        self.guess(
            super::verify::well_known_secrets().map(str::as_bytes),
            progress,
        )
    }

    /// Tries each line of a wordlist (newline-separated, `\r\n` accepted), streaming it.
    pub fn guess_lines(
        &self,
        mut reader: impl BufRead,
        progress: &Progress,
    ) -> std::io::Result<Outcome> {
        let mut line = Vec::with_capacity(64);
        let mut tried = progress.tried.load(Ordering::Relaxed);
        let limit = super::read::MAX_WORDLIST_LINE_BYTES;
        loop {
            line.clear();
            let read =
                std::io::Read::take(&mut reader, limit as u64 + 1).read_until(b'\n', &mut line)?;
            if read == 0 {
                progress.tried.store(tried, Ordering::Relaxed);
                return Ok(Outcome::NotFound { tried });
            }
            if line.len() > limit && line.last() != Some(&b'\n') {
                // `/dev/zero`, a binary file: one endless line is not a list of secrets.
                return Err(std::io::Error::new(
                    std::io::ErrorKind::InvalidData,
                    format!(
                        "a line is longer than {}: this is not a wordlist",
                        super::text::byte_size(limit as u64)
                    ),
                ));
            }
            while matches!(line.last(), Some(b'\n' | b'\r')) {
                line.pop();
            }
            if tried.is_multiple_of(1024) {
                progress.tried.store(tried, Ordering::Relaxed);
                if progress.cancel.load(Ordering::Relaxed) {
                    return Ok(Outcome::Cancelled { tried });
                }
            }
            tried += 1;
            if self.matches(&line) {
                progress.tried.store(tried, Ordering::Relaxed);
                return Ok(Outcome::Found {
                    secret: line,
                    tried,
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::{keys, parse, sign};

    fn token(secret: &str, alg: &str) -> Decoded {
        let key = keys::parse_text(secret).unwrap();
        let t = sign::sign(
            &format!(r#"{{"alg":"{alg}"}}"#),
            r#"{"sub":"x"}"#,
            key.keys.first(),
            sign::Unsecured::Refuse,
        )
        .unwrap();
        parse::decode(&t.token)
    }

    #[test]
    fn finds_a_bundled_secret() {
        let target = Target::from_decoded(&token("your-256-bit-secret", "HS256")).unwrap();
        match target.guess_bundled(&Progress::default()) {
            Outcome::Found { secret, .. } => assert_eq!(secret, b"your-256-bit-secret"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn finds_a_secret_in_a_wordlist_with_crlf_lines() {
        for alg in ["HS256", "HS384", "HS512"] {
            let target = Target::from_decoded(&token("hunter2-but-longer", alg)).unwrap();
            let list = b"alpha\r\nbeta\r\nhunter2-but-longer\r\nomega\n";
            let progress = Progress::default();
            assert_eq!(
                target.guess_lines(&list[..], &progress).unwrap(),
                Outcome::Found {
                    secret: b"hunter2-but-longer".to_vec(),
                    tried: 3
                }
            );
        }
    }

    #[test]
    fn reports_not_found_and_cancel() {
        let target =
            Target::from_decoded(&token("a-secret-nobody-lists-here-12345", "HS256")).unwrap();
        assert_eq!(
            target
                .guess_lines(&b"x\ny\n"[..], &Progress::default())
                .unwrap(),
            Outcome::NotFound { tried: 2 }
        );
        let progress = Progress::default();
        progress.cancel.store(true, Ordering::Relaxed);
        assert!(matches!(
            target.guess_lines(&b"x\ny\n"[..], &progress).unwrap(),
            Outcome::Cancelled { .. }
        ));
    }

    #[test]
    fn only_hmac_tokens_can_be_guessed() {
        let d = parse::decode("eyJhbGciOiJSUzI1NiJ9.e30.c2ln");
        assert!(
            Target::from_decoded(&d)
                .unwrap_err()
                .to_string()
                .contains("not HMAC")
        );
        let d = parse::decode("eyJhbGciOiJIUzI1NiJ9.e30.");
        assert!(Target::from_decoded(&d).is_err());
    }
}
