//! Every command, applied: the one `match` through which what the user did changes the app.

use std::time::Duration;

use super::{App, REBUILD_PAUSE_SECS, Source, TYPING_SETTLES_SECS};
use crate::tr;
use crate::ui::files::Purpose;
use crate::ui::shared::Command;

impl App {
    pub(super) fn apply_command(&mut self, command: Command, ctx: &egui::Context) {
        let m = &mut self.model;
        match command {
            Command::TokenEdited => {
                // Decoded and verified at once; what was typed arrives when typing pauses.
                m.token_edited();
                self.typing_settles = Some(ctx.input(|i| i.time) + TYPING_SETTLES_SECS);
                ctx.request_repaint_after(Duration::from_secs_f64(TYPING_SETTLES_SECS));
            }
            Command::TokenPasted(text) => {
                self.typing_settles = None;
                self.arrive(&text, Source::PastedIntoField);
            }
            Command::PartsEdited if m.defers_rebuild() => {
                m.parts_edited_later();
                let due = ctx.input(|i| i.time) + REBUILD_PAUSE_SECS;
                self.rebuild_due = Some(due);
                ctx.request_repaint_after(Duration::from_secs_f64(REBUILD_PAUSE_SECS));
            }
            Command::PartsEdited => m.parts_edited(),
            Command::KeyEdited => m.key_edited(),
            Command::SetSecretEncoding(enc) => {
                m.state.secret_encoding = enc;
                m.key_edited();
            }
            Command::SetRememberKey(on) => {
                m.state.remember_key = on;
                self.sync_key_store();
                if on && self.model.state.remember_key {
                    self.say(tr!("notice-remembered"), false);
                }
            }
            Command::ForgetEverything => self.confirm_forget = true,
            Command::ConfirmForget(true) => {
                self.confirm_forget = false;
                self.forget_everything();
            }
            Command::ConfirmForget(false) => self.confirm_forget = false,
            Command::SetLanguage(lang) => {
                crate::i18n::set(lang);
                m.state.lang = Some(lang);
                m.relocalize();
                self.say(tr!("notice-language", language = lang.native_name()), false);
            }
            Command::SetAllowUnsecured(on) => {
                m.allow_unsecured = on;
                m.parts_edited();
            }
            Command::SetAllowEmbeddedKey(on) => {
                m.allow_embedded_private_key = on;
                m.parts_edited();
            }
            Command::SetEvaluateLive(live) => {
                m.state.evaluate_at =
                    (!live).then(|| crate::core::time::rfc3339(m.evaluation_instant()));
                m.settings_edited();
            }
            Command::PickAlg(alg) => m.pick_alg(alg),
            Command::Copy(what) => self.copy(what),
            Command::OpenToken => self.open_dialog(Purpose::OpenToken, ctx),
            Command::SaveToken => self.open_dialog(Purpose::SaveToken, ctx),
            Command::OpenKey(slot) => self.open_dialog(Purpose::OpenKey(slot), ctx),
            Command::OpenPath => self.open_typed_path(),
            Command::ClosePathPrompt => self.path_prompt = None,
            Command::LoadExample => {
                let now = m.now();
                m.load_example(now);
                self.say(tr!("notice-example"), false);
            }
            Command::SetDarkMode(mode) => m.state.dark_mode = mode,
            Command::ExpIn(secs) => {
                let r = m.set_exp_in(secs);
                self.report(r, &tr!("notice-exp-set"));
            }
            Command::SetTime(name, text) => {
                let r = crate::core::time::parse_instant(&text)
                    .map_err(|e| format!("{name}: {e}"))
                    .and_then(|t| m.set_time_claim(&name, t));
                self.report(r, &tr!("notice-claim-set", name = &name));
            }
            Command::SetTimeNow(name) => {
                let now = m.now();
                let r = m.set_time_claim(&name, now);
                self.report(r, &tr!("notice-claim-now", name = &name));
            }
            Command::FixTime(name) => {
                let r = m.fix_time_claim(&name);
                self.report(r, &tr!("notice-claim-fixed", name = &name));
            }
            Command::RandomJti => {
                let r = m.random_jti();
                self.report(r, &tr!("notice-new-jti"));
            }
            Command::Reissue => {
                let r = m.reissue_now();
                self.report(r, &tr!("notice-reissued"));
            }
            Command::Template(t) => {
                m.apply_template(t);
                self.say(tr!("notice-template", template = t.label()), false);
            }
            Command::SettingsEdited => m.settings_edited(),
            Command::GuessStart(false) => self.start_guess(None),
            Command::GuessStart(true) => self.open_dialog(Purpose::OpenWordlist, ctx),
            Command::GuessCancel => self.jobs.cancel_guess(),
            Command::UseGuessedSecret => {
                if let Some(secret) = self.guessed_secret.take() {
                    m.state.secret_encoding = crate::core::keys::SecretEncoding::Utf8;
                    m.keys.secret = secret.to_string();
                    m.key_edited();
                    self.guess = None;
                    self.say(tr!("notice-guessed"), false);
                }
            }
            Command::GenerateKey(bits) => match m.alg() {
                None => self.say(tr!("notice-choose-alg"), true),
                Some(alg) => {
                    if let Err(e) = self.jobs.generate_key(alg, bits, ctx) {
                        self.say(e, true);
                    }
                }
            },
            Command::Export(what) => self.export(what),
            Command::SaveKey(what) => self.open_dialog(Purpose::SaveKey(what), ctx),
            Command::UseThumbprintAsKid => {
                let r = m.use_thumbprint_as_kid();
                self.report(r, &tr!("notice-kid-thumbprint"));
            }
            Command::FetchKeys(url) => self.fetch_keys(url, ctx),
            Command::LoadDictionary => self.open_dialog(Purpose::OpenDictionary, ctx),
            Command::ClearDictionary => {
                let r = m.set_user_dictionary(None);
                self.report(r, &tr!("notice-dictionary-removed"));
            }
            Command::OpenInner => {
                if m.open_inner() {
                    self.say(tr!("notice-opened-inner"), false);
                }
            }
            Command::BackToOuter => {
                if m.back_to_outer() {
                    self.say(tr!("notice-back-to-outer"), false);
                }
            }
            Command::Encrypt(request) => {
                self.flush_rebuild();
                let token = self.model.token().to_owned();
                let key = self.model.keys.recipient_key.clone();
                if let Err(e) = self.jobs.encrypt(token, key, request, ctx) {
                    self.say(e, true);
                }
            }
            Command::CopyEncrypted => {
                if let Some(Ok(token)) = &self.encrypt.result {
                    let copied = self.clipboard.set_text(token, true);
                    self.report(copied, &tr!("notice-encrypted-copied"));
                }
            }
            Command::ScanFile => self.open_dialog(Purpose::ScanFile, ctx),
            Command::OpenFound(i) => {
                if let Some(token) = m.found_token(i) {
                    self.arrive(&token, Source::FoundRow);
                }
            }
            Command::CloseFound => m.found = None,
            Command::NewTab => self.new_tab(),
            Command::CloseTab(i) => self.close_tab(i),
            Command::SwitchTab(i) => self.switch_tab(i),
            Command::NextTab => {
                self.ensure_tabs();
                let len = self.model.state.tabs.len();
                let next = (self.model.state.active_tab + 1) % len;
                self.switch_tab(next);
            }
            Command::RenameTab(i, name) => {
                if let Some(tab) = m.state.tabs.get_mut(i) {
                    tab.name = name.trim().to_owned();
                }
            }
            Command::MoveTab(i, delta) => self.move_tab(i, delta),
            Command::OpenHistory(i) => {
                if let Some(entry) = m.state.history.get(i).cloned() {
                    self.arrive(&entry.token, Source::History);
                }
            }
            Command::ClearHistory => {
                m.state.history.clear();
                self.say(tr!("notice-history-cleared"), false);
            }
            Command::SetHistoryOff(off) => {
                m.state.history_off = off;
                if off {
                    m.state.history.clear();
                }
            }
            Command::CompareWithTab(i) => {
                if let Some(tab) = m.state.tabs.get(i) {
                    m.compare_text = tab.token.clone();
                    m.refresh();
                }
            }
            Command::CompareEdited => m.refresh(),
            Command::PickJweAlg(alg) => {
                self.encrypt.alg = alg;
                self.encrypt.open = true;
                self.say(tr!("notice-pick-jwe", alg = alg.name()), false);
            }
            Command::SetDisclosable(pointer, on) => m.set_disclosable(&pointer, on),
            Command::SetSdDecoys(n) => m.set_sd_decoys(n),
            Command::SdSettingsEdited => m.refresh(),
            Command::Present(request) => {
                self.flush_rebuild();
                let made = self.model.present(&request);
                match &made {
                    Ok(_) => self.say(
                        tr!("notice-presented", count = request.disclosures.len()),
                        false,
                    ),
                    Err(e) => self.say(e.clone(), true),
                }
                self.present.result = Some(made);
            }
            Command::CopyPresentation => {
                if let Some(Ok(text)) = &self.present.result {
                    let copied = self.clipboard.set_text(text, true);
                    self.report(copied, &tr!("notice-presentation-copied"));
                }
            }
            Command::OpenPresentation => {
                if let Some(Ok(text)) = self.present.result.clone() {
                    self.arrive(&text, Source::Presented);
                }
            }
            Command::SetProfile(profile) => {
                m.profile_inputs.profile = profile;
                m.profile_edited();
            }
            Command::ProfileEdited => m.profile_edited(),
            Command::DetachedPayloadEdited => m.refresh(),
            Command::UseStoredKey(name) => self.use_stored_key(&name),
            Command::SaveKeyToStore(name) => self.save_key_to_store(&name),
            Command::DeleteStoredKey(name, false) => self.named_keys.confirm_delete = Some(name),
            Command::DeleteStoredKey(name, true) => self.delete_stored_key(&name),
            Command::RenameStoredKey(old, new) => self.rename_stored_key(&old, &new),
            Command::ExportStoredKey(name, whole) => self.export_stored_key(&name, whole),
            Command::AddKeyFileToStore => self.open_dialog(Purpose::StoreKeyFile, ctx),
            Command::GenerateIntoStore(name) => match m.alg() {
                None => self.say(tr!("notice-choose-alg"), true),
                Some(alg) => match self.jobs.generate_key(alg, 2048, ctx) {
                    Ok(()) => self.generate_into_store = Some(name),
                    Err(e) => self.say(e, true),
                },
            },
            Command::MakeAttacks(request) => {
                self.flush_rebuild();
                let made = self.model.attack_tokens(&request);
                match &made {
                    Ok(list) => self.say(tr!("notice-attacks-made", count = list.len()), false),
                    Err(e) => self.say(e.clone(), true),
                }
                self.attacks.result = Some(made);
            }
            Command::CopyAttack(i) => {
                if let Some(Ok(list)) = &self.attacks.result
                    && let Some(t) = list.get(i)
                {
                    let copied = self.clipboard.set_text(&t.token, true);
                    self.report(copied, &tr!("notice-attack-copied", id = t.id));
                }
            }
            Command::CopyAttacks(jsonl) => {
                if let Some(Ok(list)) = &self.attacks.result {
                    let text: Vec<String> = list
                        .iter()
                        .map(|t| {
                            if jsonl {
                                serde_json::to_string(t).unwrap_or_default()
                            } else {
                                t.token.clone()
                            }
                        })
                        .collect();
                    let copied = self.clipboard.set_text(&(text.join("\n") + "\n"), true);
                    self.report(copied, &tr!("notice-attacks-copied", count = list.len()));
                }
            }
            Command::OpenAttack(i) => {
                let token = match &self.attacks.result {
                    Some(Ok(list)) => list.get(i).map(|t| t.token.clone()),
                    _ => None,
                };
                if let Some(token) = token {
                    self.new_tab();
                    self.arrive(&token, Source::Attack);
                }
            }
            Command::ProfileTokenFromTab(i) => {
                if let Some(tab) = m.state.tabs.get(i) {
                    m.profile_inputs.access_token = tab.token.trim().to_owned();
                    m.profile_edited();
                    self.say(tr!("notice-kind-from-tab", n = i + 1), false);
                }
            }
            Command::OpenEncrypted => {
                if let Some(Ok(token)) = self.encrypt.result.clone() {
                    self.arrive(&token, Source::Encrypted);
                }
            }
        }
    }
}
