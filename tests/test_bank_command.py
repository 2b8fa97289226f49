"""`speechdraft bank`: the counts by genre × section in each part's voice and by domain ×
voice, the cells below the minimums listed (exit 1 if any), a writer's bank merged in."""
from __future__ import annotations

import re
import unicodedata

import yaml

from conftest import run
from speechdraft.domains import DOMAINS
from speechdraft.genres import GENRES

SOURCE = {"authored": True, "basis": "《关于全面推进美丽中国建设的意见》"}


def _point(id_, section, voice, genres, domain="general", kind="item", **more):
    return {"id": id_, "section": section, "kind": kind, "domain": domain, "genres": genres, "voice": voice,
            "lead": "坚持问题导向，推动工作落实。", "body": "强化统筹协调，压实工作责任。", "source": SOURCE, **more}


def filling_bank(folder):
    """A writer's bank holding, with nothing of the built-in one, every minimum."""
    points = []
    for name, genre in GENRES.items():
        for section, voice in genre.voices.items():
            if section in ("opening", "significance", "gaps", "safeguards", "closing"):
                points += [_point(f"{name}-{section}-{n}", section, voice, [name]) for n in range(6)]
    for domain in DOMAINS:
        for voice, n in (("deploy", 5), ("plan", 3), ("reflect", 3)):
            points += [_point(f"{domain}-{voice}-{i}", "tasks", voice, ["conference"], domain) for i in range(n)]
        for claim in ("outcome", "effort"):
            points.append(_point(f"{domain}-done-{claim}", "achievements", "report", ["report"], domain, claims=claim))
    folder.mkdir()
    (folder / "要点.yaml").write_text(yaml.safe_dump({"points": points}, allow_unicode=True), encoding="utf-8")
    return folder


def width(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


def cell(out: str, row: str, column: int) -> str:
    line = next(x for x in out.splitlines() if x.startswith(row + " "))
    return line.split()[column]


def test_the_table_fits_eighty_columns_and_says_what_falls_short():
    r = run("bank")
    assert r.returncode in (0, 1) and not r.stderr, r.stderr
    assert r.stdout.startswith("素材库共 ")
    assert all(width(line) <= 80 for line in r.stdout.splitlines())
    for name in GENRES:
        assert re.search(rf"^{name} ", r.stdout, re.M), name
    for label in DOMAINS.values():
        assert re.search(rf"^{label} ", r.stdout, re.M), label
    listed = re.findall(r"^  (.+)：(\d+) 条，至少 (\d+) 条$", r.stdout, re.M)
    assert all(int(n) < int(least) for _, n, least in listed)
    # exit 1 exactly when some cell is short, and every short cell is listed
    assert (r.returncode == 1) == bool(listed) == ("低于最低数量的格子" in r.stdout)
    assert r.stdout.count("*") - r.stdout.count("标 * 的格子") == len(listed)
    if not listed:
        assert r.stdout.rstrip().endswith("各格子均达到最低数量。")


def test_a_part_counts_only_the_voice_it_takes():
    out = run("bank").stdout
    # the study group speaks as a participant: its parts count reflect points, the report's closing plans
    assert cell(out, "study", 1).startswith("体会") and cell(out, "report", 8).startswith("打算")
    assert cell(out, "conference", 1).startswith("部署") and cell(out, "conference", 3).startswith("汇报")
    assert cell(out, "training", 2) == "－" and cell(out, "lecture", 5) == "－"


def test_a_writers_bank_is_counted_with_the_built_in_one(tmp_path):
    before = run("bank").stdout
    r = run("bank", "--phrasebank", filling_bank(tmp_path / "我的素材库"))
    assert r.returncode == 0, r.stdout + r.stderr
    assert r.stdout.rstrip().endswith("各格子均达到最低数量。") and "*" not in r.stdout.split("\n", 1)[1]
    total = lambda out: int(re.match(r"素材库共 (\d+) 条", out).group(1))  # noqa: E731
    assert total(r.stdout) > total(before)
    study = int(re.sub(r"\D", "", cell(before, "study", 1)))
    assert cell(r.stdout, "study", 1) == f"体会{study + 6}"


def test_a_bank_short_of_a_voice_exits_1_and_names_the_cells(tmp_path):
    # the writer's copy of every built-in point, all in the plan voice, replaces it (same ids)
    from speechdraft.phrasebank import load_bank

    folder = tmp_path / "我的素材库"
    folder.mkdir()
    points = [{**p.model_dump(mode="json", exclude_none=True), "voice": "plan"} for p in load_bank().points]
    (folder / "要点.yaml").write_text(yaml.safe_dump({"points": points}, allow_unicode=True), encoding="utf-8")
    r = run("bank", "--phrasebank", folder)
    assert r.returncode == 1, r.stderr
    lines = r.stdout.splitlines()
    assert "  中心组研讨交流发言 · 开场（体会口吻）：0 条，至少 6 条" in lines
    assert "  大气污染防治 · 任务（部署口吻）：0 条，至少 5 条" in lines
    assert cell(r.stdout, "study", 1) == "体会0*"


def test_a_missing_bank_folder_is_refused(tmp_path):
    r = run("bank", "--phrasebank", tmp_path / "没有")
    assert r.returncode == 2 and r.stderr.strip() == f"错误：文件 {tmp_path / '没有'}：素材库路径不存在"


def test_bank_is_listed_in_help():
    assert "统计素材库" in run("--help").stdout
