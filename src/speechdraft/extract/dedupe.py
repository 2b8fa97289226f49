"""Drop near-duplicate points: the same passage copied from speech to speech, lightly edited.

Two texts are near-duplicates when the Jaccard similarity of their character trigram sets
(Chinese characters, letters and digits only) is at least 0.8. The first one seen is kept.

Points arrive one at a time (file by file) and only kept points are remembered, so memory
grows with the distinct material, not with the size of the folder. A text identical to a
kept one (after normalising) is caught by a dictionary look-up. Otherwise candidates come
from prefix filtering (Chaudhuri et al. 2006; as in ppjoin): with the trigrams of every set
in one fixed order, two sets with Jaccard ≥ t share one of the first |S| − ⌈t·|S|⌉ + 1
trigrams of each, so only kept points sharing a prefix trigram are compared, and the result
is exactly that of comparing all pairs.
"""
from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Generic, TypeVar

T = TypeVar("T")
THRESHOLD = 0.8
N = 3
_KEEP = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]+")


def normalise(text: str) -> str:
    return "".join(_KEEP.findall(text))


def shingles(text: str, n: int = N) -> frozenset[str]:
    s = normalise(text)
    if len(s) <= n:
        return frozenset([s]) if s else frozenset()
    return frozenset(s[i:i + n] for i in range(len(s) - n + 1))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


class Deduper(Generic[T]):
    def __init__(self, threshold: float = THRESHOLD):
        self.threshold = threshold
        self.kept: list[T] = []
        self.dropped: list[tuple[T, T]] = []  # (dropped, the kept item it duplicates)
        self._sets: list[frozenset[str]] = []
        self._exact: dict[str, int] = {}
        self._index: dict[str, list[int]] = defaultdict(list)

    def add(self, item: T, text: str) -> bool:
        """Keep `item` unless it nearly duplicates a kept one; True if kept."""
        key = normalise(text)
        twin = self._exact.get(key)
        if twin is None:
            s = shingles(text)
            prefix = sorted(s)[: len(s) - math.ceil(self.threshold * len(s)) + 1]
            twin = self._twin(s, prefix)
            if twin is None:
                k = len(self.kept)
                self.kept.append(item)
                self._sets.append(s)
                self._exact[key] = k
                for g in prefix:
                    self._index[g].append(k)
                return True
        self.dropped.append((item, self.kept[twin]))
        return False

    def _twin(self, s: frozenset[str], prefix: list[str]) -> int | None:
        """The earliest kept set with Jaccard ≥ threshold, if any."""
        candidates = sorted({j for g in prefix for j in self._index.get(g, ())})
        for j in candidates:
            small, large = sorted((len(s), len(self._sets[j])))
            if small >= self.threshold * large and jaccard(s, self._sets[j]) >= self.threshold:
                return j
        return None


def dedupe(items: Iterable[T], text: Callable[[T], str], threshold: float = THRESHOLD) -> tuple[list[T], list[tuple[T, T]]]:
    """(kept, [(dropped, the kept item it duplicates) …]), order kept."""
    d: Deduper[T] = Deduper(threshold)
    for item in items:
        d.add(item, text(item))
    return d.kept, d.dropped
