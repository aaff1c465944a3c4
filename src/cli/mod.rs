//! The command line: argument definitions and dispatch. Each command lives in its own module on
//! top of the same core as the app; [`input`] reads what commands are given and [`out`] is the
//! one writer everything they print goes through.

mod attack;
mod decode;
pub mod desktop;
mod diff;
mod encode;
mod encrypt;
mod guess;
mod human;
pub mod input;
mod keygen;
mod keystore;
pub mod launch;
pub mod out;
mod present;
mod scan;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

pub use decode::DecodeArgs;
pub use diff::DiffArgs;
pub use encode::EncodeArgs;
pub use encrypt::EncryptArgs;
pub use guess::GuessArgs;
pub use keygen::KeygenArgs;
pub use scan::ScanArgs;

/// The version and the commit the binary was built from (see build.rs).
pub const VERSION: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    " (",
    env!("JWT_DEBUGGER_BUILD"),
    ")"
);

/// Offline JWT debugger: decode, verify and sign JSON Web Tokens.
#[derive(Debug, Parser)]
#[command(name = "jwt-debugger", version = VERSION, about, long_about = None,
    after_help = "Run without a command to open the desktop app.")]
pub struct Cli {
    /// Language of the app and of human-readable output: en or ko (default: the system
    /// locale from LC_ALL, LC_MESSAGES or LANG). --json output is the same in every language.
    #[arg(long, value_name = "LANG", value_parser = parse_lang)]
    pub lang: Option<crate::i18n::Lang>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

// `--lang` as each command's own option (`jwt-debugger decode --lang ko …`), beside the one
// before the command (`jwt-debugger --lang ko decode …`). Not one global option: clap copies a
// global option into every command at every start, which cost a `decode` 36 KB of heap and a
// dozen page faults for commands that do not run. (Not a doc comment: clap would show it as the
// help text of every command it is flattened into.)
#[derive(Debug, Clone, Copy, Default, clap::Args)]
pub struct LangArg {
    /// Language of the app and of human-readable output: en or ko (default: the system
    /// locale from LC_ALL, LC_MESSAGES or LANG). --json output is the same in every language.
    #[arg(long, value_name = "LANG", value_parser = parse_lang)]
    pub lang: Option<crate::i18n::Lang>,
}

fn parse_lang(text: &str) -> Result<crate::i18n::Lang, String> {
    crate::i18n::Lang::parse(text)
        .ok_or_else(|| format!("\"{text}\" is not a language this tool speaks (en, ko)"))
}

// defer: a command's arguments are defined only when that command runs (or its help, a man page
// or a completion script is made). Defining all of them costs a `decode` about as much as clap's
// parsing (400,000 instructions and 180 KB of heap for the fourteen commands' help texts).
#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum Command {
    /// Decode a token, verify its signature and check its times.
    #[command(after_help = decode::EXAMPLES)]
    Decode(Box<DecodeArgs>),
    /// Make a signed token from a JSON payload.
    #[command(after_help = encode::EXAMPLES)]
    Encode(EncodeArgs),
    /// The key store: named keys kept in the system's credential store.
    #[command(after_help = keystore::EXAMPLES)]
    Keys(keystore::KeysArgs),
    /// Make the known JWT attacks as tokens to try, for an authorised test.
    #[command(after_help = attack::EXAMPLES)]
    Attack(attack::AttackArgs),
    /// Present an SD-JWT: choose its disclosures, optionally add a key-binding JWT.
    #[command(after_help = present::EXAMPLES)]
    Present(present::PresentArgs),
    /// Generate a key pair (or an HMAC secret) for an algorithm, in PEM and JWK.
    #[command(after_help = keygen::EXAMPLES)]
    Keygen(KeygenArgs),
    /// Guess the secret of an HS256/384/512 token from well-known secrets and a wordlist.
    #[command(after_help = guess::EXAMPLES)]
    Guess(GuessArgs),
    /// Encrypt a plaintext (a token, JSON, any text) as a compact JWE.
    #[command(after_help = encrypt::EXAMPLES)]
    Encrypt(EncryptArgs),
    /// Find every token in a log, a HAR file, `curl -v` output or any text.
    #[command(after_help = scan::EXAMPLES)]
    Scan(ScanArgs),
    /// Compare two tokens: header and payload members added, removed and changed.
    #[command(after_help = diff::EXAMPLES)]
    Diff(DiffArgs),
    /// Open the desktop app, optionally with a token.
    #[command(
        after_help = "Examples:\n  jwt-debugger gui\n  jwt-debugger gui \"$TOKEN\"\n\nWithout a display it says so and exits 1."
    )]
    Gui {
        /// Token to open (or text containing one).
        token: Option<String>,
        #[command(flatten)]
        lang: LangArg,
    },
    /// Print a shell completion script (bash, zsh, fish, powershell, elvish).
    #[command(
        after_help = "Examples:\n  jwt-debugger completions bash > ~/.local/share/bash-completion/completions/jwt-debugger\n  jwt-debugger completions zsh > ~/.zfunc/_jwt-debugger\n  jwt-debugger completions fish > ~/.config/fish/completions/jwt-debugger.fish"
    )]
    Completions {
        shell: clap_complete::Shell,
        #[command(flatten)]
        lang: LangArg,
    },
    /// Print the man page (roff): jwt-debugger man | man -l -
    #[command(
        after_help = "Examples:\n  jwt-debugger man | man -l -\n  jwt-debugger man --dir target/man   # jwt-debugger.1 and one page per command (jwt-debugger-decode.1, …)"
    )]
    Man {
        /// Write the page and one page per command into this folder instead of printing one.
        #[arg(long, value_name = "DIR")]
        dir: Option<std::path::PathBuf>,
        #[command(flatten)]
        lang: LangArg,
    },
    /// Install the desktop entry, AppStream metadata and icons for this user (XDG data folder).
    #[command(
        after_help = "Writes applications/jwt-debugger.desktop, metainfo/io.github.jwt_debugger.metainfo.xml and\nicons/hicolor/*/apps/jwt-debugger.{png,svg} under $XDG_DATA_HOME (default ~/.local/share).\nThe entry starts jwt-debugger-app beside this program (else this program). Linux desktops only."
    )]
    InstallDesktop {
        /// Install under this folder instead of the XDG data folder.
        #[arg(long, value_name = "DIR")]
        data_dir: Option<std::path::PathBuf>,
        #[command(flatten)]
        lang: LangArg,
    },
}

impl Command {
    /// The command's own `--lang`, if it was given.
    fn lang(&self) -> Option<crate::i18n::Lang> {
        match self {
            Self::Decode(args) => args.lang.lang,
            Self::Encode(args) => args.lang.lang,
            Self::Keys(args) => args.lang(),
            Self::Attack(args) => args.lang.lang,
            Self::Present(args) => args.lang.lang,
            Self::Keygen(args) => args.lang.lang,
            Self::Guess(args) => args.lang.lang,
            Self::Encrypt(args) => args.lang.lang,
            Self::Scan(args) => args.lang.lang,
            Self::Diff(args) => args.lang.lang,
            Self::Gui { lang, .. }
            | Self::Completions { lang, .. }
            | Self::Man { lang, .. }
            | Self::InstallDesktop { lang, .. } => lang.lang,
        }
    }
}

/// Exit codes of the contract.
pub(super) const EXIT_NOT_VERIFIED: u8 = 1;
pub(super) const EXIT_USAGE: u8 = 2;

/// What the binary was asked to do: open the window, or run a command here.
pub enum Invocation {
    /// Open the desktop app, with a token to show first, in a language given by `--lang`.
    Gui(Option<String>, Option<crate::i18n::Lang>),
    /// A command-line command, already run: its exit status.
    Done(ExitCode),
}

/// `Cli::try_parse`, except that the parser's definitions are not dropped: the process ends soon
/// after, and freeing the tree of arguments cost a `decode` 48,000 instructions.
fn parse() -> Result<Cli, clap::Error> {
    use clap::{CommandFactory as _, FromArgMatches as _};
    let mut command = Cli::command();
    let parsed = command
        .try_get_matches_from_mut(std::env::args_os())
        .and_then(|mut matches| {
            Cli::from_arg_matches_mut(&mut matches).map_err(|e| e.format(&mut command))
        });
    std::mem::forget(command);
    parsed
}

/// Parses the arguments and runs a command-line command. Opening the window is left to the
/// caller (`main.rs`), so that this module does not depend on the app.
pub fn main() -> Invocation {
    let cli = match parse() {
        Ok(cli) => cli,
        Err(e) => {
            use clap::error::ErrorKind as K;
            if matches!(e.kind(), K::DisplayHelp | K::DisplayVersion) {
                let mut o = out::Out::new();
                o.verbatim(&e.render().to_string());
                return Invocation::Done(out::finish(o, ExitCode::SUCCESS));
            }
            // The parser quotes what it could not place; that may be a key pasted in the wrong
            // spot, so key material is hidden before anything is printed, and the words the
            // user typed are made safe like every other line.
            let text = redact_key_material(&e.render().to_string());
            for line in text.trim_end().lines() {
                out::err(line);
            }
            // `jwt-debugger eyJ…` (as `jwt eyJ…` or a pasted token would be): say which command
            // reads it, since the parser can only say the token is not a command.
            let token_as_command = e.kind() == K::InvalidSubcommand
                && std::env::args_os().skip(1).any(|a| {
                    a.to_str()
                        .and_then(crate::core::parse::find_token)
                        .is_some()
                });
            if token_as_command {
                crate::i18n::set(crate::i18n::Lang::from_env());
                out::err(crate::i18n::text("cli-hint-token-needs-command"));
            }
            return Invocation::Done(ExitCode::from(EXIT_USAGE));
        }
    };
    // The command's --lang, else the one before the command.
    let lang = cli.command.as_ref().and_then(Command::lang).or(cli.lang);
    crate::i18n::set(lang.unwrap_or_else(crate::i18n::Lang::from_env));
    Invocation::Done(match cli.command {
        None => return Invocation::Gui(None, lang),
        Some(Command::Gui { token, .. }) => return Invocation::Gui(token, lang),
        Some(Command::Decode(args)) => {
            // --json is the same in every language: scripts read ids and English text.
            if args.json {
                crate::i18n::set(crate::i18n::Lang::En);
            }
            decode::run(&args)
        }
        Some(Command::Encode(args)) => encode::run(&args),
        Some(Command::Guess(args)) => guess::run(&args),
        Some(Command::Encrypt(args)) => encrypt::run(&args),
        Some(Command::Scan(args)) => {
            if args.json {
                crate::i18n::set(crate::i18n::Lang::En);
            }
            scan::run(&args)
        }
        Some(Command::Diff(args)) => {
            if args.json {
                crate::i18n::set(crate::i18n::Lang::En);
            }
            diff::run(&args)
        }
        Some(Command::Keygen(args)) => keygen::run(&args),
        Some(Command::Present(args)) => present::run(&args),
        Some(Command::Attack(args)) => attack::run(&args),
        Some(Command::Keys(args)) => keystore::run(&args),
        Some(Command::Completions { shell, .. }) => {
            let mut bytes = Vec::new();
            desktop::completions(shell, &mut bytes);
            let mut o = out::Out::new();
            o.verbatim(&String::from_utf8_lossy(&bytes));
            out::finish(o, ExitCode::SUCCESS)
        }
        Some(Command::Man { dir: Some(dir), .. }) => match desktop::man_pages(&dir) {
            Ok(files) => {
                for f in files {
                    out::err(format!("wrote {}", f.display()));
                }
                ExitCode::SUCCESS
            }
            Err(e) => out::fail(e),
        },
        Some(Command::Man { dir: None, .. }) => {
            let mut bytes = Vec::new();
            match desktop::man(&mut bytes) {
                Ok(()) => {
                    let mut o = out::Out::new();
                    o.verbatim(&String::from_utf8_lossy(&bytes));
                    out::finish(o, ExitCode::SUCCESS)
                }
                Err(e) => out::fail(format!("cannot render the man page: {e}")),
            }
        }
        Some(Command::InstallDesktop { data_dir, .. }) => {
            // The entry starts the app itself when it is beside this program (one process, no
            // hop through the command line); otherwise this program, which becomes the app.
            let this = std::env::current_exe().ok();
            let exe = launch::find_app(this.as_deref(), None)
                .or(this)
                .unwrap_or_else(|| "jwt-debugger".into());
            match desktop::install(data_dir.as_deref(), &exe) {
                Ok(files) => {
                    for f in files {
                        out::err(format!("wrote {}", f.display()));
                    }
                    ExitCode::SUCCESS
                }
                Err(e) => out::fail(e),
            }
        }
    })
}

/// `text` with anything that may be key material replaced: PEM blocks (whole or cut off), and
/// long runs of base64 or hex (secrets, JWK members, tokens).
pub fn redact_key_material(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    // PEM: from BEGIN to the matching END, or to the end of the text when it was cut.
    while let Some(start) = rest.find("-----BEGIN") {
        out.push_str(&rest[..start]);
        let block = &rest[start..];
        let end = block
            .find("-----END")
            .and_then(|e| block[e + 8..].find("-----").map(|t| e + 8 + t + 5))
            .unwrap_or(block.len());
        out.push_str("[key material hidden]");
        rest = &block[end..];
    }
    out.push_str(rest);
    // Long unbroken runs of key-like characters.
    let mut result = String::with_capacity(out.len());
    let mut run = String::new();
    let flush = |run: &mut String, result: &mut String| {
        if run.len() >= 24 {
            result.push_str("[hidden]");
        } else {
            result.push_str(run);
        }
        run.clear();
    };
    for c in out.chars() {
        if c.is_ascii_alphanumeric() || matches!(c, '+' | '/' | '=' | '-' | '_' | '.') {
            run.push(c);
        } else {
            flush(&mut run, &mut result);
            result.push(c);
        }
    }
    flush(&mut run, &mut result);
    result
}

/// The message of a build without the desktop app.
pub fn no_gui() -> ExitCode {
    out::fail(
        "this build has no desktop app (built without the \"gui\" feature); use `decode` or `encode`, see --help",
    )
}
