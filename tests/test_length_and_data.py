"""Drafts follow the data and the length asked: what to stress, how figures are said, gaps to
fill in, the length, the seed, and what earlier speeches already said."""
from __future__ import annotations

import re
import zipfile

import pytest

from conftest import EXAMPLES, run
from speechdraft.datafile import load_data
from speechdraft.document import Paragraph
from speechdraft.model import SpeechData
from speechdraft.pipeline import make_draft
from speechdraft.writers.markdown import to_markdown

ALL = sorted(EXAMPLES.glob("*.yaml"))


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[。！？：])", text) if len(s) >= 8]


@pytest.mark.parametrize("path", ALL, ids=[p.stem for p in ALL])
@pytest.mark.parametrize("target", [2000, 4000, 6000])
def test_length_lands_within_fifteen_percent(path, target):
    data = load_data(path)
    for seed in (1, 2):
        draft = make_draft(data.model_copy(update={"length": target, "seed": seed}))
        # Or the bank ran out, and the writer is told so (a long speech needs more points than
        # one item per topic leaves: --phrasebank adds the office's own).
        assert abs(draft.length - target) <= target * 0.15 or draft.short_of_material and draft.length < target, \
            (draft.length, target)


@pytest.mark.parametrize("path", ALL, ids=[p.stem for p in ALL])
def test_two_seeds_differ_in_at_least_forty_percent_of_sentences(path):
    data = load_data(path)
    # The data's own sentences (its figures, achievements and problems) are the same in both,
    # as they should be: the wording around them is what a seed changes.
    def wording(seed):
        return [s for s in sentences(make_draft(data.model_copy(update={"seed": seed})).document.body_text())
                if not re.search(r"\d", s)]

    one, two = wording(11), set(wording(12))
    differ = sum(1 for s in one if s not in two) / len(one)
    assert differ >= 0.4, differ


def test_different_data_gives_a_different_speech():
    county = load_data(EXAMPLES / "county-conference.yaml")
    other = county.model_copy(update={"focus": ["carbon", "industry"], "metrics": [], "achievements": [],
                                      "problems": [], "priorities": []})
    a = set(sentences(make_draft(county).document.body_text()))
    b = sentences(make_draft(other).document.body_text())
    assert sum(1 for s in b if s not in a) / len(b) >= 0.5
    tasks = make_draft(other).document.body_text().split("二、")[1].split("三、")[0]
    assert "碳" in tasks and ("产业" in tasks or "工业" in tasks)


def test_a_domain_the_data_is_silent_on_gets_at_most_one_point():
    data = load_data(EXAMPLES / "county-conference.yaml").model_copy(update={"length": 3000})
    draft = make_draft(data)
    speaks = {"air", "water", "ecology", "soil", "rural", "inspection"}
    from speechdraft.phrasebank import load_bank

    by_lead = {p.lead: p.domain for p in load_bank().points if p.section == "tasks"}
    tasks = draft.document.body_text().split("二、")[1].split("三、")[0]
    quiet = [d for lead, d in by_lead.items() if d not in speaks and d != "general" and lead in tasks]
    assert len(quiet) == len(set(quiet))


def test_figures_are_said_the_way_speeches_say_them():
    data = SpeechData.model_validate({
        "genre": "conference", "meeting": "2024年全县生态环境保护工作会议", "region": {"name": "青山县", "level": "县"},
        "year": 2023,
        "metrics": [
            {"name": "新增造林面积", "value": 32000, "unit": "亩", "previous": 30000, "domain": "ecology"},
            {"name": "单位GDP能耗", "value": 0.52, "unit": "吨标准煤/万元", "previous": 0.55, "better": "lower",
             "target": 0.5, "domain": "carbon"},
        ],
    })
    text = make_draft(data).document.body_text()
    # in whichever frame the seed chose: 3.2万亩 (not 32000亩), up 6.7% on last year
    forest = text.split("新增造林面积")[1].split("。")[0]
    assert "3.2万亩" in forest and "6.7%" in forest and "32000" not in text
    # lower is better: down is good news, but the target (0.5) is missed, so it is a gap
    energy = text.split("单位GDP能耗")[1].split("。")[0]
    assert "0.52吨标准煤/万元" in energy and "5.5%" in energy and "0.02吨标准煤/万元" in energy
    achievements, gaps = text.split("二、")[0].split("一是")[1:3]
    assert "单位GDP能耗" in gaps and "单位GDP能耗" not in achievements


def test_gaps_to_fill_in_are_listed_and_highlighted(tmp_path):
    data = tmp_path / "数据.yaml"
    data.write_text("genre: conference\nmeeting: 2024年全县生态环境保护工作会议\n"
                    "region: {name: 青山县, level: 县}\nspeaker: {role: 县委书记}\n", encoding="utf-8")
    r = run("draft", data, "-o", tmp_path / "稿.docx")
    assert r.returncode == 0, r.stderr
    assert "待填写（2 处，Word 中已用黄色标出）：" in r.stderr
    assert "署名：…县委书记　【×××】…" in r.stderr
    assert "署名：…（【××××年××月××日】）…" in r.stderr
    xml = zipfile.ZipFile(tmp_path / "稿.docx").read("word/document.xml").decode()
    assert re.search(r'<w:highlight w:val="yellow"/>.*?<w:t[^>]*>×××</w:t>', xml)


def test_length_and_minutes_options(tmp_path):
    r = run("draft", EXAMPLES / "county-conference.yaml", "-o", tmp_path / "a.md", "--minutes", "20")
    assert r.returncode == 0, r.stderr
    assert "（目标 4400 字）" in r.stderr
    n = int(re.search(r"正文 (\d+) 字", r.stderr).group(1))
    assert abs(n - 4400) <= 660
    assert f"讲话约 {round(n / 220)} 分钟" in r.stderr
    r = run("draft", EXAMPLES / "county-conference.yaml", "-o", tmp_path / "b.md", "--length", "9000")
    assert r.returncode == 2
    assert r.stderr == "错误：字段 --length：字数 9000 超出范围，应在 1500～8000 之间\n"
    assert not (tmp_path / "b.md").exists()


def test_avoid_leaves_out_what_last_years_speech_said(tmp_path):
    last = tmp_path / "去年.md"
    assert run("draft", EXAMPLES / "county-conference.yaml", "-o", last).returncode == 0
    r = run("draft", EXAMPLES / "county-conference.yaml", "-o", tmp_path / "今年.md", "--avoid", last)
    assert r.returncode == 0, r.stderr
    avoided = int(re.search(r"已避开 (\d+) 条", r.stderr).group(1))
    assert avoided >= 10
    data = load_data(EXAMPLES / "county-conference.yaml")
    old = make_draft(data)
    new = make_draft(data, avoid=last.read_text(encoding="utf-8"))
    borrowed = {text for text, source in old.notes if source.startswith("素材")}
    new_text = new.document.body_text()
    assert [t for t in borrowed if t in new_text] == []
    assert to_markdown(new.document) == (tmp_path / "今年.md").read_text(encoding="utf-8")


def test_every_paragraph_keeps_whole_sentences():
    data = load_data(EXAMPLES / "city-conference.yaml")
    for target in (1500, 8000):
        doc = make_draft(data.model_copy(update={"length": target})).document
        for block in doc.blocks:
            if isinstance(block, Paragraph):
                assert block.text[-1] in "。！？：”", block.text[-20:]
