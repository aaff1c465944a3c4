//! Key findings: secrets from the bundled list, empty or short HMAC secrets, small-order Ed25519
//! keys, ROCA and short RSA keys.

use super::{Context, Finding, FindingId, Severity, finding};
use crate::core::alg::{Alg, Family};
use crate::core::verify::{self, SignatureStatus};
use crate::msg;

pub(super) fn rules(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let d = cx.decoded;
    let alg = d.alg_name().and_then(Alg::parse);
    // A token made with a secret from the bundled list is forgeable by anyone who has the list.
    let given_weak = cx.keys.is_some_and(|k| {
        k.keys
            .iter()
            .filter_map(|k| k.secret_bytes())
            .any(|b| verify::as_well_known_secret(b).is_some())
    });
    if cx.signature.status != SignatureStatus::Verified
        && !given_weak
        && let Some(secret) = verify::well_known_secret(d)
    {
        out.push(finding(
            FindingId::WeakHmacKey,
            Severity::Critical,
            if secret.is_empty() {
                msg!("f-empty-secret-used-title")
            } else {
                msg!("f-known-secret-used-title", secret = secret)
            },
            msg!("f-known-secret-used-msg"),
            "RFC 8725 §3.5; CVE-2019-20933",
        ));
    }

    // Weak keys.
    if let Some(keys) = cx.keys {
        for key in &keys.keys {
            if let (Some(bytes), Some(a)) = (
                key.secret_bytes(),
                alg.filter(|a| a.family() == Family::Hmac),
            ) {
                let min = a.min_secret_len().unwrap_or(32);
                if bytes.is_empty() {
                    out.push(finding(
                        FindingId::WeakHmacKey,
                        Severity::Critical,
                        msg!("f-empty-secret-title"),
                        msg!("f-empty-secret-msg"),
                        "RFC 7518 §3.2; CVE-2019-20933",
                    ));
                } else if let Some(known) = verify::as_well_known_secret(bytes) {
                    out.push(finding(
                        FindingId::WeakHmacKey,
                        Severity::Warn,
                        msg!("f-known-secret-title", secret = known),
                        msg!("f-known-secret-msg"),
                        "RFC 8725 §3.5",
                    ));
                } else if bytes.len() < min {
                    out.push(finding(
                        FindingId::WeakHmacKey,
                        Severity::Warn,
                        msg!(
                            "f-short-secret-title",
                            len = bytes.len(),
                            alg = a.name(),
                            min = min
                        ),
                        msg!("f-short-secret-msg"),
                        "RFC 7518 §3.2, RFC 8725 §3.5",
                    ));
                }
            }
            if key.is_small_order_ed25519() {
                out.push(finding(
                    FindingId::WeakEd25519Key,
                    Severity::Critical,
                    msg!("f-small-order-title"),
                    msg!("f-small-order-msg"),
                    "RFC 8032 §5.1.7; CVE-2020-36843",
                ));
            }
            if key.is_roca_vulnerable() {
                out.push(finding(
                    FindingId::RocaRsaKey,
                    Severity::Critical,
                    msg!("f-roca-title"),
                    msg!("f-roca-msg"),
                    "CVE-2017-15361",
                ));
            }
            if matches!(key.material, crate::core::keys::KeyMaterial::Rsa { .. })
                && key.bits() < 2048
            {
                out.push(finding(
                    FindingId::ShortRsaKey,
                    Severity::Warn,
                    msg!("f-short-rsa-title", bits = key.bits()),
                    msg!("f-short-rsa-msg"),
                    "RFC 7518 §3.3",
                ));
            }
        }
    }
}
