//! Key fetching against a real HTTP server on 127.0.0.1 run inside the test: discovery, kid
//! selection, rotation, 404, timeout, oversize and malformed JSON.

#![allow(clippy::unwrap_used)] // tests fail loudly by design

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::time::Duration;

use jwt_debugger::core::{self, Options, SignatureStatus, fetch, keygen, sign};

/// Serves a fixed set of routes until the test process ends. Returns the base URL.
fn serve(routes: Vec<(&'static str, u16, String)>) -> String {
    serve_on(TcpListener::bind("127.0.0.1:0").unwrap(), routes)
}

/// A listener bound first, so that documents can name their own URL.
fn listener() -> (TcpListener, String) {
    let l = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", l.local_addr().unwrap());
    (l, base)
}

fn serve_on(listener: TcpListener, routes: Vec<(&'static str, u16, String)>) -> String {
    let base = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let routes = routes.clone();
            std::thread::spawn(move || {
                let mut reader = BufReader::new(stream.try_clone().unwrap());
                let mut request_line = String::new();
                reader.read_line(&mut request_line).ok();
                loop {
                    let mut line = String::new();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                        break;
                    }
                }
                let path = request_line
                    .split_whitespace()
                    .nth(1)
                    .unwrap_or("/")
                    .to_owned();
                if path == "/slow" {
                    std::thread::sleep(Duration::from_secs(3));
                }
                let (status, body) = routes
                    .iter()
                    .find(|(p, _, _)| *p == path)
                    .map(|(_, s, b)| (*s, b.clone()))
                    .unwrap_or((404, "not found".into()));
                // A 3xx route's "body" is where it redirects to.
                let location = if (300..400).contains(&status) {
                    format!("Location: {body}\r\n")
                } else {
                    String::new()
                };
                let response = format!(
                    "HTTP/1.1 {status} X\r\n{location}Content-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                    body.len()
                );
                stream.write_all(response.as_bytes()).ok();
            });
        }
    });
    base
}

fn quick() -> fetch::Policy {
    fetch::Policy {
        timeout: Duration::from_millis(800),
        max_bytes: 64 * 1024,
    }
}

fn keypair(kid: &str) -> (core::Key, serde_json::Value) {
    let key = keygen::generate(keygen::KeyKind::Ec(core::alg::Curve::P256)).unwrap();
    let mut jwk = core::export::jwk(&key, false);
    jwk["kid"] = kid.into();
    (key, jwk)
}

fn token(key: &core::Key, kid: &str, iss: &str) -> String {
    let header = serde_json::json!({"alg": "ES256", "kid": kid}).to_string();
    sign::sign(
        &header,
        &serde_json::json!({"iss": iss, "sub": "u"}).to_string(),
        Some(key),
        sign::Unsecured::Refuse,
    )
    .unwrap()
    .token
}

#[test]
fn discovery_finds_the_jwks_and_the_kid_selects_the_key_after_rotation() {
    let (old, old_jwk) = keypair("2025-old");
    let (new, new_jwk) = keypair("2026-new");
    let jwks_base = serve(vec![(
        "/jwks",
        200,
        serde_json::json!({"keys": [old_jwk, new_jwk]}).to_string(),
    )]);
    let (l, base) = listener();
    let issuer = format!("{base}/tenant");
    let doc =
        serde_json::json!({"issuer": issuer, "jwks_uri": format!("{jwks_base}/jwks")}).to_string();
    serve_on(
        l,
        vec![("/tenant/.well-known/openid-configuration", 200, doc)],
    );

    let (set, _, url) = fetch::discover(&issuer, quick()).unwrap();
    assert_eq!(url, format!("{jwks_base}/jwks"));
    assert_eq!(set.keys.len(), 2);
    for (key, kid) in [(&old, "2025-old"), (&new, "2026-new")] {
        let a = core::analyze(&token(key, kid, &issuer), Some(&set), Options::at(0));
        assert_eq!(
            a.signature.status,
            SignatureStatus::Verified,
            "{kid}: {}",
            a.signature.detail
        );
        assert!(a.signature.key.as_ref().unwrap().to_string().contains(kid));
    }
    // An unknown kid is said, not silently verified with another key (issue #10) ...
    let a = core::analyze(&token(&new, "unknown", &issuer), Some(&set), Options::at(0));
    assert_eq!(a.signature.status, SignatureStatus::KeyMismatch);
    assert!(
        a.signature
            .detail
            .to_string()
            .contains("no key in the JWKS has kid \"unknown\"")
    );
    // ... unless every key is to be tried: then the one that verified is named.
    let mut options = Options::at(0);
    options.verify.any_kid = true;
    let a = core::analyze(&token(&new, "unknown", &issuer), Some(&set), options);
    assert_eq!(a.signature.status, SignatureStatus::Verified);
    assert!(
        a.signature.detail.to_string().contains("2026-new"),
        "{}",
        a.signature.detail
    );
}

#[test]
fn rfc8414_metadata_is_tried_and_a_foreign_issuer_refused() {
    let (_, jwk) = keypair("k");
    let jwks_base = serve(vec![(
        "/jwks",
        200,
        serde_json::json!({"keys": [jwk]}).to_string(),
    )]);
    let (l, base) = listener();
    let issuer = format!("{base}/realm");
    let doc =
        serde_json::json!({"issuer": issuer, "jwks_uri": format!("{jwks_base}/jwks")}).to_string();
    let foreign = serde_json::json!({"issuer": "https://evil.example", "jwks_uri": format!("{jwks_base}/jwks")}).to_string();
    serve_on(
        l,
        vec![
            ("/.well-known/oauth-authorization-server/realm", 200, doc),
            ("/other/.well-known/openid-configuration", 200, foreign),
        ],
    );
    let (set, _, _) = fetch::discover(&issuer, quick()).unwrap();
    assert_eq!(set.keys.len(), 1);
    let e = fetch::discover(&format!("{base}/other"), quick()).unwrap_err();
    assert!(e.to_string().contains("refusing its keys"), "{e}");
}

#[test]
fn jwks_url_errors_are_named() {
    let big = format!(r#"{{"keys":[],"pad":"{}"}}"#, "x".repeat(100 * 1024));
    let base = serve(vec![
        ("/bad", 200, "{\"keys\": [".into()),
        ("/big", 200, big),
        ("/notjwks", 200, "{\"a\":1}".into()),
    ]);
    let e = fetch::fetch_jwks(&format!("{base}/missing"), quick()).unwrap_err();
    assert!(
        matches!(e, fetch::FetchError::Status { status: 404, .. }),
        "{e}"
    );
    let e = fetch::fetch_jwks(&format!("{base}/bad"), quick()).unwrap_err();
    assert!(e.to_string().contains("not valid JSON"), "{e}");
    let e = fetch::fetch_jwks(&format!("{base}/big"), quick()).unwrap_err();
    assert!(matches!(e, fetch::FetchError::TooLarge { .. }), "{e}");
    let e = fetch::fetch_jwks(&format!("{base}/notjwks"), quick()).unwrap_err();
    assert!(e.to_string().contains("no \"keys\" array"), "{e}");
    let e = fetch::fetch_jwks(&format!("{base}/slow"), quick()).unwrap_err();
    assert!(matches!(e, fetch::FetchError::Timeout { .. }), "{e}");
    let e = fetch::fetch_jwks("http://example.com/jwks", quick()).unwrap_err();
    assert!(matches!(e, fetch::FetchError::NotHttps(_)), "{e}");
    // Nothing listens on port 1.
    let e = fetch::fetch_jwks("http://127.0.0.1:1/jwks", quick()).unwrap_err();
    assert!(matches!(e, fetch::FetchError::Connect { .. }), "{e}");
}

#[test]
fn the_cache_fetches_once_per_session() {
    let (_, jwk) = keypair("k");
    let base = serve(vec![(
        "/jwks",
        200,
        serde_json::json!({"keys": [jwk]}).to_string(),
    )]);
    let mut cache = fetch::Cache::default();
    let url = format!("{base}/jwks");
    let first = cache.get_or_fetch(&url, false, quick()).unwrap();
    let second = cache.get_or_fetch(&url, false, quick()).unwrap();
    assert_eq!(first, second);
}

#[test]
fn the_cli_verifies_through_discovery_and_a_jwks_url() {
    let (key, jwk) = keypair("cli-key");
    let jwks_base = serve(vec![(
        "/jwks",
        200,
        serde_json::json!({"keys": [jwk]}).to_string(),
    )]);
    let (l, issuer) = listener();
    let doc =
        serde_json::json!({"issuer": issuer, "jwks_uri": format!("{jwks_base}/jwks")}).to_string();
    serve_on(l, vec![("/.well-known/openid-configuration", 200, doc)]);
    let t = token(&key, "cli-key", &issuer);
    let bin = assert_cmd::cargo::cargo_bin("jwt-debugger");
    let out = std::process::Command::new(&bin)
        .args(["decode", &t, "--discover", "--json"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["signature"]["status"], "verified");
    let out = std::process::Command::new(&bin)
        .args(["decode", &t, "--jwks-url", &format!("{jwks_base}/jwks")])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let out = std::process::Command::new(&bin)
        .args(["decode", &t, "--jwks-url", &format!("{jwks_base}/nope")])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("HTTP 404"));
}

#[test]
fn every_redirect_hop_is_held_to_the_https_rule_and_counted() {
    let (_, jwk) = keypair("k");
    let (l, base) = listener();
    serve_on(
        l,
        vec![
            ("/jwks", 200, serde_json::json!({"keys": [jwk]}).to_string()),
            ("/moved", 302, "/jwks".to_owned()),
            (
                "/to-plain-http",
                302,
                "http://jwks.example.com/keys".to_owned(),
            ),
            ("/r1", 302, "/r2".to_owned()),
            ("/r2", 302, "/r3".to_owned()),
            ("/r3", 302, "/r4".to_owned()),
            ("/r4", 302, "/jwks".to_owned()),
            ("/nowhere", 302, String::new()),
        ],
    );
    let (set, _, from) = fetch::fetch_jwks(&format!("{base}/moved"), quick()).unwrap();
    assert_eq!(set.keys.len(), 1);
    assert_eq!(
        from,
        format!("{base}/jwks"),
        "the final URL is the one shown"
    );
    let e = fetch::fetch_jwks(&format!("{base}/to-plain-http"), quick()).unwrap_err();
    assert!(
        e.to_string().contains("redirect refused") && e.to_string().contains("only https"),
        "{e}"
    );
    let e = fetch::fetch_jwks(&format!("{base}/r1"), quick()).unwrap_err();
    assert!(e.to_string().contains("more than 3 redirects"), "{e}");
    // Three hops are fine.
    assert!(fetch::fetch_jwks(&format!("{base}/r2"), quick()).is_ok());
}

#[test]
fn an_sd_jwt_vc_issuer_is_found_through_jwt_vc_issuer_metadata_first() {
    let (key, jwk) = keypair("vc-1");
    let (l, base) = listener();
    let issuer = format!("{base}/issuers/42");
    // Inline jwks in the JWT VC Issuer Metadata; OpenID discovery would point elsewhere.
    let metadata = serde_json::json!({"issuer": issuer, "jwks": {"keys": [jwk]}}).to_string();
    serve_on(
        l,
        vec![("/.well-known/jwt-vc-issuer/issuers/42", 200, metadata)],
    );
    let (set, _, url) = fetch::discover_vc_issuer(&issuer, quick()).unwrap();
    assert!(
        url.ends_with("/.well-known/jwt-vc-issuer/issuers/42"),
        "{url}"
    );
    assert_eq!(set.keys.len(), 1);
    // The command line takes that route for an SD-JWT.
    let header = r#"{"alg":"ES256","typ":"dc+sd-jwt","kid":"vc-1"}"#;
    let payload =
        serde_json::json!({"iss": issuer, "vct": "https://credentials.example/id", "_sd": []});
    let jwt = sign::sign(
        header,
        &payload.to_string(),
        Some(&key),
        sign::Unsecured::Refuse,
    )
    .unwrap()
    .token;
    let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("jwt-debugger"))
        .args(["decode", &format!("{jwt}~"), "--discover", "--json"])
        .output()
        .unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["signature"]["status"], "verified", "{doc:#}");
    assert_eq!(out.status.code(), Some(0));

    // Without the VC metadata (404) it falls back to OpenID discovery, with jwks_uri.
    let (_, jwk) = keypair("vc-2");
    let jwks_base = serve(vec![(
        "/jwks",
        200,
        serde_json::json!({"keys": [jwk]}).to_string(),
    )]);
    let (l, base) = listener();
    let doc =
        serde_json::json!({"issuer": base, "jwks_uri": format!("{jwks_base}/jwks")}).to_string();
    serve_on(l, vec![("/.well-known/openid-configuration", 200, doc)]);
    let (_, _, url) = fetch::discover_vc_issuer(&base, quick()).unwrap();
    assert_eq!(url, format!("{jwks_base}/jwks"));
}
