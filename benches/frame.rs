//! Headless frames of the real app UI (`egui::Context::run_ui`, no GPU): a typical token, and a
//! 1 MiB payload token after its first frame. Targets: ≤ 2 ms and ≤ 16 ms per frame.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use jwt_debugger::core::{b64, keys, sign};
use jwt_debugger::ui::App;
use jwt_debugger::ui::clipboard::MemoryClipboard;
use jwt_debugger::ui::model::{AppState, EXAMPLE_SECRET};

const NOW: i64 = 1_800_000_000;

fn input() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1280.0, 800.0),
        )),
        ..Default::default()
    }
}

fn frame(ctx: &egui::Context, app: &mut App) {
    let mut out = ctx.run_ui(input(), |ui| app.draw(ui));
    // No renderer here: drop the font texture updates deliberately.
    out.textures_delta.clear();
    black_box(out.shapes.len());
}

fn app_with(token: Option<String>) -> (egui::Context, App) {
    let ctx = egui::Context::default();
    let mut app = App::with_parts(
        AppState::default(),
        Box::new(MemoryClipboard::default()),
        Box::new(|| NOW),
        token,
    );
    for _ in 0..3 {
        frame(&ctx, &mut app);
    }
    (ctx, app)
}

fn bench_frames(c: &mut Criterion) {
    let (ctx, mut app) = app_with(None);
    let runs = app.model.analyses_run;
    c.bench_function("frame/typical_token_unchanged", |b| {
        b.iter(|| frame(&ctx, &mut app))
    });
    assert_eq!(
        app.model.analyses_run, runs,
        "an unchanged frame must not re-analyse"
    );

    let key = keys::parse_text(EXAMPLE_SECRET).expect("key");
    let payload =
        serde_json::json!({ "sub": "big", "exp": NOW + 3600, "blob": "z".repeat(1 << 20) })
            .to_string();
    let token = sign::sign(
        r#"{"alg":"HS256","typ":"JWT"}"#,
        &payload,
        key.keys.first(),
        sign::Unsecured::Refuse,
    )
    .expect("sign")
    .token;
    assert!(b64::decode(token.split('.').nth(1).expect("payload")).is_ok());
    let (ctx, mut app) = app_with(Some(token));
    let mut group = c.benchmark_group("frame");
    group.sample_size(20);
    group.bench_function("one_mib_payload_unchanged", |b| {
        b.iter(|| frame(&ctx, &mut app))
    });
    group.finish();
}

criterion_group!(benches, bench_frames);
criterion_main!(benches);
