//! HMAC secrets as text: UTF-8, base64, base64url or hex.

use super::*;
use crate::msg;

pub(super) fn decode_hex(text: &str) -> Result<Vec<u8>, KeyError> {
    let digits: Vec<u8> = text
        .bytes()
        .filter(|b| !b.is_ascii_whitespace() && *b != b':')
        .collect();
    if !digits.len().is_multiple_of(2) {
        return Err(invalid(msg!("kerr-secret-1")));
    }
    digits
        .chunks(2)
        .enumerate()
        .map(|(i, pair)| {
            let s = std::str::from_utf8(pair).unwrap_or("??");
            u8::from_str_radix(s, 16).map_err(|_| invalid(msg!("kerr-hex-pair", n = i + 1)))
        })
        .collect()
}

/// How secret text is to be read.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
pub enum SecretEncoding {
    #[default]
    Utf8,
    Base64,
    Base64Url,
    Hex,
}

impl SecretEncoding {
    pub const ALL: [SecretEncoding; 4] = [Self::Utf8, Self::Base64, Self::Base64Url, Self::Hex];
    pub fn label(self) -> &'static str {
        match self {
            Self::Utf8 => "UTF-8",
            Self::Base64 => "base64",
            Self::Base64Url => "base64url",
            Self::Hex => "hex",
        }
    }
}

/// Reads a secret written in `encoding`.
/// A secret written with its encoding in front (`b64:…`, `b64url:…`, `hex:…`), as the command
/// line and the Encrypt tool take it; `None` when the text has no such prefix.
pub fn parse_prefixed_secret(text: &str) -> Option<Result<Key, KeyError>> {
    [
        ("b64url:", SecretEncoding::Base64Url),
        ("b64:", SecretEncoding::Base64),
        ("hex:", SecretEncoding::Hex),
    ]
    .into_iter()
    .find_map(|(prefix, encoding)| {
        text.strip_prefix(prefix)
            .map(|body| parse_secret(body, encoding))
    })
}

pub fn parse_secret(text: &str, encoding: SecretEncoding) -> Result<Key, KeyError> {
    let (bytes, format) = match encoding {
        SecretEncoding::Utf8 => (text.as_bytes().to_vec(), KeyFormat::SecretUtf8),
        SecretEncoding::Base64 => {
            let cleaned: String = text.chars().filter(|c| !c.is_whitespace()).collect();
            let engine = base64::engine::GeneralPurpose::new(
                &base64::alphabet::STANDARD,
                base64::engine::GeneralPurposeConfig::new()
                    .with_decode_padding_mode(base64::engine::DecodePaddingMode::Indifferent),
            );
            let bytes = engine
                .decode(cleaned.as_bytes())
                .map_err(|e| invalid(msg!("kerr-secret-2", e = e.to_string())))?;
            (bytes, KeyFormat::SecretBase64)
        }
        SecretEncoding::Base64Url => {
            let bytes = b64::decode(text.trim())
                .map_err(|e| invalid(msg!("kerr-secret-3", e = e.to_string())))?;
            (bytes.bytes, KeyFormat::SecretBase64Url)
        }
        SecretEncoding::Hex => (decode_hex(text)?, KeyFormat::SecretHex),
    };
    Ok(Key::new(
        KeyMaterial::Secret(Zeroizing::new(bytes)),
        format,
        false,
    ))
}
