"""Cleaning the raw corpus: junk, page breaks, punctuation, typos, anonymisation."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from speechdraft.extract.clean import _fixes, clean, clean_text, fix_quotes, required_literals
from speechdraft.extract.read import Found, read

CORPUS = Path(__file__).parent / "fixtures" / "corpus"
HALF_BETWEEN = re.compile(r"[\u4e00-\u9fff][,;:?!][\u4e00-\u9fff]")


def _cleaned(prefix: str):
    f = next(CORPUS.glob(f"{prefix}_*.txt"))
    return clean(read(Found(f, f.name)).lines)


def _text(prefix: str) -> str:
    return "\n".join(p.text for p in _cleaned(prefix).paras)


ALL = ["000", "001", "002", "003", "004"]


def test_page_breaks_of_002_are_joined():
    c = _cleaned("002")
    assert c.title == "在市委理论学习中心组学习上的讲话"
    assert len(c.paras) == 1  # fourteen scraped pages, one running text
    text = c.paras[0].text
    assert text.startswith("今天，我们召开市委理论学习中心组学习")  # the title glued on is gone
    assert "深刻回答了为什么要建设生态文明" in text
    assert "统筹推进重点污染源、移动污染源、燃煤管控、道路扬尘、建筑工地、秸秆焚烧" in text
    assert "这“五个重大关系”" in text
    assert not re.search(r"[^\d]\d{1,2}、[^\d]", text)  # no page number left in the text


def test_page_break_provenance_points_at_the_source_line():
    para = _cleaned("002").paras[0]
    at = para.text.index("回答了为什么要建设生态文明")
    assert para.paragraph_at(at) == 3  # the line starting "2、回答了…" is the 3rd non-empty line
    assert para.paragraph_at(para.text.index("门要严格执行领导干部自然资源责任离任审计")) == 15


def test_a_real_numbered_list_is_not_taken_for_pages():
    c = clean(["工作要求如下：", "1、加强领导。", "2、落实责任。", "3、强化考核。"])
    assert [p.text for p in c.paras] == ["工作要求如下：", "1、加强领导。", "2、落实责任。", "3、强化考核。"]


@pytest.mark.parametrize("prefix", ALL)
def test_site_junk_is_gone(prefix):
    text = _text(prefix)
    for junk in ["由会员分享", "课桌文档", "珍藏版", "可在线阅读", "本文内容由互联网用户", "本站", "如若转载",
                 "http", "www.", "qq.com", ".docx"]:
        assert junk not in text, junk


def test_004_footer_and_duplicate_title_are_gone():
    c = _cleaned("004")
    assert c.title == "上级领导在市领导调研全市生态环境工作座谈会上的汇报发言"
    assert c.salutation == "尊敬的各位领导，同志们："
    assert c.paras[0].text.startswith("党的二十大擘画了")
    assert c.paras[-1].text.endswith("三是深入打好黑土地保卫战")


@pytest.mark.parametrize("prefix", ALL)
def test_no_half_width_punctuation_between_chinese(prefix):
    assert not HALF_BETWEEN.search(_text(prefix))


@pytest.mark.parametrize("typo,fixed,prefix", [
    ("一岗双贵", "党政同责、一岗双责", "002"),
    ("金山馄山", "绿水青山向金山银山", "002"),
    ("桔秆", "秸秆焚烧", "002"),
    ("办结率棉", "办结率*%", "002"),
    ("*心对于", "不低于*%。对于治垃圾", "002"),
    ("夸部门", "存在的一些跨部门、交叉性问题", "003"),
    ("破环生态", "污染环境、破坏生态的项目", "003"),
    ("中央环保督查", "中央生态环境保护督察组", "003"),
    ("建成全面小康社会", "全面建成小康社会", "003"),
    ("进步明确", "进一步明确", "000"),
    ("地清水秀", "生态空间山清水秀", "000"),
])
def test_corpus_typos_are_mended(typo, fixed, prefix):
    text = _text(prefix)
    assert typo not in text
    assert fixed in text


def test_missing_character_is_restored_without_doubling():
    assert "大力发展新能源与节能环保、新材料、生物医药、信息技术等战略性新兴产业" in _text("003")
    assert "战战略性" not in _text("003") and "战战略性" not in _text("000")


def test_anonymisation_is_restored():
    text = _text("004")
    assert "A" not in re.sub(r"[A-Z]{2,}|PM2\.5", "", text)
    raw = next(CORPUS.glob("004_*.txt")).read_text(encoding="utf-8")
    assert text.count("习近平生态文明思想") == raw.count("A生态文明思想") == 5
    assert "以习近平同志为核心的党中央" in text
    assert "习近平总书记视察吉林时" in text


def test_anonymisation_leaves_other_letters_alone():
    assert clean_text("打造4A级景区，A股上市，以A同志为核心，AB总书记") == "打造4A级景区，A股上市，以习近平同志为核心，AB总书记"


def test_a_closing_quote_used_as_opening_is_turned_round():
    assert "深刻领悟“四个重大转变”的重要意义" in _text("002")
    assert fix_quotes("他说”好”。") == "他说“好”。"
    assert fix_quotes("“甲”和“乙”") == "“甲”和“乙”"


def test_title_and_salutation_are_taken_off():
    c = _cleaned("003")
    assert c.title == "在2023年创建国家生态文明建设示范县工作推进会上的讲话"
    assert c.salutation == "同志们："
    assert c.paras[0].text.startswith("今天，我们召开")
    assert c.paras[0].marks == [(0, 3)]


def test_required_literals():
    assert required_literals("(?:(?<![打突])破环(?![境保]))") == ("破环",)
    assert required_literals("(?:桔秆|秸杆)") == ("桔秆", "秸杆")
    assert required_literals("(?:中央(?:生态)?环保督查)") == ("环保督查",)
    assert required_literals("甲?乙丙") == ("乙丙",)
    assert required_literals("[甲乙]|丙") is None  # an alternative without a literal: always run


def _mend_unfiltered(text: str) -> str:
    for pattern, repl, _ in _fixes():
        text = pattern.sub(repl, text)
    return text


def _mend_filtered(text: str) -> str:
    for pattern, repl, literals in _fixes():
        if literals is None or any(lit in text for lit in literals):
            text = pattern.sub(repl, text)
    return text


@pytest.mark.parametrize("prefix", ALL)
def test_literal_prefilter_changes_nothing_on_the_corpus(prefix):
    raw = next(CORPUS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")
    assert _mend_filtered(raw) == _mend_unfiltered(raw)


# Text made of the characters the fixes and the cleaning care about, so random text hits them.
_ALPHABET = ("生态文明思想党政同责一岗双贵金山馄银桔秆秸杆夸跨部门破环坏境略性新兴产业战以习近平同志为核心总书记"
             "截止目前零年二〇县市区委政府全我示范级域乡镇（）《》“”‘’，。；：？！,.;:?!() \u3000\t*×A1234567890、")
_text_strategy = st.text(alphabet=st.sampled_from(_ALPHABET), max_size=120) | st.text(max_size=80)


@settings(max_examples=300, deadline=None)
@given(_text_strategy)
def test_literal_prefilter_is_sound(text):
    assert _mend_filtered(text) == _mend_unfiltered(text)


@settings(max_examples=300, deadline=None)
@given(_text_strategy)
def test_clean_text_never_crashes_nor_leaves_half_width_between_chinese(text):
    out = clean_text(text)
    assert not HALF_BETWEEN.search(out)
    assert out.count("\n") == text.count("\n")


@settings(max_examples=200, deadline=None)
@given(st.lists(_text_strategy, max_size=8))
def test_clean_never_crashes_nor_leaves_half_width_between_chinese(lines):
    c = clean(lines)
    for para in c.paras:
        assert not HALF_BETWEEN.search(para.text)
        assert para.marks and para.marks[0][0] == 0
        assert all(1 <= n <= len(lines) for _, n in para.marks)


def test_salutation_is_only_addressees():
    c = clean(["各位代表、同志们：今天，我们召开会议。", "在市委的坚强领导下，主要任务是：抓好整改。"])
    assert c.salutation == "各位代表、同志们："
    assert [p.text for p in c.paras] == ["今天，我们召开会议。", "在市委的坚强领导下，主要任务是：抓好整改。"]
    assert c.paras[0].marks == [(0, 1)]
