"""Word lists for the proofreader: official formulations, typos, outdated formulations.

The lists are YAML package data (speechdraft/data/*.yaml), one entry per wrong form, each
with its source. A unit adds its own with `speechdraft check --words FILE.yaml`; the file
uses the same entry format (see the Chinese comment at the top of each data file).

    >>> lists = load_wordlists()
    >>> [e.right for e in lists.entries if e.wrong == "一岗双贵"]
    ['一岗双责']
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from speechdraft.datafile import load_yaml
from speechdraft.regexsafety import blowup
from speechdraft.errors import UserError
from speechdraft.fielderrors import Spec, explain
from speechdraft.inputs import WORDS

Rule = Literal["fix", "warn", "quote"]
Kind = Literal["formulation", "typo", "outdated", "custom"]

# built-in files and the kind of entry each holds
BUILTIN_FILES: dict[str, Kind] = {
    "formulations.yaml": "formulation",
    "typos.yaml": "typo",
    "outdated.yaml": "outdated",
}

# what a built-in entry's origin starts with (its own entries are cited through data/citations.yaml)
BUILTIN_ORIGIN = "speechdraft/data/"

KIND_NAMES: dict[str, str] = {
    "formulation": "规范表述",
    "typo": "错别字",
    "outdated": "过时表述",
    "custom": "本单位词表",
}

_ENTRY = "- {wrong: 布署, right: 部署, rule: fix, source: 本单位审校意见}"
# Every field of an entry, with the line a message shows as the right way to write it.
FIELDS: dict[str, Spec] = {
    "wrong": Spec("错误写法", "wrong: 布署"),
    "right": Spec("正确写法", "right: 部署"),
    "rule": Spec("处理方式", "rule: fix"),
    "note": Spec("说明", "note: 2018年机构改革后更名"),
    "source": Spec("出处", "source: 本单位审校意见"),
    "regex": Spec("正则", "regex: 布署|部暑"),
    "not_before": Spec("后接不算错的字", "not_before: [门]"),
    "not_after": Spec("前接不算错的字", "not_after: [原]"),
    "kind": Spec("词表类别", "kind: custom"),
    "since": Spec("过时起始年份", "since: 2019"),
}
LIST_ADVICE = f"词表应为条目列表，每条含 wrong、right、rule、source，例如 {_ENTRY}"
# What a suggestion, a fixed copy or a citation can hold: no control character, not even a line break.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


class Entry(BaseModel):
    """One wrong form and its right form."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    wrong: str = Field(min_length=1)
    right: str
    rule: Rule
    note: str = ""
    source: str = Field(min_length=1)
    regex: str | None = None
    not_before: tuple[str, ...] = ()
    not_after: tuple[str, ...] = ()
    kind: Kind = "custom"
    since: int | None = Field(default=None, ge=1949, le=2100)  # first year the wrong form is out of use
    origin: str = ""  # file the entry came from (filled in by the loader)

    @field_validator("wrong", "right", "source", "note", mode="before")
    @classmethod
    def _text(cls, v):
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            return str(v)
        return v

    @field_validator("not_before", "not_after", mode="before")
    @classmethod
    def _listify(cls, v):
        if isinstance(v, str):
            return (v,)
        return v

    @field_validator("right", "note", "source")
    @classmethod
    def _printable(cls, v):
        if bad := _CONTROL.search(v):
            raise ValueError(f"control:{ord(bad.group()):04X}")
        return v

    @field_validator("regex")
    @classmethod
    def _compiles(cls, v):
        if v is None:
            return v
        try:
            re.compile(v)
        except re.error as e:
            raise ValueError(f"bad_regex:{e.pos}") from None
        if why := blowup(v):
            raise ValueError(f"slow_regex:{why}")
        return v

    @model_validator(mode="after")
    def _sane(self):
        if self.regex is None and self.wrong == self.right:
            raise ValueError("same")
        if any(not s for s in self.not_before + self.not_after):
            raise ValueError("empty_context")
        # A plain word always compiles; only a regex or a context condition can fail, and
        # compiling hundreds of plain words here would cost every start-up.
        if self.regex is not None or self.not_before or self.not_after:
            try:
                self.pattern
            except re.error as e:
                raise ValueError(f"bad_regex:{e.pos}") from None
        if self.regex is not None:
            try:
                text = _empty_match(self.pattern).expand(self.right)
            except (re.error, IndexError):
                raise ValueError(f"bad_right:{_bad_reference(self.right, self.pattern)}") from None
            if bad := _CONTROL.search(text):
                raise ValueError(f"control_escape:{ord(bad.group()):04X}")
        return self

    @property
    def pattern(self) -> re.Pattern[str]:
        return _compile(self.regex, self.wrong, self.not_before, self.not_after)

    @property
    def replacement(self) -> str:
        """`right` as an re.sub template (literal unless the entry has a regex)."""
        return self.right if self.regex else self.right.replace("\\", "\\\\")

    def suggest(self, m: re.Match[str]) -> str:
        """The right text for one match."""
        # A regex entry's `right` was expanded against its groups when the list loaded.
        return m.expand(self.right) if self.regex else self.right

    @property
    def kind_name(self) -> str:
        return KIND_NAMES[self.kind]


def _empty_match(pattern: re.Pattern[str]) -> re.Match[str]:
    """A match with the groups of `pattern`, each empty: expanding `right` against it checks every
    \\1 and \\g<name>, and shows the text that `right` itself adds."""
    names = {i: name for name, i in pattern.groupindex.items()}
    groups = "".join(f"(?P<{names[i]}>)" if i in names else "()" for i in range(1, pattern.groups + 1))
    return re.match(groups, "")


def _bad_reference(right: str, pattern: re.Pattern[str]) -> str:
    """The first \\N or \\g<…> in `right` that names no group of `pattern` ("" if the fault is another)."""
    for m in re.finditer(r"\\(?:g<([^>]*)>|([1-9][0-9]?))", right):
        name = m.group(1) if m.group(1) is not None else m.group(2)
        if name.isdigit() and int(name) > pattern.groups or not name.isdigit() and name not in pattern.groupindex:
            return m.group(0)
    return ""


@lru_cache(maxsize=4096)
def _compile(regex: str | None, wrong: str, not_before: tuple[str, ...], not_after: tuple[str, ...]):
    core = regex if regex is not None else re.escape(wrong)
    behind = "".join(f"(?<!{re.escape(s)})" for s in not_after)
    ahead = f"(?!{'|'.join(re.escape(s) for s in not_before)})" if not_before else ""
    return re.compile(f"{behind}(?:{core}){ahead}")


class WordLists(BaseModel):
    """All entries, built-in first, then the user's files in the order given."""

    model_config = ConfigDict(frozen=True)

    entries: tuple[Entry, ...]

    def of_kind(self, kind: str) -> list[Entry]:
        return [e for e in self.entries if e.kind == kind]

    def __iter__(self) -> Iterator[Entry]:  # type: ignore[override]
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)


def _describe(item) -> str:
    if isinstance(item, dict) and item.get("wrong"):
        return f"“{item['wrong']}”"
    return ""


def _parse(data, *, origin: str, kind: Kind | None, user: bool) -> list[Entry]:
    if data is None:
        return []
    if isinstance(data, dict) and "entries" in data:
        data = data["entries"]
    if not isinstance(data, list):
        raise UserError(LIST_ADVICE, file=origin)
    out: list[Entry] = []
    for i, item in enumerate(data, 1):
        where = f"第 {i} 条{_describe(item)}"
        if not isinstance(item, dict):
            raise UserError("条目应为“字段: 值”的映射（wrong、right、rule、source …）", file=origin, field=where)
        item = dict(item)
        if kind is not None and not user:
            item["kind"] = kind
        item["origin"] = origin
        try:
            out.append(Entry.model_validate(item))
        except ValidationError as e:
            # A misspelt name explains the missing field it was meant to be: name it first.
            errors = e.errors()
            error = next((x for x in errors if x["type"] == "extra_forbidden"), errors[0])
            key = ".".join(str(x) for x in error["loc"])
            raise UserError(explain(error, FIELDS, _entry_error), file=origin,
                            field=f"{where} {key}" if key else where) from None
    return out


@lru_cache(maxsize=1)
def _builtin() -> tuple[Entry, ...]:
    entries: list[Entry] = []
    pkg = resources.files("speechdraft") / "data"
    for name, kind in BUILTIN_FILES.items():
        text = (pkg / name).read_text(encoding="utf-8")
        # Our own files: libyaml where installed, several times faster than PyYAML's parser.
        entries += _parse(yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)),  # noqa: S506
                          origin=f"{BUILTIN_ORIGIN}{name}", kind=kind, user=False)
    return tuple(entries)


def _entry_error(code: str, error: dict) -> str | None:
    if code.startswith("bad_regex:"):
        pos = code.split(":", 1)[1]
        where = f"第 {int(pos) + 1} 个字符附近" if pos.isdigit() else ""
        return f"正则表达式写法有误{where}（括号、方括号是否成对？）；请改正，或删去 regex 只用 wrong 按字面匹配"
    if code.startswith("slow_regex:"):
        why = code.split(":", 1)[1]
        return (f"正则表达式在某些文字上会耗时极长：{why}；"
                "请改写（如把 (生+)+ 写成 生+），或删去 regex 只用 wrong 按字面匹配")
    if code.startswith("bad_right:"):
        if ref := code.split(":", 1)[1]:
            return (f"right 中的“{ref}”指向 regex 中没有的括号（\\1 指第一对括号，\\g<名称> 指 (?P<名称>…)）；"
                    "请改正，或删去它")
        return "right 中的反斜杠写法有误；如要写反斜杠本身请写成 \\\\，引用括号请写成 \\1"
    if code.startswith("control_escape:"):
        return (f"right 中有写成转义（如 \\0、\\n）的不可见控制字符（U+{code.split(':', 1)[1]}）；"
                "请删去这个转义")
    if code.startswith("control:"):
        return f"含有不可见的控制字符（U+{code.split(':', 1)[1]}）；请删去"
    if code == "same":
        return "wrong 与 right 相同；请写出错误写法和正确写法"
    if code == "empty_context":
        return "not_before / not_after 中不能有空的一项；请删去空项"
    return None


def load_user_words(path: Path) -> list[Entry]:
    """Entries of one user file; any problem is a UserError naming the file and entry."""
    raw = load_yaml(Path(path), kind=WORDS, empty=f"文件是空的；{LIST_ADVICE}")
    return _parse(raw, origin=str(path), kind=None, user=True)


def load_wordlists(extra: Sequence[Path] = ()) -> WordLists:
    """The built-in lists plus the user's --words files."""
    entries = list(_builtin())
    for p in extra:
        entries += load_user_words(Path(p))
    return WordLists(entries=tuple(entries))


def typo_fixes(lists: WordLists | None = None) -> list[tuple[re.Pattern[str], str]]:
    """(pattern, replacement template) of every safe [fix] entry, for mending corpus text.

    Use as `pattern.sub(replacement, text)`; `mend(text)` does all of them.
    """
    lists = lists or load_wordlists()
    return [(e.pattern, e.replacement) for e in lists.entries if e.rule == "fix"]


def mend(text: str, lists: WordLists | None = None) -> str:
    """Apply every [fix] entry to text (typos and fixed formulations)."""
    for pattern, repl in typo_fixes(lists):
        text = pattern.sub(repl, text)
    return text


__all__ = ["Entry", "WordLists", "load_wordlists", "load_user_words", "typo_fixes", "mend", "KIND_NAMES"]
