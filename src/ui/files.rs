//! Native file dialogs on a named thread, and reading/writing the chosen files.
//!
//! rfd returns `None` both for "cancelled" and for "no dialog could be shown" (no desktop portal,
//! no zenity). A `None` that comes back faster than a person can cancel is taken as the latter,
//! and the app then offers a path field instead.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};

use super::panels::KeySlot;

/// What a dialog was opened for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    OpenToken,
    OpenKey(KeySlot),
    SaveToken,
    OpenDictionary,
    OpenWordlist,
    SaveKey(super::panels::ExportWhat),
}

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
}

impl Default for Dialogs {
    fn default() -> Self {
        let (tx, rx) = channel();
        Self {
            tx,
            rx,
            busy: false,
        }
    }
}

const FASTER_THAN_A_PERSON: Duration = Duration::from_millis(400);

impl Dialogs {
    /// Opens a dialog; the result arrives through [`Dialogs::poll`].
    pub fn open(&mut self, purpose: Purpose, ctx: &egui::Context) -> Result<(), String> {
        if self.busy {
            return Err("a file dialog is already open".into());
        }
        let tx = self.tx.clone();
        let ctx = ctx.clone();
        std::thread::Builder::new()
            .name("file-dialog".into())
            .spawn(move || {
                let started = Instant::now();
                let dialog = rfd::FileDialog::new();
                let path = match purpose {
                    Purpose::OpenToken => dialog.set_title("Open token").pick_file(),
                    Purpose::OpenKey(_) => dialog.set_title("Open key").pick_file(),
                    Purpose::OpenWordlist => dialog.set_title("Open wordlist").pick_file(),
                    Purpose::SaveKey(what) => dialog
                        .set_title("Save key")
                        .set_file_name(match what {
                            super::panels::ExportWhat::PublicPem => "public.pem",
                            super::panels::ExportWhat::PrivatePem => "private.pem",
                            super::panels::ExportWhat::Jwks => "jwks.json",
                            super::panels::ExportWhat::PublicJwk => "public.jwk.json",
                            super::panels::ExportWhat::PrivateJwk => "private.jwk.json",
                        })
                        .save_file(),
                    Purpose::OpenDictionary => dialog
                        .set_title("Open claim dictionary")
                        .add_filter("JSON", &["json"])
                        .pick_file(),
                    Purpose::SaveToken => dialog
                        .set_title("Save token")
                        .set_file_name("token.jwt")
                        .save_file(),
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
            .map_err(|e| format!("cannot start the file dialog: {e}"))?;
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

/// Reads a file the user chose, with a size cap and a message naming the file on failure.
pub fn read(path: &std::path::Path) -> Result<Vec<u8>, String> {
    let meta =
        std::fs::metadata(path).map_err(|e| format!("cannot open {}: {e}", path.display()))?;
    if meta.len() > crate::core::parse::MAX_INPUT_BYTES as u64 {
        return Err(format!(
            "{} is {} bytes, over the 16 MiB limit",
            path.display(),
            meta.len()
        ));
    }
    std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

/// Writes a file the user chose in a save dialog (replacing it, as the dialog confirmed);
/// private keys get mode 0600.
pub fn write_new_file(path: &std::path::Path, text: &str, private: bool) -> Result<(), String> {
    use std::io::Write as _;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.mode(if private { 0o600 } else { 0o644 });
    }
    #[cfg(not(unix))]
    let _ = private;
    let mut file = options
        .open(path)
        .map_err(|e| format!("cannot save {}: {e}", path.display()))?;
    file.write_all(text.as_bytes())
        .map_err(|e| format!("cannot save {}: {e}", path.display()))
}
