"""Drafting speed and memory: end-to-end `speechdraft draft` (a fresh process, as a writer runs
it) and drafts per second in-process. Prints a table; run from the project root:

    .venv/bin/python benchmarks/bench_draft.py [--runs 7] [--seconds 5]
"""
from __future__ import annotations

import argparse
import io
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "county-conference.yaml"


def end_to_end(runs: int) -> tuple[float, int]:
    """Median wall time of `speechdraft draft` writing a .docx, and the child's peak RSS."""
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in range(runs):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "speechdraft", "draft", str(EXAMPLE), "-o", f"{tmp}/{n}.docx"],
                           check=True, capture_output=True)
            times.append(time.perf_counter() - start)
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return statistics.median(times), peak_kb // 1024


def in_process(seconds: float) -> tuple[float, float, int]:
    """Drafts per second (text only, and with the .docx written to memory), and peak MB."""
    from speechdraft.datafile import load_data
    from speechdraft.pipeline import make_draft
    from speechdraft.writers.docx import write_docx

    data = load_data(EXAMPLE)
    make_draft(data)  # warm caches: the bank and templates load once per process

    def rate(job) -> float:
        n, start = 0, time.perf_counter()
        while time.perf_counter() - start < seconds:
            job(data.model_copy(update={"seed": n}))
            n += 1
        return n / (time.perf_counter() - start)

    text_rate = rate(make_draft)
    tracemalloc.start()
    docx_rate = rate(lambda d: write_docx(make_draft(d).document, io.BytesIO()))
    peak = tracemalloc.get_traced_memory()[1] // (1024 * 1024)
    tracemalloc.stop()
    return text_rate, docx_rate, peak


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--seconds", type=float, default=5.0)
    args = ap.parse_args()
    wall, rss = end_to_end(args.runs)
    text_rate, docx_rate, peak = in_process(args.seconds)
    rows = [
        ("speechdraft draft → .docx（新进程，中位数）", f"{wall * 1000:.0f} ms", f"峰值 RSS {rss} MB"),
        ("进程内起草（文本）", f"{text_rate:.1f} 篇/秒", ""),
        ("进程内起草并写 .docx", f"{docx_rate:.1f} 篇/秒", f"Python 峰值分配 {peak} MB"),
    ]
    width = max(len(r[0]) for r in rows) + 4
    for name, value, extra in rows:
        print(f"{name:<{width}}{value:>14}  {extra}")


if __name__ == "__main__":
    main()
