//! Strict base64url (RFC 4648 §5, no padding) with tolerant decoding.
//!
//! A JWS segment that is not canonical base64url is still decoded when that is possible
//! (trailing `=` padding, non-zero trailing bits): the deviations are returned next to the bytes
//! so that the analysis can report them, and such a token is never verified. Characters outside
//! the base64url alphabet (the standard alphabet's `+` and `/` included), misplaced `=` and
//! impossible lengths are errors: the token is malformed.

use crate::core::msg::Text;
use crate::msg;
use base64::Engine as _;
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};

/// Canonical encoder: URL-safe alphabet, no padding.
pub const URL_SAFE_NO_PAD: GeneralPurpose = base64::engine::general_purpose::URL_SAFE_NO_PAD;

const LENIENT: GeneralPurpose = GeneralPurpose::new(
    &base64::alphabet::URL_SAFE,
    GeneralPurposeConfig::new()
        .with_decode_allow_trailing_bits(true)
        .with_decode_padding_mode(DecodePaddingMode::RequireNone),
);

/// Encodes bytes as canonical base64url without padding.
pub fn encode(bytes: impl AsRef<[u8]>) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

/// A way in which a segment deviates from canonical base64url while still being decodable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Deviation {
    /// `=` padding at the end; `count` characters, starting at byte `offset`.
    Padding { offset: usize, count: usize },
    /// The last character carries bits that are not zero, so several strings decode alike.
    NonZeroTrailingBits { offset: usize },
}

impl Deviation {
    /// Human description, without the segment name.
    pub fn describe(&self) -> Text {
        match self {
            Self::Padding { offset, count } => {
                msg!("b64-padding", count = *count, offset = *offset)
            }
            Self::NonZeroTrailingBits { offset } => msg!("b64-trailing-bits", offset = *offset),
        }
    }
}

/// Why a segment could not be decoded at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Base64Error {
    InvalidChar {
        offset: usize,
        ch: char,
        shown: Text,
    },
    MisplacedPadding {
        offset: usize,
    },
    ImpossibleLength {
        len: usize,
    },
}

impl std::error::Error for Base64Error {}

impl Base64Error {
    /// What is wrong, to be put in words by whoever shows it.
    pub fn text(&self) -> Text {
        match self {
            Self::InvalidChar { offset, shown, .. } => {
                msg!("b64-invalid-char", offset = *offset, shown = shown.clone())
            }
            Self::MisplacedPadding { offset } => msg!("b64-misplaced-padding", offset = *offset),
            Self::ImpossibleLength { len } => msg!("b64-impossible-length", len = *len),
        }
    }
}

impl std::fmt::Display for Base64Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.text().fmt(f)
    }
}

/// Bytes of a decoded segment and how the text strayed from canonical base64url.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Decoded {
    pub bytes: Vec<u8>,
    pub deviations: Vec<Deviation>,
}

fn show_char(ch: char) -> Text {
    match ch {
        ' ' => msg!("char-space"),
        '\t' => msg!("char-tab"),
        '\n' => msg!("char-line-break"),
        '\r' => msg!("char-carriage-return"),
        c if c.is_control() => msg!("char-control", code = format!("U+{:04X}", c as u32)),
        '+' | '/' => msg!("char-standard-b64", ch = ch.to_string()),
        c => Text::plain(format!("'{c}'")),
    }
}

/// The value of a base64url character (the caller has checked it is one).
fn sextet(c: u8) -> u8 {
    match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'-' => 62,
        _ => 63,
    }
}

/// The base64url alphabet, by byte.
const URL_ALPHABET: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = matches!(b as u8, b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_');
        b += 1;
    }
    table
};

/// Decodes one segment; see the module docs for what is tolerated.
pub fn decode(text: &str) -> Result<Decoded, Base64Error> {
    let bytes = text.as_bytes();
    let content_len = bytes.len() - bytes.iter().rev().take_while(|&&b| b == b'=').count();
    let mut deviations = Vec::new();
    // One pass over a table finds the first character outside the alphabet, if any.
    if let Some(offset) = bytes[..content_len]
        .iter()
        .position(|&b| !URL_ALPHABET[usize::from(b)])
    {
        if bytes[offset] == b'=' {
            return Err(Base64Error::MisplacedPadding { offset });
        }
        let ch = text[offset..].chars().next().unwrap_or('\u{FFFD}');
        return Err(Base64Error::InvalidChar {
            offset,
            ch,
            shown: show_char(ch),
        });
    }
    let padding = bytes.len() - content_len;
    if padding > 0 {
        deviations.insert(
            0,
            Deviation::Padding {
                offset: content_len,
                count: padding,
            },
        );
    }
    if content_len % 4 == 1 {
        return Err(Base64Error::ImpossibleLength { len: content_len });
    }
    let content: &[u8] = &bytes[..content_len];
    let decoded = LENIENT
        .decode(content)
        .map_err(|_| Base64Error::ImpossibleLength { len: content_len })?;
    // The last character of a partial group carries bits past the end of the bytes (4 of them
    // after two characters, 2 after three); canonical base64url has them zero.
    let unused_bits: u8 = match content_len % 4 {
        2 => 0x0F,
        3 => 0x03,
        _ => 0,
    };
    if unused_bits != 0
        && let Some(&last) = content.last()
        && sextet(last) & unused_bits != 0
    {
        deviations.push(Deviation::NonZeroTrailingBits {
            offset: content_len - 1,
        });
    }
    Ok(Decoded {
        bytes: decoded,
        deviations,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_text_decodes_without_deviation() {
        let d = decode("eyJhbGciOiJIUzI1NiJ9").unwrap();
        assert_eq!(d.bytes, br#"{"alg":"HS256"}"#);
        assert!(d.deviations.is_empty());
    }

    #[test]
    fn invalid_character_is_named_with_its_offset() {
        let err = decode("abc@def").unwrap_err();
        assert_eq!(
            err.to_string(),
            "byte 3 is '@', not a base64url character (A-Z a-z 0-9 - _)"
        );
        let err = decode("ab cd").unwrap_err();
        assert!(err.to_string().starts_with("byte 2 is a space"), "{err}");
    }

    #[test]
    fn non_ascii_character_is_reported_whole() {
        let err = decode("abé").unwrap_err();
        assert!(matches!(
            err,
            Base64Error::InvalidChar {
                offset: 2,
                ch: 'é',
                ..
            }
        ));
    }

    #[test]
    fn padding_is_tolerated_and_reported() {
        let d = decode("YQ==").unwrap();
        assert_eq!(d.bytes, b"a");
        assert_eq!(
            d.deviations,
            vec![Deviation::Padding {
                offset: 2,
                count: 2
            }]
        );
    }

    #[test]
    fn padding_in_the_middle_is_an_error() {
        assert_eq!(
            decode("YQ=a").unwrap_err(),
            Base64Error::MisplacedPadding { offset: 2 }
        );
    }

    #[test]
    fn the_standard_alphabet_is_not_base64url() {
        for (text, offset) in [("-_+/", 2), ("////", 0), ("ab/c", 2)] {
            match decode(text) {
                Err(Base64Error::InvalidChar { offset: at, .. }) => assert_eq!(at, offset),
                other => panic!("{text}: {other:?}"),
            }
        }
        assert!(
            decode("-_+/")
                .unwrap_err()
                .to_string()
                .contains("standard base64")
        );
    }

    #[test]
    fn nonzero_trailing_bits_are_reported() {
        // "YR" decodes to "a" like "YQ", but its last character carries a stray bit.
        let d = decode("YR").unwrap();
        assert_eq!(d.bytes, b"a");
        assert_eq!(
            d.deviations,
            vec![Deviation::NonZeroTrailingBits { offset: 1 }]
        );
    }

    #[test]
    fn impossible_length_is_an_error() {
        assert_eq!(
            decode("abcde").unwrap_err(),
            Base64Error::ImpossibleLength { len: 5 }
        );
    }

    #[test]
    fn empty_text_is_empty_bytes() {
        assert_eq!(decode("").unwrap(), Decoded::default());
    }
}
