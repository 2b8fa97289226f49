"""Near-duplicate points are dropped; the fast path agrees with comparing every pair."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from speechdraft.extract.dedupe import Deduper, dedupe, jaccard, shingles

A = "深化大气环境系统治理，持续抓好挥发性有机物协同减排，实现细颗粒物和臭氧协同控制，重点抓好春夏季臭氧污染削峰。"


def test_identical_and_lightly_edited_copies_are_dropped():
    edited = A.replace("重点抓好", "着力抓好")
    other = "统筹水资源、水环境、水生态治理，严格落实河湖长制，加强流域保护治理工作，逐步提升重点流域水环境质量。"
    assert jaccard(shingles(A), shingles(edited)) >= 0.8
    kept, dropped = dedupe([A, A.replace("，", ","), edited, other], text=lambda s: s)
    assert kept == [A, other]
    assert [twin for _, twin in dropped] == [A, A]


def test_punctuation_and_spacing_do_not_matter():
    assert shingles("全县 上下，齐抓共管。") == shingles("全县上下齐抓共管")


def test_short_texts():
    assert shingles("") == frozenset()
    assert shingles("谢谢") == frozenset({"谢谢"})
    kept, _ = dedupe(["谢谢", "谢谢！", "再见"], text=lambda s: s)
    assert kept == ["谢谢", "再见"]


def _brute_force(texts, threshold=0.8):
    kept = []
    for t in texts:
        if not any(jaccard(shingles(t), shingles(k)) >= threshold for k in kept):
            kept.append(t)
    return kept


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(alphabet="生态环境保护治理大气水土", min_size=0, max_size=14), max_size=25))
def test_prefix_filter_gives_the_all_pairs_result(texts):
    assert dedupe(texts, text=lambda s: s)[0] == _brute_force(texts)


def test_deduper_streams():
    d: Deduper[str] = Deduper()
    assert d.add("x", A) is True
    assert d.add("y", A + "。") is False
    assert d.kept == ["x"] and d.dropped == [("y", "x")]
