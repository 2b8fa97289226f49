"""Document → plain text, laid out as such speeches are typed: body lines indented two
full-width spaces, title and bylines on their own lines."""
from __future__ import annotations

from speechdraft.document import Byline, Document, Salutation, Title

INDENT = "\u3000\u3000"


def to_text(document: Document) -> str:
    lines = []
    for block in document.blocks:
        if isinstance(block, Title):
            lines += [block.text, ""]
        elif isinstance(block, Byline):
            lines.append(block.text)
        elif isinstance(block, Salutation):
            lines += ["", block.text]
        else:
            lines.append(INDENT + block.text)
    return "\n".join(lines) + "\n"
