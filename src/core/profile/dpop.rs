//! DPoP proofs (RFC 9449 §4.3): typed `dpop+jwt`, signed with the asymmetric key in their own
//! `jwk` header (public), fresh, for one request (`htm`, `htu`), and when sent with an access
//! token bound to it (`ath`, the access token's `cnf.jkt`).

use serde_json::{Map, Value};

use super::rules::{alg_check, required, shown};
use super::{CheckStatus, ProfileCheck, ProfileName, ProfileOptions, Subject, check};
use crate::core::{SignatureStatus, b64, keys, parse, verify};
use crate::msg;

use CheckStatus::{Fail, NotChecked, Pass};

/// How old a proof may be by default (seconds): RFC 9449 leaves it to the server; five minutes
/// is what servers commonly accept.
pub const MAX_AGE_SECS: i64 = 300;

/// The proof's `iat` at `now`: neither older than `max_age_secs` nor in the future, beyond the
/// leeway.
pub(super) fn iat_check(
    claims: Option<&Map<String, Value>>,
    now: i64,
    leeway_secs: i64,
    max_age_secs: i64,
) -> ProfileCheck {
    match claims.and_then(|c| c.get("iat")).and_then(Value::as_i64) {
        None => check("iat", Fail, msg!("pc-missing", name = "iat")),
        Some(iat) if iat > now + leeway_secs => {
            check("iat", Fail, msg!("pc-iat-future", secs = iat - now))
        }
        Some(iat) if now - iat > max_age_secs + leeway_secs => check(
            "iat",
            Fail,
            msg!("pc-iat-old", secs = now - iat, max = max_age_secs),
        ),
        Some(iat) => check("iat", Pass, msg!("pc-iat-ok", secs = (now - iat).max(0))),
    }
}

/// A URL as `htu` compares it: without query and fragment, scheme and host in lower case.
fn htu_form(url: &str) -> String {
    let cut = url.find(['?', '#']).map_or(url, |i| &url[..i]);
    match cut.find("://") {
        Some(i) => {
            let rest = &cut[i + 3..];
            let host_end = rest.find('/').unwrap_or(rest.len());
            format!(
                "{}://{}{}",
                cut[..i].to_ascii_lowercase(),
                rest[..host_end].to_ascii_lowercase(),
                &rest[host_end..]
            )
        }
        None => cut.to_owned(),
    }
}

pub(super) fn proof(s: &Subject<'_>, options: &ProfileOptions, out: &mut Vec<ProfileCheck>) {
    out.push(alg_check(s.decoded, ProfileName::DpopProof, true));
    let header = s.decoded.header.as_ref();
    let jwk = header.and_then(|h| h.get("jwk"));
    let key = match jwk {
        None => {
            out.push(check("jwk", Fail, msg!("pc-jwk-missing")));
            None
        }
        Some(jwk) => match keys::parse_text(&jwk.to_string()) {
            Err(e) => {
                out.push(check(
                    "jwk",
                    Fail,
                    msg!("pc-jwk-unreadable", error = e.to_string()),
                ));
                None
            }
            Ok(set) if set.keys.iter().any(|k| k.is_private() || k.is_secret()) => {
                out.push(check("jwk", Fail, msg!("pc-jwk-private")));
                None
            }
            Ok(set) => {
                let result = verify::verify(s.decoded, Some(&set));
                out.push(if result.status == SignatureStatus::Verified {
                    check("jwk", Pass, msg!("pc-jwk-verifies"))
                } else {
                    check("jwk", Fail, msg!("pc-jwk-fails", detail = result.detail))
                });
                set.keys.into_iter().next()
            }
        },
    };
    required(s, &["jti"], out);
    let max_age = options.dpop_max_age_secs.unwrap_or(MAX_AGE_SECS);
    out.push(iat_check(s.claims, s.now, s.leeway_secs, max_age));
    let claim = |n: &str| s.claims.and_then(|c| c.get(n)).and_then(Value::as_str);
    for name in ["htm", "htu"] {
        if claim(name).is_none() {
            out.push(check(name, Fail, msg!("pc-missing", name = name)));
        }
    }
    if let Some(got) = claim("htm") {
        out.push(match options.dpop_method.as_deref() {
            Some(e) if e == got => check("htm", Pass, msg!("pc-htm-match", got = got)),
            Some(e) => check(
                "htm",
                Fail,
                msg!("pc-mismatch", name = "htm", got = got, expected = e),
            ),
            None => check("htm", NotChecked, msg!("pc-htm-unchecked", got = got)),
        });
    }
    if let Some(got) = claim("htu") {
        out.push(match options.dpop_url.as_deref() {
            Some(e) if htu_form(e) == htu_form(got) => {
                check("htu", Pass, msg!("pc-htu-match", got = got))
            }
            Some(e) => check(
                "htu",
                Fail,
                msg!(
                    "pc-mismatch",
                    name = "htu",
                    got = got,
                    expected = htu_form(e)
                ),
            ),
            None => check("htu", NotChecked, msg!("pc-htu-unchecked", got = got)),
        });
    }
    out.extend(super::rules::nonce_check(
        claim("nonce"),
        options.dpop_nonce.as_deref(),
    ));
    access_token_binding(s, options, key.as_ref(), out);
}

/// `ath` (the hash of the access token sent with the proof) and the access token's `cnf.jkt`
/// (the thumbprint of the proof's key).
fn access_token_binding(
    s: &Subject<'_>,
    options: &ProfileOptions,
    key: Option<&crate::core::Key>,
    out: &mut Vec<ProfileCheck>,
) {
    let ath = s.claims.and_then(|c| c.get("ath")).and_then(Value::as_str);
    let Some(token) = options.access_token.as_deref().map(str::trim) else {
        if ath.is_some() {
            out.push(check("ath", NotChecked, msg!("pc-ath-unchecked")));
        }
        out.push(check("cnf.jkt", NotChecked, msg!("pc-jkt-unchecked")));
        return;
    };
    let expected = b64::encode(aws_lc_rs::digest::digest(
        &aws_lc_rs::digest::SHA256,
        token.as_bytes(),
    ));
    out.push(match ath {
        Some(got) if got == expected => check("ath", Pass, msg!("pc-ath-match")),
        Some(got) => check(
            "ath",
            Fail,
            msg!("pc-mismatch", name = "ath", got = got, expected = expected),
        ),
        None => check("ath", Fail, msg!("pc-ath-missing")),
    });
    let at = parse::decode(token);
    let jkt = at
        .claims()
        .and_then(|c| c.get("cnf"))
        .and_then(|c| c.get("jkt"))
        .map(shown);
    out.push(match (jkt, key) {
        (_, None) => check("cnf.jkt", Fail, msg!("pc-jkt-no-key")),
        (None, _) if at.claims().is_none() => check("cnf.jkt", NotChecked, msg!("pc-jkt-opaque")),
        (None, _) => check("cnf.jkt", Fail, msg!("pc-jkt-unbound")),
        (Some(jkt), Some(key)) if jkt == key.thumbprint() => {
            check("cnf.jkt", Pass, msg!("pc-jkt-match"))
        }
        (Some(jkt), Some(key)) => check(
            "cnf.jkt",
            Fail,
            msg!("pc-jkt-mismatch", jkt = jkt, thumbprint = key.thumbprint()),
        ),
    });
}

#[cfg(test)]
mod tests {
    use super::htu_form;

    #[test]
    fn htu_compares_without_query_fragment_and_case_of_scheme_and_host() {
        assert_eq!(
            htu_form("HTTPS://Server.Example.com/token?x=1#f"),
            "https://server.example.com/token"
        );
        assert_eq!(htu_form("https://a.example/Path"), "https://a.example/Path");
    }
}
