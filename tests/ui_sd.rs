//! SD-JWTs in the app (issue #19), through the accessibility tree: a presentation shows its
//! disclosures table, the disclosed claims marked, and its key binding checked against the
//! audience and nonce typed in; a tampered disclosure is named; a token being built gets
//! selectively disclosable claims by ticking them; "Present…" makes a presentation with a
//! key-binding JWT that verifies when opened.
#![cfg(feature = "gui")]
#![allow(clippy::unwrap_used)] // tests fail loudly by design

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use jwt_debugger::core::{self, export, keygen, sdjwt};
use jwt_debugger::ui::App;
use jwt_debugger::ui::clipboard::MemoryClipboard;
use jwt_debugger::ui::model::AppState;

/// Ten seconds after the example presentation's key-binding JWT was made.
const NOW: i64 = 1_683_000_010;

fn vector() -> serde_json::Value {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vectors/sd_jwt/simple.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn harness(clipboard: &MemoryClipboard) -> Harness<'static, App> {
    let app = App::with_parts(
        AppState::default(),
        Box::new(clipboard.clone()),
        Box::new(|| NOW),
        None,
    );
    Harness::builder()
        .with_size([1280.0, 2400.0])
        .with_max_steps(16)
        .build_ui_state(|ui, app: &mut App| app.draw(ui), app)
}

fn type_into(h: &mut Harness<'_, App>, role: Role, label: &str, text: &str) {
    h.get_by_role_and_label(role, label).focus();
    h.run();
    h.event(egui::Event::Text(text.to_owned()));
    h.run();
}

#[test]
fn a_presentation_shows_its_disclosures_and_checks_its_key_binding() {
    let v = vector();
    let clipboard = MemoryClipboard::default();
    let mut h = harness(&clipboard);
    h.run();
    h.event(egui::Event::Paste(
        v["presentation"].as_str().unwrap().to_owned(),
    ));
    h.run();
    h.get_by_label("Disclosures (4)");
    h.get_by_label_contains("Disclosures match");
    // The table: each disclosed claim with its value and where it went.
    // (Names show in the table and in the claims list.)
    assert!(h.query_all_by_label("given_name").count() >= 2);
    assert!(h.query_all_by_label("John").count() >= 2);
    h.get_by_label("/address");
    h.get_by_label("/nationalities/0");
    // given_name, family_name and address (the nationality is an element inside a claim).
    assert_eq!(h.query_all_by_label("disclosed").count(), 3);
    // cnf.jwk holds the holder key; aud and nonce are shown but not yet checked.
    h.get_by_label_contains("Key binding verified");
    h.get_by_label_contains("nonce 1234567890");
    // The verifier expects another nonce: the key binding fails and says why.
    // (The key binding check is open when there is a key binding.)
    h.get_by_label("Key binding check");
    type_into(&mut h, Role::TextInput, "Expected nonce", "not-the-nonce");
    h.get_by_label_contains("Key binding fails");
    assert!(
        h.query_all_by_label_contains("nonce is \"1234567890\", expected \"not-the-nonce\"")
            .count()
            >= 1
    );
    // Typed right, it verifies again.
    let field = h.get_by_role_and_label(Role::TextInput, "Expected nonce");
    field.focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.event(egui::Event::Text("1234567890".into()));
    h.run();
    h.get_by_label_contains("Key binding verified");
}

#[test]
fn a_changed_disclosure_is_named_with_the_rule_it_breaks() {
    let v = vector();
    let presentation = v["presentation"].as_str().unwrap();
    let mut parts: Vec<String> = presentation.split('~').map(str::to_owned).collect();
    // An extra disclosure that no digest references.
    parts.insert(
        1,
        core::b64::encode(r#"["c2FsdHNhbHRzYWx0c2FsdA","role","admin"]"#),
    );
    let tampered = parts.join("~");
    let clipboard = MemoryClipboard::default();
    let mut h = harness(&clipboard);
    h.run();
    h.event(egui::Event::Paste(tampered));
    h.run();
    h.get_by_label_contains("Disclosures: 1 rule broken");
    assert!(
        h.query_all_by_label_contains("its digest is referenced nowhere")
            .count()
            >= 1
    );
    // The key binding covered the presentation as it was: adding a disclosure breaks it.
    h.get_by_label_contains("Key binding fails");
}

#[test]
fn ticking_claims_builds_an_sd_jwt_and_present_makes_a_bound_presentation() {
    let holder = keygen::generate(keygen::KeyKind::Ec(core::alg::Curve::P256)).unwrap();
    let holder_public = export::jwk(&holder, false).to_string();
    let holder_private = export::private_pem(&holder).unwrap().to_string();
    let clipboard = MemoryClipboard::default();
    let mut h = harness(&clipboard);
    h.run();
    h.get_by_label_contains("Selective disclosure (SD-JWT)")
        .click();
    h.run();
    type_into(
        &mut h,
        Role::MultilineTextInput,
        "Holder key",
        &holder_public,
    );
    h.get_by_role_and_label(Role::CheckBox, "name").click();
    h.run();
    h.get_by_role_and_label(Role::CheckBox, "admin").click();
    h.run();
    let issuance = h.state().model.state.token.clone();
    assert_eq!(issuance.matches('~').count(), 3, "{issuance}");
    // The token on screen is an SD-JWT whose disclosures match, signed with the example key.
    h.get_by_label("Disclosures (2)");
    h.get_by_label_contains("Disclosures match");
    h.get_by_label_contains("Signature verified");
    let a = core::analyze(&issuance, None, core::Options::at(NOW));
    let claims = a.sd.unwrap().claims.unwrap();
    assert_eq!(claims["name"], "John Doe");
    assert_eq!(claims["admin"], true);
    assert!(
        claims["cnf"]["jwk"]["x"].is_string(),
        "the holder key is bound"
    );
    // The editor still holds the plain claims: the digests are the token's business.
    assert!(!h.state().model.state.payload.contains("_sd"));

    // Present only "name", bound to a verifier with the holder's private key.
    h.get_by_label("Present…").click();
    h.run();
    h.get_by_label_contains(". name = John Doe").click();
    h.run();
    type_into(
        &mut h,
        Role::MultilineTextInput,
        "Holder's private key (for key binding; optional)",
        &holder_private,
    );
    type_into(
        &mut h,
        Role::TextInput,
        "Audience (the verifier)",
        "https://verifier.example",
    );
    type_into(&mut h, Role::TextInput, "Nonce", "n-42");
    h.get_by_label("Make presentation").click();
    h.run();
    h.get_by_label("Copy presentation").click();
    h.run();
    let presented = clipboard.copied.lock().unwrap().last().cloned().unwrap();
    let mut options = core::Options::at(NOW);
    options.sd.kb_aud = Some("https://verifier.example".into());
    options.sd.kb_nonce = Some("n-42".into());
    let a = core::analyze(&presented, None, options);
    let sd = a.sd.unwrap();
    assert_eq!(sd.disclosures.len(), 1);
    assert_eq!(sd.claims.as_ref().unwrap()["name"], "John Doe");
    assert!(sd.claims.as_ref().unwrap().get("admin").is_none());
    assert_eq!(
        sd.key_binding.unwrap().status,
        sdjwt::KbStatus::Verified,
        "the key binding made here verifies"
    );
    // Opened here, it shows as a presentation with its key binding.
    h.get_by_label("Open it here").click();
    h.run();
    assert_eq!(h.state().model.state.token, presented);
    h.get_by_label("Disclosures (1)");
    h.get_by_label_contains("Key binding verified");
}
