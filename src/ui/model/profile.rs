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
