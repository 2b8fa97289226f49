"""How deep the phrase bank is: points counted by genre × section in the voice each part takes,
and tasks and achievements by domain × voice, against the minimums a 6,000-character speech of
every genre needs without repeating a topic (phrasebank/README.md, "最低数量")."""
from __future__ import annotations

from dataclasses import dataclass

from speechdraft.domains import DOMAINS
from speechdraft.genres import BANK_SECTION, GENRES
from speechdraft.phrasebank import Bank

# Sections counted per genre-voice, intros and items alike, and the fewest each needs.
PART_SECTIONS = ("opening", "significance", "gaps", "safeguards", "closing")
PART_MINIMUM = 6
# Tasks (items) in every domain: the fewest per voice group.
TASK_MINIMUMS = {("deploy",): 5, ("report", "plan"): 3, ("reflect",): 3}
# Achievements said without figures, in the report voice, in every domain: one of each claim.
ACHIEVEMENT_CLAIMS = ("outcome", "effort")

VOICE_NAMES = {"deploy": "部署", "report": "汇报", "reflect": "体会", "plan": "打算"}
CLAIM_NAMES = {"outcome": "成效", "effort": "工作"}
SECTION_NAMES = {"opening": "开场", "significance": "意义", "achievements": "成绩", "gaps": "差距",
                 "transition": "过渡", "tasks": "任务", "safeguards": "保障", "closing": "结尾"}


@dataclass(frozen=True)
class Cell:
    what: str  # the cell in words, for the list of those short
    count: int
    minimum: int | None  # None: counted, no minimum

    @property
    def short(self) -> bool:
        return self.minimum is not None and self.count < self.minimum


def genre_cells(bank: Bank) -> dict[str, dict[str, tuple[str, Cell]]]:
    """genre -> section -> (the voice that part takes, its count)."""
    table = {}
    for name, genre in GENRES.items():
        row = {}
        for section, voice in genre.voices.items():
            if section in BANK_SECTION:
                continue  # drawn from another section's points, counted there
            n = len(bank.select(BANK_SECTION.get(section, section), name, voice, kind=None))
            minimum = PART_MINIMUM if section in PART_SECTIONS else None
            row[section] = (voice, Cell(f"{genre.label} · {SECTION_NAMES[section]}（{VOICE_NAMES[voice]}口吻）",
                                        n, minimum))
        table[name] = row
    return table


def domain_cells(bank: Bank) -> dict[str, dict[str, Cell]]:
    """domain -> column -> count: the task voice groups, then the achievement claims."""
    table = {}
    for domain, label in DOMAINS.items():
        tasks = [p for p in bank.points if p.section == "tasks" and p.kind == "item" and p.domain == domain]
        done = [p for p in bank.points if p.section == "achievements" and p.domain == domain and p.voice == "report"]
        row = {}
        for voices, minimum in TASK_MINIMUMS.items():
            words = "或".join(VOICE_NAMES[v] for v in voices)
            row["/".join(voices)] = Cell(f"{label} · 任务（{words}口吻）",
                                         sum(p.voice in voices for p in tasks), minimum)
        for claim in ACHIEVEMENT_CLAIMS:
            row[claim] = Cell(f"{label} · 成绩（汇报口吻，称{CLAIM_NAMES[claim]}）", sum(p.claims == claim for p in done), 1)
        table[domain] = row
    return table


def short_cells(bank: Bank) -> list[Cell]:
    cells = [c for row in genre_cells(bank).values() for _, c in row.values()]
    cells += [c for row in domain_cells(bank).values() for c in row.values()]
    return [c for c in cells if c.short]
