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

criterion_group!(benches, bench_scan);
criterion_main!(benches);
