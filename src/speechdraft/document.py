"""The Document model: the contract between rendering and writing.

A draft is rendered to a small Markdown subset, parsed into this model, and every writer
(docx, md, txt) reads only this model — as pandoc's AST sits between its readers and writers.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import re

PLACEHOLDER = "××"
# A gap to fill in: ×× for a figure, ××× for a name; a blank date counts as one gap.
GAP = re.compile("××××年××月××日|×{2,}")


@dataclass(frozen=True)
class Run:
    """A stretch of text with one look. `lead` marks the lead sentence of a point;
    `placeholder` marks a gap (××) the writer must fill in."""

    text: str
    lead: bool = False
    placeholder: bool = False


@dataclass(frozen=True)
class Title:
    text: str


@dataclass(frozen=True)
class Byline:
    """A line under the title: the speaker, or the date in brackets."""

    text: str


@dataclass(frozen=True)
class Salutation:
    """同志们： — set flush left, never indented."""

    text: str


@dataclass(frozen=True)
class Heading:
    """level 1: 一、  level 2: （一）  level 3: 1.  level 4: （1）"""

    level: int
    text: str
    domain: str | None = None  # the plan item it heads, where it heads one (an exchange speech's part)


@dataclass(frozen=True)
class Paragraph:
    runs: tuple[Run, ...]
    # The work domain of the plan item it says, where it says one: what the reader of a draft
    # (quality.py) would otherwise guess from its words.
    domain: str | None = None

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


Block = Title | Byline | Salutation | Heading | Paragraph


@dataclass
class Document:
    blocks: list[Block] = field(default_factory=list)
    # Properties for the file: title, subject, author.
    meta: dict[str, str] = field(default_factory=dict)

    @property
    def title(self) -> str:
        return next((b.text for b in self.blocks if isinstance(b, Title)), "")

    def body_text(self) -> str:
        """Headings, salutation and paragraphs: what the speaker reads aloud."""
        return "\n".join(
            b.text for b in self.blocks if isinstance(b, (Salutation, Heading, Paragraph))
        )
