//! Findings about an encrypted token's key management: RSA1_5, content anyone could have
//! encrypted, weak PBES2 parameters, a weak `dir` key.

use serde_json::Value;

use super::{Context, Finding, FindingId, Severity, finding};
use crate::core::verify;
use crate::msg;

/// Weak choices in an encrypted token's key management.
pub(super) fn rules(header: &Value, cx: &Context<'_>, decrypted: bool, out: &mut Vec<Finding>) {
    use crate::core::jwe::{KeyAlg, KeyNeed, MAX_P2C};
    let Some(alg) = header
        .get("alg")
        .and_then(Value::as_str)
        .and_then(KeyAlg::parse)
    else {
        return;
    };
    if alg == KeyAlg::Rsa1_5 {
        out.push(finding(
            FindingId::JweRsa15,
            Severity::Warn,
            msg!("f-rsa15-title"),
            msg!("f-rsa15-msg"),
            "RFC 8725 §3.2; RFC 7516 §11.5",
        ));
    }
    // Anyone with the recipient's public key can make this token: unless the plaintext is a
    // signed token, nothing says who wrote the claims.
    let public_key_alg = matches!(
        alg.needs(crate::core::jwe::Enc::A128Gcm),
        KeyNeed::Rsa | KeyNeed::Ecdh
    );
    let nested = cx
        .decoded
        .payload_bytes
        .as_deref()
        .is_some_and(|b| crate::core::inner_token(cx.decoded, b).is_some());
    if public_key_alg && decrypted && !nested {
        out.push(finding(
            FindingId::JweNotSigned,
            Severity::Warn,
            msg!("f-jwe-not-signed-title"),
            msg!("f-jwe-not-signed-msg", alg = alg.name()),
            "RFC 7519 §11.2, RFC 8725 §3.3",
        ));
    }
    if alg.is_pbes2() {
        let count = header.get("p2c").and_then(Value::as_u64);
        let salt = header
            .get("p2s")
            .and_then(Value::as_str)
            .and_then(|s| crate::core::b64::decode(s).ok())
            .map(|d| d.bytes.len());
        match count {
            Some(n) if n > u64::from(MAX_P2C) => out.push(finding(
                FindingId::Pbes2P2cCap,
                Severity::Error,
                msg!("f-p2c-cap-title", count = n),
                msg!("f-p2c-cap-msg", cap = u64::from(MAX_P2C)),
                "RFC 8725 §3.2; CVE-2022-36083",
            )),
            Some(n) if n < 1000 => out.push(finding(
                FindingId::Pbes2Weak,
                Severity::Warn,
                msg!("f-p2c-low-title", count = n),
                msg!("f-p2c-low-msg"),
                "RFC 7518 §4.8.1.2",
            )),
            _ => {}
        }
        if let Some(len) = salt.filter(|l| *l < 8) {
            out.push(finding(
                FindingId::Pbes2Weak,
                Severity::Error,
                msg!("f-p2s-short-title", len = len),
                msg!("f-p2s-short-msg"),
                "RFC 7518 §4.8.1.1",
            ));
        }
    }
    if alg == KeyAlg::Dir
        && let Some(keys) = cx.keys
    {
        let weak = keys.keys.iter().filter_map(|k| k.secret_bytes()).any(|b| {
            super::distinct_bytes(b) < 8
                || (b.iter().all(|c| c.is_ascii_graphic() || *c == b' ')
                    && verify::as_well_known_secret(b).is_some())
        });
        let text = keys
            .keys
            .iter()
            .any(|k| k.format == crate::core::keys::KeyFormat::SecretUtf8);
        if weak || text {
            out.push(finding(
                FindingId::DirWeakKey,
                Severity::Warn,
                msg!("f-dir-weak-title"),
                msg!("f-dir-weak-msg"),
                "RFC 7518 §4.5, RFC 8725 §3.5",
            ));
        }
    }
}
