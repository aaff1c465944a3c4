//! Encrypted and post-quantum tokens (issue #12): decrypting a typical token with the common key
//! management algorithms (the crypto alone, and the whole analysis), PBES2 at 600,000 iterations,
//! and ML-DSA-44 signing and verifying beside ES256 and EdDSA.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use jwt_debugger::core::{
    self, KeySet, Options,
    alg::{Curve, MlDsaLevel},
    jwe::{self, Enc, EncryptOptions, KeyAlg},
    keygen::{self, KeyKind},
    parse, sign,
};

/// A typical access token's claims, as the plaintext.
const CLAIMS: &str = r#"{"iss":"https://issuer.example.com","sub":"248289761001","aud":"api://orders","scope":"openid profile orders:read","iat":1800000000,"exp":1800003600,"jti":"9d1f2c6a-4b2e-4c8f-9a3b-2f6e8d7c1a55"}"#;

fn bench_decrypt(c: &mut Criterion) {
    let rsa = keygen::generate(KeyKind::Rsa(2048)).expect("rsa");
    let ec = keygen::generate(KeyKind::Ec(Curve::P256)).expect("ec");
    let dir = KeySet::from_secret(&[0x42; 32]);
    let cases = [
        (
            "RSA-OAEP-256 + A256GCM",
            KeyAlg::RsaOaep256,
            Enc::A256Gcm,
            KeySet::of(rsa),
        ),
        (
            "ECDH-ES + A128GCM",
            KeyAlg::EcdhEs,
            Enc::A128Gcm,
            KeySet::of(ec),
        ),
        ("dir + A128CBC-HS256", KeyAlg::Dir, Enc::A128CbcHs256, dir),
    ];
    let mut group = c.benchmark_group("jwe decrypt");
    for (name, alg, enc, keys) in &cases {
        let token = jwe::encrypt(
            CLAIMS.as_bytes(),
            *alg,
            *enc,
            &keys.keys[0],
            &EncryptOptions::default(),
        )
        .expect("encrypt");
        let decoded = parse::decode(&token);
        group.bench_function(BenchmarkId::new("crypto", name), |b| {
            b.iter(|| black_box(jwe::decrypt(black_box(&decoded), Some(keys))))
        });
        group.bench_function(BenchmarkId::new("whole analysis", name), |b| {
            b.iter(|| {
                black_box(core::analyze(
                    black_box(&token),
                    Some(keys),
                    Options::at(1_800_000_100),
                ))
            })
        });
    }
    group.finish();

    let mut group = c.benchmark_group("jwe pbes2");
    group.sample_size(10);
    let password = KeySet::from_secret(b"correct horse battery staple");
    let mut options = EncryptOptions::default();
    options.header.insert("p2c".into(), 600_000.into());
    let token = jwe::encrypt(
        CLAIMS.as_bytes(),
        KeyAlg::Pbes2Hs256A128Kw,
        Enc::A128Gcm,
        &password.keys[0],
        &options,
    )
    .expect("encrypt");
    let decoded = parse::decode(&token);
    group.bench_function("PBES2-HS256+A128KW p2c 600000", |b| {
        b.iter(|| black_box(jwe::decrypt(&decoded, Some(&password))))
    });
    group.finish();
}

fn bench_signatures(c: &mut Criterion) {
    let mut group = c.benchmark_group("sign and verify");
    for (name, alg, kind) in [
        ("ES256", "ES256", KeyKind::Ec(Curve::P256)),
        ("EdDSA", "EdDSA", KeyKind::Ed25519),
        ("ML-DSA-44", "ML-DSA-44", KeyKind::MlDsa(MlDsaLevel::L44)),
        ("ML-DSA-65", "ML-DSA-65", KeyKind::MlDsa(MlDsaLevel::L65)),
    ] {
        let key = keygen::generate(kind).expect("keygen");
        let header = format!(r#"{{"alg":"{alg}","typ":"JWT"}}"#);
        group.bench_function(BenchmarkId::new("sign", name), |b| {
            b.iter(|| {
                black_box(
                    sign::sign(&header, CLAIMS, Some(&key), sign::Unsecured::Refuse).expect("sign"),
                )
            })
        });
        let token = sign::sign(&header, CLAIMS, Some(&key), sign::Unsecured::Refuse)
            .expect("sign")
            .token;
        let decoded = parse::decode(&token);
        let keys = KeySet::of(key);
        group.bench_function(BenchmarkId::new("verify", name), |b| {
            b.iter(|| black_box(core::verify::verify(black_box(&decoded), Some(&keys))))
        });
    }
    group.finish();
}

criterion_group!(benches, bench_decrypt, bench_signatures);
criterion_main!(benches);
