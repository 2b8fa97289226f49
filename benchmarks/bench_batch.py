"""`speechdraft batch` over 200 data files on 2 cores: a city's counties at once. The files are
made from the examples, each with its own region and seed. Prints a table; run from the
project root:

    .venv/bin/python benchmarks/bench_batch.py [--files 200] [--jobs 2]
"""
from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

import yaml

from measure import ROOT, SPEECHDRAFT, print_table, run_child

COUNTIES = "青山 绿水 白云 金沙 石门 桃源 龙泉 清河 松溪 梅林".split()


def make_data_files(folder: Path, count: int) -> None:
    """`count` data files: the examples in turn, each with its own region name and seed."""
    examples = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((ROOT / "examples").glob("*.yaml"))]
    for n in range(count):
        data = dict(examples[n % len(examples)])
        level = data["region"]["level"]
        data["region"] = {"name": f"{COUNTIES[n % len(COUNTIES)]}{n}{level}", "level": level}
        data["seed"] = n
        sub = folder / f"第{n % 4 + 1}批"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"数据{n:03d}.yaml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                                              encoding="utf-8")


def batch(files: int, jobs: int) -> list[tuple[str, str, str, str]]:
    with tempfile.TemporaryDirectory() as tmp:
        make_data_files(Path(tmp) / "data", files)
        seconds, peak = run_child([*SPEECHDRAFT, "batch", Path(tmp) / "data", "-o", Path(tmp) / "out",
                                   "--jobs", jobs])
        written = len(list((Path(tmp) / "out").iterdir()))
    if written != files:
        raise RuntimeError(f"batch wrote {written} of {files} files")
    return [(f"speechdraft batch：{files} 个数据文件 → .docx，{jobs} 个进程", f"{seconds:.1f} 秒（{files / seconds:.0f} 篇/秒）",
             "", f"{peak:.0f} MB（单个进程最大）")]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--files", type=int, default=200)
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args(argv)
    print_table(batch(args.files, args.jobs))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
