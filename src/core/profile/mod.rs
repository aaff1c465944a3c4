//! What kind of token this is, and that kind's rules. A token is an OAuth access token, a DPoP
//! proof, an ID token, a logout token, a security event, a client assertion, a request object, a
//! key-binding JWT, an entity statement, a status list or an SD-JWT VC, and each kind has rules a
//! server applies before accepting it (RFC 8725 §3.11–3.12: tell kinds apart). The kind comes
//! from `typ`, else from claims where that is unambiguous, or from the caller; every rule is one
//! check with its outcome, and the report says whether they all passed, one failed, or some need
//! an input the caller did not give.

mod dpop;
mod rules;
mod status_list;

use serde::Serialize;
use serde_json::{Map, Value};

use super::msg::Text;
use super::parse::Decoded;
use crate::msg;

pub use rules::half_hash;
pub use status_list::{MAX_STATUS_LIST_BYTES, StatusListSummary};

/// The kinds of token this knows the rules of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ProfileName {
    AccessToken,
    DpopProof,
    IdToken,
    LogoutToken,
    SecurityEvent,
    ClientAssertion,
    RequestObject,
    KbJwt,
    EntityStatement,
    StatusList,
    SdJwtVc,
    TokenIntrospection,
    /// A JWT of no kind known here: no rules beyond the JWT's own.
    Jwt,
}

impl ProfileName {
    /// Kinds made for one use and judged by their `iat`, so they carry no `exp` by design: a
    /// DPoP proof, a key-binding JWT, a security event (it states a fact), a logout token.
    pub fn is_one_shot(self) -> bool {
        matches!(
            self,
            Self::DpopProof | Self::KbJwt | Self::SecurityEvent | Self::LogoutToken
        )
    }

    pub const ALL: [ProfileName; 13] = [
        Self::AccessToken,
        Self::DpopProof,
        Self::IdToken,
        Self::LogoutToken,
        Self::SecurityEvent,
        Self::ClientAssertion,
        Self::RequestObject,
        Self::KbJwt,
        Self::EntityStatement,
        Self::StatusList,
        Self::SdJwtVc,
        Self::TokenIntrospection,
        Self::Jwt,
    ];

    /// The name in `decode --json` and `--profile`.
    pub fn name(self) -> &'static str {
        match self {
            Self::AccessToken => "access_token",
            Self::DpopProof => "dpop_proof",
            Self::IdToken => "id_token",
            Self::LogoutToken => "logout_token",
            Self::SecurityEvent => "security_event",
            Self::ClientAssertion => "client_assertion",
            Self::RequestObject => "request_object",
            Self::KbJwt => "kb_jwt",
            Self::EntityStatement => "entity_statement",
            Self::StatusList => "status_list",
            Self::SdJwtVc => "sd_jwt_vc",
            Self::TokenIntrospection => "token_introspection",
            Self::Jwt => "jwt",
        }
    }

    /// The kind named `name` (`access_token`, `access-token` and `at+jwt` all read).
    pub fn parse(name: &str) -> Option<Self> {
        let wanted = name.trim().to_ascii_lowercase().replace('-', "_");
        Self::ALL
            .into_iter()
            .find(|p| p.name() == wanted)
            .or_else(|| from_typ(name))
    }

    /// The media type (`typ`) this kind is marked with, when it has one.
    pub fn typ(self) -> Option<&'static str> {
        Some(match self {
            Self::AccessToken => "at+jwt",
            Self::DpopProof => "dpop+jwt",
            Self::LogoutToken => "logout+jwt",
            Self::SecurityEvent => "secevent+jwt",
            Self::KbJwt => "kb+jwt",
            Self::RequestObject => "oauth-authz-req+jwt",
            Self::TokenIntrospection => "token-introspection+jwt",
            Self::EntityStatement => "entity-statement+jwt",
            Self::StatusList => "statuslist+jwt",
            Self::SdJwtVc => "dc+sd-jwt",
            Self::IdToken | Self::ClientAssertion | Self::Jwt => return None,
        })
    }

    /// The kind in words: "DPoP proof".
    pub fn title(self) -> Text {
        msg!("profile-title", name = self.name())
    }
}

/// How the kind was decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    Typ,
    Claims,
    Option,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckStatus {
    Pass,
    Fail,
    /// The rule needs an input that was not given (the access token for `ath`).
    NotChecked,
}

/// One rule of a kind, and how it went.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProfileCheck {
    /// The claim or header member it is about, or a short rule name (`htm`, `ath`, `cnf.jkt`).
    pub id: String,
    pub status: CheckStatus,
    pub detail: Text,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ProfileStatus {
    Valid,
    Invalid,
    Incomplete,
}

/// The kind of a token and its rules' outcomes (the `profile` member of `decode --json`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProfileReport {
    pub name: ProfileName,
    pub source: Source,
    pub status: ProfileStatus,
    pub checks: Vec<ProfileCheck>,
    /// A status list's entries counted by value, when this is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status_list: Option<StatusListSummary>,
    /// The accepted age of a DPoP proof, kept to say the `iat` rule again as time passes.
    #[serde(skip)]
    max_age_secs: i64,
}

impl ProfileReport {
    fn new(name: ProfileName, source: Source, checks: Vec<ProfileCheck>) -> Self {
        let mut report = Self {
            name,
            source,
            status: ProfileStatus::Valid,
            checks,
            status_list: None,
            max_age_secs: 0,
        };
        report.settle();
        report
    }

    fn settle(&mut self) {
        self.status = if self.checks.iter().any(|c| c.status == CheckStatus::Fail) {
            ProfileStatus::Invalid
        } else if self
            .checks
            .iter()
            .any(|c| c.status == CheckStatus::NotChecked)
        {
            ProfileStatus::Incomplete
        } else {
            ProfileStatus::Valid
        };
    }

    /// The checks that failed, and those that wait for an input.
    pub fn counts(&self) -> (usize, usize) {
        let count = |s| self.checks.iter().filter(|c| c.status == s).count();
        (count(CheckStatus::Fail), count(CheckStatus::NotChecked))
    }

    /// The `iat` rule of a DPoP proof said again at `now` (no parsing, no crypto).
    pub fn retime(&mut self, claims: Option<&Map<String, Value>>, now: i64, leeway_secs: i64) {
        if self.name != ProfileName::DpopProof {
            return;
        }
        let fresh = dpop::iat_check(claims, now, leeway_secs, self.max_age_secs);
        if let Some(check) = self.checks.iter_mut().find(|c| c.id == "iat") {
            *check = fresh;
        }
        self.settle();
    }
}

/// What the rules compare with: the kind to check as (`None` detects), and the inputs some kinds
/// need.
#[derive(Debug, Clone, Default)]
pub struct ProfileOptions {
    pub profile: Option<ProfileName>,
    /// DPoP: the request's method and URL, the server's nonce, the accepted age (default 300 s).
    pub dpop_method: Option<String>,
    pub dpop_url: Option<String>,
    pub dpop_nonce: Option<String>,
    pub dpop_max_age_secs: Option<i64>,
    /// The access token a DPoP proof (`ath`, `cnf.jkt`) or an ID token (`at_hash`) goes with.
    pub access_token: Option<String>,
    /// The authorization code an ID token's `c_hash` is over.
    pub code: Option<String>,
    /// The nonce an ID token must carry.
    pub nonce: Option<String>,
    /// A status list entry to show.
    pub status_index: Option<u64>,
}

/// The kind a `typ` names (`application/` prefix and case ignored).
pub fn from_typ(typ: &str) -> Option<ProfileName> {
    let t = typ.trim().to_ascii_lowercase();
    let t = t.strip_prefix("application/").unwrap_or(&t);
    Some(match t {
        "at+jwt" => ProfileName::AccessToken,
        "dpop+jwt" => ProfileName::DpopProof,
        "logout+jwt" => ProfileName::LogoutToken,
        "secevent+jwt" => ProfileName::SecurityEvent,
        "kb+jwt" => ProfileName::KbJwt,
        "oauth-authz-req+jwt" => ProfileName::RequestObject,
        "token-introspection+jwt" => ProfileName::TokenIntrospection,
        "entity-statement+jwt" => ProfileName::EntityStatement,
        "statuslist+jwt" => ProfileName::StatusList,
        "dc+sd-jwt" | "vc+sd-jwt" => ProfileName::SdJwtVc,
        _ => return None,
    })
}

/// The event a back-channel logout token carries.
pub const LOGOUT_EVENT_URI: &str = "http://schemas.openid.net/event/backchannel-logout";
pub(crate) const LOGOUT_EVENT: &str = LOGOUT_EVENT_URI;

/// The kind a JOSE header's `typ` names.
pub fn from_header(header: &Value) -> Option<ProfileName> {
    header.get("typ").and_then(Value::as_str).and_then(from_typ)
}

/// The kind of `decoded`: from `typ`, else from its claims where only one kind has them.
pub fn detect(decoded: &Decoded) -> (ProfileName, Source) {
    if let Some(kind) = decoded.header.as_ref().and_then(from_header) {
        return (kind, Source::Typ);
    }
    let Some(c) = decoded.claims() else {
        return (ProfileName::Jwt, Source::Claims);
    };
    let has = |name: &str| c.contains_key(name);
    let kind = if let Some(events) = c.get("events").and_then(Value::as_object) {
        if events.contains_key(LOGOUT_EVENT) {
            ProfileName::LogoutToken
        } else {
            ProfileName::SecurityEvent
        }
    } else if has("htm")
        && has("htu")
        && decoded
            .header
            .as_ref()
            .is_some_and(|h| h.get("jwk").is_some())
    {
        ProfileName::DpopProof
    } else if decoded.sd.is_some() && has("vct") {
        ProfileName::SdJwtVc
    } else if c.get("status_list").is_some_and(Value::is_object) && has("sub") {
        ProfileName::StatusList
    } else if has("iss")
        && has("sub")
        && has("aud")
        && ["nonce", "at_hash", "c_hash", "azp", "auth_time"]
            .iter()
            .any(|n| has(n))
    {
        ProfileName::IdToken
    } else if has("sd_hash") && has("nonce") && has("aud") && !has("iss") {
        ProfileName::KbJwt
    } else {
        ProfileName::Jwt
    };
    (kind, Source::Claims)
}

/// What the rules of a kind look at, besides the options.
pub struct Subject<'a> {
    pub decoded: &'a Decoded,
    /// The claims the token stands for (an SD-JWT's processed claims).
    pub claims: Option<&'a Map<String, Value>>,
    pub sd: Option<&'a super::sdjwt::SdReport>,
    /// Audiences the caller accepts (`--aud`): a client assertion's and a request object's
    /// audience is compared with them.
    pub audiences: &'a [String],
    pub now: i64,
    pub leeway_secs: i64,
}

/// The kind of the token and its rules' outcomes.
pub fn evaluate(subject: &Subject<'_>, options: &ProfileOptions) -> ProfileReport {
    let (detected, source) = detect(subject.decoded);
    let (name, source) = match options.profile {
        Some(p) => (p, Source::Option),
        None => (detected, source),
    };
    let mut checks = Vec::new();
    if name != ProfileName::Jwt {
        checks.push(rules::typ_check(subject.decoded, name, detected));
    }
    let mut status_list = None;
    match name {
        ProfileName::AccessToken => rules::access_token(subject, &mut checks),
        ProfileName::DpopProof => dpop::proof(subject, options, &mut checks),
        ProfileName::IdToken => rules::id_token(subject, options, &mut checks),
        ProfileName::LogoutToken => rules::logout_token(subject, &mut checks),
        ProfileName::SecurityEvent => rules::security_event(subject, &mut checks),
        ProfileName::ClientAssertion => rules::client_assertion(subject, &mut checks),
        ProfileName::RequestObject => rules::request_object(subject, &mut checks),
        ProfileName::KbJwt => rules::kb_jwt(subject, &mut checks),
        ProfileName::EntityStatement => rules::entity_statement(subject, &mut checks),
        ProfileName::StatusList => {
            status_list = status_list::check_list(subject, options, &mut checks);
        }
        ProfileName::SdJwtVc => rules::sd_jwt_vc(subject, &mut checks),
        ProfileName::TokenIntrospection => rules::token_introspection(subject, &mut checks),
        ProfileName::Jwt => {}
    }
    let mut report = ProfileReport::new(name, source, checks);
    report.status_list = status_list;
    report.max_age_secs = options.dpop_max_age_secs.unwrap_or(dpop::MAX_AGE_SECS);
    report
}

/// A check that passed, failed or waits for an input.
pub(crate) fn check(id: &str, status: CheckStatus, detail: Text) -> ProfileCheck {
    ProfileCheck {
        id: id.to_owned(),
        status,
        detail,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_media_types_read_both_ways() {
        for p in ProfileName::ALL {
            assert_eq!(ProfileName::parse(p.name()), Some(p));
            if let Some(typ) = p.typ() {
                assert_eq!(from_typ(typ), Some(p));
                assert_eq!(
                    from_typ(&format!("application/{}", typ.to_uppercase())),
                    Some(p)
                );
            }
        }
        assert_eq!(
            ProfileName::parse("access-token"),
            Some(ProfileName::AccessToken)
        );
        assert_eq!(ProfileName::parse("at+jwt"), Some(ProfileName::AccessToken));
        assert_eq!(ProfileName::parse("nonsense"), None);
    }
}
