//! The desktop app (feature `gui`): eframe/egui on top of the core.

pub mod actions;
pub mod app;
pub mod clipboard;
pub mod files;
pub mod fonts;
pub mod jobs;
pub mod model;
pub mod panels;
pub mod secrets;
pub mod shared;
pub mod state;
pub mod theme;
pub mod view;
pub mod widgets;

use std::process::ExitCode;

pub use app::App;

/// The app's icon (256 px), shown by the window in the task bar and title where a window manager
/// draws one.
pub fn app_icon() -> egui::IconData {
    eframe::icon_data::from_png_bytes(include_bytes!("../../assets/icons/jwt-debugger-256.png"))
        .unwrap_or_default()
}

/// The window as the app opens it: title, app id (matching the desktop entry), icon, sizes.
pub fn viewport() -> egui::ViewportBuilder {
    egui::ViewportBuilder::default()
        .with_title("JWT Debugger")
        .with_app_id("jwt-debugger")
        .with_icon(std::sync::Arc::new(app_icon()))
        .with_inner_size(theme::WINDOW_SIZE)
        .with_min_inner_size(theme::MIN_WINDOW_SIZE)
        .with_drag_and_drop(true)
}

/// Opens the window; returns when it closes. Without a display it explains and exits 1.
pub fn run(token: Option<String>, lang: Option<crate::i18n::Lang>) -> ExitCode {
    let started = std::time::Instant::now();
    #[cfg(all(unix, not(target_os = "macos")))]
    if std::env::var_os("DISPLAY").is_none() && std::env::var_os("WAYLAND_DISPLAY").is_none() {
        eprintln!(
            "error: cannot open the window: there is no display (neither DISPLAY nor WAYLAND_DISPLAY is set).\n\
             On a terminal use the command line instead, e.g. `jwt-debugger decode TOKEN` (see --help)."
        );
        return ExitCode::from(1);
    }
    secrets::protect_settings_file("jwt-debugger");
    let options = eframe::NativeOptions {
        viewport: viewport(),
        // Without any system font the provider would panic at the first missing glyph: then
        // the bundled fonts only, and the hint names the package to install.
        system_font_fallback: fonts::system_fonts_usable(),
        ..Default::default()
    };
    let probe = std::env::var_os("JWT_DEBUGGER_STARTUP_PROBE").is_some();
    let create = move |cc: &eframe::CreationContext<'_>| -> Result<Box<dyn eframe::App>, _> {
        let mut app = App::new(cc, token, lang);
        if probe {
            app.report_first_frame(started);
        }
        Ok(Box::new(app))
    };
    match eframe::run_native("jwt-debugger", options, Box::new(create)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!(
                "error: cannot open the window: {e}\nOn a terminal use `jwt-debugger decode TOKEN` instead (see --help)."
            );
            ExitCode::from(1)
        }
    }
}
