"""What a draft takes from the bank follows the points' types: a claim of results only where
the data bears it out, each topic once, a parallel set whole and in order or not at all, a
kind of place's vocabulary only where the data has that kind of place, and a place slot only
where the data names such a place (filled with its name)."""
from __future__ import annotations

import yaml

from conftest import EXAMPLES, run
from speechdraft.datafile import load_data
from speechdraft.document import Paragraph
from speechdraft.phrasebank import load_bank
from speechdraft.render import chinese_number
from speechdraft.pipeline import make_draft

SEEDS = range(1, 7)
SOURCE = {"authored": True, "basis": "《关于全面推进美丽中国建设的意见》"}


def point(id_, lead, **fields):
    return {"id": id_, "section": "tasks", "domain": "air", "voice": "deploy", "lead": lead,
            "body": "坚持精准治污、科学治污、依法治污，推动各项措施落地见效。强化监督检查，确保工作取得实效。",
            "source": SOURCE, **fields}


def bank(tmp_path, *points, name="我的素材库"):
    folder = tmp_path / name
    folder.mkdir()
    (folder / "要点.yaml").write_text(yaml.safe_dump({"points": list(points)}, allow_unicode=True), encoding="utf-8")
    return folder


def data(tmp_path, example="county-conference.yaml", **change):
    raw = yaml.safe_load((EXAMPLES / example).read_text(encoding="utf-8"))
    raw.update(change)
    path = tmp_path / f"数据{len(list(tmp_path.glob('数据*')))}.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return load_data(path)


def texts(speech, folder, seeds=SEEDS) -> list[str]:
    return [make_draft(speech.model_copy(update={"seed": s}), phrasebanks=(folder,)).document.body_text()
            for s in seeds]


# ---------------------------------------------------------------- claims

WATER_FELL = [{"name": "地表水国考断面优良水体比例", "value": 85, "unit": "%", "previous": 87.5, "domain": "water"},
              {"name": "县级集中式饮用水水源地水质达标率", "value": 100, "unit": "%", "previous": 100, "domain": "water"}]
WATER_BETTER = [{"name": "地表水国考断面优良水体比例", "value": 90, "unit": "%", "previous": 87.5, "domain": "water"}]
# Their bodies speak of what the figure measures, as a point chosen for that figure does.
WATER_BODY = "深入打好碧水保卫战，统筹水资源、水环境、水生态治理。地表水国考断面水质保持稳定，优良水体比例稳步提高。"
CLAIMS = [
    point(f"water-outcome-{n}", lead, section="achievements", domain="water", voice="report", claims="outcome",
          body=WATER_BODY)
    for n, lead in enumerate(["全{县}水环境质量持续改善。", "碧水保卫战成效明显，水质稳中向好。", "河湖面貌明显改观。"], 1)
] + [point("water-effort-1", "碧水保卫战扎实推进。", section="achievements", domain="water", voice="report",
           claims="effort", body=WATER_BODY)]
OUTCOME_LEADS = ("全县水环境质量持续改善", "水质稳中向好", "河湖面貌明显改观")


def test_no_outcome_lead_over_a_domain_whose_figure_fell(tmp_path):
    folder = bank(tmp_path, *CLAIMS)
    fell = data(tmp_path, metrics=WATER_FELL, achievements=[{"text": "完成入河排污口排查整治", "domain": "water"}])
    for text in texts(fell, folder):
        assert "完成入河排污口排查整治" in text
        assert not any(lead in text for lead in OUTCOME_LEADS), text


def test_an_outcome_lead_where_the_data_shows_the_domain_better(tmp_path):
    folder = bank(tmp_path, *CLAIMS)
    better = data(tmp_path, metrics=WATER_BETTER)
    found = [any(lead in text for lead in OUTCOME_LEADS) for text in texts(better, folder)]
    assert any(found), "the improved figure lets the bank say so"


def test_no_outcome_lead_where_one_figure_improved_and_another_got_worse(tmp_path):
    folder = bank(tmp_path, *CLAIMS)
    mixed = data(tmp_path, metrics=WATER_BETTER + [
        {"name": "县级集中式饮用水水源地水质达标率", "value": 95, "unit": "%", "previous": 100, "domain": "water"}])
    for text in texts(mixed, folder):
        assert not any(lead in text for lead in OUTCOME_LEADS), text


# ---------------------------------------------------------------- topics

def test_a_draft_never_holds_two_points_on_one_topic(tmp_path):
    leads = [f"{word}抓好扬尘污染治理。" for word in ("全面", "切实", "着力", "持续", "扎实")]
    folder = bank(tmp_path, *[point(f"dust-{n}", lead, domain=domain, topic="扬尘")
                              for n, (lead, domain) in enumerate(zip(leads, ("air", "air", "urban", "air", "general")))])
    # the built-in bank may have its own point on the topic: it counts too
    builtin = [p.lead.split("{")[0].rstrip("。") for p in load_bank().points if p.topic == "扬尘"]
    on_topic = [lead.rstrip("。") for lead in leads] + [lead for lead in builtin if len(lead) >= 6]
    counts = []
    for example in ("county-conference.yaml", "city-lecture.yaml"):
        speech = data(tmp_path, example, length=8000)
        for text in texts(speech, folder):
            counts.append(sum(lead in text for lead in on_topic))
            assert counts[-1] <= 1, text
    assert 1 in counts, "some long draft speaks of 扬尘"


# ---------------------------------------------------------------- parallel sets

SET = [point(f"set-{n}", lead, domain=domain, series="four-fronts", topic=topic)
       for n, (lead, domain, topic) in enumerate([
           # topics of their own: a built-in point on the same topic would keep the set out
           ("紧盯蓝天目标，打好大气治理“突破战”。", "air", "蓝天突破战"),
           ("紧盯反馈问题，打好督察整改“清零战”。", "inspection", "整改清零战"),
           ("紧盯增绿任务，打好国土绿化“接力战”。", "ecology", "增绿接力战"),
       ], 1)]
SET_LEADS = [p["lead"].rstrip("。") for p in SET]


def positions(text: str) -> list[int]:
    return [text.find(lead) for lead in SET_LEADS]


def paragraphs(speech, folder, seeds=SEEDS) -> list[list[str]]:
    return [[b.text for b in make_draft(speech.model_copy(update={"seed": s}), phrasebanks=(folder,)).document.blocks
             if isinstance(b, Paragraph)] for s in seeds]


def test_a_parallel_set_is_used_whole_consecutively_and_in_bank_order(tmp_path):
    folder = bank(tmp_path, *SET)
    used = 0
    for example in ("county-conference.yaml", "city-lecture.yaml"):
        speech = data(tmp_path, example, length=8000)
        for paras in paragraphs(speech, folder):
            # each of the set is an item, a paragraph of its own: they stand one after another
            where = [next((i for i, p in enumerate(paras) if lead in p), -1) for lead in SET_LEADS]
            if where == [-1, -1, -1]:
                continue
            used += 1
            assert where == list(range(where[0], where[0] + len(SET))), where
    assert used, "a long speech has room for the set"


def test_a_parallel_set_one_of_which_cannot_be_used_is_left_out_whole(tmp_path):
    # the third point needs grassland; the data names none, so the set is not used at all
    folder = bank(tmp_path, *SET[:2], {**SET[2], "features": ["草原"]})
    speech = data(tmp_path, length=8000)
    for text in texts(speech, folder):
        assert positions(text) == [-1, -1, -1], text


def test_a_parallel_set_too_long_for_its_part_is_left_out(tmp_path):
    many = [point(f"long-set-{n}", f"聚焦第{chinese_number(n)}方面工作，打好{chinese_number(n)}号攻坚战。",
                  series="too-long") for n in range(1, 16)]  # fifteen items: a conference's tasks take at most fourteen
    folder = bank(tmp_path, *many)
    speech = data(tmp_path, length=8000)
    for text in texts(speech, folder, seeds=(1, 2)):
        assert "方面工作" not in text


# ---------------------------------------------------------------- features and places

GRASS = point("grass-1", "落实草畜平衡和禁牧休牧制度。", domain="ecology", features=["草原"], topic="禁牧休牧制度")
RIVER = point("river-1", "全面加强{河流}流域水环境综合治理。", domain="water", topic="流域综合治理")
LAKE = point("lake-1", "持续抓好{湖泊}水质保护。", domain="water", topic="水生态修复")


def test_a_point_with_a_feature_is_used_only_where_the_data_has_it(tmp_path):
    folder = bank(tmp_path, GRASS)
    without = data(tmp_path, length=8000)
    assert not any("草畜平衡" in t for t in texts(without, folder))
    grassland = data(tmp_path, length=8000, features=["草原", "森林"], focus=["ecology"])
    assert any("草畜平衡" in t for t in texts(grassland, folder))


def test_a_place_slot_is_used_only_where_the_data_names_such_a_place_and_is_filled_with_its_name(tmp_path):
    folder = bank(tmp_path, RIVER, LAKE)
    none = data(tmp_path, length=8000)
    assert not any("流域水环境综合治理" in t or "水质保护" in t for t in texts(none, folder))
    named = data(tmp_path, length=8000, places=[{"name": "青龙河", "kind": "河流"}, {"name": "白石水库", "kind": "水库"}])
    found = texts(named, folder)
    assert any("全面加强青龙河流域水环境综合治理" in t for t in found)
    # a reservoir is named where a point speaks of its lake, when the data names no lake
    assert any("持续抓好白石水库水质保护" in t for t in found)
    assert not any("{" in t for t in found)


def test_a_lake_is_preferred_to_a_reservoir(tmp_path):
    folder = bank(tmp_path, LAKE)
    named = data(tmp_path, length=8000, places=[{"name": "白石水库", "kind": "水库"}, {"name": "青湖", "kind": "湖泊"}])
    found = texts(named, folder)
    assert any("持续抓好青湖水质保护" in t for t in found) and not any("持续抓好白石水库" in t for t in found)


def test_features_and_places_draft_through_the_command_line(tmp_path):
    folder = bank(tmp_path, RIVER)
    raw = (EXAMPLES / "county-conference.yaml").read_text(encoding="utf-8")
    raw = raw.replace("length: 3000", "length: 8000") + "features: [山区]\nplaces: [{name: 青龙河, kind: 河流}]\n"
    (tmp_path / "数据.yaml").write_text(raw, encoding="utf-8")
    r = run("draft", tmp_path / "数据.yaml", "-o", tmp_path / "稿.md", "--phrasebank", folder)
    assert r.returncode == 0, r.stderr
    assert "{" not in (tmp_path / "稿.md").read_text(encoding="utf-8")


def test_a_participants_priority_is_said_with_no_second_verb(tmp_path):
    # 我将全力推动推进… doubled the writer's own verb
    speech = data(tmp_path, "county-study.yaml",
                  priorities=[{"text": "推进国家储备林项目建设", "domain": "ecology"}])
    for text in texts(speech, bank(tmp_path), seeds=(1, 2)):
        assert "重点是推进国家储备林项目建设。" in text  # its tasks are all of what comes next: no 下一步 again
        assert "推动推进" not in text


def test_a_lecture_whose_tasks_are_all_green_keeps_the_tasks_intro_and_its_note(tmp_path):
    # the intro stood only in the pollution part: with no pollution task it was lost, and
    # --annotate then pointed at text the draft did not hold
    speech = data(tmp_path, "city-lecture.yaml", metrics=[], achievements=[], problems=[], priorities=[],
                  focus=["carbon", "industry"], length=2000)
    intro = "要紧盯当前生态环境保护工作重点关键"
    seen = 0
    for seed in range(1, 31):
        draft = make_draft(speech.model_copy(update={"seed": seed}))
        text = draft.document.body_text()
        noted = [f for f, _ in draft.notes]
        assert all(any(f in b.text for b in draft.document.blocks) for f in noted)
        if intro in noted or intro in text:
            seen += 1
            assert intro in text and intro in noted
    assert seen
