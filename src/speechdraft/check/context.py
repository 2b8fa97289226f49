"""What every rule sees: the paragraphs, the speech's level, the word lists, its year."""
from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from speechdraft.levels import is_autonomous_region
from speechdraft.wordlists import WordLists

CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}


def cn_number(s: str) -> int | None:
    """一 -> 1, 十二 -> 12, 二十 -> 20, 二十三 -> 23; None if not a plain Chinese number."""
    if not s:
        return None
    if all(c in CN_DIGITS for c in s):
        if len(s) == 1:
            return CN_DIGITS[s]
        return None
    if s.count("十") == 1 and all(c in CN_DIGITS or c == "十" for c in s):
        tens, _, ones = s.partition("十")
        t = CN_DIGITS.get(tens, None) if tens else 1
        o = CN_DIGITS.get(ones, None) if ones else 0
        if t is None or o is None or len(tens) > 1 or len(ones) > 1:
            return None
        return t * 10 + o
    return None


def cn_numeral(n: int) -> str:
    """1 -> 一, 12 -> 十二, 20 -> 二十."""
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    if n < 20:
        return "十" + (digits[n % 10] if n % 10 else "")
    if n < 100:
        return digits[n // 10] + "十" + (digits[n % 10] if n % 10 else "")
    return str(n)


@dataclass
class Context:
    paragraphs: list[str]
    level: str | None
    lists: WordLists
    # the speech's year: an outdated formulation counts from its entry's `since`
    year: int = field(default_factory=lambda: datetime.date.today().year)
    province: str | None = None  # the speech's province-level region (--province)

    @property
    def autonomous(self) -> bool:
        return self.province is not None and is_autonomous_region(self.province)
