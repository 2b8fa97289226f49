"""Find the speeches under the paths a writer gives, and read each into its paragraphs.

A .txt file may be UTF-8 (with or without BOM), UTF-16 with a BOM, or GB18030/GBK, the
encoding Chinese office PCs save in; the encoding is detected, never asked for. A .docx file
is opened safely (speechdraft.ooxml) and read with python-docx. A file that cannot be read
(corrupt, empty, unknown encoding) is reported in a Chinese warning and skipped: the rest of
the folder is still read.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from speechdraft.encoding import decode
from speechdraft.errors import UserError
from speechdraft.inputs import TEXT, check, read_bytes

SUFFIXES = (".txt", ".docx")


class Unreadable(Exception):
    """A file that cannot be read; the message is Chinese and names no file (the caller does)."""


@dataclass(frozen=True)
class Found:
    path: Path
    name: str  # how provenance names it: relative to the folder given, or the bare file name


@dataclass(frozen=True)
class Speech:
    name: str
    lines: list[str]  # the file's non-empty lines (paragraphs), in order; paragraph n is lines[n-1]


def find(paths: Iterable[Path]) -> tuple[list[Found], list[str]]:
    """The .txt/.docx files under `paths` (folders are searched recursively, in name order),
    and warnings for paths given explicitly that will not be read. A path that does not exist
    is the writer's mistake: UserError."""
    found: list[Found] = []
    warnings: list[str] = []
    seen: set[Path] = set()
    for path in paths:
        if not path.exists():
            raise UserError("路径不存在；请检查文件或文件夹名", file=str(path))
        if path.is_dir():
            for f in sorted(path.rglob("*")):
                # is_file: a pipe, a device or a link to one in the folder is no speech
                if f.is_file() and f.suffix.lower() in SUFFIXES and not _hidden(f, path):
                    _add(found, seen, f, f.relative_to(path).as_posix())
            continue
        check(path)  # a path named that is not a file (a pipe, a device) is the writer's mistake too
        if path.suffix.lower() in SUFFIXES:
            _add(found, seen, path, path.name)
        elif path.suffix.lower() == ".doc":
            warnings.append(f"{path}：不支持旧版 Word（.doc）格式，请在 Word 或 WPS 中另存为 .docx，已跳过")
        else:
            warnings.append(f"{path}：只能读取 .txt 和 .docx 文件，已跳过")
    return found, warnings


def _hidden(f: Path, root: Path) -> bool:
    # ~$讲话.docx is Word's lock file; .xxx are hidden files and folders.
    return any(part.startswith((".", "~$")) for part in f.relative_to(root).parts)


def _add(found: list[Found], seen: set[Path], f: Path, name: str) -> None:
    key = f.resolve()
    if key not in seen:
        seen.add(key)
        found.append(Found(f, name))


def read(found: Found) -> Speech:
    """The file's non-empty paragraphs. Raises Unreadable with a Chinese reason."""
    if found.path.suffix.lower() == ".docx":
        paragraphs = _docx(found.path)
    else:
        paragraphs = decode_text(_bytes(found.path)).splitlines()
    lines = [p for p in paragraphs if p.strip()]
    if not lines:
        raise Unreadable("文件是空的（没有文字）")
    return Speech(found.name, lines)


def _bytes(path: Path) -> bytes:
    try:
        return read_bytes(path, TEXT)
    except UserError as e:  # too large, or no longer a file since it was found
        raise Unreadable(e.message) from None


def decode_text(raw: bytes) -> str:
    """UTF-16 (BOM), UTF-8 (with or without BOM), else GB18030 — a superset of GBK and GB2312."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            raise Unreadable("无法识别文件编码") from None
    if b"\x00" in raw[:4096]:
        raise Unreadable("不是文本文件（含有二进制内容）")
    try:
        return decode(raw).text
    except UserError:
        raise Unreadable("无法识别文件编码；请另存为 UTF-8 编码的文本文件") from None


def _docx(path: Path) -> list[str]:
    from speechdraft.ooxml import open_word  # python-docx loads only when a .docx is read

    try:
        document = open_word(path)
    except UserError as e:
        raise Unreadable(e.message) from None
    return list(_docx_paragraphs(document))


def _docx_paragraphs(document) -> Iterator[str]:
    yield from (p.text for p in document.paragraphs)
    for table in document.tables:  # rare in speeches, but a writer's material may hold one
        for row in table.rows:
            for cell in row.cells:
                yield from (p.text for p in cell.paragraphs)
