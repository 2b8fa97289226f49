"""How well drafts hit the length asked, and how much two seeds differ. Prints two tables:

    .venv/bin/python benchmarks/bench_length.py

Length: each example drafted at 2,000 / 4,000 / 6,000 characters with seeds 1–5; the table
gives the mean and worst deviation from the target. Seeds: the share of body sentences of the
seed-1 draft that the seed-2 draft does not contain (the aim is 40% or more)."""
from __future__ import annotations

import re
import statistics
from pathlib import Path

from speechdraft.datafile import load_data
from speechdraft.pipeline import make_draft

EXAMPLES = sorted((Path(__file__).resolve().parents[1] / "examples").glob("*.yaml"))
TARGETS = (2000, 4000, 6000)
SEEDS = range(1, 6)


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[。！？：])", text) if len(s) >= 8]


def main() -> None:
    print(f"{'示例':<22}" + "".join(f"{t:>18}" for t in TARGETS) + f"{'两种子句子不同':>16}")
    for path in EXAMPLES:
        data = load_data(path)
        cells = []
        for target in TARGETS:
            errors = [(make_draft(data.model_copy(update={"length": target, "seed": s})).length - target) / target
                      for s in SEEDS]
            worst = max(errors, key=abs)
            cells.append(f"{statistics.mean(map(abs, errors)):>8.1%} 最差{worst:>+6.1%}")
        one = sentences(make_draft(data.model_copy(update={"seed": 1})).document.body_text())
        two = set(sentences(make_draft(data.model_copy(update={"seed": 2})).document.body_text()))
        differ = sum(s not in two for s in one) / len(one)
        print(f"{path.stem:<22}" + "".join(f"{c:>18}" for c in cells) + f"{differ:>16.0%}")


if __name__ == "__main__":
    main()
