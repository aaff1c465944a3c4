//! What the UI tests share: drawing frames until the app's background work has come back.

use egui_kittest::Harness;
use jwt_debugger::ui::App;

/// Frames until the app is no longer busy ([`App::busy`]: jobs such as file reads, scans and
/// analyses, the found rows' facts, the token's analysis): a fixed number of frames first (typing
/// pauses start jobs only after them), then as long as the work takes, which on a loaded machine
/// (tests in parallel on two cores) is longer than any fixed count. Fails after 20 s.
pub fn settle(h: &mut Harness<'_, App>) {
    for _ in 0..40 {
        h.step();
        std::thread::sleep(std::time::Duration::from_millis(3));
    }
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while h.state().busy() && std::time::Instant::now() < deadline {
        h.step();
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let app = h.state();
    assert!(
        !app.busy(),
        "the app's work never came back: jobs working {}, rows for other keys {}, analysis pending {}",
        app.jobs_working(),
        app.model.found_request().is_some(),
        app.model.analysis_pending
    );
    let _ = h.try_run();
}
