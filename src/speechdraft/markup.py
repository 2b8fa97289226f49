"""Parse the draft's Markdown subset into the Document model.

The subset: `# title`; `*…*` paragraphs right under the title are bylines; `##`–`#####` are
headings of levels 1–4 (一、 （一） 1. （1））; a short paragraph ending in ： before the body
is the salutation; `**…**` marks a lead sentence; ×× marks a gap for the writer to fill."""
from __future__ import annotations

import re
from functools import cache

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


def parse(text: str) -> Document:
    text = "\n\n".join(_close_before_punctuation(b) for b in text.split("\n\n"))
    tokens = _parser().parse(text)
    blocks: list[Block] = []
    for i, tok in enumerate(tokens):
        if tok.type != "inline":
            continue
        opener = tokens[i - 1]
        plain = "".join(c.content for c in tok.children if c.type == "text")
        if opener.type == "heading_open":
            level = int(opener.tag[1])
            blocks.append(Title(plain) if level == 1 else Heading(level - 1, plain))
        elif blocks and all(isinstance(b, (Title, Byline)) for b in blocks) and _is_emphasis(tok.children):
            blocks.append(Byline(plain))
        elif _SALUTATION.match(plain) and not any(isinstance(b, (Paragraph, Heading)) for b in blocks):
            blocks.append(Salutation(plain))
        else:
            blocks.append(Paragraph(_runs(tok.children)))
    return Document(blocks=blocks)
