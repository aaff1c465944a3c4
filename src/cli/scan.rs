//! `scan`: every token in a log, a HAR file or any bytes, listed once each with where it was seen.

use std::io::{IsTerminal as _, Read};
use std::process::ExitCode;

use clap::Args;
use serde_json::{Value, json};

use super::input;
use super::out::{self, Out};
use crate::core::{self, KeySet, Options, scan};
use crate::tr;

pub const EXAMPLES: &str = "\
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
    #[command(flatten)]
    pub lang: super::LangArg,
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

/// PBES2 key-derivation iterations one scan may spend in all (p2c × passwords tried): about half
/// a second on this machine, many times what the tokens of a real log need.
const PBES2_BUDGET: u64 = 5_000_000;

/// The PBES2 iterations decrypting `decoded` with `keys` would cost (0 for anything else).
fn pbes2_cost(decoded: &core::Decoded, keys: &KeySet) -> u64 {
    let Some(header) = decoded
        .header
        .as_ref()
        .filter(|_| decoded.form == core::Form::Jwe)
    else {
        return 0;
    };
    let pbes2 = header
        .get("alg")
        .and_then(Value::as_str)
        .and_then(core::jwe::KeyAlg::parse)
        .is_some_and(|a| a.is_pbes2());
    if !pbes2 {
        return 0;
    }
    let count = header
        .get("p2c")
        .and_then(Value::as_u64)
        .unwrap_or(0)
        .min(u64::from(core::jwe::MAX_P2C));
    let passwords = keys
        .keys
        .iter()
        .filter(|k| k.is_secret())
        .count()
        .min(core::jwe::MAX_PASSWORDS_TRIED);
    count * passwords as u64
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

/// Cuts text to `width` characters with "…" (made safe first, so the escapes are counted).
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
        a.validity.summary.to_string(),
        signature,
        seen,
        found.token.clone(),
    ]
}

fn table(rows: Vec<[String; 9]>) -> Vec<String> {
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
        .collect()
}

pub fn run(args: &ScanArgs) -> ExitCode {
    let now = match input::now_arg(args.now.as_deref()) {
        Ok(n) => n,
        Err(e) => return out::fail(e),
    };
    let keys: Option<KeySet> = match args
        .key
        .as_deref()
        .map(|spec| input::key_arg("--key", spec))
        .transpose()
    {
        Ok(k) => k,
        Err(e) => return out::fail(e),
    };
    let har = scan::har_hint(args.file.as_deref(), args.har);
    let result = match args.file.as_deref() {
        None | Some("-") => {
            let stdin = std::io::stdin();
            if stdin.is_terminal() {
                return out::fail("no input: give a file or pipe text on stdin");
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
                return out::fail(format!(
                    "cannot read {path}: {}",
                    core::text::io_error_words(&e)
                ));
            }
        },
    };
    let found = match result {
        Ok(f) => f,
        Err(e) => return out::fail(format!("cannot read the input: {e}")),
    };
    let options = Options::at(now);
    let places: usize = found.iter().map(|f| f.occurrences.len()).sum();
    let count = found.len();
    let mut o = Out::new();
    let mut rows = Vec::new();
    let mut budget = PBES2_BUDGET;
    let mut not_tried = 0usize;
    // Each token is analysed, written (or reduced to its table row) and dropped.
    for (i, f) in found.into_iter().enumerate() {
        let decoded = core::parse::decode(&f.token);
        // A PBES2 token costs its p2c for every password tried: an attacker-written log can
        // ask for a million iterations per token. The whole scan gets a budget; past it such
        // tokens are listed without being decrypted, and the output says so.
        let cost = keys.as_ref().map_or(0, |k| pbes2_cost(&decoded, k));
        let skipped = cost > budget;
        if skipped {
            not_tried += 1;
        } else {
            budget -= cost;
        }
        let key = if skipped { None } else { keys.as_ref() };
        let a = core::analyze_decoded(decoded, key, options.clone());
        if args.json {
            let mut line = token_json(&f, &a);
            if skipped {
                line["not_tried"] = Value::from("pbes2_work_budget");
            }
            o.json(&line, false);
        } else {
            let mut row = table_row(i, &f, &a);
            if skipped {
                row[6] = tr!("scan-not-tried");
            }
            rows.push(row);
        }
    }
    if not_tried > 0 {
        out::warning(tr!(
            "scan-budget-spent",
            count = not_tried,
            budget = PBES2_BUDGET
        ));
    }
    if !args.json {
        if rows.is_empty() {
            o.line(tr!("scan-none"));
        } else {
            for line in table(rows) {
                o.line(line);
            }
            o.line(tr!("scan-summary", tokens = count, places = places));
        }
    }
    out::finish(o, ExitCode::SUCCESS)
}
