//! OpenSSH public keys (`ssh-ed25519 AAAA… comment`, `ecdsa-sha2-nistp256 …`, `ssh-rsa …`), read
//! with RustCrypto's `ssh-key` as what they are: keys that verify RS*/PS*, ES* and EdDSA tokens.
//! Never an HMAC secret: that is the key-confusion forgery (PyJWT GHSA-ffqj-6fqr-9h24).

use crate::msg;
use ssh_key::public::{EcdsaPublicKey, KeyData};

use super::{Key, KeyError, KeyFormat, KeyMaterial, invalid};
use crate::core::alg::Curve;

/// Key type names that start an OpenSSH public key line (or an `authorized_keys` entry).
const TYPES: &[&str] = &[
    "ssh-ed25519",
    "ssh-rsa",
    "ssh-dss",
    "ecdsa-sha2-nistp256",
    "ecdsa-sha2-nistp384",
    "ecdsa-sha2-nistp521",
    "sk-ssh-ed25519@openssh.com",
    "sk-ecdsa-sha2-nistp256@openssh.com",
    "ssh-ed448",
];

/// True when `text` reads as an OpenSSH public key line: a key type, a space and base64.
pub fn looks_like(text: &str) -> bool {
    let mut words = text.split_ascii_whitespace();
    let (Some(kind), Some(data)) = (words.next(), words.next()) else {
        return false;
    };
    let kind = kind
        .strip_suffix("-cert-v01@openssh.com")
        .map_or(kind, |k| k);
    TYPES.contains(&kind) && data.starts_with("AAAA")
}

/// Reads an OpenSSH public key line into a verifying key.
pub fn parse(text: &str) -> Result<Key, KeyError> {
    let line = text.trim();
    let public = ssh_key::PublicKey::from_openssh(line)
        .map_err(|e| invalid(msg!("kerr-openssh-1", e = e.to_string())))?;
    let material = match public.key_data() {
        KeyData::Ed25519(k) => KeyMaterial::Ed25519 {
            public: k.0,
            private: None,
        },
        KeyData::Ecdsa(k) => {
            let curve = match k {
                EcdsaPublicKey::NistP256(_) => Curve::P256,
                EcdsaPublicKey::NistP384(_) => Curve::P384,
                EcdsaPublicKey::NistP521(_) => Curve::P521,
            };
            super::ec_public_point(curve, k.as_sec1_bytes()).map(|public| KeyMaterial::Ec {
                curve,
                public,
                private: None,
            })?
        }
        KeyData::Rsa(k) => {
            let n =
                k.n.as_positive_bytes()
                    .ok_or_else(|| invalid(msg!("kerr-openssh-2")))?;
            let e =
                k.e.as_positive_bytes()
                    .ok_or_else(|| invalid(msg!("kerr-openssh-3")))?;
            let public = rsa::RsaPublicKey::new(
                rsa::BigUint::from_bytes_be(n),
                rsa::BigUint::from_bytes_be(e),
            )
            .map_err(|e| invalid(msg!("kerr-openssh-4", e = e.to_string())))?;
            KeyMaterial::Rsa {
                public,
                private: None,
            }
        }
        other => {
            return Err(invalid(msg!(
                "kerr-openssh-alg",
                alg = other.algorithm().to_string()
            )));
        }
    };
    let mut key = Key::new(material, KeyFormat::OpenSsh, false);
    key.public_text = Some(text.to_owned());
    Ok(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    // Made with `ssh-keygen -t ed25519 -C test` (public half only).
    const ED25519: &str =
        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIB1PjDIlq6IFlKZNq4gY5SPtNqIv0BtRgd9B37Oys857 test";

    #[test]
    fn an_openssh_ed25519_key_reads_as_a_public_ed25519_key() {
        assert!(looks_like(ED25519));
        assert!(looks_like(&format!("{ED25519}\n")));
        let key = parse(ED25519).unwrap();
        assert!(matches!(
            key.material,
            KeyMaterial::Ed25519 { private: None, .. }
        ));
        assert_eq!(key.format, KeyFormat::OpenSsh);
        assert!(!looks_like("ssh-ed25519 is a key type"));
        assert!(!looks_like("my secret"));
    }
}
