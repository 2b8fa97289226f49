"""Turn a point's text into bank text: level words into slots, anonymised names and figures
into the ×× placeholder the writer fills in.

Level words are slotted only for the speech's own level (the one its 全县/我县/县委 … name
most often): in a district's speech 全市 is the city above it, and 县级城市 in a city's
speech names its counties, so both stay as written. Never touched: 乡镇, 县级以上,
县（市、区） and the like, and anything inside 《…》 (titles of laws and documents).

Figures: the phrase bank holds no numbers of its own (phrasebank/README.md) — every figure
in a draft comes from the writer's data. So 93.5% becomes ××%, 第*轮 becomes 第××轮, and an
anonymised item in a list (农用地、建设用地、*、*、尾*等) is dropped from it. Kept: years in
sentences about the Party Centre and national milestones (2035年, 2018年5月，党中央…),
PM2.5 and other names with letters, and small counts that only number the speech's own
parts (下面，我讲5个方面的意见 → 五个方面).
"""
from __future__ import annotations

import re
from collections import Counter

LEVELS = ("县", "市", "区", "镇")
PLACEHOLDER = "××"

_PROTECTED = re.compile(r"《[^《》]*》|县[（(]市、区[）)]|市[（(]州[）)]|[县市区]级以上|县级城市|乡镇")
_OWN = {level: re.compile(rf"(?:全|我|本){level}(?![场域])|{level}委、{level}政府|{level}委{level}政府")
        for level in LEVELS}


def own_level(text: str, title: str | None = None) -> str | None:
    """The level the speaker speaks for: the one its 全X/我X/X委、X政府 name most often."""
    counts = Counter({level: len(p.findall(text)) + 2 * len(p.findall(title or "")) for level, p in _OWN.items()})
    if not counts or counts.most_common(1)[0][1] == 0:
        for level in LEVELS:  # 示范县, 县委 in a title
            if title and re.search(rf"示范{level}|{level}委|{level}政府", title):
                return level
        return None
    return counts.most_common(1)[0][0]


def _rules(level: str) -> list[tuple[str, str]]:
    L = level
    party = "镇党委" if L == "镇" else f"{L}委"
    # Each rule starts with a literal character (a lookbehind comes after it), so the regex
    # engine can skip quickly to the places that may match.
    rules = [
        (rf"{party}、{L}政府|{party}{L}政府", "{党委政府}"),
        (rf"{party}(?!员)", "{党委}"),
        (rf"{L}(?<![城都省]{L})政府", "{政府}"),
        (rf"全{L}(?![场域])", "全{县}"),
        (rf"我(?<!自我){L}", "我{县}"),
        (rf"本{L}(?![地人])", "本{县}"),
        (rf"示范{L}", "示范{县}"),
        (rf"{L}(?<![乡省]{L})级(?!以上|城市)", "{县}级"),
        (rf"{L}(?<![乡省城都]{L})(?P<organ>纪委|人大|政协|直各部门|直部门|直各单位|生态环境局)", "{县}"),
    ]
    if L != "区":  # 区域 is "region", not "the district's area"
        rules.append((rf"{L}(?<![乡省城都]{L})域", "{县}域"))
    return rules


class _Slotter:
    """All of a level's rules in one pattern, tried in order at each place: one pass per text."""

    def __init__(self, level: str):
        rules = _rules(level)
        self.replacement = {f"r{k}": repl for k, (_, repl) in enumerate(rules)}
        self.pattern = re.compile("|".join(f"(?P<r{k}>{p})" for k, (p, _) in enumerate(rules)))

    def __call__(self, text: str) -> str:
        return self.pattern.sub(self._repl, text)

    def _repl(self, m: re.Match[str]) -> str:
        return self.replacement[m.lastgroup] + (m.group("organ") or "")


_SLOTTERS = {level: _Slotter(level) for level in LEVELS}


def slot_levels(text: str, level: str | None) -> str:
    if not level or level not in text:
        return text
    out, pos = [], 0
    slot = _SLOTTERS[level]
    for m in _PROTECTED.finditer(text):
        out.append(slot(text[pos:m.start()]))
        out.append(m.group(0))
        pos = m.end()
    out.append(slot(text[pos:]))
    return "".join(out)


# -- anonymised names and figures -------------------------------------------------

ANON = r"[*＊×Ｘ]+"
# an anonymised item of a 、 list, with at most one character of its own: 、*  、尾*  、××镇
_ANON_LIST_ITEM = re.compile(rf"、[\u4e00-\u9fff]?{ANON}[\u4e00-\u9fff]?(?=[、等，。；])")
_DIGITS_BEFORE_ANON = re.compile(rf"\d+(?={ANON})")  # 202×年 → ××年
_ANON_RUN = re.compile(rf"{ANON}\d*")
_NUMBER = re.compile(r"(?<![A-Za-z0-9.])\d+(?:[.,]\d+)*(?![A-Za-z0-9])")
_DATE = re.compile(r"(?<![A-Za-z0-9])(?:19|20)\d{2}年(?:\d{1,2}月(?:\d{1,2}日)?)?")
_NATIONAL = re.compile(r"党中央|中共中央|国务院|总书记|全国生态环境保护大会|二十大|十八大|十九大|二〇三五|美丽中国|碳达峰|碳中和")
_MILESTONE = re.compile(r"(?:2030|2035|2050|2060)年")
_COUNT = re.compile(r"(?<![\d.])([1-9])(?=个方面|点意见|点认识|点体会|点建议|种模式)")
_CN_DIGIT = "〇一二三四五六七八九"
_DIGIT = re.compile(r"\d")
_SENTENCE = re.compile(r"[^。！？；]*[。！？；]?")
_ANON_CHAR = re.compile(ANON)


def placeholders(text: str) -> str:
    """Anonymised names and figures → ××, keeping national years and names like PM2.5."""
    if _ANON_CHAR.search(text):
        text = _ANON_LIST_ITEM.sub("", text)
        text = _DIGITS_BEFORE_ANON.sub("", text)
        text = _ANON_RUN.sub(PLACEHOLDER, text)
    if not _DIGIT.search(text):
        return text
    text = _COUNT.sub(lambda m: _CN_DIGIT[int(m.group(1))], text)
    return "".join(_figures(s) if _DIGIT.search(s) else s for s in _SENTENCE.findall(text))


def _figures(sentence: str) -> str:
    keep: list[tuple[int, int]] = []
    national = bool(_NATIONAL.search(sentence))
    for m in _DATE.finditer(sentence):
        if national or _MILESTONE.match(m.group(0)):
            keep.append(m.span())
    out, pos = [], 0
    for m in _NUMBER.finditer(sentence):
        if any(a <= m.start() < b for a, b in keep):
            continue
        out.append(sentence[pos:m.start()])
        out.append(PLACEHOLDER)
        pos = m.end()
    out.append(sentence[pos:])
    return re.sub(f"(?:{PLACEHOLDER})+", PLACEHOLDER, "".join(out))


def to_bank_text(text: str, level: str | None) -> str:
    return slot_levels(placeholders(text), level)
