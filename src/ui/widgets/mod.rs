//! Reusable widgets: coloured token text, JSON highlighting, status badges.

pub mod badge;
pub mod highlight;
pub mod timeline;
