"""Each quality detector (speechdraft.quality) on small hand-written drafts: it finds the fault
where there is one, and nothing where there is none; and the parts of a speech it reads them in
(speechdraft.draftparts)."""
from __future__ import annotations

import pytest

from speechdraft.document import Document
from speechdraft.markup import parse
from speechdraft.model import SpeechData
from speechdraft.draftparts import ACHIEVEMENTS, FRONT, GAPS, OTHER, TASKS, claim_in, sections
from speechdraft.quality import (
    contradicted_claims, half_width_punctuation, key_terms, one_line_items, repeated_figure_frames, repeated_sentences,
    shared_share, unanswered_problems, unnumbered_in_series, unstated_goals, wrong_level_words,
)

OPENING = "今天，我们召开生态环境保护工作会议，总结工作，部署任务。"
TASKS_HEADING = "## 二、聚焦重点难点，全力攻坚突破"
LONG = "要坚持精准治污、科学治污、依法治污，推动各项措施落地见效。强化监督检查，确保工作取得实效。"

WATER_FELL = {"name": "地表水国考断面优良水体比例", "value": 85, "unit": "%", "previous": 87.5, "domain": "water"}
WATER_ROSE = {"name": "地表水国考断面优良水体比例", "value": 90, "unit": "%", "previous": 87.5, "domain": "water"}
WATER_FLAT = {"name": "地表水国考断面优良水体比例", "value": 87.5, "unit": "%", "previous": 87.5, "domain": "water"}
AIR_ROSE = {"name": "空气质量优良天数比例", "value": 93.5, "unit": "%", "previous": 92.1, "domain": "air"}


def draft(*paragraphs: str) -> Document:
    """A speech in the draft's Markdown: title, salutation, opening, then the paragraphs given."""
    return parse("\n\n".join(["# 在全县生态环境保护工作会议上的讲话", "同志们：", OPENING, *paragraphs]) + "\n")


def data(level: str = "县", **fields) -> SpeechData:
    names = {"县": "青山县", "市": "临江市", "区": "滨湖区"}
    return SpeechData.model_validate({"genre": "conference", "meeting": "2024年全县生态环境保护工作会议",
                                      "region": {"name": names[level], "level": level}, **fields})


# ---------------------------------------------------------------- parts

def test_parts_follow_headings_and_the_gap_intro():
    doc = draft("## 一、客观总结成绩，清醒认识差距",
                "**一是水污染防治扎实推进。**全年整治入河排污口214个。",
                "在肯定成绩的同时，我们也清醒地认识到，我们的工作还有一定差距。主要是：",
                "**一是大气污染防治还有短板。**比如，臭氧污染在夏季仍较突出。",
                TASKS_HEADING,
                f"**一要打好蓝天保卫战。**{LONG}")
    parts = [p.part for p in sections(doc, data())]
    assert parts == [FRONT, ACHIEVEMENTS, ACHIEVEMENTS, GAPS, GAPS, TASKS, TASKS]


def test_gaps_without_an_intro_start_at_the_first_item_that_names_a_shortcoming():
    doc = draft("## 一、客观总结成绩，清醒认识差距",
                "**一是水污染防治扎实推进。**全年整治入河排污口214个。",
                "**一是大气污染防治还有短板。**比如，臭氧污染在夏季仍较突出。")
    assert [p.part for p in sections(doc, data())][2:] == [ACHIEVEMENTS, GAPS]


def test_a_headless_speech_finds_its_achievements_by_the_data_and_its_tasks_by_what_comes_next():
    doc = draft("首先，要提高站位。我体会到，生态环境保护和经济发展是辩证统一的。",
                "生态保护监管持续加强。全年完成营造林3.2万亩。",
                "作为分管副县长，我将坚定不移抓好落实。",
                f"一是我体会到，保护生物多样性，摸清家底是第一步。{LONG}")
    speech = data(achievements=["完成营造林3.2万亩"])
    assert [p.part for p in sections(doc, speech)] == [FRONT, OTHER, ACHIEVEMENTS, TASKS, TASKS]


def test_a_part_heading_in_the_first_person_is_a_task_whatever_its_words():
    doc = draft("## 一、我体会到，整改成效要让群众看得见", f"结合分管工作，我将推动问题整改。{LONG}")
    assert [p.part for p in sections(doc, data())][1:] == [TASKS, TASKS]


# ---------------------------------------------------------------- claims

def achievements(lead: str, body: str) -> Document:
    return draft("## 一、客观总结成绩，清醒认识差距", f"**一是{lead}**{body}")


def test_a_claim_of_results_over_a_domain_whose_figure_fell_is_found():
    found = contradicted_claims(achievements("水环境质量稳中向好。", "全年整治入河排污口214个。"),
                                data(metrics=[WATER_FELL]))
    assert len(found) == 1
    assert "'向好'" in found[0] and "water" in found[0] and "水环境质量稳中向好" in found[0]


def test_a_claim_over_a_flat_figure_is_found():
    found = contradicted_claims(achievements("水环境质量稳中向好。", "全年整治入河排污口214个。"),
                                data(metrics=[WATER_FLAT]))
    assert len(found) == 1


def test_a_claim_the_figures_bear_out_is_not_found():
    assert contradicted_claims(achievements("水环境质量稳中向好。", "全年整治入河排污口214个。"),
                               data(metrics=[WATER_ROSE])) == []


@pytest.mark.parametrize("lead", ["水污染防治扎实推进。", "水污染防治取得新成效。", "水污染防治持续加力。"],
                         ids=["steady-progress", "new-results", "more-effort"])
def test_effort_is_no_claim_of_results(lead):
    assert contradicted_claims(achievements(lead, "全年整治入河排污口214个。"), data(metrics=[WATER_FELL])) == []


def test_a_claim_without_domain_words_takes_the_domain_of_the_figures_beside_it():
    body = "2023年，全县地表水国考断面优良水体比例为85%，同比下降2.5个百分点。"
    found = contradicted_claims(achievements("攻坚成效明显。", body), data(metrics=[WATER_FELL]))
    assert len(found) == 1 and "water" in found[0]


def test_a_lead_in_plain_type_is_a_claim_too():
    doc = draft("## 一、提高政治站位强认识", "水环境质量稳中向好。全年整治入河排污口214个。")
    speech = data(metrics=[WATER_FELL], achievements=["整治入河排污口214个"])
    assert len(contradicted_claims(doc, speech)) == 1


def test_an_aim_in_the_tasks_is_no_claim():
    doc = draft(TASKS_HEADING, f"**一要推动水环境质量明显改善。**{LONG}")
    assert contradicted_claims(doc, data(metrics=[WATER_FELL])) == []


def test_general_quality_said_to_improve_while_a_quality_figure_stayed_flat_is_found():
    doc = draft(TASKS_HEADING, f"过去一年，全县生态环境质量明显改善。{LONG}")
    found = contradicted_claims(doc, data(metrics=[WATER_FLAT, AIR_ROSE]))
    assert len(found) == 1 and "地表水国考断面优良水体比例" in found[0]


def test_general_quality_said_to_improve_is_not_found_when_every_quality_figure_rose_or_stayed_at_100():
    doc = draft(TASKS_HEADING, f"过去一年，全县生态环境质量明显改善。{LONG}")
    drinking = {"name": "集中式饮用水水源地水质达标率", "value": 100, "unit": "%", "previous": 100, "domain": "water"}
    assert contradicted_claims(doc, data(metrics=[WATER_ROSE, AIR_ROSE, drinking])) == []


def test_an_aim_for_quality_is_no_claim_unless_it_says_the_improvement_goes_on():
    speech = data(metrics=[WATER_FELL])
    assert contradicted_claims(draft("## 二、聚焦重点难点，推动生态环境质量改善"), speech) == []
    assert len(contradicted_claims(draft("## 二、聚焦重点难点，推动生态环境质量持续改善"), speech)) == 1


# ---------------------------------------------------------------- numbering

def test_an_unnumbered_paragraph_between_numbered_items_is_found():
    doc = draft(TASKS_HEADING, f"**一要打好蓝天保卫战。**{LONG}", f"把柴油货车作为移动源治理的重中之重。{LONG}",
                f"**二要打好碧水保卫战。**{LONG}")
    found = unnumbered_in_series(doc)
    assert len(found) == 1 and "把柴油货车作为移动源治理的重中之重" in found[0]


def test_an_unnumbered_paragraph_after_the_last_item_or_before_a_new_series_is_not_found():
    doc = draft(TASKS_HEADING, f"**一要打好蓝天保卫战。**{LONG}", f"**二要打好碧水保卫战。**{LONG}",
                f"同志们，{LONG}", f"**一要健全责任体系。**{LONG}", f"**二要严格执法监督。**{LONG}")
    assert unnumbered_in_series(doc) == []


def test_an_item_of_one_sentence_is_found():
    found = one_line_items(draft(TASKS_HEADING, "**一要加强监管。**确保落实。"))
    assert len(found) == 1 and "一要加强监管" in found[0]


def test_an_item_of_two_sentences_and_fifty_characters_is_not_found():
    assert one_line_items(draft(TASKS_HEADING, f"**一要打好蓝天保卫战。**{LONG}")) == []


# ---------------------------------------------------------------- problems

OZONE = {"text": "臭氧污染在夏季仍较突出", "domain": "air"}
GAPS_PART = ["## 一、客观总结成绩，清醒认识差距", "在肯定成绩的同时，我们也清醒地认识到，工作还有差距。主要是：",
             "**一是大气污染防治还有短板。**比如，臭氧污染在夏季仍较突出。"]


def test_key_terms_leave_out_hedges_and_words_any_task_says():
    assert key_terms("臭氧污染在夏季仍较突出") == {"臭氧", "氧污", "夏季"}


def test_a_problem_no_later_task_takes_up_is_found():
    doc = draft(*GAPS_PART, TASKS_HEADING, f"**一要下足绣花功夫管住扬尘。**{LONG}")
    found = unanswered_problems(doc, data(problems=[OZONE]))
    assert found == ["problem stated, but no later air task takes it up: 臭氧污染在夏季仍较突出"]


@pytest.mark.parametrize("task", [f"**一要加强臭氧协同控制。**{LONG}", f"**一要打好蓝天保卫战。**针对夏季的突出问题，{LONG}"],
                         ids=["its-key-term", "in-answer-to"])
def test_a_problem_a_later_task_of_its_domain_takes_up_is_not_found(task):
    assert unanswered_problems(draft(*GAPS_PART, TASKS_HEADING, task), data(problems=[OZONE])) == []


def test_a_task_of_another_domain_or_before_the_problem_does_not_answer_it():
    water = f"**一要抓好河湖治理。**夏季臭氧也要关注。{LONG}"
    before = [TASKS_HEADING.replace("二、", "一、"), f"**一要加强臭氧协同控制。**{LONG}"]
    assert len(unanswered_problems(draft(*GAPS_PART, TASKS_HEADING, water), data(problems=[OZONE]))) == 1
    assert len(unanswered_problems(draft(*before, *GAPS_PART), data(problems=[OZONE]))) == 1


def test_a_problem_the_draft_never_states_is_found():
    found = unanswered_problems(draft(TASKS_HEADING, f"**一要管住扬尘。**{LONG}"), data(problems=[OZONE]))
    assert found == ["problem never stated, and no later air task takes it up: 臭氧污染在夏季仍较突出"]


def test_a_gap_item_with_no_later_task_of_its_domain_is_found_and_with_one_is_not():
    gap = [*GAPS_PART[:2], "**一是农村人居环境与群众期盼还有差距。**乱扔垃圾、乱排污水的现象还不同程度存在。"]
    air = f"**一要管住扬尘。**{LONG}"
    found = unanswered_problems(draft(*gap, TASKS_HEADING, air), data())
    assert len(found) == 1 and "rural" in found[0]
    assert unanswered_problems(draft(*gap, TASKS_HEADING, air, f"**二要深化农村人居环境整治。**{LONG}"), data()) == []


# ---------------------------------------------------------------- goals

AIR_GOAL = {**AIR_ROSE, "target": 90, "goal": 92}


def test_a_goal_no_task_states_is_found():
    doc = draft("## 一、客观总结成绩", "**一是空气质量稳中向好。**优良天数比例92%。", TASKS_HEADING,
                f"**一要打好蓝天保卫战，力争优良天数比例达到192%。**{LONG}")
    assert unstated_goals(doc, data(metrics=[AIR_GOAL])) == ["goal of 空气质量优良天数比例 (92%) stated in no task"]


def test_a_figure_that_equals_the_goal_states_no_goal():
    doc = draft(TASKS_HEADING, f"**一要打好蓝天保卫战。**2023年，全县空气质量优良天数比例为92%，同比下降0.1个百分点，优于90%的目标。{LONG}")
    speech = data(metrics=[{**AIR_GOAL, "value": 92}])
    assert unstated_goals(doc, speech) == ["goal of 空气质量优良天数比例 (92%) stated in no task"]


def test_a_goal_a_task_states_is_not_found():
    doc = draft(TASKS_HEADING, f"**一要打好蓝天保卫战，力争空气质量优良天数比例达到92%。**{LONG}")
    assert unstated_goals(doc, data(metrics=[AIR_GOAL])) == []


# ---------------------------------------------------------------- figure frames

PM = {"name": "PM2.5平均浓度", "value": 25, "unit": "微克/立方米", "previous": 26, "better": "lower", "domain": "air"}


def test_two_figures_said_in_the_same_frame_one_after_the_other_are_found():
    doc = draft("## 一、客观总结成绩", "**一是空气质量稳中向好。**2023年，全县空气质量优良天数比例提高到93.5%，同比上升1.4个百分点；"
                "地表水国考断面优良水体比例提高到90%，同比上升2.5个百分点。")
    found = repeated_figure_frames(doc, data(metrics=[AIR_ROSE, WATER_ROSE]))
    assert len(found) == 2 and "{M}提高到{N}%，同比上升{N}个百分点" in found[0]


def test_figures_said_in_different_frames_are_not_found():
    doc = draft("## 一、客观总结成绩", "**一是空气质量稳中向好。**2023年，全县空气质量优良天数比例提高到93.5%，同比上升1.4个百分点；"
                "PM2.5平均浓度降至25微克/立方米，同比下降3.8%。")
    assert repeated_figure_frames(doc, data(metrics=[AIR_ROSE, PM])) == []


# ---------------------------------------------------------------- sentences

def test_the_share_of_sentences_another_draft_also_has():
    one = draft("要坚持精准治污、科学治污、依法治污。强化监督检查，确保工作取得实效。好。")
    other = draft("要坚持精准治污、科学治污、依法治污。全面推进美丽青山建设。")
    # The opening is in both: two of one's three sentences of 8 characters or more.
    assert shared_share(one, other) == pytest.approx(2 / 3)
    assert shared_share(parse("强化监督检查，确保工作取得实效。\n"), parse("全面推进美丽青山建设，久久为功。\n")) == 0


def test_a_sentence_said_twice_is_found_and_one_said_once_is_not():
    twice = draft(f"**一要打好蓝天保卫战。**{LONG}", f"**二要打好碧水保卫战。**{LONG}")
    assert len(repeated_sentences(twice)) == 2  # both sentences of LONG
    assert repeated_sentences(draft(f"**一要打好蓝天保卫战。**{LONG}")) == []


def test_half_width_punctuation_between_chinese_is_found_and_in_numbers_is_not():
    found = half_width_punctuation(draft("全县上下,要坚持精准治污。"))
    assert len(found) == 1 and "','" in found[0]
    assert half_width_punctuation(draft("共建成管网3,200米。")) == []


# ---------------------------------------------------------------- level words

@pytest.mark.parametrize("level, text", [
    ("市", "全县上下要坚持精准治污。"),  # a lower level's own words
    ("县", "我市生态环境质量持续改善。"),  # a higher level as one's own
    ("区", "全县上下要坚持精准治污。"),  # another level of the same rank
    ("县", "全市上下要坚持精准治污。"),  # a higher level's own words as one's own (issue 15)
], ids=["lower-level-in-a-city", "higher-level-as-own-in-a-county", "same-rank-in-a-district",
        "higher-level-all-in-a-county"])
def test_level_words_of_the_wrong_level_are_found(level, text):
    found = wrong_level_words(draft(text), data(level))
    assert len(found) == 1 and text[:4] in found[0]


@pytest.mark.parametrize("level, text", [
    ("县", "要落实市委、市政府部署，全县要走在前列。"),  # the city above, and one's own
    ("区", "全区上下要坚持精准治污。"),
    ("市", "各县（市、区）要压实责任。"),
], ids=["city-above-a-county", "own-district", "counties-of-a-city"])
def test_level_words_of_the_right_level_are_not_found(level, text):
    assert wrong_level_words(draft(text), data(level)) == []


def test_province_words_in_an_autonomous_region_are_found():
    speech = SpeechData.model_validate({"genre": "conference", "meeting": "全旗生态环境保护大会",
                                        "region": {"name": "苏尼特右旗", "level": "旗", "province": "内蒙古自治区"}})
    found = wrong_level_words(draft("全省上下要坚持精准治污，全旗要走在前列。"), speech)
    assert len(found) == 1 and "全省" in found[0]
    assert wrong_level_words(draft("全区上下要坚持精准治污，全旗要走在前列。"), speech) == []


def test_a_lead_that_admits_a_shortcoming_claims_no_results():
    assert claim_in("农业农村污染治理的短板还比较明显。") is None
    assert claim_in("农村人居环境明显改善。").group() == "明显"
