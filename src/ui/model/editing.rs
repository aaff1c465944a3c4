//! Building a token here: the editors, the helpers that change claims, templates and the
//! algorithm picker, and re-signing (or keeping a draft with the reason).

use serde_json::Value;

use super::{DEFER_REBUILD_BYTES, EXAMPLE_SECRET, EditorErrors, HeaderInfo, Model, TokenState};
use crate::core::{
    self, Alg,
    alg::Family,
    json,
    keys::SecretEncoding,
    sign::{self, SignError, Unsecured},
};
use crate::tr;
use crate::ui::state::{KeyInputs, KeySource, Origin};

impl Model {
    /// Edits the payload JSON object with `edit`, then re-signs. Fails when the payload is not an object.
    pub(super) fn edit_payload(
        &mut self,
        edit: impl FnOnce(&mut serde_json::Map<String, Value>),
    ) -> Result<(), String> {
        let parsed = json::parse(&self.state.payload)
            .map_err(|e| tr!("payload-fix-first", error = e.to_string()))?;
        let Value::Object(mut map) = parsed.value else {
            return Err(tr!("payload-not-object"));
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
            .ok_or_else(|| tr!("time-no-fix", name = name))?;
        self.set_time_claim(name, fixed)
    }

    /// Sets the header's `kid` to the RFC 7638 thumbprint of the current key.
    pub fn use_thumbprint_as_kid(&mut self) -> Result<(), String> {
        let thumbprint = self
            .current_key()
            .ok_or_else(|| tr!("export-no-key"))?
            .thumbprint();
        let mut header = match json::parse(&self.state.header) {
            Ok(p) => match p.value {
                Value::Object(o) => o,
                _ => return Err(tr!("header-not-object")),
            },
            Err(e) => return Err(tr!("header-fix-first", error = e.to_string())),
        };
        header.insert("kid".into(), Value::from(thumbprint));
        self.state.header = json::to_pretty(&Value::Object(header));
        self.parts_edited();
        Ok(())
    }

    /// Starts a new token from a template, keeping the algorithm and key.
    pub fn apply_template(&mut self, template: core::templates::Template) {
        let alg = self.alg().unwrap_or(Alg::HS256);
        let (mut header, payload) = template.build(alg, self.now, &core::templates::random_jti());
        if template == core::templates::Template::DpopProof
            && let Some(key) = self.dpop_key(&header)
        {
            header["jwk"] = core::export::jwk(&key, false);
        }
        self.state.header = json::to_pretty(&header);
        self.state.payload = json::to_pretty(&payload);
        self.parts_edited();
    }

    /// The key a DPoP proof template is signed with: the private key in the fields when it fits
    /// the template's algorithm, else a fresh one put into the fields.
    fn dpop_key(&mut self, header: &serde_json::Value) -> Option<core::Key> {
        let alg = header["alg"].as_str().and_then(Alg::parse)?;
        if let Some(key) = &self.key_state.sign
            && key.is_private()
            && key.algorithms().contains(&alg)
        {
            return Some(key.clone());
        }
        let key = core::keygen::generate(core::keygen::KeyKind::for_alg(alg)?).ok()?;
        self.keys.private_key = core::export::private_pem(&key).ok()?.to_string();
        self.keys.public_key = core::export::public_pem(&key).ok()?;
        self.key_source = crate::ui::state::KeySource::User;
        self.keys_input = None;
        self.refresh_keys();
        Some(key)
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
    pub(super) fn header_edited(&mut self) {
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
                let obj = match parsed.value {
                    Value::Object(o) => o,
                    _ => serde_json::Map::new(),
                };
                let header = sign::with_alg(obj, alg.name());
                self.state.header = json::to_pretty(&Value::Object(header));
            }
            Err(e) => {
                self.errors.header = Some(tr!("header-fix-before-alg", error = e.to_string()));
                return;
            }
        }
        self.parts_edited();
    }

    /// Builds the token from the editors and the signing key. The token text is replaced only by
    /// a token that really carries its signature; otherwise the state is a draft with the reason.
    pub(super) fn rebuild(&mut self) {
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
        self.sd_candidates = super::selective::candidates(&payload);
        // An SD-JWT built here: the ticked claims become disclosures. One pasted and edited keeps
        // its disclosures while its payload still holds digests (its key binding cannot stay:
        // it signed the old JWT).
        let kept: Vec<String> = self
            .analysis
            .decoded
            .sd
            .as_ref()
            .filter(|_| self.sd_build.pointers.is_empty())
            .filter(|_| {
                self.state.payload.contains("\"_sd\"") || self.state.payload.contains("\"...\"")
            })
            .map(|parts| parts.disclosures.clone())
            .unwrap_or_default();
        let (payload, made) = match self.make_disclosable(payload) {
            Ok(made) => made,
            Err(e) => {
                self.errors.payload = Some(e.clone());
                return self.draft(tr!("draft-sd", error = e));
            }
        };
        let disclosures = if made.is_empty() { kept } else { made };
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
                let mut token = signed.token;
                if !disclosures.is_empty() {
                    token.push('~');
                    for d in &disclosures {
                        token.push_str(d);
                        token.push('~');
                    }
                }
                self.state.token = token;
                self.token_state = TokenState::Built;
            }
            Err(e) => self.draft(signing_message(&e, self.alg())),
        }
    }

    pub(super) fn draft(&mut self, reason: String) {
        self.token_state = TokenState::Draft { reason };
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
        self.example_token = Some(self.state.token.clone());
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
