//! `diff`: two tokens side by side, member by member.

use std::process::ExitCode;

use clap::Args;
use serde_json::Value;

use super::out::{self, Line, Out};
use super::{EXIT_NOT_VERIFIED, EXIT_USAGE, input};
use crate::core;
use crate::tr;

pub const EXAMPLES: &str = "\
Examples:
  jwt-debugger diff \"$WORKED\" \"$FAILED\"
  jwt-debugger diff @before.jwt @after.jwt --json | jq '.differences[] | select(.part==\"payload\")'

Header and payload members added, removed and changed, nested objects and arrays member by member
(paths are JSON pointers), time claims with the change in words (\"exp +1 h 30 min\"), and whether
both carry the same alg and kid. Exit status, like diff: 0 equal, 1 different, 2 when a token is
malformed or cannot be read.";

#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The first token (or @PATH, or - for stdin).
    #[arg(allow_hyphen_values = true)]
    pub a: String,
    /// The second token (or @PATH, or - for stdin).
    #[arg(allow_hyphen_values = true)]
    pub b: String,
    /// Print one JSON object instead of text.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub lang: super::LangArg,
}

/// A token given as text, `@PATH` or `-`, found inside whatever surrounds it. Over the 16 MiB cap
/// is an error naming the cap, never a cut.
fn read_token(spec: &str) -> Result<String, input::InputError> {
    let text = input::text_arg(Some(spec), "token")?;
    Ok(core::parse::find_token(&text)
        .unwrap_or(text.trim())
        .to_owned())
}

fn shown(v: &Option<Value>) -> String {
    v.as_ref().map(Value::to_string).unwrap_or_default()
}

pub fn run(args: &DiffArgs) -> ExitCode {
    let mut decoded = Vec::new();
    for (which, spec) in [("first", &args.a), ("second", &args.b)] {
        let token = match read_token(spec) {
            Ok(t) => t,
            Err(e) => return out::fail(e),
        };
        let d = core::parse::decode(&token);
        if let Some(e) = d.errors.first() {
            out::error(format!("the {which} token is malformed: {e}"));
            return ExitCode::from(EXIT_USAGE);
        }
        decoded.push(d);
    }
    let c = core::diff::compare(&decoded[0], &decoded[1]);
    let mut o = Out::new();
    if args.json {
        o.json(&serde_json::to_value(&c).unwrap_or_default(), true);
    } else {
        if c.equal {
            o.line(tr!("diff-equal"));
        }
        let mut part = "";
        for d in &c.differences {
            if d.part != part {
                part = d.part;
                o.line(tr!(match part {
                    "header" => "diff-part-header",
                    "payload" => "diff-part-payload",
                    _ => "diff-part-signature",
                }));
            }
            let path = if d.path.is_empty() { "/" } else { &d.path };
            let mut line = match d.kind {
                "added" => Line::new().text(format!("  + {path}: {}", shown(&d.after))),
                "removed" => Line::new().text(format!("  - {path}: {}", shown(&d.before))),
                _ => Line::new().text(format!(
                    "  ~ {path}: {} → {}",
                    shown(&d.before),
                    shown(&d.after)
                )),
            };
            if let Some(note) = &d.note {
                line = line.text(format!("   ({note})"));
            }
            o.line(line);
        }
        if c.omitted > 0 {
            o.line(tr!(
                "diff-omitted",
                count = c.omitted,
                max = core::diff::MAX_DIFFERENCES
            ));
        }
        let name = |v: &Option<String>| v.clone().unwrap_or_else(|| "-".into());
        o.line(if c.same_alg {
            tr!("diff-same-alg", alg = name(&c.alg[0]))
        } else {
            tr!("diff-other-alg", a = name(&c.alg[0]), b = name(&c.alg[1]))
        });
        o.line(match (&c.kid[0], &c.kid[1]) {
            (None, None) => tr!("diff-no-kid"),
            (Some(kid), Some(_)) if c.same_kid => tr!("diff-same-kid", kid = kid.as_str()),
            _ => tr!("diff-other-kid", a = name(&c.kid[0]), b = name(&c.kid[1])),
        });
    }
    out::finish(
        o,
        if c.equal {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(EXIT_NOT_VERIFIED)
        },
    )
}
