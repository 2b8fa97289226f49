"""Read the numbering series of a draft, as a reviewer checks that each counts up without gaps."""
from __future__ import annotations

import re

from speechdraft.document import Document, Heading, Paragraph
from speechdraft.render import chinese_number, sequence_word

NUM = "一二三四五六七八九十"


def series(document: Document) -> dict[str, list[list[str]]]:
    """Every series of ordinals, by kind: part headings (一、), and within each part the
    paragraphs opening 一是, 一要, or 首先/其次/第三."""
    found: dict[str, list[list[str]]] = {"heading": [[]], "是": [], "要": [], "sequence": []}
    current: dict[str, list[str] | None] = {"是": None, "要": None, "sequence": None}
    for block in document.blocks:
        if isinstance(block, Heading) and block.level == 1:
            found["heading"][0].append(re.match(rf"[{NUM}]+", block.text).group())
            current = dict.fromkeys(current)
            continue
        if not isinstance(block, Paragraph):
            continue
        text = block.text
        for kind, pattern in (("是", rf"^([{NUM}]+)是"), ("要", rf"^([{NUM}]+)要"),
                              ("sequence", r"^(首先|其次|第[一二三四五六七八九十]+)，")):
            m = re.match(pattern, text)
            if m and block.runs[0].lead:
                word = m.group(1)
                first = word in ("一", "首先")
                if first or current[kind] is None:
                    current[kind] = []
                    found[kind].append(current[kind])
                current[kind].append(word)
    return {k: [s for s in v if s] for k, v in found.items()}


def counts_up(kind: str, words: list[str]) -> bool:
    expected = [sequence_word(n) if kind == "sequence" else chinese_number(n) for n in range(1, len(words) + 1)]
    return words == expected
