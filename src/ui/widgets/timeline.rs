//! A small timeline: iat, nbf, now and exp on one axis, with the spans where the token is not
//! valid shaded.

use crate::tr;
use egui::{Align2, FontId, Pos2, Rect, Sense, Stroke, vec2};

use crate::core::validity::Validity;
use crate::ui::theme;

pub fn ui(ui: &mut egui::Ui, v: &Validity, now: i64) {
    let mut points: Vec<(&str, i64)> = Vec::new();
    if let Some(t) = v.iat {
        points.push(("iat", t));
    }
    if let Some(t) = v.nbf {
        points.push(("nbf", t));
    }
    if let Some(t) = v.exp {
        points.push(("exp", t));
    }
    if points.is_empty() {
        return;
    }
    points.push(("now", now));
    let min = points.iter().map(|p| p.1).min().unwrap_or(now);
    let max = points.iter().map(|p| p.1).max().unwrap_or(now);
    let span = (max - min).max(1) as f64;
    let pad = span * 0.08;
    let (lo, hi) = (min as f64 - pad, max as f64 + pad);

    let (rect, response) =
        ui.allocate_exact_size(vec2(ui.available_width().min(900.0), 58.0), Sense::hover());
    let painter = ui.painter_at(rect);
    let axis_y = rect.top() + 34.0;
    let x_of = |t: i64| rect.left() + ((t as f64 - lo) / (hi - lo)) as f32 * rect.width();
    let bad = theme::BAD.gamma_multiply(0.25);
    if let Some(exp) = v.exp {
        let x = x_of(exp).clamp(rect.left(), rect.right());
        painter.rect_filled(
            Rect::from_min_max(
                Pos2::new(x, axis_y - 8.0),
                Pos2::new(rect.right(), axis_y + 8.0),
            ),
            0.0,
            bad,
        );
    }
    if let Some(nbf) = v.nbf {
        let x = x_of(nbf).clamp(rect.left(), rect.right());
        painter.rect_filled(
            Rect::from_min_max(
                Pos2::new(rect.left(), axis_y - 8.0),
                Pos2::new(x, axis_y + 8.0),
            ),
            0.0,
            bad,
        );
    }
    let text = ui.visuals().text_color();
    painter.line_segment(
        [
            Pos2::new(rect.left(), axis_y),
            Pos2::new(rect.right(), axis_y),
        ],
        Stroke::new(1.5, text.gamma_multiply(0.6)),
    );
    for (i, (label, t)) in points.iter().enumerate() {
        let x = x_of(*t);
        let color = if *label == "now" {
            theme::signature_color(ui.visuals().dark_mode)
        } else {
            text
        };
        painter.line_segment(
            [Pos2::new(x, axis_y - 9.0), Pos2::new(x, axis_y + 9.0)],
            Stroke::new(2.0, color),
        );
        // "now" sits under the axis; the claims alternate above it, so close points stay readable.
        let y = if *label == "now" {
            axis_y + 10.0
        } else if i % 2 == 0 {
            rect.top() + 1.0
        } else {
            rect.top() + 12.0
        };
        let shown = if *label == "now" {
            tr!("timeline-now")
        } else {
            (*label).to_owned()
        };
        painter.text(
            Pos2::new(x, y),
            Align2::CENTER_TOP,
            shown,
            FontId::proportional(crate::ui::theme::MIN_TEXT_SIZE),
            color,
        );
    }
    let summary = points
        .iter()
        .map(|(l, t)| format!("{l} {}", crate::core::time::rfc3339(*t)))
        .collect::<Vec<_>>()
        .join(", ");
    response.on_hover_text(tr!("timeline-tip", summary = summary));
}
