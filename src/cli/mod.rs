//! The command line: `decode`, `encode` and `gui`, on top of the same core as the app.

pub mod desktop;
mod keyarg;
mod many;
mod output;

use std::io::IsTerminal as _;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use serde_json::{Map, Value};

use crate::core::{self, Alg, KeySet, SignatureStatus, parse, sign};

const DECODE_EXAMPLES: &str = "\
Examples:
  jwt-debugger decode eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln
  pbpaste | jwt-debugger decode --key 'your-256-bit-secret'
  jwt-debugger decode \"$TOKEN\" --key @public.pem --json | jq .signature.status
  jwt-debugger decode \"$TOKEN\" --key @jwks.json --now 2026-01-01T00:00:00Z
  jwt-debugger decode \"$TOKEN\" --iss https://login.example.com/ --aud api1,api2 --require exp,sub --max-lifetime 1h
  jwt-debugger decode \"$TOKEN\" --discover
  jwt-debugger decode \"$TOKEN\" --jwks-url https://login.example.com/.well-known/jwks.json

Keys (--key): a UTF-8 secret; b64:SECRET, b64url:SECRET or hex:SECRET for encoded bytes;
@PATH to read a file (PEM, DER, JWK, JWKS, an OpenSSH public key, or a secret; a binary file
that is not a DER key is the secret's bytes); env:NAME for an environment variable; or PEM /
JWK / JWKS / OpenSSH text itself. Public-key text is never used as an HMAC secret.

JWKS: only keys for signatures (use sig, key_ops verify) are tried; a kid that names no key is
key_mismatch unless --any-kid is given; at most 100 keys are tried.

Limits: tokens and stdin 16 MiB, key files and claim dictionaries 4 MiB, JWKS 1,000 keys,
JSON nesting 128 levels.

Exit status: 0 decoded (and verified, when a key was given); 1 a key was given and the signature
is not verified, or an expectation (--iss, --aud, --require, --max-lifetime) failed, times
included; 2 malformed token, unreadable input or usage error. With --json, errors are a JSON
object with \"error\" too.";

const ENCODE_EXAMPLES: &str = "\
Examples:
  jwt-debugger encode --alg HS256 --key 'your-256-bit-secret' '{\"sub\":\"1234567890\"}'
  jwt-debugger encode --alg RS256 --key @private.pem --header '{\"kid\":\"k1\"}' @claims.json
  echo '{\"sub\":\"svc\"}' | jwt-debugger encode --alg EdDSA --key @ed25519.pem -
  jwt-debugger encode --alg none --allow-unsecured '{\"sub\":\"test\"}'
  jwt-debugger encode --alg HS256 --key @secret.txt --exp +1h --jti random --claim sub=alice --claim 'roles=[\"admin\"]'

The header's members are kept in the order given; --alg sets (or replaces) its \"alg\".";

/// Offline JWT debugger: decode, verify and sign JSON Web Tokens.
#[derive(Debug, Parser)]
#[command(name = "jwt-debugger", version, about, long_about = None,
    after_help = "Run without a command to open the desktop app.")]
pub struct Cli {
    /// Language of the app and of human-readable output: en or ko (default: the system
    /// locale from LC_ALL, LC_MESSAGES or LANG). --json output is the same in every language.
    #[arg(long, global = true, value_name = "LANG", value_parser = parse_lang)]
    pub lang: Option<crate::i18n::Lang>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

fn parse_lang(text: &str) -> Result<crate::i18n::Lang, String> {
    crate::i18n::Lang::parse(text)
        .ok_or_else(|| format!("\"{text}\" is not a language this tool speaks (en, ko)"))
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Decode a token, verify its signature and check its times.
    #[command(after_help = DECODE_EXAMPLES)]
    Decode(DecodeArgs),
    /// Make a signed token from a JSON payload.
    #[command(after_help = ENCODE_EXAMPLES)]
    Encode(EncodeArgs),
    /// Generate a key pair (or an HMAC secret) for an algorithm, in PEM and JWK.
    #[command(after_help = KEYGEN_EXAMPLES)]
    Keygen(KeygenArgs),
    /// Guess the secret of an HS256/384/512 token from well-known secrets and a wordlist.
    #[command(after_help = GUESS_EXAMPLES)]
    Guess(GuessArgs),
    /// Encrypt a plaintext (a token, JSON, any text) as a compact JWE.
    #[command(after_help = ENCRYPT_EXAMPLES)]
    Encrypt(EncryptArgs),
    /// Find every token in a log, a HAR file, `curl -v` output or any text.
    #[command(after_help = many::SCAN_EXAMPLES)]
    Scan(many::ScanArgs),
    /// Compare two tokens: header and payload members added, removed and changed.
    #[command(after_help = many::DIFF_EXAMPLES)]
    Diff(many::DiffArgs),
    /// Open the desktop app, optionally with a token.
    #[command(
        after_help = "Examples:\n  jwt-debugger gui\n  jwt-debugger gui \"$TOKEN\"\n\nWithout a display it says so and exits 1."
    )]
    Gui {
        /// Token to open (or text containing one).
        token: Option<String>,
    },
    /// Print a shell completion script (bash, zsh, fish, powershell, elvish).
    #[command(
        after_help = "Examples:\n  jwt-debugger completions bash > ~/.local/share/bash-completion/completions/jwt-debugger\n  jwt-debugger completions zsh > ~/.zfunc/_jwt-debugger\n  jwt-debugger completions fish > ~/.config/fish/completions/jwt-debugger.fish"
    )]
    Completions { shell: clap_complete::Shell },
    /// Print the man page (roff): jwt-debugger man | man -l -
    Man,
    /// Install the desktop entry, AppStream metadata and icons for this user (XDG data folder).
    #[command(
        after_help = "Writes applications/jwt-debugger.desktop, metainfo/io.github.jwt_debugger.metainfo.xml and\nicons/hicolor/*/apps/jwt-debugger.{png,svg} under $XDG_DATA_HOME (default ~/.local/share).\nThe entry starts this very binary."
    )]
    InstallDesktop {
        /// Install under this folder instead of the XDG data folder.
        #[arg(long, value_name = "DIR")]
        data_dir: Option<std::path::PathBuf>,
    },
}

const KEYGEN_EXAMPLES: &str = "\
Examples:
  jwt-debugger keygen --alg ES256 --out keys/
  jwt-debugger keygen --alg RS256 --bits 4096 --out keys/
  jwt-debugger keygen --alg HS512

With --out DIR: private.pem (PKCS#8), public.pem (SPKI), private.jwk.json and public.jwk.json (kid =
RFC 7638 thumbprint) for asymmetric algorithms, secret.b64url for HS*; files holding secrets are
created with mode 0600. Without --out everything is printed.";

const ENCRYPT_EXAMPLES: &str = "\
Examples:
  jwt-debugger encrypt --alg RSA-OAEP-256 --enc A256GCM --key @recipient.pub.pem '{\"sub\":\"42\"}'
  jwt-debugger encode --alg ES256 --key @signing.pem @claims.json \\
    | jwt-debugger encrypt --alg ECDH-ES+A128KW --enc A128GCM --key @recipient.jwk.json --cty JWT
  jwt-debugger encrypt --alg PBES2-HS256+A128KW --enc A128CBC-HS256 --key 'a long passphrase' @notes.txt
  jwt-debugger encrypt --alg dir --enc A256GCM --key b64:… - < message.txt

Key management (--alg): RSA-OAEP, RSA-OAEP-256/384/512 (the recipient's RSA public key), ECDH-ES
and ECDH-ES+A128KW/A192KW/A256KW (an EC P-256/P-384/P-521 or X25519 public key), A128KW/A192KW/
A256KW and A128GCMKW/A192GCMKW/A256GCMKW (a 16/24/32-byte secret), dir (a secret as long as the enc
needs), PBES2-HS256+A128KW/HS384+A192KW/HS512+A256KW (a password; p2c 600,000 unless --header names
one, at most 1,000,000). RSA1_5 is only decrypted, never made. Content encryption (--enc):
A128GCM, A192GCM, A256GCM, A128CBC-HS256, A192CBC-HS384, A256CBC-HS512.
The plaintext is an argument, @PATH or - for stdin (one trailing newline on stdin is dropped).";

#[derive(Debug, Args)]
pub struct EncryptArgs {
    /// Key management algorithm (see below).
    #[arg(long, short = 'a', value_name = "ALG")]
    pub alg: String,
    /// Content encryption algorithm.
    #[arg(long, short = 'e', value_name = "ENC")]
    pub enc: String,
    /// The recipient's key (public key, secret or password; same forms as decode --key).
    #[arg(long, short = 'k', value_name = "KEY", allow_hyphen_values = true)]
    pub key: String,
    /// Extra protected header members as a JSON object, e.g. '{"kid":"k1","p2c":100000}'.
    #[arg(long, value_name = "JSON")]
    pub header: Option<String>,
    /// Content type of the plaintext: JWT for a nested token.
    #[arg(long, value_name = "TYPE")]
    pub cty: Option<String>,
    /// Compress the plaintext with DEFLATE first (zip: DEF).
    #[arg(long)]
    pub zip: bool,
    /// The plaintext: text, @PATH, or - (stdin; the default).
    pub plaintext: Option<String>,
}

#[derive(Debug, Args)]
pub struct KeygenArgs {
    /// Algorithm the key is for: a signing alg (HS256…HS512, RS*/PS*, ES256/384/512, EdDSA,
    /// ML-DSA-44/65/87) or a JWE key management alg (RSA-OAEP-256, ECDH-ES…, A128KW…, dir).
    #[arg(long, short = 'a', value_name = "ALG")]
    pub alg: String,
    /// Curve for ECDH-ES keys: P-256 (default), P-384, P-521 or X25519.
    #[arg(long, value_name = "CURVE")]
    pub crv: Option<String>,
    /// Content encryption a dir key is for (sets its length; default A256GCM).
    #[arg(long, value_name = "ENC")]
    pub enc: Option<String>,
    /// RSA modulus size: 2048, 3072 or 4096.
    #[arg(long, value_name = "BITS", default_value_t = 2048)]
    pub bits: usize,
    /// Directory to write the files into (created if missing; existing files are not overwritten).
    #[arg(long, short = 'o', value_name = "DIR")]
    pub out: Option<std::path::PathBuf>,
}

const GUESS_EXAMPLES: &str = "\
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
}

#[derive(Debug, Args)]
pub struct DecodeArgs {
    /// The token (or text containing it, like "Authorization: Bearer …"); "-" or nothing reads
    /// stdin. Up to 16 MiB.
    pub token: Option<String>,
    /// Key to verify with, or for an encrypted token (JWE) to decrypt with (see below). May start
    /// with '-' (PEM text). Key files up to 4 MiB; a JWKS is read up to 1,000 keys.
    #[arg(long, short = 'k', value_name = "KEY", allow_hyphen_values = true)]
    pub key: Option<String>,
    /// For a nested token (a JWE whose plaintext is a JWT): the key that verifies the inner token.
    #[arg(long, value_name = "KEY", allow_hyphen_values = true)]
    pub verify_key: Option<String>,
    /// When the token's kid names no key of the JWKS, try every key anyway (a finding says so).
    #[arg(long)]
    pub any_kid: bool,
    /// Also refuse what RFC 7515 lets pass but a careful verifier should not: ECDSA signatures
    /// with a high S (the malleable twin of a valid signature).
    #[arg(long)]
    pub strict: bool,
    /// Print one JSON object instead of text.
    #[arg(long)]
    pub json: bool,
    /// Evaluate times at this instant (Unix seconds or RFC 3339) instead of now.
    #[arg(long, value_name = "TIME")]
    pub now: Option<String>,
    /// Clock skew to allow for exp, nbf and iat, in seconds.
    #[arg(long, value_name = "SECS", default_value_t = 0)]
    pub leeway: i64,
    /// Expected issuer: the token's iss must equal it.
    #[arg(long, value_name = "ISSUER")]
    pub iss: Option<String>,
    /// Accepted audience (repeat, or separate with commas): aud must hold one of them.
    #[arg(long, value_name = "AUDIENCE", value_delimiter = ',')]
    pub aud: Vec<String>,
    /// Claims that must be present, e.g. --require exp,sub.
    #[arg(long, value_name = "CLAIMS", value_delimiter = ',')]
    pub require: Vec<String>,
    /// Longest accepted lifetime (exp − iat), e.g. 1h or 900.
    #[arg(long, value_name = "SPAN")]
    pub max_lifetime: Option<String>,
    /// Verify with the keys of this JWKS URL (https; http only to loopback). Fetched once.
    #[arg(long, value_name = "URL", conflicts_with_all = ["key", "discover"])]
    pub jwks_url: Option<String>,
    /// Verify with the issuer's keys, found through OpenID Connect discovery / RFC 8414 from iss.
    #[arg(long, conflicts_with = "key")]
    pub discover: bool,
    /// Timeout for --jwks-url / --discover, in seconds.
    #[arg(long, value_name = "SECS", default_value_t = 10)]
    pub fetch_timeout: u64,
    /// Extra claim explanations: a JSON file like assets/claims.json, added to the bundled one
    /// (up to 4 MiB).
    #[arg(long, value_name = "FILE")]
    pub claims_dict: Option<std::path::PathBuf>,
}

#[derive(Debug, Args)]
pub struct EncodeArgs {
    /// Algorithm (HS256…HS512, RS256…RS512, PS256…PS512, ES256, ES384, ES512, EdDSA, none).
    #[arg(long, short = 'a', value_name = "ALG")]
    pub alg: Option<String>,
    /// Key to sign with: a secret for HS*, a private key otherwise (same forms as decode --key).
    #[arg(long, short = 'k', value_name = "KEY", allow_hyphen_values = true)]
    pub key: Option<String>,
    /// Header JSON; its members are kept as given. Default: {"alg":ALG,"typ":"JWT"}.
    #[arg(long, value_name = "JSON")]
    pub header: Option<String>,
    /// Allow alg "none", which makes a token anyone can forge.
    #[arg(long)]
    pub allow_unsecured: bool,
    /// Allow a header jwk that holds private key material, which publishes that key.
    #[arg(long)]
    pub allow_embedded_private_key: bool,
    /// Set exp: +15m, +1h, +7d, now, Unix seconds or RFC 3339.
    #[arg(long, value_name = "TIME", allow_hyphen_values = true)]
    pub exp: Option<String>,
    /// Set nbf (same forms as --exp).
    #[arg(long, value_name = "TIME", allow_hyphen_values = true)]
    pub nbf: Option<String>,
    /// Set iat (same forms as --exp). By default iat is set to now when the payload has none.
    #[arg(
        long,
        value_name = "TIME",
        allow_hyphen_values = true,
        conflicts_with = "no_iat"
    )]
    pub iat: Option<String>,
    /// Do not add iat.
    #[arg(long)]
    pub no_iat: bool,
    /// Set jti: "random" for a fresh UUID, or the value to use.
    #[arg(long, value_name = "JTI")]
    pub jti: Option<String>,
    /// Set a claim, NAME=VALUE; VALUE is parsed as JSON when it is JSON, else taken as a string.
    #[arg(long = "claim", value_name = "NAME=VALUE")]
    pub claims: Vec<String>,
    /// Payload: JSON text, @PATH, or "-" for stdin (up to 16 MiB). Default: {}.
    pub payload: Option<String>,
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

/// Parses the arguments and runs a command-line command. Opening the window is left to the
/// caller (`main.rs`), so that this module does not depend on the app.
pub fn main() -> Invocation {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            use clap::error::ErrorKind as K;
            if matches!(e.kind(), K::DisplayHelp | K::DisplayVersion) {
                let text = e.render().to_string();
                return Invocation::Done(written(
                    emit(text.trim_end_matches('\n')),
                    ExitCode::SUCCESS,
                ));
            }
            // The parser quotes what it could not place; that may be a key pasted in the wrong
            // spot, so key material is hidden before anything is printed.
            eprint!("{}", redact_key_material(&e.render().to_string()));
            return Invocation::Done(ExitCode::from(EXIT_USAGE));
        }
    };
    crate::i18n::set(cli.lang.unwrap_or_else(crate::i18n::Lang::from_env));
    Invocation::Done(match cli.command {
        None => return Invocation::Gui(None, cli.lang),
        Some(Command::Gui { token }) => return Invocation::Gui(token, cli.lang),
        Some(Command::Decode(args)) => decode(&args),
        Some(Command::Encode(args)) => encode(&args),
        Some(Command::Guess(args)) => guess(&args),
        Some(Command::Encrypt(args)) => encrypt(&args),
        Some(Command::Scan(args)) => many::scan(&args),
        Some(Command::Diff(args)) => many::diff(&args),
        Some(Command::Keygen(args)) => keygen(&args),
        Some(Command::Completions { shell }) => {
            let mut out = Vec::new();
            desktop::completions(shell, &mut out);
            written(
                emit(String::from_utf8_lossy(&out).trim_end()),
                ExitCode::SUCCESS,
            )
        }
        Some(Command::Man) => {
            let mut out = Vec::new();
            match desktop::man(&mut out) {
                Ok(()) => written(
                    emit(String::from_utf8_lossy(&out).trim_end()),
                    ExitCode::SUCCESS,
                ),
                Err(e) => fail(format!("cannot render the man page: {e}")),
            }
        }
        Some(Command::InstallDesktop { data_dir }) => {
            let exe = std::env::current_exe().unwrap_or_else(|_| "jwt-debugger".into());
            match desktop::install(data_dir.as_deref(), &exe) {
                Ok(files) => {
                    for f in files {
                        eprintln!("wrote {}", f.display());
                    }
                    ExitCode::SUCCESS
                }
                Err(e) => fail(e),
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
    eprintln!(
        "error: this build has no desktop app (built without the \"gui\" feature); use `decode` or `encode`, see --help"
    );
    ExitCode::from(EXIT_USAGE)
}

/// Writes `text` and a newline to stdout and flushes, so that a write error is seen here.
pub(super) fn emit(text: &str) -> std::io::Result<()> {
    use std::io::Write as _;
    let mut out = std::io::stdout().lock();
    writeln!(out, "{text}")?;
    out.flush()
}

/// The exit status after writing the output: a reader that went away (`| head`) ends the
/// command quietly; any other write error (a full disk) is an error with a message.
pub(super) fn written(result: std::io::Result<()>, then: ExitCode) -> ExitCode {
    match result {
        Ok(()) => then,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => fail(format!(
            "cannot write the output: {}",
            core::text::io_error_words(&e)
        )),
    }
}

pub(super) fn fail(message: impl std::fmt::Display) -> ExitCode {
    eprintln!("error: {message}");
    ExitCode::from(EXIT_USAGE)
}

use crate::clock::now_unix;

fn read_stdin(what: &str) -> Result<String, String> {
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        return Err(format!(
            "no {what}: give it as an argument or pipe it on stdin"
        ));
    }
    let bytes = core::read::read_capped(stdin.lock(), core::read::MAX_TOKEN_BYTES, "stdin")
        .map_err(|e| e.to_string())?;
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "{what} on stdin is not UTF-8 text (byte {} is invalid)",
            e.utf8_error().valid_up_to()
        )
    })
}

fn load_key(spec: &str) -> Result<KeySet, String> {
    keyarg::resolve(spec).map_err(|e| format!("--key: {e}"))
}

fn decode(args: &DecodeArgs) -> ExitCode {
    // --json is the same in every language: scripts read ids and English text.
    if args.json {
        crate::i18n::set(crate::i18n::Lang::En);
    }
    // With --json every outcome is one JSON object on stdout, errors included, so scripts
    // always have something to parse.
    let fail_json = |message: String| -> ExitCode {
        if args.json {
            let printed = emit(&serde_json::json!({ "error": message }).to_string());
            if let Err(e) = printed
                && e.kind() != std::io::ErrorKind::BrokenPipe
            {
                eprintln!(
                    "error: cannot write the output: {}",
                    core::text::io_error_words(&e)
                );
            }
        }
        fail(message)
    };
    let input = match args.token.as_deref() {
        None | Some("-") => match read_stdin("token") {
            Ok(text) => text,
            Err(e) => return fail_json(e.to_string()),
        },
        Some(token) => token.to_owned(),
    };
    let now = match &args.now {
        Some(text) => match core::time::parse_instant(text) {
            Ok(n) => n,
            Err(e) => return fail_json(format!("--now: {e}")),
        },
        None => now_unix(),
    };
    if args.leeway < 0 {
        return fail_json("--leeway must not be negative".to_string());
    }
    let policy = core::fetch::Policy {
        timeout: std::time::Duration::from_secs(args.fetch_timeout.max(1)),
        ..Default::default()
    };
    let keys = if let Some(url) = &args.jwks_url {
        match core::fetch::fetch_jwks(url, policy) {
            Ok((set, _, from)) => {
                eprintln!("fetched {} from {from}", set.describe());
                Some(set)
            }
            Err(e) => return fail_json(e.to_string()),
        }
    } else if args.discover {
        let decoded = parse::decode(&input);
        let Some(iss) = decoded
            .claims()
            .and_then(|c| c.get("iss"))
            .and_then(Value::as_str)
        else {
            return fail_json(core::fetch::FetchError::NoIssuer.to_string());
        };
        match core::fetch::discover(iss, policy) {
            Ok((set, _, url)) => {
                eprintln!("fetched {} from {url}", set.describe());
                Some(set)
            }
            Err(e) => return fail_json(e.to_string()),
        }
    } else {
        match args.key.as_deref().map(load_key).transpose() {
            Ok(k) => k,
            Err(e) => return fail_json(e.to_string()),
        }
    };
    let expectations = core::validity::Expectations {
        issuer: args.iss.clone(),
        audiences: args
            .aud
            .iter()
            .map(|a| a.trim().to_owned())
            .filter(|a| !a.is_empty())
            .collect(),
        required: args
            .require
            .iter()
            .map(|a| a.trim().to_owned())
            .filter(|a| !a.is_empty())
            .collect(),
        max_lifetime_secs: match args
            .max_lifetime
            .as_deref()
            .map(core::time::parse_span)
            .transpose()
        {
            Ok(v) => v,
            Err(e) => return fail_json(format!("--max-lifetime: {e}")),
        },
    };
    let dictionary = match &args.claims_dict {
        None => None,
        Some(path) => match core::read::read_file_capped(
            path,
            core::read::MAX_DICTIONARY_BYTES,
            "claim dictionary",
        )
        .map_err(|e| e.to_string())
        .and_then(|b| {
            String::from_utf8(b).map_err(|_| format!("{} is not UTF-8 text", path.display()))
        }) {
            Ok(text) => match core::claims::Dictionary::with_user(&text) {
                Ok(d) => Some(d),
                Err(e) => return fail_json(format!("--claims-dict {}: {e}", path.display())),
            },
            Err(e) => {
                return fail_json(format!("--claims-dict: {e}"));
            }
        },
    };
    let has_expectations = !expectations.is_empty();
    let inner_keys = match args.verify_key.as_deref() {
        None => None,
        Some(spec) => match keyarg::resolve(spec) {
            Ok(k) => Some(std::sync::Arc::new(k)),
            Err(e) => return fail_json(format!("--verify-key: {e}")),
        },
    };
    let verify_given = inner_keys.is_some();
    let options = core::Options {
        inner_keys,
        now,
        leeway_secs: args.leeway,
        expectations,
        dictionary,
        verify: core::verify::VerifyOptions {
            any_kid: args.any_kid,
            strict: args.strict,
        },
    };
    let analysis = core::analyze(&input, keys.as_ref(), options);
    let printed = if args.json {
        emit(&core::json::to_pretty(&analysis.to_json()))
    } else {
        output::print_human(&analysis)
    };
    let status = if analysis.is_malformed() {
        for e in &analysis.decoded.errors {
            eprintln!("error: {}", core::text::escape_line(&e.to_string()));
        }
        ExitCode::from(EXIT_USAGE)
    } else if !layers_pass(&analysis, keys.is_some(), verify_given) {
        ExitCode::from(EXIT_NOT_VERIFIED)
    } else if has_expectations && !analysis.validity.all_passed() {
        // With expectations stated, every check counts: an expired, not yet valid or unusable
        // time fails like a wrong issuer does.
        ExitCode::from(EXIT_NOT_VERIFIED)
    } else {
        ExitCode::SUCCESS
    };
    written(printed, status)
}

/// Whether every layer that a key was given for checks out: a JWE decrypted (and its inner token
/// verified when a verification key was given), a JWS verified.
fn layers_pass(a: &core::Analysis, key_given: bool, verify_given: bool) -> bool {
    match &a.jwe {
        Some(jwe) => {
            if !key_given {
                return true;
            }
            if jwe.status != core::jwe::JweStatus::Decrypted {
                return false;
            }
            match &a.inner {
                Some(inner) if inner.is_malformed() => false,
                Some(inner) => layers_pass(inner, verify_given, false),
                None => true,
            }
        }
        None => !key_given || a.signature.status == SignatureStatus::Verified,
    }
}

fn encrypt(args: &EncryptArgs) -> ExitCode {
    use core::jwe::{Enc, EncryptOptions, KeyAlg};
    let Some(alg) = KeyAlg::parse(&args.alg) else {
        let known: Vec<&str> = KeyAlg::ALL.iter().map(|a| a.name()).collect();
        return fail(format!(
            "--alg {}: not a JWE key management algorithm (known: {})",
            args.alg,
            known.join(", ")
        ));
    };
    let Some(enc) = Enc::parse(&args.enc) else {
        let known: Vec<&str> = Enc::ALL.iter().map(|a| a.name()).collect();
        return fail(format!(
            "--enc {}: not a JWE content encryption (known: {})",
            args.enc,
            known.join(", ")
        ));
    };
    let keys = match keyarg::resolve(&args.key) {
        Ok(k) => k,
        Err(e) => return fail(format!("--key: {e}")),
    };
    let key = match keys.keys.as_slice() {
        [one] => one,
        many => match many.iter().find(|k| {
            k.jwk_alg.as_deref() == Some(alg.name()) || k.jwk_use.as_deref() == Some("enc")
        }) {
            Some(k) => k,
            None => {
                return fail(format!(
                    "--key holds {} keys and none is marked for {alg} or use \"enc\"; give one key",
                    many.len()
                ));
            }
        },
    };
    let mut options = EncryptOptions {
        cty: args.cty.clone(),
        zip: args.zip,
        ..Default::default()
    };
    if let Some(text) = &args.header {
        match core::json::parse(text) {
            Ok(parsed) => match parsed.value {
                Value::Object(map) => options.header = map,
                other => {
                    return fail(format!(
                        "--header must be a JSON object, not {}",
                        core::json::type_name(&other)
                    ));
                }
            },
            Err(e) => return fail(format!("--header JSON, {e}")),
        }
    }
    let plaintext: Vec<u8> = match args.plaintext.as_deref() {
        None | Some("-") => {
            let stdin = std::io::stdin();
            if stdin.is_terminal() {
                return fail("no plaintext: give it as an argument, @PATH, or pipe it on stdin");
            }
            match core::read::read_capped(stdin.lock(), core::read::MAX_TOKEN_BYTES, "stdin") {
                Ok(mut bytes) => {
                    // `echo TOKEN |` adds a newline that is not part of the plaintext.
                    if bytes.ends_with(b"\r\n") {
                        bytes.truncate(bytes.len() - 2);
                    } else if bytes.ends_with(b"\n") {
                        bytes.pop();
                    }
                    bytes
                }
                Err(e) => return fail(e.to_string()),
            }
        }
        Some(spec) => match spec.strip_prefix('@') {
            Some(path) => match core::read::read_file_capped(
                std::path::Path::new(path),
                core::read::MAX_TOKEN_BYTES,
                "plaintext file",
            ) {
                Ok(bytes) => bytes,
                Err(e) => return fail(e.to_string()),
            },
            None => spec.as_bytes().to_vec(),
        },
    };
    match core::jwe::encrypt(&plaintext, alg, enc, key, &options) {
        Ok(token) => written(emit(&token), ExitCode::SUCCESS),
        Err(e) => fail(e.to_string()),
    }
}

/// Applies the encoder's claim flags to the payload JSON text.
fn apply_claim_flags(payload: &str, args: &EncodeArgs, now: i64) -> Result<String, String> {
    let no_flags = args.exp.is_none()
        && args.nbf.is_none()
        && args.jti.is_none()
        && args.claims.is_empty()
        && args.iat.is_none();
    let parsed = core::json::parse(payload)
        .map_err(|e| format!("payload JSON, {e}"))?
        .value;
    let Value::Object(mut map) = parsed else {
        if no_flags && args.no_iat {
            return Ok(payload.to_owned());
        }
        return Err(format!(
            "the payload is {}, so claims cannot be added to it; pass --no-iat and no claim flags to sign it as it is",
            core::json::type_name(&parsed)
        ));
    };
    let time = |flag: &str, spec: &str| {
        core::time::parse_time_spec(spec, now).map_err(|e| format!("--{flag}: {e}"))
    };
    match (&args.iat, args.no_iat) {
        (Some(spec), _) => {
            map.insert("iat".into(), Value::from(time("iat", spec)?));
        }
        (None, false) if !map.contains_key("iat") => {
            map.insert("iat".into(), Value::from(now));
        }
        _ => {}
    }
    if let Some(spec) = &args.nbf {
        map.insert("nbf".into(), Value::from(time("nbf", spec)?));
    }
    if let Some(spec) = &args.exp {
        map.insert("exp".into(), Value::from(time("exp", spec)?));
    }
    if let Some(jti) = &args.jti {
        let value = if jti == "random" {
            core::templates::random_jti()
        } else {
            jti.clone()
        };
        map.insert("jti".into(), Value::from(value));
    }
    for claim in &args.claims {
        let (name, raw) = claim
            .split_once('=')
            .ok_or_else(|| format!("--claim {claim}: expected NAME=VALUE"))?;
        if name.is_empty() {
            return Err(format!("--claim {claim}: the name is empty"));
        }
        let value = core::json::parse(raw)
            .map(|p| p.value)
            .unwrap_or_else(|_| Value::from(raw));
        map.insert(name.to_owned(), value);
    }
    Ok(core::json::to_compact(&Value::Object(map)))
}

fn read_payload(spec: &str) -> Result<String, String> {
    if spec == "-" {
        return read_stdin("payload");
    }
    if let Some(path) = spec.strip_prefix('@') {
        let bytes = core::read::read_file_capped(
            std::path::Path::new(path),
            core::read::MAX_TOKEN_BYTES,
            "payload file",
        )
        .map_err(|e| e.to_string())?;
        return String::from_utf8(bytes).map_err(|e| {
            format!(
                "payload file {path} is not UTF-8 text (byte {} is invalid)",
                e.utf8_error().valid_up_to()
            )
        });
    }
    Ok(spec.to_owned())
}

/// Builds the header JSON text: the user's header with `alg` set, or a default one.
fn header_text(header: Option<&str>, alg: Option<&str>) -> Result<String, String> {
    let Some(text) = header else {
        let alg = alg.ok_or("--alg is required (or give a --header with \"alg\")")?;
        let mut map = Map::new();
        map.insert("alg".into(), Value::from(alg));
        map.insert("typ".into(), Value::from("JWT"));
        return Ok(core::json::to_compact(&Value::Object(map)));
    };
    let parsed = core::json::parse(text)
        .map_err(|e| format!("--header JSON, {e}"))?
        .value;
    let Value::Object(given) = parsed else {
        return Err(format!(
            "--header must be a JSON object, not {}",
            core::json::type_name(&parsed)
        ));
    };
    let Some(alg) = alg else {
        return Ok(core::json::to_compact(&Value::Object(given)));
    };
    let mut map = Map::new();
    if !given.contains_key("alg") {
        map.insert("alg".into(), Value::from(alg));
    }
    for (k, v) in given {
        let v = if k == "alg" { Value::from(alg) } else { v };
        map.insert(k, v);
    }
    Ok(core::json::to_compact(&Value::Object(map)))
}

fn encode(args: &EncodeArgs) -> ExitCode {
    if let Some(alg) = &args.alg
        && let Err(e) = alg.parse::<Alg>()
    {
        return fail(format!("--alg: {e}"));
    }
    let header = match header_text(args.header.as_deref(), args.alg.as_deref()) {
        Ok(h) => h,
        Err(e) => return fail(e),
    };
    let payload = match read_payload(args.payload.as_deref().unwrap_or("{}")) {
        Ok(p) => p,
        Err(e) => return fail(e),
    };
    let payload = match apply_claim_flags(&payload, args, now_unix()) {
        Ok(p) => p,
        Err(e) => return fail(e),
    };
    let keys = match args.key.as_deref().map(load_key).transpose() {
        Ok(k) => k,
        Err(e) => return fail(e),
    };
    let key = match &keys {
        Some(set) if set.keys.len() != 1 => {
            return fail("--key: a JWKS holds several keys; give the one private key to sign with");
        }
        Some(set) => set.keys.first(),
        None => None,
    };
    let unsecured = if args.allow_unsecured {
        sign::Unsecured::DangerouslyAllow
    } else {
        sign::Unsecured::Refuse
    };
    let embedded = if args.allow_embedded_private_key {
        sign::EmbeddedPrivateKey::DangerouslyAllow
    } else {
        sign::EmbeddedPrivateKey::Refuse
    };
    match sign::sign_guarded(&header, &payload, key, unsecured, embedded) {
        Ok(signed) => {
            if signed.alg == Alg::None {
                eprintln!("warning: alg none: this token is not signed and anyone can forge it");
            }
            written(emit(&signed.token), ExitCode::SUCCESS)
        }
        Err(sign::SignError::EmbeddedPrivateKey) => fail(
            "the header's jwk holds a private key, which the token would publish; pass --allow-embedded-private-key if that is really what you want",
        ),
        Err(sign::SignError::UnsecuredNotAllowed) => fail(
            "alg \"none\" makes an unsecured token that anyone can forge; pass --allow-unsecured if that is really what you want",
        ),
        Err(e) => fail(e),
    }
}

fn guess(args: &GuessArgs) -> ExitCode {
    use core::guess::{Outcome, Progress, Target};
    let input = match args.token.as_deref() {
        None | Some("-") => match read_stdin("token") {
            Ok(text) => text,
            Err(e) => return fail(e),
        },
        Some(token) => token.to_owned(),
    };
    let decoded = parse::decode(&input);
    if let Some(e) = decoded.errors.first() {
        return fail(e);
    }
    let target = match Target::from_decoded(&decoded) {
        Ok(t) => t,
        Err(e) => return fail(e),
    };
    let progress = Progress::default();
    let started = std::time::Instant::now();
    let mut outcome = target.guess_bundled(&progress);
    if let (Outcome::NotFound { .. }, Some(path)) = (&outcome, &args.wordlist) {
        let file = match std::fs::File::open(path) {
            Ok(f) => f,
            Err(e) => return fail(format!("--wordlist: cannot open {}: {e}", path.display())),
        };
        outcome =
            match target.guess_lines(std::io::BufReader::with_capacity(1 << 20, file), &progress) {
                Ok(o) => o,
                Err(e) => return fail(format!("--wordlist: reading {}: {e}", path.display())),
            };
    }
    let secs = started.elapsed().as_secs_f64();
    match outcome {
        Outcome::Found { secret, tried } => {
            let shown = match String::from_utf8(secret) {
                Ok(text) => core::text::escape_line(&text).into_owned(),
                Err(e) => format!("hex:{}", parse::hex(e.as_bytes()).replace(' ', "")),
            };
            eprintln!("found after {tried} candidate(s) in {secs:.2} s");
            written(emit(&shown), ExitCode::SUCCESS)
        }
        Outcome::NotFound { tried } | Outcome::Cancelled { tried } => {
            eprintln!("not found: {tried} candidate(s) tried in {secs:.2} s");
            ExitCode::from(EXIT_NOT_VERIFIED)
        }
    }
}

/// Writes `contents` to `dir/name`, refusing to overwrite; secret files get mode 0600.
fn write_new(
    dir: &std::path::Path,
    name: &str,
    contents: &str,
    secret: bool,
) -> Result<std::path::PathBuf, String> {
    use std::io::Write as _;
    let path = dir.join(name);
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.mode(if secret { 0o600 } else { 0o644 });
    }
    #[cfg(not(unix))]
    let _ = secret;
    let mut file = options
        .open(&path)
        .map_err(|e| format!("cannot create {}: {e}", path.display()))?;
    file.write_all(contents.as_bytes())
        .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    Ok(path)
}

/// The key kind a JWE key management algorithm needs.
fn jwe_key_kind(
    alg: core::jwe::KeyAlg,
    args: &KeygenArgs,
) -> Result<core::keygen::KeyKind, String> {
    use core::jwe::{Enc, KeyNeed};
    use core::keygen::KeyKind;
    let enc = match &args.enc {
        None => Enc::A256Gcm,
        Some(name) => Enc::parse(name).ok_or_else(|| format!("--enc {name}: not a JWE enc"))?,
    };
    Ok(match alg.needs(enc) {
        KeyNeed::Rsa => KeyKind::Rsa(2048),
        KeyNeed::Ecdh => match args.crv.as_deref().unwrap_or("P-256") {
            "X25519" => KeyKind::X25519,
            name => KeyKind::Ec(
                core::alg::Curve::from_name(name)
                    .ok_or_else(|| format!("--crv {name}: use P-256, P-384, P-521 or X25519"))?,
            ),
        },
        KeyNeed::Secret(n) => KeyKind::Secret(n),
        KeyNeed::Password => {
            return Err(format!(
                "{alg} takes a password, not a generated key: choose a long passphrase"
            ));
        }
    })
}

fn keygen(args: &KeygenArgs) -> ExitCode {
    use core::keygen::{KeyKind, generate};
    let jwe_alg = core::jwe::KeyAlg::parse(&args.alg);
    let (alg_name, usage, mut kind) = match (args.alg.parse::<Alg>(), jwe_alg) {
        (_, Some(jwe)) => match jwe_key_kind(jwe, args) {
            Ok(kind) => (jwe.name(), "enc", kind),
            Err(e) => return fail(e),
        },
        (Ok(alg), None) => match KeyKind::for_alg(alg) {
            Some(kind) => (alg.name(), "sig", kind),
            None => return fail("--alg none takes no key"),
        },
        (Err(e), None) => return fail(format!("--alg: {e}")),
    };
    let alg = alg_name;
    if let KeyKind::Rsa(_) = kind {
        if ![2048, 3072, 4096].contains(&args.bits) {
            return fail(format!("--bits {}: use 2048, 3072 or 4096", args.bits));
        }
        kind = KeyKind::Rsa(args.bits);
    }
    let key = match generate(kind) {
        Ok(k) => k,
        Err(e) => return fail(e),
    };
    let mut files: Vec<(&str, String, bool)> = Vec::new();
    if key.is_secret() {
        let k = core::export::jwk(&key, true)["k"]
            .as_str()
            .unwrap_or_default()
            .to_owned();
        files.push(("secret.b64url", format!("{k}\n"), true));
    } else {
        let with_alg = |mut v: Value| {
            if let Some(o) = v.as_object_mut() {
                o.insert("alg".into(), Value::from(alg));
                o.insert("use".into(), Value::from(usage));
            }
            serde_json::to_string_pretty(&v).unwrap_or_default() + "\n"
        };
        match (
            core::export::private_pem(&key),
            core::export::public_pem(&key),
        ) {
            (Ok(private), Ok(public)) => {
                files.push(("private.pem", private.to_string(), true));
                files.push(("public.pem", public, false));
            }
            (Err(e), _) | (_, Err(e)) => return fail(e),
        }
        files.push((
            "private.jwk.json",
            with_alg(core::export::jwk(&key, true)),
            true,
        ));
        files.push((
            "public.jwk.json",
            with_alg(core::export::jwk(&key, false)),
            false,
        ));
    }
    match &args.out {
        None => {
            for (name, contents, _) in &files {
                let printed = emit(&format!("# {name}\n{}", contents.trim_end()));
                if printed.is_err() {
                    return written(printed, ExitCode::SUCCESS);
                }
            }
        }
        Some(dir) => {
            if let Err(e) = std::fs::create_dir_all(dir) {
                return fail(format!("cannot create {}: {e}", dir.display()));
            }
            for (name, contents, secret) in &files {
                match write_new(dir, name, contents, *secret) {
                    Ok(path) => eprintln!("wrote {}", path.display()),
                    Err(e) => return fail(e),
                }
            }
            eprintln!(
                "{} for {alg}, thumbprint {}",
                key.describe(),
                key.thumbprint()
            );
        }
    }
    ExitCode::SUCCESS
}
