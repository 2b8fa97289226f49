"""Our own drafts pass our own proofreader, and the gate's rules: every example, several seeds."""
from __future__ import annotations

import re

import pytest

from conftest import EXAMPLES, run
from speechdraft.check import describe
from speechdraft.datafile import load_data
from speechdraft.pipeline import make_draft

ALL = sorted(EXAMPLES.glob("*.yaml"))
CJK = r"[\u4e00-\u9fff]"
NEVER = ["一岗双贵", "金山馄山", "桔秆", "夸部门", "破环生态", "略性新兴产业", "办结率棉", "A生态文明思想", "以A同志",
         "由会员分享", "课桌文档", "本文内容由互联网用户", "http", "www.", "珍藏版", "None", "{{", "}}", "{%"]


@pytest.mark.parametrize("path", ALL, ids=[p.stem for p in ALL])
@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_every_example_drafts_clean(path, seed):
    data = load_data(path).model_copy(update={"seed": seed})
    draft = make_draft(data)
    assert [describe(f) for f in draft.findings()] == []
    text = "\n".join(b.text for b in draft.document.blocks)
    for word in NEVER:
        assert word not in text, word
    assert not re.search(CJK + r"[,;:?!()]" + CJK, text)
    seen = set()
    for sentence in (s.strip() for s in re.split(r"[。！？]", text)):
        if len(sentence) >= 12:
            assert sentence not in seen, sentence
            seen.add(sentence)


def test_draft_prints_what_the_proofreader_finds(tmp_path):
    data = tmp_path / "数据.yaml"
    # a writer's own achievement with a typo: the draft carries it, and says so
    data.write_text("genre: conference\nmeeting: 2024年全县生态环境保护工作会议\nregion: {name: 青山县, level: 县}\n"
                    "achievements: [严格落实党政同责、一岗双贵]\n", encoding="utf-8")
    r = run("draft", data, "-o", tmp_path / "稿.md")
    assert r.returncode == 0
    assert "审校发现 1 处问题，请核改：" in r.stderr
    assert "一岗双贵" in r.stderr and "一岗双责" in r.stderr
