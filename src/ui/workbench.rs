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
    now: i64,
    /// Bumped on every change of the token or the keys; the analysis is recomputed only then.
    revision: u64,
    analysed_revision: u64,
    /// Count of full analyses, for tests and benchmarks of memoization.
    pub analyses_run: u64,
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
            now,
            revision: 1,
            analysed_revision: 0,
            analyses_run: 0,
        };
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
        self.reload_keys();
        self.parts_edited();
    }

    pub fn now(&self) -> i64 {
        self.now
    }

    /// The algorithm named by the header editor (falls back to the token's).
    pub fn alg(&self) -> Option<Alg> {
        sign::header_alg(&self.ws.header)
            .ok()
            .map(|(_, a)| a)
            .or_else(|| self.analysis.decoded.alg_name().and_then(Alg::parse))
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
        // The algorithm may have changed family: read the keys for it.
        self.reload_keys();
        let options = Options {
            now: self.now,
            leeway_secs: self.ws.leeway_secs,
        };
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
        match sign::sign(
            &header_text,
            &payload_text,
            self.key_state.sign.as_ref(),
            unsecured,
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
        let options = Options {
            now: self.now,
            leeway_secs: self.ws.leeway_secs,
        };
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
        let a = &mut self.analysis;
        a.validity = core::validity::evaluate(a.decoded.claims(), now, self.ws.leeway_secs);
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
