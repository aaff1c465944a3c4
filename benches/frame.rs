//! Headless frames of the real app UI (`egui::Context::run_ui`, no GPU): a typical token, and a
//! 1 MiB payload token after its first frame (targets ≤ 2 ms and ≤ 16 ms per frame); and one
//! keystroke in the payload editor to the finished frame, re-signing included (typical token
//! ≤ 4 ms, 64 KiB token ≤ 16 ms), driven through egui_kittest as a person types; the frames
//! after pasting 2,000 tokens (≤ 16 ms, the analyses arrive later) and a keystroke in a PBES2
//! password field (≤ 4 ms, the derivation runs on a job).

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

/// A harness on the real app with the payload editor focused.
fn typing_harness(token: Option<String>) -> egui_kittest::Harness<'static, App> {
    use egui_kittest::kittest::Queryable as _;
    let app = App::with_parts(
        AppState::default(),
        Box::new(MemoryClipboard::default()),
        Box::new(|| NOW),
        None,
    );
    // A frame every 16 ms, as a fast typist at 60 frames per second.
    let mut h = egui_kittest::Harness::builder()
        .with_size([1280.0, 800.0])
        .with_step_dt(1.0 / 60.0)
        .build_ui_state(|ui, app: &mut App| app.draw(ui), app);
    h.run();
    if let Some(token) = token {
        // Build from the token's parts, so that each keystroke re-signs with the example key.
        let decoded = jwt_debugger::core::parse::decode(&token);
        let claims = decoded.claims().expect("claims").clone();
        let payload = serde_json::to_string_pretty(&claims).expect("json");
        h.state_mut().model.state.payload = payload;
        h.state_mut().model.parts_edited();
        h.run();
    }
    h.get_by_role_and_label(egui::accesskit::Role::MultilineTextInput, "Payload")
        .focus();
    h.run();
    // The cursor starts at the end: step back into the last member's string value, so that
    // every keystroke leaves valid JSON.
    for _ in 0..3 {
        h.key_press(egui::Key::ArrowLeft);
    }
    h.run();
    h
}

fn bench_keystrokes(c: &mut Criterion) {
    let mut group = c.benchmark_group("keystroke");
    group.sample_size(30);
    let mut h = typing_harness(None);
    let before = h.state().model.analyses_run;
    // Type a character and take it back, so the payload stays the same size.
    let type_one = |h: &mut egui_kittest::Harness<'static, App>, i: u64| {
        if i.is_multiple_of(2) {
            h.event(egui::Event::Text("1".into()));
        } else {
            h.key_press(egui::Key::Backspace);
        }
        // The frame that takes the key (edits apply after drawing), then the frame that shows
        // the result: together, the keystroke to the finished frame.
        h.step();
        h.step();
    };
    let mut i = 0;
    group.bench_function("payload_edit_typical_token", |b| {
        b.iter(|| {
            type_one(&mut h, i);
            i += 1;
        })
    });
    assert!(
        h.state().model.analyses_run > before + 10,
        "keystrokes must re-sign and re-analyse"
    );

    let payload =
        serde_json::json!({ "exp": NOW + 3600, "blob": "z".repeat(64 * 1024), "sub": "big" })
            .to_string();
    let key = keys::parse_text(EXAMPLE_SECRET).expect("key");
    let token = sign::sign(
        r#"{"alg":"HS256","typ":"JWT"}"#,
        &payload,
        key.keys.first(),
        sign::Unsecured::Refuse,
    )
    .expect("sign")
    .token;
    let mut h = typing_harness(Some(token));
    group.bench_function("payload_edit_64_kib_token", |b| {
        b.iter(|| {
            type_one(&mut h, i);
            i += 1;
        })
    });
    // When typing pauses, one frame re-signs, re-analyses and lays the new token out: timed alone.
    group.bench_function("payload_edit_64_kib_token_resign_after_pause", |b| {
        b.iter_custom(|iters| {
            let mut total = std::time::Duration::ZERO;
            for _ in 0..iters {
                type_one(&mut h, i);
                i += 1;
                let runs = h.state().model.analyses_run;
                let mut frames = 0;
                while h.state().model.analyses_run == runs && frames < 120 {
                    let started = std::time::Instant::now();
                    h.step();
                    if h.state().model.analyses_run != runs {
                        // And the frame that lays the new token out.
                        h.step();
                        total += started.elapsed();
                    }
                    frames += 1;
                }
                assert!(frames < 120, "the deferred re-sign never happened");
            }
            total
        })
    });
    group.finish();
}

/// A harness on the real app at 60 frames a second.
fn harness() -> egui_kittest::Harness<'static, App> {
    let app = App::with_parts(
        AppState::default(),
        Box::new(MemoryClipboard::default()),
        Box::new(|| NOW),
        None,
    );
    let mut h = egui_kittest::Harness::builder()
        .with_size([1280.0, 800.0])
        .with_step_dt(1.0 / 60.0)
        .build_ui_state(|ui, app: &mut App| app.draw(ui), app);
    h.run();
    h
}

/// Pasting a log with 2,000 distinct tokens: the frame that takes the paste and the next (the
/// text is scanned on a job), and the frame in which the table arrives (the rows' analyses come
/// later, from another job).
fn bench_paste_many(c: &mut Criterion) {
    let key = keys::parse_text(EXAMPLE_SECRET).expect("key");
    let log: String = (0..2000)
        .map(|i| {
            let token = sign::sign(
                r#"{"alg":"HS256","typ":"JWT"}"#,
                &format!(
                    r#"{{"sub":"user-{i}","iss":"https://issuer.example","exp":{}}}"#,
                    NOW + i
                ),
                key.keys.first(),
                sign::Unsecured::Refuse,
            )
            .expect("sign")
            .token;
            format!("2026-12-06T10:00:00Z GET /api/{i} Authorization: Bearer {token}\n")
        })
        .collect();
    let mut group = c.benchmark_group("paste");
    group.sample_size(10);
    group.bench_function("2000_tokens_paste_frames", |b| {
        b.iter_custom(|iters| {
            let mut total = std::time::Duration::ZERO;
            for _ in 0..iters {
                let mut h = harness();
                h.event(egui::Event::Paste(log.clone()));
                let started = std::time::Instant::now();
                h.step();
                h.step();
                total += started.elapsed();
                wait_for_table(&mut h);
            }
            total
        })
    });
    group.bench_function("2000_tokens_table_arrives_frame", |b| {
        b.iter_custom(|iters| {
            let mut total = std::time::Duration::ZERO;
            for _ in 0..iters {
                let mut h = harness();
                h.event(egui::Event::Paste(log.clone()));
                h.step();
                total += wait_for_table(&mut h);
            }
            total
        })
    });
    group.finish();
}

/// Steps until the found table is on screen; the time of the frame that brought it and the one
/// after (the first with the table laid out).
fn wait_for_table(h: &mut egui_kittest::Harness<'static, App>) -> std::time::Duration {
    for _ in 0..10_000 {
        std::thread::sleep(std::time::Duration::from_micros(200));
        let started = std::time::Instant::now();
        h.step();
        if h.state().model.found.is_some() {
            h.step();
            let took = started.elapsed();
            assert_eq!(
                h.state().model.found.as_ref().map(|f| f.rows.len()),
                Some(2000)
            );
            return took;
        }
    }
    panic!("the scan never arrived");
}

/// One character typed into the password field of a PBES2 token whose p2c is 1,000,000: the key
/// derivation runs on a job, so the keystroke's frames do not wait for it.
fn bench_pbes2_keystroke(c: &mut Criterion) {
    use egui_kittest::kittest::Queryable as _;
    use jwt_debugger::core::jwe::{self, Enc, EncryptOptions, KeyAlg};
    let password = jwt_debugger::core::KeySet::from_secret(b"correct horse battery staple");
    let mut options = EncryptOptions::default();
    options.header.insert("p2c".into(), 1_000_000.into());
    let token = jwe::encrypt(
        br#"{"sub":"inside"}"#,
        KeyAlg::Pbes2Hs256A128Kw,
        Enc::A128Gcm,
        &password.keys[0],
        &options,
    )
    .expect("encrypt");
    let mut h = harness();
    h.event(egui::Event::Paste(token));
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::PasswordInput, "Password")
        .focus();
    h.run();
    let mut group = c.benchmark_group("keystroke");
    group.sample_size(30);
    let mut i = 0u64;
    group.bench_function("pbes2_password_p2c_1000000", |b| {
        b.iter(|| {
            if i.is_multiple_of(2) {
                h.event(egui::Event::Text("x".into()));
            } else {
                h.key_press(egui::Key::Backspace);
            }
            i += 1;
            h.step();
            h.step();
        })
    });
    group.finish();
}

criterion_group!(
    benches,
    bench_frames,
    bench_keystrokes,
    bench_paste_many,
    bench_pbes2_keystroke
);
criterion_main!(benches);
