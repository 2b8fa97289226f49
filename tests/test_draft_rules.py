"""What a finished draft must never have, over every example, seed and length a writer might
pick: a claim of results its figures contradict, an unnumbered paragraph inside a numbered
series, a numbered item of one line, a sentence twice, half-width punctuation between Chinese
characters, level words of another level; and every goal of the data stated in the tasks,
every problem taken up by a later task (speechdraft.quality defines each)."""
from __future__ import annotations

from functools import cache

import pytest

from conftest import EXAMPLES
from speechdraft.datafile import load_data
from speechdraft.pipeline import make_draft
from speechdraft.quality import DETECTORS

RULES = ["contradicted claims", "unnumbered paragraphs", "one-line items", "sentence twice",
         "half-width punctuation", "wrong level words", "unstated goals", "unanswered problems"]
DRAFTS = [(path.stem, length, seed) for path in sorted(EXAMPLES.glob("*.yaml"))
          for length in (2000, 4000) for seed in range(1, 6)]


@cache
def draft(stem: str, length: int, seed: int):
    data = load_data(EXAMPLES / f"{stem}.yaml").model_copy(update={"length": length, "seed": seed})
    return make_draft(data).document, data


@pytest.mark.parametrize("rule", RULES, ids=[r.replace(" ", "-") for r in RULES])
@pytest.mark.parametrize("stem, length, seed", DRAFTS, ids=[f"{s}-{n}-seed{k}" for s, n, k in DRAFTS])
def test_draft_keeps_the_rule(stem, length, seed, rule):
    document, data = draft(stem, length, seed)
    found = DETECTORS[rule](document, data)
    assert found == [], f"{stem} at {length} characters, seed {seed}: {len(found)} {rule}:\n" + "\n".join(found)
