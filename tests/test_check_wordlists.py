"""Word lists: package data, schema, user lists, typo_fixes."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from speechdraft.errors import UserError
from speechdraft.wordlists import load_wordlists, mend, typo_fixes

DATA = Path(__file__).resolve().parents[1] / "src" / "speechdraft" / "data"


def test_builtin_lists_load_and_every_entry_has_a_source():
    lists = load_wordlists()
    kinds = {e.kind for e in lists}
    assert kinds == {"formulation", "typo", "outdated"}
    assert len(lists) > 150
    for e in lists:
        assert e.source.strip(), e.wrong
        assert e.rule in ("fix", "warn", "quote")


def test_each_data_file_documents_the_schema_in_chinese():
    for name in ("formulations.yaml", "typos.yaml", "outdated.yaml"):
        head = (DATA / name).read_text(encoding="utf-8")[:1500]
        for field in ("wrong", "right", "rule", "note", "source", "regex", "not_before", "not_after"):
            assert field in head, (name, field)
        assert "--words" in head


def test_every_entry_matches_its_own_wrong_form():
    """An entry that cannot find the text it names is dead weight (or a broken regex)."""
    for e in load_wordlists():
        if e.wrong.startswith("（") or "+" in e.wrong:
            continue
        assert e.pattern.search(e.wrong) or e.regex, e.wrong


def test_entries_do_not_fire_on_their_right_form():
    for e in load_wordlists():
        if e.regex and "\\" in e.right:
            continue
        right = e.right.split("（")[0]
        assert not [m for m in e.pattern.finditer(right) if m.group(0)], (e.wrong, e.right)


@pytest.mark.parametrize("text, want", [
    ("严格落实党政同责、一岗双贵", "严格落实党政同责、一岗双责"),
    ("绿水青山向金山馄山转化", "绿水青山向金山银山转化"),
    ("严禁桔秆焚烧", "严禁秸秆焚烧"),
    ("存在的一些夸部门问题", "存在的一些跨部门问题"),
    ("破环生态的项目", "破坏生态的项目"),
    ("打破环境约束，突破环保瓶颈，打破环节壁垒", "打破环境约束，突破环保瓶颈，打破环节壁垒"),
    ("信息技术等略性新兴产业", "信息技术等战略性新兴产业"),
    ("培育战略性新兴产业", "培育战略性新兴产业"),
    ("进步明确的关闭", "进一步明确的关闭"),
    ("截止目前，完成整改", "截至目前，完成整改"),
    ("报名6月30日截止", "报名6月30日截止"),
    ("二零二四年", "二〇二四年"),
    ("确保各项工作到位，作好工作", "确保各项工作到位，做好工作"),
])
def test_mend(text, want):
    assert mend(text) == want


def test_typo_fixes_are_regex_and_template_pairs():
    fixes = typo_fixes()
    assert fixes and all(isinstance(p, re.Pattern) and isinstance(r, str) for p, r in fixes)
    # warn entries (context-dependent) are never in the auto-fix list
    assert not any(p.search("办结率棉") for p, _ in fixes)


def test_user_words_file_adds_entries(tmp_path):
    f = tmp_path / "本单位.yaml"
    f.write_text("- wrong: 青山县环保局\n  right: 青山县生态环境分局\n  rule: fix\n  source: 本单位规范\n",
                 encoding="utf-8")
    lists = load_wordlists([f])
    mine = [e for e in lists if e.kind == "custom"]
    assert len(mine) == 1 and mine[0].origin == str(f)


@pytest.mark.parametrize("body, words", [
    ("- wrong: 甲\n  rule: fix\n  source: x\n", ["第 1 条", "right"]),
    ("- wrong: 甲\n  right: 乙\n  rule: maybe\n  source: x\n", ["第 1 条", "rule", "fix、warn、quote"]),
    ("- {wrong: 甲, right: 乙, rule: fix, source: x}\n- {wrong: 丙, right: 丁, rule: fix, source: x, regex: '(丙'}\n",
     ["第 2 条", "“丙”", "正则表达式写法有误"]),
    ("- {wrong: 甲, right: 乙, rule: fix, source: x, colour: red}\n", ["第 1 条", "colour", "未知字段"]),
    ("- {wrong: 甲, rigth: 乙, rule: fix, source: x}\n", ["rigth", "是不是“right”"]),
    ("- {wrong: 甲, right: 甲, rule: fix, source: x}\n", ["wrong 与 right 相同"]),
    ("", ["文件是空的", "词表应为条目列表", "wrong: 布署"]),
    ("wrong: 甲\n", ["条目列表"]),
    ("- [a, b\n", ["YAML"]),
])
def test_bad_user_words_file_names_file_and_entry(tmp_path, body, words):
    f = tmp_path / "bad.yaml"
    f.write_text(body, encoding="utf-8")
    with pytest.raises(UserError) as e:
        load_wordlists([f])
    msg = e.value.render()
    assert str(f) in msg
    for w in words:
        assert w in msg, msg


def test_missing_user_words_file(tmp_path):
    with pytest.raises(UserError, match="不存在"):
        load_wordlists([tmp_path / "none.yaml"])
