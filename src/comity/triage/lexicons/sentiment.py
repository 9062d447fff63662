"""Comity's own English and German sentiment word lists, and the valence of one comment.

Written by the Comity team from general knowledge of the two languages and of social
media usage (no entries or text taken from VADER or any other lexicon or corpus), in
strength tiers: 3 strong, 2 clear, 1 mild (negative tiers mirror them). Emoji and
emoticons carry valence too. Words and modifiers are one more family ("valence") of the
cue `Lexicon`, so they cost no extra pass over the text; `valence` only does arithmetic
over the few words that matched, and only when the decision asks (`Cues.valence()`).
Which entries stayed, and the weights below, were checked on the UMSAB English/German
train splits only (docs/triage.md).

Rules over the matched words (a sketch of how people hedge, not a parser):
- a negator up to three words before a word flips and weakens it ("not good",
  "nicht schlecht", "kein Fan"); German verbs also take a trailing "nicht"
  ("das gefällt mir nicht");
- an intensifier right before a word strengthens it, a downtoner weakens it;
- after a contrast word ("but", "aber") the later clause weighs more;
- a "!" adds a little to a positive total (in tweets it mostly cheers).
Hangul text gets no valence: Korean sentiment stays with its own cues and heads.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from comity.triage.normalize import normalize_text

# --- English ---------------------------------------------------------------------------

EN_POS_3 = [
    "happiness", "cutest", "loveliest", "coolest", "nicest", "finest", "couldn't be happier",
    "could not be happier", "so happy", "so proud", "so good", "so much fun", "blast",
    "wonderfully", "beautifully", "perfectly", "brilliantly", "amazingly", "awesomely", "in love",
    "lovin", "luv", "loveee", "favorites", "best day", "best ever", "yaay", "yayy", "wooo", "woo",
    "thank god", "thankfully", "amazing", "awesome", "fantastic", "excellent", "outstanding",
    "incredible", "wonderful", "brilliant", "superb", "perfect", "perfection", "phenomenal",
    "magnificent", "marvelous", "marvellous", "spectacular", "stunning", "breathtaking",
    "flawless", "masterpiece", "love", "loved", "loving", "loves", "adore", "adored", "adorable",
    "ecstatic", "thrilled", "overjoyed", "delighted", "elated", "blessed", "best", "greatest",
    "happiest", "congrats", "congratulations", "happy birthday", "can't wait", "cant wait",
    "can’t wait", "can not wait", "cannot wait", "so excited", "epic", "legendary", "gorgeous",
    "beautiful", "lovely", "goat", "iconic", "heavenly", "exceptional", "terrific", "fabulous",
    "fab", "glorious", "dope", "lit", "stoked", "pumped", "yay", "woohoo", "woot", "hooray",
]
EN_POS_2 = [
    "luckily", "surprising", "forgive", "forgiven", "lovely work", "brilliant work", "not bad",
    "not too bad", "not half bad", "smartest", "join us", "check out", "check it out",
    "don't miss", "stop by", "bring on", "spirit", "perf", "starstruck", "lekker", "strength",
    "celebrates", "honoured to", "happier", "happily", "cuter", "greater", "nicer", "enjoyable",
    "pleasure", "pleased", "pleasantly", "laughter", "laughed", "laughs", "succeed", "succeeded",
    "succeeding", "shine", "shining", "sunshine", "sunny", "glow", "bright", "beloved", "darling",
    "sweetheart", "awesome sauce", "rocking", "rocked", "killer", "badass", "win win",
    "congratulate", "gratitude", "honor", "honour", "honored to", "cheer", "cheering",
    "excellence", "quality", "impress", "wins it", "victorious", "triumph", "champ", "excite",
    "thrill", "thrilling", "wonder", "miracle", "fav", "favs", "faves", "haha", "hehe", "lolol",
    "lmfao", "rofl", "amused", "entertaining", "sexy", "handsome", "lovely day", "well deserved",
    "deserved", "deserve", "recommend it", "worth", "useful", "thanx", "thnx", "tysm",
    "appreciate it", "yummm", "yum", "awww", "aww", "aw", "goodness", "good news", "great news",
    "happy friday", "happy monday", "happy sunday", "happy holidays", "merry", "birthday", "bday",
    "anniversary", "wedding", "enjoy your", "have fun", "good time", "great time", "fun time",
    "stunner", "great", "good", "nice", "cool", "happy", "glad", "excited", "exciting", "fun",
    "enjoy", "enjoyed", "enjoying", "enjoys", "like it", "i like", "we like", "i liked", "likes",
    "liked", "favorite", "favourite", "fave", "fav", "win", "wins", "winning", "won", "winner",
    "victory", "champion", "champions", "success", "successful", "proud", "pride", "thank",
    "thanks", "thank you", "thankful", "grateful", "appreciate", "appreciated", "appreciation",
    "thx", "ty", "cute", "sweet", "pretty good", "funny", "hilarious", "lmao", "haha", "hahaha",
    "smile", "smiling", "smiles", "laugh", "laughing", "beauty", "best wishes", "good luck",
    "luck", "lucky", "fortunate", "hopefully", "hopeful", "wow", "impressive", "impressed",
    "inspiring", "inspired", "inspiration", "celebrate", "celebrating", "celebration", "party",
    "yummy", "tasty", "delicious", "fresh", "recommend", "recommended", "worth it", "helpful",
    "kindness", "friendly", "generous", "supportive", "welcome", "well done", "good job",
    "nice job", "great job", "bravo", "kudos", "respect", "honored", "honoured", "peace", "joy",
    "joyful", "cheers", "hugs", "hug", "kisses", "xoxo", "xo", "bless", "blessing", "glad to",
    "yeah", "yess", "finally", "heaven", "paradise", "relaxing", "relaxed", "comfy", "cozy",
    "cosy", "smooth", "gem", "treasure", "magic", "magical", "dream", "dreams", "huge fan",
    "big fan", "rocks", "rock on", "slay", "slayed", "hero", "heroes", "legend", "brave", "strong",
    "smart", "genius", "clever", "talented", "fascinating", "interesting", "awesomeness",
    "positive", "optimistic", "merry christmas", "happy new year", "weekend", "looking forward",
    "look forward", "wonderful day", "good morning", "good night", "goodnight", "goodmorning",
    "safe", "healthy", "bonus",
]
EN_POS_1 = [
    "tomorrow", "wish", "together", "surprise", "chance", "definitely", "forward", "zusammen",
    "lol", "fan", "fine", "alright", "decent", "pleasant", "solid", "nicely", "better", "improved",
    "improving", "easy",
]
EN_NEG_3 = [
    "hateful", "worst ever", "the worst", "fucks", "fuckin", "f*ck", "shitting", "shite",
    "piece of shit", "go to hell", "kill me", "killing me", "die in", "sickening", "horrendous",
    "appalling", "sickening", "nazi", "nazis", "genocide", "slaughter", "hate", "hated", "hates",
    "hating", "worst", "terrible", "horrible", "awful", "disgusting", "disgusted", "pathetic",
    "atrocious", "abysmal", "dreadful", "vile", "despise", "loathe", "furious", "outraged",
    "outrageous", "devastated", "heartbroken", "heartbreaking", "tragic", "tragedy", "nightmare",
    "disaster", "disastrous", "evil", "racist", "racism", "sexist", "scumbag", "shameful",
    "disgrace", "disgraceful", "fuck", "fucking", "fucked", "fck", "fml", "wtf", "shit", "shitty",
    "bullshit", "crap", "crappy", "sucks", "suck", "sucked", "trash", "garbage", "rubbish",
    "useless", "worthless", "idiot", "idiots", "stupid", "moron", "morons", "dumb", "retarded",
    "murder", "murdered", "killed", "kill", "dead", "death", "died", "dies", "rip", "terrorist",
    "terrorists", "terror", "massacre", "rape", "abuse", "abused",
]
EN_NEG_2 = [
    "kms", "assault", "assaulted", "concerned", "suicide", "suicidal", "lied", "stop it", "idc",
    "crazy", "escalated", "castrate", "bitter", "snark", "snarky", "injury", "injuries", "defeat",
    "defeated", "offensive", "bummed", "kidding", "oppress", "oppressing", "oppression", "racists",
    "devastating", "accuses", "accused", "blocked", "unstable", "sellout", "sellouts", "bad news",
    "sadness", "saddest", "sadder", "angrier", "anger", "hatred", "worsen", "worsened", "failing",
    "fails", "ashamed", "shameless", "joke", "a joke", "clown", "clowns", "disgusted",
    "frustrated", "frustrating", "frustration", "irritated", "annoyance", "ridiculously",
    "dumbest", "stupidest", "idiotic", "ignorant", "ignorance", "bs", "smh", "ffs", "omfg", "wth",
    "fuming", "livid", "hopelessly", "unhappy", "dissatisfied", "threw up", "throw up", "puke",
    "vomit", "screamed", "scream", "sorry for", "rip off", "ripoff", "hypocritical", "bigot",
    "bigots", "bigotry", "terrorism", "extremist", "extremists", "refugee crisis", "killing",
    "dying", "deaths", "injured", "wounded", "casualties", "collapse", "collapsed", "refuse",
    "refused", "denied", "deny", "sucky", "hate it", "boo", "booo", "whine", "whining", "bad",
    "sad", "angry", "mad", "upset", "annoyed", "annoying", "annoys", "irritating", "disappointed",
    "disappointing", "disappointment", "fail", "failed", "fails", "failure", "wrong", "broken",
    "broke", "lost", "lose", "loses", "losing", "loser", "losers", "miss you", "cry", "crying",
    "cried", "tears", "hurt", "hurts", "pain", "painful", "sick", "unfortunately", "sadly",
    "sorry", "shame", "pity", "poor", "ugly", "boring", "bored", "lame", "fake", "liar", "liars",
    "lie", "lies", "lying", "cheat", "cheated", "scam", "fraud", "corrupt", "corruption", "attack",
    "attacks", "attacked", "violence", "violent", "bomb", "bombing", "shooting", "crisis", "scary",
    "scared", "afraid", "fear", "fears", "worried", "worry", "worrying", "anxious", "stress",
    "stressed", "stressful", "tired", "exhausted", "damn", "dammit", "ugh", "argh", "smh", "wtf",
    "hypocrite", "hypocrisy", "ridiculous", "absurd", "insane", "nonsense", "problem", "problems",
    "issue", "issues", "trouble", "mess", "messed", "ruined", "ruin", "ruins", "damage", "damaged",
    "hostile", "threat", "threats", "danger", "dangerous", "guilty", "blame", "blamed", "complain",
    "complaining", "hurting", "suffer", "suffering", "victim", "victims", "unfair", "injustice",
    "protest", "riots", "cancelled", "canceled", "delayed", "rude", "selfish", "greedy", "cruel",
    "jealous", "lonely", "alone", "depressed", "depressing", "depression", "miserable", "hopeless",
    "horrific", "shocking", "shocked", "sucker", "jerk", "ass", "asshole", "bitch", "dick",
    "bastard", "screw", "screwed", "pissed", "piss", "never again", "no more", "enough",
    "overrated", "disgust", "nasty", "gross", "creepy", "weird", "worse", "unacceptable",
    "embarrassing", "embarrassed", "awkward", "regret", "sucks", "dislike", "dislikes",
]
EN_NEG_1 = [
    "postponed", "investigation", "claims", "pathological", "break", "breaks", "why", "warum",
    "wieso", "weshalb", "bloody", "serious", "loss", "meh", "hmm", "bit much", "confused",
    "confusing", "doubt", "doubts", "late", "slow", "expensive", "hard", "difficult", "tough",
    "missing", "miss", "missed", "sigh", "noise", "weak", "stuck", "hospital", "crash", "crashed",
    "arrested", "fight", "fighting", "kills", "shots", "guns", "gun",
]

# --- German ----------------------------------------------------------------------------

DE_POS_3 = [
    "großartig*", "hervorragend*", "ausgezeichnet*", "perfekt*", "wunderbar*", "wunderschön*",
    "wundervoll*", "fantastisch*", "phantastisch*", "traumhaft*", "grandios*", "genial*",
    "glücklich*", "herzlich willkommen", "gratulieren", "herzlichen dank", "tausend dank",
    "megageil*", "geilste*", "schönste*", "tollste*", "liebsten", "allerbeste*", "sensationell*",
    "himmlisch*", "bezaubernd*", "großartig", "hervorragend", "ausgezeichnet", "perfekt",
    "wunderbar", "wunderschön", "wundervoll", "fantastisch", "phantastisch", "traumhaft",
    "grandios", "genial", "geil", "geile", "geiler", "geiles", "geilen", "endgeil", "mega geil",
    "megageil", "liebe es", "ich liebe", "lieben", "liebt", "liebe", "verliebt", "lieblings*",
    "beste", "besten", "bester", "bestes", "glücklich", "glückliche", "überglücklich",
    "herzlichen glückwunsch", "alles gute", "glückwunsch", "gratuliere", "gratulation",
    "atemberaubend", "sensationell", "spitze", "spitzenklasse", "weltklasse", "klasse", "hammer",
    "der hammer", "traum", "himmlisch", "vorfreude", "ich freue mich", "freue mich", "freu mich",
    "kann es kaum erwarten", "juhu", "yay", "jippie", "hurra", "bombe", "herrlich", "entzückend",
    "bezaubernd", "einzigartig",
]
DE_POS_2 = [
    "highlight", "gott sei dank", "guten rutsch", "vielversprechend*", "viel versprechend",
    "daumendrück*", "vorbildlich*", "wertgeschätzt", "megahammer", "yuppi*", "lolol", "gelassen*",
    "nicht schlecht", "gar nicht schlecht", "nicht übel", "liebst*", "mitreißend*",
    "tränen gelacht", "voll bock", "adrett", "unvergleichlich*", "harmonisch*", "bedeuten", "lach",
    "gacker", "kreisch", "nachtii", "liebsten dank", "schön*", "toll*", "lecker*", "lustig*",
    "witzig*", "spannend*", "fröhlich*", "gemütlich*", "erfolgreich*", "herzlich*", "freundlich*",
    "begeister*", "genieß*", "entspannt*", "gelungen*", "hübsch*", "niedlich*", "empfehlenswert*",
    "rockt", "rocken", "chillen", "chillig", "gechillt", "freuen uns", "freuen sich", "freude",
    "vorfreude", "glückwunsch*", "gratuliert", "bedanken", "bedanke", "gewinnt", "gewonnen",
    "siegt", "meister", "tor", "toor", "endlich wochenende", "hehe", "hihi", "juhuu", "yeay",
    "woohoo", "wooo", "lieblings", "lieben dank", "danke euch", "danke dir", "am besten",
    "verbessert", "liebevoll*", "zufrieden*", "glücklicherweise", "zum glück", "cool*", "lächeln",
    "lächelt", "grinsen", "gut", "gute", "guter", "gutes", "gutem", "super", "toll", "tolle",
    "toller", "tolles", "tollen", "schön", "schöne", "schöner", "schönes", "schönen", "schönsten",
    "cool", "coole", "cooler", "nice", "lecker", "leckeres", "leckere", "freue", "freu", "freuen",
    "freut", "gefreut", "freude", "spaß", "spass", "viel spaß", "danke", "dankeschön",
    "vielen dank", "danke schön", "dankbar", "merci", "lustig", "witzig", "lachen", "gelacht",
    "lache", "hübsch", "hübsche", "süß", "süße", "süßer", "niedlich", "lieb", "liebe grüße", "lg",
    "glück", "gewonnen", "gewinnen", "sieg", "siege", "gesiegt", "meister", "erfolg",
    "erfolgreich", "stolz", "stark", "starke", "starker", "starkes", "prima", "bravo", "respekt",
    "empfehlenswert", "empfehle", "empfehlung", "gefällt", "gefallen", "mag", "mag ich",
    "spannend", "begeistert", "begeisternd", "genießen", "genieße", "genießt", "entspannt",
    "entspannen", "gemütlich", "willkommen", "top", "yeah", "juchu", "wow", "wahnsinn",
    "krass gut", "zufrieden", "hilfreich", "lohnt sich", "gelungen", "gelungene", "gelungener",
    "schick", "chic", "elegant", "frieden", "friedlich", "freunde", "freundlich", "nett", "nette",
    "netter", "nettes", "gesund", "gesundheit", "gewinner", "held", "helden", "legende",
    "legendär", "richtig gut", "sehr gut", "verbessert", "frohe", "frohes", "froh", "fröhlich",
    "feiern", "feier", "party", "umarmung", "knuddel", "kuss", "küsse", "schatz", "schönen tag",
    "schönes wochenende", "wochenende", "endlich", "hoffentlich", "hoffnung", "sonne", "sonnig",
    "urlaub", "ferien", "haha", "hahaha", "xd",
]
DE_POS_1 = [
    "besser", "guten morgen", "gute nacht", "ganz gut", "interessant", "sommer",
]
DE_NEG_3 = [
    "dämlich*", "furchtbar*", "schrecklich*", "entsetzlich*", "grauenhaft*", "katastrophal*",
    "ekelhaft*", "widerlich*", "abscheulich*", "erbärmlich*", "peinlich*", "beschissen*",
    "inkompetent*", "inkompetenz", "verpiss*", "verdammte*", "dreck*", "scheiß", "hasse es",
    "kotzt mich an", "geht mir auf den sack", "hasse", "hass", "hasst", "hassen", "scheiße",
    "scheiß*", "scheisse", "scheiss*", "kacke", "beschissen", "furchtbar", "schrecklich",
    "entsetzlich", "grauenhaft", "grauenvoll", "katastrophe", "katastrophal", "ekelhaft", "eklig",
    "widerlich", "abscheulich", "miserabel", "erbärmlich", "armselig", "peinlich", "idiot",
    "idioten", "vollidiot", "arschloch", "arsch", "wichser", "dumm", "dumme", "dummer", "dummes",
    "dummen", "dummheit", "dämlich", "bescheuert", "hirnlos", "schlimmste", "schlechteste",
    "am schlimmsten", "mord", "ermordet", "getötet", "tot", "tote", "toten", "tod", "gestorben",
    "stirbt", "terror", "terroristen", "anschlag", "massaker", "nazi", "nazis", "rassist",
    "rassisten", "rassismus", "hetze", "lügenpresse", "verbrecher", "verräter", "schande",
    "skandal", "skandalös", "wütend", "stinksauer", "zum kotzen", "kotzen", "kotz*", "fuck",
    "shit", "wtf", "mist", "verdammt", "verflucht",
]
DE_NEG_2 = [
    "komisch*", "dramatisch*", "sicherheitslücke*", "schiefgehen", "schief gehen", "unrecht",
    "*hass", "unzuverlässig*", "schlapp", "braucht keiner", "-,-", "o_o", "nein einfach nein",
    "mittelmäßig*", "unsympathisch*", "nutzlos*", "merkwürdig*", "konflikt", "stillstand",
    "rückschritt", "letzter ferientag", "keinerlei", "sinnlos*", "schwachsinn", "reicht nicht",
    "schlecht*", "traurig*", "enttäusch*", "ärgerlich*", "nervig*", "ätzend*", "doof*", "blöd*",
    "langweilig*", "hässlich*", "schlimm*", "mies*", "unfreundlich*", "unverschämt*", "arrogant*",
    "lächerlich*", "gefährlich*", "verletzt*", "frust*", "gefrustet", "genervt", "nervt", "hilfe",
    "oh nein", "och ne", "och nö", "nee", "sexismus", "rassistisch*", "ignoranz", "ignorant*",
    "negativ*", "gefährdet", "einbrecher", "einbruch", "tödlich*", "gestohlen", "diebstahl",
    "verpasst", "kaputt*", "defekt*", "kritisiert", "vorwurf", "vorwürfe", "kein schutz",
    "schlecht", "schlechte", "schlechter", "schlechtes", "schlechten", "traurig", "trauer",
    "enttäuscht", "enttäuschend", "enttäuschung", "ärgerlich", "ärgere", "ärgert", "ärger",
    "sauer", "nervt", "nervig", "nerven", "genervt", "ätzend", "doof", "doofe", "blöd", "blöde",
    "blöder", "blödsinn", "quatsch", "unsinn", "langweilig", "öde", "hässlich", "hässliche",
    "mies", "miese", "schlimm", "schlimme", "schlimmer", "übel", "leider", "schade", "pech",
    "problem", "probleme", "fehler", "kaputt", "krank", "krankheit", "schmerz", "schmerzen", "weh",
    "tut weh", "stress", "gestresst", "müde", "erschöpft", "angst", "ängste", "sorge", "sorgen",
    "besorgt", "gefahr", "gefährlich", "krieg", "kriege", "gewalt", "angriff", "angriffe", "bombe",
    "opfer", "verletzt", "verloren", "verlieren", "verliert", "niederlage", "versagt", "versagen",
    "versager", "gescheitert", "scheitern", "lüge", "lügen", "lügt", "lügner", "betrug",
    "betrüger", "korrupt", "korruption", "falsch", "unfair", "ungerecht", "frech", "unverschämt",
    "unverschämtheit", "frechheit", "arrogant", "egoistisch", "gierig", "grausam", "einsam",
    "allein", "depressiv", "verzweifelt", "hoffnungslos", "schockiert", "schockierend", "entsetzt",
    "empört", "wut", "zorn", "heulen", "weinen", "weine", "geweint", "tränen", "vermisse",
    "vermissen", "ohne mich", "nie wieder", "es reicht", "unmöglich", "lächerlich", "albern",
    "absurd", "überbewertet", "unzufrieden", "beschwerde", "katastrophe", "chaos", "pleite",
    "abgesagt", "verspätet", "verspätung", "ausgefallen", "streik", "stau", "festgenommen",
    "unfall", "feuer", "brand", "flüchtlinge", "schwach", "schwer", "schwierig", "hart", "krise",
    "kritik", "verbot", "verboten", "mistwetter", "montag", "ugh", "menno", "mimimi", "pfui",
    "igitt", "buh",
]
DE_NEG_1 = [
    "naja", "na ja", "hm", "hmm", "meh", "seufz", "nicht mehr", "zu teuer", "teuer", "spät",
    "langsam", "kein bock", "keinen bock", "keine lust", "null bock", "fehlt", "vermisst",
    "streit", "warnung", "achtung",
]

# --- Emoji and emoticons (both languages; Hangul text is left out, see `valence`) --------

EMOJI_POS_3 = ["😍", "🥰", "❤", "♥", "💕", "💖", "💗", "💞", "😻", "🤩", "<3", "<33", "😘"]
EMOJI_POS_2 = [
    "&lt;3", ":'d", ":’d", "x'd", "xdd", "=3", "(-;", "(;", "<33", "^-^", "c:", ":3", "^^", "^.^",
    "(y)", "♡", "☺", "💝", "😽", "🙆", "🤙", "🆒", "😸", "😹", "🌈", "😊", "☺", "😀", "😃", "😄",
    "😁", "😆", "🥳", "🎉", "🎊", "👏", "🙌", "💪", "👍", "👌", "💯", "🔥", "✨", "🌟", "⭐", "💙",
    "💚", "💛", "💜", "🧡", "🤍", "🖤", "💓", "😋", "😎", "🤗", "😚", "😙", "🍾", "🥂", "🏆", "🥇",
    "💐", "🌹", "🌸", "😇", "🤘", ":)", ":-)", ":))", "(:", ":]", ":d", ":-d", "=)", "=d", ";)",
    ";-)", ";d", "^_^", "xd", "\\o/",
]
EMOJI_POS_1 = ["🙂", "😉", "😜", "😛", "😝", "😂", "🤣", "🙏", "☀", "🌞", "🎶", "🎵", ":p", ":-p"]
EMOJI_NEG_3 = ["😡", "🤬", "😠", "🤮", "💔", "👎", "🖕", ">:(", "</3"]
EMOJI_NEG_2 = [
    ";-(", ";(", ":-[", ":[", ">.<", "&gt;.&lt;", ":-c", "D:<", "=(", ":c", "-.-", "-_-", "._.",
    "pfff", "pff", "grr", "grrr", "argh", "😾", "🥺", "😢", "😥", "😞", "😔", "😟", "☹", "🙁",
    "😩", "😫", "😖", "😣", "🤢", "😤", "😒", "🙄", "💩", "😿", ":(", ":-(", ":((", ":'(", ":’(",
    "d:", ":-/", ":|", ":-|",
]
EMOJI_NEG_1 = ["😕", "😐", "😑", "😬", "😨", "😰", "😱", "😓", "😪", "😭", "🤦", "😳"]

# --- Modifiers -------------------------------------------------------------------------

NEGATORS = [
    "not", "no", "never", "nothing", "nobody", "none", "neither", "nor", "without", "don't",
    "dont", "doesn't", "doesnt", "didn't", "didnt", "isn't", "isnt", "wasn't", "wasnt", "aren't",
    "arent", "weren't", "won't", "wont", "wouldn't", "wouldnt", "couldn't", "couldnt", "shouldn't",
    "shouldnt", "haven't", "havent", "hasn't", "hadn't", "ain't", "aint", "never ever", "hardly",
    "barely", "lack", "lacks", "nicht", "net", "ned", "nich", "kein", "keine", "keinen", "keiner",
    "keinem", "keines", "nie", "niemals", "nichts", "nix", "niemand", "weder", "ohne", "kaum",
]
# Negators that also follow a German verb: "das gefällt mir nicht".
TRAILING_NEGATORS = ["nicht", "net", "ned", "nich", "nie"]
# Only unambiguous ones: "so" and "too" are everywhere and changed no decision.
INTENSIFIERS = [
    "very", "really", "extremely", "totally", "absolutely", "incredibly", "super", "truly",
    "highly", "utterly", "sehr", "echt", "wirklich", "extrem", "unglaublich", "absolut", "äußerst",
    "mega", "fucking", "fuckin", "freaking", "damn", "verdammt",
]
DOWNTONERS = [
    "kinda", "kind of", "sort of", "somewhat", "slightly", "a bit", "a little", "fairly", "etwas",
    "bisschen", "ein bisschen", "ein wenig", "eher", "relativ",
]
CONTRAST = ["but", "however", "although", "aber", "jedoch", "allerdings", "trotzdem", "sondern"]

# Strength per tier; negation flips and weakens ("not good" is weaker than "bad").
TIERS: tuple[tuple[float, Sequence[str]], ...] = (
    (3.0, EN_POS_3 + DE_POS_3 + EMOJI_POS_3),
    (2.0, EN_POS_2 + DE_POS_2 + EMOJI_POS_2),
    (1.0, EN_POS_1 + DE_POS_1 + EMOJI_POS_1),
    (-3.0, EN_NEG_3 + DE_NEG_3 + EMOJI_NEG_3),
    (-2.0, EN_NEG_2 + DE_NEG_2 + EMOJI_NEG_2),
    (-1.0, EN_NEG_1 + DE_NEG_1 + EMOJI_NEG_1),
)
NEGATION = -0.6
BOOST = 1.4
DAMPEN = 0.6
BEFORE_CONTRAST = 0.5
AFTER_CONTRAST = 1.5
EXCLAIM = 0.5


def _variants(word: str) -> list[str]:
    """Typed apostrophes come straight and curly."""
    return [word, word.replace("'", "’")] if "'" in word else [word]


def _key(entry: str) -> str:
    return normalize_text(entry.strip("*"))


VALENCE: dict[str, float] = {}
for _weight, _entries in TIERS:
    for _entry in _entries:
        for _form in _variants(_entry):
            VALENCE.setdefault(_key(_form), _weight)  # the first (stronger) tier wins

_KINDS: dict[str, str] = {}
for _kind, _entries in (
    ("contrast", CONTRAST),
    ("down", DOWNTONERS),
    ("boost", INTENSIFIERS),
    ("not", NEGATORS),
):
    for _entry in _entries:
        for _form in _variants(_entry):
            _KINDS[_key(_form)] = _kind
_TRAILING = frozenset(_key(w) for w in TRAILING_NEGATORS)

# One family for words and modifiers: one list per comment to fill and sort.
FAMILIES: dict[str, list[str]] = {
    "valence": [f for _, entries in TIERS for e in entries for f in _variants(e)]
    + [f for k in _KINDS for f in _variants(k)],
}

_BOOSTS = frozenset(k for k, kind in _KINDS.items() if kind == "boost")
# German verbs that a clause-final "nicht" negates: "das gefällt mir nicht".
_VERBS = frozenset(
    _key(w)
    for w in ("gefällt", "mag", "liebe", "lohnt sich", "empfehle", "freue", "freut", "gefallen",
              "genieße", "hilft", "hasse", "nervt", "vermisse")
)  # fmt: skip
_PREFIXES = frozenset(_key(e) for _, entries in TIERS for e in entries if e.endswith("*"))
_SUFFIXES = frozenset(_key(e) for _, entries in TIERS for e in entries if e.startswith("*"))
# Entries inside a longer entry ("love" in "i love", "geil" in "mega geil") count once,
# through the longer one; worked out here so a comment pays a set lookup.
_COVERS: dict[str, frozenset[str]] = {}
for _long in VALENCE:
    if " " in _long:
        _inner = {w for w in VALENCE if w != _long and f" {w} " in f" {_long} "}
        if _inner:
            _COVERS[_long] = frozenset(_inner)

_HANGUL = re.compile("[\uac00-\ud7a3\u3131-\u318e]")
_CLAUSE_END = re.compile(r"[.!?;:,\n]")
_NEGATION_REACH = 24  # characters between a negator's end and the word (~3 words)
_TRAILING_REACH = 16  # "gefällt mir nicht": the negator after a German verb
_BOOST_REACH = 2  # a space, perhaps an apostrophe: the very next word


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


# Which ends of each entry must sit at a word boundary (Latin words yes, emoji no).
_BOUNDS: dict[str, tuple[bool, bool]] = {
    w: (_is_word_char(w[0]) and w not in _SUFFIXES, _is_word_char(w[-1]) and w not in _PREFIXES)
    for w in (*VALENCE, *_KINDS)
}


# Longer words are located with a plain `find` (they rarely sit inside another word
# before their own place); short ones ("no" in "know", "bad" in "badge") are checked.
_SHORT = 4


def _at(norm: str, word: str) -> int:
    """Start of the first occurrence of `word` as a whole word (emoji: anywhere), or -1."""
    start = norm.find(word)
    left, right = _BOUNDS[word]
    if start < 0 or not (left or right):
        return start
    n = len(norm)
    size = len(word)
    while start >= 0:
        end = start + size
        if (not left or start == 0 or not _is_word_char(norm[start - 1])) and (
            not right or end == n or not _is_word_char(norm[end])
        ):
            return start
        start = norm.find(word, start + 1)
    return -1


def valence(found: Sequence[str], norm: str) -> float:
    """Signed strength of the `valence` family words found in `norm` (0.0 when none)."""
    table, kinds, covers = VALENCE, _KINDS, _COVERS
    total = 0.0
    plain = True  # no negator, intensifier or contrast word: a plain sum (most comments)
    for word in found:
        value = table.get(word)
        if value is not None:
            total += value
            if word in covers:  # "happy birthday" found with "happy": count the phrase only
                total -= sum(table[w] for w in covers[word] if w in found)
        if word in kinds:
            plain = False
    if not total and plain:
        return 0.0
    if not norm.isascii() and _HANGUL.search(norm):
        return 0.0
    if not plain:
        hits = [w for w in found if w in table]
        if not hits:
            return 0.0
        covered = {w for h in hits if h in covers for w in covers[h]}
        total = _with_modifiers(hits, [w for w in found if w in kinds], covered, norm)
    if total > 0 and "!" in norm:  # "!" mostly cheers in tweets, rarely rage
        total += EXCLAIM
    # The words come unordered (hash order): rounding keeps the sum the same every run.
    return round(total, 6)


def _with_modifiers(
    hits: Sequence[str], mod_words: Sequence[str], covered: Collection[str], norm: str
) -> float:
    negators: list[tuple[int, int, str]] = []  # (start, end, word)
    scales: list[tuple[int, float]] = []  # (end of an intensifier or downtoner, factor)
    contrast = -1
    find = norm.find
    for mod in mod_words:
        at = find(mod) if len(mod) > _SHORT else _at(norm, mod)
        if at < 0:
            continue
        kind = _KINDS[mod]
        if kind == "not":
            negators.append((at, at + len(mod), mod))
        elif kind == "contrast":
            contrast = max(contrast, at)
        else:
            scales.append((at + len(mod), BOOST if kind == "boost" else DAMPEN))
    located = [
        (w, at)
        for w in hits
        if w not in covered and (at := find(w) if len(w) > _SHORT else _at(norm, w)) >= 0
    ]
    total = 0.0
    for word, start in located:
        end = start + len(word)
        # An intensifier that is also a word ("super gut"): here it only strengthens.
        if word in _BOOSTS and any(0 < s - end <= _BOOST_REACH for _, s in located):
            continue
        value = VALENCE[word]
        for stop, factor in scales:
            if 0 < start - stop <= _BOOST_REACH:
                value *= factor
        for at, stop, mod in negators if word[0].isalnum() else ():  # emoji stay as they are
            if stop <= start:
                if (
                    start - stop <= _NEGATION_REACH
                    and not at < contrast < start  # "not X but good": good stands
                    and not _CLAUSE_END.search(norm, stop, start)
                ):
                    value *= NEGATION
                    break
            elif (
                word in _VERBS
                and mod in _TRAILING
                and 0 < at - end <= _TRAILING_REACH
                and not _CLAUSE_END.search(norm, end, at)
            ):
                value *= NEGATION
                break
        if contrast >= 0:
            value *= AFTER_CONTRAST if start > contrast else BEFORE_CONTRAST
        total += value
    return total
