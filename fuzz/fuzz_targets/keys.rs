//! Key parsing of arbitrary bytes (PEM, DER, JWK, JWKS, OpenSSH, secrets) never panics, and a
//! key that parses can be described and fingerprinted.
#![no_main]

use jwt_debugger::core::keys;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(set) = keys::parse_bytes(data) {
        let _ = set.describe();
        for k in &set.keys {
            let _ = k.thumbprint();
            let _ = k.is_roca_vulnerable();
            let _ = k.is_small_order_ed25519();
        }
    }
    let text = String::from_utf8_lossy(data);
    let _ = keys::looks_like_public_key(&text);
    let _ = keys::parse_text(&text);
});
