"""How well a finished draft holds together, measured on the text a writer reads.

Each detector takes the draft's Document (and, where it needs them, the data it was made
from) and returns one short English description per fault, with an excerpt of the text: it is
for developers driving the planner by numbers (benchmarks/bench_quality.py), not for writers.

The detectors that need the achievements, gaps or tasks of a draft find them with
draftparts.sections."""
from __future__ import annotations

import re
from collections.abc import Callable

from speechdraft.check.context import Context
from speechdraft.check.findings import ERROR
from speechdraft.check.rules import duplicate, level as level_rule
from speechdraft.document import Block, Document, Heading, Paragraph
from speechdraft.draftparts import (
    ACHIEVEMENTS, GAPS, ITEM_NUMBER, NUMBERED, PART_HEADING, SENTENCE_END, SERIES_START, TASKS,
    Placed, claim_in, clean_item, lead_of, sections,
)
from speechdraft.domains import DOMAINS, GENERAL, guess_domain
from speechdraft.figures import clauses, describe, quantity
from speechdraft.model import Metric, SpeechData
from speechdraft.punct import find_half_width
from speechdraft.slips import is_share
from speechdraft.wordlists import load_wordlists

# ---------------------------------------------------------------- domains

# Words that name a domain where guess_domain (made for metric names) finds none.
_DOMAIN_WORDS = [
    ("air", r"大气|蓝天"),
    ("water", r"水环境|水生态|碧水|水污染|河湖"),
    ("soil", r"净土|固体废物|危险废物|无废|地下水"),
    ("ecology", r"生态系统|生态保护|生态修复|国土绿化|生态环境状况|矿山"),
    ("carbon", r"能源|降碳|低碳|双碳"),
    ("industry", r"绿色转型|产业结构|发展方式"),
    ("rural", r"乡村"),
    ("urban", r"人居环境|城乡"),
    ("culture", r"生态文明意识|宣传教育|生态文化"),
    ("governance", r"监管能力|执法|治理体系|治理能力"),
]


def domain_of(text: str) -> str:
    """The domain a lead or a sentence speaks of: guess_domain, then a domain's Chinese name,
    then the words above; general when none."""
    found = guess_domain(text)
    if found != GENERAL:
        return found
    for domain, name in DOMAINS.items():
        if name in text:
            return domain
    return next((d for d, pattern in _DOMAIN_WORDS if re.search(pattern, text)), GENERAL)


def _stated(text: str, data: SpeechData) -> set[str]:
    """The domains of the data's figures and items that a text states."""
    found = {m.area for m in data.metrics if describe(m).clause in text}
    found |= {x.area for x in (*data.achievements, *data.problems, *data.priorities)
              if (t := clean_item(x.text)) and t in text}
    return found


def _excerpt(text: str, start: int = 0, width: int = 32) -> str:
    begin = max(0, start - 6)
    return ("…" if begin else "") + text[begin:begin + width] + ("…" if begin + width < len(text) else "")


# ---------------------------------------------------------------- contradicted claims

# A claim that environmental quality got better, wherever it stands; an aim (推动…改善) claims
# nothing unless it says the improvement goes on (持续改善 takes for granted that it did).
QUALITY_CLAIM = re.compile(r"环境质量(?:持续|明显|显著|稳步|不断|总体)?(?:改善|好转|向好|改观)")
_AIM = re.compile(r"(?:推动|促进|确保|力争|努力|实现|推进|助力|保障|不断)[^，。；]{0,8}$")
# A figure of environmental quality, by its name.
_QUALITY_FIGURE = re.compile(r"质量|优良|达标|浓度|水质|PM|臭氧|断面|颗粒物|重污染天")


def _domain_fails(metrics: list[Metric]) -> bool:
    """A domain's figures bear no claim of results: one is bad news, or none improved or met its target."""
    return bool(metrics) and (any(not describe(m).good for m in metrics) or not any(describe(m).better for m in metrics))


def _worse_or_flat(m: Metric) -> bool:
    """Worse than last year, or the same; a share held at 100% is as good as it gets."""
    sign = 1 if m.better == "higher" else -1
    if m.previous is None or is_share(m) and m.better == "higher" and m.value == m.previous == 100:
        return False
    return round((m.value - m.previous) * sign, 9) <= 0


def _plainlead_of(sentence: str) -> bool:
    """A first sentence that reads as a lead: short, and no figure."""
    return len(sentence) <= 30 and not re.search(r"\d", sentence)


def _claims(placed: list[Placed]) -> list[tuple[Placed, str]]:
    """The achievements part's claims: headings, the leads of its points, and, for a paragraph
    without a bold lead, its first sentence when it reads as a lead (_plain_lead: a lecture
    or a study speech sets its achievements' leads in plain type)."""
    found = []
    for p in placed:
        if p.part != ACHIEVEMENTS:
            continue
        lead = lead_of(p.block)
        if isinstance(p.block, Heading) or any(r.lead for r in p.block.runs) or _plainlead_of(lead):
            found.append((p, lead))
    return found


def contradicted_claims(document: Document, data: SpeechData) -> list[str]:
    """Claims of results the data's figures contradict.

    A claim (draftparts.claim_in: 改善, 向好, 提升, 明显, 显著…) in a heading or lead of the achievements part,
    about a domain (domain_of its words, else the domains of the figures its paragraph states)
    whose figures include bad news (worse, or short of the target) or none that improved or met
    its target. A domain without figures is not counted. Also, anywhere but the gaps part, a
    sentence saying environmental quality in general (生态环境质量, not 水环境质量) improved
    (QUALITY_CLAIM) while a quality figure (_QUALITY_FIGURE) got worse or stayed flat on last
    year (a share held at 100% aside); an aim (推动…改善) is no claim, unless it says the improvement goes on (持续改善)."""
    placed = sections(document, data)
    by_domain: dict[str, list[Metric]] = {}
    for m in data.metrics:
        by_domain.setdefault(m.area, []).append(m)
    out = []
    for p, lead in _claims(placed):
        if not (m := claim_in(lead)):
            continue
        domain = domain_of(lead)
        domains = {domain} if domain != GENERAL else _stated(p.text, data) & set(by_domain)
        for d in sorted(domains):
            if _domain_fails(by_domain.get(d, [])):
                names = "、".join(x.name for x in by_domain[d])
                out.append(f"claims {m.group()!r} for {d}, but its figures ({names}) do not bear it out: {_excerpt(lead)}")
    flat = [m.name for m in data.metrics if _QUALITY_FIGURE.search(m.name) and _worse_or_flat(m)]
    if flat:
        for p in placed:
            if p.part == GAPS:
                continue
            for m in QUALITY_CLAIM.finditer(p.text):
                if domain_of(p.text[max(0, m.start() - 2):m.end()]) != GENERAL:
                    continue  # 水环境质量, 大气环境质量: a domain's claim, for the rule above
                sentence_start = max(p.text.rfind(c, 0, m.start()) for c in "。！？；，") + 1
                aim = _AIM.search(p.text[sentence_start:m.start()])
                if aim and "持续" not in m.group():
                    continue
                out.append(f"says {m.group()!r} while {'、'.join(flat)} got worse or stayed flat: "
                           f"{_excerpt(p.text, m.start())}")
    return out


# ---------------------------------------------------------------- numbering

def _body(document: Document) -> list[Block]:
    return [b for b in document.blocks if isinstance(b, (Heading, Paragraph))]


def unnumbered_in_series(document: Document) -> list[str]:
    """Paragraphs not numbered that stand between the numbered items of one series, as the
    draft gate defines it: a series opens at 一是/一要 and runs until the next part heading
    (一、) or the next 一是/一要; every paragraph before its last numbered item that is not
    numbered (一是, 一要, 首先, 其次, 第三，) counts. The gate names the first of each series;
    this counts each one."""
    out = []
    series: list[str] = []
    for text in [b.text.strip() for b in _body(document)] + ["一、"]:
        if PART_HEADING.match(text) or SERIES_START.match(text):
            numbered = [i for i, x in enumerate(series) if NUMBERED.match(x)]
            if numbered:
                out += [f"unnumbered paragraph between numbered items: {_excerpt(x)}"
                        for x in series[:numbered[-1] + 1] if not NUMBERED.match(x)]
            series = [] if PART_HEADING.match(text) else [text]
        elif series:
            series.append(text)
    return out


def one_line_items(document: Document) -> list[str]:
    """Numbered items (一是, 一要, 首先, 其次, 第三，) of fewer than two sentences (。！？；) or
    under 50 characters, as the draft gate counts them."""
    return [f"one-line item ({len(t)} chars): {_excerpt(t)}" for t in (b.text.strip() for b in _body(document))
            if NUMBERED.match(t) and (len(re.findall(r"[。！？；]", t)) < 2 or len(t) < 50)]


# ---------------------------------------------------------------- problems and goals

# What a problem says besides its subject: numbers and their measure words, hedges, words of state.
_FILLER = re.compile(
    r"[^\u4e00-\u9fff]+[个家座处条项台户件]?|部分|个别|一些|有的|尚未|仍然|仍有|仍较|依然|还有|还|仍|较为|较|比较|存在"
    r"|不够|偏低|偏高|突出|滞后|反弹|较重|较大|短板|薄弱|不足|不到位|有待|亟待|难度|压力|任务|问题|进度|情况|方面|工作"
    r"|建成|完成|[在的和与及等了是]"
)
# Pairs of characters that name no particular problem: any task of the domain says them.
_GENERIC = {"污染", "治理", "防治", "环境", "生态", "保护", "建设", "推进", "加强", "全面", "实施", "开展",
            "提升", "乡镇", "县级", "市级", "城市", "两季", "部分", "管理", "设施"}


def key_terms(problem: str) -> set[str]:
    """The pairs of adjacent characters of a problem's own words: its text less _FILLER, cut
    into runs, each run's two-character windows less the _GENERIC ones."""
    runs = [r for r in _FILLER.split(problem) if len(r) >= 2]
    return {r[i:i + 2] for r in runs for i in range(len(r) - 1)} - _GENERIC


def _task_domains(placed: list[Placed], data: SpeechData) -> list[set[str]]:
    """Each block's domains, for the tasks: its lead's domain (a paragraph with no number and no
    bold lead under a numbered item or heading takes that item's too) and the domains of the
    data it states."""
    out, current = [], GENERAL
    for p in placed:
        own = p.block.domain or domain_of(lead_of(p.block))
        if isinstance(p.block, Heading) or NUMBERED.match(p.text) or any(r.lead for r in p.block.runs):
            current = own
        out.append({own, current, *_stated(p.text, data)} - {GENERAL})
    return out


def unanswered_problems(document: Document, data: SpeechData) -> list[str]:
    """Problems no later task takes up.

    Each problem of the data must be answered by a task block (paragraph or heading of the
    tasks part) at or after the first block that states it (anywhere, when the draft never
    states it), of the problem's domain (its `domain`, else guess_domain; see _task_domains),
    that holds one of the problem's key_terms or the word 针对. Each gap item of the draft (a
    numbered or bold-led paragraph of the gaps part) that states no data problem must be
    answered by a later task block of its lead's domain; a gap of no domain (基层基础…) is not
    counted."""
    placed = sections(document, data)
    domains = _task_domains(placed, data)
    tasks = [(i, p.text) for i, p in enumerate(placed) if p.part == TASKS]
    out = []
    for x in data.problems:
        text = clean_item(x.text)
        if not text:
            continue
        at = next((i for i, p in enumerate(placed) if text in p.text), None)
        terms = key_terms(text)
        if any(i >= (at or 0) and x.area in domains[i] and ("针对" in t or any(k in t for k in terms))
               for i, t in tasks):
            continue
        where = "never stated, and" if at is None else "stated, but"
        out.append(f"problem {where} no later {x.area} task takes it up: {_excerpt(text)}")
    problems = [t for t in (clean_item(x.text) for x in data.problems) if t]
    for n, p in enumerate(placed):
        if p.part != GAPS or isinstance(p.block, Heading) or any(t in p.text for t in problems):
            continue
        if not (NUMBERED.match(p.text) or any(r.lead for r in p.block.runs)):
            continue
        domain = p.block.domain or domain_of(ITEM_NUMBER.sub("", lead_of(p.block)))
        if domain == GENERAL or any(i > n and domain in domains[i] for i, _ in tasks):
            continue
        out.append(f"gap item of {domain}: no later task of its domain: {_excerpt(p.text)}")
    return out


def _said(value: str, text: str) -> bool:
    """A figure said as such: 92% is not in 192% or 92.5%."""
    return re.search(rf"(?<![\d.]){re.escape(value)}(?!\d|\.\d)", text) is not None


def unstated_goals(document: Document, data: SpeechData) -> list[str]:
    """Metrics with a `goal` whose value, as quantity(goal, unit) writes it, no block of the
    tasks part says outside the data's figure clauses (a figure that happens to equal the goal,
    or a target 距90%的目标, states no goal)."""
    # Any of a figure's frames, whole or without its target words (均完成目标任务 says them once).
    said = [f.clause for m in data.metrics for f in clauses(m)]
    said = sorted({*said, *(c.rpartition("，")[0] for c in said if "，" in c)}, key=len, reverse=True)
    tasks = []
    for p in sections(document, data):
        if p.part == TASKS:
            text = p.text
            for clause in said:
                text = text.replace(clause, "")
            tasks.append(text)
    return [f"goal of {m.name} ({quantity(m.goal, m.unit)}) stated in no task"
            for m in data.metrics if m.goal is not None
            and not any(_said(quantity(m.goal, m.unit), t) for t in tasks)]


# ---------------------------------------------------------------- figure frames

_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_CLAUSE_END = re.compile(r"[；。！？]")


def figure_mentions(document: Document, data: SpeechData) -> list[tuple[str, str]]:
    """(clause, skeleton) of each mention of a metric with a number, in the draft's order: the
    clause runs from the metric's name to the next ；。！？, and its skeleton has the name as
    {M} and each number as {N}. Longer names are found first (城区空气质量… before 空气质量…)."""
    names = sorted({m.name for m in data.metrics}, key=len, reverse=True)
    found = []
    for block in _body(document):
        text = block.text
        taken: list[tuple[int, int, str]] = []
        for name in names:
            for m in re.finditer(re.escape(name), text):
                if not any(s <= m.start() < e for s, e, _ in taken):
                    taken.append((m.start(), m.end(), name))
        for start, end, name in sorted(taken):
            stop = _CLAUSE_END.search(text, end)
            clause = text[start:stop.start() if stop else len(text)]
            rest = clause[len(name):]
            if _NUMBER.search(rest):
                found.append((clause, "{M}" + _NUMBER.sub("{N}", rest)))
    return found


def repeated_figure_frames(document: Document, data: SpeechData) -> list[str]:
    """Figures said in the same frame as the figure before or after them: each mention whose
    skeleton (figure_mentions) equals a neighbour's counts once."""
    mentions = figure_mentions(document, data)
    out = []
    for i, (clause, skeleton) in enumerate(mentions):
        before = i > 0 and mentions[i - 1][1] == skeleton
        after = i + 1 < len(mentions) and mentions[i + 1][1] == skeleton
        if before or after:
            out.append(f"same frame as its neighbour ({skeleton}): {_excerpt(clause)}")
    return out


# ---------------------------------------------------------------- sentences

def sentences(document: Document) -> list[str]:
    """The body's sentences (headings and paragraphs split at 。！？) of 8 characters or more."""
    return [s for b in _body(document) for s in (x.strip() for x in SENTENCE_END.split(b.text)) if len(s) >= 8]


def shared_sentences(one: Document, other: Document) -> list[str]:
    """The sentences of `one` that `other` also has."""
    theirs = set(sentences(other))
    return [s for s in sentences(one) if s in theirs]


def shared_share(one: Document, other: Document) -> float:
    """The share of `one`'s sentences that `other` also has (0 for a draft with none)."""
    mine = sentences(one)
    return len(shared_sentences(one, other)) / len(mine) if mine else 0.0


def _context(document: Document, level: str | None) -> Context:
    return Context([b.text for b in _body(document)], level, load_wordlists())


def repeated_sentences(document: Document) -> list[str]:
    """A sentence said twice in the draft, as the proofreader's rule finds it (10 characters
    or more, closing marks aside)."""
    ctx = _context(document, None)
    return [f"sentence twice: {_excerpt(ctx.paragraphs[f.paragraph - 1], f.span[0])}"
            for f in duplicate.check(ctx)]


def half_width_punctuation(document: Document) -> list[str]:
    """Half-width , ; : ? ! ( ) next to Chinese text (punct.find_half_width), one per mark."""
    return [f"half-width {f.old.strip()!r}: {_excerpt(b.text, f.start)}"
            for b in _body(document) for f in find_half_width(b.text)]


# ---------------------------------------------------------------- level words

_RANK = level_rule.RANK
_AFTER = "(?![场面部级域])"


def wrong_level_words(document: Document, data: SpeechData) -> list[str]:
    """Words naming the speaker's own area at another level than the region's.

    - A lower level's own words (全县, 我县, 县委、县政府 in a city's speech): the proofreader's
      errors (check/rules/level.py).
    - Another level of the same rank (全县 in a district's, 全旗 in a county's): 全X, 我X; 区
      aside, which may name an autonomous region or a development zone.
    - A higher level as one's own (我市, 全市上下 in a county's speech; 市委、市政府 name the city above).
    - 省 in an autonomous region (全省, 我省, 省委, 省政府 where the province is a 自治区)."""
    region = data.region
    ctx = _context(document, region.level)
    paragraphs = ctx.paragraphs
    spots = [(paragraphs[f.paragraph - 1], *f.span) for f in level_rule.check(ctx) if f.severity == ERROR]
    patterns = []
    for x, rank in _RANK.items():
        if x == region.level or x == "区":
            continue
        if rank == _RANK[region.level]:
            patterns.append(rf"(?<![健完安齐保周万十两成顾求])全{x}{_AFTER}|(?<!自)我{x}{_AFTER}")
        elif rank < _RANK[region.level]:
            patterns.append(rf"(?<!自)我{x}{_AFTER}")
    if "自治区" in f"{region.province or ''}{region.name}":
        patterns.append(rf"全省{_AFTER}|我省{_AFTER}|省委|省政府")
    if patterns:
        pattern = re.compile("|".join(patterns))
        for text in paragraphs:
            spots += [(text, *m.span()) for m in pattern.finditer(text)
                      if text[:m.start()].count("《") <= text[:m.start()].count("》")]
    # The proofreader's rule and the patterns here may find the same spot: it counts once.
    spots = list(dict.fromkeys(spots))
    return [f"{text[start:end]!r} in a {region.level}'s speech: {_excerpt(text, start)}" for text, start, end in spots]


# ---------------------------------------------------------------- all of them

Detector = Callable[[Document, SpeechData], list[str]]

# name -> detector over one draft, in the order the benchmark prints them.
DETECTORS: dict[str, Detector] = {
    "contradicted claims": contradicted_claims,
    "unnumbered paragraphs": lambda doc, data: unnumbered_in_series(doc),
    "one-line items": lambda doc, data: one_line_items(doc),
    "unanswered problems": unanswered_problems,
    "unstated goals": unstated_goals,
    "repeated figure frames": repeated_figure_frames,
    "sentence twice": lambda doc, data: repeated_sentences(doc),
    "half-width punctuation": lambda doc, data: half_width_punctuation(doc),
    "wrong level words": wrong_level_words,
}


def measure(document: Document, data: SpeechData) -> dict[str, list[str]]:
    """Every detector's findings on one draft."""
    return {name: detect(document, data) for name, detect in DETECTORS.items()}
