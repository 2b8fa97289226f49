"""Decode the text files writers have: UTF-8 (with or without BOM), else GB18030 — a superset
of the GBK and GB2312 that Chinese office PCs still save."""
from __future__ import annotations

from typing import NamedTuple

from speechdraft.errors import UserError


class Decoded(NamedTuple):
    text: str
    encoding: str  # utf-8 | gb18030, so a fixed copy can be saved the way it came
    bom: bool


def decode(raw: bytes, file: str | None = None) -> Decoded:
    bom = raw.startswith(b"\xef\xbb\xbf")
    for encoding in ("utf-8", "gb18030"):
        try:
            return Decoded(raw[3 if bom else 0:].decode(encoding), encoding, bom and encoding == "utf-8")
        except UnicodeDecodeError:
            continue
    raise UserError("无法识别文件编码；请另存为 UTF-8 编码的文本文件", file=file)
