"""Half-width punctuation next to Chinese text, and turning it full-width.

Chinese official writing uses full-width ，；：？！（） between Chinese characters. Text
copied from the web often carries half-width , ; : ? ! ( ) instead. This module finds those
marks and converts them, leaving numbers (3,200  1:1  10:30), Latin text and URLs alone.

    >>> to_fullwidth("今天,我们召开会议(扩大)。")
    '今天，我们召开会议（扩大）。'
    >>> to_fullwidth("共3,200人, ratio 1:1")
    '共3,200人，ratio 1:1'
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# Characters that make a neighbouring half-width mark "Chinese context": CJK ideographs
# (incl. extension A and compatibility), and Chinese/full-width punctuation.
CJK_CHARS = (
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # ideographs
    "\u3001-\u3003\u3008-\u3011\u3014-\u301f"  # 、。〃 《》「」『』【】〔〕 …
    "\u2018\u2019\u201c\u201d\u2014\u2026"  # ‘’“”—…
    "\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65"  # full-width punctuation
)
CJK = f"[{CJK_CHARS}]"

HALF = ",;:?!()"
FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}

# A half-width mark with a Chinese character right before it, or right after it (spaces
# between the mark and the Chinese character allowed). The checker reports these spots.
HALF_WIDTH_BETWEEN_CJK = re.compile(
    rf"(?:(?<={CJK})[ \t]*[,;:?!()])|(?:[,;:?!()](?=[ \t]*{CJK}))"
)

# Spans we never touch: URLs and e-mail addresses.
_PROTECTED = re.compile(
    r"(?:https?|ftp)://[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+"
    r"|www\.[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+"
    r"|[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}"
)
_CJK_RE = re.compile(CJK)
_HALF_RE = re.compile(f"[{re.escape(HALF)}]")  # the scans below look at these marks only
_PARENS = re.compile(r"[()]")


@dataclass(frozen=True)
class PunctFix:
    """One half-width mark to replace: text[start:end] -> replacement."""

    start: int
    end: int
    old: str
    new: str


def _is_cjk(ch: str) -> bool:
    return bool(ch) and bool(_CJK_RE.match(ch))


def _neighbour(text: str, i: int, step: int) -> int:
    """Index of the nearest non-space character from i in direction step (-1 at the edge)."""
    j = i + step
    while 0 <= j < len(text) and text[j] in " \t":
        j += step
    return j if 0 <= j < len(text) else -1


def find_half_width(text: str) -> list[PunctFix]:
    """Every half-width , ; : ? ! ( ) that should be full-width, in order.

    A mark qualifies when a Chinese character (or Chinese punctuation, or another mark being
    converted) is next to it. A paired (…) is converted as a pair when either parenthesis
    touches Chinese or the inside holds Chinese. Marks between two digits (3,200  1:1) and
    inside URLs are left alone. Spaces after a converted , ; : ? ! are absorbed.
    """
    if not any(mark in text for mark in ",;:?!()"):
        return []  # the common case, and the scan below is per character
    protected = [False] * len(text)
    for m in _PROTECTED.finditer(text):
        for k in range(m.start(), m.end()):
            protected[k] = True

    convert: set[int] = set()

    def chinese_at(j: int) -> bool:
        return j >= 0 and (j in convert or _is_cjk(text[j]))

    # Pair parentheses (innermost first; a stray one is handled below as a single mark).
    pairs: list[tuple[int, int]] = []
    stack: list[int] = []
    for m in _PARENS.finditer(text):
        i, ch = m.start(), m.group()
        if protected[i]:
            continue
        if ch == "(":
            stack.append(i)
        elif ch == ")" and stack:
            pairs.append((stack.pop(), i))
    paired = {k for pair in pairs for k in pair}

    changed = True
    while changed:  # a converted mark makes its neighbour's context Chinese: 好:,“ → 好：，“
        changed = False
        for o, c in pairs:
            if o in convert:
                continue
            if chinese_at(_neighbour(text, o, -1)) or chinese_at(_neighbour(text, c, 1)) \
                    or _CJK_RE.search(text[o + 1 : c]):
                convert.update((o, c))
                changed = True
        for m in _HALF_RE.finditer(text):
            i, ch = m.start(), m.group()
            if protected[i] or i in paired or i in convert:
                continue
            if ch in ",:" and 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit():
                continue  # 3,200  1:1  10:30
            if chinese_at(_neighbour(text, i, -1)) or chinese_at(_neighbour(text, i, 1)):
                convert.add(i)
                changed = True

    fixes: list[PunctFix] = []
    last_end = 0
    for i in sorted(convert):
        ch = text[i]
        start, end = i, i + 1
        if ch in ",;:?!":
            # absorb spaces after the mark, and spaces before it after Chinese text
            while end < len(text) and text[end] in " \t" and end + 1 < len(text) \
                    and (end + 1) not in convert:
                end += 1
            k = start
            while k > 0 and text[k - 1] in " \t" and chinese_at(_neighbour(text, k - 1, -1)):
                k -= 1
            if k < start and k > 0:
                start = max(k, last_end)
        fixes.append(PunctFix(start, end, text[start:end], FULL[ch]))
        last_end = end
    return fixes


def apply_fixes(text: str, fixes: list[PunctFix]) -> str:
    out, pos = [], 0
    for f in sorted(fixes, key=lambda f: f.start):
        if f.start < pos:
            continue
        out.append(text[pos : f.start])
        out.append(f.new)
        pos = f.end
    out.append(text[pos:])
    return "".join(out)


def to_fullwidth(text: str) -> str:
    """Turn half-width , ; : ? ! ( ) next to Chinese characters into full-width."""
    return apply_fixes(text, find_half_width(text))


__all__ = ["HALF_WIDTH_BETWEEN_CJK", "CJK", "PunctFix", "find_half_width", "apply_fixes", "to_fullwidth"]
