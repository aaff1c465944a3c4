//! The command line, run as a real binary: stdout, stderr and exit codes.

#![allow(clippy::unwrap_used)] // tests fail loudly by design

use predicates::prelude::*;

const A1: &str = "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
const A1_KEY: &str =
    "b64url:AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow";
const SECRET: &str = "a-string-secret-at-least-256-bits-long";

mod common;
use common::bin;

/// Runs the binary (normally `encode …`) and returns its stdout as one trimmed line.
fn token_from(args: &[&str]) -> String {
    let out = bin().args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap().trim().to_owned()
}

fn json_of(output: &[u8]) -> serde_json::Value {
    serde_json::from_slice(output)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(output)))
}

#[test]
fn decode_with_the_right_key_says_verified_and_exits_by_the_time_window() {
    // RFC 7515 A.1 expired in 2011: the signature verifies, the time does not (PyJWT raises
    // ExpiredSignatureError, jwt-cli exits 1), and the output says which half failed.
    bin()
        .args(["decode", A1, "--key", A1_KEY])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("Signature verified"))
        .stdout(predicate::str::contains("2011-03-22T18:43:00Z"))
        .stdout(predicate::str::contains("Expired"))
        .stdout(predicate::str::contains("the token has expired"));
    bin()
        .args(["decode", A1, "--key", A1_KEY, "--ignore-exp"])
        .assert()
        .code(0);
    bin()
        .args(["decode", A1, "--key", A1_KEY, "--now", "1300819300"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("Signature verified").count(1));
}

#[test]
fn decode_reads_stdin_and_strips_the_bearer_prefix() {
    bin()
        .args(["decode", "--key", A1_KEY, "--json", "--ignore-exp"])
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
    let out = bin().args(["encode", "--alg", "HS384", "--key", "hex:000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f", "--header", r#"{"kid":"k1","typ":"JWT"}"#, "--no-iat", r#"{"sub":"svc","n":12345678901234567890123}"#]).output().unwrap();
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

fn encode_json(args: &[&str]) -> serde_json::Value {
    let out = bin()
        .args(["encode", "--alg", "HS256", "--key", SECRET])
        .args(args)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let token = String::from_utf8(out.stdout).unwrap();
    let out = bin()
        .args(["decode", token.trim(), "--key", SECRET, "--json"])
        .output()
        .unwrap();
    json_of(&out.stdout)
}

#[test]
fn encode_time_flags_make_a_test_token_in_one_command() {
    let v = encode_json(&[
        "--exp",
        "+1h",
        "--nbf",
        "now",
        "--jti",
        "random",
        "--claim",
        "sub=alice",
        "--claim",
        r#"roles=["admin"]"#,
        "--claim",
        "n=42",
    ]);
    let p = &v["payload"];
    let iat = p["iat"].as_i64().unwrap();
    // iat is set (to now) by default; the lifetime is measured from it.
    assert_eq!(p["exp"].as_i64().unwrap() - iat, 3600);
    assert_eq!(p["nbf"].as_i64().unwrap(), iat);
    assert_eq!(p["jti"].as_str().unwrap().len(), 36);
    assert_eq!(p["sub"], "alice");
    assert_eq!(p["roles"], serde_json::json!(["admin"]));
    assert_eq!(p["n"], 42);
    assert_eq!(v["validity"]["state"], "valid");
}

#[test]
fn encode_can_skip_or_pin_iat_and_use_absolute_times() {
    let v = encode_json(&["--no-iat", "--exp", "2030-01-01T00:00:00Z", "{}"]);
    assert!(v["payload"].get("iat").is_none());
    assert_eq!(v["payload"]["exp"], 1_893_456_000);
    let v = encode_json(&["--iat", "1700000000", "--exp", "+7d"]);
    assert_eq!(v["payload"]["iat"], 1_700_000_000);
    bin()
        .args([
            "encode",
            "--alg",
            "HS256",
            "--key",
            SECRET,
            "--exp",
            "+3 fortnights",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--exp"));
    bin()
        .args([
            "encode", "--alg", "HS256", "--key", SECRET, "--claim", "novalue",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("NAME=VALUE"));
}

#[test]
fn decode_checks_expectations_and_reports_every_check() {
    let token = token_from(&[
        "encode",
        "--alg",
        "HS256",
        "--key",
        SECRET,
        "--exp",
        "+2h",
        r#"{"iss":"https://issuer.example","aud":["api1","api2"],"sub":"u"}"#,
    ]);
    let ok = bin()
        .args([
            "decode",
            &token,
            "--key",
            SECRET,
            "--iss",
            "https://issuer.example",
            "--aud",
            "other,api2",
            "--require",
            "exp,sub",
            "--json",
        ])
        .output()
        .unwrap();
    assert_eq!(ok.status.code(), Some(0));
    let v = json_of(&ok.stdout);
    let checks = v["validity"]["checks"].as_array().unwrap();
    assert!(
        checks
            .iter()
            .any(|c| c["claim"] == "aud" && c["passed"] == true)
    );
    assert_eq!(
        checks.iter().filter(|c| c["claim"] == "required").count(),
        2
    );

    let bad = bin()
        .args([
            "decode",
            &token,
            "--key",
            SECRET,
            "--aud",
            "nope",
            "--max-lifetime",
            "1h",
            "--json",
        ])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(1));
    let v = json_of(&bad.stdout);
    let failed: Vec<&str> = v["validity"]["checks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["passed"] == false)
        .map(|c| c["claim"].as_str().unwrap())
        .collect();
    assert_eq!(failed, ["aud", "lifetime"]);
}

#[test]
fn decode_now_and_leeway_change_the_verdict() {
    let out = bin()
        .args(["decode", A1, "--now", "1300819379", "--json"])
        .output()
        .unwrap();
    assert_eq!(json_of(&out.stdout)["validity"]["state"], "valid");
    let out = bin()
        .args(["decode", A1, "--now", "1300819400", "--json"])
        .output()
        .unwrap();
    assert_eq!(json_of(&out.stdout)["validity"]["state"], "expired");
    let out = bin()
        .args([
            "decode",
            A1,
            "--now",
            "1300819400",
            "--leeway",
            "60",
            "--json",
        ])
        .output()
        .unwrap();
    assert_eq!(json_of(&out.stdout)["validity"]["state"], "valid");
}

#[test]
fn a_user_claim_dictionary_explains_custom_claims() {
    let dir = tempfile::tempdir().unwrap();
    let dict = dir.path().join("dict.json");
    std::fs::write(&dict, r#"{"claims": {"tier": {"title": "Customer tier", "description": "Which plan the customer pays for"}}}"#).unwrap();
    let token = token_from(&[
        "encode",
        "--alg",
        "HS256",
        "--key",
        SECRET,
        r#"{"tier":"gold"}"#,
    ]);
    let out = bin()
        .args(["decode", &token, "--json", "--claims-dict"])
        .arg(&dict)
        .output()
        .unwrap();
    let v = json_of(&out.stdout);
    assert!(
        v["claims"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["name"] == "tier" && c["title"] == "Customer tier")
    );
    std::fs::write(&dict, "{ broken").unwrap();
    bin()
        .args(["decode", &token, "--claims-dict"])
        .arg(&dict)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("line 1"));
}

#[test]
fn guess_finds_a_tutorial_secret_and_a_wordlist_secret() {
    let weak = token_from(&[
        "encode",
        "--alg",
        "HS256",
        "--key",
        "your-256-bit-secret",
        r#"{"sub":"x"}"#,
    ]);
    bin()
        .args(["guess", &weak])
        .assert()
        .code(0)
        .stdout("your-256-bit-secret\n");

    let custom = token_from(&[
        "encode",
        "--alg",
        "HS512",
        "--key",
        "zebra-crossing-17",
        r#"{"sub":"x"}"#,
    ]);
    bin()
        .args(["guess", &custom])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("not found"));
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("words.txt");
    let mut words: Vec<String> = (0..100_000).map(|i| format!("word{i}")).collect();
    words.push("zebra-crossing-17".into());
    std::fs::write(&list, words.join("\n")).unwrap();
    bin()
        .args(["guess", &custom, "--wordlist"])
        .arg(&list)
        .assert()
        .code(0)
        .stdout("zebra-crossing-17\n")
        .stderr(predicate::str::contains("100"));
    bin()
        .args(["guess", "eyJhbGciOiJFUzI1NiJ9.e30.c2ln"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not HMAC"));
}

#[test]
fn encode_refuses_to_publish_an_embedded_private_key_unless_asked() {
    let header = r#"{"jwk":{"kty":"oct","k":"c2VjcmV0"}}"#;
    bin()
        .args([
            "encode", "--alg", "HS256", "--key", SECRET, "--header", header, "{}",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--allow-embedded-private-key"));
    bin()
        .args([
            "encode",
            "--alg",
            "HS256",
            "--key",
            SECRET,
            "--header",
            header,
            "--allow-embedded-private-key",
            "{}",
        ])
        .assert()
        .code(0);
}

#[test]
fn human_output_lists_findings_with_severity() {
    let token = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.";
    bin()
        .args(["decode", token])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("[critical] ALG_NONE"));
}

#[test]
fn keygen_writes_pem_and_jwk_files_that_sign_and_verify() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("keys");
    bin()
        .args(["keygen", "--alg", "ES256", "--out"])
        .arg(&out)
        .assert()
        .code(0)
        .stderr(predicate::str::contains("thumbprint"));
    let read = |n: &str| std::fs::read_to_string(out.join(n)).unwrap();
    assert!(read("private.pem").starts_with("-----BEGIN PRIVATE KEY-----"));
    assert!(read("public.pem").starts_with("-----BEGIN PUBLIC KEY-----"));
    let public_jwk: serde_json::Value = serde_json::from_str(&read("public.jwk.json")).unwrap();
    assert!(public_jwk.get("d").is_none());
    assert_eq!(public_jwk["alg"], "ES256");
    let private_jwk: serde_json::Value = serde_json::from_str(&read("private.jwk.json")).unwrap();
    assert!(private_jwk.get("d").is_some());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = |n: &str| std::fs::metadata(out.join(n)).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode("private.pem"), 0o600);
        assert_eq!(mode("private.jwk.json"), 0o600);
        assert_eq!(mode("public.pem"), 0o644);
    }
    // kid is the RFC 7638 thumbprint of the public key.
    let key = jwt_debugger::core::keys::parse_text(&read("public.pem")).unwrap();
    assert_eq!(public_jwk["kid"], key.keys[0].thumbprint());
    // Sign with the PEM, verify with the JWK, and with a JWKS made of it.
    let token = {
        let o = bin()
            .args(["encode", "--alg", "ES256", "--key"])
            .arg(format!("@{}", out.join("private.pem").display()))
            .arg("{}")
            .output()
            .unwrap();
        String::from_utf8(o.stdout).unwrap().trim().to_owned()
    };
    bin()
        .args(["decode", &token, "--key"])
        .arg(format!("@{}", out.join("public.jwk.json").display()))
        .assert()
        .code(0);
    let jwks = serde_json::json!({"keys": [public_jwk]}).to_string();
    bin()
        .args(["decode", &token, "--key", &jwks])
        .assert()
        .code(0);
    // Existing files are never overwritten.
    bin()
        .args(["keygen", "--alg", "ES256", "--out"])
        .arg(&out)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("already exists"));
}

/// Started with standard descriptors closed, the program reopens them on /dev/null (as std's
/// start-up does; src/main.rs does it itself): otherwise the next file opened takes the number,
/// and a key file could receive the lines meant for the terminal.
#[cfg(unix)]
#[test]
fn closed_standard_descriptors_are_reopened_on_dev_null() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("keys");
    let status = std::process::Command::new("sh")
        .arg("-c")
        .arg(r#"exec >&- 2>&-; "$0" keygen --alg ES256 --out "$1""#)
        .arg(env!("CARGO_BIN_EXE_jwt-debugger"))
        .arg(&out)
        .env("NO_COLOR", "1")
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(0));
    for name in ["private.pem", "public.pem"] {
        let text = std::fs::read_to_string(out.join(name)).unwrap();
        assert!(text.starts_with("-----BEGIN "), "{name}: {text:.80}");
        assert!(
            !text.contains("wrote") && !text.contains("thumbprint"),
            "{name}: {text}"
        );
    }
    for name in ["private.jwk.json", "public.jwk.json"] {
        let text = std::fs::read_to_string(out.join(name)).unwrap();
        serde_json::from_str::<serde_json::Value>(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
    // A closed standard input is /dev/null to the program: /dev/stdin opens (an empty key, which
    // does not verify) instead of "no such file".
    let token = "eyJhbGciOiJIUzI1NiJ9.e30.ZRrHA1JJJW8opsbCGfG_HACGpVUMN_a9IV7pAx_Zmeo";
    let o = std::process::Command::new("sh")
        .arg("-c")
        .arg(r#"exec <&-; "$0" decode "$1" --key @/dev/stdin"#)
        .arg(env!("CARGO_BIN_EXE_jwt-debugger"))
        .arg(token)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(!stderr.contains("no such file"), "{stderr}");
    assert_eq!(o.status.code(), Some(1), "{stderr}");
}

/// The unwinder is linked into the command line (build.rs, `static_unwinder`), so libgcc_s.so.1
/// is not loaded at start; glibc's loader lists what it would load when asked.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[test]
fn the_command_line_loads_no_unwinder_library() {
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_jwt-debugger"))
        .env("LD_TRACE_LOADED_OBJECTS", "1")
        .output()
        .unwrap();
    let listed = String::from_utf8_lossy(&o.stdout);
    assert!(listed.contains("libc.so"), "{listed}");
    assert!(!listed.contains("libgcc_s"), "{listed}");
}

#[test]
fn keygen_prints_a_secret_for_hmac_and_checks_rsa_sizes() {
    let o = bin().args(["keygen", "--alg", "HS512"]).output().unwrap();
    let text = String::from_utf8(o.stdout).unwrap();
    let secret = text.lines().nth(1).unwrap();
    assert_eq!(
        jwt_debugger::core::b64::decode(secret).unwrap().bytes.len(),
        64
    );
    bin()
        .args(["keygen", "--alg", "RS256", "--bits", "1024"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("2048, 3072 or 4096"));
    bin().args(["keygen", "--alg", "none"]).assert().code(2);
}

#[test]
fn version_names_the_commit_it_was_built_from() {
    let out = common::bin().arg("--version").output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with(&format!("jwt-debugger {} (", env!("CARGO_PKG_VERSION"))),
        "{text}"
    );
    assert!(text.contains("commit"), "{text}");
}

#[test]
fn a_token_given_without_a_command_says_which_command_reads_it() {
    let bearer = format!("Bearer {A1}");
    for args in [vec![A1], vec!["--lang", "en", A1], vec![bearer.as_str()]] {
        let out = bin().args(&args).env("LANG", "C").output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains("jwt-debugger decode TOKEN"),
            "{args:?}: {stderr}"
        );
        // The token itself is not echoed back (it may be someone's credential).
        assert!(!stderr.contains(&A1[..40]), "{stderr}");
    }
    // A word that is not a token gets the parser's message only.
    let out = bin().arg("decdoe").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("unrecognized subcommand"), "{stderr}");
    assert!(!stderr.contains("decode TOKEN"), "{stderr}");
}

/// Every command's help opens with what the command does (its own description, not the text of
/// an option group flattened into it), for the commands under `keys` too.
#[test]
fn every_command_help_opens_with_its_own_description() {
    use clap::CommandFactory as _;
    let root = jwt_debugger::cli::Cli::command();
    let mut paths: Vec<(Vec<String>, String)> = Vec::new();
    for sc in root.get_subcommands() {
        let mut sc = sc.clone();
        sc.build();
        let about = sc.get_about().map(|a| a.to_string()).unwrap_or_default();
        paths.push((vec![sc.get_name().to_owned()], about));
        for leaf in sc.get_subcommands() {
            let about = leaf.get_about().map(|a| a.to_string()).unwrap_or_default();
            paths.push((
                vec![sc.get_name().to_owned(), leaf.get_name().to_owned()],
                about,
            ));
        }
    }
    assert!(paths.len() >= 17, "{paths:?}");
    // A description written on an option group would be the same for every command it is in.
    let mut abouts: Vec<&str> = paths.iter().map(|(_, a)| a.as_str()).collect();
    abouts.sort_unstable();
    abouts.dedup();
    assert_eq!(abouts.len(), paths.len(), "{paths:?}");
    assert!(
        paths
            .iter()
            .any(|(p, a)| p == &["keys"] && a.starts_with("The key store")),
        "{paths:?}"
    );
    for (path, about) in paths {
        if path.last().is_some_and(|n| n == "help") {
            continue;
        }
        let out = bin().args(&path).arg("--help").output().unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        let first = text.lines().next().unwrap_or_default();
        assert!(!about.is_empty(), "{path:?} has no description");
        assert_eq!(first, about.trim_end_matches('.'), "{path:?}");
        assert!(text.contains("--lang <LANG>"), "{path:?} lacks --lang");
    }
}
