"""`speechdraft batch`: a folder of data files in, one draft each out, in parallel; a bad file
fails its own row and the others are still drafted."""
from __future__ import annotations

import os
import pickle
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from conftest import EXAMPLES, ROOT, interrupt

from speechdraft.batch import Options, Result, draft_file, find_data_files

BROKEN = "genre: conference\nmeeting: [2024年全县生态环境保护工作会议\n"


def batch(*args, env: dict | None = None) -> subprocess.CompletedProcess:
    # A wide terminal, so that table rows are not wrapped and can be read back whole.
    return subprocess.run([sys.executable, "-m", "speechdraft", "batch", *map(str, args)], capture_output=True,
                          text=True, timeout=300, env={**os.environ, "COLUMNS": "400", **(env or {})})


def row(stdout: str, name: str) -> list[str]:
    """The cells of the table row whose file ends with `name`."""
    for line in stdout.splitlines():
        cells = [c.strip() for c in line.strip("│ ").split("│")]
        if cells and cells[0].endswith(name):
            return cells
    raise AssertionError(f"no row for {name} in:\n{stdout}")


def folder_of_data(tmp_path: Path) -> Path:
    folder = tmp_path / "各县数据"
    (folder / "二季度").mkdir(parents=True)
    for name in ("county-conference.yaml", "city-report.yaml", "county-study.yaml"):
        shutil.copy(EXAMPLES / name, folder / name)
    shutil.copy(EXAMPLES / "district-training.yaml", folder / "二季度" / "district-training.yml")
    (folder / "二季度" / "broken.yaml").write_text(BROKEN, encoding="utf-8")
    (folder / "说明.txt").write_text("not a data file", encoding="utf-8")
    (folder / ".backup").mkdir()
    shutil.copy(EXAMPLES / "county-conference.yaml", folder / ".backup" / "old.yaml")
    return folder


def test_a_folder_is_drafted_and_one_bad_file_fails_its_row_only(tmp_path):
    folder = folder_of_data(tmp_path)
    out = tmp_path / "讲话稿"
    r = batch(folder, "-o", out, "--jobs", "2")
    assert r.returncode == 1, r.stderr
    assert "Traceback" not in r.stderr + r.stdout
    assert sorted(p.name for p in out.iterdir()) == [
        "city-report.docx", "county-conference.docx", "county-study.docx", "district-training.docx"]
    assert all(zipfile.is_zipfile(p) for p in out.iterdir())
    cells = row(r.stdout, "county-conference.yaml")
    assert cells[1] == "工作会议讲话" and int(cells[2]) > 2500 and cells[5] == "已写入 county-conference.docx"
    assert row(r.stdout, "district-training.yml")[1] == "培训班交流发言"
    assert row(r.stdout, "broken.yaml")[5] == (
        "YAML 格式错误（第 3 行第 1 列）：方括号列表没有闭合，缺少“]”或逗号；请检查缩进、冒号、引号和括号")
    assert "共 5 个数据文件：成功 4 个，失败 1 个。" in r.stdout
    assert "old.yaml" not in r.stdout  # hidden folders are left alone


def test_all_good_exits_zero_and_matches_draft(tmp_path):
    out = tmp_path / "out"
    r = batch(EXAMPLES / "county-conference.yaml", EXAMPLES / "city-lecture.yaml", "-o", out, "--format", "md",
              "--seed", "7")
    assert r.returncode == 0, r.stderr
    for name in ("county-conference", "city-lecture"):
        single = tmp_path / f"{name}.md"
        subprocess.run([sys.executable, "-m", "speechdraft", "draft", EXAMPLES / f"{name}.yaml", "-o", single,
                        "--seed", "7"], check=True, capture_output=True)
        assert (out / f"{name}.md").read_text(encoding="utf-8") == single.read_text(encoding="utf-8")


def test_existing_outputs_are_kept_without_force(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "county-study.txt").write_text("the writer's own edits", encoding="utf-8")
    args = (EXAMPLES / "county-study.yaml", EXAMPLES / "city-report.yaml", "-o", out, "--format", "txt")
    r = batch(*args)
    assert r.returncode == 1
    assert row(r.stdout, "county-study.yaml")[5] == (
        f"文件 {out / 'county-study.txt'}：文件已存在；如要覆盖请加 --force，或用 -o 指定别的文件名")
    assert (out / "county-study.txt").read_text(encoding="utf-8") == "the writer's own edits"
    assert (out / "city-report.txt").is_file()
    r = batch(*args, "--force")
    assert r.returncode == 0, r.stdout
    assert (out / "county-study.txt").read_text(encoding="utf-8").startswith("在")


def test_two_files_with_one_output_name(tmp_path):
    for sub in ("甲", "乙"):
        (tmp_path / sub).mkdir()
        shutil.copy(EXAMPLES / "county-conference.yaml", tmp_path / sub / "会议.yaml")
    r = batch(tmp_path / "甲", tmp_path / "乙", "-o", tmp_path / "out")
    assert r.returncode == 1
    assert row(r.stdout, f"乙{os.sep}会议.yaml")[5] == (
        f"输出文件名与 {tmp_path / '甲' / '会议.yaml'} 相同（都是 会议.docx）；请给其中一个改名")
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["会议.docx"]


def refused(args: list, message: str) -> None:
    r = batch(*args)
    assert r.returncode == 2, r.stdout + r.stderr
    assert r.stderr == f"错误：{message}\n"
    assert r.stdout == ""


def test_bad_arguments(tmp_path):
    empty = tmp_path / "空文件夹"
    empty.mkdir()
    refused([empty, "-o", tmp_path / "out"], f"文件 {empty}：没有找到数据文件（.yaml 或 .yml）")
    refused([tmp_path / "无", "-o", tmp_path / "out"], f"文件 {tmp_path / '无'}：文件或文件夹不存在；请检查路径是否正确")
    refused([EXAMPLES, "-o", tmp_path / "无" / "out"],
            f"文件 {tmp_path / '无' / 'out'}：输出文件夹的上级文件夹不存在；请先建立它或换一个路径")
    (tmp_path / "文件").write_text("", encoding="utf-8")
    refused([EXAMPLES, "-o", tmp_path / "文件"], f"文件 {tmp_path / '文件'}：这是一个文件，不是文件夹；请用 -o 指定输出文件夹")
    refused([EXAMPLES], "字段 -o：请用 -o 指定输出文件夹")
    refused([EXAMPLES, "-o", tmp_path / "out", "--jobs", "0"], "字段 --jobs：进程数 0 无效，应不小于 1")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["文件", "空文件夹"]  # no output folder made


def test_the_worker_is_a_picklable_function_of_picklable_values(tmp_path):
    options = Options(outdir=tmp_path, fmt="md", seed=3)
    result = pickle.loads(pickle.dumps(draft_file))(EXAMPLES / "city-report.yaml", pickle.loads(pickle.dumps(options)))
    assert pickle.loads(pickle.dumps(result)) == result
    assert result.ok and result.output == tmp_path / "city-report.md" and result.genre == "调研座谈会汇报发言"
    assert result.length > 1500 and result.gaps >= 0 and result.findings >= 0
    bad = tmp_path / "bad.yaml"
    bad.write_text(BROKEN, encoding="utf-8")
    failed = draft_file(bad, options)
    assert failed == Result(bad, error=failed.error) and failed.error.startswith("YAML 格式错误（第 3 行第 1 列）")
    assert not (tmp_path / "bad.md").exists()


def test_data_files_are_found_recursively_once_each(tmp_path):
    folder = folder_of_data(tmp_path)
    found = find_data_files((folder, folder / "county-study.yaml"))
    assert [p.relative_to(folder).as_posix() for p in found] == [
        "city-report.yaml", "county-conference.yaml", "county-study.yaml", "二季度/broken.yaml",
        "二季度/district-training.yml"]


SLOW_DRAFTS = """
import time
import speechdraft.pipeline as pipeline
_make = pipeline.make_draft
def _slow(*args, **kwargs):
    time.sleep(1)
    return _make(*args, **kwargs)
pipeline.make_draft = _slow
"""


def test_ctrl_c_stops_the_batch_and_leaves_no_partial_file(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    for n in range(30):
        shutil.copy(EXAMPLES / "county-conference.yaml", folder / f"县{n:02d}.yaml")
    out = tmp_path / "out"
    # Each draft takes a second, so Ctrl-C comes while most wait.
    r = interrupt(["batch", folder, "-o", out, "-j", "2"], SLOW_DRAFTS,
                  lambda: out.is_dir() and bool(list(out.glob("*.docx"))), tmp_path, COLUMNS="400")
    assert r.returncode == 130, r.stderr
    written = sorted(p.name for p in out.iterdir())
    assert 0 < len(written) < 30 and all(name.endswith(".docx") for name in written)  # no temporary file
    assert f"已中止：已写入 {len(written)} 个文件" in r.stderr and "Traceback" not in r.stderr
    assert "未起草（已中止）" in r.stdout


def test_the_batch_benchmark_runs(monkeypatch, capsys):
    monkeypatch.syspath_prepend(str(ROOT / "benchmarks"))
    import bench_batch

    assert bench_batch.main(["--files", "4", "--jobs", "1"]) == 0
    assert "speechdraft batch：4 个数据文件" in capsys.readouterr().out
