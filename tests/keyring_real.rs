//! Remembered keys against a real Secret Service: run by `.ci/run` inside `dbus-run-session`
//! with an unlocked `gnome-keyring-daemon` (ignored elsewhere, where no such service runs).
#![cfg(feature = "gui")]
#![allow(clippy::unwrap_used)] // tests fail loudly by design

use jwt_debugger::ui::secrets::{KeyStore as _, SystemKeyStore};
use jwt_debugger::ui::state::KeyInputs;

#[test]
#[ignore = "needs a running Secret Service (see .ci/run)"]
fn keys_round_trip_through_the_secret_service_and_are_forgotten() {
    let store = SystemKeyStore;
    store.forget().unwrap();
    assert!(store.load().unwrap().is_none());
    let mut keys = KeyInputs::default();
    keys.secret = "kept-by-the-secret-service-not-by-app.ron".into();
    keys.private_key = "-----BEGIN PRIVATE KEY-----\nMC4CAQAw\n-----END PRIVATE KEY-----".into();
    store.save(&keys).unwrap();
    let back = store.load().unwrap().unwrap();
    assert_eq!(back.secret, keys.secret);
    assert_eq!(back.private_key, keys.private_key);
    store.forget().unwrap();
    assert!(store.load().unwrap().is_none());
}

/// The key store (issue #21) through the real binary: a stored key verifies with `store:NAME`,
/// keys.json holds no material, removal forgets it.
#[test]
#[ignore = "needs a running Secret Service (see .ci/run)"]
fn a_stored_key_verifies_by_name_and_its_material_never_reaches_keys_json() {
    let bin = assert_cmd::cargo::cargo_bin("jwt-debugger");
    let run = |args: &[&str]| {
        std::process::Command::new(&bin)
            .args(args)
            .output()
            .unwrap()
    };
    let secret = "stored-secret-kept-by-the-secret-service-only";
    let token = String::from_utf8(
        run(&[
            "encode",
            "--alg",
            "HS256",
            "--key",
            secret,
            "--no-iat",
            r#"{"sub":"s"}"#,
        ])
        .stdout,
    )
    .unwrap()
    .trim()
    .to_owned();
    let out = run(&["keys", "add", "ci-hs", secret, "--note", "CI only"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = run(&["decode", &token, "--key", "store:ci-hs", "--json"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["signature"]["status"], "verified");
    let listed = String::from_utf8(run(&["keys", "list", "--json"]).stdout).unwrap();
    assert!(
        listed.contains("\"ci-hs\"") && listed.contains("CI only"),
        "{listed}"
    );
    let config = std::env::var("XDG_CONFIG_HOME").unwrap();
    let metadata =
        std::fs::read_to_string(std::path::Path::new(&config).join("jwt-debugger/keys.json"))
            .unwrap();
    assert!(!metadata.contains(secret), "key material in keys.json");
    assert!(run(&["keys", "rm", "ci-hs"]).status.success());
    let out = run(&["decode", &token, "--key", "store:ci-hs"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no key named"));
}
