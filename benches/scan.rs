//! `scan` throughput: text with few tokens (log lines), text dense with tokens, and a HAR file.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use jwt_debugger::core::scan;

const TOKEN: &str = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";

/// Log lines like a service writes: timestamps, paths, versions, ids; one token per `every`.
fn log(bytes: usize, every: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes + 512);
    let mut i = 0usize;
    while out.len() < bytes {
        let line = if i % every == every - 1 {
            format!(
                "2026-11-28T10:00:{:02}.123Z INFO  http request GET /api/v1.2/orders?id={i} Authorization: Bearer {TOKEN}\n",
                i % 60
            )
        } else {
            format!(
                "2026-11-28T10:00:{:02}.123Z DEBUG pool-{} worker.rs:{} task {i} done in {}.{} ms (v1.2.3, id 9f3c-{i:x})\n",
                i % 60,
                i % 8,
                i % 400,
                i % 90,
                i % 10
            )
        };
        out.extend_from_slice(line.as_bytes());
        i += 1;
    }
    out
}

fn bench_scan(c: &mut Criterion) {
    let mut group = c.benchmark_group("scan");
    group.sample_size(10);
    for (name, every) in [
        ("log, 1 token per 10,000 lines", 10_000),
        ("log, 1 token per 10 lines", 10),
    ] {
        let text = log(64 << 20, every);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(name, |b| {
            b.iter(|| {
                let mut s = scan::TextScanner::new();
                for chunk in text.chunks(1 << 20) {
                    s.feed(chunk);
                }
                black_box(s.finish())
            })
        });
    }
    group.finish();
}

/// The hardest inputs we know for the candidate search: every byte pair a header start, headers
/// that decode to long valid JSON prefixes, and dots in every place a token could need them.
fn adversarial(bytes: usize) -> Vec<(&'static str, Vec<u8>)> {
    use base64::Engine as _;
    let b64 = |s: &str| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(s);
    let repeat = |unit: &str| {
        unit.as_bytes()
            .iter()
            .copied()
            .cycle()
            .take(bytes)
            .collect()
    };
    // Nested objects whose every level starts at a base64 group: each level a candidate.
    let nested = {
        let mut json = String::new();
        while json.len() < 5000 {
            json.push_str("{\"alg\":");
        }
        json.push('1');
        format!("{}.e30.c2ln\n", b64(&json))
    };
    vec![
        ("a run of header starts, no dots", repeat("ew")),
        ("header starts with a dot every 8 KiB", {
            let unit = format!("{}..\n", "ewew".repeat(2048));
            repeat(&unit)
        }),
        ("header starts and dots everywhere", repeat("ewx.ey.")),
        ("deeply nested header candidates", repeat(&nested)),
    ]
}

fn bench_adversarial(c: &mut Criterion) {
    let mut group = c.benchmark_group("scan_adversarial");
    group.sample_size(10);
    for (name, text) in adversarial(16 << 20) {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(name, |b| {
            b.iter(|| {
                let mut s = scan::TextScanner::new();
                for chunk in text.chunks(1 << 20) {
                    s.feed(chunk);
                }
                black_box(s.finish())
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench_scan, bench_adversarial);
criterion_main!(benches);
