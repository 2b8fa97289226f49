"""Things that are not files (issue 14, item 3): every command that reads a path refuses a
FIFO, a socket, a device, a folder, or a link to one, by what it is, at once, and a sparse
gigabyte by its size; it exits 2 with one Chinese message and writes nothing.

A hang would end in subprocess's timeout (a safety net, not a timed assertion), and every
run is held to a memory limit far below what reading a gigabyte or /dev/zero would take."""
from __future__ import annotations

import os
import resource
import stat
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from attacks.not_files import CASES, build, is_folder, sparse
from conftest import EXAMPLES
from speechdraft import inputs
from speechdraft.errors import UserError

MEMORY = 400 * 2**20  # a draft takes under 300 MB of address space; /dev/zero read whole, far more
DATA = EXAMPLES / "county-conference.yaml"
NOT_A_FILE = "不是普通文件；请给出文件的路径"


def run(*args) -> subprocess.CompletedProcess:
    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))

    return subprocess.run([sys.executable, "-m", "speechdraft", *map(str, args)], capture_output=True, text=True,
                          preexec_fn=limit, timeout=20)


def speech(tmp: Path) -> Path:
    """A speech for check to read beside the --words file under attack."""
    path = tmp / "讲话.txt"
    path.write_text("同志们：\n今年以来，全县生态环境质量持续改善。\n", encoding="utf-8")
    return path


@dataclass(frozen=True)
class Reader:
    suffix: str  # the name the attacked path is given
    args: Callable[[Path, Path], list]  # (the attacked path, a folder for anything else) -> argv
    kind: inputs.Kind
    field: str | None = None  # the option a message names, where it names one
    click_folder: str | None = None  # click refuses a folder itself (dir_okay=False), naming the parameter so
    folder_ok: bool = False  # a folder is what the command reads here (a bank, a batch, a corpus)
    skipped: bool = False  # extract skips a file it cannot read, and says so when none is left


READERS = {
    "draft": Reader(".yaml", lambda p, t: ["draft", p, "-o", t / "稿.docx"], inputs.DATA, click_folder="数据文件"),
    "draft --avoid .txt": Reader(".txt", lambda p, t: ["draft", DATA, "--avoid", p, "-o", t / "稿.docx"],
                                 inputs.TEXT, click_folder="--avoid 的取值"),
    "draft --avoid .docx": Reader(".docx", lambda p, t: ["draft", DATA, "--avoid", p, "-o", t / "稿.docx"],
                                  inputs.WORD, click_folder="--avoid 的取值"),
    "draft --reference-docx": Reader(".docx", lambda p, t: ["draft", DATA, "--reference-docx", p, "-o", t / "稿.docx"],
                                     inputs.WORD, field="--reference-docx", click_folder="--reference-docx 的取值"),
    "draft --phrasebank": Reader(".yaml", lambda p, t: ["draft", DATA, "--phrasebank", p, "-o", t / "稿.docx"],
                                 inputs.BANK, folder_ok=True),
    "draft --outline": Reader(".yaml", lambda p, t: ["draft", DATA, "--outline", p, "-o", t / "稿.docx"],
                              inputs.OUTLINE, click_folder="--outline 的取值"),
    "outline": Reader(".yaml", lambda p, t: ["outline", p, "-o", t / "提纲.yaml"], inputs.DATA, click_folder="数据文件"),
    "outline --phrasebank": Reader(".yaml", lambda p, t: ["outline", DATA, "--phrasebank", p, "-o", t / "提纲.yaml"],
                                   inputs.BANK, folder_ok=True),
    "check .txt": Reader(".txt", lambda p, t: ["check", p], inputs.TEXT),
    "check .md": Reader(".md", lambda p, t: ["check", p], inputs.TEXT),
    "check .docx": Reader(".docx", lambda p, t: ["check", p], inputs.WORD),
    "check --fix": Reader(".txt", lambda p, t: ["check", p, "--fix", "-o", t / "改.txt"], inputs.TEXT),
    "check --words": Reader(".yaml", lambda p, t: ["check", speech(t), "--words", p], inputs.WORDS),
    "extract .txt": Reader(".txt", lambda p, t: ["extract", p, "-o", t / "素材.yaml"], inputs.TEXT, folder_ok=True,
                           skipped=True),
    "extract .docx": Reader(".docx", lambda p, t: ["extract", p, "-o", t / "素材.yaml"], inputs.WORD, folder_ok=True,
                            skipped=True),
    "batch": Reader(".yaml", lambda p, t: ["batch", p, "-o", t / "稿"], inputs.DATA, folder_ok=True),
    "bank": Reader(".yaml", lambda p, t: ["bank", "--phrasebank", p], inputs.BANK, folder_ok=True),
}


def tree(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")}


def where(path: Path, field: str | None) -> str:
    return f"文件 {path}" + (f"，字段 {field}" if field else "")


def refused(r: subprocess.CompletedProcess, message: str) -> None:
    assert r.returncode == 2, r.stderr
    assert "Traceback" not in r.stderr
    assert r.stderr == f"错误：{message}\n"
    assert r.stdout == ""


@pytest.mark.parametrize("case", list(CASES))
@pytest.mark.parametrize("reader", list(READERS))
def test_what_is_not_a_file_is_refused_by_what_it_is(tmp_path, reader, case):
    spec = READERS[reader]
    if is_folder(case) and spec.folder_ok:
        pytest.skip("a folder is what this command reads")
    attacked, out = tmp_path / "in", tmp_path / "out"
    attacked.mkdir()
    out.mkdir()
    given, what = build(case, attacked / f"x{spec.suffix}")
    args = spec.args(given, out)
    before = tree(out)
    r = run(*args)
    if is_folder(case) and spec.click_folder:
        assert r.returncode == 2 and "Traceback" not in r.stderr
        assert r.stderr.splitlines()[-1] == f"错误：{spec.click_folder}“{given}”是文件夹，不是文件；请给出文件的路径"
    else:
        refused(r, f"{where(given, spec.field)}：{what}，{NOT_A_FILE}")
    assert tree(out) == before


@pytest.mark.parametrize("reader", list(READERS))
def test_a_sparse_gigabyte_is_refused_by_its_size(tmp_path, reader):
    spec = READERS[reader]
    out = tmp_path / "out"
    out.mkdir()
    given = sparse(tmp_path / f"x{spec.suffix}")
    args = spec.args(given, out)
    before = tree(out)
    r = run(*args)
    too_big = f"文件过大（1073.7 MB），{spec.kind.name}不应超过 {spec.kind.shown}；请确认没有选错文件"
    if spec.skipped:
        refused(r, f"没有一个文件能读取：{given.name}：{too_big}，已跳过")
    else:
        refused(r, f"{where(given, spec.field)}：{too_big}")
    assert tree(out) == before


@pytest.mark.parametrize("command", ["draft", "outline"])
@pytest.mark.parametrize("case", [c for c in CASES if not is_folder(c)])
def test_a_templates_folder_that_is_not_one(tmp_path, command, case):
    given, what = build(case, tmp_path / "模板")
    refused(run(command, DATA, "--templates", given, "-o", tmp_path / "稿.docx"),
            f"{where(given, '--templates')}：{what}，不是文件夹；请给出模板文件夹的路径")
    assert not (tmp_path / "稿.docx").exists()


@pytest.mark.parametrize("case", [c for c in CASES if c.startswith(("link", "fifo", "socket", "folder"))])
def test_a_template_in_the_folder_that_is_not_a_file(tmp_path, case):
    folder = tmp_path / "模板"
    folder.mkdir()
    given, what = build(case, folder / "conference.md.j2")
    refused(run("draft", DATA, "--templates", folder, "-o", tmp_path / "稿.docx"), f"文件 {given}：{what}，{NOT_A_FILE}")
    assert not (tmp_path / "稿.docx").exists()


def test_a_template_included_that_is_not_a_file(tmp_path):
    folder = tmp_path / "模板"
    folder.mkdir()
    (folder / "conference.md.j2").write_text('{% include "part.md.j2" %}\n', encoding="utf-8")
    given, what = build("fifo", folder / "part.md.j2")
    refused(run("draft", DATA, "--templates", folder, "-o", tmp_path / "稿.docx"), f"文件 {given}：{what}，{NOT_A_FILE}")


def test_a_sparse_template_is_refused_by_its_size(tmp_path):
    folder = tmp_path / "模板"
    folder.mkdir()
    given = sparse(folder / "conference.md.j2")
    refused(run("draft", DATA, "--templates", folder, "-o", tmp_path / "稿.docx"),
            f"文件 {given}：文件过大（1073.7 MB），模板不应超过 1 MB；请确认没有选错文件")


def test_a_missing_templates_folder_is_named(tmp_path):
    refused(run("draft", DATA, "--templates", tmp_path / "无", "-o", tmp_path / "稿.docx"),
            f"{where(tmp_path / '无', '--templates')}：文件夹不存在；请检查路径是否正确")


@pytest.mark.parametrize("force", [False, True])
@pytest.mark.parametrize("case", list(CASES))
def test_init_never_writes_into_what_is_not_a_file(tmp_path, case, force):
    given, what = build(case, tmp_path / "数据.yaml")
    named, kind, link = os.path.realpath(given), stat.S_IFMT(os.stat(given).st_mode), given.is_symlink()
    before = tree(tmp_path)
    r = run("init", "conference", "-o", given, *(["--force"] if force else []))
    if is_folder(case):
        refused(r, f"文件 {given}：这是一个文件夹，不是文件；请在 -o 中写上文件名（可以放在这个文件夹里）")
    elif link and force:
        # --force replaces the link itself with the file; what it named is left as it was
        assert r.returncode == 0, r.stderr
        assert not given.is_symlink() and given.is_file()
        assert stat.S_IFMT(os.stat(named).st_mode) == kind and tree(tmp_path) == before
        return
    elif link:
        refused(r, f"文件 {given}：这是一个符号链接（指向 {os.readlink(given)}）；加 --force 会用新文件替换这个链接本身"
                   "（不改动它指向的文件），或用 -o 指定别的文件名")
    else:
        refused(r, f"文件 {given}：{what}，不是普通文件，不能写入；请用 -o 指定别的文件名")
    assert tree(tmp_path) == before


def test_batch_and_extract_pass_over_what_is_not_a_file_in_a_folder(tmp_path):
    data, corpus = tmp_path / "数据", tmp_path / "旧稿"
    data.mkdir()
    corpus.mkdir()
    (data / "甲县.yaml").write_bytes(DATA.read_bytes())
    build("fifo", data / "管道.yaml")
    build("link to /dev/zero", data / "零.yaml")
    r = run("batch", data, "-o", tmp_path / "稿", "--format", "md", "-j", "1")
    assert r.returncode == 0, r.stderr
    assert tree(tmp_path / "稿") == {"甲县.md"}
    (corpus / "讲话.txt").write_text(speech(tmp_path).read_text(encoding="utf-8") * 3, encoding="utf-8")
    build("fifo", corpus / "管道.txt")
    build("link to /dev/urandom", corpus / "随机.txt")
    r = run("extract", corpus, "-o", tmp_path / "素材.yaml")
    assert r.returncode == 0 and "Traceback" not in r.stderr, r.stderr
    assert "读取 1 个文件" in r.stderr


def test_a_bank_folder_holding_a_pipe_names_it(tmp_path):
    bank = tmp_path / "素材库"
    bank.mkdir()
    given, what = build("fifo", bank / "tasks.yaml")
    refused(run("bank", "--phrasebank", bank), f"文件 {given}：{what}，{NOT_A_FILE}")


# -- the reader itself: what was opened is checked, and the read is bounded ---------------------

def test_what_was_opened_is_checked_too(tmp_path, monkeypatch):
    """A path that changes between stat and open (a file swapped for a pipe) is refused by the
    fstat of what was opened; the open does not wait for a writer."""
    pipe = tmp_path / "x.yaml"
    os.mkfifo(pipe)
    monkeypatch.setattr(inputs, "check", lambda *a, **k: None)
    with pytest.raises(UserError) as raised:
        inputs.read_bytes(pipe, inputs.DATA)
    assert raised.value.render() == f"文件 {pipe}：这是一个命名管道（FIFO），{NOT_A_FILE}"


def test_a_file_longer_than_its_size_says_is_read_no_further_than_the_limit(tmp_path, monkeypatch):
    """A size that lies (a growing file, /proc) still stops the read one byte past the limit."""
    path = sparse(tmp_path / "x.txt")
    real_fstat = os.fstat
    monkeypatch.setattr(inputs, "check", lambda *a, **k: None)
    monkeypatch.setattr(inputs.os, "fstat", lambda fd: os.stat_result((*real_fstat(fd)[:6], 10, *real_fstat(fd)[7:])))
    reads: list[int] = []
    real_read = os.read
    monkeypatch.setattr(inputs.os, "read", lambda fd, n: reads.append(n) or real_read(fd, n))
    kind = inputs.Kind("讲话稿", 3 * inputs.MB)
    with pytest.raises(UserError) as raised:
        inputs.read_bytes(path, kind)
    assert raised.value.render() == f"文件 {path}：文件过大，讲话稿不应超过 3 MB；请确认没有选错文件"
    assert sum(reads) == kind.limit + 1


def test_a_regular_file_is_read_whole_up_to_its_limit(tmp_path):
    path = tmp_path / "x.txt"
    path.write_bytes(b"abc" * 1_000_000)
    assert inputs.read_bytes(path, inputs.Kind("讲话稿", 3_000_000)) == b"abc" * 1_000_000
    with pytest.raises(UserError) as raised:
        inputs.read_bytes(path, inputs.Kind("讲话稿", 2 * inputs.MB))
    assert raised.value.message == "文件过大（3.0 MB），讲话稿不应超过 2 MB；请确认没有选错文件"


HELP = {"draft": (inputs.DATA, inputs.OUTLINE, inputs.BANK, inputs.TEMPLATE, inputs.TEXT, inputs.WORD),
        "outline": (inputs.DATA, inputs.BANK, inputs.TEMPLATE), "check": (inputs.TEXT, inputs.WORD, inputs.WORDS),
        "extract": (inputs.TEXT, inputs.WORD), "batch": (inputs.DATA,), "bank": (inputs.BANK,)}


@pytest.mark.parametrize("command", list(HELP))
def test_help_says_the_limits(command):
    text = "".join(run(command, "--help").stdout.split())  # as wrapped for the terminal
    assert "只读取普通文件（不读命名管道、设备文件等）；文件大小上限：" in text
    for kind in HELP[command]:
        assert "".join(f"{kind.name}{kind.shown}".split()) in text
