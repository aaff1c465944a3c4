//! jwt-debugger: decode, verify, sign and explain JSON Web Tokens, offline.
//!
//! [`core`] is pure Rust with no GUI dependency; `cli` and (with the `gui` feature) `ui` sit on top.

#![forbid(unsafe_code)]

pub mod cli;
pub mod clock;
pub mod core;
pub mod i18n;
#[cfg(feature = "gui")]
pub mod store;
#[cfg(feature = "gui")]
pub mod ui;
