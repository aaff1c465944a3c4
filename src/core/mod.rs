//! The GUI-free core: parse, keys, sign, verify, claims, validity, findings and [`analyze`].
//!
//! Nothing here knows about egui, reads the clock or prints; callers pass `now` in.

pub mod alg;
pub mod attack;
pub mod b64;
pub mod claims;
pub mod confusables;
pub mod diff;
pub mod export;
pub mod fetch;
pub mod files;
pub mod findings;
pub mod guess;
pub mod json;
pub mod jwe;
pub mod keygen;
pub mod keys;
pub mod msg;
pub mod parse;
pub mod profile;
pub mod read;
pub mod scan;
pub mod sdjwt;
pub mod sign;
pub mod templates;
pub mod text;
pub mod time;
pub mod validity;
pub mod verdict;
pub mod verify;
pub mod words;

use serde_json::{Value, json};

pub use alg::Alg;
pub use claims::Claim;
pub use findings::{Finding, Severity};
pub use keys::{Key, KeySet};
pub use parse::{Decoded, Form, Payload};
pub use validity::{Validity, ValidityState};
pub use verify::{SignatureCheck, SignatureStatus};

/// "1 byte", "32 bytes": a count with its unit, singular when it is one.
pub fn plural(n: usize, unit: &str) -> String {
    if n == 1 {
        format!("1 {unit}")
    } else {
        format!("{n} {unit}s")
    }
}

/// Inputs besides the token and the key.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The instant to evaluate times at, in Unix seconds.
    pub now: i64,
    /// Clock skew allowed for exp/nbf/iat.
    pub leeway_secs: i64,
    /// Issuer, audience, required claims, maximum lifetime.
    pub expectations: validity::Expectations,
    /// Claim explanations; the bundled dictionary when `None`.
    pub dictionary: Option<std::sync::Arc<claims::Dictionary>>,
    /// Any-kid and strict verification.
    pub verify: verify::VerifyOptions,
    /// Keys that verify the inner token of a nested JWT (the outer layer's key decrypts).
    pub inner_keys: Option<std::sync::Arc<KeySet>>,
    /// The holder key, age, audience and nonce an SD-JWT's key binding is checked against.
    pub sd: sdjwt::SdOptions,
    /// The kind of token to check the rules of (detected when unset), and their inputs.
    pub profile: profile::ProfileOptions,
}

impl Options {
    pub fn at(now: i64) -> Self {
        Self {
            now,
            ..Self::default()
        }
    }
}

/// Everything known about a token: plain data for the UI and the CLI.
#[derive(Debug, Clone)]
pub struct Analysis {
    pub decoded: Decoded,
    pub signature: SignatureCheck,
    pub validity: Validity,
    pub header_claims: Vec<Claim>,
    pub claims: Vec<Claim>,
    pub findings: Vec<Finding>,
    /// Description of the key used, when one was given.
    pub key_description: Option<msg::Text>,
    /// The encryption layer of a JWE: what decryption found.
    pub jwe: Option<jwe::JweReport>,
    /// The token inside: a nested JWT's inner token, analysed in its own right.
    pub inner: Option<Box<Analysis>>,
    /// The decrypted content is a token, but it was not opened: nested deeper than
    /// [`MAX_NESTING`] layers.
    pub inner_unopened: bool,
    /// An SD-JWT's disclosures and key binding; its processed claims are what `claims` and
    /// `validity` describe.
    pub sd: Option<sdjwt::SdReport>,
    /// What kind of token this is and how its rules went; `None` for an encrypted layer and a
    /// token whose payload is not claims.
    pub profile: Option<profile::ProfileReport>,
}

/// A nested token is opened this many layers deep at most.
pub const MAX_NESTING: usize = 4;

impl Analysis {
    /// True when the input is not a well-formed token (the CLI exits 2).
    pub fn is_malformed(&self) -> bool {
        !self.decoded.errors.is_empty()
    }

    /// The `decode --json` document.
    pub fn to_json(&self) -> Value {
        let d = &self.decoded;
        let mut obj = serde_json::Map::new();
        obj.insert("alg".into(), json!(d.alg_name()));
        if self.sd.is_some() {
            obj.insert("form".into(), json!("sd-jwt"));
        } else {
            obj.insert("form".into(), json!(d.form));
        }
        obj.insert("header".into(), json!(d.header));
        match &d.payload {
            Payload::Claims(v) | Payload::OtherJson(v) => {
                obj.insert("payload".into(), v.clone());
            }
            Payload::Text(t) => {
                obj.insert("payload_text".into(), Value::from(t.as_str()));
            }
            Payload::Binary(b) => {
                obj.insert("payload_hex".into(), Value::from(parse::hex(b)));
            }
            Payload::Encrypted => {
                obj.insert("payload_encrypted".into(), Value::Bool(true));
            }
            Payload::Unavailable => {}
        }
        let mut signature = json!({
            "status": self.signature.status,
            "detail": self.signature.detail,
            "key": self.signature.key,
        });
        if !self.signature.signatures.is_empty() {
            signature["signatures"] =
                serde_json::to_value(&self.signature.signatures).unwrap_or_default();
        }
        obj.insert("signature".into(), signature);
        obj.insert(
            "validity".into(),
            serde_json::to_value(&self.validity).unwrap_or_default(),
        );
        let claims: Vec<&Claim> = self.header_claims.iter().chain(&self.claims).collect();
        obj.insert(
            "claims".into(),
            serde_json::to_value(claims).unwrap_or_default(),
        );
        obj.insert(
            "findings".into(),
            serde_json::to_value(&self.findings).unwrap_or_default(),
        );
        obj.insert(
            "parts".into(),
            Value::Array(
                d.parts
                    .iter()
                    .map(|p| json!({"kind": p.kind, "start": p.span.start, "end": p.span.end}))
                    .collect(),
            ),
        );
        if let Some(jwe) = &self.jwe {
            obj.insert(
                "jwe".into(),
                json!({
                    "alg": jwe.alg,
                    "enc": jwe.enc,
                    "zip": jwe.zip,
                    "status": jwe.status,
                    "detail": jwe.detail,
                    "key": jwe.key,
                }),
            );
        }
        if let Some(inner) = &self.inner {
            obj.insert("inner".into(), inner.to_json());
        }
        if let Some(sd) = &self.sd {
            obj.insert("sd_jwt".into(), sd.to_json());
        }
        if let Some(p) = &self.profile {
            obj.insert(
                "profile".into(),
                serde_json::to_value(p).unwrap_or_default(),
            );
        }
        if !d.errors.is_empty() {
            let text: Vec<String> = d.errors.iter().map(ToString::to_string).collect();
            obj.insert("error".into(), Value::from(text.join("; ")));
            obj.insert(
                "errors".into(),
                serde_json::to_value(&d.errors).unwrap_or_default(),
            );
        }
        Value::Object(obj)
    }
}

/// Decodes, verifies and explains `input` with `keys` at `options.now`.
pub fn analyze(input: &str, keys: Option<&KeySet>, options: Options) -> Analysis {
    let decoded = parse::decode(input);
    analyze_decoded(decoded, keys, options)
}

/// Re-evaluates what depends on the clock (validity and the relative times of the claims) at
/// `options.now`, without parsing or crypto: what a live view calls as time passes.
pub fn retime(analysis: &mut Analysis, options: &Options) {
    analysis.validity = validity::evaluate_with(
        analysis.claim_set(),
        options.now,
        options.leeway_secs,
        &options.expectations,
    );
    for claim in analysis
        .claims
        .iter_mut()
        .chain(analysis.header_claims.iter_mut())
    {
        if let Some(t) = &mut claim.time {
            *t = time::info(t.unix, options.now);
        }
    }
    if let Some(p) = analysis.profile.as_mut() {
        let claims = match &analysis.sd {
            Some(sd) => sd.claims.as_ref(),
            None => analysis.decoded.claims(),
        };
        p.retime(claims, options.now, options.leeway_secs);
    }
    // A key-binding JWT ages: its verdict is said again at this instant, and the findings that
    // follow from it with it.
    if let Some(kb) = analysis.sd.as_mut().and_then(|sd| sd.key_binding.as_mut()) {
        let before = kb.status;
        kb.retime(options.now, options.leeway_secs);
        if kb.status != before {
            analysis
                .findings
                .retain(|f| f.id != findings::FindingId::SdKbInvalid);
            if let Some(f) = analysis
                .sd
                .as_ref()
                .and_then(findings::sd::key_binding_failed)
            {
                analysis.findings.push(f);
            }
        }
    }
    if let Some(inner) = &mut analysis.inner {
        retime(inner, options);
    }
}

impl Analysis {
    /// The claims the token stands for: an SD-JWT's processed claims (disclosed claims in place),
    /// else the payload's.
    pub fn claim_set(&self) -> Option<&serde_json::Map<String, Value>> {
        match &self.sd {
            Some(sd) => sd.claims.as_ref(),
            None => self.decoded.claims(),
        }
    }

    /// Seconds until some relative time shown for this analysis ("in 14 min") reads differently,
    /// or `None` when it shows none. A live view repaints then, not on a fixed tick.
    pub fn next_display_change_secs(&self) -> Option<u64> {
        let now = self.validity.now;
        self.claims
            .iter()
            .chain(&self.header_claims)
            .filter_map(|c| c.time.as_ref())
            .map(|t| time::next_change_secs(t.unix, now))
            .min()
    }
}

/// As [`analyze`], for an already decoded token (the UI re-verifies without re-parsing).
pub fn analyze_decoded(decoded: Decoded, keys: Option<&KeySet>, options: Options) -> Analysis {
    analyze_layer(decoded, keys, options, 0)
}

/// The plaintext of a decrypted JWE as a token, when it is one: `cty: JWT`, or text that is a
/// compact token as it stands.
pub(crate) fn inner_token(decoded: &Decoded, plaintext: &[u8]) -> Option<String> {
    let text = std::str::from_utf8(plaintext).ok()?.trim();
    let cty_jwt = decoded
        .header
        .as_ref()
        .and_then(|h| h.get("cty"))
        .and_then(Value::as_str)
        .is_some_and(|c| {
            c.eq_ignore_ascii_case("JWT") || c.eq_ignore_ascii_case("application/jwt")
        });
    let looks = parse::find_token(text) == Some(text);
    (cty_jwt || looks).then(|| text.to_owned())
}

fn analyze_layer(
    mut decoded: Decoded,
    keys: Option<&KeySet>,
    options: Options,
    depth: usize,
) -> Analysis {
    let mut jwe_report = None;
    let mut inner = None;
    let mut inner_unopened = false;
    if decoded.form == Form::Jwe {
        let report = jwe::decrypt(&decoded, keys);
        if let Some(plaintext) = &report.plaintext {
            match inner_token(&decoded, plaintext) {
                Some(text) if depth + 1 < MAX_NESTING => {
                    let inner_decoded = parse::decode(&text);
                    // An encrypted layer inside is opened with the same (decryption) keys; a
                    // signed token inside is verified with the inner keys.
                    let inner_keys = if inner_decoded.form == Form::Jwe {
                        keys
                    } else {
                        options.inner_keys.as_deref()
                    };
                    inner = Some(Box::new(analyze_layer(
                        inner_decoded,
                        inner_keys,
                        options.clone(),
                        depth + 1,
                    )));
                }
                Some(_) => inner_unopened = true,
                None => {}
            }
            decoded.set_decrypted_payload(plaintext);
        }
        jwe_report = Some(report);
    }
    let signature = verify::verify_with_options(&decoded, keys, options.verify);
    let sd = decoded.sd.as_ref().map(|parts| {
        sdjwt::analyze(
            &decoded,
            parts,
            &options.sd,
            options.now,
            options.leeway_secs,
        )
    });
    let claim_set = match &sd {
        Some(sd) => sd.claims.as_ref(),
        None => decoded.claims(),
    };
    let validity = validity::evaluate_with(
        claim_set,
        options.now,
        options.leeway_secs,
        &options.expectations,
    );
    let dict = options
        .dictionary
        .clone()
        .unwrap_or_else(claims::Dictionary::bundled);
    let header_claims = decoded
        .header
        .as_ref()
        .and_then(Value::as_object)
        .map(|h| claims::annotate_with(&dict, h, claims::Location::Header, options.now))
        .unwrap_or_default();
    let mut claims = claim_set
        .map(|c| claims::annotate_with(&dict, c, claims::Location::Payload, options.now))
        .unwrap_or_default();
    if let Some(sd) = &sd {
        for claim in &mut claims {
            let at = format!("/{}", claim.name.replace('~', "~0").replace('/', "~1"));
            claim.disclosed_by = sd.disclosed_at(&at).map(|d| d.digest.clone());
        }
    }
    let profile = (jwe_report.is_none() && claim_set.is_some()).then(|| {
        profile::evaluate(
            &profile::Subject {
                decoded: &decoded,
                claims: claim_set,
                sd: sd.as_ref(),
                audiences: &options.expectations.audiences,
                now: options.now,
                leeway_secs: options.leeway_secs,
            },
            &options.profile,
        )
    });
    let findings = findings::evaluate(&findings::Context {
        decoded: &decoded,
        signature: &signature,
        keys,
        now: options.now,
        jwe: jwe_report.as_ref(),
        sd: sd.as_ref(),
    });
    Analysis {
        jwe: jwe_report,
        inner,
        inner_unopened,
        sd,
        profile,
        key_description: keys.map(KeySet::describe),
        decoded,
        signature,
        validity,
        header_claims,
        claims,
        findings,
    }
}
