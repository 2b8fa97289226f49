"""Load and validate the phrase bank: points (lead sentence + body) with their provenance."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Discriminator, Field, Tag, ValidationError, field_validator, model_validator

from speechdraft.datafile import field_path, load_yaml
from speechdraft.domains import DOMAINS, GENERAL
from speechdraft.errors import UserError
from speechdraft.features import FEATURES
from speechdraft.fielderrors import Spec, explain
from speechdraft.inputs import BANK
from speechdraft.model import GENRES
from speechdraft.resources import builtin

SECTIONS = ("opening", "significance", "achievements", "gaps", "tasks", "safeguards", "closing", "transition")
LEVEL_SLOTS = ("县", "党委政府", "党委", "政府", "下级", "省", "上级", "简称", "地区", "年度", "会议")
# Where a real speech named its own river or park, the point holds a slot filled from the
# data's places; a point whose place the data doesn't give is left out.
PLACE_SLOTS = ("河流", "山", "湖泊", "海湾", "保护区", "园区", "景区")
SLOTS = LEVEL_SLOTS + PLACE_SLOTS
# Who is speaking: a leader deploying work (要…), work done (我们…), a participant's learning
# and intent (我体会…，我将…), or what comes next (下一步，我们将…).
VOICES = ("deploy", "report", "reflect", "plan")
# What a lead asserts about results: improvement (data must show it), work done, or nothing.
CLAIMS = ("outcome", "effort", "none")
NEEDS = ("metrics", "achievements", "problems", "priorities", "speaker", "date")
SLOT = re.compile(r"\{([^{}]*)\}")


class Source(BaseModel):
    """A point taken from a real speech: its file and paragraph."""
    model_config = ConfigDict(extra="forbid", frozen=True)
    file: str
    paragraph: int = Field(ge=1)


class Authored(BaseModel):
    """A point we wrote where the corpus has nothing: the policy its wording rests on."""
    model_config = ConfigDict(extra="forbid", frozen=True)
    authored: bool
    basis: str = Field(min_length=2)

    @field_validator("authored")
    @classmethod
    def _true(cls, v):
        if not v:
            raise ValueError("authored_false")
        return v


def _source_kind(raw) -> str:
    # Told apart by their keys, so that a message names the field that is wrong in the one
    # the writer meant, not in both. Dumping a point hands over the model itself.
    if isinstance(raw, Authored) or isinstance(raw, dict) and "authored" in raw:
        return "authored"
    return "corpus"


_SOURCE_TAGS = ("corpus", "authored")


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
    voice: Literal[VOICES]  # type: ignore[valid-type]
    claims: Literal[CLAIMS] = "none"  # type: ignore[valid-type]
    topic: str | None = Field(default=None, min_length=1)
    series: str | None = Field(default=None, pattern=r"^[a-z0-9][a-z0-9-]*$")
    features: tuple[Literal[FEATURES], ...] = ()  # type: ignore[valid-type]
    source: Annotated[Annotated[Source, Tag("corpus")] | Annotated[Authored, Tag("authored")],
                      Discriminator(_source_kind)]
    confidence: float | None = Field(default=None, ge=0, le=1)

    @model_validator(mode="before")
    @classmethod
    def _voice_from_text(cls, raw):
        """A writer's bank made before points had a voice still loads: the voice is read off
        the words, as a reader would hear it."""
        if isinstance(raw, dict) and "voice" not in raw and isinstance(raw.get("lead"), str):
            raw = {**raw, "voice": heard_voice(raw["lead"] + str(raw.get("body") or ""))}
        return raw

    @property
    def places(self) -> tuple[str, ...]:
        """The place slots the point needs filled."""
        return tuple(s for s in SLOT.findall(self.text()) if s in PLACE_SLOTS)

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
    # The planner asks the same questions many times a draft: each answer is kept.
    _selected: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def select(self, section: str, genre: str, voice: str, *, kind: str | None = "item") -> list[Point]:
        """The points of a section that suit a genre and are in the voice its part takes;
        kind None takes intros and items alike."""
        key = (section, genre, voice, kind)
        if key not in self._selected:
            self._selected[key] = tuple(p for p in self.points if p.section == section and p.voice == voice
                                        and kind in (None, p.kind) and genre in p.genres)
        return list(self._selected[key])

    def series(self, name: str) -> tuple[Point, ...]:
        """Every point of one parallel set, in bank order: used all together or not at all."""
        if "series" not in self._selected:
            sets: dict[str, list[Point]] = {}
            for p in self.points:
                if p.series:
                    sets.setdefault(p.series, []).append(p)
            self._selected["series"] = {k: tuple(v) for k, v in sets.items()}
        return self._selected["series"].get(name, ())

    def get(self, point_id: str) -> Point | None:
        if "ids" not in self._selected:
            self._selected["ids"] = {p.id: p for p in self.points}
        return self._selected["ids"].get(point_id)


_REFLECT = re.compile(r"我(?:将|体会|认为|感到|深刻认识到)|自己将|作为一名")
_PLAN = re.compile(r"^(?:下一步|今后|下步)|我们将|我们要")
_REPORT = re.compile(r"我们(?!将|要)|一年来|近年来|累计")


def heard_voice(text: str) -> str:
    if _REFLECT.search(text):
        return "reflect"
    if _PLAN.search(text):
        return "plan"
    if _REPORT.search(text):
        return "report"
    return "deploy"


def fill(text: str, values: dict[str, str]) -> str:
    """Put slot values into a point's text; every slot name was checked on load."""
    return SLOT.sub(lambda m: values[m.group(1)], text)


# What a bank point looks like (phrasebank/README.md), for every message about one.
POINT_EXAMPLE = ("- {id: task-air-01, section: tasks, lead: 深入打好蓝天保卫战。, body: 持续改善空气质量。, "
                 "source: {file: 本单位讲话.docx, paragraph: 8}}")
BANK_ADVICE = (f"素材库文件应以“points:”开头，下面每条要点一项，例如 points: [{POINT_EXAMPLE[2:]}]"
               "（格式见 phrasebank/README.md）")
_SOURCE = "source: {file: 本单位讲话.docx, paragraph: 8}"

# Every field of a bank point, with the line a message shows as the right way to write it.
FIELDS: dict[str, Spec] = {
    "id": Spec("编号", "id: task-air-01", rule="只能用小写字母、数字和连字符（-），以字母或数字开头"),
    "section": Spec("所属部分", "section: tasks"),
    "kind": Spec("类别", "kind: item"),
    "domain": Spec("领域", "domain: air"),
    "genres": Spec("适用体裁", "genres: [conference, lecture]"),
    "lead": Spec("领起句", "lead: 深入打好蓝天保卫战，持续改善空气质量。"),
    "body": Spec("展开", "body: 深化大气环境系统治理，实现细颗粒物和臭氧协同控制。"),
    "short": Spec("简短展开", "short: 实现细颗粒物和臭氧协同控制。"),
    "needs": Spec("依赖的数据", "needs: [metrics]"),
    "voice": Spec("口吻", "voice: deploy"),
    "claims": Spec("领起句所称成效", "claims: effort"),
    "topic": Spec("具体话题", "topic: 黑臭水体"),
    "series": Spec("排比组", "series: rectify-2023", rule="只能用小写字母、数字和连字符（-），以字母或数字开头"),
    "features": Spec("适用地域特征", "features: [草原, 湿地]"),
    "source": Spec("出处", _SOURCE),
    "source.file": Spec("出处文件", _SOURCE),
    "source.paragraph": Spec("出处段落", _SOURCE, whole=True),
    "source.authored": Spec("自拟", "source: {authored: true, basis: 《关于全面推进美丽中国建设的意见》}"),
    "source.basis": Spec("自拟依据", "source: {authored: true, basis: 《关于全面推进美丽中国建设的意见》}"),
    "confidence": Spec("可信度", "confidence: 0.8"),
}


def _load_file(path: Path, *, trusted: bool = False) -> list[Point]:
    raw = load_yaml(path, trusted=trusted, kind=BANK, empty=f"文件是空的；{BANK_ADVICE}")
    entries = raw.get("points") if isinstance(raw, dict) else None
    if not isinstance(entries, list):
        raise UserError(BANK_ADVICE, file=str(path))
    points = []
    for n, entry in enumerate(entries, 1):
        label = entry.get("id") if isinstance(entry, dict) and isinstance(entry.get("id"), str) else f"第{n}条"
        try:
            points.append(Point.model_validate(entry))
        except ValidationError as e:
            error = e.errors()[0]
            loc = error["loc"]
            tag = loc[1] if loc[:1] == ("source",) and len(loc) > 1 and loc[1] in _SOURCE_TAGS else None
            error["loc"] = loc = (loc[0], *loc[2:]) if tag else loc
            field = f"要点 {label}" + (f".{field_path(loc)}" if loc else "")
            if error["type"] == "extra_forbidden" and tag == "authored" and loc[-1] in Source.model_fields:
                raise UserError(f"自拟要点只写 authored 和 basis；取自讲话稿的要点写 {_SOURCE}，不写 authored",
                                file=str(path), field=field) from None
            if error["type"] in ("model_type", "dict_type", "model_attributes_type") and not error["loc"]:
                raise UserError(f"要点应为“字段: 值”的形式，例如 {POINT_EXAMPLE}", file=str(path), field=field) from None
            raise UserError(explain(error, FIELDS, _point_error), file=str(path), field=field) from None
    return points


def _point_error(code: str, error: dict) -> str | None:
    if code == "authored_false":
        return ("自拟要点写 authored: true 并注明依据，例如 source: {authored: true, basis: 《关于全面推进美丽中国建设的意见》}；"
                f"取自讲话稿的要点写 {_SOURCE}")
    if code.startswith("unknown_slot:"):
        return f"含未知插槽“{{{code.split(':', 1)[1]}}}”；可用插槽：{'、'.join('{' + s + '}' for s in SLOTS)}"
    return None


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
