//! Names that only look like others: a claim or header member whose name reads as a registered one
//! (`еxp` with a Cyrillic е, `exp` with a zero-width joiner inside) or as another member of the
//! same object. A verifier reads the real `exp`, a person reads the look-alike: the token says
//! something other than what it shows. Compared by Unicode TR39 skeletons, after dropping the
//! characters that show nothing.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde_json::{Map, Value};

use super::{Finding, FindingId, Severity, finding};
use crate::core::claims::{Dictionary, Location};
use crate::core::text::is_unsafe;
use crate::msg;

/// The TR39 skeleton of `name` without its invisible characters.
fn skeleton(name: &str) -> String {
    let visible: String = name.chars().filter(|c| !is_unsafe(*c)).collect();
    crate::core::confusables::skeleton(&visible)
}

/// Skeletons of the registered names of one table, each to the name it stands for.
fn registered(location: Location) -> &'static HashMap<String, String> {
    static HEADER: OnceLock<HashMap<String, String>> = OnceLock::new();
    static CLAIMS: OnceLock<HashMap<String, String>> = OnceLock::new();
    let cell = match location {
        Location::Header => &HEADER,
        Location::Payload => &CLAIMS,
    };
    cell.get_or_init(|| {
        Dictionary::bundled_names(location)
            .map(|name| (skeleton(name), name.to_owned()))
            .collect()
    })
}

/// A name needs a look when it is not plain printable ASCII: ASCII names are what they look like
/// (and comparing every plain name would cost every analysis its skeletons).
fn worth_a_look(name: &str) -> bool {
    !name.bytes().all(|b| b.is_ascii_graphic())
}

pub(super) fn rules(object: &Map<String, Value>, location: Location, out: &mut Vec<Finding>) {
    // Most tokens name nothing but plain ASCII: they never build the skeleton tables.
    if !object.keys().any(|n| worth_a_look(n)) {
        return;
    }
    let table = registered(location);
    let dictionary = Dictionary::bundled();
    let part = match location {
        Location::Header => "header",
        Location::Payload => "payload",
    };
    let mut others: Option<Vec<(String, &str)>> = None;
    for name in object.keys().filter(|n| worth_a_look(n)) {
        if dictionary.contains(location, name) {
            continue;
        }
        let own = skeleton(name);
        let looks_like = table.get(&own).filter(|r| *r != name).cloned().or_else(|| {
            let skeletons = others
                .get_or_insert_with(|| object.keys().map(|n| (skeleton(n), n.as_str())).collect());
            skeletons
                .iter()
                .find(|(s, other)| *s == own && *other != name)
                .map(|(_, other)| (*other).to_owned())
        });
        let invisible = name.chars().any(is_unsafe);
        let shown = crate::core::text::escape_line(name).into_owned();
        match looks_like {
            Some(like) => out.push(finding(
                FindingId::ConfusableName,
                Severity::Error,
                msg!(
                    "f-confusable-title",
                    part = part,
                    name = shown.clone(),
                    like = like.clone()
                ),
                msg!("f-confusable-msg", name = shown, like = like),
                "RFC 8725 §3.12; Unicode TR39 §4",
            )),
            None if invisible => out.push(finding(
                FindingId::ConfusableName,
                Severity::Warn,
                msg!("f-invisible-name-title", part = part, name = shown.clone()),
                msg!("f-invisible-name-msg", name = shown),
                "RFC 8725 §3.12; Unicode TR39 §4",
            )),
            None => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(json: &str, location: Location) -> Vec<Finding> {
        let value: Value = serde_json::from_str(json).unwrap();
        let mut out = Vec::new();
        rules(value.as_object().unwrap(), location, &mut out);
        out
    }

    #[test]
    fn look_alikes_of_registered_names_are_caught() {
        for name in [
            "\u{435}xp",
            "e\u{200d}xp",
            "ex\u{200b}p",
            "\u{455}ub",
            "i\u{455}\u{455}",
        ] {
            let json = format!(r#"{{"{name}": 1}}"#);
            let f = found(&json, Location::Payload);
            assert_eq!(f.len(), 1, "{name:?}");
            assert_eq!(f[0].id, FindingId::ConfusableName);
            assert_eq!(f[0].severity, Severity::Error);
        }
        let f = found("{\"\u{430}lg\": \"none\"}", Location::Header);
        assert!(f[0].title.en().contains("alg"), "{}", f[0].title.en());
    }

    #[test]
    fn look_alikes_of_other_members_and_invisible_names_are_caught() {
        let f = found("{\"role\": 1, \"r\u{43e}le\": 2}", Location::Payload);
        assert_eq!(f.len(), 1);
        assert!(f[0].message.en().contains("role"));
        let f = found("{\"team\u{200b}\": 1}", Location::Payload);
        assert_eq!(f[0].severity, Severity::Warn);
        assert!(f[0].title.en().contains("\\u{200b}"), "{}", f[0].title.en());
    }

    #[test]
    fn plain_and_foreign_names_pass() {
        assert!(found(r#"{"exp": 1, "sub": "x", "roles": []}"#, Location::Payload).is_empty());
        assert!(found(r#"{"이름": "홍길동", "名前": "x"}"#, Location::Payload).is_empty());
    }
}
