//! Verdicts you can bet on (issue #10): classes of wrong or missing verdicts found by other JOSE
//! projects' suites and hostile probes, each with the rule that closes it.

#![allow(clippy::unwrap_used)] // tests fail loudly by design

use jwt_debugger::core::{self, Options, SignatureStatus, b64, keys, sign};

const NOW: i64 = 1_800_000_000;
const SECRET: &str = "a-string-secret-at-least-256-bits-long";

mod common;
use common::bin;

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
    core::analyze(token, Some(key), Options::at(NOW))
        .signature
        .status
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
        assert_eq!(
            a.signature.status,
            SignatureStatus::Invalid,
            "{header}: {}",
            a.signature.detail
        );
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
    assert!(
        a.decoded.errors[0]
            .message
            .to_string()
            .contains("\"b64\" must be true or false")
    );
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
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let token = String::from_utf8(out.stdout).unwrap().trim().to_owned();
    let parts: Vec<&str> = token.split('.').collect();
    assert_eq!(parts[1], r#"{"sub":"x"}"#, "the payload stands as it is");
    let header: serde_json::Value =
        serde_json::from_slice(&b64::decode(parts[0]).unwrap().bytes).unwrap();
    assert_eq!(header["crit"], serde_json::json!(["b64"]));
    let a = core::analyze(&token, Some(&secret()), Options::at(NOW));
    assert!(a.decoded.unencoded_payload);
    assert_eq!(
        a.signature.status,
        SignatureStatus::Verified,
        "{}",
        a.signature.detail
    );
}

// 1. Key confusion with public-key text.

fn hs256_with_secret(secret: &[u8], payload: &str) -> String {
    let input = format!(
        "{}.{}",
        b64::encode(r#"{"alg":"HS256","typ":"JWT"}"#),
        b64::encode(payload)
    );
    let key =
        keys::parse_secret(&String::from_utf8_lossy(secret), keys::SecretEncoding::Utf8).unwrap();
    let sig = sign::sign_input(
        core::Alg::HS256,
        input.as_bytes(),
        Some(&key),
        sign::Unsecured::Refuse,
    )
    .unwrap();
    format!("{input}.{sig}")
}

/// Public keys as people paste them: OpenSSH lines of each type, PEM, a JWK.
fn public_key_texts() -> Vec<String> {
    let ed = core::keygen::generate(core::keygen::KeyKind::Ed25519).unwrap();
    let pem = core::export::public_pem(&ed).unwrap();
    let jwk = core::export::jwk(&ed, false).to_string();
    vec![
        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIB1PjDIlq6IFlKZNq4gY5SPtNqIv0BtRgd9B37Oys857 test"
            .to_owned(),
        openssh_line(&ed),
        pem,
        jwk,
    ]
}

/// The OpenSSH form of an Ed25519 key, built from its raw public bytes.
fn openssh_line(key: &keys::Key) -> String {
    let jwk = core::export::jwk(key, false);
    let x = b64::decode(jwk["x"].as_str().unwrap()).unwrap().bytes;
    let mut blob = Vec::new();
    for part in [b"ssh-ed25519".as_slice(), x.as_slice()] {
        blob.extend_from_slice(&u32::try_from(part.len()).unwrap().to_be_bytes());
        blob.extend_from_slice(part);
    }
    use base64::Engine as _;
    format!(
        "ssh-ed25519 {} user@host",
        base64::engine::general_purpose::STANDARD.encode(blob)
    )
}

#[test]
fn public_key_text_is_never_an_hmac_secret_with_or_without_a_newline() {
    for text in public_key_texts() {
        for variant in [text.clone(), format!("{text}\n")] {
            let forged = hs256_with_secret(variant.as_bytes(), r#"{"sub":"admin"}"#);
            let set = keys::parse_text(&variant).unwrap();
            assert!(!set.keys[0].is_secret(), "{variant:?} read as a secret");
            let a = core::analyze(&forged, Some(&set), Options::at(NOW));
            assert_eq!(
                a.signature.status,
                SignatureStatus::KeyMismatch,
                "{variant:?}"
            );
            assert!(
                a.findings.iter().any(|f| f.id == "ALG_CONFUSION"),
                "{variant:?}: {:?}",
                a.findings
            );
            // The same through the command line, as an argument and as a file.
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("key.pub");
            std::fs::write(&path, &variant).unwrap();
            for key_arg in [variant.clone(), format!("@{}", path.display())] {
                let out = bin()
                    .args(["decode", &forged, "--key", &key_arg, "--json"])
                    .output()
                    .unwrap();
                assert_eq!(out.status.code(), Some(1), "{key_arg:?}");
                let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
                assert_eq!(json["signature"]["status"], "key_mismatch");
            }
        }
    }
}

#[test]
fn an_openssh_public_key_verifies_eddsa_tokens() {
    let ed = core::keygen::generate(core::keygen::KeyKind::Ed25519).unwrap();
    let token = sign::sign(
        r#"{"alg":"EdDSA"}"#,
        r#"{"sub":"ssh"}"#,
        Some(&ed),
        sign::Unsecured::Refuse,
    )
    .unwrap()
    .token;
    let set = keys::parse_text(&openssh_line(&ed)).unwrap();
    assert_eq!(status(&token, &set), SignatureStatus::Verified);
    assert!(
        set.describe().to_string().contains("OpenSSH"),
        "{}",
        set.describe()
    );
}

#[cfg(feature = "gui")]
#[test]
fn the_app_secret_field_refuses_public_key_text() {
    use jwt_debugger::ui::model::{AppState, Model};
    let mut m = Model::new(AppState::default(), NOW);
    let text = &public_key_texts()[0];
    let forged = hs256_with_secret(text.as_bytes(), r#"{"sub":"admin"}"#);
    m.load_text(&forged);
    m.keys.secret = text.clone();
    m.key_edited();
    assert_eq!(m.analysis.signature.status, SignatureStatus::KeyMismatch);
    assert!(m.analysis.findings.iter().any(|f| f.id == "ALG_CONFUSION"));
}

// 2. Ed25519 small-order keys.

#[test]
fn a_small_order_ed25519_key_proves_nothing() {
    // The identity point, and the point of order 2 (y = -1).
    for x in [
        {
            let mut p = [0u8; 32];
            p[0] = 1;
            p
        },
        {
            let mut p = [0xffu8; 32];
            p[0] = 0xec;
            p[31] = 0x7f;
            p
        },
    ] {
        let jwk = format!(
            r#"{{"kty":"OKP","crv":"Ed25519","x":"{}"}}"#,
            b64::encode(x)
        );
        let set = keys::parse_text(&jwk).unwrap();
        // R = identity, S = 0: "verifies" any message under a small-order key.
        let mut sig = [0u8; 64];
        sig[0] = 1;
        let token = format!(
            "{}.{}.{}",
            b64::encode(r#"{"alg":"EdDSA"}"#),
            b64::encode(r#"{"sub":"anyone"}"#),
            b64::encode(sig)
        );
        let a = core::analyze(&token, Some(&set), Options::at(NOW));
        assert_eq!(
            a.signature.status,
            SignatureStatus::Invalid,
            "{}",
            a.signature.detail
        );
        assert!(a.findings.iter().any(|f| f.id == "WEAK_ED25519_KEY"));
    }
}

// 3. JWKS candidates.

fn ec_jwk(key: &keys::Key, kid: &str, extra: serde_json::Value) -> serde_json::Value {
    let mut jwk = core::export::jwk(key, false);
    jwk["kid"] = kid.into();
    for (k, v) in extra.as_object().unwrap() {
        jwk[k] = v.clone();
    }
    jwk
}

fn es256_token(key: &keys::Key, kid: &str) -> String {
    sign::sign(
        &format!(r#"{{"alg":"ES256","kid":"{kid}"}}"#),
        r#"{"sub":"x"}"#,
        Some(key),
        sign::Unsecured::Refuse,
    )
    .unwrap()
    .token
}

fn jwks(keys_json: Vec<serde_json::Value>) -> keys::KeySet {
    keys::parse_text(&serde_json::json!({ "keys": keys_json }).to_string()).unwrap()
}

#[test]
fn one_key_listed_for_sig_and_for_enc_under_one_kid_is_not_ambiguous() {
    let k = core::keygen::generate(core::keygen::KeyKind::Ec(core::alg::Curve::P256)).unwrap();
    let set = jwks(vec![
        ec_jwk(&k, "k1", serde_json::json!({"use": "sig"})),
        ec_jwk(&k, "k1", serde_json::json!({"use": "enc"})),
    ]);
    assert_eq!(
        status(&es256_token(&k, "k1"), &set),
        SignatureStatus::Verified
    );
    // Identical material twice is not ambiguous either.
    let set = jwks(vec![
        ec_jwk(&k, "k1", serde_json::json!({})),
        ec_jwk(&k, "k1", serde_json::json!({})),
    ]);
    assert_eq!(
        status(&es256_token(&k, "k1"), &set),
        SignatureStatus::Verified
    );
}

#[test]
fn keys_not_meant_for_signatures_are_not_candidates() {
    let k = core::keygen::generate(core::keygen::KeyKind::Ec(core::alg::Curve::P256)).unwrap();
    for extra in [
        serde_json::json!({"use": "enc"}),
        serde_json::json!({"key_ops": ["encrypt", "wrapKey"]}),
    ] {
        let set = jwks(vec![ec_jwk(&k, "k1", extra.clone())]);
        let a = core::analyze(&es256_token(&k, "k1"), Some(&set), Options::at(NOW));
        assert_eq!(a.signature.status, SignatureStatus::KeyMismatch, "{extra}");
    }
}

#[test]
fn a_kid_that_names_no_key_is_said_and_any_kid_tries_them_all_with_a_finding() {
    let k = core::keygen::generate(core::keygen::KeyKind::Ec(core::alg::Curve::P256)).unwrap();
    let set = jwks(vec![ec_jwk(&k, "other", serde_json::json!({}))]);
    let token = es256_token(&k, "missing");
    let a = core::analyze(&token, Some(&set), Options::at(NOW));
    assert_eq!(a.signature.status, SignatureStatus::KeyMismatch);
    assert!(
        a.signature
            .detail
            .to_string()
            .contains("no key in the JWKS has kid \"missing\""),
        "{}",
        a.signature.detail
    );
    let mut options = Options::at(NOW);
    options.verify.any_kid = true;
    let a = core::analyze(&token, Some(&set), options);
    assert_eq!(a.signature.status, SignatureStatus::Verified);
    assert!(a.findings.iter().any(|f| f.id == "KID_NOT_IN_JWKS"));

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("jwks.json");
    std::fs::write(
        &path,
        serde_json::json!({"keys": [ec_jwk(&k, "other", serde_json::json!({}))]}).to_string(),
    )
    .unwrap();
    let key_arg = format!("@{}", path.display());
    bin()
        .args(["decode", &token, "--key", &key_arg])
        .assert()
        .code(1);
    bin()
        .args(["decode", &token, "--key", &key_arg, "--any-kid"])
        .assert()
        .code(0);
}

// 4. Binary secret files.

#[test]
fn a_binary_secret_file_is_its_bytes() {
    let secret: Vec<u8> = (0u8..32)
        .map(|i| i.wrapping_mul(37).wrapping_add(0x81))
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hmac.bin");
    std::fs::write(&path, &secret).unwrap();
    let token = bin()
        .args([
            "encode",
            "--alg",
            "HS256",
            "--key",
            &format!("@{}", path.display()),
            "{}",
        ])
        .output()
        .unwrap();
    assert!(
        token.status.success(),
        "{}",
        String::from_utf8_lossy(&token.stderr)
    );
    let token = String::from_utf8(token.stdout).unwrap().trim().to_owned();
    let hex: String = secret.iter().map(|b| format!("{b:02x}")).collect();
    bin()
        .args(["decode", &token, "--key", &format!("hex:{hex}")])
        .assert()
        .code(0);
    bin()
        .args(["decode", &token, "--key", &format!("@{}", path.display())])
        .assert()
        .code(0);
}

// 7. ECDSA malleability.

#[test]
fn the_high_s_twin_verifies_with_a_finding_and_strict_refuses_it() {
    let k = core::keygen::generate(core::keygen::KeyKind::Ec(core::alg::Curve::P256)).unwrap();
    let token = es256_token(&k, "k1");
    let parts: Vec<&str> = token.split('.').collect();
    let sig = p256::ecdsa::Signature::from_slice(&b64::decode(parts[2]).unwrap().bytes).unwrap();
    assert!(
        sig.normalize_s().is_none(),
        "tokens made here carry the low S"
    );
    let (r, s) = sig.split_scalars();
    let twin = p256::ecdsa::Signature::from_scalars(r, -*s).unwrap();
    let twin_token = format!("{}.{}.{}", parts[0], parts[1], b64::encode(twin.to_bytes()));
    let set = keys::KeySet {
        keys: vec![k.clone()],
        is_set: false,
        skipped: vec![],
    };
    let a = core::analyze(&twin_token, Some(&set), Options::at(NOW));
    assert_eq!(a.signature.status, SignatureStatus::Verified);
    assert!(a.findings.iter().any(|f| f.id == "ECDSA_HIGH_S"));
    let mut options = Options::at(NOW);
    options.verify.strict = true;
    let a = core::analyze(&twin_token, Some(&set), options);
    assert_eq!(a.signature.status, SignatureStatus::Invalid);
    let a = core::analyze(&token, Some(&set), Options::at(NOW));
    assert!(a.findings.iter().all(|f| f.id != "ECDSA_HIGH_S"));
}

// 8. Time claims.

#[test]
fn an_unusable_exp_is_never_no_expiry_and_failed_expectations_exit_1() {
    for exp in [
        r#""1000000000""#,
        "1e300",
        "true",
        "99999999999999999999999",
    ] {
        let token = hs256(
            r#"{"alg":"HS256"}"#,
            &format!(r#"{{"sub":"x","exp":{exp}}}"#),
        );
        let out = bin().args(["decode", &token, "--json"]).output().unwrap();
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(json["validity"]["state"], "exp_unusable", "{exp}");
        let human = bin().args(["decode", &token]).output().unwrap();
        let text = String::from_utf8(human.stdout).unwrap();
        assert!(!text.contains("No expiry"), "{exp}: {text}");
        assert!(text.contains("exp unusable"), "{exp}: {text}");
        bin()
            .args(["decode", &token, "--key", SECRET, "--require", "exp"])
            .assert()
            .code(1);
    }
    let expired = hs256(r#"{"alg":"HS256"}"#, r#"{"sub":"x","exp":1000}"#);
    bin()
        .args(["decode", &expired, "--key", SECRET, "--require", "exp"])
        .assert()
        .code(1);
    // Without expectations an expired token verified with a key exits 1 too (PyJWT raises
    // ExpiredSignatureError, jwt-cli exits 1), unless --ignore-exp accepts it.
    bin()
        .args(["decode", &expired, "--key", SECRET])
        .assert()
        .code(1);
    bin()
        .args(["decode", &expired, "--key", SECRET, "--ignore-exp"])
        .assert()
        .code(0);
}

#[test]
fn kid_sub_and_jti_that_are_not_strings_get_findings() {
    let token = hs256(r#"{"alg":"HS256","kid":7}"#, r#"{"sub":12,"jti":["a"]}"#);
    let a = core::analyze(&token, None, Options::at(NOW));
    assert!(a.findings.iter().any(|f| f.id == "KID_NOT_STRING"));
    let claims: Vec<String> = a
        .findings
        .iter()
        .filter(|f| f.id == "CLAIM_NOT_STRING")
        .map(|f| f.title.to_string())
        .collect();
    assert_eq!(claims, ["sub is not a string", "jti is not a string"]);
}

// 11. Output errors.

#[test]
fn a_reader_that_goes_away_ends_the_command_quietly() {
    let big = format!(r#"{{"sub":"x","blob":"{}"}}"#, "z".repeat(300_000));
    let token = hs256(r#"{"alg":"HS256"}"#, &big);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("token");
    std::fs::write(&path, &token).unwrap();
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("jwt-debugger"))
        .args(["decode", "-"])
        .stdin(std::fs::File::open(&path).unwrap())
        .env("NO_COLOR", "1")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_is_an_error_with_a_message() {
    let token = hs256(r#"{"alg":"HS256"}"#, r#"{"sub":"x"}"#);
    for args in [
        vec!["decode", token.as_str()],
        vec!["decode", token.as_str(), "--json"],
    ] {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("jwt-debugger"))
            .args(&args)
            .stdout(full)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(
            err.contains("cannot write the output: the disk is full"),
            "{err}"
        );
    }
}

// 12. Terminal injection.

#[test]
fn control_characters_from_the_token_are_shown_escaped_never_obeyed() {
    let header = serde_json::json!({"alg": "HS256", "kid": "../\u{1b}]0;pwned\u{7}"}).to_string();
    let token_text = {
        let input = format!(
            "{}.{}",
            b64::encode(&header),
            b64::encode("\u{1b}[2J\u{1b}[32m✔ Signature verified\u{1b}[0m\r\u{202e}")
        );
        let sig = sign::sign_input(
            core::Alg::HS256,
            input.as_bytes(),
            secret().keys.first(),
            sign::Unsecured::Refuse,
        )
        .unwrap();
        format!("{input}.{sig}")
    };
    let out = bin()
        .args([
            "decode",
            &token_text,
            "--key",
            "wrong-secret-wrong-secret-wrong-secret",
        ])
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    for text in [&stdout, &stderr] {
        assert!(!text.contains('\u{1b}'), "raw ESC: {text}");
        assert!(!text.contains('\r') && !text.contains('\u{7}') && !text.contains('\u{202e}'));
    }
    assert!(stdout.contains("\\x1b[2J"), "{stdout}");
    assert!(stdout.contains("Invalid signature"));
}

// 13. Secret echo.

const PEM: &str = "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEINTuctv5E1hK1bbY8fdp+K06/nwoy/HU++CXqI9EdVhC\n-----END PRIVATE KEY-----";

#[test]
fn a_key_value_may_start_with_a_dash_and_no_error_echoes_key_material() {
    let token = bin()
        .args(["encode", "--alg", "EdDSA", "--key", PEM, "{}"])
        .output()
        .unwrap();
    assert!(
        token.status.success(),
        "{}",
        String::from_utf8_lossy(&token.stderr)
    );
    let token = String::from_utf8(token.stdout).unwrap().trim().to_owned();
    bin()
        .args(["decode", &token, "--key", PEM])
        .assert()
        .code(0);
    // A key in the wrong place: the parser's message must not quote it.
    let out = bin().args(["decode", &token, PEM]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(!err.contains("MC4CAQAw") && !err.contains("nwoy"), "{err}");
    let out = bin().args(["decode", "--key"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = bin()
        .args([
            "encode",
            "--alg",
            "HS256",
            "--kye",
            "super-secret-value-that-is-long-enough",
        ])
        .output()
        .unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        !err.contains("super-secret-value-that-is-long-enough"),
        "{err}"
    );
}

// 9. Every input bounded.

#[test]
fn a_token_made_of_dots_keeps_a_bounded_structure() {
    let dots = ".".repeat(4 * 1024 * 1024);
    let d = core::parse::decode(&dots);
    assert!(d.parts.len() <= 4, "{} parts", d.parts.len());
    assert!(
        d.errors[0]
            .message
            .to_string()
            .contains("found 4194305 segments"),
        "{}",
        d.errors[0]
    );
    let json = core::analyze(&dots, None, Options::at(NOW)).to_json();
    assert!(json["parts"].as_array().unwrap().len() <= 4);
}

#[test]
fn a_million_duplicate_members_are_counted_not_kept() {
    let mut payload = String::from("{");
    for i in 0..200_000 {
        payload.push_str(&format!("\"a\":{i},"));
    }
    payload.push_str("\"a\":0}");
    let token = hs256(r#"{"alg":"HS256"}"#, &payload);
    let a = core::analyze(&token, None, Options::at(NOW));
    assert_eq!(
        a.decoded.payload_duplicates.len(),
        core::json::MAX_RECORDED_DUPLICATES
    );
    assert_eq!(
        a.decoded.duplicates_omitted,
        200_000 - core::json::MAX_RECORDED_DUPLICATES
    );
    let dup_findings = a
        .findings
        .iter()
        .filter(|f| f.id == "DUPLICATE_MEMBER")
        .count();
    assert_eq!(dup_findings, core::json::MAX_RECORDED_DUPLICATES + 1);
}

#[cfg(unix)]
#[test]
fn endless_files_are_read_only_up_to_their_caps() {
    let token = hs256(r#"{"alg":"HS256"}"#, "{}");
    let out = bin()
        .args(["decode", &token, "--key", "@/dev/zero"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("over the 4 MiB limit"));
    let out = bin()
        .args(["encode", "--alg", "HS256", "--key", SECRET, "@/dev/zero"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("over the 16 MiB limit"));
    let out = bin()
        .args(["decode", &token, "--claims-dict", "/dev/zero"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("over the 4 MiB limit"));
    // A secret that is not among the bundled well-known ones, so the wordlist is read.
    let unknown = hs256_with_secret(b"not-a-bundled-secret-0123456789abcdef", "{}");
    let out = bin()
        .args(["guess", &unknown, "--wordlist", "/dev/zero"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a wordlist"));
}

// 17. Non-UTF-8 and oversized input with --json.

#[test]
fn unreadable_input_with_json_still_prints_a_json_error() {
    let out = bin()
        .args(["decode", "--json"])
        .write_stdin(vec![b'e', b'y', 0xff, 0xfe])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(json["error"].as_str().unwrap().contains("not UTF-8"));
    let big = vec![b'a'; 16 * 1024 * 1024 + 1];
    let out = bin()
        .args(["decode", "--json"])
        .write_stdin(big)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["error"], "stdin is over the 16 MiB limit");
}

// 10. Huge key sets.

#[test]
fn a_huge_jwks_is_read_and_tried_only_up_to_its_caps() {
    let k = core::keygen::generate(core::keygen::KeyKind::Ec(core::alg::Curve::P256)).unwrap();
    let jwk = core::export::jwk(&k, false);
    let members: Vec<serde_json::Value> = (0..3000)
        .map(|i| {
            let mut j = jwk.clone();
            j["kid"] = format!("k{i}").into();
            j
        })
        .collect();
    let set = keys::parse_text(&serde_json::json!({ "keys": members }).to_string()).unwrap();
    assert_eq!(set.keys.len(), keys::MAX_JWKS_KEYS);
    assert!(set.skipped.iter().any(|s| s.contains("not read")));
    // Identical material: tried once, and it verifies.
    let mut options = Options::at(NOW);
    options.verify.any_kid = true;
    let a = core::analyze(&es256_token(&k, "absent"), Some(&set), options);
    assert_eq!(a.signature.status, SignatureStatus::Verified);
}

// 16. Messages that say the real cause; PEM as OpenSSL reads it.

#[test]
fn an_8192_bit_rsa_key_is_read_not_called_malformed() {
    let mut n = vec![0x5au8; 1024];
    n[0] = 0xc3;
    n[1023] |= 1;
    let jwk = serde_json::json!({"kty": "RSA", "n": b64::encode(&n), "e": "AQAB"}).to_string();
    let set = keys::parse_text(&jwk).unwrap();
    assert_eq!(set.keys[0].bits(), 8192);
    let pem = core::export::public_pem(&set.keys[0]).unwrap();
    let again = keys::parse_text(&pem).unwrap();
    assert_eq!(again.keys[0].bits(), 8192, "{}", again.describe());
    let mut huge = vec![0x5au8; 4096];
    huge[0] = 0xc3;
    let err = keys::parse_text(
        &serde_json::json!({"kty": "RSA", "n": b64::encode(&huge), "e": "AQAB"}).to_string(),
    )
    .unwrap_err()
    .to_string();
    assert!(
        err.contains("32768 bits; keys up to 16384 bits are read"),
        "{err}"
    );
}

#[test]
fn a_valid_rsa_1024_signature_is_valid_and_the_key_flagged() {
    use rsa::signature::{SignatureEncoding as _, Signer as _};
    let private = rsa::RsaPrivateKey::new(&mut rand_core::OsRng, 1024).unwrap();
    let input = format!(
        "{}.{}",
        b64::encode(r#"{"alg":"RS256"}"#),
        b64::encode(r#"{"sub":"legacy"}"#)
    );
    let signer = rsa::pkcs1v15::SigningKey::<sha2::Sha256>::new(private.clone());
    let sig = signer.sign(input.as_bytes()).to_vec();
    let token = format!("{input}.{}", b64::encode(sig));
    let public = rsa::traits::PublicKeyParts::n(&private.to_public_key()).to_bytes_be();
    let jwk = serde_json::json!({"kty": "RSA", "n": b64::encode(public), "e": "AQAB"}).to_string();
    let set = keys::parse_text(&jwk).unwrap();
    let a = core::analyze(&token, Some(&set), Options::at(NOW));
    assert_eq!(
        a.signature.status,
        SignatureStatus::Verified,
        "{}",
        a.signature.detail
    );
    assert!(a.findings.iter().any(|f| f.id == "SHORT_RSA_KEY"));
    // And a wrong signature under the same key is still invalid.
    let mut bad = token.clone();
    bad.pop();
    bad.push(if token.ends_with('A') { 'B' } else { 'A' });
    assert_eq!(status(&bad, &set), SignatureStatus::Invalid);
}

#[test]
fn pem_with_76_columns_one_line_or_indentation_is_read() {
    let ec = core::keygen::generate(core::keygen::KeyKind::Ec(core::alg::Curve::P256)).unwrap();
    let pem = core::export::public_pem(&ec).unwrap();
    let body: String = pem.lines().filter(|l| !l.starts_with("-----")).collect();
    let wrap = |width: usize| -> String {
        body.as_bytes()
            .chunks(width)
            .map(|c| std::str::from_utf8(c).unwrap())
            .collect::<Vec<_>>()
            .join("\n")
    };
    let variants = [
        format!(
            "-----BEGIN PUBLIC KEY-----\n{}\n-----END PUBLIC KEY-----",
            wrap(76)
        ),
        format!("-----BEGIN PUBLIC KEY-----\n{body}\n-----END PUBLIC KEY-----"),
        format!("-----BEGIN PUBLIC KEY-----{body}-----END PUBLIC KEY-----"),
        pem.lines()
            .map(|l| format!("    {l}"))
            .collect::<Vec<_>>()
            .join("\n"),
        pem.replace('\n', "\r\n"),
    ];
    for text in variants {
        let set = keys::parse_text(&text).unwrap_or_else(|e| panic!("{e}: {text}"));
        assert_eq!(set.keys[0].thumbprint(), ec.thumbprint());
    }
}

/// `--lang` goes before the command or after it, on every command; the command's own wins.
#[test]
fn lang_is_read_before_and_after_every_command() {
    let token = hs256(r#"{"alg":"HS256"}"#, r#"{"sub":"x","exp":1000}"#);
    let other = hs256(r#"{"alg":"HS256"}"#, r#"{"sub":"y","exp":1000}"#);
    let dir = tempfile::tempdir().unwrap();
    let log_path = dir.path().join("app.log");
    std::fs::write(&log_path, format!("GET / Authorization: Bearer {token}\n")).unwrap();
    let log = log_path.to_string_lossy().into_owned();
    // (arguments, a word of the Korean output): each command once with --lang before it and
    // once after it.
    let cases: &[(&[&str], &str)] = &[
        (&["decode", &token, "--key", SECRET], "서명 확인됨"),
        (&["diff", &token, &other], "페이로드"),
        (&["scan", &log], "서로 다른 토큰 1개"),
    ];
    let korean = |args: Vec<&str>| {
        let out = bin().env("LANG", "C").args(&args).output().unwrap();
        let text = String::from_utf8_lossy(&out.stdout).into_owned()
            + &String::from_utf8_lossy(&out.stderr);
        (
            text.chars().any(|c| ('\u{AC00}'..='\u{D7A3}').contains(&c)),
            text,
        )
    };
    for (args, word) in cases {
        let before = [&["--lang", "ko"][..], args].concat();
        let after = [*args, &["--lang", "ko"][..]].concat();
        let both = [&["--lang", "en"][..], args, &["--lang", "ko"][..]].concat();
        for argv in [before, after, both] {
            let (is_korean, text) = korean(argv.clone());
            assert!(is_korean && text.contains(word), "{argv:?}: {text}");
        }
        let (is_korean, text) = korean([*args, &["--lang", "en"][..]].concat());
        assert!(!is_korean, "{args:?} --lang en: {text}");
    }
    let out = bin()
        .args(["decode", &token, "--lang", "fr"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("\"fr\" is not a language"));
}

// Issue #11: the command line speaks Korean too, and --json stays language-neutral.
#[test]
fn human_output_follows_lang_and_json_does_not() {
    let token = hs256(r#"{"alg":"HS256"}"#, r#"{"sub":"x","exp":1000}"#);
    let out = bin()
        .args(["decode", &token, "--lang", "ko", "--key", SECRET])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("서명 확인됨"), "{text}");
    assert!(text.contains("만료됨"), "{text}");
    let out = bin()
        .env("LANG", "ko_KR.UTF-8")
        .args(["decode", &token, "--json"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        json["validity"]["summary"]
            .as_str()
            .unwrap()
            .starts_with("Expired"),
        "{json}"
    );
    let out = bin()
        .env("LANG", "ko_KR.UTF-8")
        .args(["decode", &token])
        .output()
        .unwrap();
    assert!(String::from_utf8(out.stdout).unwrap().contains("서명"));
}
