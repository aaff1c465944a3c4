//! Sign → verify round trips for every algorithm and every key format, with random payloads.

#![allow(clippy::unwrap_used)] // tests fail loudly by design

use std::sync::OnceLock;

use jwt_debugger::core::{
    self, Alg, KeySet, Options, SignatureStatus, export,
    keygen::{self, KeyKind},
    keys, sign,
};
use proptest::prelude::*;

/// One generated key per algorithm, shared by all cases (RSA generation is slow).
fn key_for(alg: Alg) -> &'static core::Key {
    static KEYS: OnceLock<Vec<(Alg, core::Key)>> = OnceLock::new();
    let all = KEYS.get_or_init(|| {
        let mut rsa: Option<core::Key> = None;
        Alg::ALL
            .into_iter()
            .filter(|a| *a != Alg::None)
            .map(|a| {
                let kind = KeyKind::for_alg(a).unwrap();
                let key = match kind {
                    KeyKind::Rsa(_) => rsa
                        .get_or_insert_with(|| keygen::generate(kind).unwrap())
                        .clone(),
                    _ => keygen::generate(kind).unwrap(),
                };
                (a, key)
            })
            .collect()
    });
    &all.iter().find(|(a, _)| *a == alg).unwrap().1
}

/// The private key written in every format it has, read back.
fn signing_forms(key: &core::Key) -> Vec<(String, KeySet)> {
    let mut forms = Vec::new();
    if key.is_secret() {
        let jwk = export::jwk(key, true);
        let k = jwk["k"].as_str().unwrap().to_owned();
        forms.push((
            "b64url secret".into(),
            keys::KeySet {
                keys: vec![keys::parse_secret(&k, keys::SecretEncoding::Base64Url).unwrap()],
                is_set: false,
                skipped: Vec::new(),
            },
        ));
        forms.push(("JWK".into(), keys::parse_text(&jwk.to_string()).unwrap()));
        return forms;
    }
    forms.push((
        "PKCS#8 PEM".into(),
        keys::parse_text(&export::private_pem(key).unwrap()).unwrap(),
    ));
    if let Ok(pem) = export::private_pem_traditional(key) {
        forms.push(("PKCS#1/SEC1 PEM".into(), keys::parse_text(&pem).unwrap()));
    }
    forms.push((
        "private JWK".into(),
        keys::parse_text(&export::jwk(key, true).to_string()).unwrap(),
    ));
    forms
}

/// The public key written in every format it has, read back (secrets verify as themselves).
fn verifying_forms(key: &core::Key) -> Vec<(String, KeySet)> {
    if key.is_secret() {
        return signing_forms(key);
    }
    let jwk = export::jwk(key, false);
    let mut forms = vec![
        (
            "SPKI PEM".to_owned(),
            keys::parse_text(&export::public_pem(key).unwrap()).unwrap(),
        ),
        (
            "JWK".to_owned(),
            keys::parse_text(&jwk.to_string()).unwrap(),
        ),
        (
            "JWKS".to_owned(),
            keys::parse_text(&serde_json::json!({"keys": [jwk]}).to_string()).unwrap(),
        ),
    ];
    let pem = export::public_pem(key).unwrap();
    let (_, der) = pkcs8::der::pem::decode_vec(pem.as_bytes()).unwrap();
    forms.push(("SPKI DER".to_owned(), keys::parse_bytes(&der).unwrap()));
    if let Ok(pkcs1) = export::public_pem_pkcs1(key) {
        forms.push((
            "PKCS#1 public PEM".to_owned(),
            keys::parse_text(&pkcs1).unwrap(),
        ));
    }
    forms
}

fn claims() -> impl Strategy<Value = serde_json::Map<String, serde_json::Value>> {
    prop::collection::vec(
        (
            "[a-z_]{1,12}",
            prop_oneof![
                any::<i64>().prop_map(serde_json::Value::from),
                ".{0,40}".prop_map(serde_json::Value::from)
            ],
        ),
        0..6,
    )
    .prop_map(|pairs| pairs.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn every_algorithm_signs_and_verifies_in_every_key_format(claims in claims()) {
        let payload = serde_json::Value::Object(claims).to_string();
        for alg in Alg::ALL.into_iter().filter(|a| *a != Alg::None) {
            let key = key_for(alg);
            let header = format!(r#"{{"alg":"{alg}","typ":"JWT","x-custom":[1,2]}}"#);
            for (sform, signer) in signing_forms(key) {
                let signed = sign::sign(&header, &payload, signer.keys.first(), sign::Unsecured::Refuse)
                    .unwrap_or_else(|e| panic!("{alg} with {sform}: {e}"));
                for (vform, verifier) in verifying_forms(key) {
                    let a = core::analyze(&signed.token, Some(&verifier), Options::at(0));
                    prop_assert_eq!(a.signature.status, SignatureStatus::Verified,
                        "{} signed with {} and verified with {}: {}", alg, sform, vform, a.signature.detail);
                    prop_assert_eq!(core::json::to_compact(a.decoded.header.as_ref().unwrap()), header.clone());
                }
            }
        }
    }

    #[test]
    fn a_changed_payload_never_verifies(claims in claims(), flip in 0usize..64) {
        let payload = serde_json::Value::Object(claims).to_string();
        for alg in [Alg::HS256, Alg::ES256, Alg::EdDSA, Alg::PS256, Alg::ES512] {
            let key = key_for(alg);
            let signed = sign::sign(&format!(r#"{{"alg":"{alg}"}}"#), &payload, Some(key), sign::Unsecured::Refuse).unwrap();
            let mut parts: Vec<String> = signed.token.split('.').map(str::to_owned).collect();
            // Any change of the payload bytes, even white space, must break the signature.
            let changed = if flip % 2 == 0 { format!("{payload} ") } else { format!(" {payload}") };
            parts[1] = core::b64::encode(changed.as_bytes());
            let forged = parts.join(".");
            let set = keys::parse_text(&export::jwk(key, key.is_secret()).to_string()).unwrap();
            let a = core::analyze(&forged, Some(&set), Options::at(0));
            prop_assert_eq!(a.signature.status, SignatureStatus::Invalid);
        }
    }
}

#[test]
fn secret_only_signs_hmac_and_public_key_cannot_sign() {
    let rsa_public = keys::parse_text(&export::public_pem(key_for(Alg::RS256)).unwrap()).unwrap();
    let err = sign::sign(
        r#"{"alg":"RS256"}"#,
        "{}",
        rsa_public.keys.first(),
        sign::Unsecured::Refuse,
    )
    .unwrap_err();
    assert!(
        err.to_string().starts_with("cannot sign with a public key"),
        "{err}"
    );
    let err = sign::sign(r#"{"alg":"none"}"#, "{}", None, sign::Unsecured::Refuse).unwrap_err();
    assert_eq!(err, sign::SignError::UnsecuredNotAllowed);
    let unsigned = sign::sign(
        r#"{"alg":"none"}"#,
        "{}",
        None,
        sign::Unsecured::DangerouslyAllow,
    )
    .unwrap();
    assert!(unsigned.token.ends_with('.'));
    let a = core::analyze(&unsigned.token, Some(&rsa_public), Options::at(0));
    assert_eq!(a.signature.status, SignatureStatus::Unsigned);
}

#[test]
fn signing_keeps_header_members_in_order_including_unknown_ones() {
    let key = keys::parse_text("a-string-secret-at-least-256-bits-long").unwrap();
    let header = r#"{"zzz":1,"alg":"HS256","kid":"k-1","big":123456789012345678901234567890}"#;
    let signed = sign::sign(
        header,
        r#"{"b":1,"a":2}"#,
        key.keys.first(),
        sign::Unsecured::Refuse,
    )
    .unwrap();
    let a = core::analyze(&signed.token, Some(&key), Options::at(0));
    assert_eq!(a.signature.status, SignatureStatus::Verified);
    assert_eq!(a.decoded.header_text.as_deref(), Some(header));
    assert_eq!(
        core::json::to_compact(
            a.decoded
                .claims()
                .map(|c| serde_json::Value::Object(c.clone()))
                .as_ref()
                .unwrap()
        ),
        r#"{"b":1,"a":2}"#
    );
}
