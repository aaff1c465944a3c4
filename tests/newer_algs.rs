//! The newer algorithms (issue #20): ES256K (RFC 8812, secp256k1) and the fully specified
//! Ed25519 (RFC 9864) sign, verify, make keys and export them; EdDSA keeps working with an info
//! finding; keys marked for one Ed25519 name serve the other.

#![allow(clippy::unwrap_used)] // tests fail loudly by design

use jwt_debugger::core::{self, Alg, Options, SignatureStatus, export, keygen, keys, sign};

const NOW: i64 = 1_800_000_000;

fn round_trip(alg: Alg) -> core::Analysis {
    let key = keygen::generate(keygen::KeyKind::for_alg(alg).unwrap()).unwrap();
    let token = sign::sign(
        &format!(r#"{{"alg":"{alg}"}}"#),
        r#"{"sub":"x"}"#,
        Some(&key),
        sign::Unsecured::Refuse,
    )
    .unwrap()
    .token;
    // Through PEM and through JWK: both forms read back as the same public key.
    for public in [
        export::public_pem(&key).unwrap(),
        export::jwk(&key, false).to_string(),
    ] {
        let set = keys::parse_text(&public).unwrap();
        let a = core::analyze(&token, Some(&set), Options::at(NOW));
        assert_eq!(
            a.signature.status,
            SignatureStatus::Verified,
            "{alg}: {}",
            a.signature.detail
        );
    }
    // Another key of the same kind does not verify it.
    let other = keygen::generate(keygen::KeyKind::for_alg(alg).unwrap()).unwrap();
    let set = keys::parse_text(&export::public_pem(&other).unwrap()).unwrap();
    let a = core::analyze(&token, Some(&set), Options::at(NOW));
    assert_eq!(a.signature.status, SignatureStatus::Invalid, "{alg}");
    core::analyze(
        &token,
        Some(&keys::parse_text(&export::public_pem(&key).unwrap()).unwrap()),
        Options::at(NOW),
    )
}

#[test]
fn es256k_signs_verifies_and_exports_secp256k1_keys() {
    let a = round_trip(Alg::ES256K);
    assert!(
        a.findings.iter().all(|f| f.id.as_str() != "ECDSA_HIGH_S"),
        "signed low-S"
    );
    let key = keygen::generate(keygen::KeyKind::for_alg(Alg::ES256K).unwrap()).unwrap();
    let jwk = export::jwk(&key, false);
    assert_eq!(
        (jwk["kty"].as_str(), jwk["crv"].as_str()),
        (Some("EC"), Some("secp256k1"))
    );
    assert!(
        export::public_pem(&key)
            .unwrap()
            .contains("BEGIN PUBLIC KEY")
    );
    // A P-256 key does not fit ES256K, nor a secp256k1 key ES256.
    assert_eq!(key.algorithms(), vec![Alg::ES256K]);
}

#[test]
fn ed25519_is_eddsa_fully_named_and_eddsa_gets_a_finding() {
    let a = round_trip(Alg::Ed25519);
    assert!(
        a.findings
            .iter()
            .all(|f| f.id.as_str() != "EDDSA_DEPRECATED")
    );
    let a = round_trip(Alg::EdDSA);
    assert!(
        a.findings
            .iter()
            .any(|f| f.id.as_str() == "EDDSA_DEPRECATED")
    );
    // A JWK marked alg EdDSA verifies an Ed25519 token.
    let key = keygen::generate(keygen::KeyKind::for_alg(Alg::Ed25519).unwrap()).unwrap();
    let token = sign::sign(
        r#"{"alg":"Ed25519"}"#,
        "{}",
        Some(&key),
        sign::Unsecured::Refuse,
    )
    .unwrap()
    .token;
    let mut jwk = export::jwk(&key, false);
    jwk["alg"] = "EdDSA".into();
    let set = keys::parse_text(&jwk.to_string()).unwrap();
    let a = core::analyze(&token, Some(&set), Options::at(NOW));
    assert_eq!(
        a.signature.status,
        SignatureStatus::Verified,
        "{}",
        a.signature.detail
    );
}
