"""Say a metric the way these speeches do: value, change on last year, the target met or missed,
in several sentence frames that all say the same facts; and next year's goal as a task says it."""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from speechdraft.measure import unit_of
from speechdraft.model import Metric
from speechdraft.numbers import decimals, derived, quantity

# A change on last year beyond ten times is said in words, not as a long percentage.
_LARGEST_PERCENT = 1000
# A name ending in a digit or letter (PM2.5) cannot take its value straight after it.
_NO_BARE = re.compile(r"[0-9A-Za-z.]$")


@dataclass(frozen=True)
class Frame:
    """One way of saying a metric. `frame` names the sentence's shape, the same for every metric
    said that way: the shape of value and change (value.yoy, from-to …), then, after "+", that
    of the target (exceeded, met, short-of, gap-to) where there is one."""

    frame: str
    clause: str


@dataclass(frozen=True)
class Figure:
    """One metric as a clause of a sentence, and whether it is good news."""

    clause: str
    good: bool
    # Improved on last year, or met its target without getting worse: a figure a claim of
    # results may rest on. A flat figure is no result unless it met its target.
    better: bool = False


@dataclass(frozen=True)
class _Facts:
    """What the data says of a metric, in words; every frame says all of it."""

    name: str
    value: str  # 93.5%
    previous: str  # 92.1%, or "" where there is no change to say
    kind: str  # rate (%), ratio (a unit with /) or amount
    higher: bool  # higher is better
    up: bool
    improved: bool
    worse: bool
    flat: str  # 与上年持平, 与上年基本持平, or ""
    delta: str | None  # 1.4个百分点, 3.8%; None where the change is too large to say but 大幅
    target: tuple[tuple[str, str], ...]  # the target's words, one per frame in turn: (shape, text)
    met: bool
    missed: bool


def _facts(m: Metric) -> _Facts:
    unit = unit_of(m)
    rate = m.unit == "%"
    places = max(decimals(m.value), decimals(m.previous or 0), decimals(m.target or 0))
    sign = 1 if m.better == "higher" else -1

    up = improved = worse = False
    flat, delta, previous = "", None, ""
    if m.previous is not None:
        diff = m.value - m.previous
        up = diff > 0
        if round(diff, 6) == 0:
            flat = "与上年持平"
        elif rate:
            points = derived(diff, places)
            delta = f"{points}个百分点" if points else None
        elif m.previous:
            pct = diff / m.previous * 100
            if math.isfinite(pct) and abs(pct) < _LARGEST_PERCENT:
                if round(abs(pct), 1):
                    delta = f"{derived(pct, 1)}%"
                else:
                    flat = "与上年基本持平"
            # else 增长12345678%: no speech says it, nor has a figure so long; said 大幅
        if not flat:
            improved, worse = diff * sign > 0, diff * sign < 0
            # A change from nothing (previous 0) has no percentage: only the value is said.
            previous = quantity(m.previous, unit) if rate or m.previous else ""

    met = missed = False
    target: tuple[tuple[str, str], ...] = ()
    if m.target is not None:
        gap = round((m.value - m.target) * sign, 6)
        goal = quantity(m.target, unit)
        if gap > 0:
            met, target = True, (("exceeded", "超额完成年度目标任务"), ("exceeded", "超额完成目标任务"))
        elif gap == 0:
            met, target = True, (("met", "完成目标任务"), ("met", "完成年度目标任务"))
        else:
            missed = True
            short = derived(gap, places)
            if short is None:
                target = (("short-of", f"距{goal}的目标还有较大差距"), ("gap-to", f"与{goal}的目标还有较大差距"))
            else:
                said = f"{short}个百分点" if rate else quantity(float(short), unit)
                target = (("short-of", f"距{goal}的目标还差{said}"), ("gap-to", f"与{goal}的目标还有{said}的差距"))

    return _Facts(name=m.name, value=quantity(m.value, unit), previous=previous,
                  kind="rate" if rate else "ratio" if "/" in m.unit else "amount",
                  higher=m.better == "higher", up=up, improved=improved, worse=worse, flat=flat,
                  delta=delta, target=target, met=met, missed=missed)


def _changed(f: _Facts) -> list[tuple[str, str]]:
    """Value and a change on last year, in the words speeches use for each direction."""
    amount = f.kind == "amount"
    if f.up:
        yoy = "增长" if amount else "上升"
        than = ("增长" if f.improved else "增加") if amount else "提高" if f.improved else "上升"
        to = "增加到" if amount else "提高到" if f.improved else "上升到"
    else:
        yoy = "下降"
        than = "减少" if amount else "降低" if f.improved and f.kind == "rate" else "下降"
        to = "减少到" if amount else "下降到"
    if f.worse:
        main = plain = reached = "为"
    elif f.higher:
        rate = f.kind == "rate"
        main, plain, reached = "提高到" if rate else "达到", "达到" if rate else "为", "达到"
    else:
        main, plain, reached = "降至", "为", "降至"

    def change(word: str) -> str:
        return f"{word}{f.delta}" if f.delta else f"大幅{word}"

    n, v = f.name, f.value
    frames = [("value.yoy", f"{n}{main}{v}，同比{change(yoy)}"),
              ("value.than", f"{n}{plain}{v}，比上年{change(than)}"),
              ("from-to", f"{n}由{f.previous}{to}{v}"),
              ("change.value", f"{n}较上年{change(than)}，{reached}{v}")]
    if not _NO_BARE.search(n):
        frames.append(("bare.yoy", f"{n}{v}，同比{change(yoy)}"))
    return frames


def _flat(f: _Facts) -> list[tuple[str, str]]:
    n, v = f.name, f.value
    frames = [("value.flat", f"{n}为{v}，{f.flat}"), ("flat.value", f"{n}{f.flat}，为{v}")]
    if f.flat == "与上年持平":  # 保持在 says the very value of last year, not one close to it
        frames.insert(1, ("keep", f"{n}保持在{v}"))
    if not _NO_BARE.search(n):
        frames.append(("bare.flat", f"{n}{v}，{f.flat}"))
    return frames


def _unchanged(f: _Facts) -> list[tuple[str, str]]:
    """The value alone: no last year to compare with."""
    n, v = f.name, f.value
    if f.higher:
        frames = [("value", f"{n}{'为' if f.worse else '达到'}{v}"), ("value.short", f"{n}{'为' if f.worse else '达'}{v}")]
    else:
        frames = [("value", f"{n}为{v}")]
        if f.met:  # a lower-is-better figure within its target is one held down
            frames.append(("control", f"{n}控制在{v}"))
    if not _NO_BARE.search(n):
        frames.append(("bare", f"{n}{v}"))
    return frames


def clauses(m: Metric) -> list[Frame]:
    """Every way this module says the metric, the plainest first; all say the same facts."""
    return list(_clauses(m))


# Bigger than the metrics of any data file (1 MB at most): the planner and the wording ask
# for every metric's frames many times a draft, and a cache smaller than that missed on every call.
CACHED_METRICS = 1 << 15


@lru_cache(maxsize=CACHED_METRICS)
def _clauses(m: Metric) -> tuple[Frame, ...]:
    f = _facts(m)
    frames = _flat(f) if f.flat else _changed(f) if f.previous else _unchanged(f)
    if not f.target:
        return tuple(Frame(shape, text) for shape, text in frames)
    # The target's wordings take turns, so that alternatives differ in it too.
    said = [f.target[k % len(f.target)] for k in range(len(frames))]
    return tuple(Frame(f"{shape}+{tail}", f"{text}，{words}") for (shape, text), (tail, words) in zip(frames, said))


@lru_cache(maxsize=CACHED_METRICS)
def describe(m: Metric) -> Figure:
    f = _facts(m)
    return Figure(clause=_clauses(m)[0].clause, good=not (f.worse or f.missed),
                  better=f.improved or (f.met and not f.worse))


def goal_clause(m: Metric) -> str | None:
    """Next year's target as a task states it (达到88%以上, 控制在25微克/立方米以内), for the
    speech to wrap in its verb of obligation; None where the data gives no goal."""
    if m.goal is None:
        return None
    goal = quantity(m.goal, unit_of(m))
    if m.better == "higher":
        # 以上 where more is possible: a rate of 100% is all there is.
        return f"{m.name}达到{goal}{'' if m.unit == '%' and m.goal >= 100 else '以上'}"
    return f"{m.name}控制在{goal}{'以内' if m.goal > 0 else ''}"
