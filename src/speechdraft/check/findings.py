"""What the proofreader reports: one Finding per spot."""
from __future__ import annotations

from dataclasses import dataclass, field

ERROR = "错误"
HINT = "提示"
SEVERITIES = (ERROR, HINT)

# rule id -> Chinese rule name
RULE_NAMES: dict[str, str] = {
    "formulation": "规范表述",
    "typo": "错别字",
    "outdated": "过时表述",
    "custom": "本单位词表",
    "placeholder": "占位符未替换",
    "numbering": "编号不连续",
    "halfwidth-punct": "半角标点",
    "unbalanced": "引号括号不配对",
    "quote-dunhao": "引号间顿号",
    "duplicate": "句子重复",
    "level": "层级用语不符",
    "region": "自治区用语",
    "rate-over": "比率超过100%",
    "double-punct": "标点重复或连用",
    "ascii-quote": "半角引号",
    "percent-point": "百分点误用%",
}


@dataclass(frozen=True)
class Edit:
    """Replace paragraph text[start:end] by new."""

    start: int
    end: int
    new: str


@dataclass(frozen=True)
class Finding:
    paragraph: int  # 1-based, among the non-empty paragraphs
    span: tuple[int, int]  # offsets in the paragraph text
    rule: str  # rule id, see RULE_NAMES
    severity: str  # 错误 | 提示
    message: str
    excerpt: str  # 「…context【spot】context…」
    suggestion: str | None = None
    fixable: bool = False
    edits: tuple[Edit, ...] = field(default=(), compare=False)
    line: int | None = field(default=None, compare=False)  # line in a .txt/.md file

    @property
    def rule_name(self) -> str:
        return RULE_NAMES.get(self.rule, self.rule)

    def to_dict(self) -> dict:
        d = {
            "paragraph": self.paragraph,
            "excerpt": self.excerpt,
            "rule": self.rule,
            "rule_name": self.rule_name,
            "severity": self.severity,
            "message": self.message,
            "suggestion": self.suggestion,
            "fixable": self.fixable,
            "span": list(self.span),
        }
        if self.line is not None:
            d["line"] = self.line
        return d


def describe(f: Finding) -> str:
    """One line for a finding, as `speechdraft check` prints it (for callers such as draft)."""
    where = f"第 {f.paragraph} 段" + (f"（第 {f.line} 行）" if f.line is not None else "")
    line = f"{f.severity}：{where}〔{f.rule_name}〕{f.excerpt} {f.message}"
    if f.suggestion and f.suggestion not in f.message:
        line += f" 建议：{f.suggestion}"
    return line


def excerpt(text: str, start: int, end: int, width: int = 12) -> str:
    """「…context【spot】context…」 with up to `width` characters either side."""
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    a = max(0, start - width)
    b = min(len(text), end + width)
    before = text[a:start].lstrip() if a == 0 else text[a:start]
    after = text[end:b]
    spot = text[start:end]
    if len(spot) > 40:
        spot = spot[:18] + "……" + spot[-18:]
    s = ("…" if a > 0 else "") + before + "【" + spot + "】" + after + ("…" if b < len(text) else "")
    s = s.replace("\n", " ").replace("\t", " ")
    return f"「{s}」"


def make(paragraphs: list[str], index: int, start: int, end: int, rule: str, severity: str,
         message: str, suggestion: str | None = None, edits: tuple[Edit, ...] = ()) -> Finding:
    """A finding in paragraphs[index] (0-based index)."""
    text = paragraphs[index]
    return Finding(
        paragraph=index + 1,
        span=(start, end),
        rule=rule,
        severity=severity,
        message=message,
        excerpt=excerpt(text, start, end),
        suggestion=suggestion,
        fixable=bool(edits),
        edits=edits,
    )
