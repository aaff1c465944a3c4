//! `scan` over arbitrary bytes: never a panic; the tokens and places found do not depend on how
//! the input is cut into chunks; every token found decodes without error; a HAR reading of the
//! same bytes never panics either.
#![no_main]

use jwt_debugger::core::{parse, scan};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let whole = scan::scan_text(data);
    // The first byte picks a chunk size, so that runs cross chunk ends in every way.
    let size = usize::from(data.first().copied().unwrap_or(1)).max(1);
    let mut s = scan::TextScanner::new();
    for chunk in data.chunks(size) {
        s.feed(chunk);
    }
    assert_eq!(s.finish().into_found(), whole, "chunks of {size} changed the result");
    for found in &whole {
        assert!(!found.occurrences.is_empty());
        let d = parse::decode(&found.token);
        assert!(d.header.is_some(), "a token without a readable header: {}", found.token);
    }
    let _ = scan::scan_har(data);
});
