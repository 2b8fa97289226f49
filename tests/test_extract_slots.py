"""Level words become slots; anonymised names and figures become ××."""
from __future__ import annotations

import pytest

from speechdraft.extract.slots import own_level, placeholders, slot_levels, to_bank_text
from speechdraft.levels import level_words
from speechdraft.model import Region
from speechdraft.phrasebank import fill


@pytest.mark.parametrize("text,slotted", [
    ("全县上下", "全{县}上下"),
    ("我县生态环境质量", "我{县}生态环境质量"),
    ("县委、县政府高度重视", "{党委政府}高度重视"),
    ("县委县政府高度重视", "{党委政府}高度重视"),
    ("县委理论学习中心组", "{党委}理论学习中心组"),
    ("县政府常务会议", "{政府}常务会议"),
    ("县域经济质量", "{县}域经济质量"),
    ("国家生态文明建设示范县", "国家生态文明建设示范{县}"),
    ("县级分管领导", "{县}级分管领导"),
    ("县纪委要协同组织", "{县}纪委要协同组织"),
])
def test_county_words_are_slotted(text, slotted):
    assert slot_levels(text, "县") == slotted


@pytest.mark.parametrize("level,text,slotted", [
    ("市", "全市上下、我市、市委部署、市政府要求、市域空气质量、市人大、市政协",
     "全{县}上下、我{县}、{党委}部署、{政府}要求、{县}域空气质量、{县}人大、{县}政协"),
    ("市", "市委、市政府的坚强领导", "{党委政府}的坚强领导"),
    ("区", "全区、我区、区委部署、区政府要求、示范区、区级", "全{县}、我{县}、{党委}部署、{政府}要求、示范{县}、{县}级"),
])
def test_city_and_district_words_are_slotted(level, text, slotted):
    assert slot_levels(text, level) == slotted


@pytest.mark.parametrize("level,text", [
    ("县", "各乡镇要把生态文明建设摆上重要议事日程"),
    ("县", "按照《县级以上人民政府环境保护目标责任制规定》"),
    ("县", "同时要严格按照《党政领导干部生态环境损害责任追究办法（试行）》和县委部署"),
    ("市", "力争实现县（市、区）生态示范创建全覆盖"),
    ("市", "深入开展县级城市建成区和农村黑臭水体治理"),
    ("县", "县级以上地方人民政府"),
    ("区", "加强区域协同治理，禁止开发区域"),
    ("市", "城市建设、市场主体、都市圈"),
    ("县", "坚持县、乡、村联动"),
])
def test_exceptions_are_left_alone(level, text):
    assert slot_levels(text, level).replace("{党委}", "县委") == text


def test_only_the_speakers_own_level_is_slotted():
    # a district speaking of the city above it: 全市 is not the district
    text = "全区国土面积，我区水域面积，虽然在全市比较靠前"
    assert own_level(text) == "区"
    assert slot_levels(text, "区") == "全{县}国土面积，我{县}水域面积，虽然在全市比较靠前"


def test_own_level_of_the_corpus_speeches():
    assert own_level("全县上下，我县，县委、县政府") == "县"
    assert own_level("全市生态环境质量持续改善，我市样板") == "市"
    assert own_level("没有层级词") is None
    assert own_level("没有层级词", "创建国家生态文明建设示范县推进会") == "县"


def test_slotted_text_fills_for_every_level():
    text = slot_levels("县委、县政府要求全县上下共建示范县，县级部门要抓好县域治理。", "县")
    assert fill(text, level_words(Region(name="青山县", level="县"))) == "县委、县政府要求全县上下共建示范县，县级部门要抓好县域治理。"
    assert fill(text, level_words(Region(name="北原市", level="市"))) == "市委、市政府要求全市上下共建示范市，市级部门要抓好市域治理。"


@pytest.mark.parametrize("raw,expected", [
    ("*年以来，我市共经历中央、省级环保督察*次，督察反馈问题*项", "××年以来，我市共经历中央、省级环保督察××次，督察反馈问题××项"),
    ("总体整改完成率*%，第*轮中央生态环境保护督察", "总体整改完成率××%，第××轮中央生态环境保护督察"),
    ("刚才，***通报了全县创建工作进展情况", "刚才，××通报了全县创建工作进展情况"),
    ("要持续深化农用地、建设用地、*、*、尾*等土壤环境风险隐患排查整治工作", "要持续深化农用地、建设用地等土壤环境风险隐患排查整治工作"),
    ("超过了市202×年达到×％的要求", "超过了市××年达到××％的要求"),
    ("今年××××××生态文明建设试点", "今年××生态文明建设试点"),
    ("优良天数比例达到93.5%，同比上升4.2个百分点，首次突破80%", "优良天数比例达到××%，同比上升××个百分点，首次突破××%"),
    ("PM2.5平均浓度25微克每立方米", "PM2.5平均浓度××微克每立方米"),
    ("到2035年我国发展的总体目标", "到2035年我国发展的总体目标"),
    ("2018年5月，党中央高规格召开全国生态环境保护大会。", "2018年5月，党中央高规格召开全国生态环境保护大会。"),
    ("全县上下要紧紧围绕到2024年建成示范县这一目标", "全县上下要紧紧围绕到××年建成示范县这一目标"),
    ("下面，我讲5个方面的意见。", "下面，我讲五个方面的意见。"),
])
def test_placeholders(raw, expected):
    assert placeholders(raw) == expected


def test_to_bank_text_does_both():
    assert to_bank_text("全县有***个乡镇还没有污水处理设施", "县") == "全{县}有××个乡镇还没有污水处理设施"
