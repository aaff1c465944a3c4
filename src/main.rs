//! The command line. It does not link the desktop app, so a short command starts fast; asked for
//! the window (`gui`, or no command at all), it becomes `jwt-debugger-app`, built beside it
//! (`src/bin/jwt-debugger-app.rs`, see `cli::launch`).

use std::process::ExitCode;

use jwt_debugger::cli::{self, Invocation};

fn main() -> ExitCode {
    match cli::main() {
        Invocation::Done(code) => code,
        Invocation::Gui(..) if cfg!(feature = "gui") => cli::launch::open_app(),
        Invocation::Gui(..) => cli::no_gui(),
    }
}
