//! SD-JWT presentations, mutated: never a panic, and never "valid with verified key binding"
//! for anything but exactly the presentation the holder signed. The issuer key, audience, nonce
//! and time are those of RFC 9901's "simple" example (tests/vectors/sd_jwt/simple.json), whose
//! tokens seed the corpus: a mutation that keeps the issuer signature, the disclosures and the
//! key-binding JWT all valid must be the original presentation (`sd_hash` covers it whole).
#![no_main]

use std::sync::OnceLock;

use jwt_debugger::core::{self, KeySet, Options, SignatureStatus, keys, sdjwt};
use libfuzzer_sys::fuzz_target;

struct Fixture {
    key: KeySet,
    presented: String,
}

fn fixture() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| {
        let doc = core::json::parse(include_str!("../../tests/vectors/sd_jwt/simple.json"))
            .expect("the vector is JSON")
            .value;
        let presentation = doc["presentation"].as_str().expect("a compact presentation");
        let presented = presentation[..=presentation.rfind('~').expect("an SD-JWT")].to_owned();
        Fixture {
            key: keys::parse_text(&doc["issuer_public_jwk"].to_string()).expect("the issuer key"),
            presented,
        }
    })
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let f = fixture();
    let mut options = Options::at(1_683_000_000);
    options.sd.kb_aud = Some("https://verifier.example.org".into());
    options.sd.kb_nonce = Some("1234567890".into());
    let a = core::analyze(&text, Some(&f.key), options);
    let _ = a.to_json();
    let Some(sd) = &a.sd else { return };
    let kb_verified = sd
        .key_binding
        .as_ref()
        .is_some_and(|kb| kb.status == sdjwt::KbStatus::Verified);
    if a.signature.status == SignatureStatus::Verified
        && sd.status == sdjwt::SdStatus::Valid
        && kb_verified
    {
        let parts = a.decoded.sd.as_ref().expect("an SD-JWT has its parts");
        assert_eq!(parts.presented, f.presented, "a changed presentation passed");
    }
});
