"""Read a file a writer names: a regular file only, and never more than the limit of its kind.

A path may name anything. A FIFO makes open() wait for a writer forever, /dev/zero and
/dev/urandom never end, a socket cannot be opened at all, and a sparse file claims a
gigabyte it does not hold. Each is refused by what it is before it is opened (stat), and
again by what was opened (fstat), in case the path changed in between; the open itself never
waits (O_NONBLOCK). A regular file is read with a bounded read, so that a size that lies
(a file still growing, /proc) cannot exhaust memory either.
"""
from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from speechdraft.errors import UserError, os_error

MB = 1_000_000
_CHUNK = MB  # past the size fstat gave: a file that grows while read


@dataclass(frozen=True)
class Kind:
    """One kind of input, as a writer names it, and the most of it that is read."""

    name: str
    limit: int  # bytes

    @property
    def shown(self) -> str:
        """The limit as --help and messages say it."""
        return f"{self.limit // MB} MB"


# A data file, an outline, a bank file or a word list is a page of YAML, a template a page of
# Jinja; anything far larger is the wrong file.
DATA = Kind("数据文件", MB)
OUTLINE = Kind("提纲", MB)
BANK = Kind("素材库文件", MB)
WORDS = Kind("词表文件", MB)
TEMPLATE = Kind("模板", MB)
# A speech's text (.txt, .md) may be as long as the text of a Word document may be once inflated.
TEXT = Kind("讲话稿（.txt、.md）", 64 * MB)
WORD = Kind("Word 文档（.docx）", 100 * MB)

# What a path is, in a writer's words.
_WHAT = (
    (stat.S_ISREG, "文件"),
    (stat.S_ISDIR, "文件夹"),
    (stat.S_ISFIFO, "命名管道（FIFO）"),
    (stat.S_ISSOCK, "套接字（socket）"),
    (stat.S_ISCHR, "设备文件"),
    (stat.S_ISBLK, "设备文件（磁盘等）"),
)


def limits(*kinds: Kind) -> str:
    """The sentence --help says of what a command reads."""
    return "只读取普通文件（不读命名管道、设备文件等）；文件大小上限：" + "，".join(f"{k.name} {k.shown}" for k in kinds) + "。"


def _what(mode: int) -> str:
    """A path's file type, for messages: 文件夹, 命名管道（FIFO）, 设备文件 …"""
    return next((name for test, name in _WHAT if test(mode)), "特殊文件")


def describe(path: Path, mode: int) -> str:
    """What the path is, said of the path itself: a link is named with where it leads."""
    if os.path.islink(path):
        return f"这是指向{_what(mode)} {os.path.realpath(path)} 的符号链接"
    return f"这是一个{_what(mode)}"


def check(path: str | Path, kind: Kind | None = None, *, field: str | None = None) -> os.stat_result:
    """The stat of `path` if it is a regular file, no larger than kind.limit where a kind is
    given; else UserError. Nothing is opened: a command checks the paths it was given before any work."""
    path = Path(path)
    try:
        st = os.stat(path)
    except OSError as e:
        raise _os_refusal(path, e, field) from None
    _check_stat(path, st, kind, field)
    return st


def read_bytes(path: str | Path, kind: Kind, *, field: str | None = None) -> bytes:
    """The content of `path`, a regular file of at most kind.limit bytes; else UserError
    naming the file, `field`, and what the path is."""
    path = Path(path)
    check(path, kind, field=field)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as e:
        raise _os_refusal(path, e, field) from None
    try:
        st = os.fstat(fd)
        _check_stat(path, st, kind, field)  # what was opened, should the path have changed
        data = _bounded(fd, st.st_size, kind.limit)
    except OSError as e:
        raise _os_refusal(path, e, field) from None
    finally:
        os.close(fd)
    if len(data) > kind.limit:
        raise _too_big(path, None, kind, field)
    return data


def check_folder(path: str | Path, kind: str, *, field: str | None = None) -> None:
    """`path` is a folder (a link to one is too); `kind` names it: 模板文件夹 …"""
    path = Path(path)
    try:
        st = os.stat(path)
    except OSError as e:
        raise _os_refusal(path, e, field, "文件夹") from None
    if not stat.S_ISDIR(st.st_mode):
        raise UserError(f"{describe(path, st.st_mode)}，不是文件夹；请给出{kind}的路径", file=str(path), field=field)


def _check_stat(path: Path, st: os.stat_result, kind: Kind | None, field: str | None) -> None:
    if not stat.S_ISREG(st.st_mode):
        raise UserError(f"{describe(path, st.st_mode)}，不是普通文件；请给出文件的路径", file=str(path), field=field)
    if kind is not None and st.st_size > kind.limit:
        raise _too_big(path, st.st_size, kind, field)


def _bounded(fd: int, size: int, limit: int) -> bytes:
    """At most limit + 1 bytes: the size fstat gave in one read as a rule (no copy), then on in
    chunks for a file longer than it said, stopping one byte past the limit."""
    chunks: list[bytes] = []
    total = 0
    step = min(size, limit) + 1
    while total <= limit:
        chunk = os.read(fd, min(step, limit + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
        step = _CHUNK
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def _too_big(path: Path, size: int | None, kind: Kind, field: str | None) -> UserError:
    said = f"（{size / MB:.1f} MB）" if size is not None else ""
    return UserError(f"文件过大{said}，{kind.name}不应超过 {kind.shown}；请确认没有选错文件",
                     file=str(path), field=field)


def _os_refusal(path: Path, e: OSError, field: str | None, noun: str = "文件") -> UserError:
    if isinstance(e, FileNotFoundError):
        said = (f"这是一个符号链接，它指向的 {os.readlink(path)} 不存在" if os.path.islink(path)
                else f"{noun}不存在")
        return UserError(f"{said}；请检查路径是否正确", file=str(path), field=field)
    return UserError(os_error(e).message, file=str(path), field=field)
