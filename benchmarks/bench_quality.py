"""How well drafts hold together (speechdraft.quality), by numbers. Prints two tables; run
from the project root:

    .venv/bin/python benchmarks/bench_quality.py [--lengths 2000 4000 6000] [--seeds 5] [--by-genre] [--verbose [N]]

Faults: every examples/*.yaml drafted at each length with seeds 1–N; each cell is the total of
one measure's findings over those drafts, with how many drafts had any (the aim is 0 for all).
Shared sentences: for each genre, pairs of drafts from different data with the same seed and
length; the share of one draft's sentences (8 characters or more) found in the other, the
mean and the worst over pairs (the aim is 15% or less). Pairs come from the examples of that
genre and, since most genres have one example, from every example's data drafted as that
genre (`genre` overridden). --by-genre totals the faults per genre the same way; --verbose
prints the worst drafts' findings and the sentences most often shared."""
from __future__ import annotations

import argparse
import itertools
import statistics
import time
from collections import Counter
from pathlib import Path

from speechdraft.datafile import load_data
from speechdraft.model import GENRES
from speechdraft.pipeline import make_draft
from speechdraft.quality import DETECTORS, measure, shared_sentences, shared_share

EXAMPLES = sorted((Path(__file__).resolve().parents[1] / "examples").glob("*.yaml"))
AIM_SHARED = 0.15


def _width(text: str) -> int:
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)


def print_grid(header: list[str], rows: list[list[str]]) -> None:
    """A table aligned for a terminal (汉字 are two wide): first column left, the rest right."""
    rows = [header, *rows]
    widths = [max(_width(r[i]) for r in rows) for i in range(len(header))]
    for n, row in enumerate(rows):
        cells = [row[0] + " " * (widths[0] - _width(row[0]))]
        cells += [" " * (w - _width(c)) + c for c, w in zip(row[1:], widths[1:])]
        print("  ".join(cells).rstrip())
        if n == 0:
            print("  ".join("-" * w for w in widths))


def faults(datas: dict[str, object], lengths: list[int], seeds: range, verbose: int) -> None:
    totals = {name: {length: [0, 0] for length in lengths} for name in DETECTORS}
    worst: dict[str, list[tuple[int, str, list[str]]]] = {name: [] for name in DETECTORS}
    for (stem, data), length, seed in itertools.product(datas.items(), lengths, seeds):
        speech = data.model_copy(update={"length": length, "seed": seed})
        found = measure(make_draft(speech).document, speech)
        for name, items in found.items():
            cell = totals[name][length]
            cell[0] += len(items)
            cell[1] += bool(items)
            if items:
                worst[name].append((len(items), f"{stem} {length}字 种子{seed}", items))
    drafts = len(datas) * len(seeds)
    print(f"问题总数（有此问题的文稿数 / 每列 {drafts} 篇）：{len(datas)} 个示例 × 种子 1–{seeds[-1]}")
    print_grid(["测量", *(f"{length}字" for length in lengths), "目标"],
               [[name, *(f"{t} ({d})" for t, d in (totals[name][length] for length in lengths)), "0"]
                for name in DETECTORS])
    if verbose:
        _worst(worst, verbose)


def by_genre(datas: dict[str, object], lengths: list[int], seeds: range) -> None:
    """The same totals with every example's data drafted as each genre: most genres have one example."""
    totals = {name: Counter() for name in DETECTORS}
    for genre, (stem, data), length, seed in itertools.product(GENRES, datas.items(), lengths, seeds):
        speech = data.model_copy(update={"genre": genre, "length": length, "seed": seed})
        for name, items in measure(make_draft(speech).document, speech).items():
            totals[name][genre] += len(items)
    drafts = len(datas) * len(lengths) * len(seeds)
    print(f"\n按体裁的问题总数：{len(datas)} 份数据均按该体裁起草 × {len(lengths)} 种篇幅 × 种子 1–{seeds[-1]}"
          f"（每列 {drafts} 篇）")
    print_grid(["测量", *GENRES], [[name, *(str(totals[name][g]) for g in GENRES)] for name in DETECTORS])


def _worst(worst: dict[str, list[tuple[int, str, list[str]]]], verbose: int) -> None:
    for name, cases in worst.items():
        if not cases:
            continue
        print(f"\n== {name}: 最差的文稿")
        for count, where, items in sorted(cases, key=lambda c: -c[0])[:verbose]:
            print(f"  {where}（{count}）")
            for item in items[:verbose]:
                print(f"    {item}")


def shared(datas: dict[str, object], lengths: list[int], seeds: range, verbose: int) -> None:
    rows = []
    common: Counter[str] = Counter()
    for genre in GENRES:
        native = [stem for stem, data in datas.items() if data.genre == genre]
        cells = []
        for length in lengths:
            shares = []
            for seed in seeds:
                docs = {stem: make_draft(data.model_copy(update={"genre": genre, "length": length, "seed": seed})).document
                        for stem, data in datas.items()}
                for a, b in itertools.combinations(docs, 2):
                    shares.append(max(shared_share(docs[a], docs[b]), shared_share(docs[b], docs[a])))
                    common.update(set(shared_sentences(docs[a], docs[b])))
            cells.append(f"{statistics.mean(shares):.0%} 最差{max(shares):.0%}")
        rows.append([f"{genre}（本体裁示例 {len(native)} 个）", *cells, f"≤ {AIM_SHARED:.0%}"])
    print(f"\n不同数据、同一种子的两篇文稿共有的句子占比（{len(datas)} 份数据两两成对，均按该体裁起草）")
    print_grid(["体裁", *(f"{length}字" for length in lengths), "目标"], rows)
    native_rows = []
    for genre in GENRES:
        stems = [stem for stem, data in datas.items() if data.genre == genre]
        if len(stems) < 2:
            continue
        cells = []
        for length in lengths:
            shares = []
            for seed in seeds:
                docs = {stem: make_draft(datas[stem].model_copy(update={"length": length, "seed": seed})).document
                        for stem in stems}
                shares += [max(shared_share(docs[a], docs[b]), shared_share(docs[b], docs[a]))
                           for a, b in itertools.combinations(stems, 2)]
            cells.append(f"{statistics.mean(shares):.0%} 最差{max(shares):.0%}")
        native_rows.append([f"{genre}（{'、'.join(stems)}）", *cells, f"≤ {AIM_SHARED:.0%}"])
    if native_rows:
        print("\n同一体裁的示例之间（示例原本的体裁）")
        print_grid(["体裁", *(f"{length}字" for length in lengths), "目标"], native_rows)
    if verbose:
        print("\n== 最常共有的句子（出现在多少对文稿中）")
        for sentence, n in common.most_common(verbose):
            print(f"  {n:>4}  {sentence[:60]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lengths", type=int, nargs="+", default=[2000, 4000, 6000])
    parser.add_argument("--seeds", type=int, default=5, help="seeds 1..N (default 5)")
    parser.add_argument("--by-genre", action="store_true",
                        help="also total the measures per genre, every example's data drafted as each genre")
    parser.add_argument("--verbose", type=int, nargs="?", const=5, default=0,
                        help="print the N worst drafts of each measure and the N most shared sentences (default 5)")
    args = parser.parse_args()
    seeds = range(1, args.seeds + 1)
    datas = {path.stem: load_data(path) for path in EXAMPLES}
    start = time.perf_counter()
    faults(datas, args.lengths, seeds, args.verbose)
    if args.by_genre:
        by_genre(datas, args.lengths, seeds)
    shared(datas, args.lengths, seeds, args.verbose)
    print(f"\n用时 {time.perf_counter() - start:.0f} 秒")


if __name__ == "__main__":
    main()
