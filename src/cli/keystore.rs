//! `keys`: the key store on the command line: list, add, show (public part only), remove. Key
//! material goes to the system's credential store; `--key store:NAME` uses a stored key.

use std::process::ExitCode;

use clap::Subcommand;

use super::input;
use super::out;
#[cfg(feature = "gui")]
use super::out::Out;

pub const EXAMPLES: &str = "\
Examples:
  jwt-debugger keys add orders-prod @jwks.json --issuer https://login.example.com/ --note 'orders API'
  jwt-debugger keys add staging-hs 'env:STAGING_SECRET'
  jwt-debugger keys list --json
  jwt-debugger keys show orders-prod --public
  jwt-debugger decode \"$TOKEN\" --key store:orders-prod
  jwt-debugger keys rm staging-hs

Key material lives in the system's credential store (Secret Service, Keychain, Credential
Manager); keys.json in the configuration folder holds only names, kinds, kids, thumbprints,
issuers and notes. Without a reachable credential store, `keys add` refuses and writes nothing.";

#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum KeysCommand {
    /// List the stored keys (names, kinds, algorithms, kid, thumbprint; never the material).
    List {
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        lang: super::LangArg,
    },
    /// Store a key under a name (same forms as --key: text, @PATH, env:NAME, b64:, hex:).
    Add {
        name: String,
        #[arg(allow_hyphen_values = true)]
        key: String,
        #[arg(long)]
        note: Option<String>,
        /// The issuer whose tokens this key verifies (offered when such a token arrives).
        #[arg(long)]
        issuer: Option<String>,
        #[command(flatten)]
        lang: super::LangArg,
    },
    /// Show a stored key's description; --public adds its public key (PEM, or the JWKS).
    Show {
        name: String,
        #[arg(long)]
        public: bool,
        #[command(flatten)]
        lang: super::LangArg,
    },
    /// Remove a stored key.
    Rm {
        name: String,
        #[command(flatten)]
        lang: super::LangArg,
    },
}

// `keys`: its `--lang` (`keys --lang ko list`) and the command under it. (Not a doc comment:
// clap would show it as the help text of `keys`.)
#[derive(Debug, clap::Args)]
pub struct KeysArgs {
    #[command(subcommand)]
    pub command: KeysCommand,
    #[command(flatten)]
    pub lang: super::LangArg,
}

impl KeysArgs {
    /// The `--lang` after the command under `keys`, else the one before it.
    pub fn lang(&self) -> Option<crate::i18n::Lang> {
        let own = match &self.command {
            KeysCommand::List { lang, .. }
            | KeysCommand::Add { lang, .. }
            | KeysCommand::Show { lang, .. }
            | KeysCommand::Rm { lang, .. } => lang.lang,
        };
        own.or(self.lang.lang)
    }
}

/// The text a key spec stands for (the file's text for @PATH, the variable for env:NAME).
fn key_text(spec: &str) -> Result<String, String> {
    if let Some(name) = spec.strip_prefix("env:") {
        return std::env::var(name)
            .map_err(|_| format!("the environment variable {name} is not set"));
    }
    if let Some(path) = spec.strip_prefix('@') {
        let bytes = crate::core::read::read_file_capped(
            std::path::Path::new(path),
            crate::core::read::MAX_KEY_BYTES,
            "key file",
        )
        .map_err(|e| e.to_string())?;
        return String::from_utf8(bytes).map_err(|_| format!("{path} is not text"));
    }
    // Validate the other forms (b64:, hex:, PEM, JWK) as --key reads them.
    input::key_arg("KEY", spec)?;
    Ok(spec.to_owned())
}

#[cfg(feature = "gui")]
pub fn run(args: &KeysArgs) -> ExitCode {
    let command = &args.command;
    use crate::store;
    let mut o = Out::new();
    match command {
        KeysCommand::List { json, .. } => match store::list() {
            Ok(list) if *json => {
                for k in &list {
                    o.json(&serde_json::to_value(k).unwrap_or_default(), false);
                }
            }
            Ok(list) if list.is_empty() => {
                o.line("no stored keys (jwt-debugger keys add NAME KEY)")
            }
            Ok(list) => {
                for k in &list {
                    o.line(
                        format!(
                            "{:<24} {}  [{}]{}  {}",
                            k.name,
                            k.kind,
                            k.algs.join(","),
                            k.kid
                                .as_deref()
                                .map(|kid| format!("  kid {kid}"))
                                .unwrap_or_default(),
                            k.thumbprint
                        )
                        .as_str(),
                    );
                }
            }
            Err(e) => return out::fail(e),
        },
        KeysCommand::Add {
            name,
            key,
            note,
            issuer,
            ..
        } => {
            let text = match key_text(key) {
                Ok(t) => zeroize::Zeroizing::new(t),
                Err(e) => return out::fail(format!("keys add: {e}")),
            };
            match store::add(
                name,
                &text,
                note.as_deref(),
                issuer.as_deref(),
                crate::clock::now_unix(),
            ) {
                Ok(k) => {
                    o.line(format!("stored \"{}\": {} ({})", k.name, k.kind, k.thumbprint).as_str())
                }
                Err(e) => return out::fail(format!("keys add: {e}")),
            }
        }
        KeysCommand::Show { name, public, .. } => {
            let described = match store::list() {
                Ok(list) => list.into_iter().find(|k| &k.name == name),
                Err(e) => return out::fail(e),
            };
            let Some(k) = described else {
                return out::fail(format!("no key named \"{name}\" in the key store"));
            };
            o.json(&serde_json::to_value(&k).unwrap_or_default(), true);
            if *public {
                let text = match store::get(name) {
                    Ok(t) => t,
                    Err(e) => return out::fail(e),
                };
                let set = match crate::core::keys::parse_text(&text) {
                    Ok(s) => s,
                    Err(e) => return out::fail(e.to_string()),
                };
                for key in &set.keys {
                    if key.is_secret() {
                        o.line("(an HMAC secret has no public part)");
                    } else if let Ok(pem) = crate::core::export::public_pem(key) {
                        o.line(pem.trim_end());
                    }
                }
            }
        }
        KeysCommand::Rm { name, .. } => match store::remove(name) {
            Ok(()) => o.line(format!("removed \"{name}\"").as_str()),
            Err(e) => return out::fail(format!("keys rm: {e}")),
        },
    }
    out::finish(o, ExitCode::SUCCESS)
}

#[cfg(not(feature = "gui"))]
pub fn run(_args: &KeysArgs) -> ExitCode {
    let _ = key_text;
    out::fail("this build has no key store (it was built without the gui feature)")
}
