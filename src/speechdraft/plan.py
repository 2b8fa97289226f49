"""The plan (提纲) of a draft: its parts in order, each with its heading and items; each item
with its topic, its lead, the data it carries and the phrase-bank point that supplies its
body. The planner makes it, the writer may reorder, delete or retitle it (planfile.py), and
the text is written from it (wording.py) — nothing is chosen after the plan."""
from __future__ import annotations

from dataclasses import dataclass, field

# What an item may carry from the data file, as the plan file names it: a metric's figure,
# its goal for the coming year, an achievement, a problem, a priority, and a problem that a
# task takes up (answers), and a place of the data the item names.
REF_KINDS = {"指标": "metrics", "目标": "metrics", "成绩": "achievements", "问题": "problems",
             "重点": "priorities", "回应": "problems", "地名": "places"}


@dataclass(frozen=True)
class Ref:
    """One piece of the data: its kind (a key of REF_KINDS) and its name or text."""

    kind: str
    name: str

    def __str__(self) -> str:
        return f"{self.kind}：{self.name}"


@dataclass
class Item:
    """A numbered item (or, in an exchange speech, a paragraph under its part's heading)."""

    section: str  # the bank section it speaks for: achievements, gaps, tasks, safeguards, significance
    domain: str
    lead: str
    point: str | None = None  # the bank point whose body follows the lead
    topic: str | None = None
    data: list[Ref] = field(default_factory=list)
    short: bool = False  # the point's short variant
    # The lead and the data alone, without the point's body: for a task whose data overfills
    # a short speech.
    bare: bool = False
    series: str | None = None  # a parallel set of the bank: its items stand together
    # In a long speech, the sub-heading （一）… its part groups it under, by domain.
    group: str | None = None


@dataclass
class Part:
    """A top-level part of the speech (一、…), or for a genre without headings, a stretch of it."""

    key: str  # the genre's slot it fills (layout.py)
    heading: str | None
    # Bank points of the paragraphs that open a section of it (each before its section's items).
    intros: list[str] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)


@dataclass
class Plan:
    genre: str
    seed: int
    title: str
    opening: str | None = None  # bank points of the single paragraphs
    transition: str | None = None
    closing: str | None = None
    parts: list[Part] = field(default_factory=list)

    def items(self) -> list[Item]:
        return [item for part in self.parts for item in part.items]

    def points(self) -> list[str]:
        """Every bank point the plan uses, in reading order."""
        single = [self.opening, *(p for part in self.parts for p in part.intros),
                  *(i.point for i in self.items()), self.transition, self.closing]
        return [p for p in single if p]


def says(lead: str, text: str) -> bool:
    """Whether a paragraph or heading of the draft says the item with this lead: it opens with
    it, after room for the ordinal the template sets before it (一是, 十一要, 首先，, 一、)."""
    return bool(lead) and lead in text[:len(lead) + 6]
