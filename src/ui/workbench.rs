//! The workbench model: what the user typed, the keys read from it, and the memoized analysis.
//! No drawing here; panels read this and return commands.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::core::{
    self, Alg, Analysis, Key, KeySet, Options,
    alg::Family,
    json,
    keys::{self, SecretEncoding},
    sign::{self, SignError, Unsecured},
};

/// The secret used by the example a new window opens with: readable, and as long as HS256 needs.
pub const EXAMPLE_SECRET: &str = "a-string-secret-at-least-256-bits-long";

/// Where the current token came from; decides whether a key edit re-signs or only verifies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum Origin {
    /// Pasted or opened: editing the key verifies it.
    #[default]
    Pasted,
    /// Built from header, payload and key here: editing any of them re-signs.
    Built,
}

/// Key text as typed. Never serialized on its own: see [`Workspace::remembered_keys`].
#[derive(Clone, Default, Serialize, Deserialize)]
pub struct KeyInputs {
    /// HMAC secret, read with [`Workspace::secret_encoding`].
    pub secret: String,
    /// Public key text (PEM, JWK or JWKS) used to verify.
    pub public_key: String,
    /// Private key text (PEM or JWK) used to sign, and to verify when no public key is given.
    pub private_key: String,
}

impl std::fmt::Debug for KeyInputs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("KeyInputs { .. }")
    }
}

impl Drop for KeyInputs {
    fn drop(&mut self) {
        use zeroize::Zeroize as _;
        self.secret.zeroize();
        self.private_key.zeroize();
    }
}

/// What survives a restart (eframe persistence writes it as plain text).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct Workspace {
    pub token: String,
    pub header: String,
    pub payload: String,
    pub origin: Origin,
    pub secret_encoding: SecretEncoding,
    pub leeway_secs: i64,
    /// Off by default: keys are kept in memory only.
    pub remember_key: bool,
    /// Filled at save time only when `remember_key` is on; otherwise `None`, so no secret is written.
    pub remembered_keys: Option<KeyInputs>,
    /// `None` follows the system.
    pub dark_mode: Option<bool>,
    /// Expectations, as typed: issuer, audiences and required claims (comma-separated), lifetime.
    pub expect_issuer: String,
    pub expect_audiences: String,
    pub expect_required: String,
    pub expect_max_lifetime: String,
    /// Evaluate times at this instant (RFC 3339 or Unix) instead of live "now".
    pub evaluate_at: Option<String>,
    /// A user claim dictionary (JSON text) laid over the bundled one.
    pub user_dictionary: Option<String>,
}

impl Default for Workspace {
    fn default() -> Self {
        Self {
            token: String::new(),
            header: String::new(),
            payload: String::new(),
            origin: Origin::Built,
            secret_encoding: SecretEncoding::Utf8,
            leeway_secs: 0,
            remember_key: false,
            remembered_keys: None,
            dark_mode: None,
            expect_issuer: String::new(),
            expect_audiences: String::new(),
            expect_required: String::new(),
            expect_max_lifetime: String::new(),
            evaluate_at: None,
            user_dictionary: None,
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
}

/// Problems with the editors, each shown under its editor.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EditorErrors {
    pub header: Option<String>,
    pub payload: Option<String>,
    /// Why the token could not be re-signed ("Cannot sign with a public key: …").
    pub signing: Option<String>,
}

/// Everything the panels draw.
pub struct Workbench {
    pub ws: Workspace,
    pub keys: KeyInputs,
    pub key_state: KeyState,
    pub analysis: Analysis,
    pub errors: EditorErrors,
    /// True while header/payload edits are not reflected in the token (invalid JSON, no key).
    pub stale: bool,
    /// The user confirmed making an unsecured (`alg: none`) token.
    pub allow_unsecured: bool,
    /// The user confirmed signing a header whose jwk holds a private key.
    pub allow_embedded_private_key: bool,
    now: i64,
    /// Bumped on every change of the token or the keys; the analysis is recomputed only then.
    revision: u64,
    analysed_revision: u64,
    /// Count of full analyses, for tests and benchmarks of memoization.
    pub analyses_run: u64,
    /// The user dictionary, parsed.
    dictionary: Option<std::sync::Arc<core::claims::Dictionary>>,
    /// What is wrong with the validation settings (bad lifetime, bad instant, bad dictionary).
    pub settings_error: Option<String>,
    /// Read from the header text when it changes (see `header_edited`).
    header_info: HeaderInfo,
}

/// What the header text says, kept so that drawing a frame parses no JSON.
#[derive(Debug, Clone, Copy, Default)]
struct HeaderInfo {
    alg: Option<Alg>,
    publishes_private_key: bool,
}

fn pretty_or_raw(text: &str) -> String {
    match json::parse(text) {
        Ok(p) => json::to_pretty(&p.value),
        Err(_) => text.to_owned(),
    }
}

impl Workbench {
    /// A workbench showing `ws` as it was saved, with `keys` restored (or empty).
    pub fn new(mut ws: Workspace, now: i64) -> Self {
        let keys = ws.remembered_keys.take().unwrap_or_default();
        let analysis = core::analyze(&ws.token, None, Options::at(now));
        let mut wb = Self {
            ws,
            keys,
            key_state: KeyState::default(),
            analysis,
            errors: EditorErrors::default(),
            stale: false,
            allow_unsecured: false,
            allow_embedded_private_key: false,
            now,
            revision: 1,
            analysed_revision: 0,
            analyses_run: 0,
            dictionary: None,
            settings_error: None,
            header_info: HeaderInfo::default(),
        };
        wb.load_dictionary();
        wb.header_edited();
        wb.reload_keys();
        if wb.ws.token.trim().is_empty() && wb.ws.header.trim().is_empty() {
            wb.load_example(now);
        }
        wb.refresh();
        wb
    }

    /// The first-run example: HS256 with a readable secret, already verified.
    pub fn load_example(&mut self, now: i64) {
        self.ws.header = "{\n  \"alg\": \"HS256\",\n  \"typ\": \"JWT\"\n}".into();
        self.ws.payload = format!(
            "{{\n  \"sub\": \"1234567890\",\n  \"name\": \"John Doe\",\n  \"admin\": true,\n  \"iat\": {now},\n  \"exp\": {}\n}}",
            now + 3600
        );
        self.ws.secret_encoding = SecretEncoding::Utf8;
        self.keys.secret = EXAMPLE_SECRET.into();
        self.parts_edited();
    }

    /// The live clock.
    pub fn now(&self) -> i64 {
        self.now
    }

    /// The instant times are evaluated at: the fixed one the user chose, else now.
    pub fn evaluation_instant(&self) -> i64 {
        self.ws
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
        let issuer = self.ws.expect_issuer.trim();
        let lifetime = self.ws.expect_max_lifetime.trim();
        Ok(core::validity::Expectations {
            issuer: (!issuer.is_empty()).then(|| issuer.to_owned()),
            audiences: list(&self.ws.expect_audiences),
            required: list(&self.ws.expect_required),
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
            leeway_secs: self.ws.leeway_secs,
            expectations: self.expectations().unwrap_or_default(),
            dictionary: self.dictionary.clone(),
        }
    }

    fn load_dictionary(&mut self) {
        self.dictionary = None;
        if let Some(text) = &self.ws.user_dictionary {
            match core::claims::Dictionary::with_user(text) {
                Ok(d) => self.dictionary = Some(d),
                Err(e) => self.settings_error = Some(e),
            }
        }
    }

    /// Leeway, instant, expectations or dictionary changed: re-evaluate.
    pub fn settings_edited(&mut self) {
        self.settings_error = None;
        if let Err(e) = self.expectations() {
            self.settings_error = Some(e);
        }
        if let Some(t) = &self.ws.evaluate_at
            && !t.trim().is_empty()
            && let Err(e) = core::time::parse_instant(t)
        {
            self.settings_error = Some(format!("evaluate at: {e}"));
        }
        self.load_dictionary();
        self.revision += 1;
        self.refresh();
    }

    /// Loads a user claim dictionary (JSON); returns the error to show when it is not one.
    pub fn set_user_dictionary(&mut self, text: Option<String>) -> Result<(), String> {
        if let Some(t) = &text {
            core::claims::Dictionary::with_user(t)?;
        }
        self.ws.user_dictionary = text;
        self.settings_edited();
        Ok(())
    }

    /// Edits the payload JSON object with `edit`, then re-signs. Fails when the payload is not an object.
    fn edit_payload(
        &mut self,
        edit: impl FnOnce(&mut serde_json::Map<String, Value>),
    ) -> Result<(), String> {
        let parsed = json::parse(&self.ws.payload)
            .map_err(|e| format!("fix the payload JSON first ({e})"))?;
        let Value::Object(mut map) = parsed.value else {
            return Err("the payload is not a JSON object".into());
        };
        edit(&mut map);
        self.ws.payload = json::to_pretty(&Value::Object(map));
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
            self.ws.secret_encoding = SecretEncoding::Base64Url;
        } else {
            self.keys.private_key = core::export::private_pem(key)
                .map_err(|e| e.to_string())?
                .to_string();
            self.keys.public_key = core::export::public_pem(key).map_err(|e| e.to_string())?;
        }
        self.parts_edited();
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
        let mut header = match json::parse(&self.ws.header) {
            Ok(p) => match p.value {
                Value::Object(o) => o,
                _ => return Err("the header is not a JSON object".into()),
            },
            Err(e) => return Err(format!("fix the header JSON first ({e})")),
        };
        header.insert("kid".into(), Value::from(thumbprint));
        self.ws.header = json::to_pretty(&Value::Object(header));
        self.parts_edited();
        Ok(())
    }

    /// Puts fetched JWKS text in the public-key field and verifies with it.
    pub fn use_fetched_jwks(&mut self, jwks_text: String) {
        self.keys.public_key = jwks_text;
        self.key_edited();
    }

    /// Starts a new token from a template, keeping the algorithm and key.
    pub fn apply_template(&mut self, template: core::templates::Template) {
        let alg = self.alg().unwrap_or(Alg::HS256);
        let (header, payload) = template.build(alg, self.now, &core::templates::random_jti());
        self.ws.header = json::to_pretty(&header);
        self.ws.payload = json::to_pretty(&payload);
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

    /// Re-reads what the panels need from the header text. Called whenever the header changes,
    /// so that frames read it without parsing JSON.
    fn header_edited(&mut self) {
        self.header_info = match sign::header_alg(&self.ws.header) {
            Ok((header, alg)) => HeaderInfo {
                alg: Some(alg),
                publishes_private_key: sign::header_publishes_private_key(&header),
            },
            Err(_) => HeaderInfo {
                alg: None,
                publishes_private_key: json::parse(&self.ws.header)
                    .is_ok_and(|p| sign::header_publishes_private_key(&p.value)),
            },
        };
    }

    fn family(&self) -> Family {
        self.alg().map_or(Family::Hmac, Alg::family)
    }

    /// Re-reads the keys from their text; called when key text or the algorithm changes.
    pub fn reload_keys(&mut self) {
        let mut state = KeyState::default();
        if self.family() == Family::Hmac || self.family() == Family::Unsecured {
            if !self.keys.secret.is_empty() {
                match keys::parse_secret(&self.keys.secret, self.ws.secret_encoding) {
                    Ok(key) => {
                        state.verify_note = Some(Ok(key.describe()));
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
                        state.sign_note = Some(Ok(set.describe()));
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
                        state.verify_note = Some(Ok(set.describe()));
                        state.verify = Some(set);
                    }
                    Err(e) => state.verify_note = Some(Err(e.to_string())),
                }
            } else if let Some(Ok(d)) = &state.sign_note {
                state.verify_note = Some(Ok(d.clone()));
            }
        }
        self.key_state = state;
        self.revision += 1;
    }

    /// The token text was edited or loaded: decode it into the editors, then verify it.
    pub fn token_edited(&mut self) {
        self.ws.origin = Origin::Pasted;
        let decoded = core::parse::decode(&self.ws.token);
        if let Some(text) = &decoded.header_text {
            self.ws.header = pretty_or_raw(text);
        }
        match &decoded.payload {
            core::Payload::Claims(v) | core::Payload::OtherJson(v) => {
                self.ws.payload = json::to_pretty(v)
            }
            core::Payload::Text(t) => self.ws.payload = t.clone(),
            core::Payload::Binary(_) | core::Payload::Encrypted | core::Payload::Unavailable => {}
        }
        self.errors = EditorErrors::default();
        self.stale = false;
        self.header_edited();
        // The algorithm may have changed family: read the keys for it.
        self.reload_keys();
        let options = self.options();
        self.analysis = core::analyze_decoded(decoded, self.key_state.verify.as_ref(), options);
        self.analyses_run += 1;
        self.analysed_revision = self.revision;
    }

    /// Loads a token from any text (clipboard, file, drop), picking it out of headers or URLs.
    /// Returns false when the text holds nothing that looks like a token.
    pub fn load_text(&mut self, text: &str) -> bool {
        let token = core::parse::find_token(text).unwrap_or(text.trim());
        if token.is_empty() {
            return false;
        }
        self.ws.token = token.to_owned();
        self.token_edited();
        true
    }

    /// A key was edited: re-sign a token built here, or just verify a pasted one.
    pub fn key_edited(&mut self) {
        self.reload_keys();
        if self.ws.origin == Origin::Built {
            self.rebuild();
        }
        self.refresh();
    }

    /// Header or payload text was edited: re-sign (or mark stale).
    pub fn parts_edited(&mut self) {
        self.ws.origin = Origin::Built;
        self.header_edited();
        self.reload_keys();
        self.rebuild();
        self.refresh();
    }

    /// The algorithm picker changed: rewrite `alg` in the header JSON, keeping member order.
    pub fn pick_alg(&mut self, alg: Alg) {
        match json::parse(&self.ws.header) {
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
                self.ws.header = json::to_pretty(&Value::Object(obj));
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

    /// Builds the token from the editors and the signing key.
    fn rebuild(&mut self) {
        self.errors = EditorErrors::default();
        let header = match json::parse(&self.ws.header) {
            Ok(p) if p.value.is_object() => p.value,
            Ok(p) => {
                self.errors.header = Some(format!(
                    "the header must be a JSON object, not {}",
                    json::type_name(&p.value)
                ));
                self.stale = true;
                return;
            }
            Err(e) => {
                self.errors.header = Some(e.to_string());
                self.stale = true;
                return;
            }
        };
        let payload = match json::parse(&self.ws.payload) {
            Ok(p) => p.value,
            Err(e) => {
                self.errors.payload = Some(e.to_string());
                self.stale = true;
                return;
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
                self.ws.token = signed.token;
                self.stale = false;
            }
            Err(e) => {
                // Keep the old signature so the token shows, honestly, as not verified.
                let old_sig = self
                    .ws
                    .token
                    .rsplit('.')
                    .next()
                    .unwrap_or_default()
                    .to_owned();
                self.ws.token = format!(
                    "{}.{}.{old_sig}",
                    core::b64::encode(&header_text),
                    core::b64::encode(&payload_text)
                );
                self.errors.signing = Some(signing_message(&e, self.alg()));
                self.stale = false;
            }
        }
        self.revision += 1;
    }

    /// Recomputes the analysis if the token or keys changed since the last one.
    pub fn refresh(&mut self) {
        if self.analysed_revision == self.revision {
            return;
        }
        let options = self.options();
        self.analysis = core::analyze(&self.ws.token, self.key_state.verify.as_ref(), options);
        self.analyses_run += 1;
        self.analysed_revision = self.revision;
    }

    /// Moves the clock: times and validity are re-evaluated without parsing or crypto.
    pub fn set_now(&mut self, now: i64) {
        if now == self.now {
            return;
        }
        self.now = now;
        let at = self.evaluation_instant();
        let expectations = self.expectations().unwrap_or_default();
        let a = &mut self.analysis;
        if a.validity.now == at {
            return;
        }
        let now = at;
        a.validity = core::validity::evaluate_with(
            a.decoded.claims(),
            now,
            self.ws.leeway_secs,
            &expectations,
        );
        for claim in a.claims.iter_mut().chain(a.header_claims.iter_mut()) {
            if let Some(t) = &mut claim.time {
                *t = core::time::info(t.unix, now);
            }
        }
    }

    /// The workspace as it should be saved: keys only when the user asked for it.
    pub fn to_saved(&self) -> Workspace {
        let mut ws = self.ws.clone();
        ws.remembered_keys = ws.remember_key.then(|| self.keys.clone());
        ws
    }

    /// Text for the copy buttons.
    pub fn copy_text(&self, what: CopyWhat) -> String {
        let token = self.ws.token.trim();
        match what {
            CopyWhat::Token => token.to_owned(),
            CopyWhat::BearerHeader => format!("Authorization: Bearer {token}"),
            CopyWhat::Curl => {
                format!("curl -H 'Authorization: Bearer {token}' https://api.example.com/")
            }
            CopyWhat::Header => self.ws.header.clone(),
            CopyWhat::Payload => self.ws.payload.clone(),
        }
    }
}

fn signing_message(e: &SignError, alg: Option<Alg>) -> String {
    match e {
        SignError::KeyDoesNotFit(why) if why.starts_with("cannot sign with a public key") => {
            "Cannot sign with a public key: paste the private key".to_owned()
        }
        SignError::NoKey(alg) => match alg.family() {
            Family::Hmac => format!("Enter a secret to sign with {alg}"),
            _ => format!("Paste a private key to sign with {alg}"),
        },
        SignError::EmbeddedPrivateKey => {
            "The header's jwk holds a private key, which the token would publish: tick the box under the key to sign anyway".to_owned()
        }
        SignError::UnsecuredNotAllowed => {
            "alg none makes an unsecured token: tick \"Make an unsecured token\" to create it"
                .to_owned()
        }
        SignError::KeyDoesNotFit(why) => format!(
            "Cannot sign{}: {why}",
            alg.map(|a| format!(" with {a}")).unwrap_or_default()
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
    pub fn label(self) -> &'static str {
        match self {
            Self::Token => "Copy token",
            Self::BearerHeader => "Copy Authorization header",
            Self::Curl => "Copy curl command",
            Self::Header => "Copy header JSON",
            Self::Payload => "Copy payload JSON",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::SignatureStatus;

    const NOW: i64 = 1_800_000_000;

    #[test]
    fn a_new_workbench_shows_a_verified_example() {
        let wb = Workbench::new(Workspace::default(), NOW);
        assert_eq!(wb.analysis.signature.status, SignatureStatus::Verified);
        assert_eq!(wb.alg(), Some(Alg::HS256));
        assert_eq!(wb.analysis.validity.state, core::ValidityState::Valid);
    }

    #[test]
    fn a_frame_without_changes_does_not_reanalyse() {
        let mut wb = Workbench::new(Workspace::default(), NOW);
        let runs = wb.analyses_run;
        wb.refresh();
        wb.refresh();
        wb.set_now(NOW + 5);
        assert_eq!(wb.analyses_run, runs);
    }

    #[test]
    fn editing_the_payload_resigns() {
        let mut wb = Workbench::new(Workspace::default(), NOW);
        let before = wb.ws.token.clone();
        wb.ws.payload = r#"{"sub":"someone else"}"#.into();
        wb.parts_edited();
        assert_ne!(wb.ws.token, before);
        assert_eq!(wb.analysis.signature.status, SignatureStatus::Verified);
        assert_eq!(wb.analysis.decoded.claims().unwrap()["sub"], "someone else");
    }

    #[test]
    fn invalid_json_keeps_the_text_and_the_last_token() {
        let mut wb = Workbench::new(Workspace::default(), NOW);
        let before = wb.ws.token.clone();
        wb.ws.payload = "{\n  \"sub\": }".into();
        wb.parts_edited();
        assert_eq!(wb.ws.payload, "{\n  \"sub\": }");
        assert_eq!(wb.ws.token, before);
        assert!(wb.stale);
        assert!(
            wb.errors
                .payload
                .as_deref()
                .unwrap()
                .starts_with("line 2, column")
        );
    }

    #[test]
    fn switching_algorithm_updates_the_header_and_asks_for_a_key() {
        let mut wb = Workbench::new(Workspace::default(), NOW);
        wb.pick_alg(Alg::ES256);
        assert!(wb.ws.header.contains("\"ES256\""));
        assert!(
            wb.ws.header.find("alg") < wb.ws.header.find("typ"),
            "order kept"
        );
        assert_eq!(
            wb.errors.signing.as_deref(),
            Some("Paste a private key to sign with ES256")
        );
        assert_ne!(wb.analysis.signature.status, SignatureStatus::Verified);
    }

    #[test]
    fn a_public_key_cannot_sign() {
        let mut wb = Workbench::new(Workspace::default(), NOW);
        wb.pick_alg(Alg::EdDSA);
        wb.keys.private_key =
            r#"{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}"#
                .into();
        wb.key_edited();
        assert_eq!(
            wb.errors.signing.as_deref(),
            Some("Cannot sign with a public key: paste the private key")
        );
        assert_eq!(wb.analysis.signature.status, SignatureStatus::Invalid);
    }

    #[test]
    fn a_pasted_token_is_verified_not_resigned_when_the_key_changes() {
        let mut wb = Workbench::new(Workspace::default(), NOW);
        let token = wb.ws.token.clone();
        assert!(wb.load_text(&format!("Authorization: Bearer {token}")));
        wb.keys.secret = "another-secret-another-secret-another".into();
        wb.key_edited();
        assert_eq!(wb.ws.token, token);
        assert_eq!(wb.analysis.signature.status, SignatureStatus::Invalid);
    }

    #[test]
    fn helpers_edit_times_and_resign() {
        let mut wb = Workbench::new(Workspace::default(), NOW);
        wb.set_exp_in(300).unwrap();
        assert_eq!(wb.analysis.decoded.claims().unwrap()["exp"], NOW + 300);
        assert_eq!(wb.analysis.signature.status, SignatureStatus::Verified);
        wb.set_now(NOW + 100);
        wb.reissue_now().unwrap();
        let c = wb.analysis.decoded.claims().unwrap().clone();
        assert_eq!(c["iat"], NOW + 100);
        assert_eq!(
            c["exp"].as_i64().unwrap() - c["iat"].as_i64().unwrap(),
            300,
            "lifetime kept"
        );
        wb.random_jti().unwrap();
        assert_eq!(
            wb.analysis.decoded.claims().unwrap()["jti"]
                .as_str()
                .unwrap()
                .len(),
            36
        );
    }

    #[test]
    fn millisecond_times_get_a_one_click_fix() {
        let mut wb = Workbench::new(Workspace::default(), NOW);
        wb.set_time_claim("exp", (NOW + 60) * 1000).unwrap();
        let exp = wb.analysis.claims.iter().find(|c| c.name == "exp").unwrap();
        assert!(
            exp.time_problem
                .as_ref()
                .unwrap()
                .message
                .contains("milliseconds")
        );
        wb.fix_time_claim("exp").unwrap();
        assert_eq!(wb.analysis.decoded.claims().unwrap()["exp"], NOW + 60);
    }

    #[test]
    fn expectations_and_a_fixed_instant_are_applied() {
        let mut wb = Workbench::new(Workspace::default(), NOW);
        wb.ws.expect_issuer = "https://issuer".into();
        wb.ws.evaluate_at = Some("2030-01-01T00:00:00Z".into());
        wb.settings_edited();
        assert!(!wb.analysis.validity.expectations_met);
        assert_eq!(wb.analysis.validity.state, core::ValidityState::Expired);
        wb.ws.expect_max_lifetime = "soon".into();
        wb.settings_edited();
        assert!(
            wb.settings_error
                .as_deref()
                .unwrap()
                .starts_with("maximum lifetime")
        );
    }

    #[test]
    fn templates_fill_header_and_payload() {
        let mut wb = Workbench::new(Workspace::default(), NOW);
        wb.apply_template(core::templates::Template::AccessToken);
        assert!(wb.ws.header.contains("at+jwt"));
        assert_eq!(wb.analysis.decoded.claims().unwrap()["iat"], NOW);
        assert_eq!(wb.analysis.signature.status, SignatureStatus::Verified);
    }

    #[test]
    fn saved_state_holds_no_secret_unless_asked() {
        let mut wb = Workbench::new(Workspace::default(), NOW);
        wb.keys.private_key = "-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----".into();
        let saved = serde_json::to_string(&wb.to_saved()).unwrap();
        assert!(!saved.contains(EXAMPLE_SECRET));
        assert!(!saved.contains("PRIVATE KEY"));
        wb.ws.remember_key = true;
        let saved = serde_json::to_string(&wb.to_saved()).unwrap();
        assert!(saved.contains(EXAMPLE_SECRET));
    }
}
