"""The draft command as a writer uses it: defaults, formats, and every kind of bad input."""
from __future__ import annotations

import zipfile

import pytest

from conftest import EXAMPLES, run

GOOD = """genre: conference
meeting: 2024年全县生态环境保护工作会议
region: {name: 青山县, level: 县}
"""


def test_draft_with_no_arguments_writes_the_bundled_example(tmp_path):
    r = run("draft", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    written = tmp_path / "在2024年全县生态环境保护工作会议上的讲话.docx"
    assert written.is_file() and zipfile.is_zipfile(written)
    assert f"已写入：{written}" in r.stderr
    assert "讲话约" in r.stderr


def test_python_m_and_help_speak_chinese():
    r = run("--help")
    assert r.returncode == 0
    assert "起草生态文明建设讲话稿" in r.stdout and "命令" in r.stdout
    r = run("draft", "--help")
    assert "根据数据文件起草讲话稿" in r.stdout and "覆盖已存在的输出文件" in r.stdout


@pytest.mark.parametrize("fmt", ["md", "txt"])
def test_markdown_and_text_on_stdout(fmt):
    r = run("draft", EXAMPLES / "county-conference.yaml", "-o", "-", "--format", fmt)
    assert r.returncode == 0, r.stderr
    assert "在2024年全县生态环境保护工作会议上的讲话" in r.stdout
    assert ("## 一、" in r.stdout) == (fmt == "md")


def test_format_follows_the_extension(tmp_path):
    for name in ("稿.md", "稿.txt", "稿.docx"):
        r = run("draft", EXAMPLES / "city-conference.yaml", "-o", tmp_path / name)
        assert r.returncode == 0, r.stderr
    assert (tmp_path / "稿.md").read_text(encoding="utf-8").startswith("# 在2024年全市生态环境保护大会上的讲话")
    assert (tmp_path / "稿.txt").read_text(encoding="utf-8").startswith("在2024年全市生态环境保护大会上的讲话\n")
    assert zipfile.is_zipfile(tmp_path / "稿.docx")


def test_seed_option_reproduces_byte_for_byte(tmp_path):
    for name in ("a.docx", "b.docx", "c.docx"):
        seed = "5" if name != "c.docx" else "6"
        assert run("draft", EXAMPLES / "county-conference.yaml", "--seed", seed, "-o", tmp_path / name).returncode == 0
    assert (tmp_path / "a.docx").read_bytes() == (tmp_path / "b.docx").read_bytes()
    assert (tmp_path / "a.docx").read_bytes() != (tmp_path / "c.docx").read_bytes()


BAD = [
    ("missing", "genre: conference\nregion: {name: 青山县, level: 县}\n",
     "字段 meeting：缺少必填字段（会议名称）；请补上"),
    ("genre", GOOD.replace("conference", "speech"),
     "字段 genre：取值“speech”无效，应为 conference、lecture、study、report、training 之一"),
    ("type", GOOD + "year: 二〇二三\n", "字段 year：“二〇二三”不是整数；请只写整数，例如 year: 2023"),
    ("value", GOOD + "metrics:\n  - {name: 空气质量优良天数比例, value: 93.5%}\n",
     "字段 metrics.第1项.value：“93.5%”不是数字；请只写数字（如 93.5），单位写在 unit 字段"),
    ("yaml", GOOD + "focus: [air, water\n",
     "YAML 格式错误（第 5 行第 1 列）：方括号列表没有闭合，缺少“]”或逗号；请检查缩进、冒号、引号和括号"),
    ("unknown", GOOD + "meting: 会议\n", "字段 meting：未知字段，是不是“meeting”？"),
    ("duplicate", GOOD + "genre: report\n", "第 4 行重复出现字段“genre”（第一次在第 1 行）"),
    ("level", GOOD.replace("level: 县", "level: 村"),
     "字段 region.level：取值“村”无效，应为 省、市、州、盟、县、区、旗、乡、镇 之一"),
]


@pytest.mark.parametrize("name,content,message", BAD, ids=[b[0] for b in BAD])
def test_bad_data_gets_one_clear_message_and_no_file(tmp_path, name, content, message):
    data = tmp_path / "数据.yaml"
    data.write_text(content, encoding="utf-8")
    out = tmp_path / "稿.docx"
    r = run("draft", data, "-o", out)
    assert r.returncode == 2
    assert r.stderr.startswith(f"错误：文件 {data}")
    assert message in r.stderr
    assert "Traceback" not in r.stderr and r.stderr.count("\n") == 1
    assert not out.exists() and list(tmp_path.iterdir()) == [data]


def test_missing_file(tmp_path):
    r = run("draft", tmp_path / "没有.yaml", "-o", tmp_path / "稿.docx")
    assert r.returncode == 2
    assert r.stderr == f"错误：文件 {tmp_path / '没有.yaml'}：文件不存在；请检查路径是否正确\n"


def test_existing_output_is_not_overwritten_without_force(tmp_path):
    out = tmp_path / "稿.docx"
    out.write_bytes(b"the writer's own work")
    r = run("draft", EXAMPLES / "county-conference.yaml", "-o", out)
    assert r.returncode == 2
    assert r.stderr == f"错误：文件 {out}：文件已存在；如要覆盖请加 --force，或用 -o 指定别的文件名\n"
    assert out.read_bytes() == b"the writer's own work"
    r = run("draft", EXAMPLES / "county-conference.yaml", "-o", out, "--force")
    assert r.returncode == 0 and zipfile.is_zipfile(out)


def test_output_folder_must_exist(tmp_path):
    r = run("draft", EXAMPLES / "county-conference.yaml", "-o", tmp_path / "无" / "稿.docx")
    assert r.returncode == 2
    assert "所在文件夹不存在" in r.stderr


def test_docx_cannot_go_to_stdout():
    r = run("draft", EXAMPLES / "county-conference.yaml", "-o", "-")
    assert r.returncode == 2
    assert "Word 文件不能输出到屏幕" in r.stderr
