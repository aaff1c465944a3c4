//! The whole analysis of arbitrary text, without a key and with keys of each kind: never a panic,
//! never "verified" for a token that is malformed or unsigned, and never "decrypted" without a
//! plaintext or for a malformed token. The JWE keys are those of Wycheproof's JWE tests, whose
//! tokens seed the corpus, so decryption paths are reached.
#![no_main]

use std::sync::OnceLock;

use jwt_debugger::core::{self, KeySet, Options, SignatureStatus, keys};
use libfuzzer_sys::fuzz_target;

fn key_sets() -> &'static Vec<KeySet> {
    static SETS: OnceLock<Vec<KeySet>> = OnceLock::new();
    SETS.get_or_init(|| {
        [
            "a-string-secret-at-least-256-bits-long",
            r#"{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}"#,
            r#"{"keys":[{"kty":"EC","crv":"P-256","kid":"a","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU","y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"},{"kty":"oct","k":"AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow"}]}"#,
            r#"{"keys":[{"kty":"oct","kid":"kid-aes-encrypt","k":"W1vBUI1-5HARc-qyT8hcYBt6q9sFNsztBrhlbl9W2CA"},{"kty":"oct","k":"7WE3mok1OSUiEM8sgUHnAA"},{"kty":"EC","crv":"P-256","kid":"kid-ec-decrypt","x":"weNJy2HscCSM6AEDTDg04biOvhFhyyWvOHQfeF_PxMQ","y":"e8lnCO-AlStT-NJVX-crhB7QRYhiix03illJOVAOyck","d":"VEmDZpDXXK8p8N0Cndsxs924q6nS1RXFASRl6BfUqdw"}]}"#,
        ]
        .iter()
        .filter_map(|k| keys::parse_text(k).ok())
        .collect()
    })
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let no_key = core::analyze(&text, None, Options::at(1_800_000_000));
    let _ = no_key.to_json();
    for set in key_sets() {
        let a = core::analyze(&text, Some(set), Options::at(1_800_000_000));
        if let Some(jwe) = &a.jwe
            && jwe.status == core::jwe::JweStatus::Decrypted
        {
            assert!(!a.is_malformed(), "decrypted a malformed token");
            assert!(jwe.plaintext.is_some(), "decrypted without a plaintext");
        }
        if a.signature.status == SignatureStatus::Verified {
            assert!(!a.is_malformed(), "verified a malformed token");
            assert_ne!(a.decoded.alg_name().map(str::to_ascii_lowercase).as_deref(), Some("none"));
        }
    }
});
