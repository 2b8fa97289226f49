"""Reading a speech: .docx (Word paragraphs), .md (markup stripped), .txt (UTF-8 or GB18030)."""
from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from speechdraft.encoding import decode
from speechdraft.errors import UserError
from speechdraft.inputs import TEXT, read_bytes

SUFFIXES = (".docx", ".md", ".txt")


@dataclass
class Para:
    text: str
    line: int | None = None  # 1-based line in a .txt/.md file
    docx_index: int | None = None  # index among the Word document's body paragraphs
    raw_map: Sequence[int] | None = field(default=None, repr=False)  # .txt/.md: char -> offset in the file text


@dataclass
class Source:
    path: Path
    kind: str  # docx | md | txt
    paras: list[Para]
    raw: str = ""  # .txt/.md: the decoded file text
    encoding: str = "utf-8"
    bom: bool = False

    @property
    def paragraphs(self) -> list[str]:
        return [p.text for p in self.paras]


def read_txt(path: Path) -> Source:
    raw, enc, bom = decode(read_bytes(path, TEXT), str(path))
    paras = []
    pos = 0
    for n, line in enumerate(raw.split("\n"), 1):
        text = line[:-1] if line.endswith("\r") else line
        if text.strip():
            paras.append(Para(text, line=n, raw_map=range(pos, pos + len(text))))  # a list took GBs
        pos += len(line) + 1
    return Source(path, "txt", paras, raw, enc, bom)


# --- Markdown ------------------------------------------------------------------------

_MD_HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ \t]+|$)")
_MD_QUOTE = re.compile(r"^ {0,3}>[ \t]?")
_MD_BULLET = re.compile(r"^ {0,3}[-+*][ \t]+")
_MD_RULE = re.compile(r"^ {0,3}(?:[-*_][ \t]*){3,}$")
_MD_FENCE = re.compile(r"^ {0,3}(```|~~~)")
_MD_INLINE = [  # (pattern, group to keep or 0 to drop the whole match)
    (re.compile(r"(?<![*_])(\*\*|__)(?=[^\s*_])(.+?)(?<=[^\s*_])\1(?![*_])"), 2),  # **bold**
    # *italic* / _italic_ only where the marks stand apart from the text around them, so a
    # lone * used as a placeholder inside Chinese text (第*轮) stays visible
    (re.compile(r"(?:^|(?<=[\s（(“]))([*_])(?=[^\s*_])(.+?)(?<=[^\s*_])\1(?=$|[\s，。；：、！？）)”])"), 2),
    (re.compile(r"==(?=\S)(.+?)(?<=\S)=="), 1),  # ==highlight==
    (re.compile(r"`([^`]+)`"), 1),  # `code`
    (re.compile(r"!?\[([^\]]*)\]\([^)]*\)"), 1),  # [text](url)
    (re.compile(r"<!--.*?-->"), 0),
    (re.compile(r"</?[A-Za-z][^>]*>"), 0),
]


# Markup is removed a span at a time, the first kind that has one first, so that markup made
# by removing markup is seen (**`x`**). Each step reads the paragraph again: past this many
# spans (a paragraph of 20,000 bold spans took 26 s), the rest goes a kind at a time, each in
# one pass.
ONE_AT_A_TIME = 200


def _strip_inline(s: str, offsets: list[int]) -> tuple[str, list[int]]:
    """Remove inline markup, keeping for every kept character its offset in the file."""
    steps = 0
    changed = True
    while changed:
        changed = False
        for pat, group in _MD_INLINE:
            matches = list(pat.finditer(s)) if steps >= ONE_AT_A_TIME else [m] if (m := pat.search(s)) else []
            if not matches:
                continue
            text, kept, last = [], [], 0
            for m in matches:
                ks, ke = m.span(group) if group else (m.start(), m.start())
                text += (s[last:m.start()], s[ks:ke])
                kept += (offsets[last:m.start()], offsets[ks:ke])
                last = m.end()
            s = "".join(text) + s[last:]
            offsets = [*itertools.chain.from_iterable(kept), *offsets[last:]]
            steps += 1
            changed = True
            break
    # backslash escapes: \* \# \_
    out, offs, k = [], [], 0
    while k < len(s):
        if s[k] == "\\" and k + 1 < len(s) and s[k + 1] in "\\`*_{}[]()#+-.!|~=<>":
            k += 1
        out.append(s[k])
        offs.append(offsets[k])
        k += 1
    return "".join(out), offs


def read_md(path: Path) -> Source:
    raw, enc, bom = decode(read_bytes(path, TEXT), str(path))
    paras: list[Para] = []
    block: list[tuple[str, list[int]]] = []
    block_line = 0
    in_fence = False

    def flush():
        nonlocal block
        if block:
            text = "".join(t for t, _ in block)
            offs = [o for _, os_ in block for o in os_]
            text, offs = _strip_inline(text, offs)
            if text.strip():
                paras.append(Para(text, line=block_line, raw_map=offs))
        block = []

    pos = 0
    for n, line in enumerate(raw.split("\n"), 1):
        body = line[:-1] if line.endswith("\r") else line
        start = pos
        pos += len(line) + 1
        if _MD_FENCE.match(body):
            flush()
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        if not body.strip() or _MD_RULE.match(body):
            flush()
            continue
        cut = 0
        heading = False
        for pat in (_MD_QUOTE, _MD_HEADING, _MD_BULLET):
            m = pat.match(body, cut)
            if m and m.end() > cut:
                heading = heading or pat is _MD_HEADING
                is_list = pat is _MD_BULLET
                cut = m.end()
                if heading or is_list:
                    flush()
        content = body[cut:]
        if heading:
            content = re.sub(r"[ \t]+#+[ \t]*$", "", content)
        content = content.rstrip(" \t")
        if content.endswith("  "):
            content = content.rstrip()
        if not block:
            block_line = n
        block.append((content, list(range(start + cut, start + cut + len(content)))))
        if heading:
            flush()
    flush()
    return Source(path, "md", paras, raw, enc, bom)


# --- Word ------------------------------------------------------------------------------

def open_docx(path: Path):
    from speechdraft.ooxml import open_word

    return open_word(path)


def read_docx(path: Path) -> Source:
    from speechdraft.check.docx_text import paragraph_text

    doc = open_docx(path)
    paras = []
    for idx, p in enumerate(doc.paragraphs):
        text = paragraph_text(p._p)
        if text.strip():
            paras.append(Para(text, docx_index=idx))
    return Source(path, "docx", paras)


def read_source(path: str | Path) -> Source:
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".docx":
        return read_docx(path)
    if suffix == ".md" or suffix == ".markdown":
        return read_md(path)
    if suffix == ".txt" or suffix == "":
        return read_txt(path)
    if suffix in (".doc", ".wps"):
        raise UserError(f"不支持旧版 {suffix} 格式，请在 Word 或 WPS 中另存为 .docx 后再审校", file=str(path))
    raise UserError(f"不支持的文件类型“{suffix}”，应为 .docx、.md 或 .txt", file=str(path))
