"""Cue words for profanity, insults, their targets, and baiting (ko/en/de)."""

from __future__ import annotations

# Swearing that is not by itself aimed at anyone ("ㅅㅂ", "wtf", "scheiß").
PROFANITY = [
    "시발", "씨발", "ㅅㅂ", "ㅆㅂ", "ㅅ발", "씨바", "시바", "존나", "졸라", "ㅈㄴ", "ㅈ같",
    "좆", "개빡", "빡치", "염병", "젠장", "미친",
    "fuck*", "fucking", "shit*", "damn", "wtf", "crap", "bullshit", "as shit",
    "scheiß*", "scheiss*", "verdammt*", "kacke", "kack*", "fick*", "my ass",
]

# Insults: words that demean a person.
INSULT = [
    "brainwashed", "sheep", "sheeple", "머리 나쁜", "머리가 나쁜", "빡대가리", "돌대가리", "무식",
    "멍청이", "hirnlos", "dumpfbacke",
    "ㅄ", "개념 없", "수준 낮", "muppet", "twat", "dipshit", "nitwit", "schwachkopf", "spacko",
    "missgeburt", "hohlbirne",
    "병신", "븅신", "ㅂㅅ", "찐따", "호구", "한심", "닥쳐", "꺼져", "멍청", "등신", "바보",
    "미친놈",
    "미친년", "새끼", "놈들", "년들", "것들", "지능", "거지같", "쓰레기", "썩은",
    "ㅉㅉ", "저능", "노답", "루저", "관종", "뇌가", "뇌없", "못생", "돼지",
    "idiot*", "moron*", "clown*", "stupid", "dumb*", "braindead", "brain dead", "loser*",
    "ugly", "pathetic", "shut up", "touch grass", "nobody asked", "scum", "dumbass",
    "retard*", "imbecile", "cretin", "jerk*", "bitch*", "asshole*", "incompetent",
    "idiot*", "dumm*", "lauch", "fresse", "vollidiot*", "depp*", "spast*", "hurensohn",
    "wichser", "trottel", "versager", "halt die klappe", "hässlich*", "penner", "arschloch",
    "vollpfosten", "honk", "behindert", "blöd*", "dummkopf",
]

# The larger English and German word lists below were written for Comity from moderation
# practice (not taken from better-profanity, alt-profanity-check or any other list).
# Whole words unless starred; leetspeak, spacing and letter repeats ("f*ck", "sh1t",
# "a$$hole", "f u c k") are undone by normalisation first, so only spellings it keeps
# ("fck", "fuk", "wixxer") are listed. Words that are also harmless ("hell", "Hölle",
# "mist", "cock", German "dick", "Lappen", "spinner") are left out or listed only
# as phrases.
PROFANITY_EN = [
    "fuckin", "fuckin'", "fucked", "fuuck*", "fck", "fcking", "fckin", "fkn", "fking", "fuk",
    "fukin", "fukn", "fuking", "effing", "frigging", "friggin", "motherfucking", "goddamn*",
    "god damn", "goddam", "dammit", "damnit", "damn it", "what the hell", "the hell", "bloody hell",
    "hell no", "holy shit", "holy crap", "crappy", "piss", "pissed", "pissing", "ass", "arse",
    "bollocks", "bs", "omfg", "jfc", "sucks ass", "my arse", "*fuck", "*fucker", "*fucking",
    "horseshit", "apeshit", "batshit", "freaking", "freakin",
]
PROFANITY_DE = [
    "scheisse", "scheissdreck", "verfickt*", "verflucht*", "kotz*", "zum kotzen", "arsch",
    "am arsch", "im arsch", "dreck", "shice", "schice", "verdammte scheisse", "*scheisse",
    "*scheiss", "verarsch*",
]
# Mild swearing: said about a day or a thing, never enough to call a comment toxic alone.
MILD_PROFANITY = [
    "damn", "damn it", "dammit", "damnit", "goddamn*", "god damn", "goddam", "crap", "crappy",
    "holy crap", "what the hell", "the hell", "bloody hell", "hell no", "wtf", "omfg", "jfc", "bs",
    "ass", "arse", "piss", "pissed", "pissing", "effing", "frigging", "friggin", "bollocks",
    "my ass", "my arse", "verdammt*", "verflucht*", "kacke", "kack*", "kotz*", "zum kotzen", "젠장",
    "미친", "빡치", "개빡", "freaking", "freakin", "verarsch*",
]
# Insults and swearing aimed at someone: a person is the target by construction.
INSULT_EN = [
    "fuck you", "fuck u", "fuck off", "fuck yourself", "fuck ya", "fuck him", "fuck her",
    "fuck them", "screw you", "go to hell", "piss off", "stfu", "gtfo", "kys", "kill yourself",
    "suck my", "kiss my ass", "eat shit", "shut the fuck up", "shut your mouth", "shut your face",
    "drop dead", "you suck", "u suck", "you are trash", "you're trash", "ur trash",
    "you are disgusting", "you're disgusting", "motherfucker*", "mothafucka*", "muthafucka*",
    "fucker*", "fuckface*", "fuckwit*", "fucktard*", "dumbfuck*", "shithead*", "shitbag*",
    "shitstain*", "dickhead*", "prick", "pricks", "cunt*", "twats", "wanker*", "tosser*",
    "bellend*", "knobhead*", "arsehole*", "bastard*", "douche*", "scumbag*", "slut*", "whore*",
    "hoe", "hoes", "thot", "thots", "skank*", "pussy", "pussies", "cocksucker*", "jackass*",
    "halfwit*", "numbnuts", "dimwit*", "dunce", "buffoon*", "simpleton*", "ignoramus",
    "degenerate*", "lowlife*", "low life", "white trash", "human trash", "piece of shit",
    "piece of trash", "piece of garbage", "sack of shit", "waste of space", "waste of oxygen",
    "hypocrite*", "liar", "liars", "traitor*", "fool", "fools", "creep", "creeps", "pervert*",
    "psycho", "psychos", "psychopath*", "lunatic*", "nutjob*", "nutcase*", "weirdo*", "snowflake*",
    "libtard*", "feminazi*", "maggot*", "parasite*", "bimbo*", "coward", "cowards", "cuck", "cucks",
    "cuckold*", "nigga", "niggas", "niggaz", "nigguh*", "niggah*", "nicca", "niccas", "nig", "nigs",
    "dipshits", "morons", "clowns", "idiots", "losers", "scumbags", "crackhead*", "dumbass*",
    "asshat*", "assclown*", "asswipe*", "dumbshit*", "sucker", "suckers", "sissy", "sleazebag*",
    "slimeball*", "dirtbag*", "turd", "turds", "wank", "wanking", "bugger off", "sod off", "twit",
    "twits", "pillock*", "plonker*", "numpty", "nonce", "nonces", "disgrace", "a disgrace",
    "bigot*", "nutter*", "brainless", "spineless", "gutless", "grifter*",
]
INSULT_DE = [
    "fick dich", "fickt euch", "verpiss dich", "verpisst euch", "halt's maul", "halts maul",
    "halt dein maul", "halt die fresse", "halt die schnauze", "leck mich", "du kannst mich mal",
    "geh sterben", "fahr zur hölle", "leck mich am arsch", "hure", "huren*", "schlampe*", "fotze*",
    "nutte*", "wichs*", "wixer", "wixxer", "drecksau*", "drecksack*", "dreckschwein*", "dreckspack",
    "drecksvolk", "*idiot", "*idioten", "*trottel", "schwachmat*", "hohlkopf*", "knallkopf*",
    "dödel", "pisser", "du opfer", "abschaum", "gesindel", "pöbel", "heuchler*", "lügner*",
    "witzfigur*", "lachnummer", "hampelmann*", "schmarotzer*", "parasit*", "nichtsnutz*",
    "taugenichts", "kotzbrocken", "widerling*", "bekloppt*", "beknackt*", "bescheuert*",
    "geisteskrank*", "hirnverbrannt*", "hirnamputiert*", "dämlich*", "doof*", "zicke*", "tussi*",
    "miststück*", "mistkerl*", "scheisskerl*", "assi", "assis", "asozial*", "hackfresse*",
    "gutmensch*", "arschloch*", "*arschloch", "arschgeige*", "arschkriecher*", "schwachsinnig*",
    "dummschwätzer*", "schwätzer*", "vollhonk*", "vollpfosten*", "kinderschänder*", "pädo*",
    "lügenpresse", "vasall*", "murksel", "systemling*", "rotes pack", "grünes pack", "linkes pack",
    "dieses pack", "das pack", "ihr pack", "pack verschwinde", "hurensöhne", "pissnelke*",
    "sackgesicht*", "arschgesicht*", "schwanzlutscher*", "vollspast*", "dummbatz*", "dummbeutel*",
    "flachpfeife*", "lusche*", "weichei*", "warmduscher*", "kackbratze*", "sauhund*", "dreckskerl*",
    "verreck*", "krepier*",
]

# Who an insult is aimed at.
TARGET_STAFF = [
    "댓글 다는", "계정 관리", "whoever", "this guy", "that guy", "that woman", "this woman",
    "team", "social media",
    "직원", "알바", "매니저", "점장", "운영진", "운영자", "관리자", "바리스타", "사장", "담당자",
    "상담원", "캐셔",
    "staff", "employee*", "barista*", "manager", "intern", "whoever runs", "admin*", "mods",
    "moderator*", "cashier", "social media team",
    "praktikant*", "mitarbeiter*", "kassierer*", "bedienung", "verkäufer*",
    "admin",
]
TARGET_PEOPLE = [
    "너는", "너가", "너희", "니가", "니들이", "너네", "니들", "사람들", "놈들", "애들", "들아",
    "인간들",
    "you", "your", "u", "ur", "you're", "youre", "ppl", "people who", "everyone", "y'all",
    "du", "dich", "dir", "euch", "ihr", "wer",
]

# Provocation, derailing and announced repetition: what a troll does.
BAIT = [
    "until someone answers", "until you answer", "답할 때까지", "bis ihr antwortet",
    "widersprecht", "überzeugt mich vom gegenteil",
    "반박 불가", "반박불가", "stay mad", "cope harder", "cry harder", "mad?", "bleibt sauer",
    "분탕", "키배", "키보드 배틀", "댓글 싸움", "삭제해도", "또 왔", "계속 쓸", "매일 올", "알바냐",
    "알바 쓰냐", "정치", "unpopular opinion", "change my mind", "prove me wrong", "shill",
    "politics", "mods delete", "deleted my", "you can't ban", "every day until", "i'll be back",
    "keep posting", "see you again", "politik", "wahlen", "löscht ruhig", "ich komme wieder",
    "bis ihr", "streitet", "diskutiert mit",
    "싸워라", "싸워봐", "싸우자", "반박시", "어그로",
    "망해라", "남혐", "여혐", "빠들",
    "선동", "선거", "정치 얘기", "대통령",
    "ratio", "fight me", "coping", "cope",
    "election", "triggered", "cry about it",
    "paid shill*", "seethe",
    "diskutiert", "bis morgen", "jeden tag", "heult doch",

]

FAMILIES: dict[str, list[str]] = {
    "profanity": PROFANITY + PROFANITY_EN + PROFANITY_DE,
    "insult": INSULT + INSULT_EN + INSULT_DE,
    "target_staff": TARGET_STAFF,
    "target_people": TARGET_PEOPLE,
    "bait": BAIT,
}
