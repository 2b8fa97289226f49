"""data → plan → text → template → Document: the draft, with what the writer needs to know
about it (length, gaps to fill in, where each line came from)."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

from speechdraft import planfile
from speechdraft.document import GAP, Byline, Document, Heading, Paragraph, Title
from speechdraft.layout import added
from speechdraft.markup import parse
from speechdraft.model import SpeechData
from speechdraft.phrasebank import Bank, load_bank
from speechdraft.plan import Plan, says
from speechdraft.planner import Planner
from speechdraft.render import bare, render
from speechdraft.wording import Content, write

CHARS_PER_MINUTE = 220


@dataclass
class Draft:
    document: Document
    notes: list[tuple[str, str]]  # (text in the draft, where it came from)
    avoided: int  # phrase-bank points left out because the --avoid files already say them
    level: str  # the region's level, for the proofreader's level-word rule
    province: str | None  # the region's province, for the autonomous-region rule
    plan: Plan
    left_out: list[str] = field(default_factory=list)  # data the writer's plan does not say
    short_of_material: bool = False  # the bank ran out before the length asked for

    @property
    def length(self) -> int:
        """Characters the speaker reads: salutation, headings and paragraphs, no spaces."""
        return body_length(self.document)

    @property
    def minutes(self) -> int:
        return max(1, round(self.length / CHARS_PER_MINUTE))

    def gaps(self) -> list[tuple[str, str]]:
        """(where, excerpt) of every ×× the writer has to fill in: the byline, or a paragraph
        counted as a writer counts them (headings and the salutation included)."""
        found = []
        numbered = [b for b in self.document.blocks if not isinstance(b, Title)]
        for n, block in enumerate(numbered, 1):
            text = block.text
            where = "署名" if isinstance(block, Byline) else f"第{n}段"
            for m in GAP.finditer(text):
                found.append((where, f"…{text[max(0, m.start() - 12):m.start()]}【{m.group()}】{text[m.end():m.end() + 8]}…"))
        return found

    def findings(self) -> list:
        """What the proofreader finds in the draft. Gaps left for the writer are listed
        separately (gaps()), so the placeholder rule is not repeated here."""
        from speechdraft.check import check_paragraphs

        paragraphs = [b.text for b in self.document.blocks]
        return [f for f in check_paragraphs(paragraphs, level=self.level, province=self.province)
                if f.rule != "placeholder"]


def body_length(document: Document) -> int:
    # str.split() splits on exactly the characters str.isspace() accepts.
    return sum(map(len, document.body_text().split()))


def _placeable(notes: list[tuple[str, str]], document: Document) -> list[tuple[str, str]]:
    """Each note is anchored in a paragraph of its own that holds its words. Where the same
    words carry more notes than paragraphs hold them (one sentence given both as an
    achievement and as a problem, then said once), the extra sources join the last of them.
    A note on text the draft left out (a bridging paragraph dropped for length, an intro
    whose part the template did not write) goes with it: --annotate points only at what is there."""
    texts = [block.text for block in document.blocks]
    holding: dict[str, int] = {}  # fragment -> paragraphs holding it, counted once per fragment
    placed: list[list[str]] = []
    last: dict[str, int] = {}
    anchored: Counter[str] = Counter()  # fragment -> notes placed on it
    for fragment, source in notes:
        if fragment not in holding:
            holding[fragment] = sum(fragment in t for t in texts)
        if not holding[fragment]:
            continue
        if fragment in last and anchored[fragment] >= holding[fragment]:
            placed[last[fragment]][1] += f"；{source}"
            continue
        last[fragment] = len(placed)
        anchored[fragment] += 1
        placed.append([fragment, source])
    return [(fragment, source) for fragment, source in placed]


def _length(plan: Plan, content: Content) -> int:
    """The draft's length, from its plan and text alone: what the template adds is known."""
    text = [content.opening, content.transition, content.closing, *content.phrases.values()]
    for block in content.parts:
        groups = list(dict.fromkeys(e.group for e in block.items if e.group))
        text += [block.heading or "", *block.intros.values(), *groups, *(e.text for e in block.items)]
    return sum(len("".join(t.split())) for t in text) + added(plan.genre, plan.parts)


@dataclass
class Planned:
    plan: Plan
    content: Content
    avoided: int  # points the --avoid text ruled out
    exhausted: bool  # every usable point is in and the length is still short of the aim


def plan_draft(data: SpeechData, bank: Bank, *, avoid: str = "") -> Planned:
    """The plan at the data's length: fitted on itself and refitted once or twice with what
    the estimate missed, without rendering."""
    target = data.length
    budget, best = target, None
    over, under = None, None  # the budgets that came out longest-too-short and shortest-too-long
    for _ in range(6):
        planner = Planner(data, bank, avoid=avoid)
        plan, exhausted = planner.plan(budget)
        content = write(plan, data, bank)
        length = _length(plan, content)
        if best is None or abs(length - target) < abs(best[1] - target):
            best = (Planned(plan, content, len(planner.avoided), exhausted), length)
        if abs(length - target) <= target * 0.04:
            break
        # A plan's length moves in steps (an item in or out): once the aim lies between two
        # budgets, halve the difference instead of stepping past it again.
        if length > target:
            over = budget if over is None else min(over, budget)
        else:
            under = budget if under is None else max(under, budget)
        following = budget - (length - target)
        if over is not None and under is not None:
            following = (over + under) // 2
        if following == budget:
            break
        budget = following
    return best[0]


def _mark(document: Document, content: Content) -> None:
    """Give each paragraph (or exchange-speech heading) that says an item the item's domain."""
    leads = [(bare(e.lead), e.domain) for block in content.parts for e in block.items if bare(e.lead)]
    for n, block in enumerate(document.blocks):
        if isinstance(block, Paragraph):
            said = "".join(r.text for r in block.runs if r.lead) or block.text
        elif isinstance(block, Heading):
            said = block.text
        else:
            continue
        domain = next((d for lead, d in leads if says(lead, said)), None)
        if domain:
            document.blocks[n] = replace(block, domain=domain)


def _context(content: Content) -> dict:
    return {
        "title": content.title,
        "bylines": content.bylines,
        "words": content.words,
        "region": content.region,
        "speaker": content.speaker,
        "opening": content.opening,
        "parts": content.parts,
        "transition": content.transition,
        "closing": content.closing,
        "phrases": content.phrases,
    }


def make_draft(data: SpeechData, *, phrasebanks: tuple[Path, ...] = (), templates: tuple[Path, ...] = (),
               avoid: str = "", outline: Path | None = None) -> Draft:
    """The draft of the data; of exactly the plan in the file `outline` where the writer gave one."""
    bank = load_bank(phrasebanks)
    left_out: list[str] = []
    if outline is None:
        planned = plan_draft(data, bank, avoid=avoid)
    else:
        plan = planfile.load(outline, data, bank)
        data = data.model_copy(update={"seed": plan.seed})
        planned = Planned(plan, write(plan, data, bank), 0, False)
        left_out = planfile.missing(plan, data)
    content = planned.content
    document = parse(render(data.genre, _context(content), templates, seed=data.seed))
    _mark(document, content)
    document.meta = {
        "title": content.title,
        "subject": data.meeting,
        "author": data.speaker.name if data.speaker and data.speaker.name else "",
        "date": data.date.isoformat() if data.date else "",
    }
    return Draft(document=document, notes=_placeable(content.notes, document), avoided=planned.avoided,
                 level=data.region.level, province=data.region.province, plan=planned.plan, left_out=left_out,
                 short_of_material=planned.exhausted and body_length(document) < data.length * 0.85)
