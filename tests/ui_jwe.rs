//! Encrypted and nested tokens in the app (issue #12), driven through the accessibility tree: a
//! pasted JWE says it is not decrypted, its key decrypts it, the inner token shows with its own
//! verdict and opens alone, and the Encrypt tool wraps the token on screen.
#![cfg(feature = "gui")]
#![allow(clippy::unwrap_used)] // tests fail loudly by design

#[path = "common/ui.rs"]
mod ui_common;
use ui_common::settle;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use jwt_debugger::core::jwe::{self, Enc, EncryptOptions, KeyAlg};
use jwt_debugger::core::{KeySet, keys, sign};
use jwt_debugger::ui::App;
use jwt_debugger::ui::clipboard::MemoryClipboard;
use jwt_debugger::ui::model::AppState;

const NOW: i64 = 1_800_000_000;
const INNER_SECRET: &str = "inner-secret-that-is-32-bytes-long!!";
/// The password that encrypts the outer layer (PBES2), typed into the Password field.
const PASSWORD: &str = "correct horse battery staple";

fn harness() -> Harness<'static, App> {
    let app = App::with_parts(
        AppState::default(),
        Box::new(MemoryClipboard::default()),
        Box::new(|| NOW),
        None,
    );
    // A job finishing during a run asks for a few more frames than a click does.
    Harness::builder()
        .with_size([1280.0, 1000.0])
        .with_max_steps(16)
        .build_ui_state(|ui, app: &mut App| app.draw(ui), app)
}

fn nested_token() -> (String, String) {
    let key = keys::parse_text(INNER_SECRET).unwrap();
    let inner = sign::sign(
        r#"{"alg":"HS256","typ":"JWT"}"#,
        r#"{"sub":"inside","exp":1800003600}"#,
        key.keys.first(),
        sign::Unsecured::Refuse,
    )
    .unwrap()
    .token;
    let password = KeySet::from_secret(PASSWORD.as_bytes());
    let mut options = EncryptOptions {
        cty: Some("JWT".into()),
        ..Default::default()
    };
    options.header.insert("p2c".into(), 2000.into());
    let outer = jwe::encrypt(
        inner.as_bytes(),
        KeyAlg::Pbes2Hs256A128Kw,
        Enc::A128CbcHs256,
        &password.keys[0],
        &options,
    )
    .unwrap();
    (outer, inner)
}

fn type_into(h: &mut Harness<'_, App>, role: Role, label: &str, text: &str) {
    h.get_by_role_and_label(role, label).focus();
    h.run();
    for ch in text.chars() {
        h.event(egui::Event::Text(ch.to_string()));
        h.run();
    }
    settle(h);
}

#[test]
fn a_pasted_nested_token_decrypts_with_its_password_and_shows_its_inner_token() {
    let (outer, inner) = nested_token();
    let mut h = harness();
    h.run();
    h.event(egui::Event::Paste(outer.clone()));
    h.run();
    h.get_by_label_contains("Encrypted: not decrypted");
    h.get_by_label_contains("PBES2-HS256+A128KW + A128CBC-HS256");
    // A PBES2 token asks for a password, and says what was typed is one.
    assert!(
        h.query_by_role_and_label(Role::PasswordInput, "Secret")
            .is_none()
    );
    type_into(&mut h, Role::PasswordInput, "Password", PASSWORD);
    h.get_by_label_contains("Decrypted");
    assert!(h.get_all_by_label_contains("password, 28 bytes").count() >= 1);
    assert!(h.query_by_label_contains("HMAC secret").is_none());
    h.get_by_label("Inner token");
    h.get_by_label_contains("Enter the inner token's key below");
    type_into(
        &mut h,
        Role::PasswordInput,
        "Inner token's key",
        INNER_SECRET,
    );
    h.get_by_label_contains("Signature verified");
    // The payload editor holds the decrypted content: the inner token itself.
    let payload = h
        .get_by_role_and_label(Role::MultilineTextInput, "Payload")
        .value()
        .unwrap_or_default();
    assert_eq!(payload, inner);

    h.get_by_label("Open the inner token alone").click();
    h.run();
    assert_eq!(h.state().model.state.token, inner);
    h.get_by_label_contains("Signature verified");
    h.get_by_label("◀ Back to the encrypted token").click();
    settle(&mut h);
    assert_eq!(h.state().model.state.token, outer);
    h.get_by_label_contains("Decrypted");
}

#[test]
fn a_wrong_password_says_wrong_key_and_shows_no_plaintext() {
    let (outer, _) = nested_token();
    let mut h = harness();
    h.run();
    h.event(egui::Event::Paste(outer));
    h.run();
    type_into(&mut h, Role::PasswordInput, "Password", "not the password");
    h.get_by_label_contains("Wrong key");
    assert!(h.state().model.state.payload.is_empty());
    assert!(h.query_by_label("Inner token").is_none());
}

#[test]
fn the_encrypt_tool_wraps_the_token_on_screen_for_a_recipient() {
    let mut h = harness();
    h.run();
    let shown = h.state().model.state.token.clone();
    h.get_by_label("🔐 Encrypt (JWE)").click();
    h.run();
    // Choose password-based encryption in the key management picker.
    h.get_by_role_and_label(Role::ComboBox, "Key management")
        .click();
    h.run();
    h.get_by_label("PBES2-HS256+A128KW").click();
    h.run();
    type_into(
        &mut h,
        Role::MultilineTextInput,
        "Recipient's key",
        PASSWORD,
    );
    h.get_by_label("Encrypt").click();
    // The work runs on its own thread: wait for it.
    for _ in 0..200 {
        // A spinner turns while the job runs: step frames instead of waiting for a still UI.
        h.step();
        if h.query_by_label("Open it as the token").is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    h.get_by_label("Open it as the token").click();
    h.run();
    let token = h.state().model.state.token.clone();
    assert_eq!(token.split('.').count(), 5, "{token}");
    h.get_by_label_contains("Encrypted: not decrypted");
    // It opens with the same password, and holds the token that was on screen.
    let a = jwt_debugger::core::analyze(
        &token,
        Some(&KeySet::from_secret(PASSWORD.as_bytes())),
        jwt_debugger::core::Options::at(NOW),
    );
    assert_eq!(
        a.jwe.unwrap().plaintext.unwrap().as_slice(),
        shown.as_bytes()
    );
}

#[test]
fn the_algorithm_picker_offers_the_encryption_algorithms_and_opens_the_encrypt_tool() {
    // Tall enough that the picker's list shows its encryption entries without scrolling.
    let app = App::with_parts(
        AppState::default(),
        Box::new(MemoryClipboard::default()),
        Box::new(|| NOW),
        None,
    );
    let mut h = Harness::builder()
        .with_size([1280.0, 1600.0])
        .build_ui_state(|ui, app: &mut App| app.draw(ui), app);
    h.run();
    h.get_by_role_and_label(Role::ComboBox, "Algorithm").click();
    h.run();
    // Below the signing algorithms: scroll the list to it, as a person would.
    h.get_by_label("🔐 A256GCMKW — encrypt the token")
        .scroll_to_me();
    h.run();
    h.get_by_label("🔐 A256GCMKW — encrypt the token").click();
    h.run();
    // The signing algorithm is unchanged.
    assert!(h.state().model.state.header.contains("HS256"));
    // The tool is open with that alg chosen.
    h.get_by_role_and_label(Role::MultilineTextInput, "Recipient's key");
    let picked = h
        .get_by_role_and_label(Role::ComboBox, "Key management")
        .value()
        .unwrap_or_default();
    assert_eq!(picked, "A256GCMKW");
}
