//! The one way text arrives in front of the user, whatever the route: typed or pasted into the
//! token field, pasted anywhere, dropped, opened, given on the command line, a row of the found
//! tokens, a history entry, a freshly encrypted token, an inner token opened alone. One function
//! decides what it is (nothing, one token, several tokens, not a token), drops the example's key
//! when the token is not the example's, records the history and says what happened, so no route
//! can behave differently from another.

use super::App;
use crate::core::scan;
use crate::tr;

/// How the text came.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// Typed into the token field; settled (the user paused).
    Typed,
    /// Pasted into the token field.
    PastedIntoField,
    /// Pasted with no field focused (Ctrl+V anywhere).
    Pasted,
    /// A file dropped on the window, by its name.
    Dropped(String),
    /// A file opened, by its name.
    Opened(String),
    /// `jwt-debugger gui TEXT`.
    CommandLine,
    /// A row of the found tokens.
    FoundRow,
    /// An entry of the history.
    History,
    /// The token the Encrypt tool made.
    Encrypted,
    /// The presentation "Present…" made.
    Presented,
    /// An attack token, opened in a new tab.
    Attack,
}

impl Source {
    /// What a list of tokens found in this text is called: the file's name, "pasted text".
    fn label(&self) -> String {
        match self {
            Self::Dropped(name) | Self::Opened(name) => name.clone(),
            Self::CommandLine => tr!("command-line"),
            _ => tr!("pasted-text"),
        }
    }

    /// True when the text is one token the app itself listed (no scan needed).
    fn is_one_token(&self) -> bool {
        matches!(
            self,
            Self::FoundRow | Self::History | Self::Encrypted | Self::Presented | Self::Attack
        )
    }
}

pub use crate::ui::shared::SCAN_INLINE_BYTES;

impl App {
    /// Text arrived: decide what it is and show it.
    pub(super) fn arrive(&mut self, text: &str, source: Source) {
        if text.trim().is_empty() {
            self.model.clear_token();
            let notice = match &source {
                Source::Typed => None,
                Source::Dropped(name) | Source::Opened(name) => {
                    Some(tr!("notice-file-empty", path = name.as_str()))
                }
                _ => Some(tr!("notice-pasted-empty")),
            };
            if let Some(notice) = notice {
                self.say(notice, true);
            }
            return;
        }
        if source.is_one_token() {
            return self.show_one(text, &source);
        }
        if text.len() > SCAN_INLINE_BYTES
            && let Some(ctx) = self.repaint_ctx.clone()
        {
            match self.jobs.scan_text(text.to_owned(), &ctx) {
                Ok(()) => self.pending_arrival = Some(source),
                Err(e) => self.say(e, true),
            }
            return;
        }
        let found = scan::scan_source(text.as_bytes(), None);
        self.arrived(text, found, source);
    }

    /// The tokens of a text are known (scanned here or on a job).
    pub(super) fn arrived(&mut self, text: &str, found: Vec<scan::Found>, source: Source) {
        if found.len() > 1 {
            let count = found.len();
            let label = source.label();
            let first = found[0].token.clone();
            self.model.set_found(label.clone(), found);
            self.start_found_analysis();
            self.show_one(&first, &source);
            self.say(
                tr!("notice-found-tokens", count = count, source = label),
                false,
            );
            return;
        }
        // One token found in the text, or none: the text is read as a token as far as it goes
        // (a Bearer line, quotes, a cookie), and a text that is not one says why.
        let token = found
            .first()
            .map(|f| f.token.as_str())
            .or_else(|| crate::core::parse::find_token(text))
            .unwrap_or(text);
        self.show_one(token, &source);
    }

    /// Shows one token (or text that is meant to be one) and says what it is.
    fn show_one(&mut self, text: &str, source: &Source) {
        // What the user typed stays as typed; any other route puts the token itself in the field.
        let keep_field = *source == Source::Typed;
        self.model.show_token(text, keep_field);
        self.model.record_history();
        // Typing shows itself: the field's own line says what is wrong, the badge what it is.
        if *source == Source::Typed {
            return;
        }
        let stripped = &self.model.analysis.decoded.stripped;
        let notice = if self.model.analysis.is_malformed() {
            let why = self
                .model
                .analysis
                .decoded
                .errors
                .first()
                .map(ToString::to_string)
                .unwrap_or_default();
            Some((tr!("notice-not-a-token", why = why), true))
        } else {
            let done = match source {
                Source::Typed => None,
                Source::PastedIntoField | Source::Pasted => Some(tr!("notice-token-pasted")),
                Source::Dropped(name) => {
                    Some(tr!("notice-opened-token-from", name = name.as_str()))
                }
                Source::Opened(name) => Some(tr!("notice-opened", path = name.as_str())),
                Source::CommandLine => Some(tr!("notice-token-pasted")),
                Source::FoundRow => Some(tr!("notice-opened-found")),
                Source::History => Some(tr!("notice-opened-history")),
                Source::Encrypted => Some(tr!("notice-opened-encrypted")),
                Source::Presented => Some(tr!("notice-opened-presentation")),
                Source::Attack => Some(tr!("notice-opened-attack")),
            };
            done.map(|d| {
                let d = if stripped.is_empty() {
                    d
                } else {
                    format!(
                        "{d} ({})",
                        tr!("stripped-around", what = stripped.join(", "))
                    )
                };
                (d, false)
            })
        };
        if let Some((text, error)) = notice {
            self.say(text, error);
        }
    }
}
