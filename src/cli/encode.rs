//! `encode`: make a signed token from a header, a payload and a key.

use std::process::ExitCode;

use clap::Args;
use serde_json::{Map, Value};

use super::input;
use super::out::{self, Out};
use crate::core::{Alg, sdjwt, sign};

pub const EXAMPLES: &str = "\
Examples:
  jwt-debugger encode --alg HS256 --key 'your-256-bit-secret' '{\"sub\":\"1234567890\"}'
  jwt-debugger encode --alg RS256 --key @private.pem --header '{\"kid\":\"k1\"}' @claims.json
  echo '{\"sub\":\"svc\"}' | jwt-debugger encode --alg EdDSA --key @ed25519.pem -
  jwt-debugger encode --alg none --allow-unsecured '{\"sub\":\"test\"}'
  jwt-debugger encode --alg HS256 --key @secret.txt --exp +1h --jti random --claim sub=alice --claim 'roles=[\"admin\"]'

SD-JWT (RFC 9901): --sd makes the claim at a JSON pointer selectively disclosable (repeat it;
a pointer under another makes a recursive disclosure), with fresh 128-bit salts and decoy
digests; --holder-key binds the holder's public key in cnf.jwk. The output is the issuance:
the signed JWT, then every disclosure, each followed by '~'.
  jwt-debugger encode --alg ES256 --key @issuer.pem --sd /given_name --sd /address/street_address \\
      --sd /nationalities/1 --holder-key @holder-public.jwk @claims.json

The header's members are kept in the order given; --alg sets (or replaces) its \"alg\".";

#[derive(Debug, Args)]
pub struct EncodeArgs {
    /// Algorithm (HS256…HS512, RS256…RS512, PS256…PS512, ES256, ES384, ES512, EdDSA, none).
    #[arg(long, short = 'a', value_name = "ALG")]
    pub alg: Option<String>,
    /// Key to sign with: a secret for HS*, a private key otherwise (same forms as decode --key).
    /// With --serialization general, repeat it: one signature per key.
    #[arg(long, short = 'k', value_name = "KEY", allow_hyphen_values = true)]
    pub key: Vec<String>,
    /// compact (header.payload.signature, the default), or a JWS JSON serialization:
    /// flattened (one signature) or general (one signature per --key).
    #[arg(long, value_name = "FORM", default_value = "compact", value_parser = ["compact", "flattened", "general"])]
    pub serialization: String,
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
    /// SD-JWT: make the claim at this JSON pointer selectively disclosable (repeat; e.g.
    /// /given_name, /address/street_address, /nationalities/1).
    #[arg(long = "sd", value_name = "POINTER")]
    pub sd: Vec<String>,
    /// SD-JWT: decoy digests to add, so the count of hidden claims says nothing.
    #[arg(long, value_name = "N", default_value_t = 2, requires = "sd")]
    pub sd_decoys: usize,
    /// SD-JWT: the hash of the disclosures' digests (sha-256, sha-384, sha-512, sha3-256, …).
    #[arg(long, value_name = "HASH", default_value = "sha-256", requires = "sd")]
    pub sd_alg: String,
    /// SD-JWT: the holder's public key, bound in cnf.jwk (same forms as --key).
    #[arg(long, value_name = "KEY", allow_hyphen_values = true, requires = "sd")]
    pub holder_key: Option<String>,
    /// Payload: JSON text, @PATH, or "-" for stdin (up to 16 MiB). Default: {}.
    pub payload: Option<String>,
    #[command(flatten)]
    pub lang: super::LangArg,
}

/// Applies the encoder's claim flags to the payload JSON text.
fn apply_claim_flags(payload: &str, args: &EncodeArgs, now: i64) -> Result<String, String> {
    let no_flags = args.exp.is_none()
        && args.nbf.is_none()
        && args.jti.is_none()
        && args.claims.is_empty()
        && args.iat.is_none();
    let parsed = crate::core::json::parse(payload)
        .map_err(|e| format!("payload JSON, {e}"))?
        .value;
    let Value::Object(mut map) = parsed else {
        if no_flags && args.no_iat {
            return Ok(payload.to_owned());
        }
        return Err(format!(
            "the payload is {}, so claims cannot be added to it; pass --no-iat and no claim flags to sign it as it is",
            crate::core::json::type_name(&parsed)
        ));
    };
    let time = |flag: &str, spec: &str| {
        crate::core::time::parse_time_spec(spec, now).map_err(|e| format!("--{flag}: {e}"))
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
            crate::core::templates::random_jti()
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
        let value = crate::core::json::parse(raw)
            .map(|p| p.value)
            .unwrap_or_else(|_| Value::from(raw));
        map.insert(name.to_owned(), value);
    }
    Ok(crate::core::json::to_compact(&Value::Object(map)))
}

/// `--serialization flattened|general`: one signature per key, each with its own protected
/// header (the `--header` given, `alg` the key's or `--alg`).
fn json_serialization(args: &EncodeArgs, payload: &str, sd: bool) -> ExitCode {
    if sd {
        return out::fail(
            "--sd makes a compact SD-JWT; it cannot be combined with --serialization",
        );
    }
    if args.key.is_empty() {
        return out::fail("--serialization needs --key (one per signature)");
    }
    if args.serialization == "flattened" && args.key.len() > 1 {
        return out::fail(
            "--serialization flattened has one signature; use general for several keys",
        );
    }
    let mut payload_b64 = String::new();
    let mut signatures = Vec::new();
    for spec in &args.key {
        let set = match input::key_arg("--key", spec) {
            Ok(set) => set,
            Err(e) => return out::fail(e),
        };
        let Some(key) = set.keys.first() else {
            return out::fail(format!("--key {spec}: no key"));
        };
        let alg = match &args.alg {
            Some(a) => a.clone(),
            None => match key.algorithms().first() {
                Some(a) => a.name().to_owned(),
                None => return out::fail("--alg: this key signs with no algorithm known here"),
            },
        };
        let header = match header_text(args.header.as_deref(), Some(&alg), false) {
            Ok(h) => h,
            Err(e) => return out::fail(e),
        };
        match sign::sign_guarded(
            &header,
            payload,
            Some(key),
            sign::Unsecured::Refuse,
            sign::EmbeddedPrivateKey::Refuse,
        ) {
            Ok(signed) => {
                let mut parts = signed.token.splitn(3, '.');
                let protected = parts.next().unwrap_or_default().to_owned();
                payload_b64 = parts.next().unwrap_or_default().to_owned();
                let signature = parts.next().unwrap_or_default().to_owned();
                signatures
                    .push(serde_json::json!({ "protected": protected, "signature": signature }));
            }
            Err(e) => return out::fail(format!("--key {spec}: {e}")),
        }
    }
    let doc = if args.serialization == "flattened" {
        let mut one = signatures.remove(0);
        one["payload"] = Value::from(payload_b64);
        one
    } else {
        serde_json::json!({ "payload": payload_b64, "signatures": signatures })
    };
    let mut o = Out::new();
    o.line(doc.to_string().as_str());
    out::finish(o, ExitCode::SUCCESS)
}

/// With `--sd`: the payload with the named claims replaced by digests, and the disclosures.
fn selectively_disclosable(
    payload: &str,
    args: &EncodeArgs,
) -> Result<(String, Vec<String>), String> {
    if args.sd.is_empty() {
        return Ok((payload.to_owned(), Vec::new()));
    }
    let hash = sdjwt::HashAlg::parse(&args.sd_alg).ok_or_else(|| {
        format!(
            "--sd-alg: \"{}\" is not one of {}",
            args.sd_alg,
            sdjwt::HashAlg::ALL.map(sdjwt::HashAlg::name).join(", ")
        )
    })?;
    let holder_key = match &args.holder_key {
        None => None,
        Some(spec) => {
            let set = input::key_arg("--holder-key", spec)?;
            let [key] = set.keys.as_slice() else {
                return Err("--holder-key: give one key, not a set".to_owned());
            };
            if key.is_secret() {
                return Err(
                    "--holder-key: a holder key is a public key (EC, RSA, OKP), not a secret"
                        .to_owned(),
                );
            }
            Some(key.clone())
        }
    };
    let parsed = crate::core::json::parse(payload)
        .map_err(|e| format!("payload JSON, {e}"))?
        .value;
    let Value::Object(mut claims) = parsed else {
        return Err("--sd: the payload must be a JSON object".to_owned());
    };
    let what = sdjwt::issue::Disclosable {
        pointers: args.sd.clone(),
        decoys: args.sd_decoys,
        hash,
        holder_key,
    };
    let disclosures =
        sdjwt::issue::make_disclosable(&mut claims, &what).map_err(|e| format!("--sd: {e}"))?;
    Ok((
        crate::core::json::to_compact(&Value::Object(claims)),
        disclosures,
    ))
}

/// Builds the header JSON text: the user's header with `alg` set, or a default one.
fn header_text(header: Option<&str>, alg: Option<&str>, sd: bool) -> Result<String, String> {
    let Some(text) = header else {
        let alg = alg.ok_or("--alg is required (or give a --header with \"alg\")")?;
        let mut map = Map::new();
        map.insert("alg".into(), Value::from(alg));
        map.insert("typ".into(), Value::from(if sd { "sd+jwt" } else { "JWT" }));
        return Ok(crate::core::json::to_compact(&Value::Object(map)));
    };
    let parsed = crate::core::json::parse(text)
        .map_err(|e| format!("--header JSON, {e}"))?
        .value;
    let Value::Object(given) = parsed else {
        return Err(format!(
            "--header must be a JSON object, not {}",
            crate::core::json::type_name(&parsed)
        ));
    };
    let header = match alg {
        Some(alg) => sign::with_alg(given, alg),
        None => given,
    };
    Ok(crate::core::json::to_compact(&Value::Object(header)))
}

pub fn run(args: &EncodeArgs) -> ExitCode {
    if let Some(alg) = &args.alg
        && let Err(e) = alg.parse::<Alg>()
    {
        return out::fail(format!("--alg: {e}"));
    }
    let payload = match input::text_arg(Some(args.payload.as_deref().unwrap_or("{}")), "payload") {
        Ok(p) => p,
        Err(e) => return out::fail(e),
    };
    let payload = match apply_claim_flags(&payload, args, crate::clock::now_unix()) {
        Ok(p) => p,
        Err(e) => return out::fail(e),
    };
    let (payload, disclosures) = match selectively_disclosable(&payload, args) {
        Ok(made) => made,
        Err(e) => return out::fail(e),
    };
    if args.serialization != "compact" {
        return json_serialization(args, &payload, !disclosures.is_empty());
    }
    if args.key.len() > 1 {
        return out::fail(
            "--key: a compact token has one signature; give several keys with --serialization general",
        );
    }
    let header = match header_text(
        args.header.as_deref(),
        args.alg.as_deref(),
        !args.sd.is_empty(),
    ) {
        Ok(h) => h,
        Err(e) => return out::fail(e),
    };
    let keys = match args
        .key
        .first()
        .map(|spec| input::key_arg("--key", spec))
        .transpose()
    {
        Ok(k) => k,
        Err(e) => return out::fail(e),
    };
    let key = match &keys {
        Some(set) if set.keys.len() != 1 => {
            return out::fail(
                "--key: a JWKS holds several keys; give the one private key to sign with",
            );
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
                out::warning("alg none: this token is not signed and anyone can forge it");
            }
            let mut o = Out::new();
            if disclosures.is_empty() {
                o.line(signed.token.as_str());
            } else {
                let mut issuance = signed.token;
                issuance.push('~');
                for d in &disclosures {
                    issuance.push_str(d);
                    issuance.push('~');
                }
                o.line(issuance.as_str());
            }
            out::finish(o, ExitCode::SUCCESS)
        }
        Err(sign::SignError::EmbeddedPrivateKey) => out::fail(
            "the header's jwk holds a private key, which the token would publish; pass --allow-embedded-private-key if that is really what you want",
        ),
        Err(sign::SignError::UnsecuredNotAllowed) => out::fail(
            "alg \"none\" makes an unsecured token that anyone can forge; pass --allow-unsecured if that is really what you want",
        ),
        Err(e) => out::fail(e),
    }
}
