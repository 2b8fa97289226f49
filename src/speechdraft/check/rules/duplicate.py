"""The same sentence twice in one document: anywhere at 10 characters or more, and a shorter
sentence ending in 。 said twice in a row (抓好落实。抓好落实。). A short exclamation repeated
(加油！加油！) is left alone: speeches repeat those on purpose."""
from __future__ import annotations

import re

from speechdraft.check.context import Context
from speechdraft.check.findings import HINT, Finding, make

MIN_CHARS = 10
_SENTENCE = re.compile(r"[^。！？!?]+(?:[。！？!?]+[”’」』）)]*|$)")
_NOISE = re.compile(r"[\s\u3000]+")
_TRIM = "。！？!?；;，,：:”’」』）)“‘「『（( \t\u3000"


def check(ctx: Context) -> list[Finding]:
    out: list[Finding] = []
    seen: dict[str, int] = {}
    previous = ""  # the sentence just before, if it ended in 。
    for i, text in enumerate(ctx.paragraphs):
        for m in _SENTENCE.finditer(text):
            raw = m.group(0)
            if not raw.strip():
                continue
            key = _NOISE.sub("", raw).strip(_TRIM)
            ends_plainly = raw.rstrip().rstrip("”’」』）)").endswith("。")
            in_a_row, previous = bool(key) and key == previous and ends_plainly, key if ends_plainly else ""
            if len(key) < MIN_CHARS:
                if in_a_row:
                    s = m.start() + (len(raw) - len(raw.lstrip()))
                    out.append(make(ctx.paragraphs, i, s, m.end(), "duplicate", HINT,
                                    "这句话与前一句完全相同，请确认是否重复。"))
                continue
            if key in seen:
                s = m.start() + (len(raw) - len(raw.lstrip()))
                e = m.end()
                first = seen[key]
                where = "本段前文" if first == i else f"第 {first + 1} 段"
                out.append(make(ctx.paragraphs, i, s, e, "duplicate", HINT,
                                f"这句话与{where}的句子完全相同，请确认是否重复。"))
            else:
                seen[key] = i
    return out
