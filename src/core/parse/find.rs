//! Finding a token in free text: the most plausible compact token in an `Authorization: Bearer`
//! line, a cookie, a URL or a JSON document.

use crate::core::b64;

/// Picks the most plausible compact token out of free text: an `Authorization: Bearer` line, a
/// cookie, a URL with `id_token=` / `access_token=` / `vp_token=`, JSON, or just a token among
/// other words. An SD-JWT (`<JWT>~<disclosure>~…~[<key-binding JWT>]`) is found whole.
/// Returns `None` when nothing looks like a token.
pub fn find_token(text: &str) -> Option<&str> {
    let is_token_char = |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '~');
    let mut best: Option<&str> = None;
    for candidate in text.split(|c: char| !is_token_char(c)) {
        let candidate = candidate.trim_start_matches(['.', '~']);
        // An SD-JWT keeps its trailing `~`; a plain token loses a sentence's full stop.
        let candidate = match candidate.find('~') {
            Some(_) => candidate,
            None => candidate.trim_end_matches('.'),
        };
        let jwt = candidate.split('~').next().unwrap_or_default();
        let dots = jwt.matches('.').count();
        if !(dots == 2 || dots == 4) || !candidate.starts_with("ey") {
            continue;
        }
        // Prefer tokens whose first segment really decodes to a JSON object.
        let header_ok = jwt
            .split('.')
            .next()
            .and_then(|h| b64::decode(h).ok())
            .is_some_and(|d| d.bytes.first() == Some(&b'{'));
        if header_ok && best.is_none_or(|b| candidate.len() > b.len()) {
            best = Some(candidate);
        }
    }
    best
}

#[cfg(test)]
mod find_token_tests {
    use super::find_token;

    const T: &str = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln";

    #[test]
    fn finds_tokens_in_headers_cookies_and_urls() {
        assert_eq!(find_token(&format!("Authorization: Bearer {T}")), Some(T));
        assert_eq!(
            find_token(&format!("Cookie: theme=dark; session={T}; lang=en")),
            Some(T)
        );
        assert_eq!(
            find_token(&format!(
                "https://app.example/cb#state=x&id_token={T}&expires_in=3600"
            )),
            Some(T)
        );
        assert_eq!(
            find_token(&format!("https://app.example/cb?access_token={T}")),
            Some(T)
        );
        assert_eq!(
            find_token(&format!(
                r#"{{"access_token":"{T}","token_type":"Bearer"}}"#
            )),
            Some(T)
        );
    }

    #[test]
    fn finds_an_sd_jwt_whole_with_its_disclosures_and_key_binding() {
        let sd = format!("{T}~WyJzYWx0IiwgIm4iLCAxXQ~{T}");
        let issuance = format!("{T}~WyJzYWx0IiwgIm4iLCAxXQ~");
        for whole in [&sd, &issuance] {
            assert_eq!(find_token(whole), Some(whole.as_str()));
            assert_eq!(
                find_token(&format!(
                    "https://v.example/cb?state=1&vp_token={whole}&x=2"
                )),
                Some(whole.as_str())
            );
            assert_eq!(find_token(&format!("Bearer {whole}")), Some(whole.as_str()));
        }
        assert_eq!(find_token(&format!("see {T}.")), Some(T));
    }

    #[test]
    fn plain_text_has_no_token() {
        assert_eq!(find_token("hello world. this is not.a token"), None);
    }
}
