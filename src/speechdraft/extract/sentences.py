"""Sentence boundaries in cleaned Chinese text (full-width punctuation)."""
from __future__ import annotations

import re

# A sentence ends at 。！？ (a run of them), together with the closing quotes that follow.
_END = re.compile(r"[。！？]+[”’」』）]*")
CJK = re.compile(r"[\u4e00-\u9fff]")


def first_end(text: str, start: int = 0) -> int:
    """The index just past the first sentence that starts at `start` (len(text) if none ends)."""
    m = _END.search(text, start)
    return m.end() if m else len(text)


def sentences(text: str) -> list[str]:
    """The text cut after each sentence end; the pieces join back into the text."""
    out, pos = [], 0
    for m in _END.finditer(text):
        out.append(text[pos : m.end()])
        pos = m.end()
    if pos < len(text):
        out.append(text[pos:])
    return out
