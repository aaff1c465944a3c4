## 코어의 문장: 발견 항목, 서명 확인, 파싱 오류, 키. 발견 항목 ID(ALG_NONE 등)는 번역하지 않습니다.

f-alg-none-title = 서명 없는 토큰 (alg "{ $alg }")
f-alg-none-msg = 토큰에 서명이 없어서 누구나 클레임을 바꿀 수 있습니다. 서명 없는 토큰을 명시적으로 허용하지 않았다면 검증기는 이를 거부해야 합니다. 예전 라이브러리는 "none"을 대소문자 구분으로 비교해 "None"을 통과시키기도 했습니다.
f-empty-sig-title = 빈 서명
f-empty-sig-msg = 헤더는 서명 알고리즘을 지정하지만 서명이 비어 있습니다. 빈 서명을 건너뛰는 검증기는 위조된 토큰을 받아들입니다.
f-confusion-title = 공개 키로 확인한 HMAC 토큰
f-confusion-forged-msg = 이 토큰의 HMAC은 공개 키의 텍스트를 비밀 키로 삼아 계산되었습니다. 토큰의 alg가 키 사용 방식을 정하게 두는 라이브러리는 이 위조를 받아들입니다. 알고리즘을 키에 고정하세요.
f-confusion-msg = 토큰은 HS*라고 하지만 키는 공개 키입니다. 공개 키 텍스트를 HMAC 비밀 키로 쓰는 것은 전형적인 키 혼동 위조입니다. 기대하는 알고리즘을 키에 고정하세요.
f-key-mismatch-title = 키가 알고리즘에 맞지 않음
f-key-mismatch-msg = { $detail }. 검증기는 키의 유형, 곡선, alg, use, key_ops가 토큰의 alg와 맞는지 확인해야 합니다.
f-any-kid-title = 토큰의 kid가 가리키지 않는 키로 검증됨
f-any-kid-msg = JWKS에 토큰의 kid를 가진 키가 없어서, 요청대로 모든 키를 시도했습니다. kid로 키를 고르는 검증기는 이 토큰을 거부하고, 모든 키를 시도하는 검증기는 공격자가 쓸 키를 고르게 해 줍니다.
f-high-s-title = S가 큰 ECDSA 서명: 쌍둥이 토큰이 존재함
f-high-s-msg = S가 군 위수의 위쪽 절반에 있습니다. ECDSA는 (r, s)와 (r, n−s)를 모두 받아들이므로 같은 클레임이 서로 다른 두 토큰 문자열로 존재합니다. 토큰 문자열을 키로 쓰는 재전송 캐시나 차단 목록이 속습니다. 서명자는 보통 작은 S를 만듭니다. 엄격 모드(--strict 또는 검증 아래의 체크 상자)는 큰 S를 거부합니다.
f-psychic-title = 형식이 잘못된 ECDSA 서명
f-psychic-msg = { $problem }. 이런 서명은 결코 유효하지 않습니다. 이를 받아들이는 검증기(r = s = 0에 대한 Java 15–18처럼)는 어떤 토큰이든 받아들입니다.
f-empty-secret-used-title = 빈 비밀 키로 서명됨
f-known-secret-used-title = 잘 알려진 비밀 키 "{ $secret }"{ BATCHIM($secret) ->
        [yes] 으로
        [rieul] 로
       *[no] 로
    } 서명됨
f-known-secret-used-msg = 토큰의 HMAC이 공개된 기본값·튜토리얼 비밀 키 목록의 키로 검증됩니다. 누구나 이 발급자의 토큰을 위조할 수 있습니다. 32바이트 이상의 무작위 비밀 키로 교체하세요.
f-empty-secret-title = 빈 HMAC 비밀 키
f-empty-secret-msg = 비밀 키가 비어 있으면 누구나 유효한 서명을 만들 수 있습니다.
f-known-secret-title = 비밀 키 "{ $secret }"{ BATCHIM($secret) ->
        [yes] 은
        [rieul] 은
       *[no] 는
    } 잘 알려진 기본값임
f-known-secret-msg = 튜토리얼과 프레임워크의 비밀 키 공개 목록에 있는 값이라 누구나 여러분의 토큰에 시도해 볼 수 있습니다. 32바이트 이상의 무작위 값을 쓰세요.
f-short-secret-title = HMAC 비밀 키가 { $len }바이트임; { $alg }에는 최소 { $min }바이트가 필요함
f-short-secret-msg = 짧은 비밀 키는 토큰 하나만 있으면 오프라인으로 추측할 수 있습니다. 해시 출력만큼 긴 무작위 비밀 키를 쓰세요.
f-small-order-title = 위수가 작은 Ed25519 공개 키
f-small-order-msg = 이 키는 항등원이거나 위수가 작은 다른 점입니다. 이런 키로는 고정된 서명 하나가 어떤 페이로드든 검증하므로, 이 키의 서명은 아무것도 증명하지 않습니다. 실제 키 쌍의 공개 키는 결코 이런 값이 아닙니다.
f-roca-title = RSA 키에 ROCA 결함이 있음
f-roca-msg = 모듈러스에 결함 있는 Infineon 라이브러리가 만든 키의 특징이 있습니다. 공개 키로부터 개인 키를 계산할 수 있습니다. 키를 교체하세요.
f-short-rsa-title = RSA 키가 { $bits }비트뿐임
f-short-rsa-msg = JWS용 RSA 키는 최소 2048비트여야 합니다. 더 짧은 키는 인수분해될 수 있습니다.
f-jwk-private-title = 헤더에 개인 키가 들어 있음
f-jwk-private-msg = 헤더의 jwk에 개인 키 멤버 "d"가 있습니다. 서명 키가 토큰과 함께 공개된 것입니다.
f-jwk-self-signed-title = 자기 헤더의 키로 자체 서명됨
f-jwk-self-signed-msg = 서명은 토큰이 담고 있는 jwk로만 검증됩니다. 누구나 자기 키로 이런 토큰을 만들 수 있고, 내장된 키를 쓰는 검증기(CVE-2018-0114)는 위조를 받아들입니다. 이미 가지고 있는 키만 신뢰하세요.
f-jwk-title = 헤더에 자체 검증 키가 들어 있음
f-jwk-msg = 자기 키를 담은 토큰은 아무것도 증명하지 않습니다. 누구나 자기 키로 서명하고 그 키를 넣을 수 있습니다. 이미 가지고 있는 키만 신뢰하세요.
f-key-url-title = 헤더가 URL로 키를 가리킴 ({ $name })
f-key-url-msg = { $name } = { $url }. 토큰이 지정한 URL에서 키를 가져오는 검증기는 공격자의 키를 신뢰하도록(또는 내부 호스트를 호출하도록) 속을 수 있습니다. 이 앱은 이 URL에서 키를 스스로 가져오지 않습니다.
f-key-url-risky = 이 URL은 평문 HTTP이거나 로컬/사설 호스트를 가리킵니다.
f-kid-type-title = kid가 문자열이 아님
f-kid-type-msg = kid가 { $type }입니다 ({ $value }). RFC 7515 §4.1.4에 따르면 문자열이어야 합니다. 문자열을 가정하는 라이브러리는 멈추거나, 키 선택을 건너뛰거나, 이상하게 비교할 수 있습니다.
f-kid-injection-title = kid가 인젝션처럼 보임
f-kid-injection-msg = kid "{ $kid }"에 경로, 따옴표 또는 셸 문자가 있습니다. kid를 파일 경로, SQL 쿼리나 명령에 쓰는 서버는 공격자가 아는 키를 쓰도록 속을 수 있습니다.
f-crit-title = crit을 받아들일 수 없음
f-crit-msg = { $problems }. 표준을 따르는 검증기는 이 토큰을 거부해야 합니다.
f-crit-empty = 빈 배열이며, RFC 7515는 이를 금지합니다
f-crit-not-array = 배열이 아닙니다
f-crit-unknown = 이 검증기가 이해하지 못하는 { $names }{ BATCHIM($names) ->
        [yes] 을
        [rieul] 을
       *[no] 를
    } 지정합니다
f-crit-twice = { $names }{ BATCHIM($names) ->
        [yes] 을
        [rieul] 을
       *[no] 를
    } 두 번 나열합니다
f-crit-standard = 그곳에 나오면 안 되는 표준 매개변수 { $names }{ BATCHIM($names) ->
        [yes] 을
        [rieul] 을
       *[no] 를
    } 나열합니다
f-crit-missing = { $names }{ BATCHIM($names) ->
        [yes] 이
        [rieul] 이
       *[no] 가
    } 나열되었지만 헤더에 없습니다
f-nested-title = 중첩 토큰 (cty: JWT)
f-nested-msg = 페이로드 자체가 토큰입니다. 각 층에는 따로 서명이 있으며, 바깥 서명을 확인해도 안쪽에 대해서는 아무것도 알 수 없습니다.
f-jwe-title = 암호화된 토큰 (JWE)
f-jwe-msg = 키 없이는 보호된 헤더만 읽을 수 있습니다. 복호화는 서명 확인이 아닙니다.
f-jwe-decrypted-msg = 내용을 복호화했고 태그가 검증되었습니다. 복호화는 누가 토큰을 읽을 수 있는지 알려 줄 뿐, 누가 썼는지는 알려 주지 않습니다. 그것은 서명만이 말해 줍니다.
f-rsa15-title = RSA1_5 키 관리
f-rsa15-msg = RSAES-PKCS1-v1_5는 Bleichenbacher 방식의 패딩 오라클에 취약합니다. 패딩 실패 여부를 드러내는 수신자는 공격자가 키를 복호화하게 해 줍니다. 여기서는 오라클 없이 복호화하지만, 보내는 쪽은 RSA-OAEP-256으로 옮겨야 합니다.
f-jwe-not-signed-title = 암호화되었지만 서명되지 않음
f-jwe-not-signed-msg = { $alg }에서는 수신자의 공개 키를 가진 누구나 이런 토큰을 만들 수 있습니다. 클레임은 누가 썼는지에 대해 아무것도 말해 주지 않습니다. 클레임에 서명한 뒤 서명된 토큰을 암호화하세요 (cty: JWT인 중첩 JWT).
f-p2c-cap-title = PBES2 반복 횟수 { $count }회
f-p2c-cap-msg = { $cap }회를 넘는 반복은 실행하지 않습니다. 아주 큰 p2c는 수신자의 시간만 쓰게 합니다(서비스 거부). 복호화를 거부했습니다.
f-p2c-low-title = PBES2 반복 횟수가 { $count }회뿐임
f-p2c-low-msg = RFC 7518은 최소 1000회를 권장하며, 오늘날의 지침은 수십만 회입니다. 반복이 적으면 토큰 하나로 비밀번호를 빨리 추측할 수 있습니다.
f-p2s-short-title = PBES2 솔트가 { $len }바이트뿐임
f-p2s-short-msg = 솔트(p2s)는 최소 8바이트여야 합니다. 짧은 솔트는 미리 계산한 추측 목록 하나를 여러 토큰에 쓰게 해 줍니다.
f-dir-weak-title = 약한 키로 직접 암호화
f-dir-weak-msg = dir에서는 키가 곧 내용 암호화 키입니다. 이 키는 입력한 텍스트이거나 서로 다른 바이트가 적어서 추측할 수 있습니다. 전체 길이의 무작위 바이트를 쓰세요.
f-jwe-zip-title = 압축된 암호화 페이로드 (zip)
f-jwe-zip-msg = 암호화 전에 압축하면 평문 길이가 드러날 수 있고 압축 폭탄이 가능해집니다. 압축 해제 크기를 제한하세요.
f-json-serialization-title = 압축 JWT가 아닌 JSON 직렬화
f-json-serialization-msg = 서명 { $count }개가 있는 JWS JSON 직렬화입니다. JWT는 압축 형식(header.payload.signature)이어야 합니다. 첫 번째 서명으로 표시합니다.
f-json-serialization-unprotected-msg = 서명 { $count }개와, 어떤 서명도 보호하지 않는 비보호 헤더 멤버가 있는 JWS JSON 직렬화입니다. JWT는 압축 형식(header.payload.signature)이어야 합니다. 첫 번째 서명으로 표시합니다.
f-json-input-msg = 입력이 header.payload.signature가 아니라 JSON입니다. JWT 검증기는 이를 거부해야 합니다.
f-base64-title = { $part }{ BATCHIM($part) ->
        [yes] 이
        [rieul] 이
       *[no] 가
    } base64url이 아님
f-base64-msg = { $part }: { $problem }. 관대한 디코더는 이런 문자를 건너뛰므로 같은 토큰을 여러 방식으로 쓸 수 있고, 엄격한 디코더는 거부합니다.
f-noncanonical-title = { $part }{ BATCHIM($part) ->
        [yes] 이
        [rieul] 이
       *[no] 가
    } 정규 base64url이 아님
f-noncanonical-msg = { $part }: { $problem }. 관대한 디코더는 같은 바이트의 여러 표기를 받아들여 토큰 비교와 차단 목록을 무력화하고, 엄격한 디코더는 거부합니다.
f-duplicate-header-title = 헤더 멤버 "{ $name }" 중복
f-duplicate-payload-title = 페이로드 멤버 "{ $name }" 중복
f-duplicate-msg = "{ $name }"{ BATCHIM($name) ->
        [yes] 이
        [rieul] 이
       *[no] 가
    } 두 번 나옵니다: 처음은 { $first }, 다음은 { $last }. 어느 쪽이 이기는지 라이브러리마다 달라서, 두 서비스가 같은 토큰에서 다른 클레임을 읽을 수 있습니다.
f-duplicate-at-msg = "{ $name }"{ BATCHIM($name) ->
        [yes] 이
        [rieul] 이
       *[no] 가
    } { $pointer }에서 두 번 나옵니다: 처음은 { $first }, 다음은 { $last }. 어느 쪽이 이기는지 라이브러리마다 달라서, 두 서비스가 같은 토큰에서 다른 클레임을 읽을 수 있습니다.
f-duplicates-more-title = 중복 멤버 { $count }개 더 있음
f-duplicates-more-msg = 나열된 것 외에도 멤버 이름 { $count }개가 두 번 나옵니다. 처음 { $shown }개만 표시합니다.
f-payload-utf8-title = 페이로드가 UTF-8이 아님
f-payload-utf8-msg = 페이로드의 { $at }번째 바이트가 올바른 UTF-8이 아니므로 JSON 클레임 집합이 아닙니다. 16진수로 표시합니다.
f-claim-type-title = { $name }{ BATCHIM($name) ->
        [yes] 이
        [rieul] 이
       *[no] 가
    } 문자열이 아님
f-claim-type-msg = { $name }{ BATCHIM($name) ->
        [yes] 이
        [rieul] 이
       *[no] 가
    } { $type }입니다 ({ $value }). 문자열이어야 합니다. 텍스트로 비교하는 검증기는 엉뚱한 주체와 일치시키거나 검사를 통과시킬 수 있습니다.
f-no-exp-title = 만료 시각 없음 (exp)
f-no-exp-msg = exp가 없으면 토큰은 한 번 발급되면 영원히 유효합니다. 유출된 토큰이 만료되지 않습니다.
f-date-title = { $name }{ BATCHIM($name) ->
        [yes] 이
        [rieul] 이
       *[no] 가
    } 평범한 NumericDate가 아님
f-date-msg = { $problem }. 라이브러리마다 이런 값을 다르게 다룹니다. 어떤 것은 토큰을 거부하고, 어떤 것은 만료시키지 않습니다.
f-date-type = { $name }{ BATCHIM($name) ->
        [yes] 이
        [rieul] 이
       *[no] 가
    } 초 단위 숫자가 아니라 { $type }입니다
f-date-negative = { $name }{ BATCHIM($name) ->
        [yes] 이
        [rieul] 이
       *[no] 가
    } 음수입니다 ({ $value })
f-date-millis = { $name } = { $value }{ BATCHIM($value) ->
        [yes] 은
        [rieul] 은
       *[no] 는
    } 3000년 이후입니다. 밀리초처럼 보입니다 ({ $at })
f-date-fraction = { $name } = { $value }{ BATCHIM($value) ->
        [yes] 은
        [rieul] 은
       *[no] 는
    } 소수입니다
f-lifetime-title = 긴 수명: { $span }
f-lifetime-msg = 액세스 토큰은 보통 몇 분에서 몇 시간 동안 유효합니다. 수명이 긴 토큰은 훔친 사람에게 오래 쓸모가 있습니다.
f-oversized-title = { $part }{ BATCHIM($part) ->
        [yes] 이
        [rieul] 이
       *[no] 가
    } 한도를 넘음
f-oversized-msg = { $part }: { $problem }. 한도가 없는 파서는 메모리나 스택을 한없이 쓰게 만들 수 있습니다 (CVE-2025-27144, CVE-2025-30204).
f-header-utf8-title = 헤더가 UTF-8이 아님
f-header-utf8-msg = { $problem }. JOSE 헤더는 UTF-8 JSON입니다. 깨진 바이트를 다루는 방식은 라이브러리마다 다릅니다.
f-no-typ-title = 헤더에 typ 없음
f-no-typ-msg = 명시적 유형 지정(typ: at+jwt, secevent+jwt 등)은 한 종류의 토큰이 다른 종류로 받아들여지는 것을 막습니다. 예: ID 토큰을 액세스 토큰으로 쓰는 경우.
f-typ-jwt-title = typ이 일반적인 JWT임
f-typ-jwt-msg = 명시적 유형 지정(액세스 토큰에는 typ: at+jwt 등)은 한 종류의 토큰이 다른 종류로 받아들여지는 것을 막습니다.
f-no-aud-title = 대상 없음 (aud)
f-no-aud-msg = aud가 없으면 이 발급자를 신뢰하는 모든 서비스가 토큰을 받아들이므로, 한 서비스용 토큰을 다른 서비스에 재사용할 수 있습니다.
f-many-aud-title = 대상 { $count }개, azp 없음
f-many-aud-msg = 여러 대상에 유효한 토큰은 그 중 누구든 다른 대상에게 재사용할 수 있습니다. OpenID Connect는 azp로 토큰을 발급받은 당사자를 밝히기를 기대합니다.
f-empty-aud-title = 빈 대상 목록
f-empty-aud-msg = aud가 빈 배열입니다. 어떤 수신자도 이 토큰을 정당하게 받아들일 수 없습니다.
f-sensitive-title = "{ $name }"{ BATCHIM($name) ->
        [yes] 이
        [rieul] 이
       *[no] 가
    } { $what }처럼 보임
f-sensitive-msg = 서명된 토큰은 인코딩되었을 뿐 암호화되지 않았습니다. 토큰을 본 사람은 누구나 페이로드를 읽을 수 있습니다. 비밀과 개인 정보를 넣지 말거나 JWE를 쓰세요.
f-claim-token-title = 클레임 "{ $name }"에 토큰이 들어 있음
f-claim-token-msg = 그 서명은 이 토큰의 서명과 별개입니다. 이 토큰을 확인해도 안쪽 토큰에 대해서는 알 수 없습니다. 따로 붙여 넣어 확인하세요.
f-few-bytes-title = HMAC 비밀 키에 서로 다른 바이트가 { $count }개뿐임
f-few-bytes-msg = 서로 다른 바이트가 적은 긴 비밀 키(모두 0인 경우 등)는 길이에 비해 훨씬 추측하기 쉽습니다. 무작위 바이트를 쓰세요.

## 민감해 보이는 클레임이 담은 것
sensitive-password = 비밀번호
sensitive-secret = 비밀 값
sensitive-private-key = 개인 키
sensitive-api-key = API 키
sensitive-ssn = 주민등록번호 같은 식별 번호
sensitive-card = 카드 번호
sensitive-cvv = 카드 보안 코드
sensitive-iban = 은행 계좌 번호
sensitive-aws = AWS 액세스 키 ID

## 문장 안의 JSON 값 유형과 토큰 부분
json-type-null = null
json-type-boolean = 불리언
json-type-number = 숫자
json-type-string = 문자열
json-type-array = 배열
json-type-object = 객체
part-header = 헤더
part-payload = 페이로드
part-signature = 서명
part-input = 입력
part-encrypted-key = 암호화된 키
part-iv = 초기화 벡터
part-ciphertext = 암호문
part-tag = 인증 태그

## 서명 확인 세부 내용
sig-jwe = 암호화된 토큰(JWE): 이 층에는 서명이 없습니다. 무결성은 복호화의 인증 태그가 보장합니다
sig-no-header = 헤더를 읽을 수 없어 서명을 확인할 수 없습니다
sig-no-alg = 헤더에 "alg" 멤버가 없습니다
sig-unknown-alg = alg "{ $name }"{ BATCHIM($name) ->
        [yes] 은
        [rieul] 은
       *[no] 는
    } 이 디버거가 확인할 수 있는 JWS 서명 알고리즘이 아닙니다
sig-alg-type = "alg"가 문자열이 아니라 { $value }입니다
sig-unsigned = alg "{ $name }": 토큰에 서명이 없어 누구나 위조할 수 있습니다. 검증된 것으로 취급하지 않습니다
sig-no-segment = 토큰에 읽을 수 있는 서명 부분이 없습니다
sig-no-key = 키가 없음: 서명을 확인하지 않았습니다
sig-malformed = 토큰 형식이 잘못되어({ $error }) 검증하지 않았습니다
sig-mixed-set = 이 JWKS에는 공유 비밀 키와 공개 키가 섞여 있습니다. 키 집합은 공개용이므로 비밀 키를 담은 집합은 쓰지 않습니다
sig-kid-ambiguous = JWKS의 서로 다른 키 { $count }개가 kid "{ $kid }"를 공유하므로 어느 키가 서명했는지 모호합니다
sig-kid-not-signing = kid "{ $kid }"인 JWKS 키는 서명용이 아닙니다 (use 또는 key_ops가 다르게 말합니다)
sig-kid-missing = JWKS에 kid "{ $kid }"인 키가 없습니다 (집합의 서명 키 { $count }개{ $kids }). 다른 키로 검증하지 않았습니다 (--any-kid는 모든 키를 시도합니다)
sig-kid-tried-all = {" "}(kid "{ $kid }"인 키가 없어 요청대로 모든 키를 시도했습니다)
sig-no-signing-key = JWKS에 서명용 키가 없습니다 (각 키의 use 또는 key_ops가 다르게 말합니다)
sig-key-unfit = 키가 { $alg }에 맞지 않습니다: { $why }
sig-set-empty = 키가 { $alg }에 맞지 않습니다: 키 집합이 비어 있습니다
sig-no-key-fits = { $alg }에 맞는 키가 없습니다: { $why }
sig-forged-public = . 이 토큰의 HMAC은 공개 키 자체의 텍스트를 비밀 키로 삼아 계산되었습니다. 키 혼동 위조입니다
sig-mismatch = 서명이 키와 일치하지 않습니다
sig-mismatch-many = 서명이 { $alg }에 맞는 키 { $count }개 중 어느 것과도 일치하지 않습니다
sig-untried = ; 맞는 키 { $count }개를 더 시도하지 않았습니다 (최대 { $max }개까지 시도)
sig-json-one-fails = 서명 { $count }개 중 { $index }번째가 실패: { $detail }
sig-json-verified = 서명 { $count }개 중 { $verified }개 검증됨 (처음은 { $index }번째). 주어진 키가 맞는 서명 중 실패한 것은 없음
sig-json-no-fit = 주어진 키 중 { $alg }에 맞는 키가 없음
sig-json-other-signer = 확인 안 됨: 주어진 키 중 이 서명의 키는 없음 (각 키가 다른 서명을 검증함)
sig-noncanonical = 서명 바이트는 일치하지만 { $parts }{ BATCHIM($parts) ->
        [yes] 이
        [rieul] 이
       *[no] 가
    } 정규 base64url이 아니어서 엄격한 검증기는 토큰을 거부합니다
sig-small-order = 서명 바이트는 일치하지만 Ed25519 키가 위수가 작은 점입니다. 이런 키로는 고정된 서명이 어떤 페이로드든 검증하므로 아무것도 증명하지 않습니다
sig-roca = 서명 바이트는 일치하지만 RSA 키에 ROCA 결함(CVE-2017-15361)이 있습니다. 공개 키로 개인 키를 계산할 수 있어 서명은 아무것도 증명하지 않습니다
sig-high-s = 서명 바이트는 일치하지만 S가 군 위수의 위쪽 절반(작은 S 서명의 변형 쌍둥이)에 있어 엄격 모드에서 거부합니다
sig-rule = 서명 바이트는 일치하지만 { $rule }
sig-crit = 서명 바이트는 일치하지만 "crit"이 이 검증기가 이해하지 못하는 { $names }{ BATCHIM($names) ->
        [yes] 을
        [rieul] 을
       *[no] 를
    } 나열합니다. RFC 7515 §4.1.11에 따라 토큰을 거부해야 합니다
sig-verified = 서명 검증됨
sig-verified-by = { $key }{ BATCHIM($key) ->
        [yes] 으로
        [rieul] 로
       *[no] 로
    } 서명 검증됨
sig-empty = 서명이 비어 있지만 { $alg }에는 서명이 필요합니다
sig-ec-length = { $alg } 서명은 정확히 { $want }바이트의 R||S여야 하는데 { $found }바이트입니다
sig-ec-length-der = { $alg } 서명은 정확히 { $want }바이트의 R||S여야 하는데 { $found }바이트입니다 (DER로 인코딩된 것 같습니다)
sig-ec-zero = { $alg } 서명의 r 또는 s가 0입니다. 이런 서명은 결코 유효하지 않습니다 (CVE-2022-21449)
sig-ed-length = EdDSA 서명은 64바이트여야 하는데 { $found }바이트입니다
sig-ml-dsa-length = { $alg } 서명은 { $want }바이트여야 하는데 { $found }바이트입니다

## 토큰을 읽을 수 없는 이유
parse-too-big = { $size }바이트로, 토큰 한도 { $limit } MiB를 넘습니다
parse-empty = 토큰 없음: 텍스트가 비어 있습니다
parse-segments = '.'로 나뉜 부분이 { $count }개입니다. 3개(서명된 JWS: header.payload.signature) 또는 5개(암호화된 JWE)여야 합니다
parse-json-serialization = 압축 토큰(header.payload.signature)이 아니라 JSON입니다. JWS JSON 직렬화로도 읽을 수 없습니다: { $error }
parse-no-signatures = 서명이 없는 JWS JSON 직렬화입니다
parse-sd-jwe = SD-JWT는 서명된 JWT 뒤에 공개 항목이 오는 형식인데, 이 토큰은 암호화된 토큰으로 시작합니다
parse-header-empty = 비어 있음: JOSE 헤더는 {"{"}"alg":"HS256"{"}"} 같은 JSON 객체여야 합니다
parse-header-utf8 = 디코딩한 헤더가 UTF-8이 아닙니다 ({ $at }번째 바이트가 잘못됨)
parse-header-type = { $type }이지만, JOSE 헤더는 JSON 객체여야 합니다
parse-json-limit = JSON { $problem }
parse-json-invalid = 잘못된 JSON, 위치 { $error }
parse-b64-flag = "b64"는 true 또는 false여야 합니다 (RFC 7797). 현재 값: { $value }
b64-invalid-char = { $offset }번째 바이트가 { $shown }{ BATCHIM($shown) ->
        [yes] 으로
        [rieul] 로
       *[no] 로
    }, base64url 문자(A-Z a-z 0-9 - _)가 아닙니다
b64-misplaced-padding = { $offset }번째 바이트의 '='는 텍스트 중간에 있는 패딩입니다
b64-impossible-length = 길이 { $len }{ BATCHIM($len) ->
        [yes] 은
        [rieul] 은
       *[no] 는
    } base64url에서 불가능합니다 (끝에 문자가 하나 빠졌거나 남습니다)
b64-padding = { $offset }번째 바이트에 '=' 패딩 문자 { $count }개가 있습니다. JWS의 base64url에는 패딩이 없습니다
b64-trailing-bits = 마지막 문자({ $offset }번째 바이트)의 쓰이지 않는 비트가 0이 아니어서, 이 텍스트는 해당 바이트의 정규 인코딩이 아닙니다
char-space = 공백
char-tab = 탭
char-line-break = 줄 바꿈
char-carriage-return = 캐리지 리턴
char-control = 제어 문자 { $code }
char-standard-b64 = '{ $ch }' (표준 base64 문자. base64url에서는 '-'와 '_')

## 키
key-private = 개인
key-public = 공개
key-secret = HMAC 비밀 키, { $len }바이트
key-password = 비밀번호, { $len }바이트
key-aes = AES 키, { $bits }비트
key-rsa = RSA { $bits }비트 { $visibility } 키
key-ec = EC { $curve } { $visibility } 키
key-ed25519 = Ed25519 { $visibility } 키
key-described = { $what } ({ $format })
key-kid = , kid "{ $kid }"
key-set = 쓸 수 있는 키 { $count }개가 있는 JWKS
key-set-skipped = {" "}({ $count }개 건너뜀)
key-format-utf8 = UTF-8 텍스트
key-format-raw = 파일의 원시 바이트
key-format-certificate = X.509 인증서
kind-secret = 공유 비밀 키
kind-rsa = RSA { $visibility } 키
kind-ec = EC { $curve } { $visibility } 키
kind-ed25519 = Ed25519 { $visibility } 키
needs-secret = 공유 비밀 키
needs-rsa = RSA 키
needs-ec = EC { $curve } 키
needs-ed25519 = Ed25519 키
needs-nothing = 키 없음
key-x25519 = X25519 { $visibility } 키
key-ml-dsa = { $level } { $visibility } 키
kind-x25519 = X25519 { $visibility } 키(서명이 아닌 키 합의용)
kind-ml-dsa = { $level } { $visibility } 키
needs-ml-dsa = { $level } 키
fit-none = alg none에는 키가 없습니다
fit-type = { $alg }에는 { $needs }{ BATCHIM($needs) ->
        [yes] 이
        [rieul] 이
       *[no] 가
    } 필요하지만 이 키는 { $kind }입니다
fit-confusion = ; 공개 키를 HMAC 비밀 키로 쓰는 것은 키 혼동 공격이므로 절대 하지 않습니다
fit-jwk-alg = 이 JWK는 { $alg }가 아니라 alg { $key_alg }용입니다
fit-jwk-use = JWK의 use가 "sig"가 아니라 "{ $use }"입니다
fit-key-ops = JWK의 key_ops에 "{ $op }"{ BATCHIM($op) ->
        [yes] 이
        [rieul] 이
       *[no] 가
    } 없습니다
fit-empty-secret = 비밀 키가 비어 있습니다. 빈 HMAC 키는 누구나 계산할 수 있어 아무것도 증명하지 않습니다
fit-short-rsa = RSA 키가 { $bits }비트입니다. 서명하려면 최소 2048비트가 필요합니다 (RFC 7518 §3.3)
fit-public = 공개 키로는 서명할 수 없습니다: { $alg }에는 개인 키가 필요합니다

## 클레임 값 풀이
amr-face = 얼굴 인식
amr-fpt = 지문
amr-geo = 위치 정보
amr-hwk = 하드웨어 보호 키
amr-iris = 홍채 인식
amr-kba = 지식 기반 질문
amr-mca = 다중 채널
amr-mfa = 다중 요소
amr-otp = 일회용 비밀번호
amr-pin = PIN
amr-pwd = 비밀번호
amr-rba = 위험 기반
amr-retina = 망막 인식
amr-sc = 스마트 카드
amr-sms = SMS 코드
amr-swk = 소프트웨어 보호 키
amr-tel = 전화 통화
amr-user = 사용자 존재 확인
amr-vbm = 음성 생체 인식
amr-wia = Windows 통합 인증
typ-jwt = JSON 웹 토큰(RFC 7519). at+jwt 같은 명시적 유형이 더 안전합니다
typ-at-jwt = OAuth 2.0 액세스 토큰 (RFC 9068)
typ-secevent = 보안 이벤트 토큰 (RFC 8417)
typ-dpop = DPoP 증명 (RFC 9449)
typ-logout = OpenID Connect 백채널 로그아웃 토큰
typ-introspection = 서명된 토큰 인트로스펙션 응답 (RFC 9701)
typ-jwk-set = 서명된 JWK 집합
typ-vc = 검증 가능한 자격 증명
typ-kb = SD-JWT 키 바인딩 토큰
typ-entity-statement = OpenID Federation 엔터티 선언
typ-jose = 압축 형식의 JWS 또는 JWE
typ-jose-json = JSON 형식의 JWS 또는 JWE
typ-passport = PASSporT (RFC 8225)
typ-keycloak = Keycloak 방식의 { $typ } 토큰
typ-media = 미디어 유형 { $typ }
explain-alg-none = { $alg }: 서명 없음. 누구나 이 토큰을 위조할 수 있습니다
explain-alg-unknown = { $alg }{ BATCHIM($alg) ->
        [yes] 은
        [rieul] 은
       *[no] 는
    } 이 디버거가 아는 JWS 서명 알고리즘이 아닙니다
explain-jwe-alg = { $alg }: JWE 키 관리, 내용 키가 수신자에게 전달되는 방식
explain-enc-gcm = { $enc }: AES-GCM 내용 암호화 (인증 포함)
explain-enc-cbc = { $enc }: HMAC 태그가 붙은 AES-CBC 내용 암호화
explain-enc-unknown = { $enc }{ BATCHIM($enc) ->
        [yes] 은
        [rieul] 은
       *[no] 는
    } 이 디버거가 아는 JWE 내용 암호화가 아닙니다
explain-cty-jwt = 페이로드 자체가 토큰입니다 (중첩 JWT)
explain-aud-string = 대상 하나 (문자열)
explain-aud-empty = 빈 배열: 어떤 수신자도 이 토큰을 받아들일 수 없습니다
explain-aud-one = 대상 하나 (배열)
explain-aud-many = 대상 { $count }개 (배열): 각 수신자는 여기서 자신을 찾아야 합니다
explain-scopes = 스코프 { $count }개: { $list }
explain-client-public = 공개 클라이언트 (클라이언트 인증 없음)
explain-client-secret = 비밀 키로 인증한 클라이언트
explain-client-certificate = 인증서로 인증한 클라이언트
explain-bool-string = "{ $value }"{ BATCHIM($value) ->
        [yes] 은
        [rieul] 은
       *[no] 는
    } 문자열입니다. 불리언이어야 하며, 어떤 라이브러리는 모든 문자열을 true로 읽습니다

## 기대값과 쓸 수 없는 시각
expect-issuer-ok = 발급자가 { $want }입니다
expect-issuer-other = 발급자가 { $value }입니다. 기대값은 "{ $want }"입니다
expect-issuer-missing = iss 클레임이 없습니다. 기대값은 "{ $want }"입니다
expect-aud-ok = 대상 { $aud }{ BATCHIM($aud) ->
        [yes] 을
        [rieul] 을
       *[no] 를
    } 받아들입니다
expect-aud-missing = aud 클레임이 없습니다. 기대값: { $want } 중 하나
expect-aud-other = aud { $aud }에 { $want } 중 어느 것도 없습니다
expect-required-ok = { $name }{ BATCHIM($name) ->
        [yes] 이
        [rieul] 이
       *[no] 가
    } 있습니다
expect-required-missing = 필수 클레임 { $name }{ BATCHIM($name) ->
        [yes] 이
        [rieul] 이
       *[no] 가
    } 없습니다
expect-lifetime-no-exp = exp가 없어 수명에 끝이 없습니다
expect-lifetime-no-start = iat나 nbf가 없어 수명을 잴 수 없습니다
expect-lifetime-ok = 수명 { $span }은 최대 { $max } 이내입니다
expect-lifetime-over = 수명 { $span }이 최대 { $max }를 넘습니다
unusable-string = 숫자가 아니라 문자열 "{ $value }"입니다
unusable-range = { $value }{ BATCHIM($value) ->
        [yes] 은
        [rieul] 은
       *[no] 는
    } 표현할 수 있는 초 범위를 벗어납니다
unusable-type = 숫자가 아니라 { $type }입니다
unusable-check = { $name }{ BATCHIM($name) ->
        [yes] 을
        [rieul] 을
       *[no] 를
    } 쓸 수 없어 확인할 수 없습니다: { $why }

## 키를 읽을 수 없는 이유
kerr-asn1-1 = 지원하지 않는 타원 곡선 { $o } (JWS는 P-256, P-384, P-521을 씁니다. secp256k1/ES256K는 지원하지 않습니다)
kerr-asn1-2 = RSA 공개 키: { $e }
kerr-asn1-3 = RSA 공개 키({ $bits }비트): { $e }
kerr-asn1-4 = 올바른 SubjectPublicKeyInfo가 아닙니다: { $e }
kerr-asn1-5 = 이름 있는 곡선이 없는 EC 공개 키
kerr-asn1-6 = EC 공개 키: 곡선이 이름으로 주어지지 않았습니다
kerr-asn1-7 = Ed25519 공개 키는 32바이트여야 합니다
kerr-asn1-8 = Ed25519 공개 키가 올바른 곡선 위의 점이 아닙니다
kerr-asn1-9 = X25519 공개 키는 32바이트여야 합니다
kerr-asn1-10 = 지원하지 않는 공개 키 알고리즘 { $oid }
kerr-asn1-11 = 올바른 PKCS#8 개인 키가 아닙니다: { $e }
kerr-asn1-12 = RSA 개인 키: { $e }
kerr-asn1-13 = 이름 있는 곡선이 없는 EC 개인 키
kerr-asn1-14 = EC 개인 키: { $e }
kerr-asn1-15 = Ed25519 개인 키: { $e }
kerr-asn1-16 = X25519 개인 키는 32바이트 OCTET STRING이어야 합니다
kerr-asn1-17 = 지원하지 않는 개인 키 알고리즘 { $oid }
kerr-asn1-18 = 올바른 SEC1 EC 개인 키가 아닙니다: { $e }
kerr-asn1-19 = 이름 있는 곡선이 없는 SEC1 EC 개인 키이며, { $n }바이트에 맞는 곡선이 없습니다
kerr-asn1-20 = 올바른 X.509 인증서가 아닙니다: { $e }
kerr-asn1-21 = 인증서 공개 키: { $e }
kerr-asn1-22 = DER 키가 아닌 바이너리 데이터입니다 (SPKI, PKCS#8, PKCS#1, SEC1, X.509를 시도함)
kerr-asn1-23 = PEM 블록 "{ $label }"{ BATCHIM($label) ->
        [yes] 이
        [rieul] 이
       *[no] 가
    } 올바른 base64가 아닙니다: { $e }
kerr-asn1-24 = PEM: BEGIN 줄이 -----로 닫히지 않습니다
kerr-asn1-25 = PEM: BEGIN { $label } 뒤에 "{ $end_marker }" 줄이 없습니다
kerr-asn1-26 = RSA PRIVATE KEY: { $e }
kerr-asn1-27 = 개인 키가 암호(passphrase)로 암호화되어 있습니다. 먼저 복호화하세요 (openssl pkcs8 -in key.pem -out plain.pem)
kerr-asn1-28 = OpenSSH 개인 키 형식입니다. PKCS#8로 변환하세요 (ssh-keygen -p -m PKCS8 -f key)
kerr-asn1-29 = 지원하지 않는 PEM 블록 "{ $other }"
kerr-asn1-30 = 완전한 -----BEGIN ...----- 블록이 없는 PEM 텍스트
kerr-jwk-1 = JWK 멤버 "{ $name }"{ BATCHIM($name) ->
        [yes] 은
        [rieul] 은
       *[no] 는
    } 문자열이어야 합니다
kerr-jwk-2 = JWK 멤버 "{ $name }": { $e }
kerr-jwk-3 = "{ $name }"{ BATCHIM($name) ->
        [yes] 이
        [rieul] 이
       *[no] 가
    } 없는 { $kty } JWK
kerr-jwk-4 = JWK는 JSON 객체여야 합니다
kerr-jwk-5 = "kty"가 없는 JWK
kerr-jwk-6 = RSA 개인 JWK: { $err }
kerr-jwk-7 = RSA 개인 JWK의 값이 서로 맞지 않습니다: { $err }
kerr-jwk-rsa-d = RSA 개인 JWK: "d" 값이 범위를 벗어났습니다 (1보다 크고 "n"보다 작아야 합니다)
kerr-jwk-8 = "crv"가 없는 EC JWK
kerr-jwk-9 = EC JWK 곡선 "{ $crv }"{ BATCHIM($crv) ->
        [yes] 은
        [rieul] 은
       *[no] 는
    } 지원하지 않습니다 (P-256, P-384, P-521)
kerr-jwk-10 = EC JWK: "d"가 "x", "y"와 맞지 않습니다
kerr-jwk-11 = "crv"가 없는 OKP JWK
kerr-jwk-12 = X25519 JWK: "x"는 32바이트여야 합니다
kerr-jwk-13 = X25519 JWK: "d"가 "x"와 맞지 않습니다
kerr-jwk-14 = OKP 곡선 "{ $crv }"{ BATCHIM($crv) ->
        [yes] 은
        [rieul] 은
       *[no] 는
    } 지원하지 않습니다 (서명은 Ed25519, 암호화는 X25519)
kerr-jwk-15 = Ed25519 JWK: "x"는 32바이트여야 합니다
kerr-jwk-16 = Ed25519 JWK: "x"가 올바른 곡선 위의 점이 아닙니다
kerr-jwk-17 = Ed25519 JWK: "d"는 32바이트여야 합니다
kerr-jwk-18 = Ed25519 JWK: "d"가 "x"와 맞지 않습니다
kerr-jwk-19 = "alg"가 없는 AKP JWK
kerr-jwk-20 = AKP JWK alg "{ $alg }"{ BATCHIM($alg) ->
        [yes] 은
        [rieul] 은
       *[no] 는
    } 지원하지 않습니다 (ML-DSA-44, ML-DSA-65, ML-DSA-87)
kerr-jwk-21 = { $alg } JWK: "priv"(시드)에서 "pub"이 나오지 않습니다
kerr-jwk-22 = JWK kty "{ $other }"{ BATCHIM($other) ->
        [yes] 은
        [rieul] 은
       *[no] 는
    } 지원하지 않습니다 (oct, RSA, EC, OKP, AKP)
kerr-jwk-23 = JWK 멤버 "key_ops"는 배열이어야 합니다
kerr-jwk-24 = 키 JSON: { $e }
kerr-jwk-25 = JWKS에 키가 없습니다
kerr-jwk-26 = JWKS 멤버 "keys"는 배열이어야 합니다
kerr-akp-1 = 시스템의 난수 생성기가 실패했습니다
kerr-akp-2 = { $name } 개인 키: 깨진 SEQUENCE
kerr-akp-3 = { $name } 개인 키: SEQUENCE가 32바이트 시드로 시작하지 않습니다
kerr-akp-4 = { $name } 개인 키에 시드 없이 확장된 키만 있습니다. 시드 형식으로 내보내세요 (RFC 9881 §6)
kerr-akp-5 = { $name } 개인 키가 시드 형식 [0]도, 시드와 키의 SEQUENCE도 아닙니다
kerr-akp-6 = X25519 개인 키는 32바이트여야 합니다
kerr-akp-7 = X25519 개인 키를 쓸 수 없습니다
kerr-akp-8 = X25519 개인 키를 쓸 수 없습니다
kerr-akp-9 = X25519 공개 키는 32바이트여야 합니다
kerr-mod-1 = SSH2(RFC 4716) 공개 키입니다. OpenSSH 형식(ssh-keygen -i -f key.pub)이나 PEM으로 변환하세요
kerr-openssh-1 = OpenSSH 공개 키: { $e }
kerr-openssh-2 = 모듈러스가 음수인 OpenSSH RSA 키
kerr-openssh-3 = 지수가 음수인 OpenSSH RSA 키
kerr-openssh-4 = OpenSSH RSA 키: { $e }
kerr-secret-1 = 16진수 비밀 키의 자릿수가 홀수입니다
kerr-secret-2 = base64 비밀 키: { $e }
kerr-secret-3 = base64url 비밀 키: { $e }
kerr-rsa-too-big = RSA 모듈러스가 { $bits }비트입니다. { $max }비트까지의 키만 읽습니다
kerr-ec-coordinates = { $crv } EC JWK: x와 y는 각각 { $n }바이트여야 하는데 { $x }바이트와 { $y }바이트입니다
kerr-akp-expanded = { $alg } JWK: "priv"가 { $len }바이트인 확장된 개인 키입니다. RFC 9964 키는 그 자리에 32바이트 시드를 담습니다 (시드가 필요합니다)
kerr-akp-seed-length = { $name } 개인 키: 시드는 32바이트여야 하는데 { $len }바이트입니다
kerr-akp-private = { $name } 개인 키: { $e }
kerr-akp-public-length = { $name } 공개 키는 { $want }바이트여야 하는데 { $len }바이트입니다
kerr-ec-not-on-curve = EC 공개 키가 { $curve } 위의 점이 아닙니다
kerr-ec-bad-scalar = EC 개인 키가 올바른 { $curve } 스칼라가 아닙니다
kerr-ec-scalar-length = EC 개인 키가 { $len }바이트인데 { $curve }에는 { $want }바이트가 필요합니다
kerr-openssh-alg = OpenSSH { $alg } 키로는 JWT에 서명하거나 검증할 수 없습니다 (JOSE에는 RSA, ECDSA P-256/384/521, Ed25519가 있습니다)
kerr-hex-pair = 16진수 비밀 키: { $n }번째 두 자리가 16진수가 아닙니다

# Time values that are not plain seconds
time-problem-millis = 밀리초로 보입니다: 초로 읽으면 { $at }
time-problem-fraction = 소수점 있는 초({ $value }); 많은 라이브러리는 정수를 기대합니다
time-problem-string = 문자열이지만 NumericDate는 숫자여야 합니다: 숫자로 읽으면 { $at }
time-problem-not-time = 시각이 아닌 문자열입니다. NumericDate는 초 단위 숫자입니다
time-problem-type = { $type }은 시각이 아닙니다. NumericDate는 초 단위 숫자입니다

# crit and b64 rules (RFC 7515 §4.1.11, RFC 7797 §6)
rule-b64-not-crit = "b64": false가 "crit"에 없습니다. RFC 7797 §6은 crit: ["b64"]를 요구합니다
rule-crit-not-array = "crit"는 이름의 배열이어야 합니다. { $value }는 아닙니다
rule-crit-empty = "crit"가 빈 목록입니다. RFC 7515 §4.1.11이 금지합니다
rule-crit-not-name = "crit"에 있는 { $value }는 이름이 아닙니다
rule-crit-twice = "crit"에 "{ $name }"이 두 번 있습니다
rule-crit-registered = "crit"에 JWS/JWE 명세의 매개변수 "{ $name }"이 있습니다. RFC 7515 §4.1.11이 금지합니다
rule-crit-absent = "crit"에 "{ $name }"이 있지만 헤더에는 그런 매개변수가 없습니다

# Decrypting an encrypted token (JWE)
jwe-not-jwe = 암호화된 토큰이 아닙니다
jwe-no-header = 보호된 헤더를 읽을 수 없습니다
jwe-malformed = 토큰의 형식이 잘못되었습니다({ $error })
jwe-unknown-alg = alg { $alg }은 이 디버거가 구현한 JWE 키 관리 알고리즘이 아닙니다
jwe-unknown-enc = enc { $enc }은 이 디버거가 구현한 JWE 내용 암호화가 아닙니다
jwe-unknown-zip = zip { $zip }은 이 디버거가 구현한 압축이 아닙니다(DEF만 지원)
jwe-crit = "crit"에 이 디버거가 모르는 { $names }이 있습니다. RFC 7516 §4.1.13은 토큰을 거부하라고 요구합니다
jwe-no-key = 키가 없어 토큰을 복호화하지 않았습니다
jwe-no-enc-key = 집합에 암호화용 키가 없습니다(각 키의 use 또는 key_ops가 다르게 말합니다)
jwe-no-password = { $alg }은 비밀번호가 필요한데 주어진 키 중 비밀값이 없습니다
jwe-decrypted = 복호화됨: { $alg } + { $enc }, 인증 태그 확인됨
jwe-decrypted-with = { $key }로 복호화됨: { $alg } + { $enc }, 인증 태그 확인됨
jwe-ambiguous-failure = { " " }(이 알고리즘에서는 잘못된 키와 변경된 토큰이 똑같아 보입니다)
jwe-no-key-unwraps = 어떤 키로도 내용 키를 풀 수 없습니다: { $reasons }
jwe-inflate-corrupt = 압축된 내용(zip: DEF)의 압축을 풀 수 없습니다: { $why }
jwe-inflate-bomb = 압축된 내용이 상한인 { $cap } MiB를 넘게 풀립니다(압축 폭탄?)

# The verdict over every layer
verdict-verified = 검증됨
verdict-verified-layers = 모든 층 검증됨({ $count }개 층)
verdict-no-key = 검증 안 됨: { $layer }번째 층의 키가 없습니다
verdict-nesting-limit = 검증 안 됨: { $layer }번째 층을 열지 않았습니다(토큰은 최대 { $max }층까지 엽니다)
verdict-signature = { $layer }번째 층의 서명이 맞지 않습니다
verdict-decryption = { $layer }번째 층을 복호화할 수 없습니다
verdict-malformed = { $layer }번째 층은 올바른 토큰이 아닙니다
verdict-expired = 서명은 맞지만 토큰이 만료되었습니다(--ignore-exp로 받아들일 수 있습니다)
verdict-not-yet-valid = 서명은 맞지만 토큰이 아직 유효하지 않습니다(--ignore-nbf로 받아들일 수 있습니다)
verdict-disclosures = SD-JWT의 공개 항목이 페이로드와 맞지 않습니다(RFC 9901 §7.1)
verdict-key-binding = SD-JWT의 키 바인딩이 검증되지 않았습니다: { $detail }

# Names that only look like registered ones (Unicode TR39)
f-confusable-title = { $part ->
    [header] 헤더 매개변수 "{ $name }"이 "{ $like }"처럼 보입니다
   *[payload] 클레임 "{ $name }"이 "{ $like }"처럼 보입니다
}
f-confusable-msg = "{ $name }"은 "{ $like }"이 아닙니다. 글자가 비슷해 보일 뿐입니다(다른 문자 체계의 글자이거나 보이지 않는 문자가 들어 있음). 검증기는 진짜 "{ $like }"을 읽거나 아무것도 읽지 않고, 사람은 이것을 읽습니다. 토큰이 보여 주는 것과 말하는 것이 다릅니다.
f-invisible-name-title = { $part ->
    [header] 헤더 매개변수 "{ $name }"에 보이지 않는 문자가 있습니다
   *[payload] 클레임 "{ $name }"에 보이지 않는 문자가 있습니다
}
f-invisible-name-msg = 이름 "{ $name }"에 아무것도 보이지 않는 문자가 있습니다(여기서는 이스케이프로 표시). 똑같아 보이는 두 이름이 다를 수 있습니다.

## SD-JWT (RFC 9901)
sd-disclosure-error = 공개 항목 { $n }: { $problem }
sd-problem-empty = 비어 있음
sd-problem-base64 = base64url이 아님 ({ $error })
sd-problem-utf8 = 디코딩한 바이트가 UTF-8이 아님
sd-problem-json = JSON이 아님 ({ $error })
sd-problem-shape = 원소 2개 [salt, value] 또는 3개 [salt, name, value]의 JSON 배열이 아님
sd-problem-salt = salt가 문자열이 아님
sd-problem-name = 클레임 이름이 문자열이 아님
sd-problem-reserved = 클레임 이름 "{ $name }"{ BATCHIM($name) ->
        [yes] 은
        [rieul] 은
       *[no] 는
    } 예약되어 있음
sd-problem-element-in-object = 배열 원소 [salt, value]인데 다이제스트가 { $at }의 객체 _sd에 있음
sd-problem-property-in-array = 속성 "{ $name }"인데 다이제스트가 { $at }의 배열 원소 자리에 있음
sd-problem-name-exists = "{ $name }"{ BATCHIM($name) ->
        [yes] 을
        [rieul] 을
       *[no] 를
    } 공개하지만 { $at }에 이미 있음
sd-problem-twice = 공개 항목 { $first }{ BATCHIM($first) ->
        [yes] 과
        [rieul] 과
       *[no] 와
    } 같음
sd-problem-unreferenced = 다이제스트가 페이로드에도 다른 공개 항목에도 없음
sd-digest-twice = 다이제스트 { $digest }{ BATCHIM($digest) ->
        [yes] 이
        [rieul] 이
       *[no] 가
    } 두 번 이상 참조됨 (다시 { $at }에서)
sd-not-array = { $at }의 _sd가 배열이 아님
sd-digest-not-string = { $at }의 _sd에 문자열이 아닌 다이제스트가 있음
sd-ellipsis-not-string = { $at }의 배열 원소가 {"{"}"...": …{"}"}인데 다이제스트가 문자열이 아님
sd-too-deep = 공개 항목이 { $max }단계보다 깊게 중첩됨 ({ $at }). 나머지는 처리하지 않았습니다
sd-alg-unsupported = _sd_alg "{ $alg }"{ BATCHIM($alg) ->
        [yes] 은
        [rieul] 은
       *[no] 는
    } 지원하는 해시가 아님 (sha-256, sha-384, sha-512, sha3-256, sha3-384, sha3-512)
sd-alg-not-string = _sd_alg가 문자열이 아님
sd-payload-not-object = 발급자가 서명한 페이로드가 JSON 객체가 아님
sd-invalid = 공개 항목이 페이로드와 맞지 않음 (RFC 9901 §7.1)
kb-verified = 키 바인딩 검증됨: 보유자 키로 이 제시에 대해 서명됨
kb-verified-with = 키 바인딩이 { $key }{ BATCHIM($key) ->
        [yes] 으로
        [rieul] 로
       *[no] 로
    } 검증됨
kb-malformed = 키 바인딩 JWT 형식이 잘못됨: { $error }
kb-typ = 키 바인딩 JWT의 typ가 "kb+jwt"가 아니라 "{ $typ }"임
kb-alg = 키 바인딩 JWT의 alg "{ $alg }"{ BATCHIM($alg) ->
        [yes] 은
        [rieul] 은
       *[no] 는
    } 비대칭 서명 알고리즘이 아님
kb-sd-hash-missing = 키 바인딩 JWT에 sd_hash가 없음
kb-sd-hash-mismatch = sd_hash가 이 제시와 맞지 않음 (공개 항목이 추가·삭제·변경됨)
kb-iat-missing = 키 바인딩 JWT에 iat가 없음
kb-iat-future = 키 바인딩 JWT가 { $secs }초 뒤 미래에 발급됨
kb-iat-old = 키 바인딩 JWT가 { $secs }초 지났음. 최대 { $max }초까지 받아들임
kb-member-missing = 키 바인딩 JWT에 { $name }{ BATCHIM($name) ->
        [yes] 이
        [rieul] 이
       *[no] 가
    } 없음
kb-member-mismatch = 키 바인딩 JWT의 { $name }{ BATCHIM($name) ->
        [yes] 이
        [rieul] 이
       *[no] 가
    } "{ $got }"임. 기대한 값은 "{ $expected }"
kb-no-holder-key = 발급자가 보유자 키를 kid나 jkt로만 지정함: --holder-key(또는 보유자 키 입력란)로 주세요
kb-cnf-jwk-unreadable = cnf.jwk를 키로 쓸 수 없음: { $error }
kb-jkt-mismatch = 주어진 보유자 키 중 지문이 cnf.jkt { $jkt }인 키가 없음
kb-signature = 키 바인딩 서명: { $detail }
sd-pointer-syntax = "{ $pointer }"{ BATCHIM($pointer) ->
        [yes] 은
        [rieul] 은
       *[no] 는
    } JSON 포인터가 아님 (/address/street_address처럼 "/"로 시작)
sd-pointer-missing = 클레임의 { $pointer }에 아무것도 없음
sd-pointer-root = 페이로드 전체를 선택적으로 공개할 수는 없습니다. 그 아래 클레임을 지정하세요
sd-pointer-reserved = { $pointer }{ BATCHIM($pointer) ->
        [yes] 은
        [rieul] 은
       *[no] 는
    } 항상 보여야 하는 클레임임 (_sd, _sd_alg, ..., cnf는 공개 항목이 될 수 없음)
sd-present-malformed = SD-JWT가 아님: { $error }
sd-present-not-sd = SD-JWT가 아님: 발급자 서명 JWT 뒤에 "~"가 없음
sd-present-invalid = SD-JWT의 공개 항목이 페이로드와 맞지 않음: { $error }
sd-present-nothing-at = { $pointer }에 무언가를 두는 공개 항목이 없음
sd-kb-key-symmetric = 키 바인딩 JWT는 비밀 키가 아니라 보유자의 개인 키(비대칭 키)로 서명합니다
sd-kb-sign = 키 바인딩 JWT 서명 실패: { $error }
f-sd-invalid-title = 공개 항목이 RFC 9901 규칙 { $count }개를 어김
f-sd-invalid-msg = 검증기는 이 SD-JWT를 거부해야 합니다: { $first }
f-sd-short-salt-title = 공개 항목 { $count }개의 salt가 짧음
f-sd-short-salt-msg = { $first }: { $bits }비트 미만의 salt는 다이제스트를 본 누구나 그럴듯한 값을 대입해 숨은 값을 추측하게 합니다.
f-sd-no-decoys-title = 미끼 다이제스트 없음
f-sd-no-decoys-msg = 페이로드의 다이제스트 { $count }개 중 미끼가 하나도 없습니다. 검증기는 보유자가 감춘 클레임 수를 알게 되고, 그 수로 제시들을 연결할 수 있습니다. 발급자는 미끼를 넣습니다 (RFC 9901 §4.2.5).
f-sd-kb-missing-title = 보유자 키에 묶였지만 키 바인딩 없이 제시됨
f-sd-kb-missing-msg = 페이로드가 보유자 키(cnf)를 지정하지만 키 바인딩 JWT가 없습니다. 이 제시를 가진 누구나 재전송할 수 있습니다.
f-sd-kb-invalid-title = 키 바인딩 검증 안 됨
f-sd-kb-invalid-msg = { $detail }
f-sd-vc-legacy-typ-title = 예전 SD-JWT VC 유형 vc+sd-jwt
f-sd-vc-legacy-typ-msg = SD-JWT VC는 이제 typ "dc+sd-jwt"를 씁니다. 현재 초안을 따르는 검증기는 "vc+sd-jwt"를 거부할 수 있습니다.
f-sd-vc-no-vct-title = vct 없는 SD-JWT VC
f-sd-vc-no-vct-msg = SD-JWT VC는 vct에 자격 증명 유형을 밝혀야 합니다.
f-sd-vc-disclosable-title = 항상 보여야 할 클레임이 선택적 공개로 되어 있음
f-sd-vc-disclosable-msg = { $names }: SD-JWT VC에서는 이 클레임들이 항상 보여야 검증기가 보유자의 선택과 무관하게 발급자, 유효 기간, 유형, 상태를 확인할 수 있습니다.

## Token kinds and their rules
profile-title = { $name ->
    [access_token] 액세스 토큰
    [dpop_proof] DPoP 증명
    [id_token] ID 토큰
    [logout_token] 로그아웃 토큰
    [security_event] 보안 이벤트 토큰
    [client_assertion] 클라이언트 어설션
    [request_object] 요청 객체
    [kb_jwt] 키 바인딩 JWT
    [entity_statement] 엔터티 명세
    [status_list] 상태 목록 토큰
    [sd_jwt_vc] SD-JWT VC
    [token_introspection] 토큰 인트로스펙션 응답
   *[jwt] JWT
}
verdict-profile = { $kind } 규칙 실패: { $id }: { $detail }
pc-present = 있음
pc-missing = 없음: 이 종류의 토큰에는 { $name }{ BATCHIM($name) ->
        [yes] 이
        [rieul] 이
       *[no] 가
    } 있어야 합니다
pc-mismatch = { $name }{ BATCHIM($name) ->
        [yes] 이
        [rieul] 이
       *[no] 가
    } "{ $got }"임. 기대한 값은 "{ $expected }"
pc-typ-ok = typ는 { $typ }
pc-typ-none = typ 없음
pc-typ-missing = typ 없음: { $kind }{ BATCHIM($kind) ->
        [yes] 은
        [rieul] 은
       *[no] 는
    } typ { $typ }를 밝혀야 합니다
pc-typ-recommended = typ 없음 ({ $typ } 권장)
pc-typ-wrong = typ가 { $typ }임. 기대한 값은 { $expected }
pc-typ-other = typ가 { $typ }임: 이것은 { $kind }{ BATCHIM($kind) ->
        [yes] 이
        [rieul] 이
       *[no] 가
    } 아니라 { $other }입니다 (RFC 8725 §3.11: 한 종류가 다른 종류로 통과하면 안 됨)
pc-alg-none = alg none: { $kind }{ BATCHIM($kind) ->
        [yes] 은
        [rieul] 은
       *[no] 는
    } 서명되어야 합니다
pc-alg-ok = alg { $alg }
pc-alg-symmetric = alg { $alg }: { $kind }{ BATCHIM($kind) ->
        [yes] 은
        [rieul] 은
       *[no] 는
    } 비대칭 키로 서명합니다
pc-azp-ok = azp { $azp }
pc-azp-needed = audience가 여럿: azp가 토큰을 발급받은 클라이언트를 지정해야 합니다
pc-nonce-match = nonce 일치
pc-nonce-mismatch = nonce가 "{ $got }"임. 기대한 값은 "{ $expected }"
pc-nonce-absent = nonce 없음. 기대한 값은 "{ $expected }"
pc-nonce-unchecked = nonce "{ $got }": 비교하려면 기대하는 nonce를 주세요
pc-nonce-forbidden = 로그아웃 토큰에는 nonce가 있으면 안 됩니다
pc-hash-match = { $name }{ BATCHIM($name) ->
        [yes] 이
        [rieul] 이
       *[no] 가
    } { $what ->
        [code] 인가 코드와
       *[other] 액세스 토큰과
    } 일치
pc-hash-mismatch = { $name }{ BATCHIM($name) ->
        [yes] 이
        [rieul] 이
       *[no] 가
    } { $what ->
        [code] 인가 코드와
       *[other] 액세스 토큰과
    } 맞지 않음 (해시는 { $expected })
pc-hash-missing = { $what ->
        [code] 인가 코드와
       *[other] 액세스 토큰과
    } 비교할 { $name } 없음
pc-hash-unchecked = { $name } 있음: 확인하려면 { $what ->
        [code] 인가 코드를
       *[other] 액세스 토큰을
    } 주세요
pc-hash-alg = alg { $alg }로는 { $name }{ BATCHIM($name) ->
        [yes] 을
        [rieul] 을
       *[no] 를
    } 계산할 수 없음
pc-events-logout-ok = events에 백채널 로그아웃 이벤트가 있음
pc-events-logout-missing = events에 { $event } 객체가 있어야 합니다
pc-events-object = events: { $names }
pc-events-not-object = events는 이벤트가 하나 이상 있는 JSON 객체여야 합니다
pc-sid-or-sub = sid 또는 sub가 세션이나 사용자를 지정
pc-sid-or-sub-missing = sid도 sub도 없음: 로그아웃 대상이 없습니다
pc-exp-unexpected = exp가 있음: 보안 이벤트 토큰은 사실을 알리며 만료되지 않습니다 (RFC 8417 §2.2)
pc-iss-sub-equal = 클라이언트 인증에 필요한 대로 iss와 sub가 같음
pc-iss-sub-differ = iss { $iss }{ BATCHIM($iss) ->
        [yes] 과
        [rieul] 과
       *[no] 와
    } sub { $sub }{ BATCHIM($sub) ->
        [yes] 이
        [rieul] 이
       *[no] 가
    } 다름: 클라이언트 인증에서는 둘 다 client_id여야 합니다
pc-aud-match = aud { $aud }
pc-aud-mismatch = aud { $aud }에 { $expected } 중 어느 것도 없음
pc-aud-unchecked = aud { $aud }: 비교하려면 --aud(토큰 엔드포인트나 인가 서버)를 주세요
pc-not-self-signed = { $iss }{ BATCHIM($iss) ->
        [yes] 이
        [rieul] 이
       *[no] 가
    } 다른 엔터티에 대해 발급: 발급자의 키로 검증하세요
pc-self-signed-ok = 자체 서명, 자신의 jwks로 검증됨
pc-self-signed-fail = 자체 서명인데 자신의 jwks로 검증되지 않음: { $detail }
pc-jwks-unreadable = jwks를 키 집합으로 쓸 수 없음: { $error }
pc-vct-missing = vct 없음: SD-JWT VC는 자격 증명 유형을 밝힙니다
pc-not-sd-jwt = SD-JWT가 아님: JWT 뒤에 공개 항목이 없음
pc-sd-valid = 공개 항목 { $count }개가 페이로드와 맞음
pc-disclosable = { $names }{ BATCHIM($names) ->
        [yes] 은
        [rieul] 은
       *[no] 는
    } 항상 보여야 하는데 선택적 공개로 되어 있음
pc-kb-none = cnf가 보유자 키를 지정하지만 키 바인딩 JWT가 없음
pc-jwk-missing = jwk 헤더 없음: DPoP 증명은 서명한 공개 키를 담습니다
pc-jwk-unreadable = jwk 헤더를 키로 쓸 수 없음: { $error }
pc-jwk-private = jwk 헤더에 개인 키가 있음: 소유를 증명해야 할 키를 증명이 공개합니다
pc-jwk-verifies = jwk 헤더의 키로 서명됨
pc-jwk-fails = jwk 헤더의 키로 서명되지 않음: { $detail }
pc-iat-ok = { $secs }초 전 발급
pc-iat-old = { $secs }초 전 발급. 최대 { $max }초까지 받아들임
pc-iat-future = { $secs }초 뒤 미래에 발급
pc-htm-match = 메서드 { $got } 일치
pc-htm-unchecked = 메서드 { $got }: 비교하려면 요청의 메서드를 주세요
pc-htu-match = URL { $got } 일치
pc-htu-unchecked = URL { $got }: 비교하려면 요청의 URL을 주세요
pc-ath-match = ath가 액세스 토큰의 해시임
pc-ath-missing = ath 없음: 액세스 토큰과 함께 보내는 증명은 그 해시를 담아야 합니다
pc-ath-unchecked = ath 있음: 확인하려면 액세스 토큰을 주세요
pc-jkt-match = 액세스 토큰의 cnf.jkt가 증명 키의 지문임
pc-jkt-mismatch = 액세스 토큰은 키 { $jkt }에 묶였는데 증명은 { $thumbprint }{ BATCHIM($thumbprint) ->
        [yes] 으로
        [rieul] 로
       *[no] 로
    } 서명됨
pc-jkt-unbound = 액세스 토큰에 cnf.jkt가 없음: 이 증명의 키에 묶이지 않았습니다
pc-jkt-opaque = 액세스 토큰이 JWT가 아님: 바인딩은 인트로스펙션으로 확인합니다
pc-jkt-no-key = 증명의 키를 읽을 수 없어 바인딩을 확인할 수 없음
pc-jkt-unchecked = 이 키에 묶였는지(cnf.jkt) 확인하려면 액세스 토큰을 주세요
pc-bits-ok = 항목당 { $bits }비트
pc-bits-bad = status_list.bits는 1, 2, 4, 8 중 하나여야 합니다
pc-lst-ok = 항목 { $entries }개. 상태 값별 { $counts }
pc-lst-bad = lst를 읽을 수 없음: { $error }
pc-index = 항목 { $index }의 상태는 { $value }
pc-index-out = 항목 { $index }{ BATCHIM($index) ->
        [yes] 은
        [rieul] 은
       *[no] 는
    } 목록의 항목 { $entries }개를 넘음

f-eddsa-deprecated-title = alg EdDSA는 폐기 예정: 완전히 지정된 이름은 Ed25519
f-eddsa-deprecated-msg = RFC 9864는 여러 곡선을 뜻하던 EdDSA를 곡선까지 정하는 이름(Ed25519, Ed448)으로 바꿉니다. 이제 키가 곡선을 정하지 않습니다. 검증기는 당분간 EdDSA를 받아들이지만 새 토큰은 Ed25519라고 써야 합니다.

## Attack tokens
attack-malformed = 시작할 토큰 형식이 잘못됨: { $error }
attack-not-jws = 공격은 서명된 토큰(JWS)에서 시작합니다. 이 토큰은 암호화되어 있습니다
attack-no-claims = 토큰의 페이로드가 클레임 JSON 객체가 아닙니다
attack-sign = 공격 토큰에 서명할 수 없음: { $error }
attack-title = { $id ->
    [none] alg none: 서명 없음
    [strip] alg는 두고 서명 제거
    [hmac-confusion] 서버의 공개 키를 비밀 키로 쓴 HMAC
    [embedded-jwk] 공격자의 키를 jwk로 삽입
    [embedded-x5c] 공격자의 자체 서명 인증서를 x5c에 삽입
    [jku] 공격자의 키 집합을 가리키는 jku
    [x5u] 공격자의 인증서를 가리키는 x5u
    [kid-path] 내용을 아는 파일로 가는 kid 경로 조작
    [kid-sql] 아는 키를 돌려주는 kid SQL 주입
    [psychic] r = s = 0인 ECDSA 서명
    [empty-key] 빈 비밀 키로 만든 HMAC
   *[weak-secret] 알려졌거나 추측한 비밀 키로 서명
}

f-jwk-dpop-title = DPoP 증명이 RFC 9449에 따라 공개 키를 담고 있음
f-jwk-dpop-msg = DPoP 증명은 원래 자신의 jwk 헤더에 있는 키로 서명합니다. 누구나 만들 수 있습니다. 증명이 의미를 갖는 것은 함께 보낸 액세스 토큰이 cnf.jkt로 이 키에 묶여 있고 ath가 그 토큰을 덮을 때입니다 (종류 섹션에서 둘 다 확인합니다).
