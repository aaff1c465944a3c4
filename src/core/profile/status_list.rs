//! Status list tokens (draft-ietf-oauth-status-list §5): `status_list.bits` (1, 2, 4 or 8 bits
//! per entry) and `lst`, the entries DEFLATE-compressed (zlib) and base64url-encoded. Decoded
//! within a bound, counted per status value, and one entry shown on request.

use std::io::Read as _;

use serde::Serialize;
use serde_json::Value;

use super::{CheckStatus, ProfileCheck, ProfileName, ProfileOptions, Subject, check};
use crate::core::b64;
use crate::msg;

use CheckStatus::{Fail, Pass};

/// The most bytes a status list is inflated to (16 MiB: 134 million one-bit entries).
pub const MAX_STATUS_LIST_BYTES: usize = 16 * 1024 * 1024;

/// How many entries have each status value (0 valid, 1 invalid, 2 suspended, …).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StatusListSummary {
    pub bits: u8,
    pub entries: u64,
    /// `[value, count]` for every value that occurs.
    pub counts: Vec<(u8, u64)>,
    /// The entry asked for (`--status-index`), when in range.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub index: Option<(u64, u8)>,
}

fn inflate(data: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    flate2::read::ZlibDecoder::new(data)
        .take(MAX_STATUS_LIST_BYTES as u64 + 1)
        .read_to_end(&mut out)
        .map_err(|e| e.to_string())?;
    if out.len() > MAX_STATUS_LIST_BYTES {
        return Err(format!(
            "larger than {} MiB inflated",
            MAX_STATUS_LIST_BYTES / (1024 * 1024)
        ));
    }
    Ok(out)
}

/// The value of entry `i` (entries fill each byte from its least significant bits).
fn entry(bytes: &[u8], bits: u8, i: u64) -> Option<u8> {
    let per_byte = u64::from(8 / bits);
    let byte = *bytes.get(usize::try_from(i / per_byte).ok()?)?;
    let shift = (i % per_byte) * u64::from(bits);
    let mask = if bits == 8 { 0xff } else { (1u8 << bits) - 1 };
    Some((byte >> shift) & mask)
}

pub(super) fn check_list(
    s: &Subject<'_>,
    options: &ProfileOptions,
    out: &mut Vec<ProfileCheck>,
) -> Option<StatusListSummary> {
    out.push(super::rules::alg_check(
        s.decoded,
        ProfileName::StatusList,
        false,
    ));
    super::rules::required(s, &["sub", "iat"], out);
    let Some(list) = s
        .claims
        .and_then(|c| c.get("status_list"))
        .and_then(Value::as_object)
    else {
        out.push(check(
            "status_list",
            Fail,
            msg!("pc-missing", name = "status_list"),
        ));
        return None;
    };
    let bits = match list.get("bits").and_then(Value::as_u64) {
        Some(b @ (1 | 2 | 4 | 8)) => {
            out.push(check("bits", Pass, msg!("pc-bits-ok", bits = b)));
            b as u8
        }
        _ => {
            out.push(check("bits", Fail, msg!("pc-bits-bad")));
            return None;
        }
    };
    let decoded = list
        .get("lst")
        .and_then(Value::as_str)
        .ok_or_else(|| "no lst string".to_owned())
        .and_then(|t| b64::decode(t).map_err(|e| e.to_string()))
        .and_then(|d| inflate(&d.bytes));
    let bytes = match decoded {
        Ok(bytes) => bytes,
        Err(e) => {
            out.push(check("lst", Fail, msg!("pc-lst-bad", error = e)));
            return None;
        }
    };
    let entries = bytes.len() as u64 * u64::from(8 / bits);
    let mut counts = [0u64; 256];
    for i in 0..entries {
        if let Some(v) = entry(&bytes, bits, i) {
            counts[usize::from(v)] += 1;
        }
    }
    let counts: Vec<(u8, u64)> = counts
        .iter()
        .enumerate()
        .filter(|(_, n)| **n > 0)
        .map(|(v, n)| (v as u8, *n))
        .collect();
    let words = counts
        .iter()
        .map(|(v, n)| format!("{v}: {n}"))
        .collect::<Vec<_>>()
        .join(", ");
    out.push(check(
        "lst",
        Pass,
        msg!("pc-lst-ok", entries = entries, counts = words),
    ));
    let index = options.status_index.and_then(|i| {
        let value = entry(&bytes, bits, i);
        out.push(match value {
            Some(v) => check("index", Pass, msg!("pc-index", index = i, value = v)),
            None => check(
                "index",
                Fail,
                msg!("pc-index-out", index = i, entries = entries),
            ),
        });
        value.map(|v| (i, v))
    });
    Some(StatusListSummary {
        bits,
        entries,
        counts,
        index,
    })
}

#[cfg(test)]
mod tests {
    use super::entry;

    #[test]
    fn entries_fill_bytes_from_the_low_bits() {
        // draft-ietf-oauth-status-list §4.1's 1-bit example: status[0]=1, [1]=0, [2]=0, [3]=1 …
        let bytes = [0b1011_1001u8, 0b0000_0101];
        let got: Vec<u8> = (0..16).map(|i| entry(&bytes, 1, i).unwrap()).collect();
        assert_eq!(got, [1, 0, 0, 1, 1, 1, 0, 1, 1, 0, 1, 0, 0, 0, 0, 0]);
        // 2 bits: 0b11_10_01_00 holds 0, 1, 2, 3.
        assert_eq!(
            (0..4)
                .map(|i| entry(&[0b1110_0100], 2, i).unwrap())
                .collect::<Vec<_>>(),
            [0, 1, 2, 3]
        );
        assert_eq!(entry(&[1], 1, 8), None);
    }
}
