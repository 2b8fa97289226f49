"""How each genre lays its items out in top-level parts, as the corpus does, and which heading
each part takes: one from a set that matches what the plan put in it (data/headings.yaml)."""
from __future__ import annotations

import random
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from speechdraft.plan import Item, Part

_POLLUTION = frozenset({"air", "water", "soil", "rural", "urban"})


@dataclass(frozen=True)
class Slot:
    """A top-level part: the sections it holds, in order, and for tasks split across parts,
    which domains of them (None: those no earlier slot took)."""

    key: str
    sections: tuple[str, ...]
    domains: frozenset[str] | None = None


SLOTS: dict[str, tuple[Slot, ...]] = {
    "conference": (Slot("review", ("achievements", "gaps")), Slot("tasks", ("tasks",)),
                   Slot("safeguards", ("safeguards",))),
    "lecture": (Slot("stand", ("significance", "achievements")),
                Slot("problems", ("gaps", "tasks"), frozenset({"inspection"})),
                Slot("fight", ("tasks",), _POLLUTION), Slot("green", ("tasks",)),
                Slot("system", ("safeguards",))),
    "study": (Slot("stand", ("significance",)), Slot("review", ("achievements", "gaps")), Slot("tasks", ("tasks",))),
    "report": (Slot("results", ("achievements",)), Slot("fight", ("tasks",), _POLLUTION | {"inspection"}),
               Slot("green", ("tasks",)), Slot("next", ("gaps", "next"))),
    # An exchange speech gives each domain a part of its own, headed by its first item's lead.
    "training": (),
}


@cache
def _headings() -> dict:
    return yaml.safe_load((resources.files("speechdraft") / "data" / "headings.yaml").read_text(encoding="utf-8"))


def _matches(when: dict, items: list[Item], theme: str | None) -> bool:
    sections = {i.section for i in items}
    return (all(s in sections for s in when.get("sections", ()))
            and ("theme" not in when or when["theme"] == theme)
            and ("domains" not in when or bool(items) and all(i.domain in when["domains"] for i in items))
            and ("any" not in when or any(i.domain in when["any"] for i in items))
            and ("topics" not in when or any(i.topic in when["topics"] for i in items)))


def heading(genre: str, key: str, items: list[Item], theme: str | None, rng: random.Random) -> str | None:
    """The first set of headings whose conditions the part's items meet; a wording of it by the seed."""
    options = _headings().get(genre, {}).get(key)
    if not options:
        return None
    for option in options:
        if _matches(option.get("when", {}), items, theme):
            return rng.choice(option["say"])
    return None


def arrange(genre: str, items: list[Item], theme: str | None, rng: random.Random,
            intros: dict[str, str]) -> list[Part]:
    """The items (in the order they are to be read within each section) laid out in the genre's
    parts. A part with nothing in it is left out; an exchange speech makes a part of each domain."""
    if genre == "training":
        parts: list[Part] = []
        for item in items:
            if parts and parts[-1].key == item.domain:
                parts[-1].items.append(item)
            else:
                parts.append(Part(key=item.domain, heading=None, items=[item]))
        if parts and "tasks" in intros:
            parts[0].intros.append(intros["tasks"])
        return parts
    taken: set[int] = set()
    parts = []
    for slot in SLOTS[genre]:
        mine = [i for n, i in enumerate(items) if n not in taken and i.section in slot.sections
                and (slot.domains is None or i.section != "tasks"
                     or (_home(items, i) if i.series else i.domain) in slot.domains)]
        taken.update(n for n, i in enumerate(items) if any(i is m for m in mine))
        mine.sort(key=lambda i: slot.sections.index(i.section))
        if not mine:
            continue
        # The tasks' intro leads whichever part of tasks alone comes first.
        held = {i.section for i in mine}
        own = [intros[s] for s in slot.sections if s in intros and s in held
               and (s != "tasks" or slot.sections == ("tasks",) and not any(intros[s] in p.intros for p in parts))]
        _group(mine, rng)
        parts.append(Part(key=slot.key, heading=heading(genre, slot.key, mine, theme, rng), intros=own, items=mine))
    return parts


# A part with more tasks than this sets them under sub-headings by domain, as long speeches do.
GROUP_AT = 8


def _group(items: list[Item], rng: random.Random) -> None:
    """Sub-headings for the tasks of a long part: a domain with two items or more under its
    own, the rest together at the end; one group alone needs none."""
    tasks = [i for i in items if i.section == "tasks"]
    if len(tasks) <= GROUP_AT:
        return
    runs: dict[str, list[Item]] = {}
    for item in tasks:
        runs.setdefault(_run(tasks, item), []).append(item)
    # A set across domains other than the three battles stands with the rest.
    big = [d for d, run in runs.items() if len(run) >= 2
           and (not d.startswith("set:") or {i.domain for i in run} <= _POLLUTION)]
    if len(big) < 2:
        return
    names = _headings()["groups"]
    big.sort(key=lambda d: not d.startswith("set:"))  # the three battles before the domains' own
    ordered = [i for d in big for i in runs[d]] + [i for d, run in runs.items() if d not in big for i in run]
    for run in big:
        name = "pollution" if run.startswith("set:") else run
        heading_ = rng.choice(names.get(name, names["others"]))
        for item in runs[run]:
            item.group = heading_
    rest = rng.choice(names["others"])
    for d, run in runs.items():
        if d not in big:
            for item in run:
                item.group = rest
    start = items.index(tasks[0])
    items[start:start + len(tasks)] = ordered


def _run(tasks: list[Item], item: Item) -> str:
    """What a task is grouped by: its domain, or its parallel set's, or the set itself where
    the set spans several domains."""
    if not item.series:
        return item.domain
    kinds = {i.domain for i in tasks if i.series == item.series}
    return kinds.pop() if len(kinds) == 1 else f"set:{item.series}"


def _home(items: list[Item], item: Item) -> str:
    """A parallel set stays in the part of its first item."""
    return next(i.domain for i in items if i.series == item.series)


# What each built-in template says besides the plan's text and its set phrases (PHRASES):
# the salutation. Kept equal to the templates by tests/test_plan_rules.py.
_SALUTATIONS = {"conference": "同志们：", "lecture": "同志们：", "report": "尊敬的各位领导，同志们：", "study": "同志们：",
                "training": ""}


def added(genre: str, parts: list[Part]) -> int:
    """Characters the genre's template adds to the plan's text and set phrases: the salutation,
    ordinals, heading numbers."""
    from speechdraft.render import bare, chinese_number, sequence_word

    n = len(_SALUTATIONS[genre])
    for number, part in enumerate(parts, 1):
        if genre == "training":
            # 一、 before the first item's lead, which as a heading drops its closing mark
            lead = part.items[0].lead
            n += len(chinese_number(number)) + 1 - (len(lead) - len(bare(lead)))
            continue
        n += len(chinese_number(number)) + 1 if part.heading else 0
        section, group, count, groups = None, None, 0, 0
        for item in part.items:
            if item.group and item.group != group:
                groups += 1
                n += len(chinese_number(groups)) + 2  # （一）
            count = count + 1 if item.section == section and item.group == group else 1
            section, group = item.section, item.group
            if genre == "study":
                n += len(sequence_word(count)) + 1 if part.key == "stand" else \
                    len(chinese_number(count)) + 1 if part.key == "tasks" else 0
            elif not (genre == "lecture" and item.section in ("significance", "achievements")):
                n += len(chinese_number(count)) + 1
    return n


# The set phrases each genre's template says around the plan's text, each in several wordings
# chosen by the seed ({n}: how many parts; {speaker}: the speaker's role).
PHRASES: dict[str, dict[str, tuple[str, ...]]] = {
    "conference": {"announce": ("下面，我讲{n}个方面的意见。", "下面，我就做好今年的工作讲{n}点意见。",
                                "下面，围绕做好今年的工作，我讲{n}点意见。")},
    "lecture": {"announce": ("下面，我讲{n}个方面的意见。", "下面，结合学习体会和工作实际，我讲{n}点意见。",
                             "下面，围绕学习贯彻，我讲{n}个方面的意见。")},
    "report": {"lead_in": ("根据会议安排，现将有关工作情况汇报如下。", "下面，我就有关工作情况作简要汇报。",
                           "根据会议安排，我就有关工作情况作简要汇报。"),
               "next_steps": ("下一步，我们将重点抓好以下几个方面的工作：", "下一步，我们将重点做好以下工作：",
                              "针对这些问题，下一步我们将重点抓好以下工作："),
               "sign_off": ("以上汇报，不妥之处，请批评指正。", "以上汇报，如有不妥，请各位领导批评指正。",
                            "我就汇报这些，不妥之处，请批评指正。")},
    "study": {"resolve": ("作为{speaker}，我将坚定不移用习近平生态文明思想武装头脑、指导实践、推动工作，确保各项决策部署不折不扣落到实处。",
                          "作为{speaker}，我将把学习成果转化为推动工作的实际行动，重点抓好以下几个方面：",
                          "结合分管工作，作为{speaker}，我将从以下几个方面抓好落实："),
              "sign_off": ("发言完毕，谢谢大家！", "以上是我的几点体会，不当之处，请大家批评指正。",
                           "我就谈这些，不妥之处，请批评指正。")},
    "training": {"sign_off": ("以上是我的几点体会，不妥之处，请批评指正。", "以上是我参加这次培训的几点体会，不当之处，请批评指正。",
                              "我就交流这些，不妥之处，请大家批评指正。")},
}
