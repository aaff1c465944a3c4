//! The token's kind in the app (issue #20), through the accessibility tree: the kind line under
//! the badges, the rules panel, the inputs a DPoP proof needs, and a DPoP proof checked against
//! the access token held by another tab.
#![cfg(feature = "gui")]
#![allow(clippy::unwrap_used)] // tests fail loudly by design

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use jwt_debugger::core::{keys, sign};
use jwt_debugger::ui::App;
use jwt_debugger::ui::clipboard::MemoryClipboard;
use jwt_debugger::ui::model::AppState;

const NOW: i64 = 1_800_000_000;

fn harness() -> Harness<'static, App> {
    let app = App::with_parts(
        AppState::default(),
        Box::new(MemoryClipboard::default()),
        Box::new(|| NOW),
        None,
    );
    Harness::builder()
        .with_size([1280.0, 2400.0])
        .with_max_steps(16)
        .build_ui_state(|ui, app: &mut App| app.draw(ui), app)
}

fn type_into(h: &mut Harness<'_, App>, label: &str, text: &str) {
    h.get_by_role_and_label(Role::TextInput, label).focus();
    h.run();
    h.event(egui::Event::Text(text.to_owned()));
    h.run();
}

fn check_status(h: &Harness<'_, App>, id: &str) -> String {
    let p = h.state().model.analysis.profile.clone().unwrap();
    let c = p.checks.iter().find(|c| c.id == id).unwrap();
    format!("{:?}", c.status)
}

#[test]
fn a_dpop_proof_from_the_template_asks_for_its_request_and_checks_it() {
    let mut h = harness();
    h.run();
    // The example is a plain JWT: the kind line says so.
    h.get_by_label_contains("Kind: JWT (no rules");
    h.get_by_label("New from template ⏷").click();
    h.run();
    h.get_by_label("DPoP proof (ES256, new key)").click();
    h.run();
    // Signed with a fresh key whose public half is in the jwk header.
    h.get_by_label_contains("Kind: DPoP proof ·");
    h.get_by_label_contains("checks need an input");
    assert_eq!(check_status(&h, "jwk"), "Pass");
    assert_eq!(check_status(&h, "htm"), "NotChecked");
    type_into(&mut h, "Request method", "GET");
    assert_eq!(check_status(&h, "htm"), "Fail");
    h.get_by_label_contains("checks fail");
    let field = h.get_by_role_and_label(Role::TextInput, "Request method");
    field.focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.event(egui::Event::Text("POST".into()));
    h.run();
    assert_eq!(check_status(&h, "htm"), "Pass");
    type_into(
        &mut h,
        "Request URL",
        "https://api.example.com/orders?page=2",
    );
    assert_eq!(check_status(&h, "htu"), "Pass");
    // Left: the access token it goes with.
    h.get_by_label_contains("1 of");
    assert_eq!(check_status(&h, "cnf.jkt"), "NotChecked");

    // Another tab holds the access token bound to this proof's key.
    let jwk = h.state().model.analysis.decoded.header.as_ref().unwrap()["jwk"].to_string();
    let thumbprint = keys::parse_text(&jwk).unwrap().keys[0].thumbprint();
    let secret = keys::parse_text("a-string-secret-at-least-256-bits-long").unwrap();
    let access_token = sign::sign(
        r#"{"alg":"HS256","typ":"at+jwt"}"#,
        &format!(r#"{{"sub":"u","cnf":{{"jkt":"{thumbprint}"}}}}"#),
        secret.keys.first(),
        sign::Unsecured::Refuse,
    )
    .unwrap()
    .token;
    h.get_by_label("+").click();
    h.run();
    h.event(egui::Event::Paste(access_token.clone()));
    h.run();
    h.get_by_label_contains("Kind: access token ·");
    // Back to the proof, and check it against the other tab.
    h.get_by_label("Token 1").click();
    h.run();
    h.get_by_label_contains("Kind: DPoP proof ·");
    h.get_by_label("Check against tab…").click();
    h.run();
    // (The tab bar has a "Token 2" too: the menu's entry is the last one drawn.)
    h.get_all_by_label("Token 2").last().unwrap().click();
    h.run();
    assert_eq!(h.state().model.profile_inputs.access_token, access_token);
    assert_eq!(check_status(&h, "cnf.jkt"), "Pass");
    // Side by side: the proof's checks and the access token it goes with.
    h.get_by_label("The access token it goes with");
    h.get_by_label(&format!("cnf.jkt: {thumbprint}"));
    // The template's proof carries no ath: sent with an access token, it must.
    assert_eq!(check_status(&h, "ath"), "Fail");
}

#[test]
fn the_logout_template_passes_its_rules() {
    let mut h = harness();
    h.run();
    h.get_by_label("New from template ⏷").click();
    h.run();
    h.get_by_label("Logout token").click();
    h.run();
    h.get_by_label_contains("Kind: logout token ·");
    h.get_by_label_contains("checks pass");
    let p = h.state().model.analysis.profile.clone().unwrap();
    assert_eq!(
        p.status,
        jwt_debugger::core::profile::ProfileStatus::Valid,
        "{p:#?}"
    );
}

#[test]
fn a_detached_token_asks_for_its_content_and_verifies_with_it() {
    let secret = "a-string-secret-at-least-256-bits-long";
    let key = keys::parse_text(secret).unwrap();
    let whole = sign::sign(
        r#"{"alg":"HS256"}"#,
        r#"{"sub":"detached"}"#,
        key.keys.first(),
        sign::Unsecured::Refuse,
    )
    .unwrap()
    .token;
    let parts: Vec<&str> = whole.split('.').collect();
    let detached = format!("{}..{}", parts[0], parts[2]);
    let mut h = harness();
    h.run();
    h.event(egui::Event::Paste(detached));
    h.run();
    h.get_by_role_and_label(Role::PasswordInput, "Secret")
        .focus();
    h.run();
    h.event(egui::Event::Text(secret.to_owned()));
    h.run();
    h.get_by_label("Detached payload");
    assert_ne!(
        h.state().model.analysis.signature.status,
        jwt_debugger::core::SignatureStatus::Verified
    );
    h.get_by_role_and_label(Role::MultilineTextInput, "Detached payload")
        .focus();
    h.run();
    h.event(egui::Event::Text(r#"{"sub":"detached"}"#.to_owned()));
    h.run();
    h.get_by_label_contains("Signature verified");
}
