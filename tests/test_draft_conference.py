"""A conference speech drafted from a data file: its order, numbering, figures and words."""
from __future__ import annotations

import re
from decimal import Decimal

import pytest
import yaml

from conftest import EXAMPLES
from numbering import counts_up, series
from speechdraft.datafile import load_data
from speechdraft.document import Heading, Paragraph, Salutation
from speechdraft.pipeline import make_draft
from speechdraft.writers.markdown import to_markdown

COUNTY = EXAMPLES / "county-conference.yaml"
CITY = EXAMPLES / "city-conference.yaml"


def draft(path, **changes):
    data = load_data(path)
    return make_draft(data.model_copy(update=changes) if changes else data)


@pytest.fixture(scope="module")
def county():
    return draft(COUNTY)


def test_parts_come_in_the_order_of_a_conference_speech(county):
    blocks = county.document.blocks
    kinds = [type(b).__name__ for b in blocks]
    headings = [b.text for b in blocks if isinstance(b, Heading)]
    assert [h[:2] for h in headings] == ["一、", "二、", "三、"]
    assert "成绩" in headings[0] and "差距" in headings[0]
    assert "重点" in headings[1]
    assert "组织领导" in headings[2]
    # salutation, then the opening paragraph, before the first heading
    first_heading = kinds.index("Heading")
    assert isinstance(blocks[first_heading - 2], Salutation) and blocks[first_heading - 2].text == "同志们："
    assert blocks[first_heading - 1].text.startswith("今天，我们召开2024年全县生态环境保护工作会议")
    assert blocks[first_heading - 1].text.endswith(("下面，我讲三个方面的意见。", "下面，我就做好今年的工作讲三点意见。",
                                                   "下面，围绕做好今年的工作，我讲三点意见。"))
    # the closing speaks to the audience again, after the last part
    assert isinstance(blocks[-1], Paragraph) and blocks[-1].text.startswith("同志们，")


def test_numbering_counts_up_without_gaps(county):
    found = series(county.document)
    assert found["heading"] == [["一", "二", "三"]]
    # achievements and gaps (一是…), tasks and safeguards (一要…)
    assert len(found["是"]) == 2 and len(found["要"]) == 2
    for kind, runs in found.items():
        for words in runs:
            assert counts_up(kind, words), (kind, words)


def _said(name: str, text: str) -> bool:
    """One of the figure's frames is in the text; where a sentence's figures all met their
    targets, the target is said once for them (均超额完成…)."""
    from speechdraft.figures import clauses

    metric = next(m for m in load_data(EXAMPLES / "county-conference.yaml").metrics if m.name == name)
    return any(f.clause in text or f.clause.rpartition("，")[0] + "；" in text or
               f.clause.rpartition("，")[0] + "，均" in text for f in clauses(metric))


def test_every_metric_is_said_with_its_direction(county):
    text = county.document.body_text()
    for name in ["空气质量优良天数比例", "PM2.5平均浓度", "地表水国考断面优良水体比例", "森林覆盖率", "受污染耕地安全利用率"]:
        assert _said(name, text), name
    assert "均超额完成" in text or "超额完成年度目标任务" in text
    assert "距90%的目标还差2.5个百分点" in text or "与90%的目标还有2.5个百分点的差距" in text


def test_a_metric_that_missed_its_target_stands_among_the_gaps(county):
    part_one = county.document.body_text().split("二、")[0]
    # Part one holds two 一是 series: achievements, then gaps.
    achievements, gaps = part_one.split("一是")[1:3]
    assert "空气质量优良天数比例" in achievements and "93.5%" in achievements
    assert "优良水体比例" in gaps and "87.5%" in gaps and "优良水体比例" not in achievements
    assert "3个乡镇尚未建成污水处理设施" in gaps


def test_achievements_problems_and_priorities_reach_their_sections(county):
    text = county.document.body_text()
    for item in ["完成营造林3.2万亩", "关停“散乱污”企业12家", "完成农村改厕4600户",
                 "3个乡镇尚未建成污水处理设施", "建成县城第二污水处理厂"]:
        assert item in text
    tasks = text.split("二、")[1].split("三、")[0]
    assert "建成县城第二污水处理厂" in tasks
    assert "完成中央生态环境保护督察反馈问题整改销号" in tasks


def _allowed_numbers(path) -> set[Decimal]:
    """Every number the data gives, and what a careful writer derives from it."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    found = {Decimal(x) for x in re.findall(r"\d+(?:\.\d+)?", yaml.safe_dump(raw, allow_unicode=True))}
    for m in raw.get("metrics", []):
        v, prev, tgt = m["value"], m.get("previous"), m.get("target")
        # 12.6万千瓦, and a frame that says where it came from: 由9.8万千瓦
        found |= {Decimal(str(round(x / 10_000, 2))) for x in (v, prev, tgt) if x is not None}
        for other in (prev, tgt):
            if other is not None:
                d = abs(v - other)
                found |= {Decimal(str(round(d, k))) for k in (1, 2)}
                if other:
                    found.add(Decimal(str(round(d / other * 100, 1))))
    return {x.normalize() for x in found}


@pytest.mark.parametrize("path", [COUNTY, CITY], ids=["county", "city"])
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_no_number_the_data_did_not_give(path, seed):
    text = draft(path, seed=seed).document.body_text()
    allowed = _allowed_numbers(path)
    for number in re.findall(r"\d+(?:\.\d+)?", text):
        assert Decimal(number).normalize() in allowed, number


def test_level_words_follow_the_region():
    county_text = draft(COUNTY).document.body_text()
    city_text = draft(CITY).document.body_text()
    assert "全县" in county_text and "全市" not in county_text
    assert "全市" in city_text
    for word in ("全县", "我县", "县委、县政府", "县域", "示范县"):
        assert word not in city_text, word


def test_the_same_seed_gives_the_same_draft_and_another_seed_another():
    one, again, other = draft(COUNTY, seed=7), draft(COUNTY, seed=7), draft(COUNTY, seed=8)
    assert to_markdown(one.document) == to_markdown(again.document)
    assert to_markdown(one.document) != to_markdown(other.document)


def test_no_phrase_bank_point_is_used_twice(county):
    leads = [r.text for b in county.document.blocks if isinstance(b, Paragraph) for r in b.runs if r.lead]
    bodies = [s for s in re.split(r"(?<=[。！？])", county.document.body_text()) if len(s) > 12]
    assert len(set(bodies)) == len(bodies)
    assert len({lead[2:] for lead in leads}) == len(leads)
