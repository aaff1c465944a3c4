//! The model: the app state, the keys read from it, the token state and the memoized analysis.
//! No drawing here. Every change arrives as a method call from `App::apply`, and ends in
//! [`Model::refresh`], which recomputes only what the changed inputs affect.

use crate::tr;
use std::hash::Hasher as _;

pub use super::state::{AppState, HistoryEntry, KeyInputs, KeySource, Origin, SavedTab};
use crate::core::{self, Alg, Analysis, KeySet, Options, json, keys::SecretEncoding};

/// Header and payload together larger than this are re-signed when typing pauses, not on every
/// keystroke: laying out a token that size takes longer than a frame.
pub const DEFER_REBUILD_BYTES: usize = 16 * 1024;

/// The secret used by the example a new window opens with: readable, and as long as HS256 needs.
pub const EXAMPLE_SECRET: &str = "a-string-secret-at-least-256-bits-long";

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

/// Problems with the editors, each shown under its editor.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EditorErrors {
    pub header: Option<String>,
    pub payload: Option<String>,
}

mod editing;
mod found;
mod key_state;
mod profile;
mod selective;
mod workspace;

pub use found::{FoundList, FoundRow, MAX_FOUND_ROWS, RowFacts, RowStatus, row_facts};
pub use key_state::{KeyState, KeySummary};
pub use profile::ProfileInputs;
pub use selective::{SdBuild, SdCandidate, candidates as sd_candidates};

/// An analysis too slow for the frame (PBES2 key derivation: ~100 ms at p2c 1,000,000): the app
/// runs it on a job and hands the result back with the inputs' hash it was made for.
pub struct AnalysisRequest {
    pub input: u64,
    pub token: String,
    pub keys: Option<KeySet>,
    pub options: Options,
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
    /// The example's token, while the example's key is in the fields: any other token drops it.
    example_token: Option<String>,
    /// An analysis the app should run on a job (see [`AnalysisRequest`]).
    analysis_request: Option<AnalysisRequest>,
    /// A job is analysing the current inputs: the analysis on screen is the previous one.
    pub analysis_pending: bool,
    /// The claims of the token being built made selectively disclosable.
    pub sd_build: SdBuild,
    /// What the payload offers to make disclosable, read when the payload is signed.
    pub sd_candidates: Vec<SdCandidate>,
    /// The kind chosen and the inputs its rules need.
    pub profile_inputs: ProfileInputs,
    /// The content a token with a detached payload (header..signature) signs.
    pub detached_payload: String,
}

/// What the header text says.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct HeaderInfo {
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

pub(super) fn hash_of(value: &impl std::hash::Hash) -> u64 {
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
            example_token: None,
            analysis_request: None,
            analysis_pending: false,
            sd_build: SdBuild::default(),
            sd_candidates: Vec::new(),
            profile_inputs: ProfileInputs::default(),
            detached_payload: String::new(),
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
        core::validity::Expectations::from_text(
            &self.state.expect_issuer,
            &self.state.expect_audiences,
            &self.state.expect_required,
            &self.state.expect_max_lifetime,
        )
        .map_err(|e| tr!("settings-max-lifetime", error = e.to_string()))
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
            profile: self.profile_options(),
            sd: core::sdjwt::SdOptions {
                holder_keys: self.key_state.holder.clone().map(std::sync::Arc::new),
                kb_aud: Some(self.state.kb_aud.trim().to_owned()).filter(|s| !s.is_empty()),
                kb_nonce: Some(self.state.kb_nonce.trim().to_owned()).filter(|s| !s.is_empty()),
                ..Default::default()
            },
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
            self.settings_error = Some(tr!("settings-evaluate-at", error = e.to_string()));
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

    /// A hash of the keys as read: what found-token facts and analyses were made with.
    pub fn keys_fingerprint(&self) -> u64 {
        self.keys_input.unwrap_or_default()
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
            (&self.state.kb_aud, &self.state.kb_nonce),
            &self.profile_inputs,
            &self.detached_payload,
        ));
        if self.analysis_input != Some(input) {
            self.analysis_input = Some(input);
            if self.is_slow(&options) {
                // Keep what is on screen; the app runs this on a job and hands it back.
                self.analysis_pending = true;
                self.analysis_request = Some(AnalysisRequest {
                    input,
                    token: self.state.token.clone(),
                    keys: self.key_state.verify.clone(),
                    options,
                });
            } else {
                self.analysis_pending = false;
                self.analysis_request = None;
                self.analysis = if self.detached_payload.is_empty() {
                    core::analyze(&self.state.token, self.key_state.verify.as_ref(), options)
                } else {
                    let decoded = core::parse::decode_detached(
                        &self.state.token,
                        self.detached_payload.as_bytes(),
                    );
                    core::analyze_decoded(decoded, self.key_state.verify.as_ref(), options)
                };
                self.analyses_run += 1;
                self.show_decrypted_payload();
            }
        } else if self.analysis.validity.now != options.now {
            core::retime(&mut self.analysis, &options);
        }
        self.token_state = self.derive_token_state();
        self.refresh_comparison();
    }

    /// True when analysing the current token with the current keys derives a PBES2 key (its
    /// cost is the header's iteration count, up to a tenth of a second per password).
    fn is_slow(&self, _options: &Options) -> bool {
        let Some(keys) = &self.key_state.verify else {
            return false;
        };
        if keys.keys.is_empty() || !self.state.token.trim_start().starts_with("ey") {
            return false;
        }
        let decoded = core::parse::decode(&self.state.token);
        decoded.form == core::Form::Jwe
            && decoded
                .alg_name()
                .and_then(core::jwe::KeyAlg::parse)
                .is_some_and(core::jwe::KeyAlg::is_pbes2)
    }

    /// The analysis the app should run on a job, once.
    pub fn take_analysis_request(&mut self) -> Option<AnalysisRequest> {
        self.analysis_request.take()
    }

    /// A job's analysis: shown when it was made for the inputs as they are now.
    pub fn accept_analysis(&mut self, input: u64, analysis: Analysis) {
        if self.analysis_input != Some(input) {
            return;
        }
        self.analysis = analysis;
        self.analyses_run += 1;
        self.analysis_pending = false;
        self.show_decrypted_payload();
        self.token_state = self.derive_token_state();
        self.refresh_comparison();
    }

    /// The token on screen: what was found in the field's text (without `Bearer`, quotes or a
    /// cookie around it). Copy, save, compare, history, the Encrypt tool and the inner-token view
    /// use this; the field holds what the user typed.
    pub fn token(&self) -> &str {
        let d = &self.analysis.decoded;
        if d.json_serialization.is_some() || d.token.is_empty() {
            self.state.token.trim()
        } else {
            &d.token
        }
    }

    /// True when the payload editor holds a token (a decrypted JWE whose content is one), not
    /// JSON: it is shown as text, not coloured as JSON.
    pub fn payload_is_token(&self) -> bool {
        self.analysis.inner.is_some() || self.analysis.inner_unopened
    }

    /// Shows `text` as the token: the field holds the token found in it (or, with
    /// `keep_field`, the text as the user typed it when that reads as a token).
    pub fn show_token(&mut self, text: &str, keep_field: bool) {
        // Another token: the content detached from the last one is not this one's.
        self.detached_payload.clear();
        let found = core::parse::find_token(text);
        let token = found.unwrap_or(text.trim());
        if keep_field {
            // What the user typed stays unless it is not a token but holds one (a cookie line,
            // a URL): then the token itself goes in the field.
            if core::parse::decode(&self.state.token).errors.is_empty() || found.is_none() {
                self.token_edited();
                return;
            }
        }
        self.state.token = token.to_owned();
        self.token_edited();
    }

    /// No token.
    pub fn clear_token(&mut self) {
        self.state.token.clear();
        self.token_edited();
    }

    /// The example's key belongs to the example's token: any other token in the field drops it
    /// (the Encrypt tool's recipient key is the user's and stays).
    fn drop_example_key_unless_example(&mut self) {
        if self.key_source != KeySource::Example {
            return;
        }
        let token = core::parse::decode(&self.state.token).token;
        // An emptied field is a fresh start, not somebody else's token.
        if token.is_empty() || self.example_token.as_deref() == Some(token.as_str()) {
            return;
        }
        let recipient = std::mem::take(&mut self.keys.recipient_key);
        self.keys = KeyInputs::default();
        self.keys.recipient_key = recipient;
        self.key_source = KeySource::None;
        self.example_token = None;
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
        self.drop_example_key_unless_example();
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

    /// Shows the token found in `text` and records it in the history (what an arrival does;
    /// tests and the tab loader use it directly). Returns false when the text is empty.
    pub fn load_text(&mut self, text: &str) -> bool {
        if text.trim().is_empty() {
            return false;
        }
        self.show_token(text, false);
        self.record_history();
        true
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::SignatureStatus;
    use crate::core::keys;
    use crate::core::sign::{self, Unsecured};

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
