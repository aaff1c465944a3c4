//! `encrypt`: wrap a plaintext (a token, JSON, any text) in a compact JWE.

use std::process::ExitCode;

use clap::Args;
use serde_json::Value;

use super::input;
use super::out::{self, Out};
use crate::core;

pub const EXAMPLES: &str = "\
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
    #[command(flatten)]
    pub lang: super::LangArg,
}

pub fn run(args: &EncryptArgs) -> ExitCode {
    use core::jwe::{Enc, EncryptOptions, KeyAlg};
    let Some(alg) = KeyAlg::parse(&args.alg) else {
        let known: Vec<&str> = KeyAlg::ALL.iter().map(|a| a.name()).collect();
        return out::fail(format!(
            "--alg {}: not a JWE key management algorithm (known: {})",
            args.alg,
            known.join(", ")
        ));
    };
    let Some(enc) = Enc::parse(&args.enc) else {
        let known: Vec<&str> = Enc::ALL.iter().map(|a| a.name()).collect();
        return out::fail(format!(
            "--enc {}: not a JWE content encryption (known: {})",
            args.enc,
            known.join(", ")
        ));
    };
    let keys = match input::key_arg("--key", &args.key) {
        Ok(k) => k,
        Err(e) => return out::fail(e),
    };
    let key = match keys.keys.as_slice() {
        [one] => one,
        many => match many.iter().find(|k| {
            k.jwk_alg.as_deref() == Some(alg.name()) || k.jwk_use.as_deref() == Some("enc")
        }) {
            Some(k) => k,
            None => {
                return out::fail(format!(
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
                    return out::fail(format!(
                        "--header must be a JSON object, not {}",
                        core::json::type_name(&other)
                    ));
                }
            },
            Err(e) => return out::fail(format!("--header JSON, {e}")),
        }
    }
    let plaintext: Vec<u8> = match args.plaintext.as_deref() {
        None | Some("-") => match input::stdin_bytes("plaintext", core::read::MAX_TOKEN_BYTES) {
            Ok(mut bytes) => {
                // `echo TOKEN |` adds a newline that is not part of the plaintext.
                if bytes.ends_with(b"\r\n") {
                    bytes.truncate(bytes.len() - 2);
                } else if bytes.ends_with(b"\n") {
                    bytes.pop();
                }
                bytes
            }
            Err(e) => return out::fail(e),
        },
        Some(spec) => match spec.strip_prefix('@') {
            Some(path) => match core::read::read_file_capped(
                std::path::Path::new(path),
                core::read::MAX_TOKEN_BYTES,
                "plaintext file",
            ) {
                Ok(bytes) => bytes,
                Err(e) => return out::fail(e),
            },
            None => spec.as_bytes().to_vec(),
        },
    };
    match core::jwe::encrypt(&plaintext, alg, enc, key, &options) {
        Ok(token) => {
            let mut o = Out::new();
            o.line(token.as_str());
            out::finish(o, ExitCode::SUCCESS)
        }
        Err(e) => out::fail(e),
    }
}
