"""The planner: decides what a draft says and in what order, before a word is rendered — the
points of each section (seeded, never twice, each topic once), where each piece of the data
goes, which task takes up each problem, the parts and their headings — and fits the plan to
the length on itself, knowing what the genre's template adds."""
from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from speechdraft.domains import DOMAINS, GENERAL
from speechdraft.figures import describe
from speechdraft.genres import BANK_SECTION, GENRES
from speechdraft.layout import arrange
from speechdraft.model import SpeechData
from speechdraft.phrasebank import Bank, Point, fill
from speechdraft.plan import Item, Plan, Ref
from speechdraft.theme import named, theme
from speechdraft.wording import Writer

# Sections made of numbered items, in the order they are planned; the others are single paragraphs.
PARTS = ("significance", "achievements", "gaps", "tasks", "next", "safeguards")
PARAGRAPHS = ("opening", "transition", "closing")

_PLACES = {"water": ("河流", "湖泊", "水库"), "ecology": ("保护区",)}

def _space(genre: str, section: str) -> str:
    """Where a topic may be said once: a part's own; in a report, what was achieved and what
    was done are one account of the year, so they share one."""
    return "done" if genre == "report" and section in ("achievements", "tasks") else section


# What an item may add in one go: one item, or every item of a parallel set, in bank order.
Unit = list[Item]


@dataclass
class _Pool:
    """What a section can say: items it must keep (data) and units it may add, in order."""

    intro: str | None = None
    must: list[Item] = field(default_factory=list)
    may: list[Unit] = field(default_factory=list)


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


class Planner:
    def __init__(self, data: SpeechData, bank: Bank, *, avoid: str = ""):
        self.data = data
        self.bank = bank
        self.genre = GENRES[data.genre]
        self.counts = self.genre.counts_for(data.length)
        self.voices = self.genre.voices
        # The seed varies the wording; the place and occasion vary it too, so that two offices
        # drafting with the same seed don't get the same speech.
        self.rng = random.Random(f"{data.seed}-{data.region.name}-{data.meeting}")
        self.avoid = _squash(avoid)
        self.avoided: set[str] = set()
        self.used: set[str] = set()
        # Of the points taken so far, by section: a part says each topic once (a task may well
        # take up the topic of a gap).
        self.topics: dict[str, set[str]] = {}
        self.tight = data.length <= 2500
        self.theme = theme(data)
        # An occasion that names its theme (督察整改推进会, 河湖长制工作会议) says nothing of the
        # domains neither it nor the data speaks of: reviewers mark them off-topic, and a draft
        # that runs short for it says so.
        self.themed = named(data) is not None
        self.sizer = Writer(data, bank)
        self.slots = self.sizer.slots  # the same slot values the text is written with
        self.sizes: dict[tuple, int] = {}  # see _item_size; items live as long as the planner
        areas = {name: {x.area for x in getattr(data, name)}
                 for name in ("metrics", "achievements", "problems", "priorities")}
        always = {name for name, value in (("speaker", data.speaker), ("date", data.date)) if value is not None}
        self.given = {domain: {name for name, a in areas.items() if domain in a} | always
                      for domain in (*DOMAINS, GENERAL)}
        # A point may claim results in a domain only where every figure of it improved or met
        # its target and none got worse or stood still; "general" stands for all the figures.
        figures = [(m.area, describe(m)) for m in data.metrics]
        self.claimable = {}
        for domain in (*DOMAINS, GENERAL):
            mine = [f for a, f in figures if domain in (a, GENERAL) or domain == GENERAL]
            self.claimable[domain] = bool(mine) and all(f.better and f.good for f in mine)
        self.features = set(data.features)
        # The domains an exchange speech gives a part each: as many as its length holds.
        self.most_domains = max(3, min(7, data.length // 500))

    # -- choosing points -------------------------------------------------

    def _said_before(self, p: Point) -> bool:
        """The --avoid files already say this point (its lead, or a sentence of its body)."""
        if not self.avoid:
            return False
        sentences = re.findall(r"[^。！？]+[。！？]?", fill(p.body, self.slots))
        return any(len(s) >= 10 and _squash(s) in self.avoid
                   for s in [fill(p.lead, self.slots), *sentences])

    def _usable(self, p: Point, section: str) -> bool:
        if p.id in self.used or not self.given[p.domain].issuperset(p.needs):
            return False
        if p.topic in self.topics.get(_space(self.data.genre, section), ()) or (p.claims == "outcome" and not self.claimable[p.domain]):
            return False
        if p.features and not self.features.intersection(p.features):
            return False
        if any(slot not in self.slots for slot in p.places):
            return False
        if p.kind == "item" and not _paragraph_enough(fill(p.lead + p.body, self.slots)):
            return False  # a numbered item of one line
        if self._said_before(p):
            self.avoided.add(p.id)
            return False
        return True

    def _select(self, section: str, kind: str | None) -> list[Point]:
        return self.bank.select(BANK_SECTION.get(section, section), self.data.genre, self.voices[section], kind=kind)

    def _candidates(self, section: str, *, kind: str | None = "item", domain: str | None = None,
                    single: bool = True) -> list[Point]:
        """The usable points of a section in its part's voice, in a seeded order; a point of a
        parallel set only where `single` is off (a set is taken whole, by _units)."""
        found = [p for p in self._select(section, kind)
                 if (domain is None or p.domain == domain) and (not single or not p.series) and self._usable(p, section)]
        found.sort(key=lambda p: p.id)
        self.rng.shuffle(found)
        return found

    def _whole(self, p: Point, section: str, kind: str | None) -> list[Point] | None:
        """All of p's parallel set, in bank order, if every one of them can be used here."""
        members = self.bank.series(p.series)
        here = {q.id for q in self._select(section, kind)}
        topics = [m.topic for m in members if m.topic]
        if len(topics) == len(set(topics)) and all(m.id in here and self._usable(m, section) for m in members):
            return list(members)
        return None

    def _units(self, section: str, *, keep: Callable[[Point], bool] = lambda p: True) -> list[Unit]:
        """What a section may add, in a seeded order: single points, and each parallel set as one
        unit where its first point falls; a set goes in whole or not at all. A short speech
        takes no set: three or four items at once are too coarse to meet its length."""
        units, seen = [], set()
        for p in self._candidates(section, single=False):
            if not p.series:
                if keep(p):
                    units.append([self._item(p, section)])
            elif p.series not in seen and not self.tight:
                seen.add(p.series)
                members = self._whole(p, section, "item")
                if members and all(keep(m) for m in members):
                    units.append([self._item(m, section) for m in members])
        return units

    def _item(self, p: Point, section: str) -> Item:
        lead = fill(p.lead, self.slots)
        if section == "next":
            # Under 下一步，我们将重点抓好以下几个方面的工作：, an item doesn't say 下一步 again.
            lead = re.sub(r"^(?:下一步|今后)，?(?:我们将)?", "", lead) or lead
        elif section == "tasks" and self.data.genre == "study":
            # 一是我体会到，… : after its number, a participant's item says its point straight.
            lead = re.sub(r"^(?:通过(?:这次)?学习，)?我(?:深刻|深深)?(?:体会|认识|感受)到，?", "", lead) or lead
        return Item(section=section, domain=p.domain, lead=lead, point=p.id,
                    topic=p.topic, series=p.series)

    def _take(self, p: Point, section: str) -> Item:
        self.used.add(p.id)
        if p.topic:
            self.topics.setdefault(_space(self.data.genre, section), set()).add(p.topic)
        return self._item(p, section)

    def _one(self, section: str, *, domain: str | None = None, about: str = "") -> Item | None:
        """The next usable point; with `about` (the data it will carry), the one whose wording
        shares most with it, so that a figure stands under a point on its own subject."""
        found = self._candidates(section, domain=domain)
        if about and found:
            # Among the points close to it, the seed still chooses.
            score = {p.id: _overlap(about, f"{p.topic or ''}{p.lead}{p.body}") for p in found}
            best = max(score.values())
            found = [p for p in found if score[p.id] >= best * 0.4] if best else found
        return self._take(found[0], section) if found else None

    def _paragraph(self, section: str, kind: str | None = None) -> str | None:
        found = self._candidates(section, kind=kind)
        if not found:
            return None
        # A short speech takes a short one: the first, in the seed's order, of those near the shortest.
        point = found[0]
        if self.tight:
            shortest = min(len(p.lead + p.body) for p in found)
            point = next(p for p in found if len(p.lead + p.body) <= shortest * 1.3)
        self._take(point, section)
        return point.id

    # -- the data --------------------------------------------------------

    def domain_order(self) -> list[str]:
        """The occasion's theme first, then focus, then domains the data speaks of, then the rest seeded."""
        d = self.data
        order = list(dict.fromkeys([*([self.theme] if self.theme else []), *d.focus]))
        order += [x for x in DOMAINS if x not in order and d.domain_has_data(x)]
        rest = [x for x in DOMAINS if x not in order]
        self.rng.shuffle(rest)
        return order + rest

    def _refs(self, section: str, domain: str) -> list[Ref]:
        """What of the data goes into a section's item of a domain."""
        d = self.data
        figures = [(m, describe(m)) for m in d.metrics if m.area == domain]
        own = lambda items: [x.text for x in items if x.area == domain and x.text.strip("。；，;,. ")]  # noqa: E731
        inline = self.genre.figures_in_tasks
        refs: list[Ref] = []
        if section == "achievements" and not inline:
            refs += [Ref("指标", m.name) for m, f in figures if f.good]
            refs += [Ref("成绩", t) for t in own(d.achievements)]
        elif section == "gaps" and not inline:
            refs += [Ref("指标", m.name) for m, f in figures if not f.good]
            refs += [Ref("问题", t) for t in own(d.problems)]
        elif section == self._ahead:
            if inline:
                refs += [Ref("指标", m.name) for m, _ in figures]
                refs += [Ref("成绩", t) for t in own(d.achievements)]
                refs += [Ref("问题", t) for t in own(d.problems)]
            else:
                refs += [Ref("回应", t) for t in own(d.problems)]
            refs += [Ref("重点", t) for t in own(d.priorities)]
            refs += [Ref("目标", m.name) for m, _ in figures if m.goal is not None]
            # The data's rivers and lakes in the water task, its protected areas in the ecology one.
            refs += [Ref("地名", p.name) for p in d.places if p.kind in _PLACES.get(domain, ())]
        return refs

    @property
    def _ahead(self) -> str:
        """The section that says what comes next: a report's 下一步打算, else the tasks."""
        return "next" if "next" in self.genre.shares else "tasks"

    def _data_items(self, section: str, order: list[str], fallback: str, general: str) -> list[Item]:
        """One item per domain the data speaks of here: a bank point of that domain as its
        lead and body (its claims allowed by the data), or a plain lead naming the domain."""
        items = []
        for domain in [*order, GENERAL]:
            refs = self._refs(section, domain)
            if not refs:
                continue
            item = self._one(section, domain=domain, about="".join(r.name for r in refs))
            if item is None:
                item = Item(section=section, domain=domain, lead=fallback.format(DOMAINS.get(domain, general)))
            item.data = refs
            items.append(item)
        return items

    # -- sections --------------------------------------------------------

    def significance(self, order: list[str]) -> _Pool:
        return _Pool(intro=self._paragraph("significance", "intro"), may=self._units("significance"))

    def achievements(self, order: list[str]) -> _Pool:
        # A participant speaks of his own understanding: the year's work is his data, briefly,
        # not a report of the whole region's.
        speaking = self.data.genre != "study"
        pool = _Pool(intro=self._paragraph("achievements", "intro") if speaking else None)
        pool.must = self._data_items("achievements", order, "{}扎实推进。", "各项重点工作")
        # Claims without figures stay general, and come only where the data gives too little
        # to make the part: a domain's own success is the data's to tell.
        if speaking and len(pool.must) < self.counts["achievements"][0]:
            pool.may = self._units("achievements", keep=lambda p: p.domain == GENERAL)
        return pool

    def gaps(self, order: list[str]) -> _Pool:
        pool = _Pool(intro=self._paragraph("gaps", "intro"))
        pool.must = self._data_items("gaps", order, "{}还有短板。", "基层基础工作")
        # A quiet domain's gap calls for a task of its own after it: not in a short speech.
        quiet = [x for x in order if not self.data.domain_has_data(x) and not self.themed and not self.tight]
        pool.may = self._units("gaps", keep=lambda p: p.domain in (GENERAL, self.theme) or p.domain in quiet)
        return pool

    def _speaks(self, order: list[str]) -> list[str]:
        return [x for x in order if x == self.theme or x in self.data.focus or self.data.domain_has_data(x)]

    def tasks(self, order: list[str]) -> _Pool:
        return self._forward("tasks", order)

    def next(self, order: list[str]) -> _Pool:
        return self._forward("next", order)

    def _forward(self, section: str, order: list[str]) -> _Pool:
        """Tasks (or a report's next steps): the data's first, the theme's the larger share, a
        domain nobody speaks of one item at most and none in a short speech."""
        pool = _Pool(intro=self._paragraph(section, "intro") if section == "tasks" else None)
        carries = section == self._ahead
        speaks = self._speaks(order)
        if self.themed:
            # An exchange speech still has three parts at least: one per domain.
            quiet_room = max(0, 3 - len(speaks)) if self.data.genre == "training" else 0
        elif self.data.genre == "training":
            quiet_room = max(0, self.most_domains - len(speaks))
        else:
            quiet_room = 0 if self.tight else len(DOMAINS)
        for domain in [*speaks, GENERAL] if carries else []:
            refs = self._refs(section, domain)
            if not refs:
                continue
            item = self._one(section, domain=domain, about="".join(r.name for r in refs)) if domain != GENERAL else None
            if item is None:
                item = Item(section=section, domain=domain, lead=f"扎实推进{DOMAINS.get(domain, '年度重点工作')}。")
            item.data = refs
            pool.must.append(item)
        found = {d: [[self._item(p, section)] for p in self._candidates(section, domain=d)] for d in order}
        quiet = [d for d in order if d not in speaks][:quiet_room]
        if self.theme in found:
            # The occasion's own domain goes first and takes two more items than any other; at
            # an occasion named for it, they are kept like the data's.
            extra = found[self.theme][:1 if self.tight else 2]
            if self.themed and carries:
                pool.must += [self._take(self.bank.get(u[0].point), section) for u in extra]
                found[self.theme] = found[self.theme][len(extra):]
            else:
                pool.may += extra
        others = [d for d in speaks if d != self.theme]
        rounds = [[found[d][i] for d in others if i < len(found[d])] for i in range(max(map(len, found.values()), default=0))]
        pool.may += rounds[0] if rounds else []
        # Parallel sets come in whole, once each of the data's domains has had its point, and
        # before the quiet domains fill the part's items.
        pool.may += [u for u in self._units(section) if u[0].series
                     and all(i.domain in speaks or i.domain == GENERAL or i.domain in quiet for i in u)]
        pool.may += [found[d][0] for d in quiet if found[d]]
        pool.may += [[self._item(p, section)] for p in self._candidates(section, domain=GENERAL)]
        # Later rounds: the theme's next item before each, so that it keeps the larger share.
        more = iter(found.get(self.theme, [])[2:])
        for later in rounds[1:]:
            pool.may += [u for u in [next(more, None)] if u] + later
        pool.may += list(more)
        return pool

    def safeguards(self, order: list[str]) -> _Pool:
        return _Pool(intro=self._paragraph("safeguards", "intro"), may=self._units("safeguards"))

    # -- the whole -------------------------------------------------------

    def plan(self, budget: int) -> tuple[Plan, bool]:
        """A plan whose text comes near `budget` characters; and whether the points ran out first."""
        order = self.domain_order()
        shares = self.genre.shares
        paragraphs = {s: self._paragraph(s) if s in shares else None for s in PARAGRAPHS}
        pools = {s: getattr(self, s)(order) for s in PARTS if s in shares}

        def text(point_id: str | None) -> int:
            p = self.bank.get(point_id) if point_id else None
            return len(fill(p.lead + p.body, self.slots)) if p else 0

        def around() -> int:
            return sum(map(text, paragraphs.values())) + sum(text(p.intro) for p in pools.values())

        chosen, exhausted = _fit(pools, self.counts, self.genre.shares, budget - around(), self.sizer.sample,
                                 lambda name: _space(self.data.genre, name))
        # Still too long with the fewest items: the bridging paragraphs go, the least needed first.
        # (Their notes go with them: the pipeline keeps notes only on text the draft holds.)
        for name in ("transition", "tasks", "safeguards", "significance", "gaps", "achievements"):
            if around() + self._size(chosen) <= budget * 1.06:
                break
            if name in paragraphs:
                paragraphs[name] = None
            elif name in pools:
                pools[name].intro = None
        self._theme_leads(chosen)
        self._answer_every_gap(chosen, budget - around())
        rank = {d: i for i, d in enumerate([*order, GENERAL])}
        items = []
        for name in PARTS:
            if name not in chosen:
                continue
            mine = chosen[name]
            if name in ("tasks", "next"):
                # Tasks of one domain stand together, the theme's first; a parallel set stays
                # together where its first point stands.
                home: dict[str | None, str] = {}
                mine.sort(key=lambda e: rank[home.setdefault(e.series, e.domain) if e.series else e.domain])
            items += mine
        intros = {name: pool.intro for name, pool in pools.items() if pool.intro}
        parts = arrange(self.data.genre, items, named(self.data), random.Random(f"headings-{self.data.seed}-{self.data.region.name}"), intros)
        d = self.data
        plan = Plan(genre=d.genre, seed=d.seed, title=d.title or f"在{d.meeting}上的{self.genre.ending}",
                    opening=paragraphs["opening"], transition=paragraphs["transition"],
                    closing=paragraphs["closing"], parts=parts)
        return plan, exhausted

    def _theme_leads(self, chosen: dict[str, list[Item]]) -> None:
        """At an occasion named for its theme, the theme keeps the larger share of the tasks:
        another domain with as many items gives back its last ones that carry no data (a
        parallel set goes whole)."""
        tasks = chosen.get("tasks")
        if not tasks or not self.themed:
            return  # a theme from `focus` alone leads by order, not by trimming the others
        while True:
            theme = sum(i.domain == self.theme for i in tasks)
            count: dict[str, int] = {}
            for i in tasks:
                count[i.domain] = count.get(i.domain, 0) + 1
            over = [d for d, n in count.items() if d not in (self.theme, GENERAL) and n >= theme]
            spare = [i for i in reversed(tasks) if i.domain in over and not i.data]
            if not theme or not spare:
                return
            gone = spare[0]
            for i in [i for i in tasks if gone.series and i.series == gone.series] or [gone]:
                tasks.remove(i)

    def _answer_every_gap(self, chosen: dict[str, list[Item]], budget: int) -> None:
        """Every gap's domain is taken up by a task after it: a task of that domain is added,
        or a gap the bank alone raised, with no task to answer it, is left out. Where the
        answers take the plan past its length, the last gaps the bank alone raised go, with them."""
        ahead = chosen.get(self._ahead)
        if ahead is None or "gaps" not in chosen:
            return
        answers: list[tuple[Item, Item]] = []
        for gap in list(chosen["gaps"]):
            domain = gap.domain
            if domain == GENERAL or any(t.domain == domain for t in ahead):
                continue
            found = [p for p in self._candidates(self._ahead, domain=domain)
                     if p.topic not in {i.topic for i in ahead if i.topic}]
            # The task that takes up what the gap says, as nearly as the bank has it.
            point = self.bank.get(gap.point) if gap.point else None
            said = gap.lead + (point.body if point else "")
            found.sort(key=lambda p: -_overlap(said, f"{p.topic or ''}{p.lead}{p.body}"))
            if found:
                answer = self._take(found[0], self._ahead)
                ahead.append(answer)
                answers.append((gap, answer))
            elif not gap.data:
                chosen["gaps"].remove(gap)
        least = self.counts["gaps"][0]
        for gap, answer in reversed(answers):
            # Every gap of the answer's domain goes with it; none of them carries data.
            mine = [g for g in chosen["gaps"] if g.domain == gap.domain]
            if (self._size(chosen) <= budget * 1.06 or any(g.data for g in mine)
                    or len(chosen["gaps"]) - len(mine) < least):
                break
            for g in mine:
                chosen["gaps"].remove(g)
            ahead.remove(answer)

    def _size(self, chosen: dict[str, list[Item]]) -> int:
        return sum(self._item_size(e) for items in chosen.values() for e in items)

    def _item_size(self, e: Item) -> int:
        """An item's size, written once per state of it: a data file of thousands of figures
        would otherwise be written out again at every step of the plan."""
        key = (id(e), e.short, e.bare, len(e.data), e.lead)
        if key not in self.sizes:
            self.sizes[key] = self.sizer.size(e)
        return self.sizes[key]


def _fit(pools: dict[str, _Pool], counts: dict[str, tuple[int, int]], shares: dict[str, float], budget: int,
         sample: Callable[[Item], str], space: Callable[[str], str]) -> tuple[dict[str, list[Item]], bool]:
    """Choose how many optional items each section takes, and which run short, so that the
    sections together come near `budget` characters — never by cutting a sentence. Also says
    whether the points ran out before the budget was reached."""
    chosen = {name: list(pool.must) for name, pool in pools.items()}
    spare = {name: list(pool.may) for name, pool in pools.items()}
    topics: dict[str, set[str]] = {}
    for name, items in chosen.items():
        topics.setdefault(space(name), set()).update(e.topic for e in items if e.topic)
    sizes: dict[int, int] = {}

    def measure(e: Item) -> int:
        if id(e) not in sizes:
            sizes[id(e)] = len(sample(e))
        return sizes[id(e)]

    def resize(e: Item) -> None:
        sizes.pop(id(e), None)

    def part(name: str) -> int:
        return sum(measure(e) for e in chosen[name])

    def total() -> int:
        return sum(part(n) for n in chosen)

    added: list[tuple[str, Unit]] = []

    def fits(name: str, unit: Unit) -> bool:
        return (not topics[space(name)].intersection(e.topic for e in unit if e.topic)
                and len(chosen[name]) + len(unit) <= counts[name][1])

    def put(name: str, unit: Unit) -> None:
        chosen[name].extend(unit)
        topics[space(name)].update(e.topic for e in unit if e.topic)
        added.append((name, unit))

    for name in pools:
        while len(chosen[name]) < counts[name][0] and spare[name]:
            unit = spare[name].pop(0)
            if fits(name, unit):
                chosen[name].extend(unit)
                topics[space(name)].update(e.topic for e in unit if e.topic)
    must_len = {name: sum(measure(e) for e in pools[name].must) for name in pools}
    while total() < budget:
        open_ = [n for n in pools if spare[n]]
        if not open_:
            break
        # The section furthest below its share of the length takes its next unit.
        name = min(open_, key=lambda n: (part(n) - must_len[n]) / shares[n])
        unit = spare[name].pop(0)
        if fits(name, unit):
            put(name, unit)
    # Overshoot: first shorter variants, then take back the latest additions.
    everything = [e for items in chosen.values() for e in items]

    def saving(e: Item) -> int:
        if e.short:
            return 0
        e.short = True
        shorter = sample(e)
        e.short = False
        return measure(e) - len(shorter) if _paragraph_enough(shorter, _SPARE) else 0  # never down to one line

    for e in sorted(everything, key=lambda e: -saving(e)):
        if total() - budget <= budget * 0.03 or saving(e) <= 0:
            break
        e.short = True
        resize(e)
    while total() > budget * 1.06 and added:
        name, unit = added.pop()
        for e in unit:
            chosen[name].remove(e)
    # Still too long: an item that carries no data goes (a parallel set goes whole).
    for name, items in chosen.items():
        for entry in [e for e in reversed(items) if not e.data]:
            if total() <= budget * 1.06:
                break
            group = [e for e in items if e.series == entry.series] if entry.series else [entry]
            if entry not in items or len(items) - len(group) < counts[name][0]:
                continue
            for e in group:
                items.remove(e)
    # Still too long with only the data and the fewest points left: the items that carry the
    # most of the bank's wording besides their data say the lead and the data alone, where
    # that is still a paragraph.
    heavy = [e for items in chosen.values() for e in items if e.data and e.point]
    for e in sorted(heavy, key=lambda e: -measure(e)):
        if total() <= budget * 1.06:
            break
        e.bare = True
        if _paragraph_enough(sample(e), _SPARE):
            resize(e)
        else:
            e.bare = False  # the data alone would be an item of one line
    # Still too long: the smaller data items of a section join in one item, as a short speech
    # sums up the rest of the year's work (其他各项工作…) in a paragraph.
    leads = {"achievements": ("各项重点工作扎实推进。", "其他各项工作也取得积极进展。"),
             "gaps": ("一些领域的工作还有短板。", "其他一些方面也还存在短板。")}
    for name, (alone, besides) in leads.items():
        items = chosen.get(name, [])
        small = sorted((e for e in items if e.data and e.domain != GENERAL), key=measure)
        while total() > budget * 1.06 and len(small) >= 2:
            lead = besides if len(items) > len(small) else alone
            joined = Item(section=name, domain=GENERAL, lead=lead, data=[r for e in small for r in e.data])
            if not _paragraph_enough(sample(joined), _SPARE) or len(sample(joined)) >= sum(measure(e) for e in small):
                small.pop()  # the largest stays on its own; try the rest
                continue
            for e in small:
                items.remove(e)
            items.append(joined)  # 其他…: after the items that stand on their own
            break
    # Joining may leave room: the parts take what still fits whole, furthest below their share first.
    while total() < budget * 0.96:
        room = [(n, u) for n in pools for u in spare[n][:1]
                if fits(n, u) and total() + sum(measure(e) for e in u) <= budget * 1.06]
        if not room:
            break
        name, unit = min(room, key=lambda r: (part(r[0]) - must_len[r[0]]) / shares[r[0]])
        spare[name].pop(0)
        put(name, unit)
    exhausted = total() < budget and not any(spare.values())
    return chosen, exhausted


# How much shorter a figure's frame may come out than the sample the fit measured.
_SPARE = 10


def _overlap(about: str, text: str) -> int:
    """How many two-character words of `about` the text holds."""
    pairs = {about[i:i + 2] for i in range(len(about) - 1)} - {"全年", "完成", "推进", "问题", "比例"}
    return sum(pair in text for pair in pairs)


def _paragraph_enough(text: str, margin: int = 0) -> bool:
    """A numbered item is a paragraph: two sentences at least, fifty characters at least
    (with `margin` to spare, where the text is a sample whose figure frames may come out shorter)."""
    return len(re.findall(r"[。！？；]", text)) >= 2 and len(text) >= 50 + margin
