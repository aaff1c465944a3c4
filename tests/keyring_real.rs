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
