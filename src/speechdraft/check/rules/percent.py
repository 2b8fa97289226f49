"""A change in a rate or share written with % where 百分点 is meant:
优良天数比例同比上升1.4% → 上升1.4个百分点; and a rate that cannot pass 100% written above it
(森林覆盖率达到105%)."""
from __future__ import annotations

import re

from speechdraft.check.context import Context
from speechdraft.check.findings import ERROR, HINT, Finding, make

_COMPARE = r"(?:同比|环比|较上年同期|比上年同期|较上年|比上年|较去年|比去年|较(?:19|20)\d\d年|比(?:19|20)\d\d年|较上期|较基准年)?"
_ADVERB = r"(?:持续|稳步|大幅|明显|分别|有所|累计|共)?"
_VERB = r"(?:上升|下降|提高|降低|增加|减少|增长|提升|回落|下滑)"
_PATTERN = re.compile(
    r"(?:比例|比重|占比|(?<![效功频汇税速产])率(?![先领]))"
    r"(?:[^，。；！？,;:：%％\d]{0,10}?(?:达到|达|为|是|到|至)\s*\d+(?:\.\d+)?\s*[%％]\s*[，,、]?)?"
    + _COMPARE + _ADVERB + _VERB + r"了?\s*(?P<num>\d+(?:\.\d+)?)\s*[%％]"
)

# rates that cannot pass 100% (完成率、增长率、毛入学率 can, and are left alone)
_BOUNDED = re.compile(
    r"(?:覆盖|达标|合格|优良|利用|处理|处置|收集|普及|参保|满意|知晓|治理|办结|完好|清运|绿化|城镇化|保有|"
    r"消除|整改|销号)率|比例|占比|比重"
)
_VALUE = re.compile(r"(?:达到|达|为|是|提高到|提升到|上升到|升至|增至|增加到|保持在|稳定在)?\s*(?P<num>\d+(?:\.\d+)?)\s*[%％]")


def _over_100(ctx: Context, i: int, text: str) -> list[Finding]:
    out = []
    for m in _BOUNDED.finditer(text):
        v = _VALUE.match(text, m.end())
        if v and float(v.group("num")) > 100:
            s, e = v.start("num"), v.end()
            out.append(make(ctx.paragraphs, i, s, e, "rate-over", ERROR,
                            f"“{m.group(0)}”不会超过100%，“{text[s:e]}”有误，请核对数字。"))
    return out


def check(ctx: Context) -> list[Finding]:
    out: list[Finding] = []
    for i, text in enumerate(ctx.paragraphs):
        for m in _PATTERN.finditer(text):
            s, e = m.start("num"), m.end()
            num = m.group("num")
            out.append(make(ctx.paragraphs, i, s, e, "percent-point", HINT,
                            f"比例、比率的增减应以“百分点”表示：“{text[s:e]}”宜为“{num}个百分点”"
                            "（若确指相对增幅，可不改）。", f"{num}个百分点"))
        out += _over_100(ctx, i, text)
    return out
