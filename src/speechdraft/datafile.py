"""Read a data file (YAML) into SpeechData, or fail with one clear Chinese message."""
from __future__ import annotations

import difflib
import re
from collections.abc import Hashable
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from speechdraft.encoding import decode
from speechdraft.errors import UserError
from speechdraft.model import SpeechData

# A data file is a page of YAML; anything this large is the wrong file.
MAX_BYTES = 1_000_000

FIELD_NAMES = {
    "genre": "体裁", "meeting": "会议名称", "title": "标题", "speaker": "讲话人", "date": "日期",
    "region": "地区", "year": "年份", "focus": "重点领域", "metrics": "指标", "achievements": "成绩",
    "problems": "问题", "priorities": "重点工作", "length": "篇幅", "seed": "随机种子",
    "name": "名称", "role": "职务", "level": "层级", "value": "数值", "unit": "单位",
    "previous": "上年数值", "target": "目标值", "better": "方向", "domain": "领域", "text": "内容",
}


class _UniqueKeyLoader(yaml.SafeLoader):
    """SafeLoader that refuses duplicate keys: plain YAML silently keeps the last one.

    The pure-Python parser on purpose: a writer's file may be anything, and libyaml overflows
    the C stack on deeply nested brackets where Python raises RecursionError."""

    def construct_object(self, node, deep=False):
        # PyYAML's constructors let Python errors through (2024-02-30, `!!float abc`,
        # `!!bool maybe`); turn them into a YAML error at the value's line and column.
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

# Built-in resources are ours and trusted; libyaml reads them several times faster.
_TRUSTED_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# What YAML refuses to read (control characters, lone surrogates): found here to name the line.
_UNPRINTABLE = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def load_yaml(path: Path, *, trusted: bool = False) -> Any:
    """Parse a YAML file safely, naming the line and column of a syntax error. `trusted` is
    for the built-in files only: they are parsed fast and keep no duplicate-key check."""
    if not path.is_file():
        raise UserError("文件不存在；请检查路径是否正确", file=str(path))
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise UserError(
            f"文件过大（{size / 1_000_000:.1f} MB），数据文件不应超过 1 MB；请确认没有选错文件",
            file=str(path),
        )
    text = decode(path.read_bytes(), str(path)).text
    if not text.strip():
        raise UserError(
            "文件是空的；至少需要 genre、meeting、region 三个字段（可用 speechdraft init 生成样例）",
            file=str(path),
        )
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
        return yaml.load(text, Loader=_TRUSTED_LOADER if trusted else _UniqueKeyLoader)  # noqa: S506 - safe loaders
    except RecursionError:
        raise UserError("括号或缩进嵌套的层次过深；数据文件不需要这么多层", file=str(path)) from None
    except UserError as e:
        raise UserError(e.message, file=str(path)) from None
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        where = f"第 {mark.line + 1} 行第 {mark.column + 1} 列" if mark else "某处"
        raise UserError(f"YAML 格式错误（{where}）：{_problem(e)}", file=str(path)) from None
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
# Not slips of layout: these say all there is to say.
_VALUE_PROBLEMS = [
    ("found undefined alias", "用了未定义的别名（*）；如要写星号请加引号"),
    ("but found another document", "文件中有多个 YAML 文档（以“---”分隔），数据文件只能有一个"),
    ("unhashable key", "字段名不能是列表或映射"),
    ("invalid value", "取值无法识别（例如不存在的日期 2024-02-30，或写错的“!!”类型标记）"),
    ("could not determine a constructor", "含有不支持的类型标记（以“!”开头）；如是文字内容请加引号"),
]


def _problem(e: yaml.MarkedYAMLError) -> str:
    text = f"{e.context or ''} {e.problem or ''}"
    if reason := next((zh for en, zh in _VALUE_PROBLEMS if en in text), None):
        return reason
    reason = next((zh for en, zh in _PROBLEMS if en in text), "写法不符合 YAML 格式")
    return f"{reason}；请检查缩进、冒号、引号和括号"


def load_data(path: Path) -> SpeechData:
    raw = load_yaml(path)
    if not isinstance(raw, dict):
        raise UserError("内容应是“字段: 值”的形式（YAML 映射），例如 genre: conference", file=str(path))
    if found := _unprintable(raw):
        loc, char = found
        raise UserError(f"含有不可见的控制字符（U+{ord(char):04X}）；请删去", file=str(path), field=_field(loc))
    try:
        return SpeechData.model_validate(raw)
    except ValidationError as e:
        error = e.errors()[0]
        # A key that is not text (1:, ~:, yes:) is named as a key, not as a list item.
        loc = error["loc"][:-1] if error["type"] == "invalid_key" else error["loc"]
        raise UserError(_explain(error), file=str(path), field=_field(loc) or None) from None


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


def _field(loc: tuple) -> str:
    return ".".join(f"第{part + 1}项" if isinstance(part, int) else str(part) for part in loc)


def _shown(value: Any) -> str:
    """A value as a message quotes it: short, and a list or mapping only by its kind (aliases
    can make a small file describe a structure far too large to print)."""
    if isinstance(value, list):
        return "列表"
    if isinstance(value, dict):
        return "映射"
    if value is None:
        return "空值"
    text = str(value)
    return text if len(text) <= 40 else text[:40] + "…"


def _explain(error: dict) -> str:
    kind, ctx, value = error["type"], error.get("ctx") or {}, _shown(error.get("input"))
    name = str(error["loc"][-1]) if error["loc"] else ""
    label = FIELD_NAMES.get(name, name)
    if kind == "invalid_key":
        return f"字段名“{value}”不是文字；字段名应为 genre、meeting 这样的英文名称"
    if kind == "missing":
        return f"缺少必填字段（{label}）；请补上"
    if kind == "extra_forbidden":
        near = difflib.get_close_matches(name, list(FIELD_NAMES), n=1, cutoff=0.6)
        return f"未知字段，是不是“{near[0]}”？" if near else "未知字段；请删去或对照 speechdraft init 生成的样例"
    if kind == "literal_error":
        expected = ctx.get("expected", "").replace("'", "").replace(" or ", ", ")
        return f"取值“{value}”无效，应为 {'、'.join(x.strip() for x in expected.split(','))} 之一"
    if kind in ("float_parsing", "float_type", "int_parsing", "int_type", "finite_number") or (
        kind == "value_error" and "number_with_unit" in str(ctx.get("error", ""))
    ):
        unit_hint = "，单位写在 unit 字段" if name in ("value", "previous", "target") else ""
        return f"“{value}”不是数字；请只写数字（如 93.5）{unit_hint}"
    if kind == "value_error" and str(ctx.get("error", "")).startswith("repeated:"):
        _, first, again, text = str(ctx["error"]).split(":", 3)
        return f"第{again}项与第{first}项重复（“{_shown(text)}”）；请删去一项"
    if kind == "int_from_float":
        return f"“{value}”应为整数"
    if kind in ("greater_than_equal", "less_than_equal"):
        bound = ctx.get("ge", ctx.get("le"))
        word = "不小于" if kind == "greater_than_equal" else "不大于"
        return f"取值 {value} 超出范围，应{word} {bound}"
    if kind.startswith("date"):
        return f"“{value}”不是有效日期；请写成 2024-03-15 或 2024年3月15日"
    if kind == "string_too_short":
        return "不能为空；请填写内容"
    if kind == "string_type":
        return f"应为文字，而不是“{value}”"
    if kind == "list_type":
        return "应为列表（每项一行，以“- ”开头）"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return "应为“字段: 值”的形式，例如 {name: 青山县, level: 县}"
    return f"取值“{value}”无效（{error['msg']}）"
