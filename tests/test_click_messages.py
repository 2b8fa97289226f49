"""Every message click itself gives a writer (a missing or extra argument, a bad choice or
number, a folder for a file) reads as one Chinese sentence, exit 2; every --help is Chinese."""
from __future__ import annotations

import re

import pytest

from conftest import run

GENRES = ("conference（工作会议讲话）、lecture（中心组学习会讲话）、study（中心组研讨交流发言）、"
          "report（调研座谈会汇报发言）、training（培训班交流发言）")

# (arguments, the error line exactly); "{file}" is a file that exists
CASES = [
    (["init"], f"错误：缺少参数“体裁”。可选：{GENRES}"),
    (["init", "novel"], f"错误：体裁“novel”无效；可选：{GENRES}"),
    (["init", "report", "extra"], "错误：多余的参数“extra”"),
    (["init", "report", "-o"], "错误：选项“-o”需要一个取值。"),
    (["draft", "."], "错误：数据文件“.”是文件夹，不是文件；请给出文件的路径"),
    (["draft", "--minutes", "abc"], "错误：--minutes 的取值“abc”不是数字"),
    (["draft", "--seed", "x"], "错误：--seed 的取值“x”不是整数"),
    (["draft", "--length", "四千"], "错误：--length 的取值“四千”不是整数"),
    (["draft", "--format", "pdf"], "错误：--format 的取值“pdf”无效；可选：docx、md、txt"),
    (["draft", "--avoid", "."], "错误：--avoid 的取值“.”是文件夹，不是文件；请给出文件的路径"),
    (["draft", "--reference-docx", "."], "错误：--reference-docx 的取值“.”是文件夹，不是文件；请给出文件的路径"),
    (["draft", "--templates", "{file}"], "错误：--templates 的取值“{file}”是文件，不是文件夹；请给出文件夹的路径"),
    (["draft", "--length"], "错误：选项“--length”需要一个取值。"),
    (["draft", "a.yaml", "b.yaml"], "错误：多余的参数“b.yaml”"),
    (["draft", "--sede", "2"], "错误：没有“--sede”这个选项。是不是“--seed”？"),
    (["outline"], "错误：缺少参数“数据文件”。"),
    (["outline", "."], "错误：数据文件“.”是文件夹，不是文件；请给出文件的路径"),
    (["outline", "{file}", "--seed", "1.5"], "错误：--seed 的取值“1.5”不是整数"),
    (["outline", "{file}", "more.yaml"], "错误：多余的参数“more.yaml”"),
    (["genres", "extra"], "错误：多余的参数“extra”"),
    (["genres", "--all"], "错误：没有“--all”这个选项。"),
    (["check", "{file}", "--format", "xml"], "错误：--format 的取值“xml”无效；可选：text、json"),
    (["extract"], "错误：缺少参数“路径”。"),
    (["extract", "{file}"], "错误：缺少选项“--output”。"),
    (["extract", "{file}", "-o", "out/", "-j", "-1"], "错误：--jobs 的取值“-1”超出范围：应不小于 0"),
    (["batch", ".", "-o", "out/", "--jobs", "many"], "错误：--jobs 的取值“many”不是整数"),
    (["batch", ".", "-o", "out/", "--format", "pdf"], "错误：--format 的取值“pdf”无效；可选：docx、md、txt"),
    (["nosuch"], "错误：没有“nosuch”这个命令。"),
]
CHINESE = r"[\u4e00-\u9fff]"
# what a message may show in ASCII: the program, its commands and options, the choices, and
# whatever the writer typed
NAMES = re.compile(r"speechdraft|--?[a-z][a-z-]*|conference|lecture|study|report|training|docx|md|txt|"
                   r"text|json")


@pytest.mark.parametrize("args, error", CASES, ids=[" ".join(a) for a, _ in CASES])
def test_click_messages_read_as_chinese(tmp_path, args, error):
    (tmp_path / "稿.md").write_text("同志们：\n", encoding="utf-8")
    args = [a.replace("{file}", "稿.md") for a in args]
    r = run(*args, cwd=tmp_path)
    assert r.returncode == 2, r.stderr
    assert "Traceback" not in r.stderr and r.stdout == ""
    lines = r.stderr.splitlines()
    assert lines[-1] == error.replace("{file}", "稿.md"), r.stderr
    assert "\t" not in r.stderr
    assert not re.search(rf"'[^']*{CHINESE}[^']*'|\"[^\"]*{CHINESE}[^\"]*\"", r.stderr), r.stderr
    rest = NAMES.sub("", r.stderr)
    for a in args:
        rest = rest.replace(a, "")
    assert not re.search(r"[A-Za-z]{2,}", rest), rest


COMMANDS = ["", "draft", "outline", "genres", "init", "check", "extract", "batch", "bank"]
# proper names, the unit MB, and the data file's own field and format names the help explains
ALLOWED = re.compile(r"\b(?:Word|YAML|pandoc|CPU|UTF-8|GBK|GB18030|MB|seed|length|confidence|ya?ml)\b")


@pytest.mark.parametrize("command", COMMANDS)
def test_help_is_chinese(command):
    r = run(*([command] if command else []), "--help")
    assert r.returncode == 0, r.stderr
    assert "Usage" not in r.stdout and "Options" not in r.stdout
    assert not re.search(r"\w:$", r.stdout, re.M), r.stdout  # headings end in a Chinese colon
    rest = ALLOWED.sub("", NAMES.sub("", r.stdout))
    rest = re.sub(r"\b(?:draft|outline|genres|init|check|extract|batch|bank)\b", "", rest)
    assert not re.search(r"[A-Za-z]{2,}", rest), rest
