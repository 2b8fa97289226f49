"""Render a genre's template (Jinja, sandboxed, undefined names are errors) to the draft's
Markdown subset. Every value a template prints is escaped for Markdown, so the writer's own
text can never turn into markup."""
from __future__ import annotations

import os
import random
import re
from functools import cache
from pathlib import Path

from jinja2 import ChoiceLoader, FileSystemLoader, StrictUndefined, TemplateError, TemplateNotFound
from jinja2.exceptions import SecurityError
from jinja2.loaders import split_template_path
from jinja2.sandbox import SandboxedEnvironment

from speechdraft.errors import UserError
from speechdraft.inputs import TEMPLATE, read_bytes
from speechdraft.resources import builtin

_NUMERALS = "零一二三四五六七八九"
_MD_SPECIAL = re.compile(r"([\\*_#`\[\]<>])")


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十 (ordinals in speeches stay below a hundred)."""
    tens, ones = divmod(n, 10)
    if not tens:
        return _NUMERALS[ones]
    return f"{_NUMERALS[tens] if tens > 1 else ''}十{_NUMERALS[ones] if ones else ''}"


def sequence_word(n: int) -> str:
    """首先, 其次, 第三, 第四 … — how a study-group speech counts its points."""
    return {1: "首先", 2: "其次"}.get(n, f"第{chinese_number(n)}")


def bare(text: str) -> str:
    """A lead sentence made a heading: no closing punctuation."""
    return text.rstrip("。：；，！")


def _escape(value):
    if value is None:
        # A draft never says None: a template printing a missing value is a template bug.
        raise TemplateError("模板输出了空值（None）")
    return _MD_SPECIAL.sub(r"\\\1", str(value))


# Big enough for any speech; a template asking for more is trying to exhaust the machine.
_MAX_ITEMS = 100_000
_MAX_EXPONENT = 64


class _TooBig(SecurityError):
    """A template computed something no speech needs ('a' * 10**9, 10**10**10)."""


class _Sandbox(SandboxedEnvironment):
    # The sandbox guards attributes, not sizes: * and ** are checked before they run.
    intercepted_binops = frozenset(["*", "**"])

    def call_binop(self, context, operator, left, right):
        if operator == "**" and isinstance(right, int) and right > _MAX_EXPONENT and left not in (0, 1, -1):
            raise _TooBig(operator)
        if operator == "*":
            count, other = (right, left) if isinstance(right, int) else (left, right)
            if isinstance(count, int) and hasattr(other, "__len__") and count * len(other) > _MAX_ITEMS:
                raise _TooBig(operator)
        return super().call_binop(context, operator, left, right)


class _Loader(FileSystemLoader):
    """FileSystemLoader reading through speechdraft.inputs: a template that is a pipe or a
    device is refused by name (FileSystemLoader would pass it over for ours, or hang on it),
    and what is read is capped."""

    def get_source(self, environment, template):
        pieces = split_template_path(template)
        for folder in self.searchpath:
            filename = os.path.join(folder, *pieces)
            if os.path.lexists(filename):
                break
        else:
            raise TemplateNotFound(template)
        raw = read_bytes(filename, TEMPLATE)
        try:
            contents = raw.decode(self.encoding)
        except UnicodeDecodeError:
            raise UserError("模板不是 UTF-8 编码；请另存为 UTF-8 编码的文本文件", file=filename) from None
        mtime = os.path.getmtime(filename)
        return contents, os.path.normpath(filename), lambda: _mtime(filename) == mtime


def _mtime(filename: str) -> float | None:
    try:
        return os.path.getmtime(filename)
    except OSError:
        return None


@cache
def _environment(extra: tuple[Path, ...]) -> SandboxedEnvironment:
    # A writer's own folders come first, so their template of a genre replaces ours.
    loader = ChoiceLoader([_Loader([str(p) for p in extra]), _Loader(str(builtin("templates")))])
    env = _Sandbox(loader=loader, undefined=StrictUndefined, finalize=_escape,
                   trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True, autoescape=False)
    env.filters["cn"] = chinese_number
    env.filters["sequence"] = sequence_word
    env.filters["bare"] = bare
    return env


def render(genre: str, context: dict, templates: tuple[Path, ...] = (), *, seed: int = 0) -> str:
    """The draft's Markdown. `pick([…])` in a template chooses a wording by the seed."""
    name = f"{genre}.md.j2"
    rng = random.Random(f"template-{seed}")
    try:
        template = _environment(templates).get_template(name)
    except TemplateNotFound:
        raise UserError(f"找不到体裁 {genre} 的模板 {name}", field="genre") from None
    except TemplateError as e:
        raise _template_error(e, getattr(e, "filename", None) or name) from None
    where = template.filename or name
    try:
        text = template.render(**context, pick=lambda options: options[rng.randrange(len(options))])
    except (_TooBig, OverflowError) as e:
        # Our own size checks, and the sandbox's own limit on range().
        raise UserError(f"模板{_line(e, where)}中的运算结果过大，已被沙箱阻止；模板只需排列讲话稿的内容",
                        file=where) from None
    except SecurityError as e:
        attribute = re.search(r"attribute '([^']+)'", str(e))
        what = f"属性 {attribute.group(1)}" if attribute else "对象"
        raise UserError(f"模板{_line(e, where)}试图访问 Python 内部{what}，已被沙箱阻止；模板只能使用讲话稿的内容",
                        file=where) from None
    except TemplateError as e:
        raise _template_error(e, where) from None
    except UserError:
        raise  # an included template that cannot be read, named already
    except Exception as e:
        if Path(where).is_relative_to(builtin("templates")):
            raise  # a fault of ours, to be seen whole
        # A writer's template is input like any other (a sum that divides by zero, a range
        # the sandbox refuses): its faults are the writer's to mend.
        raise UserError(f"模板运行出错{_line(e, where)}：{type(e).__name__}: {e}", file=where) from None
    # Blank lines separate blocks; more than one in a row means nothing.
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def _template_error(e: TemplateError, where: str) -> UserError:
    line = f"（第 {e.lineno} 行）" if getattr(e, "lineno", None) else _line(e, where)
    undefined = re.fullmatch(r"'([^']+)' is undefined", e.message or "")
    # Jinja speaks English; the slip a writer makes most is a name the template does not have.
    what = f"没有名为“{undefined.group(1)}”的内容" if undefined else e.message
    return UserError(f"模板出错{line}：{what}", file=where)


def _line(e: Exception, filename: str) -> str:
    """Where in the template it failed: Jinja puts the template's line in the traceback."""
    lines = []
    tb = e.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == filename:
            lines.append(tb.tb_lineno)
        tb = tb.tb_next
    return f"（第 {lines[-1]} 行）" if lines else ""
