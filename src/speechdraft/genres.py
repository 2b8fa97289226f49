"""The genres of design.md: what each is called, how it opens and closes, which sections it
draws from the phrase bank and how it shares its length among them."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Genre:
    name: str
    label: str  # 体裁, as a writer names it
    ending: str  # the title: 在{meeting}上的{ending}
    description: str
    example: str  # an example occasion
    # section -> share of the body's length; the order is the speech's order
    shares: dict[str, float]
    # items per section: (fewest, most)
    counts: dict[str, tuple[int, int]]


GENRES: dict[str, Genre] = {
    "conference": Genre(
        name="conference",
        label="工作会议讲话",
        ending="讲话",
        description="工作会议、推进会上的讲话：总结成绩、查找差距，部署重点任务和保障措施",
        example="2024年全县生态环境保护工作会议",
        shares={"opening": 0.06, "achievements": 0.18, "gaps": 0.12, "transition": 0.04,
                "tasks": 0.38, "safeguards": 0.18, "closing": 0.04},
        counts={"achievements": (2, 5), "gaps": (2, 4), "tasks": (3, 8), "safeguards": (3, 6)},
    ),
}
