//! Many tokens in the app (issue #13), through the accessibility tree: the table of tokens found
//! in a pasted text, tabs (Ctrl+T, Ctrl+Tab, Ctrl+W, rename, reorder, kept across a restart),
//! the history, and the compare view.
#![cfg(feature = "gui")]
#![allow(clippy::unwrap_used)] // tests fail loudly by design

#[path = "common/ui.rs"]
mod ui_common;
use ui_common::settle;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use jwt_debugger::core::{keys, sign};
use jwt_debugger::ui::App;
use jwt_debugger::ui::clipboard::MemoryClipboard;
use jwt_debugger::ui::model::AppState;

const NOW: i64 = 1_800_000_000;
const SECRET: &str = "a-string-secret-at-least-256-bits-long";

fn harness_with(state: AppState) -> Harness<'static, App> {
    let app = App::with_parts(
        state,
        Box::new(MemoryClipboard::default()),
        Box::new(|| NOW),
        None,
    );
    Harness::builder()
        .with_size([1400.0, 1100.0])
        .build_ui_state(|ui, app: &mut App| app.draw(ui), app)
}

fn token(sub: &str, iss: &str, exp: i64) -> String {
    let key = keys::parse_text(SECRET).unwrap();
    sign::sign(
        r#"{"alg":"HS256","typ":"JWT"}"#,
        &format!(r#"{{"sub":"{sub}","iss":"{iss}","exp":{exp}}}"#),
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

fn shortcut(h: &mut Harness<'_, App>, key: egui::Key, modifiers: egui::Modifiers) {
    h.key_press_modifiers(modifiers, key);
    h.run();
}

#[test]
fn a_pasted_log_lists_its_tokens_and_a_row_opens_one() {
    let mut h = harness_with(AppState::default());
    h.run();
    let soon = token("alice", "https://b.example", NOW + 600);
    let later = token("bob", "https://a.example", NOW + 7200);
    let expired = token("carol", "https://c.example", NOW - 60);
    paste(
        &mut h,
        &format!(
            "GET /x Authorization: Bearer {later}\nset-cookie: t={expired}\nretry {soon} {later}\n"
        ),
    );
    h.get_by_label("Tokens found in pasted text (3)");
    // The first found is open.
    assert_eq!(h.state().model.state.token, later);
    assert_eq!(
        h.state().model.found.as_ref().unwrap().rows[0].places.len(),
        2
    );
    // Sorted by expiry, the expired one comes first; choosing row 3 opens carol's token.
    h.get_by_label("expiry").click();
    h.run();
    h.get_by_label("2").click();
    h.run();
    assert_eq!(h.state().model.state.token, expired);
    assert_eq!(
        h.state().model.analysis.validity.state,
        jwt_debugger::core::ValidityState::Expired
    );
    h.get_by_label("Close list").click();
    h.run();
    assert!(h.state().model.found.is_none());
}

#[test]
fn tabs_keep_their_own_token_and_key_and_survive_a_restart() {
    let mut h = harness_with(AppState::default());
    h.run();
    let first = token("first", "https://issuer.example", NOW + 3600);
    paste(&mut h, &first);
    // Ctrl+T: a new, empty tab.
    shortcut(&mut h, egui::Key::T, egui::Modifiers::COMMAND);
    assert_eq!(h.state().model.state.tabs.len(), 2);
    assert_eq!(h.state().model.state.active_tab, 1);
    h.get_by_label("• No token");
    let second = token("second", "https://issuer.example", NOW + 3600);
    paste(&mut h, &second);
    // A key typed in the second tab stays with it.
    h.get_by_role_and_label(Role::PasswordInput, "Secret")
        .focus();
    h.run();
    h.event(egui::Event::Text(SECRET.into()));
    h.run();
    h.get_by_label_contains("Signature verified");
    // Back to the first tab (Ctrl+Tab wraps): its token, and no key.
    shortcut(&mut h, egui::Key::Tab, egui::Modifiers::CTRL);
    assert_eq!(h.state().model.state.active_tab, 0);
    assert_eq!(h.state().model.state.token, first);
    h.get_by_label_contains("No key: signature not checked");
    // And to the second again by its label: its key came back with it.
    h.get_by_label("Token 2").click();
    h.run();
    assert_eq!(h.state().model.state.token, second);
    h.get_by_label_contains("Signature verified");
    // Rename it and move it left.
    h.get_by_label("✏").click();
    h.run();
    h.run();
    h.key_press(egui::Key::End);
    h.event(egui::Event::Text(" (prod)".into()));
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    h.get_by_label("◀").click();
    h.run();
    let saved = h.state().model.to_saved();
    assert_eq!(saved.tabs.len(), 2);
    assert_eq!(saved.tabs[0].name, "Token 2 (prod)");
    assert_eq!(saved.tabs[0].token, second);
    assert_eq!(saved.active_tab, 0);
    // A restart opens the same tabs (keys are not saved with them).
    let mut h2 = harness_with(saved);
    h2.run();
    h2.get_by_label("Token 2 (prod)");
    assert_eq!(h2.state().model.state.token, second);
    h2.get_by_label("Token 2").click();
    h2.run();
    assert_eq!(h2.state().model.state.token, first);
    // Ctrl+W closes the open tab.
    shortcut(&mut h2, egui::Key::W, egui::Modifiers::COMMAND);
    assert_eq!(h2.state().model.state.tabs.len(), 1);
    assert_eq!(h2.state().model.state.token, second);
}

#[test]
fn the_history_is_searchable_clearable_and_can_be_turned_off() {
    let mut h = harness_with(AppState::default());
    h.run();
    for (sub, iss) in [
        ("alice", "https://idp.example"),
        ("bob", "https://other.example"),
    ] {
        paste(&mut h, &token(sub, iss, NOW + 60));
    }
    assert_eq!(h.state().model.state.history.len(), 2);
    assert_eq!(h.state().model.state.history[0].sub, "bob");
    h.get_by_label("History (2)").click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Search by sub, iss or kid")
        .focus();
    h.run();
    h.event(egui::Event::Text("idp.example".into()));
    h.run();
    assert_eq!(h.query_all_by_label("Open").count(), 1);
    h.get_by_label("Open").click();
    h.run();
    assert!(h.state().model.analysis.decoded.claims().unwrap()["sub"] == "alice");
    h.get_by_label("Clear history").click();
    h.run();
    assert!(h.state().model.state.history.is_empty());
    h.get_by_label("Keep a history of tokens looked at").click();
    h.run();
    paste(&mut h, &token("carol", "https://idp.example", NOW + 60));
    assert!(h.state().model.state.history.is_empty());
    assert!(h.state().model.state.history_off);
}

#[test]
fn compare_shows_the_two_tokens_differences_marked() {
    let mut h = harness_with(AppState::default());
    h.run();
    let worked = token("alice", "https://idp.example", NOW + 600);
    let failed = token("alice", "https://idp.example", NOW + 600 + 5400);
    paste(&mut h, &worked);
    h.get_by_label("⇄ Compare with another token").click();
    h.run();
    h.get_by_role_and_label(Role::MultilineTextInput, "Other token")
        .focus();
    h.run();
    h.event(egui::Event::Paste(failed.clone()));
    h.run();
    h.get_by_label("exp +1 h 30 min");
    h.get_by_label_contains("Both use alg HS256.");
    // The same through tabs: a second tab with the other token, compared from the first.
    h.key_press(egui::Key::Escape); // leave the compare field, so the next paste is a token
    h.run();
    shortcut(&mut h, egui::Key::T, egui::Modifiers::COMMAND);
    paste(&mut h, &failed);
    h.get_by_label("Token 1").click();
    h.run();
    h.state_mut().model.compare_text.clear();
    h.get_by_label("Compare with a tab ⏷").click();
    h.run();
    h.get_by_label("⇄ Token 2").click();
    h.run();
    assert_eq!(h.state().model.compare_text, failed);
    h.get_by_label("exp +1 h 30 min");
}

#[test]
fn the_found_table_follows_the_key_the_clock_and_the_language() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicI64, Ordering};
    let clock = Arc::new(AtomicI64::new(NOW));
    let app = App::with_parts(
        AppState::default(),
        Box::new(MemoryClipboard::default()),
        Box::new({
            let clock = clock.clone();
            move || clock.load(Ordering::SeqCst)
        }),
        None,
    );
    let mut h = Harness::builder()
        .with_size([1400.0, 1100.0])
        .with_max_steps(16)
        .build_ui_state(|ui, app: &mut App| app.draw(ui), app);
    h.run();
    let a = token("alice", "https://a.example", NOW + 600);
    let b = token("bob", "https://b.example", NOW + 7200);
    paste(&mut h, &format!("{a}\n{b}\n"));
    settle(&mut h);
    // Words, not ids: the rows say what the badge says.
    h.get_by_label("? No key: signature not checked"); // the badge
    assert_eq!(
        h.get_all_by_label("No key: signature not checked").count(),
        2,
        "both rows"
    );
    assert!(h.query_by_label_contains("no_key").is_none());
    h.get_by_label("expires in 10 min");
    // The right key typed: the rows follow it, as the badge does.
    h.get_by_role_and_label(Role::PasswordInput, "Secret")
        .focus();
    h.run();
    h.event(egui::Event::Text(SECRET.into()));
    h.run();
    settle(&mut h);
    h.get_by_label("✔ Signature verified");
    assert_eq!(h.get_all_by_label("Signature verified").count(), 2);
    assert!(h.query_by_label("No key: signature not checked").is_none());
    // The clock moves: the time words follow it.
    clock.store(NOW + 240, Ordering::SeqCst);
    h.key_press(egui::Key::Escape);
    settle(&mut h);
    h.get_by_label("expires in 6 min");
    assert!(h.query_by_label("expires in 10 min").is_none());
    // And the language.
    h.get_by_label("⚙ Data ⏷").click();
    h.run();
    h.get_by_label("한국어").click();
    settle(&mut h);
    assert_eq!(h.get_all_by_label("서명 확인됨").count(), 2);
    jwt_debugger::i18n::set(jwt_debugger::i18n::Lang::En);
}

#[test]
fn a_notice_stays_with_the_tab_it_was_said_in() {
    let mut h = harness_with(AppState::default());
    h.run();
    let a = token("alice", "https://a.example", NOW + 600);
    let b = token("bob", "https://b.example", NOW + 7200);
    paste(&mut h, &format!("{a}\n{b}\n"));
    h.get_by_label_contains("2 tokens found in pasted text");
    shortcut(&mut h, egui::Key::T, egui::Modifiers::COMMAND);
    assert!(
        h.query_by_label_contains("2 tokens found in pasted text")
            .is_none()
    );
}

#[test]
fn the_tab_bar_names_the_shortcuts_of_the_action_table() {
    let mut h = harness_with(AppState::default());
    h.ctx.set_os(egui::os::OperatingSystem::Mac);
    h.ctx.all_styles_mut(|s| {
        s.interaction.tooltip_delay = 0.0;
        s.interaction.show_tooltips_only_when_still = false;
    });
    h.run();
    h.get_by_label("+").hover();
    h.run_steps(10);
    // Written as the platform writes it, not a hard-coded "(Ctrl+T)".
    h.get_by_label_contains("(Cmd+T)");
    assert!(h.query_by_label_contains("(Ctrl+T)").is_none());
}
