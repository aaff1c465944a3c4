//! Translations: every string the app shows a person comes from a Fluent catalogue in
//! `assets/i18n/<lang>/`, embedded at compile time. English and Korean. Identifiers (claim names,
//! `alg` values, finding ids) are never translated; `--json` output stays language-neutral.

use std::borrow::Cow;
use std::cell::Cell;
use std::collections::HashMap;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader as _};
use unic_langid::langid;

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./assets/i18n",
        fallback_language: "en",
        // No Unicode isolation marks around arguments: they would show as boxes in egui.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// A language the app speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum Lang {
    #[default]
    En,
    Ko,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Ko];

    /// The BCP 47 tag: "en", "ko".
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ko => "ko",
        }
    }

    /// The language's name in itself, for the language menu.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Ko => "한국어",
        }
    }

    fn id(self) -> LanguageIdentifier {
        match self {
            Lang::En => langid!("en"),
            Lang::Ko => langid!("ko"),
        }
    }

    /// Reads a tag or a POSIX locale: "ko", "ko-KR", "ko_KR.UTF-8", "en_US". `None` for a
    /// language the app does not speak.
    pub fn parse(text: &str) -> Option<Lang> {
        let language = text
            .split(['_', '-', '.', '@'])
            .next()?
            .to_ascii_lowercase();
        match language.as_str() {
            "ko" => Some(Lang::Ko),
            "en" | "c" | "posix" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language of the environment: the first of LC_ALL, LC_MESSAGES and LANG that is set
    /// (POSIX precedence), else English.
    pub fn from_env() -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|name| std::env::var(name).ok())
            .find(|v| !v.is_empty())
            .and_then(|v| Lang::parse(&v))
            .unwrap_or_default()
    }
}

thread_local! {
    /// The language of the texts made on this thread. Per thread, so that the window (its own
    /// thread) and tests running side by side each keep theirs.
    static CURRENT: Cell<Lang> = const { Cell::new(Lang::En) };
}

/// Makes `lang` the language of every text made on this thread from now on.
pub fn set(lang: Lang) {
    CURRENT.with(|c| c.set(lang));
}

/// The language texts are in.
pub fn current() -> Lang {
    CURRENT.with(Cell::get)
}

/// The text for `key` in the current language (English when the key is missing there).
pub fn text(key: &str) -> String {
    LOCALES.lookup(&current().id(), key)
}

/// The text for `key` with arguments (`{ $name }` in the catalogue).
pub fn text_with(key: &str, args: &[(&'static str, FluentValue<'static>)]) -> String {
    let map: HashMap<Cow<'static, str>, FluentValue> = args
        .iter()
        .map(|(name, value)| (Cow::Borrowed(*name), value.clone()))
        .collect();
    LOCALES.lookup_with_args(&current().id(), key, &map)
}

/// A value for a catalogue argument.
pub fn arg(value: impl IntoArg) -> FluentValue<'static> {
    value.into_arg()
}

/// What can be passed as a catalogue argument.
pub trait IntoArg {
    fn into_arg(self) -> FluentValue<'static>;
}

impl IntoArg for &str {
    fn into_arg(self) -> FluentValue<'static> {
        FluentValue::from(self.to_owned())
    }
}
impl IntoArg for String {
    fn into_arg(self) -> FluentValue<'static> {
        FluentValue::from(self)
    }
}
impl IntoArg for &String {
    fn into_arg(self) -> FluentValue<'static> {
        FluentValue::from(self.clone())
    }
}
macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl IntoArg for $t {
            fn into_arg(self) -> FluentValue<'static> {
                FluentValue::from(self)
            }
        }
    )*};
}
number_arg!(i64, u64, usize, u32, i32, f64);

/// `tr!("key")` or `tr!("key", name = value, …)`: the text for `key` in the current language.
#[macro_export]
macro_rules! tr {
    ($key:expr) => {
        $crate::i18n::text($key)
    };
    ($key:expr, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::text_with($key, &[$((stringify!($name), $crate::i18n::arg($value))),+])
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The message ids of a catalogue file (lines that start a message: `id = …`).
    fn ids(ftl: &str) -> std::collections::BTreeSet<String> {
        ftl.lines()
            .filter(|l| !l.starts_with([' ', '#', '\t']) && l.contains(" ="))
            .filter_map(|l| l.split(" =").next())
            .map(|id| id.trim().to_owned())
            .collect()
    }

    #[test]
    fn every_english_key_has_a_korean_text_and_the_other_way_round() {
        let en = ids(concat!(
            include_str!("../assets/i18n/en/main.ftl"),
            "\n",
            include_str!("../assets/i18n/en/core.ftl")
        ));
        let ko = ids(concat!(
            include_str!("../assets/i18n/ko/main.ftl"),
            "\n",
            include_str!("../assets/i18n/ko/core.ftl")
        ));
        assert!(en.len() > 50, "{} keys", en.len());
        let missing: Vec<_> = en.difference(&ko).collect();
        assert!(
            missing.is_empty(),
            "in English but not in Korean: {missing:?}"
        );
        let extra: Vec<_> = ko.difference(&en).collect();
        assert!(extra.is_empty(), "in Korean but not in English: {extra:?}");
    }

    #[test]
    fn every_key_the_code_names_is_in_the_english_catalogue() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut known = std::collections::BTreeSet::new();
        for entry in std::fs::read_dir(dir.join("assets/i18n/en")).unwrap() {
            known.extend(ids(&std::fs::read_to_string(entry.unwrap().path()).unwrap()));
        }
        let mut files = vec![dir.join("src")];
        let mut missing = Vec::new();
        let mut named = 0;
        while let Some(path) = files.pop() {
            if path.is_dir() {
                files.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let pieces = text.split("tr!(\"");
            let mut before = None;
            for piece in pieces {
                // `include_str!("…")` is not `tr!("…")`: the macro name must stand alone.
                let standalone = before
                    .is_some_and(|b: &str| !b.ends_with(|c: char| c.is_alphanumeric() || c == '_'));
                before = Some(piece);
                if !standalone {
                    continue;
                }
                let key = piece.split('"').next().unwrap();
                if key == "key" || key == "…" {
                    continue; // this file's own doc examples
                }
                named += 1;
                if !known.contains(key) {
                    missing.push(format!("{}: {key}", path.display()));
                }
            }
        }
        assert!(named > 300, "only {named} keys named");
        assert!(missing.is_empty(), "not in the catalogue: {missing:#?}");
    }

    #[test]
    fn locales_are_read_from_the_environment_forms() {
        assert_eq!(Lang::parse("ko_KR.UTF-8"), Some(Lang::Ko));
        assert_eq!(Lang::parse("ko-KR"), Some(Lang::Ko));
        assert_eq!(Lang::parse("en_US.UTF-8"), Some(Lang::En));
        assert_eq!(Lang::parse("C.UTF-8"), Some(Lang::En));
        assert_eq!(Lang::parse("fr_FR"), None);
    }
}
