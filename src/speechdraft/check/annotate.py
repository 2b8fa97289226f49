"""--annotate: the findings as Word comments (批注) at the spot, in a copy of the .docx."""
from __future__ import annotations

from docx.text.run import Run

from speechdraft.check.docx_copy import reopen, save
from speechdraft.check.docx_text import Cuts
from speechdraft.check.findings import Finding
from speechdraft.check.reading import Source
from speechdraft.writers.docx_comments import Comments

AUTHOR = "speechdraft 审校"
INITIALS = "审校"


def comment_text(f: Finding) -> str:
    text = f"［{f.severity}·{f.rule_name}］{f.message}"
    if f.suggestion and f.suggestion not in f.message:
        text += f"建议：{f.suggestion}"
    return text


def annotate(source: Source, findings: list[Finding]) -> tuple[bytes, int]:
    """The annotated document's bytes and how many comments were placed."""
    doc = reopen(source)
    body = doc.paragraphs
    comments = Comments(doc, author=AUTHOR, initials=INITIALS)
    cuts: dict[int, Cuts] = {}  # docx paragraph index -> its runs, as split so far
    placed = 0
    # splitting runs never changes the text, so spots can be marked in reading order
    for f in sorted(findings, key=lambda f: (f.paragraph, f.span[0], f.span[1])):
        index = source.paras[f.paragraph - 1].docx_index
        if index not in cuts:
            cuts[index] = Cuts(body[index]._p)
        text = cuts[index].text
        s, e = f.span
        if e <= s:
            e = min(len(text), s + 1)
            s = max(0, e - 1)
        if not text or e <= s:
            continue
        r_els = cuts[index].isolate(s, e)
        if not r_els:
            continue
        comments.add([Run(r, body[index]) for r in r_els], comment_text(f))
        placed += 1
    return save(doc, source), placed
