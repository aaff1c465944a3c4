//! Native file dialogs on a named thread, and reading/writing the chosen files.
//!
//! rfd returns `None` both for "cancelled" and for "no dialog could be shown" (no desktop portal,
//! no zenity). A `None` that comes back faster than a person can cancel is taken as the latter,
//! and the app then offers a path field instead.

use crate::tr;
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};

pub use super::shared::Purpose;

/// A finished dialog.
#[derive(Debug)]
pub struct DialogResult {
    pub purpose: Purpose,
    pub path: Option<PathBuf>,
    /// `None` came back so fast that no dialog was on screen.
    pub no_dialog: bool,
}

/// Runs dialogs off the UI thread and hands back their results.
pub struct Dialogs {
    tx: Sender<DialogResult>,
    rx: Receiver<DialogResult>,
    pub busy: bool,
    /// Behave as a machine without any dialog (tests): every request answers "no dialog".
    unavailable: bool,
}

impl Default for Dialogs {
    fn default() -> Self {
        let (tx, rx) = channel();
        Self {
            tx,
            rx,
            busy: false,
            unavailable: false,
        }
    }
}

const FASTER_THAN_A_PERSON: Duration = Duration::from_millis(400);

impl Dialogs {
    /// Dialogs that never appear, as on a machine without a desktop portal or zenity.
    pub fn unavailable() -> Self {
        Self {
            unavailable: true,
            ..Self::default()
        }
    }

    /// Opens a dialog; the result arrives through [`Dialogs::poll`].
    pub fn open(&mut self, purpose: Purpose, ctx: &egui::Context) -> Result<(), String> {
        if self.busy {
            return Err(tr!("dialog-busy"));
        }
        if self.unavailable {
            self.tx
                .send(DialogResult {
                    purpose,
                    path: None,
                    no_dialog: true,
                })
                .ok();
            ctx.request_repaint();
            return Ok(());
        }
        let tx = self.tx.clone();
        let ctx = ctx.clone();
        // Words are made here, in the app's language, not on the dialog's thread.
        let title = purpose.title();
        std::thread::Builder::new()
            .name("file-dialog".into())
            .spawn(move || {
                let started = Instant::now();
                let dialog = rfd::FileDialog::new().set_title(title);
                let path = match purpose {
                    Purpose::SaveKey(what) => dialog
                        .set_file_name(match what {
                            super::shared::ExportWhat::PublicPem => "public.pem",
                            super::shared::ExportWhat::PrivatePem => "private.pem",
                            super::shared::ExportWhat::Jwks => "jwks.json",
                            super::shared::ExportWhat::PublicJwk => "public.jwk.json",
                            super::shared::ExportWhat::PrivateJwk => "private.jwk.json",
                        })
                        .save_file(),
                    Purpose::OpenDictionary => dialog.add_filter("JSON", &["json"]).pick_file(),
                    Purpose::SaveToken => dialog.set_file_name("token.jwt").save_file(),
                    Purpose::OpenToken
                    | Purpose::Dropped
                    | Purpose::ScanFile
                    | Purpose::OpenKey(_)
                    | Purpose::StoreKeyFile
                    | Purpose::OpenWordlist => dialog.pick_file(),
                };
                let no_dialog = path.is_none() && started.elapsed() < FASTER_THAN_A_PERSON;
                tx.send(DialogResult {
                    purpose,
                    path,
                    no_dialog,
                })
                .ok();
                ctx.request_repaint();
            })
            .map_err(|e| tr!("dialog-cannot-start", error = e.to_string()))?;
        self.busy = true;
        Ok(())
    }

    pub fn poll(&mut self) -> Option<DialogResult> {
        let result = self.rx.try_recv().ok();
        if result.is_some() {
            self.busy = false;
        }
        result
    }
}
