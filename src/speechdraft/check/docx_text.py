"""Text of a Word paragraph with a map back to the XML, so a fix can edit the right
<w:t> and a comment can be anchored at the right characters, formatting untouched."""
from __future__ import annotations

import bisect
import copy
from dataclasses import dataclass

from docx.oxml.ns import qn

_RUN_PATHS = (
    "./w:r | ./w:hyperlink/w:r | ./w:ins/w:r | ./w:smartTag/w:r | ./w:fldSimple/w:r"
    " | ./w:sdt/w:sdtContent/w:r | ./w:customXml/w:r | ./w:hyperlink/w:ins/w:r"
)
W_T, W_TAB, W_BR, W_CR, W_RPR = qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr"), qn("w:rPr")
W_NBH, W_SH = qn("w:noBreakHyphen"), qn("w:softHyphen")
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


@dataclass
class Seg:
    run: object  # the w:r element
    el: object  # the child element (w:t, w:tab, …)
    start: int  # offset in the paragraph text
    text: str

    @property
    def editable(self) -> bool:
        return self.el.tag == W_T

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def _child_text(el) -> str:
    tag = el.tag
    if tag == W_T:
        return el.text or ""
    if tag == W_TAB:
        return "\t"
    if tag == W_BR:
        return "\n" if el.get(qn("w:type")) in (None, "textWrapping") else ""
    if tag == W_CR:
        return "\n"
    if tag == W_NBH:
        return "-"
    return ""


def runs(p_el) -> list:
    return list(p_el.xpath(_RUN_PATHS))


def segments(p_el) -> list[Seg]:
    segs: list[Seg] = []
    pos = 0
    for r in runs(p_el):
        for child in r:
            if child.tag == W_RPR:
                continue
            t = _child_text(child)
            segs.append(Seg(r, child, pos, t))
            pos += len(t)
    return segs


def paragraph_text(p_el) -> str:
    return "".join(s.text for s in segments(p_el))


def _set_t(el, text: str) -> None:
    el.text = text
    if text != text.strip():
        el.set(XML_SPACE, "preserve")


def replace(p_el, start: int, end: int, new: str) -> bool:
    """Replace paragraph text[start:end] by new, inside the existing <w:t> elements.
    False (nothing changed) when the span crosses a tab, a break or anything not text."""
    segs = [s for s in segments(p_el) if s.end > start and s.start < end and s.text]
    if not segs or any(not s.editable for s in segs):
        return False
    first = segs[0]
    a = start - first.start
    for idx, s in enumerate(segs):
        lo = max(start, s.start) - s.start
        hi = min(end, s.end) - s.start
        if idx == 0:
            _set_t(s.el, s.text[:a] + new + s.text[hi:])
        else:
            _set_t(s.el, s.text[:lo] + s.text[hi:])
    return True


def _split_run(r, k: int):
    """Split run r after k characters of its text; returns the new right-hand run."""
    right = copy.deepcopy(r)
    r.addnext(right)
    pos = 0
    for lchild, rchild in zip([c for c in r if c.tag != W_RPR], [c for c in right if c.tag != W_RPR]):
        t = _child_text(lchild)
        s, e = pos, pos + len(t)
        if e <= k and not (len(t) == 0 and s >= k):
            right.remove(rchild)  # wholly on the left
        elif s >= k:
            r.remove(lchild)  # wholly on the right
        else:  # a <w:t> straddling k
            _set_t(lchild, t[: k - s])
            _set_t(rchild, t[k - s:])
        pos = e
    return right


class Cuts:
    """A paragraph's text and its runs with the span each holds, kept up to date as runs are
    split: a paragraph with thousands of findings is cut thousands of times, each cut found by
    bisection instead of by reading the paragraph again. Runs without text are left out: a
    cut never falls inside one, and a comment never covers one alone."""

    def __init__(self, p_el):
        self.runs: list = []
        self._starts: list[int] = []
        self._ends: list[int] = []
        segs = segments(p_el)
        self.text = "".join(s.text for s in segs)
        for seg in segs:  # a run's segments come one after another
            if self.runs and self.runs[-1] is seg.run:
                self._ends[-1] = seg.end
            else:
                self.runs.append(seg.run)
                self._starts.append(seg.start)
                self._ends.append(seg.end)
        kept = [k for k in range(len(self.runs)) if self._ends[k] > self._starts[k]]
        self.runs = [self.runs[k] for k in kept]
        self._starts = [self._starts[k] for k in kept]
        self._ends = [self._ends[k] for k in kept]

    def isolate(self, start: int, end: int) -> list:
        """Split runs so that text[start:end] is exactly a sequence of whole runs; return them."""
        for cut in (start, end):
            k = bisect.bisect_right(self._starts, cut) - 1
            if k >= 0 and self._starts[k] < cut < self._ends[k]:
                right = _split_run(self.runs[k], cut - self._starts[k])
                self.runs.insert(k + 1, right)
                self._starts.insert(k + 1, cut)
                self._ends.insert(k + 1, self._ends[k])
                self._ends[k] = cut
        first = bisect.bisect_left(self._starts, start)
        last = bisect.bisect_left(self._starts, end)
        return [r for r, e in zip(self.runs[first:last], self._ends[first:last]) if e <= end]
