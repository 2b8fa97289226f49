"""The one error a user sees: a Chinese message naming the file, the field and the fix."""
from __future__ import annotations

import errno


class UserError(Exception):
    """Bad input. The CLI prints the message and exits with status 2, no traceback."""

    exit_code = 2

    def __init__(self, message: str, *, file: str | None = None, field: str | None = None):
        self.file = file
        self.field = field
        self.message = message
        super().__init__(self.render())

    def render(self) -> str:
        where = "，".join(
            part
            for part in (f"文件 {self.file}" if self.file else "", f"字段 {self.field}" if self.field else "")
            if part
        )
        return f"{where}：{self.message}" if where else self.message


# What the system says of a path, in a writer's words (strerror is English).
_OS_REASONS = {
    errno.ENAMETOOLONG: "路径或文件名过长（每级名称最多 255 字节，约 80 个汉字）；请换一个短一些的名称",
    errno.EACCES: "没有权限读写；请检查文件权限，或换一个位置",
    errno.EPERM: "没有权限读写；请检查文件权限，或换一个位置",
    errno.ENOENT: "文件或文件夹不存在；请检查路径是否正确",
    errno.ENOTDIR: "路径中有一级不是文件夹；请检查路径是否正确",
    errno.EISDIR: "这是一个文件夹，不是文件",
    errno.ELOOP: "符号链接循环指向自身；请检查路径",
    errno.EROFS: "所在磁盘只读；请换一个位置",
    errno.ENOSPC: "磁盘已满；请清理磁盘空间后再试",
    errno.EIO: "读写出错（磁盘或网络盘故障）；请稍后再试或换一个位置",
}


def os_error(e: OSError) -> UserError:
    """An OSError on a path the writer gave, as the one message they see."""
    reason = _OS_REASONS.get(e.errno, "无法读写；请检查路径、权限和磁盘空间")
    return UserError(reason, file=str(e.filename) if e.filename is not None else None)
