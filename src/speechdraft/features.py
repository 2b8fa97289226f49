"""The kinds of place a speech may assume (features) and the places a data file may name:
a bank point using a feature's vocabulary is used only where the data has that feature, and a
point with a place slot only where the data names a place of that kind."""
from __future__ import annotations

import re
from functools import cache
from importlib import resources

import yaml

FEATURES = ("草原", "森林", "湿地", "湖泊", "黑土地", "荒漠", "石漠化", "海洋", "山区", "平原", "矿区", "工业园区",
            "供暖", "旅游")
PLACE_KINDS = ("河流", "湖泊", "水库", "海湾", "山", "保护区", "园区", "景区")
# The kinds of place that fill each place slot, in order of preference. A reservoir is named
# where a point speaks of "its lake" (湖长制 covers reservoirs too) when the data names no lake.
SLOT_KINDS = {"河流": ("河流",), "山": ("山",), "湖泊": ("湖泊", "水库"), "海湾": ("海湾",),
              "保护区": ("保护区",), "园区": ("园区",), "景区": ("景区",)}


@cache
def vocabulary() -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    """feature -> (the words that assume it, longer general words that contain one)."""
    text = (resources.files("speechdraft") / "data" / "features.yaml").read_text(encoding="utf-8")
    return {name: (tuple(v["words"]), tuple(v.get("except", ()))) for name, v in yaml.safe_load(text).items()}


def assumed(text: str) -> set[str]:
    """The features a text's words assume; slots ({园区}) name a place, not a kind of place."""
    text = re.sub(r"\{[^{}]*\}", "", text)
    found = set()
    for feature, (words, general) in vocabulary().items():
        own = text
        for g in general:
            own = own.replace(g, "")
        if any(w in own for w in words):
            found.add(feature)
    return found
