//! Selective disclosure for the token being built (RFC 9901): a tick per claim, member and
//! array element makes it a disclosure, with decoy digests and the holder key bound as cnf.jwk.
//! The token field then holds the issuance: the signed JWT and every disclosure.

use egui::RichText;

use super::Command;
use crate::tr;
use crate::ui::model::KeyInputs;
use crate::ui::view::ViewModel;

pub fn ui(
    ui: &mut egui::Ui,
    view: &ViewModel,
    keys: &mut KeyInputs,
    decoys: usize,
    commands: &mut Vec<Command>,
) {
    let ticked = view.sd_ticks.iter().filter(|t| t.ticked).count();
    egui::CollapsingHeader::new(RichText::new(tr!("selective-title", count = ticked)).strong())
        .id_salt("selective_tool")
        .default_open(false)
        .show(ui, |ui| {
            ui.label(RichText::new(tr!("selective-help")).small().weak());
            if view.sd_ticks.is_empty() {
                ui.label(RichText::new(tr!("selective-nothing")).weak());
                return;
            }
            for tick in &view.sd_ticks {
                ui.horizontal(|ui| {
                    ui.add_space(16.0 * tick.depth as f32);
                    let mut on = tick.ticked;
                    if ui
                        .checkbox(&mut on, RichText::new(&tick.label).monospace())
                        .changed()
                    {
                        commands.push(Command::SetDisclosable(tick.pointer.clone(), on));
                    }
                });
            }
            ui.horizontal(|ui| {
                let label = ui.label(tr!("selective-decoys"));
                let mut n = decoys;
                if ui
                    .add(egui::DragValue::new(&mut n).range(0..=100))
                    .labelled_by(label.id)
                    .changed()
                {
                    commands.push(Command::SetSdDecoys(n));
                }
            });
            super::disclosures::holder_key_field(ui, keys, "holder_key_build", commands);
            super::status::line_ui(ui, &view.holder_key_note);
        });
}
