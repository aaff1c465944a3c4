//! The inputs the token's kind needs (the request a DPoP proof came with, the access token it
//! goes with, an ID token's nonce and code) and the kind chosen by hand. Transient: an access
//! token is a credential, so none of this reaches the settings file.

use super::Model;
use crate::core::profile::{ProfileName, ProfileOptions};

/// What the profile fields hold, as typed.
#[derive(Clone, Default, PartialEq, Eq, Hash)]
pub struct ProfileInputs {
    /// `None` detects the kind from `typ` and claims.
    pub profile: Option<ProfileName>,
    pub method: String,
    pub url: String,
    pub dpop_nonce: String,
    pub access_token: String,
    pub code: String,
    pub nonce: String,
}

impl std::fmt::Debug for ProfileInputs {
    // The access token is a credential: never in a log.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ProfileInputs")
            .field("profile", &self.profile)
            .field(
                "access_token",
                &(!self.access_token.is_empty()).then_some(".."),
            )
            .finish_non_exhaustive()
    }
}

impl Drop for ProfileInputs {
    fn drop(&mut self) {
        use zeroize::Zeroize as _;
        self.access_token.zeroize();
        self.code.zeroize();
    }
}

fn given(text: &str) -> Option<String> {
    Some(text.trim().to_owned()).filter(|t| !t.is_empty())
}

impl Model {
    pub(super) fn profile_options(&self) -> ProfileOptions {
        let p = &self.profile_inputs;
        ProfileOptions {
            profile: p.profile,
            dpop_method: given(&p.method),
            dpop_url: given(&p.url),
            dpop_nonce: given(&p.dpop_nonce),
            dpop_max_age_secs: None,
            access_token: given(&p.access_token),
            code: given(&p.code),
            nonce: given(&p.nonce),
            status_index: None,
        }
    }

    /// A profile field changed, or the kind was chosen: check the rules again.
    pub fn profile_edited(&mut self) {
        self.refresh();
    }
}

impl Model {
    /// The attack tokens for the token on screen: the claims to change from NAME=VALUE lines,
    /// the public keys in the key fields for HMAC confusion, a secret in them for weak-secret.
    pub fn attack_tokens(
        &self,
        request: &crate::ui::shared::AttackRequest,
    ) -> Result<Vec<crate::core::attack::AttackToken>, String> {
        use crate::core::attack::{self, AttackOptions};
        let mut options = AttackOptions::default();
        for line in request.set.lines().map(str::trim).filter(|l| !l.is_empty()) {
            let (name, raw) = line
                .split_once('=')
                .ok_or_else(|| crate::tr!("attacks-set-line", line = line))?;
            let value = crate::core::json::parse(raw)
                .map(|p| p.value)
                .unwrap_or_else(|_| serde_json::Value::from(raw));
            options.set.push((name.trim().to_owned(), value));
        }
        if let Some(set) = &self.key_state.verify {
            options.public_keys = set
                .keys
                .iter()
                .filter(|k| !k.is_secret())
                .cloned()
                .collect();
            options.secret = set
                .keys
                .iter()
                .find_map(|k| k.secret_bytes())
                .map(|b| b.to_vec());
        }
        options.jku = Some(request.jku.clone()).filter(|u| !u.is_empty());
        options.x5u = Some(request.x5u.clone()).filter(|u| !u.is_empty());
        attack::make(self.token(), &options).map_err(|e| e.to_string())
    }
}
