//! SD-JWT (RFC 9901): the RFC's own examples, made by the reference implementation from the
//! working group's specifications (tests/vectors/sd_jwt/generate.py), decode here to exactly the
//! processed claims the reference verifier returns; tampered copies of each are refused, in the
//! core and as the command line's exit status.

#![allow(clippy::unwrap_used)] // tests fail loudly by design

use jwt_debugger::core::{self, Options, SignatureStatus, keys, sdjwt};
use serde_json::Value;

mod common;
use common::bin;

struct Vector {
    name: String,
    doc: Value,
}

impl Vector {
    fn str(&self, key: &str) -> &str {
        self.doc[key].as_str().unwrap()
    }
    fn issuer_key(&self) -> keys::KeySet {
        keys::parse_text(&self.doc["issuer_public_jwk"].to_string()).unwrap()
    }
    /// The token as `decode` takes it: compact text, or the JSON serialization's text.
    fn token(&self, which: &str) -> String {
        match &self.doc[which] {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        }
    }
    fn options(&self) -> Options {
        let mut o = Options::at(1_683_000_000);
        o.sd.kb_aud = self.doc["kb_aud"].as_str().map(str::to_owned);
        o.sd.kb_nonce = self.doc["kb_nonce"].as_str().map(str::to_owned);
        o
    }
}

fn vectors() -> Vec<Vector> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vectors/sd_jwt");
    let mut out: Vec<Vector> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .map(|p| Vector {
            name: p.file_stem().unwrap().to_string_lossy().into_owned(),
            doc: serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap(),
        })
        .collect();
    out.sort_by(|a, b| a.name.cmp(&b.name));
    assert!(out.len() >= 10, "the SD-JWT vectors are missing");
    out
}

fn analyze(v: &Vector, token: &str) -> core::Analysis {
    core::analyze(token, Some(&v.issuer_key()), v.options())
}

#[test]
fn every_example_decodes_to_the_reference_verifiers_claims() {
    for v in vectors() {
        for (which, claims) in [
            ("issuance", "issuance_claims"),
            ("presentation", "presentation_claims"),
        ] {
            let a = analyze(&v, &v.token(which));
            let sd =
                a.sd.as_ref()
                    .unwrap_or_else(|| panic!("{} {which}: not read as an SD-JWT", v.name));
            assert_eq!(
                sd.status,
                sdjwt::SdStatus::Valid,
                "{} {which}: {:?}",
                v.name,
                sd.errors
            );
            assert_eq!(
                a.signature.status,
                SignatureStatus::Verified,
                "{} {which}",
                v.name
            );
            let got = Value::Object(sd.claims.clone().unwrap());
            assert_eq!(got, v.doc[claims], "{} {which}", v.name);
            let json = a.to_json();
            assert_eq!(json["form"], "sd-jwt");
            assert_eq!(json["sd_jwt"]["claims"], v.doc[claims], "{}", v.name);
            assert_eq!(json["sd_jwt"]["status"], "valid");
            assert_eq!(json["sd_jwt"]["hash_alg"], "sha-256");
            // Every placed disclosure's path leads to its value in the processed claims.
            for d in sd.disclosures.iter() {
                let path = d.path.as_deref().unwrap();
                let placed = got.pointer(path);
                assert!(placed.is_some(), "{} {path}", v.name);
                // A value without digests inside is placed as disclosed.
                let text = d.value.as_ref().unwrap().to_string();
                if !text.contains("\"_sd\"") && !text.contains("\"...\"") {
                    assert_eq!(placed, d.value.as_ref(), "{} {path}", v.name);
                }
            }
            if which == "presentation" && v.doc["key_binding"] == true {
                let kb = sd.key_binding.as_ref().unwrap();
                assert_eq!(
                    kb.status,
                    sdjwt::KbStatus::Verified,
                    "{}: {}",
                    v.name,
                    kb.detail
                );
                assert_eq!(kb.sd_hash, "match");
                assert_eq!(json["sd_jwt"]["key_binding"]["status"], "verified");
            }
        }
    }
}

/// Tampered presentations: each must be refused by the processing rules or the key binding.
fn tampered(v: &Vector) -> Vec<(&'static str, String)> {
    let token = v.str("presentation").to_owned();
    let mut parts: Vec<String> = token.split('~').map(str::to_owned).collect();
    let kb = parts.pop().unwrap();
    let mut out = Vec::new();
    if parts.len() < 2 {
        return out;
    }
    // A changed byte in the first disclosure.
    let mut changed = parts.clone();
    let d = &mut changed[1];
    let flipped = if d.ends_with('A') { 'B' } else { 'A' };
    d.pop();
    d.push(flipped);
    out.push(("changed disclosure", format!("{}~{kb}", changed.join("~"))));
    // The first disclosure duplicated.
    let mut dup = parts.clone();
    dup.insert(2, parts[1].clone());
    out.push(("duplicated disclosure", format!("{}~{kb}", dup.join("~"))));
    if !kb.is_empty() {
        // A dropped disclosure: still valid processing, but sd_hash no longer matches.
        let mut dropped = parts.clone();
        dropped.remove(1);
        out.push(("dropped disclosure", format!("{}~{kb}", dropped.join("~"))));
        // A key-binding JWT with its signature changed.
        let mut bad_kb = kb.clone();
        let last = bad_kb.pop().unwrap();
        bad_kb.push(if last == 'A' { 'B' } else { 'A' });
        out.push((
            "changed key-binding signature",
            format!("{}~{bad_kb}", parts.join("~")),
        ));
    }
    out
}

#[test]
fn tampered_presentations_are_refused_in_the_core_and_by_the_exit_status() {
    let mut checked = 0;
    for v in vectors() {
        if v.doc["serialization"] != "compact" {
            continue;
        }
        for (what, token) in tampered(&v) {
            let a = analyze(&v, &token);
            let sd = a.sd.as_ref().unwrap();
            assert!(!sd.is_ok(), "{} {what}: accepted", v.name);
            let out = bin()
                .args(["decode", &token, "--json", "--now", "1683000000"])
                .args([
                    "--kb-aud",
                    "https://verifier.example.org",
                    "--kb-nonce",
                    "1234567890",
                ])
                .output()
                .unwrap();
            assert_eq!(out.status.code(), Some(1), "{} {what}", v.name);
            checked += 1;
        }
    }
    assert!(checked >= 15, "{checked}");
}

#[test]
fn the_command_line_verifies_a_presentation_with_key_binding_and_refuses_a_stale_one() {
    let v = vectors().into_iter().find(|v| v.name == "simple").unwrap();
    let jwk = v.doc["issuer_public_jwk"].to_string();
    let run = |extra: &[&str]| {
        let out = bin()
            .args(["decode", v.str("presentation"), "--json", "--key", &jwk])
            .args(extra)
            .output()
            .unwrap();
        let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
        (out.status.code(), doc)
    };
    let (code, doc) = run(&[
        "--now",
        "1683000010",
        "--kb-aud",
        "https://verifier.example.org",
        "--kb-nonce",
        "1234567890",
    ]);
    assert_eq!(code, Some(0), "{doc:#}");
    assert_eq!(doc["sd_jwt"]["key_binding"]["status"], "verified");
    assert_eq!(doc["sd_jwt"]["key_binding"]["typ"], "kb+jwt");
    assert_eq!(doc["sd_jwt"]["key_binding"]["nonce"], "1234567890");
    // `payload` is the issuer-signed payload as signed: digests, not claims.
    assert!(doc["payload"]["_sd"].is_array());
    assert_eq!(doc["sd_jwt"]["claims"]["given_name"], "John");
    // An hour later the key-binding JWT is too old.
    let (code, doc) = run(&["--now", "1683003600"]);
    assert_eq!(code, Some(1));
    assert_eq!(doc["sd_jwt"]["key_binding"]["status"], "invalid");
    assert!(
        doc["sd_jwt"]["key_binding"]["detail"]
            .as_str()
            .unwrap()
            .contains("older than"),
        "{doc:#}"
    );
    // A wrong nonce.
    let (code, doc) = run(&["--now", "1683000010", "--kb-nonce", "other"]);
    assert_eq!(code, Some(1));
    assert!(
        doc["sd_jwt"]["key_binding"]["detail"]
            .as_str()
            .unwrap()
            .contains("nonce")
    );
}

#[test]
fn tolerant_paste_finds_an_sd_jwt_in_a_header_quotes_or_a_url() {
    let v = vectors().into_iter().find(|v| v.name == "simple").unwrap();
    let token = v.str("presentation");
    for text in [
        format!("Authorization: Bearer {token}"),
        format!("\"{token}\""),
    ] {
        // The app finds the token in pasted text the way it finds a plain one.
        let found = core::parse::find_token(&text).unwrap_or(&text);
        assert_eq!(found, token);
        let a = analyze(&v, &text);
        let sd =
            a.sd.as_ref()
                .unwrap_or_else(|| panic!("not found in {text:.60}"));
        assert_eq!(sd.status, sdjwt::SdStatus::Valid);
        assert_eq!(
            sd.key_binding.as_ref().unwrap().status,
            sdjwt::KbStatus::Verified,
            "{text:.60}"
        );
    }
    let url = format!("https://verifier.example.org/cb?state=x&vp_token={token}&z=1");
    assert_eq!(core::parse::find_token(&url), Some(token));
}

#[test]
fn a_key_binding_ages_as_the_clock_moves_without_a_new_analysis() {
    let v = vectors().into_iter().find(|v| v.name == "simple").unwrap();
    let mut options = v.options();
    options.now = 1_683_000_010;
    let mut a = analyze_with(&v, &v.token("presentation"), options.clone());
    let kb = |a: &core::Analysis| a.sd.as_ref().unwrap().key_binding.clone().unwrap();
    assert_eq!(kb(&a).status, sdjwt::KbStatus::Verified);
    let has_finding =
        |a: &core::Analysis| a.findings.iter().any(|f| f.id.as_str() == "SD_KB_INVALID");
    assert!(!has_finding(&a));
    options.now = 1_683_000_000 + 301;
    core::retime(&mut a, &options);
    assert_eq!(kb(&a).status, sdjwt::KbStatus::Invalid);
    assert!(
        kb(&a).detail.to_string().contains("older than"),
        "{}",
        kb(&a).detail
    );
    assert!(has_finding(&a));
    // And back (a fixed instant moved earlier).
    options.now = 1_683_000_100;
    core::retime(&mut a, &options);
    assert_eq!(kb(&a).status, sdjwt::KbStatus::Verified);
    assert!(!has_finding(&a));
}

fn analyze_with(v: &Vector, token: &str, options: Options) -> core::Analysis {
    core::analyze(token, Some(&v.issuer_key()), options)
}
