//! Times for people: RFC 3339 in UTC and a relative phrase. The clock is always passed in; the
//! phrases are [`Text`]s, put in words by whoever shows them.

use crate::core::msg::{Arg, Text};
use crate::msg;

/// An instant and the clock it is read against: numbers only. Its UTC form and relative phrase
/// are made when it is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimeInfo {
    /// Seconds since the Unix epoch.
    pub unix: i64,
    /// The analysis clock the relative phrase is measured from.
    pub now: i64,
}

impl TimeInfo {
    /// RFC 3339 in UTC, e.g. 2011-03-22T18:43:00Z.
    pub fn utc(&self) -> String {
        rfc3339(self.unix)
    }

    /// "in 14 min", "3 days ago", relative to the analysis clock.
    pub fn relative(&self) -> Text {
        relative(self.unix, self.now)
    }
}

/// `{"unix", "utc", "relative"}`, the `decode --json` form (relative in English).
impl serde::Serialize for TimeInfo {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct as _;
        let mut st = s.serialize_struct("TimeInfo", 3)?;
        st.serialize_field("unix", &self.unix)?;
        st.serialize_field("utc", &self.utc())?;
        st.serialize_field("relative", &self.relative())?;
        st.end()
    }
}

/// RFC 3339 UTC text for a Unix time, or a note when it is out of range.
pub fn rfc3339(unix: i64) -> String {
    match jiff::Timestamp::from_second(unix) {
        Ok(ts) => ts.strftime("%Y-%m-%dT%H:%M:%SZ").to_string(),
        Err(_) => format!("{unix} (outside the representable years -9999…9999)"),
    }
}

/// Local wall-clock time with its zone, e.g. "2026-11-27 21:34:30 CET", in the given zone.
pub fn local(unix: i64, zone: &jiff::tz::TimeZone) -> String {
    match jiff::Timestamp::from_second(unix) {
        Ok(ts) => ts
            .to_zoned(zone.clone())
            .strftime("%Y-%m-%d %H:%M:%S %Z")
            .to_string(),
        Err(_) => rfc3339(unix),
    }
}

/// "in 14 min" / "3 days ago" / "now".
pub fn relative(unix: i64, now: i64) -> Text {
    let delta = unix.saturating_sub(now);
    if delta == 0 {
        return msg!("time-now");
    }
    let span = Arg::Span(delta.unsigned_abs());
    if delta > 0 {
        msg!("time-in", span = span)
    } else {
        msg!("time-ago", span = span)
    }
}

/// "3 h 20 min", "5 s", "2 days" for a length in seconds.
pub fn span_phrase(secs: u64) -> Text {
    const MIN: u64 = 60;
    const HOUR: u64 = 3600;
    const DAY: u64 = 86_400;
    const YEAR: u64 = 365 * DAY;
    match secs {
        s if s < MIN => msg!("span-seconds", n = s),
        s if s < HOUR => msg!("span-minutes", n = s / MIN),
        s if s < DAY => {
            let m = (s % HOUR) / MIN;
            if m == 0 {
                msg!("span-hours", n = s / HOUR)
            } else {
                msg!("span-hours-minutes", h = s / HOUR, m = m)
            }
        }
        s if s < 2 * YEAR => msg!("span-days", n = s / DAY),
        s => msg!("span-years", n = s / YEAR),
    }
}

/// Seconds from `now` until [`relative`]`(unix, now)` reads differently (at least 1).
pub fn next_change_secs(unix: i64, now: i64) -> u64 {
    const DAY: u64 = 86_400;
    const YEAR: u64 = 365 * DAY;
    let delta = unix.saturating_sub(now);
    let distance = delta.unsigned_abs();
    // The unit the phrase counts in at this distance.
    let unit = match distance {
        d if d < 60 => 1,
        d if d < DAY => 60,
        d if d < 2 * YEAR => DAY,
        _ => YEAR,
    };
    if delta > 0 {
        // Counting down: the phrase changes when the distance drops below its current multiple.
        distance % unit + 1
    } else {
        // Counting up (past, or "now"): when the distance reaches the next multiple.
        unit - distance % unit
    }
}

/// An instant read against `now`.
pub fn info(unix: i64, now: i64) -> TimeInfo {
    TimeInfo { unix, now }
}

/// Why a time or span given as text cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TimeError {
    #[error("\"{0}\" is neither Unix seconds nor an RFC 3339 time such as 2026-11-27T20:00:00Z")]
    NotAnInstant(String),
    #[error("\"{0}\" is not a span such as 30s, 15m, 1h, 7d")]
    NotASpan(String),
    #[error("\"{text}\": unknown unit \"{unit}\" (use s, m, h, d or w)")]
    UnknownUnit { text: String, unit: String },
    #[error("\"{0}\" is too large")]
    TooLarge(String),
    #[error("\"{0}\" is not a time: use now, +15m, +1h, +7d, Unix seconds or RFC 3339")]
    NotATime(String),
}

/// Parses `now`-style input: Unix seconds or RFC 3339.
pub fn parse_instant(text: &str) -> Result<i64, TimeError> {
    if let Ok(n) = text.trim().parse::<i64>() {
        return Ok(n);
    }
    text.trim()
        .parse::<jiff::Timestamp>()
        .map(|t| t.as_second())
        .map_err(|_| TimeError::NotAnInstant(text.to_owned()))
}

/// Parses a span such as `90`, `30s`, `15m`, `1h`, `7d`, `2w` into seconds.
pub fn parse_span(text: &str) -> Result<i64, TimeError> {
    let t = text.trim();
    let (digits, unit) = t.split_at(t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len()));
    let n: i64 = digits
        .parse()
        .map_err(|_| TimeError::NotASpan(text.to_owned()))?;
    let mult = match unit.trim() {
        "" | "s" | "sec" | "secs" => 1,
        "m" | "min" | "mins" => 60,
        "h" | "hour" | "hours" => 3600,
        "d" | "day" | "days" => 86_400,
        "w" | "week" | "weeks" => 7 * 86_400,
        _ => {
            return Err(TimeError::UnknownUnit {
                text: text.to_owned(),
                unit: unit.to_owned(),
            });
        }
    };
    n.checked_mul(mult)
        .ok_or_else(|| TimeError::TooLarge(text.to_owned()))
}

/// Parses a time for the encoder: `now`, `+15m` / `-1h` relative to `now`, Unix seconds, or
/// RFC 3339.
pub fn parse_time_spec(text: &str, now: i64) -> Result<i64, TimeError> {
    let t = text.trim();
    if t.eq_ignore_ascii_case("now") {
        return Ok(now);
    }
    if let Some(rest) = t.strip_prefix('+') {
        return parse_span(rest).map(|s| now.saturating_add(s));
    }
    if let Some(rest) = t.strip_prefix('-')
        && rest.chars().last().is_some_and(|c| c.is_ascii_alphabetic())
    {
        return parse_span(rest).map(|s| now.saturating_sub(s));
    }
    parse_instant(t).map_err(|_| TimeError::NotATime(text.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_change_is_exactly_when_the_relative_phrase_changes() {
        let now = 1_800_000_000;
        for delta in [
            -100_000_000,
            -90_000,
            -86_400,
            -3_700,
            -61,
            -60,
            -59,
            -1,
            0,
            1,
            2,
            59,
            60,
            61,
            119,
            120,
            3_599,
            3_600,
            7_261,
            86_399,
            86_400,
            90_000,
            63_072_000,
            100_000_000,
        ] {
            let unix = now + delta;
            let wait = i64::try_from(next_change_secs(unix, now)).unwrap();
            let shown = relative(unix, now).en();
            for s in [1, wait / 2, wait - 1]
                .into_iter()
                .filter(|&s| s > 0 && s < wait)
            {
                assert_eq!(
                    relative(unix, now + s).en(),
                    shown,
                    "delta {delta}: changed early at +{s}"
                );
            }
            assert_ne!(
                relative(unix, now + wait).en(),
                shown,
                "delta {delta}: unchanged at +{wait}"
            );
        }
    }

    #[test]
    fn local_time_uses_the_injected_zone() {
        let plus2 = jiff::tz::TimeZone::fixed(jiff::tz::offset(2));
        assert_eq!(local(1_300_819_380, &plus2), "2011-03-22 20:43:00 +02");
        assert_eq!(
            local(1_300_819_380, &jiff::tz::TimeZone::UTC),
            "2011-03-22 18:43:00 UTC"
        );
    }

    #[test]
    fn rfc_example_expiry_formats_in_utc() {
        assert_eq!(rfc3339(1_300_819_380), "2011-03-22T18:43:00Z");
    }

    #[test]
    fn relative_phrases_read_naturally() {
        assert_eq!(relative(100, 100), "now");
        assert_eq!(relative(100 + 14 * 60, 100), "in 14 min");
        assert_eq!(relative(100, 100 + 3 * 86_400), "3 days ago");
        assert_eq!(relative(0, 3 * 3600 + 20 * 60), "3 h 20 min ago");
        assert_eq!(relative(45, 0), "in 45 s");
    }

    #[test]
    fn instants_parse_from_unix_or_rfc3339() {
        assert_eq!(parse_instant("1300819380"), Ok(1_300_819_380));
        assert_eq!(parse_instant("2011-03-22T18:43:00Z"), Ok(1_300_819_380));
        assert!(parse_instant("yesterday").is_err());
    }

    #[test]
    fn encoder_time_specs_are_relative_to_the_injected_now() {
        assert_eq!(parse_time_spec("now", 1000), Ok(1000));
        assert_eq!(parse_time_spec("+15m", 1000), Ok(1900));
        assert_eq!(parse_time_spec("+1h", 0), Ok(3600));
        assert_eq!(parse_time_spec("+7d", 0), Ok(604_800));
        assert_eq!(parse_time_spec("-5m", 1000), Ok(700));
        assert_eq!(parse_time_spec("1700000000", 0), Ok(1_700_000_000));
        assert_eq!(parse_time_spec("1970-01-01T00:01:00Z", 0), Ok(60));
        assert!(
            parse_time_spec("+3x", 0)
                .unwrap_err()
                .to_string()
                .contains("unknown unit")
        );
        assert!(parse_time_spec("tomorrow", 0).is_err());
    }

    #[test]
    fn out_of_range_times_do_not_panic() {
        assert!(rfc3339(i64::MAX).contains("outside"));
        assert!(!relative(i64::MIN, i64::MAX).to_string().is_empty());
    }
}
