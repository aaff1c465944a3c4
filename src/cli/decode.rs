//! `decode`: read a token, verify it, check its times, explain it.

use std::process::ExitCode;

use clap::Args;
use serde_json::Value;

use super::out::{self, Out};
use super::{EXIT_NOT_VERIFIED, EXIT_USAGE, input};
use crate::core::{self, parse, verdict};

pub const EXAMPLES: &str = "\
Examples:
  jwt-debugger decode eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln
  pbpaste | jwt-debugger decode --key 'your-256-bit-secret'
  jwt-debugger decode \"$TOKEN\" --key @public.pem --json | jq .signature.status
  jwt-debugger decode \"$TOKEN\" --key @jwks.json --now 2026-01-01T00:00:00Z
  jwt-debugger decode \"$TOKEN\" --iss https://login.example.com/ --aud api1,api2 --require exp,sub --max-lifetime 1h
  jwt-debugger decode \"$TOKEN\" --discover
  jwt-debugger decode \"$SD_JWT\" --key @issuer.jwk --kb-aud https://verifier.example --kb-nonce n-0S6
  jwt-debugger decode \"$TOKEN\" --jwks-url https://login.example.com/.well-known/jwks.json

Keys (--key): a UTF-8 secret; b64:SECRET, b64url:SECRET or hex:SECRET for encoded bytes;
@PATH to read a file (PEM, DER, JWK, JWKS, an OpenSSH public key, or a secret; a binary file
that is not a DER key is the secret's bytes); env:NAME for an environment variable; or PEM /
JWK / JWKS / OpenSSH text itself. Public-key text is never used as an HMAC secret.

JWKS: only keys for signatures (use sig, key_ops verify) are tried; a kid that names no key is
key_mismatch unless --any-kid is given; at most 100 keys are tried.

Nested tokens: every encrypted layer is opened with --key, and a signed token inside an encrypted
one is verified with --verify-key; tokens are opened 4 layers deep at most. The verdict covers
every layer: a layer that fails fails the whole, and a layer left unopened is said.

Limits: tokens and stdin 16 MiB, key files and claim dictionaries 4 MiB, JWKS 1,000 keys,
JSON nesting 128 levels, 500,000 JSON values.

Exit status: 0 decoded (and, when a key was given, verified and within its time window);
1 a key was given and some layer is not verified (bad signature, wrong key, nested too deep), or
the token is expired or not yet valid (--ignore-exp, --ignore-nbf and --leeway accept it), or an
expectation (--iss, --aud, --require, --max-lifetime) failed, times included; 2 malformed token,
unreadable input or usage error. An SD-JWT whose disclosures break RFC 9901 §7.1, or whose
key-binding JWT is present and not verified, exits 1 too.

SD-JWT (RFC 9901): <JWT>~<disclosure>~…~[<key-binding JWT>] is decoded into its processed
claims; the key binding is checked with cnf.jwk (or --holder-key), --kb-max-age, --kb-aud and
--kb-nonce. With --json, errors are a JSON object with \"error\" too.";

#[derive(Debug, Args)]
pub struct DecodeArgs {
    /// The token (or text containing it, like "Authorization: Bearer …"); "-" or nothing reads
    /// stdin. Up to 16 MiB.
    pub token: Option<String>,
    /// Key to verify with, or for an encrypted token (JWE) to decrypt with (see below). May start
    /// with '-' (PEM text). Key files up to 4 MiB; a JWKS is read up to 1,000 keys. Repeat it
    /// for a JWS JSON serialization with several signatures: every key is tried.
    #[arg(long, short = 'k', value_name = "KEY", allow_hyphen_values = true)]
    pub key: Vec<String>,
    /// The content of a token with a detached payload (header..signature, RFC 7515 Appendix
    /// F), also unencoded (b64: false, RFC 7797): text, @PATH or "-" for stdin.
    #[arg(long, value_name = "PAYLOAD", allow_hyphen_values = true)]
    pub payload: Option<String>,
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
    /// Accept a verified token whose exp has passed (or is unusable): exit 0 instead of 1.
    #[arg(long)]
    pub ignore_exp: bool,
    /// Accept a verified token that is not valid yet (nbf, or iat in the future).
    #[arg(long)]
    pub ignore_nbf: bool,
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
    /// SD-JWT: the holder's public key, when the issuer names it in cnf only by kid or jkt
    /// (with cnf.jwk the key is taken from the token).
    #[arg(long, value_name = "KEY", allow_hyphen_values = true)]
    pub holder_key: Option<String>,
    /// SD-JWT: the oldest accepted key-binding JWT (its iat), e.g. 5m or 300.
    #[arg(long, value_name = "SPAN", default_value = "5m")]
    pub kb_max_age: String,
    /// SD-JWT: the audience the key-binding JWT must name (the verifier).
    #[arg(long, value_name = "AUDIENCE")]
    pub kb_aud: Option<String>,
    /// SD-JWT: the nonce the key-binding JWT must carry.
    #[arg(long, value_name = "NONCE")]
    pub kb_nonce: Option<String>,
    /// The kind of token to check the rules of: access_token, dpop_proof, id_token,
    /// logout_token, security_event, client_assertion, request_object, kb_jwt,
    /// entity_statement, status_list, sd_jwt_vc, token_introspection, jwt; or any (detect from
    /// typ and claims).
    #[arg(long, value_name = "NAME", default_value = "any")]
    pub profile: String,
    /// DPoP: the HTTP method of the request the proof came with (htm).
    #[arg(long, value_name = "METHOD")]
    pub dpop_method: Option<String>,
    /// DPoP: the URL of the request (htu; query and fragment ignored).
    #[arg(long, value_name = "URL")]
    pub dpop_url: Option<String>,
    /// DPoP: the nonce the server gave.
    #[arg(long, value_name = "NONCE")]
    pub dpop_nonce: Option<String>,
    /// DPoP: the oldest accepted proof (its iat), e.g. 5m or 300.
    #[arg(long, value_name = "SPAN", default_value = "5m")]
    pub dpop_max_age: String,
    /// The access token a DPoP proof (ath, cnf.jkt) or an ID token (at_hash) goes with: text,
    /// @PATH or env:NAME.
    #[arg(long, value_name = "TOKEN")]
    pub access_token: Option<String>,
    /// ID token: the authorization code c_hash is over.
    #[arg(long, value_name = "CODE")]
    pub code: Option<String>,
    /// ID token: the nonce sent in the authentication request.
    #[arg(long, value_name = "NONCE")]
    pub nonce: Option<String>,
    /// Status list token: show the status of this index.
    #[arg(long, value_name = "N")]
    pub status_index: Option<u64>,
    /// Extra claim explanations: a JSON file like assets/claims.json, added to the bundled one
    /// (up to 4 MiB).
    #[arg(long, value_name = "FILE")]
    pub claims_dict: Option<std::path::PathBuf>,
    #[command(flatten)]
    pub lang: super::LangArg,
}

/// Everything `decode` needs besides the token, read from the arguments.
struct Prepared {
    keys: Option<core::KeySet>,
    options: core::Options,
    policy: verdict::Policy,
}

pub fn run(args: &DecodeArgs) -> ExitCode {
    // With --json every outcome is one JSON object on stdout, errors included, so scripts
    // always have something to parse.
    let fail = |message: String| -> ExitCode {
        if args.json {
            let mut o = Out::new();
            o.json(&serde_json::json!({ "error": message }), false);
            o.finish().ok();
        }
        out::fail(message)
    };
    let input = match input::token_arg(args.token.as_deref()) {
        Ok(text) => text,
        Err(e) => return fail(e.to_string()),
    };
    let prepared = match prepare(args, &input) {
        Ok(p) => p,
        Err(e) => return fail(e),
    };
    let has_expectations = !prepared.options.expectations.is_empty();
    let analysis = match &args.payload {
        None => core::analyze(&input, prepared.keys.as_ref(), prepared.options),
        Some(spec) => {
            let payload = match input::text_arg(Some(spec), "payload") {
                Ok(p) => p,
                Err(e) => return fail(format!("--payload: {e}")),
            };
            let decoded = parse::decode_detached(&input, payload.as_bytes());
            core::analyze_decoded(decoded, prepared.keys.as_ref(), prepared.options)
        }
    };
    let verdict = verdict::verdict(&analysis, &prepared.policy);
    let mut o = Out::new();
    if args.json {
        let mut doc = analysis.to_json();
        if let Value::Object(map) = &mut doc {
            map.insert(
                "verdict".into(),
                serde_json::to_value(&verdict).unwrap_or_default(),
            );
        }
        o.json(&doc, true);
    } else {
        super::human::analysis(&mut o, &analysis);
        super::human::verdict(&mut o, &verdict, &prepared.policy);
    }
    let status = if analysis.is_malformed() {
        for e in &analysis.decoded.errors {
            out::error(e);
        }
        ExitCode::from(EXIT_USAGE)
    } else if !verdict.passes(&prepared.policy) {
        ExitCode::from(EXIT_NOT_VERIFIED)
    } else if has_expectations && !verdict::innermost(&analysis).validity.all_passed() {
        // With expectations stated, every check counts: an expired, not yet valid or unusable
        // time fails like a wrong issuer does.
        ExitCode::from(EXIT_NOT_VERIFIED)
    } else {
        ExitCode::SUCCESS
    };
    out::finish(o, status)
}

fn prepare(args: &DecodeArgs, input: &str) -> Result<Prepared, String> {
    let now = input::now_arg(args.now.as_deref())?;
    if args.leeway < 0 {
        return Err("--leeway must not be negative".to_owned());
    }
    let policy = core::fetch::Policy {
        timeout: std::time::Duration::from_secs(args.fetch_timeout.max(1)),
        ..Default::default()
    };
    let keys = if let Some(url) = &args.jwks_url {
        let (set, _, from) = core::fetch::fetch_jwks(url, policy).map_err(|e| e.to_string())?;
        out::err(format!("fetched {} from {from}", set.describe()));
        Some(set)
    } else if args.discover {
        let decoded = parse::decode(input);
        let iss = decoded
            .claims()
            .and_then(|c| c.get("iss"))
            .and_then(Value::as_str)
            .ok_or_else(|| core::fetch::FetchError::NoIssuer.to_string())?;
        // An SD-JWT VC names its issuer's keys in the JWT VC Issuer Metadata first.
        let vc = decoded.sd.is_some()
            || decoded
                .header
                .as_ref()
                .and_then(|h| h.get("typ"))
                .and_then(Value::as_str)
                .is_some_and(|t| t.ends_with("+sd-jwt"));
        let found = if vc {
            core::fetch::discover_vc_issuer(iss, policy)
        } else {
            core::fetch::discover(iss, policy)
        };
        let (set, _, url) = found.map_err(|e| e.to_string())?;
        out::err(format!("fetched {} from {url}", set.describe()));
        Some(set)
    } else {
        let mut sets = args
            .key
            .iter()
            .map(|spec| input::key_arg("--key", spec))
            .collect::<Result<Vec<_>, _>>()?;
        match sets.len() {
            0 => None,
            1 => sets.pop(),
            _ => Some(core::KeySet {
                keys: sets.iter().flat_map(|s| s.keys.iter().cloned()).collect(),
                is_set: true,
                skipped: sets.into_iter().flat_map(|s| s.skipped).collect(),
            }),
        }
    };
    let expectations = core::validity::Expectations::from_text(
        args.iss.as_deref().unwrap_or_default(),
        &args.aud.join(","),
        &args.require.join(","),
        args.max_lifetime.as_deref().unwrap_or_default(),
    )
    .map_err(|e| format!("--max-lifetime: {e}"))?;
    let dictionary = args
        .claims_dict
        .as_deref()
        .map(read_dictionary)
        .transpose()?;
    let inner_keys = args
        .verify_key
        .as_deref()
        .map(|spec| input::key_arg("--verify-key", spec).map(std::sync::Arc::new))
        .transpose()?;
    let policy = verdict::Policy {
        key_given: keys.is_some(),
        inner_key_given: inner_keys.is_some(),
        ignore_exp: args.ignore_exp,
        ignore_nbf: args.ignore_nbf,
    };
    let holder_keys = args
        .holder_key
        .as_deref()
        .map(|spec| input::key_arg("--holder-key", spec).map(std::sync::Arc::new))
        .transpose()?;
    let kb_max_age_secs =
        core::time::parse_span(&args.kb_max_age).map_err(|e| format!("--kb-max-age: {e}"))?;
    let profile = match args.profile.trim() {
        "any" | "" => None,
        name => Some(core::profile::ProfileName::parse(name).ok_or_else(|| {
            format!(
                "--profile: \"{name}\" is not one of any, {}",
                core::profile::ProfileName::ALL.map(|p| p.name()).join(", ")
            )
        })?),
    };
    let access_token = args
        .access_token
        .as_deref()
        .map(|spec| input::secret_text_arg("--access-token", spec))
        .transpose()?;
    let dpop_max_age_secs =
        core::time::parse_span(&args.dpop_max_age).map_err(|e| format!("--dpop-max-age: {e}"))?;
    let options = core::Options {
        profile: core::profile::ProfileOptions {
            profile,
            dpop_method: args.dpop_method.clone(),
            dpop_url: args.dpop_url.clone(),
            dpop_nonce: args.dpop_nonce.clone(),
            dpop_max_age_secs: Some(dpop_max_age_secs),
            access_token,
            code: args.code.clone(),
            nonce: args.nonce.clone(),
            status_index: args.status_index,
        },
        sd: core::sdjwt::SdOptions {
            holder_keys,
            kb_max_age_secs,
            kb_aud: args.kb_aud.clone(),
            kb_nonce: args.kb_nonce.clone(),
        },
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
    Ok(Prepared {
        keys,
        options,
        policy,
    })
}

fn read_dictionary(
    path: &std::path::Path,
) -> Result<std::sync::Arc<core::claims::Dictionary>, String> {
    let bytes =
        core::read::read_file_capped(path, core::read::MAX_DICTIONARY_BYTES, "claim dictionary")
            .map_err(|e| format!("--claims-dict: {e}"))?;
    let text = String::from_utf8(bytes)
        .map_err(|_| format!("--claims-dict: {} is not UTF-8 text", path.display()))?;
    core::claims::Dictionary::with_user(&text)
        .map_err(|e| format!("--claims-dict {}: {e}", path.display()))
}
