//! One description of where every section goes, for both arrangements: two columns side by side
//! on a wide window, one scrolling column on a narrow one (or when zoomed in). Both are drawn from
//! the tables below, and a test checks that each holds every section exactly once, so a section
//! cannot exist in one arrangement and not the other.

/// A part of the window, drawn by one function of the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// The tokens found in pasted text or a scanned file.
    Found,
    /// The encoded token and its one-line note.
    Token,
    /// The verdict badges and their reason.
    Status,
    /// Header and payload editors.
    Editors,
    /// A nested token's inner token.
    Inner,
    /// Templates and time helpers.
    Helpers,
    /// Algorithm, secret and keys.
    Key,
    /// Generate, export, fetch keys.
    KeyTools,
    /// Wrap the token in a JWE.
    Encrypt,
    /// Guess the secret of an HS* token.
    Guess,
    Findings,
    /// Leeway, expectations and the checks.
    Validation,
    /// The timeline and the annotated claims.
    Claims,
    /// An SD-JWT's disclosures, key binding and "Present…".
    Disclosures,
    /// Selective disclosure for the token being built.
    Selective,
    /// The token's kind and its rules.
    Profile,
    /// The known attacks as tokens, for an authorised test.
    Attacks,
    /// Compare with another token.
    Compare,
    History,
}

impl Section {
    pub const ALL: [Section; 19] = [
        Self::Found,
        Self::Token,
        Self::Status,
        Self::Editors,
        Self::Inner,
        Self::Helpers,
        Self::Key,
        Self::KeyTools,
        Self::Encrypt,
        Self::Guess,
        Self::Findings,
        Self::Validation,
        Self::Claims,
        Self::Disclosures,
        Self::Selective,
        Self::Profile,
        Self::Attacks,
        Self::Compare,
        Self::History,
    ];
}

/// Wide windows: the token and what is about it on the left.
pub const WIDE_LEFT: &[Section] = &[
    Section::Found,
    Section::Token,
    Section::Disclosures,
    Section::Claims,
    Section::Compare,
    Section::History,
];

/// Wide windows: the verdict, the editors and the tools on the right. Nothing above the editors
/// changes height with the analysis, so they never move while the user types.
pub const WIDE_RIGHT: &[Section] = &[
    Section::Status,
    Section::Editors,
    Section::Inner,
    Section::Helpers,
    Section::Selective,
    Section::Key,
    Section::KeyTools,
    Section::Encrypt,
    Section::Guess,
    Section::Attacks,
    Section::Findings,
    Section::Profile,
    Section::Validation,
];

/// Narrow windows: one column; the verdict and the editors right under the token, the claims
/// (whose height follows the token) and the tools about other tokens last.
pub const NARROW: &[Section] = &[
    Section::Found,
    Section::Token,
    Section::Status,
    Section::Editors,
    Section::Inner,
    Section::Helpers,
    Section::Selective,
    Section::Key,
    Section::KeyTools,
    Section::Encrypt,
    Section::Guess,
    Section::Attacks,
    Section::Findings,
    Section::Profile,
    Section::Validation,
    Section::Disclosures,
    Section::Claims,
    Section::Compare,
    Section::History,
];

/// Windows narrower than this (in points, after zoom) show one column.
pub const STACK_BELOW_WIDTH: f32 = 900.0;

/// Which sections a separator follows: between groups, in either arrangement.
pub fn separator_before(section: Section) -> bool {
    matches!(
        section,
        Section::Editors | Section::Key | Section::Findings | Section::Claims | Section::Compare
    )
}

use super::App;
use crate::tr;
use crate::ui::panels;
use crate::ui::shared::Command;

impl App {
    /// Draws the sections of one arrangement, in order, with the separators between groups.
    pub(super) fn sections_ui(
        &mut self,
        ui: &mut egui::Ui,
        sections: &[Section],
        commands: &mut Vec<Command>,
    ) {
        for (i, section) in sections.iter().enumerate() {
            if i > 0 && separator_before(*section) {
                ui.separator();
            }
            self.section_ui(ui, *section, commands);
        }
    }

    /// Draws one section.
    fn section_ui(&mut self, ui: &mut egui::Ui, section: Section, commands: &mut Vec<Command>) {
        match section {
            Section::Found => {
                if let Some(found) = &self.model.found {
                    panels::tokens::ui(
                        ui,
                        found,
                        self.model.token(),
                        self.model.evaluation_instant(),
                        &mut self.tokens,
                        commands,
                    );
                    ui.separator();
                }
            }
            Section::Token => panels::encoded::ui(
                ui,
                &mut self.model.state.token,
                &mut self.model.detached_payload,
                &self.model.analysis.decoded,
                &self.view,
                commands,
            ),
            Section::Status => panels::status::ui(ui, &self.view),
            Section::Editors => {
                let payload_is_token = self.model.payload_is_token();
                panels::json_editors::ui(
                    ui,
                    &mut self.model.state.header,
                    &mut self.model.state.payload,
                    &self.model.errors,
                    payload_is_token,
                    commands,
                );
            }
            Section::Inner => panels::inner::ui(ui, &self.view, &mut self.model.keys, commands),
            Section::Helpers => panels::helpers::ui(ui, &mut self.helpers, commands),
            Section::Key => {
                let key_view = panels::key::KeyView::of(&self.model, &self.view);
                panels::key::ui(
                    ui,
                    &key_view,
                    &mut self.model.keys,
                    &mut self.key_pane,
                    &mut self.key_tools,
                    self.jobs.busy.as_deref(),
                    commands,
                );
            }
            Section::KeyTools => {
                panels::keytools::ui(
                    ui,
                    &self.model,
                    self.jobs.busy.as_deref(),
                    &mut self.key_tools,
                    commands,
                );
                let offered = self.stored_key_suggestions();
                panels::keystore::ui(ui, &mut self.named_keys, &offered, commands);
            }
            Section::Encrypt => {
                panels::encrypt::ui(
                    ui,
                    &mut self.encrypt,
                    &mut self.model.keys,
                    self.jobs.busy.as_deref(),
                    commands,
                );
                if self.model.header_embeds_private_key() {
                    let mut allow = self.model.allow_embedded_private_key;
                    if ui
                        .checkbox(&mut allow, tr!("sign-embedded-anyway"))
                        .changed()
                    {
                        commands.push(Command::SetAllowEmbeddedKey(allow));
                    }
                }
            }
            Section::Guess => {
                let hmac = self
                    .model
                    .alg()
                    .is_some_and(|a| a.min_secret_len().is_some());
                if hmac
                    && self.model.analysis.signature.status
                        != crate::core::SignatureStatus::Verified
                    && matches!(
                        self.model.token_state,
                        crate::ui::model::TokenState::Decoded | crate::ui::model::TokenState::Built
                    )
                {
                    panels::guess::ui(ui, self.guess.as_ref(), commands);
                }
            }
            Section::Findings => panels::findings::ui(ui, &self.view.finding_details),
            Section::Validation => panels::validation::ui(
                ui,
                &mut self.model.state,
                &self.model.analysis.validity.checks,
                self.model.settings_error.as_deref(),
                commands,
            ),
            Section::Claims => {
                // A nested token's claims are the inner token's: show those.
                let outer = &self.model.analysis;
                let (shown, encryption_header) = match outer.inner.as_deref() {
                    Some(inner) if outer.claims.is_empty() => {
                        (inner, outer.header_claims.as_slice())
                    }
                    _ => (outer, &[][..]),
                };
                panels::claims::ui(
                    ui,
                    shown,
                    encryption_header,
                    self.model.evaluation_instant(),
                    &self.zone,
                    &mut self.claims_pane,
                    commands,
                );
            }
            Section::Disclosures => {
                if self.view.sd.is_some() {
                    panels::disclosures::ui(
                        ui,
                        &self.view,
                        &mut self.model.state,
                        &mut self.model.keys,
                        &mut self.present,
                        commands,
                    );
                    ui.separator();
                }
            }
            Section::Attacks => panels::attacks::ui(ui, &mut self.attacks, commands),
            Section::Profile => panels::profile::ui(
                ui,
                &self.view,
                &mut self.model.profile_inputs,
                &self.model.state.tabs,
                self.model.state.active_tab,
                commands,
            ),
            Section::Selective => panels::selective::ui(
                ui,
                &self.view,
                &mut self.model.keys,
                self.model.sd_build.decoys,
                commands,
            ),
            Section::Compare => panels::compare::ui(
                ui,
                &mut self.model.compare_text,
                self.model.comparison.as_ref(),
                &self.model.state.tabs,
                self.model.state.active_tab,
                commands,
            ),
            Section::History => panels::history::ui(
                ui,
                &self.model.state.history,
                self.model.state.history_off,
                &self.zone,
                &mut self.history,
                commands,
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_arrangements_hold_every_section_once() {
        let wide: Vec<Section> = WIDE_LEFT.iter().chain(WIDE_RIGHT).copied().collect();
        for (name, arrangement) in [("wide", wide.as_slice()), ("narrow", NARROW)] {
            for section in Section::ALL {
                let n = arrangement.iter().filter(|s| **s == section).count();
                assert_eq!(
                    n, 1,
                    "{section:?} appears {n} times in the {name} arrangement"
                );
            }
            assert_eq!(arrangement.len(), Section::ALL.len(), "{name}");
        }
    }
}
