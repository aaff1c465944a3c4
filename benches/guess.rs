//! Secret guessing speed: HS256 candidates per second on one core for a typical token.
//! Target: ≥ 1 million guesses per second per core.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use jwt_debugger::core::{guess, keys, parse, sign};

fn bench_guess(c: &mut Criterion) {
    let key = keys::parse_text("correct-horse-battery-staple-1234").expect("key");
    let payload = r#"{"sub":"1234567890","name":"John Doe","admin":true,"iat":1516239022,"exp":1516242622,"scope":"read write"}"#;
    let token = sign::sign(
        r#"{"alg":"HS256","typ":"JWT"}"#,
        payload,
        key.keys.first(),
        sign::Unsecured::Refuse,
    )
    .expect("sign")
    .token;
    let target = guess::Target::from_decoded(&parse::decode(&token)).expect("target");
    // 100,000 wrong candidates shaped like a real wordlist.
    let words: Vec<String> = (0..100_000).map(|i| format!("password{i}")).collect();
    let mut list = words.join("\n").into_bytes();
    list.push(b'\n');

    let mut group = c.benchmark_group("guess_hs256");
    group.sample_size(10);
    group.throughput(Throughput::Elements(words.len() as u64));
    group.bench_function("wordlist_100k_lines", |b| {
        b.iter(|| {
            let progress = guess::Progress::default();
            black_box(target.guess_lines(&list[..], &progress).expect("in memory"))
        })
    });
    group.finish();
}

criterion_group!(benches, bench_guess);
criterion_main!(benches);
