"""Leftover placeholders: ××, ***, ＊＊, XX, 【待补】, and anonymised names (A生态文明思想)."""
from __future__ import annotations

import re

from speechdraft.check.context import Context
from speechdraft.check.findings import ERROR, Finding, make

_CJKISH = r"[\u3400-\u9fff\uff01-\uff5e“”‘’、。《》【】（）\d%]"
_PATTERNS = [
    # ×× of any length; a single × unless it multiplies two numbers (3×4)
    re.compile(r"[×╳]{2,}|(?<![\d\s])[×╳]|[×╳](?![\d\s])"),
    re.compile(r"[ｘＸ]{2,}|(?<![A-Za-z])[Xx]{2,}(?![A-Za-z]|世纪)"),
    # asterisks: *** anywhere, a lone * next to Chinese text or a number (第*轮, *%)
    re.compile(r"[*＊]{2,}|(?<=" + _CJKISH + r")[*＊]|[*＊](?=" + _CJKISH + r")"),
    re.compile(r"[□]{2,}"),
    re.compile(r"[【\[［（(][^】\]］）)]{0,10}?(?:待补|待填|待定|待核|待确认|请填写|请补充|此处[填补插])[^】\]］）)]{0,10}?[】\]］）)]"),
]
# anonymised names, as found on reprint sites: A生态文明思想, 以A同志为核心
_ANON = re.compile(r"(?<![A-Za-z0-9])[A-Z](?=生态文明思想|新时代中国特色社会主义思想|同志为核心|总书记|同志)")
_ANON_XI = re.compile(r"生态文明思想|新时代中国特色社会主义思想|同志为核心|总书记")


def check(ctx: Context) -> list[Finding]:
    out: list[Finding] = []
    for i, text in enumerate(ctx.paragraphs):
        spans: list[tuple[int, int]] = []
        for pat in _PATTERNS:
            spans += [m.span() for m in pat.finditer(text)]
        # merge touching spans: ××％ is one gap, and so is ××××年××月××日; ×××、××× are two
        spans.sort()
        merged: list[list[int]] = []
        for s, e in spans:
            if merged and (s <= merged[-1][1] or (s - merged[-1][1] == 1 and text[s - 1] in "年月日号时分")):
                merged[-1][1] = max(merged[-1][1], e)
            else:
                merged.append([s, e])
        for s, e in merged:
            out.append(make(ctx.paragraphs, i, s, e, "placeholder", ERROR,
                            f"占位符“{text[s:e]}”未替换，请补上实际内容。"))
        for m in _ANON.finditer(text):
            s, e = m.span()
            xi = _ANON_XI.match(text, e)
            sugg = "习近平" if xi else None
            msg = f"“{m.group(0)}”疑为网页转载时隐去的人名，请补全" + ("（应为“习近平”）。" if xi else "。")
            out.append(make(ctx.paragraphs, i, s, e, "placeholder", ERROR, msg, sugg))
    return out
