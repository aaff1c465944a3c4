//! Signature findings: unsecured and empty signatures, key confusion, malleable and malformed
//! ECDSA signatures, a kid that named no key.

use super::{Context, Finding, FindingId, Severity, finding};
use crate::core::alg::{Alg, Family};
use crate::core::parse::Form;
use crate::core::verify::{self, SignatureStatus};
use crate::msg;

pub(super) fn rules(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let d = cx.decoded;
    let alg = d.alg_name().and_then(Alg::parse);
    // Unsecured and empty signatures.
    if alg == Some(Alg::None) {
        out.push(finding(
            FindingId::AlgNone,
            Severity::Critical,
            msg!("f-alg-none-title", alg = d.alg_name().unwrap_or("none")),
            msg!("f-alg-none-msg"),
            "RFC 7518 §3.6, RFC 8725 §2.1",
        ));
    } else if d.form == Form::Jws && alg.is_some() && d.signature().is_some_and(<[u8]>::is_empty) {
        out.push(finding(
            FindingId::EmptySignature,
            Severity::Critical,
            msg!("f-empty-sig-title"),
            msg!("f-empty-sig-msg"),
            "RFC 8725 §2.1",
        ));
    }

    // Key confusion and mismatch.
    if cx.signature.status == SignatureStatus::KeyMismatch {
        if alg.is_some_and(|a| a.family() == Family::Hmac) {
            out.push(finding(
                FindingId::AlgConfusion,
                Severity::Critical,
                msg!("f-confusion-title"),
                if cx.signature.forged_with_public_key {
                    msg!("f-confusion-forged-msg")
                } else {
                    msg!("f-confusion-msg")
                },
                "RFC 8725 §2.1; CVE-2015-9235, CVE-2022-29217, CVE-2024-33663",
            ));
        } else {
            out.push(finding(
                FindingId::KeyAlgMismatch,
                Severity::Error,
                msg!("f-key-mismatch-title"),
                msg!("f-key-mismatch-msg", detail = cx.signature.detail.clone()),
                "RFC 8725 §3.1",
            ));
        }
    }

    // Verified only by trying every key although the kid named none.
    if cx.signature.any_kid_used {
        out.push(finding(
            FindingId::KidNotInJwks,
            Severity::Warn,
            msg!("f-any-kid-title"),
            msg!("f-any-kid-msg"),
            "RFC 7515 §4.1.4, RFC 8725 §3.10",
        ));
    }

    // RFC 9864 deprecates the polymorphic EdDSA name for the fully specified Ed25519.
    if alg == Some(Alg::EdDSA) {
        out.push(finding(
            FindingId::EddsaDeprecated,
            Severity::Info,
            msg!("f-eddsa-deprecated-title"),
            msg!("f-eddsa-deprecated-msg"),
            "RFC 9864 §2.2",
        ));
    }

    // ECDSA malleability: (r, n - s) verifies wherever (r, s) does.
    if let (Some(a @ (Alg::ES256 | Alg::ES384 | Alg::ES512 | Alg::ES256K)), Some(sig)) =
        (alg, d.signature())
        && verify::ecdsa_high_s(a, sig)
    {
        out.push(finding(
            FindingId::EcdsaHighS,
            Severity::Info,
            msg!("f-high-s-title"),
            msg!("f-high-s-msg"),
            "SEC 1 §4.1.4; BIP 62",
        ));
    }

    // Malformed ECDSA signatures.
    if let (Some(a @ (Alg::ES256 | Alg::ES384 | Alg::ES512 | Alg::ES256K)), Some(sig)) =
        (alg, d.signature())
        && !sig.is_empty()
        && let Some(problem) = verify::signature_shape_problem(a, sig)
    {
        out.push(finding(
            FindingId::PsychicSignature,
            Severity::Critical,
            msg!("f-psychic-title"),
            msg!("f-psychic-msg", problem = problem),
            "RFC 7518 §3.4; CVE-2022-21449",
        ));
    }
}
