"""省 words in an autonomous region's speech (--province 内蒙古自治区): there is no 省 there,
so 全省、我省、省委、省政府、省市 should be 全区、我区、自治区党委、自治区政府、区市. Not flagged:
another province's own words (浙江省委), 各省（区、市）, 兄弟省市, text inside 《》."""
from __future__ import annotations

import re

from speechdraft.check.context import Context
from speechdraft.check.findings import ERROR, Finding, make

# the other provinces by short name: 浙江省委 is that province's, not a slip
_PROVINCES = ("河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽", "福建", "江西", "山东", "河南",
              "湖北", "湖南", "广东", "海南", "四川", "贵州", "云南", "陕西", "甘肃", "青海", "台湾")
_WORDS = {
    "全省": "全区", "我省": "我区", "本省": "本区", "省委": "自治区党委", "省政府": "自治区政府",
    "省市": "区市",
}
_PATTERN = re.compile(
    r"(?<![健完安齐保周万十两成顾求])全省(?!去|略|份)"
    r"|(?<!自)我省|(?<![资基根成日版])本省"
    r"|(?<![节反自各外])省委(?![托员])|(?<![节反自各外])省政府"
    r"|(?<![节反自各外弟])省市(?![场民])"
)
_TAIL = re.compile(r"[（(][区市、]{1,6}[）)]")  # 各省（区、市）


def check(ctx: Context) -> list[Finding]:
    if not ctx.autonomous:
        return []
    out: list[Finding] = []
    for i, text in enumerate(ctx.paragraphs):
        for m in _PATTERN.finditer(text):
            s, e = m.span()
            if text[:s].count("《") > text[:s].count("》") or _TAIL.match(text, e):
                continue
            if any(text.endswith(p, 0, s) for p in _PROVINCES):
                continue
            word = m.group(0)
            right = _WORDS[word]
            out.append(make(ctx.paragraphs, i, s, e, "region", ERROR,
                            f"自治区的讲话不用“省”：“{word}”应为“{right}”。", right))
    return out
