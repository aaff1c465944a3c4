//! The view model: what the screen says, derived from the model and the clock by pure code.
//! Panels draw it; tests read it as text (insta snapshots). The app derives it again only after
//! commands were applied or the clock moved.

use crate::core::jwe::{JweReport, JweStatus};
pub use crate::core::keys::SecretUse;
use crate::core::{
    Alg, Analysis, Payload, Severity, SignatureStatus, ValidityState, json, parse::Span,
};
use crate::tr;

use super::model::{Model, TokenState};

mod kind;
mod sd;

use kind::kind_view;
pub use kind::{KindCheck, KindView};
use sd::sd_view;
pub use sd::{DisclosureRow, SdTick, SdView};

/// How a piece of status should look; each tone also carries words and an icon, so nothing rests
/// on colour alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Good,
    Bad,
    Warn,
    Neutral,
}

/// An icon and words on a tinted background.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Badge {
    pub icon: &'static str,
    pub text: String,
    pub tone: Tone,
}

/// One line of text with its tone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub text: String,
    pub tone: Tone,
}

/// A decoding problem and the bytes of the token text it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkedError {
    pub message: String,
    pub span: Span,
}

/// Everything the status strip, the token field and the key notes say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ViewModel {
    /// The token state's name ("empty", "malformed", "decoded", "built", "draft").
    pub state: &'static str,
    pub signature: Badge,
    /// Absent when there is no token to evaluate (empty, malformed).
    pub validity: Option<Badge>,
    /// One line under the badges: why the signature badge says what it says.
    pub reason: Line,
    /// One line: the findings' count by severity.
    pub findings: Line,
    /// Every finding in words, made once per analysis (not per frame).
    pub finding_details: Vec<FindingView>,
    /// Decoding problems, to list and to mark in the token field.
    pub errors: Vec<MarkedError>,
    /// Under the token field when the editors hold a draft.
    pub draft_note: Option<String>,
    /// What the key fields were read as (one line each).
    pub verify_note: Line,
    pub sign_note: Line,
    /// Seconds until a relative time on screen changes; `None` when nothing on screen moves.
    pub repaint_after_secs: Option<u64>,
    /// For an encrypted token: "RSA-OAEP-256 + A256GCM".
    pub encryption: Option<String>,
    /// What the secret field holds: an HMAC secret, or for an encrypted token a PBES2 password
    /// or an AES key. The field's label, hint and note all say the same.
    pub secret_use: SecretUse,
    /// A nested token's inner token, when the outer one decrypted to it.
    pub inner: Option<InnerView>,
    /// The token on screen was opened from an encrypted one: offer the way back.
    pub back_to_outer: bool,
    /// What the inner token's key field was read as.
    pub inner_key_note: Line,
    /// An SD-JWT's disclosures and key binding.
    pub sd: Option<SdView>,
    /// The claims the token being built can make selectively disclosable, with their ticks.
    pub sd_ticks: Vec<SdTick>,
    /// What the holder key field was read as.
    pub holder_key_note: Line,
    /// The kind of token under the badges: "DPoP proof · 2 of 7 checks need an input".
    pub kind_line: Line,
    /// The kind's rules, each with its outcome, and which inputs it asks for.
    pub kind: Option<KindView>,
}

/// A finding as the findings panel shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FindingView {
    pub severity: Severity,
    pub title: String,
    pub message: String,
    /// "warn · NO_EXP · RFC 8725 §3.10".
    pub meta: String,
}

fn finding_views(findings: &[crate::core::Finding]) -> Vec<FindingView> {
    findings
        .iter()
        .map(|f| FindingView {
            severity: f.severity,
            title: crate::core::text::escape_line(&f.title.to_string()).into_owned(),
            message: crate::core::text::escape_controls(&f.message.to_string()).into_owned(),
            meta: format!(
                "{} · {} · {}",
                crate::i18n::severity_word(f.severity),
                f.id,
                f.reference
            ),
        })
        .collect()
}

/// The inner token of a nested JWT, as the inner-token panel shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InnerView {
    pub signature: Badge,
    pub reason: Line,
    pub validity: Badge,
    pub header: String,
    pub payload: String,
    pub findings: Line,
}

fn badge(icon: &'static str, text: impl Into<String>, tone: Tone) -> Badge {
    Badge {
        icon,
        text: text.into(),
        tone,
    }
}

fn line(text: impl Into<String>, tone: Tone) -> Line {
    Line {
        text: text.into(),
        tone,
    }
}

/// "2 critical, 1 warn"; empty when there are none.
pub fn finding_counts(findings: &[crate::core::Finding]) -> String {
    [
        Severity::Critical,
        Severity::Error,
        Severity::Warn,
        Severity::Info,
    ]
    .iter()
    .filter_map(|s| {
        let n = findings.iter().filter(|f| f.severity == *s).count();
        (n > 0).then(|| {
            let severity = crate::i18n::severity_word(*s);
            tr!("severity-count", count = n, severity = severity)
        })
    })
    .collect::<Vec<_>>()
    .join(", ")
}

fn key_note(note: Option<&Result<String, String>>) -> Line {
    match note {
        Some(Ok(d)) => line(tr!("key-detected", key = d), Tone::Good),
        Some(Err(e)) => line(format!("✖ {e}"), Tone::Bad),
        None => line(tr!("no-key"), Tone::Neutral),
    }
}

/// The secret field's note when the secret is not an HMAC secret: "password, 28 bytes".
fn secret_note(model: &Model, secret_use: SecretUse) -> Option<Line> {
    if secret_use == SecretUse::Hmac {
        return None;
    }
    let set = model.key_state.verify.as_ref()?;
    match set.keys.as_slice() {
        [key] if key.is_secret() && !set.is_set => Some(line(
            tr!(
                "key-detected",
                key = key.describe_as(secret_use).to_string()
            ),
            Tone::Good,
        )),
        _ => None,
    }
}

impl ViewModel {
    pub fn derive(model: &Model) -> Self {
        let a = &model.analysis;
        let token_shown = matches!(
            model.token_state,
            TokenState::Decoded | TokenState::Built | TokenState::Draft { .. }
        );
        let (signature, reason) = match &model.token_state {
            TokenState::Empty => (
                badge("•", tr!("badge-no-token"), Tone::Neutral),
                line(tr!("reason-no-token"), Tone::Neutral),
            ),
            TokenState::Malformed => (
                badge("✖", tr!("badge-malformed"), Tone::Bad),
                line(
                    a.decoded
                        .errors
                        .first()
                        .map(ToString::to_string)
                        .unwrap_or_default(),
                    Tone::Bad,
                ),
            ),
            TokenState::Draft { reason } => (
                badge("⚠", tr!("badge-draft", reason = reason), Tone::Warn),
                line(tr!("reason-draft"), Tone::Warn),
            ),
            TokenState::Decoded | TokenState::Built => match &a.jwe {
                Some(jwe) => encryption_badge(jwe),
                None => signature_badge(&model.analysis),
            },
        };
        // An encrypted token whose content is another token has no times of its own.
        let times_apply = a.jwe.is_none() || a.decoded.claims().is_some();
        // A malformed token whose claims still decoded (a bad signature segment) has its times
        // checked like any other: the badge says what the claims list says.
        let claims_shown = token_shown
            || (model.token_state == TokenState::Malformed && a.decoded.claims().is_some());
        let validity = (claims_shown && times_apply).then(|| validity_badge(a));
        let findings = if model.token_state == TokenState::Empty {
            line(tr!("findings-none-no-token"), Tone::Neutral)
        } else {
            findings_line(a)
        };
        let errors = if model.token_state == TokenState::Malformed {
            a.decoded
                .errors
                .iter()
                .map(|e| MarkedError {
                    message: e.to_string(),
                    span: e.span,
                })
                .collect()
        } else {
            Vec::new()
        };
        let draft_note = match &model.token_state {
            _ if model.rebuild_pending => Some(tr!("large-token-pending")),
            TokenState::Draft { reason } => Some(tr!("draft-note", reason = reason)),
            _ => None,
        };
        let times_move = token_shown && model.state.evaluate_at.is_none();
        let (kind_line, kind) = if claims_shown {
            kind_view(a, &model.profile_inputs.access_token)
        } else {
            (line("", Tone::Neutral), None)
        };
        let secret_use = a
            .jwe
            .as_ref()
            .and_then(|j| j.alg.as_deref())
            .and_then(crate::core::jwe::KeyAlg::parse)
            .map_or(SecretUse::Hmac, |alg| alg.secret_use());
        Self {
            secret_use,
            state: model.token_state.name(),
            signature,
            validity,
            reason,
            findings,
            finding_details: finding_views(&a.findings),
            errors,
            draft_note,
            verify_note: secret_note(model, secret_use)
                .unwrap_or_else(|| key_note(model.key_state.verify_note.as_ref())),
            sign_note: key_note(model.key_state.sign_note.as_ref()),
            repaint_after_secs: times_move.then(|| a.next_display_change_secs()).flatten(),
            encryption: a.jwe.as_ref().map(|j| {
                format!(
                    "{} + {}",
                    j.alg.as_deref().unwrap_or("?"),
                    j.enc.as_deref().unwrap_or("?")
                )
            }),
            inner: a.inner.as_deref().map(|inner| {
                let (signature, mut reason) = signature_badge(inner);
                if inner.signature.status == SignatureStatus::NoKey {
                    reason = line(tr!("reason-inner-no-key"), Tone::Neutral);
                }
                InnerView {
                    signature,
                    reason,
                    validity: validity_badge(inner),
                    header: inner
                        .decoded
                        .header
                        .as_ref()
                        .map(json::to_pretty)
                        .unwrap_or_default(),
                    payload: match &inner.decoded.payload {
                        Payload::Claims(v) | Payload::OtherJson(v) => json::to_pretty(v),
                        Payload::Text(t) => t.clone(),
                        _ => String::new(),
                    },
                    findings: findings_line(inner),
                }
            }),
            back_to_outer: model.outer.is_some(),
            inner_key_note: match model.key_state.inner_note.as_ref() {
                None => line(tr!("inner-key-none"), Tone::Neutral),
                note => key_note(note),
            },
            sd: sd_view(a),
            sd_ticks: model
                .sd_candidates
                .iter()
                .map(|c| SdTick {
                    pointer: c.pointer.clone(),
                    label: c.label.clone(),
                    depth: c.depth,
                    ticked: model.sd_build.pointers.contains(&c.pointer),
                })
                .collect(),
            holder_key_note: match model.key_state.holder_note.as_ref() {
                None => line(tr!("holder-key-none"), Tone::Neutral),
                note => key_note(note),
            },
            kind_line,
            kind,
        }
    }
}

fn validity_badge(a: &Analysis) -> Badge {
    let v = &a.validity;
    let (icon, tone) = match v.state {
        ValidityState::Valid => ("✔", Tone::Good),
        ValidityState::Expired | ValidityState::NotYetValid | ValidityState::ExpUnusable => {
            ("✖", Tone::Bad)
        }
        ValidityState::NoExp => ("⚠", Tone::Warn),
    };
    badge(icon, v.summary.to_string(), tone)
}

fn findings_line(a: &Analysis) -> Line {
    match a.findings.iter().map(|f| f.severity).min() {
        None => line(tr!("findings-none"), Tone::Good),
        Some(worst) => line(
            tr!("findings-count", counts = finding_counts(&a.findings)),
            match worst {
                Severity::Critical | Severity::Error => Tone::Bad,
                Severity::Warn => Tone::Warn,
                Severity::Info => Tone::Neutral,
            },
        ),
    }
}

/// The badge of an encrypted token: what decryption found.
fn encryption_badge(jwe: &JweReport) -> (Badge, Line) {
    let detail = |tone| {
        let mut text = jwe.detail.to_string();
        if let Some(key) = &jwe.key {
            text.push_str(" · ");
            text.push_str(&tr!("key-used", key = key.clone()));
        }
        line(text, tone)
    };
    match jwe.status {
        JweStatus::Decrypted => (
            badge("🔓", tr!("badge-decrypted"), Tone::Good),
            detail(Tone::Neutral),
        ),
        JweStatus::NoKey => (
            badge("🔒", tr!("badge-jwe-no-key"), Tone::Warn),
            line(tr!("reason-jwe-no-key"), Tone::Neutral),
        ),
        JweStatus::WrongKey => (
            badge("✖", tr!("badge-wrong-key"), Tone::Bad),
            detail(Tone::Bad),
        ),
        JweStatus::Invalid => (
            badge("✖", tr!("badge-jwe-invalid"), Tone::Bad),
            detail(Tone::Bad),
        ),
        JweStatus::UnsupportedAlg => (
            badge("?", tr!("badge-jwe-unsupported"), Tone::Warn),
            detail(Tone::Warn),
        ),
    }
}

/// The signature badge and its reason for a token that decoded.
fn signature_badge(analysis: &Analysis) -> (Badge, Line) {
    let s = &analysis.signature;
    let alg = analysis.decoded.alg_name().and_then(Alg::parse);
    let key_line = || {
        s.key.as_ref().map_or_else(
            || line("", Tone::Neutral),
            |k| line(tr!("key-used", key = k.clone()), Tone::Neutral),
        )
    };
    match s.status {
        SignatureStatus::Verified => (badge("✔", tr!("badge-verified"), Tone::Good), key_line()),
        SignatureStatus::Invalid => (
            badge("✖", tr!("badge-invalid"), Tone::Bad),
            line(s.detail.to_string(), Tone::Bad),
        ),
        SignatureStatus::Unsigned => (
            badge("⚠", tr!("badge-unsigned"), Tone::Bad),
            line(s.detail.to_string(), Tone::Bad),
        ),
        SignatureStatus::NoKey => (
            badge("?", tr!("badge-no-key"), Tone::Warn),
            line(
                match alg.map(|a| a.family()) {
                    Some(crate::core::alg::Family::Hmac) => tr!("reason-no-key-secret"),
                    _ => tr!("reason-no-key-public"),
                },
                Tone::Neutral,
            ),
        ),
        SignatureStatus::UnsupportedAlg => (
            badge("?", tr!("badge-unsupported"), Tone::Warn),
            line(s.detail.to_string(), Tone::Warn),
        ),
        SignatureStatus::KeyMismatch => (
            badge(
                "✖",
                match alg {
                    Some(a) => tr!("badge-key-mismatch-alg", alg = a.name()),
                    None => tr!("badge-key-mismatch"),
                },
                Tone::Bad,
            ),
            line(s.detail.to_string(), Tone::Bad),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::{keys, sign};
    use crate::ui::model::AppState;

    const NOW: i64 = 1_800_000_000;

    fn model() -> Model {
        Model::new(AppState::default(), NOW)
    }

    fn pasted(secret: &str) -> String {
        let key = keys::parse_text(secret).unwrap();
        sign::sign(
            r#"{"alg":"HS256","typ":"JWT"}"#,
            r#"{"sub":"pasted","exp":1800000045}"#,
            key.keys.first(),
            sign::Unsecured::Refuse,
        )
        .unwrap()
        .token
    }

    #[test]
    fn view_of_the_first_run_example() {
        insta::assert_debug_snapshot!(ViewModel::derive(&model()));
    }

    #[test]
    fn view_of_an_empty_token() {
        let mut m = model();
        m.state.token.clear();
        m.token_edited();
        insta::assert_debug_snapshot!(ViewModel::derive(&m));
    }

    #[test]
    fn a_malformed_token_whose_claims_decode_has_its_times_checked() {
        let mut m = model();
        let good = pasted("my-own-secret-that-is-32-bytes-long!");
        let (head, _) = good.rsplit_once('.').unwrap();
        m.state.token = format!("{head}.sig@nature");
        m.token_edited();
        let v = ViewModel::derive(&m);
        assert_eq!(v.state, "malformed");
        let validity = v.validity.expect("the claims' times are checked");
        assert_eq!((validity.icon, validity.text.as_str()), ("✔", "Valid"));
    }

    #[test]
    fn view_of_garbage() {
        let mut m = model();
        assert!(m.load_text("eyJhbGciOiJIUzI1NiJ9.ab@c.sig"));
        insta::assert_debug_snapshot!(ViewModel::derive(&m));
    }

    #[test]
    fn view_of_a_pasted_token_without_a_key_then_with_it() {
        let mut m = model();
        assert!(m.load_text(&pasted("my-own-secret-that-is-32-bytes-long!")));
        insta::assert_debug_snapshot!("pasted_no_key", ViewModel::derive(&m));
        m.keys.secret = "my-own-secret-that-is-32-bytes-long!".into();
        m.key_edited();
        insta::assert_debug_snapshot!("pasted_verified", ViewModel::derive(&m));
    }

    /// An encrypted token: not decrypted without its key; with it, decrypted, and its inner
    /// token shown with its own verdict (verified once the inner key is given).
    #[test]
    fn view_of_a_nested_token_without_keys_then_decrypted_then_verified() {
        use crate::core::jwe::{self, Enc, EncryptOptions, KeyAlg};
        let inner = pasted("inner-secret-that-is-32-bytes-long!!");
        let kek = crate::core::KeySet::from_secret(&[0x11; 16]);
        let options = EncryptOptions {
            cty: Some("JWT".into()),
            ..Default::default()
        };
        let token = jwe::encrypt(
            inner.as_bytes(),
            KeyAlg::A128Kw,
            Enc::A128Gcm,
            &kek.keys[0],
            &options,
        )
        .unwrap();
        let mut m = model();
        assert!(m.load_text(&token));
        let v = ViewModel::derive(&m);
        assert_eq!(v.signature.text, "Encrypted: not decrypted");
        assert_eq!(v.encryption.as_deref(), Some("A128KW + A128GCM"));
        assert!(v.inner.is_none());
        m.state.secret_encoding = crate::core::keys::SecretEncoding::Base64Url;
        m.keys.secret = crate::core::b64::encode([0x11u8; 16]);
        m.key_edited();
        insta::assert_debug_snapshot!("nested_decrypted", ViewModel::derive(&m));
        m.keys.inner_key = "inner-secret-that-is-32-bytes-long!!".into();
        m.key_edited();
        let v = ViewModel::derive(&m);
        assert_eq!(v.inner.unwrap().signature.text, "Signature verified");
        // Opening the inner token moves its key into the key fields; back restores both.
        assert!(m.open_inner());
        assert_eq!(m.state.token, inner);
        assert_eq!(m.analysis.signature.status, SignatureStatus::Verified);
        assert!(ViewModel::derive(&m).back_to_outer);
        assert!(m.back_to_outer());
        assert_eq!(m.state.token, token);
        assert_eq!(ViewModel::derive(&m).signature.text, "Decrypted");
    }

    #[test]
    fn view_of_a_draft() {
        let mut m = model();
        m.pick_alg(Alg::RS256);
        insta::assert_debug_snapshot!(ViewModel::derive(&m));
    }

    #[test]
    fn repaints_every_second_only_while_a_time_is_under_a_minute_away() {
        let mut m = model();
        // The example was issued just now: seconds are shown ("5 s ago").
        assert_eq!(ViewModel::derive(&m).repaint_after_secs, Some(1));
        // 90 s later every time on screen is in minutes: iat reads "2 min ago" in 30 s.
        m.set_now(NOW + 90);
        assert_eq!(ViewModel::derive(&m).repaint_after_secs, Some(30));
        assert!(m.load_text(&pasted("my-own-secret-that-is-32-bytes-long!")));
        // exp 45 s away: seconds are shown.
        assert_eq!(ViewModel::derive(&m).repaint_after_secs, Some(1));
        m.state.evaluate_at = Some("2030-01-01T00:00:00Z".into());
        m.settings_edited();
        assert_eq!(
            ViewModel::derive(&m).repaint_after_secs,
            None,
            "a fixed instant never moves"
        );
    }
}
