//! The encoded token, coloured by part, with the bad span of a malformed token marked. Typing or
//! pasting here decodes at once. Under it exactly one line: the error, the draft note, what was
//! stripped around the token, or what to paste.

use crate::tr;
use egui::{RichText, TextEdit};

use super::Command;
use crate::core::Decoded;
use crate::ui::view::{Line, Tone, ViewModel};
use crate::ui::widgets::highlight;

pub fn ui(
    ui: &mut egui::Ui,
    token: &mut String,
    detached: &mut String,
    decoded: &Decoded,
    view: &ViewModel,
    commands: &mut Vec<Command>,
) {
    let label = ui.label(RichText::new(tr!("encoded-token")).strong());
    ui.label(RichText::new(tr!("encoded-token-help")).weak());
    // The text the analysis was made of; while an edit is being laid out, lengths differ.
    let analysed_len = token.len();
    let marks: Vec<_> = view.errors.iter().map(|e| e.span).collect();
    let dark = ui.visuals().dark_mode;
    let plain = ui.visuals().text_color();
    let mut layouter = |ui: &egui::Ui, text: &dyn egui::TextBuffer, wrap_width: f32| {
        let font = egui::TextStyle::Monospace.resolve(ui.style());
        let mut job = highlight::token_job(
            text.as_str(),
            decoded,
            analysed_len,
            &marks,
            font,
            dark,
            plain,
        );
        job.wrap.max_width = wrap_width;
        // Tokens have no spaces: break anywhere.
        job.wrap.break_anywhere = true;
        ui.fonts_mut(|f| f.layout_job(job))
    };
    egui::ScrollArea::vertical()
        .id_salt("token_scroll")
        .max_height(240.0)
        .show(ui, |ui| {
            let id = ui.make_persistent_id("token_editor");
            // A paste that is an arrival never reaches the field as an edit: the arrival path
            // shows it (so a 5 MB log is not laid out here first).
            if ui.memory(|m| m.has_focus(id))
                && let Some(text) = take_pasted_arrival(ui, id, token)
            {
                commands.push(Command::TokenPasted(text));
            }
            // The scroll bar floats over the content: leave it its strip, so the box's right
            // edge shows at every zoom.
            let scroll = &ui.spacing().scroll;
            let width = ui.available_width() - scroll.bar_width - scroll.bar_outer_margin;
            let response = ui
                .add(
                    TextEdit::multiline(token)
                        .id(id)
                        .code_editor()
                        .desired_width(width)
                        .desired_rows(10)
                        .hint_text(tr!("encoded-token-hint"))
                        .layouter(&mut layouter),
                )
                .labelled_by(label.id);
            if response.changed() {
                commands.push(Command::TokenEdited);
            }
        });
    let note = if let Some(e) = view.errors.first() {
        Line {
            text: format!("✖ {}", e.message),
            tone: Tone::Bad,
        }
    } else if let Some(d) = &view.draft_note {
        Line {
            text: d.clone(),
            tone: Tone::Warn,
        }
    } else if view.state == "empty" {
        Line {
            text: tr!("no-token-yet"),
            tone: Tone::Neutral,
        }
    } else if !decoded.stripped.is_empty() {
        Line {
            text: tr!("stripped-around", what = decoded.stripped.join(", ")),
            tone: Tone::Neutral,
        }
    } else {
        Line {
            text: String::new(),
            tone: Tone::Neutral,
        }
    };
    super::status::line_ui(ui, &note);
    // A JWS with detached content (header..signature, RFC 7515 Appendix F): the signature covers
    // a payload that travels elsewhere; it verifies once that payload is given here.
    let detached_shape = decoded.form == crate::core::Form::Jws
        && decoded.parts.get(1).is_some_and(|p| p.text.is_empty())
        && decoded.parts.get(2).is_some_and(|p| !p.text.is_empty());
    if detached_shape || !detached.is_empty() {
        let label = ui.label(RichText::new(tr!("detached-payload")).strong());
        ui.label(RichText::new(tr!("detached-payload-help")).weak());
        let response = ui
            .add(
                TextEdit::multiline(detached)
                    .id_salt("detached_payload_field")
                    .code_editor()
                    .desired_rows(2)
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id);
        if response.changed() {
            commands.push(Command::DetachedPayloadEdited);
        }
    }
}

/// Takes this frame's paste out of the input when it is an arrival: it holds a token (a token
/// alone, a `Bearer` line, a log), or it replaces the whole field (empty, or all selected), or
/// it is too long to look at here (the scan job decides). Any other paste stays an edit.
fn take_pasted_arrival(ui: &egui::Ui, id: egui::Id, field: &str) -> Option<String> {
    let pasted = ui.input(|i| {
        i.events.iter().rev().find_map(|e| match e {
            egui::Event::Paste(text) => Some(text.clone()),
            _ => None,
        })
    })?;
    let all_selected = || {
        egui::text_edit::TextEditState::load(ui.ctx(), id)
            .and_then(|s| s.cursor.char_range())
            .is_some_and(|r| {
                let (a, b) = (r.primary.index.0, r.secondary.index.0);
                a.min(b) == 0 && a.max(b) >= field.chars().count()
            })
    };
    let arrives = field.trim().is_empty()
        || all_selected()
        || pasted.len() > crate::ui::shared::SCAN_INLINE_BYTES
        || crate::core::parse::find_token(&pasted).is_some();
    if !arrives {
        return None;
    }
    ui.ctx()
        .input_mut(|i| i.events.retain(|e| !matches!(e, egui::Event::Paste(_))));
    Some(pasted)
}
