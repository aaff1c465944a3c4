//! Snapshots of the annotated claims view-model for real-world-shaped tokens (Microsoft Entra,
//! Google, Keycloak, Auth0, Cognito), with a pinned clock. Review changes with care: these texts
//! are what users read.

#![allow(clippy::unwrap_used)] // tests fail loudly by design

use jwt_debugger::core::{self, Options, b64};
use serde_json::json;

/// 2026-11-27T20:00:00Z
const NOW: i64 = 1_795_809_600;

fn token(header: serde_json::Value, payload: serde_json::Value) -> String {
    format!(
        "{}.{}.c2lnbmF0dXJl",
        b64::encode(header.to_string()),
        b64::encode(payload.to_string())
    )
}

fn render(token: &str) -> String {
    let a = core::analyze(token, None, Options::at(NOW));
    let mut out = String::new();
    for c in a.header_claims.iter().chain(&a.claims) {
        let loc = match c.location {
            core::claims::Location::Header => "header",
            core::claims::Location::Payload => "payload",
        };
        out.push_str(&format!("{loc} {} = {}\n", c.name, c.value));
        match &c.entry {
            Some(e) => out.push_str(&format!("    {} ({})\n", e.title, e.spec)),
            None => out.push_str("    custom claim\n"),
        }
        if let Some(e) = &c.explanation {
            out.push_str(&format!("    → {e}\n"));
        }
        if let Some(t) = &c.time {
            out.push_str(&format!("    time: {} ({})\n", t.utc(), t.relative()));
        }
        if let Some(p) = &c.time_problem {
            out.push_str(&format!(
                "    problem: {} (fix: {:?})\n",
                p.message, p.fixed
            ));
        }
    }
    out.push_str(&format!(
        "validity: {:?}, {}\n",
        a.validity.state, a.validity.summary
    ));
    for f in &a.findings {
        out.push_str(&format!("finding: {} {}\n", f.id, f.title));
    }
    out
}

#[test]
fn entra_v2_access_token() {
    let t = token(
        json!({"typ": "JWT", "alg": "RS256", "kid": "L1KfKFI_jnXbwWc22xZxw1sUHH0"}),
        json!({
            "aud": "api://orders-api", "iss": "https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/v2.0",
            "iat": NOW - 600, "nbf": NOW - 600, "exp": NOW + 3000, "aio": "AVQAq/8XAAAA", "azp": "c44b4083-3bb0-49c1-b47d-974e53cbdf3c",
            "azpacr": "0", "name": "Ada Lovelace", "oid": "00000000-0000-0000-66f3-3332eca7ea81", "preferred_username": "ada@contoso.com",
            "rh": "0.AXEAv4j5cvGGr0GRqy180BHbRw", "roles": ["Orders.Admin"], "scp": "Orders.Read Orders.Write", "sub": "AAAAAAAAAAAAAAAAAAAAAIkzqFVrSaSaFHy782bbtaQ",
            "tid": "72f988bf-86f1-41af-91ab-2d7cd011db47", "uti": "fqiBqXLPj0eQa82S-IYFAA", "ver": "2.0", "wids": ["b79fbf4d-3ef9-4689-8143-76b194e85509"]
        }),
    );
    insta::assert_snapshot!(render(&t));
}

#[test]
fn google_id_token() {
    let t = token(
        json!({"alg": "RS256", "kid": "1e9gdk7", "typ": "JWT"}),
        json!({
            "iss": "https://accounts.google.com", "azp": "1234987819200.apps.googleusercontent.com", "aud": "1234987819200.apps.googleusercontent.com",
            "sub": "10769150350006150715113082367", "at_hash": "HK6E_P6Dh8Y93mRNtsDB1Q", "hd": "example.com", "email": "jsmith@example.com",
            "email_verified": "true", "iat": NOW - 60, "exp": NOW + 3540, "nonce": "0394852-3190485-2490358"
        }),
    );
    insta::assert_snapshot!(render(&t));
}

#[test]
fn keycloak_access_token_with_millisecond_auth_time() {
    let t = token(
        json!({"alg": "RS256", "typ": "JWT", "kid": "FJ86GcF3jTbNLOco4NvZkUCIUmfYCqoqtOQeMfbhNlE"}),
        json!({
            "exp": NOW - 300, "iat": NOW - 600, "auth_time": (NOW - 700) * 1000, "jti": "a7e8c5e5-5e1b-4b5f-9c3a-0b1f1a2e3d4c",
            "iss": "https://sso.example.com/realms/shop", "aud": "account", "sub": "f:3c2d:alice", "typ": "Bearer", "azp": "shop-frontend",
            "session_state": "e4a1b6c2-7f8d-4e3a-9b0c-1d2e3f4a5b6c", "acr": "1", "allowed-origins": ["https://shop.example.com"],
            "realm_access": {"roles": ["offline_access", "customer"]}, "resource_access": {"account": {"roles": ["manage-account"]}},
            "scope": "openid email profile", "email_verified": true, "preferred_username": "alice"
        }),
    );
    insta::assert_snapshot!(render(&t));
}

#[test]
fn auth0_access_token() {
    let t = token(
        json!({"alg": "RS256", "typ": "JWT", "kid": "NjVBRjY5MDlCMUIwNzU4RTA2QzZFMDQ4QzQ2MDAyQjVDNjk1RTM2Qg"}),
        json!({
            "iss": "https://example.eu.auth0.com/", "sub": "auth0|5f7c8ec7c33c6c004bbafe82", "aud": ["https://api.example.com", "https://example.eu.auth0.com/userinfo"],
            "iat": NOW - 100, "exp": NOW + 86_300, "azp": "YDMp7Xz4KVqZ0xWVGAMuBIqX0rZgZzQH", "scope": "openid profile read:orders",
            "org_id": "org_9ybsU1dN2dKfDkBi", "permissions": ["read:orders", "create:orders"], "gty": "password"
        }),
    );
    insta::assert_snapshot!(render(&t));
}

#[test]
fn cognito_id_token_with_string_time() {
    let t = token(
        json!({"kid": "abcdefghijklmnopqrsexample=", "alg": "RS256"}),
        json!({
            "sub": "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee", "cognito:groups": ["admin"], "email_verified": true,
            "iss": "https://cognito-idp.us-west-2.amazonaws.com/us-west-2_example", "cognito:username": "my-test-user",
            "origin_jti": "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee", "aud": "xxxxxxxxxxxxexample", "event_id": "64f513be-32db-42b0-b78e-b02127b4f463",
            "token_use": "id", "auth_time": (NOW - 50).to_string(), "exp": NOW + 3550, "iat": NOW - 50, "email": "my-test-user@example.com"
        }),
    );
    insta::assert_snapshot!(render(&t));
}
