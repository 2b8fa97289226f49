"""Slow paths a writer could hit (issue 14, item 4): each command run in a fresh process on an
input built by tests/attacks/slow_inputs.py, with its wall time and peak memory. Run from the
project root:

    .venv/bin/python benchmarks/bench_hostile.py [--only check] [--limit 300] [--before OLD/src]

--before runs every case a second time with OLD/src first on the path (say, `git worktree add`
of an older commit, or `git archive COMMIT src | tar -x -C OLD`), for a before/after table;
a run past --limit seconds is stopped and shown as "> limit". The aim: every case well under
10 s, the 100,000-paragraph .docx and 46 MB .txt included.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from measure import ROOT, SPEECHDRAFT, TimeLimit, _width, run_child

sys.path.insert(0, str(ROOT / "tests"))
from attacks import slow_inputs as inputs  # noqa: E402


def build(folder: Path) -> list[tuple[str, list]]:
    """The inputs in `folder`, and (case, arguments to speechdraft) for each case."""
    cases = []
    for n in (300, 1000):
        data = inputs.write_yaml(folder / f"meeting{n}.yaml", inputs.meeting(n))
        cases.append((f"draft .docx, meeting of {n} 会", ["draft", data, "-o", folder / "out.docx", "--force"]))
    for n in (500, 1000, 5000):
        data = inputs.write_yaml(folder / f"metrics{n}.yaml", inputs.metrics(n))
        cases.append((f"draft --annotate, {n} metrics",
                      ["draft", data, "--annotate", "-o", folder / "out.docx", "--force"]))
    data = inputs.write_yaml(folder / "achievements.yaml", inputs.achievements(10_000))
    cases.append(("draft --annotate, 10,000 achievements",
                  ["draft", data, "--annotate", "-o", folder / "out.docx", "--force"]))
    for n in (2000, 4000):
        speech = folder / f"p{n}.docx"
        speech.write_bytes(inputs.docx_bytes(inputs.paragraphs(n)))
        cases.append((f"check --annotate, {n:,}-paragraph .docx",
                      ["check", speech, "--annotate", "-o", folder / "annotated.docx", "--force"]))
    speech = folder / "p100000.docx"
    speech.write_bytes(inputs.docx_bytes(inputs.paragraphs(100_000)))
    cases += [("check, 100,000-paragraph .docx", ["check", speech]),
              ("check --fix, 100,000-paragraph .docx", ["check", speech, "--fix", "-o", folder / "fixed.docx", "--force"])]
    text = folder / "big.txt"
    text.write_text(inputs.txt(350_000), encoding="utf-8")
    size = text.stat().st_size / 1e6
    cases += [(f"check, {size:.0f} MB .txt", ["check", text]),
              (f"check --fix, {size:.0f} MB .txt", ["check", text, "--fix", "-o", folder / "fixed.txt", "--force"])]
    md = folder / "bold.md"
    md.write_text(inputs.bold_md(20_000), encoding="utf-8")
    cases.append((f"check, {md.stat().st_size / 1e3:.0f} KB .md, 20,000 bold spans", ["check", md]))
    return cases


def measure(args: list, limit: int, src: Path | None) -> str:
    env = {"PYTHONPATH": str(src)} if src else None
    try:
        # check exits 1 when it finds an error, as these speeches have
        seconds, peak = run_child([*SPEECHDRAFT, *args], accept=(0, 1), limit=limit, env=env)
    except TimeLimit:
        return f"> {limit}", "–"
    return f"{seconds:.1f}", f"{peak:.0f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default="", help="run only the cases whose name holds this")
    parser.add_argument("--limit", type=int, default=300, help="stop a run after this many seconds")
    parser.add_argument("--before", type=Path, help="an older src/ folder to compare with")
    options = parser.parse_args()
    header = ["case", "seconds", "peak MB"]
    if options.before:
        header = ["case", "before s", "before MB", "after s", "after MB"]
    rows = [header]
    with tempfile.TemporaryDirectory() as tmp:
        for name, args in build(Path(tmp)):
            if options.only not in name:
                continue
            row = [name]
            if options.before:
                row += measure(args, options.limit, options.before.resolve())
            row += measure(args, options.limit, None)
            rows.append(row)
            print(" | ".join(row), file=sys.stderr, flush=True)  # progress: a full run takes minutes
    widths = [max(_width(r[i]) for r in rows) for i in range(len(header))]
    for n, row in enumerate(rows):
        print("  ".join(c + " " * (w - _width(c)) for c, w in zip(row, widths)).rstrip())
        if n == 0:
            print("  ".join("-" * w for w in widths))


if __name__ == "__main__":
    main()
