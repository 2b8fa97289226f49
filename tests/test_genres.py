"""Every genre reads like its corpus model: parts, salutation, opening, numbering, closing, voice."""
from __future__ import annotations

import re

import pytest

from conftest import EXAMPLES, run
from numbering import counts_up, series
from speechdraft.datafile import load_data
from speechdraft.document import Heading, Paragraph, Salutation, Title
from speechdraft.layout import PHRASES
from speechdraft.pipeline import make_draft

EXPECT = {
    "conference": dict(
        file="county-conference.yaml", ending="上的讲话", salutation="同志们：",
        opening="召开|这次", closing="同志们，", voice="要",
        headings=["总结|差距", "聚焦|落实|推进|坚持|持续", "组织领导|机制|保障"], level="县"),
    "lecture": dict(
        file="city-lecture.yaml", ending="上的讲话", salutation="同志们：",
        opening="学习", closing="", voice="要",
        # each part's heading in any of its wordings (data/headings.yaml)
        headings=["站位|认识", "问题", "重点|攻坚|精准", "机制|责任"], level="市"),
    "study": dict(
        file="county-study.yaml", ending="上的研讨交流发言", salutation="同志们：",
        opening="", closing="发言完毕，谢谢大家！", voice="我将", headings=[], level="县"),
    "report": dict(
        file="city-report.yaml", ending="上的汇报发言", salutation="尊敬的各位领导，同志们：",
        opening="", closing="以上汇报，不妥之处，请批评指正。", voice="我们",
        headings=["成效", "下一步"], level="市"),
    "training": dict(
        file="district-training.yaml", ending="上的发言", salutation=None,
        opening="参加|培训", closing="以上是我的几点体会，不妥之处，请批评指正。", voice="要", headings=[], level="区"),
}
# Each genre's sign-off, in any of its wordings (layout.PHRASES).
SIGN_OFFS = {genre: set(phrases.get("sign_off", ())) for genre, phrases in PHRASES.items()}
SALUTATIONS = {"同志们：", "尊敬的各位领导，同志们："}


def drafts(genre, seeds=(1, 2, 3)):
    data = load_data(EXAMPLES / EXPECT[genre]["file"])
    assert data.genre == genre
    return [make_draft(data.model_copy(update={"seed": s})).document for s in seeds]


@pytest.mark.parametrize("genre", EXPECT)
def test_title_salutation_opening_and_closing(genre):
    want = EXPECT[genre]
    for doc in drafts(genre):
        blocks = doc.blocks
        assert isinstance(blocks[0], Title) and blocks[0].text.endswith(want["ending"])
        salutations = [b.text for b in blocks if isinstance(b, Salutation)]
        assert salutations == ([want["salutation"]] if want["salutation"] else [])
        paragraphs = [b.text for b in blocks if isinstance(b, Paragraph)]
        # the opening speaks of the occasion in the genre's words (召开…会议, 这次学习, 参加…培训班)
        assert re.search(want["opening"], paragraphs[0]), paragraphs[0]
        if genre == "report":
            assert any(paragraphs[0].endswith(p) for p in PHRASES["report"]["lead_in"])
        if genre == "study":
            assert "谈" in paragraphs[0] and re.search("认识|体会", paragraphs[0])
        if SIGN_OFFS[genre]:
            # the template's sign-off, or the closing's own where it signs off already
            assert paragraphs[-1] in SIGN_OFFS[genre] or re.search("批评指正|谢谢大家", paragraphs[-1])
        else:
            assert paragraphs[-1].startswith(want["closing"])
        text = doc.body_text()
        # never another genre's sign-off, and its own once
        for other, wordings in SIGN_OFFS.items():
            said = sum(text.count(w) for w in wordings)
            assert said <= (1 if other == genre else 0), (other, said)
        assert len(re.findall("批评指正|谢谢大家", text)) <= 1


@pytest.mark.parametrize("genre", EXPECT)
def test_parts_in_order(genre):
    for doc in drafts(genre):
        headings = [b.text for b in doc.blocks if isinstance(b, Heading) and b.level == 1]
        positions = [next(i for i, h in enumerate(headings) if re.search(word, h)) for word in EXPECT[genre]["headings"]]
        assert positions == sorted(positions)
        if genre == "training":
            assert len(headings) >= 3  # one part per domain
        if genre == "study":
            assert headings == []


@pytest.mark.parametrize("genre", EXPECT)
def test_every_numbering_series_counts_up_without_gaps(genre):
    for doc in drafts(genre):
        found = series(doc)
        for kind, runs in found.items():
            for words in runs:
                assert counts_up(kind, words), (kind, words)
        if genre == "study":
            assert found["sequence"] == [["首先", "其次", "第三"]]
            assert found["是"]
        if genre == "conference":
            assert len(found["是"]) == 2 and len(found["要"]) == 2


@pytest.mark.parametrize("genre", EXPECT)
def test_level_words_and_voice(genre):
    level = EXPECT[genre]["level"]
    others = {"县", "市", "区"} - {level}
    for doc in drafts(genre):
        text = doc.body_text()
        assert f"全{level}" in text or f"我{level}" in text or f"{level}委" in text
        for other in others:
            for word in (f"全{other}", f"我{other}", f"{other}委、{other}政府"):
                assert word not in text, word
        assert EXPECT[genre]["voice"] in text
    if genre == "report":
        assert "一年来，我们" in drafts(genre)[0].body_text()


@pytest.mark.parametrize("genre", EXPECT)
def test_init_writes_a_data_file_that_drafts_as_it_is(genre, tmp_path):
    r = run("init", genre, "-o", tmp_path / "数据.yaml")
    assert r.returncode == 0, r.stderr
    text = (tmp_path / "数据.yaml").read_text(encoding="utf-8")
    assert f"genre: {genre}" in text and "# 体裁" in text
    r = run("draft", tmp_path / "数据.yaml", "-o", tmp_path / "稿.md")
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "稿.md").read_text(encoding="utf-8").startswith("# 在")


def test_init_does_not_overwrite(tmp_path):
    (tmp_path / "数据.yaml").write_text("mine", encoding="utf-8")
    r = run("init", "report", "-o", tmp_path / "数据.yaml")
    assert r.returncode == 2 and "文件已存在" in r.stderr
    assert (tmp_path / "数据.yaml").read_text(encoding="utf-8") == "mine"


def test_genres_lists_every_genre():
    r = run("genres")
    assert r.returncode == 0
    for name in EXPECT:
        assert name in r.stdout
    assert "工作会议讲话" in r.stdout and "调研座谈会汇报发言" in r.stdout


def test_outline_shows_headings_and_leads_only():
    r = run("outline", EXAMPLES / "county-conference.yaml")
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0] == "在2024年全县生态环境保护工作会议上的讲话"
    assert any(line.startswith("一、客观总结成绩") for line in lines)
    assert any(line.strip().startswith("一要") for line in lines)
    full = make_draft(load_data(EXAMPLES / "county-conference.yaml")).document
    assert len(r.stdout) < len(full.body_text()) / 2
