//! Full analysis (parse + verify + claims + validity + findings) of typical tokens, and of large
//! payloads to show growth with size. Targets (2 cores): HS256 ≤ 20 µs, ES256/EdDSA ≤ 150 µs,
//! 1 MiB ≤ 20 ms, linear in size.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use jwt_debugger::core::{
    self, Alg, Options,
    keygen::{self, KeyKind},
    keys, sign,
};

const NOW: i64 = 1_800_000_000;

fn typical_payload() -> String {
    serde_json::json!({
        "iss": "https://login.example.com/tenant/v2.0",
        "sub": "AAAAAAAAAAAAAAAAAAAAAIkzqFVrSaSaFHy782bbtaQ",
        "aud": ["api://orders", "api://billing"],
        "exp": NOW + 3600, "nbf": NOW - 60, "iat": NOW - 60,
        "jti": "b2f1c1a8-55a1-4a9b-9d3e-3f1c0e4d2a11",
        "scope": "orders.read orders.write",
        "name": "Ada Lovelace", "email": "ada@example.com", "roles": ["admin", "billing"]
    })
    .to_string()
}

fn bench_algorithms(c: &mut Criterion) {
    let mut group = c.benchmark_group("analyze");
    for alg in [Alg::HS256, Alg::RS256, Alg::ES256, Alg::EdDSA] {
        let key = keygen::generate(KeyKind::for_alg(alg).expect("signing alg")).expect("keygen");
        let token = sign::sign(
            &format!(r#"{{"alg":"{alg}","typ":"JWT"}}"#),
            &typical_payload(),
            Some(&key),
            sign::Unsecured::Refuse,
        )
        .expect("sign")
        .token;
        let verifier = if key.is_secret() {
            keys::parse_text(&core::export::jwk(&key, true).to_string())
        } else {
            keys::parse_text(&core::export::public_pem(&key).expect("pem"))
        }
        .expect("key");
        let check = core::analyze(&token, Some(&verifier), Options::at(NOW));
        assert_eq!(check.signature.status, core::SignatureStatus::Verified);
        group.bench_function(BenchmarkId::new("typical", alg.name()), |b| {
            b.iter(|| core::analyze(black_box(&token), Some(&verifier), Options::at(NOW)))
        });
        // The same token through jsonwebtoken's own decode + verify (no findings, no claims
        // explained): the floor the full analysis is compared with.
        let (jkey, jalg) = bare_key(&key, alg);
        let mut validation = jsonwebtoken::Validation::new(jalg);
        validation.validate_aud = false;
        validation.validate_exp = false;
        validation.required_spec_claims.clear();
        jsonwebtoken::decode::<serde_json::Value>(&token, &jkey, &validation).expect("bare decode");
        group.bench_function(BenchmarkId::new("bare_jsonwebtoken", alg.name()), |b| {
            b.iter(|| {
                jsonwebtoken::decode::<serde_json::Value>(black_box(&token), &jkey, &validation)
            })
        });
    }
    group.finish();
}

/// jsonwebtoken's decoding key and algorithm for a generated key.
fn bare_key(key: &keys::Key, alg: Alg) -> (jsonwebtoken::DecodingKey, jsonwebtoken::Algorithm) {
    use jsonwebtoken::Algorithm as J;
    let jalg = match alg {
        Alg::HS256 => J::HS256,
        Alg::RS256 => J::RS256,
        Alg::ES256 => J::ES256,
        _ => J::EdDSA,
    };
    let dkey = if key.is_secret() {
        jsonwebtoken::DecodingKey::from_secret(key.secret_bytes().expect("secret"))
    } else {
        let jwk: jsonwebtoken::jwk::Jwk =
            serde_json::from_value(core::export::jwk(key, false)).expect("jwk");
        jsonwebtoken::DecodingKey::from_jwk(&jwk).expect("decoding key")
    };
    (dkey, jalg)
}

fn bench_sizes(c: &mut Criterion) {
    let mut group = c.benchmark_group("analyze_size_hs256");
    group.sample_size(20);
    let key = keys::parse_text("a-string-secret-at-least-256-bits-long").expect("key");
    for size in [64 * 1024, 256 * 1024, 1024 * 1024] {
        let payload = serde_json::json!({ "sub": "x", "exp": NOW + 60, "blob": "y".repeat(size) })
            .to_string();
        let token = sign::sign(
            r#"{"alg":"HS256"}"#,
            &payload,
            key.keys.first(),
            sign::Unsecured::Refuse,
        )
        .expect("sign")
        .token;
        group.throughput(Throughput::Bytes(token.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(size), &token, |b, token| {
            b.iter(|| core::analyze(black_box(token), Some(&key), Options::at(NOW)))
        });
    }
    group.finish();
}

criterion_group!(benches, bench_algorithms, bench_sizes);
criterion_main!(benches);
