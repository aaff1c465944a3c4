//! Colours and sizes in one place.

use egui::Color32;

/// Token part colours, as on jwt.io so the picture is familiar; each readable on both themes.
pub fn header_color(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(0xff, 0x5c, 0x8d)
    } else {
        Color32::from_rgb(0xd1, 0x00, 0x4a)
    }
}
pub fn payload_color(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(0xd7, 0x7a, 0xff)
    } else {
        Color32::from_rgb(0x9a, 0x1f, 0xc9)
    }
}
pub fn signature_color(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(0x3f, 0xc8, 0xff)
    } else {
        Color32::from_rgb(0x00, 0x7b, 0xa8)
    }
}

pub const GOOD: Color32 = Color32::from_rgb(0x2e, 0x9e, 0x4f);
pub const BAD: Color32 = Color32::from_rgb(0xd9, 0x3a, 0x3a);
pub const WARN: Color32 = Color32::from_rgb(0xd0, 0x8c, 0x00);
pub const NEUTRAL: Color32 = Color32::from_rgb(0x6b, 0x72, 0x80);

/// JSON highlighting.
pub fn json_key(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(0x9c, 0xdc, 0xfe)
    } else {
        Color32::from_rgb(0x04, 0x51, 0xa5)
    }
}
pub fn json_string(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(0xce, 0x91, 0x78)
    } else {
        Color32::from_rgb(0xa3, 0x15, 0x15)
    }
}
pub fn json_number(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(0xb5, 0xce, 0xa8)
    } else {
        Color32::from_rgb(0x09, 0x86, 0x58)
    }
}
pub fn json_literal(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(0x56, 0x9c, 0xd6)
    } else {
        Color32::from_rgb(0x00, 0x00, 0xff)
    }
}

/// Texts larger than this are shown without colouring, to keep typing responsive.
pub const MAX_HIGHLIGHT_BYTES: usize = 256 * 1024;

/// Default window size and the smallest one the layout supports (it stacks below 900 px).
pub const WINDOW_SIZE: [f32; 2] = [1280.0, 800.0];
pub const MIN_WINDOW_SIZE: [f32; 2] = [560.0, 420.0];

/// Neither column of the side-by-side layout gets narrower than this.
pub const MIN_COLUMN_WIDTH: f32 = 400.0;

/// The smallest text anywhere, in logical points (egui's default "small" is 9).
pub const MIN_TEXT_SIZE: f32 = 12.0;

/// Sets text sizes so that nothing is smaller than [`MIN_TEXT_SIZE`].
pub fn apply_text_sizes(ctx: &egui::Context) {
    ctx.all_styles_mut(|style| {
        for font in style.text_styles.values_mut() {
            font.size = font.size.max(MIN_TEXT_SIZE);
        }
    });
}

/// The colour of a tone.
pub fn tone_color(tone: crate::ui::view::Tone) -> Color32 {
    use crate::ui::view::Tone;
    match tone {
        Tone::Good => GOOD,
        Tone::Bad => BAD,
        Tone::Warn => WARN,
        Tone::Neutral => NEUTRAL,
    }
}
