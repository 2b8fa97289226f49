"""Splitting speeches into points: parts, their intros, numbered items, opening and closing."""
from __future__ import annotations

from pathlib import Path

from speechdraft.extract.clean import clean
from speechdraft.extract.read import Found, read
from speechdraft.extract.split import cn_number, split

CORPUS = Path(__file__).parent / "fixtures" / "corpus"


def _units(prefix: str):
    f = next(CORPUS.glob(f"{prefix}_*.txt"))
    return split(clean(read(Found(f, f.name)).lines))


def test_cn_number():
    assert [cn_number(s) for s in ["一", "九", "十", "十一", "二十", "二十三"]] == [1, 9, 10, 11, 20, 23]


def test_003_parts_and_their_items():
    units = _units("003")
    parts = {}
    for u in units:
        parts.setdefault(u.part, []).append(u)
    assert sorted(parts) == [0, 1, 2, 3]
    assert parts[1][0].heading == "客观总结成绩，寻找差距不足，切实增强推进生态文明建设的责任感和紧迫感"
    # part 一: intro, 一是/二是/三是, then the gaps paragraph and 上述问题 standing alone
    assert [(u.kind, u.series, u.number, u.standalone) for u in parts[1]] == [
        ("intro", "", 0, False), ("item", "shi", 1, False), ("item", "shi", 2, False), ("item", "shi", 3, False),
        ("intro", "", 0, True), ("intro", "", 0, True)]
    # parts 二 and 三: intro and 一要…四要
    for k in (2, 3):
        assert [(u.kind, u.series, u.number) for u in parts[k][:5]] == [
            ("intro", "", 0), ("item", "yao", 1), ("item", "yao", 2), ("item", "yao", 3), ("item", "yao", 4)]
    leads = [u.lead for u in parts[2][1:]]
    assert leads == ["加快培育生态经济，打造绿色发展新动能。", "坚持城乡联动推进，共建生态美丽新家园。",
                     "集中整改突出问题，回应人民群众新期待。", "大力弘扬绿色文化，培育生态文明新风尚。"]
    assert parts[2][1].body.startswith("坚持以绿色、循环、低碳为主攻方向")
    assert not any(u.lead.startswith(("一要", "二要", "一是")) for u in units)  # markers are taken off


def test_003_opening_and_closing():
    units = _units("003")
    assert units[0].region == "front" and units[0].lead.startswith("今天，我们召开")
    assert units[-1].region == "tail" and units[-1].text.startswith("同志们，创建国家级生态文明示范县")


def test_003_provenance():
    units = _units("003")
    by_lead = {u.lead: u.paragraph for u in units}
    assert by_lead["一要" [2:] + "加快培育生态经济，打造绿色发展新动能。"] == 13  # line 14 of the file, 13th non-empty
    assert by_lead["强化责任落实，确保合力凝聚到位。"] == 19
    assert units[0].paragraph == 3


def test_002_one_running_text_is_split_at_parts_items_and_closing():
    units = _units("002")
    assert [u.part for u in units] == [0, 1, 2, 2, 2, 2, 3, 3, 3, 4, 4, 4, 5, 5, 5, 5, 5, 5]
    assert units[1].kind == "item" and units[1].lead == "提高政治站位强认识。"  # a part without items
    assert [u.lead for u in units if u.series == "yao" and u.part == 5] == [
        "健全责任体系。", "严格执法监督。", "强化考评督查。", "拓展市场手段。"]
    assert [u.paragraph for u in units if u.part == 2] == [4, 4, 5, 6]
    closing = units[-1]
    assert closing.region == "tail" and closing.text.startswith("生态文明建设和生态环境保护功在当代、利在千秋。")
    assert units[-2].text.endswith("推动生态环境科研工作成果化、规范化、产业化。")


def test_001_series_without_parts():
    units = _units("001")
    assert [(u.kind, u.series, u.number) for u in units] == [
        ("intro", "", 0), ("intro", "", 0), ("item", "seq", 1), ("item", "seq", 2), ("item", "seq", 3),
        ("intro", "", 0), ("item", "shi", 1), ("item", "shi", 2), ("item", "shi", 3), ("item", "shi", 4),
        ("intro", "", 0)]
    assert units[2].lead == "要坚定方向引领，以敬畏之心守好绿水青山。"  # 首先， taken off
    assert units[-1].text == "发言完毕，谢谢大家！"


def test_000_parts_without_items_are_one_point_led_by_the_heading():
    units = _units("000")
    assert [u.lead for u in units[1:]] == ["以科学规划为引领，优化国土空间格局。", "以污染治理为抓手，提高生态环境质量。",
                                           "以产业调整为核心，促进绿色发展。", "生态创建为载体，培育全民生态自觉。"]
    assert all(u.kind == "item" for u in units[1:])


def test_markers_must_start_a_sentence_and_continue_their_series():
    from speechdraft.extract.clean import Cleaned, Para

    text = ("要做到统一是关键。二是不该算。一是抓好大气治理。引进第三方机构，实现一要素管理。"
            "二是抓好水治理。其中：一要治污水，二要治垃圾。三是抓好土壤治理。")
    units = split(Cleaned(None, None, [Para(text, [(0, 1)])]))
    assert [u.lead for u in units] == ["要做到统一是关键。", "抓好大气治理。", "抓好水治理。", "抓好土壤治理。"]
    assert units[2].body == "其中：一要治污水，二要治垃圾。"  # a nested series stays in its item
