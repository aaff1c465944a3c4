//! `present`: a holder's presentation of an SD-JWT, carrying the chosen disclosures and, when
//! asked, a fresh key-binding JWT.

use std::process::ExitCode;

use clap::Args;

use super::input;
use super::out::{self, Out};
use crate::core::sdjwt::issue::{self, Binding, Selection};

pub const EXAMPLES: &str = "\
Examples:
  jwt-debugger present \"$SD_JWT\" --disclose /given_name --disclose /address
  jwt-debugger present \"$SD_JWT\" --all --kb-key @holder-private.pem --kb-aud https://verifier.example --kb-nonce n-0S6_WzA2Mj
  jwt-debugger present \"$SD_JWT\" --none

--disclose names a claim by JSON pointer into the processed claims; the disclosures that put it
there come along (a claim inside a disclosed object needs that object's disclosure), and so do
the ones inside it. Without --disclose, --all or --none, every disclosure is presented.
With --kb-key the presentation ends with a key-binding JWT (typ kb+jwt) over exactly these
disclosures, signed with the holder's private key; iat is now (or --iat).";

#[derive(Debug, Args)]
pub struct PresentArgs {
    /// The SD-JWT as issued (or a presentation): text, @PATH or "-" for stdin.
    pub sd_jwt: Option<String>,
    /// Present the claim at this JSON pointer (repeat).
    #[arg(long, value_name = "POINTER", conflicts_with_all = ["all", "none"])]
    pub disclose: Vec<String>,
    /// Present every disclosure.
    #[arg(long, conflicts_with = "none")]
    pub all: bool,
    /// Present no disclosure (only the always-visible claims).
    #[arg(long)]
    pub none: bool,
    /// The holder's private key: add a key-binding JWT signed with it.
    #[arg(long, value_name = "KEY", allow_hyphen_values = true, requires_all = ["kb_aud", "kb_nonce"])]
    pub kb_key: Option<String>,
    /// The verifier the key-binding JWT is for (its aud).
    #[arg(long, value_name = "AUDIENCE", requires = "kb_key")]
    pub kb_aud: Option<String>,
    /// The verifier's nonce for this transaction.
    #[arg(long, value_name = "NONCE", requires = "kb_key")]
    pub kb_nonce: Option<String>,
    /// The key-binding JWT's iat: now by default (same forms as encode --exp).
    #[arg(
        long,
        value_name = "TIME",
        allow_hyphen_values = true,
        requires = "kb_key"
    )]
    pub iat: Option<String>,
    #[command(flatten)]
    pub lang: super::LangArg,
}

pub fn run(args: &PresentArgs) -> ExitCode {
    match presentation(args) {
        Ok(text) => {
            let mut o = Out::new();
            o.line(text.as_str());
            out::finish(o, ExitCode::SUCCESS)
        }
        Err(e) => out::fail(e),
    }
}

fn presentation(args: &PresentArgs) -> Result<String, String> {
    let text = input::text_arg(Some(args.sd_jwt.as_deref().unwrap_or("-")), "SD-JWT")
        .map_err(|e| e.to_string())?;
    let selection = if args.none {
        Selection::None
    } else if !args.disclose.is_empty() {
        Selection::Pointers(args.disclose.clone())
    } else {
        Selection::All
    };
    let binding = match &args.kb_key {
        None => None,
        Some(spec) => {
            let set = input::key_arg("--kb-key", spec)?;
            let [key] = set.keys.as_slice() else {
                return Err("--kb-key: give the one private key to sign with, not a set".to_owned());
            };
            let now = crate::clock::now_unix();
            let iat = match &args.iat {
                Some(spec) => crate::core::time::parse_time_spec(spec, now)
                    .map_err(|e| format!("--iat: {e}"))?,
                None => now,
            };
            Some(Binding {
                key: key.clone(),
                aud: args.kb_aud.clone().unwrap_or_default(),
                nonce: args.kb_nonce.clone().unwrap_or_default(),
                iat,
            })
        }
    };
    issue::present(text.trim(), &selection, binding.as_ref()).map_err(|e| e.to_string())
}
