//! Sentences not yet put into words. The core says what it found as a catalogue key with typed
//! arguments ([`Text`]); whoever shows it renders it in the viewer's language (`crate::i18n`),
//! once, at the edge. Nothing here looks up a catalogue or formats a sentence, so an analysis costs
//! no words, and a text made on one thread reads in the language of the one that shows it.
//!
//! This module is the bottom of the core's vocabulary: it imports nothing from the rest of it.

use std::borrow::Cow;

/// Something to say: a catalogue message, words that are not ours, or several in a row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Text {
    /// A catalogue message (`assets/i18n/<lang>/*.ftl`) with its arguments.
    Msg(Msg),
    /// Words that do not come from the catalogue: a library's reason, an operating system's error,
    /// a value quoted from the token. Shown as they are in every language.
    Plain(Cow<'static, str>),
    /// Texts shown one after the other, with nothing between them.
    Seq(Vec<Text>),
}

/// A catalogue key and its arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Msg {
    pub key: Cow<'static, str>,
    pub args: Vec<(&'static str, Arg)>,
}

/// One argument of a message, typed so that the renderer can put it in words (plurals pick their
/// form from numbers; times and spans are phrased in the viewer's language).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    Str(Cow<'static, str>),
    Int(i64),
    /// A text of its own, rendered first.
    Text(Box<Text>),
    /// An instant said relative to `now`: "in 14 min", "3 days ago".
    Relative {
        at: i64,
        now: i64,
    },
    /// A length of time in seconds: "3 h 20 min".
    Span(u64),
    /// An instant in RFC 3339, UTC.
    Utc(i64),
}

impl Text {
    /// A catalogue message without arguments.
    pub const fn key(key: &'static str) -> Text {
        Text::Msg(Msg {
            key: Cow::Borrowed(key),
            args: Vec::new(),
        })
    }

    /// Words shown as they are.
    pub fn plain(text: impl Into<Cow<'static, str>>) -> Text {
        Text::Plain(text.into())
    }

    /// The catalogue key, when this is one message (tests and dispatch on the kind of text).
    pub fn msg_key(&self) -> Option<&str> {
        match self {
            Text::Msg(m) => Some(&m.key),
            _ => None,
        }
    }

    /// The argument `name` of this message, when it is one.
    pub fn arg(&self, name: &str) -> Option<&Arg> {
        match self {
            Text::Msg(m) => m.args.iter().find(|(n, _)| *n == name).map(|(_, a)| a),
            _ => None,
        }
    }

    /// This text followed by `more`.
    pub fn then(self, more: Text) -> Text {
        match self {
            Text::Seq(mut items) => {
                items.push(more);
                Text::Seq(items)
            }
            first => Text::Seq(vec![first, more]),
        }
    }

    /// The texts of `items` with `separator` between them.
    pub fn join(items: impl IntoIterator<Item = Text>, separator: &'static str) -> Text {
        let mut out = Vec::new();
        for item in items {
            if !out.is_empty() {
                out.push(Text::Plain(Cow::Borrowed(separator)));
            }
            out.push(item);
        }
        Text::Seq(out)
    }

    /// Every catalogue key this text names, itself and its arguments' (tests).
    pub fn keys(&self) -> Vec<&str> {
        let mut out = Vec::new();
        self.collect_keys(&mut out);
        out
    }

    fn collect_keys<'a>(&'a self, out: &mut Vec<&'a str>) {
        match self {
            Text::Msg(m) => {
                out.push(&m.key);
                for (_, arg) in &m.args {
                    if let Arg::Text(t) = arg {
                        t.collect_keys(out);
                    }
                }
            }
            Text::Plain(_) => {}
            Text::Seq(items) => items.iter().for_each(|t| t.collect_keys(out)),
        }
    }
}

/// Words that are not the catalogue's, shown as they are.
impl From<&'static str> for Text {
    fn from(text: &'static str) -> Self {
        Text::Plain(Cow::Borrowed(text))
    }
}

/// Words that are not the catalogue's, shown as they are.
impl From<String> for Text {
    fn from(text: String) -> Self {
        Text::Plain(Cow::Owned(text))
    }
}

impl From<Msg> for Text {
    fn from(msg: Msg) -> Self {
        Text::Msg(msg)
    }
}

/// What can be a message argument.
pub trait IntoArg {
    fn into_arg(self) -> Arg;
}

impl IntoArg for Arg {
    fn into_arg(self) -> Arg {
        self
    }
}
impl IntoArg for Text {
    fn into_arg(self) -> Arg {
        Arg::Text(Box::new(self))
    }
}
impl IntoArg for &str {
    fn into_arg(self) -> Arg {
        Arg::Str(Cow::Owned(self.to_owned()))
    }
}
impl IntoArg for String {
    fn into_arg(self) -> Arg {
        Arg::Str(Cow::Owned(self))
    }
}
impl IntoArg for &String {
    fn into_arg(self) -> Arg {
        Arg::Str(Cow::Owned(self.clone()))
    }
}
impl IntoArg for Cow<'static, str> {
    fn into_arg(self) -> Arg {
        Arg::Str(self)
    }
}
macro_rules! int_arg {
    ($($t:ty),*) => {$(
        impl IntoArg for $t {
            fn into_arg(self) -> Arg {
                Arg::Int(i64::try_from(self).unwrap_or(i64::MAX))
            }
        }
    )*};
}
int_arg!(i64, u64, usize, u32, i32, u16, u8);

/// `msg!("key")` or `msg!("key", name = value, …)`: a [`Text`] to be rendered later, in the
/// viewer's language.
#[macro_export]
macro_rules! msg {
    ($key:expr) => {
        $crate::core::msg::Text::Msg($crate::core::msg::Msg {
            key: ::std::borrow::Cow::from($key),
            args: ::std::vec::Vec::new(),
        })
    };
    ($key:expr, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::core::msg::Text::Msg($crate::core::msg::Msg {
            key: ::std::borrow::Cow::from($key),
            args: ::std::vec![$((stringify!($name), $crate::core::msg::IntoArg::into_arg($value))),+],
        })
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_keeps_its_key_and_typed_arguments() {
        let t = crate::msg!("f-short-secret-title", len = 5usize, alg = "HS256");
        assert_eq!(t.msg_key(), Some("f-short-secret-title"));
        assert_eq!(t.arg("len"), Some(&Arg::Int(5)));
        assert_eq!(t.arg("alg"), Some(&Arg::Str(Cow::Borrowed("HS256"))));
        assert_eq!(
            crate::msg!("time-in", x = "a").arg("x"),
            Some(&Arg::Str("a".into()))
        );
    }

    #[test]
    fn keys_are_collected_from_nested_texts() {
        let inner = crate::msg!("time-now");
        let t = crate::msg!("f-crit-msg", problems = inner).then(Text::plain(" (x)"));
        assert_eq!(t.keys(), ["f-crit-msg", "time-now"]);
    }
}
