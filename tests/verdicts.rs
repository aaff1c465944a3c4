//! Verdicts you can bet on (issue #10): classes of wrong or missing verdicts found by other JOSE
//! projects' suites and hostile probes, each with the rule that closes it.

#![allow(clippy::unwrap_used)] // tests fail loudly by design

use assert_cmd::Command;
use jwt_debugger::core::{self, Options, SignatureStatus, b64, keys, sign};

const NOW: i64 = 1_800_000_000;
const SECRET: &str = "a-string-secret-at-least-256-bits-long";

fn bin() -> Command {
    let mut cmd = Command::cargo_bin("jwt-debugger").unwrap();
    cmd.env("NO_COLOR", "1");
    cmd
}

fn secret() -> keys::KeySet {
    keys::parse_text(SECRET).unwrap()
}

/// An HS256 token over exactly `header` and `payload` JSON (no re-serialisation).
fn hs256(header: &str, payload: &str) -> String {
    let input = format!("{}.{}", b64::encode(header), b64::encode(payload));
    let sig = sign::sign_input(
        core::Alg::HS256,
        input.as_bytes(),
        secret().keys.first(),
        sign::Unsecured::Refuse,
    )
    .unwrap();
    format!("{input}.{sig}")
}

fn status(token: &str, key: &keys::KeySet) -> SignatureStatus {
    core::analyze(token, Some(key), Options::at(NOW)).signature.status
}

// 5. Characters outside the base64url alphabet.

#[test]
fn standard_base64_characters_make_a_token_malformed_naming_segment_and_offset() {
    let token = hs256(r#"{"alg":"HS256"}"#, r#"{"sub":"x"}"#);
    let parts: Vec<&str> = token.split('.').collect();
    for (i, bad) in [(1, "////"), (1, "eyJz+WIiOiJ4In0"), (2, "ab/cd")] {
        let mut p = parts.clone();
        p[i] = bad;
        let t = p.join(".");
        let a = core::analyze(&t, Some(&secret()), Options::at(NOW));
        assert!(a.is_malformed(), "{t}");
        assert_ne!(a.signature.status, SignatureStatus::Verified);
        let out = bin().args(["decode", &t, "--json"]).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{t}");
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let error = json["error"].as_str().unwrap();
        let segment = if i == 1 { "payload" } else { "signature" };
        assert!(error.starts_with(&format!("{segment}: byte ")), "{error}");
        assert!(error.contains("not a base64url character"), "{error}");
    }
}

#[test]
fn padding_and_trailing_bits_are_still_decoded_but_never_verified() {
    let token = hs256(r#"{"alg":"HS256"}"#, r#"{"sub":"x"}"#);
    let padded = {
        let p: Vec<&str> = token.split('.').collect();
        format!("{}.{}==.{}", p[0], p[1], p[2])
    };
    let a = core::analyze(&padded, Some(&secret()), Options::at(NOW));
    assert!(!a.is_malformed());
    assert_eq!(a.signature.status, SignatureStatus::Invalid);
}

// 6. Header rules: crit and b64.

#[test]
fn crit_rules_make_the_token_invalid_whatever_its_signature() {
    for header in [
        r#"{"alg":"HS256","crit":[]}"#,
        r#"{"alg":"HS256","crit":["exp"]}"#,
        r#"{"alg":"HS256","crit":"exp","exp":1}"#,
        r#"{"alg":"HS256","crit":["alg"]}"#,
        r#"{"alg":"HS256","crit":["x","x"],"x":1}"#,
        r#"{"alg":"HS256","b64":false}"#,
        r#"{"alg":"HS256","b64":false,"crit":["x"],"x":1}"#,
    ] {
        let token = hs256(header, r#"{"sub":"x"}"#);
        let a = core::analyze(&token, Some(&secret()), Options::at(NOW));
        assert_eq!(a.signature.status, SignatureStatus::Invalid, "{header}: {}", a.signature.detail);
        let out = bin()
            .args(["decode", &token, "--key", SECRET, "--json"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{header}");
    }
}

#[test]
fn b64_that_is_not_a_boolean_is_malformed() {
    let token = hs256(r#"{"alg":"HS256","b64":"false","crit":["b64"]}"#, "{}");
    let a = core::analyze(&token, Some(&secret()), Options::at(NOW));
    assert!(a.is_malformed());
    assert!(a.decoded.errors[0].message.contains("\"b64\" must be true or false"));
    bin().args(["decode", &token]).assert().code(2);
}

#[test]
fn encode_with_b64_false_makes_an_rfc_7797_token() {
    let out = bin()
        .args([
            "encode",
            "--alg",
            "HS256",
            "--key",
            SECRET,
            "--no-iat",
            "--header",
            r#"{"b64":false}"#,
            r#"{"sub":"x"}"#,
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let token = String::from_utf8(out.stdout).unwrap().trim().to_owned();
    let parts: Vec<&str> = token.split('.').collect();
    assert_eq!(parts[1], r#"{"sub":"x"}"#, "the payload stands as it is");
    let header: serde_json::Value =
        serde_json::from_slice(&b64::decode(parts[0]).unwrap().bytes).unwrap();
    assert_eq!(header["crit"], serde_json::json!(["b64"]));
    let a = core::analyze(&token, Some(&secret()), Options::at(NOW));
    assert!(a.decoded.unencoded_payload);
    assert_eq!(a.signature.status, SignatureStatus::Verified, "{}", a.signature.detail);
}
