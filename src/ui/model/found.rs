//! Tokens found in pasted text, a log or a HAR file. A row is a view of a live analysis: its
//! token and places are known at once; what it is (alg, issuer, subject, times, signature) comes
//! from a job that analyses every row with the keys in the fields, again whenever they change, and
//! its time words are made when it is drawn, at the current clock.

use super::Model;
use crate::core::{self, KeySet, Options};

/// At most this many tokens found in one text or file are listed (each is analysed once).
pub const MAX_FOUND_ROWS: usize = 2000;

/// Tokens found in a pasted text, a log or a HAR file, with what each one is.
#[derive(Debug, Clone)]
pub struct FoundList {
    /// Where they came from: a file name, or "pasted text".
    pub source: String,
    pub rows: Vec<FoundRow>,
    /// Distinct tokens found beyond [`MAX_FOUND_ROWS`].
    pub more: usize,
    /// The key the rows' facts were made with; `None` until the first analysis arrives.
    pub facts_for: Option<u64>,
}

/// One distinct token of a [`FoundList`].
#[derive(Debug, Clone)]
pub struct FoundRow {
    pub token: String,
    pub places: Vec<core::scan::Location>,
    /// What the token is, once analysed with the current key.
    pub facts: Option<RowFacts>,
}

/// What one found token is: numbers and statuses, put in words when drawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowFacts {
    pub alg: String,
    pub kid: String,
    pub iss: String,
    pub sub: String,
    /// The claims' times (for the time column and its sort).
    pub exp: Option<i64>,
    pub nbf: Option<i64>,
    pub iat: Option<i64>,
    /// `exp` is present but not a NumericDate.
    pub exp_unusable: bool,
    pub status: RowStatus,
}

/// The signature of a JWS, or the decryption of a JWE.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowStatus {
    Signature(core::SignatureStatus),
    Jwe(core::jwe::JweStatus),
    Malformed,
}

impl RowStatus {
    /// Verified or decrypted.
    pub fn is_ok(self) -> bool {
        matches!(
            self,
            Self::Signature(core::SignatureStatus::Verified)
                | Self::Jwe(core::jwe::JweStatus::Decrypted)
        )
    }
}

/// Analyses `tokens` with `keys` (the found-tokens job).
pub fn row_facts(tokens: &[String], keys: Option<&KeySet>, options: &Options) -> Vec<RowFacts> {
    tokens
        .iter()
        .map(|token| {
            let a = core::analyze(token, keys, options.clone());
            let d = &a.decoded;
            let time = |name: &str| {
                d.claims()
                    .and_then(|c| c.get(name))
                    .and_then(core::claims::numeric_date)
            };
            let status = if a.is_malformed() {
                RowStatus::Malformed
            } else {
                match &a.jwe {
                    Some(j) => RowStatus::Jwe(j.status),
                    None => RowStatus::Signature(a.signature.status),
                }
            };
            RowFacts {
                alg: d.header_member("alg"),
                kid: d.header_member("kid"),
                iss: d.claim_member("iss"),
                sub: d.claim_member("sub"),
                exp: time("exp"),
                nbf: time("nbf"),
                iat: time("iat"),
                exp_unusable: a.validity.state == core::ValidityState::ExpUnusable,
                status,
            }
        })
        .collect()
}

impl Model {
    /// Lists the tokens found in `source`; their facts come from a job (see [`row_facts`]).
    pub fn set_found(&mut self, source: String, found: Vec<core::scan::Found>) {
        let more = found.len().saturating_sub(MAX_FOUND_ROWS);
        let rows = found
            .into_iter()
            .take(MAX_FOUND_ROWS)
            .map(|f| FoundRow {
                token: f.token,
                places: f.occurrences,
                facts: None,
            })
            .collect();
        self.found = Some(FoundList {
            source,
            rows,
            more,
            facts_for: None,
        });
    }

    /// What the found-tokens job needs: the tokens, the keys and the options, and the hash of the
    /// keys it is for. `None` when there is no list, or its facts are for these keys already.
    pub fn found_request(&self) -> Option<(Vec<String>, Option<KeySet>, Options, u64)> {
        let found = self.found.as_ref()?;
        let keys = self.keys_fingerprint();
        if found.facts_for == Some(keys) {
            return None;
        }
        let tokens = found.rows.iter().map(|r| r.token.clone()).collect();
        Some((tokens, self.key_state.verify.clone(), self.options(), keys))
    }

    /// The job's facts, when they are for the list on screen and the keys in the fields. Facts
    /// made with keys the fields no longer hold are dropped: a job started before the key was
    /// typed can come back after the one started after it, and must not put "no key" back on
    /// the rows (nor mark them as analysed for the old key, which left them so for good).
    pub fn accept_row_facts(&mut self, tokens: &[String], keys: u64, facts: Vec<RowFacts>) {
        if keys != self.keys_fingerprint() {
            return;
        }
        let Some(found) = self.found.as_mut() else {
            return;
        };
        let same_list = found.rows.len() == tokens.len()
            && found.rows.iter().zip(tokens).all(|(r, t)| r.token == *t);
        if !same_list {
            return;
        }
        for (row, f) in found.rows.iter_mut().zip(facts) {
            row.facts = Some(f);
        }
        found.facts_for = Some(keys);
    }

    /// The token of the n-th row, to open it.
    pub fn found_token(&self, index: usize) -> Option<String> {
        self.found
            .as_ref()
            .and_then(|f| f.rows.get(index))
            .map(|r| r.token.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(status: core::SignatureStatus) -> RowFacts {
        RowFacts {
            alg: "HS256".into(),
            kid: String::new(),
            iss: String::new(),
            sub: String::new(),
            exp: None,
            nbf: None,
            iat: None,
            exp_unusable: false,
            status: RowStatus::Signature(status),
        }
    }

    #[test]
    fn facts_for_keys_no_longer_in_the_fields_are_dropped_whenever_they_arrive() {
        let mut m = Model::new(crate::ui::state::AppState::default(), 1_700_000_000);
        let token = "eyJhbGciOiJIUzI1NiJ9.e30.c2ln".to_owned();
        m.set_found(
            "pasted text".into(),
            core::scan::scan_text(format!("{token}\n").as_bytes()),
        );
        let (tokens, _, _, current) = m.found_request().expect("a list without facts");
        assert_eq!(tokens, [token]);
        // A job for other keys (started before the key changed) comes back late.
        let stale = current.wrapping_add(1);
        m.accept_row_facts(&tokens, stale, vec![facts(core::SignatureStatus::NoKey)]);
        assert!(m.found.as_ref().unwrap().rows[0].facts.is_none());
        assert!(
            m.found_request().is_some(),
            "still asks for the current keys"
        );
        m.accept_row_facts(
            &tokens,
            current,
            vec![facts(core::SignatureStatus::Verified)],
        );
        m.accept_row_facts(&tokens, stale, vec![facts(core::SignatureStatus::NoKey)]);
        let row = &m.found.as_ref().unwrap().rows[0];
        assert_eq!(
            row.facts.as_ref().unwrap().status,
            RowStatus::Signature(core::SignatureStatus::Verified)
        );
        assert!(m.found_request().is_none());
    }
}
