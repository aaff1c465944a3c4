//! One file per panel. Panels draw the view model, let text fields edit their own buffers, and
//! return commands for everything else; they never call crypto or read files.

pub mod attacks;
pub mod claims;
pub mod compare;
pub mod disclosures;
pub mod encoded;
pub mod encrypt;
pub mod findings;
pub mod guess;
pub mod helpers;
pub mod history;
pub mod inner;
pub mod json_editors;
pub mod key;
pub mod keystore;
pub mod keytools;
pub mod profile;
pub mod selective;
pub mod status;
pub mod tabbar;
pub mod tokens;
pub mod toolbar;
pub mod validation;

pub use crate::ui::shared::{Command, ExportWhat, KeySlot};
