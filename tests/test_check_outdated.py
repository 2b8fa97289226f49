"""The outdated list (speechdraft/data/outdated.yaml) as a writer meets it through `check`:
each dated formulation reviewers marked in our drafts is caught with its current wording and
the year it went out of use, and current usage next to it is left alone."""
from __future__ import annotations

import json

import pytest

DATED = [
    # (sentence, the words marked, the suggestion, a year the note names)
    ("推动经济社会发展、城乡土地利用等规划“多规合一”。", "多规合一",
     "国土空间规划（“多规合一”已随国土空间规划体系建立而实现）", "2019"),
    ("严守耕地保护、开发强度、生态保护“三条红线”。", "耕地保护、开发强度、生态保护“三条红线”",
     "耕地和永久基本农田、生态保护红线、城镇开发边界三条控制线", "2019"),
    ("坚决守好生态保护区红线。", "生态保护区红线", "生态保护红线", "2017"),
    ("科学确定城镇边界。", "城镇边界", "城镇开发边界", "2019"),
    ("认真落实化解过剩产能的各项部署。", "化解过剩产能", "淘汰落后产能、推动产业结构优化升级", "2016"),
    ("降低万元GDP能耗。", "万元GDP能耗", "单位GDP能耗", "2021"),
    ("加快建设资源节约型、环境友好型社会。", "资源节约型、环境友好型社会",
     "节约资源和保护环境的空间格局、产业结构、生产方式、生活方式", "2012"),
    ("增创科学发展、跨越发展新优势。", "科学发展、跨越发展", "高质量发展", "2017"),
    ("推动工业实现循环、低碳、科学发展。", "循环、低碳、科学发展", "绿色低碳循环发展", "2021"),
    ("牢固树立绿色化的发展观。", "绿色化的发展观", "绿色发展理念", "2015"),
    ("积极主动适应新常态。", "积极主动适应新常态", "立足新发展阶段", "2020"),
    ("落实最严格的环境保护制度。", "最严格的环境保护制度", "最严格的生态环境保护制度", "2019"),
    ("大力开发无公害农产品。", "无公害农产品", "绿色、有机和地理标志农产品", "2018"),
    ("谋划一批中低产田改造项目。", "中低产田改造", "高标准农田建设", "2019"),
    ("深入打好碧水保卫战。", "深入打好碧水保卫战", "持续深入打好碧水保卫战", "2022"),
    ("加强医疗垃圾收集处置。", "医疗垃圾", "医疗废物", "2003"),
    ("加强工业垃圾收集处置。", "工业垃圾", "工业固体废物", "2020"),
    ("加快推进天然林、公益林和人工商品林综合利用。", "天然林、公益林和人工商品林综合利用",
     "天然林保护修复", "2019"),
    ("持续推进环保督察反馈问题整改。", "环保督察", "生态环境保护督察", "2019"),
    ("纪检监察部门要强化问责。", "纪检监察部门", "纪检监察机关", "2018"),
    ("有的乡镇还没有专门的环保工作机构。", "没有专门的环保工作机构", "生态环境保护工作力量还比较薄弱", "2016"),
    ("对失职渎职的及时进行通报批评。", "失职渎职的及时进行通报批评", "依规依纪依法严肃问责", "2019"),
    ("严格实行“一票否决”制。", "一票否决", "考核结果作为领导班子和领导干部综合考核评价、奖惩任免的重要依据", "2019"),
]

CURRENT = [
    "推动能耗“双控”逐步转向碳排放“双控”。",
    "加快由能耗双控向碳排放双控转变。",
    "我国已实现“多规合一”。",
    "持续深入打好蓝天、碧水、净土保卫战，持续深入打好净土保卫战。",
    "严守耕地和永久基本农田、生态保护红线、城镇开发边界三条控制线。",
    "推进中央生态环境保护督察和省级生态环保督察反馈问题整改。",
    "加强医疗废物和工业固体废物收集处置，推进天然林保护修复。",
    "县纪委监委和纪检监察机关依规依纪依法严肃问责。",
    "以邓小平理论、“三个代表”重要思想、科学发展观为指导。",
    "推动工业绿色低碳循环发展，立足新发展阶段，落实最严格的生态环境保护制度。",
]


def outdated(cli, tmp_path, text):
    path = tmp_path / "稿.txt"
    path.write_text(text + "\n", encoding="utf-8")
    r = cli("check", path, "--format", "json")
    assert r.returncode in (0, 1), r.stderr
    found = json.loads(r.stdout)["files"][0]["findings"]
    return [f for f in found if f["rule"] == "outdated"]


@pytest.mark.parametrize("sentence, words, right, year", DATED, ids=[d[1] for d in DATED])
def test_dated_formulation_is_marked_with_its_replacement_and_year(cli, tmp_path, sentence, words, right, year):
    found = outdated(cli, tmp_path, sentence)
    assert len(found) == 1, found
    f = found[0]
    assert f"【{words}】" in f["excerpt"]
    assert f["suggestion"] == right
    assert f["message"].startswith(f"“{words}”宜改为“{right}”。")
    assert year in f["message"]
    assert f["severity"] == "提示"  # context decides: a speech looking back may use the old words


def test_current_usage_is_left_alone(cli, tmp_path):
    assert outdated(cli, tmp_path, "\n".join(CURRENT)) == []
