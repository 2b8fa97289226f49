"""The composer: picks the points of each section (seeded, never twice), writes the data into
the speech, and fits the length. Its output is plain content for a genre's template."""
from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from speechdraft.domains import DOMAINS, GENERAL
from speechdraft.figures import describe
from speechdraft.genres import GENRES, Genre
from speechdraft.levels import level_words
from speechdraft.model import Item as DataItem
from speechdraft.model import SpeechData
from speechdraft.phrasebank import Bank, Point, fill


@dataclass
class Entry:
    """One numbered point of a part: its lead sentence and what follows."""

    lead: str
    body: str
    short: str | None = None
    data: bool = False  # carries the writer's data: always kept, never shortened
    use_short: bool = False

    @property
    def rest(self) -> str:
        """What follows the lead, in the variant the length chose."""
        return self.short if self.use_short and self.short else self.body

    @property
    def text(self) -> str:
        return self.lead + self.rest

    @property
    def saving(self) -> int:
        return len(self.body) - len(self.short) if self.short and not self.data else 0


@dataclass
class Part:
    intro: str = ""
    items: list[Entry] = field(default_factory=list)


@dataclass
class Content:
    """Everything a template needs; every string is final text, no slots left."""

    genre: Genre
    title: str
    bylines: list[str]
    words: dict[str, str]  # level words: 县, 党委政府 …
    region: str
    opening: str
    parts: dict[str, Part]
    transition: str
    closing: str
    notes: list[tuple[str, str]]  # (text, where it came from) for --annotate


@dataclass
class _Pool:
    """What a section can say: entries it must keep (data) and entries it may add, in order."""

    intro: str = ""
    must: list[Entry] = field(default_factory=list)
    may: list[Entry] = field(default_factory=list)


def _clean(text: str) -> str:
    return text.strip().rstrip("。；，;,. ")


class Composer:
    def __init__(self, data: SpeechData, bank: Bank, *, avoid: str = ""):
        self.data = data
        self.bank = bank
        self.genre = GENRES[data.genre]
        self.rng = random.Random(data.seed)
        self.avoid = avoid
        self.avoided = 0
        self.used: set[str] = set()
        self._later: dict[int, Point] = {}
        self.notes: list[tuple[str, str]] = []
        self.words = level_words(data.region.level)
        self.slots = {
            **self.words,
            "地区": data.region.name,
            "年度": str(data.year) if data.year else "××",
            "会议": data.meeting,
        }

    # -- choosing points -------------------------------------------------

    def _usable(self, p: Point) -> bool:
        d = self.data
        have = {
            "metrics": any(m.area == p.domain for m in d.metrics),
            "achievements": any(x.area == p.domain for x in d.achievements),
            "problems": any(x.area == p.domain for x in d.problems),
            "priorities": any(x.area == p.domain for x in d.priorities),
            "speaker": d.speaker is not None,
            "date": d.date is not None,
        }
        if p.id in self.used or not all(have[n] for n in p.needs):
            return False
        if self.avoid and (fill(p.lead, self.slots) in self.avoid or (p.body and fill(p.body, self.slots) in self.avoid)):
            self.avoided += 1
            return False
        return True

    def _candidates(self, section: str, *, kind: str = "item", domain: str | None = None) -> list[Point]:
        found = [p for p in self.bank.select(section, self.data.genre, kind=kind)
                 if (domain is None or p.domain == domain) and self._usable(p)]
        found.sort(key=lambda p: p.id)
        self.rng.shuffle(found)
        return found

    def _entry(self, p: Point) -> Entry:
        return Entry(lead=fill(p.lead, self.slots), body=fill(p.body, self.slots),
                     short=fill(p.short, self.slots) if p.short else None)

    def _take(self, point: Point) -> Entry:
        self.used.add(point.id)
        entry = self._entry(point)
        self.notes.append((entry.lead, _source(point)))
        return entry

    def _one(self, section: str, *, kind: str = "item", domain: str | None = None) -> Entry | None:
        found = self._candidates(section, kind=kind, domain=domain)
        return self._take(found[0]) if found else None

    def _paragraph(self, section: str, kind: str = "item") -> str:
        entry = self._one(section, kind=kind)
        return entry.text if entry else ""

    # -- the data --------------------------------------------------------

    def domain_order(self) -> list[str]:
        """Focus first, then domains the data speaks of, then the rest in a seeded order."""
        d = self.data
        order = list(dict.fromkeys(d.focus))
        order += [x for x in DOMAINS if x not in order and d.domain_has_data(x)]
        rest = [x for x in DOMAINS if x not in order]
        self.rng.shuffle(rest)
        return order + rest

    def _year(self) -> str:
        return f"{self.data.year}年，" if self.data.year else "过去一年，"

    def _figures(self, domain: str, good: bool) -> str:
        clauses = []
        for n, m in enumerate(self.data.metrics, 1):
            fig = describe(m)
            if m.area == domain and fig.good == good:
                clauses.append(fig.clause)
                self.notes.append((fig.clause, f"数据：metrics 第{n}项（{m.name}）"))
        return f"{self._year()}全{self.words['县']}{'；'.join(clauses)}。" if clauses else ""

    def _items(self, field_name: str, domain: str) -> list[str]:
        texts = []
        for n, x in enumerate(getattr(self.data, field_name), 1):
            if x.area == domain:
                text = _clean(x.text)
                texts.append(text)
                self.notes.append((text, f"数据：{field_name} 第{n}项"))
        return texts

    def _data_entry(self, section: str, domain: str, body: str, fallback: str) -> Entry:
        point = self._one(section, domain=domain) if domain != GENERAL else None
        lead = point.lead if point else fallback
        return Entry(lead=lead, body=body, data=True)

    # -- sections --------------------------------------------------------

    def achievements(self, order: list[str]) -> _Pool:
        pool = _Pool(intro=self._paragraph("achievements", "intro"))
        for domain in [*order, GENERAL]:
            figures = self._figures(domain, good=True)
            done = self._items("achievements", domain)
            if figures or done:
                body = figures + (f"全年{'，'.join(done)}。" if done else "")
                name = DOMAINS.get(domain, "各项重点工作")
                pool.must.append(self._data_entry("achievements", domain, body, f"{name}取得新成效。"))
        pool.may = [self._take_later(p) for p in self._candidates("achievements", domain=GENERAL)]
        return pool

    def gaps(self, order: list[str]) -> _Pool:
        pool = _Pool(intro=self._paragraph("gaps", "intro"))
        for domain in [*order, GENERAL]:
            figures = self._figures(domain, good=False)
            problems = self._items("problems", domain)
            if figures or problems:
                body = figures + (f"比如，{'；'.join(problems)}。" if problems else "")
                name = DOMAINS.get(domain, "基层基础工作")
                pool.must.append(self._data_entry("gaps", domain, body, f"{name}还有短板。"))
        quiet = [x for x in order if not self.data.domain_has_data(x)]
        pool.may = [self._take_later(p) for p in self._candidates("gaps")
                    if p.domain == GENERAL or p.domain in quiet]
        return pool

    def tasks(self, order: list[str]) -> _Pool:
        pool = _Pool(intro=self._paragraph("tasks", "intro"))
        speaks = [x for x in order if x in self.data.focus or self.data.domain_has_data(x)]
        for domain in speaks:
            priorities = self._items("priorities", domain)
            entry = self._one("tasks", domain=domain)
            extra = f"今年要确保{'、'.join(priorities)}。" if priorities else ""
            if entry:
                pool.must.append(replace(entry, body=entry.body + extra,
                                         short=entry.short + extra if entry.short else None,
                                         data=bool(priorities)))
            elif priorities:
                pool.must.append(Entry(lead=f"扎实推进{DOMAINS[domain]}。", body=extra, data=True))
        general = self._items("priorities", GENERAL)
        if general:
            pool.must.append(Entry(lead="抓好年度重点工作。", body=f"今年要确保{'、'.join(general)}。", data=True))
        # A domain the data is silent on gets at most one point; the data's domains may get more.
        seen: set[str] = set()
        for domain in order:
            for p in self._candidates("tasks", domain=domain):
                if domain in speaks or domain not in seen:
                    seen.add(domain)
                    pool.may.append(self._take_later(p))
        return pool

    def safeguards(self) -> _Pool:
        return _Pool(intro=self._paragraph("safeguards", "intro"),
                     may=[self._take_later(p) for p in self._candidates("safeguards")])

    def _take_later(self, p: Point) -> Entry:
        # Optional points are taken only if the length calls for them; remember which.
        entry = self._entry(p)
        self._later[id(entry)] = p
        return entry

    # -- length ------------------------------------------------------------

    def compose(self, budget: int) -> Content:
        """Content whose sections aim at `budget` characters in all (headings aside)."""
        order = self.domain_order()
        opening = self._paragraph("opening")
        pools = {
            "achievements": self.achievements(order),
            "gaps": self.gaps(order),
            "tasks": self.tasks(order),
            "safeguards": self.safeguards(),
        }
        transition = self._paragraph("transition")
        closing = self._paragraph("closing")
        fixed = len(opening) + len(transition) + len(closing)
        fixed += sum(len(p.intro) + sum(len(e.text) for e in p.must) for p in pools.values())
        parts = _fit(pools, self.genre, budget - fixed)
        for part in parts.values():
            for e in part.items:
                if id(e) in self._later:
                    self.used.add(self._later[id(e)].id)
                    self.notes.append((e.lead, _source(self._later[id(e)])))
        d = self.data
        bylines = []
        if d.speaker and (d.speaker.name or d.speaker.role):
            bylines.append("　".join(x for x in (d.speaker.role, d.speaker.name) if x))
        if d.date:
            bylines.append(f"（{d.date.year}年{d.date.month}月{d.date.day}日）")
        return Content(
            genre=self.genre,
            title=d.title or f"在{d.meeting}上的{self.genre.ending}",
            bylines=bylines,
            words=self.words,
            region=d.region.name,
            opening=opening,
            parts=parts,
            transition=transition,
            closing=closing,
            notes=self.notes,
        )


def _source(p: Point) -> str:
    return f"素材 {p.id}，出处：{p.source.file} 第{p.source.paragraph}段"


def _fit(pools: dict[str, _Pool], genre: Genre, budget: int) -> dict[str, Part]:
    """Choose how many optional points each section takes, and which run short, so the
    sections together come near `budget` characters — never by cutting a sentence."""
    chosen = {name: list(pool.must) for name, pool in pools.items()}
    spare = {name: list(pool.may) for name, pool in pools.items()}
    for name, (least, _) in genre.counts.items():
        while len(chosen[name]) < least and spare[name]:
            chosen[name].append(spare[name].pop(0))

    def total() -> int:
        return sum(len(e.text) for items in chosen.values() for e in items)

    weight = {name: genre.shares[name] for name in pools}
    must_len = {name: sum(len(e.text) for e in pools[name].must) for name in pools}
    while total() < budget:
        open_ = [n for n in pools if spare[n] and len(chosen[n]) < genre.counts[n][1]]
        if not open_:
            break
        # The section furthest below its share of the length takes the next point.
        name = min(open_, key=lambda n: (sum(len(e.text) for e in chosen[n]) - must_len[n]) / weight[n])
        chosen[name].append(spare[name].pop(0))
    # Overshoot: first shorter variants, then drop optional points from the largest section.
    for e in sorted((e for items in chosen.values() for e in items), key=lambda e: -e.saving):
        if total() - budget <= budget * 0.05 or not e.saving:
            break
        e.use_short = True
    while total() > budget * 1.08:
        droppable = [n for n in chosen if len(chosen[n]) > max(genre.counts[n][0], len(pools[n].must))]
        if not droppable:
            break
        name = max(droppable, key=lambda n: sum(len(e.text) for e in chosen[n]))
        chosen[name].pop()
    return {name: Part(intro=pools[name].intro, items=chosen[name]) for name in pools}


def compose(data: SpeechData, bank: Bank, measure: Callable[[Content], int], *, avoid: str = "") -> tuple[Content, int]:
    """Compose at the data's length: what the template adds (headings, ordinals, set phrases)
    is learnt from a first rendering, and the sections are refitted once or twice."""
    target = data.length
    budget = target
    for _ in range(3):
        composer = Composer(data, bank, avoid=avoid)
        content = composer.compose(budget)
        length = measure(content)
        if abs(length - target) <= target * 0.05:
            break
        budget -= length - target
    return content, composer.avoided
