"""Read a data file (YAML) into SpeechData, or fail with one clear Chinese message."""
from __future__ import annotations

import re
from collections.abc import Hashable
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from speechdraft.encoding import decode
from speechdraft.errors import UserError
from speechdraft.fielderrors import Spec, explain, not_a_number, shown
from speechdraft.inputs import DATA, Kind, read_bytes
from speechdraft.model import SpeechData
from speechdraft.slips import impossible

_ITEM_EXAMPLES = {"achievements": ("成绩", "完成营造林3.2万亩"), "problems": ("问题", "3个乡镇尚未建成污水处理设施"),
                  "priorities": ("重点工作", "建成第二污水处理厂")}

# Every field of a data file, with the line a message shows as the right way to write it.
FIELDS: dict[str, Spec] = {
    "genre": Spec("体裁", "genre: conference"),
    "meeting": Spec("会议名称", "meeting: 2024年全县生态环境保护工作会议"),
    "title": Spec("标题", "title: 在全县生态环境保护工作会议上的讲话"),
    "speaker": Spec("讲话人", "speaker: {name: 王××, role: 县委书记}"),
    "speaker.name": Spec("讲话人姓名", "speaker: {name: 王××, role: 县委书记}"),
    "speaker.role": Spec("讲话人职务", "speaker: {name: 王××, role: 县委书记}"),
    "date": Spec("日期", "date: 2024-03-15"),
    "region": Spec("地区", "region: {name: 青山县, level: 县}"),
    "region.name": Spec("地区名称", "region: {name: 青山县, level: 县}"),
    "region.level": Spec("层级", "region: {name: 青山县, level: 县}"),
    "region.parent": Spec("上级地区", "region: {name: 平川县, level: 县, parent: 庆阳市, province: 甘肃省}"),
    "region.province": Spec("所在省份", "region: {name: 平川县, level: 县, parent: 庆阳市, province: 甘肃省}"),
    "year": Spec("年份", "year: 2023", whole=True),
    "focus": Spec("重点领域", "focus: [air, water]"),
    "features": Spec("地域特征", "features: [草原, 湿地]"),
    "places": Spec("地名", "places: [{name: 青龙河, kind: 河流}]"),
    "places.name": Spec("地名", "places: [{name: 青龙河, kind: 河流}]"),
    "places.kind": Spec("地名类别", "places: [{name: 青龙河, kind: 河流}]"),
    "metrics": Spec("指标", '- {name: 森林覆盖率, value: 42.3, unit: "%", previous: 41.8}'),
    "metrics.name": Spec("指标名称", "name: 森林覆盖率"),
    "metrics.value": Spec("数值", "value: 42.3"),
    "metrics.unit": Spec("单位", 'unit: "%"'),
    "metrics.previous": Spec("上年数值", "previous: 41.8"),
    "metrics.target": Spec("目标值", "target: 45"),
    "metrics.goal": Spec("今年目标", "goal: 43"),
    "metrics.better": Spec("方向", "better: higher"),
    "metrics.domain": Spec("领域", "domain: ecology"),
    "metrics.confirm": Spec("已核对", "confirm: true"),
    **{
        key: spec
        for field, (label, sentence) in _ITEM_EXAMPLES.items()
        for key, spec in (
            (field, Spec(label, f"- {sentence}", shape=f"{label}应写成一句话，例如“{sentence}”")),
            (f"{field}.text", Spec(f"{label}内容", f"- {{text: {sentence}, domain: water}}",
                                   shape=f"{label}应写成一句话，例如“{sentence}”")),
            (f"{field}.domain", Spec("领域", f"- {{text: {sentence}, domain: water}}")),
        )
    },
    "length": Spec("篇幅", "length: 3000", whole=True),
    "seed": Spec("随机种子", "seed: 1", whole=True),
}
# The names a data file can use, each with its Chinese label.
FIELD_NAMES = {key.rsplit(".", 1)[-1]: spec.label for key, spec in reversed(FIELDS.items())}

def _core_schema(loader: type) -> type:
    """Give a loader YAML 1.2's core schema in place of YAML 1.1's: only true/false are
    booleans, only decimal, 0o and 0x numbers are numbers. A writer's `yes`, `on`, `1:30`
    (base 60 in YAML 1.1: 90) and `2024-03-15` stay text, for the model to read or refuse."""
    loader.yaml_implicit_resolvers = {}
    for tag, pattern, first in (
        ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
        ("int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
        ("float", r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
                  r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$", "-+0123456789."),
        ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ):
        loader.add_implicit_resolver(f"tag:yaml.org,2002:{tag}", re.compile(pattern), list(first))
    loader.add_constructor("tag:yaml.org,2002:int", _construct_int)
    return loader


def _construct_int(loader, node) -> int:
    # YAML 1.1's reader takes 017 as octal 15 and 1_000 as 1000; YAML 1.2 takes 017 as 17.
    text = loader.construct_scalar(node)
    sign, digits = (-1, text[1:]) if text[0] == "-" else (1, text.lstrip("+"))
    base = 8 if digits.startswith("0o") else 16 if digits.startswith("0x") else 10
    return sign * int(digits[2:] if base != 10 else digits, base)


@_core_schema
class _UniqueKeyLoader(yaml.SafeLoader):
    """SafeLoader that refuses duplicate keys: plain YAML silently keeps the last one.

    The pure-Python parser on purpose: a writer's file may be anything, and libyaml overflows
    the C stack on deeply nested brackets where Python raises RecursionError."""

    def construct_object(self, node, deep=False):
        # PyYAML's constructors let Python errors through (`!!float abc`, `!!bool maybe`);
        # turn them into a YAML error at the value's line and column.
        try:
            return super().construct_object(node, deep=deep)
        except (ValueError, TypeError, KeyError, AttributeError, OverflowError):
            raise yaml.constructor.ConstructorError(None, None, "invalid value", node.start_mark) from None


def _construct_mapping(loader, node, deep=False):
    seen: dict[Any, int] = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if not isinstance(key, Hashable):
            raise yaml.constructor.ConstructorError(None, None, "unhashable key", key_node.start_mark)
        if key in seen:
            raise UserError(
                f"第 {key_node.start_mark.line + 1} 行重复出现字段“{key}”（第一次在第 {seen[key]} 行）；"
                "YAML 只会保留最后一个，请删去多余的一处",
            )
        seen[key] = key_node.start_mark.line + 1
    return loader.construct_mapping(node, deep)


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


# Built-in resources are ours and trusted; libyaml reads them several times faster, with the
# same schema as a writer's files.
@_core_schema
class _TrustedLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    pass


# What YAML refuses to read (control characters, lone surrogates): found here to name the line.
_UNPRINTABLE = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


EMPTY_DATA = "文件是空的；至少需要 genre、meeting、region 三个字段（可用 speechdraft init 生成样例）"


def load_yaml(path: Path, *, trusted: bool = False, kind: Kind = DATA, empty: str = EMPTY_DATA) -> Any:
    """Parse a YAML file safely, naming the line and column of a syntax error. `trusted` is
    for the built-in files only: they are parsed fast and keep no duplicate-key check.
    `kind` names the file in messages and caps what is read; `empty` is what an empty one is told."""
    text = decode(read_bytes(path, kind), str(path)).text
    if not text.strip():
        raise UserError(empty, file=str(path))
    for n, line in enumerate(text.splitlines(), 1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            raise UserError(f"第 {n} 行用制表符（Tab）缩进；YAML 只能用空格缩进，请把 Tab 换成空格", file=str(path))
    if bad := _UNPRINTABLE.search(text):
        line = text.count("\n", 0, bad.start()) + 1
        column = bad.start() - text.rfind("\n", 0, bad.start())
        raise UserError(f"第 {line} 行第 {column} 列有不可见的控制字符（U+{ord(bad.group()):04X}）；请删去",
                        file=str(path))
    try:
        return yaml.load(text, Loader=_TrustedLoader if trusted else _UniqueKeyLoader)  # noqa: S506 - safe loaders
    except RecursionError:
        raise UserError(f"括号或缩进嵌套的层次过深；{kind.name}不需要这么多层", file=str(path)) from None
    except UserError as e:
        raise UserError(e.message, file=str(path)) from None
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        where = f"第 {mark.line + 1} 行第 {mark.column + 1} 列" if mark else "某处"
        raise UserError(f"YAML 格式错误（{where}）：{_problem(e, kind.name)}", file=str(path)) from None
    except yaml.YAMLError as e:
        raise UserError(f"YAML 格式错误：{e}", file=str(path)) from None


# PyYAML speaks English; these are the slips writers actually make.
_PROBLEMS = [
    ("mapping values are not allowed", "冒号位置不对，可能是缩进不齐或冒号后缺空格"),
    ("could not find expected ':'", "缺少冒号（“字段: 值”）"),
    ("expected ',' or ']'", "方括号列表没有闭合，缺少“]”或逗号"),
    ("expected ',' or '}'", "花括号没有闭合，缺少“}”或逗号"),
    ("unexpected end of stream", "引号或括号没有闭合"),
    ("found character '\\t'", "含有制表符（Tab），请换成空格"),
    ("did not find expected key", "缩进不齐"),
    ("expected <block end>", "缩进不齐"),
    ("did not find expected '-'", "列表项缩进不齐"),
]
# Said as it is, without the general advice on layout.
_WHOLE_PROBLEMS = [
    ("found '-'", "方括号或花括号中不能用“- ”；请删去“-”，或把每项另起一行，以“- ”开头"),
]
# Not slips of layout: these say all there is to say.
_VALUE_PROBLEMS = [
    ("found undefined alias", "用了未定义的别名（*）；如要写星号请加引号"),
    ("but found another document", "文件中有多个 YAML 文档（以“---”分隔），{kind}只能有一个"),
    ("unhashable key", "字段名不能是列表或映射"),
    ("invalid value", "取值无法识别（例如不存在的日期 2024-02-30，或写错的“!!”类型标记）"),
    ("could not determine a constructor", "含有不支持的类型标记（以“!”开头）；如是文字内容请加引号"),
]


def _problem(e: yaml.MarkedYAMLError, kind: str) -> str:
    text = f"{e.context or ''} {e.problem or ''}"
    if reason := next((zh for en, zh in _VALUE_PROBLEMS if en in text), None):
        return reason.format(kind=kind)
    if reason := next((zh for en, zh in _WHOLE_PROBLEMS if en in text), None):
        return reason
    reason = next((zh for en, zh in _PROBLEMS if en in text), "写法不符合 YAML 格式")
    return f"{reason}；请检查缩进、冒号、引号和括号"


def load_data(path: Path) -> SpeechData:
    """The data file as the typed model, refused with one message if any of it cannot be right."""
    raw = load_yaml(path)
    if not isinstance(raw, dict):
        raise UserError("内容应是“字段: 值”的形式（YAML 映射），例如 genre: conference", file=str(path))
    if found := _unprintable(raw):
        loc, char = found
        raise UserError(f"含有不可见的控制字符（U+{ord(char):04X}）；请删去", file=str(path), field=field_path(loc))
    try:
        speech = SpeechData.model_validate(raw)
    except ValidationError as e:
        error = e.errors()[0]
        # A key that is not text (1:, ~:, yes:) is named as a key, not as a list item.
        loc = error["loc"][:-1] if error["type"] == "invalid_key" else error["loc"]
        raise UserError(explain(error, FIELDS, _model_error), file=str(path), field=field_path(loc) or None) from None
    if slip := impossible(speech):
        raise UserError(slip.message, file=str(path), field=slip.field)
    return speech


def _model_error(code: str, error: dict) -> str | None:
    """The data model's own refusals (model.py raises them as ValueError("code:…"))."""
    if code.startswith("repeated:"):
        _, first, again, text = code.split(":", 3)
        return f"第{again}项与第{first}项重复（“{shown(text)}”）；请删去一项"
    if code == "number_with_unit":
        return not_a_number(error.get("input"), unit=True)
    return None


def _unprintable(value: Any, loc: tuple = (), seen: set[int] | None = None) -> tuple[tuple, str] | None:
    """Where a string holds a control character written as an escape ("\\b"), which no Word
    file can hold: its field path and the character. Lists and mappings an alias shares are
    looked at once."""
    if isinstance(value, str):
        bad = _UNPRINTABLE.search(value)
        return (loc, bad.group()) if bad else None
    seen = set() if seen is None else seen
    if not isinstance(value, (dict, list)) or id(value) in seen:
        return None
    seen.add(id(value))
    for key, item in value.items() if isinstance(value, dict) else enumerate(value):
        if found := _unprintable(item, (*loc, key), seen):
            return found
    return None


def field_path(loc: tuple) -> str:
    """A field as messages name it: metrics.第1项.value."""
    return ".".join(f"第{part + 1}项" if isinstance(part, int) else str(part) for part in loc)
