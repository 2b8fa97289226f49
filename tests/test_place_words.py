"""A speech names its place and its superiors as speeches there do: 省、市 above a county in a
province, 自治区、盟 above an Inner Mongolian banner, 市 above a district of Beijing; 美丽临川,
not 美丽临川市. A data file without parent or province drafts as it did."""
from __future__ import annotations

import re

import pytest
import yaml

from conftest import EXAMPLES, run
from speechdraft.datafile import load_data
from speechdraft.levels import level_words, short_name
from speechdraft.model import Region, SpeechData
from speechdraft.phrasebank import SLOT, load_bank
from speechdraft.pipeline import make_draft
from speechdraft.writers.markdown import to_markdown

BANNER = EXAMPLES / "banner-conference.yaml"
COUNTY = EXAMPLES / "county-conference.yaml"
SEEDS = range(1, 13)


@pytest.mark.parametrize(("region", "province", "superiors"), [
    (dict(name="平川县", level="县", parent="庆阳市", province="甘肃省"), "省", "省、市"),
    (dict(name="青山县", level="县"), "省", "省、市"),  # no province: as before
    (dict(name="某县", level="县", parent="恩施土家族苗族自治州", province="湖北省"), "省", "省、州"),
    (dict(name="乌日根旗", level="旗", parent="锡林郭勒盟", province="内蒙古自治区"), "自治区", "自治区、盟"),
    (dict(name="乌日根旗", level="旗", parent="鄂尔多斯市", province="内蒙古自治区"), "自治区", "自治区、市"),
    (dict(name="乌日根旗", level="旗"), "自治区", "自治区、盟"),  # banners are Inner Mongolia's only
    (dict(name="锡林郭勒盟", level="盟"), "自治区", "自治区"),
    (dict(name="临川市", level="市", province="江西省"), "省", "省"),
    (dict(name="临川市", level="市", province="广西壮族自治区"), "自治区", "自治区"),
    (dict(name="临川市", level="市", parent="庆阳市", province="甘肃省"), "省", "省、市"),  # a county-level city
    (dict(name="城东区", level="区", parent="庆阳市", province="甘肃省"), "省", "省、市"),
    (dict(name="城东区", level="区", parent="北京市", province="北京市"), "市", "市"),
    (dict(name="城东区", level="区", province="重庆"), "市", "市"),
    (dict(name="青山镇", level="镇", parent="青山县", province="甘肃省"), "省", "省、市、县"),
    (dict(name="白音镇", level="镇", parent="乌日根旗", province="内蒙古"), "自治区", "自治区、盟、旗"),
    (dict(name="甘肃省", level="省"), "省", "国家有关部委"),
    (dict(name="北京市", level="市"), "市", "国家有关部委"),
])
def test_superiors_are_named_as_speeches_there_name_them(region, province, superiors):
    words = level_words(Region(**region))
    assert (words["省"], words["上级"]) == (province, superiors)


def test_a_county_without_parent_or_province_keeps_its_level_words():
    assert level_words(Region(name="青山县", level="县")) == {
        "县": "县", "党委": "县委", "政府": "县政府", "党委政府": "县委、县政府", "下级": "乡镇",
        "省": "省", "上级": "省、市", "简称": "青山"}


@pytest.mark.parametrize(("name", "short"), [
    ("临川市", "临川"), ("青山县", "青山"), ("鄂托克旗", "鄂托克"), ("锡林郭勒盟", "锡林郭勒"), ("甘肃省", "甘肃"),
    ("城东区", "城东"), ("阿勒泰地区", "阿勒泰"),
    ("长阳土家族自治县", "长阳"), ("双江拉祜族佤族布朗族傣族自治县", "双江"), ("莫力达瓦达斡尔族自治旗", "莫力达瓦"),
    ("内蒙古自治区", "内蒙古"), ("新疆维吾尔自治区", "新疆"), ("西藏自治区", "西藏"), ("广西壮族自治区", "广西"),
    # said whole: the rest would not be a name
    ("阿拉善左旗", "阿拉善左旗"), ("达尔罕茂明安联合旗", "达尔罕茂明安联合旗"), ("浦东新区", "浦东新区"),
    ("礼县", "礼县"), ("鄂温克族自治旗", "鄂温克族自治旗"), ("青山镇", "青山镇"), ("苗自治县", "苗自治县"),
    ("自治区", "自治区"), ("区", "区"),
])
def test_short_name(name, short):
    assert short_name(name) == short


def _superior_points():
    return [p for p in load_bank().points if {"省", "上级"} & set(SLOT.findall(p.text() + (p.short or "")))]


def test_the_bank_names_superiors_only_through_slots():
    assert _superior_points(), "the bank has points naming the superiors"
    for p in load_bank().points:
        for text in (p.lead, p.body, p.short or ""):
            assert not re.search(r"全省|省市|省级|省委|省政府|省里", text), (p.id, text)


@pytest.fixture(scope="module")
def banner_drafts():
    data = load_data(BANNER)
    return [make_draft(data.model_copy(update={"seed": s})).document.body_text() for s in SEEDS]


def test_a_banners_draft_never_says_province(banner_drafts):
    for text in banner_drafts:
        assert "省" not in text


def test_a_banners_draft_names_the_autonomous_region_where_the_bank_names_superiors(banner_drafts):
    words = level_words(load_data(BANNER).region)
    assert (words["省"], words["上级"]) == ("自治区", "自治区、盟")
    # The words a superior-naming point sets before its slot (全面落实全国和{省}…): wherever a
    # draft says them, the banner's superiors follow.
    before = {(m.group(1)[-6:], m.group(2)) for p in _superior_points() for text in (p.lead, p.body, p.short or "")
              for m in re.finditer(r"([^{}]{6})\{(省|上级)\}", text)}
    found = 0
    for text in banner_drafts:
        for words_before, slot in before:
            for m in re.finditer(re.escape(words_before), text):
                assert text[m.end():].startswith(words[slot]), text[m.start():m.end() + 8]
                found += 1
    assert found, "some seed's draft uses a point that names the superiors"


def test_beautiful_takes_the_short_name(banner_drafts):
    assert not any("美丽乌日根旗" in text for text in banner_drafts)
    assert any("美丽乌日根" in text for text in banner_drafts)


def test_a_data_file_without_parent_or_province_drafts_as_a_county_in_a_province(tmp_path):
    """An old file (no parent, no province) drafts, and says what a county in a province says."""
    raw = yaml.safe_load(COUNTY.read_text(encoding="utf-8"))
    assert set(raw["region"]) == {"name", "level"}
    placed = {**raw, "region": {**raw["region"], "parent": "北原市", "province": "甘肃省"}}
    for seed in (1, 2, 3):
        old = make_draft(load_data(COUNTY).model_copy(update={"seed": seed}))
        new = make_draft(SpeechData.model_validate({**placed, "seed": seed}))
        assert to_markdown(old.document) == to_markdown(new.document)
    r = run("draft", COUNTY, "-o", tmp_path / "稿.md")
    assert r.returncode == 0, r.stderr
    text = (tmp_path / "稿.md").read_text(encoding="utf-8")
    assert "自治区" not in text and "美丽青山县" not in text


def test_the_bank_says_美丽_with_the_short_name():
    # 美丽临川, not 美丽临川市: every point that names the region after 美丽 takes {简称}.
    from speechdraft.phrasebank import load_bank

    assert [p.id for p in load_bank(()).points if "美丽{地区}" in p.lead + p.body + (p.short or "")] == []
