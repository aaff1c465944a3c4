## The core's sentences: findings, signature checks, parse errors and keys. Finding ids (ALG_NONE, …) are never translated.

f-alg-none-title = Unsecured token (alg "{ $alg }")
f-alg-none-msg = The token carries no signature, so anyone can change its claims. A verifier must reject it unless unsecured tokens were explicitly allowed; libraries once matched "none" case-sensitively and let "None" through.
f-empty-sig-title = Empty signature
f-empty-sig-msg = The header names a signing algorithm but the signature is empty: a verifier that skips empty signatures accepts forged tokens.
f-confusion-title = HMAC token checked against a public key
f-confusion-forged-msg = This token's HMAC was computed with the public key's text as the secret. A library that lets the token's alg pick how the key is used would accept this forgery; pin the algorithm to the key.
f-confusion-msg = The token says HS*, but the key is a public key. Using public-key text as an HMAC secret is the classic key-confusion forgery; pin the expected algorithm to the key.
f-key-mismatch-title = Key does not fit the algorithm
f-key-mismatch-msg = { $detail }. Verifiers must check that the key's type, curve, alg, use and key_ops agree with the token's alg.
f-any-kid-title = Verified with a key the token's kid does not name
f-any-kid-msg = No key in the JWKS has the token's kid, and every key was tried because you asked for it. A verifier that selects keys by kid would reject this token; one that tries every key lets an attacker pick which key is used.
f-high-s-title = ECDSA signature with a high S: the token has a twin
f-high-s-msg = S is in the upper half of the group order. ECDSA accepts both (r, s) and (r, n−s), so the same claims exist as two different token strings: a replay cache or deny-list keyed by the token string is fooled. Signers normally emit the low S; strict mode (--strict, or the tick under Validation) refuses high S.
f-psychic-title = Malformed ECDSA signature
f-psychic-msg = { $problem }. Such signatures are never valid; a verifier that accepts them (as Java 15–18 did for r = s = 0) accepts any token.
f-empty-secret-used-title = Signed with an empty secret
f-known-secret-used-title = Signed with the well-known secret "{ $secret }"
f-known-secret-used-msg = The token's HMAC verifies with a secret from the public list of defaults and tutorial secrets, so anyone can forge tokens for this issuer. Rotate the secret to 32+ random bytes.
f-empty-secret-title = Empty HMAC secret
f-empty-secret-msg = An empty secret lets anyone compute valid signatures.
f-known-secret-title = The secret "{ $secret }" is a well-known default
f-known-secret-msg = It is on public lists of tutorial and framework secrets; anyone can try it against your tokens. Use 32+ random bytes.
f-short-secret-title = HMAC secret is { $len ->
        [one] 1 byte
       *[other] { $len } bytes
    }; { $alg } needs at least { $min }
f-short-secret-msg = Short secrets can be guessed offline from any one token. Use a random secret as long as the hash output.
f-small-order-title = Ed25519 public key of small order
f-small-order-msg = The key is the identity point or another point of small order: a fixed signature then verifies any payload, so a signature under this key proves nothing. Such keys are never a real key pair's public half.
f-roca-title = RSA key has the ROCA flaw
f-roca-msg = The modulus has the fingerprint of keys made by a flawed Infineon library: the private key can be computed from the public key. Replace the key.
f-short-rsa-title = RSA key is only { $bits } bits
f-short-rsa-msg = RSA keys for JWS must be at least 2048 bits; shorter ones can be factored.
f-jwk-private-title = Header embeds a private key
f-jwk-private-msg = The header's jwk contains the private member "d": the signing key is published with the token.
f-jwk-self-signed-title = Self-signed with the key in its own header
f-jwk-self-signed-msg = The signature verifies only with the jwk the token carries. Anyone can make such a token with their own key; a verifier that uses the embedded key (CVE-2018-0114) accepts forgeries. Only trust keys you already have.
f-jwk-title = Header embeds its own verification key
f-jwk-msg = A token that carries its own key proves nothing: anyone can sign with their own key and embed it. Only trust keys you already have.
f-key-url-title = Header points at keys by URL ({ $name })
f-key-url-msg = { $name } = { $url }. A verifier that fetches keys from a URL the token names can be made to trust an attacker's keys (or to call internal hosts). Keys are never fetched from here on their own.
f-key-url-risky = This URL is plain HTTP or points at a local/private host.
f-kid-type-title = kid is not a string
f-kid-type-msg = kid is { $type } ({ $value }). RFC 7515 §4.1.4 makes it a string; libraries that assume one may crash, skip key selection or compare it oddly.
f-kid-injection-title = kid looks like an injection
f-kid-injection-msg = kid "{ $kid }" contains path, quote or shell characters. Servers that use kid in a file path, SQL query or command can be tricked into using a key the attacker knows.
f-crit-title = crit is not acceptable
f-crit-msg = { $problems }. A conforming verifier must reject the token.
f-crit-empty = it is an empty array, which RFC 7515 forbids
f-crit-not-array = it is not an array
f-crit-unknown = it names { $names }, which this verifier does not understand
f-crit-twice = it lists { $names } twice
f-crit-standard = it lists the standard parameter(s) { $names }, which must not appear there
f-crit-missing = { $names } is listed but not present in the header
f-nested-title = Nested token (cty: JWT)
f-nested-msg = The payload is itself a token; each layer has its own signature, and checking the outer one says nothing about the inner.
f-jwe-title = Encrypted token (JWE)
f-jwe-msg = Only the protected header can be read without the key; decryption is not a signature check.
f-jwe-decrypted-msg = The content was decrypted and its tag verified. Decryption says who could read the token, not who wrote it; only a signature says that.
f-rsa15-title = RSA1_5 key management
f-rsa15-msg = RSAES-PKCS1-v1_5 is open to Bleichenbacher-style padding oracles: a recipient that reveals whether padding failed lets an attacker decrypt keys. It is decrypted here without an oracle, but senders should move to RSA-OAEP-256.
f-jwe-not-signed-title = Encrypted but not signed
f-jwe-not-signed-msg = With { $alg } anyone who has the recipient's public key can make a token like this one: the claims say nothing about who wrote them. Sign the claims, then encrypt the signed token (a nested JWT with cty: JWT).
f-p2c-cap-title = PBES2 count of { $count } iterations
f-p2c-cap-msg = Over { $cap } iterations are not run: a huge p2c only makes the recipient spend time (a denial of service). Decryption was refused.
f-p2c-low-title = PBES2 count of only { $count } iterations
f-p2c-low-msg = RFC 7518 recommends at least 1000 iterations, and today's guidance is hundreds of thousands: with few, a password can be guessed quickly from one token.
f-p2s-short-title = PBES2 salt of only { $len } bytes
f-p2s-short-msg = The salt (p2s) must be at least 8 bytes; a short salt lets one precomputed guess list serve many tokens.
f-dir-weak-title = Direct encryption with a weak key
f-dir-weak-msg = With dir the key is the content key itself; this one is typed text or has few distinct bytes, so it can be guessed. Use random bytes of the full length.
f-jwe-zip-title = Compressed encrypted payload (zip)
f-jwe-zip-msg = Compression before encryption can leak plaintext length and allows decompression bombs; cap the decompressed size.
f-json-serialization-title = JSON serialization, not a compact JWT
f-json-serialization-msg = This is a JWS JSON serialization with { $count ->
        [one] 1 signature
       *[other] { $count } signatures
    }; a JWT must be compact (header.payload.signature). It is shown through its first signature.
f-json-serialization-unprotected-msg = This is a JWS JSON serialization with { $count ->
        [one] 1 signature
       *[other] { $count } signatures
    } and unprotected header members, which no signature covers; a JWT must be compact (header.payload.signature). It is shown through its first signature.
f-json-input-msg = The input is JSON, not header.payload.signature; a JWT verifier must reject it.
f-base64-title = { $part } is not base64url
f-base64-msg = The { $part }: { $problem }. Lenient decoders skip such characters, so the same token can be spelled many ways; strict ones reject it.
f-noncanonical-title = { $part } is not canonical base64url
f-noncanonical-msg = The { $part } { $problem }. Lenient decoders accept several spellings of the same bytes, which breaks token comparison and blacklists; strict ones reject it.
f-duplicate-header-title = Duplicate header member "{ $name }"
f-duplicate-payload-title = Duplicate payload member "{ $name }"
f-duplicate-msg = "{ $name }" appears twice: first { $first }, then { $last }. Libraries disagree on which one wins, so two services can read different claims from the same token.
f-duplicate-at-msg = "{ $name }" appears twice in { $pointer }: first { $first }, then { $last }. Libraries disagree on which one wins, so two services can read different claims from the same token.
f-duplicates-more-title = { $count } more duplicate members
f-duplicates-more-msg = Besides those listed, { $count } more member names appear twice; only the first { $shown } are shown.
f-payload-utf8-title = Payload is not UTF-8
f-payload-utf8-msg = Byte { $at } of the payload is not valid UTF-8, so it is not a JSON claims set; it is shown as hex.
f-claim-type-title = { $name } is not a string
f-claim-type-msg = { $name } is { $type } ({ $value }). It must be a string; verifiers that compare it as text may match the wrong subject, or fail open.
f-no-exp-title = No expiry (exp)
f-no-exp-msg = Without exp the token is valid forever once issued; a leaked token cannot age out.
f-date-title = { $name } is not a plain NumericDate
f-date-msg = { $problem }. Libraries treat such values differently: some reject the token, others never expire it.
f-date-type = { $name } is { $type }, not a number of seconds
f-date-negative = { $name } is negative ({ $value })
f-date-millis = { $name } = { $value } lies after the year 3000; it looks like milliseconds ({ $at })
f-date-fraction = { $name } = { $value } is fractional
f-lifetime-title = Long lifetime: { $span }
f-lifetime-msg = Access tokens usually live minutes to hours; a long-lived token stays useful to whoever steals it.
f-oversized-title = { $part } over a limit
f-oversized-msg = { $part }: { $problem }. Parsers without limits can be made to use unbounded memory or stack (CVE-2025-27144, CVE-2025-30204).
f-header-utf8-title = Header is not UTF-8
f-header-utf8-msg = { $problem }. A JOSE header is UTF-8 JSON; libraries differ in how they treat broken bytes.
f-no-typ-title = No typ in the header
f-no-typ-msg = Explicit typing (typ: at+jwt, secevent+jwt, …) stops one kind of token from being accepted as another, e.g. an ID token used as an access token.
f-typ-jwt-title = typ is the generic JWT
f-typ-jwt-msg = Explicit typing (typ: at+jwt for access tokens, …) stops one kind of token from being accepted as another.
f-no-aud-title = No audience (aud)
f-no-aud-msg = Without aud, every service that trusts this issuer accepts the token, so a token for one service can be replayed at another.
f-many-aud-title = { $count } audiences and no azp
f-many-aud-msg = A token valid for several audiences can be replayed by any of them at the others; OpenID Connect expects azp to name the party it was issued to.
f-empty-aud-title = Empty audience list
f-empty-aud-msg = aud is an empty array: no recipient can legitimately accept this token.
f-sensitive-title = "{ $name }" looks like { $what }
f-sensitive-msg = A signed token is only encoded, not encrypted: anyone who sees it can read its payload. Keep secrets and personal data out of it, or use JWE.
f-claim-token-title = Claim "{ $name }" holds a token
f-claim-token-msg = Its signature is separate from this token's: checking this one says nothing about the inner one. Paste it on its own to check it.
f-few-bytes-title = HMAC secret has only { $count ->
        [one] 1 different byte
       *[other] { $count } different bytes
    }
f-few-bytes-msg = A long secret made of few distinct bytes (such as all zeros) is much easier to guess than its length suggests. Use random bytes.

## What a sensitive-looking claim seems to hold
sensitive-password = a password
sensitive-secret = a secret
sensitive-private-key = a private key
sensitive-api-key = an API key
sensitive-ssn = a social security number
sensitive-card = a card number
sensitive-cvv = a card security code
sensitive-iban = a bank account number
sensitive-aws = an AWS access key id

## JSON value types and token parts, inside sentences
json-type-null = null
json-type-boolean = a boolean
json-type-number = a number
json-type-string = a string
json-type-array = an array
json-type-object = an object
part-header = header
part-payload = payload
part-signature = signature
part-input = input
part-encrypted-key = encrypted key
part-iv = initialization vector
part-ciphertext = ciphertext
part-tag = authentication tag

## Signature check details
sig-jwe = encrypted token (JWE): this layer has no signature; its integrity is the decryption's authentication tag
sig-no-header = the header could not be read, so the signature cannot be checked
sig-no-alg = the header has no "alg" member
sig-unknown-alg = alg "{ $name }" is not a JWS signature algorithm this debugger can check
sig-alg-type = "alg" is { $value }, not a string
sig-unsigned = alg "{ $name }": the token is not signed and anyone can forge it; it is never treated as verified
sig-no-segment = the token has no readable signature segment
sig-no-key = no key given: the signature was not checked
sig-malformed = the token is malformed ({ $error }), so it is not verified
sig-mixed-set = this JWKS mixes shared secrets with public keys; a key set is meant to be published, so a set holding secrets is not used
sig-kid-ambiguous = { $count } different keys in the JWKS share kid "{ $kid }", so it is ambiguous which one signs
sig-kid-not-signing = the JWKS key with kid "{ $kid }" is not for signatures (its use or key_ops say otherwise)
sig-kid-missing = no key in the JWKS has kid "{ $kid }" (the set has { $count ->
        [one] 1 signing key
       *[other] { $count } signing keys
    }{ $kids }); it was not verified with another key (--any-kid tries every key)
sig-kid-tried-all = {" "}(no key has kid "{ $kid }"; every key was tried, as asked)
sig-no-signing-key = no key in the JWKS is for signatures (each one's use or key_ops say otherwise)
sig-key-unfit = key does not fit { $alg }: { $why }
sig-set-empty = key does not fit { $alg }: the key set is empty
sig-no-key-fits = no key fits { $alg }: { $why }
sig-forged-public = . This token's HMAC was computed with the public key's own text as the secret: it is a key-confusion forgery
sig-mismatch = signature does not match the key
sig-mismatch-many = signature matches none of the { $count } keys that fit { $alg }
sig-untried = ; { $count } more fitting key(s) were not tried (at most { $max } are)
sig-json-one-fails = signature { $index } of { $count } fails: { $detail }
sig-json-verified = { $verified } of { $count } signatures verified (signature { $index } first); none that a given key fits failed
sig-json-no-fit = no key given fits { $alg }
sig-json-other-signer = not checked: none of the keys given is this signature's (each verified another signature)
sig-noncanonical = the signature bytes match, but the { $parts } is not canonical base64url, so a strict verifier rejects the token
sig-small-order = the signature bytes match, but the Ed25519 key is a point of small order: with such a key a fixed signature verifies any payload, so it proves nothing
sig-roca = the signature bytes match, but the RSA key has the ROCA flaw (CVE-2017-15361): its private key can be computed from the public key, so the signature proves nothing
sig-high-s = the signature bytes match, but S is in the upper half of the group order (the malleable twin of a low-S signature), which strict mode refuses
sig-rule = the signature bytes match, but { $rule }
sig-crit = the signature bytes match, but "crit" lists { $names } which this verifier does not understand; RFC 7515 §4.1.11 requires rejecting the token
sig-verified = signature verified
sig-verified-by = signature verified by { $key }
sig-empty = the signature is empty, but { $alg } requires one
sig-ec-length = { $alg } signature must be R||S of exactly { $want } bytes, found { $found }
sig-ec-length-der = { $alg } signature must be R||S of exactly { $want } bytes, found { $found } (it looks DER-encoded)
sig-ec-zero = { $alg } signature has r or s equal to zero, which is never valid (CVE-2022-21449)
sig-ed-length = EdDSA signature must be 64 bytes, found { $found }
sig-ml-dsa-length = { $alg } signature must be { $want } bytes, found { $found }

## Why a token could not be read
parse-too-big = { $size } bytes is over the { $limit } MiB limit for a token
parse-empty = no token: the text is empty
parse-segments = found { $count ->
        [one] 1 segment
       *[other] { $count } segments
    } separated by '.', expected 3 (signed JWS: header.payload.signature) or 5 (encrypted JWE)
parse-json-serialization = this is JSON, not a compact token (header.payload.signature); as a JWS JSON serialization it fails: { $error }
parse-no-signatures = a JWS JSON serialization without signatures
parse-sd-jwe = an SD-JWT is a signed JWT followed by disclosures; this one starts with an encrypted token
parse-header-empty = empty: a JOSE header must be a JSON object such as {"{"}"alg":"HS256"{"}"}
parse-header-utf8 = the decoded header is not UTF-8 (byte { $at } is invalid)
parse-header-type = is { $type }, but a JOSE header must be a JSON object
parse-json-limit = JSON { $problem }
parse-json-invalid = invalid JSON at { $error }
parse-b64-flag = "b64" must be true or false (RFC 7797), not { $value }
b64-invalid-char = byte { $offset } is { $shown }, not a base64url character (A-Z a-z 0-9 - _)
b64-misplaced-padding = '=' at byte { $offset } is padding in the middle of the text
b64-impossible-length = length { $len } is impossible for base64url (a character is missing or extra at the end)
b64-padding = has { $count } '=' padding character(s) at byte { $offset }; base64url in a JWS has no padding
b64-trailing-bits = the last character (byte { $offset }) has non-zero unused bits, so the text is not the canonical encoding of its bytes
char-space = a space
char-tab = a tab
char-line-break = a line break
char-carriage-return = a carriage return
char-control = the control character { $code }
char-standard-b64 = '{ $ch }' (standard base64, where base64url has '-' and '_')

## Keys
key-private = private
key-public = public
key-secret = HMAC secret, { $len ->
        [one] 1 byte
       *[other] { $len } bytes
    }
key-password = password, { $len ->
        [one] 1 byte
       *[other] { $len } bytes
    }
key-aes = AES key, { $bits } bits
key-rsa = RSA { $bits }-bit { $visibility } key
key-ec = EC { $curve } { $visibility } key
key-ed25519 = Ed25519 { $visibility } key
key-described = { $what } ({ $format })
key-kid = , kid "{ $kid }"
key-set = JWKS with { $count ->
        [one] 1 usable key
       *[other] { $count } usable keys
    }
key-set-skipped = {" "}({ $count } skipped)
key-format-utf8 = UTF-8 text
key-format-raw = raw bytes from a file
key-format-certificate = X.509 certificate
kind-secret = a shared secret
kind-rsa = an RSA { $visibility } key
kind-ec = an EC { $curve } { $visibility } key
kind-ed25519 = an Ed25519 { $visibility } key
needs-secret = a shared secret
needs-rsa = an RSA key
needs-ec = an EC { $curve } key
needs-ed25519 = an Ed25519 key
needs-nothing = no key
key-x25519 = X25519 { $visibility } key
key-ml-dsa = { $level } { $visibility } key
kind-x25519 = an X25519 { $visibility } key (key agreement, not signatures)
kind-ml-dsa = an { $level } { $visibility } key
needs-ml-dsa = an { $level } key
fit-none = alg none takes no key
fit-type = { $alg } needs { $needs }, but the key is { $kind }
fit-confusion = ; treating a public key as an HMAC secret is the key-confusion attack, so it is never done
fit-jwk-alg = the JWK is for alg { $key_alg }, not { $alg }
fit-jwk-use = the JWK's use is "{ $use }", not "sig"
fit-key-ops = the JWK's key_ops do not include "{ $op }"
fit-empty-secret = the secret is empty, and an empty HMAC key proves nothing: anyone can compute it
fit-short-rsa = the RSA key has { $bits } bits; signing needs at least 2048 (RFC 7518 §3.3)
fit-public = cannot sign with a public key: { $alg } needs the private key

## Claim values in words
amr-face = facial recognition
amr-fpt = fingerprint
amr-geo = geolocation
amr-hwk = hardware-secured key
amr-iris = iris scan
amr-kba = knowledge-based questions
amr-mca = multiple channels
amr-mfa = multiple factors
amr-otp = one-time password
amr-pin = PIN
amr-pwd = password
amr-rba = risk-based
amr-retina = retina scan
amr-sc = smart card
amr-sms = code by SMS
amr-swk = software-secured key
amr-tel = telephone call
amr-user = user presence
amr-vbm = voice biometric
amr-wia = Windows integrated authentication
typ-jwt = a JSON Web Token (RFC 7519); explicit types such as at+jwt are safer
typ-at-jwt = an OAuth 2.0 access token (RFC 9068)
typ-secevent = a Security Event Token (RFC 8417)
typ-dpop = a DPoP proof (RFC 9449)
typ-logout = an OpenID Connect back-channel logout token
typ-introspection = a signed token introspection response (RFC 9701)
typ-jwk-set = a signed JWK Set
typ-vc = a verifiable credential
typ-kb = an SD-JWT key-binding token
typ-entity-statement = an OpenID Federation entity statement
typ-jose = a JWS or JWE in compact form
typ-jose-json = a JWS or JWE in JSON form
typ-passport = a PASSporT (RFC 8225)
typ-keycloak = a Keycloak-style { $typ } token
typ-media = the media type { $typ }
explain-alg-none = { $alg }: no signature; anyone can forge this token
explain-alg-unknown = { $alg } is not a JWS signature algorithm this debugger knows
explain-jwe-alg = { $alg }: JWE key management, how the content key reaches the recipient
explain-enc-gcm = { $enc }: AES-GCM content encryption (authenticated)
explain-enc-cbc = { $enc }: AES-CBC content encryption with an HMAC tag
explain-enc-unknown = { $enc } is not a JWE content encryption this debugger knows
explain-cty-jwt = the payload is itself a token (nested JWT)
explain-aud-string = one audience (a string)
explain-aud-empty = an empty array: no recipient can accept this token
explain-aud-one = one audience (as an array)
explain-aud-many = { $count } audiences (an array): each recipient must find itself here
explain-scopes = { $count ->
        [one] 1 scope
       *[other] { $count } scopes
    }: { $list }
explain-client-public = public client (no client authentication)
explain-client-secret = client authenticated with a secret
explain-client-certificate = client authenticated with a certificate
explain-bool-string = "{ $value }" is a string; it should be a boolean, and some libraries read any string as true

## Expectations and unusable times
expect-issuer-ok = issuer is { $want }
expect-issuer-other = issuer is { $value }, expected "{ $want }"
expect-issuer-missing = no iss claim, expected "{ $want }"
expect-aud-ok = audience { $aud } is accepted
expect-aud-missing = no aud claim, expected one of { $want }
expect-aud-other = aud { $aud } holds none of { $want }
expect-required-ok = { $name } is present
expect-required-missing = required claim { $name } is missing
expect-lifetime-no-exp = no exp, so the lifetime has no end
expect-lifetime-no-start = no iat or nbf, so the lifetime cannot be measured
expect-lifetime-ok = lifetime { $span } is within { $max }
expect-lifetime-over = lifetime { $span } exceeds the maximum of { $max }
unusable-string = it is the string "{ $value }", not a number
unusable-range = { $value } is beyond the representable range of seconds
unusable-type = it is { $type }, not a number
unusable-check = { $name } is unusable: { $why }, so it cannot be checked

## Why a key could not be read
kerr-asn1-1 = unsupported elliptic curve { $o } (JWS uses P-256, P-384 and P-521; secp256k1/ES256K is not supported)
kerr-asn1-2 = RSA public key: { $e }
kerr-asn1-3 = RSA public key ({ $bits } bits): { $e }
kerr-asn1-4 = not a valid SubjectPublicKeyInfo: { $e }
kerr-asn1-5 = EC public key without a named curve
kerr-asn1-6 = EC public key: the curve is not given by name
kerr-asn1-7 = Ed25519 public key must be 32 bytes
kerr-asn1-8 = Ed25519 public key is not a valid curve point
kerr-asn1-9 = X25519 public key must be 32 bytes
kerr-asn1-10 = unsupported public key algorithm { $oid }
kerr-asn1-11 = not a valid PKCS#8 private key: { $e }
kerr-asn1-12 = RSA private key: { $e }
kerr-asn1-13 = EC private key without a named curve
kerr-asn1-14 = EC private key: { $e }
kerr-asn1-15 = Ed25519 private key: { $e }
kerr-asn1-16 = X25519 private key must be an OCTET STRING of 32 bytes
kerr-asn1-17 = unsupported private key algorithm { $oid }
kerr-asn1-18 = not a valid SEC1 EC private key: { $e }
kerr-asn1-19 = SEC1 EC private key without a named curve, and { $n } bytes fit no curve
kerr-asn1-20 = not a valid X.509 certificate: { $e }
kerr-asn1-21 = certificate public key: { $e }
kerr-asn1-22 = binary data that is not a DER key (tried SPKI, PKCS#8, PKCS#1, SEC1 and X.509)
kerr-asn1-23 = PEM block "{ $label }" is not valid base64: { $e }
kerr-asn1-24 = PEM: the BEGIN line is not closed by -----
kerr-asn1-25 = PEM: no "{ $end_marker }" line after BEGIN { $label }
kerr-asn1-26 = RSA PRIVATE KEY: { $e }
kerr-asn1-27 = the private key is encrypted with a passphrase; decrypt it first (openssl pkcs8 -in key.pem -out plain.pem)
kerr-asn1-28 = OpenSSH private key format; convert it to PKCS#8 (ssh-keygen -p -m PKCS8 -f key)
kerr-asn1-29 = unsupported PEM block "{ $other }"
kerr-asn1-30 = PEM text without a complete -----BEGIN ...----- block
kerr-jwk-1 = JWK member "{ $name }" must be a string
kerr-jwk-2 = JWK member "{ $name }": { $e }
kerr-jwk-3 = { $kty } JWK without "{ $name }"
kerr-jwk-4 = a JWK must be a JSON object
kerr-jwk-5 = JWK without "kty"
kerr-jwk-6 = RSA private JWK: { $err }
kerr-jwk-7 = RSA private JWK is inconsistent: { $err }
kerr-jwk-rsa-d = RSA private JWK: "d" is out of range (it must be greater than 1 and smaller than "n")
kerr-jwk-8 = EC JWK without "crv"
kerr-jwk-9 = EC JWK curve "{ $crv }" is not supported (P-256, P-384, P-521)
kerr-jwk-10 = EC JWK: "d" does not match "x" and "y"
kerr-jwk-11 = OKP JWK without "crv"
kerr-jwk-12 = X25519 JWK: "x" must be 32 bytes
kerr-jwk-13 = X25519 JWK: "d" does not match "x"
kerr-jwk-14 = OKP curve "{ $crv }" is not supported (Ed25519 for signatures, X25519 for encryption)
kerr-jwk-15 = Ed25519 JWK: "x" must be 32 bytes
kerr-jwk-16 = Ed25519 JWK: "x" is not a valid curve point
kerr-jwk-17 = Ed25519 JWK: "d" must be 32 bytes
kerr-jwk-18 = Ed25519 JWK: "d" does not match "x"
kerr-jwk-19 = AKP JWK without "alg"
kerr-jwk-20 = AKP JWK alg "{ $alg }" is not supported (ML-DSA-44, ML-DSA-65, ML-DSA-87)
kerr-jwk-21 = { $alg } JWK: "priv" (the seed) does not give "pub"
kerr-jwk-22 = JWK kty "{ $other }" is not supported (oct, RSA, EC, OKP, AKP)
kerr-jwk-23 = JWK member "key_ops" must be an array
kerr-jwk-24 = key JSON: { $e }
kerr-jwk-25 = the JWKS has no keys
kerr-jwk-26 = JWKS member "keys" must be an array
kerr-akp-1 = the system's random generator failed
kerr-akp-2 = { $name } private key: broken SEQUENCE
kerr-akp-3 = { $name } private key: the SEQUENCE does not start with a 32-byte seed
kerr-akp-4 = { $name } private key holds only the expanded key, without its seed; export it in the seed form (RFC 9881 §6)
kerr-akp-5 = { $name } private key is neither the seed form [0] nor a seed-and-key SEQUENCE
kerr-akp-6 = X25519 private key must be 32 bytes
kerr-akp-7 = X25519 private key is not usable
kerr-akp-8 = X25519 private key is not usable
kerr-akp-9 = X25519 public key must be 32 bytes
kerr-mod-1 = an SSH2 (RFC 4716) public key; convert it to OpenSSH form (ssh-keygen -i -f key.pub) or PEM
kerr-openssh-1 = OpenSSH public key: { $e }
kerr-openssh-2 = OpenSSH RSA key with a negative modulus
kerr-openssh-3 = OpenSSH RSA key with a negative exponent
kerr-openssh-4 = OpenSSH RSA key: { $e }
kerr-secret-1 = hex secret has an odd number of digits
kerr-secret-2 = base64 secret: { $e }
kerr-secret-3 = base64url secret: { $e }
kerr-rsa-too-big = the RSA modulus has { $bits } bits; keys up to { $max } bits are read
kerr-ec-coordinates = EC JWK on { $crv }: x and y must be { $n } bytes each, found { $x } and { $y }
kerr-akp-expanded = { $alg } JWK: "priv" is { $len } bytes, an expanded private key; RFC 9964 keys carry the 32-byte seed there (the seed is needed)
kerr-akp-seed-length = { $name } private key: the seed must be 32 bytes, found { $len }
kerr-akp-private = { $name } private key: { $e }
kerr-akp-public-length = { $name } public key must be { $want } bytes, found { $len }
kerr-ec-not-on-curve = the EC public key is not a point on { $curve }
kerr-ec-bad-scalar = the EC private key is not a valid { $curve } scalar
kerr-ec-scalar-length = the EC private key has { $len } bytes, { $curve } needs { $want }
kerr-openssh-alg = OpenSSH { $alg } keys cannot sign or verify JWTs (JOSE has RSA, ECDSA P-256/384/521 and Ed25519)
kerr-hex-pair = hex secret: digit pair { $n } is not hexadecimal

# Time values that are not plain seconds
time-problem-millis = this looks like milliseconds: { $at } as seconds
time-problem-fraction = fractional seconds ({ $value }); many libraries expect a whole number
time-problem-string = a string, but a NumericDate must be a number: as a number it would be { $at }
time-problem-not-time = a string that is not a time; a NumericDate is a number of seconds
time-problem-type = { $type } is not a time; a NumericDate is a number of seconds

# crit and b64 rules (RFC 7515 §4.1.11, RFC 7797 §6)
rule-b64-not-crit = "b64": false is not listed in "crit"; RFC 7797 §6 requires crit: ["b64"]
rule-crit-not-array = "crit" must be an array of names, not { $value }
rule-crit-empty = "crit" is an empty list, which RFC 7515 §4.1.11 forbids
rule-crit-not-name = "crit" lists { $value }, which is not a name
rule-crit-twice = "crit" lists "{ $name }" twice
rule-crit-registered = "crit" lists "{ $name }", a parameter of the JWS/JWE specifications, which RFC 7515 §4.1.11 forbids
rule-crit-absent = "crit" lists "{ $name }" but the header has no such parameter

# Decrypting an encrypted token (JWE)
jwe-not-jwe = not an encrypted token
jwe-no-header = the protected header could not be read
jwe-malformed = the token is malformed ({ $error })
jwe-unknown-alg = alg { $alg } is not a JWE key management algorithm this debugger implements
jwe-unknown-enc = enc { $enc } is not a JWE content encryption this debugger implements
jwe-unknown-zip = zip { $zip } is not a compression this debugger implements (only DEF)
jwe-crit = "crit" lists { $names } which this debugger does not understand; RFC 7516 §4.1.13 requires rejecting the token
jwe-no-key = no key given: the token was not decrypted
jwe-no-enc-key = no key in the set is for encryption (each one's use or key_ops say otherwise)
jwe-no-password = { $alg } takes a password, and no key given is a secret
jwe-decrypted = decrypted: { $alg } + { $enc }, the authentication tag verified
jwe-decrypted-with = decrypted with { $key }: { $alg } + { $enc }, the authentication tag verified
jwe-ambiguous-failure = { " " }(with this algorithm a wrong key and a changed token look the same)
jwe-no-key-unwraps = no key recovers the content key: { $reasons }
jwe-inflate-corrupt = the compressed content (zip: DEF) does not inflate: { $why }
jwe-inflate-bomb = the compressed content inflates past { $cap } MiB, the cap (a decompression bomb?)

# The verdict over every layer
verdict-verified = verified
verdict-verified-layers = every layer verified ({ $count ->
    [one] 1 layer
   *[other] { $count } layers
})
verdict-no-key = not verified: no key for layer { $layer }
verdict-nesting-limit = not verified: layer { $layer } was not opened (tokens are opened { $max } layers deep at most)
verdict-signature = the signature of layer { $layer } does not verify
verdict-decryption = layer { $layer } could not be decrypted
verdict-malformed = layer { $layer } is not a well-formed token
verdict-expired = the signature verifies, but the token has expired (--ignore-exp accepts it)
verdict-not-yet-valid = the signature verifies, but the token is not valid yet (--ignore-nbf accepts it)
verdict-disclosures = the SD-JWT's disclosures do not match its payload (RFC 9901 §7.1)
verdict-key-binding = the SD-JWT's key binding is not verified: { $detail }

# Names that only look like registered ones (Unicode TR39)
f-confusable-title = { $part ->
    [header] Header parameter "{ $name }" looks like "{ $like }"
   *[payload] Claim "{ $name }" looks like "{ $like }"
}
f-confusable-msg = "{ $name }" is not "{ $like }": its letters only look alike (another script's letters, or invisible characters inside). A verifier reads the real "{ $like }" (or none); a person reads this one. The token shows something other than what it says.
f-invisible-name-title = { $part ->
    [header] Header parameter "{ $name }" holds invisible characters
   *[payload] Claim "{ $name }" holds invisible characters
}
f-invisible-name-msg = The name "{ $name }" contains characters that show nothing (shown here as escapes): two names that look the same can differ.

## SD-JWT (RFC 9901)
sd-disclosure-error = disclosure { $n }: { $problem }
sd-problem-empty = empty
sd-problem-base64 = not base64url ({ $error })
sd-problem-utf8 = its decoded bytes are not UTF-8
sd-problem-json = not JSON ({ $error })
sd-problem-shape = not a JSON array of 2 elements [salt, value] or 3 elements [salt, name, value]
sd-problem-salt = the salt is not a string
sd-problem-name = the claim name is not a string
sd-problem-reserved = the claim name "{ $name }" is reserved
sd-problem-element-in-object = an array element [salt, value], but its digest is in the _sd of an object at { $at }
sd-problem-property-in-array = the property "{ $name }", but its digest stands for an array element at { $at }
sd-problem-name-exists = it discloses "{ $name }", which already exists at { $at }
sd-problem-twice = the same as disclosure { $first }
sd-problem-unreferenced = its digest is referenced nowhere in the payload or the other disclosures
sd-digest-twice = the digest { $digest } is referenced more than once (again at { $at })
sd-not-array = _sd at { $at } is not an array
sd-digest-not-string = _sd at { $at } holds a digest that is not a string
sd-ellipsis-not-string = the array element at { $at } is {"{"}"...": …{"}"} with a digest that is not a string
sd-too-deep = disclosures nest more than { $max } levels deep (at { $at }); the rest was not processed
sd-alg-unsupported = _sd_alg "{ $alg }" is not a supported hash (sha-256, sha-384, sha-512, sha3-256, sha3-384, sha3-512)
sd-alg-not-string = _sd_alg is not a string
sd-payload-not-object = the issuer-signed payload is not a JSON object
sd-invalid = the disclosures do not match the payload (RFC 9901 §7.1)
kb-verified = key binding verified: signed by the holder key over this presentation
kb-verified-with = key binding verified with { $key }
kb-malformed = the key-binding JWT is malformed: { $error }
kb-typ = the key-binding JWT's typ is "{ $typ }", not "kb+jwt"
kb-alg = the key-binding JWT's alg "{ $alg }" is not an asymmetric signature algorithm
kb-sd-hash-missing = the key-binding JWT has no sd_hash
kb-sd-hash-mismatch = sd_hash does not match this presentation (a disclosure was added, dropped or changed)
kb-iat-missing = the key-binding JWT has no iat
kb-iat-future = the key-binding JWT was issued { $secs } s in the future
kb-iat-old = the key-binding JWT was issued { $secs } s ago, older than the { $max } s accepted
kb-member-missing = the key-binding JWT has no { $name }
kb-member-mismatch = the key-binding JWT's { $name } is "{ $got }", expected "{ $expected }"
kb-no-holder-key = the issuer names the holder key only by kid or jkt: give it with --holder-key (or in the holder key field)
kb-cnf-jwk-unreadable = cnf.jwk is not a usable key: { $error }
kb-jkt-mismatch = no given holder key has the thumbprint cnf.jkt { $jkt }
kb-signature = the key-binding signature: { $detail }
sd-pointer-syntax = "{ $pointer }" is not a JSON pointer (it starts with "/", like /address/street_address)
sd-pointer-missing = nothing at { $pointer } in the claims
sd-pointer-root = the whole payload cannot be selectively disclosable; name a claim under it
sd-pointer-reserved = { $pointer } is a claim that must stay visible (_sd, _sd_alg, ... and cnf are never disclosable)
sd-present-malformed = not an SD-JWT: { $error }
sd-present-not-sd = not an SD-JWT: no "~" follows the issuer-signed JWT
sd-present-invalid = the SD-JWT's disclosures do not match its payload: { $error }
sd-present-nothing-at = no disclosure puts anything at { $pointer }
sd-kb-key-symmetric = a key-binding JWT is signed with the holder's private key (an asymmetric key), not a secret
sd-kb-sign = signing the key-binding JWT failed: { $error }
f-sd-invalid-title = { $count ->
    [one] The disclosures break a rule of RFC 9901
   *[other] The disclosures break { $count } rules of RFC 9901
}
f-sd-invalid-msg = A verifier must reject this SD-JWT: { $first }
f-sd-short-salt-title = { $count ->
    [one] A disclosure's salt is short
   *[other] { $count } disclosures have short salts
}
f-sd-short-salt-msg = { $first }: a salt under { $bits } bits lets anyone who sees the digest guess the hidden value by trying likely ones.
f-sd-no-decoys-title = No decoy digests
f-sd-no-decoys-msg = The payload holds { $count } digests and none is a decoy: a verifier learns how many claims the holder withheld, and the count helps link presentations. Issuers add decoys (RFC 9901 §4.2.5).
f-sd-kb-missing-title = Bound to a holder key, presented without key binding
f-sd-kb-missing-msg = The payload names a holder key (cnf) but no key-binding JWT follows: anyone who holds this presentation can replay it.
f-sd-kb-invalid-title = Key binding not verified
f-sd-kb-invalid-msg = { $detail }
f-sd-vc-legacy-typ-title = Legacy SD-JWT VC type vc+sd-jwt
f-sd-vc-legacy-typ-msg = SD-JWT VC now uses typ "dc+sd-jwt"; verifiers following the current draft may refuse "vc+sd-jwt".
f-sd-vc-no-vct-title = SD-JWT VC without vct
f-sd-vc-no-vct-msg = An SD-JWT VC must name its credential type in vct.
f-sd-vc-disclosable-title = Claims that must stay visible are selectively disclosable
f-sd-vc-disclosable-msg = { $names }: SD-JWT VC requires these to be always visible, so a verifier can check issuer, validity, type and status without the holder's choice.

## Token kinds and their rules
profile-title = { $name ->
    [access_token] access token
    [dpop_proof] DPoP proof
    [id_token] ID token
    [logout_token] logout token
    [security_event] security event token
    [client_assertion] client assertion
    [request_object] request object
    [kb_jwt] key-binding JWT
    [entity_statement] entity statement
    [status_list] status list token
    [sd_jwt_vc] SD-JWT VC
    [token_introspection] token introspection response
   *[jwt] JWT
}
verdict-profile = a rule of the { $kind } failed: { $id }: { $detail }
pc-present = present
pc-missing = missing: a token of this kind must have { $name }
pc-mismatch = { $name } is "{ $got }", expected "{ $expected }"
pc-typ-ok = typ is { $typ }
pc-typ-none = no typ
pc-typ-missing = no typ: this kind ({ $kind }) must say typ { $typ }
pc-typ-recommended = no typ ({ $typ } is recommended)
pc-typ-wrong = typ is { $typ }, expected { $expected }
pc-typ-other = typ is { $typ } ({ $other }), not a token of this kind ({ $kind }): RFC 8725 §3.11, one kind must not pass for another
pc-alg-none = alg none: this kind ({ $kind }) must be signed
pc-alg-ok = alg { $alg }
pc-alg-symmetric = alg { $alg }: this kind ({ $kind }) is signed with an asymmetric key
pc-azp-ok = azp { $azp }
pc-azp-needed = several audiences: azp must name the client the token was issued to
pc-nonce-match = nonce matches
pc-nonce-mismatch = nonce is "{ $got }", expected "{ $expected }"
pc-nonce-absent = no nonce, expected "{ $expected }"
pc-nonce-unchecked = nonce "{ $got }": give the expected nonce to compare
pc-nonce-forbidden = a logout token must not hold a nonce
pc-hash-match = { $name } matches the { $what ->
        [code] authorization code
       *[other] access token
    }
pc-hash-mismatch = { $name } does not match the { $what ->
        [code] authorization code
       *[other] access token
    } (its hash is { $expected })
pc-hash-missing = no { $name } to compare with the { $what ->
        [code] authorization code
       *[other] access token
    }
pc-hash-unchecked = { $name } present: give the { $what ->
        [code] authorization code
       *[other] access token
    } to check it
pc-hash-alg = { $name } cannot be computed for alg { $alg }
pc-events-logout-ok = events holds the back-channel logout event
pc-events-logout-missing = events must hold { $event } as an object
pc-events-object = events: { $names }
pc-events-not-object = events must be a JSON object with at least one event
pc-sid-or-sub = sid or sub names the session or user
pc-sid-or-sub-missing = neither sid nor sub: the logout names no one
pc-exp-unexpected = exp is set: a security event token states a fact and does not expire (RFC 8417 §2.2)
pc-iss-sub-equal = iss equals sub, as client authentication requires
pc-iss-sub-differ = iss { $iss } differs from sub { $sub }: client authentication requires both to be the client_id
pc-aud-match = aud { $aud }
pc-aud-mismatch = aud { $aud } names none of { $expected }
pc-aud-unchecked = aud { $aud }: give --aud (the token endpoint or authorization server) to compare
pc-not-self-signed = issued by { $iss } about another entity: verify it with the issuer's keys
pc-self-signed-ok = self-signed, and its own jwks verifies it
pc-self-signed-fail = self-signed, but its own jwks does not verify it: { $detail }
pc-jwks-unreadable = jwks is not a usable key set: { $error }
pc-vct-missing = no vct: an SD-JWT VC names its credential type
pc-not-sd-jwt = not an SD-JWT: no disclosures follow the JWT
pc-sd-valid = { $count } disclosures match the payload
pc-disclosable = { $names } must always be visible, but is selectively disclosable
pc-kb-none = no key-binding JWT, though cnf names a holder key
pc-jwk-missing = no jwk header: a DPoP proof carries the public key that signed it
pc-jwk-unreadable = the jwk header is not a usable key: { $error }
pc-jwk-private = the jwk header holds a private key: the proof publishes the key that should prove possession
pc-jwk-verifies = signed by the key in its jwk header
pc-jwk-fails = not signed by the key in its jwk header: { $detail }
pc-iat-ok = issued { $secs } s ago
pc-iat-old = issued { $secs } s ago; at most { $max } s is accepted
pc-iat-future = issued { $secs } s in the future
pc-htm-match = method { $got } matches
pc-htm-unchecked = method { $got }: give the request's method to compare
pc-htu-match = URL { $got } matches
pc-htu-unchecked = URL { $got }: give the request's URL to compare
pc-ath-match = ath is the hash of the access token
pc-ath-missing = no ath: a proof sent with an access token must hash it
pc-ath-unchecked = ath present: give the access token to check it
pc-jkt-match = the access token's cnf.jkt is the thumbprint of the proof's key
pc-jkt-mismatch = the access token is bound to key { $jkt }, but the proof was signed with { $thumbprint }
pc-jkt-unbound = the access token has no cnf.jkt: it is not bound to this proof's key
pc-jkt-opaque = the access token is not a JWT: its binding is checked by introspection
pc-jkt-no-key = the proof's key cannot be read, so its binding cannot be checked
pc-jkt-unchecked = give the access token to check that it is bound to this key (cnf.jkt)
pc-bits-ok = { $bits } bits per entry
pc-bits-bad = status_list.bits must be 1, 2, 4 or 8
pc-lst-ok = { $entries } entries; by status value { $counts }
pc-lst-bad = lst cannot be read: { $error }
pc-index = entry { $index } has status { $value }
pc-index-out = entry { $index } is past the list's { $entries } entries

f-eddsa-deprecated-title = alg EdDSA is deprecated: the fully specified name is Ed25519
f-eddsa-deprecated-msg = RFC 9864 replaces the polymorphic EdDSA with names that also fix the curve (Ed25519, Ed448), so a verifier no longer lets the key decide. Verifiers keep accepting EdDSA for now; new tokens should say Ed25519.

## Attack tokens
attack-malformed = the token to start from is malformed: { $error }
attack-not-jws = attacks start from a signed token (JWS); this one is encrypted
attack-no-claims = the token's payload is not a JSON object of claims
attack-sign = could not sign the attack token: { $error }
attack-title = { $id ->
    [none] alg none: no signature at all
    [strip] signature stripped, alg kept
    [hmac-confusion] HMAC with the server's public key as the secret
    [embedded-jwk] attacker's key embedded as jwk
    [embedded-x5c] attacker's self-signed certificate in x5c
    [jku] jku pointing at the attacker's key set
    [x5u] x5u pointing at the attacker's certificate
    [kid-path] kid path traversal to a file with known content
    [kid-sql] kid SQL injection returning a known key
    [psychic] ECDSA signature with r = s = 0
    [empty-key] HMAC with an empty secret
   *[weak-secret] signed with the known or guessed secret
}

f-jwk-dpop-title = The DPoP proof carries its public key, as RFC 9449 requires
f-jwk-dpop-msg = A DPoP proof is signed with the key in its own jwk header by design: anyone can make one. What makes it count is the access token sent with it, bound to this key by cnf.jkt, and ath over that token (the Kind section checks both).
