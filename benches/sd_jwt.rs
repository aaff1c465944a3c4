//! SD-JWT (RFC 9901) analysis: a presentation with 50 disclosures and a key-binding JWT, whole
//! (issuer signature, 50 digests matched, key binding checked, claims and findings), beside
//! what it is compared with: the same issuer-signed JWT analysed alone (its digests in place, no
//! disclosures) plus the key-binding JWT's own signature check. Target (issue #19): ≤ 2x.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use jwt_debugger::core::{
    self, Options,
    alg::Curve,
    keygen::{self, KeyKind},
    keys, sdjwt, sign,
};

const NOW: i64 = 1_800_000_000;

fn bench_presentation(c: &mut Criterion) {
    let issuer = keygen::generate(KeyKind::Ec(Curve::P256)).expect("keygen");
    let holder = keygen::generate(KeyKind::Ec(Curve::P256)).expect("keygen");
    let mut claims = serde_json::Map::new();
    claims.insert("iss".into(), "https://issuer.example".into());
    claims.insert("iat".into(), (NOW - 60).into());
    claims.insert("exp".into(), (NOW + 3600).into());
    for i in 0..50 {
        claims.insert(format!("claim_{i}"), format!("value number {i}").into());
    }
    let what = sdjwt::issue::Disclosable {
        pointers: (0..50).map(|i| format!("/claim_{i}")).collect(),
        decoys: 5,
        hash: sdjwt::HashAlg::Sha256,
        holder_key: Some(holder.clone()),
    };
    let disclosures = sdjwt::issue::make_disclosable(&mut claims, &what).expect("disclosable");
    let jwt = sign::sign(
        r#"{"alg":"ES256","typ":"dc+sd-jwt"}"#,
        &serde_json::Value::Object(claims).to_string(),
        Some(&issuer),
        sign::Unsecured::Refuse,
    )
    .expect("sign")
    .token;
    let issuance = format!("{jwt}~{}~", disclosures.join("~"));
    let binding = sdjwt::issue::Binding {
        key: holder.clone(),
        aud: "https://verifier.example".into(),
        nonce: "n-0S6_WzA2Mj".into(),
        iat: NOW - 5,
    };
    let presentation =
        sdjwt::issue::present(&issuance, &sdjwt::issue::Selection::All, Some(&binding))
            .expect("present");
    let kb_jwt = presentation.rsplit('~').next().expect("kb").to_owned();
    let issuer_key =
        keys::parse_text(&core::export::public_pem(&issuer).expect("pem")).expect("key");
    let holder_key =
        keys::parse_text(&core::export::public_pem(&holder).expect("pem")).expect("key");
    let options = || {
        let mut o = Options::at(NOW);
        o.sd.kb_aud = Some("https://verifier.example".into());
        o.sd.kb_nonce = Some("n-0S6_WzA2Mj".into());
        o
    };
    let check = core::analyze(&presentation, Some(&issuer_key), options());
    let sd = check.sd.as_ref().expect("an SD-JWT");
    assert_eq!(sd.disclosures.len(), 50);
    assert_eq!(sd.status, sdjwt::SdStatus::Valid);
    assert_eq!(
        sd.key_binding.as_ref().expect("kb").status,
        sdjwt::KbStatus::Verified
    );
    assert_eq!(check.signature.status, core::SignatureStatus::Verified);

    let mut group = c.benchmark_group("sd_jwt");
    group.bench_function(
        BenchmarkId::new("presentation", "50 disclosures + kb"),
        |b| b.iter(|| core::analyze(black_box(&presentation), Some(&issuer_key), options())),
    );
    group.bench_function(BenchmarkId::new("baseline", "jwt alone"), |b| {
        b.iter(|| core::analyze(black_box(&jwt), Some(&issuer_key), Options::at(NOW)))
    });
    group.bench_function(BenchmarkId::new("baseline", "kb signature"), |b| {
        b.iter(|| {
            let d = core::parse::decode(black_box(&kb_jwt));
            core::verify::verify(&d, Some(&holder_key))
        })
    });
    group.finish();
}

criterion_group!(benches, bench_presentation);
criterion_main!(benches);
