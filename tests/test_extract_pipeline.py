"""The pipeline as a whole: ids, genres, the process pool, the benchmark script."""
from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

from speechdraft.extract.pipeline import MIN_FILES_PER_PROCESS, _slugs, extract, points_of
from speechdraft.extract.read import Found, read

CORPUS = Path(__file__).parent / "fixtures" / "corpus"
ROOT = Path(__file__).resolve().parents[1]


def test_slugs_are_id_safe_and_unique():
    slugs = _slugs(["000_276f.txt", "a/000_276f.txt", "在全县大会上的讲话.docx", "Speech 2023.TXT", "-.txt"])
    assert slugs["000_276f.txt"] == "000-276f"
    assert slugs["a/000_276f.txt"] == "000-276f-2"
    assert slugs["在全县大会上的讲话.docx"].startswith("doc") and len(slugs["在全县大会上的讲话.docx"]) == 9
    assert slugs["Speech 2023.TXT"] == "speech-2023"
    assert slugs["-.txt"].startswith("doc")
    assert len(set(slugs.values())) == 5


def test_ids_are_unique_and_numbered_in_speech_order():
    f = CORPUS / "003_84efc0dd5eadda16.txt"
    points = points_of(f.name, read(Found(f, f.name)).lines, "s")
    numbers = [int(p.id.rsplit("-", 1)[1]) for p in points]
    assert numbers == sorted(set(numbers))
    assert [p.paragraph for p in points] == sorted(p.paragraph for p in points)


def test_genres_follow_the_source_speech():
    f = CORPUS / "004_e487fb3c0aad91d9.txt"
    points = points_of(f.name, read(Found(f, f.name)).lines, "s")
    assert {p.genres for p in points if p.section == "opening"} == {("report",)}
    assert {p.genres for p in points if p.section == "tasks"} == {("study", "training", "report")}


def test_a_file_cut_off_mid_sentence_loses_only_its_last_fragment():
    f = CORPUS / "004_e487fb3c0aad91d9.txt"
    points = points_of(f.name, read(Found(f, f.name)).lines, "s")
    assert points[-1].lead == "深入打好碧水保卫战。"  # 三是深入打好黑土地保卫战 (no body, no full stop) dropped


def test_processes_give_the_same_result_as_one(tmp_path):
    sources = sorted(CORPUS.glob("*.txt"))
    for k in range(MIN_FILES_PER_PROCESS * 2 + 3):
        src = sources[k % len(sources)]
        text = src.read_text(encoding="utf-8")
        if k % 4 == 3:  # some copies lightly edited, some distinct
            text = text.replace("要", "须", 3)
        (tmp_path / f"{k:03d}-{src.name}").write_text(text, encoding="utf-8")
    shutil.copy(CORPUS / sources[0].name, tmp_path / "zz.txt")
    one = extract([tmp_path], jobs=1)
    seen = []
    many = extract([tmp_path], jobs=2, on_file=lambda f: seen.append(f.name))
    assert [vars(p) for p in many.points] == [vars(p) for p in one.points]
    assert many.per_file == one.per_file and many.duplicates == one.duplicates > 0
    assert seen == sorted(seen) and len(seen) == len(one.per_file)


def test_benchmark_runs(capsys):
    spec = importlib.util.spec_from_file_location("bench_extract", ROOT / "benchmarks" / "bench_extract.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    assert bench.main(["--mb", "0.05", "--jobs", "1"]) == 0
    out = capsys.readouterr().out
    assert "MB/s" in out and "peak MB" in out


def test_output_respects_the_loaders_file_size_limit(tmp_path, monkeypatch):
    import pytest

    from speechdraft.errors import UserError
    from speechdraft.extract import write as w
    from speechdraft.phrasebank import _load_file

    result = extract([CORPUS])
    monkeypatch.setattr(w, "MAX_BYTES", 20_000)
    with pytest.raises(UserError, match="超过素材库单个文件 1 MB 的上限"):
        w.write(result.points, tmp_path / "bank.yaml", force=False)
    assert not (tmp_path / "bank.yaml").exists()
    monkeypatch.setattr(w, "CHUNK_BYTES", 8_000)
    files = w.write(result.points, tmp_path / "bank", force=False)
    assert {f.name for f in files} >= {"tasks.yaml", "tasks-2.yaml", "tasks-3.yaml"}
    assert all(f.stat().st_size <= 8_000 + 2_000 or len(_load_file(f)) == 1 for f in files)
    assert sum(len(_load_file(f)) for f in files) == len(result.points)
