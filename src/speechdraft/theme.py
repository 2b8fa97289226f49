"""The theme of the occasion: a 督察整改推进会 is about inspection, a 河长制工作会议 about
water. The theme leads the tasks and takes the larger share of them."""
from __future__ import annotations

import re

from speechdraft.model import SpeechData

# First match wins: 中央生态环境保护督察整改推进会 is about inspection, not about ecology.
_OCCASIONS = [
    ("inspection", r"督察|整改"),
    ("water", r"河长|湖长|河湖|河长制"),
    ("ecology", r"林长|林长制"),
    ("carbon", r"双碳|碳达峰|碳中和"),
    ("rural", r"人居环境"),
    ("air", r"大气|蓝天"),
]


def theme(data: SpeechData) -> str | None:
    """The domain the occasion names, else the first of `focus`, else none."""
    return named(data) or (data.focus[0] if data.focus else None)


def named(data: SpeechData) -> str | None:
    """The domain the occasion's own name gives, if any (focus aside)."""
    said = f"{data.meeting}{data.title or ''}"
    return next((domain for domain, pattern in _OCCASIONS if re.search(pattern, said)), None)
