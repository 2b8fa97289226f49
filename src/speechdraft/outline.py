"""The plan as the writer reads it: title, headings and lead sentences as the draft sets them,
and under each item the data it carries; a paragraph without a lead reduced to its first sentence."""
from __future__ import annotations

import re

from speechdraft.document import Byline, Document, Heading, Paragraph, Salutation, Title
from speechdraft.plan import Plan, says
from speechdraft.render import bare

_FIRST = re.compile(r"^.*?[。！？：]")


def outline_text(document: Document, plan: Plan) -> str:
    carried = [(bare(i.lead), "；".join(str(r) for r in i.data)) for i in plan.items() if i.data and bare(i.lead)]
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
        said = block.text if isinstance(block, (Heading, Paragraph)) else ""
        data = next((d for lead, d in carried if says(lead, said)), None)
        if data:
            lines.append(f"　　　　〔数据：{data}〕")
    return "\n".join(lines) + "\n"
