"""Write a plan's text: each item's lead, its point's body and the data it carries, in the
voice of the genre; figures said in varied frames, never the same frame twice in a row;
goals and answers to problems in the tasks. The result is plain content for a template."""
from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

from speechdraft.features import SLOT_KINDS
from speechdraft.figures import clauses, goal_clause
from speechdraft.numbers import speakable
from speechdraft.genres import GENRES, Genre, Voice
from speechdraft.layout import PHRASES
from speechdraft.levels import level_words
from speechdraft.model import Metric, SpeechData
from speechdraft.phrasebank import Bank, Point, fill
from speechdraft.plan import Item, Plan
from speechdraft.provenance import source_note
from speechdraft.render import chinese_number


def slot_values(data: SpeechData) -> dict[str, str]:
    """What the bank's slots say for this data: level words, the region, the year, its places."""
    places = {slot: next((p.name for kind in kinds for p in data.places if p.kind == kind), None)
              for slot, kinds in SLOT_KINDS.items()}
    return {
        **level_words(data.region),
        "地区": data.region.name,
        "年度": str(data.year) if data.year else "××",
        "会议": data.meeting,
        **{slot: name for slot, name in places.items() if name},
    }


@dataclass
class Entry:
    """One item as a template prints it: the lead, and what follows it."""

    lead: str
    rest: str
    section: str
    domain: str
    group: str | None = None  # the sub-heading it stands under, in a long speech

    @property
    def text(self) -> str:
        return self.lead + self.rest


@dataclass
class Block:
    """A top-level part as a template prints it."""

    key: str
    heading: str | None
    intros: dict[str, str]  # section -> the paragraph that opens it, before its items
    items: list[Entry]


@dataclass
class Content:
    """Everything a template needs; every string is final text, no slots left."""

    genre: Genre
    title: str
    bylines: list[str]
    words: dict[str, str]  # level words: 县, 党委政府 …
    region: str
    speaker: str  # the speaker's role, or empty when not given
    opening: str
    parts: list[Block]
    transition: str
    closing: str
    # The genre's set phrases as this draft words them (layout.PHRASES): announce, sign_off …
    phrases: dict[str, str] = field(default_factory=dict)
    notes: list[tuple[str, str]] = field(default_factory=list)  # (text, where it came from) for --annotate


def _clean(text: str) -> str:
    return speakable(text.strip().rstrip("。；，;,. "))


def anchor(lead: str) -> str:
    """What a note is anchored to: the lead without its closing mark, so that it is found
    whether the template sets it as a sentence or as a heading."""
    return lead.rstrip("。：；，！")


# A problem taken up again in the tasks is named without its figures: a figure is said once.
_COUNT = re.compile(r"\d+(?:\.\d+)?[万亿]?(?:个|家|座|处|户|台|条|项|名|人|次|辆|所|宗|件|公里|千米|米)")
_DIGIT = re.compile(r"\d")


def _again(problem: str) -> str | None:
    """The problem as a later part names it: counts become 部分; None where other figures stay."""
    text = _COUNT.sub("部分", problem)
    return None if _DIGIT.search(text) else text


class Writer:
    """Writes one plan for one data file. Frames are chosen by the seed, in reading order."""

    def __init__(self, data: SpeechData, bank: Bank):
        self.data = data
        self.bank = bank
        self.genre = GENRES[data.genre]
        self.voice: Voice = self.genre.voice
        self.slots = slot_values(data)
        self.words = level_words(data.region)
        self.rng = random.Random(f"wording-{data.seed}-{data.region.name}")
        self.last_frame: str | None = None
        self.picked: set[str] = set()  # the set frames used so far (goals, answers)
        self.last_goal: str | None = None
        self.habits: dict[str, int] = {}
        self.notes: list[tuple[str, str]] = []
        self.metrics = {m.name: (n, m) for n, m in enumerate(data.metrics, 1)}
        self.items = {kind: {x.text: (n, x) for n, x in enumerate(getattr(data, kind), 1)}
                      for kind in ("achievements", "problems", "priorities")}
        self.places = {p.name: n for n, p in enumerate(data.places, 1)}

    # -- pieces ------------------------------------------------------------

    def point(self, point_id: str | None) -> Point | None:
        return self.bank.get(point_id) if point_id else None

    def paragraph(self, point_id: str | None) -> str:
        p = self.point(point_id)
        if p is None:
            return ""
        lead = fill(p.lead, self.slots)
        self.notes.append((anchor(lead), source_note(p, self.bank)))
        return lead + fill(p.body, self.slots)

    def _pick(self, options: tuple[str, ...]) -> str:
        """A frame by the seed, one the draft has not used yet where there is one."""
        fresh = [o for o in options if o not in self.picked] or list(options)
        chosen = fresh[self.rng.randrange(len(fresh))]
        self.picked.add(chosen)
        return chosen

    def _figure(self, m: Metric) -> str:
        frames = clauses(m)
        last = (self.last_frame or "").partition("+")
        # Neither the sentence's shape nor its closing words (超额完成…) twice in a row.
        fresh = ([f for f in frames if f.frame.partition("+")[0] != last[0] and (not last[2] or f.frame.partition("+")[2] != last[2])]
                 or [f for f in frames if f.frame != self.last_frame] or frames)
        chosen = fresh[self.rng.randrange(len(fresh))]
        self.last_frame = chosen.frame
        return chosen.clause

    def _figures(self, names: list[str]) -> str:
        said = []
        for name in names:
            said.append(self._figure(self.metrics[name][1]))
        if not said:
            return ""
        # Several figures that all met their targets say so once: …，均超额完成目标任务.
        tails = {c.rpartition("，")[2] for c in said}
        both = ""
        if len(said) > 1 and len(tails) == 1 and "完成" in next(iter(tails)):
            both = "，均" + tails.pop()
            said = [c.rpartition("，")[0] for c in said]
        for name, clause in zip(names, said):
            n, m = self.metrics[name]
            self.notes.append((clause, f"数据：metrics 第{n}项（{m.name}）"))
        year = f"{self.data.year}年，" if self.data.year else "过去一年，"
        return f"{year}全{self.words['县']}{'；'.join(said)}{both}。"

    def _texts(self, kind: str, texts: list[str]) -> list[str]:
        out = []
        for text in texts:
            n, _ = self.items[kind][text]
            clean = _clean(text)
            out.append(clean)
            self.notes.append((clean, f"数据：{kind} 第{n}项"))
        return out

    def _goals(self, names: list[str]) -> str:
        """One sentence for the goals already within reach and one for those still to reach."""
        groups: dict[bool, list[str]] = {True: [], False: []}
        for name in names:
            n, m = self.metrics[name]
            clause = goal_clause(m)
            if not clause:
                continue
            there = m.value >= m.goal if m.better == "higher" else m.value <= m.goal
            clause = self._goal_verb(m, clause, there)
            groups[there].append(clause)
            self.notes.append((clause, f"数据：metrics 第{n}项（{m.name}）的 goal"))
        return "".join(self._pick(self.voice.keep if there else self.voice.reach).format("、".join(clauses))
                       for there, clauses in groups.items() if clauses)

    def _goal_verb(self, m: Metric, clause: str, there: bool) -> str:
        """Goals said one after another take turns with their verb: 达到, 提高到, 稳定在 …"""
        verbs = {("higher", False): ("达到", "提高到"), ("higher", True): ("稳定在", "保持在"),
                 ("lower", False): ("控制在", "降至"), ("lower", True): ("控制在", "稳定在")}[(m.better, there)]
        said = re.match(rf"^{re.escape(m.name)}(达到|控制在)(.*)$", clause)
        if not said:
            return clause
        verb = next((v for v in verbs if v != self.last_goal), verbs[0])
        self.last_goal = verb
        rest = said.group(2)
        if verb == "降至":
            rest = re.sub("以内$", "以下", rest)
        return f"{m.name}{verb}{rest}"

    def _answers(self, problems: list[str]) -> str:
        if not problems:
            return ""
        named = _again(_clean(problems[0]))
        if named is None:
            return ""
        many = len(problems) > 1
        # …设施的问题, …设施等问题; a problem that names itself one (…问题尚未整改到位) is a 情况.
        noun = "情况" if "问题" in named else "问题" if many else "的问题"
        return self._pick(self.voice.answer).format(f"{named}{'等' if many else ''}{noun}")

    # -- items -------------------------------------------------------------

    def data_text(self, item: Item) -> str:
        """The sentences an item says of the data, in the order a speech says them."""
        by = {kind: [r.name for r in item.data if r.kind == kind]
              for kind in ("指标", "目标", "成绩", "问题", "重点", "回应", "地名")}
        figures = self._figures(by["指标"])
        done = self._texts("achievements", by["成绩"])
        problems = self._texts("problems", by["问题"])
        priorities = self._texts("priorities", by["重点"])
        return "".join((
            figures,
            self.voice.done.format("，".join(done)) if done else "",
            self.voice.problem.format("；".join(problems)) if problems else "",
            self._answers(by["回应"]),
            self.voice.priority.format("、".join(priorities)) if priorities else "",
            self._goals(by["目标"]),
            self._places(by["地名"], item.domain),
        ))

    def _places(self, names: list[str], domain: str) -> str:
        if not names:
            return ""
        for name in names:
            self.notes.append((name, f"数据：places 第{self.places[name]}项"))
        frame = self.voice.reserves if domain == "ecology" else self.voice.waters
        return frame.format("、".join(names))

    # A participant's bank points often open their intent with these; a speech says them once or twice.
    _HABITS = ("结合分管工作，", "对照这一要求，", "通过学习，")

    def _once_or_twice(self, text: str) -> str:
        for habit in self._HABITS:
            if habit in text:
                self.habits[habit] = self.habits.get(habit, 0) + 1
                if self.habits[habit] > 2:
                    text = text.replace(habit, "", 1)
        return text

    def size(self, item: Item) -> int:
        return len(self.sample(item))

    def sample(self, item: Item) -> str:
        """An item's text about as it will be written (frames vary by a few characters);
        leaves no trace in the draft's notes or frames."""
        state = (len(self.notes), self.last_frame, self.last_goal, set(self.picked), dict(self.habits),
                 self.rng.getstate())
        text = self.entry(item).text
        del self.notes[state[0]:]
        self.last_frame, self.last_goal, self.picked, self.habits = state[1], state[2], state[3], state[4]
        self.rng.setstate(state[5])
        return text

    def entry(self, item: Item) -> Entry:
        p = self.point(item.point)
        body = ""
        if p is not None and not item.bare:
            body = fill(p.short if item.short and p.short else p.body, self.slots)
            self.notes.append((anchor(item.lead), source_note(p, self.bank)))
        data = self.data_text(item)
        if p is None and item.section == "gaps" and data:
            data += self._pick(self.voice.cause)
        body = self._once_or_twice(body)
        # The data follows the point's account: the work done, the shortfall in general, the task.
        return Entry(lead=item.lead, rest=body + data, section=item.section, domain=item.domain, group=item.group)


def write(plan: Plan, data: SpeechData, bank: Bank) -> Content:
    w = Writer(data, bank)
    opening = w.paragraph(plan.opening)
    parts = []
    for part in plan.parts:
        intros = {}
        for point_id in part.intros:
            p = w.point(point_id)
            intros[p.section] = w.paragraph(point_id)
        parts.append(Block(key=part.key, heading=part.heading, intros=intros, items=[w.entry(i) for i in part.items]))
    transition = w.paragraph(plan.transition)
    closing = w.paragraph(plan.closing)
    d = data
    bylines = []
    if d.speaker:
        # A named speaker is a fact the byline needs: ××× marks it for the writer to fill in.
        bylines.append("　".join(x for x in (d.speaker.role, d.speaker.name or "×××") if x))
        day = d.date
        if day or w.genre.dated:
            bylines.append(f"（{day.year}年{day.month}月{day.day}日）" if day else "（××××年××月××日）")
    speaker = d.speaker.role if d.speaker and d.speaker.role else ""
    phrases = {name: w._pick(options).format(n=chinese_number(len(plan.parts)), speaker=speaker or "一名党员领导干部")
               for name, options in PHRASES[d.genre].items()}
    if d.genre == "report" and not any({i.section for i in p.items} == {"gaps", "next"} for p in plan.parts):
        phrases.pop("next_steps")  # said only between the problems and the next steps
    if "sign_off" in phrases and re.search(r"批评指正|谢谢大家|发言完毕", closing):
        phrases["sign_off"] = ""  # the closing has signed off already
    return Content(genre=w.genre, title=plan.title, phrases=phrases, bylines=bylines, words=w.words, region=d.region.name,
                   speaker=speaker, opening=opening, parts=parts,
                   transition=transition, closing=closing, notes=w.notes)
