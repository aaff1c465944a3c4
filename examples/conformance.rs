//! Conformance run over the shared RFC and Wycheproof vectors.
//!
//! `cargo run --example conformance [-- VECTORS_DIR]` (default `../shared/vectors`). Fails when the
//! folder is missing, prints one line per disagreement, names the disputed vectors it treats as
//! known differences, and ends with `N passed, M failed`.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use jwt_debugger::core::{self, Options, SignatureStatus, keys, parse};
use serde_json::Value;

/// The vector files checked, in order.
const FILES: &[&str] = &[
    "rfc7515_appendix_a.json",
    "rfc7519_examples.json",
    "rfc7520_jws_examples.json",
    "rfc7797_unencoded_payload.json",
    "rfc8037_ed25519.json",
    "rfc7517_jwk_examples.json",
    "rfc7638_thumbprint.json",
    "wycheproof_jws.json",
    "wycheproof_jwk.json",
    "attack_samples.json",
];

/// RFC example tokens expire in 2011: check signatures before that.
const RFC_NOW: i64 = 1_300_000_000;

#[derive(Default)]
struct Tally {
    passed: usize,
    failed: usize,
    known: Vec<String>,
    flagged: Vec<String>,
    skipped: Vec<String>,
}

impl Tally {
    fn check(&mut self, ok: bool, what: &str, why: impl FnOnce() -> String) {
        if ok {
            self.passed += 1;
        } else {
            self.failed += 1;
            println!("FAIL {what}: {}", why());
        }
    }
}

fn load(dir: &Path, name: &str) -> Result<Value, String> {
    let path = dir.join(name);
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}

fn vectors(doc: &Value) -> &[Value] {
    doc["vectors"]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default()
}

/// A vector's key: a JWK object, a list of JWKs, a JWKS, or PEM text.
fn key_set(key: &Value) -> Result<Option<core::KeySet>, String> {
    if let Some(pem) = key.get("pem_public_key") {
        return key_set(pem);
    }
    if let Some(obj) = key
        .as_object()
        .filter(|o| o.keys().all(|k| k.starts_with("signature_")))
    {
        return key_set(&Value::Array(obj.values().cloned().collect()));
    }
    let text = match key {
        Value::Null => return Ok(None),
        Value::String(s) => s.clone(),
        Value::Array(list) => serde_json::json!({ "keys": list }).to_string(),
        other => other.to_string(),
    };
    keys::parse_text(&text).map(Some).map_err(|e| e.to_string())
}

fn status_of(token: &str, key: &Value, now: i64) -> Result<core::Analysis, String> {
    let keys = key_set(key)?;
    Ok(core::analyze(token, keys.as_ref(), Options::at(now)))
}

fn label(v: &Value) -> String {
    match v.get("tcId") {
        Some(id) => format!(
            "{} tcId {id} ({})",
            v["source"].as_str().unwrap_or("?"),
            v["group"].as_str().unwrap_or("")
        ),
        None => v["source"].as_str().unwrap_or("?").to_owned(),
    }
}

fn wycheproof(dir: &Path, file: &str, tally: &mut Tally) -> Result<(), String> {
    let doc = load(dir, file)?;
    let disputed: BTreeSet<i64> = doc["cross_check_mismatches"]
        .as_array()
        .map(|l| l.iter().filter_map(|m| m["tcId"].as_i64()).collect())
        .unwrap_or_default();
    for v in vectors(&doc) {
        let what = format!("{file} {}", label(v));
        let token = v["token"].as_str().unwrap_or_default();
        let want_valid = v["expected"] == "valid";
        let outcome = status_of(token, &v["key"], RFC_NOW);
        let (got_valid, detail) = match &outcome {
            Ok(a) => (
                a.signature.status == SignatureStatus::Verified,
                format!("{}: {}", a.signature.status.as_str(), a.signature.detail),
            ),
            Err(e) => (false, format!("key not usable: {e}")),
        };
        let tc = v["tcId"].as_i64().unwrap_or(-1);
        // RFC 7518 requires long keys; the debugger verifies and flags them instead of refusing.
        if got_valid
            && !want_valid
            && let Ok(a) = &outcome
            && let Some(f) = a
                .findings
                .iter()
                .find(|f| ["WEAK_HMAC_KEY", "SHORT_RSA_KEY"].contains(&f.id.as_str()))
        {
            tally.passed += 1;
            tally
                .flagged
                .push(format!("{what}: {} ({})", f.id, f.title));
            continue;
        }
        if got_valid != want_valid && disputed.contains(&tc) {
            tally
                .known
                .push(format!("{what}: expected {}, got {detail}", v["expected"]));
            continue;
        }
        tally.check(got_valid == want_valid, &what, || {
            format!("expected {}, got {detail}", v["expected"])
        });
    }
    Ok(())
}

/// RFC files whose vectors carry a token (compact or JSON) and a key.
fn rfc_tokens(dir: &Path, file: &str, tally: &mut Tally) -> Result<(), String> {
    let doc = load(dir, file)?;
    for v in vectors(&doc) {
        let what = format!("{file} {}", label(v));
        let expected = v["expected"].as_str().unwrap_or_default();
        let key = if v["public_key"].is_null() {
            &v["key"]
        } else {
            &v["public_key"]
        };
        if let Some(kind) = v["kind"].as_str() {
            key_vector(&what, kind, v, tally);
            continue;
        }
        if expected.starts_with("see notes") {
            tally.skipped.push(format!(
                "{what}: the vector file marks it as a data anomaly"
            ));
            continue;
        }
        let token = v["token"].as_str().unwrap_or_default();
        let json_form = v["json_general"].as_str().map(str::to_owned).or_else(|| {
            v["json_general"]
                .is_object()
                .then(|| v["json_general"].to_string())
        });
        if token.starts_with('{') || (token.is_empty() && json_form.is_some()) {
            let text = if token.starts_with('{') {
                token.to_owned()
            } else {
                json_form.unwrap_or_default()
            };
            json_vector(&what, &text, key, tally);
            continue;
        }
        let Ok(keys) = key_set(key) else {
            tally.check(false, &what, || "key not usable".into());
            continue;
        };
        let decoded = if token.contains("..") {
            // Detached content (RFC 7515 Appendix F): the vector supplies the payload.
            let payload = match (v["payload_b64"].as_str(), v["payload_text"].as_str()) {
                (Some(b), _) if !token.contains("b64") => {
                    core::b64::decode(b).map(|d| d.bytes).unwrap_or_default()
                }
                (_, Some(t)) => t.as_bytes().to_vec(),
                _ => Vec::new(),
            };
            parse::decode_detached(token, &payload)
        } else {
            parse::decode(token)
        };
        let now = if expected.contains("EXPIRED") {
            1_800_000_000
        } else {
            RFC_NOW
        };
        let a = core::analyze_decoded(decoded, keys.as_ref(), Options::at(now));
        let status = a.signature.status;
        if expected.starts_with("decrypts") {
            let want = v["decrypted_plaintext"].as_str().unwrap_or_default();
            tally.check(plaintext(&a) == Some(want.as_bytes()), &what, || {
                a.jwe
                    .as_ref()
                    .map_or("not a JWE".into(), |j| j.detail.to_string())
            });
            if let Ok(Some(inner_keys)) = key_set(&v["inner_verification_key"]) {
                let nested = core::analyze(
                    token,
                    keys.as_ref(),
                    Options {
                        inner_keys: Some(std::sync::Arc::new(inner_keys)),
                        ..Options::at(RFC_NOW)
                    },
                );
                let inner = nested.inner.as_ref().map(|i| i.signature.status);
                tally.check(
                    inner == Some(SignatureStatus::Verified),
                    &format!("{what} inner token"),
                    || format!("inner signature {inner:?}"),
                );
            }
        } else if expected.starts_with("decode-only") {
            tally.check(
                a.decoded.errors.is_empty() && status == SignatureStatus::Unsigned,
                &what,
                || format!("got {:?} {:?}", status, a.decoded.errors),
            );
        } else if expected.starts_with("valid") {
            let expiry_ok =
                !expected.contains("EXPIRED") || a.validity.state == core::ValidityState::Expired;
            tally.check(
                status == SignatureStatus::Verified && expiry_ok,
                &what,
                || format!("{}: {}", status.as_str(), a.signature.detail),
            );
            if expected.contains("reproduce") {
                sign_reproduces(&what, v, tally);
            }
        } else {
            tally.check(status != SignatureStatus::Verified, &what, || {
                "verified, expected a rejection".into()
            });
        }
    }
    if let Some(sets) = doc["jwks_section3"].as_array() {
        for v in sets {
            key_vector(
                &format!("{file} {}", label(v)),
                v["kind"].as_str().unwrap_or("jwk"),
                v,
                tally,
            );
        }
    }
    Ok(())
}

/// Ed25519 is deterministic: signing the same input must give the same token.
fn sign_reproduces(what: &str, v: &Value, tally: &mut Tally) {
    let Ok(Some(keys)) = key_set(&v["key"]) else {
        return;
    };
    let header = v["header_json_exact"].as_str().unwrap_or_default();
    let payload = v["payload_exact"].as_str().unwrap_or_default();
    let token = v["token"].as_str().unwrap_or_default();
    let input = format!(
        "{}.{}",
        core::b64::encode(header),
        core::b64::encode(payload)
    );
    let alg = core::sign::header_alg(header).map(|(_, a)| a);
    let sig = alg.and_then(|a| {
        core::sign::sign_input(
            a,
            input.as_bytes(),
            keys.keys.first(),
            core::sign::Unsecured::Refuse,
        )
    });
    tally.check(
        sig.as_ref().is_ok_and(|s| format!("{input}.{s}") == token),
        &format!("{what} (signing)"),
        || format!("{sig:?}"),
    );
}

fn json_vector(what: &str, text: &str, key: &Value, tally: &mut Tally) {
    // One key per signature, in order, when the vector lists them that way.
    let per_signature: Vec<Value> = match key {
        Value::Array(list) => list.clone(),
        Value::Object(o) if o.keys().all(|k| k.starts_with("signature_")) => {
            o.values().cloned().collect()
        }
        _ => Vec::new(),
    };
    match parse::json_serialization(text) {
        Err(e) => tally.check(false, what, || e.to_string()),
        Ok(signatures) => {
            for (i, s) in signatures.iter().enumerate() {
                if s.compact.starts_with('.') {
                    tally.skipped.push(format!("{what} signature {}: no protected header (alg unprotected), so no compact form exists", i + 1));
                    continue;
                }
                let key = per_signature.get(i).unwrap_or(key);
                let Ok(keys) = key_set(key) else {
                    tally.check(false, what, || "key not usable".into());
                    continue;
                };
                let a = core::analyze(&s.compact, keys.as_ref(), Options::at(RFC_NOW));
                tally.check(
                    a.signature.status == SignatureStatus::Verified,
                    &format!("{what} signature {}", i + 1),
                    || a.signature.detail.to_string(),
                );
            }
        }
    }
}

fn key_vector(what: &str, kind: &str, v: &Value, tally: &mut Tally) {
    match kind {
        "thumbprint" => {
            let mut cases: Vec<(Value, Option<String>)> = vec![(
                v["key"].clone(),
                v["expected_thumbprint_sha256"].as_str().map(str::to_owned),
            )];
            if let Some(list) = v["cases"].as_array() {
                cases = list
                    .iter()
                    .map(|c| {
                        (
                            c["key"].clone(),
                            c["expected_thumbprint_sha256"].as_str().map(str::to_owned),
                        )
                    })
                    .collect();
            }
            for (key, want) in cases {
                let Some(want) = want else { continue };
                let got = key_set(&key)
                    .ok()
                    .flatten()
                    .and_then(|k| k.keys.first().map(|k| k.thumbprint()));
                tally.check(
                    got.as_deref() == Some(want.as_str()),
                    &format!("{what} thumbprint"),
                    || format!("got {got:?}, want {want}"),
                );
            }
        }
        _ => {
            let key = if v["jwks"].is_null() {
                &v["key"]
            } else {
                &v["jwks"]
            };
            let parsed = key_set(key);
            let expected = v["expected"].as_str().unwrap_or_default();
            let ok = match &parsed {
                Ok(Some(set)) => set.keys.len() + set.skipped.len() > 0,
                _ => false,
            };
            // RFC examples without an expectation are published, valid keys.
            let want = expected.is_empty() || expected.starts_with("valid");
            tally.check(ok == want, what, || {
                format!(
                    "{:?}",
                    parsed
                        .as_ref()
                        .map(|s| s.as_ref().map(|s| (s.describe(), s.skipped.clone())))
                )
            });
        }
    }
}

fn attacks(dir: &Path, tally: &mut Tally) -> Result<(), String> {
    let doc = load(dir, "attack_samples.json")?;
    for v in vectors(&doc) {
        let what = format!(
            "attack_samples.json {} [{}]",
            label(v),
            v["attack"].as_str().unwrap_or("")
        );
        let flag = v["debugger_should_flag"].as_str().unwrap_or_default();
        let a = match status_of(
            v["token"].as_str().unwrap_or_default(),
            &v["key"],
            1_800_000_000,
        ) {
            Ok(a) => a,
            Err(e) => {
                tally.check(false, &what, || format!("key not usable: {e}"));
                continue;
            }
        };
        let ids: BTreeSet<&str> = a.findings.iter().map(|f| f.id.as_str()).collect();
        // "A + B" needs both; "A / B" either; text after an id is commentary.
        let wanted: Vec<Vec<String>> = flag
            .split(" + ")
            .map(|group| {
                group
                    .split(" / ")
                    .map(|alt| {
                        alt.chars()
                            .take_while(|c| {
                                c.is_ascii_uppercase() || c.is_ascii_digit() || *c == '_'
                            })
                            .collect()
                    })
                    .collect()
            })
            .collect();
        let all_found = wanted
            .iter()
            .all(|alts| alts.iter().any(|id| ids.contains(id.as_str())));
        let not_verified = a.signature.status != SignatureStatus::Verified;
        tally.check(all_found && not_verified, &what, || {
            format!(
                "wanted {flag}; found {ids:?}; signature {}",
                a.signature.status.as_str()
            )
        });
    }
    Ok(())
}

/// The decrypted plaintext of a JWE analysis, when it decrypted.
fn plaintext(a: &core::Analysis) -> Option<&[u8]> {
    a.jwe
        .as_ref()
        .filter(|j| j.status == core::jwe::JweStatus::Decrypted)
        .and_then(|j| j.plaintext.as_deref().map(|p| p.as_slice()))
}

fn unhex(text: &str) -> Vec<u8> {
    (0..text.len() / 2)
        .filter_map(|i| u8::from_str_radix(&text[2 * i..2 * i + 2], 16).ok())
        .collect()
}

/// Wycheproof's JWE tests: every valid vector decrypts to its plaintext, every invalid one is
/// refused (no plaintext comes out).
fn wycheproof_jwe(dir: &Path, tally: &mut Tally) -> Result<(), String> {
    let doc = load(dir, "wycheproof/json_web_encryption_test.json")?;
    for group in doc["testGroups"]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default()
    {
        let keys = keys::parse_text(&group["private"].to_string());
        for t in group["tests"]
            .as_array()
            .map(Vec::as_slice)
            .unwrap_or_default()
        {
            let what = format!(
                "wycheproof JWE tcId {} ({}, {})",
                t["tcId"],
                group["comment"].as_str().unwrap_or(""),
                t["comment"].as_str().unwrap_or("")
            );
            let token = match &t["jwe"] {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            let a = keys
                .as_ref()
                .ok()
                .map(|k| core::analyze(&token, Some(k), Options::at(RFC_NOW)));
            let got = a.as_ref().and_then(plaintext);
            let status = a
                .as_ref()
                .and_then(|a| a.jwe.as_ref())
                .map_or("no analysis", |j| j.status.as_str());
            if t["result"] == "valid" {
                let want = unhex(t["pt"].as_str().unwrap_or_default());
                tally.check(got == Some(want.as_slice()), &what, || {
                    format!(
                        "expected the plaintext, got {status}: {}",
                        a.as_ref()
                            .and_then(|a| a.jwe.as_ref())
                            .map_or(String::new(), |j| j.detail.to_string())
                    )
                });
            } else {
                tally.check(got.is_none(), &what, || {
                    format!("expected a refusal, got {status}")
                });
            }
        }
    }
    Ok(())
}

/// The RFC JWE examples that the shared folder does not hold (tests/vectors/rfc_jwe.json).
fn rfc_jwe(tally: &mut Tally) -> Result<(), String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vectors");
    let doc = load(&dir, "rfc_jwe.json")?;
    for v in vectors(&doc) {
        let what = format!("rfc_jwe.json {}", label(v));
        let keys = match &v["key"] {
            Value::String(password) => core::KeySet::from_secret(password.as_bytes()),
            other => keys::parse_text(&other.to_string()).map_err(|e| e.to_string())?,
        };
        let token = v["token"].as_str().unwrap_or_default();
        let a = core::analyze(token, Some(&keys), Options::at(RFC_NOW));
        let want = v["plaintext"].as_str().unwrap_or_default().as_bytes();
        tally.check(plaintext(&a) == Some(want), &what, || {
            a.jwe
                .as_ref()
                .map_or("not a JWE".into(), |j| j.detail.to_string())
        });
        // The same token with one byte of its ciphertext changed is refused.
        let mut parts: Vec<String> = token.split('.').map(str::to_owned).collect();
        if let Some(ct) = parts.get_mut(3) {
            let flipped = if ct.starts_with('A') { "B" } else { "A" };
            ct.replace_range(0..1, flipped);
        }
        let tampered = core::analyze(&parts.join("."), Some(&keys), Options::at(RFC_NOW));
        tally.check(
            plaintext(&tampered).is_none(),
            &format!("{what} tampered"),
            || "a changed ciphertext decrypted".into(),
        );
    }
    Ok(())
}

fn main() -> ExitCode {
    let dir = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/vectors"));
    if !dir.is_dir() {
        eprintln!(
            "conformance: the vectors folder {} is missing",
            dir.display()
        );
        return ExitCode::FAILURE;
    }
    let mut tally = Tally::default();
    let mut broken = false;
    type Run = Box<dyn Fn(&Path, &mut Tally) -> Result<(), String>>;
    let mut runs: Vec<(String, Run)> = FILES
        .iter()
        .map(|&name| {
            let run: Run = if name.starts_with("wycheproof") {
                Box::new(move |dir, t| wycheproof(dir, name, t))
            } else if name == "attack_samples.json" {
                Box::new(attacks)
            } else {
                Box::new(move |dir, t| rfc_tokens(dir, name, t))
            };
            (name.to_owned(), run)
        })
        .collect();
    runs.push((
        "wycheproof/json_web_encryption_test.json".into(),
        Box::new(wycheproof_jwe),
    ));
    runs.push((
        "tests/vectors/rfc_jwe.json (RFC 7516 A.1-A.3, RFC 7520 §5.3)".into(),
        Box::new(|_, t| rfc_jwe(t)),
    ));
    for (name, run) in runs {
        let before = (tally.passed, tally.failed);
        if let Err(e) = run(&dir, &mut tally) {
            eprintln!("conformance: {name}: {e}");
            broken = true;
        }
        println!(
            "{name}: {} passed, {} failed",
            tally.passed - before.0,
            tally.failed - before.1
        );
    }
    for k in &tally.known {
        println!("known difference (disputed label): {k}");
    }
    for f in &tally.flagged {
        println!("verified and flagged (a strict verifier rejects the key): {f}");
    }
    for s in &tally.skipped {
        println!("not checked: {s}");
    }
    println!(
        "{} agreements; {} disputed vectors treated as known differences",
        tally.passed,
        tally.known.len()
    );
    println!("{} passed, {} failed", tally.passed, tally.failed);
    if broken || tally.failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
