"""Label each unit with its section and domain, each with a confidence from 0 to 1; guess the
genre of the speech it came from.

Sections are scored from three things: where the unit stands (before the first part,
after the last item, a paragraph standing alone after a part's items), the heading of its
part, and cue words in its own lead and body. Scores go through a softmax; the confidence is
the winner's share. Domains are scored from cue words alone (lead counts three times).

The weights were tuned on corpus speeches 000, 002 and 003 only; 001 and 004 are held out
for measuring (tests/fixtures/labels, tests/test_extract_accuracy.py).
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from speechdraft.extract.split import Unit
from speechdraft.phrasebank import SECTIONS


def _re(*words: str) -> re.Pattern[str]:
    return re.compile("|".join(words))


# Cue words in a part's heading.
HEADING = {
    "significance": _re("站位", "认识", "意义", "思想", "理论", "两个维护", "领会", "把握"),
    "achievements": _re("成绩", "成效", "总结", "回顾", "进展", "变化", "做法", "工作情况", "取得"),
    "gaps": _re("差距", "不足", "短板", "存在的?问题", "挑战"),
    "tasks": _re("任务", "重点", "聚焦", "攻坚", "治污", "打好", "举措", "转型", "提升", "统筹", "推进", "引领",
                 "抓手", "核心", "载体", "整改"),
    "safeguards": _re("组织领导", "保障", "担当", "落到实处", "落实", "机制", "体系", "责任", "作风", "考核", "合力"),
}

# Cue words in a unit's own text.
OWN = {
    "opening": _re("今天，我们召开", "这次会议", "本次会议", "召开.{0,20}(?:会议|推进会|座谈会|学习)", "主要任务是", "目的是",
                   "下面，我(?:再)?讲", "(?:几|三|两|四|五|\\d)(?:个方面|点)(?:意见|认识|体会)", "交流几点", "有幸参加",
                   "根据会议安排", "汇报如下", "现将.{0,30}汇报", "结合.{0,20}(?:学习|工作实际)"),
    "significance": _re("重大意义", "重要意义", "深刻认识", "政治站位", "科学指南", "根本遵循", "行动纲领", "两个维护",
                        "千年大计", "根本大计", "中国式现代化", "重要论述", "重要指示", "深刻领悟", "深刻把握", "深刻理解",
                        "必然要求", "本质要求", "生动实践", "宝贵财富", "永续发展", "坚定信仰者", "实践证明", "全局之重",
                        "方向引领", "敬畏之心"),
    "achievements": _re("取得", "成效", "成绩", "成果", "明显(?:增强|改善|提升|提高)", "显著", "持续改善", "不断提高", "同比",
                        "首次", "逐步(?:建立|显现)", "先后(?:出台|实施)", "得到(?:有效)?解决", "增强了", "完善了", "改善了",
                        "提高了", "奠定了", "已(?:经)?(?:完成|建成)", "累计", "实现了", "保持稳定", "大幅(?:提升|下降)",
                        "近年来", "一大批", "变化"),
    "gaps": _re("差距", "不足", "依然存在", "仍然存在", "还比较", "还没有", "尚未", "不能适应", "远远不能", "较低", "缓慢",
                "比较突出", "亟待解决", "薄弱", "滞后", "清醒地?认识到", "不容乐观", "矛盾依然", "还未形成"),
    "tasks": _re("深入打好", "保卫战", "攻坚战", "治理", "整治", "加快(?:推进|发展|建设)", "大力(?:发展|推进|推动)",
                 "产业", "绿色发展", "要(?:坚持|加快|推进|深入|持续|大力|全面|统筹)"),
    "safeguards": _re("组织领导", "加强领导", "责任(?:体系|落实|制|清单|追究|单位|人)", "担当", "合力", "保障", "资金",
                      "融资", "考核", "考评", "督查", "问责", "追责", "长效机制", "执法", "监督", "一把手", "党政同责",
                      "一岗双责", "齐抓共管", "落实到位", "落到实处", "纪检", "审计", "队伍", "作风", "制度体系",
                      "社会资本", "各司其职", "机制"),
    "closing": _re("^同志们[，！]", "发言完毕", "谢谢大家", "以上汇报", "汇报完毕", "功在当代", "利在千秋",
                   "紧密(?:地)?团结", "让我们", "奋力谱写", "更大贡献", "不妥之处", "批评指正"),
    "transition": _re("^上述问题", "^总之", "^为此", "作为.{0,20}(?:自己|我)将", "^下一步", "既有.{0,20}也有", "^当前，",
                      "^接下来", "基于历史"),
}
# A paragraph that opens with these words links what was said to what follows.
TRANSITION_START = re.compile(r"上述问题|总之|为此|综上|下一步|接下来|基于此")
FIGURE = re.compile(r"\d+(?:\.\d+)?\s*[%％]|\d+(?:\.\d+)?(?:个百分点|微克|万|亿|家|个|项|件|次)|[*×]+\s*[%％]")

DOMAINS_CUES = {
    "air": _re("大气", "空气", "蓝天", "扬尘", "臭氧", "颗粒物", "PM2\\.5", "PM10", "油烟", "燃煤", "散煤", "锅炉",
               "柴油货车", "机动车", "尾气", "重污染天气", "挥发性有机物", "秸秆(?:焚烧|禁烧)", "烟花爆竹", "脱硫",
               "清洁取暖", "煤尘"),
    "water": _re("水污染", "水环境", "水质", "水体", "碧水", "河湖", "河长", "湖长", "流域", "黑臭", "污水", "饮用水",
                 "水源", "排污口", "断面", "地表水", "水生态", "截污", "清水", "水资源"),
    "soil": _re("土壤", "净土", "农用地", "建设用地", "固体废(?:物|弃物)", "固废", "危险废物", "尾矿", "重金属", "黑土地",
                "耕地", "农膜", "清废"),
    "ecology": _re("生态修复", "生态保护(?!监管)", "国土空间", "红线", "绿化", "造林", "植树", "森林", "林长", "湿地",
                   "生物多样性", "自然保护", "保护地", "水土流失", "矿山", "退耕还林", "山水林田湖草", "天然林", "草原",
                   "生态空间", "主体功能区", "增绿", "公益林"),
    "carbon": _re("碳达峰", "碳中和", "双碳", "低碳", "减污降碳", "碳排放", "碳汇", "能源结构", "清洁能源", "节能", "能耗",
                  "新能源", "光伏", "风电", "高耗能"),
    "industry": _re("产业", "绿色发展", "循环经济", "生态经济", "工业", "农业", "旅游", "企业", "园区", "产能", "转型升级",
                    "经济(?:结构|发展)", "招商", "品牌", "项目"),
    "inspection": _re("督察", "整改", "反馈问题", "回头看", "信访", "交办", "销号", "清零", "查缺补漏"),
    "rural": _re("农村", "乡村", "厕所", "改厕", "人居环境", "畜禽", "面源污染", "村庄", "垃圾(?:收运|分类|处理)"),
    "urban": _re("城市", "城镇", "城区", "城乡", "基础设施", "公园", "绿地", "老城区", "供热", "管网"),
    "culture": _re("生态文化", "宣传", "教育", "理念", "意识", "素养", "全民", "公众参与", "绿色生活", "生活方式", "风尚",
                   "氛围", "共识", "科普", "创建活动"),
    "governance": _re("责任", "考核", "考评", "机制", "制度", "执法", "监管", "监督", "问责", "追责", "党政同责", "一岗双责",
                      "督查", "审计", "资金", "融资", "体制", "法规", "司法", "纪检", "一把手", "领导干部"),
}

# Weights (tuned on 000, 002, 003).
W_HEADING = 1.2  # per heading cue, at most two
W_INTRO_HEADING = 0.8  # extra for the intro of a part: it speaks for the heading
W_LEAD = 1.0  # per cue in the lead sentence, at most two
W_BODY = 0.45  # per cue in the body, at most four
W_FIGURES = 0.35  # per figure, at most four (achievements)
W_PART = 1.0  # the part's own overall leaning, for items and intros in it
W_STANDALONE_OWN = 1.6  # a paragraph standing alone weighs its own words more
W_TRANSITION_START = 2.0
TEMPERATURE = 1.0

_DOMAIN_GENERAL_SECTIONS = ("opening", "closing", "transition", "significance", "gaps")


@dataclass(frozen=True)
class Label:
    section: str
    section_confidence: float
    domain: str
    domain_confidence: float


def _hits(pattern: re.Pattern[str], text: str) -> int:
    return len(pattern.findall(text))


def _split_hits(pattern: re.Pattern[str], text: str, lead_end: int, pos: int = 0) -> tuple[int, int]:
    """Cue hits in text[pos:lead_end] and in text[lead_end:] (the lead ends a sentence, so no
    cue word spans the two)."""
    return len(pattern.findall(text, pos, lead_end)), len(pattern.findall(text, max(pos, lead_end)))


def _unanchored(pattern: re.Pattern[str]) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """A cue table entry split into its ^-anchored words and the rest. A ^ anywhere in an
    alternation makes the regex engine try every word at every place; apart, the rest is
    scanned fast and the anchored words are tried once, at the start."""
    words = _alternatives(pattern.pattern)
    anchored = [w for w in words if w.startswith("^")]
    rest = [w for w in words if not w.startswith("^")]
    return (re.compile("|".join(anchored)) if anchored else None), (re.compile("|".join(rest)) if rest else None)


def _alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a pattern (| inside groups or classes left alone)."""
    words, depth, start, i = [], 0, 0, 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 1
        elif c in "([":
            depth += 1
        elif c in ")]":
            depth -= 1
        elif c == "|" and depth == 0:
            words.append(pattern[start:i])
            start = i + 1
        i += 1
    return words + [pattern[start:]]


_OWN_SPLIT = {sec: _unanchored(pat) for sec, pat in OWN.items()}


def _own_hits(sec: str, text: str, lead_end: int) -> tuple[int, int]:
    anchored, rest = _OWN_SPLIT[sec]
    start = 0
    in_lead = in_body = 0
    if anchored and (m := anchored.match(text)):
        start = m.end()
        in_lead = 1 if m.start() < lead_end else 0
        in_body = 1 - in_lead
    if rest:
        a, b = _split_hits(rest, text, lead_end, start)
        in_lead, in_body = in_lead + a, in_body + b
    return in_lead, in_body


def _own_scores(unit: Unit) -> dict[str, float]:
    s = dict.fromkeys(SECTIONS, 0.0)
    for sec in OWN:
        in_lead, in_body = _own_hits(sec, unit.text, len(unit.lead))
        s[sec] += W_LEAD * min(in_lead, 2) + W_BODY * min(in_body, 4)
    s["achievements"] += W_FIGURES * min(len(FIGURE.findall(unit.text)), 4)
    if TRANSITION_START.match(unit.lead):
        s["transition"] += W_TRANSITION_START
    if re.search(r"补齐|补短板|短板弱项", unit.text):
        s["gaps"] -= W_LEAD
    return s


@lru_cache(maxsize=256)
def _heading_scores(heading: str) -> dict[str, float]:
    s = dict.fromkeys(SECTIONS, 0.0)
    for sec, pat in HEADING.items():
        s[sec] += W_HEADING * min(_hits(pat, heading), 2)
    return s


def _softmax(scores: dict[str, float]) -> dict[str, float]:
    top = max(scores.values())
    exp = {k: math.exp((v - top) / TEMPERATURE) for k, v in scores.items()}
    total = sum(exp.values())
    return {k: v / total for k, v in exp.items()}


def label_units(units: list[Unit]) -> list[Label]:
    """Labels for all units of one speech (a unit's part matters, so they go together)."""
    own = [_own_scores(u) for u in units]
    # a part's leaning: its heading and the sum of its units' own words, as shares
    leaning: dict[int, dict[str, float]] = {}
    for part in {u.part for u in units}:
        members = [own[k] for k, u in enumerate(units) if u.part == part and u.region == "body"]
        total = dict.fromkeys(SECTIONS, 0.0)
        for m in members:
            for k, v in m.items():
                total[k] += max(v, 0)
        heading = next((u.heading for u in units if u.part == part), "")
        for k, v in _heading_scores(heading).items():
            total[k] += 3 * v
        for k in ("opening", "closing", "transition"):
            total[k] = 0.0
        norm = sum(total.values()) or 1.0
        leaning[part] = {k: v / norm for k, v in total.items()}

    labels = []
    first_front = next((k for k, u in enumerate(units) if u.region == "front"), None)
    for k, unit in enumerate(units):
        s = dict.fromkeys(SECTIONS, 0.0)
        weight_own = W_STANDALONE_OWN if unit.standalone else 1.0
        for sec, v in own[k].items():
            s[sec] += weight_own * v
        if unit.region == "front":
            s["opening"] += 3.0 if k == first_front else 1.0
            s["significance"] += 0.5
        elif unit.region == "tail":
            s["closing"] += 2.0
            s["transition"] += 0.5
        else:
            s["opening"] -= 2.0
            s["closing"] -= 1.0 if unit.kind == "item" else 0.0
            heading = _heading_scores(unit.heading)
            for sec, v in heading.items():
                s[sec] += v + (W_INTRO_HEADING * v if unit.kind == "intro" and not unit.standalone else 0)
            lean = leaning.get(unit.part, {})
            for sec, v in lean.items():
                s[sec] += W_PART * 3 * v * (0.5 if unit.standalone else 1.0)
            if unit.kind == "item":
                s["tasks"] += 0.8
                s["transition"] -= 2.0
            if unit.standalone:
                s["transition"] += 0.6
        p = _softmax(s)
        section = max(p, key=p.get)
        domain, dconf = label_domain(unit.text, unit.lead, section)
        labels.append(Label(section, round(p[section], 2), domain, dconf))
    return labels


def label_domain(text: str, lead: str = "", section: str = "tasks") -> tuple[str, float]:
    """`lead` is the start of `text`."""
    scores = {}
    for d, p in DOMAINS_CUES.items():
        in_lead, in_rest = _split_hits(p, text, len(lead))
        scores[d] = 4 * in_lead + in_rest  # the lead counts three times over
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    (best, top), (_, second) = ranked[0], ranked[1]
    threshold = 8 if section in _DOMAIN_GENERAL_SECTIONS else 3
    if top < threshold or top < 1.3 * second:
        share = top / (top + second + 1)
        return "general", round(max(1 - share, 0.3), 2)
    return best, round(top / (top + second + 1), 2)


# -- genres ---------------------------------------------------------------

# Which genres a point from a speech of one genre suits. Body sections travel within the
# family: a leader's 讲话 (conference, lecture) says 一要…/要…; a 发言 (study, training,
# report) says 我们将…/我将…. Openings and closings are bound to their occasion and keep
# the source genre only.
FAMILIES = {
    "conference": ("conference", "lecture"),
    "lecture": ("conference", "lecture"),
    "study": ("study", "training", "report"),
    "training": ("study", "training", "report"),
    "report": ("study", "training", "report"),
}
BOUND = ("opening", "closing")


def guess_genre(title: str | None, salutation: str | None) -> str | None:
    """The source speech's genre, from its title and salutation; None if they don't say.

    研讨/交流发言 at a 中心组 → study; 汇报 or 尊敬的各位领导 → report; 培训(班) → training;
    a 讲话 at a 中心组/学习 → lecture; any other 讲话 (会议, 推进会 …) → conference;
    another 发言 → study.
    """
    title = title or ""
    if re.search(r"汇报", title) or (salutation and "尊敬" in salutation and "讲话" not in title):
        return "report"
    if re.search(r"培训", title):
        return "training"
    if re.search(r"研讨|交流发言|心得|体会", title):
        return "study"
    if re.search(r"讲话|致辞|讲稿", title):
        return "lecture" if re.search(r"中心组|理论学习|学习会", title) else "conference"
    if re.search(r"发言", title):
        return "study"
    if salutation and "同志们" in salutation:
        return "conference"
    return None


def genres_for(source_genre: str | None, section: str) -> tuple[str, ...]:
    if source_genre is None:
        return ("conference", "lecture", "study", "report", "training")
    if section in BOUND:
        return (source_genre,)
    return FAMILIES[source_genre]
