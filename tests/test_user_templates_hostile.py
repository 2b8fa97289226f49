"""A writer's template (--templates) cannot hang or exhaust the machine: each attack in
tests/attacks/user_input ends in bounded memory with one Chinese message, exit 2, and no file."""
from __future__ import annotations

import shutil

import pytest

from conftest import EXAMPLES
from hostile import ATTACKS, run_bounded

TOO_BIG = "模板（第 {line} 行）中的运算结果过大，已被沙箱阻止；模板只需排列讲话稿的内容"
TOO_MUCH = ("模板（第 {line} 行）的运算量过大（循环、调用或引入超过 400 万步），已被停止；"
            "请检查循环是否嵌套过多、宏或引入是否调用自身")
OUTSIDE = ("模板（第 1 行）要引入模板文件夹以外的文件“{name}”，模板不能引入模板文件夹以外的文件；"
           "请把要引入的模板放进 --templates 文件夹，按相对于该文件夹的路径引入")

ATTACK_MESSAGES = [
    ("nested-loops", TOO_MUCH.format(line=1)),
    ("print-in-loop", "模板生成的文字超过 100 万字，已被停止；一篇讲话稿只有几千到几万字，请检查循环"),
    ("concat-doubling", TOO_BIG.format(line=2)),
    ("format-width", TOO_BIG.format(line=1)),
    ("printf-width", TOO_BIG.format(line=1)),
    ("center-filter", TOO_BIG.format(line=1)),
    ("power-tower", TOO_BIG.format(line=1)),
    ("macro-fanout", TOO_MUCH.format(line=1)),
    ("include-self", TOO_MUCH.format(line=1)),
    ("loop-over-string", TOO_MUCH.format(line=1)),
    ("held-in-set-block", TOO_MUCH.format(line=1)),
    ("list-as-text", TOO_BIG.format(line=1)),
    ("replace-method", TOO_BIG.format(line=1)),
    ("slice-filter", TOO_BIG.format(line=1)),
    ("include-outside", OUTSIDE.format(name="/etc/passwd")),
    ("include-parent", OUTSIDE.format(name="../../../../etc/passwd")),
    ("invalid-utf8", "模板第 3 行不是 UTF-8 编码的文字；请用 UTF-8 编码另存模板"),
]


@pytest.mark.parametrize("attack, message", ATTACK_MESSAGES, ids=[a for a, _ in ATTACK_MESSAGES])
def test_a_hostile_template_is_refused_in_bounded_memory(tmp_path, attack, message):
    folder = tmp_path / "模板"
    folder.mkdir()
    template = folder / "conference.md.j2"
    shutil.copyfile(ATTACKS / f"{attack}.md.j2", template)
    before = set(tmp_path.rglob("*"))
    r = run_bounded("draft", EXAMPLES / "county-conference.yaml", "--templates", folder, "-o", tmp_path / "稿.docx")
    assert (r.returncode, r.stderr) == (2, f"错误：文件 {template}：{message}\n")
    assert set(tmp_path.rglob("*")) == before  # no draft, no temporary file


def test_a_template_may_still_include_one_beside_it(tmp_path):
    """The folder rule refuses paths outside the folders, not includes as such."""
    folder = tmp_path / "模板"
    folder.mkdir()
    (folder / "conference.md.j2").write_text("# {{ title }}\n\n{% include '部分/结尾.md.j2' %}\n", encoding="utf-8")
    (folder / "部分").mkdir()
    (folder / "部分" / "结尾.md.j2").write_text("同志们，让我们共同努力。\n", encoding="utf-8")
    out = tmp_path / "稿.md"
    r = run_bounded("draft", EXAMPLES / "county-conference.yaml", "--templates", folder, "-o", out)
    assert r.returncode == 0, r.stderr
    assert "同志们，让我们共同努力。" in out.read_text(encoding="utf-8")


def test_an_include_that_is_not_there_is_named(tmp_path):
    folder = tmp_path / "模板"
    folder.mkdir()
    template = folder / "conference.md.j2"
    template.write_text("{% include '结尾.md.j2' %}\n", encoding="utf-8")
    r = run_bounded("draft", EXAMPLES / "county-conference.yaml", "--templates", folder, "-o", tmp_path / "稿.docx")
    assert (r.returncode, r.stderr) == (
        2, f"错误：文件 {template}：模板（第 1 行）要引入的模板“结尾.md.j2”不存在；请检查文件名，它应在 --templates 文件夹中\n")
