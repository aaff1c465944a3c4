//! The JSON reader (member order, exact numbers, duplicates) never panics, and what it accepts
//! serialises again.
#![no_main]

use jwt_debugger::core::json;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data)
        && let Ok(parsed) = json::parse(text)
    {
        assert!(parsed.duplicates.len() <= json::MAX_RECORDED_DUPLICATES);
        let again = json::to_compact(&parsed.value);
        assert!(json::parse(&again).is_ok(), "re-serialised JSON does not parse: {again}");
    }
});
