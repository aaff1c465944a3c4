//! `keygen`: a key pair (or an HMAC secret) for an algorithm, in PEM and JWK.

use std::process::ExitCode;

use clap::Args;
use serde_json::Value;

use super::out::{self, Out};
use crate::core::{self, Alg};

pub const EXAMPLES: &str = "\
Examples:
  jwt-debugger keygen --alg ES256 --out keys/
  jwt-debugger keygen --alg RS256 --bits 4096 --out keys/
  jwt-debugger keygen --alg HS512

With --out DIR: private.pem (PKCS#8), public.pem (SPKI), private.jwk.json and public.jwk.json (kid =
RFC 7638 thumbprint) for asymmetric algorithms, secret.b64url for HS*; files holding secrets are
created with mode 0600. Without --out everything is printed.";

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
    #[command(flatten)]
    pub lang: super::LangArg,
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

pub fn run(args: &KeygenArgs) -> ExitCode {
    use core::keygen::{KeyKind, generate};
    let jwe_alg = core::jwe::KeyAlg::parse(&args.alg);
    let (alg_name, usage, mut kind) = match (args.alg.parse::<Alg>(), jwe_alg) {
        (_, Some(jwe)) => match jwe_key_kind(jwe, args) {
            Ok(kind) => (jwe.name(), "enc", kind),
            Err(e) => return out::fail(e),
        },
        (Ok(alg), None) => match KeyKind::for_alg(alg) {
            Some(kind) => (alg.name(), "sig", kind),
            None => return out::fail("--alg none takes no key"),
        },
        (Err(e), None) => return out::fail(format!("--alg: {e}")),
    };
    let alg = alg_name;
    if let KeyKind::Rsa(_) = kind {
        if ![2048, 3072, 4096].contains(&args.bits) {
            return out::fail(format!("--bits {}: use 2048, 3072 or 4096", args.bits));
        }
        kind = KeyKind::Rsa(args.bits);
    }
    let key = match generate(kind) {
        Ok(k) => k,
        Err(e) => return out::fail(e),
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
            (Err(e), _) | (_, Err(e)) => return out::fail(e),
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
            let mut o = Out::new();
            for (name, contents, _) in &files {
                o.line(format!("# {name}"));
                o.block(anstyle::Style::new(), 0, contents.trim_end());
            }
            out::finish(o, ExitCode::SUCCESS)
        }
        Some(dir) => {
            if let Err(e) = std::fs::create_dir_all(dir) {
                return out::fail(format!(
                    "cannot create {}: {}",
                    dir.display(),
                    core::text::io_error_words(&e)
                ));
            }
            let paths: Vec<(std::path::PathBuf, Vec<u8>, bool)> = files
                .iter()
                .map(|(name, contents, secret)| {
                    (dir.join(name), contents.as_bytes().to_vec(), *secret)
                })
                .collect();
            // Every file or none: a key pair with one half missing is worse than no key pair.
            if let Err(e) = core::files::write_all_new(&paths) {
                return out::fail(e);
            }
            for (path, _, _) in &paths {
                out::err(format!("wrote {}", path.display()));
            }
            out::err(format!(
                "{} for {alg}, thumbprint {}",
                key.describe(),
                key.thumbprint()
            ));
            ExitCode::SUCCESS
        }
    }
}
