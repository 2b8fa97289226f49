"""The one error a user sees: a Chinese message naming the file, the field and the fix."""
from __future__ import annotations


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
