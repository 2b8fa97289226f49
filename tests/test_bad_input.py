"""Whatever a writer feeds in: one clear Chinese message, exit status 2, no traceback, and no
output file — or, for what is merely unusual (GBK, Chinese dates), a draft."""
from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest

from conftest import EXAMPLES, interrupt, run

GOOD = """genre: conference
meeting: 2024年全县生态环境保护工作会议
region: {name: 青山县, level: 县}
"""


def refused(tmp_path: Path, args: list, message: str) -> None:
    """`speechdraft draft ARGS -o 稿.docx` fails with exactly `message` and writes nothing."""
    before = set(tmp_path.rglob("*"))
    out = tmp_path / "稿.docx"
    r = run("draft", *args, "-o", out)
    assert r.returncode == 2, r.stderr
    assert r.stderr == f"错误：{message}\n"
    assert "Traceback" not in r.stderr
    assert set(tmp_path.rglob("*")) == before  # no output, no temporary file


def data_file(tmp_path: Path, content: str | bytes, name: str = "数据.yaml") -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


BAD_DATA = [
    ("yaml-syntax", GOOD + "focus: [air, water\npriorities: [x]\n",
     "YAML 格式错误（第 5 行第 11 列）：方括号列表没有闭合，缺少“]”或逗号；请检查缩进、冒号、引号和括号"),
    ("yaml-indent", GOOD + "speaker:\n  name: 王××\n role: 县委书记\n",
     "YAML 格式错误（第 6 行第 2 列）：缩进不齐；请检查缩进、冒号、引号和括号"),
    ("duplicate-key", GOOD + "meeting: 另一个会议\n",
     "第 4 行重复出现字段“meeting”（第一次在第 2 行）；YAML 只会保留最后一个，请删去多余的一处"),
    ("tab", GOOD + "speaker:\n\tname: 王××\n",
     "第 5 行用制表符（Tab）缩进；YAML 只能用空格缩进，请把 Tab 换成空格"),
    ("empty", "\n  \n",
     "文件是空的；至少需要 genre、meeting、region 三个字段（可用 speechdraft init 生成样例）"),
    ("unknown-field", GOOD + "prioritys: [建成污水处理厂]\n",
     "字段 prioritys：未知字段，是不是“priorities”？"),
    ("number-with-unit", GOOD + "metrics:\n  - {name: 空气质量优良天数比例, value: 93.5%, unit: \"%\"}\n",
     "字段 metrics.第1项.value：“93.5%”不是数字；请只写数字（如 93.5），单位写在 unit 字段"),
    ("infinite-number", GOOD + "metrics:\n  - {name: PM2.5平均浓度, value: .inf}\n",
     "字段 metrics.第1项.value：“inf”不是数字；请只写数字（如 93.5），单位写在 unit 字段"),
    ("repeated-metric", GOOD + "metrics:\n  - {name: PM2.5平均浓度, value: 25}\n  - {name: PM2.5平均浓度, value: 26}\n",
     "字段 metrics：第2项与第1项重复（“PM2.5平均浓度”）；请删去一项"),
    ("repeated-sentence", GOOD + "priorities: [建成县城第二污水处理厂, 完成改厕, 建成县城第二污水处理厂]\n",
     "字段 priorities：第3项与第1项重复（“建成县城第二污水处理厂”）；请删去一项"),
    ("escaped-control-character", GOOD + 'problems: [污水处理, "管网\\b老化"]\n',
     "字段 problems.第2项：含有不可见的控制字符（U+0008）；请删去"),
    ("impossible-date", GOOD + "date: 2024-02-30\n",
     "字段 date：“2024-02-30”不是有效日期；请写成 2024-03-15 或 2024年3月15日"),
    ("impossible-chinese-date", GOOD + "date: 2024年2月30日\n",
     "字段 date：“2024年2月30日”不是有效日期；请写成 2024-03-15 或 2024年3月15日"),
    ("bad-tag", GOOD + "year: !!float 二〇二三\n",
     "YAML 格式错误（第 4 行第 7 列）：取值无法识别（例如不存在的日期 2024-02-30，或写错的“!!”类型标记）"),
    ("python-tag", GOOD + "title: !!python/object/apply:os.system [echo hi]\n",
     "YAML 格式错误（第 4 行第 8 列）：含有不支持的类型标记（以“!”开头）；如是文字内容请加引号"),
    ("list-as-key", GOOD + "? [genre, meeting]\n: conference\n",
     "YAML 格式错误（第 4 行第 3 列）：字段名不能是列表或映射"),
    ("number-as-key", GOOD + "2024: 会议\n",
     "字段名“2024”不是文字；字段名应为 genre、meeting 这样的英文名称"),
    ("two-documents", GOOD + "---\ngenre: report\n",
     "YAML 格式错误（第 4 行第 1 列）：文件中有多个 YAML 文档（以“---”分隔），数据文件只能有一个"),
    ("control-character", GOOD + "title: 讲话\x00稿\n",
     "第 4 行第 10 列有不可见的控制字符（U+0000）；请删去"),
    ("deep-nesting", "genre: " + "[" * 200_000 + "\n", "括号或缩进嵌套的层次过深；数据文件不需要这么多层"),
    ("not-a-mapping", "- genre: conference\n", "内容应是“字段: 值”的形式（YAML 映射），例如 genre: conference"),
    ("utf16", GOOD.encode("utf-16"), "无法识别文件编码；请另存为 UTF-8 编码的文本文件"),
]


@pytest.mark.parametrize("content,message", [b[1:] for b in BAD_DATA], ids=[b[0] for b in BAD_DATA])
def test_bad_data_file(tmp_path, content, message):
    data = data_file(tmp_path, content)
    where = f"文件 {data}" + ("：" if not message.startswith("字段 ") else "，")
    refused(tmp_path, [data], where + message)


def test_a_fifty_megabyte_file_is_refused_unread(tmp_path):
    data = tmp_path / "数据.yaml"
    with data.open("wb") as f:
        f.truncate(50_000_000)  # sparse: no time spent writing it
    refused(tmp_path, [data], f"文件 {data}：文件过大（50.0 MB），数据文件不应超过 1 MB；请确认没有选错文件")


def test_billion_laughs_is_refused_quickly(tmp_path):
    """Aliases can make a few lines describe a structure of 10^8 items: never expanded."""
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 10)}]" for n in range(1, 8)]
    data = data_file(tmp_path, GOOD + "\n".join(lines) + "\ntitle: *a7\n")
    refused(tmp_path, [data], f"文件 {data}，字段 title：应为文字，而不是“列表”，例如 title: 在全县生态环境保护工作会议上的讲话")


@pytest.mark.parametrize("encoding", ["gbk", "gb18030"])
def test_a_gbk_data_file_drafts(tmp_path, encoding):
    data = data_file(tmp_path, (GOOD + "problems: [3个乡镇尚未建成污水处理设施]\n").encode(encoding))
    r = run("draft", data, "-o", tmp_path / "稿.md")
    assert r.returncode == 0, r.stderr
    assert "3个乡镇尚未建成污水处理设施" in (tmp_path / "稿.md").read_text(encoding="utf-8")


def test_a_chinese_date_is_accepted(tmp_path):
    data = data_file(tmp_path, GOOD + "speaker: {name: 王××, role: 县委书记}\ndate: 2024年3月15日\n")
    r = run("draft", data, "-o", tmp_path / "稿.md")
    assert r.returncode == 0, r.stderr
    assert "（2024年3月15日）" in (tmp_path / "稿.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("genre,extra,length", [
    ("training", "achievements: [完成营造林3.2万亩]\nproblems: [完成营造林3.2万亩]\n", 3000),
    ("conference", "metrics:\n  - {name: PM2.5平均浓度, value: 25, previous: 26}\n", 1500),
    ("conference", "achievements:\n  - |\n    完成营造林\n    3.2万亩\n", 3000),
    ("conference", "achievements: [完成营造林3.2万亩, 。]\n", 3000),
], ids=["one-sentence-in-two-lists", "short-speech", "line-break-in-value", "punctuation-alone"])
def test_annotations_survive_odd_data(tmp_path, genre, extra, length):
    """Every note needs its own words in the draft: one sentence given as an achievement and
    as a problem, a short speech that drops its bridging paragraphs, a value broken over
    lines, an item that is only a full stop."""
    data = data_file(tmp_path, GOOD.replace("conference", genre) + extra)
    out = tmp_path / "稿.docx"
    for seed in range(3):
        r = run("draft", data, "--annotate", "--length", length, "--seed", seed, "-o", out, "--force")
        assert r.returncode == 0, r.stderr
        assert b"w:comment " in zipfile.ZipFile(out).read("word/comments.xml")


POINT = """points:
  - id: {id}
    section: {section}
    lead: {lead}
    source: {{file: 本单位讲话.docx, paragraph: 3}}
"""


def test_phrase_bank_entry_with_an_unknown_slot(tmp_path):
    bank = data_file(tmp_path, POINT.format(id="my-slot", section="tasks", lead="要抓好{乡镇}的工作。"), "素材.yaml")
    refused(tmp_path, [EXAMPLES / "county-conference.yaml", "--phrasebank", bank],
            f"文件 {bank}，字段 要点 my-slot.lead：含未知插槽“{{乡镇}}”；"
            "可用插槽：{县}、{党委政府}、{党委}、{政府}、{下级}、{省}、{上级}、{简称}、{地区}、{年度}、{会议}、"
            "{河流}、{山}、{湖泊}、{海湾}、{保护区}、{园区}、{景区}")


def test_phrase_bank_entry_with_an_unknown_section(tmp_path):
    folder = tmp_path / "素材库"
    folder.mkdir()
    bank = data_file(folder, POINT.format(id="my-section", section="task", lead="要抓好全县的工作。"), "本单位.yml")
    refused(tmp_path, [EXAMPLES / "county-conference.yaml", "--phrasebank", folder],
            f"文件 {bank}，字段 要点 my-section.section：取值“task”无效，应为 "
            "opening、significance、achievements、gaps、tasks、safeguards、closing、transition 之一")


SANDBOX = [
    ("class-mro", "{{ ''.__class__.__mro__ }}", "模板（第 1 行）试图访问 Python 内部属性 __class__，已被沙箱阻止；模板只能使用讲话稿的内容"),
    ("globals", "同志们：\n\n{{ cycler.__init__.__globals__ }}",
     "模板（第 3 行）试图访问 Python 内部属性 __init__，已被沙箱阻止；模板只能使用讲话稿的内容"),
    ("private", "{{ self._TemplateReference__context }}",
     "模板（第 1 行）试图访问 Python 内部属性 _TemplateReference__context，已被沙箱阻止；模板只能使用讲话稿的内容"),
    ("range", "{% for i in range(10 ** 9) %}{{ i }}{% endfor %}",
     "模板（第 1 行）中的运算结果过大，已被沙箱阻止；模板只需排列讲话稿的内容"),
    ("repeat", "{{ title }}{{ 'a' * 10 ** 9 }}", "模板（第 1 行）中的运算结果过大，已被沙箱阻止；模板只需排列讲话稿的内容"),
    ("power", "{{ 2 ** 100000000 }}", "模板（第 1 行）中的运算结果过大，已被沙箱阻止；模板只需排列讲话稿的内容"),
    ("undefined", "# {{ title }}\n\n{{ mayor }}", "模板出错（第 3 行）：没有名为“mayor”的内容"),
]


@pytest.mark.parametrize("source,message", [s[1:] for s in SANDBOX], ids=[s[0] for s in SANDBOX])
def test_a_user_template_cannot_reach_python_internals(tmp_path, source, message):
    folder = tmp_path / "模板"
    folder.mkdir()
    template = data_file(folder, source + "\n", "conference.md.j2")
    refused(tmp_path, [EXAMPLES / "county-conference.yaml", "--templates", folder], f"文件 {template}：{message}")


def test_output_folder_that_does_not_exist(tmp_path):
    out = tmp_path / "没有的文件夹" / "稿.docx"
    r = run("draft", EXAMPLES / "county-conference.yaml", "-o", out)
    assert r.returncode == 2
    assert r.stderr == f"错误：文件 {out}：所在文件夹不存在；请先建立文件夹或换一个路径\n"
    assert list(tmp_path.iterdir()) == []


def test_output_folder_that_cannot_be_written(tmp_path):
    folder = tmp_path / "只读"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        if os.access(folder, os.W_OK):
            pytest.skip("running as root: a read-only folder is still writable")
        out = folder / "稿.docx"
        r = run("draft", EXAMPLES / "county-conference.yaml", "-o", out)
        assert r.returncode == 2
        assert r.stderr == f"错误：文件 {out}：所在文件夹不可写；请换一个路径\n"
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)


# Holds the draft at the moment its temporary file is complete and about to replace the
# target: the worst moment for Ctrl-C.
SLOW_REPLACE = """
import os, sys, time
_replace = os.replace
def _slow(src, dst, *args, **kwargs):
    if str(src).endswith(".tmp"):
        time.sleep(60)
    return _replace(src, dst, *args, **kwargs)
os.replace = _slow
"""


def test_ctrl_c_leaves_nothing_behind(tmp_path):
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    r = interrupt(["draft", EXAMPLES / "county-conference.yaml", "-o", out_dir / "稿.docx"], SLOW_REPLACE,
                  lambda: bool(list(out_dir.glob(".稿.docx.*.tmp"))), tmp_path, timeout=60)
    assert r.returncode == 130, r.stderr
    assert r.stderr.strip() == "已中止，未写入任何文件。"
    assert list(out_dir.iterdir()) == []