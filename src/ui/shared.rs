//! The vocabulary the app, the model and the panels share: the commands panels return, and the
//! small types they pass along (which key field, what to copy or export, what to encrypt, a
//! notice, the typed-path prompt). It lives below all of them, so none imports another for it.

use crate::core::Alg;
use crate::core::jwe::{Enc, KeyAlg};
use crate::core::keys::SecretEncoding;
use crate::tr;

/// Which key text a file goes into.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeySlot {
    Secret,
    Public,
    Private,
}

/// What the user asked for; the app applies these once per frame.
#[must_use]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// The token editor changed (typing).
    TokenEdited,
    /// Text holding a token was pasted into the token field: it arrives as a paste does.
    TokenPasted(String),
    /// Header or payload editor changed.
    PartsEdited,
    /// Secret or key text changed.
    KeyEdited,
    SetSecretEncoding(SecretEncoding),
    SetRememberKey(bool),
    /// Clear settings, tokens, keys in memory and remembered keys: asks first.
    ForgetEverything,
    /// The answer to "Forget everything?": yes or no.
    ConfirmForget(bool),
    /// Show the app in this language (kept across restarts).
    SetLanguage(crate::i18n::Lang),
    PickAlg(Alg),
    Copy(CopyWhat),
    /// Open a token file.
    OpenToken,
    SaveToken,
    OpenKey(KeySlot),
    /// Read the file typed into the path field (when no dialog can appear).
    OpenPath,
    ClosePathPrompt,
    LoadExample,
    SetDarkMode(Option<bool>),
    /// The "make an unsecured token" box changed.
    SetAllowUnsecured(bool),
    /// exp = now + seconds.
    ExpIn(i64),
    /// Set a time claim to an instant as typed (RFC 3339 or Unix seconds).
    SetTime(String, String),
    /// Set a time claim to now.
    SetTimeNow(String),
    /// Replace a millisecond/string/fractional time by its NumericDate.
    FixTime(String),
    RandomJti,
    /// iat = now, exp and nbf moved by the same amount.
    Reissue,
    Template(crate::core::templates::Template),
    /// Leeway, evaluation instant or expectations changed.
    SettingsEdited,
    LoadDictionary,
    ClearDictionary,
    /// Start guessing; `true` asks for a wordlist file first.
    GuessStart(bool),
    GuessCancel,
    UseGuessedSecret,
    /// The "sign even though the header embeds a private key" box changed.
    SetAllowEmbeddedKey(bool),
    /// Evaluate times live (`true`) or at a fixed instant.
    SetEvaluateLive(bool),
    /// Generate a key for the current algorithm (RSA size given).
    GenerateKey(usize),
    Export(ExportWhat),
    /// Save the key in this form to a file.
    SaveKey(ExportWhat),
    UseThumbprintAsKid,
    /// Fetch keys: from the token's issuer (`None`) or from a JWKS URL.
    FetchKeys(Option<String>),
    /// Open a nested token's inner token on its own.
    OpenInner,
    /// Back from an opened inner token to the encrypted token.
    BackToOuter,
    /// Encrypt the current token for the recipient's key.
    Encrypt(EncryptRequest),
    CopyEncrypted,
    /// Put the encrypted token into the token field.
    OpenEncrypted,
    /// Choose a log or HAR file and list every token in it.
    ScanFile,
    /// Open the n-th token found.
    OpenFound(usize),
    /// Close the list of tokens found.
    CloseFound,
    NewTab,
    CloseTab(usize),
    SwitchTab(usize),
    /// The next tab (Ctrl+Tab), wrapping around.
    NextTab,
    RenameTab(usize, String),
    /// Move a tab left (-1) or right (+1).
    MoveTab(usize, isize),
    OpenHistory(usize),
    ClearHistory,
    SetHistoryOff(bool),
    /// Compare the token on screen with another tab's token.
    CompareWithTab(usize),
    /// The other token of the comparison was edited.
    CompareEdited,
    /// An encryption algorithm was picked: open the Encrypt tool with it.
    PickJweAlg(crate::core::jwe::KeyAlg),
    /// Make a claim of the token being built selectively disclosable (or not).
    SetDisclosable(String, bool),
    SetSdDecoys(usize),
    /// The expected key-binding audience or nonce, or the holder key, changed.
    SdSettingsEdited,
    /// Make a presentation of the SD-JWT on screen.
    Present(PresentRequest),
    CopyPresentation,
    /// Put the presentation into the token field.
    OpenPresentation,
    /// Check the token as this kind (`None`: detect it).
    SetProfile(Option<crate::core::profile::ProfileName>),
    /// A field of the token's kind changed (method, URL, access token, nonce, code).
    ProfileEdited,
    /// Take the access token a DPoP proof or ID token is checked against from this tab.
    ProfileTokenFromTab(usize),
    /// The content of a token with a detached payload was edited.
    DetachedPayloadEdited,
    /// Make the attack tokens from the token on screen (the tester ticked "authorised").
    MakeAttacks(AttackRequest),
    /// Copy the n-th attack token.
    CopyAttack(usize),
    /// Open the n-th attack token in a new tab.
    OpenAttack(usize),
    /// Copy every attack token: as JSON Lines (`true`) or one token per line.
    CopyAttacks(bool),
    /// Fill the key fields with a stored key.
    UseStoredKey(String),
    /// Save the key in the fields under this name.
    SaveKeyToStore(String),
    /// Delete a stored key: `false` asks first, `true` is the answer yes.
    DeleteStoredKey(String, bool),
    /// Rename a stored key.
    RenameStoredKey(String, String),
    /// Copy a stored key: its public part, or (`true`, asked for) the whole key.
    ExportStoredKey(String, bool),
    /// Choose a key file and add it to the store.
    AddKeyFileToStore,
    /// Generate a key for the current algorithm and store it under this name.
    GenerateIntoStore(String),
}

/// What "Make attack tokens" sends: the claims to change (NAME=VALUE lines) and the URLs the
/// tester controls.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttackRequest {
    pub set: String,
    pub jku: String,
    pub x5u: String,
}

/// What an export button copies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportWhat {
    PublicPem,
    PublicJwk,
    Jwks,
    PrivatePem,
    PrivateJwk,
}

impl ExportWhat {
    pub const ALL: [ExportWhat; 5] = [
        Self::PublicPem,
        Self::PublicJwk,
        Self::Jwks,
        Self::PrivatePem,
        Self::PrivateJwk,
    ];
    pub fn label(self) -> String {
        match self {
            Self::PublicPem => tr!("export-public-pem"),
            Self::PublicJwk => tr!("export-public-jwk"),
            Self::Jwks => tr!("export-jwks"),
            Self::PrivatePem => tr!("export-private-pem"),
            Self::PrivateJwk => tr!("export-private-jwk"),
        }
    }
    pub fn is_private(self) -> bool {
        matches!(self, Self::PrivatePem | Self::PrivateJwk)
    }
}

/// The request the Encrypt button sends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EncryptRequest {
    pub alg: KeyAlg,
    pub enc: Enc,
    pub nested: bool,
    pub zip: bool,
}

/// What "Present" sends: the disclosures chosen (as in the token), and for a key-binding JWT
/// the holder's private key text, the verifier's audience and its nonce.
#[derive(Clone, PartialEq, Eq)]
pub struct PresentRequest {
    pub disclosures: Vec<String>,
    pub key: String,
    pub aud: String,
    pub nonce: String,
}

impl std::fmt::Debug for PresentRequest {
    // The private key never reaches a log.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PresentRequest")
            .field("disclosures", &self.disclosures.len())
            .field("key", &(!self.key.is_empty()).then_some(".."))
            .field("aud", &self.aud)
            .field("nonce", &self.nonce)
            .finish()
    }
}

/// What a copy button copies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CopyWhat {
    Token,
    BearerHeader,
    Curl,
    Header,
    Payload,
}

impl CopyWhat {
    pub const ALL: [CopyWhat; 5] = [
        Self::Token,
        Self::BearerHeader,
        Self::Curl,
        Self::Header,
        Self::Payload,
    ];
    /// What a notice calls the copied text: "token", "curl command".
    pub fn noun(self) -> String {
        match self {
            Self::Token => tr!("copied-token"),
            Self::BearerHeader => tr!("copied-bearer"),
            Self::Curl => tr!("copied-curl"),
            Self::Header => tr!("copied-header"),
            Self::Payload => tr!("copied-payload"),
        }
    }

    pub fn label(self) -> String {
        match self {
            Self::Token => tr!("copy-what-token"),
            Self::BearerHeader => tr!("copy-what-bearer"),
            Self::Curl => tr!("copy-what-curl"),
            Self::Header => tr!("copy-what-header"),
            Self::Payload => tr!("copy-what-payload"),
        }
    }
}

/// A short message with how it should look.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub text: String,
    pub error: bool,
}

/// Where a file path typed by hand goes, when no dialog can appear.
#[derive(Debug, Clone)]
pub struct PathPrompt {
    pub purpose: Purpose,
    pub path: String,
    /// Why the last path did not work; the prompt stays open.
    pub error: Option<String>,
    /// Ask for keyboard focus on the next frame.
    pub focus: bool,
}

/// Texts longer than this are scanned for tokens on a job thread; the previous state stays on
/// screen meanwhile.
pub const SCAN_INLINE_BYTES: usize = 64 * 1024;

/// What a dialog was opened for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    OpenToken,
    /// A file dropped on the window: a key goes to the key fields, anything else arrives as text.
    Dropped,
    /// A log or HAR file to list every token of.
    ScanFile,
    OpenKey(KeySlot),
    SaveToken,
    OpenDictionary,
    OpenWordlist,
    SaveKey(ExportWhat),
    /// A key file to add to the key store.
    StoreKeyFile,
}

impl Purpose {
    /// The dialog's title.
    pub fn title(self) -> String {
        match self {
            Self::OpenToken | Self::Dropped => tr!("dialog-open-token"),
            Self::ScanFile => tr!("dialog-scan-file"),
            Self::OpenKey(_) => tr!("dialog-open-key"),
            Self::OpenWordlist => tr!("dialog-open-wordlist"),
            Self::SaveKey(_) => tr!("dialog-save-key"),
            Self::OpenDictionary => tr!("dialog-open-dictionary"),
            Self::SaveToken => tr!("dialog-save-token"),
            Self::StoreKeyFile => tr!("dialog-store-key"),
        }
    }
}
