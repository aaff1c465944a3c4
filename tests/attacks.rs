//! Attack tokens (issue #21): each technique's token is accepted by a verifier that has that one
//! flaw, and refused by a correct verifier (this project's, with the server's real key). The
//! flawed verifiers are written here, each with exactly one mistake servers have made.

#![allow(clippy::unwrap_used)] // tests fail loudly by design

use std::io::{Read as _, Write as _};

use base64::Engine as _;
use jwt_debugger::core::attack::{self, AttackOptions, AttackToken};
use jwt_debugger::core::{
    self, KeySet, Options, SignatureStatus, alg::Curve, b64, export, keygen, keys, sign,
};
use serde_json::Value;

const NOW: i64 = 1_800_000_000;
const SECRET: &str = "server-secret-that-is-long-enough!";

struct Server {
    key: core::Key,
    public_pem: String,
    token: String,
}

fn server() -> Server {
    let key = keygen::generate(keygen::KeyKind::Ec(Curve::P256)).unwrap();
    let token = sign::sign(
        r#"{"alg":"ES256","typ":"JWT","kid":"k1"}"#,
        r#"{"sub":"user","role":"reader"}"#,
        Some(&key),
        sign::Unsecured::Refuse,
    )
    .unwrap()
    .token;
    Server {
        public_pem: export::public_pem(&key).unwrap(),
        key,
        token,
    }
}

fn header(t: &str) -> serde_json::Map<String, Value> {
    let h = t.split('.').next().unwrap();
    serde_json::from_slice(&b64::decode(h).unwrap().bytes).unwrap()
}

fn claims(t: &str) -> Value {
    let p = t.split('.').nth(1).unwrap();
    serde_json::from_slice(&b64::decode(p).unwrap().bytes).unwrap()
}

/// HMAC as a flawed server computes it: with whatever bytes it holds, however short (this
/// project's verifier refuses an empty secret, so the flawed ones do it by hand).
fn hmac_ok(t: &str, secret: &[u8]) -> bool {
    fn mac<D: sha2::Digest + sha2::digest::core_api::BlockSizeUser>(
        key: &[u8],
        msg: &[u8],
    ) -> Vec<u8> {
        let block = <D as sha2::digest::core_api::BlockSizeUser>::block_size();
        let mut k = if key.len() > block {
            D::digest(key).to_vec()
        } else {
            key.to_vec()
        };
        k.resize(block, 0);
        let inner: Vec<u8> = k.iter().map(|b| b ^ 0x36).collect();
        let outer: Vec<u8> = k.iter().map(|b| b ^ 0x5c).collect();
        let mut h = D::new();
        h.update(&inner);
        h.update(msg);
        let ih = h.finalize();
        let mut h = D::new();
        h.update(&outer);
        h.update(ih);
        h.finalize().to_vec()
    }
    let (input, sig) = t.rsplit_once('.').unwrap();
    let expected = match header(t)["alg"].as_str() {
        Some("HS256") => mac::<sha2::Sha256>(secret, input.as_bytes()),
        Some("HS384") => mac::<sha2::Sha384>(secret, input.as_bytes()),
        Some("HS512") => mac::<sha2::Sha512>(secret, input.as_bytes()),
        _ => return false,
    };
    b64::decode(sig).is_ok_and(|d| d.bytes == expected)
}

fn verified_with(t: &str, set: &KeySet) -> bool {
    core::analyze(t, Some(set), Options::at(NOW))
        .signature
        .status
        == SignatureStatus::Verified
}

/// A verifier with one flaw; `true` when it accepts the token.
fn flawed(id: &str, t: &AttackToken, s: &Server) -> bool {
    let h = header(&t.token);
    let alg = h["alg"].as_str().unwrap_or_default().to_owned();
    let sig = t.token.rsplit('.').next().unwrap();
    match id {
        // Trusts alg: none in any casing.
        "none" => alg.eq_ignore_ascii_case("none"),
        // Skips the check when there is no signature.
        "strip" => sig.is_empty(),
        // Verifies HS* with "the key" it holds: the public key's bytes in some form.
        "hmac-confusion" => {
            let forms: Vec<Vec<u8>> = vec![
                s.public_pem.clone().into_bytes(),
                s.public_pem.trim_end().as_bytes().to_vec(),
                export::jwk(&s.key, false).to_string().into_bytes(),
                base64::engine::general_purpose::STANDARD
                    .decode(
                        s.public_pem
                            .lines()
                            .filter(|l| !l.starts_with("-----"))
                            .collect::<String>(),
                    )
                    .unwrap(),
            ];
            alg.starts_with("HS") && forms.iter().any(|f| hmac_ok(&t.token, f))
        }
        // Verifies with the key the token carries.
        "embedded-jwk" => {
            verified_with(&t.token, &keys::parse_text(&h["jwk"].to_string()).unwrap())
        }
        "embedded-x5c" => {
            let der = base64::engine::general_purpose::STANDARD
                .decode(h["x5c"][0].as_str().unwrap())
                .unwrap();
            let pem = format!(
                "-----BEGIN CERTIFICATE-----\n{}\n-----END CERTIFICATE-----\n",
                base64::engine::general_purpose::STANDARD.encode(der)
            );
            verified_with(&t.token, &keys::parse_text(&pem).unwrap())
        }
        // Fetches the key from jku / x5u (here: what --serve would answer).
        "jku" | "x5u" => {
            let served = t.serve.as_ref().unwrap();
            verified_with(&t.token, &keys::parse_text(&served.body).unwrap())
        }
        // Reads kid as a path under its key directory.
        "kid-path" => {
            let kid = h["kid"].as_str().unwrap();
            let path = std::path::Path::new("/tmp/keys").join(kid.trim_start_matches('/'));
            let content = std::fs::read(if kid.starts_with('/') {
                std::path::PathBuf::from(kid)
            } else {
                path
            })
            .unwrap_or_default();
            hmac_ok(&t.token, &content)
        }
        // Builds its key query from kid.
        "kid-sql" => {
            let kid = h["kid"].as_str().unwrap();
            let key = kid
                .split("SELECT '")
                .nth(1)
                .and_then(|r| r.split('\'').next())
                .unwrap_or("real-key-from-db");
            hmac_ok(&t.token, key.as_bytes())
        }
        // Java 15-18: ECDSA (r, s) = (0, 0) passes.
        "psychic" => {
            alg.starts_with("ES") && b64::decode(sig).unwrap().bytes.iter().all(|b| *b == 0)
        }
        // Configured with an empty secret.
        "empty-key" => hmac_ok(&t.token, b""),
        // Uses the weak secret the tester guessed.
        "weak-secret" => hmac_ok(&t.token, SECRET.as_bytes()),
        _ => false,
    }
}

#[test]
fn every_attack_passes_its_flawed_verifier_and_fails_a_correct_one() {
    let s = server();
    let options = AttackOptions {
        set: vec![("role".into(), Value::from("admin"))],
        public_keys: keys::parse_text(&s.public_pem).unwrap().keys,
        jku: Some("http://127.0.0.1:1/jwks.json".into()),
        x5u: Some("http://127.0.0.1:1/cert.pem".into()),
        secret: Some(SECRET.as_bytes().to_vec()),
        ..Default::default()
    };
    let made = attack::make(&s.token, &options).unwrap();
    let correct = keys::parse_text(&s.public_pem).unwrap();
    for id in attack::TECHNIQUES {
        let of_kind: Vec<&AttackToken> = made.iter().filter(|t| t.id == id).collect();
        assert!(!of_kind.is_empty(), "{id}: no token made");
        for t in of_kind {
            assert_eq!(
                claims(&t.token)["role"],
                "admin",
                "{id} {}: claims changed first",
                t.variant
            );
            // The correct verifier: this project's, with the server's real key.
            assert!(
                !verified_with(&t.token, &correct),
                "{id} {}: passed a correct verifier",
                t.variant
            );
        }
        // At least one variant of each technique gets past the verifier with that flaw.
        assert!(
            made.iter()
                .filter(|t| t.id == id)
                .any(|t| flawed(id, t, &s)),
            "{id}: no variant passes its flawed verifier"
        );
    }
    // Every none spelling, each with and without the original signature.
    assert_eq!(made.iter().filter(|t| t.id == "none").count(), 8);
    // HMAC confusion: every form the key has, for each HMAC size.
    let forms: Vec<&str> = made
        .iter()
        .filter(|t| t.id == "hmac-confusion")
        .map(|t| t.variant.as_str())
        .collect();
    for form in [
        "spki-pem-newline/HS256",
        "spki-pem/HS384",
        "der/HS512",
        "jwk/HS256",
    ] {
        assert!(forms.contains(&form), "{form} in {forms:?}");
    }
}

#[test]
fn the_command_line_serves_the_jku_key_set_on_loopback_and_logs_the_fetch() {
    let s = server();
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("jwt-debugger"))
        .args([
            "attack",
            &s.token,
            "--only",
            "jku",
            "--serve",
            "--serve-for",
            "20",
            "--json",
        ])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut line = Vec::new();
    let mut byte = [0u8; 1];
    while stdout.read(&mut byte).unwrap() == 1 && byte[0] != b'\n' {
        line.push(byte[0]);
    }
    let made: Value = serde_json::from_slice(&line).unwrap();
    assert_eq!(made["id"], "jku");
    let url = made["serve"]["url"].as_str().unwrap().to_owned();
    assert!(url.starts_with("http://127.0.0.1:"), "{url}");
    assert_eq!(header(made["token"].as_str().unwrap())["jku"], url.as_str());
    // Fetch it as a target would.
    let rest = url.trim_start_matches("http://");
    let (host, path) = rest.split_at(rest.find('/').unwrap());
    let mut stream = std::net::TcpStream::connect(host).unwrap();
    write!(stream, "GET {path} HTTP/1.1\r\nHost: {host}\r\n\r\n").unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let body = response.split("\r\n\r\n").nth(1).unwrap();
    let set = keys::parse_text(body).unwrap();
    assert!(
        verified_with(made["token"].as_str().unwrap(), &set),
        "the served key verifies the token"
    );
    child.kill().ok();
    let out = child.wait_with_output().unwrap();
    let log = String::from_utf8_lossy(&out.stderr);
    assert!(
        log.contains("request from 127.0.0.1") && log.contains("→ 200"),
        "{log}"
    );
}
