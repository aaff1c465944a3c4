//! What the command-line tests share: the real binary, with a fixed language and no colour.

use assert_cmd::Command;

/// The built `jwt-debugger`, in English whatever the machine's locale, without colour codes.
pub fn bin() -> Command {
    #[allow(clippy::unwrap_used)] // the binary is built by cargo test; its absence is a bug
    let mut cmd = Command::cargo_bin("jwt-debugger").unwrap();
    cmd.env("NO_COLOR", "1")
        .env("LANG", "C.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
    cmd
}
