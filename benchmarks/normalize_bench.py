"""Time normalize_text and detect_language on typical short comments (µs per comment).

The machine may be shared, so time is process CPU time, each figure is the best of
several repeats, and a fixed reference operation (sum over 100 ints) is printed too.
"""

from __future__ import annotations

import time
import timeit
from collections.abc import Callable

from comity.triage.normalize import normalize_text

# Our own sentences, about 30-60 characters each, in the mix the triage engine sees.
COMMENTS = [
    "배송이 너무 늦어요 벌써 일주일째인데 언제 오나요? 답답하네요 ㅠㅠ",
    "유자 에이드 진짜 맛있어요 ㅋㅋㅋㅋ 여름에 딱이네요 👍👍",
    "시1발 이게 무슨 서비스냐 ㅅㅂ 환불해줘라 진짜 어이없네",
    "The new flavour is soooo good, ordered twice this week already!",
    "wtf is this sh1t, my order never arrived and nobody answers",
    "Die Lieferung kam beschädigt an, wer ersetzt mir das bitte?",
    "Einfach nur lecker, danke an das Team in der Filiale Köln!",
    "가격 4,500원 맞나요? 매장 오픈 시간 10:30 맞는지 궁금해요",
]


def best_us(func: Callable[[], object], number: int, repeat: int = 7) -> float:
    """Best-of-repeat microseconds per call."""
    timer = timeit.Timer(func, timer=time.process_time)
    return min(timer.repeat(number=number, repeat=repeat)) / number * 1e6


def bench(name: str, func: Callable[[str], object], number: int = 2000) -> None:
    """Print the best mean microseconds per comment for func over COMMENTS."""
    per_batch = best_us(lambda: [func(c) for c in COMMENTS], number)
    print(f"{name:<18} {per_batch / len(COMMENTS):6.2f} µs/comment")


if __name__ == "__main__":
    print(f"{'reference sum100':<18} {best_us(lambda: sum(range(100)), 20000):6.2f} µs")
    bench("normalize_text", normalize_text)
    try:
        from comity.triage.langid import detect_language
    except ImportError:
        pass
    else:
        bench("detect_language", detect_language)
