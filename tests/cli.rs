//! The command line, run as a real binary: stdout, stderr and exit codes.

#![allow(clippy::unwrap_used)] // tests fail loudly by design

use assert_cmd::Command;
use predicates::prelude::*;

const A1: &str = "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
const A1_KEY: &str =
    "b64url:AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow";
const SECRET: &str = "a-string-secret-at-least-256-bits-long";

fn bin() -> Command {
    let mut cmd = Command::cargo_bin("jwt-debugger").unwrap();
    cmd.env("NO_COLOR", "1");
    cmd
}

fn json_of(output: &[u8]) -> serde_json::Value {
    serde_json::from_slice(output)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(output)))
}

#[test]
fn decode_with_the_right_key_exits_0_and_says_verified() {
    bin()
        .args(["decode", A1, "--key", A1_KEY])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("Signature verified"))
        .stdout(predicate::str::contains("2011-03-22T18:43:00Z"))
        .stdout(predicate::str::contains("Expired"));
}

#[test]
fn decode_reads_stdin_and_strips_the_bearer_prefix() {
    bin()
        .args(["decode", "--key", A1_KEY, "--json"])
        .write_stdin(format!("Authorization: Bearer {A1}\n"))
        .assert()
        .code(0)
        .stdout(predicate::function(|out: &str| {
            let v: serde_json::Value = serde_json::from_str(out).unwrap();
            v["signature"]["status"] == "verified" && v["payload"]["iss"] == "joe"
        }));
}

#[test]
fn json_output_has_the_documented_fields() {
    let out = bin()
        .args(["decode", A1, "--json", "--now", "1300000000"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "no key: decoded is success");
    let v = json_of(&out.stdout);
    assert_eq!(v["alg"], "HS256");
    assert_eq!(v["header"]["typ"], "JWT");
    assert_eq!(v["signature"]["status"], "no_key");
    assert_eq!(v["validity"]["state"], "valid");
    assert!(
        v["claims"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["name"] == "exp" && c["time"]["utc"] == "2011-03-22T18:43:00Z")
    );
    assert!(v["findings"].is_array());
    // Member order is kept as in the token.
    let keys: Vec<&String> = v["payload"].as_object().unwrap().keys().collect();
    assert_eq!(keys, ["iss", "exp", "http://example.com/is_root"]);
}

#[test]
fn wrong_key_exits_1() {
    bin()
        .args([
            "decode",
            A1,
            "--key",
            "wrong-secret-wrong-secret-wrong-secret",
        ])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("Invalid signature"));
}

#[test]
fn public_key_for_hmac_token_is_key_mismatch_and_exits_1() {
    let jwk = r#"{"kty":"EC","crv":"P-256","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU","y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"}"#;
    let out = bin()
        .args(["decode", A1, "--key", jwk, "--json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v = json_of(&out.stdout);
    assert_eq!(v["signature"]["status"], "key_mismatch");
    assert!(
        v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["id"] == "ALG_CONFUSION")
    );
}

#[test]
fn unsigned_token_with_a_key_exits_1() {
    let token = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.";
    bin()
        .args(["decode", token, "--key", SECRET])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("Unsigned"));
    bin().args(["decode", token]).assert().code(0);
}

#[test]
fn malformed_input_exits_2_naming_part_and_position() {
    bin()
        .args(["decode", "eyJhbGciOiJIUzI1NiJ9.abc@.c2ln"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "payload: byte 3 is '@', not a base64url character",
        ));
    let out = bin()
        .args(["decode", "not a token", "--json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        json_of(&out.stdout)["error"]
            .as_str()
            .unwrap()
            .contains("segment")
    );
    bin()
        .args(["decode", ""])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("empty"));
}

#[test]
fn bad_key_and_bad_flags_exit_2() {
    bin()
        .args(["decode", A1, "--key", "@/no/such/file.pem"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "cannot read key file /no/such/file.pem",
        ));
    bin()
        .args(["decode", A1, "--now", "soon"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--now"));
    bin().args(["frobnicate"]).assert().code(2);
}

#[test]
fn key_errors_never_print_the_secret() {
    let out = bin()
        .args(["decode", A1, "--key", "hex:supersecretvalue"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(!String::from_utf8_lossy(&out.stderr).contains("supersecretvalue"));
}

#[test]
fn encode_then_decode_round_trips_through_the_binary() {
    let out = bin().args(["encode", "--alg", "HS384", "--key", "hex:000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f", "--header", r#"{"kid":"k1","typ":"JWT"}"#, r#"{"sub":"svc","n":12345678901234567890123}"#]).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let token = String::from_utf8(out.stdout).unwrap().trim().to_owned();
    let out = bin().args(["decode", &token, "--key", "hex:000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f", "--json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let v = json_of(&out.stdout);
    assert_eq!(v["signature"]["status"], "verified");
    assert_eq!(
        serde_json::to_string(&v["header"]).unwrap(),
        r#"{"alg":"HS384","kid":"k1","typ":"JWT"}"#
    );
    assert_eq!(
        serde_json::to_string(&v["payload"]).unwrap(),
        r#"{"sub":"svc","n":12345678901234567890123}"#
    );
}

#[test]
fn encode_reads_the_payload_from_a_file_and_stdin() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("claims.json");
    std::fs::write(&path, r#"{"sub":"from-file"}"#).unwrap();
    let out = bin()
        .args([
            "encode",
            "--alg",
            "HS256",
            "--key",
            SECRET,
            &format!("@{}", path.display()),
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let out = bin()
        .args(["encode", "--alg", "HS256", "--key", SECRET, "-"])
        .write_stdin(r#"{"sub":"from-stdin"}"#)
        .output()
        .unwrap();
    assert!(out.status.success());
    let token = String::from_utf8(out.stdout).unwrap();
    bin()
        .args(["decode", token.trim(), "--key", SECRET])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("from-stdin"));
}

#[test]
fn encode_refuses_none_unless_asked_and_public_keys_always() {
    bin()
        .args(["encode", "--alg", "none", r#"{"a":1}"#])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--allow-unsecured"));
    bin()
        .args(["encode", "--alg", "none", "--allow-unsecured", r#"{"a":1}"#])
        .assert()
        .code(0)
        .stdout(predicate::str::ends_with(".\n"))
        .stderr(predicate::str::contains("anyone can forge"));
    let public = r#"{"kty":"EC","crv":"P-256","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU","y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"}"#;
    bin()
        .args(["encode", "--alg", "ES256", "--key", public, "{}"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot sign with a public key"));
}

#[test]
fn encode_reports_json_errors_with_line_and_column() {
    bin()
        .args(["encode", "--alg", "HS256", "--key", SECRET, "{\n  \"a\": }"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("payload JSON, line 2, column"));
    bin()
        .args(["encode", "--alg", "XS256", "--key", SECRET, "{}"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown algorithm 'XS256'"));
}

#[test]
fn help_shows_examples_for_every_command() {
    for cmd in ["decode", "encode"] {
        bin()
            .args([cmd, "--help"])
            .assert()
            .code(0)
            .stdout(predicate::str::contains("Examples:"));
    }
    bin()
        .arg("--help")
        .assert()
        .code(0)
        .stdout(predicate::str::contains("decode"));
}

#[test]
fn no_color_output_has_no_escape_codes() {
    let out = bin()
        .args(["decode", A1, "--key", A1_KEY])
        .output()
        .unwrap();
    assert!(!out.stdout.contains(&0x1b));
}

#[test]
fn hostile_inputs_never_crash_the_binary() {
    let deep = format!(
        "{}.e30.",
        jwt_debugger::core::b64::encode("[".repeat(10_000))
    );
    for input in [
        deep,
        "....".to_owned(),
        "\u{0}\u{1}".to_owned(),
        "é.é.é".to_owned(),
        format!("{}.{}.", "e".repeat(100_000), "x"),
    ] {
        let out = bin()
            .args(["decode", "--json", "-"])
            .write_stdin(input.as_bytes())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{input:.40}");
        assert!(!out.stderr.is_empty());
    }
    let out = bin()
        .args(["decode", "-"])
        .write_stdin(vec![0xff, 0xfe, b'.'])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not UTF-8"));
}
