//! Key generation of each kind, and verification against a JWKS of 100 keys (by kid, and without
//! kid where every compatible key is tried).

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use jwt_debugger::core::{
    self, Options,
    alg::Curve,
    export,
    keygen::{self, KeyKind},
    keys, sign,
};

fn bench_keygen(c: &mut Criterion) {
    let mut group = c.benchmark_group("keygen");
    group.sample_size(10);
    for (name, kind) in [
        ("HS256 secret", KeyKind::Secret(32)),
        ("Ed25519", KeyKind::Ed25519),
        ("EC P-256", KeyKind::Ec(Curve::P256)),
        ("EC P-384", KeyKind::Ec(Curve::P384)),
        ("EC P-521", KeyKind::Ec(Curve::P521)),
        ("RSA 2048", KeyKind::Rsa(2048)),
        ("RSA 3072", KeyKind::Rsa(3072)),
        ("RSA 4096", KeyKind::Rsa(4096)),
    ] {
        group.bench_function(BenchmarkId::from_parameter(name), |b| {
            b.iter(|| black_box(keygen::generate(kind).expect("keygen")))
        });
    }
    group.finish();
}

fn bench_jwks(c: &mut Criterion) {
    let generated: Vec<core::Key> = (0..100)
        .map(|_| keygen::generate(KeyKind::Ec(Curve::P256)).expect("keygen"))
        .collect();
    let jwks = serde_json::json!({
        "keys": generated.iter().enumerate().map(|(i, k)| {
            let mut j = export::jwk(k, false);
            j["kid"] = format!("key-{i}").into();
            j
        }).collect::<Vec<_>>()
    });
    let set = keys::parse_text(&jwks.to_string()).expect("jwks");
    let signer = &generated[99];
    let with_kid = sign::sign(
        r#"{"alg":"ES256","kid":"key-99"}"#,
        r#"{"sub":"x"}"#,
        Some(signer),
        sign::Unsecured::Refuse,
    )
    .expect("sign")
    .token;
    let without_kid = sign::sign(
        r#"{"alg":"ES256"}"#,
        r#"{"sub":"x"}"#,
        Some(signer),
        sign::Unsecured::Refuse,
    )
    .expect("sign")
    .token;
    let mut group = c.benchmark_group("jwks_100_keys");
    group.bench_function("parse", |b| {
        b.iter(|| black_box(keys::parse_text(&jwks.to_string()).expect("jwks")))
    });
    group.bench_function("verify_by_kid", |b| {
        b.iter(|| black_box(core::analyze(&with_kid, Some(&set), Options::at(0))))
    });
    group.sample_size(10);
    group.bench_function("verify_without_kid_last_key", |b| {
        b.iter(|| black_box(core::analyze(&without_kid, Some(&set), Options::at(0))))
    });
    group.finish();
}

criterion_group!(benches, bench_keygen, bench_jwks);
criterion_main!(benches);
