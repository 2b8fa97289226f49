"""Paths that are not files (issue 14, item 3), built for a test to hand to a command.

`build(case, path)` makes `path` (named with the suffix the command expects: .yaml, .txt,
.docx …) into one thing that is not a regular file and returns the path to give the command
and what the command must say the path is ("这是一个命名管道（FIFO）"). `sparse` makes a
regular file that claims a gigabyte it does not hold.
"""
from __future__ import annotations

import os
import socket
import stat
from collections.abc import Callable
from pathlib import Path

GB = 2**30
# A socket lives as long as the object bound to it is open: until the test process ends.
_SOCKETS: list[socket.socket] = []


def fifo(path: Path) -> Path:
    """A named pipe: open() for reading waits for a writer that never comes."""
    os.mkfifo(path)
    return path


def unix_socket(path: Path) -> Path:
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.bind(str(path))
    _SOCKETS.append(sock)
    return path


def folder(path: Path) -> Path:
    path.mkdir()
    return path


def device(name: str) -> Callable[[Path], Path]:
    """The device itself (the path given is the device's own)."""
    return lambda path: Path(name)


def link(make: Callable[[Path], Path]) -> Callable[[Path], Path]:
    """A symbolic link at `path` to what `make` builds beside it (or to a device)."""
    def build(path: Path) -> Path:
        target = make(path.with_name("t-" + path.name))
        path.symlink_to(target.absolute())
        return path
    return build


CASES: dict[str, Callable[[Path], Path]] = {
    "fifo": fifo,
    "socket": unix_socket,
    "folder": folder,
    "/dev/null": device("/dev/null"),
    "/dev/zero": device("/dev/zero"),
    "/dev/urandom": device("/dev/urandom"),
    "link to fifo": link(fifo),
    "link to socket": link(unix_socket),
    "link to folder": link(folder),
    "link to /dev/null": link(device("/dev/null")),
    "link to /dev/zero": link(device("/dev/zero")),
    "link to /dev/urandom": link(device("/dev/urandom")),
}
_WHAT = {stat.S_IFIFO: "命名管道（FIFO）", stat.S_IFSOCK: "套接字（socket）", stat.S_IFDIR: "文件夹",
         stat.S_IFCHR: "设备文件"}


def build(case: str, path: Path) -> tuple[Path, str]:
    """(the path to give the command, what the command must say it is)."""
    given = CASES[case](path)
    what = _WHAT[stat.S_IFMT(os.stat(given).st_mode)]
    if given.is_symlink():
        return given, f"这是指向{what} {os.path.realpath(given)} 的符号链接"
    return given, f"这是一个{what}"


def is_folder(case: str) -> bool:
    return case.endswith("folder")


def sparse(path: Path, size: int = GB) -> Path:
    """A regular file of `size` bytes that takes no room on disk: reading it whole is the attack."""
    with open(path, "wb") as f:
        f.truncate(size)
    return path
