"""Which part of a speech each block of a finished draft belongs to, read from its text.

The Document says what a block is (heading, paragraph, lead), not which part of the speech it
stands in; the quality measures (quality.py) need the achievements, the gaps and the tasks.
The planner marks each paragraph that says a plan item with its domain (Paragraph.domain);
the parts are still read from the wording, which also serves a writer's own templates."""
from __future__ import annotations

import re
from dataclasses import dataclass

from speechdraft.document import Block, Document, Heading, Paragraph
from speechdraft.figures import describe
from speechdraft.model import SpeechData

ACHIEVEMENTS, GAPS, TASKS, OTHER, FRONT = "achievements", "gaps", "tasks", "other", "front"

# The gate's definitions (shared/tools/draft_gate.py): a numbered item, and a part heading.
NUMBERED = re.compile(r"^(?:[一二三四五六七八九十]+[是要]|首先|其次|第[三四五六七八九十]+[，、])")
PART_HEADING = re.compile(r"^[一二三四五六七八九十]+、")
SERIES_START = re.compile(r"^一[是要]")
ITEM_NUMBER = re.compile(r"^(?:[一二三四五六七八九十]+[是要]|首先，|其次，|第[一二三四五六七八九十]+[，、])")

SENTENCE_END = re.compile(r"[。！？]")

# A part heading in the first person is a participant's point, whatever its words.
_FIRST_PERSON = re.compile(r"我")
_ACHIEVEMENT_HEADING = re.compile(r"成绩|成效|进展")
_GAP_HEADING = re.compile(r"问题|差距|短板|不足|整改")
_OTHER_HEADING = re.compile(r"站位|意义|认识|思想")
# What turns an achievements run into gaps: the intro that admits shortcomings.
_GAP_INTRO = re.compile(r"在(?:肯定|看到)成绩的同时|清醒(?:地)?(?:认识|看)到|差距|不足|短板|薄弱")
# What a gap's lead says: a shortcoming, which no achievement's lead admits; or, more widely,
# a difficulty: a numbered item among the gaps that names neither is a task.
_SHORTCOMING = r"短板|差距|不足|薄弱|不够|滞后|不稳|不强|不高|不平衡|艰巨|还存在|还有|依然|仍"
_GAP_LEAD = re.compile(_SHORTCOMING)
_GAP_WORDS = re.compile(_SHORTCOMING + r"|问题|隐患|压力|风险|欠账|难题|瓶颈|尚")
# A claim of results: an outcome. 取得新成效, 扎实推进, 持续加力, 有序开展 are effort, not outcome.
_CLAIM = re.compile(r"改善|好转|向好|改观|提升|明显|显著|总体(?:保持)?稳定|保持良好|(?:持续|稳步|不断)提高|结构(?:持续|不断)?优化")
# 一要, 二要: a leader's tasks (gaps and achievements count 一是, 二是).
_DEPLOYS = re.compile(r"^[一二三四五六七八九十]+要")
# A paragraph that says what comes next starts the tasks.
_TASK_CUE = re.compile(r"我将|我们将|下一步")


@dataclass(frozen=True)
class Placed:
    """A block of the body with the part it belongs to."""

    block: Block
    part: str

    @property
    def text(self) -> str:
        return self.block.text


def claim_in(lead: str) -> re.Match[str] | None:
    """The words of a lead that claim results, if it does: 短板还比较明显 admits a shortcoming."""
    return None if _GAP_LEAD.search(lead) else _CLAIM.search(lead)


def lead_of(block: Block) -> str:
    """The lead of a point: its bold run, a heading's text, or else its first sentence."""
    if isinstance(block, Heading):
        return block.text
    bold = "".join(r.text for r in block.runs if r.lead)
    if bold:
        return bold
    m = SENTENCE_END.search(block.text)
    return block.text[: m.end()] if m else block.text


def clean_item(text: str) -> str:
    # As the writer of a draft puts an item into a sentence: without its closing mark.
    return text.strip().rstrip("。；，;,. ")


def _news(data: SpeechData) -> tuple[list[str], list[str]]:
    """The data's good news and bad news as the draft says it: figure clauses and item texts."""
    good = [describe(m).clause for m in data.metrics if describe(m).good]
    good += [t for t in (clean_item(x.text) for x in data.achievements) if t]
    bad = [describe(m).clause for m in data.metrics if not describe(m).good]
    bad += [t for t in (clean_item(x.text) for x in data.problems) if t]
    return good, bad


def _heading_part(text: str) -> str:
    if _FIRST_PERSON.search(text):
        return TASKS
    if _ACHIEVEMENT_HEADING.search(text):
        return ACHIEVEMENTS
    if _GAP_HEADING.search(text):
        return GAPS
    if _OTHER_HEADING.search(text):
        return OTHER
    return TASKS


def sections(document: Document, data: SpeechData) -> list[Placed]:
    """The body's blocks (headings and paragraphs), each with its part: front (the opening),
    achievements, gaps, tasks (safeguards included) or other (significance, study points).

    A part heading (一、) names its part by its words: in the first person it is a task (a
    trainee's point); 成绩/成效/进展 achievements; 问题/差距/短板/不足/整改 gaps; 站位/意义/
    认识/思想 other; anything else tasks. Before the first heading, the first paragraph is the
    opening and the rest is other. Within a part, the text moves the part on:
    - in other, a paragraph stating the data's good news (a figure that is good, an achievement)
      starts achievements, one stating bad news (a figure that is not, a problem) starts gaps;
    - in achievements, a paragraph with bad news, no good news and no claim of results in its
      lead (a claim over bad news is what contradicted_claims looks for), a numbered item
      whose lead names a shortcoming (短板, 差距, 还有…), or an unnumbered paragraph without
      the data's news that admits shortcomings (在肯定成绩的同时, 差距…), starts gaps;
    - in gaps, a numbered item whose lead names neither a shortcoming nor a difficulty (问题,
      风险, 压力…) is a task, and so is what follows it;
    - anywhere but tasks, an unnumbered paragraph saying what comes next (我将, 我们将, 下一步)
      starts tasks.
    """
    good, bad = _news(data)
    placed: list[Placed] = []
    part = None  # no heading yet
    for block in document.blocks:
        if isinstance(block, Heading):
            if block.level == 1:
                part = _heading_part(block.text)
            placed.append(Placed(block, part or OTHER))
            continue
        if not isinstance(block, Paragraph):
            continue
        text = block.text
        if part is None:
            placed.append(Placed(block, FRONT))
            part = OTHER
            continue
        numbered = bool(NUMBERED.match(text))
        has_good = any(x in text for x in good)
        has_bad = any(x in text for x in bad)
        if part != TASKS and not numbered and _TASK_CUE.search(text):
            part = TASKS
        elif part == OTHER and (has_good or has_bad):
            part = ACHIEVEMENTS if has_good else GAPS
        elif part == ACHIEVEMENTS and (has_bad and not has_good and not claim_in(lead_of(block))
                                       or numbered and _GAP_LEAD.search(lead_of(block))
                                       or not numbered and not has_good and _GAP_INTRO.search(text)):
            part = GAPS
        elif part == GAPS and numbered and (not _GAP_WORDS.search(lead_of(block)) or _DEPLOYS.match(text)):
            part = TASKS
        placed.append(Placed(block, part))
    return placed
