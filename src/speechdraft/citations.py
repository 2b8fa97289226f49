"""What a proofreading finding cites as its authority (依据), in a writer's words.

A built-in word-list entry's `source` is the compiler's research note (paper abbreviations,
web addresses, corpus numbers, tool names); data/citations.yaml says how each is cited to a
writer, so that a new entry cannot put a note meant for us in front of a writer. A unit's own
list (--words) is cited as its writer wrote it."""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import yaml

from speechdraft.wordlists import BUILTIN_ORIGIN, Entry

_TITLE = re.compile(r"《[^《》]+》")


@lru_cache(maxsize=1)
def _table() -> tuple[tuple[tuple[str, str], ...], dict[str, str]]:
    text = (resources.files("speechdraft") / "data" / "citations.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    return tuple((rule["match"], rule["cite"]) for rule in data["cite"]), data["default"]


def cite(part: str) -> str | None:
    """What one part of a source (between “；”) stands for; None for a bare web page or note."""
    title = _TITLE.search(part)
    if title:
        return title.group(0)
    return next((words for match, words in _table()[0] if match in part), None)


def citation(source: str, kind: str) -> str:
    """A built-in entry's authority: e.g. 党的二十大报告；《人民日报》, or its list's own."""
    cites: list[str] = []
    for part in re.split("[；;]", source):
        words = cite(part)
        if words and words not in cites:
            cites.append(words)
    return "；".join(cites) or _table()[1][kind]


def authority(entry: Entry) -> str:
    if entry.origin.startswith(BUILTIN_ORIGIN):
        return citation(entry.source, entry.kind)
    return entry.source
