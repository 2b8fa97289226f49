"""The proofreader over the raw corpus (byte-for-byte copies in tests/fixtures/corpus):
it finds the typos the corpus really has and the half-width punctuation of 002 and 004,
and nothing a careful editor would not agree with."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from speechdraft.check import check_file

CORPUS = Path(__file__).parent / "fixtures" / "corpus"
FILES = {
    "000": ("000_276f9cf593b75a38.txt", "区"),
    "001": ("001_c8682e9b310e208f.txt", "市"),
    "002": ("002_302126cb68e85080.txt", "市"),
    "003": ("003_84efc0dd5eadda16.txt", "县"),
    "004": ("004_e487fb3c0aad91d9.txt", "市"),
}


def findings(key: str, level: bool = True):
    name, lvl = FILES[key]
    return check_file(CORPUS / name, level=lvl if level else None)


def spots(fs, *rules):
    return {f.excerpt.split("【")[1].split("】")[0] for f in fs if not rules or f.rule in rules}


def test_fixtures_are_the_corpus_byte_for_byte():
    shared = Path(__file__).resolve().parents[2] / "shared" / "corpus"
    if not shared.is_dir():
        pytest.skip("../shared/corpus not present")
    for name, _ in FILES.values():
        assert (CORPUS / name).read_bytes() == (shared / name).read_bytes()


@pytest.mark.parametrize("key, typos", [
    ("000", {"地清水秀", "进步明确"}),
    ("002", {"一岗双贵", "金山馄山", "桔秆", "办结率棉"}),
    ("003", {"夸部门", "破环", "略性新兴产业", "建设全面社会主义现代化", "建成全面小康社会", "的的", "让我以",
             "山青水秀"}),
])
def test_finds_the_corpus_typos(key, typos):
    assert spots(findings(key), "typo") == typos


def test_typo_suggestions():
    got = {(f.excerpt.split("【")[1].split("】")[0], f.suggestion) for k in FILES for f in findings(k)
           if f.rule == "typo"}
    for pair in [("一岗双贵", "一岗双责"), ("金山馄山", "金山银山"), ("桔秆", "秸秆"), ("夸部门", "跨部门"),
                 ("破环", "破坏"), ("略性新兴产业", "战略性新兴产业"), ("进步明确", "进一步明确")]:
        assert pair in got


def test_half_width_punctuation_of_002_and_004():
    for key in ("002", "004"):
        fs = [f for f in findings(key) if f.rule == "halfwidth-punct"]
        assert len(fs) >= 10
        assert sum(len(f.edits) for f in fs) >= 90
    for key in ("000", "001", "003"):
        assert not [f for f in findings(key) if f.rule == "halfwidth-punct"]


def test_corpus_formulations_and_outdated():
    # 000 is a speech of the mid-2010s: its spatial-planning, industry and energy words are dated
    assert spots(findings("000"), "formulation", "outdated") == {
        "多规合一", "耕地保护、开发强度、生态保护“三条红线”", "城镇边界", "生态红线", "主体功能区规划红线",
        "生态保护区红线", "污染物排放许可制度", "环境保护负面清单", "积极主动适应新常态", "化解过剩产能",
        "万元GDP能耗"}
    assert spots(findings("001"), "formulation", "outdated") == {
        "先破后立", "河（湖）长制", "山水林田湖草", "循环、低碳、科学发展", "无公害农产品", "最严格的环境保护制度",
        "固体废弃物"}
    assert spots(findings("002"), "formulation", "outdated") == {"三大攻坚战", "中央环保督察", "环保督察", "生态红线",
                                                                  "纪检监察部门"}
    assert spots(findings("003"), "formulation", "outdated") == {
        "中央环保督查", "协调推进“五位一体”", "是建成全面小康社会的", "绿色化的发展观", "没有专门的环保工作机构",
        "资源节约型、环境友好型社会", "科学发展、跨越发展、和谐发展", "循环、低碳、科学发展", "无公害农产品",
        "工业垃圾", "医疗垃圾", "中低产田改造", "固体废弃物", "一票否决", "失职渎职的及时进行通报批评"}
    assert spots(findings("004"), "formulation", "outdated") == {"生态文明建设是关系中华民族永续发展的千年大计",
                                                                  "深入打好污染防治攻坚战", "深入打好蓝天保卫战",
                                                                  "深入打好碧水保卫战"}


def test_placeholders_and_anonymised_names():
    assert Counter(f.rule for f in findings("004"))["placeholder"] == 7  # A生态文明思想, 以A同志为核心 …
    assert {f.suggestion for f in findings("004") if f.rule == "placeholder"} == {"习近平"}
    assert spots(findings("003"), "placeholder") == {"***", "**"}
    assert spots(findings("001"), "placeholder") == {"**"}
    assert "××××××" in spots(findings("000"), "placeholder")


def test_structure_rules_on_the_corpus():
    # 002: ”四个重大转变” (quote typed the wrong way round), 管环保” without its “
    assert [f.paragraph for f in findings("002") if f.rule == "unbalanced"] == [2, 13]
    # 004 repeats its title
    assert [(f.rule, f.paragraph) for f in findings("004") if f.rule == "duplicate"] == [("duplicate", 2)]
    # 003: “天人合一”、“道法自然”
    assert len([f for f in findings("003") if f.rule == "quote-dunhao"]) == 1
    # the corpus numbers its parts correctly (002's page numbers 1、…14、 included)
    for key in FILES:
        assert not [f for f in findings(key) if f.rule in ("numbering", "percent-point")], key


def test_level_words_match_each_speech():
    for key in FILES:
        assert not [f for f in findings(key) if f.rule == "level"], key


def test_county_speech_checked_as_a_city_speech():
    name, _ = FILES["003"]
    fs = [f for f in check_file(CORPUS / name, level="市") if f.rule == "level"]
    assert {f.excerpt.split("【")[1].split("】")[0] for f in fs if f.severity == "错误"} == {"全县", "我县", "县委、县政府"}
