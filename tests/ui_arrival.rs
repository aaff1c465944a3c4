//! Every route by which text reaches the app, run through every kind of text (issue #18): typed
//! into the token field, pasted into it, pasted anywhere, dropped, opened through the path
//! field, given on the command line. One table of routes, one table of cases, one set of
//! expectations: a route that behaves differently from the others fails here by name.
#![cfg(feature = "gui")]
#![allow(clippy::unwrap_used)] // tests fail loudly by design

#[path = "common/ui.rs"]
mod ui_common;
use ui_common::settle;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use jwt_debugger::core::{keys, sign};
use jwt_debugger::ui::App;
use jwt_debugger::ui::clipboard::MemoryClipboard;
use jwt_debugger::ui::files::Dialogs;
use jwt_debugger::ui::model::AppState;

const NOW: i64 = 1_800_000_000;
const SECRET: &str = "somebody-elses-secret-of-32-bytes!!";

fn token(sub: &str) -> String {
    let key = keys::parse_text(SECRET).unwrap();
    sign::sign(
        r#"{"alg":"HS256","typ":"JWT"}"#,
        &format!(r#"{{"sub":"{sub}","exp":{}}}"#, NOW + 3600),
        key.keys.first(),
        sign::Unsecured::Refuse,
    )
    .unwrap()
    .token
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Route {
    TypedIntoField,
    PastedIntoField,
    PastedAnywhere,
    Dropped,
    Opened,
    CommandLine,
}

const ROUTES: [Route; 6] = [
    Route::TypedIntoField,
    Route::PastedIntoField,
    Route::PastedAnywhere,
    Route::Dropped,
    Route::Opened,
    Route::CommandLine,
];

#[derive(Debug, Clone)]
enum Case {
    /// A token signed with a key the user never gave, after the example.
    Foreign(String),
    /// A log holding two different tokens.
    Log {
        first: String,
        second: String,
    },
    /// `Authorization: Bearer <token>`.
    Bearer(String),
    Garbage,
    Empty,
    /// An SD-JWT presentation (RFC 9901 §5.2 shape): disclosures and a key-binding JWT after `~`.
    SdJwt(String),
}

impl Case {
    fn text(&self) -> String {
        match self {
            Self::Foreign(t) => t.clone(),
            Self::Log { first, second } => format!(
                "2026-12-06T10:00:01Z GET /api/a Authorization: Bearer {first}\n\
                 2026-12-06T10:00:02Z 401 retry with {second}\n"
            ),
            Self::Bearer(t) => format!("Authorization: Bearer {t}"),
            Self::Garbage => "this is not a token, just words".into(),
            Self::SdJwt(t) => t.clone(),
            Self::Empty => String::new(),
        }
    }
}

fn cases() -> Vec<Case> {
    vec![
        Case::Foreign(token("foreign")),
        Case::Log {
            first: token("first-in-log"),
            second: token("second-in-log"),
        },
        Case::Bearer(token("bearer")),
        Case::Garbage,
        Case::Empty,
        Case::SdJwt(sd_jwt()),
    ]
}

/// RFC 9901's "simple" example presentation (tests/vectors/sd_jwt).
fn sd_jwt() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vectors/sd_jwt/simple.json");
    let doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    doc["presentation"].as_str().unwrap().to_owned()
}

fn harness(clipboard: &MemoryClipboard, command_line: Option<String>) -> Harness<'static, App> {
    let mut app = App::with_parts(
        AppState::default(),
        Box::new(clipboard.clone()),
        Box::new(|| NOW),
        command_line,
    );
    app.set_dialogs(Dialogs::unavailable());
    Harness::builder()
        .with_size([1280.0, 900.0])
        .with_max_steps(16)
        .build_ui_state(|ui, app: &mut App| app.draw(ui), app)
}

/// A file dropped on the window, as the windowing layer hands it over.
#[derive(Debug)]
struct DroppedPath(PathBuf);

impl egui::DroppedFile for DroppedPath {
    fn path(&self) -> &Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

fn focus_token_field(h: &mut Harness<'_, App>) {
    h.get_by_role_and_label(Role::MultilineTextInput, "Encoded token")
        .focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.run();
}

/// Puts `text` in front of the app by `route`; returns the harness showing the result.
fn deliver(route: Route, text: &str, clipboard: &MemoryClipboard) -> Harness<'static, App> {
    if route == Route::CommandLine {
        let mut h = harness(clipboard, Some(text.to_owned()));
        settle(&mut h);
        return h;
    }
    let mut h = harness(clipboard, None);
    h.run();
    h.get_by_label_contains("Signature verified"); // the example, with its key
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("token.txt");
    std::fs::write(&file, text).unwrap();
    match route {
        Route::TypedIntoField => {
            focus_token_field(&mut h);
            if text.is_empty() {
                h.key_press(egui::Key::Delete);
            } else {
                h.event(egui::Event::Text(text.to_owned()));
            }
            h.run();
        }
        Route::PastedIntoField => {
            focus_token_field(&mut h);
            h.event(egui::Event::Paste(text.to_owned()));
            h.run();
        }
        Route::PastedAnywhere => {
            h.event(egui::Event::Paste(text.to_owned()));
            h.run();
        }
        Route::Dropped => {
            h.input_mut()
                .dropped_files
                .push(Arc::new(DroppedPath(file.clone())));
            h.run();
        }
        Route::Opened => {
            h.get_by_label("📂 Open token…").click();
            h.run();
            h.run();
            h.get_by_role_and_label(Role::TextInput, "Open token from")
                .type_text(&file.display().to_string());
            h.run();
            h.key_press(egui::Key::Enter);
            h.run();
        }
        Route::CommandLine => unreachable!(),
    }
    settle(&mut h);
    h
}

fn history_tokens(h: &Harness<'_, App>) -> Vec<String> {
    h.state()
        .model
        .state
        .history
        .iter()
        .map(|e| e.token.clone())
        .collect()
}

fn copy_token(h: &mut Harness<'_, App>) {
    h.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::C,
    );
    h.run();
}

/// What every route must show for one case.
fn check(route: Route, case: &Case, h: &mut Harness<'_, App>, clipboard: &MemoryClipboard) {
    let at = format!("{route:?} with {case:?}");
    let model = &h.state().model;
    match case {
        Case::Foreign(t) => {
            assert_eq!(model.token(), t, "{at}");
            assert_eq!(
                model.state.token.trim(),
                t,
                "{at}: the field holds the token"
            );
            assert_eq!(model.keys.secret, "", "{at}: the example's key is gone");
            assert!(model.found.is_none(), "{at}");
            assert_eq!(history_tokens(h).first(), Some(t), "{at}: in the history");
            assert!(
                h.query_by_label_contains("No key: signature not checked")
                    .is_some(),
                "{at}: says no key"
            );
            assert!(
                h.query_by_label_contains("Invalid signature").is_none(),
                "{at}"
            );
        }
        Case::Log { first, second } => {
            let found = model
                .found
                .as_ref()
                .unwrap_or_else(|| panic!("{at}: no table"));
            let rows: Vec<_> = found.rows.iter().map(|r| r.token.clone()).collect();
            assert_eq!(rows.len(), 2, "{at}");
            assert!(rows.contains(first) && rows.contains(second), "{at}");
            assert_eq!(model.token(), first, "{at}: the first found is open");
            assert_eq!(model.keys.secret, "", "{at}: the example's key is gone");
            assert_eq!(history_tokens(h).first(), Some(first), "{at}");
            assert!(
                h.query_by_label_contains("Tokens found in").is_some(),
                "{at}: the table shows"
            );
        }
        Case::Bearer(t) => {
            assert_eq!(model.token(), t, "{at}");
            assert_eq!(history_tokens(h).first(), Some(t), "{at}");
            copy_token(h);
            assert_eq!(
                clipboard.copied.lock().unwrap().last(),
                Some(t),
                "{at}: copy gives the token, not the line"
            );
            h.get_by_label("More copies ⏷").click();
            h.run();
            h.get_by_label("Copy Authorization header").click();
            h.run();
            assert_eq!(
                clipboard.copied.lock().unwrap().last(),
                Some(&format!("Authorization: Bearer {t}")),
                "{at}"
            );
        }
        Case::Garbage => {
            assert!(h.query_by_label("✖ Malformed").is_some(), "{at}");
            assert_eq!(model.keys.secret, "", "{at}: the example's key is gone");
            assert!(model.token_state.name() == "malformed", "{at}");
            let history = history_tokens(h);
            assert!(
                history.iter().all(|t| !t.contains("just words")),
                "{at}: garbage is not history"
            );
            assert!(
                h.query_by_label_contains("Invalid signature").is_none(),
                "{at}"
            );
        }
        Case::Empty => {
            assert!(h.query_by_label("• No token").is_some(), "{at}");
            assert_eq!(model.token(), "", "{at}");
        }
        Case::SdJwt(t) => {
            assert_eq!(
                model.token(),
                t,
                "{at}: the whole SD-JWT, not its JWT alone"
            );
            assert!(model.found.is_none(), "{at}: one token, no table");
            assert_eq!(history_tokens(h).first(), Some(t), "{at}");
            assert!(h.query_by_label("Disclosures (4)").is_some(), "{at}");
            assert!(
                h.query_by_label_contains("Disclosures match").is_some(),
                "{at}"
            );
            assert!(
                h.query_all_by_label("disclosed").count() >= 3,
                "{at}: claims marked"
            );
        }
    }
}

#[test]
fn every_route_shows_every_kind_of_text_the_same_way() {
    for case in cases() {
        for route in ROUTES {
            let clipboard = MemoryClipboard::default();
            let mut h = deliver(route, &case.text(), &clipboard);
            check(route, &case, &mut h, &clipboard);
        }
    }
}

/// Routes other than typing say what happened in a notice; typing shows itself.
#[test]
fn every_route_but_typing_says_what_arrived() {
    let foreign = token("noticed");
    for route in ROUTES {
        let clipboard = MemoryClipboard::default();
        let h = deliver(route, &foreign, &clipboard);
        let said = match route {
            Route::TypedIntoField => None,
            Route::PastedIntoField | Route::PastedAnywhere | Route::CommandLine => {
                Some("Token pasted")
            }
            Route::Dropped => Some("Opened token from token.txt"),
            Route::Opened => Some("Opened token.txt"),
        };
        if let Some(said) = said {
            assert!(
                h.query_by_label_contains(said).is_some(),
                "{route:?} says {said:?}"
            );
        }
        let h = deliver(route, "not a token", &clipboard);
        if route != Route::TypedIntoField && route != Route::CommandLine {
            assert!(
                h.query_by_label_contains("Not a well-formed token")
                    .is_some(),
                "{route:?} says why it is not a token"
            );
        }
    }
}

/// A paste into the middle of a token that brings no token is an edit, not an arrival.
#[test]
fn pasting_a_fragment_into_the_field_edits_the_token() {
    let clipboard = MemoryClipboard::default();
    let mut h = harness(&clipboard, None);
    h.run();
    let before = h.state().model.state.token.clone();
    h.get_by_role_and_label(Role::MultilineTextInput, "Encoded token")
        .focus();
    h.run();
    h.key_press(egui::Key::End);
    h.run();
    h.event(egui::Event::Paste("xyz".into()));
    h.run();
    settle(&mut h);
    let after = h.state().model.state.token.clone();
    assert_ne!(after, before);
    assert_eq!(after.replace("xyz", ""), before, "inserted at the cursor");
    assert!(h.query_by_label_contains("Token pasted").is_none());
}

/// The routes that open one token the app listed: a row of the found tokens (anywhere in the
/// row) and a history entry.
#[test]
fn a_table_row_and_a_history_entry_open_their_token_like_a_paste() {
    let clipboard = MemoryClipboard::default();
    let first = token("first-in-log");
    let second = token("second-in-log");
    let mut h = deliver(
        Route::PastedAnywhere,
        &Case::Log {
            first: first.clone(),
            second: second.clone(),
        }
        .text(),
        &clipboard,
    );
    // A cell of the second row, not its number button.
    h.get_by_label("second-in-log").click();
    settle(&mut h);
    assert_eq!(h.state().model.token(), second);
    h.get_by_label_contains("Opened a token from the list");
    h.get_by_label("? No key: signature not checked");
    assert_eq!(history_tokens(&h).first(), Some(&second));

    h.get_by_label_contains("History (").click();
    h.run();
    // Newest first: the second entry is the first token.
    h.get_all_by_label("Open").nth(1).unwrap().click();
    settle(&mut h);
    assert_eq!(h.state().model.token(), first);
    h.get_by_label_contains("Opened a token from the history");
}
