"""Document → the Markdown subset the templates render (parse(write(doc)) gives doc back)."""
from __future__ import annotations

import re

from speechdraft.document import Byline, Document, Heading, Paragraph, Salutation, Title

_SPECIAL = re.compile(r"([\\*_#`\[\]<>])")


def _escape(text: str) -> str:
    return _SPECIAL.sub(r"\\\1", text)


def to_markdown(document: Document) -> str:
    out = []
    for block in document.blocks:
        if isinstance(block, Title):
            out.append(f"# {_escape(block.text)}")
        elif isinstance(block, Byline):
            out.append(f"*{_escape(block.text)}*")
        elif isinstance(block, Heading):
            out.append(f"{'#' * (block.level + 1)} {_escape(block.text)}")
        elif isinstance(block, Salutation):
            out.append(_escape(block.text))
        elif isinstance(block, Paragraph):
            out.append("".join(f"**{_escape(r.text)}**" if r.lead else _escape(r.text) for r in block.runs))
    return "\n\n".join(out) + "\n"
