"""What a careful reviewer marks (issue 15, item 3): level words of the wrong level or kind of
region, % for a change in a rate, a rate over 100%, doubled or clashing punctuation, ASCII
quotes, a numbering skip, a repeated sentence. Each is asserted as the user reads it; and none
of these rules fires on the corpus speeches or on a draft speechdraft writes."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import EXAMPLES, run
from speechdraft.check import check_file, check_paragraphs, describe
from speechdraft.datafile import load_data
from speechdraft.pipeline import make_draft

RULES = ("level", "region", "percent-point", "rate-over", "double-punct", "ascii-quote", "numbering", "duplicate")
CORPUS = Path(__file__).parent / "fixtures" / "corpus"
CORPUS_LEVELS = {"000_276f9cf593b75a38.txt": "区", "001_c8682e9b310e208f.txt": "市", "002_302126cb68e85080.txt": "市",
                 "003_84efc0dd5eadda16.txt": "县", "004_e487fb3c0aad91d9.txt": "市"}


def said(paragraphs, *rules, **kw) -> list[str]:
    if isinstance(paragraphs, str):
        paragraphs = [paragraphs]
    return [describe(f) for f in check_paragraphs(paragraphs, **kw) if f.rule in (rules or RULES)]


# ---- level words -----------------------------------------------------------------------

def test_city_words_in_a_county_speech():
    assert said("全市上下要凝心聚力，我市生态环境持续改善，本市空气质量提升。", "level", level="县") == [
        "错误：第 1 段〔层级用语不符〕「【全市】上下要凝心聚力，我市生态…」 这是一篇县级讲话，“全市”是市一级的自称，应为“全县”（称上级可用“市委、市政府”）。",
        "错误：第 1 段〔层级用语不符〕「全市上下要凝心聚力，【我市】生态环境持续改善，本市空…」 这是一篇县级讲话，“我市”是市一级的自称，应为“我县”（称上级可用“市委、市政府”）。",
        "错误：第 1 段〔层级用语不符〕「…，我市生态环境持续改善，【本市】空气质量提升。」 这是一篇县级讲话，“本市”是市一级的自称，应为“本县”（称上级可用“市委、市政府”）。",
    ]


@pytest.mark.parametrize("text", [
    "在市委、市政府的坚强领导下，全县上下团结奋斗。",
    "我县在全市考核中排名第一，我省出台了实施方案。",
    "全市范围内开展专项行动，激发我市场主体活力。",
    "认真贯彻《关于加快我市生态文明建设的意见》。",
])
def test_words_a_county_may_say_of_its_city(text):
    assert said(text, "level", level="县") == []


def test_province_words_in_an_autonomous_region():
    text = "全省上下认真落实省委、省政府部署，省市联动推进。"
    assert said(text, "region", province="内蒙古自治区") == [
        "错误：第 1 段〔自治区用语〕「【全省】上下认真落实省委、省政府…」 自治区的讲话不用“省”：“全省”应为“全区”。",
        "错误：第 1 段〔自治区用语〕「全省上下认真落实【省委】、省政府部署，省市联动推…」 自治区的讲话不用“省”：“省委”应为“自治区党委”。",
        "错误：第 1 段〔自治区用语〕「全省上下认真落实省委、【省政府】部署，省市联动推进。」 自治区的讲话不用“省”：“省政府”应为“自治区政府”。",
        "错误：第 1 段〔自治区用语〕「…真落实省委、省政府部署，【省市】联动推进。」 自治区的讲话不用“省”：“省市”应为“区市”。",
    ]
    assert said(text, "region", province="内蒙古") == said(text, "region", province="内蒙古自治区")


@pytest.mark.parametrize("text, province", [
    ("全省上下认真落实省委、省政府部署。", "浙江省"),
    ("全省上下认真落实省委、省政府部署。", None),
    ("学习借鉴浙江省委的经验，与兄弟省市加强合作，各省（区、市）协同推进。", "内蒙古自治区"),
    ("完全省去中间环节，节省市场主体成本。", "宁夏回族自治区"),
])
def test_province_words_that_are_right(text, province):
    assert said(text, "region", province=province) == []


def test_province_option(tmp_path):
    speech = tmp_path / "讲话.txt"
    speech.write_text("全区上下要落实省委部署。\n", encoding="utf-8")
    r = run("check", speech, "--province", "内蒙古自治区")
    assert r.returncode == 1 and "“省委”应为“自治区党委”" in r.stdout
    assert run("check", speech, "--province", "浙江省").returncode == 0
    r = run("check", speech, "--province", "蒙古")
    assert r.returncode == 2 and "--province 应为省级行政区的全称，如“内蒙古自治区”“浙江省”，而不是“蒙古”" in r.stderr
    assert "Traceback" not in r.stderr
    assert "讲话稿所在的省级行政区" in run("check", "--help").stdout


# ---- figures ---------------------------------------------------------------------------

def test_percent_for_a_change_in_a_rate():
    assert said("优良天数比例提高到100%，同比上升16.7%。", "percent-point") == [
        "提示：第 1 段〔百分点误用%〕「…提高到100%，同比上升【16.7%】。」 比例、比率的增减应以“百分点”表示：“16.7%”宜为“16.7个百分点”（若确指相对增幅，可不改）。",
    ]


@pytest.mark.parametrize("text", [
    "优良天数比例提高到100%，同比上升16.7个百分点。",
    "PM2.5平均浓度下降到30微克/立方米，同比下降16.7%。",
    "劳动生产率提高到12万元，同比提高5%。",
    "率先下降10%的地区。",
])
def test_no_percent_point_where_the_base_is_no_rate(text):
    assert said(text, "percent-point") == []


def test_rate_over_100():
    assert said("森林覆盖率达到105%，生活垃圾无害化处理率为100.5%。", "rate-over") == [
        "错误：第 1 段〔比率超过100%〕「森林覆盖率达到【105%】，生活垃圾无害化处理率为…」 “覆盖率”不会超过100%，“105%”有误，请核对数字。",
        "错误：第 1 段〔比率超过100%〕「…，生活垃圾无害化处理率为【100.5%】。」 “处理率”不会超过100%，“100.5%”有误，请核对数字。",
    ]


@pytest.mark.parametrize("text", [
    "任务完成率达到120%，投资增长率为135%。",
    "森林覆盖率达到100%，比上年增长150%的项目。",
    "占比同比上升120个百分点。",
])
def test_rates_that_may_pass_100(text):
    assert said(text, "rate-over") == []


# ---- punctuation -----------------------------------------------------------------------

def test_doubled_and_clashing_punctuation():
    assert said("我们要坚持。。做好工作，，推进，。落实、、还有；。然后。。。", "double-punct") == [
        "错误：第 1 段〔标点重复或连用〕「我们要坚持【。。】做好工作，，推进，。落实…」 标点“。”重复了，应只保留一个。",
        "错误：第 1 段〔标点重复或连用〕「我们要坚持。。做好工作【，，】推进，。落实、、还有；。…」 标点“，”重复了，应只保留一个。",
        "错误：第 1 段〔标点重复或连用〕「…坚持。。做好工作，，推进【，。】落实、、还有；。然后。。…」 “，。”连用，应只保留“。”。",
        "错误：第 1 段〔标点重复或连用〕「…做好工作，，推进，。落实【、、】还有；。然后。。。」 标点“、”重复了，应只保留一个。",
        "错误：第 1 段〔标点重复或连用〕「…，，推进，。落实、、还有【；。】然后。。。」 “；。”连用，应只保留“。”。",
        "错误：第 1 段〔标点重复或连用〕「…，。落实、、还有；。然后【。。。】」 “。。。”不是规范的省略号，省略号应为“……”。",
    ]


def test_fix_takes_doubled_marks_and_ascii_quotes_not_clashing_ones(tmp_path):
    speech = tmp_path / "讲话.txt"
    speech.write_text('要坚持"生态优先"。。推进，。落实。\n', encoding="utf-8")
    assert run("check", speech, "--fix", "-o", tmp_path / "改.txt").returncode == 1
    assert (tmp_path / "改.txt").read_text(encoding="utf-8") == "要坚持“生态优先”。推进，。落实。\n"


def test_ascii_quotes_around_chinese():
    assert said('要牢固树立"绿水青山就是金山银山"的理念。', "ascii-quote") == [
        '错误：第 1 段〔半角引号〕「要牢固树立【"绿水青山就是金山银山"】的理念。」 中文引文应使用全角引号“”，不用半角引号""。 建议：“绿水青山就是金山银山”',
    ]


@pytest.mark.parametrize("text", ['使用"PM2.5"监测数据。', '他说"要落实，还有一个"没有配对。"', "要牢固树立“绿水青山就是金山银山”的理念……。"])
def test_quotes_and_marks_left_alone(text):
    assert said(text, "ascii-quote", "double-punct") == []


def test_ascii_brackets_around_chinese():
    fs = [describe(f) for f in check_paragraphs(["建立河长制(试行)。"]) if f.rule == "halfwidth-punct"]
    assert fs == ["错误：第 1 段〔半角标点〕「建立河长制【(】试行)。」 本段有 2 处半角标点（( )）用在汉字之间，应改为全角（，；：？！（））。"]


# ---- numbering -------------------------------------------------------------------------

def test_a_skip_is_reported_once_and_its_fix_renumbers_what_follows():
    assert said("一是加强领导。二是压实责任。四是强化考核。五是严格督查。六是营造氛围。", "numbering") == [
        "错误：第 1 段〔编号不连续〕「…加强领导。二是压实责任。【四是】强化考核。五是严格督查。…」 序号跳号：“二是”之后缺少“三是”。 建议：改为“三是”，其后“五是”“六是”依次改为“四是”“五是”；或补上“三是”",
    ]


def test_a_heading_skip_renumbers_what_follows():
    assert said(["一、提高站位", "二、狠抓落实", "四、强化保障", "五、加强宣传", "（一）子项"], "numbering") == [
        "错误：第 3 段〔编号不连续〕「【四、】强化保障」 编号跳号：缺少“三、”，此处应为“三、”。 建议：改为“三、”，其后“五、”依次改为“四、”；或补上“三、”",
    ]


def test_a_skip_at_the_end_suggests_the_number():
    fs = [f for f in check_paragraphs(["一是加强领导。二是压实责任。四是强化考核。"]) if f.rule == "numbering"]
    assert [f.suggestion for f in fs] == ["三是"]


# ---- repetition ------------------------------------------------------------------------

def test_a_short_sentence_twice_in_a_row():
    assert said(["抓好落实。抓好落实。", "谢谢大家。", "谢谢大家。"], "duplicate") == [
        "提示：第 1 段〔句子重复〕「抓好落实。【抓好落实。】」 这句话与前一句完全相同，请确认是否重复。",
        "提示：第 3 段〔句子重复〕「【谢谢大家。】」 这句话与前一句完全相同，请确认是否重复。",
    ]


@pytest.mark.parametrize("paragraphs", [["加油！加油！"], ["抓好落实。", "一、强化保障", "抓好落实。"],
                                        ["抓好落实。狠抓落实。"]])
def test_short_sentences_that_are_no_slip(paragraphs):
    assert said(paragraphs, "duplicate") == []


def test_a_long_sentence_is_reported_once_per_repeat():
    s = "要坚持生态优先、绿色发展。"
    assert len(said([s, "另一句话在此。", s, s], "duplicate")) == 2


# ---- no false alarms -------------------------------------------------------------------

def test_corpus_findings_of_these_rules():
    got = [(name[:3], describe(f)) for name, level in CORPUS_LEVELS.items()
           for f in check_file(CORPUS / name, level=level) if f.rule in RULES]
    assert got == [("004", "提示：第 2 段（第 3 行）〔句子重复〕「【上级领导在市领导调研全市生态环境工作座谈会上的汇报发言】」 这句话与第 1 段的句子完全相同，请确认是否重复。")]


EXAMPLE_FILES = sorted(EXAMPLES.glob("*.yaml"))


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=[p.stem for p in EXAMPLE_FILES])
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_no_findings_on_our_drafts(path, seed):
    data = load_data(path).model_copy(update={"seed": seed})
    paragraphs = [b.text for b in make_draft(data).document.blocks if b.text.strip()]
    assert said(paragraphs, level=data.region.level, province=data.region.province) == []
