"""Drafting speed and memory: end-to-end `speechdraft draft` of a 4,000-character speech to
.docx (a fresh process, as a writer runs it) against pandoc turning the same text (the draft
as .md) into .docx, and drafts per second in one process on one core. Prints a table; run
from the project root:

    .venv/bin/python benchmarks/bench_draft.py [--runs 7] [--seconds 5]

Without pandoc on the PATH its row says so and the ratio is left out.
"""
from __future__ import annotations

import argparse
import io
import resource
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from measure import ROOT, SPEECHDRAFT, print_table, run_child

EXAMPLE = ROOT / "examples" / "county-conference.yaml"
LENGTH = 4000


def end_to_end(runs: int) -> list[tuple[str, str, str, str]]:
    """speechdraft and pandoc, alternating, each after one untimed warm-up run: the medians,
    their ratio, and each one's peak RSS."""
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        text = Path(tmp) / "draft.md"
        run_child([*SPEECHDRAFT, "draft", EXAMPLE, "--length", LENGTH, "-o", text])
        ours = [*SPEECHDRAFT, "draft", EXAMPLE, "--length", LENGTH, "-o", Path(tmp) / "ours.docx", "--force"]
        pandoc = shutil.which("pandoc")
        theirs = [pandoc, text, "-o", Path(tmp) / "pandoc.docx"] if pandoc else None
        times: dict[str, list[float]] = {"ours": [], "pandoc": []}
        peaks: dict[str, float] = {"ours": 0.0, "pandoc": 0.0}
        for n in range(runs + 1):
            for name, cmd in (("ours", ours), ("pandoc", theirs)):
                if cmd is None:
                    continue
                seconds, peak = run_child(cmd)
                peaks[name] = max(peaks[name], peak)
                if n:  # the first run warms caches and is not counted
                    times[name].append(seconds)
    ours_s = statistics.median(times["ours"])
    rows.append((f"speechdraft draft → .docx（{LENGTH} 字，新进程，{runs} 次中位数）", f"{ours_s * 1000:.0f} ms",
                 "不超过 pandoc 的 2 倍", f"{peaks['ours']:.0f} MB"))
    if times["pandoc"]:
        theirs_s = statistics.median(times["pandoc"])
        rows.append((f"pandoc 同一文稿 .md → .docx（{runs} 次中位数）", f"{theirs_s * 1000:.0f} ms", "",
                     f"{peaks['pandoc']:.0f} MB"))
        rows.append(("  speechdraft / pandoc", f"{ours_s / theirs_s:.1f} 倍", "≤ 2 倍", ""))
    else:
        rows.append(("pandoc 同一文稿 .md → .docx", "未测：没有安装 pandoc", "", ""))
    return rows


def in_process(seconds: float) -> list[tuple[str, str, str, str]]:
    """Drafts per second in this process (one core): the draft alone, and with its .docx
    written to memory. Peak memory is this process's RSS."""
    from speechdraft.datafile import load_data
    from speechdraft.pipeline import make_draft
    from speechdraft.writers.docx import write_docx

    data = load_data(EXAMPLE).model_copy(update={"length": LENGTH})
    write_docx(make_draft(data).document, io.BytesIO())  # the bank, templates and word lists load once

    def rate(job) -> float:
        n, start = 0, time.perf_counter()
        while time.perf_counter() - start < seconds:
            job(data.model_copy(update={"seed": n}))
            n += 1
        return n / (time.perf_counter() - start)

    drafts = rate(make_draft)
    with_docx = rate(lambda d: write_docx(make_draft(d).document, io.BytesIO()))
    peak = f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB"
    return [(f"进程内起草（{LENGTH} 字，单核，每次换种子）", f"{drafts:.0f} 篇/秒", "≥ 100 篇/秒", peak),
            ("进程内起草并写出 .docx（写入内存）", f"{with_docx:.0f} 篇/秒", "", peak)]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=7, help="timed runs of each command (default 7)")
    ap.add_argument("--seconds", type=float, default=5.0, help="seconds of in-process drafting (default 5)")
    args = ap.parse_args(argv)
    print_table(end_to_end(args.runs) + in_process(args.seconds))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
