"""Render a genre's template (Jinja, sandboxed, undefined names are errors) to the draft's
Markdown subset. Every value a template prints is escaped for Markdown, so the writer's own
text can never turn into markup."""
from __future__ import annotations

import os
import random
import re
from functools import cache
from pathlib import Path, PurePosixPath

from jinja2 import ChoiceLoader, FileSystemLoader, StrictUndefined, TemplateError, TemplateNotFound
from jinja2.exceptions import SecurityError
from jinja2.loaders import split_template_path

from speechdraft.errors import UserError
from speechdraft.inputs import TEMPLATE, read_bytes
from speechdraft.resources import builtin
from speechdraft.sandbox import MAX_WORK, Sandbox, TooBig, TooMuchWork, as_text, budget, made

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
    # Charged: text printed into {% set %} or a macro's body is held, not streamed out.
    return made(_MD_SPECIAL.sub(r"\\\1", as_text(value)))


# Some hundred times the longest speech: a template writing more is looping without end.
MAX_OUTPUT = 1_000_000


class _Loader(FileSystemLoader):
    """FileSystemLoader reading through speechdraft.inputs: a template that is a pipe or a
    device is refused by name (FileSystemLoader would pass it over for ours, or hang on it),
    what is read is capped, and text that is not UTF-8 is named with its line."""

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
        except UnicodeDecodeError as e:
            line = raw.count(b"\n", 0, e.start) + 1
            raise UserError(f"模板第 {line} 行不是 UTF-8 编码的文字；请用 UTF-8 编码另存模板", file=filename) from None
        mtime = os.path.getmtime(filename)
        return contents, os.path.normpath(filename), lambda: _mtime(filename) == mtime


def _mtime(filename: str) -> float | None:
    try:
        return os.path.getmtime(filename)
    except OSError:
        return None


@cache
def _environment(extra: tuple[Path, ...]) -> Sandbox:
    # A writer's own folders come first, so their template of a genre replaces ours.
    loader = ChoiceLoader([_Loader([str(p) for p in extra]), _Loader(str(builtin("templates")))])
    env = Sandbox(loader=loader, undefined=StrictUndefined, finalize=_escape,
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
        text = _written(template, {**context, "pick": lambda options: options[rng.randrange(len(options))]}, where)
    except UserError:
        raise
    except (TooBig, OverflowError) as e:
        # Our own size checks, and the sandbox's own limit on range().
        raise UserError(f"模板{_line(e, where)}中的运算结果过大，已被沙箱阻止；模板只需排列讲话稿的内容",
                        file=where) from None
    except (TooMuchWork, RecursionError) as e:
        raise UserError(f"模板{_line(e, where)}的运算量过大（循环、调用或引入超过 {MAX_WORK // 10_000} 万步），"
                        "已被停止；请检查循环是否嵌套过多、宏或引入是否调用自身", file=where) from None
    except TemplateNotFound as e:
        raise UserError(f"模板{_line(e, where)}{_not_found(e.name)}", file=where) from None
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


def _written(template, context: dict, where: str) -> str:
    """The template's text, streamed so that a template writing without end is stopped early."""
    parts, size = [], 0
    with budget():
        for part in template.generate(**context):
            size += len(part)
            if size > MAX_OUTPUT:
                raise UserError(f"模板生成的文字超过 {MAX_OUTPUT // 10_000} 万字，已被停止；"
                                "一篇讲话稿只有几千到几万字，请检查循环", file=where)
            parts.append(part)
    return "".join(parts)


def _not_found(name) -> str:
    """Why an include found nothing: a path outside the template folders is refused, not looked for."""
    path = PurePosixPath(str(name).replace("\\", "/"))
    if path.is_absolute() or ".." in path.parts or re.match(r"[A-Za-z]:", str(name)):
        return (f"要引入模板文件夹以外的文件“{name}”，模板不能引入模板文件夹以外的文件；"
                "请把要引入的模板放进 --templates 文件夹，按相对于该文件夹的路径引入")
    return f"要引入的模板“{name}”不存在；请检查文件名，它应在 --templates 文件夹中"


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
