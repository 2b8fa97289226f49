"""Zip bombs, XML bombs and external entities (issue 14, items 1 and 2): every command that
reads a .docx refuses each one with one Chinese message naming the file and what is wrong,
exit 2, no traceback, nothing written, within 400 MB of address space. The attacks are built
by tests/attacks/word_bombs.py."""
from __future__ import annotations

import random
import resource
import subprocess
import sys

import docx
import pytest

from attacks.word_bombs import ATTACKS, CLOSE, OPEN, with_document
from conftest import EXAMPLES
from speechdraft.check.annotate import annotate
from speechdraft.check.reading import read_source
from speechdraft.errors import UserError
from speechdraft.ooxml import check_copy

NAME = "来稿.docx"
MEMORY = 400 * 2**20  # address space: the interpreter and python-docx take about 150 MB of it
NOT_WORD = "不是可用的 Word 文档（.docx）："
ANOTHER = "；请换用一份正常的 Word 文档"
BOMB = "，可能是恶意构造的“压缩炸弹”，已拒绝读取" + ANOTHER
HOSTILE = "，可能是恶意构造的文件，已拒绝读取" + ANOTHER
DECLARED = "含有不允许的文档类型或实体声明" + HOSTILE
REASONS = {
    "paragraph bomb": NOT_WORD + "文件内部的 word/document.xml 解压后超过 64 MB" + BOMB,
    "text bomb": NOT_WORD + "文件内部的 word/document.xml 解压后超过 64 MB" + BOMB,
    "ratio bomb": NOT_WORD + "文件内部的 word/document.xml 解压后是压缩时的 684 倍（正常文档不超过 200 倍）" + BOMB,
    "dense markup": NOT_WORD + "文件内部的 word/document.xml 等部件中的元素和属性超过 200 万个" + HOSTILE,
    "total bomb": NOT_WORD + "文件解压后合计超过 256 MB" + BOMB,
    "lying size": NOT_WORD + "文件内部的 word/document.xml 已损坏；请在 Word 或 WPS 中打开，另存为 .docx 再试",
    "many parts": NOT_WORD + "文件内部的部件多达 600017 个，超出限制（最多 5000 个）" + HOSTILE,
    "lying count": NOT_WORD + "文件内部的部件目录超过 1 MB，部件过多" + HOSTILE,
    "over part count": NOT_WORD + "文件内部的部件多达 6017 个，超出限制（最多 5000 个）" + HOSTILE,
    "encrypted": "Word 文档已加密（设有打开密码），无法读取；请先在 Word 中取消密码保护后再用",
    "billion laughs": NOT_WORD + "文件内部的 word/document.xml " + DECLARED,
    "external entity": NOT_WORD + "文件内部的 word/document.xml " + DECLARED,
    "external entity utf-16": NOT_WORD + "文件内部的 word/document.xml " + DECLARED,
    "network entity": NOT_WORD + "文件内部的 word/styles.xml " + DECLARED,
    "doctype in unnamed part": NOT_WORD + "文件内部的 word/body.bin " + DECLARED,
}
DATA = EXAMPLES / "county-conference.yaml"
# Each command, and how its one line of error begins and ends around the reason.
COMMANDS = {
    "check": (lambda f, out: ("check", f), "错误：文件 {path}：", ""),
    "check --fix": (lambda f, out: ("check", f, "--fix", "-o", out / "修正稿.docx"), "错误：文件 {path}：", ""),
    "check --annotate": (lambda f, out: ("check", f, "--annotate", "-o", out / "批注稿.docx"), "错误：文件 {path}：", ""),
    "extract": (lambda f, out: ("extract", f, "-o", out / "素材.yaml"), "错误：没有一个文件能读取：{name}：", "，已跳过"),
    "draft --avoid": (lambda f, out: ("draft", DATA, "--avoid", f, "-o", out / "稿.docx"), "错误：文件 {path}：", ""),
    "draft --reference-docx": (lambda f, out: ("draft", DATA, "--reference-docx", f, "-o", out / "稿.docx"),
                               "错误：文件 {path}，字段 --reference-docx：", ""),
}


def test_every_attack_has_its_message():
    assert set(REASONS) == set(ATTACKS)


@pytest.fixture(scope="module")
def attack(tmp_path_factory):
    """Each attack's file, built once (two bombs take a few seconds to deflate)."""
    made = {}

    def get(kind: str):
        if kind not in made:
            path = tmp_path_factory.mktemp("attack") / NAME
            ATTACKS[kind](path)
            made[kind] = path
        return made[kind]

    return get


def limited(*args) -> subprocess.CompletedProcess:
    """`speechdraft ARGS…` in a process that cannot take more than MEMORY."""
    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))

    return subprocess.run([sys.executable, "-m", "speechdraft", *map(str, args)], capture_output=True, text=True,
                          preexec_fn=limit, timeout=120)


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("kind", ATTACKS)
def test_refused(attack, tmp_path, kind, command):
    path = attack(kind)
    args, before, after = COMMANDS[command]
    out = tmp_path / "out"
    out.mkdir()
    r = limited(*args(path, out))
    assert r.returncode == 2, r.stderr
    assert "Traceback" not in r.stderr and "MemoryError" not in r.stderr
    expected = before.format(path=path, name=path.name) + REASONS[kind] + after
    assert r.stderr.splitlines()[-1] == expected
    assert r.stdout == ""
    assert list(out.iterdir()) == []  # no output, no temporary file


def test_a_copy_that_fails_the_checks_is_not_written(attack, tmp_path):
    with pytest.raises(UserError) as e:
        check_copy(attack("external entity").read_bytes(), tmp_path / NAME)
    assert e.value.render() == (f"文件 {tmp_path / NAME}：由它生成的副本未通过检查（文件内部的 word/document.xml "
                                f"{DECLARED.split('；')[0]}），未写入任何文件{ANOTHER}")


def test_annotate_writes_from_the_document_that_was_checked(tmp_path):
    """A file changed between the check and the writing of the copy (by another program,
    or on purpose) is not written from."""
    path = tmp_path / NAME
    word = docx.Document()
    word.add_paragraph("同志们：今年以来，全县上下深入贯彻习近平生态文明思想。")
    word.save(path)
    source = read_source(path)
    word.paragraphs[0].text = "同志们：今年以来，全县上下坚持生态优先、绿色发展。"
    word.save(path)
    with pytest.raises(UserError) as e:
        annotate(source, [])
    assert e.value.render() == f"文件 {path}：文件在审校过程中被改动，未写入任何文件；请等文件保存好后重新运行"


def test_a_long_document_is_no_bomb(tmp_path):
    """100,000 paragraphs of varied text, as python-docx writes them, stay within every limit."""
    path = tmp_path / NAME
    rng = random.Random(14)
    words = "生态环境保护工作会议县委书记讲话治理攻坚绿色发展质量改善河湖长制秸秆禁烧"

    def paragraphs():
        yield OPEN
        for _ in range(100):
            yield "".join(f"<w:p><w:r><w:t>第{n}条：{''.join(rng.choices(words, k=30))}。</w:t></w:r></w:p>"
                          for n in range(1000)).encode("utf-8")
        yield b"<w:sectPr/>" + CLOSE

    with_document(path, paragraphs())
    r = limited("draft", DATA, "--reference-docx", path, "-o", tmp_path / "稿.docx")
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "稿.docx").exists()
