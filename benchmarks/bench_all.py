"""Every benchmark in one table: drafting end to end against pandoc, drafts per second in one
process, batch over 200 files on 2 cores, and extract over a 10 MB corpus through its command
line (one process, then as many as the command picks) — each with its peak memory.

    .venv/bin/python benchmarks/bench_all.py [--runs 7] [--seconds 5] [--mb 10]

The detailed extract figures (CPU seconds, points, traced allocations) are in bench_extract.py.
"""
from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

import bench_batch
import bench_draft
import bench_extract
from measure import SPEECHDRAFT, print_table, run_child


def extract(megabytes: float) -> list[tuple[str, str, str, str]]:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        size, files = bench_extract.build(Path(tmp) / "corpus", megabytes)
        mb = size / 1_000_000
        for jobs, label in (("1", "1 个进程"), ("0", "进程数自动")):
            seconds, peak = run_child([*SPEECHDRAFT, "extract", Path(tmp) / "corpus", "-o", Path(tmp) / "bank.yaml",
                                       "--force", "--jobs", jobs])
            rows.append((f"speechdraft extract：{mb:.1f} MB，{files} 个文件，{label}",
                         f"{seconds:.1f} 秒（{mb / seconds:.1f} MB/秒）", "≥ 2 MB/秒", f"{peak:.0f} MB"))
    return rows


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=7, help="timed runs of draft and pandoc (default 7)")
    ap.add_argument("--seconds", type=float, default=5.0, help="seconds of in-process drafting (default 5)")
    ap.add_argument("--mb", type=float, default=10.0, help="size of the extract corpus in MB (default 10)")
    args = ap.parse_args(argv)
    rows = bench_draft.in_process(args.seconds)  # first: its peak is this process's own
    rows = bench_draft.end_to_end(args.runs) + rows
    rows += bench_batch.batch(200, 2)
    rows += extract(args.mb)
    print_table(rows)
    print("峰值内存：各命令为其进程的峰值 RSS（有工作进程时取最大的一个）；进程内起草为本进程的峰值 RSS。")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
