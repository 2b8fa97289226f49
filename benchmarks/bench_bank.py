"""Phrase-bank load time: does it grow with the bank in a way a writer would notice?

Times, with today's built-in bank and with a synthetic one four times its size (the built-in
points copied three more times under new ids, as a writer's --phrasebank folder):
- a cold process: `python -c 'from speechdraft.phrasebank import load_bank; load_bank()'`,
  and the same loading the built-in bank plus the synthetic copies;
- in one process: reading and validating the files, as the trusted loader (built-in files,
  libyaml) and as a writer's bank is read (pure-Python parser with the duplicate-key check).

    .venv/bin/python benchmarks/bench_bank.py --repeat 5

Timing is noisy on a shared machine: the medians are printed.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from measure import print_table, run_child  # noqa: E402

from speechdraft.phrasebank import _files, _load_file, load_bank  # noqa: E402
from speechdraft.resources import builtin  # noqa: E402


def synthetic(folder: Path, copies: int) -> int:
    """The built-in points `copies` more times, ids suffixed: a bank (1 + copies) times as big."""
    points = load_bank().points
    for n in range(1, copies + 1):
        rows = [{**p.model_dump(mode="json", exclude_none=True), "id": f"{p.id}-copy{n}"} for p in points]
        (folder / f"copy{n}.yaml").write_text(yaml.safe_dump({"points": rows}, allow_unicode=True), encoding="utf-8")
    return len(points) * (1 + copies)


def median(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    base = len(load_bank().points)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        total = synthetic(folder, 3)
        cold = [sys.executable, "-c", "from speechdraft.phrasebank import load_bank; load_bank()"]
        cold_big = [sys.executable, "-c",
                    f"from pathlib import Path; from speechdraft.phrasebank import load_bank; load_bank((Path({str(folder)!r}),))"]
        nothing = [sys.executable, "-c", "import speechdraft.phrasebank"]
        rows = []
        for label, cmd in (("冷启动：导入，不加载", nothing), (f"冷启动：加载内置 {base} 条", cold),
                           (f"冷启动：内置 + 自备 共 {total} 条", cold_big)):
            runs = [run_child(cmd) for _ in range(args.repeat)]
            rows.append((label, f"{statistics.median(r[0] for r in runs):.3f} 秒", "",
                         f"{statistics.median(r[1] for r in runs):.0f} MB"))
        own = _files(builtin("phrasebank"))
        copies = _files(folder)
        rows.append((f"进程内：内置文件 {base} 条（libyaml）",
                     f"{median(lambda: [_load_file(f, trusted=True) for f in own], args.repeat):.3f} 秒", "", ""))
        rows.append((f"进程内：{total} 条（libyaml）",
                     f"{median(lambda: [_load_file(f, trusted=True) for f in (*own, *copies)], args.repeat):.3f} 秒",
                     "", ""))
        rows.append((f"进程内：自备素材库 {total - base} 条（纯 Python 解析）",
                     f"{median(lambda: [_load_file(f) for f in copies], args.repeat):.3f} 秒", "", ""))
    print_table(rows)


if __name__ == "__main__":
    main()
