"""The proofreading rules, one module per family. Each exposes `check(ctx) -> list[Finding]`."""
from __future__ import annotations

from speechdraft.check.rules import (
    duplicate,
    level,
    numbering,
    percent,
    placeholder,
    punctuation,
    region,
    words,
)

# run in this order; findings are sorted afterwards
ALL = (words, placeholder, numbering, punctuation, duplicate, level, region, percent)
