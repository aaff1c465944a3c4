//! Every JWS serialization (issue #20): JSON serializations with several signatures checked one
//! by one (one key given, both given, one signature changed), flattened ones, encode making
//! both forms, detached content and unencoded (b64: false) payloads verified with --payload.

#![allow(clippy::unwrap_used)] // tests fail loudly by design

use jwt_debugger::core::{alg::Curve, export, keygen};
use serde_json::Value;

mod common;
use common::bin;

struct Pair {
    private: String,
    public: String,
}

fn pair(dir: &std::path::Path, name: &str) -> Pair {
    let key = keygen::generate(keygen::KeyKind::Ec(Curve::P256)).unwrap();
    let private = dir.join(format!("{name}.pem"));
    let public = dir.join(format!("{name}.pub.pem"));
    std::fs::write(&private, export::private_pem(&key).unwrap().as_bytes()).unwrap();
    std::fs::write(&public, export::public_pem(&key).unwrap()).unwrap();
    Pair {
        private: format!("@{}", private.display()),
        public: format!("@{}", public.display()),
    }
}

fn run(args: &[&str]) -> (i32, String) {
    let out = bin().args(args).output().unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap().trim().to_owned(),
    )
}

fn decode(token: &str, keys: &[&str]) -> (i32, Value) {
    let mut args = vec!["decode", token, "--json"];
    for k in keys {
        args.push("--key");
        args.push(k);
    }
    let (code, out) = run(&args);
    (code, serde_json::from_str(&out).unwrap())
}

fn statuses(doc: &Value) -> Vec<String> {
    doc["signature"]["signatures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["status"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn a_general_serialization_with_two_signatures_is_checked_signature_by_signature() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (pair(dir.path(), "a"), pair(dir.path(), "b"));
    let (code, general) = run(&[
        "encode",
        "--serialization",
        "general",
        "--key",
        &a.private,
        "--key",
        &b.private,
        "--no-iat",
        r#"{"sub":"two signers"}"#,
    ]);
    assert_eq!(code, 0);
    let doc: Value = serde_json::from_str(&general).unwrap();
    assert_eq!(doc["signatures"].as_array().unwrap().len(), 2);

    // One key given: its signature verifies, the other is not this key's (not a failure).
    let (code, d) = decode(&general, &[&a.public]);
    assert_eq!(d["signature"]["status"], "verified", "{d:#}");
    assert_eq!(statuses(&d), ["verified", "no_key"]);
    assert_eq!(code, 0);
    // Both keys: both verify.
    let (code, d) = decode(&general, &[&a.public, &b.public]);
    assert_eq!(statuses(&d), ["verified", "verified"]);
    assert_eq!(code, 0);
    // The JSON form is a finding for JWT use, not a signature failure.
    assert!(
        d["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["id"] == "NOT_COMPACT"),
        "{d:#}"
    );
    // No key: nothing checked, exit 0.
    let (code, d) = decode(&general, &[]);
    assert_eq!(d["signature"]["status"], "no_key");
    assert_eq!(code, 0);

    // The second signature changed: with its key given, the whole fails.
    let mut tampered = doc.clone();
    let sig = tampered["signatures"][1]["signature"]
        .as_str()
        .unwrap()
        .to_owned();
    let flipped = if sig.starts_with('A') { "B" } else { "A" };
    tampered["signatures"][1]["signature"] = Value::from(format!("{flipped}{}", &sig[1..]));
    let tampered = tampered.to_string();
    let (code, d) = decode(&tampered, &[&a.public, &b.public]);
    assert_eq!(d["signature"]["status"], "invalid", "{d:#}");
    assert_eq!(statuses(&d), ["verified", "invalid"]);
    assert!(
        d["signature"]["detail"]
            .as_str()
            .unwrap()
            .starts_with("signature 2 of 2 fails")
    );
    assert_eq!(code, 1);
    // With only the first key, the changed second signature is not that key's to judge.
    let (code, _) = decode(&tampered, &[&a.public]);
    assert_eq!(code, 0);
}

#[test]
fn a_flattened_serialization_verifies_like_the_compact_token() {
    let dir = tempfile::tempdir().unwrap();
    let a = pair(dir.path(), "a");
    let (_, flattened) = run(&[
        "encode",
        "--serialization",
        "flattened",
        "--key",
        &a.private,
        "--no-iat",
        r#"{"sub":"flat"}"#,
    ]);
    let doc: Value = serde_json::from_str(&flattened).unwrap();
    assert!(
        doc["signature"].is_string() && doc["protected"].is_string() && doc["payload"].is_string()
    );
    let (code, d) = decode(&flattened, &[&a.public]);
    assert_eq!(d["signature"]["status"], "verified", "{d:#}");
    assert_eq!(d["payload"]["sub"], "flat");
    assert_eq!(code, 0);
    let (code, _) = run(&[
        "encode",
        "--serialization",
        "flattened",
        "--key",
        &a.private,
        "--key",
        &a.private,
        "{}",
    ]);
    assert_eq!(code, 2, "flattened has one signature");
}

#[test]
fn a_signature_whose_alg_is_in_the_unprotected_header_verifies() {
    // RFC 7515 §7.2.1: the JOSE header is the protected and unprotected headers together (RFC
    // 7520 §4.8's second signature has no protected header at all).
    let dir = tempfile::tempdir().unwrap();
    let a = pair(dir.path(), "a");
    let (_, compact) = run(&[
        "encode",
        "--alg",
        "ES256",
        "--key",
        &a.private,
        "--no-iat",
        r#"{"sub":"u"}"#,
    ]);
    let parts: Vec<&str> = compact.split('.').collect();
    // Re-sign with an empty protected header: the signing input is ".<payload>".
    let key =
        jwt_debugger::core::keys::parse_text(&std::fs::read_to_string(&a.private[1..]).unwrap())
            .unwrap();
    let input = format!(".{}", parts[1]);
    let sig = jwt_debugger::core::sign::sign_input(
        jwt_debugger::core::Alg::ES256,
        input.as_bytes(),
        key.keys.first(),
        jwt_debugger::core::sign::Unsecured::Refuse,
    )
    .unwrap();
    // As in RFC 7520 §4.8: the first signature has a protected header, the second only an
    // unprotected one.
    let json = serde_json::json!({"payload": parts[1], "signatures": [
        {"protected": parts[0], "signature": parts[2]},
        {"header": {"alg": "ES256"}, "signature": sig}
    ]})
    .to_string();
    let (code, d) = decode(&json, &[&a.public]);
    assert_eq!(statuses(&d), ["verified", "verified"], "{d:#}");
    assert_eq!(code, 0);
}

#[test]
fn detached_and_unencoded_content_verify_with_the_payload_given() {
    let secret = "detached-secret-that-is-32-bytes!!";
    let (_, compact) = run(&[
        "encode",
        "--alg",
        "HS256",
        "--key",
        secret,
        "--no-iat",
        r#"{"sub":"d"}"#,
    ]);
    let parts: Vec<&str> = compact.split('.').collect();
    let detached = format!("{}..{}", parts[0], parts[2]);
    let payload = r#"{"sub":"d"}"#;
    let (code, out) = run(&[
        "decode",
        &detached,
        "--key",
        secret,
        "--payload",
        payload,
        "--json",
    ]);
    let d: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(d["signature"]["status"], "verified", "{d:#}");
    assert_eq!(code, 0);
    let (code, out) = run(&[
        "decode",
        &detached,
        "--key",
        secret,
        "--payload",
        r#"{"sub":"e"}"#,
        "--json",
    ]);
    let d: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(d["signature"]["status"], "invalid");
    assert_eq!(code, 1);

    // RFC 7797 b64: false, detached: the signing input holds the payload as it is.
    let header = jwt_debugger::core::b64::encode(r#"{"alg":"HS256","b64":false,"crit":["b64"]}"#);
    let content = "$.02";
    let key = jwt_debugger::core::keys::parse_text(secret).unwrap();
    let sig = jwt_debugger::core::sign::sign_input(
        jwt_debugger::core::Alg::HS256,
        format!("{header}.{content}").as_bytes(),
        key.keys.first(),
        jwt_debugger::core::sign::Unsecured::Refuse,
    )
    .unwrap();
    let token = format!("{header}..{sig}");
    let (code, out) = run(&[
        "decode",
        &token,
        "--key",
        secret,
        "--payload",
        content,
        "--json",
    ]);
    let d: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(d["signature"]["status"], "verified", "{d:#}");
    assert_eq!(code, 0);
}
