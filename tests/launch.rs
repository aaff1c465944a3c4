//! Two programs, one tool: `jwt-debugger` (the command line, without the window toolkit, so a
//! short command starts fast) becomes `jwt-debugger-app` when asked for the window.

#![cfg(feature = "gui")]
#![allow(clippy::unwrap_used)] // tests fail loudly by design

mod common;
use common::bin;

const SECRET: &str = "a-string-secret-at-least-256-bits-long";

fn app() -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::new(env!("CARGO_BIN_EXE_jwt-debugger-app"));
    cmd.env("NO_COLOR", "1").env("LANG", "C.UTF-8");
    cmd
}

#[cfg(all(unix, not(target_os = "macos")))]
fn without_display(cmd: &mut assert_cmd::Command) -> &mut assert_cmd::Command {
    cmd.env_remove("DISPLAY").env_remove("WAYLAND_DISPLAY")
}

// Linux and the BSDs only: there "no display" is an answer the app gives without opening a window
// (on macOS and Windows it would open one).
#[cfg(all(unix, not(target_os = "macos")))]
#[test]
fn asked_for_the_window_the_command_line_becomes_the_app() {
    // Both ways of asking; the app's own "no display" answer proves the app ran.
    for args in [vec!["gui"], vec![], vec!["--lang", "en", "gui", "abc"]] {
        let out = without_display(&mut bin()).args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("there is no display"), "{args:?}: {err}");
    }
}

#[test]
fn without_the_app_beside_it_the_command_line_says_what_is_missing() {
    let dir = tempfile::tempdir().unwrap();
    let lone = dir
        .path()
        .join(format!("jwt-debugger{}", std::env::consts::EXE_SUFFIX));
    std::fs::copy(env!("CARGO_BIN_EXE_jwt-debugger"), &lone).unwrap();
    let empty = tempfile::tempdir().unwrap();
    let out = assert_cmd::Command::new(&lone)
        .env("PATH", empty.path())
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .arg("gui")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("jwt-debugger-app"), "{err}");
    assert!(err.contains("not installed next to this program"), "{err}");
    // The command line itself still works alone.
    let out = assert_cmd::Command::new(&lone)
        .args([
            "encode",
            "--alg",
            "HS256",
            "--key",
            SECRET,
            r#"{"sub":"a"}"#,
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
}

#[test]
fn the_app_answers_every_command_the_same_as_the_command_line() {
    let token = String::from_utf8(
        bin()
            .args([
                "encode",
                "--alg",
                "HS256",
                "--key",
                SECRET,
                "--no-iat",
                r#"{"sub":"a"}"#,
            ])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    let token = token.trim();
    // A fixed clock: the two runs may fall either side of a second, and `now` is in the output.
    let args = [
        "decode",
        token,
        "--key",
        SECRET,
        "--now",
        "1800000000",
        "--json",
    ];
    let ours = bin().args(args).output().unwrap();
    let theirs = app().args(args).output().unwrap();
    assert_eq!(ours.status.code(), Some(0));
    assert_eq!(ours.status.code(), theirs.status.code());
    assert_eq!(ours.stdout, theirs.stdout);
}

/// The window toolkit's function names are in the symbol table of a binary that links it (debug
/// information names every source file either way, so the symbols are what tells); the command
/// line must have none, which is what keeps its start-up small.
#[cfg(target_os = "linux")] // ELF symbol tables; Windows keeps symbols in a separate PDB
#[test]
fn the_command_line_does_not_link_the_window_toolkit() {
    let has = |bin: &str, needle: &[u8]| {
        let bytes = std::fs::read(std::path::Path::new(bin)).unwrap();
        bytes.windows(needle.len()).any(|w| w == needle)
    };
    let app = env!("CARGO_BIN_EXE_jwt-debugger-app");
    let cli = env!("CARGO_BIN_EXE_jwt-debugger");
    for needle in [&b"_ZN5winit"[..], b"_ZN4egui", b"_ZN6glutin"] {
        assert!(
            has(app, needle),
            "the app lacks {}",
            String::from_utf8_lossy(needle)
        );
        assert!(
            !has(cli, needle),
            "the command line links {}",
            String::from_utf8_lossy(needle)
        );
    }
}
