"""Cue words for the `legal.*` sub-labels (ko/en/de), written from moderation practice.

Slurs are listed because a moderation tool has to recognise them; they are never
shown to users except inside a moderator's reasons.
"""

from __future__ import annotations

# Slurs and dehumanising phrases against protected groups (ethnicity, origin,
# region, gender, religion, disability, sexual orientation).
HATE = [
    # ko: ethnic/regional/gender/disability slurs
    "짱깨", "짱개", "쪽바리", "쪽발이", "똥남아", "흑형", "깜둥이", "니거",
    "홍어", "전라디언", "개쌍도", "김치녀", "된장녀", "한남충", "한남들", "페미년",
    "메갈년", "맘충", "틀딱", "장애인 새끼", "애자", "게이 새끼", "똥꼬충", "급식충",
    "다 추방", "나라로 돌아가", "외노자", "난민 새끼",
    # en
    "filthy immigrants", "send them back", "go back to your country",
    "go back where", "where they came from", "illegals", "subhuman", "vermin", "n1gger",
    "nigger*", "chink*", "gook*", "faggot*", "tranny", "retards", "towelhead*", "kike*",
    "wetback*", "paki", "ching chong",
    # more slurs and dehumanising terms, written for Comity (not copied from a list)
    "spic", "spics", "beaner*", "raghead*", "sandnigger*", "coon", "coons", "jigaboo*",
    "porch monkey*", "dyke", "dykes", "fag", "fags", "trannies", "shemale*", "mongoloid*",
    "zipperhead*", "slant eye*", "chinaman", "redskin*", "wop", "wops", "muzzie*",
    "wigga*", "nigglet*", "mongrel*", "jiggaboo*", "honky", "honkies", "darkie*",
    "half breed", "halfbreed*",
    # de
    "kanake*", "schlitzauge*", "neger*", "zigeuner*", "ausländer raus",
    "umvolkung", "kopftuchmädchen", "schwuchtel*", "untermensch*", "asylant*", "abschieben",
    "gehören nicht hierher", "zurück in ihr land", "volksverräter",
    "kümmeltürke*", "musel*", "judensau*", "tunte*", "transe", "transen", "*kanake",
    "scheinasylant*", "volksverräterin*", "ungeziefer", "invasoren",
]

# Sexual content, sexualised remarks about people, porn promotion.
OBSCENE = [
    "bikini*", "less clothes", "without clothes", "no clothes", "lingerie", "💋", "야한", "젖꼭",
    "unterwäsche", "bikinis",
    "ㅗㅜㅑ", "야동", "야짤", "19금", "성인인증", "몸매", "벗은", "벗겨", "가슴 크", "엉덩이",
    "꼴리", "꼴림", "섹스", "섹시", "자위", "알몸", "노출", "속옷", "한번 하고", "따먹",
    "🔞", "🍆", "💦", "🥵",
    "porn*", "nude*", "naked", "nudes", "uncensored",
    "sexy", "boobs", "tits", "thicc", "sex", "horny",
    "onlyfans", "ohne kleidung", "ohne klamotten", "nackt*", "titten",
    "geil*", "vögeln", "pornos",
]

# Threats of violence against people or property.
THREAT = [
    "wenn ich dich erwische", "stech dich", "stech euch", "mach dich kalt",
    "어디 사는지", "집 알아", "where you live", "wo du wohnst", "i know where",
    "hurt her", "hurt him", "hurt them", "after her shift", "after his shift", "wait for her",
    "wait for him", "나중에 보자", "기다린다 퇴근",
    "zünde", "anzünden", "abbrennen", "burn the", "burn your", "come burn", "set fire", "불태워",
    "박살", "부숴버",
    "죽고 싶", "가만두지", "두고 보자", "목을", "i will hurt", "i'll hurt", "hurt you",
    "break your",
    "ich mach dich", "schlag dich", "bring dich um", "wir kommen vorbei",
    "죽여", "죽인다", "죽일", "죽여버", "패버", "패 버", "찔러", "칼로", "칼 들고", "불 질러",
    "불질러", "불 지른", "태워버", "찾아간다", "찾아갈", "가만 안 둬", "가만안둬",
    "조심해라", "밤길 조심", "각오해", "묻어버", "테러",
    "kill you", "kill him", "kill her", "kill them", "i'll kill", "gonna kill",
    "with a knife", "with a bat", "with a gun", "baseball bat", "dann knallt's", "dann knallt es",
    "dann kracht's", "burn it down", "burn down", "shoot you", "shoot up", "i'll shoot",
    "stab you", "watch your back",
    "you're dead", "beat you up", "beat the", "coming for you", "find you", "i know where",
    "plant a bomb", "bomb the",
    "umbringen", "abstechen", "abknallen", "abfackeln", "anzünden",
    "passt auf euch auf", "ich weiß wo", "aufs maul",
    "die fresse polieren", "totschlagen", "erschießen",
]

# Counterfeits, unlicensed merchandise and pirated content.
IP = [
    "정품 아님", "무단 사용", "불법 다운", "짭", "fake tumbler*", "replica tumbler*", "pirate*",
    "unlicensed", "unofficial merch", "raubkop*", "gefälscht*", "imitat*",
    "짝퉁", "레플", "레플리카", "이미테이션", "정품급", "미러급", "st급", "가품", "복제품",
    "불법 복제",
    "불법복제", "무단 복제", "원본 공유", "풀버전",
    "무료 공유", "유출본", "미공개 영상",
    "replica*", "counterfeit*", "knockoff*", "knock-off*", "bootleg*",
    "pirated", "leaked footage", "free download",
    "fälschung*", "wie echt", "nachbau*", "plagiat*", "wie das original",
    "raubkopie*", "kopie vom",
]

# Personal-data and defamation cues; they count only next to a person or data.
DOX = [
    "lives", "apartment", "wohnt", "wohnung", "차 번호", "차번호", "번호판", "license plate",
    "kennzeichen", "몇 동", "where he", "where she",
    "집주소", "주소", "전화번호", "폰번호", "실명", "신상", "박제", "사는 곳", "사는곳",

    "address", "his number", "her number", "phone number", "lives at", "lives on",
    "call him", "call her", "doxx*",
    "adresse", "wohnt in", "wohnt am", "handynummer", "telefonnummer", "ruft sie an",
]
DEFAME = [
    "횡령", "도둑", "사기꾼", "성추행", "성희롱범", "전과", "범죄자", "마약", "불륜", "훔쳐",
    "steals", "stole", "thief", "fraud", "scammer", "embezzl*", "criminal", "pedo*",
    "klaut", "dieb*", "betrüger*", "vorbestraft",
]

# Piracy needs no sale to infringe: sharing the brand's footage or files is enough.
PIRACY = [
    "불법 복제", "불법복제", "원본 공유", "풀버전", "무료 공유", "유출본", "미공개 영상",
    "불법 다운",
    "pirated", "pirate*", "leaked footage", "free download", "raubkop*",
]

# Protected groups, and what turns a mention of them into exclusion or contempt.
GROUP = [
    "여자는", "여자들은", "남자는", "women are", "women should", "frauen gehören", "frauen sollten",
    "외국인", "이민자", "장애인", "여자들", "남자들", "게이", "흑인", "중국인", "조선족",
    "동남아", "무슬림",
    "난민", "그 나라 사람", "immigrants", "foreigners", "disabled", "wheelchair*", "muslims",
    "jews",
    "gays", "blacks", "refugees", "ausländer", "rollstuhlfahrer*", "behinderte*", "flüchtlinge",
    "muslime", "juden", "schwule",
]
EXCLUSION = [
    "sollten hier", "should not be allowed", "shouldn't be allowed", "not be served",
    "nicht bedient", "들어오면 안", "받으면 안",
    "설거지나", "집에서 애나", "in die küche", "back to the kitchen", "make me a sandwich",
    "뽑지 마", "내보내", "나가라", "받지 마", "출입 금지", "손버릇", "다 똑같", "추방", "받지마",
    "뽑지마",
    "keep them out", "people out", "should stay", "don't hire", "dont hire", "ban them", "ruin",
    "go back", "not welcome", "raus", "draußen bleiben", "stören nur", "nicht einstellen",
    "haben hier nichts", "gehören nicht",
]

# "fake"/"가짜" next to the brand and an offer to sell is a counterfeit.
FAKE = ["fake", "가짜", "gefälscht*", "unecht*"]

FAMILIES: dict[str, list[str]] = {
    "fake": FAKE,
    "group": GROUP,
    "exclusion": EXCLUSION,
    "piracy": PIRACY,
    "hate": HATE,
    "obscene": OBSCENE,
    "threat": THREAT,
    "ip": IP,
    "dox": DOX,
    "defame": DEFAME,
}
