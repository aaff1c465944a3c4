//! Clipboard access behind a trait, so tests can inject one and check what was copied.

use crate::tr;
use std::sync::{Arc, Mutex};

/// Somewhere copied text goes.
pub trait Clipboard {
    /// Copies `text`; `sensitive` asks clipboard managers not to keep it in their history.
    fn set_text(&mut self, text: &str, sensitive: bool) -> Result<(), String>;
}

/// The system clipboard through arboard. One instance lives as long as the app, so that on X11
/// the copied text stays served while the window is open.
#[derive(Default)]
pub struct SystemClipboard {
    inner: Option<arboard::Clipboard>,
}

impl Clipboard for SystemClipboard {
    fn set_text(&mut self, text: &str, sensitive: bool) -> Result<(), String> {
        if self.inner.is_none() {
            self.inner = Some(
                arboard::Clipboard::new()
                    .map_err(|e| tr!("clipboard-unavailable", error = e.to_string()))?,
            );
        }
        let Some(clipboard) = self.inner.as_mut() else {
            return Err(tr!("clipboard-unavailable", error = ""));
        };
        let set = clipboard.set();
        #[cfg(target_os = "linux")]
        let set = if sensitive {
            use arboard::SetExtLinux as _;
            set.exclude_from_history()
        } else {
            set
        };
        #[cfg(not(target_os = "linux"))]
        let _ = sensitive;
        set.text(text.to_owned())
            .map_err(|e| tr!("clipboard-failed", error = e.to_string()))
    }
}

/// A clipboard in memory, for tests: everything copied is kept in order.
#[derive(Clone, Default)]
pub struct MemoryClipboard {
    pub copied: Arc<Mutex<Vec<String>>>,
}

impl Clipboard for MemoryClipboard {
    fn set_text(&mut self, text: &str, _sensitive: bool) -> Result<(), String> {
        self.copied
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .push(text.to_owned());
        Ok(())
    }
}
