//! A bare eframe window built exactly like the app (same features and profile), as the yardstick
//! for the start-up and memory benchmark (`benches/startup.sh`).

fn main() -> eframe::Result {
    let started = std::time::Instant::now();
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_inner_size([1280.0, 800.0])
            .with_title("bare"),
        ..Default::default()
    };
    let mut reported = false;
    eframe::run_ui_native("bare", options, move |ui, _frame| {
        if !reported {
            eprintln!(
                "first-frame-ms {:.1}",
                started.elapsed().as_secs_f64() * 1000.0
            );
            reported = true;
        }
        egui::CentralPanel::default().show(ui, |ui| {
            ui.label("Hello");
        });
    })
}
