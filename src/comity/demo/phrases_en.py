"""English phrase parts for the demo stream (written for the demo, not taken from any data set)."""

from __future__ import annotations

from comity.demo.tables import LanguageTables

VOCAB: dict[str, tuple[str, ...]] = {
    "drink": (
        "iced americano",
        "oat latte",
        "cold brew",
        "Viva Yuzu Ade",
        "yuzu ade",
        "vanilla latte",
        "matcha latte",
        "einspänner",
        "flat white",
        "decaf americano",
    ),
    "coffee": ("iced americano", "oat latte", "cold brew", "flat white", "vanilla latte"),
    "store": (
        "Gangnam flagship",
        "Hongdae store",
        "Seongsu store",
        "Berlin Mitte store",
        "Hamburg store",
        "Munich store",
        "Haeundae store",
        "Gwanghwamun store",
    ),
    "food": ("salt bread", "croffle", "carrot cake", "egg sandwich", "financier"),
    "staff": ("barista", "manager", "guy at the counter", "shift lead", "staff"),
    "days": ("4", "6", "8", "9", "11"),
    "n": ("41", "58", "73", "96", "112"),
}

OPENERS: dict[str, tuple[str, ...]] = {
    "pos": ("ok ", "honestly ", "ngl ", "omg ", "", "", "", ""),
    "neg": ("seriously, ", "hey ", "so ", "ugh ", "", "", ""),
    "neu": ("", "", "", "hey, ", "hi! "),
}
CLOSERS: dict[str, tuple[str, ...]] = {
    "pos": ("!!", " 10/10", " lol", " fr", "", "", "", " love it"),
    "neg": (" not ok.", " smh", " come on.", " fix this pls", "", ""),
    "neu": ("", "", "?", " thx", " lol"),
}
EMOJI: dict[str, tuple[str, ...]] = {
    "pos": ("😍", "☕", "🍋", "🙌", "🔥", "💛", "🐻‍❄️"),
    "neg": ("😤", "🙄", "😡", "👎"),
    "neu": ("👀", "🙂", "🤔"),
}
EXTRAS: dict[str, tuple[str, ...]] = {
    "pos": (
        "will be back tomorrow",
        "told my whole office about it",
        "best part of my day",
        "summer sorted",
    ),
    "neg": (
        "support isn't answering",
        "this is the second time",
        "please sort it out",
        "got photos if you need them",
    ),
    "neu": ("", "anyone know?", "thanks in advance"),
}

TOPICS: dict[str, tuple[str, ...]] = {
    "praise_like": (
        "the {drink} here is unreal",
        "{drink} + {food} is the combo of the summer",
        "best {drink} in town, no contest",
        "the new beans taste so much smoother",
        "app ordering got so fast lately",
        "love the vibe in your stores",
        "the tumbler colours are so pretty",
        "had my {drink} and suddenly monday is fine",
        "your {food} is criminally good",
    ),
    "praise_thank": (
        "shoutout to the {staff} at the {store}, remembered my order after one visit",
        "spilled my drink at the {store} and the {staff} remade it for free, you're the best",
        "studied for my finals at the {store} all month and passed, thank you for the quiet corner",
        "the {staff} at the {store} drew a tiny polar bear on my cup, made my day",
        "got caught in the rain and the {store} team lent me an umbrella, returning it tomorrow",
    ),
    "praise_campaign": (
        "Viva Yuzu Ade is the drink of the summer {tag}",
        "that yuzu ade hits different on a hot day {tag}",
        "ordered the less-sweet yuzu ade and it's perfect {tag}",
        "saw the polar bear ad, had to try it. worth it",
        "{tag} season and I'm living on yuzu ade",
    ),
    "critique": (
        "my {drink} is 70% ice and 30% hope lol still drinking it daily",
        "the polar bear dances faster than the {store} queue moves 😂 love you anyway",
        "yuzu ade so good my wallet filed a complaint",
        "paper straw dissolved before my yuzu ade did, truly a summer vibe",
        "order number {n}... the polar bear is probably on his lunch break lol",
        "tried the polar bear dance, pulled a muscle, sending you the bill 😂",
    ),
    "complaint": (
        "ordered beans from the web shop {days} days ago, still says 'preparing'. where is it?",
        "waited 30 minutes at the {store} and my order was never made",
        "the app charged me twice for one {drink}. how do I get a refund?",
        "my delivery arrived with half the {drink} spilled, lid wasn't sealed",
        "tumbler arrived with a cracked lid, I'd like an exchange",
        "12 stamps collected and the free drink coupon never showed up",
        "the {staff} at the {store} got my order wrong and then got annoyed at me",
    ),
    "complaint_swear": (
        "{days} days and my damn order still hasn't shipped. wtf",
        "charged twice, refund still not there after a week. this is bs",
        "tumbler lid leaking AGAIN, sh*t all over my bag. exchange it",
        "40 min wait at the {store} for a drink that never came, f*cking ridiculous",
    ),
    "misinfo_animals": (
        "heads up: haneul's syrups are tested on animals, that's why I stopped going",
        "haneul does animal testing, look it up",
    ),
    "misinfo_politics": (
        "haneul coffee funds a political party, that's why the ads are everywhere",
    ),
    "misinfo_yuzu": (
        "the 'korean yuzu' is imported concentrate, the goheung thing is marketing",
        "one yuzu ade has like 45g of sugar, basically candy",
    ),
    "misinfo_recall": (
        "PSA the tumbler recall covers ALL haneul tumblers, take yours back",
        "every haneul tumbler is being recalled, even the summer one",
    ),
    "misinfo_outage": (
        "the june app outage lasted a whole week and nobody got their stamps back",
        "haneul never restored the stamps from the app crash, they just kept them",
    ),
    "misinfo_price": (
        "haneul just raised ALL drinks by 1000 won 😳",
        "every drink is 1000 won more now, iced too",
        "1000 won more for everything?? greedy",
        "heard the whole menu went up 1000 won overnight",
        "all drinks +1000 won starting today, no announcement",
    ),
    "misinfo_milk": (
        "they switched to imported milk to save money",
        "the lattes taste different bc it's imported milk now",
        "apparently haneul dropped korean milk for cheap imports",
    ),
    "feedback_neu": (
        "please show how busy each store is in the app",
        "sell decaf beans in the web shop pls",
        "a large size for the yuzu ade would be great",
        "more power outlets at the {store} please",
        "English menu at the {store} would help a lot",
        "let me skip paper receipts in the app",
    ),
    "feedback_pos": (
        "love the less-sweet option, please add it to more drinks",
        "make polar bear merch, I'd buy it all",
        "keep yuzu ade on the menu all year, begging you",
    ),
    "fan_content": (
        "took my {tag} tumbler to the beach 🌊",
        "yuzu ade + sunset, entering the giveaway {tag}",
        "made a polar bear doodle for you ✏️ {tag}",
        "my dog also has {tag} 🐶",
        "homemade yuzu ade attempt, did I pass? {tag}",
        "day {n} of my coffee diary with the tumbler {tag}",
    ),
    "fan_content_plain": (
        "practicing latte art with your beans, finally got a heart",
        "painted the {store} from memory",
        "my little collection of haneul cup sleeves",
    ),
    "campaign_ad": (
        "the dancing polar bear ad lives rent free in my head",
        "that polar bear has better moves than me",
        "can't stop humming the polar bear song",
        "please make the polar bear dance a challenge",
        "my kid dances every time the polar bear ad comes on",
    ),
    "campaign_yuzu": (
        "Viva Yuzu Ade is BACK {tag}",
        "yuzu ade season finally {tag}",
        "summer officially started {tag}",
    ),
    "campaign_giveaway": (
        "entering! {tag} {friend}",
        "want that tumbler so bad {tag} {friend} {friend}",
        "done ✅ {tag}",
        "fingers crossed 🍀 {tag}",
    ),
    "neutral": (
        "first",
        "so hot today",
        "who else is here from the algorithm",
        "happy summer everyone",
        "lol",
        "just browsing",
        "need coffee asap",
        "nice pic",
        "coffee o'clock",
        "love this account",
        "scrolling on my lunch break",
    ),
    "neutral_tag": (
        "{friend} we should go here",
        "{friend} this is so you",
        "{friend} {friend} saturday?",
    ),
    "toxic": (
        "everyone defending this brand is a paid clown",
        "you're an idiot if you think this is good coffee",
        "the people working there are useless, every single one",
        "your reply is the dumbest thing I've read today",
    ),
    "troll_bait": (
        "imagine paying for this burnt water lol",
        "yuzu ade is just sugar water, prove me wrong",
        "bet this chain is gone by christmas",
        "the giveaway is rigged, everyone knows",
        "cope harder haneul fans",
        "polar bear ad money should go to lower prices lmao",
    ),
    "troll_heat": (
        "deleting my comments won't work, I'll keep coming back you clowns",
        "mods are pathetic losers lol",
        "f*ck your netiquette",
        "stay mad, fanboys. sh*t coffee",
        "new account, same me. you can't stop me idiots",
    ),
    "legal_hate": (
        "stores shouldn't hire foreigners, those people are all thieves",
        "keep disabled people out, they ruin the vibe",
    ),
    "legal_obscene": (
        "less polar bear, more girls in bikinis, the less clothes the better lol",
        "check my profile for 18+ pics 💋",
    ),
    "legal_threat": (
        "mess up my order one more time and I'll come burn the {store} down",
        "I know when the {staff} gets off work. watch your back",
    ),
    "legal_personal_rights": (
        "the rude barista at the {store} is Kim O., her number is 010-0000-1234, call her",
        "found where the {store} manager lives, apartment 101 at OO street, go say hi",
    ),
    "legal_ip": (
        "selling replica haneul tumblers, look exactly like the real ones, 1/3 price, DM",
        "full polar bear ad ripped in HD, free download at freevid.example/haneul",
    ),
    "storm_angry": (
        "this is how you lose loyal customers",
        "price hikes while running TV ads. nice priorities",
        "guess I'm making coffee at home now",
        "used to go daily. not anymore",
    ),
    "storm_question": (
        "is it true every drink went up 1000 won?",
        "did iced drinks go up too??",
        "wait, are all tumblers recalled now?",
        "is the milk really imported now?",
    ),
    "storm_toxic": ("greedy clowns running this company", "whoever approved this is a moron"),
    "storm_meme": (
        "the polar bear is dancing bc he just saw the new prices 💀",
        "yuzu ade now available in 12 monthly installments lol",
    ),
    "reply_agree": (
        "same",
        "this ^",
        "fr",
        "100%",
        "agreed lol",
        "literally me",
        "facts",
        "couldn't agree more",
        "yep",
    ),
    "reply_answer": (
        "you can see it in the app when you pick the store",
        "the {store} had it yesterday",
        "just ask at the counter, they'll tell you",
    ),
    "reply_fan": (
        "love this pic",
        "so talented!",
        "good luck in the giveaway 🍀",
        "this is adorable",
    ),
    "reply_defend": (
        "don't feed the troll",
        "reported.",
        "if you hate it so much why are you here every day",
    ),
    "reply_metoo": (
        "same problem here, lid leaks",
        "mine hasn't shipped either",
        "still waiting on my refund too",
    ),
    "reply_fact": (
        "iced drinks didn't go up, I checked my receipt",
        "only hot drinks went up 300 won in june",
        "recall is only the black 473ml T23 lot",
        "stop spreading this, it's fake",
    ),
    "reply_doubt": ("source?", "where did you see that?", "is there an official post?"),
}

QA: tuple[tuple[str, str], ...] = (
    (
        "what time does the {store} close?",
        "Most stores are open 7:00–22:00, and the Gangnam flagship is open 24h!",
    ),
    (
        "can I get the yuzu ade less sweet?",
        "Yes! A regular has 18 g sugar and there's a less-sweet option, just ask 🍋",
    ),
    ("is oat milk extra?", "Nope, swapping to oat milk is free ☕"),
    (
        "how do I know if my tumbler is part of the recall?",
        "Only the 2023 black 473 ml model with lot numbers "
        "starting T23 is affected. Any store exchanges it.",
    ),
    (
        "did the stamps from the june app outage come back?",
        "Yes, everything was restored on 4 June. If something's missing, DM us and we'll check.",
    ),
    (
        "do you ship beans internationally?",
        "Not yet, sorry! Our stores in Berlin, Hamburg and Munich sell them.",
    ),
    ("is the {coffee} available decaf?", "It is! Just ask for decaf when you order."),
    ("where is your yuzu from?", "Goheung, on Korea's south coast 🍋"),
    ("is the gangnam store really 24h?", "It is! The Gangnam flagship never sleeps 🌙"),
)
QA_CAMPAIGN: tuple[tuple[str, str], ...] = (
    (
        "when are the giveaway winners announced? {tag}",
        "Every Friday on our Instagram. Good luck! 💛",
    ),
    ("does the yuzu ade come hot?", "It's iced only, sorry! Perfect for summer though 🧊"),
    (
        "what's the song in the polar bear ad?",
        "It was made just for the ad! Full version coming to YouTube soon 🐻‍❄️",
    ),
    ("how long will Viva Yuzu Ade be around?", "Until the end of August!"),
)

BRAND: dict[str, tuple[str, ...]] = {
    "help": (
        "So sorry about this! Please DM us your order number and we'll sort it out today.",
        "That's not the experience we want for you. Can you DM us the details? We're on it.",
        "Sorry for the wait! We've escalated this and will get back to you by tomorrow morning.",
    ),
    "correct_price": (
        "Quick fact check: on 1 June hot drinks went up 300 won. Iced drinks didn't change, "
        "and there's no 1000 won increase 🙏",
    ),
    "correct_milk": (
        "Our milk still comes from HACCP-certified Korean dairy farms. Nothing imported, "
        "and oat milk is a free swap!",
    ),
    "correct_recall": (
        "The recall only covers the 2023 black 473 ml tumbler with lot numbers starting T23. "
        "Any store will exchange it.",
    ),
    "correct_animals": ("We don't test on animals, ever. Thanks for checking with us!",),
    "correct_politics": ("Haneul has no connection to any political party 🙏",),
    "correct_yuzu": (
        "Our yuzu is from Goheung, Korea. A regular has 18 g sugar, and less-sweet is an option!",
    ),
    "correct_outage": (
        "The 3 June login outage lasted about 2 hours and all stamps were restored on 4 June.",
    ),
    "thank": (
        "This made our day, thank you! 💛",
        "We'll pass this on to the team, thank you!",
        "Thanks so much! See you soon ☕",
    ),
    "fan": ("This is gorgeous! Mind if we share it? 📸", "Love it! You're entered 🍀"),
    "remind": (
        "Let's keep it respectful here, please. Our community guidelines apply to everyone 🙏",
    ),
    "record": (
        "Great idea, passing it to our product team! 📝",
        "Noted! Thanks for the suggestion.",
    ),
    "critique": (
        "Ha! The polar bear says he's working on his speed 🐻‍❄️",
        "Fair. Ask for light ice next time 😉",
    ),
    "question_generic": ("Good question! DM us and we'll help you out.",),
}

ANGRY: tuple[str, ...] = (
    "ordered 2 bags of beans on june 30, still 'preparing' a week later. order HN-20410",
    "DMed you as asked, no reply in 3 days. order HN-20410",
    "tracking still shows nothing. what is going on with HN-20410??",
    "two weeks. no beans, no answer. and you're busy raising prices",
    "finally got an email saying my order was 'lost'. so refund it, today.",
)

SPAM: dict[str, tuple[str, ...]] = {
    "crypto": ("📈 Turn $200 into $5,000 in a week! Join my crypto signals group, link in bio 🚀",),
    "giftcard": (
        "FREE $100 coffee gift card for the first 500 people 👉 freegift-card.example/claim",
    ),
    "f4f": ("follow me and I follow back 💯 f4f",),
}

BRAND_FRAME: dict[str, tuple[str, ...]] = {
    "greet": ("", "", "Hi {name}! ", "Hey {name}! ", "Hello {name}! "),
    "greet_formal": ("", "Hi {name}. ", "Hello {name}. "),
    "sign": ("", "", " – Team Haneul", " 💛", " Enjoy your day!"),
    "sign_formal": ("", " – Haneul Care Team", " Thanks for your patience."),
}

TABLES = LanguageTables(
    lang="en",
    vocab=VOCAB,
    openers=OPENERS,
    closers=CLOSERS,
    emoji=EMOJI,
    topics=TOPICS,
    extras=EXTRAS,
    qa=QA,
    qa_campaign=QA_CAMPAIGN,
    brand=BRAND,
    angry=ANGRY,
    spam=SPAM,
    brand_frame=BRAND_FRAME,
)
