//! The desktop app, which also answers every command-line command (`cargo run --release` opens
//! it; `cargo run --release -- decode …` decodes). `jwt-debugger`, the command line, becomes this
//! program when it is asked for the window. `cli` and `ui` never import each other; this is
//! where they meet.
//!
//! On Windows it is a windowed program: started from the Start menu it opens no console window
//! behind the app (commands are `jwt-debugger.exe`'s, whose output reaches the console).

#![cfg_attr(windows, windows_subsystem = "windows")]

use std::process::ExitCode;

use jwt_debugger::cli::{self, Invocation};

fn main() -> ExitCode {
    match cli::main() {
        Invocation::Done(code) => code,
        Invocation::Gui(token, lang) => jwt_debugger::ui::run(token, lang),
    }
}
