"""The work domains a speech covers, their Chinese names, and a guess from a metric's name."""
from __future__ import annotations

import re
from functools import lru_cache

# Order is the order a speech takes them in when the data does not say otherwise.
DOMAINS: dict[str, str] = {
    "air": "大气污染防治",
    "water": "水污染防治",
    "soil": "土壤污染防治",
    "ecology": "生态保护修复",
    "carbon": "碳达峰碳中和",
    "industry": "绿色低碳发展",
    "inspection": "督察问题整改",
    "rural": "农村环境整治",
    "urban": "城乡环境建设",
    "culture": "生态文化培育",
    "governance": "生态环境治理体系",
}
GENERAL = "general"

# First match wins, so the more specific words come first.
_GUESS = [
    ("air", r"空气|PM|优良天数|臭氧|大气|颗粒物|扬尘|重污染天"),
    ("water", r"水质|断面|水体|黑臭|饮用水|地表水|河|湖|污水"),
    ("soil", r"土壤|耕地|地块|重金属"),
    ("carbon", r"碳|能耗|可再生|清洁能源|光伏|风电"),
    ("rural", r"农村|秸秆|畜禽|化肥|农药|厕所|农膜"),
    ("urban", r"垃圾|绿地|建成区|园林|城区|城市"),
    ("ecology", r"森林|林木|绿化|湿地|植被|造林|生物多样性|生态环境状况|水土|草原|自然保护"),
    ("inspection", r"督察|整改|信访|举报"),
    ("industry", r"工业|企业|园区|产业|产值|清洁生产"),
]


@lru_cache(maxsize=4096)  # asked for every metric and item many times per draft
def guess_domain(name: str) -> str:
    """The domain a metric or item most likely belongs to, from its wording."""
    for domain, pattern in _GUESS:
        if re.search(pattern, name):
            return domain
    return GENERAL
