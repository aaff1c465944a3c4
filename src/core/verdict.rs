//! The verdict of an analysis: one function walks its layers (an encrypted token, the token inside
//! it, and so on) and says whether the whole was verified, which layer decided, and whether its
//! times hold. The command line's exit status and the app's summary both come from here, so a
//! forged token two layers down cannot pass where one layer down fails.

use super::Analysis;
use super::jwe::JweStatus;
use super::msg::Text;
use super::sdjwt::{KbStatus, SdStatus};
use super::validity::ValidityState;
use super::verify::SignatureStatus;
use crate::msg;

/// What the caller gave and asked for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Policy {
    /// A key was given for the outer layer (it verifies a JWS or decrypts a JWE).
    pub key_given: bool,
    /// A key was given to verify the token inside an encrypted one.
    pub inner_key_given: bool,
    /// An expired token (or one whose `exp` is unusable) passes.
    pub ignore_exp: bool,
    /// A token not yet valid (`nbf`, or `iat` in the future) passes.
    pub ignore_nbf: bool,
}

/// How far verification got.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Every layer was opened and checked with a key, and the times hold (or were not asked
    /// about).
    Verified,
    /// Some layer was not checked: no key for it, or nested deeper than the analysis opens.
    NotVerified,
    /// A layer was checked and failed: a bad signature, a wrong key, a tampered JWE, or a time
    /// outside the token's window once a key verified it.
    Failed,
    /// The input, or a token inside it, is not a well-formed token.
    Malformed,
}

/// Why the verdict is what it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// Every layer verified (or decrypted) with a key.
    AllChecked,
    /// No key was given for this layer.
    NoKey,
    /// The token inside this layer was not opened: nested deeper than [`super::MAX_NESTING`].
    NestingLimit,
    /// The signature of this layer failed.
    Signature,
    /// Decrypting this layer failed.
    Decryption,
    /// This layer is not a well-formed token.
    Malformed,
    /// Verified, but the token is expired (or its `exp` is unusable).
    Expired,
    /// Verified, but the token is not valid yet (`nbf`, or `iat` in the future).
    NotYetValid,
    /// An SD-JWT whose disclosures break a rule of RFC 9901 §7.1.
    Disclosures,
    /// An SD-JWT whose key-binding JWT is present and not verified.
    KeyBinding,
    /// A rule of the token's kind failed (an access token without `client_id`, a DPoP proof for
    /// another URL, a token of one kind checked as another).
    Profile,
}

/// The time half of a verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TimeStatus {
    /// Within its window (or without `exp`; the findings say so).
    Valid,
    Expired,
    NotYetValid,
    /// Outside its window, and the caller said to ignore that.
    Ignored,
    /// Not judged: no layer was verified, so the claims' times prove nothing.
    NotChecked,
}

/// The verdict of a whole analysis.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Verdict {
    pub status: Status,
    pub reason: Reason,
    /// The layer that decided: 0 is the token as given, 1 the token inside it, …
    pub layer: usize,
    pub time: TimeStatus,
    /// The verdict in one sentence.
    pub detail: Text,
}

impl Verdict {
    /// Nothing failed: verified, or not verified only because no key was given for a layer.
    pub fn passes(&self, policy: &Policy) -> bool {
        match self.status {
            Status::Verified => true,
            Status::NotVerified => !(policy.key_given && self.reason == Reason::NestingLimit),
            Status::Failed | Status::Malformed => false,
        }
    }
}

/// The innermost analysis that was opened: the one whose claims and times count.
pub fn innermost(analysis: &Analysis) -> &Analysis {
    let mut a = analysis;
    while let Some(inner) = &a.inner {
        a = inner;
    }
    a
}

/// Walks the layers of `analysis` and decides.
pub fn verdict(analysis: &Analysis, policy: &Policy) -> Verdict {
    let (status, reason, layer) = layers(analysis, policy, 0);
    let claims_layer = innermost(analysis);
    let window = match claims_layer.validity.state {
        ValidityState::Expired | ValidityState::ExpUnusable => Some((TimeStatus::Expired, true)),
        ValidityState::NotYetValid => Some((TimeStatus::NotYetValid, false)),
        ValidityState::Valid | ValidityState::NoExp => {
            let iat_future = claims_layer
                .validity
                .checks
                .iter()
                .any(|c| c.claim == "iat" && !c.passed);
            iat_future.then_some((TimeStatus::NotYetValid, false))
        }
    };
    let time = match (status, window) {
        (Status::Verified, None) => TimeStatus::Valid,
        (Status::Verified, Some((_, true))) if policy.ignore_exp => TimeStatus::Ignored,
        (Status::Verified, Some((_, false))) if policy.ignore_nbf => TimeStatus::Ignored,
        (Status::Verified, Some((state, _))) => state,
        _ => TimeStatus::NotChecked,
    };
    let (status, reason) = match time {
        TimeStatus::Expired => (Status::Failed, Reason::Expired),
        TimeStatus::NotYetValid => (Status::Failed, Reason::NotYetValid),
        _ => (status, reason),
    };
    // An SD-JWT fails on its disclosures or its key binding whatever the signature says: a
    // presentation with a tampered disclosure is refused even when no issuer key was given.
    let sd_failure = claims_layer.sd.as_ref().and_then(|sd| {
        if sd.status == SdStatus::Invalid {
            Some(Reason::Disclosures)
        } else if sd
            .key_binding
            .as_ref()
            .is_some_and(|kb| kb.status != KbStatus::Verified)
        {
            Some(Reason::KeyBinding)
        } else {
            None
        }
    });
    let profile_failed = claims_layer
        .profile
        .as_ref()
        .is_some_and(|p| p.status == super::profile::ProfileStatus::Invalid);
    let sd_failure = sd_failure.or(profile_failed.then_some(Reason::Profile));
    let (status, reason) = match (status, sd_failure) {
        (Status::Verified | Status::NotVerified, Some(sd)) => (Status::Failed, sd),
        _ => (status, reason),
    };
    let layer_arg = layer + 1;
    let detail = match reason {
        Reason::AllChecked if layer == 0 && analysis.jwe.is_none() => msg!("verdict-verified"),
        Reason::AllChecked => msg!("verdict-verified-layers", count = layer_arg),
        Reason::NoKey => msg!("verdict-no-key", layer = layer_arg),
        Reason::NestingLimit => msg!(
            "verdict-nesting-limit",
            layer = layer_arg + 1,
            max = super::MAX_NESTING
        ),
        Reason::Signature => msg!("verdict-signature", layer = layer_arg),
        Reason::Decryption => msg!("verdict-decryption", layer = layer_arg),
        Reason::Malformed => msg!("verdict-malformed", layer = layer_arg),
        Reason::Expired => msg!("verdict-expired"),
        Reason::NotYetValid => msg!("verdict-not-yet-valid"),
        Reason::Disclosures => msg!("verdict-disclosures"),
        Reason::Profile => match claims_layer.profile.as_ref() {
            Some(p) => {
                let first = p
                    .checks
                    .iter()
                    .find(|c| c.status == super::profile::CheckStatus::Fail);
                msg!(
                    "verdict-profile",
                    kind = p.name.title(),
                    id = first.map(|c| c.id.clone()).unwrap_or_default(),
                    detail = first
                        .map(|c| c.detail.clone())
                        .unwrap_or_else(|| msg!("sd-invalid"))
                )
            }
            None => msg!("sd-invalid"),
        },
        Reason::KeyBinding => match claims_layer
            .sd
            .as_ref()
            .and_then(|s| s.key_binding.as_ref())
        {
            Some(kb) => msg!("verdict-key-binding", detail = kb.detail.clone()),
            None => msg!("verdict-disclosures"),
        },
    };
    Verdict {
        status,
        reason,
        layer,
        time,
        detail,
    }
}

/// The verdict of the layers from `a` down: the first layer that is not fully checked decides.
/// Encrypted layers are opened with the outer key at every depth; a signed token inside an
/// encrypted one is verified with the inner key.
fn layers(a: &Analysis, policy: &Policy, depth: usize) -> (Status, Reason, usize) {
    let key_given = if a.jwe.is_some() || depth == 0 {
        policy.key_given
    } else {
        policy.inner_key_given
    };
    if a.is_malformed() {
        return (Status::Malformed, Reason::Malformed, depth);
    }
    match &a.jwe {
        Some(jwe) => match jwe.status {
            JweStatus::Decrypted => match &a.inner {
                Some(inner) => layers(inner, policy, depth + 1),
                None if a.inner_unopened => (Status::NotVerified, Reason::NestingLimit, depth),
                // Decrypted content that is not a token: the authenticated encryption is the
                // check.
                None => (Status::Verified, Reason::AllChecked, depth),
            },
            JweStatus::NoKey => (Status::NotVerified, Reason::NoKey, depth),
            JweStatus::WrongKey | JweStatus::Invalid | JweStatus::UnsupportedAlg => {
                if key_given {
                    (Status::Failed, Reason::Decryption, depth)
                } else {
                    (Status::NotVerified, Reason::NoKey, depth)
                }
            }
        },
        None => match a.signature.status {
            SignatureStatus::Verified => (Status::Verified, Reason::AllChecked, depth),
            SignatureStatus::NoKey => (Status::NotVerified, Reason::NoKey, depth),
            _ if !key_given => (Status::NotVerified, Reason::NoKey, depth),
            _ => (Status::Failed, Reason::Signature, depth),
        },
    }
}
