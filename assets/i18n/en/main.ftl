# jwt-debugger: English. Message ids are kebab-case; identifiers (claim names, alg values,
# finding ids) never appear translated.

## Toolbar
app-title = JWT Debugger
open-token = 📂 Open token…
open-token-tip = Open a file holding a token ({ $shortcut })
save-token = 💾 Save token…
save-token-tip = Save the token to a file ({ $shortcut })
copy-token = 📋 Copy token
copy-token-tip = Copy the encoded token ({ $shortcut })
more-copies = More copies ⏷
example = Example
example-tip = Start again from a signed HS256 example
theme-light-tip = Switch to the light theme
theme-dark-tip = Switch to the dark theme
follow-system-theme = Follow system theme
data-menu = ⚙ Data ⏷
forget-everything = Forget everything
forget-everything-tip = Clears the settings, the token and editors, the keys in memory and the keys remembered in the system's credential store
language = Language
offline-note = Offline: nothing you paste or type here leaves this computer.

## Typed-path prompt
prompt-save-token = Save token to
prompt-open-token = Open token from
prompt-open-dictionary = Open claim dictionary from
prompt-open-wordlist = Open wordlist from
prompt-save-key = Save key to
prompt-open-key = Open key from
ok = OK
cancel = Cancel

## Copy and export
copy-what-token = Copy token
copy-what-bearer = Copy Authorization header
copy-what-curl = Copy curl command
copy-what-header = Copy header JSON
copy-what-payload = Copy payload JSON
export-public-pem = Public key PEM (SPKI)
export-public-jwk = Public JWK
export-jwks = JWKS with the public key
export-private-pem = Private key PEM (PKCS#8)
export-private-jwk = Private JWK

## Encoded token
encoded-token = Encoded token
encoded-token-help = Paste a token, or text containing one (a Bearer header, a URL, a cookie).
encoded-token-hint = eyJhbGciOi… (paste anywhere in the window with Ctrl+V)
no-token-yet = No token yet: paste one, open a file, or click Example.
stripped-around = Removed around the token: { $what }
large-token-pending = ⟳ Large token: re-signing when you pause typing…
draft-note = ⚠ Draft: { $reason }. The token is the last one signed.

## Status
badge-no-token = No token
reason-no-token = Paste a token anywhere (Ctrl+V), open a file, or start from the Example.
badge-malformed = Malformed
badge-draft = Unsigned draft: { $reason }
reason-draft = The token shown is the last one signed; it does not include the editors' changes.
badge-verified = Signature verified
badge-invalid = Invalid signature
badge-unsigned = Unsigned (alg: none)
badge-no-key = No key: signature not checked
reason-no-key-secret = Enter the secret below to verify the signature.
reason-no-key-public = Paste the public key (PEM, JWK or JWKS) below to verify the signature.
badge-unsupported = Signature cannot be checked
badge-key-mismatch = Key does not fit
badge-key-mismatch-alg = Key does not fit { $alg }
badge-no-times = No times to check
key-used = Key: { $key }
findings-none-no-token = Findings: none (no token)
findings-none = Findings: none
findings-count = Findings: { $counts }
severity-count = { $count } { $severity }
finding-details = Finding details ({ $count })
nothing-unsafe = Nothing unsafe found in this token and key.
key-detected = Detected: { $key }
no-key = No key
public-key-not-secret = { $key } — a public key, not a secret
public-key-refused = this looks like a public key, so it is not used as a secret ({ $error })

## Editors
header = Header
payload = Payload

## Draft reasons
draft-header-not-object = the header is not a JSON object
draft-header-not-json = the header is not valid JSON
draft-payload-not-json = the payload is not valid JSON
draft-no-secret = no { $alg } secret
draft-no-private-key = no { $alg } private key
draft-public-key = a public key cannot sign { $alg }: paste the private key
draft-embedded-key = the header's jwk holds a private key, which the token would publish (tick the box under the key to sign anyway)
draft-unsecured = alg none makes an unsecured token (tick "Make an unsecured token" to create it)
draft-cannot-sign = cannot sign with { $alg }: { $why }

## Helpers
helpers = Helpers
new-from-template = New from template ⏷
timeline-now = now
iat-now = iat = now
nbf-now = nbf = now
random-jti = Random jti
reissue = Re-issue now
reissue-tip = iat = now; exp and nbf move by the same amount, so the lifetime stays
exp-now-plus = exp = now +
exp-preset-tip = Set exp to now + { $span }
custom-minutes = custom (min)
set-exp = Set exp

## Key
algorithm = Algorithm
no-valid-alg = (header has no valid alg)
alg-unsafe = { $alg } — unsafe: { $description }
alg-none-warning = ⚠ alg none: the token carries no signature and anyone can change it.
make-unsecured = Make an unsecured token (I understand anyone can forge it)
secret = Secret
secret-hint = shared secret
show = Show
password = Password
password-hint = the password the token was encrypted with
aes-key = AES key
aes-key-hint = the shared AES key (base64url after b64url:, or a JWK)
secret-encoding = Secret encoding
open-secret-file = Open secret file…
public-key-title = Public key (verifies)
public-key-hint = -----BEGIN PUBLIC KEY-----, a certificate, a JWK or a JWKS
private-key-title = Private key (signs)
private-key-hint = -----BEGIN PRIVATE KEY----- or a private JWK
open-key-file = Open key file…
drop-key-hint = Drop a key file on the window to load it.
remember-key = Remember key on this computer
remember-key-tip = Off (default): keys stay in memory only. On: they are kept in the system's credential store (Secret Service, Keychain, Credential Manager), never in the settings file.
sign-embedded-anyway = Sign even though the header's jwk publishes a private key

## Key tools
rsa-size = RSA size
rsa-bits = { $bits } bits
generate-secret = Generate random secret
generate-key-pair = Generate key pair
generate-tip = Fills the private key (signs) and the public key (verifies)
key-details = Key details and export
thumbprint = RFC 7638 thumbprint: { $thumbprint }
thumbprint-as-kid = Use thumbprint as kid
cert-subject = Subject: { $subject }
cert-issuer = Issuer: { $issuer }
cert-valid = Valid { $from } to { $to }
cert-not-valid-now = Valid { $from } to { $to } (not valid now)
copy-label = Copy:
fetch-keys = Fetch keys from the issuer
fetch-keys-help = Only on a click: OpenID Connect discovery / RFC 8414 from the token's iss, or a JWKS URL. https only (plain http to localhost). Results are kept for the session.
discover-keys-of = Discover keys of { $issuer }
discover-no-iss = Discover keys (the token has no iss)
jwks-url = JWKS URL
fetch = Fetch

## Guess
guess-title = Guess the secret
guess-help = Tries well-known secrets (framework defaults, tutorial secrets) and, if you choose one, a wordlist file. Nothing leaves this computer.
guess-running = Trying { $what }: { $tried ->
    [one] { $tried } candidate
   *[other] { $tried } candidates
} so far
guess-try-known = Try well-known secrets
guess-try-wordlist = Try a wordlist…
guess-found = ⛔ Found the secret after { $tried ->
    [one] { $tried } candidate
   *[other] { $tried } candidates
}: "{ $secret }"
guess-use = Use this secret
guess-not-found = Not found in { $what } ({ $tried ->
    [one] { $tried } candidate
   *[other] { $tried } candidates
}).

## Validation
validation = Validation
leeway = Leeway (s)
evaluate-live = Evaluate at the live time
evaluate-at = Evaluate at
evaluate-at-hint = 2026-11-27T20:00:00Z or Unix seconds
any-kid = Try every JWKS key when the token's kid names none
strict = Strict: refuse high-S ECDSA signatures
expected-issuer = Expected issuer
accepted-audiences = Accepted audiences
required-claims = Required claims
maximum-lifetime = Maximum lifetime
load-dictionary = Load claim dictionary…
load-dictionary-tip = A JSON file like assets/claims.json; its entries add to and override the bundled ones
dictionary-loaded = user dictionary loaded
remove = Remove

## Claims
claims-title = Claims ({ $count })
header-parameters-title = Header parameters ({ $count })
custom-claim = custom
custom-claim-tip = Not a registered or known provider claim
fix-claim = Fix { $name }
set-claim = Set { $name } (RFC 3339 or Unix)
timeline-tip = { $summary }; shaded: not valid

## Notices
notice-token-pasted = Token pasted
notice-pasted-empty = The pasted text is empty
notice-not-a-token = Not a well-formed token: { $why }
notice-loaded-key = Loaded key { $name }: { $key }
notice-opened-token-from = Opened token from { $name }
notice-neither = { $name } holds neither a token nor a key
notice-generated = Generated { $key }
notice-fetched = Fetched { $keys } from { $source }
notice-no-dialog = No file dialog could be opened here (no desktop portal or zenity): type the path
notice-saved-token = Saved token to { $path }
notice-opened = Opened { $path }
notice-file-empty = { $path } is empty
notice-saved-key = Saved { $what } to { $path }
notice-loaded-dictionary = Loaded claim dictionary { $path }
notice-loaded = Loaded { $key }
notice-copied = Copied: { $what }
notice-type-path = Type the path of a file
notice-no-iss = the token has no iss claim
notice-example = Loaded the HS256 example
notice-exp-set = exp set
notice-claim-set = { $name } set
notice-claim-now = { $name } = now
notice-claim-fixed = { $name } fixed
notice-new-jti = new jti
notice-reissued = re-issued now
notice-template = New token from template: { $template }
notice-guessed = Using the guessed secret
notice-choose-alg = choose an algorithm first
notice-kid-thumbprint = kid set to the key's thumbprint
notice-dictionary-removed = user dictionary removed
notice-remembered = The key is kept in the system's credential store
notice-cannot-remember = Cannot remember the key: { $error }. It stays in memory only.
notice-remembered-unavailable = Remembered keys are unavailable: { $error }. Keys stay in memory only.
notice-forgot = Forgot everything: the settings, { $tabs ->
    [one] the token and its editors
   *[other] { $tabs } tabs with their tokens and editors
}, { $history ->
    [0] an empty history
    [one] 1 history entry
   *[other] { $history } history entries
}, the keys in memory; { $store }
notice-forgot-partly = Forgot the settings, tokens, history and keys in memory; the keys remembered in the credential store: { $error }
forgot-store-cleared = nothing is left in the credential store.
forgot-store-none = there is no credential store on this computer, so nothing was remembered there.
forget-confirm-title = Forget everything?
forget-confirm-text = This clears the settings, every tab with its token and editors, the history, the keys in memory and the keys remembered in the system's credential store. It cannot be undone.
forget-confirm-yes = Yes, forget everything
forget-confirm-no = Keep everything
notice-missing-fonts = No installed font can show { $scripts }: install one to read it; the token itself is unaffected.
notice-language = Language: { $language }
copied-token = token
copied-bearer = Authorization header
copied-curl = curl command
copied-header = header JSON
copied-payload = payload JSON
notice-cannot-read-dropped = Cannot read the dropped file { $name }: { $error }

## Time words and validity (core)
time-now = now
time-in = in { $span }
time-ago = { $span } ago
span-seconds = { $n } s
span-minutes = { $n } min
span-hours = { $n } h
span-hours-minutes = { $h } h { $m } min
span-days = { $n ->
    [one] 1 day
   *[other] { $n } days
}
span-years = { $n ->
    [one] 1 year
   *[other] { $n } years
}
validity-valid = Valid
validity-expired = Expired { $when }
validity-not-before = Not valid before { $at }
validity-no-exp = No expiry
validity-exp-unusable = exp unusable: { $why }
check-expires = expires { $when } ({ $at })
check-expired = expired { $when } ({ $at })
check-valid-since = valid since { $when } ({ $at })
check-not-before = not valid before { $at } ({ $when })
check-issued = issued { $when } ({ $at })
check-issued-future = issued in the future: { $when } ({ $at })

## Command line
cli-hint-token-needs-command = hint: a token is read by a command: jwt-debugger decode TOKEN here, or jwt-debugger gui TOKEN in the window
cli-stripped = removed around the token: { $what }
cli-header-not-json = Header (not valid JSON)
cli-payload-text = Payload (text, not JSON)
cli-payload-binary = Payload (binary, { $bytes ->
    [one] 1 byte
   *[other] { $bytes } bytes
}, hex)
cli-payload-encrypted = encrypted token: payload not readable without decryption
cli-times = Times
cli-signature = Signature
cli-not-checked = Signature not checked
cli-validity = Validity
cli-verdict = Verdict
cli-findings = Findings
cli-kind = Kind
cli-kind-from-typ = from typ
cli-kind-from-claims = from its claims
cli-kind-from-option = as asked with --profile
cli-kind-valid = { $count ->
    [one] its rule holds
   *[other] its { $count } rules hold
}
cli-kind-invalid = { $count ->
    [one] 1 rule fails
   *[other] { $count } rules fail
}
cli-kind-incomplete = { $count ->
    [one] 1 rule needs an input (see ? below)
   *[other] { $count } rules need an input (see ? below)
}
cli-status-entry = Status of entry { $index }: { $value }
cli-sd-disclosures = Disclosures ({ $count }; { $decoys } undisclosed or decoy digests; { $hash })
cli-sd-valid = every disclosure matches a digest of the payload (RFC 9901 §7.1)
cli-sd-invalid = { $count ->
    [one] a rule of RFC 9901 §7.1 is broken
   *[other] { $count } rules of RFC 9901 §7.1 are broken
}
cli-sd-claims = Processed claims (what the SD-JWT discloses)
cli-sd-key-binding = Key binding
cli-encryption = Encryption
cli-not-decrypted = Not decrypted
cli-inner-token = Inner token (the decrypted payload is itself a token)
badge-decrypted = Decrypted
badge-wrong-key = Wrong key
badge-jwe-no-key = Encrypted: not decrypted
reason-jwe-no-key = Enter the key that decrypts it below (a private key, a secret or a password, as its alg needs).
inner-key-none = No key for the inner token: its signature is not checked.
badge-jwe-invalid = Decryption failed
badge-jwe-unsupported = Cannot be decrypted here

## Algorithms, severities, templates
alg-desc-HS256 = HMAC with SHA-256 (shared secret)
alg-desc-HS384 = HMAC with SHA-384 (shared secret)
alg-desc-HS512 = HMAC with SHA-512 (shared secret)
alg-desc-RS256 = RSASSA-PKCS1-v1_5 with SHA-256
alg-desc-RS384 = RSASSA-PKCS1-v1_5 with SHA-384
alg-desc-RS512 = RSASSA-PKCS1-v1_5 with SHA-512
alg-desc-PS256 = RSASSA-PSS with SHA-256
alg-desc-PS384 = RSASSA-PSS with SHA-384
alg-desc-PS512 = RSASSA-PSS with SHA-512
alg-desc-ES256 = ECDSA on P-256 with SHA-256
alg-desc-ES384 = ECDSA on P-384 with SHA-384
alg-desc-ES512 = ECDSA on P-521 with SHA-512
alg-desc-EdDSA = Edwards-curve signature (Ed25519)
alg-desc-ML-DSA-44 = ML-DSA-44, post-quantum (FIPS 204, category 2)
alg-desc-ML-DSA-65 = ML-DSA-65, post-quantum (FIPS 204, category 3)
alg-desc-ML-DSA-87 = ML-DSA-87, post-quantum (FIPS 204, category 5)
alg-desc-none = no signature: anyone can forge this token
severity-critical = critical
severity-error = error
severity-warn = warn
severity-info = info
template-minimal = Minimal
template-access-token = OAuth access token (RFC 9068)
template-id-token = OpenID Connect ID token
template-refresh-token = Refresh token
template-service = Service to service

## Encrypted and nested tokens
back-to-outer = ◀ Back to the encrypted token
inner-token-title = Inner token
open-inner = Open the inner token alone
open-inner-tip = Shows the inner token in the workbench, with its key in the key fields; the way back stays here
inner-key = Inner token's key
inner-key-hint = secret, public key, JWK or JWKS that verifies the inner token
encrypt-title = 🔐 Encrypt (JWE)
encrypt-help = Wraps the token on screen in an encrypted token for a recipient: their public key, a shared secret or a password.
encrypt-alg = Key management
encrypt-enc = Content encryption
recipient-key = Recipient's key
recipient-hint-rsa = the recipient's RSA public key (PEM or JWK)
recipient-hint-ecdh = the recipient's EC (P-256/384/521) or X25519 public key
recipient-hint-secret = a shared secret of { $bytes } bytes (JWK, or base64url after b64url:)
recipient-hint-password = a password
encrypt-nested = Content is a token (cty: JWT)
encrypt-zip = Compress (zip: DEF)
encrypt-button = Encrypt
copy-encrypted = Copy the encrypted token
open-encrypted = Open it as the token
notice-encrypted = Encrypted: { $what }
notice-encrypted-copied = Encrypted token copied
notice-opened-inner = Opened the inner token; its key is in the key fields
notice-back-to-outer = Back to the encrypted token
notice-opened-encrypted = Opened the encrypted token
key-decrypts = 🔒 Encrypted token ({ $encryption }): the key below decrypts it
private-key-title-decrypts = Private key (decrypts)
reason-inner-no-key = Enter the inner token's key below to verify its signature.
encryption-header-title = Encryption header ({ $count })

## Many tokens: scan and diff
scan-col-alg = ALG
scan-col-kid = KID
scan-col-iss = ISS
scan-col-sub = SUB
scan-col-times = TIMES
scan-col-signature = SIGNATURE
scan-col-seen = SEEN AT
scan-col-token = TOKEN
scan-none = No token found.
scan-summary = { $tokens ->
        [one] 1 distinct token
       *[other] { $tokens } distinct tokens
    } in { $places ->
        [one] 1 place
       *[other] { $places } places
    }.
scan-not-tried = not tried (budget)
scan-budget-spent = { $count ->
    [one] 1 encrypted token was
   *[other] { $count } encrypted tokens were
} not decrypted: the PBES2 work budget of this scan ({ $budget } iterations) was spent. Decode them one by one with decode --key.
diff-equal = The tokens are identical.
diff-part-header = Header
diff-part-payload = Payload
diff-part-signature = Signature
diff-same-alg = Both use alg { $alg }.
diff-other-alg = alg differs: { $a } → { $b }.
diff-same-kid = Both name kid { $kid }.
diff-other-kid = kid differs: { $a } → { $b }.
diff-no-kid = Neither names a kid.
diff-omitted = … and { $count } more differences, not listed (at most { $max } are listed).
scan-file = Scan a log or HAR file…
scan-file-tip = Lists every token in a log, a HAR export, curl -v output or any text file, of any size
prompt-scan-file = Log or HAR file to scan:
pasted-text = pasted text
notice-found-tokens = { $count ->
        [one] 1 token
       *[other] { $count } tokens
    } found in { $source }; the first is open
notice-no-tokens = No token in { $source }
tokens-found-title = Tokens found in { $source } ({ $count })
tokens-sort = Sort:
tokens-sort-found = as found
tokens-sort-time = expiry
tokens-sort-status = status
tokens-sort-issuer = issuer
tokens-close = Close list
tokens-more = { $more } more distinct tokens are not listed
tokens-col-times = times
tokens-col-signature = signature
tokens-col-seen = seen at
tokens-open-tip = Open this token in the workbench
tab-default-name = Token { $n }
tab-tip = Click to switch ({ $shortcut } goes to the next); double-click to rename
tab-move-left = Move this tab left
tab-move-right = Move this tab right
tab-rename = Rename this tab
notice-tab-closed = Closed { $name }
history-title = History ({ $count })
history-keep = Keep a history of tokens looked at
history-clear = Clear history
history-search = Search by sub, iss or kid
history-search-hint = sub, iss, kid or alg
history-open = Open
notice-history-cleared = History cleared
compare-title = ⇄ Compare with another token
compare-other = Other token
compare-with-tab = Compare with a tab ⏷
compare-hint = paste the token to compare with
compare-col-this = this token
compare-col-other = other token
compare-absent = (absent)
compare-more = … and { $count } more differences (jwt-debugger diff lists them all)
compare-malformed = The other token is malformed: { $error }
compare-this-malformed = The token on screen is malformed, so there is nothing to compare.
tab-name = Tab name
command-line = the command line
alg-picker-jwe = Encryption (JWE): wraps the signed token
alg-picker-jwe-entry = encrypt the token
notice-pick-jwe = Encrypt with { $alg }: give the recipient's key in the Encrypt tool below
settings-max-lifetime = maximum lifetime: { $error }
header-fix-before-alg = fix the header JSON before changing the algorithm: { $error }

# Jobs, busy notes and file errors (the language of the app when the job started)
job-cannot-start = cannot start { $name }: { $error }
busy-generating = Generating a key for { $alg }…
busy-encrypting = Encrypting with { $alg } + { $enc }…
busy-scanning = Scanning { $name }…
busy-fetching = Fetching keys for { $what }…
busy-deriving = Deriving the key (PBES2)…
busy-analysing-found = Checking { $count ->
    [one] 1 token
   *[other] { $count } tokens
} with the key…
busy-scanning-text = Looking for tokens in { $size } of text…
busy-reading = Reading { $path }…
busy-writing = Saving { $path }…
cannot-save = Cannot save { $path }: { $error }
cannot-read-file = Cannot read { $path }: { $error }
file-is-folder = { $path } is a folder, not a file
file-too-large = { $path } is { $size }, over the { $limit } limit
file-not-found = No such file: { $path }
file-not-utf8 = { $path } is not UTF-8 text
guess-what-wordlist = well-known secrets and { $path }
guess-what-bundled = well-known secrets
guess-stopped = the guesser stopped unexpectedly
guess-cancelled = { $what } (cancelled)
keygen-none = alg none takes no key
fetch-cache-unavailable = the fetch cache is unavailable
export-no-key = there is no key to export
key-none-found = no key found
key-neither = neither a token nor a key
key-not-pem = the binary key could not be converted to PEM
key-set-empty = the key set is empty
notice-opened-found = Opened a token from the list
notice-opened-history = Opened a token from the history
action-new-tab = ＋ New tab
action-new-tab-tip = A new tab with its own token, editors and keys ({ $shortcut })
action-close-tab = ✖ Close tab
action-close-tab-tip = Close this tab ({ $shortcut })
action-next-tab = Next tab
action-next-tab-tip = Switch to the next tab ({ $shortcut })
tokens-col-alg = alg
tokens-col-iss = iss
tokens-col-sub = sub
tokens-expires = expires { $when }
tokens-expired = expired { $when }
tokens-not-yet = valid from { $when }
tokens-no-exp = no expiry
tokens-exp-unusable = exp unusable
store-unreachable = there is no credential store on this computer (no Secret Service, Keychain or Credential Manager answered)
store-failed = the credential store failed: { $detail }
store-unreadable = the remembered keys could not be read back
clipboard-unavailable = no clipboard is available { $error }
clipboard-failed = copying failed: { $error }
dialog-open-token = Open token
dialog-scan-file = Scan a log or HAR file
dialog-open-key = Open key
dialog-open-wordlist = Open wordlist
dialog-save-key = Save key
dialog-open-dictionary = Open claim dictionary
dialog-save-token = Save token
dialog-busy = a file dialog is already open
dialog-cannot-start = cannot start the file dialog: { $error }
payload-fix-first = fix the payload JSON first ({ $error })
payload-not-object = the payload is not a JSON object
time-no-fix = { $name } has no automatic fix
header-not-object = the header is not a JSON object
header-fix-first = fix the header JSON first ({ $error })
settings-evaluate-at = evaluate at: { $error }

## SD-JWT (RFC 9901)
sd-title = Disclosures ({ $count })
sd-badge-valid = Disclosures match
sd-badge-invalid = { $count ->
    [one] Disclosures: 1 rule broken
   *[other] Disclosures: { $count } rules broken
}
sd-summary = { $hash } · { $decoys } undisclosed or decoy digests
sd-none = This presentation discloses nothing: only the always-visible claims.
sd-col-claim = Claim
sd-col-value = Value
sd-col-where = Where
sd-col-digest = Digest
kb-badge-verified = Key binding verified
kb-badge-invalid = Key binding fails
kb-badge-no-holder-key = Key binding: holder key needed
kb-badge-missing = No key binding
kb-reason-missing = The payload names a holder key (cnf), but no key-binding JWT follows: anyone holding this can replay it.
kb-reason-none = Not bound to a holder key.
kb-check-title = Key binding check
kb-check-help = The key-binding JWT must name this verifier and nonce (left empty: shown, not checked) and be at most 5 minutes old. The holder key comes from cnf.jwk; give it below when cnf names it only by kid or jkt.
kb-expected-aud = Expected audience
kb-expected-aud-hint = https://verifier.example.org
kb-expected-nonce = Expected nonce
kb-expected-nonce-hint = the nonce you sent
holder-key = Holder key
holder-key-hint = The holder's public key: PEM, JWK or JWKS
holder-key-none = No holder key given.
holder-key-secret = A holder key is a public key (EC, RSA, OKP), not a secret.
present-title = Present…
present-help = Choose what the holder shows the verifier. A claim inside a disclosed object brings that object's disclosure along. With the holder's private key, a key-binding JWT over exactly these disclosures is added.
present-all = All
present-none = None
present-key = Holder's private key (for key binding; optional)
present-key-hint = PEM or JWK private key; never saved
present-aud = Audience (the verifier)
present-nonce = Nonce
present-make = Make presentation
present-copy = Copy presentation
present-open = Open it here
present-key-not-private = The holder key must be a private key to sign the key-binding JWT.
selective-title = Selective disclosure (SD-JWT): { $count } ticked
selective-help = Tick the claims a holder may choose to show. Each becomes a disclosure with a fresh 128-bit salt; the payload keeps only its digest, among decoys. The token field then holds the issuance: the signed JWT and every disclosure.
selective-nothing = The payload has no claims to make disclosable.
selective-decoys = Decoy digests
claim-disclosed = disclosed
claim-disclosed-tip = Selectively disclosed: hidden in the signed payload as digest { $digest }, revealed by its disclosure.
notice-opened-presentation = Opened the presentation
notice-presented = { $count ->
    [one] Presentation made with 1 disclosure
   *[other] Presentation made with { $count } disclosures
}
notice-presentation-copied = Presentation copied
draft-sd = cannot make the claims disclosable: { $error }
present-key-error = The holder's private key: { $error }

## Token kinds
kind-from-typ = from typ
kind-from-claims = from its claims
kind-from-option = chosen
kind-line-plain = Kind: { $kind } (no rules of a kind known here)
kind-line-valid = Kind: { $kind } · { $total } of { $total } checks pass
kind-line-invalid = Kind: { $kind } · { $failed } of { $total } checks fail
kind-line-incomplete = Kind: { $kind } · { $waiting } of { $total } checks need an input
kind-title = Kind: { $kind }
kind-check-as = Check as
kind-detect = Detect from typ and claims
kind-method = Request method
kind-url = Request URL
kind-dpop-nonce = Server's DPoP nonce
kind-nonce = Expected nonce
kind-code = Authorization code
kind-access-token = Access token
kind-access-token-hint = the access token sent with it (never saved)
kind-from-tab = Check against tab…
kind-status-list = { $entries } entries of { $bits } bits; by status value { $counts }
notice-kind-from-tab = Access token taken from tab { $n }
template-dpop = DPoP proof (ES256, new key)
template-logout = Logout token
detached-payload = Detached payload
detached-payload-help = This token's payload segment is empty: its signature covers content sent separately (RFC 7515 Appendix F; as is, with b64: false). Paste that content to verify it.

## Attack tokens
attacks-title = Attacks (authorised testing)
attacks-help = The known JWT attacks made from this token, to try against a service you are allowed to test: alg none, a stripped signature, HMAC with the server's public key (the key fields' public key), an embedded jwk or x5c, jku and x5u at your URLs, kid path traversal and SQL injection, the psychic ECDSA signature, an empty HMAC key, and the secret in the key fields. Nothing is sent anywhere.
attacks-authorised = I am authorised to test the target
attacks-tick-first = Tick "I am authorised to test the target" first
attacks-set = Change claims first (NAME=VALUE per line)
attacks-jku = jku URL you control
attacks-x5u = x5u URL you control
attacks-make = Make attack tokens
attacks-made = { $count } tokens to try
attacks-copy-jsonl = Copy all as JSON Lines
attacks-copy-lines = Copy all as lines
attacks-copy = Copy
attacks-copy-tip = Copy attack token { $n }
attacks-open = Open in a new tab
attacks-open-tip = Open attack token { $n } in a new tab
attacks-set-line = "{ $line }" is not NAME=VALUE
notice-attacks-made = { $count } attack tokens made
notice-attack-copied = Attack token ({ $id }) copied
notice-attacks-copied = { $count } attack tokens copied
notice-opened-attack = Opened the attack token in a new tab

## Key store
store-title = Key store ({ $count })
store-help = Keys kept by name for the systems you work on. The material is in the system's credential store; only names, kinds, kids and thumbprints are in the settings. Keys whose kid or issuer match the token on screen are offered above.
store-verify-with = Verify with '{ $name }'
store-session-only = this session only
store-use = Use
store-use-tip = Put '{ $name }' in the key fields
store-delete = Delete
store-delete-tip = Delete '{ $name }' from the key store
store-delete-ask = Delete '{ $name }' from the key store?
store-delete-yes = Yes, delete it
store-delete-no = Keep it
store-save-as = Save the key in the fields as
store-save = Save to key store
store-unreachable-session = No credential store is reachable: keys saved now are kept for this session only, never on disk.
notice-store-used = Key '{ $name }' put in the key fields
notice-store-saved = Key saved as '{ $name }'
notice-store-session = No credential store: '{ $name }' is kept for this session only
notice-store-deleted = Key '{ $name }' deleted
notice-store-no-key = There is no key in the key fields to save
store-name-kid = { $name } (kid { $kid })
store-kid = kid { $kid }
store-name-hint = orders-api prod
kind-paired-title = The access token it goes with
kind-paired-kind = Kind: { $kind }
kind-paired-unbound = no cnf.jkt: not bound to a DPoP key
kind-paired-opaque = not a JWT (an opaque token): its binding is checked by introspection
kind-paired-member = { $name }: { $value }
store-rename = Rename
store-rename-tip = Rename '{ $name }'
store-rename-to = New name for '{ $name }'
store-rename-ok = Rename it
store-rename-cancel = Cancel
store-copy-public = Copy public
store-copy-public-tip = Copy the public part of '{ $name }' (PEM, or a public JWKS)
store-copy-whole = Copy with private key
store-copy-whole-tip = Copy '{ $name }' whole, private key or secret included
store-export-secret = An HMAC secret has no public part: use "Copy with private key" if you mean it
store-add-file = Add from file…
store-generate = Generate into the store (the name above, the algorithm picked)
store-split-jwks = One entry per key of a JWKS
dialog-store-key = Add a key file to the key store
prompt-store-key = Key file to add to the key store:
notice-store-renamed = Key '{ $old }' renamed to '{ $new }'
notice-store-exported = Key '{ $name }' copied
