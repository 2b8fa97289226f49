"""Load and validate the phrase bank: points (lead sentence + body) with their provenance."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from speechdraft.datafile import load_yaml
from speechdraft.domains import DOMAINS, GENERAL
from speechdraft.errors import UserError
from speechdraft.model import GENRES
from speechdraft.resources import builtin

SECTIONS = ("opening", "significance", "achievements", "gaps", "tasks", "safeguards", "closing", "transition")
SLOTS = ("县", "党委政府", "党委", "政府", "下级", "地区", "年度", "会议")
NEEDS = ("metrics", "achievements", "problems", "priorities", "speaker", "date")
SLOT = re.compile(r"\{([^{}]*)\}")


class Source(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    file: str
    paragraph: int = Field(ge=1)


class Point(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    section: Literal[SECTIONS]  # type: ignore[valid-type]
    kind: Literal["item", "intro"] = "item"
    domain: Literal[(*DOMAINS, GENERAL)] = GENERAL  # type: ignore[valid-type]
    genres: tuple[Literal[GENRES], ...] = GENRES  # type: ignore[valid-type]
    lead: str = Field(min_length=1)
    body: str = ""
    short: str | None = None
    needs: tuple[Literal[NEEDS], ...] = ()  # type: ignore[valid-type]
    source: Source
    confidence: float | None = Field(default=None, ge=0, le=1)

    @field_validator("lead", "body", "short")
    @classmethod
    def _known_slots(cls, text):
        if text is not None:
            unknown = [s for s in SLOT.findall(text) if s not in SLOTS]
            if unknown:
                raise ValueError(f"unknown_slot:{unknown[0]}")
        return text

    def text(self, short: bool = False) -> str:
        body = self.short if short and self.short else self.body
        return self.lead + body


@dataclass(frozen=True)
class Bank:
    points: tuple[Point, ...]
    # a writer's own point: id -> (its bank file as the writer named it, its place in the file)
    origins: dict[str, tuple[str, int]] = field(default_factory=dict, compare=False)
    # The composer asks the same questions many times a draft: each answer is kept.
    _selected: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def select(self, section: str, genre: str, *, kind: str | None = "item") -> list[Point]:
        """The points of a section that suit a genre; kind None takes intros and items alike."""
        key = (section, genre, kind)
        if key not in self._selected:
            self._selected[key] = tuple(p for p in self.points
                                        if p.section == section and kind in (None, p.kind) and genre in p.genres)
        return list(self._selected[key])


def fill(text: str, values: dict[str, str]) -> str:
    """Put slot values into a point's text; every slot name was checked on load."""
    return SLOT.sub(lambda m: values[m.group(1)], text)


def _load_file(path: Path, *, trusted: bool = False) -> list[Point]:
    raw = load_yaml(path, trusted=trusted)
    entries = raw.get("points") if isinstance(raw, dict) else None
    if not isinstance(entries, list):
        raise UserError("素材库文件应以“points:”开头，下面是要点列表", file=str(path))
    points = []
    for n, entry in enumerate(entries, 1):
        label = entry.get("id") if isinstance(entry, dict) and entry.get("id") else f"第{n}条"
        try:
            points.append(Point.model_validate(entry))
        except ValidationError as e:
            raise UserError(_explain(e.errors()[0]), file=str(path), field=f"要点 {label}") from None
    return points


def _explain(error: dict) -> str:
    loc = ".".join(str(x) for x in error["loc"])
    msg = str((error.get("ctx") or {}).get("error", ""))
    if msg.startswith("unknown_slot:"):
        return f"{loc} 含未知插槽“{{{msg.split(':', 1)[1]}}}”；可用插槽：{'、'.join('{' + s + '}' for s in SLOTS)}"
    if error["type"] == "literal_error" and error["loc"][0] == "section":
        return f"section 取值“{error['input']}”无效，应为 {'、'.join(SECTIONS)} 之一"
    if error["type"] == "literal_error":
        return f"{loc} 取值“{error['input']}”无效，应为 {error['ctx']['expected']} 之一"
    if error["type"] == "missing":
        return f"缺少字段 {loc}"
    if error["type"] == "extra_forbidden":
        return f"未知字段 {loc}"
    return f"{loc} 取值无效：{error['msg']}"


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml"))


@cache
def _builtin() -> Bank:
    folder = builtin("phrasebank")
    return Bank(tuple(p for f in _files(folder) for p in _load_file(f, trusted=True)))


def load_bank(extra: tuple[Path, ...] = ()) -> Bank:
    """The built-in bank, with a writer's own folders or files added on top.
    A writer's point with the same id as a built-in one replaces it."""
    if not extra:
        return _builtin()  # one Bank per process, so its answers to select() are kept too
    points = {p.id: p for p in _builtin().points}
    origins: dict[str, tuple[str, int]] = {}
    for path in extra:
        if not path.exists():
            raise UserError("素材库路径不存在", file=str(path))
        for f in _files(path) if path.is_dir() else [path]:
            for place, p in enumerate(_load_file(f), 1):
                points[p.id] = p
                origins[p.id] = (str(f), place)
    return Bank(tuple(points.values()), origins)
