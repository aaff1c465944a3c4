//! The verdict covers every layer and the time window, through the real binary: a forged token
//! two encryption layers down fails like one layer down, a layer left unopened is said and never
//! passes silently, and a verified token outside its time window exits 1 as PyJWT and jwt-cli do.
#![allow(clippy::unwrap_used)] // tests fail loudly by design

mod common;

use common::bin;
use jwt_debugger::core::{self, jwe, keys, sign};

const SECRET: &str = "a-string-secret-at-least-256-bits-long";
const OTHER: &str = "another-secret-that-is-also-32-bytes-long";
const KEK: &str = "hex:000102030405060708090a0b0c0d0e0f";

fn hs256(payload: &str, secret: &str) -> String {
    let key = keys::parse_text(secret).unwrap();
    sign::sign(
        r#"{"alg":"HS256","typ":"JWT"}"#,
        payload,
        key.keys.first(),
        sign::Unsecured::Refuse,
    )
    .unwrap()
    .token
}

/// `plaintext` wrapped in `layers` layers of A128KW + A128GCM, each saying its content is a JWT.
fn wrap(plaintext: &str, layers: usize) -> String {
    let key = core::keys::parse_prefixed_secret(KEK).unwrap().unwrap();
    let options = jwe::EncryptOptions {
        cty: Some("JWT".into()),
        ..Default::default()
    };
    let mut token = plaintext.to_owned();
    for _ in 0..layers {
        token = jwe::encrypt(
            token.as_bytes(),
            jwe::KeyAlg::A128Kw,
            jwe::Enc::A128Gcm,
            &key,
            &options,
        )
        .unwrap();
    }
    token
}

fn decode(args: &[&str]) -> (i32, serde_json::Value, String) {
    let out = bin()
        .arg("decode")
        .args(args)
        .arg("--json")
        .output()
        .unwrap();
    let json = serde_json::from_slice(&out.stdout).unwrap_or(serde_json::Value::Null);
    let human = bin().arg("decode").args(args).output().unwrap();
    assert_eq!(
        human.status.code(),
        out.status.code(),
        "--json and human output exit alike"
    );
    (
        out.status.code().unwrap(),
        json,
        String::from_utf8_lossy(&human.stdout).into_owned(),
    )
}

#[test]
fn a_forged_token_fails_at_every_depth() {
    let forged = hs256(r#"{"sub":"admin"}"#, OTHER);
    let genuine = hs256(r#"{"sub":"alice"}"#, SECRET);
    for layers in 1..=3 {
        let token = wrap(&forged, layers);
        let (code, json, human) = decode(&[&token, "--key", KEK, "--verify-key", SECRET]);
        assert_eq!(code, 1, "{layers} layers: {json}");
        assert_eq!(json["verdict"]["status"], "failed");
        assert_eq!(json["verdict"]["reason"], "signature");
        assert_eq!(json["verdict"]["layer"], layers);
        assert!(human.contains("does not verify"), "{human}");
        let token = wrap(&genuine, layers);
        let (code, json, _) = decode(&[&token, "--key", KEK, "--verify-key", SECRET]);
        assert_eq!(code, 0, "{layers} layers: {json}");
        assert_eq!(json["verdict"]["status"], "verified");
    }
}

#[test]
fn layers_past_the_nesting_limit_are_not_verified_and_said() {
    let token = wrap(&hs256(r#"{"sub":"x"}"#, SECRET), 10);
    let (code, json, human) = decode(&[&token, "--key", KEK, "--verify-key", SECRET]);
    assert_eq!(code, 1, "{json}");
    assert_eq!(json["verdict"]["status"], "not_verified");
    assert_eq!(json["verdict"]["reason"], "nesting_limit");
    assert!(
        json["verdict"]["detail"]
            .as_str()
            .unwrap()
            .contains("was not opened"),
        "{json}"
    );
    assert!(human.contains("was not opened"), "{human}");
    // Without a key nothing was checked, which is not a failure, but still said.
    let (code, json, _) = decode(&[&token]);
    assert_eq!(code, 0);
    assert_eq!(json["verdict"]["status"], "not_verified");
}

#[test]
fn a_verified_token_outside_its_window_exits_1_unless_asked() {
    let now = 1_800_000_000_i64;
    let expired = hs256(&format!(r#"{{"sub":"x","exp":{}}}"#, now - 3600), SECRET);
    let early = hs256(&format!(r#"{{"sub":"x","nbf":{}}}"#, now + 3600), SECRET);
    let issued_later = hs256(&format!(r#"{{"sub":"x","iat":{}}}"#, now + 3600), SECRET);
    let now_arg = now.to_string();
    let cases: &[(&str, &[&str], i32, &str)] = &[
        (&expired, &["--key", SECRET], 1, "expired"),
        (&expired, &["--key", SECRET, "--ignore-exp"], 0, "ignored"),
        (&expired, &["--key", SECRET, "--leeway", "3601"], 0, "valid"),
        (&expired, &[], 0, "not_checked"),
        (&expired, &["--key", OTHER], 1, "not_checked"),
        (&early, &["--key", SECRET], 1, "not_yet_valid"),
        (&early, &["--key", SECRET, "--ignore-nbf"], 0, "ignored"),
        (
            &early,
            &["--key", SECRET, "--ignore-exp"],
            1,
            "not_yet_valid",
        ),
        (&issued_later, &["--key", SECRET], 1, "not_yet_valid"),
        (
            &issued_later,
            &["--key", SECRET, "--ignore-nbf"],
            0,
            "ignored",
        ),
    ];
    for (token, args, want, time) in cases {
        let mut all = vec![*token, "--now", &now_arg];
        all.extend_from_slice(args);
        let (code, json, human) = decode(&all);
        assert_eq!(code, *want, "{args:?}: {json}");
        assert_eq!(json["verdict"]["time"], *time, "{args:?}");
        if *want == 1 && *time != "not_checked" {
            // Which half failed: the signature verified, the time did not.
            assert_eq!(json["signature"]["status"], "verified");
            assert!(human.contains("Signature verified"), "{human}");
            assert!(human.contains("--ignore-"), "{human}");
        }
    }
}

#[test]
fn signature_verified_is_said_once() {
    let token = hs256(r#"{"sub":"x"}"#, SECRET);
    let (_, _, human) = decode(&[&token, "--key", SECRET]);
    assert_eq!(human.matches("erified").count(), 1, "{human}");
}
