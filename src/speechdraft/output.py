"""Write a file whole or not at all, and never over an existing one without --force."""
from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from speechdraft.errors import UserError


def check_target(path: Path, force: bool) -> None:
    """Refuse early, before any work is done, a target that cannot or may not be written."""
    if path.exists() and not force:
        raise UserError("文件已存在；如要覆盖请加 --force，或用 -o 指定别的文件名", file=str(path))
    if path.is_dir():
        raise UserError("这是一个文件夹；请用 -o 指定文件名", file=str(path))
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise UserError("所在文件夹不存在；请先建立文件夹或换一个路径", file=str(path))
    if not os.access(parent, os.W_OK):
        raise UserError("所在文件夹不可写；请换一个路径", file=str(path))


def write_atomic(path: Path, produce: Callable[[BinaryIO], None], force: bool) -> None:
    """`produce` writes into a temporary file beside the target, which then replaces it in
    one step: an interrupted run (an error, Ctrl-C) leaves nothing behind."""
    check_target(path, force)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            produce(f)
        if path.exists() and not force:  # appeared while we worked
            raise UserError("文件已存在；如要覆盖请加 --force", file=str(path))
        # mkstemp makes the file private (0600); a draft gets the permissions any new file gets.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_stdout(text: str) -> None:
    sys.stdout.write(text)
    sys.stdout.flush()
