//! The Attacks panel (issue #21): nothing is made before the tester ticks that they are
//! authorised; then the tokens are listed, each copies and opens in a new tab, and all of them
//! copy as JSON Lines.
#![cfg(feature = "gui")]
#![allow(clippy::unwrap_used)] // tests fail loudly by design

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use jwt_debugger::ui::App;
use jwt_debugger::ui::clipboard::MemoryClipboard;
use jwt_debugger::ui::model::AppState;

const NOW: i64 = 1_800_000_000;

#[test]
fn attacks_need_the_tick_then_list_copy_open_and_export() {
    let clipboard = MemoryClipboard::default();
    let app = App::with_parts(
        AppState::default(),
        Box::new(clipboard.clone()),
        Box::new(|| NOW),
        None,
    );
    let mut h = Harness::builder()
        .with_size([1280.0, 2400.0])
        .with_max_steps(16)
        .build_ui_state(|ui, app: &mut App| app.draw(ui), app);
    h.run();
    let original = h.state().model.state.token.clone();
    h.get_by_label("Attacks (authorised testing)").click();
    h.run();
    // Before the tick, the button does nothing.
    h.get_by_label("Make attack tokens").click();
    h.run();
    assert!(h.query_by_label_contains("tokens to try").is_none());
    h.get_by_label("I am authorised to test the target").click();
    h.run();
    h.get_by_role_and_label(
        Role::MultilineTextInput,
        "Change claims first (NAME=VALUE per line)",
    )
    .focus();
    h.run();
    h.event(egui::Event::Text("sub=admin".into()));
    h.run();
    h.get_by_label("Make attack tokens").click();
    h.run();
    h.get_by_label_contains("tokens to try");
    // Copy one: the first is alg none.
    // (Every row has its Copy button; the first row's is the first.)
    h.get_all_by_label("Copy").next().unwrap().click();
    h.run();
    let first = clipboard.copied.lock().unwrap().last().cloned().unwrap();
    let header = jwt_debugger::core::b64::decode(first.split('.').next().unwrap()).unwrap();
    assert!(
        String::from_utf8(header.bytes)
            .unwrap()
            .contains(r#""alg":"none""#)
    );
    let payload = jwt_debugger::core::b64::decode(first.split('.').nth(1).unwrap()).unwrap();
    assert!(
        String::from_utf8(payload.bytes)
            .unwrap()
            .contains(r#""sub":"admin""#)
    );
    // Export all as JSON Lines.
    h.get_by_label("Copy all as JSON Lines").click();
    h.run();
    let all = clipboard.copied.lock().unwrap().last().cloned().unwrap();
    let lines: Vec<serde_json::Value> = all
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(lines.len() >= 10);
    assert!(lines.iter().any(|l| l["id"] == "empty-key"));
    assert!(
        lines.iter().any(|l| l["id"] == "weak-secret"),
        "the example's secret in the key field"
    );
    // Open one in a new tab: the example stays in the first.
    h.get_all_by_label("Open in a new tab")
        .next()
        .unwrap()
        .click();
    h.run();
    assert_eq!(h.state().model.state.tabs.len(), 2);
    assert_eq!(h.state().model.state.token, first);
    assert_eq!(h.state().model.state.tabs[0].token, original);
}
