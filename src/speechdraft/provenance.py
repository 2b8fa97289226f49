"""Where a borrowed point came from, in the words --annotate gives a writer.

A built-in point is named by the speech it was taken from, by title (data/corpus.yaml): the
writer has no copy of our corpus files. A writer's own point is named by the bank file they
gave with --phrasebank and its place there, so that they can find it and edit it. A point we
wrote ourselves, where the corpus had nothing, says so and names the document it rests on."""
from __future__ import annotations

from functools import cache
from importlib import resources

import yaml

from speechdraft.phrasebank import Authored, Bank, Point


@cache
def corpus_titles() -> dict[str, str]:
    text = (resources.files("speechdraft") / "data" / "corpus.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def source_note(point: Point, bank: Bank) -> str:
    origin = bank.origins.get(point.id)
    if origin is not None:
        file, place = origin
        return f"出处：素材库 {file} 第{place}条（{point.id}）"
    if isinstance(point.source, Authored):
        return f"出处：自拟要点，依据{point.source.basis}"
    return f"出处：《{corpus_titles()[point.source.file]}》第{point.source.paragraph}段"
