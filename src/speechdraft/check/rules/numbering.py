"""Numbering that skips or repeats.

- Headings at the start of a paragraph, four levels: 一、 （一） 1. （1）. A deeper level
  starts again under each new heading above it.
- Series inside the text, running on across paragraphs until the next heading:
  一是/二是…, 一要/二要…, and 首先/其次/再次 (or 第一/第二/第三).
"""
from __future__ import annotations

import re
from dataclasses import replace

from speechdraft.check.context import Context, cn_number, cn_numeral
from speechdraft.check.findings import ERROR, Finding, make

_CN = "一二三四五六七八九十"
_HEADINGS = [
    re.compile(rf"^\s*([{_CN}]{{1,3}})、"),
    re.compile(rf"^\s*[（(]([{_CN}]{{1,3}})[）)]"),
    re.compile(r"^\s*(\d{1,3})(?:[.．](?!\d)|、)"),
    re.compile(r"^\s*[（(](\d{1,3})[）)]"),
]
_HEADING_FORMS = ["{}、", "（{}）", "{}.", "（{}）"]

_BOUNDARY = r"(?:^|(?<=[。；;：:，,！？!?\s“”‘’（(）)、]))"
_SERIES = re.compile(_BOUNDARY + rf"([{_CN}]{{1,3}})(是|要)(?!素|务|求|点|件|义|一)")
_ORDINAL = re.compile(_BOUNDARY + rf"(首先|其次|再次(?=[，,：:])|第[{_CN}]{{1,3}}(?=[，,、：:]|是|要))")
_ORDINAL_VALUE = {"首先": 1, "其次": 2, "再次": 3}
_ORDINAL_NAME = {1: "首先（第一）", 2: "其次（第二）", 3: "再次（第三）"}


def _heading(text: str) -> tuple[int, int, int, int] | None:
    """(level, number, start, end) of a heading number at the start of the paragraph."""
    for level, pat in enumerate(_HEADINGS):
        m = pat.match(text)
        if m:
            raw = m.group(1)
            n = int(raw) if raw.isdigit() else cn_number(raw)
            if n is not None:
                return level, n, m.start(1), m.end()
    return None


def _form(level: int, n: int) -> str:
    return _HEADING_FORMS[level].format(cn_numeral(n) if level < 2 else n)


class _Skip:
    """A skip (一是 二是 四是) and the items that run on after it (五是 六是): the suggestion
    renumbers them all, so that taking it leaves no new skip behind."""

    def __init__(self, at: int, word, expected: int, n: int):
        self.at, self.word, self.expected, self.numbers = at, word, expected, [n]

    def follows(self, n: int) -> bool:
        if n == self.numbers[-1] + 1:
            self.numbers.append(n)
            return True
        return False

    def settle(self, out: list[Finding]) -> None:
        if len(self.numbers) == 1:
            return
        shift = self.numbers[0] - self.expected
        old = "”“".join(self.word(k) for k in self.numbers[1:])
        new = "”“".join(self.word(k - shift) for k in self.numbers[1:])
        first = self.word(self.expected)
        missing = "、".join(self.word(k) for k in range(self.expected, self.numbers[0]))
        out[self.at] = replace(out[self.at], suggestion=f"改为“{first}”，其后“{old}”依次改为“{new}”；或补上“{missing}”")


def check(ctx: Context) -> list[Finding]:
    out: list[Finding] = []
    skips: dict[object, _Skip] = {}  # series -> its last skip, while items run on after it

    def item(key, n: int) -> None:
        if key in skips and not skips[key].follows(n):
            skips.pop(key).settle(out)

    def skipped(key, word, expected: int, n: int) -> None:
        if key in skips:
            skips.pop(key).settle(out)
        skips[key] = _Skip(len(out) - 1, word, expected, n)

    def end(key) -> None:
        if key in skips:
            skips.pop(key).settle(out)

    paras = ctx.paragraphs
    last: list[int | None] = [None] * len(_HEADINGS)
    series: dict[str, int | None] = {"是": None, "要": None}
    series_para: dict[str, int] = {}
    ordinal: int | None = None

    for i, text in enumerate(paras):
        h = _heading(text)
        if h:
            level, n, s, e = h
            prev = last[level]
            expected = 1 if prev is None else prev + 1
            item(("h", level), n)
            if n != expected:
                if prev is not None and n <= prev:
                    msg = f"编号“{_form(level, n)}”重复或倒序，上一个是“{_form(level, prev)}”，此处应为“{_form(level, expected)}”。"
                else:
                    missing = "、".join(_form(level, k) for k in range(expected, n))
                    msg = f"编号跳号：缺少“{missing}”，此处应为“{_form(level, expected)}”。"
                out.append(make(paras, i, s, e, "numbering", ERROR, msg, _form(level, expected)))
                if n > expected:
                    skipped(("h", level), lambda k, lv=level: _form(lv, k), expected, n)
            last[level] = n
            for deeper in range(level + 1, len(last)):
                last[deeper] = None
                end(("h", deeper))
            if level <= 1:  # a new part or section: in-text series start again
                series = {"是": None, "要": None}
                end("是")
                end("要")
                ordinal = None

        for m in _SERIES.finditer(text):
            n = cn_number(m.group(1))
            kind = m.group(2)
            if n is None:
                continue
            prev = series[kind]
            word = lambda k, kind=kind: f"{cn_numeral(k)}{kind}"  # noqa: E731
            item(kind, n)
            if n == 1:
                if prev == 1 and series_para.get(kind) == i:
                    out.append(make(paras, i, m.start(), m.end(), "numbering", ERROR,
                                    f"同一段里又出现“{word(1)}”，应为“{word(2)}”。", word(2)))
                    n = 2
            elif prev is None:
                out.append(make(paras, i, m.start(), m.end(), "numbering", ERROR,
                                f"“{word(n)}”前面没有“{'”“'.join(word(k) for k in range(1, n))}”。"))
            elif n != prev + 1:
                if n <= prev:
                    msg = f"“{word(n)}”重复或倒序，上一个是“{word(prev)}”，此处应为“{word(prev + 1)}”。"
                else:
                    missing = "”“".join(word(k) for k in range(prev + 1, n))
                    msg = f"序号跳号：“{word(prev)}”之后缺少“{missing}”。"
                out.append(make(paras, i, m.start(), m.end(), "numbering", ERROR, msg, word(prev + 1)))
                if n > prev + 1:
                    skipped(kind, word, prev + 1, n)
            series[kind] = n
            series_para[kind] = i

        for m in _ORDINAL.finditer(text):
            w = m.group(1)
            n = _ORDINAL_VALUE.get(w) or cn_number(w[1:])
            if n is None:
                continue
            if n == 1:
                ordinal = 1
                continue
            if ordinal is None:
                continue  # 其次/第三 on its own: not a series we can follow
            if n != ordinal + 1:
                if n > ordinal + 1:
                    missing = "、".join(_ORDINAL_NAME.get(k, f"第{cn_numeral(k)}") for k in range(ordinal + 1, n))
                    msg = f"序号跳号：“{w}”之前缺少“{missing}”。"
                else:
                    msg = f"序号“{w}”重复或倒序。"
                out.append(make(paras, i, m.start(), m.end(), "numbering", ERROR, msg))
            ordinal = max(n, ordinal)
    for key in list(skips):
        end(key)
    return out
