"""Where a command writes: a folder, a link or a device at -o, names too long for the file
system, numbers that are not numbers, and a standard output that is full, closed or gone."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLES, run

DATA = EXAMPLES / "county-conference.yaml"
CORPUS = Path(__file__).parent / "fixtures" / "corpus" / "000_276f9cf593b75a38.txt"
TOO_LONG = "文件名过长，最多 255 字节（约 80 个汉字）；请用 -o 换一个短一些的文件名"
FOLDER = "这是一个文件夹，不是文件；请在 -o 中写上文件名（可以放在这个文件夹里）"


def refused(r: subprocess.CompletedProcess, message: str) -> None:
    assert (r.returncode, r.stdout, r.stderr) == (2, "", f"错误：{message}\n")


def tree(folder: Path) -> dict[str, str]:
    """What is in a folder: each entry, and what it is (a link names its target)."""
    def kind(p: Path) -> str:
        if p.is_symlink():
            return "-> " + os.readlink(p)
        return "dir" if p.is_dir() else p.read_bytes().hex()[:64]
    return {str(p.relative_to(folder)): kind(p) for p in sorted(folder.rglob("*"))}


def long_meeting(folder: Path, n: int = 300, char: str = "会") -> Path:
    """The example with a meeting named by n copies of one character."""
    text = DATA.read_text(encoding="utf-8")
    lines = [f"meeting: {char * n}" if line.startswith("meeting:") else line for line in text.splitlines()]
    path = folder / "long.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def speech_docx(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("docx") / "讲话稿.docx"
    assert run("draft", DATA, "-o", path).returncode == 0
    return path


def commands_writing(out: Path, speech_docx: Path) -> dict[str, list]:
    """Every command that writes one file to -o."""
    return {
        "draft": ["draft", DATA, "-o", out, "--format", "md"],
        "init": ["init", "report", "-o", out],
        "check --fix": ["check", speech_docx, "--fix", "-o", out],
        "check --annotate": ["check", speech_docx, "--annotate", "-o", out],
        "extract": ["extract", CORPUS, "-o", out],
    }


@pytest.fixture
def md(tmp_path) -> Path:
    path = tmp_path / "稿.md"
    path.write_text("同志们：\n\n今天召开会议。\n", encoding="utf-8")
    return path


# -- a folder, a link, a device at -o -----------------------------------------------------


@pytest.mark.parametrize(("command", "force"), [("draft", False), ("init", False), ("check --fix", False),
                                              ("check --annotate", False), ("draft", True), ("check --fix", True)])
def test_a_folder_at_the_output_is_named_a_folder_the_first_time(tmp_path, speech_docx, command, force):
    out = tmp_path / "out.docx"
    out.mkdir()
    (out / "旧稿.docx").write_bytes(b"old")
    before = tree(tmp_path)
    args = commands_writing(out, speech_docx)[command] + (["--force"] if force else [])
    refused(run(*args), f"文件 {out}：{FOLDER}")
    assert tree(tmp_path) == before


@pytest.mark.parametrize("command", ["draft", "init", "check --fix", "check --annotate"])
def test_a_dangling_symlink_is_not_replaced_without_force(tmp_path, speech_docx, command):
    out = tmp_path / "out.docx"
    out.symlink_to("别处/讲话稿.docx")
    before = tree(tmp_path)
    refused(run(*commands_writing(out, speech_docx)[command]),
            f"文件 {out}：这是一个符号链接（指向 别处/讲话稿.docx）；加 --force 会用新文件替换这个链接本身"
            "（不改动它指向的文件），或用 -o 指定别的文件名")
    assert tree(tmp_path) == before


@pytest.mark.parametrize("command", ["draft", "init", "check --fix", "check --annotate"])
def test_force_replaces_the_link_itself_never_the_file_it_names(tmp_path, speech_docx, command):
    elsewhere = tmp_path / "别处"
    elsewhere.mkdir()
    named = elsewhere / "原稿.docx"
    named.write_bytes(b"the file the link names")
    out = tmp_path / "out.docx"
    out.symlink_to(named)
    r = run(*commands_writing(out, speech_docx)[command], "--force")
    assert r.returncode in (0, 1), r.stderr  # check exits 1 when it finds errors
    assert not out.is_symlink() and out.is_file() and out.stat().st_size > 0
    assert named.read_bytes() == b"the file the link names"
    assert sorted(p.name for p in tmp_path.rglob("*")) == sorted(["别处", "原稿.docx", "out.docx"])


def test_extract_and_batch_refuse_a_dangling_symlink_as_their_folder(tmp_path):
    out = tmp_path / "素材库"
    out.symlink_to("不存在的文件夹")
    message = f"文件 {out}：这是一个符号链接，它指向的 不存在的文件夹 不存在；请用 -o 指定输出文件夹"
    refused(run("extract", CORPUS, "-o", out), message)
    refused(run("batch", DATA, "-o", out), message)
    assert tree(tmp_path) == {"素材库": "-> 不存在的文件夹"}


@pytest.mark.parametrize("force", [False, True])
def test_a_pipe_at_the_output_is_never_replaced(tmp_path, force):
    out = tmp_path / "out.md"
    os.mkfifo(out)
    r = run("draft", DATA, "-o", out, *(["--force"] if force else []))
    refused(r, f"文件 {out}：这是一个命名管道（FIFO），不是普通文件，不能写入；请用 -o 指定别的文件名")
    assert out.is_fifo() and [p.name for p in tmp_path.iterdir()] == ["out.md"]


# -- names too long for the file system ----------------------------------------------------


def name_bytes(path: Path) -> int:
    return len(os.fsencode(path.name))


def test_the_default_name_of_a_long_title_is_cut_to_fit(tmp_path):
    r = run("draft", long_meeting(tmp_path), "--format", "md", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    [written] = [p for p in tmp_path.iterdir() if p.suffix == ".md"]
    assert written.name == "在" + "会" * 79 + ".md"
    assert r.stderr.startswith(f"已写入：{written}\n")


def test_a_long_meeting_is_drafted_to_word_with_its_whole_title(tmp_path):
    import docx

    r = run("draft", long_meeting(tmp_path, n=1000), "-o", "稿.docx", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    word = docx.Document(tmp_path / "稿.docx")
    title = "".join(p.text for p in word.paragraphs if p.style.style_id == "Title").replace("\n", "")
    assert title == "在" + "会" * 1000 + "上的讲话"
    # Word's document properties hold 255 characters: the title there is cut, not refused.
    assert word.core_properties.title == title[:255]
    assert word.core_properties.subject == "会" * 255


def test_a_name_of_four_byte_characters_is_cut_on_a_character_boundary(tmp_path):
    r = run("draft", long_meeting(tmp_path, 100, "𠀀"), "--format", "txt", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    [written] = [p for p in tmp_path.iterdir() if p.suffix == ".txt"]
    assert written.name == "在" + "𠀀" * 62 + ".txt" and name_bytes(written) == 3 + 62 * 4 + 4 == 255


def test_a_name_near_the_limit_still_gets_its_temporary_file(tmp_path):
    out = tmp_path / ("会" * 84 + ".md")  # 255 bytes: the temporary name beside it is longer
    r = run("draft", DATA, "-o", out)
    assert r.returncode == 0, r.stderr
    assert name_bytes(out) == 255 and [p.name for p in tmp_path.iterdir()] == [out.name]


@pytest.mark.parametrize("command", ["draft", "init", "check --fix", "check --annotate", "extract"])
def test_a_users_name_too_long_is_refused(tmp_path, speech_docx, command):
    out = tmp_path / ("会" * 85 + ".docx")
    before = tree(tmp_path)
    refused(run(*commands_writing(out, speech_docx)[command]), f"文件 {out}：{TOO_LONG}")
    assert tree(tmp_path) == before


def test_a_folder_name_too_long_is_refused(tmp_path):
    out = tmp_path / ("会" * 90) / "讲话稿.docx"
    refused(run("draft", DATA, "-o", out), f"文件 {out}：{TOO_LONG}")
    refused(run("batch", DATA, "-o", out.parent), f"文件 {out.parent}：{TOO_LONG}")
    refused(run("extract", CORPUS, "-o", out.parent),
            f"文件 {out.parent}：{TOO_LONG}")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("command", [
    ["draft", "{path}.yaml"], ["outline", "{path}.yaml"], ["check", "{path}.txt"], ["batch", "{path}", "-o", "out"],
    ["extract", "{path}", "-o", "bank"], ["draft", "--avoid", "{path}.docx", "-o", "a.txt"],
])
def test_an_input_name_too_long_is_named_not_a_traceback(tmp_path, command):
    path = tmp_path / ("会" * 100)
    args = [a.format(path=path) for a in command]
    r = run(*args, cwd=tmp_path)
    given = next(a for a in args if a.startswith(str(path)))
    refused(r, f"文件 {given}：路径或文件名过长（每级名称最多 255 字节，约 80 个汉字）；请换一个短一些的名称")
    assert list(tmp_path.iterdir()) == []


def test_batch_drafts_long_names_and_long_meetings(tmp_path):
    data = tmp_path / "数据"
    data.mkdir()
    long_meeting(data)
    near = data / ("aa" + "县" * 83 + ".yml")  # 255 bytes; as .docx it would be 256
    shutil.copy(DATA, near)
    out = tmp_path / "稿"
    r = run("batch", near, "-o", out)
    assert r.returncode == 0, r.stdout + r.stderr
    assert [p.name for p in out.iterdir()] == ["aa" + "县" * 82 + ".docx"]
    r = run("batch", data, "-o", out, "--format", "md")
    assert r.returncode == 0, r.stdout + r.stderr
    assert sorted(p.name for p in out.iterdir() if p.suffix == ".md") == ["aa" + "县" * 83 + ".md", "long.md"]


# -- numbers that are not numbers ----------------------------------------------------------


@pytest.mark.parametrize("minutes", ["nan", "inf", "-inf", "1e308", "1e309", "-1e308", "0"])
def test_minutes_out_of_range_are_refused(tmp_path, minutes):
    shown = f"{float(minutes):g}"
    refused(run("draft", DATA, "--minutes", minutes, "-o", tmp_path / "x.docx"),
            f"字段 --minutes：讲话时长 {shown} 分钟超出范围，应在 7～36 分钟之间")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("length", ["99999999999999999999999", "-3000", "0"])
def test_lengths_out_of_range_are_refused(tmp_path, length):
    refused(run("draft", DATA, "--length", length, "-o", tmp_path / "x.docx"),
            f"字段 --length：字数 {int(length)} 超出范围，应在 1500～8000 之间")


@pytest.mark.parametrize("seed", ["99999999999999999999999999999", "-7"])
def test_any_integer_seed_drafts_and_outlines(tmp_path, seed):
    r = run("draft", DATA, "--seed", seed, "-o", tmp_path / "x.md")
    assert r.returncode == 0, r.stderr
    r = run("outline", DATA, "--seed", seed)
    assert r.returncode == 0 and r.stdout.startswith("在"), r.stderr


def test_huge_job_counts_are_capped_by_the_work(tmp_path):
    r = run("batch", DATA, "-o", tmp_path / "稿", "--format", "md", "-j", "99999999999999999999")
    assert r.returncode == 0, r.stderr
    r = run("extract", CORPUS, "-o", tmp_path / "库.yaml",
            "-j", "99999999999999999999")
    assert r.returncode == 0, r.stderr


# -- a standard output that is full, closed or gone ----------------------------------------

PRINTING = {
    "draft -o -": ["draft", DATA, "-o", "-", "--format", "md"],
    "outline": ["outline", DATA],
    "check": ["check", "{md}"],
    "check --format json": ["check", "{md}", "--format", "json"],
    "genres": ["genres"],
    "init -o -": ["init", "report", "-o", "-"],
    "batch": ["batch", DATA, "-o", "{out}", "--format", "md"],
    "extract": ["extract", CORPUS, "-o", "{out}.yaml"],
    "--help": ["--help"],
}


def printing(name: str, tmp_path: Path, md: Path) -> list[str]:
    return [str(a).format(md=md, out=tmp_path / "out") for a in PRINTING[name]]


def run_with_stdout(args: list[str], how: str) -> subprocess.CompletedProcess:
    """`speechdraft ARGS…` with standard output on /dev/full, closed, or a pipe nobody reads."""
    command = [sys.executable, "-m", "speechdraft", *args]
    if how == "full":
        with open("/dev/full", "w") as full:
            return subprocess.run(command, stdout=full, stderr=subprocess.PIPE, text=True, timeout=300)
    if how == "closed":
        return subprocess.run(command, stderr=subprocess.PIPE, text=True, timeout=300,
                              preexec_fn=lambda: os.close(1))
    read, write = os.pipe()
    os.close(read)  # the reader has gone before the first line, as `| head -0` would
    try:
        return subprocess.run(command, stdout=write, stderr=subprocess.PIPE, text=True, timeout=300)
    finally:
        os.close(write)


def messages(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.strip()]


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("name", list(PRINTING))
def test_a_full_standard_output_fails_with_one_message(tmp_path, md, name):
    r = run_with_stdout(printing(name, tmp_path, md), "full")
    assert (r.returncode, messages(r.stderr)) == (1, ["错误：无法写出到屏幕（标准输出）：设备已满"]), r.stderr


@pytest.mark.parametrize("name", list(PRINTING))
def test_a_closed_standard_output_fails_with_one_message(tmp_path, md, name):
    r = run_with_stdout(printing(name, tmp_path, md), "closed")
    assert (r.returncode, messages(r.stderr)) == (1, ["错误：无法写出到屏幕（标准输出）：已关闭"]), r.stderr


@pytest.mark.parametrize("name", list(PRINTING))
def test_a_reader_that_has_gone_ends_the_command_quietly(tmp_path, md, name):
    r = run_with_stdout(printing(name, tmp_path, md), "pipe")
    assert (r.returncode, messages(r.stderr)) == (1, []), r.stderr


def test_a_closed_standard_output_does_not_matter_to_a_command_writing_a_file(tmp_path):
    r = run_with_stdout(["draft", str(DATA), "-o", str(tmp_path / "x.md")], "closed")
    assert r.returncode == 0, r.stderr
    assert r.stderr.startswith(f"已写入：{tmp_path / 'x.md'}\n")
