//! The worst input shapes up to the caps (issue #10): each must finish in ≤ 1 s. Memory is
//! measured on the whole process by `benches/hostile_rss.sh` (criterion measures time only).

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use jwt_debugger::core::{self, Options, b64, keys};

const CAP: usize = 16 * 1024 * 1024;

/// The shapes, each as large as the input cap allows.
pub fn shapes() -> Vec<(&'static str, String)> {
    let tok = |header: &str, payload: &str| {
        format!("{}.{}.c2ln", b64::encode(header), b64::encode(payload))
    };
    // Payload sizes chosen so that the base64 token stays just under the cap.
    let payload_room = CAP / 4 * 3 - 64;
    let dups = {
        let mut p = String::from("{");
        while p.len() + 8 < payload_room {
            p.push_str("\"a\":0,");
        }
        p.push_str("\"a\":1}");
        p
    };
    let members = {
        let mut p = String::from("{");
        let mut i = 0u64;
        while p.len() + 24 < payload_room {
            p.push_str(&format!("\"m{i}\":{i},"));
            i += 1;
        }
        p.push_str("\"z\":0}");
        p
    };
    let deep_wide = {
        // Nesting at the limit, repeated: [[[…]]],[[[…]]],…
        let unit = format!("{}1{}", "[".repeat(120), "]".repeat(120));
        let mut p = String::from("[");
        while p.len() + unit.len() + 2 < payload_room {
            p.push_str(&unit);
            p.push(',');
        }
        p.push_str("0]");
        p
    };
    vec![
        ("dots", ".".repeat(CAP)),
        ("one_segment", "a".repeat(CAP)),
        ("duplicate_members", tok(r#"{"alg":"HS256"}"#, &dups)),
        ("many_members", tok(r#"{"alg":"HS256"}"#, &members)),
        ("deep_and_wide_json", tok(r#"{"alg":"HS256"}"#, &deep_wide)),
        (
            "huge_signature",
            format!(
                "{}.{}.{}",
                b64::encode(r#"{"alg":"ES256"}"#),
                b64::encode("{}"),
                "A".repeat(CAP - 40)
            ),
        ),
        (
            "bad_char_at_end",
            format!(
                "{}.{}@.x",
                b64::encode(r#"{"alg":"HS256"}"#),
                "A".repeat(CAP - 40)
            ),
        ),
    ]
}

fn bench_shapes(c: &mut Criterion) {
    let mut group = c.benchmark_group("hostile");
    group.sample_size(10);
    let key = keys::parse_text("a-string-secret-at-least-256-bits-long").expect("key");
    for (name, input) in shapes() {
        assert!(input.len() <= CAP, "{name} is over the cap");
        group.bench_function(name, |b| {
            b.iter(|| {
                let a = core::analyze(black_box(&input), Some(&key), Options::at(1_800_000_000));
                black_box(a.to_json().to_string().len())
            })
        });
    }
    // A JWKS of 1,500 distinct P-521 keys (read up to 1,000), every key tried (any kid): the
    // slowest curve, the most keys a set is read with, the most signature checks made.
    let mut members = Vec::new();
    for i in 0..1500 {
        let k =
            core::keygen::generate(core::keygen::KeyKind::Ec(core::alg::Curve::P521)).expect("key");
        let mut j = core::export::jwk(&k, false);
        j["kid"] = format!("k{i}").into();
        members.push(j);
    }
    let jwks = serde_json::json!({ "keys": members }).to_string();
    // Signed by a key outside the set: every key is tried and none fits.
    let outsider =
        core::keygen::generate(core::keygen::KeyKind::Ec(core::alg::Curve::P521)).expect("key");
    let token = jwt_debugger::core::sign::sign(
        r#"{"alg":"ES512","kid":"none"}"#,
        "{}",
        Some(&outsider),
        jwt_debugger::core::sign::Unsecured::Refuse,
    )
    .expect("sign")
    .token;
    group.bench_function("jwks_1500_p521_keys_any_kid", |b| {
        b.iter(|| {
            let set = keys::parse_text(black_box(&jwks));
            let mut options = Options::at(0);
            options.verify.any_kid = true;
            black_box(set.map(|s| core::analyze(&token, Some(&s), options).signature.status))
        })
    });
    group.finish();
}

criterion_group!(benches, bench_shapes);
criterion_main!(benches);
