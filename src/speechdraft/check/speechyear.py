"""The year a speech is given in: outdated formulations are judged against it.

From `--year` if given, else from a date under the title (（2024年3月15日）) or a year in the
title (2024年全市生态环境保护工作会议上的讲话), else today.

    >>> speech_year(["在2024年全市生态环境保护大会上的讲话", "同志们："])
    2024
    >>> speech_year(["讲话", "（2023年3月15日）"])
    2023
"""
from __future__ import annotations

import datetime
import re

from speechdraft.errors import UserError

FIRST, LAST = 1949, 2100  # years a speech's date can name
HEAD = 5  # paragraphs at the top where a date line stands
_DATE_LINE = re.compile(r"[（(]?\s*((?:19|20)\d\d)\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?\s*[）)]?")
_TITLE_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)年(?!\d)")


def document_year(paragraphs: list[str]) -> int | None:
    """The year of the date line near the top, or of the title; None if neither names one."""
    head = [p.strip() for p in paragraphs[:HEAD] if p.strip()]
    for p in head:
        if m := _DATE_LINE.fullmatch(p):
            return int(m.group(1))
    if head and (m := _TITLE_YEAR.search(head[0])):
        return int(m.group(1))
    return None


def speech_year(paragraphs: list[str], year: int | None = None) -> int:
    """`year` if given, else the document's, else this year."""
    if year is not None:
        return year
    return document_year(paragraphs) or datetime.date.today().year


def validate_year(value: str | None) -> int | None:
    """The --year option as an int; a UserError in Chinese for anything but a plausible year."""
    if value is None:
        return None
    text = value.strip()
    if not (text.isascii() and text.isdigit() and FIRST <= int(text) <= LAST):
        raise UserError(f"--year 应为讲话的年份（{FIRST}—{LAST} 之间的四位数字，如 2025），而不是“{value}”",
                        field="--year")
    return int(text)
