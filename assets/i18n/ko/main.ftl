# jwt-debugger: 한국어. 식별자(클레임 이름, alg 값, 발견 항목 ID)는 번역하지 않습니다.

## Toolbar
app-title = JWT 디버거
open-token = 📂 토큰 열기…
open-token-tip = 토큰이 든 파일 열기 ({ $shortcut })
save-token = 💾 토큰 저장…
save-token-tip = 토큰을 파일로 저장 ({ $shortcut })
copy-token = 📋 토큰 복사
copy-token-tip = 인코딩된 토큰 복사 ({ $shortcut })
more-copies = 다른 복사 ⏷
example = 예제
example-tip = 서명된 HS256 예제로 다시 시작
theme-light-tip = 밝은 테마로 전환
theme-dark-tip = 어두운 테마로 전환
follow-system-theme = 시스템 테마 따르기
data-menu = ⚙ 데이터 ⏷
forget-everything = 모두 지우기
forget-everything-tip = 설정, 토큰과 편집기 내용, 메모리의 키, 시스템 자격 증명 저장소에 기억된 키를 모두 지웁니다
language = 언어
offline-note = 오프라인: 여기에 붙여 넣거나 입력한 내용은 이 컴퓨터를 떠나지 않습니다.

## Typed-path prompt
prompt-save-token = 토큰 저장 위치
prompt-open-token = 토큰 파일 위치
prompt-open-dictionary = 클레임 사전 파일 위치
prompt-open-wordlist = 단어 목록 파일 위치
prompt-save-key = 키 저장 위치
prompt-open-key = 키 파일 위치
ok = 확인
cancel = 취소

## Copy and export
copy-what-token = 토큰 복사
copy-what-bearer = Authorization 헤더 복사
copy-what-curl = curl 명령 복사
copy-what-header = 헤더 JSON 복사
copy-what-payload = 페이로드 JSON 복사
export-public-pem = 공개 키 PEM (SPKI)
export-public-jwk = 공개 JWK
export-jwks = 공개 키가 든 JWKS
export-private-pem = 개인 키 PEM (PKCS#8)
export-private-jwk = 개인 JWK

## Encoded token
encoded-token = 인코딩된 토큰
encoded-token-help = 토큰이나 토큰이 든 텍스트(Bearer 헤더, URL, 쿠키)를 붙여 넣으세요.
encoded-token-hint = eyJhbGciOi… (창 어디서나 Ctrl+V로 붙여 넣기)
no-token-yet = 아직 토큰이 없습니다: 붙여 넣거나, 파일을 열거나, 예제를 누르세요.
stripped-around = 토큰 주변에서 제거함: { $what }
large-token-pending = ⟳ 큰 토큰: 입력을 멈추면 다시 서명합니다…
draft-note = ⚠ 초안: { $reason }. 토큰은 마지막으로 서명된 것입니다.

## Status
badge-no-token = 토큰 없음
reason-no-token = 창 어디서나 토큰을 붙여 넣거나(Ctrl+V), 파일을 열거나, 예제로 시작하세요.
badge-malformed = 형식 오류
badge-draft = 서명되지 않은 초안: { $reason }
reason-draft = 표시된 토큰은 마지막으로 서명된 것이며 편집기의 변경 사항을 포함하지 않습니다.
badge-verified = 서명 확인됨
badge-invalid = 잘못된 서명
badge-unsigned = 서명 없음 (alg: none)
badge-no-key = 키 없음: 서명을 확인하지 않음
reason-no-key-secret = 서명을 확인하려면 아래에 비밀 키를 입력하세요.
reason-no-key-public = 서명을 확인하려면 아래에 공개 키(PEM, JWK 또는 JWKS)를 붙여 넣으세요.
badge-unsupported = 서명을 확인할 수 없음
badge-key-mismatch = 키가 맞지 않음
badge-key-mismatch-alg = 키가 { $alg }에 맞지 않음
badge-no-times = 확인할 시간 없음
key-used = 키: { $key }
findings-none-no-token = 발견 항목: 없음 (토큰 없음)
findings-none = 발견 항목: 없음
findings-count = 발견 항목: { $counts }
severity-count = { $severity } { $count }건
finding-details = 발견 항목 상세 ({ $count })
nothing-unsafe = 이 토큰과 키에서 안전하지 않은 점을 찾지 못했습니다.
key-detected = 감지됨: { $key }
no-key = 키 없음
public-key-not-secret = { $key } — 비밀 키가 아닌 공개 키
public-key-refused = 공개 키로 보이므로 비밀 키로 쓰지 않습니다 ({ $error })

## Editors
header = 헤더
payload = 페이로드

## Draft reasons
draft-header-not-object = 헤더가 JSON 객체가 아닙니다
draft-header-not-json = 헤더가 올바른 JSON이 아닙니다
draft-payload-not-json = 페이로드가 올바른 JSON이 아닙니다
draft-no-secret = { $alg } 비밀 키 없음
draft-no-private-key = { $alg } 개인 키 없음
draft-public-key = 공개 키로는 { $alg } 서명을 할 수 없습니다: 개인 키를 붙여 넣으세요
draft-embedded-key = 헤더의 jwk에 개인 키가 들어 있어 토큰이 그 키를 공개하게 됩니다 (그래도 서명하려면 키 아래 상자를 체크하세요)
draft-unsecured = alg none은 보호되지 않은 토큰을 만듭니다 (만들려면 "보호되지 않은 토큰 만들기"를 체크하세요)
draft-cannot-sign = { $alg }{ BATCHIM($alg) ->
        [yes] 으로
        [rieul] 로
       *[no] 로
    } 서명할 수 없음: { $why }

## Helpers
helpers = 도우미
new-from-template = 템플릿으로 새로 만들기 ⏷
timeline-now = 지금
iat-now = iat = 지금
nbf-now = nbf = 지금
random-jti = 무작위 jti
reissue = 지금 다시 발급
reissue-tip = iat = 지금; exp와 nbf를 같은 만큼 옮겨 유효 기간을 유지합니다
exp-now-plus = exp = 지금 +
exp-preset-tip = exp를 지금 + { $span }{ BATCHIM($span) ->
        [yes] 으로
        [rieul] 로
       *[no] 로
    } 설정
custom-minutes = 직접 입력 (분)
set-exp = exp 설정

## Key
algorithm = 알고리즘
no-valid-alg = (헤더에 올바른 alg가 없음)
alg-unsafe = { $alg } — 안전하지 않음: { $description }
alg-none-warning = ⚠ alg none: 토큰에 서명이 없어 누구나 바꿀 수 있습니다.
make-unsecured = 보호되지 않은 토큰 만들기 (누구나 위조할 수 있음을 이해합니다)
secret = 비밀 키
secret-hint = 공유 비밀 키
show = 보기
password = 비밀번호
password-hint = 토큰을 암호화한 비밀번호
aes-key = AES 키
aes-key-hint = 공유 AES 키(b64url: 뒤에 base64url, 또는 JWK)
secret-encoding = 비밀 키 인코딩
open-secret-file = 비밀 키 파일 열기…
public-key-title = 공개 키 (확인용)
public-key-hint = -----BEGIN PUBLIC KEY-----, 인증서, JWK 또는 JWKS
private-key-title = 개인 키 (서명용)
private-key-hint = -----BEGIN PRIVATE KEY----- 또는 개인 JWK
open-key-file = 키 파일 열기…
drop-key-hint = 키 파일을 창에 끌어다 놓으면 불러옵니다.
remember-key = 이 컴퓨터에 키 기억하기
remember-key-tip = 끔(기본): 키는 메모리에만 있습니다. 켬: 시스템 자격 증명 저장소(Secret Service, 키체인, 자격 증명 관리자)에 보관하며 설정 파일에는 절대 쓰지 않습니다.
sign-embedded-anyway = 헤더의 jwk가 개인 키를 공개하더라도 서명하기

## Key tools
rsa-size = RSA 크기
rsa-bits = { $bits }비트
generate-secret = 무작위 비밀 키 생성
generate-key-pair = 키 쌍 생성
generate-tip = 개인 키(서명용)와 공개 키(확인용)를 채웁니다
key-details = 키 상세 정보와 내보내기
thumbprint = RFC 7638 지문: { $thumbprint }
thumbprint-as-kid = 지문을 kid로 사용
cert-subject = 주체: { $subject }
cert-issuer = 발급자: { $issuer }
cert-valid = 유효 기간 { $from } ~ { $to }
cert-not-valid-now = 유효 기간 { $from } ~ { $to } (지금은 유효하지 않음)
copy-label = 복사:
fetch-keys = 발급자에게서 키 가져오기
fetch-keys-help = 누를 때만: 토큰의 iss로 OpenID Connect 디스커버리 / RFC 8414, 또는 JWKS URL. https만 허용(localhost는 http 가능). 결과는 세션 동안 보관합니다.
discover-keys-of = { $issuer }의 키 찾기
discover-no-iss = 키 찾기 (토큰에 iss가 없음)
jwks-url = JWKS URL
fetch = 가져오기

## Guess
guess-title = 비밀 키 추측
guess-help = 잘 알려진 비밀 키(프레임워크 기본값, 튜토리얼 비밀 키)와, 고르면 단어 목록 파일을 시도합니다. 아무것도 이 컴퓨터를 떠나지 않습니다.
guess-running = { $what } 시도 중: 지금까지 후보 { $tried }개
guess-try-known = 잘 알려진 비밀 키 시도
guess-try-wordlist = 단어 목록 시도…
guess-found = ⛔ 후보 { $tried }개 만에 비밀 키를 찾았습니다: "{ $secret }"
guess-use = 이 비밀 키 사용
guess-not-found = { $what }에서 찾지 못했습니다 (후보 { $tried }개).

## Validation
validation = 검증
leeway = 허용 오차 (초)
evaluate-live = 현재 시각으로 평가
evaluate-at = 평가 시각
evaluate-at-hint = 2026-11-27T20:00:00Z 또는 Unix 초
any-kid = 토큰의 kid와 맞는 키가 없으면 JWKS의 모든 키 시도
strict = 엄격: 높은 S 값의 ECDSA 서명 거부
expected-issuer = 기대하는 발급자
accepted-audiences = 허용하는 대상
required-claims = 필수 클레임
maximum-lifetime = 최대 유효 기간
load-dictionary = 클레임 사전 불러오기…
load-dictionary-tip = assets/claims.json 같은 JSON 파일; 항목이 기본 사전에 더해지거나 덮어씁니다
dictionary-loaded = 사용자 사전 불러옴
remove = 제거

## Claims
claims-title = 클레임 ({ $count })
header-parameters-title = 헤더 매개변수 ({ $count })
custom-claim = 사용자 정의
custom-claim-tip = 등록되었거나 알려진 공급자 클레임이 아닙니다
fix-claim = { $name } 고치기
set-claim = { $name } 설정 (RFC 3339 또는 Unix)
timeline-tip = { $summary }; 음영: 유효하지 않음

## Notices
notice-token-pasted = 토큰을 붙여 넣었습니다
notice-pasted-empty = 붙여 넣은 텍스트가 비어 있습니다
notice-not-a-token = 올바른 형식의 토큰이 아닙니다: { $why }
notice-loaded-key = 키 { $name }{ BATCHIM($name) ->
        [yes] 을
        [rieul] 을
       *[no] 를
    } 불러왔습니다: { $key }
notice-opened-token-from = { $name }에서 토큰을 열었습니다
notice-neither = { $name }에는 토큰도 키도 없습니다
notice-generated = { $key }{ BATCHIM($key) ->
        [yes] 을
        [rieul] 을
       *[no] 를
    } 생성했습니다
notice-fetched = { $source }에서 { $keys }{ BATCHIM($keys) ->
        [yes] 을
        [rieul] 을
       *[no] 를
    } 가져왔습니다
notice-no-dialog = 여기서는 파일 대화 상자를 열 수 없습니다(데스크톱 포털이나 zenity 없음): 경로를 입력하세요
notice-saved-token = 토큰을 { $path }에 저장했습니다
notice-opened = { $path }{ BATCHIM($path) ->
        [yes] 을
        [rieul] 을
       *[no] 를
    } 열었습니다
notice-file-empty = { $path }{ BATCHIM($path) ->
        [yes] 이
        [rieul] 이
       *[no] 가
    } 비어 있습니다
notice-saved-key = { $what }{ BATCHIM($what) ->
        [yes] 을
        [rieul] 을
       *[no] 를
    } { $path }에 저장했습니다
notice-loaded-dictionary = 클레임 사전 { $path }{ BATCHIM($path) ->
        [yes] 을
        [rieul] 을
       *[no] 를
    } 불러왔습니다
notice-loaded = { $key }{ BATCHIM($key) ->
        [yes] 을
        [rieul] 을
       *[no] 를
    } 불러왔습니다
notice-copied = 복사함: { $what }
notice-type-path = 파일 경로를 입력하세요
notice-no-iss = 토큰에 iss 클레임이 없습니다
notice-example = HS256 예제를 불러왔습니다
notice-exp-set = exp를 설정했습니다
notice-claim-set = { $name }{ BATCHIM($name) ->
        [yes] 을
        [rieul] 을
       *[no] 를
    } 설정했습니다
notice-claim-now = { $name } = 지금
notice-claim-fixed = { $name }{ BATCHIM($name) ->
        [yes] 을
        [rieul] 을
       *[no] 를
    } 고쳤습니다
notice-new-jti = 새 jti
notice-reissued = 지금 다시 발급했습니다
notice-template = 템플릿으로 새 토큰: { $template }
notice-guessed = 추측한 비밀 키를 사용합니다
notice-choose-alg = 먼저 알고리즘을 고르세요
notice-kid-thumbprint = kid를 키 지문으로 설정했습니다
notice-dictionary-removed = 사용자 사전을 제거했습니다
notice-remembered = 키를 시스템 자격 증명 저장소에 보관합니다
notice-cannot-remember = 키를 기억할 수 없습니다: { $error }. 메모리에만 보관합니다.
notice-remembered-unavailable = 기억된 키를 쓸 수 없습니다: { $error }. 키는 메모리에만 있습니다.
notice-forgot = 모두 잊었습니다: 설정, 탭 { $tabs }개의 토큰과 편집기, 기록 { $history }개, 메모리의 키. { $store }
notice-forgot-partly = 설정, 토큰, 기록, 메모리의 키를 잊었습니다. 자격 증명 저장소에 기억한 키: { $error }
forgot-store-cleared = 자격 증명 저장소에 남은 것이 없습니다.
forgot-store-none = 이 컴퓨터에는 자격 증명 저장소가 없어 그곳에 기억한 것이 없습니다.
forget-confirm-title = 모두 잊을까요?
forget-confirm-text = 설정, 모든 탭의 토큰과 편집기, 기록, 메모리의 키, 시스템 자격 증명 저장소에 기억한 키를 지웁니다. 되돌릴 수 없습니다.
forget-confirm-yes = 모두 잊기
forget-confirm-no = 그대로 두기
notice-missing-fonts = 설치된 글꼴로 { $scripts }{ BATCHIM($scripts) ->
        [yes] 을
        [rieul] 을
       *[no] 를
    } 표시할 수 없습니다: 읽으려면 글꼴을 설치하세요. 토큰 자체에는 영향이 없습니다.
notice-language = 언어: { $language }
copied-token = 토큰
copied-bearer = Authorization 헤더
copied-curl = curl 명령
copied-header = 헤더 JSON
copied-payload = 페이로드 JSON
notice-cannot-read-dropped = 끌어다 놓은 파일 { $name }{ BATCHIM($name) ->
        [yes] 을
        [rieul] 을
       *[no] 를
    } 읽을 수 없습니다: { $error }

## Time words and validity (core)
time-now = 지금
time-in = { $span } 후
time-ago = { $span } 전
span-seconds = { $n }초
span-minutes = { $n }분
span-hours = { $n }시간
span-hours-minutes = { $h }시간 { $m }분
span-days = { $n }일
span-years = { $n }년
validity-valid = 유효함
validity-expired = 만료됨: { $when }
validity-not-before = { $at } 전에는 유효하지 않음
validity-no-exp = 만료 없음
validity-exp-unusable = exp를 쓸 수 없음: { $why }
check-expires = { $when } 만료 ({ $at })
check-expired = { $when } 만료됨 ({ $at })
check-valid-since = { $when }부터 유효 ({ $at })
check-not-before = { $at } 전에는 유효하지 않음 ({ $when })
check-issued = { $when } 발급 ({ $at })
check-issued-future = 미래에 발급됨: { $when } ({ $at })

## Command line
cli-hint-token-needs-command = 도움말: 토큰은 명령으로 읽습니다. 여기에서는 jwt-debugger decode TOKEN, 창에서는 jwt-debugger gui TOKEN
cli-stripped = 토큰 주변에서 제거함: { $what }
cli-header-not-json = 헤더 (올바른 JSON 아님)
cli-payload-text = 페이로드 (JSON이 아닌 텍스트)
cli-payload-binary = 페이로드 (바이너리, { $bytes }바이트, 16진수)
cli-payload-encrypted = 암호화된 토큰: 복호화하지 않으면 페이로드를 읽을 수 없습니다
cli-times = 시간
cli-signature = 서명
cli-not-checked = 서명을 확인하지 않음
cli-validity = 유효성
cli-verdict = 판정
cli-findings = 발견 항목
cli-kind = 종류
cli-kind-from-typ = typ에서
cli-kind-from-claims = 클레임에서
cli-kind-from-option = --profile로 지정
cli-kind-valid = 규칙 { $count }개 충족
cli-kind-invalid = 규칙 { $count }개 실패
cli-kind-incomplete = 규칙 { $count }개에 입력이 필요 (아래 ? 참고)
cli-status-entry = 항목 { $index }의 상태: { $value }
cli-sd-disclosures = 공개 항목 ({ $count }개, 공개되지 않았거나 미끼인 다이제스트 { $decoys }개, { $hash })
cli-sd-valid = 모든 공개 항목이 페이로드의 다이제스트와 맞습니다 (RFC 9901 §7.1)
cli-sd-invalid = RFC 9901 §7.1 규칙 { $count }개를 어김
cli-sd-claims = 처리된 클레임 (SD-JWT가 공개하는 내용)
cli-sd-key-binding = 키 바인딩
cli-encryption = 암호화
cli-not-decrypted = 복호화하지 않음
cli-inner-token = 안쪽 토큰 (복호화한 페이로드 자체가 토큰)
badge-decrypted = 복호화됨
badge-wrong-key = 맞지 않는 키
badge-jwe-no-key = 암호화됨: 복호화하지 않음
reason-jwe-no-key = 아래에 복호화할 키를 입력하세요 (alg에 따라 개인 키, 비밀 키 또는 비밀번호).
inner-key-none = 안쪽 토큰의 키가 없음: 서명을 확인하지 않습니다.
badge-jwe-invalid = 복호화 실패
badge-jwe-unsupported = 여기서 복호화할 수 없음

## Algorithms, severities, templates
alg-desc-HS256 = SHA-256 HMAC (공유 비밀 키)
alg-desc-HS384 = SHA-384 HMAC (공유 비밀 키)
alg-desc-HS512 = SHA-512 HMAC (공유 비밀 키)
alg-desc-RS256 = SHA-256 RSASSA-PKCS1-v1_5
alg-desc-RS384 = SHA-384 RSASSA-PKCS1-v1_5
alg-desc-RS512 = SHA-512 RSASSA-PKCS1-v1_5
alg-desc-PS256 = SHA-256 RSASSA-PSS
alg-desc-PS384 = SHA-384 RSASSA-PSS
alg-desc-PS512 = SHA-512 RSASSA-PSS
alg-desc-ES256 = P-256 곡선, SHA-256 ECDSA
alg-desc-ES384 = P-384 곡선, SHA-384 ECDSA
alg-desc-ES512 = P-521 곡선, SHA-512 ECDSA
alg-desc-EdDSA = 에드워즈 곡선 서명 (Ed25519)
alg-desc-ML-DSA-44 = ML-DSA-44, 양자 내성 (FIPS 204, 보안 범주 2)
alg-desc-ML-DSA-65 = ML-DSA-65, 양자 내성 (FIPS 204, 보안 범주 3)
alg-desc-ML-DSA-87 = ML-DSA-87, 양자 내성 (FIPS 204, 보안 범주 5)
alg-desc-none = 서명 없음: 누구나 이 토큰을 위조할 수 있음
severity-critical = 심각
severity-error = 오류
severity-warn = 경고
severity-info = 정보
template-minimal = 최소
template-access-token = OAuth 액세스 토큰 (RFC 9068)
template-id-token = OpenID Connect ID 토큰
template-refresh-token = 리프레시 토큰
template-service = 서비스 간 통신

## Encrypted and nested tokens
back-to-outer = ◀ 암호화된 토큰으로 돌아가기
inner-token-title = 안쪽 토큰
open-inner = 안쪽 토큰만 열기
open-inner-tip = 안쪽 토큰을 작업대에 열고 그 키를 키 칸에 넣습니다. 돌아가는 버튼은 여기에 남습니다
inner-key = 안쪽 토큰의 키
inner-key-hint = 안쪽 토큰을 검증하는 비밀 키, 공개 키, JWK 또는 JWKS
encrypt-title = 🔐 암호화 (JWE)
encrypt-help = 화면의 토큰을 수신자용 암호화 토큰으로 감쌉니다: 수신자의 공개 키, 공유 비밀 키 또는 비밀번호.
encrypt-alg = 키 관리
encrypt-enc = 내용 암호화
recipient-key = 수신자의 키
recipient-hint-rsa = 수신자의 RSA 공개 키 (PEM 또는 JWK)
recipient-hint-ecdh = 수신자의 EC(P-256/384/521) 또는 X25519 공개 키
recipient-hint-secret = { $bytes }바이트 공유 비밀 키 (JWK, 또는 b64url: 뒤의 base64url)
recipient-hint-password = 비밀번호
encrypt-nested = 내용이 토큰임 (cty: JWT)
encrypt-zip = 압축 (zip: DEF)
encrypt-button = 암호화
copy-encrypted = 암호화된 토큰 복사
open-encrypted = 이것을 토큰으로 열기
notice-encrypted = 암호화됨: { $what }
notice-encrypted-copied = 암호화된 토큰을 복사했습니다
notice-opened-inner = 안쪽 토큰을 열었습니다. 그 키는 키 칸에 있습니다
notice-back-to-outer = 암호화된 토큰으로 돌아왔습니다
notice-opened-encrypted = 암호화된 토큰을 열었습니다
key-decrypts = 🔒 암호화된 토큰 ({ $encryption }): 아래 키로 복호화합니다
private-key-title-decrypts = 개인 키 (복호화)
reason-inner-no-key = 서명을 검증하려면 아래에 안쪽 토큰의 키를 입력하세요.
encryption-header-title = 암호화 헤더 ({ $count })

## 여러 토큰: 스캔과 비교
scan-col-alg = ALG
scan-col-kid = KID
scan-col-iss = 발급자
scan-col-sub = 주체
scan-col-times = 시간
scan-col-signature = 서명
scan-col-seen = 위치
scan-col-token = 토큰
scan-none = 토큰을 찾지 못했습니다.
scan-summary = 서로 다른 토큰 { $tokens }개, { $places }곳.
scan-not-tried = 시도 안 함(예산)
scan-budget-spent = 암호화된 토큰 { $count }개를 복호화하지 않았습니다. 이 스캔의 PBES2 작업 예산({ $budget }회 반복)을 다 썼습니다. decode --key로 하나씩 풀어 보세요.
diff-equal = 두 토큰이 같습니다.
diff-part-header = 헤더
diff-part-payload = 페이로드
diff-part-signature = 서명
diff-same-alg = 둘 다 alg { $alg }{ BATCHIM($alg) ->
        [yes] 을
        [rieul] 을
       *[no] 를
    } 씁니다.
diff-other-alg = alg가 다름: { $a } → { $b }.
diff-same-kid = 둘 다 kid { $kid }{ BATCHIM($kid) ->
        [yes] 을
        [rieul] 을
       *[no] 를
    } 가리킵니다.
diff-other-kid = kid가 다름: { $a } → { $b }.
diff-no-kid = 둘 다 kid가 없습니다.
diff-omitted = … 외에 차이 { $count }개는 나열하지 않았습니다(최대 { $max }개까지 나열합니다).
scan-file = 로그 또는 HAR 파일 스캔…
scan-file-tip = 로그, HAR 내보내기, curl -v 출력 등 어떤 크기의 텍스트 파일이든 그 안의 모든 토큰을 나열합니다
prompt-scan-file = 스캔할 로그 또는 HAR 파일:
pasted-text = 붙여 넣은 텍스트
notice-found-tokens = { $source }에서 토큰 { $count }개를 찾았습니다. 첫 번째를 열었습니다
notice-no-tokens = { $source }에 토큰이 없습니다
tokens-found-title = { $source }에서 찾은 토큰 ({ $count })
tokens-sort = 정렬:
tokens-sort-found = 찾은 순서
tokens-sort-time = 만료
tokens-sort-status = 상태
tokens-sort-issuer = 발급자
tokens-close = 목록 닫기
tokens-more = 서로 다른 토큰 { $more }개는 나열하지 않았습니다
tokens-col-times = 시간
tokens-col-signature = 서명
tokens-col-seen = 위치
tokens-open-tip = 이 토큰을 작업대에서 엽니다
tab-default-name = 토큰 { $n }
tab-tip = 클릭하면 전환({ $shortcut }: 다음 탭), 두 번 클릭하면 이름 바꾸기
tab-move-left = 이 탭을 왼쪽으로
tab-move-right = 이 탭을 오른쪽으로
tab-rename = 이 탭의 이름 바꾸기
notice-tab-closed = { $name }{ BATCHIM($name) ->
        [yes] 을
        [rieul] 을
       *[no] 를
    } 닫았습니다
history-title = 기록 ({ $count })
history-keep = 본 토큰의 기록 남기기
history-clear = 기록 지우기
history-search = sub, iss 또는 kid로 찾기
history-search-hint = sub, iss, kid 또는 alg
history-open = 열기
notice-history-cleared = 기록을 지웠습니다
compare-title = ⇄ 다른 토큰과 비교
compare-other = 다른 토큰
compare-with-tab = 탭과 비교 ⏷
compare-hint = 비교할 토큰을 붙여 넣으세요
compare-col-this = 이 토큰
compare-col-other = 다른 토큰
compare-absent = (없음)
compare-more = … 외 차이 { $count }개(jwt-debugger diff로 모두 볼 수 있음)
compare-malformed = 다른 토큰의 형식이 잘못되었습니다: { $error }
compare-this-malformed = 화면의 토큰 형식이 잘못되어 비교할 것이 없습니다.
tab-name = 탭 이름
command-line = 명령줄
alg-picker-jwe = 암호화 (JWE): 서명된 토큰을 감쌉니다
alg-picker-jwe-entry = 토큰 암호화
notice-pick-jwe = { $alg }{ BATCHIM($alg) ->
        [yes] 으로
        [rieul] 로
       *[no] 로
    } 암호화: 아래 암호화 도구에 수신자의 키를 입력하세요
settings-max-lifetime = 최대 수명: { $error }
header-fix-before-alg = 알고리즘을 바꾸기 전에 헤더 JSON을 고치세요: { $error }

# Jobs, busy notes and file errors (the language of the app when the job started)
job-cannot-start = { $name }{ BATCHIM($name) ->
        [yes] 을
        [rieul] 을
       *[no] 를
    } 시작할 수 없습니다: { $error }
busy-generating = { $alg }용 키를 만드는 중…
busy-encrypting = { $alg } + { $enc }로 암호화하는 중…
busy-scanning = { $name } 스캔 중…
busy-fetching = { $what }의 키를 가져오는 중…
busy-deriving = 키를 유도하는 중(PBES2)…
busy-analysing-found = 토큰 { $count }개를 키로 확인하는 중…
busy-scanning-text = 텍스트 { $size }에서 토큰을 찾는 중…
busy-reading = { $path } 읽는 중…
busy-writing = { $path } 저장하는 중…
cannot-save = { $path }{ BATCHIM($path) ->
        [yes] 을
        [rieul] 을
       *[no] 를
    } 저장할 수 없습니다: { $error }
cannot-read-file = { $path }{ BATCHIM($path) ->
        [yes] 을
        [rieul] 을
       *[no] 를
    } 읽을 수 없습니다: { $error }
file-is-folder = { $path }{ BATCHIM($path) ->
        [yes] 은
        [rieul] 은
       *[no] 는
    } 파일이 아니라 폴더입니다
file-too-large = { $path }{ BATCHIM($path) ->
        [yes] 은
        [rieul] 은
       *[no] 는
    } { $size }로, 상한 { $limit }{ BATCHIM($limit) ->
        [yes] 을
        [rieul] 을
       *[no] 를
    } 넘습니다
file-not-found = 파일이 없습니다: { $path }
file-not-utf8 = { $path }{ BATCHIM($path) ->
        [yes] 은
        [rieul] 은
       *[no] 는
    } UTF-8 텍스트가 아닙니다
guess-what-wordlist = 잘 알려진 비밀값과 { $path }
guess-what-bundled = 잘 알려진 비밀값
guess-stopped = 추측기가 예기치 않게 멈췄습니다
guess-cancelled = { $what } (취소됨)
keygen-none = alg none에는 키가 없습니다
fetch-cache-unavailable = 가져오기 캐시를 쓸 수 없습니다
export-no-key = 내보낼 키가 없습니다
key-none-found = 키를 찾지 못했습니다
key-neither = 토큰도 키도 아닙니다
key-not-pem = 바이너리 키를 PEM으로 바꿀 수 없습니다
key-set-empty = 키 집합이 비어 있습니다
notice-opened-found = 목록의 토큰을 열었습니다
notice-opened-history = 기록의 토큰을 열었습니다
action-new-tab = ＋ 새 탭
action-new-tab-tip = 토큰, 편집기, 키를 따로 가진 새 탭({ $shortcut })
action-close-tab = ✖ 탭 닫기
action-close-tab-tip = 이 탭 닫기({ $shortcut })
action-next-tab = 다음 탭
action-next-tab-tip = 다음 탭으로 바꾸기({ $shortcut })
tokens-col-alg = alg
tokens-col-iss = iss
tokens-col-sub = sub
tokens-expires = { $when } 만료
tokens-expired = { $when } 만료됨
tokens-not-yet = { $when }부터 유효
tokens-no-exp = 만료 없음
tokens-exp-unusable = exp 사용 불가
store-unreachable = 이 컴퓨터에는 자격 증명 저장소가 없습니다(Secret Service, 키체인, 자격 증명 관리자 모두 응답하지 않음)
store-failed = 자격 증명 저장소가 실패했습니다: { $detail }
store-unreadable = 기억한 키를 다시 읽을 수 없습니다
clipboard-unavailable = 클립보드를 쓸 수 없습니다 { $error }
clipboard-failed = 복사하지 못했습니다: { $error }
dialog-open-token = 토큰 열기
dialog-scan-file = 로그 또는 HAR 파일 검사
dialog-open-key = 키 열기
dialog-open-wordlist = 단어 목록 열기
dialog-save-key = 키 저장
dialog-open-dictionary = 클레임 사전 열기
dialog-save-token = 토큰 저장
dialog-busy = 파일 대화 상자가 이미 열려 있습니다
dialog-cannot-start = 파일 대화 상자를 열 수 없습니다: { $error }
payload-fix-first = 먼저 페이로드 JSON을 고치세요({ $error })
payload-not-object = 페이로드가 JSON 객체가 아닙니다
time-no-fix = { $name }에는 자동 수정이 없습니다
header-not-object = 헤더가 JSON 객체가 아닙니다
header-fix-first = 먼저 헤더 JSON을 고치세요({ $error })
settings-evaluate-at = 평가 시각: { $error }

## SD-JWT (RFC 9901)
sd-title = 공개 항목 ({ $count })
sd-badge-valid = 공개 항목 일치
sd-badge-invalid = 공개 항목: 규칙 { $count }개 위반
sd-summary = { $hash } · 공개되지 않았거나 미끼인 다이제스트 { $decoys }개
sd-none = 이 제시는 아무것도 공개하지 않습니다: 항상 보이는 클레임뿐입니다.
sd-col-claim = 클레임
sd-col-value = 값
sd-col-where = 위치
sd-col-digest = 다이제스트
kb-badge-verified = 키 바인딩 검증됨
kb-badge-invalid = 키 바인딩 실패
kb-badge-no-holder-key = 키 바인딩: 보유자 키 필요
kb-badge-missing = 키 바인딩 없음
kb-reason-missing = 페이로드가 보유자 키(cnf)를 지정하지만 키 바인딩 JWT가 없습니다: 이것을 가진 누구나 재전송할 수 있습니다.
kb-reason-none = 보유자 키에 묶이지 않았습니다.
kb-check-title = 키 바인딩 확인
kb-check-help = 키 바인딩 JWT는 이 검증기와 nonce를 지정해야 하고(비워 두면 보여 주기만 하고 확인하지 않음) 5분 이내여야 합니다. 보유자 키는 cnf.jwk에서 가져옵니다. cnf가 kid나 jkt로만 지정하면 아래에 주세요.
kb-expected-aud = 기대하는 audience
kb-expected-aud-hint = https://verifier.example.org
kb-expected-nonce = 기대하는 nonce
kb-expected-nonce-hint = 보낸 nonce
holder-key = 보유자 키
holder-key-hint = 보유자의 공개 키: PEM, JWK 또는 JWKS
holder-key-none = 보유자 키 없음.
holder-key-secret = 보유자 키는 비밀 키가 아니라 공개 키(EC, RSA, OKP)입니다.
present-title = 제시…
present-help = 보유자가 검증기에 보여 줄 것을 고르세요. 공개된 객체 안의 클레임은 그 객체의 공개 항목도 함께 가져갑니다. 보유자의 개인 키를 주면 바로 이 공개 항목들에 대한 키 바인딩 JWT를 덧붙입니다.
present-all = 모두
present-none = 없음
present-key = 보유자의 개인 키 (키 바인딩용, 선택)
present-key-hint = PEM 또는 JWK 개인 키. 저장하지 않습니다
present-aud = Audience (검증기)
present-nonce = Nonce
present-make = 제시 만들기
present-copy = 제시 복사
present-open = 여기서 열기
present-key-not-private = 키 바인딩 JWT에 서명하려면 보유자 키가 개인 키여야 합니다.
selective-title = 선택적 공개 (SD-JWT): { $count }개 선택
selective-help = 보유자가 보여 줄지 고를 수 있는 클레임을 선택하세요. 각각 새 128비트 salt를 가진 공개 항목이 되고, 페이로드에는 미끼들 사이에 다이제스트만 남습니다. 토큰 칸에는 발급본(서명된 JWT와 모든 공개 항목)이 들어갑니다.
selective-nothing = 페이로드에 공개 항목으로 만들 클레임이 없습니다.
selective-decoys = 미끼 다이제스트
claim-disclosed = 공개됨
claim-disclosed-tip = 선택적으로 공개됨: 서명된 페이로드에는 다이제스트 { $digest }로 숨어 있고, 공개 항목이 드러냅니다.
notice-opened-presentation = 제시를 열었습니다
notice-presented = 공개 항목 { $count }개로 제시를 만들었습니다
notice-presentation-copied = 제시를 복사했습니다
draft-sd = 클레임을 공개 항목으로 만들 수 없음: { $error }
present-key-error = 보유자의 개인 키: { $error }

## Token kinds
kind-from-typ = typ에서
kind-from-claims = 클레임에서
kind-from-option = 선택함
kind-line-plain = 종류: { $kind } (알려진 종류 규칙 없음)
kind-line-valid = 종류: { $kind } · 검사 { $total }개 중 { $total }개 통과
kind-line-invalid = 종류: { $kind } · 검사 { $total }개 중 { $failed }개 실패
kind-line-incomplete = 종류: { $kind } · 검사 { $total }개 중 { $waiting }개에 입력 필요
kind-title = 종류: { $kind }
kind-check-as = 검사 종류
kind-detect = typ와 클레임으로 판단
kind-method = 요청 메서드
kind-url = 요청 URL
kind-dpop-nonce = 서버의 DPoP nonce
kind-nonce = 기대하는 nonce
kind-code = 인가 코드
kind-access-token = 액세스 토큰
kind-access-token-hint = 함께 보낸 액세스 토큰 (저장하지 않음)
kind-from-tab = 탭과 대조…
kind-status-list = 항목 { $entries }개, 항목당 { $bits }비트. 상태 값별 { $counts }
notice-kind-from-tab = 탭 { $n }에서 액세스 토큰을 가져왔습니다
template-dpop = DPoP 증명 (ES256, 새 키)
template-logout = 로그아웃 토큰
detached-payload = 분리된 페이로드
detached-payload-help = 이 토큰의 페이로드 부분이 비어 있습니다. 서명은 따로 보낸 내용을 덮습니다 (RFC 7515 부록 F, b64: false면 그대로). 검증하려면 그 내용을 붙여 넣으세요.

## Attack tokens
attacks-title = 공격 (허가된 테스트)
attacks-help = 이 토큰으로 만든 알려진 JWT 공격 토큰입니다. 테스트가 허가된 서비스에만 쓰세요: alg none, 서명 제거, 서버 공개 키(키 입력란의 공개 키)를 비밀 키로 쓴 HMAC, jwk나 x5c 삽입, 내 URL을 가리키는 jku와 x5u, kid 경로 조작과 SQL 주입, psychic ECDSA 서명, 빈 HMAC 키, 키 입력란의 비밀 키. 어디에도 아무것도 보내지 않습니다.
attacks-authorised = 대상 테스트를 허가받았습니다
attacks-tick-first = 먼저 "대상 테스트를 허가받았습니다"를 선택하세요
attacks-set = 먼저 바꿀 클레임 (줄마다 NAME=VALUE)
attacks-jku = 내가 관리하는 jku URL
attacks-x5u = 내가 관리하는 x5u URL
attacks-make = 공격 토큰 만들기
attacks-made = 시도할 토큰 { $count }개
attacks-copy-jsonl = 모두 JSON Lines로 복사
attacks-copy-lines = 모두 줄 단위로 복사
attacks-copy = 복사
attacks-copy-tip = 공격 토큰 { $n } 복사
attacks-open = 새 탭에서 열기
attacks-open-tip = 공격 토큰 { $n }{ BATCHIM($n) ->
        [yes] 을
        [rieul] 을
       *[no] 를
    } 새 탭에서 열기
attacks-set-line = "{ $line }": NAME=VALUE 형식이 아님
notice-attacks-made = 공격 토큰 { $count }개를 만들었습니다
notice-attack-copied = 공격 토큰({ $id }){ BATCHIM($id) ->
        [yes] 을
        [rieul] 을
       *[no] 를
    } 복사했습니다
notice-attacks-copied = 공격 토큰 { $count }개를 복사했습니다
notice-opened-attack = 공격 토큰을 새 탭에서 열었습니다

## Key store
store-title = 키 저장소 ({ $count })
store-help = 작업하는 시스템의 키를 이름으로 보관합니다. 키 자료는 시스템 자격 증명 저장소에 있고, 설정에는 이름, 종류, kid, 지문만 있습니다. 화면의 토큰과 kid나 발급자가 맞는 키는 위에 제안됩니다.
store-verify-with = '{ $name }'{ BATCHIM($name) ->
        [yes] 으로
        [rieul] 로
       *[no] 로
    } 검증
store-session-only = 이번 세션만
store-use = 사용
store-use-tip = '{ $name }'{ BATCHIM($name) ->
        [yes] 을
        [rieul] 을
       *[no] 를
    } 키 입력란에 넣기
store-delete = 삭제
store-delete-tip = 키 저장소에서 '{ $name }' 삭제
store-delete-ask = 키 저장소에서 '{ $name }'{ BATCHIM($name) ->
        [yes] 을
        [rieul] 을
       *[no] 를
    } 삭제할까요?
store-delete-yes = 예, 삭제
store-delete-no = 두기
store-save-as = 키 입력란의 키를 저장할 이름
store-save = 키 저장소에 저장
store-unreachable-session = 자격 증명 저장소에 연결할 수 없습니다. 지금 저장하는 키는 이번 세션에만 두고 디스크에는 쓰지 않습니다.
notice-store-used = 키 '{ $name }'{ BATCHIM($name) ->
        [yes] 을
        [rieul] 을
       *[no] 를
    } 키 입력란에 넣었습니다
notice-store-saved = 키를 '{ $name }'{ BATCHIM($name) ->
        [yes] 으로
        [rieul] 로
       *[no] 로
    } 저장했습니다
notice-store-session = 자격 증명 저장소 없음: '{ $name }'{ BATCHIM($name) ->
        [yes] 은
        [rieul] 은
       *[no] 는
    } 이번 세션에만 둡니다
notice-store-deleted = 키 '{ $name }'{ BATCHIM($name) ->
        [yes] 을
        [rieul] 을
       *[no] 를
    } 삭제했습니다
notice-store-no-key = 저장할 키가 키 입력란에 없습니다
store-name-kid = { $name } (kid { $kid })
store-kid = kid { $kid }
store-name-hint = 주문 API 운영
kind-paired-title = 함께 쓰는 액세스 토큰
kind-paired-kind = 종류: { $kind }
kind-paired-unbound = cnf.jkt 없음: DPoP 키에 묶이지 않음
kind-paired-opaque = JWT가 아님 (불투명 토큰): 바인딩은 인트로스펙션으로 확인합니다
kind-paired-member = { $name }: { $value }
store-rename = 이름 바꾸기
store-rename-tip = '{ $name }' 이름 바꾸기
store-rename-to = '{ $name }'의 새 이름
store-rename-ok = 바꾸기
store-rename-cancel = 취소
store-copy-public = 공개 부분 복사
store-copy-public-tip = '{ $name }'의 공개 부분 복사 (PEM 또는 공개 JWKS)
store-copy-whole = 개인 키까지 복사
store-copy-whole-tip = '{ $name }' 전체 복사 (개인 키나 비밀 키 포함)
store-export-secret = HMAC 비밀 키에는 공개 부분이 없습니다. 정말 원하면 "개인 키까지 복사"를 쓰세요
store-add-file = 파일에서 추가…
store-generate = 저장소에 생성 (위의 이름, 선택한 알고리즘)
store-split-jwks = JWKS의 키마다 항목 하나
dialog-store-key = 키 저장소에 키 파일 추가
prompt-store-key = 키 저장소에 추가할 키 파일:
notice-store-renamed = 키 '{ $old }'의 이름을 '{ $new }'{ BATCHIM($new) ->
        [yes] 으로
        [rieul] 로
       *[no] 로
    } 바꿨습니다
notice-store-exported = 키 '{ $name }'{ BATCHIM($name) ->
        [yes] 을
        [rieul] 을
       *[no] 를
    } 복사했습니다
