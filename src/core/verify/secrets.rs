//! Secrets anyone has: the bundled list of well-known HMAC secrets (framework defaults, tutorial
//! secrets, common passwords), and HMAC tokens made with a public key's text.

use crate::core::alg::{Alg, Family};
use crate::core::keys::Key;
use crate::core::parse::Decoded;

/// True when an HS* MAC verifies with a public key's text (with or without its final newline).
pub(super) fn forged_with_public_text(
    alg: Alg,
    input: &[u8],
    signature: &[u8],
    keys: &[&Key],
) -> bool {
    keys.iter()
        .filter_map(|k| k.public_text.as_deref())
        .any(|text| {
            let trimmed = text.trim_end();
            let variants = [text.to_owned(), trimmed.to_owned(), format!("{trimmed}\n")];
            variants
                .iter()
                .any(|secret| mac_matches(alg, secret.as_bytes(), input, signature))
        })
}

/// The bundled list of well-known secrets, as written.
const WELL_KNOWN: &str = include_str!("../../../assets/weak-secrets.txt");

// WEAK_SECRETS_SORTED: the secrets as spans of WELL_KNOWN, sorted (build.rs).
include!(concat!(env!("OUT_DIR"), "/weak_secrets_table.rs"));

/// The bundled list of well-known secrets (`assets/weak-secrets.txt`), empty secret first.
pub fn well_known_secrets() -> impl Iterator<Item = &'static str> {
    std::iter::once("").chain(
        WELL_KNOWN
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#')),
    )
}

/// The well-known secret these bytes are, if they are one: a binary search of the sorted list,
/// nothing built at start.
pub fn as_well_known_secret(bytes: &[u8]) -> Option<&'static str> {
    if bytes.is_empty() {
        return Some("");
    }
    let secret = |&(a, b): &(u32, u32)| WELL_KNOWN.get(a as usize..b as usize).unwrap_or_default();
    let at = WEAK_SECRETS_SORTED
        .binary_search_by(|span| secret(span).as_bytes().cmp(bytes))
        .ok()?;
    WEAK_SECRETS_SORTED.get(at).map(secret)
}

/// Signing inputs larger than this are not tried against the well-known secrets on every analysis.
pub const WELL_KNOWN_CHECK_MAX_BYTES: usize = 64 * 1024;

/// The well-known secret an HS* token was signed with, if it is one of the bundled ones.
pub fn well_known_secret(decoded: &Decoded) -> Option<&'static str> {
    let alg = decoded
        .alg_name()
        .and_then(Alg::parse)
        .filter(|a| a.family() == Family::Hmac)?;
    let input = decoded.signing_input()?;
    let signature = decoded.signature().filter(|s| !s.is_empty())?;
    if input.len() > WELL_KNOWN_CHECK_MAX_BYTES {
        return None;
    }
    well_known_secrets().find(|secret| mac_matches(alg, secret.as_bytes(), &input, signature))
}

/// Whether `mac` is the HS* MAC of `input` under `secret`, compared in constant time; false for
/// any other algorithm. The one check for secrets tried one after another: the well-known ones on
/// every analysis, a wordlist in the guesser. RustCrypto's HMAC keeps its state on the stack and
/// uses the CPU's SHA extensions: 3.3 million HS256 guesses a second on one core (BENCHMARKS.md),
/// where a keyed aws-lc context per secret is built on the heap.
pub fn mac_matches(alg: Alg, secret: &[u8], input: &[u8], mac: &[u8]) -> bool {
    use hmac::{Hmac, Mac, digest::KeyInit};
    fn check<M: Mac + KeyInit>(secret: &[u8], input: &[u8], mac: &[u8]) -> bool {
        match <M as KeyInit>::new_from_slice(secret) {
            Ok(mut m) => {
                m.update(input);
                m.verify_slice(mac).is_ok()
            }
            Err(_) => false,
        }
    }
    match alg {
        Alg::HS256 => check::<Hmac<sha2::Sha256>>(secret, input, mac),
        Alg::HS384 => check::<Hmac<sha2::Sha384>>(secret, input, mac),
        Alg::HS512 => check::<Hmac<sha2::Sha512>>(secret, input, mac),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_well_known_secret_is_found_and_nothing_else() {
        let mut count = 0;
        for secret in well_known_secrets() {
            assert_eq!(as_well_known_secret(secret.as_bytes()), Some(secret));
            count += 1;
        }
        assert_eq!(
            count,
            WEAK_SECRETS_SORTED.len() + 1,
            "the empty secret and the list"
        );
        for other in [
            "secre",
            "secret ",
            "# comment",
            "\n",
            "zzzz-not-a-known-secret",
        ] {
            assert_eq!(as_well_known_secret(other.as_bytes()), None, "{other:?}");
        }
    }
}
