"""The README is true: its genre names are those `genres` prints, and every speechdraft
command it shows runs as shown.

"Runs as shown" means: typed in a fresh folder that holds the files the command reads (those
named outside -o: 数据.yaml as `init report -o 数据.yaml` writes it, 讲话稿.docx as the
README's draft line writes it, 提纲.yaml as its outline line writes it, 去年讲话.docx, 材料库/, 各县数据/, 本单位模板.docx), it exits 0
with no traceback and writes what -o names; `check` may also exit 1, which is how it says it
found problems. Each command gets its own folder, because several of them write the same
default file name and none overwrites without --force, as the README says. Install and test
lines (venv, pip, pytest) and benchmark scripts are not run here: the suite is what pytest
runs, and the benchmark scripts must exist."""
from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import docx
import pytest

from conftest import EXAMPLES, ROOT, run
from speechdraft.genres import GENRES

README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"```bash\n(.*?)```", README, re.S)


def _commands() -> list[list[str]]:
    """Each speechdraft invocation in the bash blocks, as its arguments after `speechdraft`."""
    out = []
    for block in BLOCKS:
        for line in block.splitlines():
            for part in line.split("&&"):
                words = shlex.split(part, comments=True)
                if words and Path(words[0]).name == "speechdraft":
                    out.append(words[1:])
    return out


COMMANDS = _commands()


def _output(args: list[str]) -> str | None:
    return args[args.index("-o") + 1] if "-o" in args else None


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> Path:
    """The files the README's commands read, made the way a writer would have them."""
    folder = tmp_path_factory.mktemp("inputs")
    assert run("init", "report", "-o", "数据.yaml", cwd=folder).returncode == 0
    assert run("draft", "数据.yaml", "-o", "讲话稿.docx", cwd=folder).returncode == 0
    assert run("outline", "数据.yaml", "-o", "提纲.yaml", cwd=folder).returncode == 0
    assert run("draft", EXAMPLES / "county-conference.yaml", "-o", "去年讲话.docx", cwd=folder).returncode == 0
    (folder / "材料库").mkdir()
    for f in sorted((Path(__file__).parent / "fixtures" / "corpus").glob("*.txt"))[:2]:
        shutil.copy(f, folder / "材料库" / f.name)
    (folder / "各县数据").mkdir()
    for name in ("county-conference.yaml", "county-study.yaml"):
        shutil.copy(EXAMPLES / name, folder / "各县数据" / name)
    docx.Document().save(folder / "本单位模板.docx")
    return folder


def test_the_readme_shows_commands():
    assert len(COMMANDS) >= 15
    assert ["draft"] in COMMANDS  # the fresh-clone line


@pytest.mark.parametrize("args", COMMANDS, ids=[" ".join(a) or "(none)" for a in COMMANDS])
def test_readme_command_runs_as_shown(args, inputs, tmp_path):
    output = _output(args)
    for item in inputs.iterdir():
        named = any(a.rstrip("/") == item.name for a in args)
        if named and output is None or named and output.rstrip("/") != item.name:
            (shutil.copytree if item.is_dir() else shutil.copy)(item, tmp_path / item.name)
    r = run(*args, cwd=tmp_path)
    allowed = (0, 1) if args[0] in ("check", "bank") else (0,)  # 1: findings, or cells short of points
    assert r.returncode in allowed, f"speechdraft {' '.join(args)}\n{r.stderr}"
    assert "Traceback" not in r.stderr
    if output not in (None, "-"):
        assert (tmp_path / output).exists(), output
    if output == "-":
        assert r.stdout.strip()


def test_readme_scripts_exist():
    for block in BLOCKS:
        for script in re.findall(r"\bbenchmarks/\S+\.py", block):
            assert (ROOT / script).is_file(), script


def test_readme_genre_names_are_those_genres_prints():
    line = next(line for line in README.splitlines() if line.startswith("speechdraft genres"))
    names = line.split("#", 1)[1].split("：", 1)[1].strip().split("、")
    assert names == [g.label for g in GENRES.values()]
    r = run("genres")
    table = r.stdout
    assert r.returncode == 0 and "代号" in table and "genre" not in table
    for g in GENRES.values():
        assert g.label in table and g.name in table


def test_readme_says_what_o_dash_needs():
    line = next(line for line in README.splitlines() if "-o -" in line)
    assert "--format md" in line and "--format txt" in line


def test_docx_to_screen_says_what_to_do(tmp_path):
    r = run("draft", EXAMPLES / "county-conference.yaml", "-o", "-", cwd=tmp_path)
    assert r.returncode == 2 and r.stdout == ""
    assert r.stderr.strip() == ("错误：Word 文件不能输出到屏幕；输出到屏幕请加 --format md 或 --format txt，"
                                "或用 -o 指定 .docx 文件名")
    assert list(tmp_path.iterdir()) == []
