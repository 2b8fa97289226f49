"""The measure word a count is said with when the data gives no unit: 锅炉12台, 企业12家."""
from __future__ import annotations

from speechdraft.model import Metric

# By the noun the name ends with; the longer ending first where one contains another
# (污水处理厂 before 厂, 乡镇 before 镇).
_WORDS: tuple[tuple[str, str], ...] = (
    ("污水处理厂", "座"), ("处理厂", "座"), ("焚烧厂", "座"), ("水厂", "座"), ("电厂", "座"),
    ("锅炉", "台"), ("窑炉", "台"), ("机组", "台"),
    ("企业", "家"), ("厂", "家"),
    ("设施", "座"), ("站", "座"), ("水库", "座"), ("矿山", "座"), ("尾矿库", "座"),
    ("项目", "个"), ("断面", "个"), ("乡镇", "个"), ("村庄", "个"), ("村", "个"), ("社区", "个"), ("问题", "个"),
    ("排污口", "个"), ("点位", "个"), ("园区", "个"), ("工地", "个"), ("基地", "个"), ("公园", "个"),
    ("充电桩", "个"), ("镇", "个"), ("乡", "个"), ("街道", "个"),
    ("户", "户"), ("车辆", "辆"), ("汽车", "辆"), ("案件", "件"), ("学校", "所"), ("河流", "条"),
    ("人员", "名"), ("员", "名"), ("人", "人"), ("天", "天"),
)
# A count's name often ends in 数量 or 数 (淘汰燃煤锅炉数量, 改厕户数): the noun is before it.
_COUNT_ENDINGS = ("数量", "个数", "总数", "数")
# Names ending in 数 that count nothing (企业环境信用指数); a rate, an area or a 保有量 ends in
# no count noun, so needs no list.
_NOT_COUNTS = ("指数", "得分", "分数", "系数")


def measure_word(name: str) -> str:
    """台 for 燃煤锅炉, 家 for 关停企业, 户 for 改厕户数; empty for 指数, 得分 and names not known."""
    if name.endswith(_NOT_COUNTS):
        return ""
    for ending in _COUNT_ENDINGS:
        if name.endswith(ending):
            name = name[: -len(ending)]
            break
    return next((word for noun, word in _WORDS if name.endswith(noun)), "")


def unit_of(m: Metric) -> str:
    """The unit a metric is said with: its own, or for a count without one, its measure word."""
    return m.unit or measure_word(m.name)
