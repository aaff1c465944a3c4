//! Starting points for new tokens, filled with sensible values and times.

use crate::msg;
use serde_json::{Value, json};

use super::alg::Alg;

/// The kinds of token the encoder offers to start from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Template {
    Minimal,
    /// RFC 9068 JWT access token.
    AccessToken,
    /// OpenID Connect ID token.
    IdToken,
    RefreshToken,
    /// A service calling another service (client credentials).
    ServiceToService,
    /// RFC 9449 DPoP proof: ES256, its public key in the `jwk` header (the app fills it with a
    /// freshly generated key).
    DpopProof,
    /// OpenID Connect Back-Channel Logout token.
    LogoutToken,
}

impl Template {
    pub const ALL: [Template; 7] = [
        Self::Minimal,
        Self::AccessToken,
        Self::IdToken,
        Self::RefreshToken,
        Self::ServiceToService,
        Self::DpopProof,
        Self::LogoutToken,
    ];

    pub fn label(self) -> crate::core::msg::Text {
        match self {
            Self::Minimal => msg!("template-minimal"),
            Self::AccessToken => msg!("template-access-token"),
            Self::IdToken => msg!("template-id-token"),
            Self::RefreshToken => msg!("template-refresh-token"),
            Self::ServiceToService => msg!("template-service"),
            Self::DpopProof => msg!("template-dpop"),
            Self::LogoutToken => msg!("template-logout"),
        }
    }

    /// Header and payload for this template, issued at `now`, with a fresh `jti` where it has one.
    pub fn build(self, alg: Alg, now: i64, jti: &str) -> (Value, Value) {
        let typ = match self {
            Self::AccessToken => "at+jwt",
            Self::DpopProof => "dpop+jwt",
            Self::LogoutToken => "logout+jwt",
            _ => "JWT",
        };
        // A DPoP proof is signed with an asymmetric key: ES256 unless one was chosen.
        let alg = match (self, alg.family()) {
            (Self::DpopProof, super::alg::Family::Hmac | super::alg::Family::Unsecured) => {
                Alg::ES256
            }
            _ => alg,
        };
        let header = json!({ "alg": alg.name(), "typ": typ });
        let issuer = "https://auth.example.com/";
        let payload = match self {
            Self::Minimal => json!({ "sub": "1234567890", "iat": now, "exp": now + 3600 }),
            Self::AccessToken => json!({
                "iss": issuer, "sub": "user-5f3a9c", "aud": "https://api.example.com/",
                "client_id": "web-app", "scope": "openid profile orders.read",
                "iat": now, "exp": now + 900, "jti": jti,
            }),
            Self::IdToken => json!({
                "iss": issuer, "sub": "user-5f3a9c", "aud": "web-app", "azp": "web-app",
                "iat": now, "exp": now + 3600, "auth_time": now, "nonce": "n-0S6_WzA2Mj",
                "amr": ["pwd", "otp"], "name": "Ada Lovelace", "email": "ada@example.com", "email_verified": true,
            }),
            Self::RefreshToken => json!({
                "iss": issuer, "sub": "user-5f3a9c", "aud": issuer, "client_id": "web-app",
                "typ": "Refresh", "scope": "offline_access", "iat": now, "exp": now + 30 * 86_400, "jti": jti,
            }),
            Self::ServiceToService => json!({
                "iss": "billing-service", "sub": "billing-service", "aud": "https://orders.internal/",
                "iat": now, "nbf": now, "exp": now + 300, "jti": jti,
            }),
            Self::DpopProof => json!({
                "jti": jti, "htm": "POST", "htu": "https://api.example.com/orders", "iat": now,
            }),
            Self::LogoutToken => json!({
                "iss": issuer, "aud": "web-app", "iat": now, "jti": jti, "sid": "08a5019c-17e1-4977-8f42-65a12843ea02",
                "events": { super::profile::LOGOUT_EVENT_URI: {} },
            }),
        };
        (header, payload)
    }
}

/// A random `jti`: 128 bits as a UUID-shaped string (version 4 layout).
pub fn random_jti() -> String {
    use rand_core::{OsRng, RngCore as _};
    let mut b = [0u8; 16];
    OsRng.fill_bytes(&mut b);
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let h: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &h[0..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..32]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_template_has_times_from_the_given_now() {
        for t in Template::ALL {
            let (h, p) = t.build(Alg::ES256, 1000, "j");
            assert_eq!(h["alg"], "ES256");
            assert_eq!(p["iat"], 1000, "{t:?}");
            // DPoP proofs and logout tokens are one-shot: they carry no exp.
            if !matches!(t, Template::DpopProof | Template::LogoutToken) {
                assert!(p["exp"].as_i64().unwrap() > 1000, "{t:?}");
            }
        }
        assert_eq!(
            Template::AccessToken.build(Alg::HS256, 0, "j").0["typ"],
            "at+jwt"
        );
    }

    #[test]
    fn random_jti_is_unique_and_uuid_shaped() {
        let (a, b) = (random_jti(), random_jti());
        assert_ne!(a, b);
        assert_eq!(a.len(), 36);
        assert_eq!(&a[14..15], "4");
    }
}
