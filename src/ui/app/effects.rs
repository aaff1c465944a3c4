//! What commands do outside the model: files and dialogs (read and written on jobs), the
//! clipboard, and what finished jobs bring back.

use std::path::Path;

use super::{App, Source};
use crate::tr;
use crate::ui::files::{DialogResult, Purpose};
use crate::ui::jobs::{self, Dropped, JobResult};
use crate::ui::shared::{CopyWhat, ExportWhat, KeySlot, PathPrompt};

impl App {
    pub(super) fn dropped(&mut self, bytes: &[u8], name: &str) {
        match jobs::classify_drop(bytes) {
            Dropped::Key(slot, key) => {
                self.model.put_key(slot, key.text);
                self.say(
                    tr!("notice-loaded-key", name = name, key = key.description),
                    false,
                );
            }
            Dropped::Text(text) => self.arrive(&text, Source::Dropped(name.to_owned())),
        }
    }

    pub(super) fn job_finished(&mut self, result: JobResult) {
        match result {
            JobResult::Key(Ok(key)) => match self.model.use_generated_key(&key) {
                // Said as the field now holds it (PEM), not as it was made.
                Ok(()) => {
                    let key = self
                        .model
                        .key_state
                        .summary
                        .as_ref()
                        .map(|s| s.description.clone())
                        .unwrap_or_else(|| key.describe().to_string());
                    self.say(tr!("notice-generated", key = key), false);
                    if let Some(name) = self.generate_into_store.take() {
                        self.save_key_to_store(&name);
                    }
                }
                Err(e) => self.say(e, true),
            },
            JobResult::Fetched(Ok((text, source))) => {
                self.model.use_fetched_jwks(text);
                let what = self
                    .model
                    .key_state
                    .verify
                    .as_ref()
                    .map(|k| k.describe().to_string())
                    .unwrap_or_default();
                self.say(tr!("notice-fetched", keys = what, source = source), false);
            }
            JobResult::Encrypted(result) => {
                match &result {
                    Ok(_) => self.say(
                        tr!(
                            "notice-encrypted",
                            what = format!("{} + {}", self.encrypt.alg, self.encrypt.enc)
                        ),
                        false,
                    ),
                    Err(e) => self.say(e.clone(), true),
                }
                self.encrypt.result = Some(result);
            }
            JobResult::Scanned(Ok((name, found))) => {
                if found.is_empty() {
                    self.say(tr!("notice-no-tokens", source = name.as_str()), true);
                } else {
                    let count = found.len();
                    let first = found[0].token.clone();
                    self.model.set_found(name.clone(), found);
                    self.start_found_analysis();
                    self.arrive(&first, Source::FoundRow);
                    self.say(
                        tr!("notice-found-tokens", count = count, source = name.as_str()),
                        false,
                    );
                }
            }
            JobResult::ScannedText { text, found } => {
                let source = self.pending_arrival.take().unwrap_or(Source::Pasted);
                self.arrived(&text, found, source);
            }
            JobResult::Analysis(input, analysis) => {
                self.analysis_running = false;
                self.model.accept_analysis(input, *analysis);
            }
            JobResult::FoundFacts {
                tokens,
                keys,
                facts,
            } => self.model.accept_row_facts(&tokens, keys, facts),
            JobResult::FileRead {
                purpose,
                path,
                bytes,
            } => {
                let done = bytes.and_then(|b| self.file_read(purpose, &path, b));
                self.file_done(done);
            }
            JobResult::FileWritten {
                purpose,
                path,
                result,
            } => {
                let done = result.map(|()| {
                    let path = path.display().to_string();
                    self.say(
                        match purpose {
                            Purpose::SaveKey(what) => {
                                tr!("notice-saved-key", what = what.label(), path = path)
                            }
                            _ => tr!("notice-saved-token", path = path),
                        },
                        false,
                    );
                });
                self.file_done(done);
            }
            JobResult::Scanned(Err(e)) => self.say(e, true),
            JobResult::Key(Err(e)) | JobResult::Fetched(Err(e)) => self.say(e, true),
        }
    }

    /// Analyses the found tokens with the keys in the fields, when that was not done for them.
    pub(super) fn start_found_analysis(&mut self) {
        let Some((tokens, keys, options, hash)) = self.model.found_request() else {
            return;
        };
        let Some(ctx) = self.repaint_ctx.clone() else {
            // No window yet (the first frame starts it).
            return;
        };
        if self.found_job == Some(hash) {
            return;
        }
        match self.jobs.found_facts(tokens, keys, options, hash, &ctx) {
            Ok(()) => self.found_job = Some(hash),
            Err(e) => self.say(e, true),
        }
    }

    /// A file operation ended: close the typed-path prompt, or keep it open with the reason.
    fn file_done(&mut self, done: Result<(), String>) {
        match done {
            Ok(()) => self.path_prompt = None,
            Err(e) => {
                self.say(e.clone(), true);
                self.set_prompt_error(e);
            }
        }
    }

    pub(super) fn dialog_finished(&mut self, result: DialogResult) {
        match result.path {
            Some(path) => {
                if let Err(e) = self.finish_file(result.purpose, &path) {
                    self.say(e, true);
                }
            }
            None if result.no_dialog => {
                self.say(tr!("notice-no-dialog"), true);
                self.path_prompt = Some(PathPrompt {
                    purpose: result.purpose,
                    path: String::new(),
                    error: None,
                    focus: true,
                });
            }
            None => {}
        }
    }

    pub(super) fn report(&mut self, result: Result<(), String>, done: &str) {
        match result {
            Ok(()) => self.say(done, false),
            Err(e) => self.say(e, true),
        }
    }

    /// Starts what a chosen file is for: reading or writing it on a job (or scanning it, or
    /// guessing with it as a wordlist). An error names the file and the problem in words.
    pub(super) fn finish_file(&mut self, purpose: Purpose, path: &Path) -> Result<(), String> {
        let Some(ctx) = self.repaint_ctx.clone() else {
            return Ok(());
        };
        match purpose {
            Purpose::SaveToken => {
                self.flush_rebuild();
                let contents = format!("{}\n", self.model.token());
                self.jobs.write(
                    purpose,
                    path.to_path_buf(),
                    zeroize::Zeroizing::new(contents.into_bytes()),
                    false,
                    &ctx,
                )?;
            }
            Purpose::SaveKey(what) => {
                let text = jobs::export_text(self.model.current_key(), what)?;
                self.jobs.write(
                    purpose,
                    path.to_path_buf(),
                    zeroize::Zeroizing::new(text.into_bytes()),
                    what.is_private(),
                    &ctx,
                )?;
            }
            Purpose::ScanFile => self.jobs.scan_file(path.to_path_buf(), &ctx)?,
            Purpose::OpenWordlist => {
                jobs::check_file(path)?;
                self.start_guess(Some(path.to_path_buf()));
            }
            Purpose::OpenToken
            | Purpose::Dropped
            | Purpose::OpenDictionary
            | Purpose::StoreKeyFile
            | Purpose::OpenKey(_) => {
                self.jobs.read(purpose, path.to_path_buf(), &ctx)?;
            }
        }
        Ok(())
    }

    /// A file the user chose was read: use it for what it was chosen for.
    fn file_read(&mut self, purpose: Purpose, path: &Path, bytes: Vec<u8>) -> Result<(), String> {
        let shown = path.display().to_string();
        let text = || {
            String::from_utf8(bytes.clone())
                .map_err(|_| tr!("file-not-utf8", path = shown.as_str()))
        };
        match purpose {
            Purpose::OpenToken => self.arrive(&text()?, Source::Opened(file_name(path))),
            Purpose::Dropped => self.dropped(&bytes, &file_name(path)),
            Purpose::OpenDictionary => {
                self.model.set_user_dictionary(Some(text()?))?;
                self.say(
                    tr!("notice-loaded-dictionary", path = shown.as_str()),
                    false,
                );
            }
            Purpose::OpenKey(slot) => {
                let secret_ok = slot == KeySlot::Secret;
                let key = jobs::read_key(&bytes, secret_ok).map_err(|e| format!("{shown}: {e}"))?;
                self.model.put_key(slot, key.text);
                self.say(tr!("notice-loaded", key = key.description), false);
            }
            Purpose::StoreKeyFile => {
                let name = match self.named_keys.new_name.trim() {
                    "" => path
                        .file_stem()
                        .map(|s| s.to_string_lossy().into_owned())
                        .unwrap_or_else(|| file_name(path)),
                    given => given.to_owned(),
                };
                self.save_text_to_store(&name, zeroize::Zeroizing::new(text()?));
            }
            Purpose::SaveToken
            | Purpose::SaveKey(_)
            | Purpose::ScanFile
            | Purpose::OpenWordlist => {}
        }
        Ok(())
    }

    pub(super) fn start_guess(&mut self, wordlist: Option<std::path::PathBuf>) {
        let Some(ctx) = self.repaint_ctx.clone() else {
            return;
        };
        self.guessed_secret = None;
        self.guess = Some(
            self.jobs
                .start_guess(&self.model.analysis.decoded, wordlist, &ctx),
        );
    }

    pub(super) fn open_dialog(&mut self, purpose: Purpose, ctx: &egui::Context) {
        if let Err(e) = self.dialogs.open(purpose, ctx) {
            self.say(e, true);
        }
    }

    /// A deferred rebuild happens now: what is copied or saved is what the editors say.
    pub(super) fn flush_rebuild(&mut self) {
        if self.model.rebuild_pending {
            self.model.parts_edited();
        }
    }

    pub(super) fn copy(&mut self, what: CopyWhat) {
        self.flush_rebuild();
        let text = self.model.copy_text(what);
        let sensitive = matches!(
            what,
            CopyWhat::Token | CopyWhat::BearerHeader | CopyWhat::Curl
        );
        match self.clipboard.set_text(&text, sensitive) {
            Ok(()) => self.say(tr!("notice-copied", what = what.noun()), false),
            Err(e) => self.say(e, true),
        }
    }

    pub(super) fn export(&mut self, what: ExportWhat) {
        let copied = jobs::export_text(self.model.current_key(), what)
            .and_then(|t| self.clipboard.set_text(&t, what.is_private()));
        self.report(copied, &tr!("notice-copied", what = what.label()));
    }

    pub(super) fn open_typed_path(&mut self) {
        let Some(prompt) = self.path_prompt.clone() else {
            return;
        };
        let typed = prompt.path.trim();
        if typed.is_empty() {
            self.set_prompt_error(tr!("notice-type-path"));
            return;
        }
        if let Err(e) = self.finish_file(prompt.purpose, Path::new(typed)) {
            self.say(e.clone(), true);
            self.set_prompt_error(e);
        }
    }

    fn set_prompt_error(&mut self, e: String) {
        if let Some(p) = &mut self.path_prompt {
            p.error = Some(e);
            p.focus = true;
        }
    }

    pub(super) fn fetch_keys(&mut self, url: Option<String>, ctx: &egui::Context) {
        let (what, discover) = match url {
            Some(u) => (u, false),
            None => match self
                .model
                .analysis
                .decoded
                .claims()
                .and_then(|c| c.get("iss"))
                .and_then(|v| v.as_str())
            {
                Some(iss) => (iss.to_owned(), true),
                None => return self.say(tr!("notice-no-iss"), true),
            },
        };
        if let Err(e) = self.jobs.fetch_keys(what, discover, ctx) {
            self.say(e, true);
        }
    }

    /// Says once when token text holds a script no installed font can draw, and which package
    /// brings one (instead of leaving boxes unexplained).
    pub(super) fn check_fonts(&mut self, ctx: &egui::Context) {
        let state = &self.model.state;
        let missing =
            crate::ui::fonts::missing_scripts(ctx, [state.header.as_str(), state.payload.as_str()]);
        let note = crate::ui::fonts::missing_note(&missing);
        if self.fonts_checked.as_ref() != Some(&note) {
            if let Some(text) = &note {
                self.say(text.clone(), true);
            }
            self.fonts_checked = Some(note);
        }
    }
}

/// A file's name as the user knows it ("token.jwt"), else its whole path.
fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}
