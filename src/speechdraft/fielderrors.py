"""pydantic's validation errors in a writer's words: one Chinese sentence per error, saying
what is wrong and showing the field written right (its own example, not another field's)."""
from __future__ import annotations

import difflib
import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Spec:
    """How a writer knows one field: its Chinese name and a line that is right as it stands."""

    label: str
    example: str
    # For a field that is a sentence (an achievement), what a wrong shape is told instead.
    shape: str | None = None
    # For a field with a pattern (a point's id), the rule in words.
    rule: str | None = None
    whole: bool = False  # a whole number (pydantic calls infinity "not finite", not "not an integer")


def shown(value: Any) -> str:
    """A value as a message quotes it: short, as the writer typed it (true, not True), and a
    list or mapping only by its kind (aliases can make a small file describe a structure far
    too large to print)."""
    if isinstance(value, list | tuple):
        return "列表"
    if isinstance(value, dict):
        return "映射"
    if value is None:
        return "空值"
    if isinstance(value, bool):
        return "true" if value else "false"
    text = repr(value) if isinstance(value, float) else str(value)
    return text if len(text) <= 40 else text[:40] + "…"


def _key(loc: tuple) -> str:
    return ".".join(str(part) for part in loc if isinstance(part, str))


def lookup(loc: tuple, specs: Mapping[str, Spec]) -> tuple[str, Spec]:
    """The spec of the field at `loc` ("metrics.value" before "value"), or a bare one."""
    key = _key(loc)
    if key in specs:
        return key, specs[key]
    last = key.rsplit(".", 1)[-1]
    return key, specs.get(last, Spec(label=last, example=""))


def _siblings(key: str, specs: Mapping[str, Spec]) -> list[str]:
    """The field names valid beside `key`: where a misspelt name should have been one of them."""
    parent = key.rsplit(".", 1)[0] if "." in key else ""
    return [k.rsplit(".", 1)[-1] for k in specs if (k.rsplit(".", 1)[0] if "." in k else "") == parent]


_NUMBER_TYPES = ("float_parsing", "float_type", "int_parsing", "int_type", "finite_number", "int_parsing_size")
_SHAPE_TYPES = ("model_type", "dict_type", "model_attributes_type")
_LIST_TYPES = ("list_type", "tuple_type", "set_type", "frozen_set_type", "iterable_type")


def not_a_number(value: Any, *, unit: bool) -> str:
    unit_hint = "，单位写在 unit 字段" if unit else ""
    if isinstance(value, str) and re.fullmatch(r"\s*\d+(:\d+)+\s*", value):
        # YAML 1.1 read 1:30 as 90 (base 60); we read it as the text it is.
        return f"“{value}”不是数字；请换算成一个数来写（如 1:30 写作 1.5 或 90）{unit_hint}"
    return f"“{shown(value)}”不是数字；请只写数字（如 93.5）{unit_hint}"


def explain(error: dict, specs: Mapping[str, Spec], custom: Callable[[str, dict], str | None] | None = None) -> str:
    """One pydantic error as a Chinese sentence. `custom` answers the model's own value errors
    (raised as ValueError("code:…")) and returns None for codes it does not know."""
    kind, ctx = error["type"], error.get("ctx") or {}
    value = shown(error.get("input"))
    key, spec = lookup(error["loc"], specs)
    example = f"，例如 {spec.example}" if spec.example else ""
    name = key.rsplit(".", 1)[-1]

    if kind == "value_error" and custom and (answer := custom(str(ctx.get("error", "")), error)):
        return answer
    if kind == "invalid_key":
        names = "、".join(_siblings(f"{key}.?" if key else "?", specs)[:2])
        return f"字段名“{value}”不是文字；字段名应为 {names} 这样的英文名称"
    if kind == "missing":
        return f"缺少必填字段（{spec.label}）；请补上{example}"
    if kind == "extra_forbidden":
        near = difflib.get_close_matches(name, _siblings(key, specs), n=1, cutoff=0.6)
        return f"未知字段，是不是“{near[0]}”？" if near else "未知字段；请删去，或对照样例改正字段名"
    if kind == "literal_error":
        options = [x.strip(" '") for x in str(ctx.get("expected", "")).replace(" or ", ",").split(",")]
        return f"取值“{value}”无效，应为 {'、'.join(x for x in options if x)} 之一"
    if kind in _NUMBER_TYPES:
        if kind.startswith("int") or spec.whole:
            return f"“{value}”不是整数；请只写整数{example}"
        return not_a_number(error.get("input"), unit=name in ("value", "previous", "target", "goal"))
    if kind == "int_from_float":
        return f"“{value}”应为整数{example}"
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        words = {"greater_than_equal": ("ge", "不小于"), "less_than_equal": ("le", "不大于"),
                 "greater_than": ("gt", "大于"), "less_than": ("lt", "小于")}
        bound, word = words[kind]
        if isinstance(error.get("input"), float) and not math.isfinite(error["input"]):
            return not_a_number(error["input"], unit=False)
        limit = ctx.get(bound)
        return f"取值 {value} 超出范围，应{word} {f'{limit:g}' if isinstance(limit, float) else limit}"
    if kind.startswith("date"):
        return f"“{value}”不是有效日期；请写成 2024-03-15 或 2024年3月15日"
    if kind in ("bool_type", "bool_parsing"):
        return f"“{value}”应为 true 或 false{example}"
    if spec.shape and kind in (*_SHAPE_TYPES, "string_type"):
        return f"{spec.shape}，而不是“{value}”"
    if kind == "string_too_short":
        return f"不能为空；请填写{spec.label}{example}"
    if kind == "string_type":
        quote = "；数字、true、false 当文字用时请加引号" if isinstance(error.get("input"), bool | int | float) else ""
        return f"应为文字，而不是“{value}”{quote}{example}"
    if kind == "string_pattern_mismatch":
        rule = f"{spec.rule}" if spec.rule else "写法不对"
        return f"“{value}”{rule}{example}"
    if kind in _LIST_TYPES:
        return f"应为列表（每项一行，以“- ”开头，或写在方括号中）{example}"
    if kind in _SHAPE_TYPES:
        return f"应为“字段: 值”的形式{example}"
    return f"取值“{value}”无效；请对照样例改正{example}"
