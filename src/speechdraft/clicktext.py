"""click's own messages (usage, errors, help headings) in Chinese.

click passes its message templates through gettext; it ships no Chinese catalogue, so the
templates a writer can meet are translated here and handed to click's modules in place of
gettext. Some messages click assembles itself, in English word order and with ASCII quotes
(“Missing argument '体裁'. Choose from:⇥…”, “Invalid value for '[数据文件]': …”): those
few formatters are replaced, so that each error reads as one Chinese sentence naming the
parameter as the help names it (an option by its long name, an argument by its metavar)."""
from __future__ import annotations

import importlib
from collections.abc import Mapping

import click
from click import exceptions, formatting, types

_TEXT = {
    "Usage:": "用法：",
    "Options": "选项",
    "Commands": "命令",
    "Positional arguments": "参数",
    "Show this message and exit.": "显示帮助并退出。",
    "Show the version and exit.": "显示版本并退出。",
    "Error: {message}": "错误：{message}",
    "Try '{command} {option}' for help.": "用“{command} {option}”查看帮助。",
    "Aborted!": "已中止，未写入任何文件。",
    "Missing command.": "缺少命令。",
    "No such command {name!r}.": "没有“{name}”这个命令。",
    "No such option {name!r}.": "没有“{name}”这个选项。",
    "Option {name!r} does not take a value.": "选项“{name}”不带取值。",
    # The value's own messages: the formatter below puts the parameter's name in front.
    "{value!r} is not a valid {number_type}.": "“{value}”不是{number_type}",
    "{value} is not in the range {range}.": "“{value}”超出范围：应{range}",
    "{name} {filename!r} does not exist.": "“{filename}”不存在；请检查路径是否正确",
    "{name} {filename!r} is a directory.": "“{filename}”是文件夹，不是{name}；请给出文件的路径",
    "{name} {filename!r} is a file.": "“{filename}”是文件，不是{name}；请给出文件夹的路径",
    "{name} {filename!r} is not readable.": "“{filename}”无法读取",
    "{name} {filename!r} is not writable.": "“{filename}”无法写入",
    "file": "文件",
    "directory": "文件夹",
    "path": "路径",
    "default: {default}": "默认：{default}",
    "required": "必填",
}
_PLURAL = {
    "Got unexpected extra argument ({args})": "多余的参数“{args}”",
    "Option {name!r} requires an argument.": "选项“{name}”需要一个取值。",
    "Takes {nargs} values but 1 was given.": "需要 {nargs} 个取值，只给了 1 个。",
}
# click names a number by its type's name: in messages (不是整数) and as an option's metavar
_NUMBER_NAMES = {types.IntParamType: "整数", types.IntRange: "整数",
                 types.FloatParamType: "数字", types.FloatRange: "数字"}


class LabelledChoice(click.Choice):
    """A choice whose values are listed with what each means: conference（工作会议讲话）."""

    def __init__(self, labels: Mapping[str, str]):
        super().__init__(list(labels))
        self.labels = dict(labels)


def _choices(choice: click.Choice) -> str:
    labels = getattr(choice, "labels", {})
    return "、".join(f"{c}（{labels[c]}）" if c in labels else str(c) for c in choice.choices)


def _missing_choice(self, param, ctx) -> str:
    return f"可选：{_choices(self)}"


def _invalid_choice(self, value, ctx) -> str:
    return f"“{value}”无效；可选：{_choices(self)}"


def _describe_range(self) -> str:
    low = None if self.min is None else f"{'大于' if self.min_open else '不小于'} {self.min}"
    high = None if self.max is None else f"{'小于' if self.max_open else '不大于'} {self.max}"
    return "，且".join(part for part in (low, high) if part)


def _name(param: click.Parameter) -> str:
    if isinstance(param, click.Option):
        return max(param.opts, key=len)
    return (param.metavar or param.name or "").strip("[]").removesuffix("...")


def _bad_parameter(self) -> str:
    if self.param is None:
        return f"取值无效：{self.message}"
    if isinstance(self.param, click.Option):
        return f"{_name(self.param)} 的取值{self.message}"
    return f"{_name(self.param)}{self.message}"


def _missing_parameter(self) -> str:
    if self.param is None:
        return "缺少参数。"
    kind = "选项" if isinstance(self.param, click.Option) else "参数"
    text = f"缺少{kind}“{_name(self.param)}”。"
    extra = self.param.type.get_missing_message(param=self.param, ctx=self.ctx)
    return f"{text}{extra}" if extra else text


def _possibilities(possibilities: list[str]) -> str:
    if len(possibilities) == 1:
        return f"是不是“{possibilities[0]}”？"
    return f"是不是以下之一：{'、'.join(sorted(possibilities))}？"


def _no_such(self) -> str:
    if not self.possibilities:
        return self.message
    return f"{self.message}{exceptions._format_possibilities(self.possibilities)}"


def _heading(self, heading: str) -> None:
    self.write(f"{'':>{self.current_indent}}{heading}：\n")


def _gettext(message: str) -> str:
    return _TEXT.get(message, message)


def _ngettext(singular: str, plural: str, n: int) -> str:
    return _PLURAL.get(singular, singular if n == 1 else plural)


def install() -> None:
    for name in ("core", "decorators", "exceptions", "formatting", "parser", "types", "termui", "utils"):
        module = importlib.import_module(f"click.{name}")
        if hasattr(module, "_"):
            module._ = _gettext
        if hasattr(module, "ngettext"):
            module.ngettext = _ngettext
    for cls, name in _NUMBER_NAMES.items():
        cls.name = name
    types._NumberRangeBase._describe_range = _describe_range
    types.Choice.get_missing_message = _missing_choice
    types.Choice.get_invalid_choice_message = _invalid_choice
    exceptions.BadParameter.format_message = _bad_parameter
    exceptions.MissingParameter.format_message = _missing_parameter
    exceptions._format_possibilities = _possibilities
    exceptions.NoSuchOption.format_message = _no_such
    exceptions.NoSuchCommand.format_message = _no_such
    formatting.HelpFormatter.write_heading = _heading
