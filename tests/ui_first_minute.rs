//! The first minute with the app, as a new user lives it (issue #9): each test drives the real UI
//! through its accessibility tree, finding widgets by role and label.
#![cfg(feature = "gui")]
#![allow(clippy::unwrap_used)] // tests fail loudly by design

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{By, NodeT as _, Queryable as _};
use jwt_debugger::core::{keys, sign};
use jwt_debugger::ui::App;
use jwt_debugger::ui::clipboard::MemoryClipboard;
use jwt_debugger::ui::files::Dialogs;
use jwt_debugger::ui::model::{AppState, TokenState};

const NOW: i64 = 1_800_000_000;
/// A user's secret: 20 characters, typed one key at a time.
const SECRET: &str = "Tr0ub4dor&3-horse-42";

fn harness_at(size: [f32; 2]) -> Harness<'static, App> {
    let app = App::with_parts(
        AppState::default(),
        Box::new(MemoryClipboard::default()),
        Box::new(|| NOW),
        None,
    );
    Harness::builder()
        .with_size(size)
        .build_ui_state(|ui, app: &mut App| app.draw(ui), app)
}

fn harness() -> Harness<'static, App> {
    harness_at([1280.0, 900.0])
}

fn token_signed_with(secret: &str, payload: &str) -> String {
    let key = keys::parse_text(secret).unwrap();
    sign::sign(
        r#"{"alg":"HS256","typ":"JWT"}"#,
        payload,
        key.keys.first(),
        sign::Unsecured::Refuse,
    )
    .unwrap()
    .token
}

fn paste(h: &mut Harness<'_, App>, text: &str) {
    h.event(egui::Event::Paste(text.to_owned()));
    h.run();
}

fn editor_text(h: &Harness<'_, App>, label: &str) -> String {
    h.get_by_role_and_label(Role::MultilineTextInput, label)
        .value()
        .unwrap_or_default()
}

/// Every control a person can click or type into.
fn interactive_rects(h: &Harness<'_, App>) -> Vec<(String, egui::Rect)> {
    let interactive = |r: Role| {
        matches!(
            r,
            Role::Button
                | Role::CheckBox
                | Role::ComboBox
                | Role::TextInput
                | Role::MultilineTextInput
                | Role::PasswordInput
                | Role::SpinButton
                | Role::Link
        )
    };
    h.query_all(By::new().predicate(move |n| interactive(n.role())))
        .map(|n| (n.accesskit_node().label().unwrap_or_default(), n.rect()))
        .collect()
}

#[test]
fn the_secret_field_keeps_every_keystroke_of_a_pasted_tokens_key() {
    let mut h = harness();
    h.run();
    let token = token_signed_with(SECRET, r#"{"sub":"typist","exp":1800003600}"#);
    paste(&mut h, &token);
    h.get_by_label_contains("No key: signature not checked");
    h.get_by_role_and_label(Role::PasswordInput, "Secret")
        .focus();
    h.run();
    // One key event per frame, as a person types: the analysis (and what is drawn above the
    // field) changes after every character.
    for ch in SECRET.chars() {
        h.event(egui::Event::Text(ch.to_string()));
        h.run();
    }
    assert_eq!(h.state().model.keys.secret, SECRET);
    h.get_by_label_contains("Signature verified");
    // And clearing it, one Backspace at a time.
    for _ in SECRET.chars() {
        h.key_press(egui::Key::Backspace);
        h.run();
    }
    assert_eq!(h.state().model.keys.secret, "");
    h.get_by_label_contains("No key: signature not checked");
}

#[test]
fn every_text_field_keeps_focus_while_the_analysis_changes_around_it() {
    let mut h = harness();
    h.run();
    // Typing into the token field makes it malformed, then valid, then malformed again: the
    // badges, findings and editors all change, and the field must keep every key.
    let token = token_signed_with(SECRET, r#"{"sub":"x"}"#);
    let field = h.get_by_role_and_label(Role::MultilineTextInput, "Encoded token");
    field.focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.key_press(egui::Key::Backspace);
    h.run();
    for ch in token.chars() {
        h.event(egui::Event::Text(ch.to_string()));
        h.run();
    }
    assert_eq!(h.state().model.state.token, token);
    assert_eq!(h.state().model.token_state, TokenState::Decoded);
}

#[test]
fn a_fresh_paste_after_the_example_says_no_key_not_invalid() {
    let mut h = harness();
    h.run();
    h.get_by_label_contains("Signature verified");
    paste(
        &mut h,
        &token_signed_with(SECRET, r#"{"sub":"someone","exp":1800003600}"#),
    );
    h.get_by_label_contains("No key: signature not checked");
    assert!(h.query_by_label_contains("Invalid signature").is_none());
    assert_eq!(h.state().model.keys.secret, "");
}

#[test]
fn a_key_the_user_typed_is_kept_for_the_next_paste() {
    let mut h = harness();
    h.run();
    let first = token_signed_with(SECRET, r#"{"sub":"one"}"#);
    paste(&mut h, &first);
    h.get_by_role_and_label(Role::PasswordInput, "Secret")
        .focus();
    h.run();
    h.get_by_role_and_label(Role::PasswordInput, "Secret")
        .type_text(SECRET);
    h.run();
    h.get_by_label_contains("Signature verified");
    // Escape leaves the field; a paste then goes to the window.
    h.key_press(egui::Key::Escape);
    h.run();
    let second = token_signed_with(SECRET, r#"{"sub":"two"}"#);
    paste(&mut h, &second);
    assert_eq!(h.state().model.state.token, second);
    assert_eq!(h.state().model.keys.secret, SECRET);
    h.get_by_label_contains("Signature verified");
}

#[test]
fn changing_the_algorithm_of_a_pasted_token_makes_a_draft_not_a_broken_token() {
    let mut h = harness();
    h.run();
    let token = token_signed_with(SECRET, r#"{"sub":"pasted"}"#);
    paste(&mut h, &token);
    h.get_by_role_and_label(Role::ComboBox, "Algorithm").click();
    h.run();
    h.get_by_label_contains("ES256 —").click();
    h.run();
    h.get_by_label_contains("Unsigned draft: no ES256 private key");
    assert_eq!(h.state().model.state.token, token, "never rewritten");
    assert!(editor_text(&h, "Header").contains("ES256"));
    assert!(h.query_by_label_contains("malformed ECDSA").is_none());
    assert!(h.query_by_label_contains("Invalid signature").is_none());
}

#[test]
fn garbage_shows_malformed_with_nothing_left_of_the_previous_token() {
    let mut h = harness();
    h.run();
    paste(&mut h, "this is not a token, just words");
    h.get_by_label("✖ Malformed");
    assert!(h.query_by_label_contains("Invalid signature").is_none());
    assert!(h.query_by_label_contains("No expiry").is_none());
    assert!(h.query_by_label_contains("Token pasted").is_none());
    h.get_by_label_contains("Not a well-formed token");
    assert_eq!(editor_text(&h, "Header"), "");
    assert_eq!(editor_text(&h, "Payload"), "");
    // The bad part is marked in the token field: the view model carries its span.
    let view = &h.state().view;
    assert_eq!(view.state, "malformed");
    assert!(!view.errors.is_empty());
}

#[test]
fn a_bad_character_is_named_and_marked() {
    let mut h = harness();
    h.run();
    paste(&mut h, "eyJhbGciOiJIUzI1NiJ9.ab@c.sig");
    h.get_by_label("✖ Malformed");
    assert!(
        h.query_all_by_label_contains("payload: byte 2 is '@'")
            .count()
            >= 1
    );
    let e = &h.state().view.errors[0];
    assert_eq!(&h.state().model.state.token[e.span.start..e.span.end], "@");
}

#[test]
fn empty_input_shows_the_empty_state() {
    let mut h = harness();
    h.run();
    let field = h.get_by_role_and_label(Role::MultilineTextInput, "Encoded token");
    field.focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.key_press(egui::Key::Backspace);
    h.run();
    h.get_by_label("• No token");
    h.get_by_label_contains("paste one, open a file, or click Example");
    h.get_by_role_and_label(Role::Button, "Example");
    assert!(h.query_by_label_contains("Invalid signature").is_none());
    assert!(h.query_by_label_contains("No expiry").is_none());
    assert_eq!(editor_text(&h, "Header"), "");
}

#[test]
fn nothing_above_the_editors_moves_when_the_analysis_changes() {
    let mut h = harness();
    h.run();
    let header_y = |h: &Harness<'_, App>| {
        h.get_by_role_and_label(Role::MultilineTextInput, "Header")
            .rect()
            .top()
    };
    let remember_y = |h: &Harness<'_, App>| {
        h.get_by_role_and_label(Role::CheckBox, "Remember key on this computer")
            .rect()
            .top()
    };
    let header = header_y(&h);
    // Many findings (alg none: critical), then none, then a bad key and a good one.
    paste(&mut h, "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.");
    assert_eq!(header_y(&h), header, "alg none token");
    paste(&mut h, "garbage");
    assert_eq!(header_y(&h), header, "malformed");
    paste(
        &mut h,
        &token_signed_with(SECRET, r#"{"sub":"x","exp":1700000000}"#),
    );
    assert_eq!(header_y(&h), header, "pasted, expired");
    // The editors now hold this token; from here on only the analysis changes.
    let remember = remember_y(&h);
    h.get_by_role_and_label(Role::PasswordInput, "Secret")
        .focus();
    h.run();
    for ch in "short".chars() {
        h.event(egui::Event::Text(ch.to_string()));
        h.run();
        assert_eq!(header_y(&h), header, "typing a short secret");
        assert_eq!(remember_y(&h), remember, "typing a short secret");
    }
}

#[test]
fn at_800_by_600_every_control_is_inside_the_window() {
    for size in [[800.0, 600.0], [960.0, 640.0], [560.0, 420.0]] {
        // Opened wide, then made narrow: panel widths that egui remembers must not cut controls.
        let mut h = harness_at([1280.0, 800.0]);
        h.run();
        h.set_size(egui::vec2(size[0], size[1]));
        h.run();
        let rects = interactive_rects(&h);
        assert!(rects.len() > 10, "found only {} controls", rects.len());
        for (label, rect) in rects {
            assert!(
                rect.left() >= -0.5 && rect.right() <= size[0] + 0.5,
                "{label:?} at {rect:?} is cut at {size:?}"
            );
        }
        h.get_by_role_and_label(Role::MultilineTextInput, "Encoded token");
        h.get_by_role_and_label(Role::MultilineTextInput, "Payload");
    }
}

#[test]
fn side_by_side_columns_have_room_for_their_controls() {
    let mut h = harness_at([1600.0, 900.0]);
    h.run();
    h.set_size(egui::vec2(1000.0, 700.0));
    h.run();
    for (label, rect) in interactive_rects(&h) {
        assert!(
            rect.right() <= 1000.5,
            "{label:?} at {rect:?} is cut at 1000 px"
        );
    }
}

fn text_sizes(shapes: &[egui::epaint::ClippedShape]) -> Vec<(f32, String)> {
    fn walk(shape: &egui::Shape, out: &mut Vec<(f32, String)>) {
        match shape {
            egui::Shape::Vec(v) => v.iter().for_each(|s| walk(s, out)),
            egui::Shape::Text(t) => {
                for s in &t.galley.job.sections {
                    let text = &t.galley.job.text[s.byte_range.start.0..s.byte_range.end.0];
                    if !text.trim().is_empty() {
                        out.push((s.format.font_id.size, text.to_owned()));
                    }
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    for s in shapes {
        walk(&s.shape, &mut out);
    }
    out
}

#[test]
fn no_text_is_smaller_than_12_points() {
    let mut h = harness();
    h.run();
    // A token with findings, claims and a key, so that secondary text is on screen.
    paste(
        &mut h,
        &token_signed_with(SECRET, r#"{"sub":"x","exp":1700000000,"iat":1600000000}"#),
    );
    h.run();
    let sizes = text_sizes(&h.output().shapes);
    assert!(sizes.len() > 20);
    for (size, text) in sizes {
        assert!(size >= 12.0, "{text:?} is {size} pt");
    }
}

#[test]
fn the_redundant_verified_line_is_gone() {
    let mut h = harness();
    h.run();
    assert_eq!(h.query_all_by_label_contains("erified").count(), 1);
}

#[test]
fn zoom_follows_the_keyboard_and_is_kept() {
    let mut h = harness();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Plus);
    h.run();
    h.run();
    let zoom = h.state().model.state.zoom;
    assert!(zoom > 1.0, "zoom {zoom}");
    let saved = h.state().model.to_saved();
    let app = App::with_parts(
        saved,
        Box::new(MemoryClipboard::default()),
        Box::new(|| NOW),
        None,
    );
    let mut h2 = Harness::builder()
        .with_size([1280.0, 900.0])
        .build_ui_state(|ui, app: &mut App| app.draw(ui), app);
    h2.run();
    assert!((h2.ctx.zoom_factor() - zoom).abs() < 1e-3);
}

fn repaint_delay(h: &Harness<'_, App>) -> std::time::Duration {
    h.output().viewport_output[&egui::ViewportId::ROOT].repaint_delay
}

#[test]
fn an_idle_window_repaints_when_a_time_on_screen_changes_not_every_second() {
    let app = App::with_parts(
        AppState::default(),
        Box::new(MemoryClipboard::default()),
        Box::new(|| NOW + 90),
        Some(token_signed_with(
            SECRET,
            r#"{"sub":"x","iat":1800000000,"exp":1800007200}"#,
        )),
    );
    let mut h = Harness::builder()
        .with_size([1280.0, 900.0])
        .build_ui_state(|ui, app: &mut App| app.draw(ui), app);
    h.run();
    // iat shows "1 min ago" (changes in 30 s), exp "in 1 h 58 min" (changes in 31 s).
    let delay = repaint_delay(&h);
    assert!(
        delay >= std::time::Duration::from_secs(29),
        "repaints after {delay:?}"
    );
}

#[test]
fn the_typed_path_fallback_opens_by_the_toolbar_focused_and_explains_errors() {
    let mut h = harness_at([1280.0, 800.0]);
    h.state_mut().set_dialogs(Dialogs::unavailable());
    h.run();
    h.get_by_label("📂 Open token…").click();
    h.run();
    h.run();
    let field = h.get_by_role_and_label(Role::TextInput, "Open token from");
    assert!(field.is_focused(), "the path field takes the focus");
    assert!(
        field.rect().top() < 120.0,
        "next to the toolbar: {:?}",
        field.rect()
    );
    field.type_text("/nonexistent/token.jwt");
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    h.run();
    // Still open, with the error in words.
    h.get_by_role_and_label(Role::TextInput, "Open token from");
    h.get_by_label("✖ No such file: /nonexistent/token.jwt");
    assert!(h.query_by_label_contains("os error").is_none());
    // A real file opens and closes the prompt.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.jwt");
    std::fs::write(&path, token_signed_with(SECRET, r#"{"sub":"from-file"}"#)).unwrap();
    let field = h.get_by_role_and_label(Role::TextInput, "Open token from");
    field.focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_role_and_label(Role::TextInput, "Open token from")
        .type_text(&path.display().to_string());
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    h.run();
    assert!(h.query_by_label("Open token from").is_none());
    assert!(editor_text(&h, "Payload").contains("from-file"));
}

#[test]
fn tooltips_name_the_shortcut_as_the_platform_writes_it() {
    let mut h = harness();
    h.ctx.set_os(egui::os::OperatingSystem::Mac);
    h.ctx.all_styles_mut(|s| {
        s.interaction.tooltip_delay = 0.0;
        s.interaction.show_tooltips_only_when_still = false;
    });
    h.run();
    h.get_by_label("📂 Open token…").hover();
    h.run_steps(10);
    // egui writes macOS shortcuts as "Cmd+O"; the old hard-coded text said "Ctrl+O" everywhere.
    h.get_by_label_contains("Open a file holding a token (Cmd+O)");
    assert!(h.query_by_label_contains("(Ctrl+O)").is_none());
}

#[test]
fn a_one_byte_secret_reads_in_the_singular() {
    let mut h = harness();
    h.run();
    paste(&mut h, &token_signed_with(SECRET, r#"{"sub":"x"}"#));
    h.get_by_role_and_label(Role::PasswordInput, "Secret")
        .focus();
    h.run();
    h.event(egui::Event::Text("s".into()));
    h.run();
    h.get_by_label_contains("HMAC secret, 1 byte (");
    assert!(h.query_by_label_contains("1 bytes").is_none());
}

#[test]
fn a_large_payload_is_resigned_when_typing_pauses_and_before_a_copy() {
    let clipboard = MemoryClipboard::default();
    let app = App::with_parts(
        AppState::default(),
        Box::new(clipboard.clone()),
        Box::new(|| NOW),
        None,
    );
    let mut h = Harness::builder()
        .with_size([1280.0, 900.0])
        .build_ui_state(|ui, app: &mut App| app.draw(ui), app);
    h.run();
    let big = format!(
        "{{\n  \"blob\": \"{}\",\n  \"sub\": \"big\"\n}}",
        "z".repeat(40 * 1024)
    );
    h.state_mut().model.state.payload = big;
    h.state_mut().model.parts_edited();
    h.run();
    let before = h.state().model.state.token.clone();
    h.get_by_role_and_label(Role::MultilineTextInput, "Payload")
        .focus();
    h.run();
    // The cursor starts at the end: step back into the value of "sub" (the last member).
    for _ in 0..3 {
        h.key_press(egui::Key::ArrowLeft);
    }
    h.event(egui::Event::Text("!".into()));
    h.step();
    // The keystroke frame did not re-sign; the next frame says it will.
    assert_eq!(h.state().model.state.token, before);
    h.step();
    h.get_by_label_contains("re-signing when you pause typing");
    // Time passes without typing: the token follows the editors.
    h.run_steps(30);
    let after = h.state().model.state.token.clone();
    assert_ne!(after, before);
    let claims = jwt_debugger::core::parse::decode(&after);
    assert_eq!(claims.claims().unwrap()["sub"], "big!");
    h.get_by_label_contains("Signature verified");

    // A copy right after a keystroke copies what the editors say.
    h.event(egui::Event::Text("?".into()));
    h.step();
    h.key_press(egui::Key::Escape);
    h.step();
    h.get_by_label("📋 Copy token").click();
    h.step();
    let copied = clipboard.copied.lock().unwrap().last().unwrap().clone();
    assert_eq!(
        jwt_debugger::core::parse::decode(&copied).claims().unwrap()["sub"],
        "big!?"
    );
}

#[test]
fn control_characters_in_claims_are_shown_escaped() {
    let mut h = harness();
    h.run();
    paste(
        &mut h,
        &token_signed_with(SECRET, "{\"sub\":\"a\\u001b[2Jb\",\"name\":\"x\\ry\"}"),
    );
    h.get_by_label_contains("a\\x1b[2Jb");
    h.get_by_label_contains("x\\ry");
    assert!(h.query_by_label_contains("\u{1b}").is_none());
}

#[test]
fn the_window_carries_the_app_icon_and_the_desktop_entrys_app_id() {
    let viewport = jwt_debugger::ui::viewport();
    let icon = viewport.icon.expect("an icon");
    assert_eq!((icon.width, icon.height), (256, 256));
    assert_eq!(icon.rgba.len(), 256 * 256 * 4);
    // Not a blank square: the icon has its dark background and coloured parts.
    let distinct: std::collections::HashSet<&[u8]> = icon.rgba.chunks(4).collect();
    assert!(distinct.len() > 50);
    assert_eq!(viewport.app_id.as_deref(), Some("jwt-debugger"));
}

/// Korean, Chinese, Arabic and emoji claims, with the system's fonts as eframe finds them. CI
/// installs fonts-nanum (Hangul), fonts-wqy-microhei (Han) and fonts-dejavu-core (Arabic).
#[test]
fn every_script_in_the_claims_is_drawn_with_a_font_when_one_is_installed() {
    // A bare machine (no fonts, or fontconfig pointed at an empty configuration) cannot draw
    // these: say what the test needs and skip. CI installs the fonts, so it always runs there.
    if !jwt_debugger::ui::fonts::system_fonts_usable() {
        eprintln!(
            "skipped: needs system fonts for Hangul, Han and Arabic (CI installs fonts-nanum, \
             fonts-wqy-microhei and fonts-dejavu-core)"
        );
        return;
    }
    let mut h = harness();
    h.ctx.add_font_provider(std::sync::Arc::new(
        egui_system_font_provider::SystemFontProvider::new(),
    ));
    h.run();
    let samples = ["홍길동", "李小龍", "عبد الله", "🔑✅"];
    // What this machine's fonts can draw decides which half of the promise is checked: every
    // script drawn, or the missing ones named in the notice (and drawn as boxes meanwhile).
    let unavailable = jwt_debugger::ui::fonts::missing_scripts(&h.ctx, samples);
    if !unavailable.is_empty() {
        h.ctx
            .set_missing_glyph_policy(egui::MissingGlyphPolicy::Tofu);
    }
    let payload = r#"{"sub":"u1","name":"홍길동","given_name":"李小龍","family_name":"عبد الله","nickname":"🔑✅"}"#;
    paste(&mut h, &token_signed_with(SECRET, payload));
    h.run();
    h.get_by_label_contains("홍길동");
    let missing = jwt_debugger::ui::fonts::missing_scripts(&h.ctx, samples);
    assert_eq!(missing, unavailable);
    if unavailable.is_empty() {
        assert!(
            h.query_by_label_contains("No installed font can show")
                .is_none()
        );
    } else {
        h.get_by_label_contains("No installed font can show");
        for (script, package) in &unavailable {
            h.get_by_label_contains(&format!("{script} ({package})"));
        }
    }
}

#[test]
fn in_one_column_the_verdict_and_editors_come_before_the_claims() {
    let mut h = harness_at([800.0, 600.0]);
    h.run();
    let header_y = |h: &Harness<'_, App>| {
        h.get_by_role_and_label(Role::MultilineTextInput, "Header")
            .rect()
            .top()
    };
    let before = header_y(&h);
    // A token with many claims: nothing above the editors grows.
    paste(
        &mut h,
        &token_signed_with(
            SECRET,
            r#"{"sub":"a","iss":"b","aud":"c","exp":1800003600,"iat":1800000000,"nbf":1800000000,"jti":"x","name":"n","email":"e"}"#,
        ),
    );
    assert_eq!(header_y(&h), before);
    assert!(
        before < 600.0,
        "the editors are on the first screen: {before}"
    );
}

#[test]
fn a_focused_field_stops_blinking_after_ten_idle_seconds_and_the_window_settles() {
    let mut h = harness();
    h.run();
    // A token without times: nothing on screen moves with the clock.
    paste(&mut h, &token_signed_with(SECRET, r#"{"sub":"still"}"#));
    h.get_by_role_and_label(Role::PasswordInput, "Secret")
        .focus();
    h.run();
    // While the user works the cursor blinks: frames come about twice a second.
    h.event(egui::Event::Text("x".into()));
    h.step();
    assert!(h.ctx.global_style().visuals.text_cursor.blink);
    assert!(repaint_delay(&h) <= std::time::Duration::from_secs(1));
    // Eleven idle seconds (a step is a quarter second): the blink stops, the cursor stays drawn,
    // and the next frame is the one a time on screen needs, not the blink's.
    for _ in 0..44 {
        h.step();
    }
    assert!(!h.ctx.global_style().visuals.text_cursor.blink);
    assert!(
        h.get_by_role_and_label(Role::PasswordInput, "Secret")
            .is_focused()
    );
    assert!(
        repaint_delay(&h) >= std::time::Duration::from_secs(3600),
        "repaints after {:?}: {:?}",
        repaint_delay(&h),
        h.ctx.repaint_causes()
    );
    // A key wakes it.
    h.event(egui::Event::Text("y".into()));
    h.step();
    assert!(h.ctx.global_style().visuals.text_cursor.blink);
}
