"""punct.to_fullwidth and the half-width punctuation rule."""
from __future__ import annotations

import pytest

from speechdraft.check import check_paragraphs
from speechdraft.punct import HALF_WIDTH_BETWEEN_CJK, find_half_width, to_fullwidth


@pytest.mark.parametrize("text, want", [
    ("今天,我们召开会议。", "今天，我们召开会议。"),
    ("目的是:深入学习;全面落实", "目的是：深入学习；全面落实"),
    ("怎么办?干!", "怎么办？干！"),
    ("县(市、区)生态示范创建", "县（市、区）生态示范创建"),
    ("责任追究办法(试行),对", "责任追究办法（试行），对"),
    ("浓度(PM2.5)下降", "浓度（PM2.5）下降"),
    ("“两污”,治理", "“两污”，治理"),
    ("内容, 请发送", "内容，请发送"),
    ("比例达到93.5%,同比", "比例达到93.5%，同比"),
])
def test_to_fullwidth_converts_marks_next_to_chinese(text, want):
    assert to_fullwidth(text) == want


@pytest.mark.parametrize("text", [
    "共3,200人",
    "比例为1:1",
    "会议于10:30开始",
    "EOD (Ecology-Oriented Development) mode, ok?",
    "https://www.example.com/a,b;c?d=1",
    "邮件至 3231169@qq.com",
    "PM2.5",
])
def test_to_fullwidth_leaves_numbers_latin_and_urls(text):
    assert to_fullwidth(text) == text


def test_url_after_chinese_colon_is_kept():
    assert to_fullwidth("出处:https://www.shituxiezuo.com/77201.html") == \
        "出处：https://www.shituxiezuo.com/77201.html"


def test_regex_finds_marks_next_to_chinese():
    assert HALF_WIDTH_BETWEEN_CJK.search("今天,我们")
    assert HALF_WIDTH_BETWEEN_CJK.search("我们 ,今天")
    assert not HALF_WIDTH_BETWEEN_CJK.search("3,200 and 1:1")


def test_to_fullwidth_is_idempotent():
    text = "今天,我们召开会议(扩大):目的是?"
    once = to_fullwidth(text)
    assert to_fullwidth(once) == once
    assert find_half_width(once) == []


def test_rule_reports_one_finding_per_paragraph_with_all_edits():
    fs = [f for f in check_paragraphs(["今天,我们召开会议,研究部署工作。", "已经是全角，没有问题。"])
          if f.rule == "halfwidth-punct"]
    assert len(fs) == 1
    f = fs[0]
    assert f.paragraph == 1 and f.severity == "错误" and f.fixable
    assert len(f.edits) == 2 and {e.new for e in f.edits} == {"，"}
    assert "【,】" in f.excerpt
