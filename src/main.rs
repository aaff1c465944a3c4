//! The binary: the command line, or the desktop app when no command is given. `cli` and `ui`
//! never import each other; this is where they meet.

use std::process::ExitCode;

use jwt_debugger::cli::{self, Invocation};

fn main() -> ExitCode {
    match cli::main() {
        Invocation::Done(code) => code,
        Invocation::Gui(token) => open_window(token),
    }
}

#[cfg(feature = "gui")]
fn open_window(token: Option<String>) -> ExitCode {
    jwt_debugger::ui::run(token)
}

#[cfg(not(feature = "gui"))]
fn open_window(_token: Option<String>) -> ExitCode {
    cli::no_gui()
}
