//! Translations (issue #11): the catalogues are complete, the UI holds no user-facing literal
//! outside them, and the app switches language, keeping the choice.
#![cfg(feature = "gui")]
#![allow(clippy::unwrap_used)] // tests fail loudly by design

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use jwt_debugger::i18n::Lang;
use jwt_debugger::ui::App;
use jwt_debugger::ui::clipboard::MemoryClipboard;
use jwt_debugger::ui::model::AppState;

/// Widget calls whose string argument a person reads.
const CALLS: &[&str] = &[
    ".label(",
    ".button(",
    ".small_button(",
    ".menu_button(",
    ".heading(",
    ".checkbox(",
    ".on_hover_text(",
    ".hint_text(",
    "RichText::new(",
    ".selectable_label(",
    "Button::new(",
    ".say(",
    // Texts made to be shown later: errors, notes, messages built from parts.
    "format!(",
    "Err(",
    "ok_or(",
    "map_err(",
];

/// A literal that is words for a person (not an identifier, a URL, an example value or JSON).
fn is_prose(literal: &str) -> bool {
    // Placeholders ({name}, {e}) are not words.
    let mut text = String::new();
    let mut depth = 0;
    for c in literal.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            c if depth == 0 => text.push(c),
            _ => {}
        }
    }
    let literal = text.as_str();
    let words = literal
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.len() >= 3)
        .count();
    words >= 1
        && !literal.contains("://")
        && !literal.starts_with('{')
        && !literal.starts_with('/')
        && !literal.contains("{}")
        && literal.chars().any(|c| c.is_ascii_lowercase())
        && literal.contains(' ')
}

#[test]
fn the_ui_code_holds_no_user_facing_literal_outside_the_catalogue() {
    let mut found = Vec::new();
    // Every source file of the app, whatever folder it sits in.
    let mut files = Vec::new();
    let mut dirs = vec![std::path::PathBuf::from("src/ui")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path.display().to_string());
            }
        }
    }
    assert!(files.len() > 40, "{} files", files.len());
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        // Only the code before the tests.
        let code = text.split("#[cfg(test)]").next().unwrap();
        for (n, line) in code.lines().enumerate() {
            if line.trim_start().starts_with("//") {
                continue;
            }
            for call in CALLS {
                let Some(at) = line.find(call) else { continue };
                let rest = &line[at + call.len()..];
                // The first string literal among the call's arguments, if it is one.
                let Some(open) = rest.find('"') else { continue };
                if rest[..open].contains("tr!(") || rest[..open].contains(')') {
                    continue;
                }
                let literal = &rest[open + 1..];
                let literal = &literal[..literal.find('"').unwrap_or(literal.len())];
                if is_prose(literal) {
                    found.push(format!("{file}:{}: {literal:?}", n + 1));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "literals outside the catalogue:\n{}",
        found.join("\n")
    );
}

fn harness() -> Harness<'static, App> {
    let app = App::with_parts(
        AppState::default(),
        Box::new(MemoryClipboard::default()),
        Box::new(|| 1_800_000_000),
        None,
    );
    Harness::builder()
        .with_size([1280.0, 900.0])
        .build_ui_state(|ui, app: &mut App| app.draw(ui), app)
}

#[test]
fn the_app_switches_to_korean_and_keeps_the_choice() {
    jwt_debugger::i18n::set(Lang::En);
    let mut h = harness();
    h.run();
    h.get_by_label("⚙ Data ⏷").click();
    h.run();
    h.get_by_label("한국어").click();
    h.run();
    h.run();
    // Labels, buttons and badges are Korean now; identifiers stay as they are.
    h.get_by_role_and_label(Role::MultilineTextInput, "페이로드");
    h.get_by_label_contains("서명 확인됨");
    let alg = h.get_by_role_and_label(Role::ComboBox, "알고리즘");
    assert_eq!(
        alg.value().as_deref(),
        Some("HS256"),
        "alg values are not translated"
    );
    assert_eq!(h.state().model.state.lang, Some(Lang::Ko));
    // Kept across a restart.
    let saved = h.state().model.to_saved();
    jwt_debugger::i18n::set(Lang::En);
    let app = App::with_parts(
        saved,
        Box::new(MemoryClipboard::default()),
        Box::new(|| 1_800_000_000),
        None,
    );
    assert_eq!(app.model.state.lang, Some(Lang::Ko));
    assert_eq!(jwt_debugger::i18n::current(), Lang::Ko);
    jwt_debugger::i18n::set(Lang::En);
}

#[test]
fn plurals_read_right_in_both_languages() {
    jwt_debugger::i18n::set(Lang::En);
    let one = jwt_debugger::tr!("guess-not-found", what = "the list", tried = 1u64);
    let many = jwt_debugger::tr!("guess-not-found", what = "the list", tried = 5u64);
    assert_eq!(one, "Not found in the list (1 candidate).");
    assert_eq!(many, "Not found in the list (5 candidates).");
    jwt_debugger::i18n::set(Lang::Ko);
    let ko = jwt_debugger::tr!("guess-not-found", what = "목록", tried = 1u64);
    assert_eq!(ko, "목록에서 찾지 못했습니다 (후보 1개).");
    jwt_debugger::i18n::set(Lang::En);
}

/// True when the text holds Hangul.
fn is_korean(text: &str) -> bool {
    text.chars().any(|c| ('\u{AC00}'..='\u{D7A3}').contains(&c))
}

#[test]
fn findings_signature_details_and_key_descriptions_read_in_korean_with_ids_unchanged() {
    use jwt_debugger::core::{self, Options};
    const NOW: i64 = 1_700_000_000;
    // One token that trips many rules: unsecured, its own private jwk, a key URL, an injected
    // kid, a bad crit, no expiry, a millisecond iat, a non-string sub and a password claim.
    let header = r#"{"alg":"none","jwk":{"kty":"oct","k":"AA","d":"x"},"jku":"http://127.0.0.1/k","kid":"../../etc/passwd","crit":[]}"#;
    let payload = r#"{"sub":42,"iat":1700000000000,"password":"hunter2","aud":[]}"#;
    let b64 = |s: &str| {
        use base64::Engine as _;
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(s)
    };
    let unsecured = format!("{}.{}.", b64(header), b64(payload));
    // And one HS256 token checked with a short well-known secret and a public key.
    let hs = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";
    let secret = core::keys::parse_text("secret").unwrap();

    // The analysis holds no words: made on a thread whose language is English, it reads in
    // Korean when it is shown in Korean.
    jwt_debugger::i18n::set(Lang::En);
    let a = core::analyze(&unsecured, None, Options::at(NOW));
    let b = core::analyze(hs, Some(&secret), Options::at(NOW));
    let garbage = core::analyze("abc.d!f", None, Options::at(NOW));
    let key = secret.describe();
    let core::keys::KeyError::Invalid(key_error) =
        core::keys::parse_text(r#"{"kty":"EC","crv":"P-999","x":"AA","y":"AA"}"#).unwrap_err()
    else {
        panic!("not an invalid-key error")
    };
    let ko = |t: &jwt_debugger::core::msg::Text| jwt_debugger::i18n::render(t, Lang::Ko);
    assert!(is_korean(&ko(&key_error)), "{}", ko(&key_error));

    let findings: Vec<_> = a.findings.iter().chain(&b.findings).collect();
    assert!(findings.len() >= 10, "{findings:#?}");
    for f in &findings {
        assert!(is_korean(&ko(&f.title)), "{}: {}", f.id, ko(&f.title));
        assert!(is_korean(&ko(&f.message)), "{}: {}", f.id, ko(&f.message));
        assert!(
            f.id.as_str()
                .chars()
                .all(|c| c.is_ascii_uppercase() || c == '_'),
            "{}",
            f.id
        );
    }
    for id in [
        "ALG_NONE",
        "EMBEDDED_JWK",
        "REMOTE_KEY_URL",
        "KID_SUSPICIOUS",
        "CRIT_UNKNOWN",
    ] {
        assert!(a.findings.iter().any(|f| f.id == id), "{id} missing");
    }
    assert!(
        is_korean(&ko(&a.signature.detail)),
        "{}",
        ko(&a.signature.detail)
    );
    assert!(
        is_korean(&ko(&b.signature.detail)),
        "{}",
        ko(&b.signature.detail)
    );
    assert!(is_korean(&ko(&garbage.decoded.errors[0].message)));
    assert!(is_korean(&ko(&key)), "{}", ko(&key));
    // The same analysis shown in English is English, whatever thread shows it.
    jwt_debugger::i18n::set(Lang::Ko);
    let en = |t: &jwt_debugger::core::msg::Text| jwt_debugger::i18n::render(t, Lang::En);
    assert!(a.findings.iter().all(|f| !is_korean(&en(&f.title))));
    jwt_debugger::i18n::set(Lang::En);
}
