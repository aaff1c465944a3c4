//! A key named the way people name one: `b64:…`, `b64url:…`, `hex:…`, `@PATH`, `env:NAME`, or the
//! key text itself (PEM, JWK, JWKS, an OpenSSH public key, a secret). The command line's `--key`
//! and the key store's stored text both read through here.

use zeroize::Zeroizing;

use crate::core::keys::{self, KeyError, KeySet};
use crate::core::read;

/// Resolves a key argument into keys. A file is read up to [`read::MAX_KEY_BYTES`].
pub fn resolve(spec: &str) -> Result<KeySet, KeyError> {
    if let Some(secret) = keys::parse_prefixed_secret(spec) {
        return secret.map(KeySet::of);
    }
    if let Some(path) = spec.strip_prefix('@') {
        let bytes =
            read::read_file_capped(std::path::Path::new(path), read::MAX_KEY_BYTES, "key file")
                .map_err(|e| KeyError::File {
                    path: path.to_owned(),
                    reason: match e {
                        read::ReadError::Io { source, .. } => {
                            crate::core::text::io_error_words(&source)
                        }
                        too_large => too_large.to_string(),
                    },
                })?;
        return keys::parse_bytes(&Zeroizing::new(bytes));
    }
    if let Some(name) = spec.strip_prefix("env:") {
        let value =
            Zeroizing::new(std::env::var(name).map_err(|_| KeyError::Env(name.to_owned()))?);
        return keys::parse_text(&value);
    }
    keys::parse_text(spec)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encoded_secrets_decode() {
        assert_eq!(
            resolve("hex:00ff").unwrap().keys[0].secret_bytes(),
            Some(&[0u8, 255][..])
        );
        assert_eq!(
            resolve("b64:AP8=").unwrap().keys[0].secret_bytes(),
            Some(&[0u8, 255][..])
        );
        assert_eq!(
            resolve("b64url:AP8").unwrap().keys[0].secret_bytes(),
            Some(&[0u8, 255][..])
        );
        assert!(
            resolve("hex:0g")
                .unwrap_err()
                .to_string()
                .contains("not hexadecimal")
        );
    }

    #[test]
    fn errors_never_echo_the_secret() {
        let err = resolve("hex:deadbeefzz").unwrap_err().to_string();
        assert!(!err.to_string().contains("deadbeef"), "{err}");
        let debug = format!("{:?}", resolve("topsecretvalue").unwrap());
        assert!(!debug.contains("topsecretvalue"), "{debug}");
    }

    #[test]
    fn missing_file_and_env_are_explained() {
        assert_eq!(
            resolve("@/nonexistent/key.pem").unwrap_err().to_string(),
            "cannot read key file /nonexistent/key.pem: no such file"
        );
        assert!(
            resolve("env:JWT_DEBUGGER_SURELY_UNSET")
                .unwrap_err()
                .to_string()
                .contains("JWT_DEBUGGER_SURELY_UNSET")
        );
    }

    #[cfg(unix)]
    #[test]
    fn an_endless_key_file_is_read_only_up_to_the_cap() {
        let err = resolve("@/dev/zero").unwrap_err().to_string();
        assert_eq!(
            err,
            "cannot read key file /dev/zero: key file /dev/zero is over the 4 MiB limit"
        );
    }
}
