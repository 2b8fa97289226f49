"""Parse the draft's Markdown subset into the Document model.

The subset: `# title`; `*…*` paragraphs right under the title are bylines; `##`–`#####` are
headings of levels 1–4 (一、 （一） 1. （1））; a short paragraph ending in ： before the body
is the salutation; `**…**` marks a lead sentence; ×× marks a gap for the writer to fill."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from markdown_it import MarkdownIt

from speechdraft.document import GAP, Block, Byline, Document, Heading, Paragraph, Run, Salutation, Title

_SALUTATION = re.compile(r"^[^。！？；]{1,24}：$")
_GAP = re.compile(f"({GAP.pattern})")
# CommonMark does not close `**` between a full stop and a Chinese character (flanking rules),
# so `**一是…。**全县` would stay literal. The closing mark moves before the punctuation, and the
# punctuation rejoins the lead when runs are built.
_STRONG = re.compile(r"(?<!\\)\*\*")
_PUNCT = "。：！？；，"


def _close_before_punctuation(block: str) -> str:
    out, last, opened = [], 0, False
    for m in _STRONG.finditer(block):
        start = m.start()
        if opened and start > 0 and block[start - 1] in _PUNCT:
            out.append(block[last:start - 1] + "**" + block[start - 1])
        else:
            out.append(block[last:start] + "**")
        last, opened = m.end(), not opened
    return "".join(out) + block[last:]


@cache
def _parser() -> MarkdownIt:
    # Only what the subset needs: no lists ("1. " opens a heading, not a list), links or HTML.
    return MarkdownIt("zero").enable(["heading", "emphasis", "escape", "newline"])


def _runs(children) -> tuple[Run, ...]:
    runs: list[Run] = []
    strong = 0
    for tok in children:
        if tok.type == "strong_open":
            strong += 1
        elif tok.type == "strong_close":
            strong -= 1
        elif tok.type in ("text", "softbreak", "hardbreak"):
            # Chinese text joins lines without a space.
            for piece in _GAP.split(tok.content):
                if piece:
                    runs.append(Run(piece, lead=strong > 0, placeholder=bool(GAP.fullmatch(piece))))
    for i in range(len(runs) - 1):
        here, after = runs[i], runs[i + 1]
        if here.lead and not after.lead and after.text[0] in _PUNCT:
            runs[i] = Run(here.text + after.text[0], lead=True)
            runs[i + 1] = Run(after.text[1:], placeholder=after.placeholder)
    merged: list[Run] = []
    for run in (r for r in runs if r.text):
        if merged and (merged[-1].lead, merged[-1].placeholder) == (run.lead, run.placeholder):
            merged[-1] = Run(merged[-1].text + run.text, run.lead, run.placeholder)
        else:
            merged.append(run)
    return tuple(merged)


def _is_emphasis(children) -> bool:
    kinds = [t.type for t in children if not (t.type == "text" and not t.content)]
    return len(kinds) >= 3 and kinds[0] == "em_open" and kinds[-1] == "em_close"


@dataclass(frozen=True)
class _Inline:
    """One parsed line of text, and what parse() needs to know about it."""

    heading: int  # 0 for a paragraph, else the # count
    plain: str
    emphasis: bool
    runs: tuple[Run, ...]


@lru_cache(maxsize=4096)
def _chunk(chunk: str) -> tuple[_Inline, ...]:
    """A stretch between blank lines parses on its own in this subset (no lists, quotes or
    references span one), so each is parsed once: length fitting renders most of them again."""
    tokens = _parser().parse(_close_before_punctuation(chunk))
    found = []
    for i, tok in enumerate(tokens):
        if tok.type != "inline":
            continue
        opener = tokens[i - 1]
        plain = "".join(c.content for c in tok.children if c.type == "text")
        heading = int(opener.tag[1]) if opener.type == "heading_open" else 0
        found.append(_Inline(heading, plain, _is_emphasis(tok.children), _runs(tok.children)))
    return tuple(found)


def parse(text: str) -> Document:
    blocks: list[Block] = []
    for line in (x for chunk in text.split("\n\n") for x in _chunk(chunk)):
        if line.heading:
            blocks.append(Title(line.plain) if line.heading == 1 else Heading(line.heading - 1, line.plain))
        elif blocks and all(isinstance(b, (Title, Byline)) for b in blocks) and line.emphasis:
            blocks.append(Byline(line.plain))
        elif _SALUTATION.match(line.plain) and not any(isinstance(b, (Paragraph, Heading)) for b in blocks):
            blocks.append(Salutation(line.plain))
        else:
            blocks.append(Paragraph(line.runs))
    return Document(blocks=blocks)
