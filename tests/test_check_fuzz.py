"""check_paragraphs never crashes, whatever the text."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from speechdraft.check import check_paragraphs
from speechdraft.punct import find_half_width, to_fullwidth
from speechdraft.wordlists import load_wordlists

LISTS = load_wordlists()
# text that looks like a speech: Chinese, the marks the rules care about, digits, Latin
SPEECHY = st.text(alphabet=st.sampled_from(list(
    "一二三四五六七八九十是要首先其次第三、，。；：！？,;:?!()（）“”‘’《》【】×*＊X%％0123456789.　 \t"
    "全县市区我本委政府域示范比例率上升下降百分点截止至其它他破环境保党同责岗双贵的地得Aa")), max_size=200)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.text(max_size=120), max_size=6), st.sampled_from([None, "市", "县", "镇", "省"]))
def test_random_unicode_never_crashes(paragraphs, level):
    for f in check_paragraphs(paragraphs, level=level, lists=LISTS):
        text = paragraphs[f.paragraph - 1]
        assert 0 <= f.span[0] <= f.span[1] <= len(text)
        for e in f.edits:
            assert 0 <= e.start <= e.end <= len(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(SPEECHY, max_size=6), st.sampled_from([None, "市", "县"]))
def test_speech_like_text_never_crashes(paragraphs, level):
    for f in check_paragraphs(paragraphs, level=level, lists=LISTS):
        assert f.severity in ("错误", "提示")
        assert f.excerpt.startswith("「") and "【" in f.excerpt


@settings(max_examples=300, deadline=None)
@given(SPEECHY)
def test_fullwidth_is_idempotent_and_keeps_non_punctuation(text):
    once = to_fullwidth(text)
    assert to_fullwidth(once) == once
    assert find_half_width(once) == []
    strip = lambda s: "".join(c for c in s if c not in ",;:?!()，；：？！（） \t")  # noqa: E731
    assert strip(once) == strip(text)
