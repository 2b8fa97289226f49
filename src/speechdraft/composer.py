"""The composer: picks the points of each section (seeded, never twice), writes the data into
the speech, and fits the length. Its output is plain content for a genre's template."""
from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from speechdraft.domains import DOMAINS, GENERAL
from speechdraft.features import SLOT_KINDS
from speechdraft.figures import describe
from speechdraft.genres import GENRES, Genre
from speechdraft.levels import level_words
from speechdraft.model import SpeechData
from speechdraft.phrasebank import Bank, Point, fill
from speechdraft.provenance import source_note

# Sections that are parts of numbered points; the others are single paragraphs.
PARTS = ("significance", "achievements", "gaps", "tasks", "safeguards")
PARAGRAPHS = ("opening", "transition", "closing")


@dataclass
class Entry:
    """One numbered point of a part: its lead sentence and what follows."""

    lead: str
    body: str
    short: str | None = None
    domain: str = GENERAL
    # The domain a template files the entry under: its own, or for one of a parallel set the
    # first one's, so that a set split by domain into parts stays in one.
    home: str = GENERAL
    data: bool = False  # carries the writer's data: always kept, never shortened
    use_short: bool = False
    # The data's sentences alone, for a task whose data overfills a short speech: then the
    # lead and the data stand without the bank's wording.
    bare: str | None = None
    use_bare: bool = False
    point: Point | None = None  # the phrase-bank point it came from, if any
    # Further points of the same domain, each a paragraph of its own under this one.
    more: list[Entry] = field(default_factory=list)

    @property
    def rest(self) -> str:
        """What follows the lead, in the variant the length chose."""
        if self.use_bare and self.bare is not None:
            return self.bare
        return self.short if self.use_short and self.short else self.body

    @property
    def text(self) -> str:
        return self.lead + self.rest

    @property
    def series(self) -> str | None:
        return self.point.series if self.point else None

    @property
    def topic(self) -> str | None:
        return self.point.topic if self.point else None

    @property
    def size(self) -> int:
        return len(self.text) + sum(m.size for m in self.more)

    @property
    def saving(self) -> int:
        return len(self.body) - len(self.short) if self.short and not self.data and not self.use_short else 0


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
    speaker: str  # the speaker's role, or 我 when not given
    opening: str
    parts: dict[str, Part]
    transition: str
    closing: str
    notes: list[tuple[str, str]]  # (text, where it came from) for --annotate
    exhausted: bool = False  # every usable point is in and the length is still short of the aim


# What a part may add in one go: one entry, or every entry of a parallel set, in bank order.
Unit = list[Entry]


@dataclass
class _Pool:
    """What a part can say: entries it must keep (data) and units it may add, in order."""

    intro: str = ""
    must: list[Entry] = field(default_factory=list)
    may: list[Unit] = field(default_factory=list)


def _clean(text: str) -> str:
    return text.strip().rstrip("。；，;,. ")


def _anchor(lead: str) -> str:
    """What a note is anchored to: the lead without its closing mark, so that it is found
    whether the template sets it as a sentence or as a heading."""
    return lead.rstrip("。：；，！")


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


class Composer:
    def __init__(self, data: SpeechData, bank: Bank, *, avoid: str = ""):
        self.data = data
        self.bank = bank
        self.genre = GENRES[data.genre]
        self.voice = self.genre.voice
        self.voices = self.genre.voices
        self.rng = random.Random(data.seed)
        self.avoid = _squash(avoid)
        self.avoided: set[str] = set()
        self.used: set[str] = set()
        self.topics: set[str] = set()  # of the points taken so far: a draft says each topic once
        self.notes: list[tuple[str, str]] = []
        self.words = level_words(data.region)
        self.tight = data.length <= 2500
        # What the data gives that a point may need, by domain: worked out once, asked of every candidate.
        areas = {name: {x.area for x in getattr(data, name)}
                 for name in ("metrics", "achievements", "problems", "priorities")}
        always = {name for name, value in (("speaker", data.speaker), ("date", data.date)) if value is not None}
        self.given = {domain: {name for name, a in areas.items() if domain in a} | always
                      for domain in (*DOMAINS, GENERAL)}
        # Where the data shows a domain better (a figure improved or met its target) and none
        # worse, a point may say its results improved; "general" stands for all the figures.
        figures = [(m.area, describe(m)) for m in data.metrics]
        self.better = {domain: any(f.better for a, f in figures if domain in (a, GENERAL))
                       and all(f.good for a, f in figures if domain in (a, GENERAL))
                       for domain in (*DOMAINS, GENERAL)}
        self.features = set(data.features)
        places = {slot: next((p.name for kind in kinds for p in data.places if p.kind == kind), None)
                  for slot, kinds in SLOT_KINDS.items()}
        self.slots = {
            **self.words,
            "地区": data.region.name,
            "年度": str(data.year) if data.year else "××",
            "会议": data.meeting,
            **{slot: name for slot, name in places.items() if name},
        }

    # -- choosing points -------------------------------------------------

    def _said_before(self, p: Point) -> bool:
        """The --avoid files already say this point (its lead, or a sentence of its body)."""
        if not self.avoid:
            return False
        sentences = re.findall(r"[^。！？]+[。！？]?", fill(p.body, self.slots))
        return any(len(s) >= 10 and _squash(s) in self.avoid
                   for s in [fill(p.lead, self.slots), *sentences])

    def _usable(self, p: Point) -> bool:
        if p.id in self.used or not self.given[p.domain].issuperset(p.needs):
            return False
        if p.topic in self.topics or (p.claims == "outcome" and not self.better[p.domain]):
            return False
        if p.features and not self.features.intersection(p.features):
            return False
        if any(slot not in self.slots for slot in p.places):
            return False
        if self._said_before(p):
            self.avoided.add(p.id)
            return False
        return True

    def _candidates(self, section: str, *, kind: str | None = "item", domain: str | None = None,
                    single: bool = True) -> list[Point]:
        """The usable points of a section in its part's voice, in a seeded order; a point of a
        parallel set only where `single` is off (a set is taken whole, by _units)."""
        found = [p for p in self.bank.select(section, self.data.genre, self.voices[section], kind=kind)
                 if (domain is None or p.domain == domain) and (not single or not p.series) and self._usable(p)]
        found.sort(key=lambda p: p.id)
        self.rng.shuffle(found)
        return found

    def _whole(self, p: Point, section: str, kind: str | None) -> list[Point] | None:
        """All of p's parallel set, in bank order, if every one of them can be used here."""
        members = self.bank.series(p.series)
        here = {q.id for q in self.bank.select(section, self.data.genre, self.voices[section], kind=kind)}
        topics = [m.topic for m in members if m.topic]
        if len(topics) == len(set(topics)) and all(m.id in here and self._usable(m) for m in members):
            return list(members)
        return None

    def _units(self, section: str, *, kind: str | None = "item",
               keep: Callable[[Point], bool] = lambda p: True) -> list[Unit]:
        """What a part may add, in a seeded order: single points, and each parallel set as one
        unit where its first point falls; a set goes in whole or not at all. A short speech
        takes no set: three or four items at once are too coarse to meet its length."""
        units, seen = [], set()
        for p in self._candidates(section, kind=kind, single=False):
            if not p.series:
                if keep(p):
                    units.append([self._entry(p)])
            elif p.series not in seen and not self.tight:
                seen.add(p.series)
                members = self._whole(p, section, kind)
                if members and all(keep(m) for m in members):
                    units.append([self._entry(m) for m in members])
        return units

    def _entry(self, p: Point) -> Entry:
        return Entry(lead=fill(p.lead, self.slots), body=fill(p.body, self.slots),
                     short=fill(p.short, self.slots) if p.short else None, domain=p.domain, point=p)

    def _take(self, point: Point) -> Entry:
        self.used.add(point.id)
        if point.topic:
            self.topics.add(point.topic)
        return self._entry(point)

    def _one(self, section: str, *, kind: str | None = "item", domain: str | None = None) -> Entry | None:
        found = self._candidates(section, kind=kind, domain=domain)
        return self._take(found[0]) if found else None

    def _paragraph(self, section: str, kind: str | None = None) -> str:
        found = self._candidates(section, kind=kind)
        if not found:
            return ""
        # A short speech takes the shortest of a few candidates; the seed still varies it.
        point = min(found[:3], key=lambda p: len(p.lead + p.body)) if self.tight else found[0]
        entry = self._take(point)
        self.notes.append((_anchor(entry.lead), source_note(entry.point, self.bank)))
        return entry.text

    # -- the data --------------------------------------------------------

    def domain_order(self) -> list[str]:
        """Focus first, then domains the data speaks of, then the rest in a seeded order."""
        d = self.data
        order = list(dict.fromkeys(d.focus))
        order += [x for x in DOMAINS if x not in order and d.domain_has_data(x)]
        rest = [x for x in DOMAINS if x not in order]
        self.rng.shuffle(rest)
        return order + rest

    def _figures(self, domain: str, good: bool) -> str:
        clauses = []
        for n, m in enumerate(self.data.metrics, 1):
            fig = describe(m)
            if m.area == domain and fig.good == good:
                clauses.append(fig.clause)
                self.notes.append((fig.clause, f"数据：metrics 第{n}项（{m.name}）"))
        if not clauses:
            return ""
        year = f"{self.data.year}年，" if self.data.year else "过去一年，"
        return f"{year}全{self.words['县']}{'；'.join(clauses)}。"

    def _items(self, field_name: str, domain: str) -> list[str]:
        texts = []
        for n, x in enumerate(getattr(self.data, field_name), 1):
            text = _clean(x.text)
            if x.area == domain and text:  # an item of punctuation alone says nothing
                texts.append(text)
                self.notes.append((text, f"数据：{field_name} 第{n}项"))
        return texts

    def _good_news(self, domain: str) -> str:
        done = self._items("achievements", domain)
        return self._figures(domain, good=True) + (self.voice.done.format("，".join(done)) if done else "")

    def _bad_news(self, domain: str) -> str:
        problems = self._items("problems", domain)
        return self._figures(domain, good=False) + (self.voice.problem.format("；".join(problems)) if problems else "")

    def _data_entries(self, section: str, order: list[str], news: Callable[[str], str],
                      fallback: str, general: str) -> list[Entry]:
        """One entry per domain the news is about: a lead from the bank (or a plain one
        naming the domain) and the data's sentences as its body."""
        entries = []
        for domain in [*order, GENERAL]:
            body = news(domain)
            if not body:
                continue
            entry = self._one(section, domain=domain) if domain != GENERAL else None
            lead = entry.lead if entry else fallback.format(DOMAINS.get(domain, general))
            entries.append(Entry(lead=lead, body=body, domain=domain, data=True, point=entry.point if entry else None))
        return entries

    # -- parts -----------------------------------------------------------

    def significance(self, order: list[str]) -> _Pool:
        return _Pool(intro=self._paragraph("significance", "intro"), may=self._units("significance"))

    def achievements(self, order: list[str]) -> _Pool:
        pool = _Pool(intro=self._paragraph("achievements", "intro"))
        pool.must = self._data_entries("achievements", order, self._good_news, "{}取得新成效。", "各项重点工作")
        # Claims of success without figures stay general: a domain's own success is the data's to tell.
        pool.may = self._units("achievements", keep=lambda p: p.domain == GENERAL)
        return pool

    def gaps(self, order: list[str]) -> _Pool:
        pool = _Pool(intro=self._paragraph("gaps", "intro"))
        pool.must = self._data_entries("gaps", order, self._bad_news, "{}还有短板。", "基层基础工作")
        quiet = [x for x in order if not self.data.domain_has_data(x)]
        pool.may = self._units("gaps", keep=lambda p: p.domain == GENERAL or p.domain in quiet)
        return pool

    def tasks(self, order: list[str]) -> _Pool:
        pool = _Pool(intro=self._paragraph("tasks", "intro"))
        speaks = [x for x in order if x in self.data.focus or self.data.domain_has_data(x)]
        inline = self.genre.figures_in_tasks
        for domain in [*speaks, GENERAL]:
            priorities = self._items("priorities", domain)
            extra = self.voice.priority.format("、".join(priorities)) if priorities else ""
            if inline:
                extra = self._good_news(domain) + self._bad_news(domain) + extra
            entry = self._one("tasks", domain=domain) if domain != GENERAL else None
            if entry:
                entry.body += extra
                entry.short = entry.short + extra if entry.short else None
                entry.data = bool(extra)
                entry.bare = extra or None
                pool.must.append(entry)
            elif extra:
                name = DOMAINS.get(domain, "年度重点工作")
                pool.must.append(Entry(lead=f"扎实推进{name}。", body=extra, domain=domain, data=True))
        # A domain the data is silent on gets one point; only a long speech, once the data's
        # domains and the general points are spent, says more of it.
        # The data's domains take turns, one point each round, so a draft takes a seeded
        # share of each domain's points rather than all of the first domain's.
        found = {domain: [[self._entry(p)] for p in self._candidates("tasks", domain=domain)] for domain in order}
        rounds = [[found[d][i] for d in speaks if i < len(found[d])] for i in range(max(map(len, found.values())))]
        quiet = [d for d in order if d not in speaks]
        pool.may += rounds[0] if rounds else []
        # Parallel sets come in whole, once each of the data's domains has had its point, and
        # before the quiet domains fill the part's items.
        pool.may += [u for u in self._units("tasks") if u[0].series]
        pool.may += [found[d][0] for d in quiet if found[d]]
        pool.may += [[self._entry(p)] for p in self._candidates("tasks", domain=GENERAL)]
        pool.may += [u for r in rounds[1:] for u in r]
        pool.may += [u for d in quiet for u in found[d][1:]]
        return pool

    def safeguards(self, order: list[str]) -> _Pool:
        return _Pool(intro=self._paragraph("safeguards", "intro"), may=self._units("safeguards"))

    # -- the whole -------------------------------------------------------

    def compose(self, budget: int) -> Content:
        """Content whose sections aim at `budget` characters in all (headings aside)."""
        order = self.domain_order()
        shares = self.genre.shares
        paragraphs = {s: self._paragraph(s) if s in shares else "" for s in PARAGRAPHS}
        pools = {s: getattr(self, s)(order) for s in PARTS if s in shares}

        def around() -> int:
            # What stands around the parts' points: single paragraphs and the parts' intros.
            return sum(len(p) for p in paragraphs.values()) + sum(len(p.intro) for p in pools.values())

        def fixed() -> int:
            return around() + sum(e.size for p in pools.values() for e in p.must)

        # The fewest points each part must take, beyond the data's own.
        floor = sum(e.size for name, pool in pools.items()
                    for unit in pool.may[:max(0, self.genre.counts[name][0] - len(pool.must))] for e in unit)
        # A short speech whose data and fewest points nearly fill it does without the bridging paragraphs.
        # (Their notes go with them: the pipeline keeps notes only on text the draft holds.)
        for name in ("transition", "tasks", "safeguards", "significance", "gaps", "achievements"):
            if fixed() + floor <= budget * 0.9:
                break
            if name in paragraphs:
                paragraphs[name] = ""
            elif name in pools:
                pools[name].intro = ""
        # The parts' budget holds their data entries too: _fit counts them in its total.
        parts, exhausted = _fit(pools, self.genre, budget - around())
        # Tasks of one domain stand together, in the order the data gives the domains; a
        # parallel set stays together where its first point stands.
        rank = {d: i for i, d in enumerate([*order, GENERAL])}
        if "tasks" in parts:
            items = parts["tasks"].items
            home = {}
            for e in items:
                e.home = home.setdefault(e.series, e.domain) if e.series else e.domain
            items.sort(key=lambda e: rank[e.home])
        self.notes += [(_anchor(e.lead), source_note(e.point, self.bank)) for part in parts.values() for item in part.items
                       for e in (item, *item.more) if e.point]
        d = self.data
        bylines = []
        if d.speaker:
            # A named speaker is a fact the byline needs: ××× marks it for the writer to fill in.
            bylines.append("　".join(x for x in (d.speaker.role, d.speaker.name or "×××") if x))
            day = d.date
            if day or self.genre.dated:
                bylines.append(f"（{day.year}年{day.month}月{day.day}日）" if day else "（××××年××月××日）")
        return Content(
            genre=self.genre,
            title=d.title or f"在{d.meeting}上的{self.genre.ending}",
            bylines=bylines,
            words=self.words,
            region=d.region.name,
            speaker=d.speaker.role if d.speaker and d.speaker.role else "",
            opening=paragraphs["opening"],
            parts=parts,
            transition=paragraphs["transition"],
            closing=paragraphs["closing"],
            notes=self.notes,
            exhausted=exhausted,
        )


def _fit(pools: dict[str, _Pool], genre: Genre, budget: int) -> tuple[dict[str, Part], bool]:
    """Choose how many optional points each part takes, and which run short, so the parts
    together come near `budget` characters — never by cutting a sentence. A task point of a
    domain the part already speaks of joins that item as a paragraph of its own.
    Also says whether the points ran out before the budget was reached."""
    chosen = {name: list(pool.must) for name, pool in pools.items()}
    spare = {name: list(pool.may) for name, pool in pools.items()}
    # A draft says each topic once: the data's entries hold theirs, the units added take theirs.
    topics = {e.topic for items in chosen.values() for e in items if e.topic}

    def size(name: str) -> int:
        return sum(e.size for e in chosen[name])

    def total() -> int:
        return sum(size(n) for n in chosen)

    added: list[tuple[list[Entry], Unit]] = []  # (the list it went into, the unit), in order

    def fits(unit: Unit) -> bool:
        return not topics.intersection(e.topic for e in unit if e.topic)

    def put(where: list[Entry], unit: Unit) -> None:
        where.extend(unit)
        topics.update(e.topic for e in unit if e.topic)

    def place(name: str, unit: Unit) -> None:
        """Add a unit as new items, or a single entry under the item of its domain; or leave it out."""
        items = chosen[name]
        if not fits(unit):
            return
        entry = unit[0]
        same = next((e for e in items if e.domain == entry.domain != GENERAL and not e.series), None) \
            if name == "tasks" and len(unit) == 1 and not entry.series else None
        if same is not None and len(items) >= genre.counts[name][0]:
            put(same.more, unit)
            added.append((same.more, unit))
        elif len(items) + len(unit) <= genre.counts[name][1]:
            put(items, unit)
            added.append((items, unit))

    for name, (least, most) in genre.counts.items():
        while len(chosen[name]) < least and spare[name]:
            unit = spare[name].pop(0)
            if fits(unit) and len(chosen[name]) + len(unit) <= most:
                put(chosen[name], unit)
    must_len = {name: sum(e.size for e in pools[name].must) for name in pools}
    while total() < budget:
        open_ = [n for n in pools if spare[n]]
        if not open_:
            break
        # The part furthest below its share of the length takes its next point.
        name = min(open_, key=lambda n: (size(n) - must_len[n]) / genre.shares[n])
        place(name, spare[name].pop(0))
    # Overshoot: first shorter variants, then take back the latest additions.
    everything = [x for items in chosen.values() for e in items for x in (e, *e.more)]
    for e in sorted(everything, key=lambda e: -e.saving):
        if total() - budget <= budget * 0.03 or not e.saving:
            break
        e.use_short = True
    while total() > budget * 1.06 and added:
        where, unit = added.pop()
        for entry in unit:
            where.remove(entry)
    # Still too long: a task the data's domain was given, but which carries no figure, goes too
    # (a parallel set goes whole).
    for name, items in chosen.items():
        for entry in [e for e in reversed(items) if not e.data]:
            if total() <= budget * 1.06:
                break
            group = [e for e in items if e.series == entry.series] if entry.series else [entry]
            if entry not in items or len(items) - len(group) < genre.counts[name][0]:
                continue
            for e in group:
                items.remove(e)
    # Still too long with only the data and the fewest points left: the tasks that carry the
    # most of the bank's wording besides their data say the data alone, until it fits.
    bare = [e for items in chosen.values() for e in items if e.bare]
    for e in sorted(bare, key=lambda e: len(e.bare) - len(e.rest)):
        if total() <= budget * 1.06:
            break
        e.use_bare = True
    exhausted = total() < budget and not any(spare.values())
    return {name: Part(intro=pools[name].intro, items=chosen[name]) for name in pools}, exhausted


def compose(data: SpeechData, bank: Bank, measure: Callable[[Content], int], *,
            avoid: str = "") -> tuple[Content, int]:
    """Compose at the data's length: what the template adds (headings, ordinals, set phrases)
    is learnt from a first rendering, and the parts are refitted once or twice.
    Returns the content and how many points the --avoid text ruled out."""
    target = data.length
    budget, best = target, None
    for _ in range(4):
        composer = Composer(data, bank, avoid=avoid)
        content = composer.compose(budget)
        length = measure(content)
        if best is None or abs(length - target) < abs(best[1] - target):
            best = (content, length, len(composer.avoided))
        if abs(length - target) <= target * 0.04:
            break
        budget -= length - target
    return best[0], best[2]
