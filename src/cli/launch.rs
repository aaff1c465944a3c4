//! Opening the desktop app from the command-line binary.
//!
//! `jwt-debugger` is the command line: it does not link the window toolkit, so a `decode` in a
//! script starts as fast as a small tool does (the toolkit's code and its load-time relocations
//! cost a short command about as much as the command itself). The app is `jwt-debugger-app`,
//! built beside it by the same `cargo build`; asked for the window (`gui`, or no command), the
//! command line becomes the app: on Unix it replaces itself with it (same process id, same
//! arguments), elsewhere it runs it and passes on its exit status.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The app's file name on this platform.
pub fn app_file_name() -> String {
    format!("jwt-debugger-app{}", std::env::consts::EXE_SUFFIX)
}

/// Where the app is: next to this binary (a `cargo build`, `cargo install`, a package or an
/// unpacked archive all put both in one folder), else on `PATH`.
pub fn find_app(this_exe: Option<&Path>, path_var: Option<&std::ffi::OsStr>) -> Option<PathBuf> {
    let name = app_file_name();
    let beside = this_exe
        .and_then(Path::parent)
        .map(|dir| dir.join(&name))
        .filter(|p| p.is_file());
    beside.or_else(|| {
        std::env::split_paths(path_var?)
            .map(|dir| dir.join(&name))
            .find(|p| p.is_file())
    })
}

/// Becomes the app with this process's own arguments (so `--lang`, `gui TOKEN` and anything
/// else mean what they meant here). Returns only when the app could not be started.
pub fn open_app() -> ExitCode {
    let exe = std::env::current_exe().ok();
    let path_var = std::env::var_os("PATH");
    let Some(app) = find_app(exe.as_deref(), path_var.as_deref()) else {
        let folder = exe
            .as_deref()
            .and_then(Path::parent)
            .map(|d| d.display().to_string())
            .unwrap_or_else(|| "this program's folder".to_owned());
        return not_started(format!(
            "the desktop app ({}) is not installed next to this program ({folder}) nor on PATH; \
             `cargo build --release` builds both, and the packages install both",
            app_file_name()
        ));
    };
    let args: Vec<OsString> = std::env::args_os().skip(1).collect();
    run(&app, &args)
}

/// Exit 1, as the app does when it cannot open its window (no display): the request was fine,
/// this machine cannot carry it out.
fn not_started(message: String) -> ExitCode {
    super::out::error(message);
    ExitCode::FAILURE
}

#[cfg(unix)]
fn run(app: &Path, args: &[OsString]) -> ExitCode {
    use std::os::unix::process::CommandExt as _;
    let err = std::process::Command::new(app).args(args).exec();
    not_started(format!(
        "cannot start the desktop app {}: {}",
        app.display(),
        crate::core::text::io_error_words(&err)
    ))
}

#[cfg(not(unix))]
fn run(app: &Path, args: &[OsString]) -> ExitCode {
    match std::process::Command::new(app).args(args).status() {
        Ok(status) => match status.code() {
            Some(code) => ExitCode::from(u8::try_from(code).unwrap_or(1)),
            None => ExitCode::FAILURE,
        },
        Err(err) => not_started(format!(
            "cannot start the desktop app {}: {}",
            app.display(),
            crate::core::text::io_error_words(&err)
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_app_is_found_beside_the_command_line_first_then_on_path() {
        let here = tempfile::tempdir().unwrap();
        let elsewhere = tempfile::tempdir().unwrap();
        let exe = here.path().join("jwt-debugger");
        let path_var = std::env::join_paths([elsewhere.path()]).unwrap();
        assert_eq!(find_app(Some(&exe), Some(&path_var)), None);

        let on_path = elsewhere.path().join(app_file_name());
        std::fs::write(&on_path, b"").unwrap();
        assert_eq!(find_app(Some(&exe), Some(&path_var)), Some(on_path));

        let beside = here.path().join(app_file_name());
        std::fs::write(&beside, b"").unwrap();
        assert_eq!(find_app(Some(&exe), Some(&path_var)), Some(beside));
    }

    #[test]
    fn a_folder_named_like_the_app_is_not_the_app() {
        let here = tempfile::tempdir().unwrap();
        std::fs::create_dir(here.path().join(app_file_name())).unwrap();
        let exe = here.path().join("jwt-debugger");
        assert_eq!(find_app(Some(&exe), None), None);
    }
}
