//! Every section of the window is there in both arrangements (issue #18): side by side on a wide
//! window, one column on a narrow one or when zoomed in. Found by the labels a person reads.
#![cfg(feature = "gui")]
#![allow(clippy::unwrap_used)] // tests fail loudly by design

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use jwt_debugger::core::{keys, sign};
use jwt_debugger::ui::App;
use jwt_debugger::ui::clipboard::MemoryClipboard;
use jwt_debugger::ui::model::AppState;

const NOW: i64 = 1_800_000_000;

fn token(sub: &str) -> String {
    let key = keys::parse_text("a-secret-nobody-typed-in-this-test!!").unwrap();
    sign::sign(
        r#"{"alg":"HS256","typ":"JWT"}"#,
        &format!(r#"{{"sub":"{sub}","exp":{}}}"#, NOW + 600),
        key.keys.first(),
        sign::Unsecured::Refuse,
    )
    .unwrap()
    .token
}

/// The label each section is found by (the inner token's panel needs a nested token and the key
/// tools a key; their places in both arrangements are checked by the layout table's own test).
const SECTIONS: &[(&str, Option<Role>)] = &[
    ("Tokens found in pasted text (2)", None),
    ("Encoded token", Some(Role::MultilineTextInput)),
    ("No key: signature not checked", None),
    ("Payload", Some(Role::MultilineTextInput)),
    ("Helpers", None),
    ("Algorithm", Some(Role::ComboBox)),
    ("🔐 Encrypt (JWE)", None),
    ("Guess the secret", None),
    ("Finding details (", None),
    ("Validation", None),
    ("Claims (", None),
    ("⇄ Compare with another token", None),
    ("History (", None),
];

#[test]
fn every_section_is_drawn_in_both_arrangements_and_when_zoomed() {
    for (size, zoom, stacked) in [
        ([800.0, 600.0], 1.0, true),
        ([1280.0, 800.0], 1.0, false),
        ([1280.0, 800.0], 1.5, true),
    ] {
        let app = App::with_parts(
            AppState::default(),
            Box::new(MemoryClipboard::default()),
            Box::new(|| NOW),
            None,
        );
        let mut h = Harness::builder()
            .with_size(size)
            .with_max_steps(16)
            .build_ui_state(|ui, app: &mut App| app.draw(ui), app);
        h.ctx.set_zoom_factor(zoom);
        h.run();
        h.event(egui::Event::Paste(format!(
            "first {} then {}",
            token("a"),
            token("b")
        )));
        for _ in 0..20 {
            h.step();
        }
        let _ = h.try_run();
        let at = format!("{size:?} at zoom {zoom}");
        for (label, role) in SECTIONS {
            let found = match role {
                Some(role) => h.query_by_role_and_label(*role, label).is_some(),
                None => h.query_all_by_label_contains(label).next().is_some(),
            };
            assert!(found, "{at}: no {label:?}");
        }
        // The arrangement is the one the width calls for: in one column the token field and
        // the payload editor are one above the other.
        let token = h
            .get_by_role_and_label(Role::MultilineTextInput, "Encoded token")
            .rect();
        let payload = h
            .get_by_role_and_label(Role::MultilineTextInput, "Payload")
            .rect();
        let one_column = payload.left() < token.right() && payload.top() > token.bottom();
        assert_eq!(one_column, stacked, "{at}: {token:?} / {payload:?}");
    }
}
