//! The app: the model, the view model derived from it, the panels that draw the view model, and
//! one `apply` through which every change goes.
//!
//! A frame: read the clock and the input (shortcuts, paste, drops), collect what finished in the
//! background (jobs, dialogs), draw the panels from the view model (they return commands), then
//! apply every event in order. After any event, or when the clock moved, the model refreshes
//! (hash-memoized) and the view model is derived again; a frame with neither does no work.

mod arrival;
mod dispatch;
mod effects;
mod input;
mod keystore;
mod keystore_store;
mod layout;
mod tabs;

use std::time::Duration;

use super::clipboard::{Clipboard, SystemClipboard};
use super::files::{DialogResult, Dialogs};
use super::jobs::{GuessStatus, JobResult, Jobs};
use super::model::{AppState, Model};
use super::panels::{self, claims::ClaimsPaneState, helpers::HelpersState, key::KeyPaneState};
use super::secrets::{KeyStore, MemoryKeyStore, SystemKeyStore};
use super::shared::{Command, Notice, PathPrompt};
use super::theme;
use super::view::ViewModel;
use crate::tr;

pub use arrival::Source;
pub use layout::{NARROW, STACK_BELOW_WIDTH, Section, WIDE_LEFT, WIDE_RIGHT};
use tabs::TabRuntime;

/// How long typing must pause before a large token is re-signed.
pub const REBUILD_PAUSE_SECS: f64 = 0.3;

/// Something that changes the app; applied in order at the end of a frame.
enum Event {
    Ui(Command),
    Pasted(String),
    /// A file dropped on the window; read on a job.
    Dropped(std::path::PathBuf),
    Job(JobResult),
    Dialog(DialogResult),
    /// Typing paused: re-sign the large token whose rebuild was deferred.
    RebuildNow,
    /// Typing in the token field paused: what was typed arrives like any other text.
    TypingSettled,
}

/// How long typing in the token field must pause before what was typed counts as arrived (listed
/// in the history, split into a table when it holds several tokens).
pub const TYPING_SETTLES_SECS: f64 = 1.0;

pub struct App {
    /// What the user has and everything derived from it.
    pub model: Model,
    /// What the screen says, derived from `model`.
    pub view: ViewModel,
    key_pane: KeyPaneState,
    claims_pane: ClaimsPaneState,
    helpers: HelpersState,
    key_tools: panels::keytools::KeyToolsState,
    encrypt: panels::encrypt::EncryptState,
    /// "Present…" of an SD-JWT.
    present: panels::disclosures::PresentState,
    /// The attack tokens tool.
    attacks: panels::attacks::AttackState,
    /// The key store's descriptions (material stays in the credential store).
    named_keys: panels::keystore::KeyStoreView,
    /// Keys kept for this session only, when no credential store was reachable.
    session_keys: Vec<(String, zeroize::Zeroizing<String>)>,
    /// A key being generated goes into the store under this name when it arrives.
    generate_into_store: Option<String>,
    /// The stored keys offered for the token on screen, and the inputs they were worked out for.
    offered_keys: Option<(u64, Vec<String>)>,
    tokens: panels::tokens::TokensState,
    tab_bar: panels::tabbar::TabBarState,
    history: panels::history::HistoryState,
    /// Per tab (parallel to `model.state.tabs`): keys and found tokens, kept in memory only.
    tab_runtime: Vec<TabRuntime>,
    /// The zone local times are shown in (the system's; tests pin one).
    zone: jiff::tz::TimeZone,
    clipboard: Box<dyn Clipboard>,
    dialogs: Dialogs,
    jobs: Jobs,
    notice: Option<Notice>,
    pub path_prompt: Option<PathPrompt>,
    clock: Box<dyn Fn() -> i64>,
    /// The theme and zoom last given to egui, so they are set only when they change.
    applied_theme: Option<Option<bool>>,
    applied_zoom: Option<f32>,
    guess: Option<GuessStatus>,
    /// The secret the guesser found, until the user uses it or guesses again.
    guessed_secret: Option<zeroize::Zeroizing<String>>,
    /// Set by the start-up measurement: print the time to the first frame once.
    first_frame_probe: Option<std::time::Instant>,
    /// The context, for jobs started from a file result (they ask for a repaint when done).
    repaint_ctx: Option<egui::Context>,
    /// When (egui input time) a deferred rebuild is due.
    rebuild_due: Option<f64>,
    /// The bundled interface fonts were given to egui (once per context).
    ui_fonts_installed: bool,
    /// The last "no font for this script" note, so it is said once, not every frame.
    fonts_checked: Option<Option<String>>,
    /// When (egui input time) typing in the token field counts as settled.
    typing_settles: Option<f64>,
    /// How the text being scanned on a job arrived.
    pending_arrival: Option<Source>,
    /// The keys (by hash) the found-tokens job in flight analyses with.
    found_job: Option<u64>,
    /// A slow analysis is running on a job; the newest request waits for it, older ones are
    /// dropped (each PBES2 try can take a tenth of a second: typing must not pile them up).
    analysis_running: bool,
    queued_analysis: Option<crate::ui::model::AnalysisRequest>,
    /// Forget everything was asked for: the confirmation is open.
    confirm_forget: bool,
    /// When (egui input time) the user last did anything: the cursor stops blinking after a
    /// while, so an idle window with a focused field does no work.
    last_input: f64,
    /// Where remembered keys go (the system's credential store; memory in tests).
    key_store: Box<dyn KeyStore>,
    /// A hash of the keys last written to `key_store`, so that saving every few seconds writes
    /// only when they changed. `None`: nothing written this session.
    stored_keys: Option<u64>,
}

impl App {
    /// The app as eframe starts it: state restored from storage, system clipboard, real clock.
    pub fn new(
        cc: &eframe::CreationContext<'_>,
        token: Option<String>,
        lang: Option<crate::i18n::Lang>,
    ) -> Self {
        let state: AppState = cc
            .storage
            .and_then(|s| eframe::get_value(s, eframe::APP_KEY))
            .unwrap_or_default();
        // --lang wins, then the language chosen in the app, then the system locale.
        crate::i18n::set(
            lang.or(state.lang)
                .unwrap_or_else(crate::i18n::Lang::from_env),
        );
        let state = AppState {
            lang: lang.or(state.lang),
            ..state
        };
        let mut app = Self::with_parts(
            state,
            Box::new(SystemClipboard::default()),
            Box::new(crate::clock::now_unix),
            token,
        );
        app.set_key_store(Box::new(SystemKeyStore));
        app
    }

    /// The app with injected clipboard and clock (tests, benchmarks).
    pub fn with_parts(
        state: AppState,
        clipboard: Box<dyn Clipboard>,
        clock: Box<dyn Fn() -> i64>,
        token: Option<String>,
    ) -> Self {
        // The language chosen in the app (kept in the settings) is the one texts are made in.
        if let Some(lang) = state.lang {
            crate::i18n::set(lang);
        }
        let model = Model::new(state, clock());
        let view = ViewModel::derive(&model);
        let mut app = Self {
            model,
            view,
            key_pane: KeyPaneState::default(),
            claims_pane: ClaimsPaneState::default(),
            helpers: HelpersState::default(),
            key_tools: panels::keytools::KeyToolsState::default(),
            encrypt: panels::encrypt::EncryptState::default(),
            present: panels::disclosures::PresentState::default(),
            attacks: panels::attacks::AttackState::default(),
            named_keys: panels::keystore::KeyStoreView {
                entries: crate::store::list().unwrap_or_default(),
                ..Default::default()
            },
            session_keys: Vec::new(),
            generate_into_store: None,
            offered_keys: None,
            tokens: panels::tokens::TokensState::default(),
            tab_bar: panels::tabbar::TabBarState::default(),
            history: panels::history::HistoryState::default(),
            tab_runtime: Vec::new(),
            zone: jiff::tz::TimeZone::system(),
            clipboard,
            dialogs: Dialogs::default(),
            jobs: Jobs::default(),
            notice: None,
            path_prompt: None,
            clock,
            applied_theme: None,
            applied_zoom: None,
            guess: None,
            guessed_secret: None,
            first_frame_probe: None,
            repaint_ctx: None,
            rebuild_due: None,
            fonts_checked: None,
            ui_fonts_installed: false,
            typing_settles: None,
            pending_arrival: None,
            found_job: None,
            analysis_running: false,
            queued_analysis: None,
            confirm_forget: false,
            last_input: 0.0,
            key_store: Box::new(MemoryKeyStore::default()),
            stored_keys: None,
        };
        if let Some(text) = token {
            app.arrive(&text, Source::CommandLine);
            app.view = ViewModel::derive(&app.model);
        }
        app
    }

    /// Shows local times in `zone` instead of the system's.
    pub fn set_time_zone(&mut self, zone: jiff::tz::TimeZone) {
        self.zone = zone;
    }

    /// Whether a background job (a read, a scan, an analysis, …) has not come back yet.
    pub fn jobs_working(&self) -> bool {
        self.jobs.working()
    }

    /// Whether something the screen waits for has not arrived: a background job, the found rows'
    /// facts for the keys in the fields, or the token's analysis. Tests draw frames until it
    /// has, instead of a fixed number of them.
    pub fn busy(&self) -> bool {
        self.jobs_working() || self.model.found_request().is_some() || self.model.analysis_pending
    }

    /// Uses `dialogs` for file dialogs (tests: [`Dialogs::unavailable`]).
    pub fn set_dialogs(&mut self, dialogs: Dialogs) {
        self.dialogs = dialogs;
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
        self.apply_theme_and_zoom(&ctx);
        let now = (self.clock)();
        let clock_moved = now != self.model.now();
        let mut events = self.collect_input(&ctx);
        let mut commands = Vec::new();

        let width = ui.available_width();
        egui::Panel::top("toolbar").show(ui, |ui| {
            ui.add_space(4.0);
            panels::toolbar::ui(
                ui,
                self.model.state.dark_mode,
                self.notice.as_ref(),
                &mut commands,
            );
            if let Some(prompt) = &mut self.path_prompt {
                panels::toolbar::path_prompt_ui(ui, prompt, &mut commands);
            }
            self.ensure_tabs();
            panels::tabbar::ui(
                ui,
                &self.model.state.tabs,
                self.model.state.active_tab,
                &mut self.tab_bar,
                &mut commands,
            );
            ui.add_space(2.0);
        });
        if width >= STACK_BELOW_WIDTH {
            egui::Panel::left("encoded")
                .resizable(true)
                .default_size((width * 0.42).max(theme::MIN_COLUMN_WIDTH))
                .min_size(theme::MIN_COLUMN_WIDTH)
                .max_size(width - theme::MIN_COLUMN_WIDTH)
                .show(ui, |ui| {
                    ui.add_space(6.0);
                    egui::ScrollArea::vertical()
                        .id_salt("left_scroll")
                        .show(ui, |ui| self.sections_ui(ui, WIDE_LEFT, &mut commands));
                });
            egui::CentralPanel::default().show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .id_salt("decoded_scroll")
                    .show(ui, |ui| self.sections_ui(ui, WIDE_RIGHT, &mut commands));
            });
        } else {
            egui::CentralPanel::default().show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .id_salt("single_column_scroll")
                    .show(ui, |ui| self.sections_ui(ui, NARROW, &mut commands));
            });
        }

        if self.confirm_forget {
            forget_confirmation_ui(&ctx, &mut commands);
        }
        events.extend(commands.into_iter().map(Event::Ui));
        let changed = !events.is_empty();
        for event in events {
            self.apply(event, &ctx);
        }
        // Work the events left for a job: a slow analysis, the found tokens with new keys.
        if let Some(request) = self.model.take_analysis_request() {
            self.queued_analysis = Some(request);
        }
        self.start_queued_analysis(&ctx);
        self.start_found_analysis();
        self.settle_cursor(&ctx);
        if changed || clock_moved {
            // Every event already refreshed the model; the clock re-times it if it moved.
            self.model.set_now(now);
            self.view = ViewModel::derive(&self.model);
        }
        if changed || self.fonts_checked.is_none() {
            self.check_fonts(&ctx);
        }
        if let Some(started) = self.first_frame_probe.take() {
            eprintln!(
                "first-frame-ms {:.1}",
                started.elapsed().as_secs_f64() * 1000.0
            );
        }
        // Repaint when the next relative time on screen changes, not on a fixed tick.
        if let Some(secs) = self.view.repaint_after_secs {
            ctx.request_repaint_after(Duration::from_secs(secs));
        }
    }

    /// Starts the newest slow analysis when none is running.
    fn start_queued_analysis(&mut self, ctx: &egui::Context) {
        if self.analysis_running {
            return;
        }
        if let Some(request) = self.queued_analysis.take() {
            match self.jobs.analyze(request, ctx) {
                Ok(()) => self.analysis_running = true,
                Err(e) => self.say(e, true),
            }
        }
    }

    /// The text cursor blinks while the user is active and stops 10 s after the last input (as
    /// GTK does), so an idle window with a focused field stops repainting.
    fn settle_cursor(&mut self, ctx: &egui::Context) {
        const BLINK_FOR_SECS: f64 = 10.0;
        let (time, active) = ctx.input(|i| (i.time, !i.events.is_empty() || i.pointer.is_moving()));
        if active {
            self.last_input = time;
        }
        let blink = time - self.last_input < BLINK_FOR_SECS;
        if ctx.global_style().visuals.text_cursor.blink != blink {
            ctx.all_styles_mut(|style| style.visuals.text_cursor.blink = blink);
        }
        // The blink needs frames only while a text field has focus; after it stops, one more
        // frame draws the cursor solid and the window settles.
        if blink && ctx.egui_wants_keyboard_input() {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(
                BLINK_FOR_SECS - (time - self.last_input),
            ));
        }
    }

    fn apply_theme_and_zoom(&mut self, ctx: &egui::Context) {
        if self.applied_theme != Some(self.model.state.dark_mode) {
            if !self.ui_fonts_installed {
                super::fonts::install_ui_fonts(ctx);
                self.ui_fonts_installed = true;
            }
            ctx.set_theme(match self.model.state.dark_mode {
                None => egui::ThemePreference::System,
                Some(true) => egui::ThemePreference::Dark,
                Some(false) => egui::ThemePreference::Light,
            });
            theme::apply_text_sizes(ctx);
            self.applied_theme = Some(self.model.state.dark_mode);
        }
        // Ctrl+= / Ctrl+- / Ctrl+0 change egui's zoom; keep it across restarts.
        let zoom = ctx.zoom_factor();
        match self.applied_zoom {
            None => {
                let saved = self.model.state.zoom;
                if (0.5..=3.0).contains(&saved) && (saved - zoom).abs() > f32::EPSILON {
                    ctx.set_zoom_factor(saved);
                }
                self.applied_zoom = Some(saved);
            }
            Some(z) if (z - zoom).abs() > f32::EPSILON => {
                self.model.state.zoom = zoom;
                self.applied_zoom = Some(zoom);
            }
            Some(_) => {}
        }
    }
}

/// "Forget everything?" with what it clears; the answer is a command.
fn forget_confirmation_ui(ctx: &egui::Context, commands: &mut Vec<Command>) {
    let modal = egui::Modal::new(egui::Id::unique("forget_confirmation")).show(ctx, |ui| {
        ui.set_max_width(420.0);
        ui.heading(tr!("forget-confirm-title"));
        ui.label(tr!("forget-confirm-text"));
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui
                .button(egui::RichText::new(tr!("forget-confirm-yes")).color(theme::BAD))
                .clicked()
            {
                commands.push(Command::ConfirmForget(true));
            }
            if ui.button(tr!("forget-confirm-no")).clicked() {
                commands.push(Command::ConfirmForget(false));
            }
        });
    });
    if modal.should_close() && !commands.contains(&Command::ConfirmForget(true)) {
        commands.push(Command::ConfirmForget(false));
    }
}

impl eframe::App for App {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.draw(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.sync_key_store();
        eframe::set_value(storage, eframe::APP_KEY, &self.model.to_saved());
    }

    /// Saved often, so that a killed process loses little.
    fn auto_save_interval(&self) -> Duration {
        Duration::from_secs(5)
    }
}
