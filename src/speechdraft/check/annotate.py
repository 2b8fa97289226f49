"""--annotate: the findings as Word comments (批注) at the spot, in a copy of the .docx."""
from __future__ import annotations

from docx.text.run import Run

from speechdraft.check.docx_copy import reopen, save
from speechdraft.check.docx_text import isolate, paragraph_text
from speechdraft.check.findings import Finding
from speechdraft.check.reading import Source

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
    placed = 0
    # splitting runs never changes the text, so spots can be marked in reading order
    for f in sorted(findings, key=lambda f: (f.paragraph, f.span[0], f.span[1])):
        para = source.paras[f.paragraph - 1]
        p = body[para.docx_index]
        text = paragraph_text(p._p)
        s, e = f.span
        if e <= s:
            e = min(len(text), s + 1)
            s = max(0, e - 1)
        if not text or e <= s:
            continue
        r_els = isolate(p._p, s, e)
        if not r_els:
            continue
        runs = [Run(r, p) for r in r_els]
        doc.add_comment(runs, text=comment_text(f), author=AUTHOR, initials=INITIALS)
        placed += 1
    return save(doc, source), placed
