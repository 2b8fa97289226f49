"""Slips in a data file that its types let through: what cannot be right is refused, what is
probably wrong is drafted with a warning (silenced by `confirm: true` on the metric)."""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from speechdraft.levels import LEVELS
from speechdraft.measure import unit_of
from speechdraft.model import Metric, SpeechData
from speechdraft.numbers import number

# Beyond these no figure of a speech goes (a province's GDP in 元 is about 10^13): a value
# out there is a slip of the exponent, and its change on last year would print as a
# number hundreds of digits long.
LARGEST, SMALLEST = 1e15, 1e-6

# A rate or a share (覆盖率, 优良天数比例, 占比) is a part of a whole: at most 100%. A change
# (增长率 150%) or a plan's completion (投资完成率 120%) can be more.
_SHARE = re.compile(r"率|比例|比重|占比")
_NOT_SHARE = re.compile(r"增|提高|提升|上升|完成|超|变化|倍")
_CONCENTRATION_UNIT = re.compile(r"克/(?:立方)?米|克/升|g/(?:m|L|l)|ppm|ppb", re.IGNORECASE)
_COUNT_UNITS = {"个", "家", "座", "处", "条", "人", "名", "次", "项", "台", "辆", "户", "所", "件", "起", "天", "只", "头",
                "株", "宗", "批", "场", "万人", "万户", "万株"}
_CHANGE = re.compile(r"增|减|降|变化|差")

_SCOPE = re.compile(rf"(?:\d{{4}}\s*年度?)?\s*全([{''.join(LEVELS)}])(?!域)")

CONFIRM = "如确认无误，在该指标中加 confirm: true 即不再提示"


@dataclass(frozen=True)
class Slip:
    field: str  # as messages name it: metrics.第1项.value
    message: str


def is_share(m: Metric) -> bool:
    return m.unit in ("%", "‰") and bool(_SHARE.search(m.name)) and not _NOT_SHARE.search(m.name)


def impossible(speech: SpeechData, today: dt.date | None = None) -> Slip | None:
    """The first figure or word of the data that cannot be right, or None."""
    return next(_impossible(speech, today or dt.date.today()), None)


def _impossible(speech: SpeechData, today: dt.date) -> Iterator[Slip]:
    for n, m in enumerate(speech.metrics, 1):
        for key in ("value", "previous", "target", "goal"):
            x = getattr(m, key)
            if x is not None:
                if problem := _impossible_figure(m, x):
                    yield Slip(f"metrics.第{n}项.{key}", f"“{m.name}”的{problem}")
    if speech.date and speech.date > today + dt.timedelta(days=366):
        yield Slip("date", f"讲话日期 {speech.date} 比今天晚一年以上；请核对年份")
    if speech.year is not None:
        if speech.date and speech.year > speech.date.year:
            yield Slip("year", f"指标年份 {speech.year} 晚于讲话日期 {speech.date}；"
                               f"year 是指标所属的年份，一般是讲话的上一年（{speech.date.year - 1}）")
        elif not speech.date and speech.year > today.year:
            yield Slip("year", f"指标年份 {speech.year} 还没有到；year 是指标所属的年份，一般是讲话的上一年")
    # The level word a meeting's name opens with (2024年全市…) is the meeting's own scope; one
    # further in may be another level's (全县贯彻落实全省…精神).
    level = speech.region.level
    scope = _SCOPE.match(speech.meeting)
    if scope and scope.group(1) != level:
        word = scope.group(1)
        yield Slip("meeting", f"会议名称中的“全{word}”与地区层级“{level}”不符；"
                              f"请改为“全{level}”，或把 region 的 level 改为 {word}")


def _impossible_figure(m: Metric, x: float) -> str | None:
    written = number(x) if abs(x) < LARGEST and (x == 0 or abs(x) >= SMALLEST) else repr(x)
    if abs(x) >= LARGEST:
        return f"数值 {written} 大得不合常理；请核对，大的数可换用“万”“亿”作单位（如 unit: 万亩）"
    if x and abs(x) < SMALLEST:
        return f"数值 {written} 小得不合常理；请核对，或换用更小的单位"
    if is_share(m):
        whole = 100 if m.unit == "%" else 1000
        if x > whole:
            return f"数值 {written}{m.unit} 超过了 {whole}{m.unit}；比率、占比不会超过 {whole}{m.unit}，请核对"
        if x < 0:
            return f"数值 {written}{m.unit} 是负数；比率、占比不会是负数，请核对"
    if x < 0 and ("浓度" in m.name or _CONCENTRATION_UNIT.search(m.unit)):
        return f"数值 {written} 是负数；浓度不会是负数，请核对"
    if x < 0 and unit_of(m) in _COUNT_UNITS and not _CHANGE.search(m.name):
        return f"数值 {written}{unit_of(m)} 是负数；个数、天数不会是负数，请核对"
    return None


def doubts(speech: SpeechData) -> list[Slip]:
    """What is probably a slip but may be meant: drafted as written, with a warning."""
    found = []
    for n, m in enumerate(speech.metrics, 1):
        if m.confirm:
            continue
        where = f"metrics.第{n}项"
        if not unit_of(m):  # a count is said with its measure word (锅炉12台): it has a unit
            found.append(Slip(f"{where}.unit", f"指标“{m.name}”没有单位，稿中只写作“{number(m.value)}”；"
                                               f"请补上 unit（如 \"%\"、天、亩）；{CONFIRM}"))
        if m.target and m.target > 0 and m.value > 0 and (
            m.value >= 2 * m.target if m.better == "higher" else m.value <= m.target / 2
        ):
            found.append(Slip(f"{where}.target", f"指标“{m.name}”的数值 {number(m.value)} 与目标值 {number(m.target)} "
                                                 f"相差一倍以上，目标值或单位可能写错了；请核对；{CONFIRM}"))
        if m.previous and m.previous > 0 and m.value > 0 and not 0.1 < m.value / m.previous < 10:
            found.append(Slip(f"{where}.previous", f"指标“{m.name}”由上年的 {number(m.previous)} 变为 "
                                                   f"{number(m.value)}，相差十倍以上，上年数值或单位可能写错了"
                                                   f"（如 亩 与 万亩）；请核对；{CONFIRM}"))
    return found


def render(slip: Slip, file: str | None = None) -> str:
    """A warning as the writer reads it on the screen or in a batch row."""
    where = "，".join(part for part in (f"文件 {file}" if file else "", f"字段 {slip.field}") if part)
    return f"注意：{where}：{slip.message}"
