//! Layout jobs that colour a token by part and JSON by token kind. The job text always equals the
//! edited buffer byte for byte, so the cursor stays right.

use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, FontId};

use crate::core::parse::{Decoded, PartKind, Span};
use crate::ui::theme;

fn push(job: &mut LayoutJob, text: &str, font: &FontId, color: Color32) {
    if !text.is_empty() {
        job.append(text, 0.0, TextFormat::simple(font.clone(), color));
    }
}

/// Colours header, payload and signature of `text` using the spans of `decoded` (which must have
/// been decoded from this very text; otherwise the text is shown plain), and marks the byte
/// ranges in `marks` (decoding errors) with a red background and underline.
pub fn token_job(
    text: &str,
    decoded: &Decoded,
    analysed_len: usize,
    marks: &[Span],
    font: FontId,
    dark: bool,
    plain: Color32,
) -> LayoutJob {
    let mut job = LayoutJob::default();
    let fits = |s: &Span| {
        s.start <= s.end
            && s.end <= text.len()
            && text.is_char_boundary(s.start)
            && text.is_char_boundary(s.end)
    };
    let spans_fit = analysed_len == text.len()
        && text.len() <= theme::MAX_HIGHLIGHT_BYTES
        && decoded.json_serialization.is_none()
        && decoded.parts.iter().all(|p| fits(&p.span))
        && marks.iter().all(fits);
    if !spans_fit {
        push(&mut job, text, &font, plain);
        return job;
    }
    // Every place where the colour or the marking changes.
    let mut cuts: Vec<usize> = vec![0, text.len()];
    for s in decoded
        .parts
        .iter()
        .map(|p| p.span)
        .chain(marks.iter().copied())
    {
        cuts.extend([s.start, s.end]);
    }
    cuts.sort_unstable();
    cuts.dedup();
    for pair in cuts.windows(2) {
        let (start, end) = (pair[0], pair[1]);
        let color = decoded
            .parts
            .iter()
            .find(|p| p.span.start <= start && end <= p.span.end)
            .map_or(plain, |p| match p.kind {
                PartKind::Header => theme::header_color(dark),
                PartKind::Payload | PartKind::Ciphertext => theme::payload_color(dark),
                PartKind::Signature | PartKind::Tag => theme::signature_color(dark),
                _ => plain,
            });
        let marked = marks.iter().any(|m| m.start <= start && end <= m.end);
        let mut format = TextFormat::simple(font.clone(), color);
        if marked {
            format.background = theme::BAD.gamma_multiply(0.35);
            format.underline = egui::Stroke::new(1.5, theme::BAD);
        }
        job.append(&text[start..end], 0.0, format);
    }
    job
}

/// Colours JSON text: member names, strings, numbers, literals. Invalid JSON is still coloured
/// as far as its tokens go.
pub fn json_job(text: &str, font: FontId, dark: bool, plain: Color32) -> LayoutJob {
    let mut job = LayoutJob::default();
    if text.len() > theme::MAX_HIGHLIGHT_BYTES {
        push(&mut job, text, &font, plain);
        return job;
    }
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut plain_start = 0;
    while i < bytes.len() {
        let start = i;
        let color = match bytes[i] {
            b'"' => {
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                i = (i + 1).min(bytes.len());
                // A string followed by ':' is a member name.
                let rest = text[i..].trim_start();
                Some(if rest.starts_with(':') {
                    theme::json_key(dark)
                } else {
                    theme::json_string(dark)
                })
            }
            b'-' | b'0'..=b'9' => {
                while i < bytes.len()
                    && matches!(bytes[i], b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9')
                {
                    i += 1;
                }
                Some(theme::json_number(dark))
            }
            b't' | b'f' | b'n' => {
                while i < bytes.len() && bytes[i].is_ascii_alphabetic() {
                    i += 1;
                }
                Some(theme::json_literal(dark))
            }
            _ => None,
        };
        match color {
            Some(c) => {
                // Keep slicing on char boundaries even for broken input.
                while !text.is_char_boundary(i) {
                    i += 1;
                }
                push(&mut job, &text[plain_start..start], &font, plain);
                push(&mut job, &text[start..i], &font, c);
                plain_start = i;
            }
            None => i += 1,
        }
    }
    while !text.is_char_boundary(plain_start) {
        plain_start += 1;
    }
    push(&mut job, &text[plain_start..], &font, plain);
    job
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(job: &LayoutJob) -> &str {
        &job.text
    }

    #[test]
    fn json_job_text_equals_the_buffer_even_when_broken() {
        for text in [
            "{\"a\": 1, \"b\": [true, null, \"x\\\"y\"]}",
            "{\"é\": \"ü",
            "\"unterminated \\",
            "-1e+5",
            "{ \"a\" : tru",
        ] {
            let job = json_job(text, FontId::monospace(12.0), true, Color32::WHITE);
            assert_eq!(text_of(&job), text);
        }
    }

    #[test]
    fn member_names_and_values_get_different_colours() {
        let job = json_job(
            "{\"k\": \"v\"}",
            FontId::monospace(12.0),
            true,
            Color32::WHITE,
        );
        let colors: Vec<Color32> = job.sections.iter().map(|s| s.format.color).collect();
        assert!(colors.contains(&theme::json_key(true)));
        assert!(colors.contains(&theme::json_string(true)));
    }

    #[test]
    fn token_job_colours_each_part_and_keeps_the_text() {
        let text = "  eyJhbGciOiJub25lIn0.e30.  ";
        let d = crate::core::parse::decode(text);
        let job = token_job(
            text,
            &d,
            text.len(),
            &[],
            FontId::monospace(12.0),
            false,
            Color32::BLACK,
        );
        assert_eq!(job.text, text);
        assert!(
            job.sections
                .iter()
                .any(|s| s.format.color == theme::header_color(false))
        );
        let stale = token_job(
            "abc",
            &d,
            text.len(),
            &[],
            FontId::monospace(12.0),
            false,
            Color32::BLACK,
        );
        assert_eq!(stale.sections.len(), 1);
    }

    #[test]
    fn token_job_marks_the_bad_character_of_a_malformed_token() {
        let text = "eyJhbGciOiJIUzI1NiJ9.ab@c.sig";
        let d = crate::core::parse::decode(text);
        let marks: Vec<_> = d.errors.iter().map(|e| e.span).collect();
        assert_eq!(&text[marks[0].start..marks[0].end], "@");
        let job = token_job(
            text,
            &d,
            text.len(),
            &marks,
            FontId::monospace(12.0),
            false,
            Color32::BLACK,
        );
        assert_eq!(job.text, text);
        let marked: Vec<&str> = job
            .sections
            .iter()
            .filter(|s| s.format.background != Color32::TRANSPARENT)
            .map(|s| &text[s.byte_range.start.0..s.byte_range.end.0])
            .collect();
        assert_eq!(marked, ["@"]);
    }
}
