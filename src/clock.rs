//! The system clock, read at the edges only (the command line and the app); the core takes `now`
//! as an argument. Its own module so that neither `cli` nor `ui` imports the other for it.

/// Current Unix time in seconds (0 if the system clock is before 1970).
pub fn now_unix() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
        .unwrap_or(0)
}
