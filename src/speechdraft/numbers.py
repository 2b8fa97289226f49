"""Numbers the way speeches say them: 93.5 as given, 32000亩 as 3.2万亩, in a metric or in a
writer's own sentence, by one rule."""
from __future__ import annotations

import math
import re
from decimal import Decimal

# Units whose large values are not said in 万 (a rate of 12000% stays so).
_NO_WAN = ("%", "/", "‰")


def number(x: float) -> str:
    """A number exactly as the data gave it: 93.5, 25 (not 25.0), never 1e4."""
    text = format(Decimal(repr(x)).normalize(), "f")
    return text[:-2] if text.endswith(".0") else text


def decimals(x: float) -> int:
    return max(0, -Decimal(repr(x)).normalize().as_tuple().exponent)


def derived(x: float, places: int) -> str | None:
    """A figure the draft computes (a change, a gap): rounded to the data's own precision, and
    at most 15 significant digits (no float noise); None when there is no such number (the
    difference of two huge values overflows)."""
    if not math.isfinite(x):
        return None
    return number(float(f"{round(abs(x), max(1, places)):.15g}"))


def in_wan(value: float) -> str | None:
    """3.2万 for 32000, 1.86亿 for 186000000; None below 10000 or where 万/亿 would not
    stay exact at two places (12345 is not 1.23万)."""
    for divisor, word in ((100_000_000, "亿"), (10_000, "万")):
        scaled = value / divisor
        if abs(value) >= divisor and decimals(round(scaled, 6)) <= 2:
            return f"{number(round(scaled, 2))}{word}"
    return None


def quantity(value: float, unit: str) -> str:
    """3.2万亩 for 32000 亩, 93.5% for rates; 万 only where it stays exact at two places."""
    if not any(u in unit for u in _NO_WAN):
        wan = in_wan(value)
        if wan:
            return f"{wan}{unit}"
    return f"{number(value)}{unit}"


# A number a writer typed before its unit: 32000亩, 18600万元, 32,000亩, 12000余户, and a range
# of two (10000—20000亩), which is said in 万 on both ends or not at all.
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = {"": 1, "万": 10_000, "亿": 100_000_000}
# What follows a number that is no unit: a year (2023年), a document number (12号), a function word.
_NOT_UNIT = "年号届期的是和与及或在"
_UNIT = rf"[\u4e00-\u9fff](?<![{_NOT_UNIT}])"
_FIGURE = re.compile(
    rf"(?<![\d.,A-Za-z/\-_第—–~～])(?P<a>{_NUM})(?:(?P<dash>[—–~～至到])(?P<b>{_NUM}))?"
    rf"(?P<scale>[万亿]|(?=[余多]?{_UNIT}))(?P<more>[余多]?)(?![\d.%％‰\-－])"
)
# A code or standard: GB/T 9704, ISO 14001, HJ 1234 — letters, then a space, then the number.
_CODE_BEFORE = re.compile(r"[A-Za-z][A-Za-z/\-]*\s+$")


def _spoken(text: str, scale: str) -> str | None:
    """32000 (with no scale) → 3.2万; None where that changes nothing (3.2万, 12345万)."""
    wan = in_wan(float(Decimal(text.replace(",", "")) * _SCALE[scale]))
    return wan if wan and wan != text + scale else None


def speakable(text: str) -> str:
    """A writer's sentence with its large numbers said as speeches say them: 32000亩 → 3.2万亩,
    18600万元 → 1.86亿元; years, codes (PM2.5, GB/T 9704), percentages, numbers under 10000 and
    those that would not stay exact in 万 (12345亩) are left as written."""

    def say(m: re.Match) -> str:
        if _CODE_BEFORE.search(m.string, 0, m.start()):
            return m.group(0)
        scale = m.group("scale")
        ends = [m.group("a"), *([m.group("b")] if m.group("b") else [])]
        spoken = [_spoken(x, scale) for x in ends]
        if not all(spoken):
            return m.group(0)
        return (m.group("dash") or "").join(spoken) + m.group("more")

    return _FIGURE.sub(say, text)
