"""Say a metric the way these speeches do: value, change on last year, the target met or missed."""
from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from speechdraft.model import Metric

# Units whose large values read better in 万 (3.2万亩, not 32000亩).
_NO_WAN = ("%", "/", "‰")
# A change on last year beyond ten times is said in words, not as a long percentage.
_LARGEST_PERCENT = 1000


def number(x: float) -> str:
    """A number exactly as the data gave it: 93.5, 25 (not 25.0), never 1e4."""
    text = format(Decimal(repr(x)).normalize(), "f")
    return text[:-2] if text.endswith(".0") else text


def _decimals(x: float) -> int:
    return max(0, -Decimal(repr(x)).normalize().as_tuple().exponent)


def _derived(x: float, places: int) -> str | None:
    """A figure the draft computes (a change, a gap): rounded to the data's own precision, and
    at most 15 significant digits (no float noise); None when there is no such number (the
    difference of two huge values overflows)."""
    if not math.isfinite(x):
        return None
    return number(float(f"{round(abs(x), max(1, places)):.15g}"))


def quantity(value: float, unit: str) -> str:
    """3.2万亩 for 32000 亩, 93.5% for rates; 万 only where it stays exact at two places."""
    if abs(value) >= 10_000 and not any(u in unit for u in _NO_WAN):
        for divisor, word in ((100_000_000, "亿"), (10_000, "万")):
            scaled = value / divisor
            if abs(value) >= divisor and _decimals(round(scaled, 6)) <= 2:
                return f"{number(round(scaled, 2))}{word}{unit}"
    return f"{number(value)}{unit}"


@dataclass(frozen=True)
class Figure:
    """One metric as a clause of a sentence, and whether it is good news."""

    clause: str
    good: bool
    better: bool = False  # improved on last year or met its target: a figure a claim of results may rest on


@lru_cache(maxsize=1024)  # the composer asks for each metric's figure once per domain and fit
def describe(m: Metric) -> Figure:
    rate = m.unit == "%"
    places = max(_decimals(m.value), _decimals(m.previous or 0), _decimals(m.target or 0))
    sign = 1 if m.better == "higher" else -1

    improved = worse = False
    change = ""
    if m.previous is not None:
        diff = m.value - m.previous
        improved, worse = diff * sign > 0, diff * sign < 0
        up = diff > 0
        if round(diff, 6) == 0:
            change = "与上年持平"
        elif rate:
            points = _derived(diff, places)
            change = f"同比{'上升' if up else '下降'}{points}个百分点" if points else f"同比大幅{'上升' if up else '下降'}"
        elif m.previous:
            pct = diff / m.previous * 100
            word = ("上升" if up else "下降") if "/" in m.unit else ("增长" if up else "下降")
            if not math.isfinite(pct) or abs(pct) >= _LARGEST_PERCENT:
                change = f"同比大幅{word}"  # 增长12345678%: no speech says it, nor has a figure so long
            else:
                change = f"同比{word}{_derived(pct, 1)}%" if round(abs(pct), 1) else "与上年基本持平"

    missed = False
    target = ""
    if m.target is not None:
        gap = (m.value - m.target) * sign
        goal = quantity(m.target, m.unit)
        if gap > 0 or round(gap, 6) == 0:
            target = f"优于{goal}的目标" if gap > 0 else "完成目标任务"
        else:
            missed = True
            unit = "个百分点" if rate else m.unit
            short = _derived(gap, places)
            target = f"距{goal}的目标还差{short}{unit}" if short else f"距{goal}的目标还有较大差距"

    if m.better == "higher":
        verb = "为" if worse else "提高到" if improved and rate else "达到"
    else:
        verb = "降至" if improved else "为"
    parts = [f"{m.name}{verb}{quantity(m.value, m.unit)}", change, target]
    return Figure(clause="，".join(p for p in parts if p), good=not (worse or missed),
                  better=improved or (m.target is not None and not missed))


@dataclass(frozen=True)
class Frame:
    """One way of saying a figure: `frame` names the sentence's shape, the same for the same shape."""

    frame: str
    clause: str


def clauses(m: Metric) -> list[Frame]:
    return [Frame("plain", describe(m).clause)]


def goal_clause(m: Metric) -> str | None:
    if m.goal is None:
        return None
    higher = m.better == "higher"
    return f"{m.name}{'达到' if higher else '控制在'}{quantity(m.goal, m.unit)}{'以上' if higher else '以内'}"


def speakable(text: str) -> str:
    return text
