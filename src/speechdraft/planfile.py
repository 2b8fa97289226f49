"""The plan as a file a writer edits (提纲.yaml, Chinese keys), and read back: checked against
the data file and the phrase bank, so that a plan that no longer matches them is named, with
the item and the fix, before anything is drafted."""
from __future__ import annotations

from pathlib import Path

import yaml

from speechdraft.datafile import load_yaml
from speechdraft.domains import DOMAINS, GENERAL
from speechdraft.errors import UserError
from speechdraft.inputs import OUTLINE
from speechdraft.model import SpeechData
from speechdraft.phrasebank import Bank
from speechdraft.plan import REF_KINDS, Item, Part, Plan, Ref

SECTION_NAMES = {"significance": "意义", "achievements": "成绩", "gaps": "差距", "tasks": "任务",
                 "next": "下一步", "safeguards": "保障"}
_SECTIONS = {v: k for k, v in SECTION_NAMES.items()}
_HEADER = """\
# 讲话稿提纲：可以调整“部分”和“要点”的先后，删去整条要点，改写“标题”和“领起句”；
# 改好后用 speechdraft draft 数据文件 --outline 本文件 起草全文，稿子严格按这份提纲写。
# “素材”是素材库中要点的编号，其展开写在领起句后；“数据”是这一条写进的数据（指标、目标、成绩、问题、重点、回应、地名）。
# 领域：{domains}
"""
_PLAN_KEYS = {"体裁", "随机种子", "标题", "开场", "过渡", "结尾", "部分"}
_PART_KEYS = {"部分", "标题", "引领段", "要点"}
_ITEM_KEYS = {"类别", "领域", "话题", "领起句", "素材", "数据", "简短", "只写数据", "排比", "小标题"}


def dump(plan: Plan) -> str:
    def item(i: Item) -> dict:
        out = {"类别": SECTION_NAMES[i.section], "领域": i.domain, "领起句": i.lead}
        if i.topic:
            out["话题"] = i.topic
        if i.point:
            out["素材"] = i.point
        if i.data:
            out["数据"] = [str(r) for r in i.data]
        if i.short:
            out["简短"] = True
        if i.bare:
            out["只写数据"] = True
        if i.series:
            out["排比"] = i.series
        if i.group:
            out["小标题"] = i.group
        return out

    body = {"体裁": plan.genre, "随机种子": plan.seed, "标题": plan.title, "开场": plan.opening,
            "过渡": plan.transition, "结尾": plan.closing,
            "部分": [{"部分": p.key, "标题": p.heading, "引领段": list(p.intros), "要点": [item(i) for i in p.items]}
                   for p in plan.parts]}
    domains = " ".join(f"{k} {v}" for k, v in DOMAINS.items())
    return _HEADER.format(domains=domains) + yaml.safe_dump(body, allow_unicode=True, sort_keys=False, width=1000)


class _Reader:
    def __init__(self, path: Path, data: SpeechData, bank: Bank):
        self.path = path
        self.data = data
        self.bank = bank
        self.names = {
            "metrics": {m.name for m in data.metrics},
            **{kind: {x.text for x in getattr(data, kind)} for kind in ("achievements", "problems", "priorities")},
            "places": {p.name for p in data.places},
        }

    def fail(self, where: str, what: str) -> UserError:
        return UserError(f"{what}", file=str(self.path), field=where)

    def keys(self, raw, allowed: set[str], where: str) -> dict:
        if not isinstance(raw, dict):
            raise self.fail(where, "应是“键: 值”的格式；请对照 speechdraft outline 生成的提纲修改")
        unknown = sorted(set(map(str, raw)) - allowed)
        if unknown:
            raise self.fail(where, f"没有“{unknown[0]}”这一项；可用的有：{'、'.join(sorted(allowed))}")
        return raw

    def text(self, raw, where: str, *, optional: bool = False) -> str | None:
        if raw is None and optional:
            return None
        if not isinstance(raw, str) or not raw.strip():
            raise self.fail(where, "应是一段文字，不能为空")
        return raw.strip()

    def point(self, raw, where: str) -> str | None:
        point_id = self.text(raw, where, optional=True)
        if point_id is not None and self.bank.get(point_id) is None:
            raise self.fail(where, f"素材库中没有编号为 {point_id} 的要点；请删去这一行，"
                                   "或换成素材库中的编号（用 --phrasebank 追加的素材库，起草时也要给出）")
        return point_id

    def ref(self, raw, where: str) -> Ref:
        text = self.text(raw, where)
        kind, sep, name = text.partition("：")
        if not sep or kind not in REF_KINDS:
            raise self.fail(where, f"“{text}”应写成“类别：名称”，类别为{'、'.join(REF_KINDS)}之一，例如“指标：森林覆盖率”")
        field = REF_KINDS[kind]
        if name not in self.names[field]:
            raise self.fail(where, f"数据文件中没有“{name}”（{kind}）；数据文件改过了吗？请删去这一项，"
                                   "或按新的数据重新生成提纲：speechdraft outline 数据文件 -o 提纲.yaml")
        if kind == "目标" and next(m for m in self.data.metrics if m.name == name).goal is None:
            raise self.fail(where, f"指标“{name}”在数据文件中没有 goal（今年目标）；请删去这一项，或在数据文件中补上 goal")
        return Ref(kind, name)

    def item(self, raw, where: str) -> Item:
        raw = self.keys(raw, _ITEM_KEYS, where)
        section = raw.get("类别")
        if section not in _SECTIONS:
            raise self.fail(f"{where}.类别", f"应为{'、'.join(_SECTIONS)}之一")
        domain = raw.get("领域", GENERAL)
        if domain not in (*DOMAINS, GENERAL):
            raise self.fail(f"{where}.领域", f"“{domain}”不是领域；应为{'、'.join((*DOMAINS, GENERAL))}之一")
        data = raw.get("数据") or []
        if not isinstance(data, list):
            raise self.fail(f"{where}.数据", "应是一个列表，如 [指标：森林覆盖率, 成绩：完成营造林3.2万亩]")
        return Item(section=_SECTIONS[section], domain=domain, lead=self.text(raw.get("领起句"), f"{where}.领起句"),
                    point=self.point(raw.get("素材"), f"{where}.素材"), topic=raw.get("话题"),
                    data=[self.ref(r, f"{where}.数据.第{n}项") for n, r in enumerate(data, 1)],
                    short=bool(raw.get("简短")), bare=bool(raw.get("只写数据")), series=raw.get("排比"),
                    group=self.text(raw.get("小标题"), f"{where}.小标题", optional=True))

    def plan(self, raw) -> Plan:
        raw = self.keys(raw, _PLAN_KEYS, "提纲")
        genre = raw.get("体裁")
        if genre != self.data.genre:
            raise self.fail("体裁", f"提纲是按“{genre}”体裁生成的，数据文件的体裁是“{self.data.genre}”；"
                                  "请用同一体裁重新生成提纲：speechdraft outline 数据文件 -o 提纲.yaml")
        parts = raw.get("部分")
        if not isinstance(parts, list) or not parts:
            raise self.fail("部分", "提纲至少要有一个部分")
        plan = Plan(genre=genre, seed=int(raw.get("随机种子") or self.data.seed),
                    title=self.text(raw.get("标题"), "标题"),
                    opening=self.point(raw.get("开场"), "开场"), transition=self.point(raw.get("过渡"), "过渡"),
                    closing=self.point(raw.get("结尾"), "结尾"))
        for n, part in enumerate(parts, 1):
            where = f"部分.第{n}部分"
            part = self.keys(part, _PART_KEYS, where)
            items = part.get("要点") or []
            if not isinstance(items, list):
                raise self.fail(f"{where}.要点", "应是一个列表")
            intros = part.get("引领段") or []
            plan.parts.append(Part(
                key=str(part.get("部分") or n), heading=self.text(part.get("标题"), f"{where}.标题", optional=True),
                intros=[self.point(p, f"{where}.引领段") for p in intros],
                items=[self.item(i, f"{where}.要点.第{k}条") for k, i in enumerate(items, 1)]))
        return plan


def load(path: Path, data: SpeechData, bank: Bank) -> Plan:
    return _Reader(path, data, bank).plan(load_yaml(path, kind=OUTLINE, empty="提纲文件是空的；请用 speechdraft outline 数据文件 -o 提纲.yaml 生成"))


def missing(plan: Plan, data: SpeechData) -> list[str]:
    """What of the data the plan leaves out: the writer may have deleted it on purpose, or the
    data grew after the plan was made."""
    given = {(REF_KINDS[r.kind], r.name) for i in plan.items() for r in i.data}
    out = [f"指标“{m.name}”" for m in data.metrics if ("metrics", m.name) not in given]
    for kind, label in (("achievements", "成绩"), ("problems", "问题"), ("priorities", "重点")):
        out += [f"{label}“{x.text}”" for x in getattr(data, kind) if (kind, x.text) not in given]
    return out
