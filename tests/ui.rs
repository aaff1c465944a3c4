//! The real app driven through its accessibility tree (no GPU, no display).
#![cfg(feature = "gui")]
#![allow(clippy::unwrap_used)] // tests fail loudly by design

use std::collections::HashMap;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use jwt_debugger::core::{self, Alg, Options, SignatureStatus, keys, sign};
use jwt_debugger::ui::App;
use jwt_debugger::ui::clipboard::MemoryClipboard;
use jwt_debugger::ui::model::{AppState, EXAMPLE_SECRET};

const NOW: i64 = 1_800_000_000;

fn harness_with(clipboard: MemoryClipboard) -> Harness<'static, App> {
    let app = App::with_parts(
        AppState::default(),
        Box::new(clipboard),
        Box::new(|| NOW),
        None,
    );
    Harness::builder()
        .with_size([1280.0, 900.0])
        .build_ui_state(|ui, app: &mut App| app.draw(ui), app)
}

fn harness() -> Harness<'static, App> {
    harness_with(MemoryClipboard::default())
}

fn example_token(payload: &str) -> String {
    let key = keys::parse_text(EXAMPLE_SECRET).unwrap();
    sign::sign(
        r#"{"alg":"HS256","typ":"JWT"}"#,
        payload,
        key.keys.first(),
        sign::Unsecured::Refuse,
    )
    .unwrap()
    .token
}

fn verify(token: &str, alg_secret: &str) -> SignatureStatus {
    let key = keys::parse_text(alg_secret).unwrap();
    core::analyze(token, Some(&key), Options::at(NOW))
        .signature
        .status
}

fn editor_text(h: &Harness<'_, App>, label: &str) -> String {
    h.get_by_role_and_label(Role::MultilineTextInput, label)
        .value()
        .unwrap_or_default()
}

#[test]
fn first_screen_shows_a_verified_example() {
    let mut h = harness();
    h.run();
    h.get_by_label_contains("Signature verified");
    h.get_by_label("✔ Valid");
    assert!(editor_text(&h, "Header").contains("HS256"));
}

#[test]
fn pasting_a_token_anywhere_decodes_and_verifies_it() {
    let mut h = harness();
    h.run();
    let token = example_token(r#"{"sub":"pasted-user","exp":1800003600}"#);
    h.event(egui::Event::Paste(format!("Authorization: Bearer {token}")));
    h.run();
    assert_eq!(h.state().model.state.token, token);
    assert!(editor_text(&h, "Payload").contains("pasted-user"));
    assert!(editor_text(&h, "Header").contains("\"typ\": \"JWT\""));
    // The example's secret went with the example: no key yet, not "invalid".
    h.get_by_label_contains("No key: signature not checked");
    h.get_by_label_contains("in 1 h");
    h.get_by_role_and_label(Role::PasswordInput, "Secret")
        .focus();
    h.run();
    h.get_by_role_and_label(Role::PasswordInput, "Secret")
        .type_text(EXAMPLE_SECRET);
    h.run();
    h.get_by_label_contains("Signature verified");
    assert_eq!(
        h.state().model.state.token,
        token,
        "verified, not re-signed"
    );
}

#[test]
fn typing_into_the_payload_resigns_the_token() {
    let mut h = harness();
    h.run();
    let before = h.state().model.state.token.clone();
    let payload = h.get_by_role_and_label(Role::MultilineTextInput, "Payload");
    payload.focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_role_and_label(Role::MultilineTextInput, "Payload")
        .type_text(r#"{"sub":"typed","role":"admin"}"#);
    h.run();
    let token = h.state().model.state.token.clone();
    assert_ne!(token, before);
    assert_eq!(verify(&token, EXAMPLE_SECRET), SignatureStatus::Verified);
    let claims = core::analyze(&token, None, Options::at(NOW));
    assert_eq!(claims.decoded.claims().unwrap()["role"], "admin");
    h.get_by_label_contains("Signature verified");
}

#[test]
fn switching_the_algorithm_resigns_with_it() {
    let mut h = harness();
    h.run();
    h.get_by_role_and_label(Role::ComboBox, "Algorithm").click();
    h.run();
    h.get_by_label_contains("HS512 —").click();
    h.run();
    assert!(editor_text(&h, "Header").contains("HS512"));
    let token = h.state().model.state.token.clone();
    let a = core::analyze(
        &token,
        Some(&keys::parse_text(EXAMPLE_SECRET).unwrap()),
        Options::at(NOW),
    );
    assert_eq!(a.decoded.alg_name(), Some("HS512"));
    assert_eq!(a.signature.status, SignatureStatus::Verified);
    // An asymmetric algorithm without a private key: the token is kept, the editors are a draft.
    h.get_by_role_and_label(Role::ComboBox, "Algorithm").click();
    h.run();
    h.get_by_label_contains("ES256 —").click();
    h.run();
    h.get_by_label_contains("Unsigned draft: no ES256 private key");
    assert_eq!(h.state().model.alg(), Some(Alg::ES256));
    assert_eq!(
        h.state().model.state.token,
        token,
        "the token is not rewritten"
    );
}

#[test]
fn a_malformed_token_shows_where_it_breaks() {
    let mut h = harness();
    h.run();
    let editor = h.get_by_role_and_label(Role::MultilineTextInput, "Encoded token");
    editor.focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_role_and_label(Role::MultilineTextInput, "Encoded token")
        .type_text("eyJhbGciOiJIUzI1NiJ9.ab@c.sig");
    h.run();
    h.get_by_label_contains("✖ payload: byte 2 is '@', not a base64url character");
    // The header editor still shows what could be decoded.
    assert!(editor_text(&h, "Header").contains("HS256"));
}

#[test]
fn copy_sends_the_token_and_the_bearer_line_to_the_clipboard() {
    let clipboard = MemoryClipboard::default();
    let mut h = harness_with(clipboard.clone());
    h.run();
    h.get_by_label("📋 Copy token").click();
    h.run();
    let token = h.state().model.state.token.clone();
    assert_eq!(clipboard.copied.lock().unwrap().last(), Some(&token));
    h.get_by_label_contains("Copied");
    h.get_by_label("More copies ⏷").click();
    h.run();
    h.get_by_label("Copy Authorization header").click();
    h.run();
    assert_eq!(
        clipboard.copied.lock().unwrap().last(),
        Some(&format!("Authorization: Bearer {token}"))
    );
}

#[test]
fn shortcut_copies_the_token() {
    let clipboard = MemoryClipboard::default();
    let mut h = harness_with(clipboard.clone());
    h.run();
    h.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::C,
    );
    h.run();
    assert_eq!(clipboard.copied.lock().unwrap().len(), 1);
}

#[derive(Default)]
struct MemoryStorage(HashMap<String, String>);

impl eframe::Storage for MemoryStorage {
    fn get_string(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned()
    }
    fn set_string(&mut self, key: &str, value: String) {
        self.0.insert(key.to_owned(), value);
    }
    fn remove_string(&mut self, key: &str) {
        self.0.remove(key);
    }
    fn flush(&mut self) {}
}

#[test]
fn saved_settings_hold_no_secret_and_restore_the_workspace() {
    let mut h = harness();
    h.run();
    let secret_field = h.get_by_role_and_label(Role::PasswordInput, "Secret");
    secret_field.focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_role_and_label(Role::PasswordInput, "Secret")
        .type_text("my-own-secret-that-must-never-hit-disk");
    h.run();
    let token = h.state().model.state.token.clone();
    let mut storage = MemoryStorage::default();
    eframe::App::save(h.state_mut(), &mut storage);
    let saved: String = storage.0.values().cloned().collect();
    assert!(saved.contains(&token), "the workspace is saved");
    assert!(
        !saved.contains("my-own-secret-that-must-never-hit-disk"),
        "the secret is not"
    );
    assert!(!saved.contains(EXAMPLE_SECRET));

    // Restart from the saved state: the token and header come back, the key does not.
    let ws: AppState = eframe::get_value(&storage, eframe::APP_KEY).unwrap();
    let app = App::with_parts(
        ws,
        Box::new(MemoryClipboard::default()),
        Box::new(|| NOW),
        None,
    );
    assert_eq!(app.model.state.token, token);
    assert!(app.model.keys.secret.is_empty());

    // Ticking "Remember key" puts the key in the credential store, still never in the settings.
    let store = std::sync::Arc::new(jwt_debugger::ui::secrets::MemoryKeyStore::default());
    h.state_mut().set_key_store(Box::new(store.clone()));
    h.get_by_label("Remember key on this computer").click();
    h.run();
    let mut storage = MemoryStorage::default();
    eframe::App::save(h.state_mut(), &mut storage);
    let saved: String = storage.0.values().cloned().collect();
    assert!(
        !saved.contains("my-own-secret-that-must-never-hit-disk"),
        "{saved}"
    );
    use jwt_debugger::ui::secrets::KeyStore as _;
    assert_eq!(
        store.load().unwrap().unwrap().secret,
        "my-own-secret-that-must-never-hit-disk"
    );
    // A restart with "remember" on brings the key back from the store.
    let ws: AppState = eframe::get_value(&storage, eframe::APP_KEY).unwrap();
    assert!(ws.remember_key);
    let mut app = App::with_parts(
        ws,
        Box::new(MemoryClipboard::default()),
        Box::new(|| NOW),
        None,
    );
    app.set_key_store(Box::new(store.clone()));
    assert_eq!(
        app.model.keys.secret,
        "my-own-secret-that-must-never-hit-disk"
    );
}

#[test]
fn without_a_credential_store_the_key_stays_in_memory_and_the_app_says_so() {
    let mut h = harness();
    h.state_mut().set_key_store(Box::new(
        jwt_debugger::ui::secrets::MemoryKeyStore::unreachable(),
    ));
    h.run();
    h.get_by_label("Remember key on this computer").click();
    h.run();
    h.run();
    assert!(!h.state().model.state.remember_key);
    h.get_by_label_contains("Cannot remember the key: there is no credential store");
    // Forgetting then is not an error: there was nothing to forget in the store.
    h.get_by_label("⚙ Data ⏷").click();
    h.run();
    h.get_by_label("Forget everything").click();
    h.run();
    h.get_by_label("Yes, forget everything").click();
    h.run();
    h.run();
    h.get_by_label_contains("nothing was remembered there");
    assert!(h.query_by_label_contains("failed").is_none());
}

#[test]
fn forget_everything_clears_settings_token_and_stored_keys() {
    let mut h = harness();
    let store = std::sync::Arc::new(jwt_debugger::ui::secrets::MemoryKeyStore::default());
    h.state_mut().set_key_store(Box::new(store.clone()));
    h.run();
    h.get_by_label("Remember key on this computer").click();
    h.run();
    h.state_mut().model.state.expect_issuer = "https://issuer.example".into();
    use jwt_debugger::ui::secrets::KeyStore as _;
    assert!(store.load().unwrap().is_some());
    h.get_by_label("⚙ Data ⏷").click();
    h.run();
    h.get_by_label("Forget everything").click();
    h.run();
    // It asks first: nothing is gone until the user says yes.
    h.get_by_label("Forget everything?");
    assert!(!h.state().model.state.token.is_empty());
    assert!(store.load().unwrap().is_some());
    h.get_by_label("Keep everything").click();
    h.run();
    assert!(h.query_by_label("Forget everything?").is_none());
    assert!(!h.state().model.state.token.is_empty());
    h.get_by_label("⚙ Data ⏷").click();
    h.run();
    h.get_by_label("Forget everything").click();
    h.run();
    h.get_by_label("Yes, forget everything").click();
    h.run();
    h.run();
    let m = &h.state().model;
    assert!(m.state.token.is_empty());
    assert!(m.keys.secret.is_empty());
    assert!(!m.state.remember_key);
    assert!(m.state.expect_issuer.is_empty());
    assert!(store.load().unwrap().is_none());
    h.get_by_label("• No token");
    h.get_by_label_contains("nothing is left in the credential store");
}

fn payload_claims(h: &Harness<'_, App>) -> serde_json::Map<String, serde_json::Value> {
    let token = h.state().model.state.token.clone();
    core::analyze(&token, None, Options::at(NOW))
        .decoded
        .claims()
        .unwrap()
        .clone()
}

#[test]
fn exp_preset_sets_exp_and_resigns_in_one_click() {
    let mut h = harness();
    h.run();
    h.get_by_label("1 h").click();
    h.run();
    assert_eq!(payload_claims(&h)["exp"], NOW + 3600);
    assert_eq!(
        verify(&h.state().model.state.token, EXAMPLE_SECRET),
        SignatureStatus::Verified
    );
    h.get_by_label_contains("in 1 h");
}

#[test]
fn jti_iat_and_reissue_helpers_edit_the_payload() {
    let mut h = harness();
    h.run();
    h.get_by_label("Random jti").click();
    h.run();
    let jti = payload_claims(&h)["jti"].as_str().unwrap().to_owned();
    assert_eq!(jti.len(), 36);
    h.get_by_label("nbf = now").click();
    h.run();
    assert_eq!(payload_claims(&h)["nbf"], NOW);
    h.get_by_label("Re-issue now").click();
    h.run();
    let c = payload_claims(&h);
    assert_eq!(c["iat"], NOW);
    assert_eq!(c["exp"], NOW + 3600, "lifetime kept");
}

#[test]
fn template_menu_starts_an_access_token() {
    let mut h = harness();
    h.run();
    h.get_by_label("New from template ⏷").click();
    h.run();
    h.get_by_label("OAuth access token (RFC 9068)").click();
    h.run();
    assert!(editor_text(&h, "Header").contains("at+jwt"));
    let c = payload_claims(&h);
    assert_eq!(c["client_id"], "web-app");
    assert_eq!(c["exp"], NOW + 900);
    h.get_by_label_contains("Signature verified");
}

#[test]
fn millisecond_exp_is_explained_and_fixed_with_one_click() {
    let mut h = harness();
    h.run();
    let token = example_token(&format!(r#"{{"sub":"x","exp":{}}}"#, (NOW + 600) * 1000));
    h.event(egui::Event::Paste(token));
    h.run();
    h.get_by_label_contains("this looks like milliseconds");
    h.get_by_label("Fix exp").click();
    h.run();
    // A pasted token has no key here (the example's went with the paste): the fix is a draft.
    let payload: serde_json::Value = serde_json::from_str(&editor_text(&h, "Payload")).unwrap();
    assert_eq!(payload["exp"], NOW + 600);
    h.get_by_label_contains("Unsigned draft: no HS256 secret");
}

#[test]
fn findings_are_listed_with_their_count() {
    let mut h = harness();
    h.run();
    h.event(egui::Event::Paste(
        "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.".into(),
    ));
    h.run();
    h.get_by_label_contains("Findings: 1 critical");
    h.get_by_label_contains("Unsecured token (alg \"none\")");
    h.get_by_label("⚠ Unsigned (alg: none)");
}

#[test]
fn guessing_finds_a_tutorial_secret_and_offers_to_use_it() {
    let mut h = harness();
    h.run();
    let key = keys::parse_text("your-256-bit-secret").unwrap();
    let token = sign::sign(
        r#"{"alg":"HS256","typ":"JWT"}"#,
        r#"{"sub":"victim"}"#,
        key.keys.first(),
        sign::Unsecured::Refuse,
    )
    .unwrap()
    .token;
    h.event(egui::Event::Paste(token.clone()));
    h.run();
    h.get_by_label("Guess the secret").click();
    h.run();
    h.get_by_label("Try well-known secrets").click();
    // While the guesser runs a spinner keeps repainting: step instead of waiting to settle.
    for _ in 0..500 {
        h.run_steps(2);
        if h.query_by_label("Use this secret").is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    h.get_by_label_contains("Found the secret");
    h.get_by_label("Use this secret").click();
    h.run();
    assert_eq!(
        h.state().model.state.token,
        token,
        "the pasted token is verified, not re-signed"
    );
    h.get_by_label_contains("Signature verified");
}

fn run_until(h: &mut Harness<'_, App>, what: &str) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
    while std::time::Instant::now() < deadline {
        h.run_steps(2);
        if h.query_by_label_contains(what).is_some() {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!(
        "\"{what}\" did not appear; alg {:?}, state {:?}",
        h.state().model.alg(),
        h.state().model.token_state
    );
}

#[test]
fn generate_key_signs_with_each_family_and_exports_the_public_half() {
    let clipboard = MemoryClipboard::default();
    let mut h = harness_with(clipboard.clone());
    h.run();
    for (alg, generated) in [
        ("ES384 —", "Generated EC P-384"),
        ("EdDSA —", "Generated Ed25519"),
        ("PS256 —", "Generated RSA 2048-bit"),
        ("ES512 —", "Generated EC P-521"),
        ("HS384 —", "Generated HMAC secret, 48 bytes"),
    ] {
        h.get_by_role_and_label(Role::ComboBox, "Algorithm").click();
        h.run();
        h.get_by_label_contains(alg).click();
        h.run();
        let button = if alg.starts_with("HS") {
            "Generate random secret"
        } else {
            "Generate key pair"
        };
        h.get_by_label(button).click();
        run_until(&mut h, generated);
        // Said as the field holds it (PEM), not as the generator made it (DER).
        assert!(
            h.query_by_label_contains("DER)").is_none(),
            "{alg}: the notice names the format the field holds"
        );
        h.get_by_label_contains("Signature verified");
        let token = h.state().model.state.token.clone();
        let a = core::analyze(&token, None, Options::at(NOW));
        assert_eq!(a.decoded.alg_name(), Some(alg.trim_end_matches(" —")));
    }
    // Export the public key of an asymmetric one and check it verifies the token.
    h.get_by_role_and_label(Role::ComboBox, "Algorithm").click();
    h.run();
    h.get_by_label_contains("ES256 —").click();
    h.run();
    h.get_by_label("Generate key pair").click();
    run_until(&mut h, "Generated EC P-256");
    h.get_by_label("Key details and export").click();
    h.run();
    h.get_by_label("Public JWK").click();
    h.run();
    let jwk = clipboard.copied.lock().unwrap().last().cloned().unwrap();
    assert!(
        jwk.contains("\"kty\": \"EC\"") && !jwk.contains("\"d\""),
        "{jwk}"
    );
    let token = h.state().model.state.token.clone();
    assert_eq!(verify(&token, &jwk), SignatureStatus::Verified);
    h.get_by_label("Use thumbprint as kid").click();
    h.run();
    assert!(editor_text(&h, "Header").contains("\"kid\""));
    h.get_by_label_contains("Signature verified");
}

/// A one-route-per-path HTTP server on 127.0.0.1 for the discovery test; returns its base URL.
fn local_issuer(make_routes: impl FnOnce(&str) -> Vec<(String, String)>) -> String {
    use std::io::{BufRead as _, BufReader, Write as _};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let routes = make_routes(&base);
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut request = String::new();
            reader.read_line(&mut request).ok();
            let mut line = String::new();
            while reader.read_line(&mut line).unwrap_or(0) > 2 {
                line.clear();
            }
            let path = request.split_whitespace().nth(1).unwrap_or("/").to_owned();
            let (status, body) = match routes.iter().find(|(p, _)| *p == path) {
                Some((_, b)) => ("200 OK", b.clone()),
                None => ("404 Not Found", String::new()),
            };
            let r = format!(
                "HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
            stream.write_all(r.as_bytes()).ok();
        }
    });
    base
}

#[test]
fn a_token_from_a_local_issuer_verifies_through_discovery_with_one_click() {
    let key = jwt_debugger::core::keygen::generate(jwt_debugger::core::keygen::KeyKind::Ec(
        jwt_debugger::core::alg::Curve::P256,
    ))
    .unwrap();
    let mut jwk = jwt_debugger::core::export::jwk(&key, false);
    jwk["kid"] = "local-1".into();
    let jwks = serde_json::json!({"keys": [jwk]}).to_string();
    let issuer = local_issuer(|base| {
        vec![
            (
                "/.well-known/openid-configuration".into(),
                serde_json::json!({"issuer": base, "jwks_uri": format!("{base}/jwks")}).to_string(),
            ),
            ("/jwks".into(), jwks),
        ]
    });
    let token = sign::sign(
        r#"{"alg":"ES256","kid":"local-1"}"#,
        &format!(r#"{{"iss":"{issuer}","sub":"u","exp":{}}}"#, NOW + 60),
        Some(&key),
        sign::Unsecured::Refuse,
    )
    .unwrap()
    .token;
    let mut h = harness();
    h.run();
    h.event(egui::Event::Paste(token.clone()));
    h.run();
    h.get_by_label("? No key: signature not checked");
    h.get_by_label("Fetch keys from the issuer").click();
    h.run();
    h.get_by_label(&format!("Discover keys of {issuer}"))
        .click();
    run_until(&mut h, "Fetched");
    h.get_by_label_contains("Signature verified");
    assert_eq!(h.state().model.state.token, token);
}
