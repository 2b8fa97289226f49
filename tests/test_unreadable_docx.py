"""Every command that reads a .docx refuses a file that is not a usable one (damaged,
encrypted, hostile, another format) with one Chinese message naming it: exit 2, no
traceback, no English from lxml or zipfile, nothing written."""
from __future__ import annotations

import re
import resource
import subprocess
import sys

import pytest

from conftest import EXAMPLES, run
from word_files import KINDS, unreadable

NAME = "本单位模板.docx"
NOT_WORD = "不是可用的 Word 文档（.docx）："
# Words a message may hold: names of formats, programs and options, and parts of the package.
LATIN_WORDS = {"Word", "WPS", "docx", "doc", "word", "document", "xml", "Excel", "xlsx", "odt",
               "OpenDocument", "Office", "reference", "avoid", "MB", "media", "image", "png"}
COMMANDS = {
    "draft --reference-docx": lambda f, out: ("draft", EXAMPLES / "county-conference.yaml", "--reference-docx", f,
                                              "-o", out / "稿.docx"),
    "draft --avoid": lambda f, out: ("draft", EXAMPLES / "county-conference.yaml", "--avoid", f,
                                     "-o", out / "稿.docx"),
    "check": lambda f, out: ("check", f, "--annotate", "-o", out / "审校稿.docx"),
    "extract": lambda f, out: ("extract", f, "-o", out / "素材.yaml"),
}
MEMORY = 2**30  # bytes of address space for the zip bomb check
EXPECTED = {"encrypted": "已加密（设有打开密码），无法读取；请先在 Word 中取消密码保护后再用",
            "directory": "文件夹"}


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    """Each kind of file made once (the zip bomb takes a few seconds to deflate)."""
    made = {}

    def get(kind: str):
        if kind not in made:
            folder = tmp_path_factory.mktemp("unreadable")
            unreadable(kind, folder / NAME)
            made[kind] = folder / NAME
        return made[kind]

    return get


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("kind", KINDS)
def test_refused_in_chinese(files, tmp_path, kind, command):
    if kind == "directory" and command == "extract":
        pytest.skip("extract reads a folder's files: a folder is valid input there")
    path = files(kind)
    out = tmp_path / "out"
    out.mkdir()
    r = run(*COMMANDS[command](path, out))
    assert r.returncode == 2, r.stderr
    assert "Traceback" not in r.stderr
    assert NAME in r.stderr
    assert EXPECTED.get(kind, NOT_WORD) in r.stderr
    message = r.stderr
    if kind == "directory" and command.startswith("draft"):  # the option's own check, after the usage
        message = message.strip().splitlines()[-1] + "\n"
    assert message.startswith("错误：") and message.count("\n") == 1, r.stderr
    latin = set(re.findall(r"[A-Za-z_]+", message.replace(str(path), "")))
    assert latin <= LATIN_WORDS, r.stderr
    assert list(out.iterdir()) == []


REASONS = {
    "corrupt zip": "文件已损坏，或根本不是 Word 文档（例如改了扩展名的其他文件）；请在 Word 或 WPS 中打开，另存为 .docx 再试",
    "empty": "文件是空的；请在 Word 或 WPS 中打开，另存为 .docx 再试",
    "old .doc": "这是旧版 Word（.doc）或其他旧格式的 Office 文件；请在 Word 或 WPS 中打开，另存为 .docx 再试",
    "xlsx": "这是 Excel 表格（.xlsx），不是 Word 文档；请给出 Word 文档",
    "no document.xml": "文件中没有 Word 正文（word/document.xml）；请在 Word 或 WPS 中打开，另存为 .docx 再试",
    "entity bomb": "文件内部的 word/document.xml 含有不允许的文档类型或实体声明，可能是恶意构造的文件，已拒绝读取；"
                   "请换用一份正常的 Word 文档",
    "external entity": "文件内部的 word/document.xml 含有不允许的文档类型或实体声明，可能是恶意构造的文件，已拒绝读取；"
                       "请换用一份正常的 Word 文档",
    "huge text node": "文件内部的 word/document.xml 已损坏或过大；请在 Word 或 WPS 中打开，另存为 .docx 再试",
    "zip bomb": "文件内部的 word/media/image1.png 解压后超过 64 MB，可能是恶意构造的“压缩炸弹”，已拒绝读取；"
                "请换用一份正常的 Word 文档",
}


@pytest.mark.parametrize("kind", REASONS)
def test_the_message_says_what_the_file_is(files, tmp_path, kind):
    path = files(kind)
    r = run("draft", EXAMPLES / "county-conference.yaml", "--reference-docx", path, "-o", tmp_path / "稿.docx")
    assert r.stderr == f"错误：文件 {path}，字段 --reference-docx：{NOT_WORD}{REASONS[kind]}\n"


def test_zip_bomb_is_refused_before_inflating(files):
    """The bomb's picture would take over 1 GB in memory; it is refused from the zip
    directory alone, so the check runs within a 1 GB address space."""
    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))

    r = subprocess.run([sys.executable, "-m", "speechdraft", "check", files("zip bomb")], capture_output=True,
                       text=True, preexec_fn=limit, timeout=120)
    assert r.returncode == 2, r.stderr
    assert "压缩炸弹" in r.stderr


def test_extract_skips_a_bad_docx_and_reads_the_rest(files, tmp_path):
    folder = tmp_path / "材料"
    folder.mkdir()
    (folder / NAME).write_bytes(files("entity bomb").read_bytes())
    (folder / "讲话.txt").write_text("\n".join(
        ["在全县生态环境保护工作会议上的讲话", "同志们：", "今年以来，全县上下坚持以习近平生态文明思想为指导，"
         "深入打好污染防治攻坚战，生态环境质量持续改善。"] * 3), encoding="utf-8")
    r = run("extract", folder, "-o", tmp_path / "素材.yaml")
    assert r.returncode == 0, r.stderr
    assert f"警告：{NAME}：{NOT_WORD}文件内部的 word/document.xml 含有不允许的文档类型或实体声明" in r.stderr.replace("\n", "")
