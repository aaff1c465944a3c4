//! Many tokens at once (issue #13): `scan` over HAR files and logs built for the purpose (tokens
//! in every place, look-alikes that must not count), and `diff` of nested structures, through the
//! real binary.

#![allow(clippy::unwrap_used)] // tests fail loudly by design

use base64::Engine as _;
use serde_json::{Value, json};

const SECRET: &str = "a-string-secret-at-least-256-bits-long";

mod common;
use common::bin;

fn b64(s: &str) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(s)
}

/// A signed token whose `sub` names where it is put, so that each place has its own token.
fn token(sub: &str, exp: i64) -> String {
    let key = jwt_debugger::core::keys::parse_text(SECRET).unwrap();
    jwt_debugger::core::sign::sign(
        r#"{"alg":"HS256","typ":"JWT","kid":"k1"}"#,
        &format!(r#"{{"iss":"https://issuer.example","sub":"{sub}","exp":{exp}}}"#),
        key.keys.first(),
        jwt_debugger::core::sign::Unsecured::Refuse,
    )
    .unwrap()
    .token
}

fn scan_json(args: &[&str], stdin: Option<Vec<u8>>) -> Vec<Value> {
    let mut cmd = bin();
    cmd.arg("scan")
        .args(args)
        .arg("--json")
        .args(["--now", "1800000000"]);
    if let Some(s) = stdin {
        cmd.write_stdin(s);
    }
    let out = cmd.output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn by_sub<'a>(rows: &'a [Value], sub: &str) -> &'a Value {
    rows.iter()
        .find(|r| r["sub"] == sub)
        .unwrap_or_else(|| panic!("no token with sub {sub} in {rows:#?}"))
}

#[test]
fn a_har_file_yields_every_token_with_every_place_it_occurs() {
    let auth = token("auth-header", 1_800_003_600);
    let cookie = token("cookie", 1_700_000_000);
    let query = token("query", 1_800_003_600);
    let fragment = token("fragment", 1_800_003_600);
    let form = token("form", 1_800_003_600);
    let body = token("body", 1_800_003_600);
    let b64body = token("base64-body", 1_800_003_600);
    let har = json!({"log": {"version": "1.2", "creator": {"name": "test", "version": "1"},
    "entries": [
        {"request": {"method": "GET",
            "url": format!("https://api.example/orders?access_token={query}#id_token={fragment}"),
            "headers": [{"name": "Authorization", "value": format!("Bearer {auth}")},
                        {"name": "User-Agent", "value": "curl/8.5.0 (x86_64) 1.2.3"}],
            "cookies": [{"name": "session", "value": cookie}],
            "queryString": [{"name": "access_token", "value": query}]},
         "response": {"status": 200,
            "headers": [{"name": "Set-Cookie", "value": format!("session={cookie}; Path=/; HttpOnly")}],
            "cookies": [{"name": "session", "value": cookie}],
            "content": {"mimeType": "application/json",
                "text": json!({"access_token": body, "note": "v1.2.3 file.tar.gz me@example.com"}).to_string()}}},
        {"request": {"method": "POST", "url": "https://login.example/token",
            "headers": [],
            "postData": {"mimeType": "application/x-www-form-urlencoded",
                "text": format!("grant_type=jwt-bearer&assertion={}", form.replace('.', "%2E")),
                "params": [{"name": "assertion", "value": form}]}},
         "response": {"status": 200, "headers": [],
            "content": {"mimeType": "application/json", "encoding": "base64",
                "text": base64::engine::general_purpose::STANDARD.encode(format!("{{\"t\":\"{b64body}\"}}"))}}}
    ]}});
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("session.har");
    std::fs::write(&path, serde_json::to_vec_pretty(&har).unwrap()).unwrap();
    let rows = scan_json(&[path.to_str().unwrap()], None);
    assert_eq!(rows.len(), 7, "{rows:#?}");

    let places = |sub: &str| {
        by_sub(&rows, sub)["occurrences"]
            .as_array()
            .unwrap()
            .clone()
    };
    assert_eq!(
        places("auth-header"),
        vec![json!({"entry": 0, "side": "request", "field": "header", "name": "Authorization"})]
    );
    // The request cookie, the Set-Cookie header and the parsed response cookie: three places.
    let cookie_places = places("cookie");
    assert_eq!(cookie_places.len(), 3, "{cookie_places:#?}");
    assert!(cookie_places.contains(
        &json!({"entry": 0, "side": "response", "field": "header", "name": "Set-Cookie"})
    ));
    assert!(
        cookie_places.contains(
            &json!({"entry": 0, "side": "response", "field": "cookie", "name": "session"})
        )
    );
    // In the URL and in the parsed query string.
    let query_places = places("query");
    assert!(query_places.contains(&json!({"entry": 0, "side": "request", "field": "url"})));
    assert!(query_places.contains(
        &json!({"entry": 0, "side": "request", "field": "query", "name": "access_token"})
    ));
    assert_eq!(
        places("fragment"),
        vec![json!({"entry": 0, "side": "request", "field": "url"})]
    );
    // Percent-encoded in the form text, plain in the parsed parameter.
    assert_eq!(places("form").len(), 2);
    assert_eq!(
        places("body"),
        vec![json!({"entry": 0, "side": "response", "field": "content"})]
    );
    assert_eq!(
        places("base64-body"),
        vec![json!({"entry": 1, "side": "response", "field": "content"})]
    );
    // The fields people filter on.
    let cookie_row = by_sub(&rows, "cookie");
    assert_eq!(cookie_row["alg"], "HS256");
    assert_eq!(cookie_row["kid"], "k1");
    assert_eq!(cookie_row["iss"], "https://issuer.example");
    assert_eq!(cookie_row["validity"]["state"], "expired");
    assert_eq!(by_sub(&rows, "query")["validity"]["state"], "valid");
    assert_eq!(cookie_row["signature"]["status"], "no_key");
}

#[test]
fn a_log_with_binary_junk_lists_tokens_by_line_and_column_and_verifies_with_a_key() {
    let a = token("log-a", 1_800_003_600);
    let b = token("log-b", 1_700_000_000);
    let unsecured = format!("{}.{}.", b64(r#"{"alg":"none"}"#), b64(r#"{"sub":"none"}"#));
    let spaced = format!(
        "{}.{}.{}",
        b64(r#"{ "alg": "RS256" }"#),
        b64("not json at all"),
        b64("sig")
    );
    let jwe = "eyJhbGciOiJBMTI4S1ciLCJlbmMiOiJBMTI4Q0JDLUhTMjU2In0.6KB707dM9YTIgHtLvtgWQ8mKwboJW3of9locizkDTHzBC2IlrT1oOQ.AxY8DCtDaGlsbGljb3RoZQ.KDlTtXchhZTGufMYmOYGS4HffxPSUrfmqCHXaI9wOGY.U0m_YmjN04DJvceFICbCVQ";
    let mut log = Vec::new();
    log.extend_from_slice(b"2026-11-28T10:00:00Z INFO start v1.2.3 config=/etc/app/app.conf.d\n");
    log.extend_from_slice(&[0xff, 0xfe, 0x00, 0x80, b'\n']);
    log.extend_from_slice(format!("> Authorization: Bearer {a}\n").as_bytes());
    log.extend_from_slice(format!("< set-cookie: t={b}; Secure\nJWT={a}.\n").as_bytes());
    log.extend_from_slice(format!("callback?code=1&token%3D{b}%26state=x\n").as_bytes());
    log.extend_from_slice(
        format!("{{\"msg\":\"\\u0022{unsecured}\\u0022\"}} {spaced}\n").as_bytes(),
    );
    log.extend_from_slice(format!("user@example.com aGVsbG8.d29ybGQ.Zm9v {jwe}\n").as_bytes());
    let rows = scan_json(&["-", "--key", SECRET], Some(log));
    assert_eq!(rows.len(), 5, "{rows:#?}");
    let row_a = by_sub(&rows, "log-a");
    assert_eq!(
        row_a["occurrences"],
        json!([{"line": 3, "column": 25}, {"line": 5, "column": 5}])
    );
    assert_eq!(row_a["signature"]["status"], "verified");
    assert_eq!(
        by_sub(&rows, "log-b")["occurrences"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    assert_eq!(by_sub(&rows, "log-b")["validity"]["state"], "expired");
    assert!(rows.iter().any(|r| r["token"] == unsecured.as_str()));
    assert!(rows.iter().any(|r| r["token"] == spaced.as_str()));
    let jwe_row = rows.iter().find(|r| r["token"] == jwe).unwrap();
    assert_eq!(jwe_row["form"], "jwe");
    assert_eq!(jwe_row["occurrences"], json!([{"line": 8, "column": 39}]));
}

#[test]
fn the_table_names_each_token_once_and_the_scan_exits_0_even_when_nothing_is_found() {
    let a = token("table", 1_800_003_600);
    let out = bin()
        .args(["scan", "-", "--now", "1800000000"])
        .write_stdin(format!("{a}\n{a}\nnothing here 1.2.3\n"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("HS256") && text.contains("https://issuer.example"),
        "{text}"
    );
    assert!(text.contains("1:1 (+1)"), "{text}");
    assert!(text.contains("1 distinct token in 2 places"), "{text}");
    let out = bin()
        .args(["scan", "-"])
        .write_stdin("v1.2.3 a.b.c file.tar.gz\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("No token found"));
    let out = bin().args(["scan", "/no/such/file.log"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn diff_compares_nested_members_and_exits_like_diff() {
    let key = jwt_debugger::core::keys::parse_text(SECRET).unwrap();
    let sign = |header: &str, payload: &str| {
        jwt_debugger::core::sign::sign(
            header,
            payload,
            key.keys.first(),
            jwt_debugger::core::sign::Unsecured::Refuse,
        )
        .unwrap()
        .token
    };
    let worked = sign(
        r#"{"alg":"HS256","kid":"k1"}"#,
        r#"{"sub":"a","exp":1800000000,"scope":["read"],"ctx":{"tenant":"t1","tier":1}}"#,
    );
    let failed = sign(
        r#"{"alg":"HS256","kid":"k2"}"#,
        r#"{"sub":"a","exp":1800005400,"scope":["read","write"],"ctx":{"tenant":"t2","tier":1}}"#,
    );
    let out = bin().args(["diff", &worked, &failed]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("~ /exp: 1800000000 → 1800005400   (exp +1 h 30 min)"),
        "{text}"
    );
    assert!(text.contains("+ /scope/1: \"write\""), "{text}");
    assert!(text.contains("~ /ctx/tenant: \"t1\" → \"t2\""), "{text}");
    assert!(text.contains("kid differs: k1 → k2"), "{text}");
    assert!(!text.contains("/ctx/tier"), "{text}");

    let out = bin()
        .args(["diff", &worked, &failed, "--json"])
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["equal"], false);
    assert_eq!(json["same_alg"], true);
    assert_eq!(json["same_kid"], false);
    assert!(
        json["differences"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["path"] == "/exp" && d["note"] == "exp +1 h 30 min")
    );

    bin().args(["diff", &worked, &worked]).assert().code(0);
    bin()
        .args(["diff", &worked, "eyJhbGciOiJIUzI1NiJ9.@@@.x"])
        .assert()
        .code(2);
}
