"""Extraction speed: MB of speech text per second through `speechdraft extract`'s pipeline.

Builds a synthetic folder of about --mb megabytes by copying the five corpus speeches
(tests/fixtures/corpus) under varied file names in nested folders, one in three saved as
GB18030 the way office PCs save them, then times reading, cleaning, splitting, labelling,
slotting, deduplicating and writing the YAML, as the command does. Prints a table: MB, files,
wall seconds and MB/s, in one process and in --jobs processes (`extract -j`, the command's
default for big folders), CPU seconds for the one-process run, points written; then peak
memory (tracemalloc peak of Python allocations, on a separate untimed pass, and peak RSS).

    .venv/bin/python benchmarks/bench_extract.py            # ~10 MB, 1 process and CPU-count processes
    .venv/bin/python benchmarks/bench_extract.py --mb 2 --repeat 3 --jobs 1

The copies are identical to the originals, so after deduplication the bank holds the
corpus's points once; dedupe still compares every copy's points (the exact-duplicate path).
Timing is noisy on a shared machine: CPU seconds are the steadier figure.
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "fixtures" / "corpus"
NAMES = ["在全县生态环境保护大会上的讲话", "中心组研讨发言材料", "调研座谈会汇报发言", "培训班交流发言",
         "speech", "2023-meeting", "工作推进会讲话（定稿）"]


def build(folder: Path, megabytes: float) -> tuple[int, int]:
    """Fill `folder` with about `megabytes` of copies; returns (bytes, files)."""
    sources = sorted(CORPUS.glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in sources]
    total = files = 0
    k = 0
    while total < megabytes * 1_000_000:
        text = texts[k % len(texts)]
        sub = folder / f"{2019 + k % 5}年" / f"第{k % 7 + 1}批"
        sub.mkdir(parents=True, exist_ok=True)
        name = f"{NAMES[k % len(NAMES)]}-{k:05d}.txt"
        data = text.encode("gb18030") if k % 3 == 2 else text.encode("utf-8")
        (sub / name).write_bytes(data)
        total += len(data)
        files += 1
        k += 1
    return total, files


def run_once(folder: Path, out: Path, *, jobs: int = 1, trace: bool = False) -> tuple[float, float, int, int]:
    """(wall s, CPU s, tracemalloc peak bytes or 0, points). Tracing slows Python down several
    times over, so it runs on its own pass, never on a timed one."""
    from speechdraft.extract.pipeline import extract
    from speechdraft.extract.write import write

    if trace:
        tracemalloc.start()
    wall, cpu = time.perf_counter(), time.process_time()
    result = extract([folder], jobs=jobs)
    write(result.points, out, force=True)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    peak = tracemalloc.get_traced_memory()[1] if trace else 0
    tracemalloc.stop()
    return wall, cpu, peak, len(result.points)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=10.0, help="size of the synthetic corpus in MB (default 10)")
    ap.add_argument("--repeat", type=int, default=1, help="timed runs of each mode (default 1)")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                    help="processes for the parallel mode, as `extract -j` (default: CPU count)")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT / "src"))
    from speechdraft.extract.clean import _fixes

    _fixes()  # the word lists load once per process; not part of the per-MB cost
    tmp = Path(tempfile.mkdtemp(prefix="bench-extract-"))
    try:
        size, files = build(tmp / "corpus", args.mb)
        mb = size / 1_000_000
        modes = [1] + ([args.jobs] if args.jobs > 1 else [])
        rows = [(jobs, run_once(tmp / "corpus", tmp / "bank", jobs=jobs)) for jobs in modes for _ in range(args.repeat)]
        rss = max(resource.getrusage(who).ru_maxrss for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)) / 1024
        peak = run_once(tmp / "corpus", tmp / "bank", trace=True)[2] / 1e6
        print(f"{'processes':>9} {'MB':>7} {'files':>6} {'wall s':>7} {'MB/s':>6} {'CPU s':>6} {'MB/CPU s':>9}"
              f" {'peak MB':>8} {'points':>7}")
        for jobs, (wall, cpu, _, points) in rows:
            one = jobs == 1  # CPU time and the traced peak are those of one process
            print(f"{jobs:>9} {mb:7.2f} {files:6d} {wall:7.2f} {mb / wall:6.2f} "
                  f"{f'{cpu:6.2f}' if one else '-':>6} {f'{mb / cpu:9.2f}' if one else '-':>9} "
                  f"{f'{peak:8.1f}' if one else '-':>8} {points:7d}")
        print(f"peak MB: Python allocations at their peak (tracemalloc, on a separate untimed one-process pass); "
              f"peak RSS of the largest process: {rss:.1f} MB (getrusage)")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
