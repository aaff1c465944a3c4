//! Every line every command prints goes through one writer: control, bidirectional and invisible
//! characters from a token never reach the terminal as themselves, on stdout or stderr, and JSON
//! carries them as `\uXXXX`. Writing to a reader that went away never panics.
#![allow(clippy::unwrap_used)] // tests fail loudly by design

mod common;

use std::io::Read as _;
use std::process::Stdio;

use base64::Engine as _;
use common::bin;

const SECRET: &str = "a-string-secret-at-least-256-bits-long";

/// Characters that must never reach a terminal as themselves.
const HOSTILE: &[char] = &[
    '\u{1b}',
    '\u{7}',
    '\r',
    '\u{9b}',
    '\u{202e}',
    '\u{2066}',
    '\u{200e}',
    '\u{200b}',
    '\u{200d}',
    '\u{feff}',
    '\u{61c}',
    '\u{2028}',
    '\u{2029}',
    '\u{e0041}',
];

fn b64(s: &str) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(s)
}

/// A JSON string literal holding every hostile character.
fn evil() -> String {
    let text: String = HOSTILE.iter().collect();
    serde_json::to_string(&format!("x{text}]2;pwned")).unwrap()
}

fn unsigned(header: &str, payload: &str) -> String {
    format!("{}.{}.", b64(header), b64(payload))
}

fn assert_clean(what: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    for c in HOSTILE {
        assert!(
            !text.contains(*c),
            "{what} printed U+{:04X} as itself:\n{text}",
            *c as u32
        );
    }
}

#[test]
fn no_command_prints_a_hostile_character_as_itself() {
    let e = evil();
    let a = unsigned(
        &format!(r#"{{"alg":"HS256","kid":{e},{e}:1}}"#),
        &format!(r#"{{"sub":{e},{e}:{e},"exp":1}}"#),
    );
    let b = unsigned(
        &format!(r#"{{"alg":"HS256","kid":"other{}"}}"#, "\\u200b"),
        &format!(r#"{{"sub":"y",{e}:2,"nested":{{{e}:[{e}]}}}}"#),
    );
    let not_hmac = unsigned(&format!(r#"{{"alg":{e}}}"#), r#"{"sub":"x"}"#);
    let runs: Vec<(&str, Vec<String>, Option<String>)> = vec![
        ("decode", vec!["decode".into(), a.clone()], None),
        (
            "decode --key",
            vec!["decode".into(), a.clone(), "--key".into(), SECRET.into()],
            None,
        ),
        (
            "decode --json",
            vec!["decode".into(), a.clone(), "--json".into()],
            None,
        ),
        ("diff", vec!["diff".into(), a.clone(), b.clone()], None),
        (
            "diff --json",
            vec!["diff".into(), a.clone(), b.clone(), "--json".into()],
            None,
        ),
        ("guess", vec!["guess".into(), not_hmac.clone()], None),
        ("scan", vec!["scan".into()], Some(format!("{a}\n{b}\n"))),
        (
            "scan --json",
            vec!["scan".into(), "--json".into()],
            Some(format!("{a}\n")),
        ),
        (
            "decode garbage",
            vec![
                "decode".into(),
                format!("{}.x\u{202e}y.z", b64("{\"alg\":1}")),
            ],
            None,
        ),
    ];
    for (what, args, stdin) in runs {
        let mut cmd = bin();
        cmd.args(&args);
        if let Some(input) = stdin {
            cmd.write_stdin(input);
        }
        let out = cmd.output().unwrap();
        assert_clean(&format!("{what} (stdout)"), &out.stdout);
        assert_clean(&format!("{what} (stderr)"), &out.stderr);
    }
}

#[test]
fn json_output_is_the_same_data_with_escapes() {
    let e = evil();
    let token = unsigned(r#"{"alg":"none"}"#, &format!(r#"{{"sub":{e}}}"#));
    let out = bin().args(["decode", &token, "--json"]).output().unwrap();
    assert_clean("decode --json", &out.stdout);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let want: String = serde_json::from_str(&e).unwrap();
    assert_eq!(json["payload"]["sub"], want.as_str());
}

#[test]
fn a_name_that_only_looks_registered_is_a_finding() {
    for name in ["\u{435}xp", "e\u{200d}xp"] {
        let token = unsigned(
            r#"{"alg":"none"}"#,
            &format!(r#"{{"sub":"x","{name}":4102444800}}"#),
        );
        let out = bin().args(["decode", &token, "--json"]).output().unwrap();
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let ids: Vec<&str> = json["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|f| f["id"].as_str())
            .collect();
        assert!(ids.contains(&"CONFUSABLE_NAME"), "{name:?}: {ids:?}");
        assert!(ids.contains(&"NO_EXP"), "the look-alike is not an exp");
    }
}

/// Runs the binary with stdout or stderr read by nobody, as `2>&1 | head -c1` leaves it.
fn with_closed(stream: &str, args: &[&str]) -> std::process::Output {
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("jwt-debugger"));
    cmd.args(args).env("NO_COLOR", "1").stdin(Stdio::null());
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Close the read end at once: every write to it fails with a broken pipe.
    if stream == "stderr" {
        drop(child.stderr.take());
    } else {
        drop(child.stdout.take());
    }
    let mut rest = Vec::new();
    if let Some(mut s) = child.stdout.take() {
        s.read_to_end(&mut rest).ok();
    }
    if let Some(mut s) = child.stderr.take() {
        s.read_to_end(&mut rest).ok();
    }
    let status = child.wait().unwrap();
    std::process::Output {
        status,
        stdout: rest,
        stderr: Vec::new(),
    }
}

#[test]
fn a_closed_stderr_or_stdout_never_panics() {
    let unsecured = unsigned(r#"{"alg":"none"}"#, r#"{"sub":"x"}"#);
    let cases: &[(&str, &[&str], i32)] = &[
        ("stderr", &["decode", "not-a-token"], 2),
        ("stderr", &["guess", "abc.def.ghi"], 2),
        (
            "stderr",
            &["encode", "--alg", "none", "--allow-unsecured", "{}"],
            0,
        ),
        ("stdout", &["decode", &unsecured], 0),
        ("stdout", &["keygen", "--alg", "ES256"], 0),
    ];
    for (stream, args, want) in cases {
        let out = with_closed(stream, args);
        assert_eq!(
            out.status.code(),
            Some(*want),
            "{args:?} with a closed {stream}: {}",
            String::from_utf8_lossy(&out.stdout)
        );
    }
}

#[test]
fn keygen_out_writes_every_file_even_with_stderr_closed() {
    let dir = tempfile::tempdir().unwrap();
    let out_dir = dir.path().join("keys");
    let out = with_closed(
        "stderr",
        &[
            "keygen",
            "--alg",
            "ES256",
            "--out",
            out_dir.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(0));
    for name in [
        "private.pem",
        "public.pem",
        "private.jwk.json",
        "public.jwk.json",
    ] {
        assert!(out_dir.join(name).exists(), "{name} missing");
    }
    // One file already there: none is written, the others are not left behind.
    let again = dir.path().join("again");
    std::fs::create_dir(&again).unwrap();
    std::fs::write(again.join("public.jwk.json"), "mine").unwrap();
    let out = bin()
        .args(["keygen", "--alg", "ES256", "--out", again.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let left: Vec<_> = std::fs::read_dir(&again)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left, vec![std::ffi::OsString::from("public.jwk.json")]);
    assert_eq!(
        std::fs::read_to_string(again.join("public.jwk.json")).unwrap(),
        "mine"
    );
}
