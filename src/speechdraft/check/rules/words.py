"""Word-list rules: 规范表述, 错别字, 过时表述 and a unit's own list (--words)."""
from __future__ import annotations

import re

from speechdraft.check.context import Context
from speechdraft.citations import authority
from speechdraft.check.findings import ERROR, HINT, Edit, Finding, make
from speechdraft.check.literals import required

_SEVERITY = {"fix": ERROR, "warn": HINT, "quote": HINT}
_PRIORITY = {"fix": 0, "warn": 1, "quote": 2}
_CITING = re.compile(r"指出|强调|报告|讲话中|原话|所说|明确提出|总书记")
_SENTENCE_END = "。！？!?"
STRETCH = 64  # paragraphs whose text is searched at once for each entry's words


def _in_quotes(text: str, pos: int) -> bool:
    before = text[:pos]
    return before.count("“") > before.count("”") or before.count("「") > before.count("」")


def _citing(text: str, start: int, end: int) -> bool:
    a = max((text.rfind(c, 0, start) for c in _SENTENCE_END), default=-1) + 1
    ends = [i for i in (text.find(c, end) for c in _SENTENCE_END) if i >= 0]
    b = min(ends) if ends else len(text)
    return bool(_CITING.search(text[a:b]))


def check(ctx: Context) -> list[Finding]:
    out: list[Finding] = []
    # Hundreds of entries against every paragraph: an entry whose words (a plain entry's word,
    # what any match of a regex holds) are not in the paragraph is passed over, a plain one
    # before its pattern is even compiled (compiling them all costs a start-up); and an entry
    # none of whose words is in a stretch of paragraphs is passed over for all of them.
    # an entry outdated only from a year after the speech's is not in force for it
    entries = [(entry, (entry.wrong,) if not entry.regex else required(entry.pattern)) for entry in ctx.lists.entries
               if entry.since is None or entry.since <= ctx.year]
    cited: dict[int, str] = {}  # id(entry) -> its authority, worked out once
    paragraphs = ctx.paragraphs
    for i, text in enumerate(paragraphs):
        if i % STRETCH == 0:
            stretch = "\n".join(paragraphs[i:i + STRETCH])  # holds whatever one of them holds
            active = [(e, words) for e, words in entries if words is None or any(w in stretch for w in words)]
        found = []  # (start, end, entry, match)
        for entry, words in active:
            if words is not None and not any(w in text for w in words):
                continue
            for m in entry.pattern.finditer(text):
                s, e = m.span()
                if s == e:
                    continue
                if entry.rule == "quote" and not (_in_quotes(text, s) or _citing(text, s, e)):
                    continue
                found.append((s, e, entry, m))
        # overlapping matches: keep the stronger one; drop a weaker match inside a kept one,
        # and a second match of the same kind over the same words
        found.sort(key=lambda t: (_PRIORITY[t[2].rule], -(t[1] - t[0]), t[0]))
        kept: list[tuple[int, int, object, re.Match]] = []
        for s, e, entry, m in found:
            clash = False
            for ks, ke, kentry, _ in kept:
                if s < ke and ks < e:
                    if (ks <= s and e <= ke) or kentry.kind == entry.kind:
                        clash = True
                        break
            if not clash:
                kept.append((s, e, entry, m))
        for s, e, entry, m in kept:
            wrong = m.group(0)
            right = entry.suggest(m)
            note = entry.note.rstrip("。") + "。" if entry.note else ""
            if entry.rule == "fix":
                msg = f"“{wrong}”应为“{right}”。{note}"
            elif entry.rule == "warn":
                msg = f"“{wrong}”宜改为“{right}”。{note}"
            else:
                msg = f"引用原文时“{wrong}”应为“{right}”。{note}"
            if id(entry) not in cited:
                cited[id(entry)] = authority(entry)
            msg += f"（依据：{cited[id(entry)]}）"
            edits = (Edit(s, e, right),) if entry.rule == "fix" else ()
            out.append(make(ctx.paragraphs, i, s, e, entry.kind, _SEVERITY[entry.rule], msg, right, edits))
    return out
