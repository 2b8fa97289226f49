"""Level words that do not match the speech's level (--level 市): 全县、我县、县委、县政府…
in a city's speech. The speaker's own-area words for a level below the speech's are errors
(全县、我县、县委、县政府); area words (县域、示范县) and a same-rank level (全县 in a 区
speech) are hints, and so is anything with 区 (全区 may mean an autonomous region or a
development zone). Not flagged: text inside 《》, 县（市、区）, 各县, 县级, and any word for a
higher level (全市、我省、市委、市政府 in a county's speech: the county speaks of its city),
except the higher level's own words for itself (我市、本市、全市上下 in a county's speech)."""
from __future__ import annotations

import re

from speechdraft.check.context import Context
from speechdraft.check.findings import ERROR, HINT, Finding, make

LEVELS = ("省", "市", "州", "盟", "县", "区", "旗", "乡", "镇")
RANK = {"省": 1, "市": 2, "州": 2, "盟": 2, "县": 3, "区": 3, "旗": 3, "乡": 4, "镇": 4}

# characters that end a word with 全 (健全、安全…) or 本 (资本、基本…) or 我 (自我)
_QUAN_WORDS = "健完安齐保周万十两成顾求"
_BEN_OK_BEFORE = "在对为是从向把和与及、，。；：“”的了将按据由以至于同比较占（( \t\u3000"
_REGION_SUFFIX = re.compile(r"[（(][县市区旗州盟乡镇、]{1,8}[）)]")


def _party(x: str) -> str:
    return f"{x}党委" if x in ("乡", "镇") else f"{x}委"


def _patterns(x: str) -> list[tuple[re.Pattern[str], str]]:
    """(pattern, form) pairs for the words naming level x as the speaker's own:
    'own' (全县、县委、县政府), 'mine' (我县、本县) or 'area' (县域、示范县)."""
    after = "(?![场面部级域])" if x != "乡" else "(?![场面部级域镇])"
    pats = [
        (re.compile(rf"(?<![{_QUAN_WORDS}])全{x}{after}"), "own"),
        (re.compile(rf"(?<!自)我{x}{after}"), "mine"),
        (re.compile(rf"(?:^|(?<=[{_BEN_OK_BEFORE}]))本{x}{after}"), "mine"),
        (re.compile(rf"{_party(x)}[、和]?{x}政府"), "own"),
    ]
    if x in ("省", "市", "县"):
        pats.append((re.compile(rf"(?<![全各城地区流水海空领])(?<![省市县]){x}域"), "area"))
    if x != "区":  # 示范区 is the general name (国家生态文明建设示范区)
        pats.append((re.compile(rf"示范{x}(?!区)"), "area"))
    return pats


def _inside_book_title(text: str, pos: int) -> bool:
    before = text[:pos]
    return before.count("《") > before.count("》")


def _above(ctx: Context, x: str) -> list[Finding]:
    """我市、本市、全市上下 in a county's speech: the county speaking as if it were its city."""
    out: list[Finding] = []
    after = "(?![场面部级域])"
    pat = re.compile(rf"(?<!自)我{x}{after}|(?:^|(?<=[{_BEN_OK_BEFORE}]))本{x}{after}"
                     rf"|(?<![{_QUAN_WORDS}])全{x}(?=上下)")
    for i, text in enumerate(ctx.paragraphs):
        for m in pat.finditer(text):
            s, e = m.span()
            if _inside_book_title(text, s):
                continue
            word = m.group(0)
            sugg = word.replace(x, ctx.level)
            msg = (f"这是一篇{ctx.level}级讲话，“{word}”是{x}一级的自称，应为“{sugg}”"
                   f"（称上级可用“{_party(x)}、{x}政府”）。")
            out.append(make(ctx.paragraphs, i, s, e, "level", ERROR, msg, sugg))
    return out


def check(ctx: Context) -> list[Finding]:
    level = ctx.level
    if not level:
        return []
    if level not in RANK:
        raise ValueError(f"unknown level {level!r}")
    r = RANK[level]
    out: list[Finding] = []
    for x in LEVELS:
        if x == level:
            continue
        rx = RANK[x]
        if rx < r:
            if x != "省":  # every speech may say 我省
                out += _above(ctx, x)
            continue
        for pat, form in _patterns(x):
            for i, text in enumerate(ctx.paragraphs):
                for m in pat.finditer(text):
                    s, e = m.span()
                    if _inside_book_title(text, s) or _REGION_SUFFIX.match(text, e):
                        continue
                    if rx > r and form in ("own", "mine") and x != "区":
                        sev = ERROR
                    else:
                        sev = HINT
                    word = m.group(0)
                    sugg = word.replace(_party(x), _party(level)).replace(x, level)
                    also = "、自治区或开发区" if x == "区" else ""
                    msg = f"这是一篇{level}级讲话，“{word}”与层级不符，应为“{sugg}”（若确指{x}一级{also}，可不改）。"
                    out.append(make(ctx.paragraphs, i, s, e, "level", sev, msg, sugg))
    return out
