//! Every script, or a reason why not: finds characters on screen that no loaded font (egui's, or
//! one the system font provider found) can draw, and names the script and the package that
//! brings a font for it.

/// The Hangul the Korean interface uses (a renamed NanumGothic subset, see assets/fonts/), so
/// the app reads in Korean on machines without a Korean font.
pub const HANGUL_UI_FONT: &[u8] = include_bytes!("../../assets/fonts/hangul-ui-subset.ttf");

/// Adds the bundled interface fonts to `ctx`, after egui's own in every family.
pub fn install_ui_fonts(ctx: &egui::Context) {
    use egui::epaint::text::{FontInsert, FontPriority, InsertFontFamily};
    ctx.add_font(FontInsert::new(
        "hangul-ui",
        egui::FontData::from_static(HANGUL_UI_FONT),
        [egui::FontFamily::Proportional, egui::FontFamily::Monospace]
            .into_iter()
            .map(|family| InsertFontFamily {
                family,
                priority: FontPriority::Lowest,
            })
            .collect(),
    ));
}

/// Whether the system has fonts fontconfig will find. eframe's system font provider panics on
/// a machine without any (fontique's `font_sort(..).unwrap()` on `NoMatch`), and the window
/// then dies the first time a glyph is missing: it is installed only when this says yes, and
/// otherwise the missing-font hint names what to install.
pub fn system_fonts_usable() -> bool {
    // Only fontconfig (Linux and the BSDs) can come up with no fonts at all; macOS (Core Text)
    // and Windows (DirectWrite) always have theirs, and none of the folders below exist there.
    if cfg!(any(target_os = "macos", target_os = "windows")) {
        return true;
    }
    let config = std::env::var_os("FONTCONFIG_FILE").map(std::path::PathBuf::from);
    let config_text = config
        .as_ref()
        .map(|p| std::fs::read_to_string(p).unwrap_or_default());
    let home = std::env::var_os("HOME").map(std::path::PathBuf::from);
    fonts_usable_with(config_text.as_deref(), home.as_deref())
}

/// [`system_fonts_usable`] for a given fontconfig file's text (`None`: the system's) and home.
pub fn fonts_usable_with(config: Option<&str>, home: Option<&std::path::Path>) -> bool {
    let mut dirs: Vec<std::path::PathBuf> = Vec::new();
    match config {
        Some(text) => {
            // Only the folders that configuration names (an empty one names none).
            for part in text.split("<dir").skip(1) {
                let Some(start) = part.find('>') else {
                    continue;
                };
                let Some(end) = part.find("</dir>") else {
                    continue;
                };
                let dir = part[start + 1..end].trim();
                match dir.strip_prefix("~/") {
                    Some(rest) => dirs.extend(home.map(|h| h.join(rest))),
                    None => dirs.push(dir.into()),
                }
            }
            if text.contains("<include") && dirs.is_empty() {
                // It includes the system's configuration: the usual folders.
                dirs.extend(["/usr/share/fonts", "/usr/local/share/fonts"].map(Into::into));
            }
        }
        None => {
            dirs.extend(["/usr/share/fonts", "/usr/local/share/fonts"].map(Into::into));
            if let Some(h) = home {
                dirs.push(h.join(".local/share/fonts"));
                dirs.push(h.join(".fonts"));
            }
        }
    }
    dirs.iter().any(|d| has_font_file(d, 4))
}

fn has_font_file(dir: &std::path::Path, depth: usize) -> bool {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return false;
    };
    entries.flatten().any(|e| {
        let path = e.path();
        if path.is_dir() {
            depth > 0 && has_font_file(&path, depth - 1)
        } else {
            path.extension().and_then(|x| x.to_str()).is_some_and(|x| {
                matches!(
                    x.to_ascii_lowercase().as_str(),
                    "ttf" | "otf" | "ttc" | "otc" | "pfb" | "woff2"
                )
            })
        }
    })
}

/// The script of `c` and where a font for it comes from, for scripts egui's own fonts lack.
pub fn script_of(c: char) -> Option<(&'static str, &'static str)> {
    const CJK: &str = "Debian/Ubuntu: fonts-noto-cjk";
    const NOTO: &str = "Debian/Ubuntu: fonts-noto-core";
    Some(match c as u32 {
        0x1100..=0x11FF | 0x3130..=0x318F | 0xA960..=0xA97F | 0xAC00..=0xD7AF => (
            "Hangul (Korean)",
            "Debian/Ubuntu: fonts-noto-cjk or fonts-nanum",
        ),
        0x3040..=0x30FF | 0x31F0..=0x31FF => ("Japanese kana", CJK),
        0x2E80..=0x2FDF | 0x3000..=0x303F | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF => {
            ("Chinese characters (Han)", CJK)
        }
        0x0590..=0x05FF => ("Hebrew", NOTO),
        0x0600..=0x06FF | 0x0750..=0x077F | 0x08A0..=0x08FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => {
            ("Arabic", NOTO)
        }
        0x0900..=0x097F => ("Devanagari", NOTO),
        0x0980..=0x09FF => ("Bengali", NOTO),
        0x0E00..=0x0E7F => ("Thai", NOTO),
        0x10A0..=0x10FF => ("Georgian", NOTO),
        0x0530..=0x058F => ("Armenian", NOTO),
        0x1F000..=0x1FAFF | 0x2600..=0x27BF => ("emoji", "Debian/Ubuntu: fonts-noto-color-emoji"),
        _ => ("other symbols", "Debian/Ubuntu: fonts-noto-core"),
    })
    .filter(|_| !c.is_ascii() && !c.is_control())
}

/// Scripts in `texts` with characters no font can draw, each once, with the package to install.
/// Looks at the first 64 KiB of each text, and each distinct character once.
pub fn missing_scripts<'a>(
    ctx: &egui::Context,
    texts: impl IntoIterator<Item = &'a str>,
) -> Vec<(&'static str, &'static str)> {
    let mut seen = std::collections::HashSet::new();
    let mut missing = Vec::new();
    let font = egui::FontId::proportional(14.0);
    for text in texts {
        let end = text.floor_char_boundary(64 * 1024);
        for c in text[..end].chars() {
            if c.is_ascii() || c.is_control() || !seen.insert(c) {
                continue;
            }
            if ctx.fonts_mut(|f| f.has_glyph(&font, c)) {
                continue;
            }
            if let Some(script) = script_of(c)
                && !missing.contains(&script)
            {
                missing.push(script);
            }
        }
    }
    missing
}

/// One sentence for the status line, or `None` when everything can be drawn.
pub fn missing_note(missing: &[(&'static str, &'static str)]) -> Option<String> {
    if missing.is_empty() {
        return None;
    }
    let parts: Vec<String> = missing
        .iter()
        .map(|(script, package)| format!("{script} ({package})"))
        .collect();
    Some(crate::tr!(
        "notice-missing-fonts",
        scripts = parts.join(", ")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_font_configuration_has_no_usable_fonts() {
        let dir = tempfile::tempdir().unwrap();
        assert!(!fonts_usable_with(Some("<fontconfig></fontconfig>"), None));
        let named = format!(
            "<fontconfig><dir>{}</dir></fontconfig>",
            dir.path().display()
        );
        assert!(
            !fonts_usable_with(Some(&named), None),
            "a folder without fonts"
        );
        std::fs::write(dir.path().join("x.ttf"), b"").unwrap();
        assert!(fonts_usable_with(Some(&named), None));
    }

    #[test]
    fn the_bundled_font_draws_every_character_of_the_korean_catalogue() {
        let ctx = egui::Context::default();
        ctx.set_font_providers(Vec::new());
        install_ui_fonts(&ctx);
        let mut out = ctx.run_ui(egui::RawInput::default(), |_| {});
        out.textures_delta.clear();
        let catalogue = concat!(
            include_str!("../../assets/i18n/ko/main.ftl"),
            include_str!("../../assets/i18n/ko/core.ftl"),
            include_str!("../../assets/i18n/ko/claims.json")
        );
        let font = egui::FontId::proportional(14.0);
        let missing: String = catalogue
            .chars()
            .filter(|c| ('\u{1100}'..='\u{D7AF}').contains(c))
            .filter(|&c| !ctx.fonts_mut(|f| f.has_glyph(&font, c)))
            .collect();
        assert!(
            missing.is_empty(),
            "remake assets/fonts/hangul-ui-subset.ttf: {missing}"
        );
    }

    #[test]
    fn scripts_are_named_with_their_font_package() {
        assert_eq!(script_of('홍').unwrap().0, "Hangul (Korean)");
        assert!(script_of('홍').unwrap().1.contains("fonts-nanum"));
        assert_eq!(script_of('漢').unwrap().0, "Chinese characters (Han)");
        assert_eq!(script_of('ع').unwrap().0, "Arabic");
        assert_eq!(script_of('a'), None);
    }

    #[test]
    fn without_a_cjk_font_hangul_is_reported_once() {
        // egui's bundled fonts have no Hangul and no system font provider runs here.
        let ctx = egui::Context::default();
        ctx.set_font_providers(Vec::new());
        let mut out = ctx.run_ui(egui::RawInput::default(), |_| {});
        // No renderer here: the font texture is not uploaded anywhere.
        out.textures_delta.clear();
        let missing = missing_scripts(&ctx, ["홍길동", "김철수 abc"]);
        assert_eq!(missing.len(), 1, "{missing:?}");
        assert_eq!(missing[0].0, "Hangul (Korean)");
        let note = missing_note(&missing).unwrap();
        assert!(note.contains("fonts-noto-cjk or fonts-nanum"), "{note}");
        assert!(missing_scripts(&ctx, ["plain ascii"]).is_empty());
    }
}
