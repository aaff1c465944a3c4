//! Messages put into words without Fluent, when Fluent would give the same words: most messages
//! are one line of text with `{ $name }` placeables, and the rest that a short command shows are
//! one plural choice on a number ("1 byte" / "38 bytes", "3 days ago"). Parsing such a message
//! into a Fluent bundle costs more than the command's analysis, and the parser's first search
//! asks the CPU for its features (`cpuid`, which traps to the hypervisor in a virtual machine).
//! Anything else (terms, functions, literals, selectors on strings, multi-line variants,
//! attributes, a missing argument) returns `None` and goes through Fluent; a test compares both
//! ways for every message of both catalogues.

use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};

use super::{Arg, Lang, write_arg};

/// Message `key` (source text `source`, as indexed by build.rs) in words, or `None` when it is
/// not a message this module reads exactly as Fluent does.
pub(super) fn message(
    source: &str,
    key: &str,
    args: &[(&'static str, Arg)],
    lang: Lang,
) -> Option<String> {
    let value = source
        .strip_prefix(key)?
        .trim_start_matches(' ')
        .strip_prefix('=')?
        .trim_matches([' ', '\n', '\r']);
    let mut out = String::with_capacity(value.len() + 32);
    match value.split_once('\n') {
        None => fill(value, args, lang, &mut out)?,
        Some((head, rest)) => {
            // `prefix{ $n ->`, one `[key] text` or `*[key] text` line per variant, `}suffix`.
            let (prefix, selector) = head.rsplit_once('{')?;
            let name = identifier(
                selector
                    .trim_matches(' ')
                    .strip_suffix("->")?
                    .trim_matches(' ')
                    .strip_prefix('$')?,
            )?;
            let Some(&(_, Arg::Int(n))) = args.iter().find(|(a, _)| *a == name) else {
                return None;
            };
            let (variants, last) = rest.rsplit_once('\n')?;
            let suffix = last.trim_start_matches(' ').strip_prefix('}')?;
            let chosen = choose(variants, n, lang)?;
            fill(prefix, args, lang, &mut out)?;
            fill(chosen, args, lang, &mut out)?;
            fill(suffix, args, lang, &mut out)?;
        }
    }
    Some(out)
}

/// One line of text with `{ $name }` placeables, written into `out`.
fn fill(text: &str, args: &[(&'static str, Arg)], lang: Lang, out: &mut String) -> Option<()> {
    let mut rest = text;
    while let Some(open) = rest.find(['{', '}']) {
        let (before, placeable) = rest.split_at(open);
        out.push_str(before);
        let close = placeable.find('}')?;
        let name = identifier(
            placeable
                .get(1..close)?
                .trim_matches(' ')
                .strip_prefix('$')?,
        )?;
        let (_, arg) = args.iter().find(|(a, _)| *a == name)?;
        write_arg(arg, lang, out);
        rest = placeable.get(close + 1..)?;
    }
    out.push_str(rest);
    Some(())
}

/// `name` when it is a Fluent identifier.
fn identifier(name: &str) -> Option<&str> {
    let valid = name.bytes().next().is_some_and(|b| b.is_ascii_alphabetic())
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    valid.then_some(name)
}

/// The text of the variant Fluent picks for the number `n`: the first whose key is `n` or `n`'s
/// plural category in `lang`, else the default (`*`).
fn choose(variants: &str, n: i64, lang: Lang) -> Option<&str> {
    let category = plural_category(lang, n)?;
    let (mut chosen, mut default) = (None, None);
    for line in variants.lines() {
        let line = line.trim_matches(' ');
        let (is_default, line) = match line.strip_prefix('*') {
            Some(rest) => (true, rest),
            None => (false, line),
        };
        let (key, text) = line.strip_prefix('[')?.split_once(']')?;
        let (key, text) = (key.trim_matches(' '), text.trim_matches(' '));
        if text.is_empty() {
            return None; // the variant's text starts on the next line
        }
        if is_default {
            if default.is_some() {
                return None;
            }
            default = Some(text);
        }
        let matches = match key.parse::<i64>() {
            Ok(k) => k == n,
            Err(_) => key == category,
        };
        if matches && chosen.is_none() {
            chosen = Some(text);
        }
    }
    chosen.or(default)
}

/// The cardinal plural category of `n` in `lang`, named as Fluent's variant keys name it.
fn plural_category(lang: Lang, n: i64) -> Option<&'static str> {
    let rules = PluralRules::create(lang.id(), PluralRuleType::CARDINAL).ok()?;
    Some(match rules.select(n).ok()? {
        PluralCategory::ZERO => "zero",
        PluralCategory::ONE => "one",
        PluralCategory::TWO => "two",
        PluralCategory::FEW => "few",
        PluralCategory::MANY => "many",
        PluralCategory::OTHER => "other",
    })
}

#[cfg(test)]
mod tests {
    use fluent_bundle::FluentArgs;

    use super::super::{fluent_value, format, message_ids, message_source};
    use super::*;

    /// The arguments a message's source names (`$name`), each given `value(name)`.
    fn arguments_of(source: &str, value: impl Fn(&str) -> Arg) -> Vec<(&'static str, Arg)> {
        let mut names: Vec<&'static str> = Vec::new();
        for (i, _) in source.match_indices('$') {
            let name: String = source[i + 1..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                .collect();
            if !name.is_empty() && !names.contains(&name.as_str()) {
                names.push(Box::leak(name.into_boxed_str()));
            }
        }
        names.into_iter().map(|n| (n, value(n))).collect()
    }

    /// What each argument of a message is given, from its name.
    type Values = Vec<Box<dyn Fn(&str) -> Arg>>;

    #[test]
    fn messages_put_into_words_without_fluent_read_as_fluent_reads_them() {
        let mut values: Values = vec![Box::new(|name| Arg::Str(format!("«{name}» ").into()))];
        for n in [
            0,
            1,
            2,
            3,
            5,
            11,
            21,
            101,
            1_796_632_142,
            1 << 53,
            -(1 << 53) - 1,
            -1,
        ] {
            values.push(Box::new(move |_| Arg::Int(n)));
        }
        for lang in Lang::ALL {
            let (mut short, mut selects, mut all) = (0, 0, 0);
            for id in message_ids(lang) {
                let source = message_source(lang, id).unwrap();
                all += 1;
                for value in &values {
                    let args = arguments_of(source, value);
                    let Some(fast) = message(source, id, &args, lang) else {
                        continue;
                    };
                    short += 1;
                    if source.contains("->") {
                        selects += 1;
                    }
                    let mut fluent = FluentArgs::new();
                    for (name, arg) in &args {
                        fluent.set(*name, fluent_value(arg, lang));
                    }
                    let slow = format(lang, id, source, Some(&fluent)).unwrap();
                    assert_eq!(fast, slow, "{lang:?} {id} {args:?}: {source}");
                }
            }
            // Most messages take the short way (each counted once per kind of value), and in
            // English the plural choices do too.
            assert!(short > all * values.len() / 2, "{lang:?}: {short} of {all}");
            if lang == Lang::En {
                assert!(selects > 20, "{selects} plural choices");
            }
        }
    }

    #[test]
    fn what_the_short_way_leaves_to_fluent() {
        let n = |v| [("n", Arg::Int(v))];
        let en = Lang::En;
        // A missing argument, a literal, an unmatched brace, a selector on a function or a
        // string, a variant on two lines.
        assert_eq!(message("k = a { $m } b\n", "k", &n(2), en), None);
        assert_eq!(message("k = a {\"{\"} b\n", "k", &n(2), en), None);
        assert_eq!(message("k = a } b\n", "k", &n(2), en), None);
        let function = "k = { NUMBER($n) ->\n [one] x\n *[other] y\n}\n";
        assert_eq!(message(function, "k", &n(1), en), None);
        let string = [("n", Arg::Str("one".into()))];
        let select = "k = { $n ->\n [one] x\n *[other] y\n}\n";
        assert_eq!(message(select, "k", &string, en), None);
        let two_lines = "k = { $n ->\n [one]\n   x\n *[other] y\n}\n";
        assert_eq!(message(two_lines, "k", &n(1), en), None);
        // And what it reads.
        assert_eq!(
            message("k = n is { $n }.\n\n", "k", &n(2), en).as_deref(),
            Some("n is 2.")
        );
        let bytes = "k = secret, { $n ->\n    [one] 1 byte\n   *[other] { $n } bytes\n}\n";
        assert_eq!(
            message(bytes, "k", &n(1), en).as_deref(),
            Some("secret, 1 byte")
        );
        assert_eq!(
            message(bytes, "k", &n(38), en).as_deref(),
            Some("secret, 38 bytes")
        );
        assert_eq!(
            message(bytes, "k", &n(1), Lang::Ko).as_deref(),
            Some("secret, 1 bytes"),
            "Korean has no plural forms: every number is `other`"
        );
    }
}
