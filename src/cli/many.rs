//! Many tokens at once: `scan` finds every token in a log or HAR file; `diff` compares two.

use std::io::{IsTerminal as _, Read, Write as _};
use std::process::ExitCode;

use clap::Args;
use serde_json::{Value, json};

use super::{EXIT_NOT_VERIFIED, EXIT_USAGE, fail, keyarg, written};
use crate::core::{self, KeySet, Options, scan};
use crate::tr;

pub const SCAN_EXAMPLES: &str = "\
Examples:
  jwt-debugger scan session.har
  jwt-debugger scan /var/log/app.log --key @jwks.json
  kubectl logs deploy/api | jwt-debugger scan --json | jq -r 'select(.validity.state==\"expired\") | .token'

Finds every compact JWS and JWE in any bytes (logs, `curl -v` output, .env files; binary junk is
fine) and in HAR files (headers, cookies, query strings, URLs, post data and response bodies of
every entry). Each distinct token is listed once with every place it occurs: line:column for
text (both 1-based; columns count bytes), or the entry (0-based, as in `entries`), request or
response, and the field for HAR (a Set-Cookie header and its parsed cookie are two places).
Exit status: 0 when the scan ran, whatever it found; 2 when the input cannot be read.";

#[derive(Debug, Args)]
pub struct ScanArgs {
    /// The file to scan; "-" or nothing reads stdin.
    pub file: Option<String>,
    /// Verify each token with this key (a JWKS is typical; same forms as decode --key).
    #[arg(long, short = 'k', value_name = "KEY", allow_hyphen_values = true)]
    pub key: Option<String>,
    /// One JSON object per distinct token (JSON Lines) instead of a table.
    #[arg(long)]
    pub json: bool,
    /// Read the input as a HAR file (otherwise recognised from its first bytes).
    #[arg(long)]
    pub har: bool,
    /// Evaluate times at this instant (Unix seconds or RFC 3339) instead of now.
    #[arg(long, value_name = "TIME")]
    pub now: Option<String>,
}

/// Counts bytes read and shows a progress bar on a terminal.
struct Progress<R> {
    inner: R,
    bar: Option<indicatif::ProgressBar>,
}

impl<R: Read> Read for Progress<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        if let Some(bar) = &self.bar {
            bar.inc(n as u64);
        }
        Ok(n)
    }
}

fn progress_bar(total: Option<u64>) -> Option<indicatif::ProgressBar> {
    if !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = match total {
        Some(n) => indicatif::ProgressBar::new(n),
        None => indicatif::ProgressBar::new_spinner(),
    };
    let style = indicatif::ProgressStyle::with_template(
        "{spinner} scanning {bytes}/{total_bytes} {bytes_per_sec} {wide_bar}",
    )
    .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar());
    bar.set_style(style);
    bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
    Some(bar)
}

/// One token's line of JSON Lines output.
fn token_json(found: &scan::Found, a: &core::Analysis) -> Value {
    let claim = |name: &str| a.decoded.claims().and_then(|c| c.get(name)).cloned();
    let header = |name: &str| a.decoded.header.as_ref().and_then(|h| h.get(name)).cloned();
    json!({
        "token": found.token,
        "occurrences": found.occurrences,
        "form": a.decoded.form,
        "alg": header("alg"),
        "kid": header("kid"),
        "iss": claim("iss"),
        "sub": claim("sub"),
        "aud": claim("aud"),
        "exp": claim("exp"),
        "signature": {
            "status": a.signature.status,
            "detail": a.signature.detail,
            "key": a.signature.key,
        },
        "validity": a.validity,
        "jwe": a.jwe.as_ref().map(|j| json!({"alg": j.alg, "enc": j.enc, "zip": j.zip, "status": j.status})),
    })
}

/// Cuts text to `width` characters with "…".
fn cut(text: &str, width: usize) -> String {
    let text = core::text::escape_line(text);
    if text.chars().count() <= width {
        text.into_owned()
    } else {
        let mut s: String = text.chars().take(width.saturating_sub(1)).collect();
        s.push('…');
        s
    }
}

/// One row of the table, made while each token's analysis is at hand (analyses are not kept:
/// a scan may find a hundred thousand tokens).
fn table_row(index: usize, found: &scan::Found, a: &core::Analysis) -> [String; 9] {
    let text = |v: Option<&Value>| match v {
        None | Some(Value::Null) => "-".to_owned(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Array(list)) => list
            .iter()
            .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_owned))
            .collect::<Vec<_>>()
            .join(","),
        Some(other) => other.to_string(),
    };
    let header = a.decoded.header.as_ref();
    let claims = a.decoded.claims();
    let signature = match &a.jwe {
        Some(j) => format!("jwe:{}", j.status.as_str()),
        None => a.signature.status.as_str().to_owned(),
    };
    let seen = match found.occurrences.as_slice() {
        [one] => one.to_string(),
        [first, rest @ ..] => format!("{first} (+{})", rest.len()),
        [] => String::new(),
    };
    [
        (index + 1).to_string(),
        text(header.and_then(|h| h.get("alg"))),
        text(header.and_then(|h| h.get("kid"))),
        text(claims.and_then(|c| c.get("iss"))),
        text(claims.and_then(|c| c.get("sub"))),
        a.validity.summary.clone(),
        signature,
        seen,
        found.token.clone(),
    ]
}

fn table(rows: Vec<[String; 9]>) -> String {
    let mut lines = vec![[
        "#".to_owned(),
        tr!("scan-col-alg"),
        tr!("scan-col-kid"),
        tr!("scan-col-iss"),
        tr!("scan-col-sub"),
        tr!("scan-col-times"),
        tr!("scan-col-signature"),
        tr!("scan-col-seen"),
        tr!("scan-col-token"),
    ]];
    lines.extend(rows);
    // The widest columns are trimmed so that a row fits a terminal line.
    const MAX: [usize; 9] = [5, 12, 14, 28, 18, 24, 14, 30, 24];
    let widths: Vec<usize> = (0..9)
        .map(|c| {
            lines
                .iter()
                .map(|l| l[c].chars().count())
                .max()
                .unwrap_or(0)
                .min(MAX[c])
        })
        .collect();
    lines
        .iter()
        .map(|l| {
            l.iter()
                .zip(&widths)
                .map(|(cell, w)| format!("{:<w$}", cut(cell, *w), w = *w))
                .collect::<Vec<_>>()
                .join("  ")
                .trim_end()
                .to_owned()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

pub fn scan(args: &ScanArgs) -> ExitCode {
    if args.json {
        crate::i18n::set(crate::i18n::Lang::En);
    }
    let now = match &args.now {
        Some(t) => match core::time::parse_instant(t) {
            Ok(n) => n,
            Err(e) => return fail(format!("--now: {e}")),
        },
        None => crate::clock::now_unix(),
    };
    let keys: Option<KeySet> = match args.key.as_deref().map(keyarg::resolve).transpose() {
        Ok(k) => k,
        Err(e) => return fail(format!("--key: {e}")),
    };
    let har = args.har.then_some(true).or_else(|| {
        args.file
            .as_deref()
            .filter(|f| f.to_ascii_lowercase().ends_with(".har"))
            .map(|_| true)
    });
    let result = match args.file.as_deref() {
        None | Some("-") => {
            let stdin = std::io::stdin();
            if stdin.is_terminal() {
                return fail("no input: give a file or pipe text on stdin");
            }
            let reader = Progress {
                inner: stdin.lock(),
                bar: progress_bar(None),
            };
            let bar = reader.bar.clone();
            let r = scan::scan_stream(reader, har);
            if let Some(bar) = bar {
                bar.finish_and_clear();
            }
            r
        }
        Some(path) => match std::fs::File::open(path) {
            Ok(file) => {
                let total = file.metadata().ok().map(|m| m.len());
                let reader = Progress {
                    inner: file,
                    bar: progress_bar(total),
                };
                let bar = reader.bar.clone();
                let r = scan::scan_stream(reader, har);
                if let Some(bar) = bar {
                    bar.finish_and_clear();
                }
                r
            }
            Err(e) => {
                return fail(format!(
                    "cannot read {path}: {}",
                    core::text::io_error_words(&e)
                ));
            }
        },
    };
    let found = match result {
        Ok(f) => f,
        Err(e) => return fail(format!("cannot read the input: {e}")),
    };
    let options = Options::at(now);
    let places: usize = found.iter().map(|f| f.occurrences.len()).sum();
    let count = found.len();
    let printed = (|| -> std::io::Result<()> {
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        let mut rows = Vec::new();
        // Each token is analysed, written (or reduced to its table row) and dropped.
        for (i, f) in found.into_iter().enumerate() {
            let a = core::analyze(&f.token, keys.as_ref(), options.clone());
            if args.json {
                writeln!(out, "{}", token_json(&f, &a))?;
            } else {
                rows.push(table_row(i, &f, &a));
            }
        }
        if !args.json {
            if rows.is_empty() {
                writeln!(out, "{}", tr!("scan-none"))?;
            } else {
                writeln!(out, "{}", table(rows))?;
                writeln!(
                    out,
                    "{}",
                    tr!("scan-summary", tokens = count, places = places)
                )?;
            }
        }
        out.flush()
    })();
    written(printed, ExitCode::SUCCESS)
}

pub const DIFF_EXAMPLES: &str = "\
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
}

fn read_token(spec: &str) -> Result<String, String> {
    let text = if spec == "-" {
        let mut s = String::new();
        std::io::stdin()
            .lock()
            .take(core::read::MAX_TOKEN_BYTES)
            .read_to_string(&mut s)
            .map_err(|e| format!("stdin: {}", core::text::io_error_words(&e)))?;
        s
    } else if let Some(path) = spec.strip_prefix('@') {
        let bytes = core::read::read_file_capped(
            std::path::Path::new(path),
            core::read::MAX_TOKEN_BYTES,
            "token file",
        )
        .map_err(|e| e.to_string())?;
        String::from_utf8(bytes).map_err(|_| format!("{path} is not UTF-8 text"))?
    } else {
        spec.to_owned()
    };
    Ok(core::parse::find_token(&text)
        .unwrap_or(text.trim())
        .to_owned())
}

fn shown(v: &Option<Value>) -> String {
    v.as_ref()
        .map(|v| core::text::escape_line(&v.to_string()).into_owned())
        .unwrap_or_default()
}

pub fn diff(args: &DiffArgs) -> ExitCode {
    if args.json {
        crate::i18n::set(crate::i18n::Lang::En);
    }
    let mut decoded = Vec::new();
    for (which, spec) in [("first", &args.a), ("second", &args.b)] {
        let token = match read_token(spec) {
            Ok(t) => t,
            Err(e) => return fail(e),
        };
        let d = core::parse::decode(&token);
        if let Some(e) = d.errors.first() {
            eprintln!(
                "error: the {which} token is malformed: {}",
                core::text::escape_line(&e.to_string())
            );
            return ExitCode::from(EXIT_USAGE);
        }
        decoded.push(d);
    }
    let c = core::diff::compare(&decoded[0], &decoded[1]);
    let printed = if args.json {
        super::emit(&serde_json::to_string_pretty(&c).unwrap_or_default())
    } else {
        let mut lines = Vec::new();
        if c.equal {
            lines.push(tr!("diff-equal"));
        }
        let mut part = "";
        for d in &c.differences {
            if d.part != part {
                part = d.part;
                lines.push(tr!(&format!("diff-part-{part}")));
            }
            let path = if d.path.is_empty() { "/" } else { &d.path };
            let line = match d.kind {
                "added" => format!("  + {path}: {}", shown(&d.after)),
                "removed" => format!("  - {path}: {}", shown(&d.before)),
                _ => format!("  ~ {path}: {} → {}", shown(&d.before), shown(&d.after)),
            };
            lines.push(match &d.note {
                Some(note) => format!("{line}   ({note})"),
                None => line,
            });
        }
        let name = |v: &Option<String>| v.clone().unwrap_or_else(|| "-".into());
        lines.push(if c.same_alg {
            tr!("diff-same-alg", alg = name(&c.alg[0]))
        } else {
            tr!("diff-other-alg", a = name(&c.alg[0]), b = name(&c.alg[1]))
        });
        lines.push(if c.same_kid {
            tr!("diff-same-kid", kid = name(&c.kid[0]))
        } else {
            tr!("diff-other-kid", a = name(&c.kid[0]), b = name(&c.kid[1]))
        });
        super::emit(&lines.join("\n"))
    };
    written(
        printed,
        if c.equal {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(EXIT_NOT_VERIFIED)
        },
    )
}
