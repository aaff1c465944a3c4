//! Input limits that say so, and work that stays bounded, through the real binary: an input over a
//! cap is refused with the cap named (never cut and compared), diff says when it stops listing,
//! scan spends a bounded amount of key derivation, and HAR fields are read however they are
//! encoded.
#![allow(clippy::unwrap_used)] // tests fail loudly by design

mod common;

use base64::Engine as _;
use common::bin;
use jwt_debugger::core::{jwe, keys, sign};

const SECRET: &str = "a-string-secret-at-least-256-bits-long";

fn b64(s: &str) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(s)
}

fn hs256(payload: &str) -> String {
    let key = keys::parse_text(SECRET).unwrap();
    sign::sign(
        r#"{"alg":"HS256"}"#,
        payload,
        key.keys.first(),
        sign::Unsecured::Refuse,
    )
    .unwrap()
    .token
}

#[test]
fn an_input_over_a_cap_is_refused_with_the_cap_named() {
    let token = hs256(r#"{"sub":"x"}"#);
    // 20 bytes over 16 MiB on stdin: not cut to its first 16 MiB and called identical.
    let mut big = token.clone().into_bytes();
    big.resize(16 * 1024 * 1024 + 20, b'A');
    let out = bin()
        .args(["diff", "-", &token])
        .write_stdin(big.clone())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("16 MiB"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.jwt");
    std::fs::write(&path, &big).unwrap();
    for args in [
        vec![
            "diff".to_owned(),
            format!("@{}", path.display()),
            token.clone(),
        ],
        vec!["decode".to_owned(), "-".to_owned()],
        vec![
            "encode".to_owned(),
            "--alg".to_owned(),
            "HS256".to_owned(),
            "--key".to_owned(),
            SECRET.to_owned(),
            format!("@{}", path.display()),
        ],
    ] {
        let mut cmd = bin();
        cmd.args(&args);
        if args.last().is_some_and(|a| a == "-") {
            cmd.write_stdin(big.clone());
        }
        let out = cmd.output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("16 MiB limit"),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn diff_says_when_it_stops_listing() {
    let member = |i: usize, v: usize| format!("\"m{i}\":{v}");
    let a: Vec<String> = (0..10_050).map(|i| member(i, 0)).collect();
    let b: Vec<String> = (0..10_050).map(|i| member(i, 1)).collect();
    let dir = tempfile::tempdir().unwrap();
    let (pa, pb) = (dir.path().join("a.jwt"), dir.path().join("b.jwt"));
    std::fs::write(&pa, hs256(&format!("{{{}}}", a.join(",")))).unwrap();
    std::fs::write(&pb, hs256(&format!("{{{}}}", b.join(",")))).unwrap();
    let (a, b) = (format!("@{}", pa.display()), format!("@{}", pb.display()));
    let out = bin().args(["diff", &a, &b, "--json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["differences"].as_array().unwrap().len(), 10_000);
    // 10,050 payload members and the signature differ; 10,000 are listed.
    assert_eq!(json["omitted"], 51);
    let out = bin().args(["diff", &a, &b]).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("51 more differences"),
        "{}",
        &text[text.len() - 300..]
    );
}

#[test]
fn scan_with_a_key_spends_a_bounded_amount_of_key_derivation() {
    let password = keys::parse_text("correct horse battery staple").unwrap();
    let mut options = jwe::EncryptOptions::default();
    options.header.insert("p2c".into(), 1_000_000.into());
    let token = |sub: usize| {
        jwe::encrypt(
            format!(r#"{{"sub":"{sub}"}}"#).as_bytes(),
            jwe::KeyAlg::Pbes2Hs256A128Kw,
            jwe::Enc::A128Gcm,
            &password.keys[0],
            &options,
        )
        .unwrap()
    };
    let log: String = (0..8).map(|i| format!("token {}\n", token(i))).collect();
    let out = bin()
        .args(["scan", "--json", "--key", "correct horse battery staple"])
        .write_stdin(log)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 8);
    let decrypted = lines
        .iter()
        .filter(|l| l["jwe"]["status"] == "decrypted")
        .count();
    let not_tried = lines
        .iter()
        .filter(|l| l["not_tried"] == "pbes2_work_budget")
        .count();
    assert_eq!((decrypted, not_tried), (5, 3));
    assert!(String::from_utf8_lossy(&out.stderr).contains("3 encrypted tokens were not decrypted"));
}

#[test]
fn har_fields_are_read_however_they_are_encoded() {
    let token = hs256(r#"{"sub":"har"}"#);
    let twice = token.replace('.', "%252E");
    let labelled = format!("not base64 at all: {token}");
    let har = serde_json::json!({"log": {"version": "1.2", "entries": [
        {"request": {"url": format!("https://x/?t={twice}"), "headers": []},
         "response": {"content": {"text": labelled, "encoding": "base64"}}}
    ]}});
    let out = bin()
        .args(["scan", "--json", "--har"])
        .write_stdin(har.to_string())
        .output()
        .unwrap();
    let line: serde_json::Value =
        serde_json::from_str(String::from_utf8_lossy(&out.stdout).lines().next().unwrap()).unwrap();
    assert_eq!(line["token"], token.as_str());
    let fields: Vec<&str> = line["occurrences"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|o| o["field"].as_str())
        .collect();
    assert_eq!(fields, ["url", "content"]);
}

#[test]
fn a_token_behind_a_run_of_header_starts_is_still_found() {
    let token = hs256(r#"{"sub":"hidden"}"#);
    let header = b64(r#"{"alg":"HS256"}"#);
    let text = format!("{}{} and {}ewew.x.y\n", "ew".repeat(100_000), token, header);
    let out = bin()
        .args(["scan", "--json"])
        .write_stdin(text)
        .output()
        .unwrap();
    let found: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(
        found.iter().any(|f| f["token"] == token.as_str()),
        "{found:?}"
    );
}
