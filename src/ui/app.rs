//! The app: the model, the view model derived from it, the panels that draw the view model, and
//! one `apply` through which every change goes.
//!
//! A frame: read the clock and the input (shortcuts, paste, drops), collect what finished in the
//! background (jobs, dialogs), draw the panels from the view model (they return commands), then
//! apply every event in order. After any event, or when the clock moved, the model refreshes
//! (hash-memoized) and the view model is derived again; a frame with neither does no work.

use crate::tr;
use std::path::Path;
use std::time::Duration;

use egui::{Key, KeyboardShortcut, Modifiers};

use super::clipboard::{Clipboard, SystemClipboard};
use super::files::{DialogResult, Dialogs, Purpose};
use super::jobs::{self, Dropped, GuessStatus, JobResult, Jobs};
use super::model::{AppState, CopyWhat, Model};
use super::panels::{
    self, Command, claims::ClaimsPaneState, helpers::HelpersState, key::KeyPaneState,
    toolbar::Notice,
};
use super::secrets::{KeyStore, MemoryKeyStore, SystemKeyStore};
use super::theme;
use super::view::ViewModel;

/// The keyboard shortcuts, with what they do; tooltips read their text from here.
pub const OPEN: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
pub const SAVE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);
pub const NEW_TAB: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::T);
pub const CLOSE_TAB: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::W);
pub const NEXT_TAB: KeyboardShortcut = KeyboardShortcut::new(Modifiers::CTRL, Key::Tab);
pub const COPY_TOKEN: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::C);

/// How long typing must pause before a large token is re-signed.
pub const REBUILD_PAUSE_SECS: f64 = 0.3;

/// Windows narrower than this show one scrolling column instead of two side by side.
pub const STACK_BELOW_WIDTH: f32 = 900.0;

/// Something that changes the app; applied in order at the end of a frame.
enum Event {
    Ui(Command),
    Pasted(String),
    Dropped {
        bytes: Vec<u8>,
        name: String,
    },
    Job(JobResult),
    Dialog(DialogResult),
    /// Typing paused: re-sign the large token whose rebuild was deferred.
    RebuildNow,
}

/// Where a file path typed by hand goes, when no dialog can appear.
#[derive(Debug, Clone)]
pub struct PathPrompt {
    pub purpose: Purpose,
    pub path: String,
    /// Why the last path did not work; the prompt stays open.
    pub error: Option<String>,
    /// Ask for keyboard focus on the next frame.
    pub focus: bool,
}

/// What a tab keeps in memory while another is open: its keys (never saved with the tab) and the
/// tokens found in its last text or file.
#[derive(Default)]
struct TabRuntime {
    keys: super::state::KeyInputs,
    found: Option<super::model::FoundList>,
}

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

    /// Uses `store` for remembered keys, and restores them from it when the user chose to
    /// remember keys (or moves keys an earlier version left in the settings file into it).
    pub fn set_key_store(&mut self, store: Box<dyn KeyStore>) {
        self.key_store = store;
        self.stored_keys = None;
        if !self.model.state.remember_key {
            return;
        }
        if !self.model.keys.is_empty() {
            // Keys from an old settings file: into the store; the next save drops them there.
            self.sync_key_store();
            return;
        }
        match self.key_store.load() {
            Ok(Some(keys)) => {
                self.stored_keys = Some(keys_hash(&keys));
                self.model.keys = keys;
                self.model.key_edited();
            }
            Ok(None) => {}
            Err(e) => self.say(tr!("notice-remembered-unavailable", error = e), true),
        }
    }

    /// Writes the keys to the store when remembering is on and they changed; forgets them when
    /// it is off. A store that cannot be reached turns remembering off, and says so.
    fn sync_key_store(&mut self) {
        if self.model.state.remember_key {
            let hash = keys_hash(&self.model.keys);
            if self.stored_keys == Some(hash) {
                return;
            }
            match self.key_store.save(&self.model.keys) {
                Ok(()) => self.stored_keys = Some(hash),
                Err(e) => {
                    self.model.state.remember_key = false;
                    self.say(tr!("notice-cannot-remember", error = e), true);
                }
            }
        } else if self.stored_keys.is_some() {
            self.key_store.forget().ok();
            self.stored_keys = None;
        }
    }

    /// Says once when token text holds a script no installed font can draw, and which package
    /// brings one (instead of leaving boxes unexplained).
    fn check_fonts(&mut self, ctx: &egui::Context) {
        let state = &self.model.state;
        let missing =
            super::fonts::missing_scripts(ctx, [state.header.as_str(), state.payload.as_str()]);
        let note = super::fonts::missing_note(&missing);
        if self.fonts_checked.as_ref() != Some(&note) {
            if let Some(text) = &note {
                self.say(text.clone(), true);
            }
            self.fonts_checked = Some(note);
        }
    }

    /// Clears settings, tokens, keys in memory and remembered keys; the window starts over.
    fn forget_everything(&mut self) {
        let forgotten = self.key_store.forget();
        let now = self.model.now();
        self.model = Model::new(AppState::default(), now);
        self.model.keys = Default::default();
        self.model.key_source = super::model::KeySource::None;
        self.model.state.token.clear();
        self.model.token_edited();
        self.stored_keys = None;
        self.tab_runtime.clear();
        self.guess = None;
        self.guessed_secret = None;
        self.path_prompt = None;
        self.applied_theme = None;
        self.applied_zoom = None;
        match forgotten {
            Ok(()) => self.say(tr!("notice-forgot"), false),
            Err(e) => self.say(tr!("notice-forgot-partly", error = e), true),
        }
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
        let mut model = Model::new(state, clock());
        if let Some(text) = token {
            let found = crate::core::scan::scan_text(text.as_bytes());
            if found.len() > 1 {
                model.set_found(tr!("command-line"), found);
            } else {
                model.load_text(&text);
            }
        }
        let view = ViewModel::derive(&model);
        Self {
            model,
            view,
            key_pane: KeyPaneState::default(),
            claims_pane: ClaimsPaneState::default(),
            helpers: HelpersState::default(),
            key_tools: panels::keytools::KeyToolsState::default(),
            encrypt: panels::encrypt::EncryptState::default(),
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
            key_store: Box::new(MemoryKeyStore::default()),
            stored_keys: None,
        }
    }

    /// Shows local times in `zone` instead of the system's.
    pub fn set_time_zone(&mut self, zone: jiff::tz::TimeZone) {
        self.zone = zone;
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
                        .show(ui, |ui| {
                            self.token_column_ui(ui, &mut commands);
                        });
                });
            egui::CentralPanel::default().show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .id_salt("decoded_scroll")
                    .show(ui, |ui| self.edit_column_ui(ui, &mut commands));
            });
        } else {
            egui::CentralPanel::default().show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .id_salt("single_column_scroll")
                    .show(ui, |ui| {
                        // The verdict and the editors right under the token; the claims, whose
                        // height varies with the token, last.
                        self.found_ui(ui, &mut commands);
                        self.token_ui(ui, &mut commands);
                        ui.separator();
                        self.edit_column_ui(ui, &mut commands);
                        ui.separator();
                        self.claims_ui(ui, &mut commands);
                    });
            });
        }

        events.extend(commands.into_iter().map(Event::Ui));
        let changed = !events.is_empty();
        for event in events {
            self.apply(event, &ctx);
        }
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

    /// The token, its errors, and the claims.
    fn token_column_ui(&mut self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        self.found_ui(ui, commands);
        self.token_ui(ui, commands);
        ui.separator();
        self.claims_ui(ui, commands);
        ui.separator();
        self.many_ui(ui, commands);
    }

    /// Compare and history: tools about other tokens, under everything about this one.
    fn many_ui(&mut self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        panels::compare::ui(
            ui,
            &mut self.model.compare_text,
            self.model.comparison.as_ref(),
            &self.model.state.tabs,
            self.model.state.active_tab,
            commands,
        );
        panels::history::ui(
            ui,
            &self.model.state.history,
            self.model.state.history_off,
            &self.zone,
            &mut self.history,
            commands,
        );
    }

    /// Makes sure there is at least one tab and a runtime slot for each.
    fn ensure_tabs(&mut self) {
        let state = &mut self.model.state;
        if state.tabs.is_empty() {
            let current = self.model.workspace();
            let state = &mut self.model.state;
            state.tabs.push(current);
            state.active_tab = 0;
        }
        let state = &mut self.model.state;
        state.active_tab = state.active_tab.min(state.tabs.len() - 1);
        let len = state.tabs.len();
        self.tab_runtime.resize_with(len, TabRuntime::default);
    }

    /// Writes the open tab's workspace, keys and found tokens into its slot.
    fn stash_tab(&mut self) {
        self.ensure_tabs();
        let active = self.model.state.active_tab;
        let current = self.model.workspace();
        self.model.state.tabs[active] = current;
        self.tab_runtime[active] = TabRuntime {
            keys: self.model.keys.clone(),
            found: self.model.found.take(),
        };
    }

    /// Opens tab `to` (after the open one was stashed).
    fn load_tab(&mut self, to: usize) {
        let now = self.model.now();
        let settings = self.model.state.clone();
        let tab = settings.tabs[to].clone();
        let runtime = std::mem::take(&mut self.tab_runtime[to]);
        let mut model = Model::open_workspace(&settings, &tab, runtime.keys.clone(), now);
        model.state.active_tab = to;
        model.found = runtime.found;
        self.model = model;
    }

    fn switch_tab(&mut self, to: usize) {
        self.ensure_tabs();
        if to == self.model.state.active_tab || to >= self.model.state.tabs.len() {
            return;
        }
        self.stash_tab();
        self.load_tab(to);
    }

    fn new_tab(&mut self) {
        self.stash_tab();
        self.model
            .state
            .tabs
            .push(super::state::SavedTab::default());
        self.tab_runtime.push(TabRuntime::default());
        let last = self.model.state.tabs.len() - 1;
        self.load_tab(last);
    }

    fn close_tab(&mut self, i: usize) {
        self.stash_tab();
        let tabs = &mut self.model.state.tabs;
        if i >= tabs.len() {
            return;
        }
        let name = panels::tabbar::label(&tabs[i], i);
        if tabs.len() == 1 {
            tabs[0] = super::state::SavedTab::default();
            self.tab_runtime[0] = TabRuntime::default();
            self.load_tab(0);
        } else {
            let active = self.model.state.active_tab;
            self.model.state.tabs.remove(i);
            self.tab_runtime.remove(i);
            let to = if i < active {
                active - 1
            } else if i == active {
                i.min(self.model.state.tabs.len() - 1)
            } else {
                active
            };
            self.load_tab(to);
        }
        self.say(tr!("notice-tab-closed", name = name), false);
    }

    fn move_tab(&mut self, i: usize, delta: isize) {
        self.stash_tab();
        let len = self.model.state.tabs.len();
        let Some(j) = i.checked_add_signed(delta).filter(|j| *j < len) else {
            return;
        };
        self.model.state.tabs.swap(i, j);
        self.tab_runtime.swap(i, j);
        let active = self.model.state.active_tab;
        if active == i {
            // The open tab moved: its slot is j now, and it is still the one on screen.
            self.model.state.active_tab = j;
            self.load_tab(j);
        } else if active == j {
            self.model.state.active_tab = i;
            self.load_tab(i);
        }
    }

    /// The tokens found in the last text or file with several.
    fn found_ui(&mut self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        if let Some(found) = &self.model.found {
            panels::tokens::ui(
                ui,
                found,
                self.model.state.token.trim(),
                &mut self.tokens,
                commands,
            );
            ui.separator();
        }
    }

    /// The encoded token and its one-line note (fixed height).
    fn token_ui(&mut self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        panels::encoded::ui(
            ui,
            &mut self.model.state.token,
            &self.model.analysis.decoded,
            &self.view,
            commands,
        );
    }

    /// The timeline and the annotated claims (their height follows the token).
    fn claims_ui(&mut self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        // A nested token's claims are the inner token's: show those.
        let outer = &self.model.analysis;
        let (shown, encryption_header) = match outer.inner.as_deref() {
            Some(inner) if outer.claims.is_empty() => (inner, outer.header_claims.as_slice()),
            _ => (outer, &[][..]),
        };
        panels::claims::ui(
            ui,
            shown,
            encryption_header,
            self.model.evaluation_instant(),
            &self.zone,
            &mut self.claims_pane,
            commands,
        );
    }

    /// Status, editors, keys and the tools below them. Nothing above the editors changes height
    /// with the analysis.
    fn edit_column_ui(&mut self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        panels::status::ui(ui, &self.view);
        ui.separator();
        panels::json_editors::ui(
            ui,
            &mut self.model.state.header,
            &mut self.model.state.payload,
            &self.model.errors,
            commands,
        );
        // A nested token: the outer layer above, the inner token right under it.
        panels::inner::ui(ui, &self.view, &mut self.model.keys, commands);
        panels::helpers::ui(ui, &mut self.helpers, commands);
        ui.separator();
        let key_view = panels::key::KeyView::of(&self.model, &self.view);
        panels::key::ui(
            ui,
            &key_view,
            &mut self.model.keys,
            &mut self.key_pane,
            &mut self.key_tools,
            self.jobs.busy.as_deref(),
            commands,
        );
        panels::keytools::ui(
            ui,
            &self.model,
            self.jobs.busy.as_deref(),
            &mut self.key_tools,
            commands,
        );
        panels::encrypt::ui(
            ui,
            &mut self.encrypt,
            &mut self.model.keys,
            self.jobs.busy.as_deref(),
            commands,
        );
        if self.model.header_embeds_private_key() {
            let mut allow = self.model.allow_embedded_private_key;
            if ui
                .checkbox(&mut allow, tr!("sign-embedded-anyway"))
                .changed()
            {
                commands.push(Command::SetAllowEmbeddedKey(allow));
            }
        }
        let hmac = self
            .model
            .alg()
            .is_some_and(|a| a.min_secret_len().is_some());
        if hmac
            && self.model.analysis.signature.status != crate::core::SignatureStatus::Verified
            && matches!(
                self.model.token_state,
                super::model::TokenState::Decoded | super::model::TokenState::Built
            )
        {
            panels::guess::ui(ui, self.guess.as_ref(), commands);
        }
        ui.separator();
        panels::findings::ui(ui, &self.model.analysis.findings);
        panels::validation::ui(
            ui,
            &mut self.model.state,
            &self.model.analysis.validity.checks,
            self.model.settings_error.as_deref(),
            commands,
        );
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

    /// Shortcuts, paste, dropped files, and what finished in the background, as events.
    fn collect_input(&mut self, ctx: &egui::Context) -> Vec<Event> {
        let mut events = Vec::new();
        let (open, save, copy, new_tab, close_tab, next_tab) = ctx.input_mut(|i| {
            (
                i.consume_shortcut(&OPEN),
                i.consume_shortcut(&SAVE),
                i.consume_shortcut(&COPY_TOKEN),
                i.consume_shortcut(&NEW_TAB),
                i.consume_shortcut(&CLOSE_TAB),
                i.consume_shortcut(&NEXT_TAB),
            )
        });
        let active = self.model.state.active_tab;
        for (pressed, command) in [
            (open, Command::OpenToken),
            (save, Command::SaveToken),
            (copy, Command::Copy(CopyWhat::Token)),
            (new_tab, Command::NewTab),
            (close_tab, Command::CloseTab(active)),
            (next_tab, Command::NextTab),
        ] {
            if pressed {
                events.push(Event::Ui(command));
            }
        }
        // Paste anywhere: when no text field has focus, pasted text is taken as a token.
        if ctx.memory(|m| m.focused()).is_none() {
            let pasted = ctx.input(|i| {
                i.events.iter().rev().find_map(|e| match e {
                    egui::Event::Paste(text) => Some(text.clone()),
                    _ => None,
                })
            });
            events.extend(pasted.map(Event::Pasted));
        }
        for file in ctx.input(|i| i.raw.dropped_files.clone()) {
            let name = file.path().display().to_string();
            match file.bytes() {
                Ok(bytes) => events.push(Event::Dropped { bytes, name }),
                Err(e) => self.say(
                    tr!(
                        "notice-cannot-read-dropped",
                        name = name.as_str(),
                        error = e.to_string()
                    ),
                    true,
                ),
            }
        }
        if let Some(status) = self.jobs.poll_guess(ctx) {
            if let GuessStatus::Found { secret, .. } = &status {
                self.guessed_secret = Some(zeroize::Zeroizing::new(secret.clone()));
            }
            self.guess = Some(status);
        }
        events.extend(self.jobs.poll().into_iter().map(Event::Job));
        while let Some(result) = self.dialogs.poll() {
            events.push(Event::Dialog(result));
        }
        if let Some(due) = self.rebuild_due {
            let time = ctx.input(|i| i.time);
            if time >= due {
                self.rebuild_due = None;
                events.push(Event::RebuildNow);
            } else {
                ctx.request_repaint_after(Duration::from_secs_f64(due - time));
            }
        }
        events
    }

    fn apply(&mut self, event: Event, ctx: &egui::Context) {
        match event {
            Event::Ui(command) => self.apply_command(command, ctx),
            Event::Pasted(text) => self.paste(&text, &tr!("notice-token-pasted")),
            Event::Dropped { bytes, name } => self.dropped(&bytes, &name),
            Event::Job(result) => self.job_finished(result),
            Event::Dialog(result) => self.dialog_finished(result),
            Event::RebuildNow => self.flush_rebuild(),
        }
    }

    /// Text with a token in it, from the clipboard or a file: load it and say what it was.
    fn paste(&mut self, text: &str, done: &str) {
        self.paste_from(text, done, &tr!("pasted-text"));
    }

    /// Loads text with a token in it; when it holds several, they are listed too.
    fn paste_from(&mut self, text: &str, done: &str, source: &str) {
        use crate::core::scan;
        // A HAR export is read as one (each place named by entry and field), anything else as text.
        let found = if scan::looks_like_har(text.as_bytes()) {
            scan::scan_har(text.as_bytes())
                .map(scan::Findings::into_found)
                .unwrap_or_else(|_| scan::scan_text(text.as_bytes()))
        } else {
            scan::scan_text(text.as_bytes())
        };
        if found.len() > 1 {
            let count = found.len();
            self.model.set_found(source.to_owned(), found);
            self.say(
                tr!("notice-found-tokens", count = count, source = source),
                false,
            );
            return;
        }
        if !self.model.load_text(text) {
            self.say(tr!("notice-pasted-empty"), true);
            return;
        }
        match self.model.token_state {
            super::model::TokenState::Malformed => {
                let why = self
                    .view_error()
                    .unwrap_or_else(|| "not a token".to_owned());
                self.say(tr!("notice-not-a-token", why = why), true);
            }
            _ => self.say(done, false),
        }
    }

    fn view_error(&self) -> Option<String> {
        self.model
            .analysis
            .decoded
            .errors
            .first()
            .map(ToString::to_string)
    }

    fn dropped(&mut self, bytes: &[u8], name: &str) {
        match jobs::classify_drop(bytes) {
            Dropped::Key(slot, key) => {
                self.model.put_key(slot, key.text);
                self.say(
                    tr!("notice-loaded-key", name = name, key = key.description),
                    false,
                );
            }
            Dropped::Token(text) => {
                self.paste_from(&text, &tr!("notice-opened-token-from", name = name), name)
            }
            Dropped::Neither => self.say(tr!("notice-neither", name = name), true),
        }
    }

    fn job_finished(&mut self, result: JobResult) {
        match result {
            JobResult::Key(Ok(key)) => {
                let r = self.model.use_generated_key(&key);
                self.report(r, &tr!("notice-generated", key = key.describe()));
            }
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
                    self.model.set_found(name.clone(), found);
                    self.say(
                        tr!("notice-found-tokens", count = count, source = name.as_str()),
                        false,
                    );
                }
            }
            JobResult::Scanned(Err(e)) => self.say(e, true),
            JobResult::Key(Err(e)) | JobResult::Fetched(Err(e)) => self.say(e, true),
        }
    }

    fn dialog_finished(&mut self, result: DialogResult) {
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

    fn report(&mut self, result: Result<(), String>, done: &str) {
        match result {
            Ok(()) => self.say(done, false),
            Err(e) => self.say(e, true),
        }
    }

    /// Does what a chosen file was for; an error names the file and the problem in words.
    fn finish_file(&mut self, purpose: Purpose, path: &Path) -> Result<(), String> {
        let shown = path.display();
        match purpose {
            Purpose::SaveToken => {
                self.flush_rebuild();
                jobs::save_token(path, &self.model.state.token)?;
                self.say(tr!("notice-saved-token", path = shown.to_string()), false);
            }
            Purpose::OpenToken => {
                let text = jobs::read_text(path)?;
                if text.trim().is_empty() {
                    return Err(tr!("notice-file-empty", path = shown.to_string()));
                }
                let name = path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_else(|| shown.to_string());
                self.paste_from(
                    &text,
                    &tr!("notice-opened", path = shown.to_string()),
                    &name,
                );
            }
            Purpose::ScanFile => {
                if let Some(ctx) = self.repaint_ctx.clone() {
                    self.jobs.scan_file(path.to_path_buf(), &ctx)?;
                }
            }
            Purpose::SaveKey(what) => {
                let text = jobs::export_text(self.model.current_key(), what)?;
                jobs::save_key(path, &text, what.is_private())?;
                self.say(
                    tr!(
                        "notice-saved-key",
                        what = what.label(),
                        path = shown.to_string()
                    ),
                    false,
                );
            }
            Purpose::OpenWordlist => {
                jobs::check_file(path)?;
                self.start_guess(Some(path.to_path_buf()));
            }
            Purpose::OpenDictionary => {
                let text = jobs::read_text(path)?;
                self.model.set_user_dictionary(Some(text))?;
                self.say(
                    tr!("notice-loaded-dictionary", path = shown.to_string()),
                    false,
                );
            }
            Purpose::OpenKey(slot) => {
                let bytes = jobs::read_file(path)?;
                let secret_ok = slot == panels::KeySlot::Secret;
                let key = jobs::read_key(&bytes, secret_ok).map_err(|e| format!("{shown}: {e}"))?;
                self.model.put_key(slot, key.text);
                self.say(tr!("notice-loaded", key = key.description), false);
            }
        }
        Ok(())
    }

    fn start_guess(&mut self, wordlist: Option<std::path::PathBuf>) {
        let Some(ctx) = self.repaint_ctx.clone() else {
            return;
        };
        self.guessed_secret = None;
        self.guess = Some(
            self.jobs
                .start_guess(&self.model.analysis.decoded, wordlist, &ctx),
        );
    }

    fn open_dialog(&mut self, purpose: Purpose, ctx: &egui::Context) {
        if let Err(e) = self.dialogs.open(purpose, ctx) {
            self.say(e, true);
        }
    }

    /// A deferred rebuild happens now: what is copied or saved is what the editors say.
    fn flush_rebuild(&mut self) {
        if self.model.rebuild_pending {
            self.model.parts_edited();
        }
    }

    fn copy(&mut self, what: CopyWhat) {
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

    fn export(&mut self, what: panels::ExportWhat) {
        let copied = jobs::export_text(self.model.current_key(), what)
            .and_then(|t| self.clipboard.set_text(&t, what.is_private()));
        self.report(copied, &tr!("notice-copied", what = what.label()));
    }

    fn open_typed_path(&mut self) {
        let Some(prompt) = self.path_prompt.clone() else {
            return;
        };
        let typed = prompt.path.trim();
        if typed.is_empty() {
            self.set_prompt_error(tr!("notice-type-path"));
            return;
        }
        match self.finish_file(prompt.purpose, Path::new(typed)) {
            Ok(()) => self.path_prompt = None,
            Err(e) => {
                self.say(e.clone(), true);
                self.set_prompt_error(e);
            }
        }
    }

    fn set_prompt_error(&mut self, e: String) {
        if let Some(p) = &mut self.path_prompt {
            p.error = Some(e);
            p.focus = true;
        }
    }

    fn fetch_keys(&mut self, url: Option<String>, ctx: &egui::Context) {
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

    fn apply_command(&mut self, command: Command, ctx: &egui::Context) {
        let m = &mut self.model;
        match command {
            Command::TokenEdited => m.token_edited(),
            Command::PartsEdited if m.defers_rebuild() => {
                m.parts_edited_later();
                let due = ctx.input(|i| i.time) + REBUILD_PAUSE_SECS;
                self.rebuild_due = Some(due);
                ctx.request_repaint_after(Duration::from_secs_f64(REBUILD_PAUSE_SECS));
            }
            Command::PartsEdited => m.parts_edited(),
            Command::KeyEdited => m.key_edited(),
            Command::SetSecretEncoding(enc) => {
                m.state.secret_encoding = enc;
                m.key_edited();
            }
            Command::SetRememberKey(on) => {
                m.state.remember_key = on;
                self.sync_key_store();
                if on && self.model.state.remember_key {
                    self.say(tr!("notice-remembered"), false);
                }
            }
            Command::ForgetEverything => self.forget_everything(),
            Command::SetLanguage(lang) => {
                crate::i18n::set(lang);
                m.state.lang = Some(lang);
                m.relocalize();
                self.say(tr!("notice-language", language = lang.native_name()), false);
            }
            Command::SetAllowUnsecured(on) => {
                m.allow_unsecured = on;
                m.parts_edited();
            }
            Command::SetAllowEmbeddedKey(on) => {
                m.allow_embedded_private_key = on;
                m.parts_edited();
            }
            Command::SetEvaluateLive(live) => {
                m.state.evaluate_at =
                    (!live).then(|| crate::core::time::rfc3339(m.evaluation_instant()));
                m.settings_edited();
            }
            Command::PickAlg(alg) => m.pick_alg(alg),
            Command::Copy(what) => self.copy(what),
            Command::OpenToken => self.open_dialog(Purpose::OpenToken, ctx),
            Command::SaveToken => self.open_dialog(Purpose::SaveToken, ctx),
            Command::OpenKey(slot) => self.open_dialog(Purpose::OpenKey(slot), ctx),
            Command::OpenPath => self.open_typed_path(),
            Command::ClosePathPrompt => self.path_prompt = None,
            Command::LoadExample => {
                let now = m.now();
                m.load_example(now);
                self.say(tr!("notice-example"), false);
            }
            Command::SetDarkMode(mode) => m.state.dark_mode = mode,
            Command::ExpIn(secs) => {
                let r = m.set_exp_in(secs);
                self.report(r, &tr!("notice-exp-set"));
            }
            Command::SetTime(name, text) => {
                let r = crate::core::time::parse_instant(&text)
                    .map_err(|e| format!("{name}: {e}"))
                    .and_then(|t| m.set_time_claim(&name, t));
                self.report(r, &tr!("notice-claim-set", name = &name));
            }
            Command::SetTimeNow(name) => {
                let now = m.now();
                let r = m.set_time_claim(&name, now);
                self.report(r, &tr!("notice-claim-now", name = &name));
            }
            Command::FixTime(name) => {
                let r = m.fix_time_claim(&name);
                self.report(r, &tr!("notice-claim-fixed", name = &name));
            }
            Command::RandomJti => {
                let r = m.random_jti();
                self.report(r, &tr!("notice-new-jti"));
            }
            Command::Reissue => {
                let r = m.reissue_now();
                self.report(r, &tr!("notice-reissued"));
            }
            Command::Template(t) => {
                m.apply_template(t);
                self.say(tr!("notice-template", template = t.label()), false);
            }
            Command::SettingsEdited => m.settings_edited(),
            Command::GuessStart(false) => self.start_guess(None),
            Command::GuessStart(true) => self.open_dialog(Purpose::OpenWordlist, ctx),
            Command::GuessCancel => self.jobs.cancel_guess(),
            Command::UseGuessedSecret => {
                if let Some(secret) = self.guessed_secret.take() {
                    m.state.secret_encoding = crate::core::keys::SecretEncoding::Utf8;
                    m.keys.secret = secret.to_string();
                    m.key_edited();
                    self.guess = None;
                    self.say(tr!("notice-guessed"), false);
                }
            }
            Command::GenerateKey(bits) => match m.alg() {
                None => self.say(tr!("notice-choose-alg"), true),
                Some(alg) => {
                    if let Err(e) = self.jobs.generate_key(alg, bits, ctx) {
                        self.say(e, true);
                    }
                }
            },
            Command::Export(what) => self.export(what),
            Command::SaveKey(what) => self.open_dialog(Purpose::SaveKey(what), ctx),
            Command::UseThumbprintAsKid => {
                let r = m.use_thumbprint_as_kid();
                self.report(r, &tr!("notice-kid-thumbprint"));
            }
            Command::FetchKeys(url) => self.fetch_keys(url, ctx),
            Command::LoadDictionary => self.open_dialog(Purpose::OpenDictionary, ctx),
            Command::ClearDictionary => {
                let r = m.set_user_dictionary(None);
                self.report(r, &tr!("notice-dictionary-removed"));
            }
            Command::OpenInner => {
                if m.open_inner() {
                    self.say(tr!("notice-opened-inner"), false);
                }
            }
            Command::BackToOuter => {
                if m.back_to_outer() {
                    self.say(tr!("notice-back-to-outer"), false);
                }
            }
            Command::Encrypt(request) => {
                self.flush_rebuild();
                let token = self.model.state.token.trim().to_owned();
                let key = self.model.keys.recipient_key.clone();
                if let Err(e) = self.jobs.encrypt(token, key, request, ctx) {
                    self.say(e, true);
                }
            }
            Command::CopyEncrypted => {
                if let Some(Ok(token)) = &self.encrypt.result {
                    let copied = self.clipboard.set_text(token, true);
                    self.report(copied, &tr!("notice-encrypted-copied"));
                }
            }
            Command::ScanFile => self.open_dialog(Purpose::ScanFile, ctx),
            Command::OpenFound(i) => {
                m.open_found(i);
            }
            Command::CloseFound => m.found = None,
            Command::NewTab => self.new_tab(),
            Command::CloseTab(i) => self.close_tab(i),
            Command::SwitchTab(i) => self.switch_tab(i),
            Command::NextTab => {
                self.ensure_tabs();
                let len = self.model.state.tabs.len();
                let next = (self.model.state.active_tab + 1) % len;
                self.switch_tab(next);
            }
            Command::RenameTab(i, name) => {
                if let Some(tab) = m.state.tabs.get_mut(i) {
                    tab.name = name.trim().to_owned();
                }
            }
            Command::MoveTab(i, delta) => self.move_tab(i, delta),
            Command::OpenHistory(i) => {
                if let Some(entry) = m.state.history.get(i).cloned() {
                    m.load_text(&entry.token);
                }
            }
            Command::ClearHistory => {
                m.state.history.clear();
                self.say(tr!("notice-history-cleared"), false);
            }
            Command::SetHistoryOff(off) => {
                m.state.history_off = off;
                if off {
                    m.state.history.clear();
                }
            }
            Command::CompareWithTab(i) => {
                if let Some(tab) = m.state.tabs.get(i) {
                    m.compare_text = tab.token.clone();
                    m.refresh();
                }
            }
            Command::CompareEdited => m.refresh(),
            Command::PickJweAlg(alg) => {
                self.encrypt.alg = alg;
                self.encrypt.open = true;
                self.say(tr!("notice-pick-jwe", alg = alg.name()), false);
            }
            Command::OpenEncrypted => {
                if let Some(Ok(token)) = self.encrypt.result.clone() {
                    self.paste(&token, &tr!("notice-opened-encrypted"));
                }
            }
        }
    }
}

fn keys_hash(keys: &super::state::KeyInputs) -> u64 {
    use std::hash::{Hash as _, Hasher as _};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    (
        &keys.secret,
        &keys.public_key,
        &keys.private_key,
        &keys.inner_key,
        &keys.recipient_key,
    )
        .hash(&mut h);
    h.finish()
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
