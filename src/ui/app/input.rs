//! What arrived this frame besides the panels' commands: shortcuts, pastes, dropped files, and
//! what finished in the background, as events applied in order.

use std::time::Duration;

use super::{App, Event, Source};
use crate::ui::actions::Action;
use crate::ui::files::Purpose;
use crate::ui::jobs::GuessStatus;

impl App {
    /// Shortcuts, paste, dropped files, and what finished in the background, as events.
    pub(super) fn collect_input(&mut self, ctx: &egui::Context) -> Vec<Event> {
        let mut events = Vec::new();
        let active = self.model.state.active_tab;
        for action in Action::ALL {
            if let Some(shortcut) = action.shortcut()
                && ctx.input_mut(|i| i.consume_shortcut(&shortcut))
            {
                events.push(Event::Ui(action.command(active)));
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
            events.push(Event::Dropped(file.path().to_path_buf()));
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
        if let Some(due) = self.typing_settles {
            let time = ctx.input(|i| i.time);
            if time >= due {
                self.typing_settles = None;
                events.push(Event::TypingSettled);
            } else {
                ctx.request_repaint_after(Duration::from_secs_f64(due - time));
            }
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

    pub(super) fn apply(&mut self, event: Event, ctx: &egui::Context) {
        match event {
            Event::Ui(command) => self.apply_command(command, ctx),
            Event::Pasted(text) => self.arrive(&text, Source::Pasted),
            Event::Dropped(path) => {
                if let Err(e) = self.finish_file(Purpose::Dropped, &path) {
                    self.say(e, true);
                }
            }
            Event::Job(result) => self.job_finished(result),
            Event::Dialog(result) => self.dialog_finished(result),
            Event::RebuildNow => self.flush_rebuild(),
            Event::TypingSettled => {
                let text = self.model.state.token.clone();
                self.arrive(&text, Source::Typed);
            }
        }
    }
}
