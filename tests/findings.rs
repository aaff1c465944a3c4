//! One test per finding rule: a token that triggers it, and the clean token that must not.

#![allow(clippy::unwrap_used)] // tests fail loudly by design

use jwt_debugger::core::{self, Options, b64, keygen, keys, sign};

const NOW: i64 = 1_800_000_000;
const SECRET: &str = "k3V9#pQ2!xL7@wR4$zT8^mN1&bH6*cJ5";

/// Signs the header and payload text exactly as given (duplicates and all) with an HMAC secret.
fn signed(header: &str, payload: &str, secret: &str) -> String {
    let key = keys::parse_secret(secret, keys::SecretEncoding::Utf8).unwrap();
    let alg = sign::header_alg(header).unwrap().1;
    let input = format!("{}.{}", b64::encode(header), b64::encode(payload));
    let sig = sign::sign_input(
        alg,
        input.as_bytes(),
        Some(&key),
        sign::Unsecured::DangerouslyAllow,
    )
    .unwrap();
    format!("{input}.{sig}")
}

fn clean_payload() -> String {
    format!(
        r#"{{"iss":"https://issuer","sub":"u1","aud":"api","iat":{},"exp":{}}}"#,
        NOW - 60,
        NOW + 600
    )
}

fn clean() -> String {
    signed(
        r#"{"alg":"HS256","typ":"at+jwt"}"#,
        &clean_payload(),
        SECRET,
    )
}

fn ids_with(token: &str, key: Option<&str>) -> Vec<&'static str> {
    let keys = key.map(|k| keys::parse_text(k).unwrap());
    core::analyze(token, keys.as_ref(), Options::at(NOW))
        .findings
        .iter()
        .map(|f| f.id.as_str())
        .collect()
}

fn ids(token: &str) -> Vec<&'static str> {
    ids_with(token, Some(SECRET))
}

fn assert_fires(token: &str, id: &str) {
    let found = ids(token);
    assert!(found.contains(&id), "{id} expected, found {found:?}");
}

#[test]
fn clean_token_has_no_findings() {
    assert_eq!(ids(&clean()), Vec::<&str>::new());
    assert_eq!(ids_with(&clean(), None), Vec::<&str>::new());
}

#[test]
fn alg_none_in_any_casing() {
    for alg in ["none", "None", "NONE", "nOnE"] {
        let t = format!(
            "{}.{}.",
            b64::encode(format!(r#"{{"alg":"{alg}"}}"#)),
            b64::encode(clean_payload())
        );
        assert_fires(&t, "ALG_NONE");
    }
}

#[test]
fn empty_signature_under_a_signing_alg() {
    let c = clean();
    let t = &c[..=c.rfind('.').unwrap()];
    assert_fires(t, "EMPTY_SIGNATURE");
}

#[test]
fn hmac_public_key_confusion() {
    let ec = keygen::generate(keygen::KeyKind::Ec(core::alg::Curve::P256)).unwrap();
    let public_pem = core::export::public_pem(&ec).unwrap();
    // The classic forgery: HMAC with the public key's PEM text as the secret.
    let forged = signed(
        r#"{"alg":"HS256","typ":"at+jwt"}"#,
        &clean_payload(),
        &format!("{}\n", public_pem.trim_end()),
    );
    let a = core::analyze(
        &forged,
        Some(&keys::parse_text(&public_pem).unwrap()),
        Options::at(NOW),
    );
    assert_eq!(a.signature.status, core::SignatureStatus::KeyMismatch);
    let f = a.findings.iter().find(|f| f.id == "ALG_CONFUSION").unwrap();
    assert!(
        f.message
            .to_string()
            .contains("computed with the public key's text"),
        "{}",
        f.message
    );
    assert!(!ids(&clean()).contains(&"ALG_CONFUSION"));
}

#[test]
fn key_that_does_not_fit_the_algorithm() {
    let ec = keygen::generate(keygen::KeyKind::Ec(core::alg::Curve::P384)).unwrap();
    let pem = core::export::private_pem(&ec).unwrap();
    let t = format!(
        "{}.{}.{}",
        b64::encode(r#"{"alg":"ES256","typ":"at+jwt"}"#),
        b64::encode(clean_payload()),
        b64::encode([1u8; 64])
    );
    assert!(ids_with(&t, Some(&pem)).contains(&"KEY_ALG_MISMATCH"));
}

#[test]
fn psychic_ecdsa_signatures() {
    let zero = format!(
        "{}.{}.{}",
        b64::encode(r#"{"alg":"ES256","typ":"at+jwt"}"#),
        b64::encode(clean_payload()),
        b64::encode([0u8; 64])
    );
    assert_fires(&zero, "PSYCHIC_SIGNATURE");
    let der = format!(
        "{}.{}.{}",
        b64::encode(r#"{"alg":"ES256","typ":"at+jwt"}"#),
        b64::encode(clean_payload()),
        b64::encode([0x30, 6, 2, 1, 0, 2, 1, 0])
    );
    assert_fires(&der, "PSYCHIC_SIGNATURE");
}

#[test]
fn embedded_jwk_self_signed_is_critical() {
    let key = keygen::generate(keygen::KeyKind::Ed25519).unwrap();
    let jwk = core::export::jwk(&key, false);
    let header = serde_json::json!({"alg": "EdDSA", "typ": "at+jwt", "jwk": jwk}).to_string();
    let t = sign::sign(
        &header,
        &clean_payload(),
        Some(&key),
        sign::Unsecured::Refuse,
    )
    .unwrap()
    .token;
    let a = core::analyze(&t, None, Options::at(NOW));
    let f = a.findings.iter().find(|f| f.id == "EMBEDDED_JWK").unwrap();
    assert_eq!(f.severity, core::Severity::Critical);
    assert!(f.title.to_string().contains("Self-signed"));
}

#[test]
fn signing_refuses_a_header_that_publishes_a_private_key() {
    let key = keygen::generate(keygen::KeyKind::Ed25519).unwrap();
    let header =
        serde_json::json!({"alg": "EdDSA", "jwk": core::export::jwk(&key, true)}).to_string();
    assert_eq!(
        sign::sign(&header, "{}", Some(&key), sign::Unsecured::Refuse).unwrap_err(),
        sign::SignError::EmbeddedPrivateKey
    );
    let t = sign::sign_guarded(
        &header,
        "{}",
        Some(&key),
        sign::Unsecured::Refuse,
        sign::EmbeddedPrivateKey::DangerouslyAllow,
    )
    .unwrap()
    .token;
    let a = core::analyze(&t, None, Options::at(NOW));
    assert!(
        a.findings
            .iter()
            .any(|f| f.id == "EMBEDDED_JWK" && f.title.to_string().contains("private key"))
    );
}

#[test]
fn remote_key_urls_and_risky_hosts() {
    let t = signed(
        r#"{"alg":"HS256","typ":"at+jwt","jku":"http://127.0.0.1/keys"}"#,
        &clean_payload(),
        SECRET,
    );
    let a = core::analyze(&t, None, Options::at(NOW));
    let f = a
        .findings
        .iter()
        .find(|f| f.id == "REMOTE_KEY_URL")
        .unwrap();
    assert!(f.message.to_string().contains("local/private host"));
    assert_fires(
        &signed(
            r#"{"alg":"HS256","typ":"at+jwt","x5u":"https://pki.example/cert"}"#,
            &clean_payload(),
            SECRET,
        ),
        "REMOTE_KEY_URL",
    );
}

#[test]
fn suspicious_kid() {
    for kid in ["../../dev/null", "x' OR '1'='1", "key|id", "$(id)"] {
        let t = signed(
            &serde_json::json!({"alg": "HS256", "typ": "at+jwt", "kid": kid}).to_string(),
            &clean_payload(),
            SECRET,
        );
        assert_fires(&t, "KID_SUSPICIOUS");
    }
    let t = signed(
        r#"{"alg":"HS256","typ":"at+jwt","kid":"2024-05-key-1"}"#,
        &clean_payload(),
        SECRET,
    );
    assert!(!ids(&t).contains(&"KID_SUSPICIOUS"));
}

#[test]
fn crit_problems() {
    for header in [
        r#"{"alg":"HS256","typ":"at+jwt","crit":["http://example.com/ext"],"http://example.com/ext":true}"#,
        r#"{"alg":"HS256","typ":"at+jwt","crit":[]}"#,
        r#"{"alg":"HS256","typ":"at+jwt","crit":["alg"]}"#,
        r#"{"alg":"HS256","typ":"at+jwt","crit":["b64","b64"],"b64":true}"#,
    ] {
        assert_fires(&signed(header, &clean_payload(), SECRET), "CRIT_UNKNOWN");
    }
    let ok = signed(
        r#"{"alg":"HS256","typ":"at+jwt","crit":["b64"],"b64":true}"#,
        &clean_payload(),
        SECRET,
    );
    assert!(!ids(&ok).contains(&"CRIT_UNKNOWN"));
}

#[test]
fn weak_secrets_short_known_empty_and_low_variety() {
    let short = signed(
        r#"{"alg":"HS256","typ":"at+jwt"}"#,
        &clean_payload(),
        "shorty",
    );
    assert!(ids_with(&short, Some("shorty")).contains(&"WEAK_HMAC_KEY"));
    // jwt.io's default secret, the old one and the new one (2025), found without a key.
    for secret in [
        "your-256-bit-secret",
        "a-string-secret-at-least-256-bits-long",
    ] {
        let known = signed(
            r#"{"alg":"HS256","typ":"at+jwt"}"#,
            &clean_payload(),
            secret,
        );
        let a = core::analyze(&known, None, Options::at(NOW));
        let f = a.findings.iter().find(|f| f.id == "WEAK_HMAC_KEY").unwrap();
        assert_eq!(f.severity, core::Severity::Critical, "{secret}");
        assert!(f.title.to_string().contains(secret), "{secret}");
    }
    let zeros = "00".repeat(32);
    let t = {
        let key = keys::parse_secret(&zeros, keys::SecretEncoding::Hex).unwrap();
        sign::sign(
            r#"{"alg":"HS256","typ":"at+jwt"}"#,
            &clean_payload(),
            Some(&key),
            sign::Unsecured::Refuse,
        )
        .unwrap()
        .token
    };
    assert!(ids_with(&t, Some(&zeros)).contains(&"WEAK_HMAC_KEY"));
}

#[test]
fn short_rsa_key() {
    let key = keygen::generate(keygen::KeyKind::Rsa(1024)).unwrap();
    // A 1024-bit key cannot sign here at all; the finding is about the key offered to verify.
    let err = sign::sign(
        r#"{"alg":"RS256"}"#,
        "{}",
        Some(&key),
        sign::Unsecured::Refuse,
    )
    .unwrap_err();
    assert!(err.to_string().contains("2048"), "{err}");
    let t = format!(
        "{}.{}.{}",
        b64::encode(r#"{"alg":"RS256","typ":"at+jwt"}"#),
        b64::encode(clean_payload()),
        b64::encode([7u8; 128])
    );
    let pem = core::export::public_pem(&key).unwrap();
    assert!(ids_with(&t, Some(&pem)).contains(&"SHORT_RSA_KEY"));
    let big = keygen::generate(keygen::KeyKind::Rsa(2048)).unwrap();
    let t = sign::sign(
        r#"{"alg":"RS256","typ":"at+jwt"}"#,
        &clean_payload(),
        Some(&big),
        sign::Unsecured::Refuse,
    )
    .unwrap()
    .token;
    assert_eq!(
        ids_with(&t, Some(&core::export::public_pem(&big).unwrap())),
        Vec::<&str>::new()
    );
}

#[test]
fn noncanonical_base64_and_bad_characters() {
    let c = clean();
    let padded = c.replacen('.', "==.", 1);
    assert_fires(&padded, "BASE64_NONCANONICAL");
    let bad = c.replacen('.', ".@", 1);
    assert_fires(&bad, "BASE64_NONCANONICAL");
}

#[test]
fn duplicate_members_with_both_values() {
    let t = signed(
        r#"{"alg":"HS256","typ":"at+jwt"}"#,
        &format!(
            r#"{{"sub":"alice","sub":"admin","aud":"api","exp":{}}}"#,
            NOW + 60
        ),
        SECRET,
    );
    let a = core::analyze(&t, None, Options::at(NOW));
    let f = a
        .findings
        .iter()
        .find(|f| f.id == "DUPLICATE_MEMBER")
        .unwrap();
    assert!(
        f.message.to_string().contains("\"alice\"") && f.message.to_string().contains("\"admin\"")
    );
}

#[test]
fn payload_and_header_that_are_not_utf8() {
    let t = format!(
        "{}.{}.",
        b64::encode(r#"{"alg":"none"}"#),
        b64::encode([0xff, 0xfe])
    );
    assert_fires(&t, "NOT_UTF8");
    let t = format!("{}.e30.", b64::encode([b'{', 0xff, b'}']));
    assert_fires(&t, "NOT_UTF8");
    assert!(
        !ids(&t).contains(&"BASE64_NONCANONICAL"),
        "a UTF-8 problem is not a base64 one"
    );
}

#[test]
fn missing_exp_long_lifetime_and_bad_dates() {
    assert_fires(
        &signed(
            r#"{"alg":"HS256","typ":"at+jwt"}"#,
            r#"{"sub":"x","aud":"api"}"#,
            SECRET,
        ),
        "NO_EXP",
    );
    let long = format!(r#"{{"aud":"api","iat":{NOW},"exp":{}}}"#, NOW + 30 * 86_400);
    assert_fires(
        &signed(r#"{"alg":"HS256","typ":"at+jwt"}"#, &long, SECRET),
        "LONG_LIFETIME",
    );
    for exp in ["\"tomorrow\"", "1800000000000", "-5", "1800000000.5"] {
        let p = format!(r#"{{"aud":"api","exp":{exp}}}"#);
        assert_fires(
            &signed(r#"{"alg":"HS256","typ":"at+jwt"}"#, &p, SECRET),
            "BAD_NUMERIC_DATE",
        );
    }
}

#[test]
fn json_serialization_instead_of_compact() {
    let c = clean();
    let parts: Vec<&str> = c.split('.').collect();
    let json = format!(
        r#"{{"payload":"{}","protected":"{}","header":{{"kid":"x"}},"signature":"{}"}}"#,
        parts[1], parts[0], parts[2]
    );
    assert_fires(&json, "NOT_COMPACT");
    assert_fires(r#"{"payload":"e30""#, "NOT_COMPACT");
}

#[test]
fn nested_tokens_by_cty_and_by_claim() {
    let t = signed(
        r#"{"alg":"HS256","typ":"at+jwt","cty":"JWT"}"#,
        &clean_payload(),
        SECRET,
    );
    assert_fires(&t, "NESTED_TOKEN");
    let inner = clean();
    let p = format!(r#"{{"aud":"api","exp":{},"id_token":"{inner}"}}"#, NOW + 60);
    assert_fires(
        &signed(r#"{"alg":"HS256","typ":"at+jwt"}"#, &p, SECRET),
        "NESTED_TOKEN",
    );
}

#[test]
fn encrypted_tokens_and_compression() {
    let h = b64::encode(r#"{"alg":"RSA-OAEP","enc":"A256GCM","zip":"DEF"}"#);
    let t = format!("{h}.a2V5.aXY.Y2lwaGVy.dGFn");
    let found = ids(&t);
    assert!(
        found.contains(&"JWE") && found.contains(&"JWE_ZIP"),
        "{found:?}"
    );
}

#[test]
fn oversized_input_and_deep_json() {
    let deep = format!(
        "{}.e30.",
        b64::encode(format!("{}{}", "[".repeat(300), "]".repeat(300)))
    );
    assert_fires(&deep, "OVERSIZED");
    let huge = "a".repeat(core::parse::MAX_INPUT_BYTES + 1);
    assert_fires(&huge, "OVERSIZED");
    let deep_payload = format!(
        "eyJhbGciOiJub25lIn0.{}.",
        b64::encode(format!("{}{}", "[".repeat(300), "]".repeat(300)))
    );
    assert_fires(&deep_payload, "OVERSIZED");
    let a = core::analyze(&deep_payload, None, Options::at(NOW));
    assert_eq!(
        a.decoded.errors[0].to_string(),
        "payload: JSON nested deeper than 128 levels, the limit"
    );
}

#[test]
fn generic_or_missing_typ_is_noted() {
    assert_fires(
        &signed(r#"{"alg":"HS256"}"#, &clean_payload(), SECRET),
        "TYP_NOT_EXPLICIT",
    );
    assert_fires(
        &signed(r#"{"alg":"HS256","typ":"JWT"}"#, &clean_payload(), SECRET),
        "TYP_NOT_EXPLICIT",
    );
}

#[test]
fn audience_problems() {
    let none = format!(r#"{{"sub":"x","scope":"read","exp":{}}}"#, NOW + 60);
    assert_fires(
        &signed(r#"{"alg":"HS256","typ":"JWT"}"#, &none, SECRET),
        "AUDIENCE",
    );
    let plain = format!(r#"{{"sub":"x","exp":{}}}"#, NOW + 60);
    assert!(
        !ids(&signed(
            r#"{"alg":"HS256","typ":"secevent+jwt"}"#,
            &plain,
            SECRET
        ))
        .contains(&"AUDIENCE")
    );
    let many = format!(r#"{{"aud":["a","b"],"exp":{}}}"#, NOW + 60);
    assert_fires(
        &signed(r#"{"alg":"HS256","typ":"at+jwt"}"#, &many, SECRET),
        "AUDIENCE",
    );
    let with_azp = format!(r#"{{"aud":["a","b"],"azp":"a","exp":{}}}"#, NOW + 60);
    assert!(
        !ids(&signed(
            r#"{"alg":"HS256","typ":"at+jwt"}"#,
            &with_azp,
            SECRET
        ))
        .contains(&"AUDIENCE")
    );
}

#[test]
fn sensitive_looking_data() {
    for extra in [
        r#""password":"hunter2""#,
        r#""card":"4111 1111 1111 1111""#,
        r#""note":"-----BEGIN PRIVATE KEY-----""#,
        r#""k":"AKIAIOSFODNN7EXAMPLE""#,
    ] {
        let p = format!(r#"{{"aud":"api","exp":{},{extra}}}"#, NOW + 60);
        assert_fires(
            &signed(r#"{"alg":"HS256","typ":"at+jwt"}"#, &p, SECRET),
            "SENSITIVE_DATA",
        );
    }
    let p = format!(
        r#"{{"aud":"api","exp":{},"password_changed_at":"yesterday","order":"4111"}}"#,
        NOW + 60
    );
    assert!(
        !ids(&signed(r#"{"alg":"HS256","typ":"at+jwt"}"#, &p, SECRET)).contains(&"SENSITIVE_DATA")
    );
}

#[test]
fn rfc_examples_get_only_the_findings_they_deserve() {
    let a1 = "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    let found = ids_with(
        a1,
        Some(
            "b64url:AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow",
        ),
    );
    assert_eq!(found, ["TYP_NOT_EXPLICIT"], "only the generic typ");
    let a2 = core::analyze(a1, None, Options::at(1_400_000_000));
    assert_eq!(
        a2.validity.state,
        core::ValidityState::Expired,
        "and it is expired"
    );
}
