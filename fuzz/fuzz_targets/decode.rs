//! Decoding arbitrary text never panics, and what it reports stays inside the input.
#![no_main]

use jwt_debugger::core::parse;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let d = parse::decode(&text);
    for part in &d.parts {
        assert!(part.span.start <= part.span.end && part.span.end <= text.len());
    }
    for e in &d.errors {
        assert!(e.span.end <= text.len());
    }
    let _ = jwt_debugger::core::parse::find_token(&text);
});
