"""The typed model of a data file (design.md, "Data file")."""
from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator
from pydantic_core import PydanticCustomError

from speechdraft.domains import DOMAINS, guess_domain
from speechdraft.features import FEATURES, PLACE_KINDS
from speechdraft.levels import LEVELS

Genre = Literal["conference", "lecture", "study", "report", "training"]
GENRES: tuple[str, ...] = Genre.__args__
Domain = Literal[tuple(DOMAINS)]  # type: ignore[valid-type]
Level = Literal[LEVELS]  # type: ignore[valid-type]

MIN_LENGTH, MAX_LENGTH = 1500, 8000


class Strict(BaseModel):
    # Unknown fields are refused, so a misspelt key is never silently ignored; .nan and .inf
    # are YAML numbers, but no figure a speech can say.
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True, allow_inf_nan=False)

    @field_validator("*", mode="before")
    @classmethod
    def _one_line(cls, v):
        # A line break inside a value (a `|` block) means nothing in a speech: the draft joins
        # the lines without a space, as Chinese is written, and so does the data, so that
        # every --annotate note finds its words.
        return re.sub(r"\s*[\r\n]\s*", "", v) if isinstance(v, str) else v


def _no_bool(v, kind: str):
    # pydantic takes true as 1; a writer who typed true meant no number.
    if isinstance(v, bool):
        raise PydanticCustomError(kind, "not a number")
    return v


class Speaker(Strict):
    name: str | None = None
    role: str | None = None


class Region(Strict):
    name: str = Field(min_length=1)
    level: Level
    parent: str | None = None  # the level above, by name: 庆阳市, 鄂尔多斯市, 锡林郭勒盟
    province: str | None = None  # 甘肃省, 内蒙古自治区: how superiors and 全省/全区 are named


class Metric(Strict):
    name: str = Field(min_length=1)
    value: float
    unit: str = ""
    previous: float | None = None
    target: float | None = None
    goal: float | None = None  # the target for the coming year, stated in the domain's task
    better: Literal["higher", "lower"] = "higher"
    domain: Domain | None = None
    confirm: bool = False  # the writer has checked a figure that looks like a slip (slips.py)

    @field_validator("value", "previous", "target", "goal", mode="before")
    @classmethod
    def _plain_number(cls, v):
        # "93.5%" is a common slip: the unit belongs in `unit`, the number must stand alone.
        if isinstance(v, str) and not re.fullmatch(r"\s*-?\d+(\.\d+)?\s*", v):
            raise ValueError("number_with_unit")
        return _no_bool(v, "float_type")

    @property
    def area(self) -> str:
        return self.domain or guess_domain(self.name)


class Place(Strict):
    """A place the speech may name where a point was written for one (its river, its park)."""

    name: str = Field(min_length=1)
    kind: Literal[PLACE_KINDS]  # type: ignore[valid-type]


class Item(Strict):
    """An achievement, problem or priority: a sentence from the writer, with its domain."""

    text: str = Field(min_length=1)
    domain: Domain | None = None

    @property
    def area(self) -> str:
        return self.domain or guess_domain(self.text)


def _items(v):
    # Plain strings are the common case; the mapping form adds a domain.
    if isinstance(v, list):
        return [{"text": x} if isinstance(x, str) else x for x in v]
    return v


class SpeechData(Strict):
    genre: Genre
    meeting: str = Field(min_length=1)
    title: str | None = None
    speaker: Speaker | None = None
    date: dt.date | None = None
    region: Region
    year: int | None = Field(default=None, ge=1949, le=2100)
    focus: list[Domain] = []
    features: list[Literal[FEATURES]] = []  # type: ignore[valid-type]
    places: list[Place] = []
    metrics: list[Metric] = []
    achievements: list[Item] = []
    problems: list[Item] = []
    priorities: list[Item] = []
    length: int = Field(default=3000, ge=MIN_LENGTH, le=MAX_LENGTH)
    seed: int = 1

    @field_validator("achievements", "problems", "priorities", mode="before")
    @classmethod
    def _to_items(cls, v):
        return _items(v)

    @field_validator("metrics", "achievements", "problems", "priorities")
    @classmethod
    def _no_repeats(cls, items):
        # The same metric or sentence twice is a copy-and-paste slip: the draft would say it twice.
        first: dict[str, int] = {}
        for n, x in enumerate(items, 1):
            key = x.name if isinstance(x, Metric) else x.text
            if key in first:
                raise ValueError(f"repeated:{first[key]}:{n}:{key}")
            first[key] = n
        return items

    @field_validator("year", "length", "seed", mode="before")
    @classmethod
    def _whole_number(cls, v):
        return _no_bool(v, "int_type")

    @field_validator("date", mode="before")
    @classmethod
    def _chinese_date(cls, v):
        # Writers type dates the way they write them: 2024年3月15日, 2024-3-5.
        if isinstance(v, str):
            m = re.fullmatch(r"\s*(\d{4})\s*(?:年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日|-(\d{1,2})-(\d{1,2}))\s*", v)
            if m:
                try:
                    return dt.date(*(int(x) for x in m.groups() if x))
                except ValueError:
                    pass  # 2024年2月30日: left to the date parser, which reports a bad date
        return v

    def domain_has_data(self, domain: str) -> bool:
        return any(
            x.area == domain
            for x in (*self.metrics, *self.achievements, *self.problems, *self.priorities)
        )
