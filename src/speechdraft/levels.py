"""Level words: what a county's speech says as 全县 a city's says as 全市."""
from __future__ import annotations

LEVELS = ("省", "市", "州", "盟", "县", "区", "旗", "乡", "镇")

# The level one step down, as speeches name it when they address it (各乡镇, 各县（市、区）).
_LOWER = {
    "省": "市（州）",
    "市": "县（市、区）",
    "州": "县（市）",
    "盟": "旗（县、市）",
    "县": "乡镇",
    "区": "镇（街道）",
    "旗": "苏木乡镇",
    "乡": "村",
    "镇": "村",
}


def level_words(level: str) -> dict[str, str]:
    """The slot values for one level; the keys are the slot names of the phrase bank."""
    # A township's Party committee is 党委, not 镇委.
    party = f"{level}党委" if level in ("乡", "镇") else f"{level}委"
    government = f"{level}政府"
    return {
        "县": level,
        "党委": party,
        "政府": government,
        "党委政府": f"{party}、{government}",
        "下级": _LOWER[level],
    }
