//! Encrypted and post-quantum tokens (issue #12): JWE through the real binary (statuses, exit
//! codes, nesting), tampering, bombs and huge PBES2 counts, and ML-DSA keys and signatures.

#![allow(clippy::unwrap_used)] // tests fail loudly by design

use jwt_debugger::core::jwe::{self, Enc, EncryptOptions, JweStatus, KeyAlg, KeyNeed};
use jwt_debugger::core::{self, KeySet, Options, keygen};
use proptest::prelude::*;

const OCT16: &str = r#"{"kty":"oct","k":"GawgguFyGrWKav7AX4VKUg"}"#;
const A3: &str = "eyJhbGciOiJBMTI4S1ciLCJlbmMiOiJBMTI4Q0JDLUhTMjU2In0.6KB707dM9YTIgHtLvtgWQ8mKwboJW3of9locizkDTHzBC2IlrT1oOQ.AxY8DCtDaGlsbGljb3RoZQ.KDlTtXchhZTGufMYmOYGS4HffxPSUrfmqCHXaI9wOGY.U0m_YmjN04DJvceFICbCVQ";
const SECRET: &str = "a-string-secret-at-least-256-bits-long";

mod common;
use common::bin;

fn run(args: &[&str]) -> (i32, serde_json::Value) {
    let out = bin().args(args).output().unwrap();
    let json = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{e}: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (out.status.code().unwrap(), json)
}

fn stdout(args: &[&str], stdin: Option<&str>) -> String {
    let mut cmd = bin();
    cmd.args(args);
    if let Some(s) = stdin {
        cmd.write_stdin(s);
    }
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap().trim().to_owned()
}

fn private_jwk(kind: keygen::KeyKind) -> (String, String) {
    let key = keygen::generate(kind).unwrap();
    (
        core::export::jwk(&key, true).to_string(),
        core::export::jwk(&key, false).to_string(),
    )
}

#[test]
fn a_jwe_without_a_key_is_no_key_and_exits_0_with_zip_null() {
    let (code, json) = run(&["decode", A3, "--json"]);
    assert_eq!(code, 0);
    assert_eq!(json["jwe"]["status"], "no_key");
    assert_eq!(json["jwe"]["alg"], "A128KW");
    assert_eq!(json["jwe"]["enc"], "A128CBC-HS256");
    assert!(json["jwe"]["zip"].is_null());
    assert_eq!(json["form"], "jwe");
}

#[test]
fn the_right_key_decrypts_and_shows_the_plaintext() {
    let (code, json) = run(&["decode", A3, "--key", OCT16, "--json"]);
    assert_eq!(code, 0, "{json}");
    assert_eq!(json["jwe"]["status"], "decrypted");
    assert_eq!(json["payload_text"], "Live long and prosper.");
}

#[test]
fn a_wrong_key_or_a_key_of_the_wrong_type_is_wrong_key_and_exits_1() {
    let (code, json) = run(&[
        "decode",
        A3,
        "--key",
        r#"{"kty":"oct","k":"AAAAAAAAAAAAAAAAAAAAAA"}"#,
        "--json",
    ]);
    assert_eq!(
        (code, json["jwe"]["status"].as_str()),
        (1, Some("wrong_key"))
    );
    let (_, rsa) = private_jwk(keygen::KeyKind::Rsa(2048));
    let (code, json) = run(&["decode", A3, "--key", &rsa, "--json"]);
    assert_eq!(
        (code, json["jwe"]["status"].as_str()),
        (1, Some("wrong_key"))
    );
    assert!(json.get("payload_text").is_none(), "{json}");
}

#[test]
fn a_tampered_token_whose_key_unwraps_is_invalid_and_exits_1() {
    let mut parts: Vec<String> = A3.split('.').map(str::to_owned).collect();
    parts[3].replace_range(0..1, "L");
    let (code, json) = run(&["decode", &parts.join("."), "--key", OCT16, "--json"]);
    assert_eq!((code, json["jwe"]["status"].as_str()), (1, Some("invalid")));
    assert!(json.get("payload_text").is_none());
}

#[test]
fn an_unsupported_alg_or_enc_with_a_key_exits_1_and_a_malformed_token_2() {
    use base64::Engine as _;
    let b64 = |s: &str| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(s);
    let rest: Vec<&str> = A3.split('.').skip(1).collect();
    for header in [
        r#"{"alg":"A128KW","enc":"A128CBC-HS999"}"#,
        r#"{"alg":"ECDH-1PU","enc":"A128GCM"}"#,
        r#"{"alg":"A128KW","enc":"A128CBC-HS256","zip":"GZIP"}"#,
    ] {
        let token = format!("{}.{}", b64(header), rest.join("."));
        let (code, json) = run(&["decode", &token, "--key", OCT16, "--json"]);
        assert_eq!(
            (code, json["jwe"]["status"].as_str()),
            (1, Some("unsupported_alg")),
            "{header}"
        );
    }
    let (code, _) = run(&[
        "decode",
        "eyJhbGciOiJBMTI4S1ciLCJlbmMiOiJBMTI4R0NNIn0.a$b.c.d.e",
        "--json",
    ]);
    assert_eq!(code, 2);
}

#[test]
fn encode_piped_into_encrypt_makes_a_nested_token_opened_layer_by_layer() {
    let (enc_private, enc_public) = private_jwk(keygen::KeyKind::Ec(core::alg::Curve::P256));
    let signed = stdout(
        &[
            "encode",
            "--alg",
            "HS256",
            "--key",
            SECRET,
            r#"{"sub":"42"}"#,
        ],
        None,
    );
    // echo adds a newline: encrypt drops exactly one.
    let nested = stdout(
        &[
            "encrypt",
            "--alg",
            "ECDH-ES+A128KW",
            "--enc",
            "A128GCM",
            "--key",
            &enc_public,
            "--cty",
            "JWT",
        ],
        Some(&format!("{signed}\n")),
    );
    assert_eq!(nested.split('.').count(), 5);
    // Without --verify-key the inner signature is not checked, and that is not a failure.
    let (code, json) = run(&["decode", &nested, "--key", &enc_private, "--json"]);
    assert_eq!(code, 0, "{json}");
    assert_eq!(json["jwe"]["status"], "decrypted");
    assert_eq!(json["payload_text"], signed.as_str());
    assert_eq!(json["inner"]["signature"]["status"], "no_key");
    assert_eq!(json["inner"]["payload"]["sub"], "42");
    // With it, the inner token verifies; with the wrong one, exit 1.
    let (code, json) = run(&[
        "decode",
        &nested,
        "--key",
        &enc_private,
        "--verify-key",
        SECRET,
        "--json",
    ]);
    assert_eq!(code, 0);
    assert_eq!(json["inner"]["signature"]["status"], "verified");
    let (code, json) = run(&[
        "decode",
        &nested,
        "--key",
        &enc_private,
        "--verify-key",
        "another-secret-that-is-also-32-bytes-long",
        "--json",
    ]);
    assert_eq!(code, 1);
    assert_eq!(json["inner"]["signature"]["status"], "invalid");
}

#[test]
fn every_alg_and_enc_pair_round_trips_through_the_binary_for_one_enc_each() {
    let rsa = private_jwk(keygen::KeyKind::Rsa(2048));
    let ec = private_jwk(keygen::KeyKind::Ec(core::alg::Curve::P384));
    let x = private_jwk(keygen::KeyKind::X25519);
    for (i, &alg) in KeyAlg::ALL.iter().enumerate() {
        if !alg.can_encrypt() {
            continue;
        }
        let enc = Enc::ALL[i % Enc::ALL.len()];
        let (private, public) = match alg.needs(enc) {
            KeyNeed::Rsa => rsa.clone(),
            KeyNeed::Ecdh if i % 2 == 0 => ec.clone(),
            KeyNeed::Ecdh => x.clone(),
            KeyNeed::Secret(n) => {
                let k = format!(r#"{{"kty":"oct","k":"{}"}}"#, "A".repeat(n * 4 / 3));
                let k = jwt_debugger::core::keys::parse_text(&k)
                    .ok()
                    .filter(|s| s.keys[0].secret_bytes().unwrap().len() == n)
                    .map(|_| k)
                    .unwrap_or_else(|| {
                        let bytes = vec![0x5a; n];
                        format!(
                            r#"{{"kty":"oct","k":"{}"}}"#,
                            jwt_debugger::core::b64::encode(&bytes)
                        )
                    });
                (k.clone(), k)
            }
            KeyNeed::Password => ("hunter2 but longer".into(), "hunter2 but longer".into()),
        };
        let mut args = vec![
            "encrypt",
            "--alg",
            alg.name(),
            "--enc",
            enc.name(),
            "--key",
            &public,
        ];
        if alg.is_pbes2() {
            args.extend(["--header", r#"{"p2c":2000}"#]);
        }
        args.push("héllo wörld");
        let token = stdout(&args, None);
        let (code, json) = run(&["decode", &token, "--key", &private, "--json"]);
        assert_eq!(code, 0, "{alg} {enc}: {json}");
        assert_eq!(json["payload_text"], "héllo wörld", "{alg} {enc}");
    }
}

#[test]
fn rsa1_5_is_decrypt_only_and_flagged() {
    let (_, public) = private_jwk(keygen::KeyKind::Rsa(2048));
    let out = bin()
        .args([
            "encrypt", "--alg", "RSA1_5", "--enc", "A128GCM", "--key", &public, "x",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("RSA-OAEP-256"));
}

#[test]
fn a_decompression_bomb_is_refused_quickly() {
    let keys = KeySet::from_secret(&[9u8; 16]);
    let options = EncryptOptions {
        zip: true,
        ..Default::default()
    };
    let bomb = vec![b'a'; jwe::MAX_PLAINTEXT + 1024];
    let token = jwe::encrypt(&bomb, KeyAlg::A128Kw, Enc::A128Gcm, &keys.keys[0], &options).unwrap();
    assert!(token.len() < 200_000, "{}", token.len());
    let started = std::time::Instant::now();
    let a = core::analyze(&token, Some(&keys), Options::at(0));
    let report = a.jwe.unwrap();
    assert_eq!(report.status, JweStatus::Invalid);
    assert!(
        report.detail.to_string().contains("16 MiB"),
        "{}",
        report.detail
    );
    assert!(started.elapsed().as_secs() < 5);
}

#[test]
fn weak_jwe_choices_are_findings() {
    let keys = KeySet::from_secret(b"pw");
    let mut options = EncryptOptions::default();
    options.header.insert("p2c".into(), 10.into());
    let token = jwe::encrypt(
        b"x",
        KeyAlg::Pbes2Hs256A128Kw,
        Enc::A128Gcm,
        &keys.keys[0],
        &options,
    )
    .unwrap();
    let a = core::analyze(&token, Some(&keys), Options::at(0));
    assert!(
        a.findings.iter().any(|f| f.id == "PBES2_WEAK"),
        "{:?}",
        a.findings
    );
    // An RSA-OAEP token whose plaintext is bare claims: anyone with the public key made it.
    let rsa = keygen::generate(keygen::KeyKind::Rsa(2048)).unwrap();
    let token = jwe::encrypt(
        br#"{"sub":"admin"}"#,
        KeyAlg::RsaOaep256,
        Enc::A256Gcm,
        &rsa,
        &EncryptOptions::default(),
    )
    .unwrap();
    let a = core::analyze(&token, Some(&KeySet::of(rsa)), Options::at(0));
    assert!(a.findings.iter().any(|f| f.id == "JWE_NOT_SIGNED"));
    assert_eq!(a.claims.first().map(|c| c.name.as_str()), Some("sub"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Changing any byte of any part never gives `decrypted` with another plaintext.
    #[test]
    fn a_changed_byte_never_decrypts_to_something_else(
        which in 0usize..5, at in any::<prop::sample::Index>(), to in any::<u8>(),
        alg_i in 0usize..3, enc_i in 0usize..6,
    ) {
        let alg = [KeyAlg::A128Kw, KeyAlg::A256GcmKw, KeyAlg::Dir][alg_i];
        let enc = Enc::ALL[enc_i];
        let len = match alg.needs(enc) { KeyNeed::Secret(n) => n, _ => 16 };
        let keys = KeySet::from_secret(&vec![0x42; len]);
        let plaintext = br#"{"sub":"alice","admin":false}"#;
        let token = jwe::encrypt(plaintext, alg, enc, &keys.keys[0], &EncryptOptions::default()).unwrap();
        let mut parts: Vec<Vec<u8>> = token.split('.').map(|p| p.as_bytes().to_vec()).collect();
        let part = &mut parts[which];
        if part.is_empty() {
            part.push(to);
        } else {
            let i = at.index(part.len());
            part[i] = to;
        }
        let changed = String::from_utf8_lossy(&parts.join(&b'.')).into_owned();
        prop_assume!(changed != token);
        let a = core::analyze(&changed, Some(&keys), Options::at(0));
        if let Some(r) = a.jwe
            && r.status == JweStatus::Decrypted
        {
            let got = r.plaintext.unwrap();
            prop_assert_eq!(got.as_slice(), plaintext.as_slice());
        }
    }
}

#[test]
fn ml_dsa_keygen_writes_a_seed_jwk_and_both_pems_that_sign_and_verify() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().to_str().unwrap();
    bin()
        .args(["keygen", "--alg", "ML-DSA-44", "--out", out])
        .assert()
        .success();
    let private: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.path().join("private.jwk.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(private["kty"], "AKP");
    assert_eq!(private["alg"], "ML-DSA-44");
    let seed = core::b64::decode(private["priv"].as_str().unwrap()).unwrap();
    assert_eq!(seed.bytes.len(), 32);
    let public_pem = std::fs::read_to_string(dir.path().join("public.pem")).unwrap();
    assert!(public_pem.starts_with("-----BEGIN PUBLIC KEY-----"));
    let key_pem = format!("@{}", dir.path().join("private.pem").display());
    let token = stdout(
        &[
            "encode",
            "--alg",
            "ML-DSA-44",
            "--key",
            &key_pem,
            r#"{"sub":"pq"}"#,
        ],
        None,
    );
    let signature = core::b64::decode(token.rsplit('.').next().unwrap()).unwrap();
    assert_eq!(signature.bytes.len(), 2420);
    for verify in ["public.pem", "public.jwk.json", "private.jwk.json"] {
        let key = format!("@{}", dir.path().join(verify).display());
        let (code, json) = run(&["decode", &token, "--key", &key, "--json"]);
        assert_eq!(code, 0, "{verify}: {json}");
        assert_eq!(json["signature"]["status"], "verified");
    }
    // Another ML-DSA key, or the same key at another level, does not verify it.
    let other = keygen::generate(keygen::KeyKind::MlDsa(core::alg::MlDsaLevel::L44)).unwrap();
    let other = core::export::jwk(&other, false).to_string();
    let (code, json) = run(&["decode", &token, "--key", &other, "--json"]);
    assert_eq!(code, 1);
    assert_eq!(json["signature"]["status"], "invalid");
}

#[test]
fn every_ml_dsa_level_signs_and_verifies_and_refuses_a_changed_token() {
    for level in core::alg::MlDsaLevel::ALL {
        let key = keygen::generate(keygen::KeyKind::MlDsa(level)).unwrap();
        let header = format!(r#"{{"alg":"{}"}}"#, level.name());
        let signed =
            core::sign::sign(&header, r#"{"a":1}"#, Some(&key), Default::default()).unwrap();
        let keys = KeySet::of(key);
        let a = core::analyze(&signed.token, Some(&keys), Options::at(0));
        assert_eq!(
            a.signature.status,
            core::SignatureStatus::Verified,
            "{level:?}"
        );
        let changed = signed.token.replacen("eyJh", "eyJi", 2);
        let a = core::analyze(&changed, Some(&keys), Options::at(0));
        assert_ne!(a.signature.status, core::SignatureStatus::Verified);
    }
}
