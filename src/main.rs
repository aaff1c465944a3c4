//! The binary: the command line, or the desktop app when no command is given. `cli` and `ui`
//! never import each other; this is where they meet.

use std::process::ExitCode;

use jwt_debugger::cli::{self, Invocation};

fn main() -> ExitCode {
    match cli::main() {
        Invocation::Done(code) => code,
        Invocation::Gui(token, lang) => open_window(token, lang),
    }
}

#[cfg(feature = "gui")]
fn open_window(token: Option<String>, lang: Option<jwt_debugger::i18n::Lang>) -> ExitCode {
    jwt_debugger::ui::run(token, lang)
}

#[cfg(not(feature = "gui"))]
fn open_window(_token: Option<String>, _lang: Option<jwt_debugger::i18n::Lang>) -> ExitCode {
    cli::no_gui()
}
