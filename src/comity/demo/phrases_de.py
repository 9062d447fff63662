"""German phrase parts for the demo stream (written for the demo, not taken from any data set)."""

from __future__ import annotations

from comity.demo.tables import LanguageTables

VOCAB: dict[str, tuple[str, ...]] = {
    "drink": (
        "Iced Americano",
        "Hafer-Latte",
        "Cold Brew",
        "Viva Yuzu Ade",
        "Yuzu Ade",
        "Vanille-Latte",
        "Matcha Latte",
        "Flat White",
    ),
    # Masculine coffees, so "der/den {coffee}" stays grammatical.
    "coffee": ("Iced Americano", "Hafer-Latte", "Cold Brew", "Flat White", "Vanille-Latte"),
    "store": (
        "Filiale in Berlin-Mitte",
        "Filiale am Prenzlauer Berg",
        "Hamburger Filiale in der Schanze",
        "Filiale in Altona",
        "Münchner Filiale in der Maxvorstadt",
        "Filiale am Hackeschen Markt",
    ),
    "food": ("Salzbrötchen", "Croffle", "Karottenkuchen", "Eiersandwich"),
    "staff": ("Barista", "Schichtleiterin", "Kollege an der Kasse", "Mitarbeiterin"),
    "days": ("5", "7", "9", "12"),
    "n": ("38", "64", "87", "102"),
}

# Whole little sentences, because German nouns keep their capital after an opener.
OPENERS: dict[str, tuple[str, ...]] = {
    "pos": ("Wow! ", "Muss mal gesagt werden: ", "Boah! ", "", "", ""),
    "neg": ("Hallo?! ", "Sorry, aber so geht das nicht. ", "Ernsthaft? ", "", "", ""),
    "neu": ("", "", "Hallo! ", "Moin! ", "Hi! "),
}
CLOSERS: dict[str, tuple[str, ...]] = {
    "pos": ("!!", " Top!", " Weiter so!", "", "", " 👌"),
    "neg": (" Echt ärgerlich.", " So nicht.", " Bitte klären.", "", ""),
    "neu": ("", "", " Danke!", " LG", "?"),
}
EMOJI: dict[str, tuple[str, ...]] = {
    "pos": ("😍", "☕", "🍋", "💛", "🙌", "🐻‍❄️"),
    "neg": ("😤", "🙄", "😠"),
    "neu": ("🙂", "👀", "🤔"),
}
EXTRAS: dict[str, tuple[str, ...]] = {
    "pos": (
        "Komme definitiv wieder",
        "Hab's schon allen Kolleginnen erzählt",
        "Mein Sommergetränk 2026",
    ),
    "neg": (
        "Der Kundenservice antwortet nicht",
        "Das ist jetzt schon das zweite Mal",
        "Fotos kann ich gerne schicken",
    ),
    "neu": ("", "Weiß das jemand?", "Danke im Voraus"),
}

TOPICS: dict[str, tuple[str, ...]] = {
    "praise_like": (
        "Der {coffee} ist einfach der beste in der Stadt",
        "{drink} und {food}, perfekte Kombi",
        "Endlich guter Kaffee in Deutschland, der nach Seoul schmeckt",
        "Die neuen Becher sind so schön",
        "Mega gemütlich bei euch",
        "Bestellen per App geht jetzt richtig schnell",
    ),
    "praise_thank": (
        "Großes Lob an die {staff} in der {store}, super freundlich trotz Riesenschlange",
        "Mir ist in der {store} der Becher umgefallen "
        "und ihr habt sofort einen neuen gemacht, danke!",
        "Die {staff} in der {store} kennt meine Bestellung schon auswendig, so schön",
        "Hab in der {store} meine ganze Masterarbeit "
        "geschrieben, heute abgegeben. Danke für den Platz!",
    ),
    "praise_campaign": (
        "Viva Yuzu Ade ist mein Sommer {tag}",
        "Die Yuzu Ade in weniger süß ist perfekt {tag}",
        "Wegen dem Eisbären-Spot probiert, bereue nichts {tag}",
    ),
    "critique": (
        "Mein {coffee} besteht zu 70 % aus Eis und zu 30 "
        "% aus Hoffnung 😂 trinke ihn trotzdem jeden Tag",
        "Der Eisbär tanzt schneller als die Schlange in der {store} vorankommt 😄",
        "Die Yuzu Ade ist so gut, dass mein Konto Urlaub braucht",
        "Papierstrohhalm hat vor der Yuzu Ade aufgegeben. Sehr sommerlich",
    ),
    "complaint": (
        "Bohnen im Webshop bestellt, nach {days} Tagen immer "
        "noch 'in Bearbeitung'. Wo bleibt die Lieferung?",
        "30 Minuten in der {store} gewartet, Bestellung wurde einfach vergessen",
        "Die App hat mir den {coffee} zweimal abgebucht. Wie bekomme ich mein Geld zurück?",
        "Becher kam mit gebrochenem Deckel an, ich möchte ihn umtauschen",
        "Lieferung kam halb ausgelaufen an, der Deckel war nicht richtig zu",
    ),
    "complaint_swear": (
        "Verdammt nochmal, {days} Tage und meine Bestellung ist immer noch nicht verschickt",
        "Doppelt abgebucht und seit einer Woche keine Erstattung. Scheiß Service",
        "Der Deckel leckt schon wieder, alles in der Tasche nass. So ein Mist, tauscht das um",
    ),
    "misinfo_animals": (
        "Achtung: Haneul testet seine Sirups an Tieren, deshalb geh ich da nicht mehr hin",
    ),
    "misinfo_politics": ("Haneul finanziert eine Partei, deshalb die ganze Werbung überall",),
    "misinfo_yuzu": (
        "Die 'koreanische Yuzu' ist nur importiertes Konzentrat, reines Marketing",
        "In einer Yuzu Ade stecken über 40 g Zucker, das ist quasi Limo",
    ),
    "misinfo_recall": (
        "Der Rückruf gilt für ALLE Haneul-Becher, bringt eure zurück",
        "Alle Becher von Haneul werden zurückgerufen, auch die Sommer-Edition",
    ),
    "misinfo_outage": ("Die App war im Juni eine Woche down und die Stempel sind für immer weg",),
    "misinfo_price": (
        "Alle Getränke sind jetzt 1000 Won teurer, auch bei uns wird's bald so sein",
        "Haneul hat ALLE Preise um 1000 Won erhöht, krass",
        "Überall +1000 Won, auch die Eisgetränke",
    ),
    "misinfo_milk": (
        "Haneul nimmt jetzt billige Importmilch, deshalb schmeckt der Latte anders",
        "Angeblich keine koreanische Milch mehr, nur noch Import",
    ),
    "feedback_neu": (
        "Zeigt doch in der App, wie voll die Filiale gerade ist",
        "Verkauft bitte entkoffeinierte Bohnen im Shop",
        "Mehr Steckdosen in der {store} wären super",
        "Eine Karte auf Englisch und Koreanisch wäre toll",
        "Bitte eine Filiale in Köln!",
    ),
    "feedback_pos": (
        "Die weniger süße Option ist klasse, bitte auch für andere Getränke",
        "Macht Merch mit dem Eisbären, ich kaufe alles",
    ),
    "fan_content": (
        "Mein {tag} Becher war mit an der Ostsee 🌊",
        "Yuzu Ade und Sonnenuntergang an der Elbe {tag}",
        "Hab den Eisbären gezeichnet ✏️ {tag}",
        "Selbstgemachte Yuzu Ade, sieht doch fast echt aus {tag}",
        "Tag {n} meines Kaffeetagebuchs mit dem Becher {tag}",
    ),
    "fan_content_plain": (
        "Latte Art mit euren Bohnen geübt, das Herz klappt endlich",
        "Hab die {store} als Aquarell gemalt",
    ),
    "campaign_ad": (
        "Der tanzende Eisbär geht mir nicht mehr aus dem Kopf",
        "Der Eisbär tanzt besser als ich",
        "Macht aus dem Eisbär-Tanz eine Challenge!",
        "Mein Kind tanzt jedes Mal mit, wenn der Spot läuft",
    ),
    "campaign_yuzu": ("Viva Yuzu Ade ist zurück {tag}", "Endlich Yuzu-Saison {tag}"),
    "campaign_giveaway": (
        "Bin dabei! {tag} {friend}",
        "Ich will den Becher so sehr {tag} {friend}",
        "Daumen drücken 🍀 {tag}",
    ),
    "neutral": (
        "Erster!",
        "Heute ist es so heiß",
        "Schönes Wochenende euch",
        "Wer ist auch vom Algorithmus hier",
        "Schönes Foto",
        "Wer kommt mit auf einen Kaffee?",
        "Kaffeepause!",
        "Grüße aus Köln",
    ),
    "neutral_tag": (
        "{friend} da müssen wir hin",
        "{friend} das ist doch was für dich",
        "{friend} {friend} Samstag?",
    ),
    "toxic": (
        "Alle, die diese Marke verteidigen, sind bezahlte Clowns",
        "Du bist echt zu dumm, um guten Kaffee zu erkennen",
        "Das Personal dort ist komplett unfähig, alle miteinander",
    ),
    "troll_bait": (
        "Wer zahlt bitte Geld für dieses verbrannte Wasser?",
        "Yuzu Ade ist einfach Zuckerwasser",
        "Wetten, die Kette ist bis Weihnachten pleite?",
        "Das Gewinnspiel ist doch eh gefakt",
        "Koreanischer Kaffee in Deutschland, was soll der Quatsch",
    ),
    "troll_heat": (
        "Löscht ruhig meine Kommentare, ihr Idioten, ich komm wieder",
        "Moderatoren hier sind erbärmliche Versager",
        "Scheiß auf eure Netiquette",
        "Neuer Account, gleicher Typ. Ihr könnt mich nicht aufhalten, Trottel",
    ),
    "legal_hate": (
        "Stellt keine Ausländer ein, die klauen doch alle",
        "Rollstuhlfahrer sollten draußen bleiben, die stören nur",
    ),
    "legal_obscene": (
        "Weniger Eisbär, mehr Frauen im Bikini, je weniger an desto besser",
        "Heiße 18+ Bilder in meinem Profil 💋",
    ),
    "legal_threat": (
        "Wenn ihr meine Bestellung noch einmal vergesst, komme ich und zünde die {store} an",
        "Ich weiß, wann die {staff} Feierabend hat. Pass bloß auf",
    ),
    "legal_personal_rights": (
        "Die unfreundliche {staff} aus der {store} heißt "
        "Frau K., Nummer 0170-0000000, ruft sie alle an",
        "Der Filialleiter der {store} wohnt in der Musterstraße 1, besucht ihn mal",
    ),
    "legal_ip": (
        "Verkaufe Haneul-Becher Replika, sehen aus wie echt, ein Drittel vom Preis, PN",
        "Ganzer Eisbär-Spot in HD zum Download auf freevid.example/haneul",
    ),
    "storm_angry": (
        "So verliert man Stammkunden",
        "Preise rauf und dann teure TV-Werbung, super Prioritäten",
        "Dann trinke ich meinen Kaffee eben zu Hause",
    ),
    "storm_question": (
        "Stimmt es, dass alle Getränke 1000 Won teurer sind?",
        "Ist die Milch jetzt wirklich importiert?",
        "Sind jetzt alle Becher zurückgerufen?",
    ),
    "storm_toxic": (
        "Gierige Abzocker, die ganze Chefetage",
        "Wer das entschieden hat, ist ein Vollidiot",
    ),
    "storm_meme": ("Der Eisbär tanzt nur, weil er die neuen Preise gesehen hat 😂",),
    "reply_agree": ("Genau so", "Sehe ich auch so", "+1", "Stimmt", "Absolut", "Dito"),
    "reply_answer": (
        "Siehst du in der App, wenn du die Filiale auswählst",
        "Frag einfach an der Theke",
    ),
    "reply_fan": ("Wunderschönes Foto", "Wie talentiert!", "Viel Glück beim Gewinnspiel 🍀"),
    "reply_defend": (
        "Nicht füttern",
        "Gemeldet.",
        "Wenn's dir nicht gefällt, warum bist du jeden Tag hier?",
    ),
    "reply_metoo": (
        "Bei mir genau dasselbe, Deckel undicht",
        "Meine Bestellung ist auch noch nicht da",
    ),
    "reply_fact": (
        "Eisgetränke sind nicht teurer geworden, hab den Bon",
        "Nur heiße Getränke, 300 Won, im Juni",
        "Rückruf betrifft nur den schwarzen 473-ml-Becher von 2023 mit T23",
        "Das ist Fake, hört auf",
    ),
    "reply_doubt": ("Quelle?", "Wo steht das?", "Gibt es dazu eine offizielle Info?"),
}

QA: tuple[tuple[str, str], ...] = (
    (
        "Wie lange hat die {store} heute offen?",
        "Unsere Filialen haben meist von 7 bis 22 Uhr geöffnet. Wir freuen uns auf Ihren Besuch!",
    ),
    (
        "Kann man die Yuzu Ade weniger süß bestellen?",
        "Ja! Eine reguläre Yuzu Ade hat 18 g Zucker, und es gibt eine weniger süße Variante 🍋",
    ),
    ("Kostet Hafermilch extra?", "Nein, Hafermilch gibt es ohne Aufpreis ☕"),
    (
        "Ist mein Becher vom Rückruf betroffen?",
        "Betroffen ist nur das schwarze 473-ml-Modell von 2023 mit Chargennummer ab T23. "
        "Jede Filiale tauscht es um.",
    ),
    ("Gibt es den {coffee} auch entkoffeiniert?", "Ja, einfach bei der Bestellung Bescheid geben!"),
    ("Woher kommt eure Yuzu?", "Aus Goheung an der Südküste Koreas 🍋"),
    ("Liefert ihr auch nach Österreich?", "Leider noch nicht, aber wir arbeiten daran!"),
)
QA_CAMPAIGN: tuple[tuple[str, str], ...] = (
    ("Wann werden die Gewinner gezogen? {tag}", "Jeden Freitag auf Instagram. Viel Glück! 💛"),
    ("Gibt es die Yuzu Ade auch warm?", "Die gibt es nur auf Eis, perfekt für den Sommer 🧊"),
    ("Wie heißt das Lied aus dem Eisbär-Spot?", "Das wurde extra für den Spot komponiert 🐻‍❄️"),
)

BRAND: dict[str, tuple[str, ...]] = {  # "Sie", as on Facebook
    "help": (
        "Das tut uns sehr leid! Bitte schicken Sie uns Ihre Bestellnummer per Nachricht, "
        "wir kümmern uns noch heute darum.",
        "Entschuldigen Sie bitte die Wartezeit. Wir haben "
        "Ihr Anliegen weitergeleitet und melden uns "
        "bis morgen früh.",
    ),
    "correct_price": (
        "Kurz zur Richtigstellung: Am 1. Juni wurden in Korea nur heiße Getränke um 300 Won "
        "teurer. Eisgetränke sind unverändert, eine Erhöhung um 1000 Won gibt es nicht.",
    ),
    "correct_milk": (
        "Unsere Milch kommt weiterhin von HACCP-zertifizierten Höfen in Korea. "
        "Hafermilch gibt es ohne Aufpreis.",
    ),
    "correct_recall": (
        "Der Rückruf betrifft nur den schwarzen 473-ml-Becher von 2023 mit Chargennummer ab T23. "
        "Jede Filiale tauscht ihn um.",
    ),
    "correct_animals": ("Haneul führt keine Tierversuche durch. Danke, dass Sie nachfragen!",),
    "correct_politics": ("Haneul hat keinerlei Verbindung zu einer Partei.",),
    "correct_yuzu": (
        "Unsere Yuzu kommt aus Goheung in Korea. Eine reguläre Yuzu Ade hat 18 g Zucker, "
        "es gibt auch eine weniger süße Variante.",
    ),
    "correct_outage": (
        "Der Login-Ausfall am 3. Juni dauerte rund zwei Stunden, alle Stempel waren am 4. Juni "
        "wieder da.",
    ),
    "thank": ("Vielen Dank für die lieben Worte, wir geben das ans Team weiter! 💛",),
    "fan": ("Wunderschön! Dürfen wir das Foto teilen? 📸",),
    "remind": ("Bitte bleiben Sie respektvoll. Unsere Netiquette gilt für alle.",),
    "record": ("Danke für den Vorschlag, wir geben ihn an unser Produktteam weiter!",),
    "critique": ("Der Eisbär trainiert schon für mehr Tempo 🐻‍❄️",),
    "question_generic": ("Gute Frage! Schreiben Sie uns gern eine Nachricht, wir helfen weiter.",),
}
BRAND_INFORMAL: dict[str, tuple[str, ...]] = {  # "du", as on Instagram and in the forum
    "help": (
        "Oh nein, das tut uns leid! Schick uns bitte deine "
        "Bestellnummer per DM, wir klären das heute.",
    ),
    "correct_price": (
        "Kleine Richtigstellung: Im Juni wurden in Korea nur heiße Getränke um 300 Won teurer. "
        "Eisgetränke kosten gleich viel, 1000 Won mehr stimmt nicht 🙏",
    ),
    "correct_milk": (
        "Unsere Milch kommt weiter von HACCP-zertifizierten Höfen in Korea, keine Importmilch!",
    ),
    "correct_recall": (
        "Vom Rückruf ist nur der schwarze 473-ml-Becher von 2023 mit T23-Charge betroffen. "
        "Jede Filiale tauscht ihn dir um.",
    ),
    "thank": ("Danke dir, das freut uns riesig! 💛",),
    "fan": ("Wie schön! Dürfen wir dein Foto teilen? 📸", "Mega! Du bist im Lostopf 🍀"),
    "remind": ("Bitte bleib respektvoll, unsere Netiquette gilt für alle 🙏",),
    "record": ("Coole Idee, geben wir ans Produktteam weiter! 📝",),
    "critique": ("Haha, fair. Frag nächstes Mal nach weniger Eis 😉",),
}

ANGRY: tuple[str, ...] = (
    "Seit dem App-Update sind meine 11 Stempel weg. Bitte wiederherstellen.",
    "Ich habe wie gewünscht eine Nachricht geschickt, seit vier Tagen keine Antwort.",
    "Immer noch keine Stempel und keine Antwort. Sehr enttäuschend für eine Stammkundin.",
)

SPAM: dict[str, tuple[str, ...]] = {
    "gewinnspiel": (
        "🎉 Haneul Gewinnspiel: Sie haben gewonnen! Jetzt Versandkosten zahlen unter "
        "haneul-gewinn.example/de",
    ),
    "casino": ("Online-Casino 200 % Bonus ohne Einzahlung 🎰 Link im Profil",),
}

TABLES = LanguageTables(
    lang="de",
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
    brand_informal=BRAND_INFORMAL,
    brand_frame={
        "greet": ("", "", "Hallo {name}! ", "Hi {name}! "),
        "greet_formal": ("", "Hallo {name}! ", "Guten Tag! "),
        "sign": ("", "", " Liebe Grüße, dein Haneul-Team", " 💛"),
        "sign_formal": ("", " Viele Grüße, Ihr Haneul-Team", " Freundliche Grüße aus Hamburg"),
    },
)
