"""Write a file whole or not at all, never over an existing one without --force, and tell a
failing standard output (a full disk, a closed stream, a reader that has gone) from the rest."""
from __future__ import annotations

import errno
import io
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from speechdraft.errors import UserError
from speechdraft.inputs import describe

NAME_MAX = 255  # bytes in one file name on ext4, XFS, Btrfs, APFS; NTFS allows 255 characters
TOO_LONG = f"文件名过长，最多 {NAME_MAX} 字节（约 80 个汉字）；请用 -o 换一个短一些的文件名"
# mkstemp's name beside the target: "." + name + "." + 8 random characters + ".tmp"
_TEMP_EXTRA = len("..") + 8 + len(".tmp")


def fit_name(stem: str, suffix: str, limit: int = NAME_MAX) -> str:
    """`stem + suffix`, the stem cut on a character boundary so that the name takes at most
    `limit` bytes on disk (a Chinese character is 3 bytes in UTF-8, some rare ones 4)."""
    room = limit - len(os.fsencode(suffix))
    stem = stem[:room]  # every character takes at least one byte
    while len(os.fsencode(stem)) > room:
        stem = stem[:-1]
    return stem + suffix


def check_name(path: Path) -> None:
    """Every name along the path fits (pathlib's tests raise, not answer False, for one that does not)."""
    if any(len(os.fsencode(part)) > NAME_MAX for part in path.parts):
        raise UserError(TOO_LONG, file=str(path))


def check_folder(path: Path) -> None:
    """An output folder (batch, extract) is a folder or not there yet."""
    check_name(path)
    if path.is_symlink() and not path.exists():
        raise UserError(f"这是一个符号链接，它指向的 {os.readlink(path)} 不存在；请用 -o 指定输出文件夹", file=str(path))
    if path.exists() and not path.is_dir():
        raise UserError(f"{describe(path, path.stat().st_mode)}，不是文件夹；请用 -o 指定输出文件夹", file=str(path))


def check_target(path: Path, force: bool) -> None:
    """Refuse early, before any work is done, a target that cannot or may not be written."""
    check_name(path)
    if path.is_dir():  # a link to a folder is a folder to the writer too
        raise UserError("这是一个文件夹，不是文件；请在 -o 中写上文件名（可以放在这个文件夹里）", file=str(path))
    if path.is_symlink():
        # lexists, not exists: a link to nowhere is still an entry that --force alone may replace.
        if not force:
            raise UserError(f"这是一个符号链接（指向 {os.readlink(path)}）；加 --force 会用新文件替换这个链接本身"
                            "（不改动它指向的文件），或用 -o 指定别的文件名", file=str(path))
    elif path.exists():
        if not path.is_file():
            raise UserError(f"{describe(path, path.stat().st_mode)}，不是普通文件，不能写入；请用 -o 指定别的文件名",
                            file=str(path))
        if not force:
            raise UserError("文件已存在；如要覆盖请加 --force，或用 -o 指定别的文件名", file=str(path))
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise UserError("所在文件夹不存在；请先建立文件夹或换一个路径", file=str(path))
    if not os.access(parent, os.W_OK):
        raise UserError("所在文件夹不可写；请换一个路径", file=str(path))


def write_atomic(path: Path, produce: Callable[[BinaryIO], None], force: bool) -> None:
    """`produce` writes into a temporary file beside the target, which then replaces it in
    one step: an interrupted run (an error, Ctrl-C) leaves nothing behind."""
    check_target(path, force)
    prefix = "." + fit_name(path.name, "", NAME_MAX - _TEMP_EXTRA) + "."
    fd, tmp = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            produce(f)
        if os.path.lexists(path) and not force:  # appeared while we worked
            raise UserError("文件已存在；如要覆盖请加 --force", file=str(path))
        # mkstemp makes the file private (0600); a draft gets the permissions any new file gets.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        # A rename replaces a symlink itself and never writes through it to the file it names.
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_stdout(text: str) -> None:
    sys.stdout.write(text)
    sys.stdout.flush()


class StdoutFailed(Exception):
    """Standard output refused what a command printed. Not an OSError, so that a full disk
    here is never taken for one under a file being written, nor swallowed on the way up."""

    def __init__(self, code: int):
        super().__init__(code)
        self.errno = code

    def message(self) -> str | None:
        """The Chinese message, or None for a reader that has gone (`| head`): that ends quietly."""
        if self.errno == errno.EPIPE:
            return None
        why = {errno.ENOSPC: "设备已满", errno.EDQUOT: "磁盘配额已满", errno.EBADF: "已关闭",
               errno.EIO: "输入输出错误"}.get(self.errno, f"系统错误 {errno.errorcode.get(self.errno, self.errno)}")
        return f"无法写出到屏幕（标准输出）：{why}"


class _Stdout(io.RawIOBase):
    """File descriptor 1 (None when the command started with it closed), raising StdoutFailed."""

    def __init__(self, fd: int | None):
        super().__init__()
        self.fd = fd
        self.discard = False  # once the failure is reported, what is left goes nowhere

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return self.fd is not None and os.isatty(self.fd)

    def fileno(self) -> int:
        if self.fd is None:
            raise io.UnsupportedOperation("standard output is closed")
        return self.fd

    def write(self, data) -> int:
        if self.discard:
            return len(data)
        if self.fd is None:
            raise StdoutFailed(errno.EBADF)
        try:
            return os.write(self.fd, data)
        except OSError as e:
            raise StdoutFailed(e.errno) from None


def guard_stdout() -> None:
    """Put sys.stdout on a _Stdout, keeping its encoding and buffering. A stream without a file
    descriptor (a test's capture) is left as it is."""
    old = sys.stdout
    if old is None:
        fd, encoding, errors, line_buffering = None, "utf-8", "strict", False
    else:
        try:
            fd = old.fileno()
        except (OSError, ValueError):
            return
        old.flush()
        encoding, errors, line_buffering = old.encoding, old.errors, old.line_buffering
    sys.stdout = io.TextIOWrapper(io.BufferedWriter(_Stdout(fd)), encoding=encoding, errors=errors,
                                  line_buffering=line_buffering)


def drop_stdout() -> None:
    """After a failure has been reported: discard what is still buffered, so that the flush at
    interpreter exit does not fail again ("Exception ignored … BrokenPipeError")."""
    raw = getattr(getattr(sys.stdout, "buffer", None), "raw", None)
    if isinstance(raw, _Stdout):
        raw.discard = True
