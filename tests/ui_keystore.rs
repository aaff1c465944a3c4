//! The key store in the app (issue #21): with no credential store reachable (as here), a key
//! saved by name is kept for the session only and says so; a token from the same issuer is
//! offered "Verify with '…'"; deleting asks first.
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
const SECRET: &str = "issuer-secret-that-is-32-bytes-long!";

fn token(sub: &str) -> String {
    let key = keys::parse_text(SECRET).unwrap();
    sign::sign(
        r#"{"alg":"HS256","typ":"JWT"}"#,
        &format!(
            r#"{{"iss":"https://issuer.example","sub":"{sub}","exp":{}}}"#,
            NOW + 60
        ),
        key.keys.first(),
        sign::Unsecured::Refuse,
    )
    .unwrap()
    .token
}

/// Runs the test body in a child process of this test binary with the environment it needs (a
/// throwaway configuration folder, no reachable Secret Service): the environment is never
/// changed inside a running test process.
#[test]
fn a_named_key_is_saved_offered_for_its_issuer_used_and_deleted_after_asking() {
    if std::env::var_os("JWT_DEBUGGER_KEYSTORE_CHILD").is_some() {
        return body();
    }
    let config = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "a_named_key_is_saved_offered_for_its_issuer_used_and_deleted_after_asking",
            "--nocapture",
        ])
        .env("JWT_DEBUGGER_KEYSTORE_CHILD", "1")
        .env("XDG_CONFIG_HOME", config.path())
        .env(
            "DBUS_SESSION_BUS_ADDRESS",
            "unix:path=/nonexistent/jwt-debugger-bus",
        )
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        !config.path().join("jwt-debugger/keys.json").exists(),
        "nothing on disk"
    );
}

fn body() {
    let clipboard = MemoryClipboard::default();
    let app = App::with_parts(
        AppState::default(),
        Box::new(clipboard.clone()),
        Box::new(|| NOW),
        None,
    );
    let mut h = Harness::builder()
        .with_size([1280.0, 4000.0])
        .with_max_steps(16)
        .build_ui_state(|ui, app: &mut App| app.draw(ui), app);
    h.run();
    h.event(egui::Event::Paste(token("first")));
    h.run();
    h.get_by_role_and_label(Role::PasswordInput, "Secret")
        .focus();
    h.run();
    h.event(egui::Event::Text(SECRET.into()));
    h.run();
    h.get_by_label_contains("Signature verified");
    h.get_by_label("Key store (0)").click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Save the key in the fields as")
        .focus();
    h.run();
    h.event(egui::Event::Text("issuer prod".into()));
    h.run();
    h.get_by_label("Save to key store").click();
    h.run();
    h.get_by_label("Key store (1)");
    assert!(h.query_all_by_label_contains("this session only").count() >= 1);

    // A new tab, another token from that issuer: the stored key is offered.
    h.get_by_label("+").click();
    h.run();
    h.event(egui::Event::Paste(token("second")));
    h.run();
    h.get_by_label_contains("No key: signature not checked");
    h.get_by_label("Verify with 'issuer prod'").click();
    h.run();
    h.get_by_label_contains("Signature verified");

    // Deleting asks first; "Keep it" keeps it.
    h.get_by_label("Delete").click();
    h.run();
    h.get_by_label("Delete 'issuer prod' from the key store?");
    h.get_by_label("Keep it").click();
    h.run();
    h.get_by_label("Key store (1)");

    // Rename, then copy: the public part of a secret does not exist; the whole key is copied
    // only when asked for.
    h.get_by_label("Rename").click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "New name for 'issuer prod'")
        .focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.event(egui::Event::Text("issuer staging".into()));
    h.run();
    h.get_by_label("Rename it").click();
    h.run();
    h.get_by_label("issuer staging");
    h.get_by_label("Copy public").click();
    h.run();
    h.get_by_label_contains("An HMAC secret has no public part");
    h.get_by_label("Copy with private key").click();
    h.run();
    assert_eq!(
        clipboard.copied.lock().unwrap().last().map(String::as_str),
        Some(SECRET)
    );

    // And deleted after saying yes.
    h.event(egui::Event::PointerMoved(egui::pos2(1.0, 1.0)));
    h.run();
    h.get_by_label("Delete").click();
    h.run();
    h.get_by_label("Delete 'issuer staging' from the key store?");
    h.get_by_label("Yes, delete it").click();
    h.run();
    h.get_by_label("Key store (0)");
}
