//! `guess`: find the secret of an HS256/384/512 token among well-known secrets and a wordlist.

use std::process::ExitCode;

use clap::Args;

use super::out::{self, Out};
use super::{EXIT_NOT_VERIFIED, input};
use crate::core::{self, parse};

pub const EXAMPLES: &str = "\
Examples:
  jwt-debugger guess eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.…
  jwt-debugger guess \"$TOKEN\" --wordlist jwt-secrets.txt

The bundled list of well-known secrets (framework defaults, tutorial secrets, common passwords) is
tried first, then each line of the wordlist. Exit status: 0 found (the secret is printed), 1 not
found, 2 malformed token or usage error.";

#[derive(Debug, Args)]
pub struct GuessArgs {
    /// The token; "-" or nothing reads stdin.
    pub token: Option<String>,
    /// A wordlist: one candidate secret per line (streamed; lines up to 4 KiB).
    #[arg(long, short = 'w', value_name = "FILE")]
    pub wordlist: Option<std::path::PathBuf>,
    #[command(flatten)]
    pub lang: super::LangArg,
}

pub fn run(args: &GuessArgs) -> ExitCode {
    use core::guess::{Outcome, Progress, Target};
    let input = match input::token_arg(args.token.as_deref()) {
        Ok(text) => text,
        Err(e) => return out::fail(e),
    };
    let decoded = parse::decode(&input);
    if let Some(e) = decoded.errors.first() {
        return out::fail(e);
    }
    let target = match Target::from_decoded(&decoded) {
        Ok(t) => t,
        Err(e) => return out::fail(e),
    };
    let progress = Progress::default();
    let started = std::time::Instant::now();
    let outcome = match target.run(args.wordlist.as_deref(), &progress) {
        Ok(o) => o,
        Err(e) => return out::fail(format!("--wordlist: {e}")),
    };
    let secs = started.elapsed().as_secs_f64();
    match outcome {
        Outcome::Found { secret, tried } => {
            let shown = match String::from_utf8(secret) {
                Ok(text) => text,
                Err(e) => format!("hex:{}", parse::hex(e.as_bytes()).replace(' ', "")),
            };
            out::err(format!("found after {tried} candidate(s) in {secs:.2} s"));
            let mut o = Out::new();
            o.line(shown.as_str());
            out::finish(o, ExitCode::SUCCESS)
        }
        Outcome::NotFound { tried } | Outcome::Cancelled { tried } => {
            out::err(format!(
                "not found: {tried} candidate(s) tried in {secs:.2} s"
            ));
            ExitCode::from(EXIT_NOT_VERIFIED)
        }
    }
}
