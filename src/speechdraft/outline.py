"""The skeleton of a draft: headings and lead sentences, the rest reduced to its first sentence."""
from __future__ import annotations

import re

from speechdraft.document import Byline, Document, Heading, Paragraph, Salutation, Title

_FIRST = re.compile(r"^.*?[。！？：]")


def outline_text(document: Document) -> str:
    lines = []
    for block in document.blocks:
        if isinstance(block, Title):
            lines += [block.text, ""]
        elif isinstance(block, (Byline, Salutation)):
            lines.append(block.text)
        elif isinstance(block, Heading):
            lines += ["", "　" * (block.level - 1) + block.text]
        elif isinstance(block, Paragraph):
            lead = "".join(r.text for r in block.runs if r.lead)
            if lead:
                lines.append("　　" + lead)
            else:
                m = _FIRST.match(block.text)
                lines.append("　　" + (m.group(0) if m else block.text) + "……")
    return "\n".join(lines) + "\n"
