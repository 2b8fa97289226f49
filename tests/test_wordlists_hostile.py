"""A unit's word list (--words) cannot hang the proofreader or write what it did not mean:
each attack in tests/attacks/user_input is refused when the list loads, in bounded memory,
with one Chinese message, exit 2, and no fixed copy."""
from __future__ import annotations

import pytest

from hostile import ATTACKS, run_bounded
from speechdraft.regexsafety import blowup
from speechdraft.wordlists import load_wordlists

SLOW = ("正则表达式在某些文字上会耗时极长：{why}；"
        "请改写（如把 (生+)+ 写成 生+），或删去 regex 只用 wrong 按字面匹配")
GROUP = "right 中的“{ref}”指向 regex 中没有的括号（\\1 指第一对括号，\\g<名称> 指 (?P<名称>…)）；请改正，或删去它"

ATTACK_MESSAGES = [
    ("nested-quantifier", "第 1 条“生生” regex", SLOW.format(why="重复的内容里又有重复（如 (生+)+）")),
    ("overlapping-alternation", "第 1 条“生生” regex",
     SLOW.format(why="重复的内容中有可有可无、又与开头相同的部分（如 (生|生生)+）")),
    ("missing-group", "第 1 条“生”", GROUP.format(ref="\\9")),
    ("unknown-group-name", "第 1 条“生”", GROUP.format(ref="\\g<nope>")),
    ("control-in-right", "第 1 条“生” right", "含有不可见的控制字符（U+0007）；请删去"),
    ("control-escape-in-right", "第 1 条“生”",
     "right 中有写成转义（如 \\0、\\n）的不可见控制字符（U+0000）；请删去这个转义"),
]


@pytest.mark.parametrize("attack, field, message", ATTACK_MESSAGES, ids=[a for a, _, _ in ATTACK_MESSAGES])
def test_a_hostile_word_list_is_refused_at_load(tmp_path, attack, field, message):
    words = ATTACKS / f"{attack}.yaml"
    # 30 生 and a "!": what made (生+)+$ backtrack for minutes.
    text = tmp_path / "稿.txt"
    text.write_bytes((ATTACKS / "thirty-sheng.txt").read_bytes())
    before = set(tmp_path.rglob("*"))
    r = run_bounded("check", text, "--words", words, "--fix", "-o", tmp_path / "改.txt")
    assert (r.returncode, r.stderr) == (2, f"错误：文件 {words}，字段 {field}：{message}\n")
    assert set(tmp_path.rglob("*")) == before


@pytest.mark.parametrize("pattern", ["(生+)+$", "(生|生生)+", "(?:生?)+", "(\\d+)*年", "(?:xy|x|y)+z", "((生)+死)+"])
def test_exponential_shapes_are_found(pattern):
    assert blowup(pattern)


@pytest.mark.parametrize("pattern", ["布署|部暑", "(?:生态)?环境", "(?:ab)+", "(?:，|、)+", "(a|ab)*c", "生+死", "x{2,5}"])
def test_linear_shapes_pass(pattern):
    assert blowup(pattern) is None


def test_every_builtin_regex_passes_the_check():
    assert [e.regex for e in load_wordlists() if e.regex and blowup(e.regex)] == []


def test_a_right_that_names_its_groups_still_loads(tmp_path):
    words = tmp_path / "本单位.yaml"
    words.write_text('- {wrong: 生, right: "\\\\g<a>\\\\1态", rule: fix, source: 本单位, regex: "(?P<a>生)(?=环境)"}\n',
                     encoding="utf-8")
    mine = [e for e in load_wordlists([words]) if e.kind == "custom"]
    assert mine[0].suggest(mine[0].pattern.search("生环境")) == "生生态"
