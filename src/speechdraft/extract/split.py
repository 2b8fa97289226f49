"""Split a cleaned speech into units, each a candidate point: a lead sentence and its body.

A speech runs: opening paragraphs → numbered parts (一、 二、 …, each with its heading) →
closing. Inside a part, each item of a series (一是/二是…, 一要/二要…, 首先/其次/第三…,
（一）（二）…, and 1. 2. at the start of a paragraph) is a unit of its own whose lead is its
first sentence, numbering taken off (the template numbers points itself). What stands
between a part's heading and its first item is the part's intro. A part without items is
one unit whose lead is the heading, as in training speeches (一、以科学规划为引领，…。).
A paragraph after a part's items that starts no item stands alone (差距, 上述问题…).

A numbering marker counts only where a sentence starts and only if it continues its series
(二是 after 一是): 统一是、第三方 and a stray 二是 are not markers. A series of another kind
inside an open item of the same paragraph is left in that item's body.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from speechdraft.extract.clean import Cleaned, Para
from speechdraft.extract.sentences import first_end, sentences

_CN = {c: i for i, c in enumerate("一二三四五六七八九", 1)}
NUMERAL = "[一二三四五六七八九十]{1,3}"

PART = re.compile(rf"({NUMERAL})、")
ITEM = re.compile(
    rf"(?P<shi>{NUMERAL})是(?![的否])"
    rf"|(?P<yao>{NUMERAL})要(?![求素件点])"
    r"|(?P<seq>首先|其次|再次|最后|第[一二三四五六七八九十]{1,2})(?=[，、：是要])"
    rf"|[（(](?P<paren>{NUMERAL})[）)]"
    r"|(?P<num>\d{1,2})[.．、](?!\d)"
)
# A sentence starts at the start of a paragraph or after one of these.
_STARTS_AFTER = "。！？；："
_SKIP = "，、：；, "
CLOSING_CUE = re.compile(r"功在当代|利在千秋|紧密(?:地)?团结在|^同志们[，！]|让我们|发言完毕|谢谢大家|以上汇报|汇报完毕|不妥之处")


def cn_number(s: str) -> int:
    """一 → 1, 十 → 10, 十二 → 12, 二十三 → 23."""
    if "十" not in s:
        return _CN.get(s, 0) if len(s) == 1 else 0
    tens, _, ones = s.partition("十")
    return (_CN.get(tens, 0) if tens else 1) * 10 + (_CN.get(ones, 0) if ones else 0)


@dataclass
class Unit:
    text: str  # numbering marker removed
    paragraph: int  # source paragraph where the unit starts
    kind: str  # item | intro
    part: int  # 0 before the first 一、, then 1, 2, …
    heading: str = ""  # the part's heading
    series: str = ""  # shi | yao | seq | paren | num for items
    number: int = 0  # the item's number in its series
    standalone: bool = False  # a paragraph of its own after a part's items
    region: str = "body"  # front (before any part or item) | body | tail (after the last item or part)
    where: tuple[Para, int] | None = field(default=None, repr=False, compare=False)  # source, offset
    lead: str = field(init=False)
    body: str = field(init=False)

    def __post_init__(self):
        self.text = self.text.lstrip(_SKIP).rstrip()
        end = first_end(self.text)
        self.lead, self.body = self.text[:end], self.text[end:]


@dataclass
class _Cut:
    para: int
    at: int  # where the unit begins in the paragraph (its marker, if any)
    start: int  # where its text begins (after the marker)
    series: str = ""
    number: int = 0


def _at_sentence_start(text: str, pos: int) -> bool:
    if pos == 0:
        return True
    prev = text[pos - 1]
    if prev in _STARTS_AFTER:
        return True
    return prev in "”’" and pos >= 2 and text[pos - 2] in "。！？"


def split(cleaned: Cleaned) -> list[Unit]:
    paras = cleaned.paras
    units: list[Unit] = []
    for number, (heading, segments) in enumerate(_parts(paras)):
        units += _part_units(paras, number, heading, segments)
    _mark_regions(units)
    return _split_closing(units)


Span = tuple[int, int, int]  # (paragraph index, start, end)


def _parts(paras: list[Para]) -> list[tuple[Span | None, list[Span]]]:
    """[(heading span or None, body spans), …], part 0 (before 一、) first, perhaps empty."""
    parts: list[tuple[Span | None, list[Span]]] = [(None, [])]
    expected = 1
    for p, para in enumerate(paras):
        text = para.text
        pos = 0
        for m in PART.finditer(text):
            if cn_number(m.group(1)) != expected or not _at_sentence_start(text, m.start()):
                continue
            if m.start() > pos:
                parts[-1][1].append((p, pos, m.start()))
            expected += 1
            pos = first_end(text, m.end())
            parts.append(((p, m.end(), pos), []))
        if pos < len(text):
            parts[-1][1].append((p, pos, len(text)))
    return parts


def _items(paras: list[Para], spans: list[Span]) -> list[_Cut]:
    """The item markers of one part that start a sentence and continue their series."""
    found = []
    expected: dict[str, int] = {}
    open_series, open_para = "", -1
    for p, start, end in spans:
        text = paras[p].text
        if start == 0 and not ITEM.match(text):
            open_series = ""  # a paragraph that starts no item closes the open one
        for m in ITEM.finditer(text, start, end):
            series = m.lastgroup
            if not _at_sentence_start(text, m.start()) or (series == "num" and m.start() != 0):
                continue
            word = m.group(series)
            if series == "seq":
                number = {"首先": 1, "其次": 2, "再次": 3}.get(word) or (
                    expected.get("seq", 0) if word == "最后" else cn_number(word[1:]))
            elif series == "num":
                number = int(word)
            else:
                number = cn_number(word)
            if not number or (open_series and series != open_series and open_para == p):
                continue  # not a number; or a series nested in an open item: left in its body
            if number != expected.get(series, 1) and not (number == 1 and series != open_series):
                continue
            expected[series] = number + 1
            open_series, open_para = series, p
            found.append(_Cut(p, m.start(), m.end(), series, number))
    return found


def _part_units(paras: list[Para], part: int, heading_span: Span | None, spans: list[Span]) -> list[Unit]:
    heading = paras[heading_span[0]].text[heading_span[1]:heading_span[2]] if heading_span else ""
    items = _items(paras, spans)

    def make(p: int, start: int, text: str, kind: str, **kw) -> Unit:
        return Unit(text=text, paragraph=paras[p].paragraph_at(start), kind=kind, part=part,
                    heading=heading, where=(paras[p], start), **kw)

    if heading_span and not items:
        hp, hs, _ = heading_span
        inline = bool(spans) and spans[0][0] == hp
        if inline or len(spans) == 1:
            # a part without items is one point led by its heading (training speeches)
            first = spans[0]
            text = ("" if inline else _as_sentence(heading)) + paras[first[0]].text[hs if inline else first[1]:first[2]]
            rest = [make(p, s, paras[p].text[s:e], "intro", standalone=True) for p, s, e in spans[1:]]
            return [make(hp, hs, text, "item"), *rest]

    cuts = sorted([_Cut(p, s, s) for p, s, e in spans if not any(c.para == p and c.at == s for c in items)] + items,
                  key=lambda c: (c.para, c.at))
    span_end = {p: e for p, s, e in spans}
    units: list[Unit] = []
    seen_item = False
    for k, cut in enumerate(cuts):
        nxt = cuts[k + 1] if k + 1 < len(cuts) else None
        end = nxt.at if nxt and nxt.para == cut.para else span_end[cut.para]
        text = paras[cut.para].text[cut.start:end]
        if not text.strip(_SKIP):
            continue
        if cut.series:
            seen_item = True
            units.append(make(cut.para, cut.start, text, "item", series=cut.series, number=cut.number))
        else:
            units.append(make(cut.para, cut.start, text, "intro", standalone=seen_item or (bool(units) and part > 0)))
    return units


def _as_sentence(heading: str) -> str:
    heading = heading.strip(_SKIP)
    return heading if re.search(r"[。！？]$", heading) else heading + "。"


def _mark_regions(units: list[Unit]) -> None:
    structured = [k for k, u in enumerate(units) if u.kind == "item" or (u.part > 0 and not u.standalone)]
    if not structured:
        return
    first, last = structured[0], structured[-1]
    for k, u in enumerate(units):
        if k < first:
            u.region = "front"
        elif k > last:
            u.region = "tail"


def _split_closing(units: list[Unit]) -> list[Unit]:
    """The last unit may run on into the closing words (corpus 002: …产业化。生态文明建设和
    生态环境保护功在当代、利在千秋。我们要更加紧密地团结在…): split them off."""
    if not units or units[-1].region == "tail" or units[-1].where is None:
        return units
    last = units[-1]
    parts = sentences(last.text)
    for k in range(max(1, len(parts) - 3), len(parts)):
        if CLOSING_CUE.search(parts[k]):
            cut = len("".join(parts[:k]))
            para, start = last.where
            at = para.text.index(last.text, start) + cut
            head = Unit(text=last.text[:cut], paragraph=last.paragraph, kind=last.kind, part=last.part,
                        heading=last.heading, series=last.series, number=last.number,
                        standalone=last.standalone, region=last.region, where=last.where)
            closing = Unit(text=last.text[cut:], paragraph=para.paragraph_at(at), kind="intro", part=last.part,
                           heading=last.heading, standalone=True, region="tail", where=(para, at))
            return units[:-1] + [head, closing]
    return units
