"""Who comments: recurring personas (fans, trolls, angry customers, spammers) and passers-by."""

from __future__ import annotations

import random
from dataclasses import dataclass

# Author as written in a record: a handle, or {"handle", "name"}.
AuthorValue = str | dict[str, str]


@dataclass(frozen=True, slots=True)
class Persona:
    """Someone who comes back; `role` decides what they write."""

    handle: str
    lang: str
    channels: tuple[str, ...]
    role: str  # fan | troll | angry | spammer
    name: str = ""
    spam_key: str = ""
    posts: int = 0

    @property
    def author(self) -> AuthorValue:
        return {"handle": self.handle, "name": self.name} if self.name else self.handle


FANS: tuple[Persona, ...] = (
    Persona("yuzu_lover_ji", "ko", ("instagram",), "fan", posts=16),
    Persona("유자덕후", "ko", ("naver_cafe",), "fan", posts=12),
    Persona("coffee.min_", "ko", ("instagram",), "fan", posts=11),
    Persona("summer_seoa", "ko", ("instagram", "youtube"), "fan", posts=10),
    Persona("dal_ddal", "ko", ("youtube",), "fan", posts=8),
    Persona("보리맘", "ko", ("kakao", "naver_cafe"), "fan", posts=8),
    Persona("seoul_sips", "en", ("instagram",), "fan", posts=10),
    Persona("latte_wanderer", "en", ("x",), "fan", posts=8),
    Persona("kaffeeliebe_hh", "de", ("instagram",), "fan", posts=9),
    Persona("jule.brb", "de", ("facebook",), "fan", name="Jule B.", posts=8),
)

TROLLS: tuple[Persona, ...] = (
    Persona("noname_8812", "ko", ("naver_cafe",), "troll", posts=6),
    Persona("진실의입_77", "ko", ("youtube",), "troll", posts=6),
    Persona("truthbomb_404", "en", ("x",), "troll", posts=6),
    Persona("kaffeekritiker99", "de", ("facebook",), "troll", name="Kaffee Kritiker", posts=5),
)

# The returning customers; each posts their language's `ANGRY` texts in order on these days.
ANGRY: tuple[tuple[Persona, tuple[tuple[str, int, int], ...]], ...] = (
    (
        Persona("bluebird_hj", "ko", ("webshop_review",), "angry"),
        (
            ("webshop_review", 1, 21),
            ("kakao", 3, 12),
            ("webshop_review", 5, 9),
            ("instagram", 8, 19),
            ("naver_cafe", 11, 22),
            ("instagram", 14, 13),
            ("kakao", 18, 18),
        ),
    ),
    (
        Persona("jd_waiting", "en", ("x",), "angry"),
        (("x", 6, 20), ("x", 9, 8), ("x", 11, 17), ("x", 14, 21), ("x", 16, 12)),
    ),
    (
        Persona("stammkundin_hh", "de", ("facebook",), "angry", name="Petra H."),
        (("facebook", 4, 10), ("facebook", 8, 19), ("facebook", 12, 7)),
    ),
)

SPAMMERS: tuple[Persona, ...] = (
    Persona("follow4follow.kr", "ko", ("instagram",), "spammer", spam_key="f4f", posts=6),
    Persona(
        "side_income_0808",
        "ko",
        ("naver_cafe", "kakao", "youtube"),
        "spammer",
        spam_key="side_job",
        posts=7,
    ),
    Persona("haneulcoffee_event", "ko", ("instagram",), "spammer", spam_key="fake_event", posts=6),
    Persona("nail_hongdae", "ko", ("instagram",), "spammer", spam_key="nail", posts=4),
    Persona("crypto_signals_vip", "en", ("x", "youtube"), "spammer", spam_key="crypto", posts=6),
    Persona("free_giftcards_26", "en", ("x", "instagram"), "spammer", spam_key="giftcard", posts=5),
    Persona("f4f_daily", "en", ("instagram",), "spammer", spam_key="f4f", posts=4),
    Persona(
        "haneul_gewinnspiel_de", "de", ("facebook",), "spammer", spam_key="gewinnspiel", posts=5
    ),
    Persona("casino_bonus_de", "de", ("facebook", "forum"), "spammer", spam_key="casino", posts=4),
)
# Ordinary ads and follow-for-follow are hidden; scams, phishing and impersonation deleted.
SPAM_TOPIC: dict[str, str] = {
    "f4f": "spam_hide",
    "nail": "spam_hide",
    "side_job": "spam_delete",
    "fake_event": "spam_delete",
    "crypto": "spam_delete",
    "giftcard": "spam_delete",
    "gewinnspiel": "spam_delete",
    "casino": "spam_delete",
}

_ROMAN = (
    "jiwoo",
    "minji",
    "seoa",
    "hyun",
    "dal",
    "bom",
    "haru",
    "yuna",
    "doyun",
    "sol",
    "eunbi",
    "tae",
    "nari",
    "jun",
    "bit",
    "sora",
    "hana",
    "woo",
    "jin",
    "yeon",
    "gyu",
    "ara",
    "chan",
)
_KO_NICKS = (
    "초코송이",
    "밤톨이",
    "라떼는말이야",
    "커피요정",
    "출근러",
    "여름아부탁해",
    "고양이집사",
    "달빛산책",
    "동네주민",
    "아아중독",
    "망고빙수",
    "퇴근하고싶다",
    "구름빵",
    "판교개발자",
    "성수동주민",
    "하루한잔",
    "감자맘",
    "새벽러닝",
    "서면토박이",
    "카공족",
)
_EN = (
    "sam",
    "jess",
    "alex",
    "mia",
    "noah",
    "taylor",
    "jamie",
    "riley",
    "kai",
    "brew",
    "yuzu",
    "latte",
    "seoul",
    "chris",
    "dana",
    "morgan",
    "lou",
    "eli",
    "robin",
    "sky",
)
_DE = (
    "lena",
    "tobi",
    "jule",
    "max",
    "anna",
    "finn",
    "paul",
    "lisa",
    "jonas",
    "nele",
    "kaffee",
    "sophie",
    "ben",
    "lotte",
    "jan",
    "hanna",
    "mo",
    "ida",
)
_DE_INITIALS = "ABDFGHKLMNPRSTW"


def _tidy(handle: str) -> str:
    """No doubled or mixed separators like `sam__k` or `sam._k`."""
    for messy in ("__", "._", "_.", ".."):
        handle = handle.replace(messy, messy[-1])
    return handle


def make_author(rng: random.Random, lang: str, channel: str) -> AuthorValue:
    """A plausible new handle for `lang` on `channel` (Facebook shows names, too)."""
    if lang == "ko":
        if channel in ("naver_cafe", "kakao") and rng.random() < 0.75:
            return f"{rng.choice(_KO_NICKS)}{rng.choice(('', '', str(rng.randrange(2, 99))))}"
        sep = rng.choice(("_", ".", "", "_"))
        tail = rng.choice(
            (
                str(rng.randrange(80, 100)),
                f"{rng.randrange(1, 13):02d}{rng.randrange(1, 29):02d}",
                "log",
                "day",
                "_",
                "zz",
                "coffee",
                str(rng.randrange(1, 999)),
            )
        )
        return _tidy(f"{rng.choice(_ROMAN)}{sep}{tail}")
    if lang == "en":
        tail = rng.choice(
            (
                "_k",
                str(rng.randrange(10, 99)),
                "xo",
                "_seoul",
                "_eats",
                "2026",
                "_irl",
                "_b",
                str(rng.randrange(100, 999)),
            )
        )
        return _tidy(f"{rng.choice(_EN)}{rng.choice(('', '_', '.'))}{tail}")
    first = rng.choice(_DE)
    handle = f"{first}{rng.choice(('_hh', '_muc', '_brb', '.', '_'))}{rng.randrange(70, 99)}"
    if channel == "facebook":
        return {"handle": handle, "name": f"{first.capitalize()} {rng.choice(_DE_INITIALS)}."}
    return handle


def handle_of(author: AuthorValue) -> str:
    return author["handle"] if isinstance(author, dict) else author
