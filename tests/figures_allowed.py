"""Which numbers a draft may contain: those the data gives, and what a writer derives from them
(a change on last year, the distance to a target, 32000 亩 as 3.2万亩, also in the writer's own
sentences). Years, ordinals and names such as PM2.5 aside."""
from __future__ import annotations

import re
from decimal import Decimal

from speechdraft.model import SpeechData

_NUMBER = re.compile(r"\d+(?:\.\d+)?")
# A year (2023年, 2035年), or a number inside a name (PM2.5, PM10).
_ASIDE = re.compile(r"(?:19|20)\d\d(?=年)|PM\d+(?:\.\d+)?")


def numbers_in(text: str) -> list[str]:
    return _NUMBER.findall(_ASIDE.sub(" ", text))


def allowed(data: SpeechData) -> set[Decimal]:
    texts = [data.meeting, data.title or "", data.region.name]
    texts += [x.text for x in (*data.achievements, *data.problems, *data.priorities)]
    texts += [m.name + m.unit for m in data.metrics]
    if data.speaker:
        texts += [data.speaker.name or "", data.speaker.role or ""]
    found = {Decimal(x) for t in texts for x in _NUMBER.findall(t)}
    # 32000亩 said 3.2万亩, 18600万元 said 1.86亿元
    found |= {x for n in list(found) for x in (*_in_wan(float(n)), *_in_wan(float(n) * 10_000))}
    for m in data.metrics:
        for v in (m.value, m.previous, m.target, m.goal):
            if v is not None:
                found |= {Decimal(repr(v)), *_in_wan(v)}
        for other in (m.previous, m.target):
            if other is not None:
                diff = abs(m.value - other)
                found |= {Decimal(str(round(diff, k))) for k in (1, 2, 3, 4)} | _in_wan(diff)
                if other:
                    found.add(Decimal(str(round(diff / abs(other) * 100, 1))))
    return {x.normalize() for x in found}


def _in_wan(v: float) -> set[Decimal]:
    return {Decimal(str(round(v / d, 2))) for d in (10_000, 100_000_000)}


def stray_numbers(text: str, data: SpeechData) -> list[str]:
    ok = allowed(data)
    return [n for n in numbers_in(text) if Decimal(n).normalize() not in ok]
