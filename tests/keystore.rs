//! The key store without a credential store (issue #21): `keys add` refuses and writes nothing
//! (no key material on disk, not even its description); `store:NAME` of an unknown key says so.
#![cfg(feature = "gui")]
#![allow(clippy::unwrap_used)] // tests fail loudly by design

mod common;
use common::bin;

#[test]
fn without_a_credential_store_nothing_is_written() {
    let config = tempfile::tempdir().unwrap();
    let out = bin()
        .env("XDG_CONFIG_HOME", config.path())
        .env(
            "DBUS_SESSION_BUS_ADDRESS",
            "unix:path=/nonexistent/jwt-debugger-test-bus",
        )
        .args([
            "keys",
            "add",
            "nowhere",
            "a-secret-that-must-not-reach-disk-at-all",
        ])
        .output()
        .unwrap();
    assert_ne!(out.status.code(), Some(0));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("keys add:"), "{err}");
    assert!(
        !err.contains("a-secret-that-must-not"),
        "the secret in a message: {err}"
    );
    assert!(!config.path().join("jwt-debugger/keys.json").exists());
    let out = bin()
        .env("XDG_CONFIG_HOME", config.path())
        .args([
            "decode",
            "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln",
            "--key",
            "store:nowhere",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no key named \"nowhere\""));
}
