"""Punctuation: half-width marks between Chinese characters; unbalanced quotes and
brackets; 顿号 between quoted items; doubled or clashing marks (。。 ，。 、、); ASCII quotes
around Chinese text (GB/T 15834-2011)."""
from __future__ import annotations

import re

from speechdraft.check.context import Context
from speechdraft.check.findings import ERROR, HINT, Edit, Finding, make
from speechdraft.punct import find_half_width

_OPEN = {"“": "”", "‘": "’", "（": "）", "(": ")", "《": "》", "【": "】", "「": "」", "〔": "〕", "『": "』"}
_CLOSE = {v: k for k, v in _OPEN.items()}
_MARKS = re.compile("[" + re.escape("".join(_OPEN) + "".join(_CLOSE)) + "]")
_NAMES = {"“": "前引号“", "”": "后引号”", "‘": "前单引号‘", "’": "后单引号’", "（": "前括号（", "）": "后括号）",
          "(": "前括号(", ")": "后括号)", "《": "前书名号《", "》": "后书名号》", "【": "前方括号【",
          "】": "后方括号】", "「": "前引号「", "」": "后引号」", "〔": "前六角括号〔", "〕": "后六角括号〕",
          "『": "前引号『", "』": "后引号』"}
# a paragraph that ends like this is finished; otherwise it was cut mid-sentence (page break)
_FINISHED = "。！？!?；;：:…”’）)》」』】"
# 1） a） ①) as list markers have no opening bracket
_LIST_MARK = re.compile(r"(?:^|(?<=[\s，。；：、]))[0-9A-Za-z一二三四五六七八九十]{1,2}[）)]")
_DUNHAO = re.compile(r"(?<=[”》])、(?=[“《])")
_RUN = re.compile(r"[。，、；：]{2,}")
_STRENGTH = "、，：；。"  # of two clashing marks the stronger one stays
_ASCII_QUOTED = re.compile(r'"([^"\n]{1,80})"')
_HAN = re.compile(r"[\u4e00-\u9fff]")


def _doubled(ctx: Context, i: int, text: str) -> list[Finding]:
    out = []
    for m in _RUN.finditer(text):
        run = m.group(0)
        if len(set(run)) == 1 and run[0] == "。" and len(run) >= 3:
            out.append(make(ctx.paragraphs, i, m.start(), m.end(), "double-punct", ERROR,
                            f"“{run}”不是规范的省略号，省略号应为“……”。", "……"))
        elif len(set(run)) == 1:
            out.append(make(ctx.paragraphs, i, m.start(), m.end(), "double-punct", ERROR,
                            f"标点“{run[0]}”重复了，应只保留一个。", run[0], (Edit(m.start(), m.end(), run[0]),)))
        else:
            keep = max(run, key=_STRENGTH.index)
            out.append(make(ctx.paragraphs, i, m.start(), m.end(), "double-punct", ERROR,
                            f"“{run}”连用，应只保留“{keep}”。", keep))
    return out


def _ascii_quotes(ctx: Context, i: int, text: str) -> list[Finding]:
    if text.count('"') % 2:
        return []  # an odd one out: which mark pairs with which is not certain
    out = []
    for m in _ASCII_QUOTED.finditer(text):
        inner = m.group(1)
        if not _HAN.search(inner):
            continue
        new = f"“{inner}”"
        out.append(make(ctx.paragraphs, i, m.start(), m.end(), "ascii-quote", ERROR,
                        "中文引文应使用全角引号“”，不用半角引号\"\"。", new,
                        (Edit(m.start(), m.start() + 1, "“"), Edit(m.end() - 1, m.end(), "”"))))
    return out


def _halfwidth(ctx: Context, i: int, text: str) -> list[Finding]:
    fixes = find_half_width(text)
    if not fixes:
        return []
    marks = "".join(dict.fromkeys(f.old.strip() for f in fixes))
    edits = tuple(Edit(f.start, f.end, f.new) for f in fixes)
    first = fixes[0]
    n = len(fixes)
    msg = f"本段有 {n} 处半角标点（{' '.join(marks)}）用在汉字之间，应改为全角（，；：？！（））。"
    return [make(ctx.paragraphs, i, first.start, first.end, "halfwidth-punct", ERROR, msg,
                 first.new, edits)]


def _is_apostrophe(text: str, k: int) -> bool:
    return 0 < k < len(text) - 1 and text[k - 1].isascii() and text[k - 1].isalpha() and text[k + 1].isascii() and text[k + 1].isalpha()


def _pairs(open_ch: str, close_ch: str) -> bool:
    return _OPEN[open_ch] == close_ch or (open_ch in "(（" and close_ch in ")）")


def _unclosed(paras, pi, pk, pch, rev) -> Finding:
    if rev:
        return make(paras, pi, pk, pk + 1, "unbalanced", ERROR, "后引号”前面没有对应的前引号“。")
    return make(paras, pi, pk, pk + 1, "unbalanced", ERROR,
                f"{_NAMES[pch]}没有对应的{_NAMES[_OPEN[pch]]}。")


def check(ctx: Context) -> list[Finding]:
    out: list[Finding] = []
    paras = ctx.paragraphs
    carried: list[tuple[int, int, str, bool]] = []  # marks still open
    for i, text in enumerate(paras):
        out += _halfwidth(ctx, i, text)
        out += _doubled(ctx, i, text)
        out += _ascii_quotes(ctx, i, text)

        for m in _DUNHAO.finditer(text):
            out.append(make(paras, i, m.start(), m.end(), "quote-dunhao", HINT,
                            "标有引号或书名号的并列成分之间通常不用顿号（GB/T 15834—2011）。", ""))

        list_marks = {m.end() - 1 for m in _LIST_MARK.finditer(text)}
        stack = list(carried)  # (paragraph, offset, char, reversed?)
        carried = []
        for mark in _MARKS.finditer(text):  # nothing else in the paragraph opens or closes
            k, ch = mark.start(), mark.group()
            if ch == "“" and stack and stack[-1][3]:
                out.append(_unclosed(paras, *stack.pop()))  # that ” really lacked its “
            if ch == "“" and stack and stack[-1][2] == "“":
                # Chinese text nests ‘’ inside “”, never “ inside “: this one should close
                pi, pk, _, rev = stack.pop()
                out.append(make(paras, i, k, k + 1, "unbalanced", ERROR,
                                "后引号误写成了前引号“，应为”。", "”"))
                continue
            if ch in _OPEN:
                stack.append((i, k, ch, False))
            elif ch in _CLOSE:
                if ch in ")）" and k in list_marks:
                    continue
                if ch == "’" and _is_apostrophe(text, k):
                    continue
                if stack and _pairs(stack[-1][2], ch):
                    pi, pk, pch, rev = stack.pop()
                    if rev:
                        out.append(make(paras, pi, pk, pk + 1, "unbalanced", ERROR,
                                        "前引号误写成了后引号”，应为“。", "“"))
                    continue
                j = next((j for j in range(len(stack) - 1, -1, -1) if _pairs(stack[j][2], ch)), None)
                if j is not None:
                    for pi, pk, pch, rev in stack[j + 1:]:
                        out.append(_unclosed(paras, pi, pk, pch, rev))
                    del stack[j:]
                elif ch == "”":
                    stack.append((i, k, "“", True))  # maybe a 前引号 typed the wrong way round
                else:
                    out.append(make(paras, i, k, k + 1, "unbalanced", ERROR,
                                    f"{_NAMES[ch]}前面没有对应的{_NAMES[_CLOSE[ch]]}。"))
        if stack:
            stripped = text.rstrip()
            if stripped and stripped[-1] not in _FINISHED and i + 1 < len(paras):
                carried = stack  # the paragraph was cut mid-sentence: let the next one close it
            else:
                for pi, pk, pch, rev in stack:
                    out.append(_unclosed(paras, pi, pk, pch, rev))
    return out
