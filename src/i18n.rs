//! Translations: every string the app shows a person comes from a Fluent catalogue in
//! `assets/i18n/<lang>/`, embedded at compile time. English and Korean. Identifiers (claim names,
//! `alg` values, finding ids) are never translated; `--json` output stays language-neutral.

use std::cell::Cell;
use std::sync::{Mutex, OnceLock};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::{LanguageIdentifier, langid};

use crate::core::msg::{Arg, Text};

mod plain;

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

type Bundle = FluentBundle<FluentResource>;

/// One language's catalogue: a bundle that holds the messages rendered so far. A message is
/// parsed the first time it is shown, so a command that prints twenty texts parses twenty
/// messages, not the nine hundred of the catalogue.
struct Catalogue {
    bundle: Mutex<Bundle>,
}

// Where each message is in the `.ftl` sources, worked out by build.rs (IDS_EN, INDEX_EN, IDS_KO,
// INDEX_KO): nothing is scanned or hashed at start-up.
include!(concat!(env!("OUT_DIR"), "/i18n_index.rs"));

/// One row of a catalogue's index (build.rs): the id's span in the ids, the file (0 main.ftl,
/// 1 core.ftl) and the message's span in that file.
type IndexRow = (u32, u32, u8, u32, u32);

/// A language's `.ftl` files (in the order build.rs numbers them), its message ids end to end
/// and its index.
struct Sources {
    files: [&'static str; 2],
    ids: &'static str,
    index: &'static [IndexRow],
}

fn sources(lang: Lang) -> Sources {
    match lang {
        Lang::En => Sources {
            files: [
                include_str!("../assets/i18n/en/main.ftl"),
                include_str!("../assets/i18n/en/core.ftl"),
            ],
            ids: IDS_EN,
            index: INDEX_EN,
        },
        Lang::Ko => Sources {
            files: [
                include_str!("../assets/i18n/ko/main.ftl"),
                include_str!("../assets/i18n/ko/core.ftl"),
            ],
            ids: IDS_KO,
            index: INDEX_KO,
        },
    }
}

/// The source text of message `key` in `lang`'s catalogue (binary search of the build-time index).
fn message_source(lang: Lang, key: &str) -> Option<&'static str> {
    let Sources { files, ids, index } = sources(lang);
    let id = |row: &IndexRow| ids.get(row.0 as usize..row.1 as usize);
    let at = index
        .binary_search_by(|row| id(row).unwrap_or_default().cmp(key))
        .ok()?;
    let (_, _, file, start, end) = index[at];
    files
        .get(usize::from(file))?
        .get(start as usize..end as usize)
}

/// Every message id of `lang`'s catalogue, in byte order.
#[cfg(test)]
fn message_ids(lang: Lang) -> impl Iterator<Item = &'static str> {
    let Sources { ids, index, .. } = sources(lang);
    index
        .iter()
        .filter_map(move |row| ids.get(row.0 as usize..row.1 as usize))
}

fn catalogue(lang: Lang) -> &'static Catalogue {
    static EN: OnceLock<Catalogue> = OnceLock::new();
    static KO: OnceLock<Catalogue> = OnceLock::new();
    let cell = match lang {
        Lang::En => &EN,
        Lang::Ko => &KO,
    };
    cell.get_or_init(|| {
        let mut bundle = FluentBundle::new_concurrent(vec![lang.id()]);
        // No Unicode isolation marks around arguments: they would show as boxes in egui and as
        // invisible characters on a terminal.
        bundle.set_use_isolating(false);
        // Korean particles follow the sound a word ends with: `{ BATCHIM($name) -> [yes] 을
        // *[no] 를 }` picks the right one for whatever the argument is.
        bundle
            .add_function("BATCHIM", |positional, _named| {
                let word = match positional.first() {
                    Some(FluentValue::String(s)) => s.to_string(),
                    Some(FluentValue::Number(n)) => n.as_string().into_owned(),
                    _ => String::new(),
                };
                FluentValue::from(final_sound(&word))
            })
            .ok();
        Catalogue {
            bundle: Mutex::new(bundle),
        }
    })
}

/// How a word ends when read aloud in Korean, for the particle after it: `"yes"` after a final
/// consonant (책을, 3(삼)을), `"rieul"` after a final ㄹ (which takes 로, not 으로: 1(일)로), `"no"`
/// after a vowel. Latin letters are read by their names (M 엠, L 엘, R 알 end in consonants);
/// digits as Sino-Korean numbers; closing quotes and brackets are skipped.
pub fn final_sound(word: &str) -> &'static str {
    let Some(last) = word
        .chars()
        .rev()
        .find(|c| c.is_alphanumeric() || ('\u{AC00}'..='\u{D7A3}').contains(c))
    else {
        return "no";
    };
    match last {
        '\u{AC00}'..='\u{D7A3}' => match (u32::from(last) - 0xAC00) % 28 {
            0 => "no",
            8 => "rieul",
            _ => "yes",
        },
        // 영 삼 육 / 일 칠 팔 / 이 사 오 구
        '0' | '3' | '6' => "yes",
        '1' | '7' | '8' => "rieul",
        c if c.is_ascii_digit() => "no",
        c => match c.to_ascii_lowercase() {
            'm' | 'n' => "yes",
            'l' | 'r' => "rieul",
            _ => "no",
        },
    }
}

/// Formats message `key` (its source text `source`) of `lang`'s catalogue with Fluent, parsing it
/// first if it was never shown; `None` when Fluent cannot read it.
fn format(lang: Lang, key: &str, source: &str, args: Option<&FluentArgs<'_>>) -> Option<String> {
    let catalogue = catalogue(lang);
    let mut bundle = catalogue
        .bundle
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if !bundle.has_message(key) {
        // The catalogues are checked by tests (every message parses, both languages have every
        // key); a broken entry is skipped rather than failing the text around it.
        let resource = match FluentResource::try_new(source.to_owned()) {
            Ok(r) => r,
            Err((r, _)) => r,
        };
        bundle.add_resource_overriding(resource);
    }
    let pattern = bundle.get_message(key)?.value()?;
    let mut errors = Vec::new();
    Some(
        bundle
            .format_pattern(pattern, args, &mut errors)
            .into_owned(),
    )
}

/// An argument written as Fluent writes the value `fluent_value` makes of it.
fn write_arg(arg: &Arg, lang: Lang, out: &mut String) {
    use std::fmt::Write as _;
    match arg {
        Arg::Str(s) => out.push_str(s),
        // Fluent keeps numbers as f64 and writes them with `Display`, which for a whole number
        // up to 2^53 (exact in an f64) is the integer's own digits.
        Arg::Int(n) if n.unsigned_abs() <= 1 << 53 => {
            let _ = write!(out, "{n}");
        }
        Arg::Int(n) => {
            let _ = write!(out, "{}", *n as f64);
        }
        Arg::Text(t) => render_into(t, lang, out),
        Arg::Relative { at, now } => {
            render_into(&crate::core::time::relative(*at, *now), lang, out)
        }
        Arg::Span(secs) => render_into(&crate::core::time::span_phrase(*secs), lang, out),
        Arg::Utc(at) => out.push_str(&crate::core::time::rfc3339(*at)),
    }
}

/// The value Fluent gets for an argument.
fn fluent_value(arg: &Arg, lang: Lang) -> FluentValue<'static> {
    match arg {
        Arg::Int(n) => FluentValue::from(*n),
        other => {
            let mut text = String::new();
            write_arg(other, lang, &mut text);
            FluentValue::from(text)
        }
    }
}

/// Message `key` in `lang` with `args` (English when `lang` lacks it; the key itself when both
/// do, so that a missing text is visible, never an empty line). Arguments are put in words in
/// `lang`.
fn lookup(lang: Lang, key: &str, args: &[(&'static str, Arg)]) -> String {
    let fallback = (lang != Lang::En).then_some(Lang::En);
    for from in std::iter::once(lang).chain(fallback) {
        let Some(source) = message_source(from, key) else {
            continue;
        };
        if let Some(text) = plain::message(source, key, args, lang) {
            return text;
        }
        let fluent = (!args.is_empty()).then(|| {
            let mut fluent = FluentArgs::with_capacity(args.len());
            for (name, arg) in args {
                fluent.set(*name, fluent_value(arg, lang));
            }
            fluent
        });
        if let Some(text) = format(from, key, source, fluent.as_ref()) {
            return text;
        }
    }
    key.to_owned()
}

/// The text for `key` in the current language (English when the key is missing there).
pub fn text(key: &str) -> String {
    lookup(current(), key, &[])
}

/// The text for `key` with arguments (`{ $name }` in the catalogue), in the current language.
pub fn text_with(key: &str, args: &[(&'static str, Arg)]) -> String {
    render_msg(key, args, current())
}

/// `text` in words, in `lang`: what every viewer (the app, the command line, `--json` in English)
/// calls to show what the core found.
pub fn render(text: &Text, lang: Lang) -> String {
    let mut out = String::new();
    render_into(text, lang, &mut out);
    out
}

fn render_into(text: &Text, lang: Lang, out: &mut String) {
    match text {
        Text::Msg(m) => out.push_str(&render_msg(&m.key, &m.args, lang)),
        Text::Plain(p) => out.push_str(p),
        Text::Seq(items) => items.iter().for_each(|t| render_into(t, lang, out)),
    }
}

fn render_msg(key: &str, args: &[(&'static str, Arg)], lang: Lang) -> String {
    lookup(lang, key, args)
}

/// Shown in the current language of this thread (the command line sets it once; the app renders
/// with its own language through [`render`]).
impl std::fmt::Display for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&render(self, current()))
    }
}

/// `--json` is the same in every language: texts are written in English.
impl serde::Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&render(self, Lang::En))
    }
}

/// A finding's severity as a word: "critical", "위험".
pub fn severity_word(severity: crate::core::Severity) -> String {
    use crate::core::Severity;
    lookup(
        current(),
        match severity {
            Severity::Critical => "severity-critical",
            Severity::Error => "severity-error",
            Severity::Warn => "severity-warn",
            Severity::Info => "severity-info",
        },
        &[],
    )
}

/// Titles and descriptions of the bundled claim dictionary in one language: the translation laid
/// over the English entries (`assets/i18n/<lang>/claims.json`), parsed the first time it is needed.
#[derive(serde::Deserialize, Default)]
struct DictionaryTexts {
    #[serde(default)]
    claims: std::collections::HashMap<String, EntryText>,
    #[serde(default)]
    header: std::collections::HashMap<String, EntryText>,
}

#[derive(serde::Deserialize, Default)]
struct EntryText {
    title: String,
    #[serde(default)]
    description: String,
}

fn dictionary_texts(lang: Lang) -> Option<&'static DictionaryTexts> {
    static KO: OnceLock<DictionaryTexts> = OnceLock::new();
    match lang {
        Lang::En => None,
        Lang::Ko => Some(KO.get_or_init(|| {
            serde_json::from_str(include_str!("../assets/i18n/ko/claims.json")).unwrap_or_default()
        })),
    }
}

/// The translated words of a bundled dictionary entry, when `lang` has them.
fn translated(claim: &crate::core::Claim, lang: Lang) -> Option<&'static EntryText> {
    use crate::core::claims::Location;
    if !claim.entry.as_ref()?.bundled {
        return None;
    }
    let texts = dictionary_texts(lang)?;
    match claim.location {
        Location::Header => texts.header.get(&claim.name),
        Location::Payload => texts.claims.get(&claim.name),
    }
}

/// A claim's title in `lang` (the dictionary's English, or a user's own words, where there is no
/// translation); `None` for custom members.
pub fn claim_title(claim: &crate::core::Claim, lang: Lang) -> Option<String> {
    let entry = claim.entry.as_ref()?;
    Some(match translated(claim, lang) {
        Some(t) => t.title.clone(),
        None => entry.title.clone(),
    })
}

/// A claim's description in `lang`, like [`claim_title`].
pub fn claim_description(claim: &crate::core::Claim, lang: Lang) -> Option<String> {
    let entry = claim.entry.as_ref()?;
    Some(match translated(claim, lang) {
        Some(t) if !t.description.is_empty() => t.description.clone(),
        _ => entry.description.clone(),
    })
}

impl Text {
    /// The text in English words (the `--json` language; tests).
    pub fn en(&self) -> String {
        render(self, Lang::En)
    }
}

/// Tests and assertions compare a text with its English words.
impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        render(self, Lang::En) == *other
    }
}

/// A value for a catalogue argument.
pub fn arg(value: impl crate::core::msg::IntoArg) -> Arg {
    value.into_arg()
}

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

/// `tr_in!(lang, "key", …)`: as [`tr!`], in the given language rather than this thread's.
#[macro_export]
macro_rules! tr_in {
    ($lang:expr, $key:expr) => {
        $crate::i18n::render(&$crate::msg!($key), $lang)
    };
    ($lang:expr, $key:expr, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::render(&$crate::msg!($key, $($name = $value),+), $lang)
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
            // `tr!("…")` renders now, `msg!("…")` later: both name a catalogue key.
            let text = text.replace("msg!(\"", "tr!(\"");
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
    fn every_message_parses_on_its_own_and_renders() {
        for lang in Lang::ALL {
            let ids: Vec<&str> = message_ids(lang).collect();
            assert!(ids.len() > 400, "{}", ids.len());
            assert!(
                ids.windows(2).all(|w| w[0] < w[1]),
                "the index is not sorted"
            );
            for id in ids {
                let source = message_source(lang, id).unwrap();
                // Each span is exactly one message, the one its id names.
                let parsed = FluentResource::try_new(source.to_owned());
                assert!(parsed.is_ok(), "{lang:?} {id}: {source}");
                let resource = parsed.unwrap();
                assert_eq!(
                    resource.entries().count(),
                    1,
                    "{lang:?}: the span of {id}: {source}"
                );
                let mut bundle = FluentBundle::new_concurrent(vec![lang.id()]);
                bundle.add_resource_overriding(resource);
                assert!(
                    bundle.has_message(id),
                    "{lang:?}: the span of {id}: {source}"
                );
                // Rendered without arguments: never the key itself (a missing message).
                assert_ne!(lookup(lang, id, &[]), *id, "{lang:?} {id}");
            }
        }
    }

    #[test]
    fn korean_particles_follow_the_sound_the_argument_ends_with() {
        assert_eq!(final_sound("헤더"), "no");
        assert_eq!(final_sound("서명"), "yes");
        assert_eq!(final_sound("파일"), "rieul");
        assert_eq!(final_sound("\"kid\""), "no");
        assert_eq!(final_sound("HS256"), "yes");
        assert_eq!(final_sound("5"), "no");
        assert_eq!(final_sound("RSA-OAEP"), "no");
        assert_eq!(final_sound("token.pem"), "yes");
        let sure = |key: &str, args: &[(&'static str, Arg)]| render_msg(key, args, Lang::Ko);
        let header = [("part", Arg::Str("헤더".into()))];
        assert_eq!(sure("f-base64-title", &header), "헤더가 base64url이 아님");
        let signature = [("part", Arg::Str("서명".into()))];
        assert_eq!(
            sure("f-base64-title", &signature),
            "서명이 base64url이 아님"
        );
        let len = [("len", Arg::Int(5))];
        assert!(sure("b64-impossible-length", &len).starts_with("길이 5는 "));
        // No catalogue writes both forms of a particle any more.
        for lang_source in [
            include_str!("../assets/i18n/ko/main.ftl"),
            include_str!("../assets/i18n/ko/core.ftl"),
        ] {
            for form in ["이(가)", "을(를)", "은(는)", "(으)로", "과(와)"] {
                assert!(!lang_source.contains(form), "{form} is still written out");
            }
        }
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
