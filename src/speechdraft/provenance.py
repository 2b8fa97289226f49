"""Where a borrowed point came from, in the words --annotate gives a writer.

A built-in point is named by the speech it was taken from, by title (data/corpus.yaml): the
writer has no copy of our corpus files. A writer's own point is named by the bank file they
gave with --phrasebank and its place there, so that they can find it and edit it."""
from __future__ import annotations

from functools import cache
from importlib import resources

import yaml

from speechdraft.phrasebank import Bank, Point


@cache
def corpus_titles() -> dict[str, str]:
    text = (resources.files("speechdraft") / "data" / "corpus.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def source_note(point: Point, bank: Bank) -> str:
    origin = bank.origins.get(point.id)
    if origin is not None:
        file, place = origin
        return f"出处：素材库 {file} 第{place}条（{point.id}）"
    return f"出处：《{corpus_titles()[point.source.file]}》第{point.source.paragraph}段"
