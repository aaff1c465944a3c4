//! The rules of each kind of token but DPoP proofs and status lists (their own files): which
//! claims must be there, what `typ` must say, and the comparisons each kind calls for.

use serde_json::Value;

use super::{CheckStatus, ProfileCheck, ProfileName, ProfileOptions, Subject, check};
use crate::core::msg::Text;
use crate::core::parse::Decoded;
use crate::core::sdjwt::{KbStatus, SdStatus};
use crate::core::{Alg, KeySet, keys, verify};
use crate::msg;

use CheckStatus::{Fail, NotChecked, Pass};

/// A value as a short text for a check's detail.
pub(super) fn shown(value: &Value) -> String {
    let text = match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    let cut: String = text.chars().take(120).collect();
    if cut.len() < text.len() {
        format!("{cut}…")
    } else {
        cut
    }
}

/// `name` must be present.
pub(super) fn required(s: &Subject<'_>, names: &[&str], out: &mut Vec<ProfileCheck>) {
    for name in names {
        out.push(match s.claims.and_then(|c| c.get(*name)) {
            Some(_) => check(name, Pass, msg!("pc-present")),
            None => check(name, Fail, msg!("pc-missing", name = *name)),
        });
    }
}

/// What `typ` says against the kind it is checked as: equal passes; another kind's `typ` fails
/// (cross-JWT confusion, RFC 8725 §3.11-3.12); none fails where the kind requires one.
pub(super) fn typ_check(
    decoded: &Decoded,
    kind: ProfileName,
    detected: ProfileName,
) -> ProfileCheck {
    let typ = decoded
        .header
        .as_ref()
        .and_then(|h| h.get("typ"))
        .and_then(Value::as_str);
    let kind_words = kind.title();
    match (typ, kind.typ()) {
        (Some(t), _) if super::from_typ(t) == Some(kind) => {
            check("typ", Pass, msg!("pc-typ-ok", typ = t))
        }
        (Some(t), _) if super::from_typ(t).is_some() => check(
            "typ",
            Fail,
            msg!(
                "pc-typ-other",
                typ = t,
                other = detected.title(),
                kind = kind_words
            ),
        ),
        (Some(t), Some(expected)) => check(
            "typ",
            Fail,
            msg!("pc-typ-wrong", typ = t, expected = expected),
        ),
        (Some(t), None) => check("typ", Pass, msg!("pc-typ-ok", typ = t)),
        (None, Some(expected)) if kind_requires_typ(kind) => check(
            "typ",
            Fail,
            msg!("pc-typ-missing", kind = kind_words, typ = expected),
        ),
        (None, Some(expected)) => check("typ", Pass, msg!("pc-typ-recommended", typ = expected)),
        (None, None) => check("typ", Pass, msg!("pc-typ-none")),
    }
}

/// Kinds whose specification requires explicit typing.
fn kind_requires_typ(kind: ProfileName) -> bool {
    matches!(
        kind,
        ProfileName::AccessToken
            | ProfileName::DpopProof
            | ProfileName::KbJwt
            | ProfileName::StatusList
            | ProfileName::EntityStatement
            | ProfileName::SdJwtVc
            | ProfileName::TokenIntrospection
    )
}

/// The token is signed, and for some kinds with an asymmetric algorithm.
pub(super) fn alg_check(decoded: &Decoded, kind: ProfileName, asymmetric: bool) -> ProfileCheck {
    let name = decoded.alg_name().unwrap_or("-").to_owned();
    match Alg::parse(&name) {
        None if name.eq_ignore_ascii_case("none") => {
            check("alg", Fail, msg!("pc-alg-none", kind = kind.title()))
        }
        Some(Alg::None) => check("alg", Fail, msg!("pc-alg-none", kind = kind.title())),
        Some(Alg::HS256 | Alg::HS384 | Alg::HS512) if asymmetric => check(
            "alg",
            Fail,
            msg!("pc-alg-symmetric", alg = name, kind = kind.title()),
        ),
        _ => check("alg", Pass, msg!("pc-alg-ok", alg = name)),
    }
}

/// A value shown as a passed check (`scope`, `authorization_details`) when present.
fn shown_if_present(s: &Subject<'_>, name: &str, out: &mut Vec<ProfileCheck>) {
    if let Some(v) = s.claims.and_then(|c| c.get(name)) {
        out.push(check(name, Pass, Text::plain(shown(v))));
    }
}

/// `aud` against the audiences the caller accepts; not checked when none were given.
fn aud_against_expected(s: &Subject<'_>, out: &mut Vec<ProfileCheck>) {
    let Some(aud) = s.claims.and_then(|c| c.get("aud")) else {
        return;
    };
    let held: Vec<&str> = match aud {
        Value::String(a) => vec![a.as_str()],
        Value::Array(list) => list.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    out.push(if s.audiences.is_empty() {
        check(
            "aud",
            NotChecked,
            msg!("pc-aud-unchecked", aud = shown(aud)),
        )
    } else if held.iter().any(|a| s.audiences.iter().any(|e| e == a)) {
        check("aud", Pass, msg!("pc-aud-match", aud = shown(aud)))
    } else {
        check(
            "aud",
            Fail,
            msg!(
                "pc-aud-mismatch",
                aud = shown(aud),
                expected = s.audiences.join(", ")
            ),
        )
    });
}

/// RFC 9068: JWT access tokens.
pub(super) fn access_token(s: &Subject<'_>, out: &mut Vec<ProfileCheck>) {
    out.push(alg_check(s.decoded, ProfileName::AccessToken, false));
    required(
        s,
        &["iss", "exp", "aud", "sub", "client_id", "iat", "jti"],
        out,
    );
    shown_if_present(s, "scope", out);
    shown_if_present(s, "authorization_details", out);
}

/// OpenID Connect Core §3.1.3.7, §3.2.2.9–11: ID tokens.
pub(super) fn id_token(s: &Subject<'_>, options: &ProfileOptions, out: &mut Vec<ProfileCheck>) {
    out.push(alg_check(s.decoded, ProfileName::IdToken, false));
    required(s, &["iss", "sub", "aud", "exp", "iat"], out);
    let claims = s.claims;
    let several = claims
        .and_then(|c| c.get("aud"))
        .and_then(Value::as_array)
        .is_some_and(|a| a.len() > 1);
    if several {
        out.push(match claims.and_then(|c| c.get("azp")) {
            Some(azp) => check("azp", Pass, msg!("pc-azp-ok", azp = shown(azp))),
            None => check("azp", Fail, msg!("pc-azp-needed")),
        });
    }
    let got = claims.and_then(|c| c.get("nonce")).and_then(Value::as_str);
    out.extend(nonce_check(got, options.nonce.as_deref()));
    for (name, input, what) in [
        ("at_hash", options.access_token.as_deref(), "access-token"),
        ("c_hash", options.code.as_deref(), "code"),
    ] {
        if let Some(c) = half_hash_check(s.decoded, claims, name, input, what) {
            out.push(c);
        }
    }
}

/// A token's `nonce` against the one expected: equal passes, another or none fails, one not
/// expected waits for the expected value; neither given is no check at all.
pub(super) fn nonce_check(got: Option<&str>, expected: Option<&str>) -> Option<ProfileCheck> {
    Some(match (got, expected) {
        (Some(g), Some(e)) if g == e => check("nonce", Pass, msg!("pc-nonce-match")),
        (Some(g), Some(e)) => check(
            "nonce",
            Fail,
            msg!("pc-nonce-mismatch", got = g, expected = e),
        ),
        (None, Some(e)) => check("nonce", Fail, msg!("pc-nonce-absent", expected = e)),
        (Some(g), None) => check("nonce", NotChecked, msg!("pc-nonce-unchecked", got = g)),
        (None, None) => return None,
    })
}

/// `at_hash` / `c_hash`: base64url of the left half of the hash the token's `alg` uses, over
/// the ASCII of the access token or code.
fn half_hash_check(
    decoded: &Decoded,
    claims: Option<&serde_json::Map<String, Value>>,
    name: &str,
    input: Option<&str>,
    what: &'static str,
) -> Option<ProfileCheck> {
    let got = claims.and_then(|c| c.get(name)).and_then(Value::as_str);
    let Some(input) = input else {
        return got.map(|_| {
            check(
                name,
                NotChecked,
                msg!("pc-hash-unchecked", name = name, what = what),
            )
        });
    };
    let Some(got) = got else {
        return Some(check(
            name,
            Fail,
            msg!("pc-hash-missing", name = name, what = what),
        ));
    };
    let alg = decoded.alg_name().unwrap_or("-").to_owned();
    let Some(expected) = half_hash(&alg, input) else {
        return Some(check(
            name,
            Fail,
            msg!("pc-hash-alg", name = name, alg = alg),
        ));
    };
    Some(if expected == got {
        check(name, Pass, msg!("pc-hash-match", name = name, what = what))
    } else {
        check(
            name,
            Fail,
            msg!(
                "pc-hash-mismatch",
                name = name,
                what = what,
                expected = expected
            ),
        )
    })
}

/// The left half of the hash `alg` uses, base64url (OpenID Connect Core §3.1.3.6); EdDSA and
/// Ed25519 use SHA-512.
pub fn half_hash(alg: &str, input: &str) -> Option<String> {
    use aws_lc_rs::digest;
    let algorithm = match alg {
        a if a.ends_with("256") || a == "ES256K" || a.starts_with("ML-DSA") => &digest::SHA256,
        a if a.ends_with("384") => &digest::SHA384,
        a if a.ends_with("512") || a == "EdDSA" || a == "Ed25519" => &digest::SHA512,
        _ => return None,
    };
    let d = digest::digest(algorithm, input.as_bytes());
    let bytes = d.as_ref();
    Some(crate::core::b64::encode(&bytes[..bytes.len() / 2]))
}

/// OpenID Connect Back-Channel Logout §2.4.
pub(super) fn logout_token(s: &Subject<'_>, out: &mut Vec<ProfileCheck>) {
    out.push(alg_check(s.decoded, ProfileName::LogoutToken, false));
    required(s, &["iss", "aud", "iat", "jti"], out);
    let claims = s.claims;
    let events = claims
        .and_then(|c| c.get("events"))
        .and_then(Value::as_object);
    out.push(match events.and_then(|e| e.get(super::LOGOUT_EVENT)) {
        Some(Value::Object(_)) => check("events", Pass, msg!("pc-events-logout-ok")),
        _ => check(
            "events",
            Fail,
            msg!("pc-events-logout-missing", event = super::LOGOUT_EVENT),
        ),
    });
    let has = |n: &str| claims.is_some_and(|c| c.contains_key(n));
    out.push(if has("sid") || has("sub") {
        check("sid", Pass, msg!("pc-sid-or-sub"))
    } else {
        check("sid", Fail, msg!("pc-sid-or-sub-missing"))
    });
    if has("nonce") {
        out.push(check("nonce", Fail, msg!("pc-nonce-forbidden")));
    }
}

/// RFC 8417: security event tokens.
pub(super) fn security_event(s: &Subject<'_>, out: &mut Vec<ProfileCheck>) {
    out.push(alg_check(s.decoded, ProfileName::SecurityEvent, false));
    required(s, &["iss", "jti", "iat"], out);
    let claims = s.claims;
    out.push(match claims.and_then(|c| c.get("events")) {
        Some(Value::Object(e)) if !e.is_empty() => check(
            "events",
            Pass,
            msg!(
                "pc-events-object",
                names = e.keys().cloned().collect::<Vec<_>>().join(", ")
            ),
        ),
        Some(_) => check("events", Fail, msg!("pc-events-not-object")),
        None => check("events", Fail, msg!("pc-missing", name = "events")),
    });
    if claims.is_some_and(|c| c.contains_key("exp")) {
        out.push(check("exp", Fail, msg!("pc-exp-unexpected")));
    }
    shown_if_present(s, "sub_id", out);
}

/// RFC 7523 §3: a client assertion or JWT bearer grant.
pub(super) fn client_assertion(s: &Subject<'_>, out: &mut Vec<ProfileCheck>) {
    out.push(alg_check(s.decoded, ProfileName::ClientAssertion, false));
    required(s, &["iss", "sub", "aud", "exp", "jti"], out);
    let claims = s.claims;
    let iss = claims.and_then(|c| c.get("iss"));
    let sub = claims.and_then(|c| c.get("sub"));
    if let (Some(iss), Some(sub)) = (iss, sub) {
        out.push(if iss == sub {
            check("iss", Pass, msg!("pc-iss-sub-equal"))
        } else {
            check(
                "iss",
                Fail,
                msg!("pc-iss-sub-differ", iss = shown(iss), sub = shown(sub)),
            )
        });
    }
    aud_against_expected(s, out);
}

/// RFC 9101: a request object.
pub(super) fn request_object(s: &Subject<'_>, out: &mut Vec<ProfileCheck>) {
    out.push(alg_check(s.decoded, ProfileName::RequestObject, false));
    required(s, &["client_id", "response_type", "aud"], out);
    aud_against_expected(s, out);
}

/// RFC 9901 §4.3: a key-binding JWT on its own.
pub(super) fn kb_jwt(s: &Subject<'_>, out: &mut Vec<ProfileCheck>) {
    out.push(alg_check(s.decoded, ProfileName::KbJwt, true));
    required(s, &["iat", "aud", "nonce", "sd_hash"], out);
}

/// A token introspection response (RFC 9701).
pub(super) fn token_introspection(s: &Subject<'_>, out: &mut Vec<ProfileCheck>) {
    out.push(alg_check(s.decoded, ProfileName::TokenIntrospection, false));
    required(s, &["iss", "aud", "iat", "token_introspection"], out);
}

/// OpenID Federation 1.0: an entity statement; a self-signed one (an entity configuration)
/// verifies with its own `jwks`.
pub(super) fn entity_statement(s: &Subject<'_>, out: &mut Vec<ProfileCheck>) {
    out.push(alg_check(s.decoded, ProfileName::EntityStatement, true));
    required(s, &["iss", "sub", "iat", "exp", "jwks"], out);
    let claims = s.claims;
    let iss = claims.and_then(|c| c.get("iss"));
    if iss.is_none() || iss != claims.and_then(|c| c.get("sub")) {
        if let Some(iss) = iss {
            out.push(check(
                "jwks",
                Pass,
                msg!("pc-not-self-signed", iss = shown(iss)),
            ));
        }
        return;
    }
    let Some(jwks) = claims.and_then(|c| c.get("jwks")) else {
        return;
    };
    out.push(match keys::parse_text(&jwks.to_string()) {
        Ok(set) => self_signed(s.decoded, &set),
        Err(e) => check(
            "jwks",
            Fail,
            msg!("pc-jwks-unreadable", error = e.to_string()),
        ),
    });
}

fn self_signed(decoded: &Decoded, set: &KeySet) -> ProfileCheck {
    let result = verify::verify(decoded, Some(set));
    if result.status == crate::core::SignatureStatus::Verified {
        check("jwks", Pass, msg!("pc-self-signed-ok"))
    } else {
        check(
            "jwks",
            Fail,
            msg!("pc-self-signed-fail", detail = result.detail),
        )
    }
}

/// SD-JWT VC: the SD-JWT issue's rules, as checks.
pub(super) fn sd_jwt_vc(s: &Subject<'_>, out: &mut Vec<ProfileCheck>) {
    out.push(alg_check(s.decoded, ProfileName::SdJwtVc, true));
    let payload = s.decoded.claims();
    out.push(
        match payload.and_then(|c| c.get("vct")).and_then(Value::as_str) {
            Some(vct) => check("vct", Pass, Text::plain(vct.to_owned())),
            None => check("vct", Fail, msg!("pc-vct-missing")),
        },
    );
    let Some(sd) = s.sd else {
        out.push(check("disclosures", Fail, msg!("pc-not-sd-jwt")));
        return;
    };
    out.push(match sd.status {
        SdStatus::Valid => check(
            "disclosures",
            Pass,
            msg!("pc-sd-valid", count = sd.disclosures.len()),
        ),
        SdStatus::Invalid => check(
            "disclosures",
            Fail,
            sd.errors
                .first()
                .cloned()
                .unwrap_or_else(|| msg!("sd-invalid")),
        ),
    });
    let disclosable: Vec<&str> = ["iss", "nbf", "exp", "cnf", "vct", "status"]
        .into_iter()
        .filter(|n| sd.disclosed_at(&format!("/{n}")).is_some())
        .collect();
    if !disclosable.is_empty() {
        out.push(check(
            "disclosable",
            Fail,
            msg!("pc-disclosable", names = disclosable.join(", ")),
        ));
    }
    match &sd.key_binding {
        Some(kb) => out.push(match kb.status {
            KbStatus::Verified => check("key_binding", Pass, kb.detail.clone()),
            KbStatus::Invalid => check("key_binding", Fail, kb.detail.clone()),
            KbStatus::NoHolderKey => check("key_binding", NotChecked, kb.detail.clone()),
        }),
        None if payload.is_some_and(|c| c.contains_key("cnf")) => {
            out.push(check("key_binding", Pass, msg!("pc-kb-none")));
        }
        None => {}
    }
}
