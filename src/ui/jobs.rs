//! Work that does not fit in a frame, on named threads that report through a channel and ask for
//! a repaint: key generation, fetching keys, guessing a secret, encrypting, analyses that derive a
//! PBES2 key, analysing the tokens found in a text or file, scanning large pasted text, and
//! reading and writing the files the user chose. Also the file and key helpers those jobs and the
//! app share. (The model analyses a token on the UI thread when that takes microseconds: a
//! keystroke must show its verdict in the same frame.)
//!
//! A job runs in the language of the app when it was started, so what it says reads like the
//! rest of the window.

use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;
use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};
use std::sync::{Arc, Mutex};

use super::shared::{ExportWhat, KeySlot};
use crate::core::text::{byte_size, io_error_words};
use crate::core::{self, guess, keys};
use crate::tr;

/// What a finished job brought back.
pub enum JobResult {
    /// An analysis made off the UI thread, for the inputs' hash it was asked for.
    Analysis(u64, Box<core::Analysis>),
    /// What the tokens of a found list are, for the keys (by hash) they were analysed with.
    FoundFacts {
        tokens: Vec<String>,
        keys: u64,
        facts: Vec<super::model::RowFacts>,
    },
    /// Large pasted text, scanned: the text and the tokens in it.
    ScannedText {
        text: String,
        found: Vec<core::scan::Found>,
    },
    /// A file the user chose, read (or why not).
    FileRead {
        purpose: super::files::Purpose,
        path: PathBuf,
        bytes: Result<Vec<u8>, String>,
    },
    /// A file the user chose, written (or why not).
    FileWritten {
        purpose: super::files::Purpose,
        path: PathBuf,
        result: Result<(), String>,
    },
    /// A generated key.
    Key(Result<Box<core::Key>, String>),
    /// JWKS text and where it came from.
    Fetched(Result<(String, String), String>),
    /// An encrypted token, or why it could not be made.
    Encrypted(Result<String, String>),
    /// The tokens found in a file, and the file's name.
    Scanned(Result<(String, Vec<core::scan::Found>), String>),
}

/// The recipient's key for `need`: key text (PEM, JWK), or for secrets also `b64url:`, `b64:`,
/// `hex:` or plain text, and for PBES2 the password as typed.
fn recipient_key(text: &str, need: core::jwe::KeyNeed) -> Result<core::Key, String> {
    use core::jwe::KeyNeed;
    let trimmed = text.trim();
    let parsed = match need {
        KeyNeed::Password => return Ok(core::KeySet::from_secret(text.as_bytes()).keys.remove(0)),
        KeyNeed::Rsa | KeyNeed::Ecdh => keys::parse_text(trimmed).map_err(|e| e.to_string())?,
        KeyNeed::Secret(_) if trimmed.starts_with('{') => {
            keys::parse_text(trimmed).map_err(|e| e.to_string())?
        }
        KeyNeed::Secret(_) => core::KeySet::of(
            keys::parse_prefixed_secret(trimmed)
                .unwrap_or_else(|| keys::parse_secret(text, keys::SecretEncoding::Utf8))
                .map_err(|e| e.to_string())?,
        ),
    };
    parsed
        .keys
        .into_iter()
        .next()
        .ok_or_else(|| tr!("key-set-empty"))
}

/// What the guesser is doing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GuessStatus {
    Running { tried: u64, what: String },
    Found { secret: String, tried: u64 },
    NotFound { tried: u64, what: String },
    Failed(String),
}

struct GuessJob {
    progress: Arc<guess::Progress>,
    rx: Receiver<Result<guess::Outcome, String>>,
    what: String,
}

/// The jobs in flight.
pub struct Jobs {
    tx: Sender<JobResult>,
    rx: Receiver<JobResult>,
    guess: Option<GuessJob>,
    fetch_cache: Arc<Mutex<core::fetch::Cache>>,
    /// What is running, for the key tools' busy line.
    pub busy: Option<String>,
    /// Jobs started whose result has not been polled yet.
    in_flight: usize,
}

impl Default for Jobs {
    fn default() -> Self {
        let (tx, rx) = channel();
        Self {
            tx,
            rx,
            guess: None,
            fetch_cache: Arc::default(),
            busy: None,
            in_flight: 0,
        }
    }
}

impl Jobs {
    /// Runs `work` on a thread named `name`; its result comes back through [`Jobs::poll`].
    fn spawn(
        &mut self,
        name: &str,
        busy: String,
        ctx: &egui::Context,
        work: impl FnOnce() -> JobResult + Send + 'static,
    ) -> Result<(), String> {
        let tx = self.tx.clone();
        let ctx = ctx.clone();
        let lang = crate::i18n::current();
        std::thread::Builder::new()
            .name(name.to_owned())
            .spawn(move || {
                crate::i18n::set(lang);
                tx.send(work()).ok();
                ctx.request_repaint();
            })
            .map_err(|e| tr!("job-cannot-start", name = name, error = e.to_string()))?;
        self.busy = Some(busy);
        self.in_flight += 1;
        Ok(())
    }

    /// Generates a key for `alg` (RSA of `rsa_bits`) on the "key-generator" thread.
    pub fn generate_key(
        &mut self,
        alg: core::Alg,
        rsa_bits: usize,
        ctx: &egui::Context,
    ) -> Result<(), String> {
        use core::keygen::KeyKind;
        let mut kind = KeyKind::for_alg(alg).ok_or_else(|| tr!("keygen-none"))?;
        if let KeyKind::Rsa(_) = kind {
            kind = KeyKind::Rsa(rsa_bits);
        }
        let busy = tr!("busy-generating", alg = alg.name());
        self.spawn("key-generator", busy, ctx, move || {
            JobResult::Key(
                core::keygen::generate(kind)
                    .map(Box::new)
                    .map_err(|e| e.to_string()),
            )
        })
    }

    /// Encrypts `token` for the recipient's key on the "encrypt" thread (PBES2 takes a while).
    pub fn encrypt(
        &mut self,
        token: String,
        key_text: String,
        request: super::shared::EncryptRequest,
        ctx: &egui::Context,
    ) -> Result<(), String> {
        let busy = tr!(
            "busy-encrypting",
            alg = request.alg.name(),
            enc = request.enc.name()
        );
        self.spawn("encrypt", busy, ctx, move || {
            let key_text = zeroize::Zeroizing::new(key_text);
            let result = recipient_key(&key_text, request.alg.needs(request.enc)).and_then(|key| {
                let options = core::jwe::EncryptOptions {
                    cty: request.nested.then(|| "JWT".to_owned()),
                    zip: request.zip,
                    ..Default::default()
                };
                core::jwe::encrypt(token.as_bytes(), request.alg, request.enc, &key, &options)
                    .map_err(|e| e.to_string())
            });
            JobResult::Encrypted(result)
        })
    }

    /// Finds every token in a file of any size (a log or a HAR file), streaming it, on the
    /// "token-scan" thread.
    pub fn scan_file(&mut self, path: PathBuf, ctx: &egui::Context) -> Result<(), String> {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| path.display().to_string());
        let busy = tr!("busy-scanning", name = name.as_str());
        self.spawn("token-scan", busy, ctx, move || {
            let result = std::fs::File::open(&path)
                .and_then(|file| {
                    let har = core::scan::har_hint(path.to_str(), false);
                    core::scan::scan_stream(file, har)
                })
                .map(|found| (name.clone(), found))
                .map_err(|e| {
                    tr!(
                        "cannot-read-file",
                        path = name.as_str(),
                        error = io_error_words(&e)
                    )
                });
            JobResult::Scanned(result)
        })
    }

    /// Fetches keys from a JWKS URL, or discovers them from an issuer, on the "key-fetch" thread.
    pub fn fetch_keys(
        &mut self,
        what: String,
        discover: bool,
        ctx: &egui::Context,
    ) -> Result<(), String> {
        let cache = self.fetch_cache.clone();
        let busy = tr!("busy-fetching", what = what.as_str());
        self.spawn("key-fetch", busy, ctx, move || {
            let result = match cache.lock() {
                Ok(mut c) => c
                    .get_or_fetch(&what, discover, core::fetch::Policy::default())
                    .map_err(|e| e.to_string()),
                Err(_) => Err(tr!("fetch-cache-unavailable")),
            };
            JobResult::Fetched(result)
        })
    }

    /// Analyses the token of `request` on the "token-analysis" thread (PBES2 key derivation).
    pub fn analyze(
        &mut self,
        request: super::model::AnalysisRequest,
        ctx: &egui::Context,
    ) -> Result<(), String> {
        let busy = tr!("busy-deriving");
        self.spawn("token-analysis", busy, ctx, move || {
            let super::model::AnalysisRequest {
                input,
                token,
                keys,
                options,
            } = request;
            let analysis = core::analyze(&token, keys.as_ref(), options);
            JobResult::Analysis(input, Box::new(analysis))
        })
    }

    /// Analyses every found token with the keys on the "found-tokens" thread.
    pub fn found_facts(
        &mut self,
        tokens: Vec<String>,
        keys: Option<core::KeySet>,
        options: core::Options,
        keys_hash: u64,
        ctx: &egui::Context,
    ) -> Result<(), String> {
        let busy = tr!("busy-analysing-found", count = tokens.len());
        self.spawn("found-tokens", busy, ctx, move || {
            let facts = super::model::row_facts(&tokens, keys.as_ref(), &options);
            JobResult::FoundFacts {
                tokens,
                keys: keys_hash,
                facts,
            }
        })
    }

    /// Finds the tokens in a large pasted text on the "text-scan" thread.
    pub fn scan_text(&mut self, text: String, ctx: &egui::Context) -> Result<(), String> {
        let busy = tr!("busy-scanning-text", size = byte_size(text.len() as u64));
        self.spawn("text-scan", busy, ctx, move || {
            let found = core::scan::scan_source(text.as_bytes(), None);
            JobResult::ScannedText { text, found }
        })
    }

    /// Reads a file the user chose on the "file-read" thread.
    pub fn read(
        &mut self,
        purpose: super::files::Purpose,
        path: PathBuf,
        ctx: &egui::Context,
    ) -> Result<(), String> {
        let busy = tr!("busy-reading", path = path.display().to_string());
        self.spawn("file-read", busy, ctx, move || {
            let bytes = read_file(&path);
            JobResult::FileRead {
                purpose,
                path,
                bytes,
            }
        })
    }

    /// Writes `contents` to a file the user chose on the "file-write" thread; `secret` files
    /// (private keys) are readable by the owner only.
    pub fn write(
        &mut self,
        purpose: super::files::Purpose,
        path: PathBuf,
        contents: zeroize::Zeroizing<Vec<u8>>,
        secret: bool,
        ctx: &egui::Context,
    ) -> Result<(), String> {
        let busy = tr!("busy-writing", path = path.display().to_string());
        self.spawn("file-write", busy, ctx, move || {
            let mode = core::files::Mode {
                secret,
                replace: true,
            };
            let result = core::files::write(&path, &contents, mode).map_err(|e| {
                tr!(
                    "cannot-save",
                    path = path.display().to_string(),
                    error = io_error_words(&e.source)
                )
            });
            JobResult::FileWritten {
                purpose,
                path,
                result,
            }
        })
    }

    /// Finished jobs since the last call.
    pub fn poll(&mut self) -> Vec<JobResult> {
        let results: Vec<JobResult> = self.rx.try_iter().collect();
        if !results.is_empty() {
            self.busy = None;
        }
        self.in_flight = self.in_flight.saturating_sub(results.len());
        results
    }

    /// Whether a job (not the guesser) is still working or its result is not yet polled.
    pub fn working(&self) -> bool {
        self.in_flight > 0
    }

    /// Starts guessing the secret of `decoded` on the "secret-guesser" thread: the bundled list,
    /// then the wordlist if one is given. Cancels a guess in flight.
    pub fn start_guess(
        &mut self,
        decoded: &core::Decoded,
        wordlist: Option<PathBuf>,
        ctx: &egui::Context,
    ) -> GuessStatus {
        self.cancel_guess();
        let target = match guess::Target::from_decoded(decoded) {
            Ok(t) => t,
            Err(e) => return GuessStatus::Failed(e.to_string()),
        };
        let what = match &wordlist {
            Some(p) => tr!("guess-what-wordlist", path = p.display().to_string()),
            None => tr!("guess-what-bundled"),
        };
        let progress = Arc::new(guess::Progress::default());
        let (tx, rx) = channel();
        let (p, repaint) = (progress.clone(), ctx.clone());
        let lang = crate::i18n::current();
        let spawned = std::thread::Builder::new()
            .name("secret-guesser".into())
            .spawn(move || {
                crate::i18n::set(lang);
                // The same run as the command line's `guess`: bundled secrets, then the list.
                let outcome = target
                    .run(wordlist.as_deref(), &p)
                    .map_err(|e| e.to_string());
                tx.send(outcome).ok();
                repaint.request_repaint();
            });
        match spawned {
            Ok(_) => {
                self.guess = Some(GuessJob {
                    progress,
                    rx,
                    what: what.clone(),
                });
                GuessStatus::Running { tried: 0, what }
            }
            Err(e) => GuessStatus::Failed(tr!(
                "job-cannot-start",
                name = "secret-guesser",
                error = e.to_string()
            )),
        }
    }

    pub fn cancel_guess(&mut self) {
        if let Some(job) = &self.guess {
            job.progress.cancel.store(true, Ordering::Relaxed);
        }
    }

    /// The guesser's progress or outcome; `None` when none is running. While it runs, asks for a
    /// repaint in 100 ms to move the counter.
    pub fn poll_guess(&mut self, ctx: &egui::Context) -> Option<GuessStatus> {
        let job = self.guess.as_ref()?;
        let tried = job.progress.tried.load(Ordering::Relaxed);
        let status = match job.rx.try_recv() {
            Err(TryRecvError::Empty) => {
                ctx.request_repaint_after(std::time::Duration::from_millis(100));
                return Some(GuessStatus::Running {
                    tried,
                    what: job.what.clone(),
                });
            }
            Err(TryRecvError::Disconnected) => GuessStatus::Failed(tr!("guess-stopped")),
            Ok(Ok(guess::Outcome::Found { secret, tried })) => GuessStatus::Found {
                secret: String::from_utf8_lossy(&secret).into_owned(),
                tried,
            },
            Ok(Ok(guess::Outcome::NotFound { tried })) => GuessStatus::NotFound {
                tried,
                what: job.what.clone(),
            },
            Ok(Ok(guess::Outcome::Cancelled { tried })) => GuessStatus::NotFound {
                tried,
                what: tr!("guess-cancelled", what = job.what.as_str()),
            },
            Ok(Err(e)) => GuessStatus::Failed(e),
        };
        self.guess = None;
        Some(status)
    }
}

/// Reads a file the user chose, with the token size cap and a message naming the file.
pub fn read_file(path: &Path) -> Result<Vec<u8>, String> {
    let meta = std::fs::metadata(path).map_err(|e| file_error(path, &e))?;
    if meta.is_dir() {
        return Err(tr!("file-is-folder", path = path.display().to_string()));
    }
    let limit = crate::core::read::MAX_TOKEN_BYTES;
    if meta.len() > limit {
        return Err(tr!(
            "file-too-large",
            path = path.display().to_string(),
            size = byte_size(meta.len()),
            limit = byte_size(limit)
        ));
    }
    // The reported size is not trusted (devices and pipes say 0): the read is capped too.
    match crate::core::read::read_file_capped(path, limit, "the file") {
        Ok(bytes) => Ok(bytes),
        Err(crate::core::read::ReadError::Io { source, .. }) => Err(file_error(path, &source)),
        Err(e) => Err(e.to_string()),
    }
}

/// Checks that `path` is a readable file, without reading it (a wordlist may be large).
pub fn check_file(path: &Path) -> Result<(), String> {
    let meta = std::fs::metadata(path).map_err(|e| file_error(path, &e))?;
    if meta.is_dir() {
        return Err(tr!("file-is-folder", path = path.display().to_string()));
    }
    Ok(())
}

fn file_error(path: &Path, e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => tr!("file-not-found", path = path.display().to_string()),
        _ => tr!(
            "cannot-read-file",
            path = path.display().to_string(),
            error = io_error_words(e)
        ),
    }
}

/// The current key written as `what`.
pub fn export_text(key: Option<&core::Key>, what: ExportWhat) -> Result<String, String> {
    use core::export;
    let key = key.ok_or_else(|| tr!("export-no-key"))?;
    let pretty = |v: serde_json::Value| serde_json::to_string_pretty(&v).unwrap_or_default();
    match what {
        ExportWhat::PublicPem => export::public_pem(key).map_err(|e| e.to_string()),
        ExportWhat::PublicJwk => Ok(pretty(export::jwk(key, false))),
        ExportWhat::Jwks => Ok(pretty(
            serde_json::json!({"keys": [export::jwk(key, false)]}),
        )),
        ExportWhat::PrivatePem => export::private_pem(key)
            .map(|p| p.to_string())
            .map_err(|e| e.to_string()),
        ExportWhat::PrivateJwk => Ok(pretty(export::jwk(key, true))),
    }
}

/// Key file contents made ready for a key field: text as is, DER converted to PEM.
pub struct LoadedKey {
    pub text: String,
    pub description: String,
    /// A private (signing) key, as opposed to a public key or a secret.
    pub private: bool,
}

/// Reads `bytes` as a key (PEM, DER, JWK, JWKS). Secrets are not recognised here: any text is a
/// valid secret, so `secret_ok` says whether plain text may be taken as one.
pub fn read_key(bytes: &[u8], secret_ok: bool) -> Result<LoadedKey, String> {
    let set = keys::parse_bytes(bytes).map_err(|e| e.to_string())?;
    let first = set.keys.first().ok_or_else(|| tr!("key-none-found"))?;
    if !secret_ok && first.format == keys::KeyFormat::SecretUtf8 {
        return Err(tr!("key-neither"));
    }
    let private = first.is_private() && !first.is_secret();
    let text = match String::from_utf8(bytes.to_vec()) {
        Ok(t) => t,
        Err(_) if first.is_private() => core::export::private_pem(first)
            .map(|p| p.to_string())
            .map_err(|_| tr!("key-not-pem"))?,
        Err(_) => core::export::public_pem(first).map_err(|_| tr!("key-not-pem"))?,
    };
    Ok(LoadedKey {
        text,
        description: set.describe().to_string(),
        private,
    })
}

/// What a dropped file turned out to be.
pub enum Dropped {
    Key(KeySlot, LoadedKey),
    Text(String),
}

/// A dropped file is a key if it reads as one (PEM, DER, JWK/JWKS), otherwise text that arrives
/// like pasted text (a token, a log, nothing, or not a token).
pub fn classify_drop(bytes: &[u8]) -> Dropped {
    if let Ok(key) = read_key(bytes, false) {
        let slot = if key.private {
            KeySlot::Private
        } else {
            KeySlot::Public
        };
        return Dropped::Key(slot, key);
    }
    // Not UTF-8 cannot hold a token: shown as the text it is, it says it is not one.
    Dropped::Text(String::from_utf8_lossy(bytes).into_owned())
}

/// Validates a user claim dictionary file.
pub fn read_text(path: &Path) -> Result<String, String> {
    let bytes = read_file(path)?;
    String::from_utf8(bytes).map_err(|_| tr!("file-not-utf8", path = path.display().to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_sizes_read_right() {
        assert_eq!(byte_size(1), "1 byte");
        assert_eq!(byte_size(0), "0 bytes");
        assert_eq!(byte_size(2), "2 bytes");
        assert_eq!(byte_size(16 * 1024 * 1024), "16 MiB");
        assert_eq!(byte_size(1536), "1.5 KiB");
    }

    #[test]
    fn a_missing_file_is_said_in_words() {
        let e = read_file(Path::new("/nonexistent/token.jwt")).unwrap_err();
        assert_eq!(e, "No such file: /nonexistent/token.jwt");
        assert!(!e.to_string().contains("os error"));
    }
}
