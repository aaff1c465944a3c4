//! The app: one workbench, the panels around it, and the commands they return applied once per
//! frame.

use std::time::Duration;

use egui::{Key, KeyboardShortcut, Modifiers};

use super::clipboard::{Clipboard, SystemClipboard};
use super::files::{self, Dialogs, Purpose};
use super::panels::{
    self, Command, KeySlot, claims::ClaimsPaneState, helpers::HelpersState, key::KeyPaneState,
    toolbar::Notice,
};
use super::workbench::{CopyWhat, Workbench, Workspace};
use crate::core::keys;

const OPEN: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
const SAVE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);
const COPY_TOKEN: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::C);

/// Results of slow work done on named threads.
enum JobResult {
    Key(Result<Box<crate::core::Key>, String>),
    /// JWKS text and where it came from.
    Fetched(Result<(String, String), String>),
}

/// A guessing run on its own thread.
struct GuessJob {
    progress: std::sync::Arc<crate::core::guess::Progress>,
    rx: std::sync::mpsc::Receiver<Result<crate::core::guess::Outcome, String>>,
    what: String,
}

/// Where a file path typed by hand goes, when no dialog can appear.
#[derive(Debug, Clone)]
struct PathPrompt {
    purpose: Purpose,
    path: String,
}

pub struct App {
    pub wb: Workbench,
    key_pane: KeyPaneState,
    claims_pane: ClaimsPaneState,
    helpers: HelpersState,
    /// The zone local times are shown in (the system's; tests pin one).
    zone: jiff::tz::TimeZone,
    clipboard: Box<dyn Clipboard>,
    dialogs: Dialogs,
    notice: Option<Notice>,
    path_prompt: Option<PathPrompt>,
    clock: Box<dyn Fn() -> i64>,
    applied_theme: Option<Option<bool>>,
    guess_job: Option<GuessJob>,
    key_tools: panels::keytools::KeyToolsState,
    jobs_tx: std::sync::mpsc::Sender<JobResult>,
    jobs_rx: std::sync::mpsc::Receiver<JobResult>,
    fetch_cache: std::sync::Arc<std::sync::Mutex<crate::core::fetch::Cache>>,
    /// The context, for work that finishes outside `draw` and must ask for a repaint.
    repaint_ctx: Option<egui::Context>,
    guess_view: panels::guess::GuessView,
    /// The secret the guesser found, until the user uses it or guesses again.
    guessed_secret: Option<zeroize::Zeroizing<String>>,
    /// Set by the start-up measurement: print the time to the first frame once.
    first_frame_probe: Option<std::time::Instant>,
}

impl App {
    /// The app as eframe starts it: workspace restored from storage, system clipboard, real clock.
    pub fn new(cc: &eframe::CreationContext<'_>, token: Option<String>) -> Self {
        let ws: Workspace = cc
            .storage
            .and_then(|s| eframe::get_value(s, eframe::APP_KEY))
            .unwrap_or_default();
        Self::with_parts(
            ws,
            Box::new(SystemClipboard::default()),
            Box::new(crate::cli::now_unix),
            token,
        )
    }

    /// The app with injected clipboard and clock (tests, benchmarks).
    pub fn with_parts(
        ws: Workspace,
        clipboard: Box<dyn Clipboard>,
        clock: Box<dyn Fn() -> i64>,
        token: Option<String>,
    ) -> Self {
        let mut wb = Workbench::new(ws, clock());
        if let Some(token) = token {
            wb.load_text(&token);
        }
        let (jobs_tx, jobs_rx) = std::sync::mpsc::channel();
        Self {
            wb,
            key_pane: KeyPaneState::default(),
            claims_pane: ClaimsPaneState::default(),
            helpers: HelpersState::default(),
            zone: jiff::tz::TimeZone::system(),
            clipboard,
            dialogs: Dialogs::default(),
            notice: None,
            path_prompt: None,
            clock,
            applied_theme: None,
            guess_job: None,
            key_tools: panels::keytools::KeyToolsState::default(),
            jobs_tx,
            jobs_rx,
            fetch_cache: Default::default(),
            repaint_ctx: None,
            guess_view: panels::guess::GuessView::Idle,
            guessed_secret: None,
            first_frame_probe: None,
        }
    }

    /// Shows local times in `zone` instead of the system's.
    pub fn set_time_zone(&mut self, zone: jiff::tz::TimeZone) {
        self.zone = zone;
    }

    /// Prints `first-frame-ms N` to stderr when the first frame is drawn (start-up benchmark).
    pub fn report_first_frame(&mut self, started: std::time::Instant) {
        self.first_frame_probe = Some(started);
    }

    fn say(&mut self, text: impl Into<String>, error: bool) {
        self.notice = Some(Notice {
            text: text.into(),
            error,
        });
    }

    /// Draws the whole window into `ui` and applies what the user did.
    pub fn draw(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.repaint_ctx = Some(ctx.clone());
        self.apply_theme(&ctx);
        self.wb.set_now((self.clock)());
        let mut commands = Vec::new();
        self.handle_input(&ctx, &mut commands);
        self.poll_dialogs();

        egui::Panel::top("toolbar").show(ui, |ui| {
            ui.add_space(4.0);
            panels::toolbar::ui(ui, &self.wb, self.notice.as_ref(), &mut commands);
            ui.add_space(2.0);
        });
        let width = ui.available_width();
        egui::Panel::left("encoded")
            .resizable(true)
            .default_size((width * 0.42).max(320.0))
            .min_size(280.0)
            .show(ui, |ui| {
                ui.add_space(6.0);
                egui::ScrollArea::vertical()
                    .id_salt("left_scroll")
                    .show(ui, |ui| {
                        panels::encoded::ui(ui, &mut self.wb, &mut commands);
                        ui.separator();
                        panels::claims::ui(
                            ui,
                            &self.wb,
                            &self.zone,
                            &mut self.claims_pane,
                            &mut commands,
                        );
                    });
            });
        egui::CentralPanel::default().show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("decoded_scroll")
                .show(ui, |ui| {
                    panels::status::ui(ui, &self.wb);
                    panels::findings::ui(ui, &self.wb.analysis.findings);
                    ui.separator();
                    panels::json_editors::ui(ui, &mut self.wb, &mut commands);
                    panels::helpers::ui(ui, &mut self.helpers, &mut commands);
                    ui.separator();
                    panels::key::ui(
                        ui,
                        &mut self.wb,
                        &mut self.key_pane,
                        &mut self.key_tools,
                        &mut commands,
                    );
                    panels::keytools::ui(ui, &self.wb, &mut self.key_tools, &mut commands);
                    if self.wb.header_embeds_private_key()
                        && ui
                            .checkbox(
                                &mut self.wb.allow_embedded_private_key,
                                "Sign even though the header's jwk publishes a private key",
                            )
                            .changed()
                    {
                        commands.push(Command::EmbeddedKeyToggled);
                    }
                    let hmac = self.wb.alg().is_some_and(|a| a.min_secret_len().is_some());
                    if hmac
                        && self.wb.analysis.signature.status
                            != crate::core::SignatureStatus::Verified
                    {
                        panels::guess::ui(ui, &self.guess_view, &mut commands);
                    }
                    ui.separator();
                    panels::validation::ui(ui, &mut self.wb, &mut commands);
                    self.path_prompt_ui(ui, &mut commands);
                });
        });

        for command in commands {
            self.apply(command, &ctx);
        }
        if let Some(started) = self.first_frame_probe.take() {
            eprintln!(
                "first-frame-ms {:.1}",
                started.elapsed().as_secs_f64() * 1000.0
            );
        }
        // Relative times ("in 14 min") stay current while the window is open.
        if self.wb.analysis.claims.iter().any(|c| c.time.is_some()) {
            ctx.request_repaint_after(Duration::from_secs(1));
        }
    }

    fn apply_theme(&mut self, ctx: &egui::Context) {
        if self.applied_theme == Some(self.wb.ws.dark_mode) {
            return;
        }
        ctx.set_theme(match self.wb.ws.dark_mode {
            None => egui::ThemePreference::System,
            Some(true) => egui::ThemePreference::Dark,
            Some(false) => egui::ThemePreference::Light,
        });
        self.applied_theme = Some(self.wb.ws.dark_mode);
    }

    fn handle_input(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        let (open, save, copy) = ctx.input_mut(|i| {
            (
                i.consume_shortcut(&OPEN),
                i.consume_shortcut(&SAVE),
                i.consume_shortcut(&COPY_TOKEN),
            )
        });
        if open {
            commands.push(Command::OpenToken);
        }
        if save {
            commands.push(Command::SaveToken);
        }
        if copy {
            commands.push(Command::Copy(CopyWhat::Token));
        }
        // Paste anywhere: when no editor has focus, pasted text is taken as a token.
        if ctx.memory(|m| m.focused()).is_none() {
            let pasted = ctx.input(|i| {
                i.events.iter().rev().find_map(|e| match e {
                    egui::Event::Paste(text) => Some(text.clone()),
                    _ => None,
                })
            });
            if let Some(text) = pasted {
                if self.wb.load_text(&text) {
                    self.say("Token pasted", false);
                } else {
                    self.say("The pasted text holds no token", true);
                }
            }
        }
        self.poll_guess(ctx);
        self.poll_jobs();
        let dropped = ctx.input(|i| i.raw.dropped_files.clone());
        for file in dropped {
            match file.bytes() {
                Ok(bytes) => self.load_dropped(&bytes, &file.path().display().to_string()),
                Err(e) => self.say(format!("cannot read the dropped file: {e}"), true),
            }
        }
    }

    /// A dropped file is a key if it reads as one (PEM, DER, JWK/JWKS), otherwise a token.
    fn load_dropped(&mut self, bytes: &[u8], name: &str) {
        if let Ok(set) = keys::parse_bytes(bytes)
            && set
                .keys
                .first()
                .is_some_and(|k| k.format != keys::KeyFormat::SecretUtf8)
        {
            let private = set
                .keys
                .first()
                .is_some_and(|k| k.is_private() && !k.is_secret());
            let text = String::from_utf8_lossy(bytes).into_owned();
            let slot = if private {
                KeySlot::Private
            } else {
                KeySlot::Public
            };
            self.put_key(slot, text);
            self.say(format!("Loaded key {}: {}", name, set.describe()), false);
            return;
        }
        match std::str::from_utf8(bytes) {
            Ok(text) if self.wb.load_text(text) => {
                self.say(format!("Opened token from {name}"), false)
            }
            _ => self.say(format!("{name} holds neither a token nor a key"), true),
        }
    }

    fn put_key(&mut self, slot: KeySlot, text: String) {
        match slot {
            KeySlot::Secret => self.wb.keys.secret = text.trim_end_matches(['\n', '\r']).to_owned(),
            KeySlot::Public => self.wb.keys.public_key = text,
            KeySlot::Private => self.wb.keys.private_key = text,
        }
        self.wb.key_edited();
    }

    /// Starts guessing on a named thread: the bundled list, then the wordlist if one is given.
    fn start_guess(&mut self, wordlist: Option<std::path::PathBuf>, ctx: &egui::Context) {
        use crate::core::guess::{Outcome, Progress, Target};
        if let Some(job) = &self.guess_job {
            job.progress
                .cancel
                .store(true, std::sync::atomic::Ordering::Relaxed);
        }
        let target = match Target::from_decoded(&self.wb.analysis.decoded) {
            Ok(t) => t,
            Err(e) => {
                self.guess_view = panels::guess::GuessView::Failed(e);
                return;
            }
        };
        let what = match &wordlist {
            Some(p) => format!("well-known secrets and {}", p.display()),
            None => "well-known secrets".to_owned(),
        };
        let progress = std::sync::Arc::new(Progress::default());
        let (tx, rx) = std::sync::mpsc::channel();
        let (p, repaint) = (progress.clone(), ctx.clone());
        let spawned = std::thread::Builder::new()
            .name("secret-guesser".into())
            .spawn(move || {
                let mut outcome = Ok(target.guess_bundled(&p));
                if let (Ok(Outcome::NotFound { .. }), Some(path)) = (&outcome, &wordlist) {
                    outcome = std::fs::File::open(path)
                        .map_err(|e| format!("cannot open {}: {e}", path.display()))
                        .and_then(|f| {
                            target
                                .guess_lines(std::io::BufReader::with_capacity(1 << 20, f), &p)
                                .map_err(|e| format!("reading {}: {e}", path.display()))
                        });
                }
                tx.send(outcome).ok();
                repaint.request_repaint();
            });
        match spawned {
            Ok(_) => {
                self.guess_view = panels::guess::GuessView::Running {
                    tried: 0,
                    what: what.clone(),
                };
                self.guess_job = Some(GuessJob { progress, rx, what });
            }
            Err(e) => {
                self.guess_view =
                    panels::guess::GuessView::Failed(format!("cannot start the guesser: {e}"))
            }
        }
    }

    fn poll_guess(&mut self, ctx: &egui::Context) {
        use crate::core::guess::Outcome;
        let Some(job) = &self.guess_job else { return };
        let tried = job
            .progress
            .tried
            .load(std::sync::atomic::Ordering::Relaxed);
        match job.rx.try_recv() {
            Err(std::sync::mpsc::TryRecvError::Empty) => {
                self.guess_view = panels::guess::GuessView::Running {
                    tried,
                    what: job.what.clone(),
                };
                ctx.request_repaint_after(Duration::from_millis(100));
                return;
            }
            Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                self.guess_view =
                    panels::guess::GuessView::Failed("the guesser stopped unexpectedly".into());
            }
            Ok(Ok(Outcome::Found { secret, tried })) => {
                let text = String::from_utf8_lossy(&secret).into_owned();
                self.guessed_secret = Some(zeroize::Zeroizing::new(text.clone()));
                self.guess_view = panels::guess::GuessView::Found {
                    secret: text,
                    tried,
                };
            }
            Ok(Ok(Outcome::NotFound { tried })) => {
                self.guess_view = panels::guess::GuessView::NotFound {
                    tried,
                    what: job.what.clone(),
                };
            }
            Ok(Ok(Outcome::Cancelled { tried })) => {
                self.guess_view = panels::guess::GuessView::NotFound {
                    tried,
                    what: format!("{} (cancelled)", job.what),
                };
            }
            Ok(Err(e)) => self.guess_view = panels::guess::GuessView::Failed(e),
        }
        self.guess_job = None;
    }

    /// Runs `work` on a named thread; its result comes back through the jobs channel.
    fn spawn_job(
        &mut self,
        name: &str,
        busy: String,
        ctx: &egui::Context,
        work: impl FnOnce() -> JobResult + Send + 'static,
    ) {
        let tx = self.jobs_tx.clone();
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name(name.to_owned())
            .spawn(move || {
                tx.send(work()).ok();
                ctx.request_repaint();
            });
        match spawned {
            Ok(_) => self.key_tools.busy = Some(busy),
            Err(e) => self.say(format!("cannot start {name}: {e}"), true),
        }
    }

    fn poll_jobs(&mut self) {
        while let Ok(result) = self.jobs_rx.try_recv() {
            self.key_tools.busy = None;
            match result {
                JobResult::Key(Ok(key)) => {
                    let description = key.describe();
                    let r = self.wb.use_generated_key(&key);
                    self.report(r, &format!("Generated {description}"));
                }
                JobResult::Key(Err(e)) => self.say(e, true),
                JobResult::Fetched(Ok((text, source))) => {
                    self.wb.use_fetched_jwks(text);
                    let what = self
                        .wb
                        .key_state
                        .verify
                        .as_ref()
                        .map(crate::core::KeySet::describe)
                        .unwrap_or_default();
                    self.say(format!("Fetched {what} from {source}"), false);
                }
                JobResult::Fetched(Err(e)) => self.say(e, true),
            }
        }
    }

    /// The current key written as `what`.
    fn export_text(&self, what: panels::ExportWhat) -> Result<String, String> {
        use crate::core::export;
        use panels::ExportWhat as E;
        let key = self.wb.current_key().ok_or("there is no key to export")?;
        match what {
            E::PublicPem => export::public_pem(key).map_err(|e| e.to_string()),
            E::PublicJwk => {
                Ok(serde_json::to_string_pretty(&export::jwk(key, false)).unwrap_or_default())
            }
            E::Jwks => Ok(serde_json::to_string_pretty(
                &serde_json::json!({"keys": [export::jwk(key, false)]}),
            )
            .unwrap_or_default()),
            E::PrivatePem => export::private_pem(key)
                .map(|p| p.to_string())
                .map_err(|e| e.to_string()),
            E::PrivateJwk => {
                Ok(serde_json::to_string_pretty(&export::jwk(key, true)).unwrap_or_default())
            }
        }
    }

    fn export(&mut self, what: panels::ExportWhat) {
        let text = self.export_text(what);
        match text.and_then(|t| self.clipboard.set_text(&t, what.is_private())) {
            Ok(()) => self.say(format!("Copied: {}", what.label()), false),
            Err(e) => self.say(e, true),
        }
    }

    fn report(&mut self, result: Result<(), String>, done: &str) {
        match result {
            Ok(()) => self.say(done, false),
            Err(e) => self.say(e, true),
        }
    }

    fn poll_dialogs(&mut self) {
        while let Some(result) = self.dialogs.poll() {
            match result.path {
                Some(path) => self.finish_file(result.purpose, &path),
                None if result.no_dialog => {
                    self.say("No file dialog could be opened here (no desktop portal or zenity): type the path below", true);
                    self.path_prompt = Some(PathPrompt {
                        purpose: result.purpose,
                        path: String::new(),
                    });
                }
                None => {}
            }
        }
    }

    fn finish_file(&mut self, purpose: Purpose, path: &std::path::Path) {
        match purpose {
            Purpose::SaveToken => {
                match std::fs::write(path, format!("{}\n", self.wb.ws.token.trim())) {
                    Ok(()) => self.say(format!("Saved token to {}", path.display()), false),
                    Err(e) => self.say(format!("cannot save {}: {e}", path.display()), true),
                }
            }
            Purpose::OpenToken => match files::read(path) {
                Ok(bytes) => match String::from_utf8(bytes) {
                    Ok(text) if self.wb.load_text(&text) => {
                        self.say(format!("Opened {}", path.display()), false)
                    }
                    _ => self.say(format!("{} holds no token", path.display()), true),
                },
                Err(e) => self.say(e, true),
            },
            Purpose::SaveKey(what) => {
                let written = self.export_text(what).and_then(|text| {
                    crate::ui::files::write_new_file(path, &text, what.is_private())
                });
                self.report(
                    written,
                    &format!("Saved {} to {}", what.label(), path.display()),
                );
            }
            Purpose::OpenWordlist => {
                let ctx = self.repaint_ctx.clone();
                match ctx {
                    Some(ctx) => self.start_guess(Some(path.to_path_buf()), &ctx),
                    None => self.say("cannot start the guesser here", true),
                }
            }
            Purpose::OpenDictionary => match files::read(path).and_then(|b| {
                String::from_utf8(b).map_err(|_| format!("{} is not UTF-8 text", path.display()))
            }) {
                Ok(text) => {
                    let r = self.wb.set_user_dictionary(Some(text));
                    self.report(r, &format!("Loaded claim dictionary {}", path.display()));
                }
                Err(e) => self.say(e, true),
            },
            Purpose::OpenKey(slot) => match files::read(path) {
                Ok(bytes) => match keys::parse_bytes(&bytes) {
                    Ok(set) => {
                        let description = set.describe();
                        let text = match String::from_utf8(bytes) {
                            Ok(t) => t,
                            // DER: keep it usable by converting to PEM text.
                            Err(_) => match set.keys.first().map(|k| {
                                if k.is_private() {
                                    crate::core::export::private_pem(k).map(|p| p.to_string())
                                } else {
                                    crate::core::export::public_pem(k)
                                }
                            }) {
                                Some(Ok(pem)) => pem,
                                _ => {
                                    self.say(
                                        format!(
                                            "{}: binary key could not be converted",
                                            path.display()
                                        ),
                                        true,
                                    );
                                    return;
                                }
                            },
                        };
                        self.put_key(slot, text);
                        self.say(format!("Loaded {description}"), false);
                    }
                    Err(e) => self.say(format!("{}: {e}", path.display()), true),
                },
                Err(e) => self.say(e, true),
            },
        }
    }

    fn path_prompt_ui(&mut self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        let Some(prompt) = &mut self.path_prompt else {
            return;
        };
        let mut cancel = false;
        ui.separator();
        ui.horizontal(|ui| {
            let what = match prompt.purpose {
                Purpose::SaveToken => "Save token to",
                Purpose::OpenToken => "Open token from",
                Purpose::OpenDictionary => "Open claim dictionary from",
                Purpose::OpenWordlist => "Open wordlist from",
                Purpose::SaveKey(_) => "Save key to",
                Purpose::OpenKey(_) => "Open key from",
            };
            let label = ui.label(what);
            let response = ui
                .add(
                    egui::TextEdit::singleline(&mut prompt.path)
                        .hint_text("/path/to/file")
                        .desired_width(360.0),
                )
                .labelled_by(label.id);
            let enter = response.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
            if ui.button("OK").clicked() || enter {
                commands.push(Command::OpenPath);
            }
            if ui.button("Cancel").clicked() {
                cancel = true;
            }
        });
        if cancel {
            self.path_prompt = None;
        }
    }

    fn open_dialog(&mut self, purpose: Purpose, ctx: &egui::Context) {
        if let Err(e) = self.dialogs.open(purpose, ctx) {
            self.say(e, true);
        }
    }

    fn apply(&mut self, command: Command, ctx: &egui::Context) {
        match command {
            Command::TokenEdited => self.wb.token_edited(),
            Command::PartsEdited => self.wb.parts_edited(),
            Command::KeyEdited => self.wb.key_edited(),
            Command::UnsecuredToggled => self.wb.parts_edited(),
            Command::PickAlg(alg) => self.wb.pick_alg(alg),
            Command::Copy(what) => {
                let text = self.wb.copy_text(what);
                let sensitive = matches!(
                    what,
                    CopyWhat::Token | CopyWhat::BearerHeader | CopyWhat::Curl
                );
                match self.clipboard.set_text(&text, sensitive) {
                    Ok(()) => self.say(
                        format!("Copied: {}", what.label().trim_start_matches("Copy ")),
                        false,
                    ),
                    Err(e) => self.say(e, true),
                }
            }
            Command::OpenToken => self.open_dialog(Purpose::OpenToken, ctx),
            Command::SaveToken => self.open_dialog(Purpose::SaveToken, ctx),
            Command::OpenKey(slot) => self.open_dialog(Purpose::OpenKey(slot), ctx),
            Command::OpenPath => {
                if let Some(prompt) = self.path_prompt.take() {
                    let path = std::path::PathBuf::from(prompt.path.trim());
                    self.finish_file(prompt.purpose, &path);
                }
            }
            Command::LoadExample => {
                let now = self.wb.now();
                self.wb.load_example(now);
                self.say("Loaded the HS256 example", false);
            }
            Command::SetDarkMode(mode) => self.wb.ws.dark_mode = mode,
            Command::ExpIn(secs) => {
                let r = self.wb.set_exp_in(secs);
                self.report(r, "exp set");
            }
            Command::SetTime(name, t) => {
                let r = self.wb.set_time_claim(&name, t);
                self.report(r, &format!("{name} set"));
            }
            Command::SetTimeNow(name) => {
                let now = self.wb.now();
                let r = self.wb.set_time_claim(&name, now);
                self.report(r, &format!("{name} = now"));
            }
            Command::FixTime(name) => {
                let r = self.wb.fix_time_claim(&name);
                self.report(r, &format!("{name} fixed"));
            }
            Command::RandomJti => {
                let r = self.wb.random_jti();
                self.report(r, "new jti");
            }
            Command::Reissue => {
                let r = self.wb.reissue_now();
                self.report(r, "re-issued now");
            }
            Command::Template(t) => {
                self.wb.apply_template(t);
                self.say(format!("New token from template: {}", t.label()), false);
            }
            Command::SettingsEdited => self.wb.settings_edited(),
            Command::GuessStart(false) => self.start_guess(None, ctx),
            Command::GuessStart(true) => self.open_dialog(Purpose::OpenWordlist, ctx),
            Command::GuessCancel => {
                if let Some(job) = &self.guess_job {
                    job.progress
                        .cancel
                        .store(true, std::sync::atomic::Ordering::Relaxed);
                }
            }
            Command::UseGuessedSecret => {
                if let Some(secret) = self.guessed_secret.take() {
                    self.wb.ws.secret_encoding = crate::core::keys::SecretEncoding::Utf8;
                    self.wb.keys.secret = secret.to_string();
                    self.wb.key_edited();
                    self.guess_view = panels::guess::GuessView::Idle;
                    self.say("Using the guessed secret", false);
                }
            }
            Command::EmbeddedKeyToggled => self.wb.parts_edited(),
            Command::GenerateKey(bits) => {
                let Some(alg) = self.wb.alg() else {
                    self.say("choose an algorithm first", true);
                    return;
                };
                let Some(mut kind) = crate::core::keygen::KeyKind::for_alg(alg) else {
                    self.say("alg none takes no key", true);
                    return;
                };
                if let crate::core::keygen::KeyKind::Rsa(_) = kind {
                    kind = crate::core::keygen::KeyKind::Rsa(bits);
                }
                let busy = format!("Generating a key for {alg}…");
                self.spawn_job("key-generator", busy, ctx, move || {
                    JobResult::Key(
                        crate::core::keygen::generate(kind)
                            .map(Box::new)
                            .map_err(|e| e.to_string()),
                    )
                });
            }
            Command::Export(what) => self.export(what),
            Command::SaveKey(what) => self.open_dialog(Purpose::SaveKey(what), ctx),
            Command::UseThumbprintAsKid => {
                let r = self.wb.use_thumbprint_as_kid();
                self.report(r, "kid set to the key's thumbprint");
            }
            Command::FetchKeys(url) => {
                let (what, discover) = match url {
                    Some(u) => (u, false),
                    None => match self
                        .wb
                        .analysis
                        .decoded
                        .claims()
                        .and_then(|c| c.get("iss"))
                        .and_then(|v| v.as_str())
                    {
                        Some(iss) => (iss.to_owned(), true),
                        None => {
                            self.say("the token has no iss claim", true);
                            return;
                        }
                    },
                };
                let cache = self.fetch_cache.clone();
                let busy = format!("Fetching keys for {what}…");
                self.spawn_job("key-fetch", busy, ctx, move || {
                    let result = match cache.lock() {
                        Ok(mut c) => c
                            .get_or_fetch(&what, discover, crate::core::fetch::Policy::default())
                            .map_err(|e| e.to_string()),
                        Err(_) => Err("the fetch cache is unavailable".to_owned()),
                    };
                    JobResult::Fetched(result)
                });
            }
            Command::LoadDictionary => self.open_dialog(Purpose::OpenDictionary, ctx),
            Command::ClearDictionary => {
                let r = self.wb.set_user_dictionary(None);
                self.report(r, "user dictionary removed");
            }
        }
    }
}

impl eframe::App for App {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.draw(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.wb.to_saved());
    }

    /// Saved often, so that a killed process loses little.
    fn auto_save_interval(&self) -> Duration {
        Duration::from_secs(5)
    }
}
