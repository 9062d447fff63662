"""Word lists and character tables that guide de-obfuscation.

The word lists are not a profanity filter: they only tell the normaliser which
ambiguous joins are worth making (a digit between two Hangul syllables is removed in
시1발 but kept in 주1회). Signals and rules decide what a word means.
"""

from __future__ import annotations

# Korean words people disguise. Spelling variants are listed separately on purpose:
# normalisation removes disguises, it does not rewrite 씨팔 into 시발.
KO_WORDS: tuple[str, ...] = (
    "시발", "씨발", "씨팔", "시팔", "씨빨", "씨바", "시바", "쓰발", "싸발", "슈발", "십발",
    "씹", "씹새끼", "병신", "븅신", "빙신", "개새끼", "개새기", "개색기", "개색히", "새끼",
    "새기", "좆", "좆같", "존나", "졸라", "좆나", "미친", "미친놈", "미친년", "지랄",
    "닥쳐", "꺼져", "썅", "개같", "개년", "개놈", "느금마", "니애미", "니미", "애미",
    "애비", "호로", "등신", "쌍놈", "씹년", "걸레", "창녀", "한남", "김치녀", "급식충",
    "틀딱", "맘충", "한남충", "개독", "짱깨", "쪽바리", "똘추", "또라이", "찐따", "병맛",
)  # fmt: skip

# 초성 abbreviations; loose jamo around separators (ㅅ.ㅂ, ㅈ ㄴ) are always joined.
KO_CHOSEONG: tuple[str, ...] = (
    "ㅅㅂ", "ㅆㅂ", "ㅂㅅ", "ㅄ", "ㅈㄴ", "ㄲㅈ", "ㅈㄹ", "ㅁㅊ", "ㄷㅊ", "ㅅㄲ", "ㄱㅅㄲ",
    "ㅆㄹㄱ", "ㅈㄹㄴ", "ㄴㄱㅁ",
)  # fmt: skip

# Latin words, after casefolding (so ß is already ss). Inflected forms that often carry
# leet at the word edge are listed; interior leet is handled without the list.
LATIN_WORDS: tuple[str, ...] = (
    # English
    "fuck", "fucking", "fucked", "fucker", "fuckers", "fucks", "motherfucker", "fck",
    "shit", "shitty", "bullshit", "ass", "asses", "asshole", "assholes", "arse",
    "bitch", "bitches", "bastard", "dick", "dickhead", "cunt", "cock", "pussy", "whore",
    "slut", "fag", "faggot", "nigger", "nigga", "retard", "retarded", "damn", "crap",
    "piss", "pissed", "twat", "wanker", "bollocks", "prick", "idiot", "idiots", "moron",
    "stupid", "dumb", "loser", "scam", "sucks", "suck", "hell", "kill", "porn", "sex",
    "nude", "nudes", "xxx", "penis", "boobs",
    # German
    "scheisse", "scheiss", "scheis", "arsch", "arschloch", "arschlöcher", "fotze",
    "wichser", "hurensohn", "hure", "schlampe", "missgeburt", "spast", "spasti",
    "behindert", "vollidiot", "depp", "penner", "fick", "ficken", "fickt", "verpiss",
    "kanake", "schwuchtel", "mistkerl", "drecksau", "kacke", "dreck", "mist", "idioten",
    "opfer", "bastarde", "nutte", "pisser", "trottel", "affe", "lutscher",
)  # fmt: skip

# Leetspeak: what a digit or symbol stands for inside a Latin word.
LEET: dict[str, str] = {
    "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "9": "g",
    "@": "a", "$": "s", "!": "i", "|": "l",
}  # fmt: skip

# Alternative readings tried when matching the word list (1 is i or l, ! is i or l).
LEET_ALTERNATIVES: dict[str, str] = {"1": "il", "|": "li", "!": "il", "8": "b", "9": "gq"}

# Cyrillic and Greek letters that look Latin; applied only inside words that also
# contain Latin letters, so Russian or Greek text stays intact. Lower case only:
# casefolding runs first.
CONFUSABLES: dict[str, str] = {
    "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o",
    "р": "p", "с": "c", "т": "t", "у": "y", "х": "x", "і": "i", "ї": "i", "ј": "j",
    "ѕ": "s", "ԁ": "d", "ԛ": "q", "ԝ": "w", "ɡ": "g", "ɑ": "a",
    "α": "a", "β": "b", "ε": "e", "η": "n", "ι": "i", "κ": "k", "ν": "v", "ο": "o",
    "ρ": "p", "τ": "t", "υ": "u", "χ": "x", "ω": "w", "γ": "y", "μ": "u",
}  # fmt: skip

# Language-id cues. Function words of Latin-script languages other than English and
# German, leaving out every word that is also common in English or German tweets
# (die, so, was, da, du, des, los, come, van, ...). Written by hand, not learnt.
OTHER_CUES: frozenset[str] = frozenset(
    # Spanish
    "el del una por para muy pero que qué está están gracias hola bueno buena mucho mucha "
    "también cuando porque como todos más aquí ahora siempre nunca mejor peor este esta eso "
    "esto eres tengo tiene quiero tú usted fue ser hacer puede así donde dónde cómo hoy "
    "mañana ayer dinero precio comida le les pedido envío tienda nosotros ellos "
    # French
    "le les est et nous vous ils très merci bonjour pas avec pour une sont mais qui quoi où "
    "ça cette être avoir fait bien mon mes ta tes sa ses au aux chez trop vraiment beaucoup "
    "commande livraison magasin produit toujours jamais rien tout tous aussi encore déjà ici "
    "voilà oui salut "
    # Italian
    "il della delle degli che sono questo questa molto grazie buongiorno anche perché tutto "
    "tutti niente ancora già dove quando buono buona bello ordine negozio prezzo hai abbiamo "
    "siete essere fatto gli mi ti ci "
    # Portuguese
    "não obrigado obrigada muito muita você vocês são uma mas mais isso isto esse essa aqui "
    "agora tudo bom olá oi loja preço entrega dos nos nas eu ele ela eles elas nós foi fazer "
    "pode "
    # Dutch
    "het een niet ik jij wij zij ze maar ook nog wel dat voor zijn heb hebben heeft naar bij "
    "uit deze dit dank bedankt goed slecht hoe waarom wanneer graag alstublieft bestelling "
    "winkel prijs altijd nooit niks niets iets mijn jouw onze jullie hun geen "
    # Indonesian / Malay
    "yang ini itu tidak tak saya aku kamu anda dengan untuk dari sudah belum bisa akan juga "
    "sangat banget terima kasih bagus enak mau apa kenapa kapan harga beli sekali "
    # Turkish
    "bir bu çok için ile mi yok ama gibi daha teşekkür teşekkürler merhaba güzel iyi kötü "
    "sipariş fiyat ben sen biz siz onlar değil şey neden nasıl "
    # Polish
    "się że bardzo dziękuję dzięki dobry dobra cześć proszę zamówienie cena "
    # Scandinavian
    "att det som är jag inte för på ikke jeg takk mycket meget".split()
)
EN_CUES: frozenset[str] = frozenset(
    "the and is are you to of it this that i my for not with have was what but just be on me "
    "your all can will they we do don no love good like very thanks thank please would "
    "should could been were there their from at by an or if how why when who".split()
)
DE_CUES: frozenset[str] = frozenset(
    "der die das und ist nicht ich du sie es ein eine einen mit auf für zu den dem von sehr "
    "danke bitte auch noch schon aber wie was wir ihr mein dein gut lecker mal doch ja nein "
    "kein keine hier jetzt oder wenn dass weil sind habe hat wird wurde nur mehr man sich".split()
)
# Letters that English and German do not use but neighbours do (ñ, ç, ł, ø, ...).
OTHER_CHARS: frozenset[str] = frozenset("ñçãõâêîôûşğıłąężźśćńčřšžěůøåæœőűàèìòùõ")
