//! Token kinds through the real binary (issue #20): for each kind a valid token passes, and each
//! rule broken once fails with that rule's id and exits 1; rules that need an input not given
//! leave the profile `incomplete` (exit 0).

#![allow(clippy::unwrap_used)] // tests fail loudly by design

use jwt_debugger::core::{Key, alg::Curve, export, keygen, profile, sign};
use serde_json::{Value, json};

mod common;
use common::bin;

const NOW: i64 = 1_800_000_000;
const SECRET: &str = "a-string-secret-at-least-256-bits-long";

fn hs(header: Value, claims: &Value) -> String {
    let key = jwt_debugger::core::keys::parse_text(SECRET).unwrap();
    sign::sign(
        &header.to_string(),
        &claims.to_string(),
        key.keys.first(),
        sign::Unsecured::Refuse,
    )
    .unwrap()
    .token
}

fn es(key: &Key, header: Value, claims: &Value) -> String {
    sign::sign(
        &header.to_string(),
        &claims.to_string(),
        Some(key),
        sign::Unsecured::Refuse,
    )
    .unwrap()
    .token
}

/// `decode --json --now NOW ARGS…`: the exit code and the profile member.
fn decode(token: &str, args: &[&str]) -> (i32, Value) {
    let out = bin()
        .args(["decode", token, "--json", "--now", &NOW.to_string()])
        .args(args)
        .output()
        .unwrap();
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|_| {
        panic!("{}", String::from_utf8_lossy(&out.stderr));
    });
    (out.status.code().unwrap(), doc["profile"].clone())
}

fn failed(profile: &Value) -> Vec<String> {
    profile["checks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["status"] == "fail")
        .map(|c| c["id"].as_str().unwrap().to_owned())
        .collect()
}

/// A valid token passes; removing each listed claim fails with its id.
fn each_claim_is_required(header: Value, claims: Value, names: &[&str], name: &str, args: &[&str]) {
    let (code, p) = decode(&hs(header.clone(), &claims), args);
    assert_eq!(p["name"], name, "{p:#}");
    assert_eq!(p["status"], "valid", "{p:#}");
    assert_eq!(code, 0);
    for n in names {
        let mut broken = claims.clone();
        broken.as_object_mut().unwrap().remove(*n);
        let (code, p) = decode(&hs(header.clone(), &broken), args);
        assert_eq!(p["status"], "invalid", "{name} without {n}: {p:#}");
        assert!(
            failed(&p).contains(&n.to_string()),
            "{name} without {n}: {p:#}"
        );
        assert_eq!(code, 1, "{name} without {n}");
    }
}

#[test]
fn access_tokens_follow_rfc_9068() {
    let header = json!({"alg": "HS256", "typ": "at+jwt"});
    let claims = json!({"iss": "https://as.example", "exp": NOW + 300, "aud": "https://rs.example",
        "sub": "u1", "client_id": "c1", "iat": NOW - 10, "jti": "j1", "scope": "read"});
    each_claim_is_required(
        header,
        claims.clone(),
        &["iss", "exp", "aud", "sub", "client_id", "iat", "jti"],
        "access_token",
        &[],
    );
    // Asked to check it as an access token, a token typed JWT fails on typ.
    let (code, p) = decode(
        &hs(json!({"alg": "HS256", "typ": "JWT"}), &claims),
        &["--profile", "access_token"],
    );
    assert_eq!(p["source"], "option");
    assert_eq!(failed(&p), ["typ"]);
    assert_eq!(code, 1);
}

#[test]
fn a_token_of_one_kind_checked_as_another_fails_with_the_reason() {
    let logout = json!({"iss": "https://op.example", "aud": "c1", "iat": NOW, "jti": "j",
        "sid": "s1", "events": {profile_event(): {}}});
    let token = hs(json!({"alg": "HS256", "typ": "logout+jwt"}), &logout);
    let (code, p) = decode(&token, &["--profile", "access_token"]);
    assert!(failed(&p).contains(&"typ".to_owned()), "{p:#}");
    let typ = p["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "typ")
        .unwrap();
    assert_eq!(
        typ["detail"],
        "typ is logout+jwt (logout token), not a token of this kind (access token): RFC 8725 \
         §3.11, one kind must not pass for another"
    );
    assert_eq!(code, 1);
}

fn profile_event() -> &'static str {
    "http://schemas.openid.net/event/backchannel-logout"
}

#[test]
fn logout_and_security_event_tokens() {
    let header = json!({"alg": "HS256", "typ": "logout+jwt"});
    let claims = json!({"iss": "https://op.example", "aud": "c1", "iat": NOW, "jti": "j",
        "sid": "s1", "events": {profile_event(): {}}});
    each_claim_is_required(
        header.clone(),
        claims.clone(),
        &["iss", "aud", "iat", "jti", "events"],
        "logout_token",
        &[],
    );
    let mut with_nonce = claims.clone();
    with_nonce["nonce"] = json!("n");
    let (code, p) = decode(&hs(header.clone(), &with_nonce), &[]);
    assert_eq!(failed(&p), ["nonce"]);
    assert_eq!(code, 1);
    let mut nobody = claims.clone();
    nobody.as_object_mut().unwrap().remove("sid");
    assert_eq!(failed(&decode(&hs(header, &nobody), &[]).1), ["sid"]);
    // Detected from its claims alone.
    let (_, p) = decode(&hs(json!({"alg": "HS256"}), &claims), &[]);
    assert_eq!(
        (p["name"].as_str(), p["source"].as_str()),
        (Some("logout_token"), Some("claims"))
    );

    let set = json!({"iss": "https://tx.example", "jti": "e1", "iat": NOW,
        "events": {"https://schemas.openid.net/secevent/risc/event-type/account-disabled": {"subject": {"format": "email", "email": "a@b.example"}}}});
    let header = json!({"alg": "HS256", "typ": "secevent+jwt"});
    each_claim_is_required(
        header.clone(),
        set.clone(),
        &["iss", "jti", "iat", "events"],
        "security_event",
        &[],
    );
    let mut expiring = set.clone();
    expiring["exp"] = json!(NOW + 60);
    assert_eq!(failed(&decode(&hs(header, &expiring), &[]).1), ["exp"]);
}

#[test]
fn id_tokens_check_azp_nonce_and_the_half_hashes_of_each_size() {
    let at = "jHkWEdUXMU1BwAsC4vtUsZwnNvTIxEl0z9K3vx5KF0Y";
    let code = "Qcb0Orv1zh30vL1MPRsbm-diHiMwcLyZvn1arpZv-Jxf_11jnpEX3Tgfvk";
    // OpenID Connect Core A.3/A.4 (RS256, SHA-256).
    assert_eq!(
        profile::half_hash("RS256", at).unwrap(),
        "77QmUPtjPfzWtF2AnpK9RQ"
    );
    assert_eq!(
        profile::half_hash("RS256", code).unwrap(),
        "LDktKdoQak3Pk0cnXxCltA"
    );
    for (alg, len) in [("HS256", 22), ("HS384", 32), ("HS512", 43)] {
        let at_hash = profile::half_hash(alg, at).unwrap();
        assert_eq!(at_hash.len(), len, "{alg}");
        let claims = json!({"iss": "https://op.example", "sub": "u", "aud": "c1", "exp": NOW + 60,
            "iat": NOW, "nonce": "n-1", "at_hash": at_hash, "c_hash": profile::half_hash(alg, code).unwrap()});
        let token = hs(json!({"alg": alg}), &claims);
        let (exit, p) = decode(
            &token,
            &["--access-token", at, "--code", code, "--nonce", "n-1"],
        );
        assert_eq!(p["name"], "id_token", "{p:#}");
        assert_eq!(p["status"], "valid", "{alg}: {p:#}");
        assert_eq!(exit, 0);
        let (exit, p) = decode(
            &token,
            &[
                "--access-token",
                "another",
                "--code",
                "other",
                "--nonce",
                "n-2",
            ],
        );
        let mut f = failed(&p);
        f.sort();
        assert_eq!(f, ["at_hash", "c_hash", "nonce"], "{alg}");
        assert_eq!(exit, 1);
        // Without the inputs the hashes wait: incomplete, exit 0.
        let (exit, p) = decode(&token, &[]);
        assert_eq!(p["status"], "incomplete");
        assert_eq!(exit, 0);
    }
    let several = json!({"iss": "https://op.example", "sub": "u", "aud": ["c1", "c2"], "exp": NOW + 60,
        "iat": NOW, "auth_time": NOW});
    assert_eq!(
        failed(&decode(&hs(json!({"alg": "HS256"}), &several), &[]).1),
        ["azp"]
    );
}

fn ec() -> Key {
    keygen::generate(keygen::KeyKind::Ec(Curve::P256)).unwrap()
}

#[test]
fn dpop_proofs_bind_request_key_and_access_token() {
    let key = ec();
    let jwk = export::jwk(&key, false);
    let access_token = hs(
        json!({"alg": "HS256", "typ": "at+jwt"}),
        &json!({"iss": "https://as.example", "sub": "u", "cnf": {"jkt": key.thumbprint()}}),
    );
    // RFC 9449 §4.2: ath is base64url(SHA-256(access token)).
    let ath = jwt_debugger::core::b64::encode(sha256(access_token.as_bytes()));
    let header = json!({"typ": "dpop+jwt", "alg": "ES256", "jwk": jwk});
    let claims = json!({"jti": "e1", "htm": "POST", "htu": "https://rs.example/resource", "iat": NOW - 5, "ath": ath});
    let proof = es(&key, header.clone(), &claims);
    let inputs = [
        "--dpop-method",
        "POST",
        "--dpop-url",
        "https://RS.example/resource?x=1",
        "--access-token",
        &access_token,
    ];
    let (exit, p) = decode(&proof, &inputs);
    assert_eq!(p["name"], "dpop_proof");
    assert_eq!(p["status"], "valid", "{p:#}");
    assert_eq!(exit, 0);
    // Without the request and the access token: incomplete, and says which.
    let (exit, p) = decode(&proof, &[]);
    assert_eq!(p["status"], "incomplete");
    assert_eq!(exit, 0);
    // Each rule broken once.
    let cases: Vec<(&str, String, Vec<&str>)> = vec![
        (
            "htm",
            proof.clone(),
            vec![
                "--dpop-method",
                "GET",
                "--dpop-url",
                "https://rs.example/resource",
                "--access-token",
                &access_token,
            ],
        ),
        (
            "htu",
            proof.clone(),
            vec![
                "--dpop-method",
                "POST",
                "--dpop-url",
                "https://rs.example/other",
                "--access-token",
                &access_token,
            ],
        ),
        (
            "iat",
            es(
                &key,
                header.clone(),
                &json!({"jti": "e1", "htm": "POST", "htu": "https://rs.example/resource", "iat": NOW - 900, "ath": ath}),
            ),
            inputs.to_vec(),
        ),
        (
            "alg",
            hs(
                json!({"typ": "dpop+jwt", "alg": "HS256", "jwk": export::jwk(&key, false)}),
                &claims,
            ),
            inputs.to_vec(),
        ),
    ];
    for (id, token, args) in cases {
        let (exit, p) = decode(&token, &args);
        assert!(failed(&p).contains(&id.to_owned()), "{id}: {p:#}");
        assert_eq!(exit, 1, "{id}");
    }
    // Another access token: ath differs and it is not bound to this key.
    let other = hs(
        json!({"alg": "HS256"}),
        &json!({"sub": "u", "cnf": {"jkt": ec().thumbprint()}}),
    );
    let (_, p) = decode(
        &proof,
        &[
            "--dpop-method",
            "POST",
            "--dpop-url",
            "https://rs.example/resource",
            "--access-token",
            &other,
        ],
    );
    let mut f = failed(&p);
    f.sort();
    assert_eq!(f, ["ath", "cnf.jkt"]);
    // A private key in the jwk header.
    let leaky = sign::sign_guarded(
        &json!({"typ": "dpop+jwt", "alg": "ES256", "jwk": export::jwk(&key, true)}).to_string(),
        &claims.to_string(),
        Some(&key),
        sign::Unsecured::Refuse,
        sign::EmbeddedPrivateKey::DangerouslyAllow,
    )
    .unwrap()
    .token;
    assert!(failed(&decode(&leaky, &inputs).1).contains(&"jwk".to_owned()));
    // Signed by another key than its jwk.
    let forged = es(&ec(), header, &claims);
    assert!(failed(&decode(&forged, &inputs).1).contains(&"jwk".to_owned()));
}

/// SHA-256 from another implementation than the one under test.
fn sha256(data: &[u8]) -> Vec<u8> {
    use sha2::Digest as _;
    sha2::Sha256::digest(data).to_vec()
}

#[test]
fn client_assertions_request_objects_and_entity_statements() {
    let claims = json!({"iss": "c1", "sub": "c1", "aud": "https://as.example/token", "exp": NOW + 60, "jti": "j"});
    let header = json!({"alg": "HS256"});
    let args = [
        "--profile",
        "client_assertion",
        "--aud",
        "https://as.example/token",
    ];
    each_claim_is_required(
        header.clone(),
        claims.clone(),
        &["iss", "sub", "exp", "jti"],
        "client_assertion",
        &args,
    );
    let mut other = claims.clone();
    other["sub"] = json!("someone");
    assert_eq!(
        failed(&decode(&hs(header.clone(), &other), &args).1),
        ["iss"]
    );

    let request = json!({"client_id": "c1", "response_type": "code", "aud": "https://as.example", "iss": "c1"});
    each_claim_is_required(
        json!({"alg": "HS256", "typ": "oauth-authz-req+jwt"}),
        request,
        &["client_id", "response_type"],
        "request_object",
        &["--aud", "https://as.example"],
    );

    // An entity configuration verifies with its own jwks; another jwks fails.
    let key = ec();
    let es_claims = |k: &Key| {
        json!({"iss": "https://rp.example", "sub": "https://rp.example", "iat": NOW,
        "exp": NOW + 3600, "jwks": {"keys": [export::jwk(k, false)]}})
    };
    let header = json!({"alg": "ES256", "typ": "entity-statement+jwt"});
    let (exit, p) = decode(&es(&key, header.clone(), &es_claims(&key)), &[]);
    assert_eq!(p["status"], "valid", "{p:#}");
    assert_eq!(exit, 0);
    let (exit, p) = decode(&es(&key, header, &es_claims(&ec())), &[]);
    assert_eq!(failed(&p), ["jwks"]);
    assert_eq!(exit, 1);
}

#[test]
fn status_lists_are_decoded_and_counted() {
    // draft-ietf-oauth-status-list §4.1's example list: bytes b9 a3.
    let claims = json!({"sub": "https://issuer.example/statuslists/1", "iat": NOW,
        "status_list": {"bits": 1, "lst": "eNrbuRgAAhcBXQ"}});
    let token = hs(json!({"alg": "HS256", "typ": "statuslist+jwt"}), &claims);
    let (exit, p) = decode(&token, &["--status-index", "0"]);
    assert_eq!(p["status"], "valid", "{p:#}");
    assert_eq!(p["status_list"]["entries"], 16);
    assert_eq!(p["status_list"]["index"], json!([0, 1]));
    // b9 a3: 1,0,0,1,1,1,0,1 then 1,1,0,0,0,1,0,1: nine 1s, seven 0s.
    assert_eq!(p["status_list"]["counts"], json!([[0, 7], [1, 9]]));
    assert_eq!(exit, 0);
    let (exit, p) = decode(&token, &["--status-index", "16"]);
    assert_eq!(failed(&p), ["index"]);
    assert_eq!(exit, 1);
    let mut bad = claims.clone();
    bad["status_list"]["bits"] = json!(3);
    assert_eq!(
        failed(
            &decode(
                &hs(json!({"alg": "HS256", "typ": "statuslist+jwt"}), &bad),
                &[]
            )
            .1
        ),
        ["bits"]
    );
}

#[test]
fn a_plain_jwt_has_no_rules_and_keeps_its_exit_status() {
    let (exit, p) = decode(
        &hs(json!({"alg": "HS256", "typ": "JWT"}), &json!({"sub": "x"})),
        &[],
    );
    assert_eq!(p["name"], "jwt");
    assert_eq!(p["status"], "valid");
    assert_eq!(p["checks"], json!([]));
    assert_eq!(exit, 0);
    let out = bin()
        .args(["decode", "x.y.z", "--profile", "nonsense"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--profile"));
}
