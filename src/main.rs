//! The command line. It does not link the desktop app, so a short command starts fast; asked for
//! the window (`gui`, or no command at all), it becomes `jwt-debugger-app`, built beside it
//! (`src/bin/jwt-debugger-app.rs`, see `cli::launch`).
//!
//! On Linux with glibc this program starts without the Rust runtime's start-up (`no_main`): that
//! start-up places a guard for the main thread's stack, and glibc finds the stack by reading and
//! `sscanf`-parsing `/proc/self/maps`. Measured on a `decode`: 110,000 instructions, 17 system
//! calls and the page faults of libc's scanf, about a twentieth of the whole process, to improve
//! the message of a stack overflow (which becomes a plain SIGSEGV here). The two things of that
//! start-up a command line needs are done here instead: standard descriptors that are closed are
//! opened on /dev/null (so a key file written by `keygen --out` can never become stdout), and
//! SIGPIPE is ignored (so a reader that goes away is an error the writer ends quietly on, not a
//! signal). Everything else (arguments, threads, panics, `std::process::exit`) works as usual.

#![cfg_attr(all(target_os = "linux", target_env = "gnu", not(test)), no_main)]

use std::process::ExitCode;

use jwt_debugger::cli::{self, Invocation};

fn run() -> ExitCode {
    match cli::main() {
        Invocation::Done(code) => code,
        Invocation::Gui(..) if cfg!(feature = "gui") => cli::launch::open_app(),
        Invocation::Gui(..) => cli::no_gui(),
    }
}

#[cfg(any(not(all(target_os = "linux", target_env = "gnu")), test))]
fn main() -> ExitCode {
    run()
}

#[cfg(all(target_os = "linux", target_env = "gnu", not(test)))]
mod start {
    #![allow(unsafe_code)]

    use std::io::Write as _;
    use std::process::ExitCode;

    /// What the C runtime calls. std reads the arguments itself (glibc hands them to its
    /// initialiser), so `std::env::args_os` is complete.
    #[unsafe(no_mangle)]
    extern "C" fn main(_argc: libc::c_int, _argv: *const *const libc::c_char) -> libc::c_int {
        open_closed_standard_descriptors();
        // SAFETY: setting a signal's disposition to "ignore" before any thread exists.
        unsafe { libc::signal(libc::SIGPIPE, libc::SIG_IGN) };
        // A panic has already been reported by the panic hook; 101 is the status std gives it.
        let code = std::panic::catch_unwind(super::run).map_or(101, status);
        std::io::stdout().flush().ok();
        code
    }

    /// Standard input, output and error that the parent closed are opened on /dev/null, as std's
    /// own start-up does: otherwise the next file opened would take their number.
    fn open_closed_standard_descriptors() {
        let mut fds = [0, 1, 2].map(|fd| libc::pollfd {
            fd,
            events: 0,
            revents: 0,
        });
        // SAFETY: `fds` is a valid array of three pollfd for the call's duration.
        let polled = unsafe { libc::poll(fds.as_mut_ptr(), fds.len() as libc::nfds_t, 0) };
        if polled == -1 {
            return;
        }
        for pfd in fds {
            if pfd.revents & libc::POLLNVAL != 0 {
                // SAFETY: a NUL-terminated path; the descriptor is deliberately left open.
                let fd = unsafe { libc::open(c"/dev/null".as_ptr(), libc::O_RDWR) };
                if fd == -1 {
                    // As std does: nothing safe is left to write to.
                    std::process::abort();
                }
            }
        }
    }

    /// The number an `ExitCode` stands for (std keeps it private; every code here is a u8).
    fn status(code: ExitCode) -> libc::c_int {
        (0..=u8::MAX)
            .find(|&n| ExitCode::from(n) == code)
            .map_or(1, libc::c_int::from)
    }
}
