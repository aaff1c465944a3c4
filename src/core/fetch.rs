//! Fetching keys from an issuer: OpenID Connect discovery (`/.well-known/openid-configuration`),
//! RFC 8414 metadata, or a JWKS URL. Only ever on an explicit request; https only (plain http is
//! allowed to loopback for local issuers); bounded in time and size.

use std::collections::HashMap;
use std::time::Duration;

use serde_json::Value;

use super::keys::{self, KeySet};

/// Limits of one fetch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Policy {
    /// For the whole request, connection to last byte.
    pub timeout: Duration,
    /// Largest response body accepted.
    pub max_bytes: u64,
}

impl Default for Policy {
    fn default() -> Self {
        Self {
            timeout: Duration::from_secs(10),
            max_bytes: 1024 * 1024,
        }
    }
}

/// Why a fetch failed, in words that say what to check.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FetchError {
    #[error("{0} is not a URL (expected https://…)")]
    BadUrl(String),
    #[error("{0}: only https is allowed (plain http only to localhost/127.0.0.1/[::1])")]
    NotHttps(String),
    #[error("{url}: the host name could not be resolved (DNS)")]
    Dns { url: String },
    #[error("{url}: could not connect ({reason})")]
    Connect { url: String, reason: String },
    #[error("{url}: TLS failed ({reason})")]
    Tls { url: String, reason: String },
    #[error("{url}: no answer within {secs} s")]
    Timeout { url: String, secs: u64 },
    #[error("{url}: the server answered HTTP {status}")]
    Status { url: String, status: u16 },
    #[error("{url}: the response is larger than the {limit} byte limit")]
    TooLarge { url: String, limit: u64 },
    #[error("{url}: the response is not valid JSON ({detail})")]
    BadJson { url: String, detail: String },
    #[error("{url}: {detail}")]
    BadDocument { url: String, detail: String },
    #[error("the token has no \"iss\" claim to discover keys from")]
    NoIssuer,
    /// A redirect that is not followed: too many, no Location, or to a URL the rule refuses.
    #[error("{url}: {detail}")]
    Redirect { url: String, detail: String },
}

/// At most this many redirects are followed, each hop checked like the first URL.
pub const MAX_REDIRECTS: usize = 3;

/// Where a `Location` header points, relative to the URL that answered with it.
fn resolve_location(base: &str, location: &str) -> String {
    let location = location.trim();
    if location.starts_with("https://") || location.starts_with("http://") {
        return location.to_owned();
    }
    let scheme_end = base.find("://").map_or(0, |i| i + 3);
    if let Some(rest) = location.strip_prefix("//") {
        return format!("{}{rest}", &base[..scheme_end]);
    }
    let host_end = base[scheme_end..]
        .find('/')
        .map_or(base.len(), |i| scheme_end + i);
    if location.starts_with('/') {
        return format!("{}{location}", &base[..host_end]);
    }
    let path = &base[host_end..];
    let path = path.split(['?', '#']).next().unwrap_or_default();
    let dir = path.rfind('/').map_or("/", |i| &path[..=i]);
    format!("{}{dir}{location}", &base[..host_end])
}

/// Checks that `url` may be fetched: https, or http to a loopback host.
pub fn check_url(url: &str) -> Result<(), FetchError> {
    let lower = url.trim().to_ascii_lowercase();
    let rest = if let Some(r) = lower.strip_prefix("https://") {
        r
    } else if let Some(r) = lower.strip_prefix("http://") {
        let host = r.split(['/', '?', '#']).next().unwrap_or_default();
        let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
        let host = if host.starts_with('[') {
            host.split(']')
                .next()
                .map(|h| format!("{h}]"))
                .unwrap_or_default()
        } else {
            host.split(':').next().unwrap_or_default().to_owned()
        };
        let loopback = host == "localhost"
            || host == "[::1]"
            || (host.starts_with("127.") && host.chars().all(|c| c.is_ascii_digit() || c == '.'));
        if !loopback {
            return Err(FetchError::NotHttps(url.to_owned()));
        }
        r
    } else {
        return Err(FetchError::BadUrl(url.to_owned()));
    };
    if rest.is_empty() || rest.starts_with('/') {
        return Err(FetchError::BadUrl(url.to_owned()));
    }
    Ok(())
}

/// GETs `url` and parses the body as JSON, within `policy`. Redirects are followed by hand, at
/// most [`MAX_REDIRECTS`], each hop held to the same rule as `url` (https; plain http only to
/// loopback). Returns the JSON and the URL it finally came from.
pub fn get_json(url: &str, policy: Policy) -> Result<(Value, String), FetchError> {
    check_url(url)?;
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(policy.timeout))
        .http_status_as_error(false)
        .max_redirects(0)
        .user_agent(concat!("jwt-debugger/", env!("CARGO_PKG_VERSION")))
        .tls_config(
            ureq::tls::TlsConfig::builder()
                .unversioned_rustls_crypto_provider(std::sync::Arc::new(
                    rustls::crypto::aws_lc_rs::default_provider(),
                ))
                .build(),
        )
        .build()
        .into();
    let mut current = url.to_owned();
    for hop in 0..=MAX_REDIRECTS {
        let mut response = agent
            .get(&current)
            .header("Accept", "application/json")
            .call()
            .map_err(|e| map_ureq_error(e, &current, policy))?;
        let status = response.status().as_u16();
        if (300..400).contains(&status) {
            let Some(location) = response
                .headers()
                .get("location")
                .and_then(|v| v.to_str().ok())
            else {
                return Err(FetchError::Redirect {
                    url: current,
                    detail: format!("HTTP {status} without a Location header"),
                });
            };
            let next = resolve_location(&current, location);
            if hop == MAX_REDIRECTS {
                return Err(FetchError::Redirect {
                    url: url.to_owned(),
                    detail: format!("more than {MAX_REDIRECTS} redirects (the last to {next})"),
                });
            }
            if let Err(e) = check_url(&next) {
                return Err(FetchError::Redirect {
                    url: current,
                    detail: format!("redirect refused: {e}"),
                });
            }
            current = next;
            continue;
        }
        return read_json(&mut response, &current, status, policy).map(|v| (v, current));
    }
    Err(FetchError::Redirect {
        url: url.to_owned(),
        detail: format!("more than {MAX_REDIRECTS} redirects"),
    })
}

fn map_ureq_error(e: ureq::Error, url: &str, policy: Policy) -> FetchError {
    match e {
        ureq::Error::Timeout(_) => FetchError::Timeout {
            url: url.to_owned(),
            secs: policy.timeout.as_secs().max(1),
        },
        ureq::Error::HostNotFound => FetchError::Dns {
            url: url.to_owned(),
        },
        ureq::Error::BodyExceedsLimit(_) => FetchError::TooLarge {
            url: url.to_owned(),
            limit: policy.max_bytes,
        },
        ureq::Error::Tls(reason) => FetchError::Tls {
            url: url.to_owned(),
            reason: reason.to_owned(),
        },
        ureq::Error::Rustls(e) => FetchError::Tls {
            url: url.to_owned(),
            reason: e.to_string(),
        },
        ureq::Error::Io(e) if e.kind() == std::io::ErrorKind::TimedOut => FetchError::Timeout {
            url: url.to_owned(),
            secs: policy.timeout.as_secs().max(1),
        },
        other => FetchError::Connect {
            url: url.to_owned(),
            reason: other.to_string(),
        },
    }
}

fn read_json(
    response: &mut ureq::http::Response<ureq::Body>,
    url: &str,
    status: u16,
    policy: Policy,
) -> Result<Value, FetchError> {
    let map_err = |e| map_ureq_error(e, url, policy);
    if !(200..300).contains(&status) {
        return Err(FetchError::Status {
            url: url.to_owned(),
            status,
        });
    }
    let body = response
        .body_mut()
        .with_config()
        .limit(policy.max_bytes)
        .read_to_vec()
        .map_err(map_err)?;
    let text = String::from_utf8(body).map_err(|_| FetchError::BadJson {
        url: url.to_owned(),
        detail: "not UTF-8".into(),
    })?;
    super::json::parse(&text)
        .map(|p| p.value)
        .map_err(|e| FetchError::BadJson {
            url: url.to_owned(),
            detail: e.to_string(),
        })
}

/// Fetches a JWKS and reads its keys. Returns the keys, the JWKS text and the URL it finally
/// came from (after redirects).
pub fn fetch_jwks(url: &str, policy: Policy) -> Result<(KeySet, String, String), FetchError> {
    let (value, url) = get_json(url, policy)?;
    let url = url.as_str();
    if !value.get("keys").is_some_and(Value::is_array) {
        return Err(FetchError::BadDocument {
            url: url.to_owned(),
            detail: "not a JWK Set: there is no \"keys\" array".into(),
        });
    }
    let text = super::json::to_pretty(&value);
    let set = keys::parse_text(&text).map_err(|e| FetchError::BadDocument {
        url: url.to_owned(),
        detail: e.to_string(),
    })?;
    Ok((set, text, url.to_owned()))
}

/// The metadata URLs to try for an issuer: OpenID Connect discovery, then RFC 8414.
pub fn metadata_urls(issuer: &str) -> Vec<String> {
    let trimmed = issuer.trim_end_matches('/');
    let mut urls = vec![format!("{trimmed}/.well-known/openid-configuration")];
    // RFC 8414 §3: the well-known segment goes between the host and the issuer's path.
    if let Some(scheme_end) = trimmed.find("://") {
        let after = &trimmed[scheme_end + 3..];
        let (host, path) = after.split_at(after.find('/').unwrap_or(after.len()));
        urls.push(format!(
            "{}{host}/.well-known/oauth-authorization-server{path}",
            &trimmed[..scheme_end + 3]
        ));
    }
    urls
}

/// Discovers the issuer's `jwks_uri` and fetches its keys. Returns the keys, the JWKS text and the
/// URL they came from.
pub fn discover(issuer: &str, policy: Policy) -> Result<(KeySet, String, String), FetchError> {
    check_url(issuer)?;
    let mut last_error = None;
    for url in metadata_urls(issuer) {
        match get_json(&url, policy) {
            Ok((doc, url)) => {
                let Some(jwks_uri) = doc.get("jwks_uri").and_then(Value::as_str) else {
                    return Err(FetchError::BadDocument {
                        url,
                        detail: "the metadata has no \"jwks_uri\"".into(),
                    });
                };
                if let Some(iss) = doc.get("issuer").and_then(Value::as_str)
                    && iss.trim_end_matches('/') != issuer.trim_end_matches('/')
                {
                    return Err(FetchError::BadDocument {
                        url,
                        detail: format!(
                            "the metadata is for issuer {iss}, not {issuer}; refusing its keys"
                        ),
                    });
                }
                return fetch_jwks(jwks_uri, policy);
            }
            Err(e @ FetchError::Status { status: 404, .. }) => last_error = Some(e),
            Err(e) => return Err(e),
        }
    }
    Err(last_error.unwrap_or(FetchError::NoIssuer))
}

/// The JWT VC Issuer Metadata URL for an issuer (SD-JWT VC §5): the well-known segment goes
/// between the host and the issuer's path.
pub fn vc_issuer_metadata_url(issuer: &str) -> Option<String> {
    let trimmed = issuer.trim_end_matches('/');
    let scheme_end = trimmed.find("://")?;
    let after = &trimmed[scheme_end + 3..];
    let (host, path) = after.split_at(after.find('/').unwrap_or(after.len()));
    Some(format!(
        "{}{host}/.well-known/jwt-vc-issuer{path}",
        &trimmed[..scheme_end + 3]
    ))
}

/// An SD-JWT VC issuer's keys: the JWT VC Issuer Metadata (`jwks` inline or `jwks_uri`) first,
/// then OpenID Connect discovery and RFC 8414 as [`discover`] does. Returns the keys, the JWKS
/// text and the URL they came from.
pub fn discover_vc_issuer(
    issuer: &str,
    policy: Policy,
) -> Result<(KeySet, String, String), FetchError> {
    check_url(issuer)?;
    let Some(url) = vc_issuer_metadata_url(issuer) else {
        return discover(issuer, policy);
    };
    match get_json(&url, policy) {
        Ok((doc, url)) => {
            if let Some(iss) = doc.get("issuer").and_then(Value::as_str)
                && iss.trim_end_matches('/') != issuer.trim_end_matches('/')
            {
                return Err(FetchError::BadDocument {
                    url,
                    detail: format!(
                        "the metadata is for issuer {iss}, not {issuer}; refusing its keys"
                    ),
                });
            }
            if let Some(jwks) = doc
                .get("jwks")
                .filter(|j| j.get("keys").is_some_and(Value::is_array))
            {
                let text = super::json::to_pretty(jwks);
                let set = keys::parse_text(&text).map_err(|e| FetchError::BadDocument {
                    url: url.clone(),
                    detail: e.to_string(),
                })?;
                return Ok((set, text, url));
            }
            match doc.get("jwks_uri").and_then(Value::as_str) {
                Some(jwks_uri) => fetch_jwks(jwks_uri, policy),
                None => Err(FetchError::BadDocument {
                    url,
                    detail: "the JWT VC issuer metadata has neither \"jwks\" nor \"jwks_uri\""
                        .into(),
                }),
            }
        }
        Err(FetchError::Status { status: 404, .. }) => discover(issuer, policy),
        Err(e) => Err(e),
    }
}

/// Results kept for the session, so a second click does not fetch again.
#[derive(Debug, Default)]
pub struct Cache {
    entries: HashMap<String, (String, String)>,
}

impl Cache {
    /// JWKS text and source URL for an issuer or JWKS URL, fetching only the first time.
    pub fn get_or_fetch(
        &mut self,
        what: &str,
        discover_issuer: bool,
        policy: Policy,
    ) -> Result<(String, String), FetchError> {
        if let Some(hit) = self.entries.get(what) {
            return Ok(hit.clone());
        }
        let (text, source) = if discover_issuer {
            let (_, text, url) = discover(what, policy)?;
            (text, url)
        } else {
            let (_, text, url) = fetch_jwks(what, policy)?;
            (text, url)
        };
        self.entries
            .insert(what.to_owned(), (text.clone(), source.clone()));
        Ok((text, source))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_https_or_loopback_http() {
        assert!(check_url("https://login.example.com/").is_ok());
        assert!(check_url("http://127.0.0.1:8080/jwks").is_ok());
        assert!(check_url("http://localhost/jwks").is_ok());
        assert!(check_url("http://[::1]:9000/x").is_ok());
        assert_eq!(
            check_url("http://login.example.com/"),
            Err(FetchError::NotHttps("http://login.example.com/".into()))
        );
        assert!(matches!(
            check_url("http://127.0.0.1.evil.com/"),
            Err(FetchError::NotHttps(_))
        ));
        assert!(matches!(check_url("ftp://x"), Err(FetchError::BadUrl(_))));
        assert!(matches!(check_url("https://"), Err(FetchError::BadUrl(_))));
    }

    #[test]
    fn locations_resolve_against_the_url_that_redirected() {
        let base = "https://a.example/x/y/jwks?z=1";
        assert_eq!(
            resolve_location(base, "https://b.example/k"),
            "https://b.example/k"
        );
        assert_eq!(
            resolve_location(base, "//c.example/k"),
            "https://c.example/k"
        );
        assert_eq!(resolve_location(base, "/k"), "https://a.example/k");
        assert_eq!(resolve_location(base, "k2"), "https://a.example/x/y/k2");
    }

    #[test]
    fn metadata_urls_follow_oidc_and_rfc8414() {
        assert_eq!(
            metadata_urls("https://auth.example.com/tenant1"),
            [
                "https://auth.example.com/tenant1/.well-known/openid-configuration",
                "https://auth.example.com/.well-known/oauth-authorization-server/tenant1"
            ]
        );
    }
}
