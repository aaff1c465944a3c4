//! The model: the app state, the keys read from it, the token state and the memoized analysis.
//! No drawing here. Every change arrives as a method call from `App::apply`, and ends in
//! [`Model::refresh`], which recomputes only what the changed inputs affect.

use crate::tr;
use std::hash::Hasher as _;

use serde_json::Value;

pub use super::state::{AppState, HistoryEntry, KeyInputs, KeySource, Origin, SavedTab};
use crate::core::{
    self, Alg, Analysis, Key, KeySet, Options,
    alg::Family,
    json,
    keys::{self, SecretEncoding},
    sign::{self, SignError, Unsecured},
};

/// Header and payload together larger than this are re-signed when typing pauses, not on every
/// keystroke: laying out a token that size takes longer than a frame.
pub const DEFER_REBUILD_BYTES: usize = 16 * 1024;

/// The secret used by the example a new window opens with: readable, and as long as HS256 needs.
pub const EXAMPLE_SECRET: &str = "a-string-secret-at-least-256-bits-long";

/// At most this many tokens found in one text or file are listed (each is analysed once).
pub const MAX_FOUND_ROWS: usize = 2000;

/// Tokens found in a pasted text, a log or a HAR file, with what each one is.
#[derive(Debug, Clone)]
pub struct FoundList {
    /// Where they came from: a file name, or "pasted text".
    pub source: String,
    pub rows: Vec<FoundRow>,
    /// Distinct tokens found beyond [`MAX_FOUND_ROWS`].
    pub more: usize,
}

/// One distinct token of a [`FoundList`].
#[derive(Debug, Clone)]
pub struct FoundRow {
    pub token: String,
    pub places: Vec<core::scan::Location>,
    pub alg: String,
    pub kid: String,
    pub iss: String,
    pub sub: String,
    pub exp: Option<i64>,
    pub validity: core::ValidityState,
    pub validity_text: String,
    /// The signature status, or the encryption status of a JWE ("verified", "jwe: no_key").
    pub status: String,
    pub status_ok: bool,
}

/// What the token on screen is; every panel reads this instead of guessing from empty strings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TokenState {
    /// No token: say what to paste.
    Empty,
    /// Pasted or opened text that is not a well-formed token (see the analysis' errors).
    Malformed,
    /// Pasted or opened, and verified with whatever key is given.
    Decoded,
    /// Built from the editors here and signed with the key.
    Built,
    /// The editors hold something that cannot be signed (no key that signs, invalid JSON): the
    /// token shown is the last good one, and `reason` says why it is not the editors' content.
    Draft { reason: String },
}

impl TokenState {
    /// The state's name as tests and snapshots read it.
    pub fn name(&self) -> &'static str {
        match self {
            Self::Empty => "empty",
            Self::Malformed => "malformed",
            Self::Decoded => "decoded",
            Self::Built => "built",
            Self::Draft { .. } => "draft",
        }
    }
}

/// The keys read from [`KeyInputs`], with what went wrong.
#[derive(Debug, Default)]
pub struct KeyState {
    pub verify: Option<KeySet>,
    pub sign: Option<Key>,
    /// "EC P-256 private key (PKCS#8 PEM)" for the key in use, or the reason it cannot be read.
    pub verify_note: Option<Result<String, String>>,
    pub sign_note: Option<Result<String, String>>,
    /// The key that signs, else the first that verifies, summarised.
    pub summary: Option<KeySummary>,
    /// The key that verifies a nested token's inner token, and what it was read as.
    pub inner: Option<KeySet>,
    pub inner_note: Option<Result<String, String>>,
}

/// Problems with the editors, each shown under its editor.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EditorErrors {
    pub header: Option<String>,
    pub payload: Option<String>,
}

/// Summary of the key in use, read once when the key changes (frames do no crypto).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeySummary {
    pub description: String,
    pub thumbprint: String,
    pub is_secret: bool,
    pub is_private: bool,
    pub certificate: Option<keys::CertificateInfo>,
}

/// Everything the view model is derived from.
pub struct Model {
    pub state: AppState,
    /// Key text: not part of `state`, so that it reaches disk only through `to_saved`.
    pub keys: KeyInputs,
    /// Transient: whose key is in the fields (an example key is cleared by the next paste).
    pub key_source: KeySource,
    /// Derived from `keys` by `refresh`.
    pub key_state: KeyState,
    /// Derived: what the token on screen is.
    pub token_state: TokenState,
    /// Derived from the token, the keys and the settings by `refresh`.
    pub analysis: Analysis,
    pub errors: EditorErrors,
    /// Transient, on purpose: the user confirms making an unsecured (`alg: none`) token each session.
    pub allow_unsecured: bool,
    /// Transient, on purpose: the user confirms signing a header whose jwk holds a private key.
    pub allow_embedded_private_key: bool,
    /// The editors changed and the token will be rebuilt when typing pauses (large inputs).
    pub rebuild_pending: bool,
    now: i64,
    /// Hashes of the inputs the key state and the analysis were computed from.
    keys_input: Option<u64>,
    analysis_input: Option<u64>,
    /// Count of full analyses, for tests and benchmarks of memoization.
    pub analyses_run: u64,
    /// The user dictionary, parsed.
    dictionary: Option<std::sync::Arc<core::claims::Dictionary>>,
    /// What is wrong with the validation settings (bad lifetime, bad instant, bad dictionary).
    pub settings_error: Option<String>,
    /// Read from the header text when it changes, so that drawing a frame parses no JSON.
    header_info: HeaderInfo,
    /// Tokens found in the last text or file with more than one.
    pub found: Option<FoundList>,
    /// The other token of "Compare with…", as typed or taken from a tab, and the comparison.
    pub compare_text: String,
    pub comparison: Option<Result<core::diff::Comparison, String>>,
    compare_input: Option<u64>,
    /// The encrypted token (its keys and secret encoding) the inner token was opened from.
    pub outer: Option<(String, KeyInputs, SecretEncoding)>,
}

/// What the header text says.
#[derive(Debug, Clone, Copy, Default)]
struct HeaderInfo {
    alg: Option<Alg>,
    /// For an encrypted token: its key management algorithm.
    jwe_alg: Option<core::jwe::KeyAlg>,
    publishes_private_key: bool,
}

fn pretty_or_raw(text: &str) -> String {
    match json::parse(text) {
        Ok(p) => json::to_pretty(&p.value),
        Err(_) => core::text::escape_controls(text).into_owned(),
    }
}

fn hash_of(value: &impl std::hash::Hash) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    value.hash(&mut h);
    h.finish()
}

impl Model {
    /// A model showing `state` as it was saved, with its remembered keys (or none). A first run
    /// (nothing saved) shows the example.
    pub fn new(mut state: AppState, now: i64) -> Self {
        let keys = state.remembered_keys.take().unwrap_or_default();
        let key_source = if keys.is_empty() {
            KeySource::None
        } else {
            KeySource::User
        };
        let analysis = core::analyze("", None, Options::at(now));
        let mut model = Self {
            state,
            keys,
            key_source,
            key_state: KeyState::default(),
            token_state: TokenState::Empty,
            analysis,
            errors: EditorErrors::default(),
            allow_unsecured: false,
            allow_embedded_private_key: false,
            rebuild_pending: false,
            now,
            keys_input: None,
            analysis_input: None,
            analyses_run: 0,
            dictionary: None,
            settings_error: None,
            header_info: HeaderInfo::default(),
            found: None,
            compare_text: String::new(),
            comparison: None,
            compare_input: None,
            outer: None,
        };
        model.load_dictionary();
        model.header_edited();
        let first_run = model.state.token.trim().is_empty() && model.state.header.trim().is_empty();
        if first_run {
            model.load_example(now);
        } else if model.state.origin == Origin::Built {
            model.rebuild();
        }
        model.refresh();
        model
    }

    /// The example: HS256 with a readable secret, already verified. Its secret is the example's.
    pub fn load_example(&mut self, now: i64) {
        self.state.header = "{\n  \"alg\": \"HS256\",\n  \"typ\": \"JWT\"\n}".into();
        self.state.payload = format!(
            "{{\n  \"sub\": \"1234567890\",\n  \"name\": \"John Doe\",\n  \"admin\": true,\n  \"iat\": {now},\n  \"exp\": {}\n}}",
            now + 3600
        );
        self.state.secret_encoding = SecretEncoding::Utf8;
        self.keys = KeyInputs::default();
        self.keys.secret = EXAMPLE_SECRET.into();
        self.key_source = KeySource::Example;
        self.parts_edited();
    }

    /// The live clock.
    pub fn now(&self) -> i64 {
        self.now
    }

    /// The instant times are evaluated at: the fixed one the user chose, else now.
    pub fn evaluation_instant(&self) -> i64 {
        self.state
            .evaluate_at
            .as_deref()
            .and_then(|t| core::time::parse_instant(t).ok())
            .unwrap_or(self.now)
    }

    fn expectations(&self) -> Result<core::validity::Expectations, String> {
        let list = |text: &str| -> Vec<String> {
            text.split(',')
                .map(|s| s.trim().to_owned())
                .filter(|s| !s.is_empty())
                .collect()
        };
        let issuer = self.state.expect_issuer.trim();
        let lifetime = self.state.expect_max_lifetime.trim();
        Ok(core::validity::Expectations {
            issuer: (!issuer.is_empty()).then(|| issuer.to_owned()),
            audiences: list(&self.state.expect_audiences),
            required: list(&self.state.expect_required),
            max_lifetime_secs: if lifetime.is_empty() {
                None
            } else {
                Some(
                    core::time::parse_span(lifetime)
                        .map_err(|e| format!("maximum lifetime: {e}"))?,
                )
            },
        })
    }

    fn options(&self) -> Options {
        Options {
            now: self.evaluation_instant(),
            leeway_secs: self.state.leeway_secs,
            expectations: self.expectations().unwrap_or_default(),
            dictionary: self.dictionary.clone(),
            verify: crate::core::verify::VerifyOptions {
                any_kid: self.state.any_kid,
                strict: self.state.strict,
            },
            inner_keys: self.key_state.inner.clone().map(std::sync::Arc::new),
        }
    }

    fn load_dictionary(&mut self) {
        self.dictionary = None;
        if let Some(text) = &self.state.user_dictionary {
            match core::claims::Dictionary::with_user(text) {
                Ok(d) => self.dictionary = Some(d),
                Err(e) => self.settings_error = Some(e.to_string()),
            }
        }
    }

    /// Leeway, instant, expectations or dictionary changed: re-evaluate.
    pub fn settings_edited(&mut self) {
        self.settings_error = None;
        if let Err(e) = self.expectations() {
            self.settings_error = Some(e);
        }
        if let Some(t) = &self.state.evaluate_at
            && !t.trim().is_empty()
            && let Err(e) = core::time::parse_instant(t)
        {
            self.settings_error = Some(format!("evaluate at: {e}"));
        }
        self.load_dictionary();
        self.refresh();
    }

    /// Loads a user claim dictionary (JSON); returns the error to show when it is not one.
    pub fn set_user_dictionary(&mut self, text: Option<String>) -> Result<(), String> {
        if let Some(t) = &text {
            core::claims::Dictionary::with_user(t).map_err(|e| e.to_string())?;
        }
        self.state.user_dictionary = text;
        self.settings_edited();
        Ok(())
    }

    /// Edits the payload JSON object with `edit`, then re-signs. Fails when the payload is not an object.
    fn edit_payload(
        &mut self,
        edit: impl FnOnce(&mut serde_json::Map<String, Value>),
    ) -> Result<(), String> {
        let parsed = json::parse(&self.state.payload)
            .map_err(|e| format!("fix the payload JSON first ({e})"))?;
        let Value::Object(mut map) = parsed.value else {
            return Err("the payload is not a JSON object".into());
        };
        edit(&mut map);
        self.state.payload = json::to_pretty(&Value::Object(map));
        self.parts_edited();
        Ok(())
    }

    /// Sets a claim to a NumericDate.
    pub fn set_time_claim(&mut self, name: &str, unix: i64) -> Result<(), String> {
        self.edit_payload(|m| {
            m.insert(name.to_owned(), Value::from(unix));
        })
    }

    /// exp = now + `secs`.
    pub fn set_exp_in(&mut self, secs: i64) -> Result<(), String> {
        let now = self.now;
        self.set_time_claim("exp", now.saturating_add(secs))
    }

    /// A fresh random `jti`.
    pub fn random_jti(&mut self) -> Result<(), String> {
        let jti = core::templates::random_jti();
        self.edit_payload(|m| {
            m.insert("jti".into(), Value::from(jti));
        })
    }

    /// Moves iat to now and exp/nbf by the same amount, keeping the lifetime.
    pub fn reissue_now(&mut self) -> Result<(), String> {
        let now = self.now;
        self.edit_payload(|m| {
            let iat = m.get("iat").and_then(core::claims::numeric_date);
            let shift = iat.map_or(0, |i| now - i);
            for name in ["nbf", "exp"] {
                if let Some(t) = m.get(name).and_then(core::claims::numeric_date) {
                    m.insert(name.into(), Value::from(t + shift));
                }
            }
            m.insert("iat".into(), Value::from(now));
        })
    }

    /// Replaces a time claim that is milliseconds, a string or fractional by its NumericDate.
    pub fn fix_time_claim(&mut self, name: &str) -> Result<(), String> {
        let fixed = self
            .analysis
            .claims
            .iter()
            .find(|c| c.name == name)
            .and_then(|c| c.time_problem.as_ref())
            .and_then(|p| p.fixed)
            .ok_or_else(|| format!("{name} has no automatic fix"))?;
        self.set_time_claim(name, fixed)
    }

    /// Puts a freshly generated key in place (secret, or private + public PEM) and re-signs.
    pub fn use_generated_key(&mut self, key: &core::Key) -> Result<(), String> {
        if key.is_secret() {
            self.keys.secret = core::export::jwk(key, true)["k"]
                .as_str()
                .unwrap_or_default()
                .to_owned();
            self.state.secret_encoding = SecretEncoding::Base64Url;
        } else {
            self.keys.private_key = core::export::private_pem(key)
                .map_err(|e| e.to_string())?
                .to_string();
            self.keys.public_key = core::export::public_pem(key).map_err(|e| e.to_string())?;
        }
        self.key_edited();
        Ok(())
    }

    /// The key that signs, else the first key that verifies.
    pub fn current_key(&self) -> Option<&core::Key> {
        self.key_state
            .sign
            .as_ref()
            .or_else(|| self.key_state.verify.as_ref().and_then(|s| s.keys.first()))
    }

    /// Sets the header's `kid` to the RFC 7638 thumbprint of the current key.
    pub fn use_thumbprint_as_kid(&mut self) -> Result<(), String> {
        let thumbprint = self.current_key().ok_or("there is no key")?.thumbprint();
        let mut header = match json::parse(&self.state.header) {
            Ok(p) => match p.value {
                Value::Object(o) => o,
                _ => return Err("the header is not a JSON object".into()),
            },
            Err(e) => return Err(format!("fix the header JSON first ({e})")),
        };
        header.insert("kid".into(), Value::from(thumbprint));
        self.state.header = json::to_pretty(&Value::Object(header));
        self.parts_edited();
        Ok(())
    }

    /// Puts fetched JWKS text in the public-key field and verifies with it.
    pub fn use_fetched_jwks(&mut self, jwks_text: String) {
        self.keys.public_key = jwks_text;
        self.key_edited();
    }

    /// Puts key text into one of the key fields (a loaded or dropped file).
    pub fn put_key(&mut self, slot: super::panels::KeySlot, text: String) {
        use super::panels::KeySlot;
        match slot {
            KeySlot::Secret => self.keys.secret = text.trim_end_matches(['\n', '\r']).to_owned(),
            KeySlot::Public => self.keys.public_key = text,
            KeySlot::Private => self.keys.private_key = text,
        }
        self.key_edited();
    }

    /// Starts a new token from a template, keeping the algorithm and key.
    pub fn apply_template(&mut self, template: core::templates::Template) {
        let alg = self.alg().unwrap_or(Alg::HS256);
        let (header, payload) = template.build(alg, self.now, &core::templates::random_jti());
        self.state.header = json::to_pretty(&header);
        self.state.payload = json::to_pretty(&payload);
        self.parts_edited();
    }

    /// True when the header editor's jwk holds private key material.
    pub fn header_embeds_private_key(&self) -> bool {
        self.header_info.publishes_private_key
    }

    /// The algorithm named by the header editor (falls back to the token's).
    pub fn alg(&self) -> Option<Alg> {
        self.header_info
            .alg
            .or_else(|| self.analysis.decoded.alg_name().and_then(Alg::parse))
    }

    /// The key management algorithm of an encrypted token on screen.
    pub fn jwe_alg(&self) -> Option<core::jwe::KeyAlg> {
        self.header_info.jwe_alg
    }

    /// Re-reads what the panels need from the header text.
    fn header_edited(&mut self) {
        let parsed = json::parse(&self.state.header).ok().map(|p| p.value);
        let jwe_alg = parsed
            .as_ref()
            .and_then(|h| h.get("alg"))
            .and_then(Value::as_str)
            .and_then(core::jwe::KeyAlg::parse);
        self.header_info = match sign::header_alg(&self.state.header) {
            Ok((header, alg)) => HeaderInfo {
                alg: Some(alg),
                jwe_alg,
                publishes_private_key: sign::header_publishes_private_key(&header),
            },
            Err(_) => HeaderInfo {
                alg: None,
                jwe_alg,
                publishes_private_key: parsed
                    .as_ref()
                    .is_some_and(sign::header_publishes_private_key),
            },
        };
    }

    /// Lists tokens found in `source` (each analysed with the key in the fields), and opens the
    /// first one.
    pub fn set_found(&mut self, source: String, found: Vec<core::scan::Found>) {
        let more = found.len().saturating_sub(MAX_FOUND_ROWS);
        let keys = self.key_state.verify.clone();
        let options = self.options();
        let rows: Vec<FoundRow> = found
            .into_iter()
            .take(MAX_FOUND_ROWS)
            .map(|f| {
                let a = core::analyze(&f.token, keys.as_ref(), options.clone());
                let d = &a.decoded;
                let (status, status_ok) = match &a.jwe {
                    Some(j) => (
                        format!("jwe: {}", j.status.as_str()),
                        j.status == core::jwe::JweStatus::Decrypted,
                    ),
                    None => (
                        a.signature.status.as_str().to_owned(),
                        a.signature.status == core::SignatureStatus::Verified,
                    ),
                };
                FoundRow {
                    alg: d.header_member("alg"),
                    kid: d.header_member("kid"),
                    iss: d.claim_member("iss"),
                    sub: d.claim_member("sub"),
                    exp: d
                        .claims()
                        .and_then(|c| c.get("exp"))
                        .and_then(core::claims::numeric_date),
                    validity: a.validity.state,
                    validity_text: a.validity.summary.to_string(),
                    status,
                    status_ok,
                    places: f.occurrences,
                    token: f.token,
                }
            })
            .collect();
        let first = rows.first().map(|r| r.token.clone());
        self.found = Some(FoundList { source, rows, more });
        if let Some(token) = first {
            self.load_text(&token);
        }
    }

    /// Opens one of the tokens found.
    pub fn open_found(&mut self, index: usize) -> bool {
        let Some(token) = self
            .found
            .as_ref()
            .and_then(|f| f.rows.get(index))
            .map(|r| r.token.clone())
        else {
            return false;
        };
        self.load_text(&token)
    }

    /// Opens a nested token's inner token on its own; its verification key goes into the key
    /// fields. [`Model::back_to_outer`] returns to the encrypted token and its keys.
    pub fn open_inner(&mut self) -> bool {
        let Some(inner) = self.analysis.inner.as_ref() else {
            return false;
        };
        let token = inner.decoded.token.clone();
        let inner_family = inner
            .decoded
            .alg_name()
            .and_then(Alg::parse)
            .map(Alg::family);
        let outer_keys = self.keys.clone();
        let mut keys = KeyInputs::default();
        match inner_family {
            Some(Family::Hmac) | None => keys.secret = outer_keys.inner_key.clone(),
            Some(_) => keys.public_key = outer_keys.inner_key.clone(),
        }
        self.outer = Some((
            self.state.token.clone(),
            outer_keys,
            self.state.secret_encoding,
        ));
        // The inner key field is read as key text (a secret as typed).
        self.state.secret_encoding = SecretEncoding::Utf8;
        self.keys = keys;
        self.key_source = if self.keys.is_empty() {
            KeySource::None
        } else {
            KeySource::User
        };
        self.state.token = token;
        self.token_edited();
        true
    }

    /// Back from an inner token to the encrypted token it came from.
    pub fn back_to_outer(&mut self) -> bool {
        let Some((token, keys, encoding)) = self.outer.take() else {
            return false;
        };
        self.keys = keys;
        self.state.secret_encoding = encoding;
        self.key_source = KeySource::User;
        self.state.token = token;
        self.token_edited();
        true
    }

    fn family(&self) -> Family {
        use core::jwe::{Enc, KeyNeed};
        // An encrypted token's key fields follow its key management: RSA and ECDH take the
        // private key, the others a secret or password.
        if let Some(jwe) = self.jwe_alg() {
            return match jwe.needs(Enc::A128Gcm) {
                KeyNeed::Rsa => Family::Rsa,
                KeyNeed::Ecdh => Family::Ec(core::alg::Curve::P256),
                KeyNeed::Secret(_) | KeyNeed::Password => Family::Hmac,
            };
        }
        self.alg().map_or(Family::Hmac, Alg::family)
    }

    /// Reads the keys from their text, for the current algorithm's family.
    fn read_keys(&self) -> KeyState {
        let mut state = KeyState::default();
        if self.family() == Family::Hmac || self.family() == Family::Unsecured {
            if self.state.secret_encoding == SecretEncoding::Utf8
                && keys::looks_like_public_key(&self.keys.secret)
            {
                // Public-key text is never an HMAC secret: read it as the key it is, so the
                // verdict is "key does not fit" with the key-confusion finding.
                match keys::parse_text(&self.keys.secret) {
                    Ok(set) => {
                        state.verify_note =
                            Some(Ok(tr!("public-key-not-secret", key = set.describe())));
                        state.sign_note = state.verify_note.clone();
                        state.verify = Some(set);
                    }
                    Err(e) => {
                        state.verify_note =
                            Some(Err(tr!("public-key-refused", error = e.to_string())));
                        state.sign_note = state.verify_note.clone();
                    }
                }
            } else if !self.keys.secret.is_empty() {
                match keys::parse_secret(&self.keys.secret, self.state.secret_encoding) {
                    Ok(key) => {
                        state.verify_note = Some(Ok(key.describe().to_string()));
                        state.sign_note = state.verify_note.clone();
                        state.verify = Some(KeySet {
                            keys: vec![key.clone()],
                            is_set: false,
                            skipped: Vec::new(),
                        });
                        state.sign = Some(key);
                    }
                    Err(e) => {
                        state.verify_note = Some(Err(e.to_string()));
                        state.sign_note = state.verify_note.clone();
                    }
                }
            }
        } else {
            if !self.keys.private_key.trim().is_empty() {
                match keys::parse_text(&self.keys.private_key) {
                    Ok(set) => {
                        state.sign_note = Some(Ok(set.describe().to_string()));
                        state.sign = set.keys.first().cloned();
                        if self.keys.public_key.trim().is_empty() {
                            state.verify = Some(set);
                        }
                    }
                    Err(e) => state.sign_note = Some(Err(e.to_string())),
                }
            }
            if !self.keys.public_key.trim().is_empty() {
                match keys::parse_text(&self.keys.public_key) {
                    Ok(set) => {
                        state.verify_note = Some(Ok(set.describe().to_string()));
                        state.verify = Some(set);
                    }
                    Err(e) => state.verify_note = Some(Err(e.to_string())),
                }
            } else if let Some(Ok(d)) = &state.sign_note {
                state.verify_note = Some(Ok(d.clone()));
            }
        }
        if !self.keys.inner_key.trim().is_empty() {
            match keys::parse_text(&self.keys.inner_key) {
                Ok(set) => {
                    state.inner_note = Some(Ok(set.describe().to_string()));
                    state.inner = Some(set);
                }
                Err(e) => state.inner_note = Some(Err(e.to_string())),
            }
        }
        let current = state
            .sign
            .as_ref()
            .or_else(|| state.verify.as_ref().and_then(|s| s.keys.first()));
        state.summary = current.map(|k| KeySummary {
            description: k.describe().to_string(),
            thumbprint: k.thumbprint(),
            is_secret: k.is_secret(),
            is_private: k.is_private(),
            certificate: k.certificate.clone(),
        });
        state
    }

    /// Re-reads the keys when their text, encoding or the algorithm family changed.
    fn refresh_keys(&mut self) {
        let input = hash_of(&(
            &self.keys.secret,
            &self.keys.public_key,
            &self.keys.private_key,
            &self.keys.inner_key,
            self.state.secret_encoding,
            format!("{:?}", self.family()),
        ));
        if self.keys_input != Some(input) {
            self.key_state = self.read_keys();
            self.keys_input = Some(input);
        }
    }

    /// Brings everything derived up to date with the inputs: keys, analysis, token state. Cheap
    /// when nothing changed (hash comparisons only).
    pub fn refresh(&mut self) {
        self.refresh_keys();
        let options = self.options();
        let input = hash_of(&(
            &self.state.token,
            self.keys_input,
            options.leeway_secs,
            (self.state.any_kid, self.state.strict),
            (
                &self.state.expect_issuer,
                &self.state.expect_audiences,
                &self.state.expect_required,
                &self.state.expect_max_lifetime,
            ),
            &self.state.user_dictionary,
        ));
        if self.analysis_input != Some(input) {
            self.analysis =
                core::analyze(&self.state.token, self.key_state.verify.as_ref(), options);
            self.analyses_run += 1;
            self.analysis_input = Some(input);
            self.show_decrypted_payload();
        } else if self.analysis.validity.now != options.now {
            core::retime(&mut self.analysis, &options);
        }
        self.token_state = self.derive_token_state();
        self.refresh_comparison();
    }

    /// Compares the token on screen with the other one when either changed.
    fn refresh_comparison(&mut self) {
        let input = hash_of(&(&self.state.token, &self.compare_text));
        if self.compare_input == Some(input) {
            return;
        }
        self.compare_input = Some(input);
        let other = self.compare_text.trim();
        self.comparison = if other.is_empty() {
            None
        } else {
            let token = core::parse::find_token(other).unwrap_or(other);
            let decoded = core::parse::decode(token);
            match decoded.errors.first() {
                Some(e) => Some(Err(tr!("compare-malformed", error = e.to_string()))),
                None if self.analysis.is_malformed() => Some(Err(tr!("compare-this-malformed"))),
                None => Some(Ok(core::diff::compare(&self.analysis.decoded, &decoded))),
            }
        };
    }

    fn derive_token_state(&self) -> TokenState {
        if let TokenState::Draft { reason } = &self.token_state
            && self.state.origin == Origin::Built
        {
            return TokenState::Draft {
                reason: reason.clone(),
            };
        }
        if self.state.token.trim().is_empty() {
            TokenState::Empty
        } else if self.analysis.is_malformed() {
            TokenState::Malformed
        } else if self.state.origin == Origin::Built {
            TokenState::Built
        } else {
            TokenState::Decoded
        }
    }

    /// A pasted encrypted token that decrypted shows its plaintext in the payload editor (and
    /// nothing once the key stops decrypting it).
    fn show_decrypted_payload(&mut self) {
        if self.state.origin != Origin::Pasted || self.analysis.decoded.form != core::Form::Jwe {
            return;
        }
        self.state.payload = match &self.analysis.decoded.payload {
            core::Payload::Claims(v) | core::Payload::OtherJson(v) => json::to_pretty(v),
            core::Payload::Text(t) => core::text::escape_controls(t).into_owned(),
            _ => String::new(),
        };
    }

    /// Moves the clock: times and validity are re-evaluated without parsing or crypto.
    pub fn set_now(&mut self, now: i64) {
        if now != self.now {
            self.now = now;
            self.refresh();
        }
    }

    /// The token text was edited or loaded: decode it into the editors, then verify it.
    pub fn token_edited(&mut self) {
        self.state.origin = Origin::Pasted;
        self.token_state = TokenState::Decoded;
        self.errors = EditorErrors::default();
        let decoded = core::parse::decode(&self.state.token);
        // Editors show what this token holds, and nothing of a previous one.
        self.state.header = decoded
            .header_text
            .as_deref()
            .map(pretty_or_raw)
            .unwrap_or_default();
        self.state.payload = match &decoded.payload {
            core::Payload::Claims(v) | core::Payload::OtherJson(v) => json::to_pretty(v),
            // Text that is not JSON: control characters shown as escapes (it cannot be
            // re-signed as it is anyway; a payload built here is JSON).
            core::Payload::Text(t) => core::text::escape_controls(t).into_owned(),
            core::Payload::Binary(_) | core::Payload::Encrypted | core::Payload::Unavailable => {
                String::new()
            }
        };
        self.header_edited();
        self.refresh();
    }

    /// Loads a token from any text (clipboard, file, drop), picking it out of headers or URLs.
    /// A key that came with the example goes: it is not this token's. Returns false when the
    /// text is empty.
    pub fn load_text(&mut self, text: &str) -> bool {
        let token = core::parse::find_token(text).unwrap_or(text.trim());
        if token.is_empty() {
            return false;
        }
        if self.key_source == KeySource::Example {
            // The recipient of the Encrypt tool is the user's, not the example's.
            let recipient = std::mem::take(&mut self.keys.recipient_key);
            self.keys = KeyInputs::default();
            self.keys.recipient_key = recipient;
            self.key_source = KeySource::None;
        }
        self.state.token = token.to_owned();
        self.token_edited();
        self.record_history();
        true
    }

    /// The user edited a key (typed, loaded, generated, fetched): re-sign a token built here, or
    /// just verify a pasted one.
    pub fn key_edited(&mut self) {
        // The example's secret stays the example's while only other fields (the Encrypt tool's
        // recipient key) change.
        let example_untouched = self.key_source == KeySource::Example
            && self.keys.secret == EXAMPLE_SECRET
            && self.keys.public_key.trim().is_empty()
            && self.keys.private_key.trim().is_empty()
            && self.keys.inner_key.trim().is_empty();
        self.key_source = if example_untouched {
            KeySource::Example
        } else if self.keys.is_empty() {
            KeySource::None
        } else {
            KeySource::User
        };
        self.refresh_keys();
        if self.state.origin == Origin::Built {
            self.rebuild();
        }
        self.refresh();
    }

    /// True when the editors are large enough that re-signing should wait for a pause.
    pub fn defers_rebuild(&self) -> bool {
        self.state.header.len() + self.state.payload.len() > DEFER_REBUILD_BYTES
    }

    /// Header or payload text was edited and the rebuild waits for a pause in typing.
    pub fn parts_edited_later(&mut self) {
        self.rebuild_pending = true;
    }

    /// Header or payload text was edited: re-sign, or keep the last token as a draft.
    pub fn parts_edited(&mut self) {
        self.rebuild_pending = false;
        self.state.origin = Origin::Built;
        self.header_edited();
        self.refresh_keys();
        self.rebuild();
        self.refresh();
    }

    /// The algorithm picker changed: rewrite `alg` in the header JSON, keeping member order, and
    /// re-sign (or keep the token as a draft when no key for the new algorithm can sign).
    pub fn pick_alg(&mut self, alg: Alg) {
        match json::parse(&self.state.header) {
            Ok(parsed) => {
                let mut obj = match parsed.value {
                    Value::Object(o) => o,
                    _ => serde_json::Map::new(),
                };
                if let Some(v) = obj.get_mut("alg") {
                    *v = Value::from(alg.name());
                } else {
                    let mut with_alg = serde_json::Map::new();
                    with_alg.insert("alg".into(), Value::from(alg.name()));
                    with_alg.extend(obj);
                    obj = with_alg;
                }
                self.state.header = json::to_pretty(&Value::Object(obj));
            }
            Err(e) => {
                self.errors.header = Some(format!(
                    "fix the header JSON before changing the algorithm: {e}"
                ));
                return;
            }
        }
        self.parts_edited();
    }

    /// Builds the token from the editors and the signing key. The token text is replaced only by
    /// a token that really carries its signature; otherwise the state is a draft with the reason.
    fn rebuild(&mut self) {
        self.rebuild_pending = false;
        self.errors = EditorErrors::default();
        let header = match json::parse(&self.state.header) {
            Ok(p) if p.value.is_object() => p.value,
            Ok(p) => {
                self.errors.header = Some(format!(
                    "the header must be a JSON object, not {}",
                    json::type_name(&p.value)
                ));
                return self.draft(tr!("draft-header-not-object"));
            }
            Err(e) => {
                self.errors.header = Some(e.to_string());
                return self.draft(tr!("draft-header-not-json"));
            }
        };
        let payload = match json::parse(&self.state.payload) {
            Ok(p) => p.value,
            Err(e) => {
                self.errors.payload = Some(e.to_string());
                return self.draft(tr!("draft-payload-not-json"));
            }
        };
        let header_text = json::to_compact(&header);
        let payload_text = json::to_compact(&payload);
        let unsecured = if self.allow_unsecured {
            Unsecured::DangerouslyAllow
        } else {
            Unsecured::Refuse
        };
        let embedded = if self.allow_embedded_private_key {
            sign::EmbeddedPrivateKey::DangerouslyAllow
        } else {
            sign::EmbeddedPrivateKey::Refuse
        };
        match sign::sign_guarded(
            &header_text,
            &payload_text,
            self.key_state.sign.as_ref(),
            unsecured,
            embedded,
        ) {
            Ok(signed) => {
                self.state.token = signed.token;
                self.token_state = TokenState::Built;
            }
            Err(e) => self.draft(signing_message(&e, self.alg())),
        }
    }

    fn draft(&mut self, reason: String) {
        self.token_state = TokenState::Draft { reason };
    }

    /// The language changed: texts the model derived (key notes, the draft's reason) are made
    /// again in it.
    pub fn relocalize(&mut self) {
        self.keys_input = None;
        // Claim descriptions and time words come from the analysis: make it again.
        self.analysis_input = None;
        if matches!(self.token_state, TokenState::Draft { .. }) {
            self.rebuild();
        }
        self.refresh();
    }

    /// The state as it should be saved: never with keys (remembered keys go to the credential
    /// store, see `ui::secrets`). The open tab's workspace is written into its place in `tabs`.
    pub fn to_saved(&self) -> AppState {
        let mut state = self.state.clone();
        state.remembered_keys = None;
        let current = self.workspace();
        match state.tabs.get_mut(state.active_tab) {
            Some(tab) => *tab = current,
            None => {
                state.active_tab = state.tabs.len();
                state.tabs.push(current);
            }
        }
        state
    }

    /// The open tab's workspace, as a tab keeps it.
    pub fn workspace(&self) -> SavedTab {
        SavedTab {
            name: self
                .state
                .tabs
                .get(self.state.active_tab)
                .map(|t| t.name.clone())
                .unwrap_or_default(),
            token: self.state.token.clone(),
            header: self.state.header.clone(),
            payload: self.state.payload.clone(),
            origin: self.state.origin,
            secret_encoding: self.state.secret_encoding,
        }
    }

    /// A model for another tab: the settings of `settings`, the workspace of `tab` and its keys.
    /// An empty tab stays empty (no example).
    pub fn open_workspace(settings: &AppState, tab: &SavedTab, keys: KeyInputs, now: i64) -> Self {
        let mut state = settings.clone();
        state.remembered_keys = None;
        state.token = tab.token.clone();
        state.header = tab.header.clone();
        state.payload = tab.payload.clone();
        state.origin = tab.origin;
        state.secret_encoding = tab.secret_encoding;
        let empty = tab.token.trim().is_empty() && tab.header.trim().is_empty();
        let mut model = Self::new(state, now);
        if empty {
            model.state.header.clear();
            model.state.payload.clear();
            model.state.token.clear();
            model.keys = KeyInputs::default();
            model.token_edited();
        }
        model.keys = keys;
        model.key_edited();
        model
    }

    /// Adds the token on screen to the history (newest first, once), unless it is off.
    fn record_history(&mut self) {
        if self.state.history_off || self.analysis.is_malformed() {
            return;
        }
        let token = self.state.token.trim().to_owned();
        if token.is_empty() {
            return;
        }
        let d = &self.analysis.decoded;
        let entry = HistoryEntry {
            alg: d.header_member("alg"),
            kid: d.header_member("kid"),
            iss: d.claim_member("iss"),
            sub: d.claim_member("sub"),
            seen: self.now,
            token,
        };
        self.state.history.retain(|e| e.token != entry.token);
        self.state.history.insert(0, entry);
        self.state.history.truncate(super::state::MAX_HISTORY);
    }

    /// Text for the copy buttons.
    pub fn copy_text(&self, what: CopyWhat) -> String {
        let token = self.state.token.trim();
        match what {
            CopyWhat::Token => token.to_owned(),
            CopyWhat::BearerHeader => format!("Authorization: Bearer {token}"),
            CopyWhat::Curl => {
                format!("curl -H 'Authorization: Bearer {token}' https://api.example.com/")
            }
            CopyWhat::Header => self.state.header.clone(),
            CopyWhat::Payload => self.state.payload.clone(),
        }
    }
}

fn signing_message(e: &SignError, alg: Option<Alg>) -> String {
    match e {
        SignError::PublicKeyCannotSign { alg } => tr!("draft-public-key", alg = alg.name()),
        SignError::NoKey(alg) => match alg.family() {
            Family::Hmac => tr!("draft-no-secret", alg = alg.name()),
            _ => tr!("draft-no-private-key", alg = alg.name()),
        },
        SignError::EmbeddedPrivateKey => tr!("draft-embedded-key"),
        SignError::UnsecuredNotAllowed => tr!("draft-unsecured"),
        SignError::KeyDoesNotFit(why) => tr!(
            "draft-cannot-sign",
            alg = alg.map_or("?", Alg::name),
            why = why.0.clone()
        ),
        other => other.to_string(),
    }
}

/// What a copy button copies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CopyWhat {
    Token,
    BearerHeader,
    Curl,
    Header,
    Payload,
}

impl CopyWhat {
    pub const ALL: [CopyWhat; 5] = [
        Self::Token,
        Self::BearerHeader,
        Self::Curl,
        Self::Header,
        Self::Payload,
    ];
    /// What a notice calls the copied text: "token", "curl command".
    pub fn noun(self) -> String {
        match self {
            Self::Token => tr!("copied-token"),
            Self::BearerHeader => tr!("copied-bearer"),
            Self::Curl => tr!("copied-curl"),
            Self::Header => tr!("copied-header"),
            Self::Payload => tr!("copied-payload"),
        }
    }

    pub fn label(self) -> String {
        match self {
            Self::Token => tr!("copy-what-token"),
            Self::BearerHeader => tr!("copy-what-bearer"),
            Self::Curl => tr!("copy-what-curl"),
            Self::Header => tr!("copy-what-header"),
            Self::Payload => tr!("copy-what-payload"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::SignatureStatus;

    const NOW: i64 = 1_800_000_000;

    fn example() -> Model {
        Model::new(AppState::default(), NOW)
    }

    /// A token signed with `secret`, not the example's.
    fn foreign_token(secret: &str) -> String {
        let key = keys::parse_secret(secret, SecretEncoding::Utf8).unwrap();
        sign::sign(
            r#"{"alg":"HS256","typ":"JWT"}"#,
            r#"{"sub":"someone","exp":1800003600}"#,
            Some(&key),
            Unsecured::Refuse,
        )
        .unwrap()
        .token
    }

    #[test]
    fn a_new_model_shows_a_verified_example() {
        let m = example();
        assert_eq!(m.token_state, TokenState::Built);
        assert_eq!(m.key_source, KeySource::Example);
        assert_eq!(m.analysis.signature.status, SignatureStatus::Verified);
        assert_eq!(m.alg(), Some(Alg::HS256));
        assert_eq!(m.analysis.validity.state, core::ValidityState::Valid);
    }

    #[test]
    fn a_refresh_without_changes_does_not_reanalyse() {
        let mut m = example();
        let runs = m.analyses_run;
        m.refresh();
        m.refresh();
        m.set_now(NOW + 5);
        assert_eq!(m.analyses_run, runs);
        assert_eq!(m.analysis.validity.now, NOW + 5, "times follow the clock");
    }

    #[test]
    fn editing_the_payload_resigns() {
        let mut m = example();
        let before = m.state.token.clone();
        m.state.payload = r#"{"sub":"someone else"}"#.into();
        m.parts_edited();
        assert_ne!(m.state.token, before);
        assert_eq!(m.token_state, TokenState::Built);
        assert_eq!(m.analysis.signature.status, SignatureStatus::Verified);
        assert_eq!(m.analysis.decoded.claims().unwrap()["sub"], "someone else");
    }

    #[test]
    fn invalid_json_is_a_draft_that_keeps_the_text_and_the_last_token() {
        let mut m = example();
        let before = m.state.token.clone();
        m.state.payload = "{\n  \"sub\": }".into();
        m.parts_edited();
        assert_eq!(m.state.payload, "{\n  \"sub\": }");
        assert_eq!(m.state.token, before);
        assert_eq!(
            m.token_state,
            TokenState::Draft {
                reason: "the payload is not valid JSON".into()
            }
        );
        assert!(
            m.errors
                .payload
                .as_deref()
                .unwrap()
                .starts_with("line 2, column")
        );
    }

    #[test]
    fn switching_to_an_algorithm_without_a_key_makes_a_draft_not_a_broken_token() {
        let mut m = example();
        let before = m.state.token.clone();
        m.pick_alg(Alg::ES256);
        assert!(m.state.header.contains("\"ES256\""));
        assert!(
            m.state.header.find("alg") < m.state.header.find("typ"),
            "order kept"
        );
        assert_eq!(
            m.token_state,
            TokenState::Draft {
                reason: "no ES256 private key".into()
            }
        );
        assert_eq!(m.state.token, before, "the token is not rewritten");
        assert_eq!(m.analysis.decoded.alg_name(), Some("HS256"));
    }

    #[test]
    fn changing_the_algorithm_of_a_pasted_token_never_claims_a_signature_it_lacks() {
        let mut m = example();
        let pasted = foreign_token("some-other-secret-that-is-long-enough!!");
        assert!(m.load_text(&pasted));
        m.pick_alg(Alg::ES256);
        assert_eq!(m.state.token, pasted);
        assert!(matches!(m.token_state, TokenState::Draft { .. }));
        assert!(
            m.analysis
                .findings
                .iter()
                .all(|f| f.severity != core::Severity::Critical),
            "no finding about a token the app made up: {:?}",
            m.analysis.findings
        );
    }

    #[test]
    fn a_public_key_cannot_sign() {
        let mut m = example();
        m.pick_alg(Alg::EdDSA);
        m.keys.private_key =
            r#"{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}"#
                .into();
        m.key_edited();
        assert_eq!(
            m.token_state,
            TokenState::Draft {
                reason: "a public key cannot sign EdDSA: paste the private key".into()
            }
        );
    }

    #[test]
    fn a_pasted_token_drops_the_example_key_but_keeps_a_users_key() {
        let mut m = example();
        let pasted = foreign_token("some-other-secret-that-is-long-enough!!");
        assert!(m.load_text(&format!("Authorization: Bearer {pasted}")));
        assert_eq!(m.token_state, TokenState::Decoded);
        assert!(m.keys.secret.is_empty());
        assert_eq!(m.analysis.signature.status, SignatureStatus::NoKey);

        m.keys.secret = "another-secret-another-secret-another".into();
        m.key_edited();
        assert_eq!(
            m.state.token, pasted,
            "a pasted token is verified, not re-signed"
        );
        assert_eq!(m.analysis.signature.status, SignatureStatus::Invalid);
        assert!(m.load_text(&pasted));
        assert_eq!(m.keys.secret, "another-secret-another-secret-another");
    }

    #[test]
    fn empty_and_garbage_input_have_their_own_states_and_clear_the_editors() {
        let mut m = example();
        m.state.token = "not a token at all".into();
        m.token_edited();
        assert_eq!(m.token_state, TokenState::Malformed);
        assert_eq!(m.state.header, "");
        assert_eq!(m.state.payload, "");
        m.state.token.clear();
        m.token_edited();
        assert_eq!(m.token_state, TokenState::Empty);
    }

    #[test]
    fn helpers_edit_times_and_resign() {
        let mut m = example();
        m.set_exp_in(300).unwrap();
        assert_eq!(m.analysis.decoded.claims().unwrap()["exp"], NOW + 300);
        assert_eq!(m.analysis.signature.status, SignatureStatus::Verified);
        m.set_now(NOW + 100);
        m.reissue_now().unwrap();
        let c = m.analysis.decoded.claims().unwrap().clone();
        assert_eq!(c["iat"], NOW + 100);
        assert_eq!(
            c["exp"].as_i64().unwrap() - c["iat"].as_i64().unwrap(),
            300,
            "lifetime kept"
        );
        m.random_jti().unwrap();
        assert_eq!(
            m.analysis.decoded.claims().unwrap()["jti"]
                .as_str()
                .unwrap()
                .len(),
            36
        );
    }

    #[test]
    fn millisecond_times_get_a_one_click_fix() {
        let mut m = example();
        m.set_time_claim("exp", (NOW + 60) * 1000).unwrap();
        let exp = m.analysis.claims.iter().find(|c| c.name == "exp").unwrap();
        assert!(
            exp.time_problem
                .as_ref()
                .unwrap()
                .message
                .to_string()
                .contains("milliseconds")
        );
        m.fix_time_claim("exp").unwrap();
        assert_eq!(m.analysis.decoded.claims().unwrap()["exp"], NOW + 60);
    }

    #[test]
    fn expectations_and_a_fixed_instant_are_applied() {
        let mut m = example();
        m.state.expect_issuer = "https://issuer".into();
        m.state.evaluate_at = Some("2030-01-01T00:00:00Z".into());
        m.settings_edited();
        assert!(!m.analysis.validity.expectations_met);
        assert_eq!(m.analysis.validity.state, core::ValidityState::Expired);
        m.state.expect_max_lifetime = "soon".into();
        m.settings_edited();
        assert!(
            m.settings_error
                .as_deref()
                .unwrap()
                .starts_with("maximum lifetime")
        );
    }

    #[test]
    fn templates_fill_header_and_payload() {
        let mut m = example();
        m.apply_template(core::templates::Template::AccessToken);
        assert!(m.state.header.contains("at+jwt"));
        assert_eq!(m.analysis.decoded.claims().unwrap()["iat"], NOW);
        assert_eq!(m.analysis.signature.status, SignatureStatus::Verified);
    }

    #[test]
    fn saved_state_never_holds_a_key() {
        let mut m = example();
        m.keys.private_key = "-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----".into();
        for remember in [false, true] {
            m.state.remember_key = remember;
            let saved = serde_json::to_string(&m.to_saved()).unwrap();
            assert!(!saved.contains(EXAMPLE_SECRET));
            assert!(!saved.contains("PRIVATE KEY"));
        }
    }
}
