"""Section labelling measured on hand-labelled speeches the labeller was not tuned on.

tests/fixtures/labels/<stem>.yaml hold hand labels (see the README there). `split: heldout`
files (001, 004) were labelled before label.py existed and never used for tuning; `split:
tune` files (000, 002, 003) are the ones its weights were tuned on. Run with -s to see the
numbers:  .venv/bin/pytest tests/test_extract_accuracy.py -s
"""
from __future__ import annotations

import re
from pathlib import Path

import yaml

from speechdraft.extract.clean import clean
from speechdraft.extract.label import label_units
from speechdraft.extract.read import Found, read
from speechdraft.extract.split import split

FIXTURES = Path(__file__).parent / "fixtures"
CJK = re.compile(r"[\u4e00-\u9fff]")


def _norm(text: str) -> str:
    return "".join(CJK.findall(text))


def measure(split_name: str) -> dict:
    """Section and domain accuracy over the labels of one split, and how many were covered."""
    total = covered = sections = domains = 0
    misses = []
    for label_file in sorted((FIXTURES / "labels").glob("*.yaml")):
        labels = yaml.safe_load(label_file.read_text(encoding="utf-8"))
        if labels["split"] != split_name:
            continue
        f = FIXTURES / "corpus" / labels["file"]
        units = split(clean(read(Found(f, f.name)).lines))
        guesses = label_units(units)
        for want in labels["points"]:
            total += 1
            match = [g for u, g in zip(units, guesses)
                     if u.paragraph == want["paragraph"] and _norm(u.text).startswith(_norm(want["starts"]))]
            if not match:
                misses.append(f"{labels['file'][:3]} ¶{want['paragraph']} {want['starts']}: not found")
                continue
            covered += 1
            got = match[0]
            sections += got.section == want["section"]
            domains += got.domain == want["domain"]
            if got.section != want["section"]:
                misses.append(f"{labels['file'][:3]} ¶{want['paragraph']} {want['starts']}: "
                              f"{want['section']} labelled {got.section} ({got.section_confidence})")
    return {"total": total, "covered": covered, "section_accuracy": sections / covered,
            "domain_accuracy": domains / covered, "misses": misses}


def test_section_accuracy_on_held_out_speeches():
    m = measure("heldout")
    print(f"\nheld-out (001, 004): section accuracy {m['section_accuracy']:.3f} over {m['covered']} of "
          f"{m['total']} labelled points; domain accuracy {m['domain_accuracy']:.3f}")
    for miss in m["misses"]:
        print("  ", miss)
    assert m["total"] >= 20
    assert m["covered"] / m["total"] >= 0.9
    assert m["section_accuracy"] >= 0.85, m["misses"]


def test_section_accuracy_on_tuning_speeches():
    m = measure("tune")
    print(f"\ntuning (000, 002, 003): section accuracy {m['section_accuracy']:.3f} over {m['covered']} of "
          f"{m['total']}; domain accuracy {m['domain_accuracy']:.3f}")
    assert m["covered"] == m["total"]
    assert m["section_accuracy"] >= 0.9, m["misses"]
