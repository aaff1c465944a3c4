//! Random and hostile input must never panic: every path returns a message instead.

#![allow(clippy::unwrap_used)] // tests fail loudly by design

use jwt_debugger::core::{self, Alg, Options, b64, keys, sign};
use proptest::prelude::*;

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 256,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Tokens that are structurally plausible: random headers with real alg names, random bytes.
fn plausible_token() -> impl Strategy<Value = String> {
    let alg = prop_oneof![
        prop::sample::select(
            Alg::ALL
                .iter()
                .map(|a| a.name().to_owned())
                .collect::<Vec<_>>()
        ),
        "[a-zA-Z0-9]{0,8}",
    ];
    let header =
        (alg, prop::option::of("[ -~]{0,20}"), any::<bool>()).prop_map(|(alg, kid, crit)| {
            let mut h = serde_json::json!({ "alg": alg });
            if let Some(kid) = kid {
                h["kid"] = kid.into();
            }
            if crit {
                h["crit"] = serde_json::json!(["b64", "exp"]);
                h["b64"] = false.into();
            }
            h.to_string()
        });
    let payload = prop_oneof![
        prop::collection::vec(any::<u8>(), 0..64),
        "[ -~]{0,64}".prop_map(String::into_bytes),
        Just(br#"{"exp":1e400,"nbf":-1,"iat":"x","a":1,"a":2}"#.to_vec()),
    ];
    let sig = prop::collection::vec(any::<u8>(), 0..140);
    (header, payload, sig)
        .prop_map(|(h, p, s)| format!("{}.{}.{}", b64::encode(h), b64::encode(p), b64::encode(s)))
}

fn any_key() -> impl Strategy<Value = String> {
    prop_oneof![
        "[ -~]{0,40}",
        Just(r#"{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}"#.to_owned()),
        Just(r#"{"kty":"EC","crv":"P-256","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU","y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"}"#.to_owned()),
        Just(r#"{"kty":"oct","k":""}"#.to_owned()),
        "[A-Za-z0-9_-]{0,90}".prop_map(|x| format!(r#"{{"kty":"EC","crv":"P-521","x":"{x}","y":"{x}"}}"#)),
        "[A-Za-z0-9_-]{0,60}".prop_map(|x| format!(r#"{{"kty":"OKP","crv":"Ed25519","x":"{x}","d":"{x}"}}"#)),
        "[A-Za-z0-9_-]{0,400}".prop_map(|n| format!(r#"{{"kty":"RSA","n":"{n}","e":"AQAB"}}"#)),
        ("[A-Za-z0-9_-]{0,90}", "[A-Za-z0-9_-]{0,90}", "[A-Za-z0-9_-]{0,4}").prop_map(|(n, d, p)| {
            format!(r#"{{"kty":"RSA","n":"{n}","e":"AQAB","d":"{d}","p":"{p}","q":"{p}"}}"#)
        }),
        ("[A-Za-z0-9_-]{0,90}", "[A-Za-z0-9_-]{0,90}").prop_map(|(n, d)| {
            format!(r#"{{"kty":"RSA","n":"{n}","e":"AQAB","d":"{d}"}}"#)
        }),
        "[A-Za-z0-9+/=\n]{0,300}".prop_map(|b| format!("-----BEGIN PUBLIC KEY-----\n{b}\n-----END PUBLIC KEY-----")),
        "[A-Za-z0-9+/=\n]{0,300}".prop_map(|b| format!("-----BEGIN EC PRIVATE KEY-----\n{b}\n-----END EC PRIVATE KEY-----")),
    ]
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn arbitrary_text_never_panics(input in "\\PC{0,300}") {
        let a = core::analyze(&input, None, Options::at(0));
        let _ = a.to_json();
    }

    #[test]
    fn plausible_tokens_with_any_key_never_panic(token in plausible_token(), key in any_key(), now in any::<i64>()) {
        let keys = keys::parse_text(&key).ok();
        let a = core::analyze(&token, keys.as_ref(), Options { now, leeway_secs: 60, ..Options::default() });
        prop_assert!(a.signature.status != core::SignatureStatus::Verified || keys.is_some());
        let _ = a.to_json();
    }

    #[test]
    fn arbitrary_key_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let _ = keys::parse_bytes(&bytes);
        let mut der = vec![0x30];
        der.extend_from_slice(&bytes);
        let _ = keys::parse_bytes(&der);
    }

    #[test]
    fn signing_arbitrary_json_never_panics(header in "\\PC{0,60}", payload in "\\PC{0,60}", key in any_key()) {
        let keys = keys::parse_text(&key).ok();
        let _ = sign::sign(&header, &payload, keys.as_ref().and_then(|k| k.keys.first()), sign::Unsecured::Refuse);
    }
}

#[test]
fn nesting_and_size_limits_are_named() {
    let deep = format!(
        "{}.e30.",
        b64::encode(format!("{}1{}", "[".repeat(500), "]".repeat(500)))
    );
    let a = core::analyze(&deep, None, Options::at(0));
    assert!(
        a.decoded.errors[0]
            .message
            .to_string()
            .contains("nested deeper than 128 levels"),
        "{:?}",
        a.decoded.errors
    );
    let huge = "a".repeat(core::parse::MAX_INPUT_BYTES + 10);
    let a = core::analyze(&huge, None, Options::at(0));
    assert!(a.decoded.errors[0].message.to_string().contains("16 MiB"));
}

#[test]
fn one_mebibyte_payload_decodes() {
    let payload = serde_json::json!({ "blob": "x".repeat(1 << 20) }).to_string();
    let token = format!(
        "{}.{}.",
        b64::encode(r#"{"alg":"none"}"#),
        b64::encode(payload)
    );
    let a = core::analyze(&token, None, Options::at(0));
    assert!(a.decoded.errors.is_empty());
    assert_eq!(
        a.decoded.claims().unwrap()["blob"].as_str().unwrap().len(),
        1 << 20
    );
}

/// One signed token per algorithm family, with the key set that verifies it.
fn signed_tokens() -> &'static Vec<(String, keys::KeySet)> {
    use std::sync::OnceLock;
    static TOKENS: OnceLock<Vec<(String, keys::KeySet)>> = OnceLock::new();
    TOKENS.get_or_init(|| {
        use core::keygen::{KeyKind, generate};
        [
            (Alg::HS256, KeyKind::Secret(32)),
            (Alg::ES256, KeyKind::Ec(core::alg::Curve::P256)),
            (Alg::ES512, KeyKind::Ec(core::alg::Curve::P521)),
            (Alg::EdDSA, KeyKind::Ed25519),
            (Alg::PS256, KeyKind::Rsa(2048)),
        ]
        .into_iter()
        .map(|(alg, kind)| {
            let key = generate(kind).unwrap();
            let token = sign::sign(
                &format!(r#"{{"alg":"{}"}}"#, alg.name()),
                r#"{"sub":"tamper"}"#,
                Some(&key),
                sign::Unsecured::Refuse,
            )
            .unwrap()
            .token;
            let set = keys::KeySet {
                keys: vec![key],
                is_set: false,
                skipped: Vec::new(),
            };
            (token, set)
        })
        .collect()
    })
}

/// True when `changed` is the (r, n−s) twin of `original` for an ES* signature.
fn is_ecdsa_twin(alg: &str, original: &[u8], changed: &[u8]) -> bool {
    let twin = |bytes: &[u8]| -> Option<Vec<u8>> {
        match alg {
            "ES256" => {
                let s = p256::ecdsa::Signature::from_slice(bytes).ok()?;
                let (r, s) = s.split_scalars();
                Some(
                    p256::ecdsa::Signature::from_scalars(r, -*s)
                        .ok()?
                        .to_bytes()
                        .to_vec(),
                )
            }
            "ES512" => {
                let s = p521::ecdsa::Signature::from_slice(bytes).ok()?;
                let (r, s) = s.split_scalars();
                Some(
                    p521::ecdsa::Signature::from_scalars(r, -*s)
                        .ok()?
                        .to_bytes()
                        .to_vec(),
                )
            }
            _ => None,
        }
    };
    twin(original).as_deref() == Some(changed)
}

proptest! {
    #![proptest_config(config())]

    /// Any change to the signature bytes is caught, except the documented ECDSA high-S twin.
    #[test]
    fn a_changed_signature_never_verifies(
        which in 0usize..5,
        edits in prop::collection::vec((any::<prop::sample::Index>(), 1u8..=255), 1..4),
    ) {
        let (token, set) = &signed_tokens()[which];
        let parts: Vec<&str> = token.split('.').collect();
        let original = b64::decode(parts[2]).unwrap().bytes;
        let mut sig = original.clone();
        for (at, flip) in &edits {
            let i = at.index(sig.len());
            sig[i] ^= flip;
        }
        prop_assume!(sig != original);
        let tampered = format!("{}.{}.{}", parts[0], parts[1], b64::encode(&sig));
        let a = core::analyze(&tampered, Some(set), Options::at(0));
        let alg = a.decoded.alg_name().unwrap_or_default().to_owned();
        if a.signature.status == core::SignatureStatus::Verified {
            prop_assert!(is_ecdsa_twin(&alg, &original, &sig), "{alg}: a changed signature verified");
        }
    }
}
