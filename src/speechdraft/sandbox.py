"""The sandbox a template runs in. Jinja's own guards attributes (no way to Python internals);
this one also bounds what a template can make and how long it can run, since a writer's
template (--templates) must not exhaust the machine.

Every value a template makes is checked for size before it is made, and every step (a loop
turn, a call, a filter, an operator) is charged to a budget, together with the size of what it
made. A speech needs a tiny fraction of either limit.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import wraps

from jinja2 import nodes
from jinja2.compiler import CodeGenerator, optimizeconst
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment, SandboxedEscapeFormatter, SandboxedFormatter
from jinja2.utils import Namespace, _PassArg
from markupsafe import Markup

MAX_SIZE = 100_000  # characters of a string, items of a list, that one operation makes
MAX_TEXT = 2_000_000  # characters of a value written out as text (the data file itself is at most 1 MB)
MAX_BITS = 1024  # bits of an integer: a speech's figures have a few digits
MAX_WORK = 4_000_000  # units per draft: one per step, plus one per character or item made
INCLUDE_WORK = 100  # an include renders a whole template
CALL_WORK = 40  # a call (a macro above all) takes as long as some forty loop turns


class TooBig(SecurityError):
    """A template computed something no speech needs ('a' * 10**9, 10**10**10)."""


class TooMuchWork(SecurityError):
    """A template ran past the budget (nested loops, recursion)."""


class _Budget:
    __slots__ = ("left",)

    def __init__(self, work: int):
        self.left = work


_BUDGET: ContextVar[_Budget] = ContextVar("template_budget")


@contextmanager
def budget(work: int = MAX_WORK) -> Iterator[None]:
    """The budget of one rendering; each thread and each draft has its own."""
    token = _BUDGET.set(_Budget(work))
    try:
        yield
    finally:
        _BUDGET.reset(token)


def charge(units: int) -> None:
    b = _BUDGET.get(None)
    if b is None:  # compile time: Jinja folds constants, which are as big as the template itself
        return
    b.left -= units
    if b.left < 0:
        raise TooMuchWork("budget")


def made(value):
    """Charge what an operation made, by its size."""
    charge(1 + (len(value) if isinstance(value, (str, list, tuple, dict, set)) else 0))
    return value


def text_size(value, limit: int = MAX_TEXT) -> int:
    """How many characters str(value) makes, counted no further than just past `limit` (a list
    of one long string a hundred thousand times is small in memory, huge as text)."""
    total, stack = 0, [value]
    while stack and total <= limit:
        v = stack.pop()
        if isinstance(v, str):
            total += len(v) + 2
        elif isinstance(v, (list, tuple, set, frozenset)):
            total += 2 + 2 * len(v)
            stack.extend(v)
        elif isinstance(v, dict):
            total += 2 + 4 * len(v)
            stack.extend(v.keys())
            stack.extend(v.values())
        elif isinstance(v, Namespace):
            stack.append(dict(v._Namespace__attrs))  # its repr shows its contents
        elif isinstance(v, int):
            total += v.bit_length() // 3 + 2
        else:
            total += 1
    return total


def as_text(value) -> str:
    """str(value), refused before it is made if it would be too long."""
    if isinstance(value, str):
        return value
    if text_size(value) > MAX_TEXT:
        raise TooBig("text")
    return made(str(value))


def _check(size: int, limit: int = MAX_SIZE) -> None:
    if size > limit:
        raise TooBig("size")


def _width(value) -> int:
    return value if isinstance(value, int) else len(value) if isinstance(value, str) else 0


# printf-style conversions ('%999999999d'): their width and precision
_PRINTF = re.compile(r"%(?:\([^)]*\))?[#0 +\-]*(\*|\d+)?(?:\.(\*|\d*))?[hlL]?([a-zA-Z%])")


def _check_printf(fmt: str, args) -> None:
    specs = _PRINTF.findall(fmt)
    values = list(args.values()) if isinstance(args, dict) else list(args) if isinstance(args, tuple) else [args]
    widest_value = max((text_size(v) for v in values), default=0)
    ints = [v for v in values if isinstance(v, int)]
    widths = [int(n) if n.isdigit() and len(n) < 8 else (max(ints, default=0) if n == "*" else MAX_TEXT + 1)
              for spec in specs for n in spec[:2] if n]
    _check(len(fmt) + len(specs) * max([widest_value, *widths]), MAX_TEXT)


class _Bounded:
    """A str.format formatter that checks each field's width and the total before formatting."""

    made = 0

    def format_field(self, value, format_spec):
        digits = re.findall(r"\d+", format_spec)
        width = max((int(d) if len(d) < 8 else MAX_TEXT + 1 for d in digits), default=0)
        self.made += max(width, text_size(value))
        _check(self.made, MAX_TEXT)
        return super().format_field(value, format_spec)


class _Formatter(_Bounded, SandboxedFormatter):
    pass


class _EscapeFormatter(_Bounded, SandboxedEscapeFormatter):
    pass


def _str_method(method, args: tuple, kwargs: dict) -> tuple:
    """Refuse a string method whose result would be too big, before it runs; its arguments
    (a generator given to join is read here, once)."""
    s, name = method.__self__, method.__name__
    if name == "join" and args:
        items = list(args[0])
        _check(sum(text_size(v) for v in items) + len(items) * len(s), MAX_TEXT)
        return (items, *args[1:])
    if name in ("center", "ljust", "rjust", "zfill") and args:
        _check(_width(args[0]))
    elif name == "expandtabs":
        _check(len(s) + s.count("\t") * _width(args[0] if args else kwargs.get("tabsize", 8)))
    elif name == "replace" and len(args) >= 2 and isinstance(args[0], str) and isinstance(args[1], str):
        old, new = args[0], args[1]
        times = s.count(old) if old else len(s) + 1
        _check(len(s) + times * max(0, len(new) - len(old)))
    elif name == "translate" and args and isinstance(args[0], dict):
        _check(len(s) * max([1, *(len(v) for v in args[0].values() if isinstance(v, str))]))
    return args


class _CodeGenerator(CodeGenerator):
    """Jinja's code, with the steps the sandbox does not see routed through it: a loop's turns,
    ~ (joining strings) and includes."""

    def visit_For(self, node: nodes.For, frame) -> None:
        node.iter = nodes.Call(nodes.EnvironmentAttribute("counted"), [node.iter], [], None, None,
                               lineno=node.iter.lineno)
        super().visit_For(node, frame)

    @optimizeconst
    def visit_Concat(self, node: nodes.Concat, frame) -> None:
        self.write("environment.joined((")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write("), ")
        if frame.eval_ctx.volatile:
            self.write("(markup_join if context.eval_ctx.volatile else str_join)")
        else:
            self.write("markup_join" if frame.eval_ctx.autoescape else "str_join")
        self.write(")")

    def visit_Include(self, node, frame) -> None:
        self.writeline(f"environment.charge({INCLUDE_WORK})")
        super().visit_Include(node, frame)

    def visit_Import(self, node, frame) -> None:
        self.writeline(f"environment.charge({INCLUDE_WORK})")
        super().visit_Import(node, frame)

    def visit_FromImport(self, node, frame) -> None:
        self.writeline(f"environment.charge({INCLUDE_WORK})")
        super().visit_FromImport(node, frame)


# What each filter that can make more than it was given may make, from its arguments.
def _center(value, width=80, *_):
    _check(max(text_size(value), _width(width)))


def _indent(value, width=4, *_, **__):
    text = as_text(value)
    _check(len(text) + (text.count("\n") + 1) * _width(width))


def _wordwrap(value, width=79, break_long_words=True, wrapstring=None, *_, **__):
    text = as_text(value)
    _check(len(text) + (len(text) + 1) * len(as_text(wrapstring or "\n")))


def _replace(value, old, new, count=None):
    text, old, new = as_text(value), as_text(old), as_text(new)
    times = text.count(old) if old else len(text) + 1
    if isinstance(count, int):
        times = min(times, count)
    _check(len(text) + times * max(0, len(new) - len(old)))


def _join(value, d="", attribute=None):
    _check(sum(text_size(v) for v in value) + len(value) * len(as_text(d)), MAX_TEXT)


def _format(value, *args, **kwargs):
    _check_printf(as_text(value), kwargs or args)


def _batch(value, linecount, fill_with=None):
    if fill_with is not None:
        _check(_width(linecount))


def _slice(value, slices, fill_with=None):
    _check(_width(slices))


def _sum(iterable, attribute=None, start=0):
    if not isinstance(start, (int, float)):  # sum(start=[]) joins lists: quadratic
        raise TooBig("sum")


def _tojson(value, indent=None):
    _check(text_size(value) * (1 + _width(indent)), MAX_TEXT)


def _urlize(value, trim_url_limit=None, nofollow=False, target=None, rel=None, extra_schemes=None):
    text = as_text(value)
    _check(3 * len(text) + (len(text) // 3 + 1) * (_width(target or "") + _width(rel or "") + 40), MAX_TEXT)


_FILTER_CHECKS = {"center": _center, "indent": _indent, "wordwrap": _wordwrap, "replace": _replace,
                  "join": _join, "format": _format, "batch": _batch, "slice": _slice, "sum": _sum,
                  "tojson": _tojson, "urlize": _urlize}
# Filters that write their value out as text: it must not be too long as text.
_STRINGIFY = {"string", "escape", "e", "forceescape", "safe", "upper", "lower", "title", "capitalize", "trim",
              "striptags", "truncate", "wordcount", "urlencode", "pprint", "xmlattr", "list", "reverse"}


def _bounded_filter(name: str, f):
    check = _FILTER_CHECKS.get(name)
    # A filter marked pass_context / pass_environment / pass_eval_context gets that first.
    skip = 0 if _PassArg.from_obj(f) is None else 1

    @wraps(f)  # keeps those marks
    def run(*args, **kwargs):
        if name == "join":  # its items are counted first, so a generator is read once, here
            args = (*args[:skip], list(args[skip]), *args[skip + 1:])
        if check is not None:
            check(*args[skip:], **kwargs)
        elif name in _STRINGIFY and args[skip:] and text_size(args[skip]) > MAX_TEXT:
            raise TooBig(name)
        return made(f(*args, **kwargs))

    return run


class Sandbox(ImmutableSandboxedEnvironment):
    """Jinja's sandbox (lists and dicts cannot be changed in place, so nothing grows unseen),
    with sizes and work bounded. Render inside `budget()`."""

    code_generator_class = _CodeGenerator
    intercepted_binops = frozenset(["*", "**", "+", "-", "%"])

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        # Paragraphs of Latin on demand: a speech needs none, and lipsum(n=10**9) never ends.
        del self.globals["lipsum"]
        self.filters = {name: _bounded_filter(name, f) for name, f in self.filters.items()}

    charge = staticmethod(charge)

    def counted(self, iterable: Iterable) -> Iterator:
        for item in iterable:
            charge(1)
            yield item

    def joined(self, parts: tuple, join):
        _check(sum(len(p) if isinstance(p, str) else text_size(p) for p in parts))
        return made(join(parts))

    def call_binop(self, context, operator, left, right):
        charge(1)
        if operator in ("*", "**", "+", "-") and _int(left) and _int(right):
            bits = max(left.bit_length(), right.bit_length()) + 1
            if operator == "*":
                bits = left.bit_length() + right.bit_length()
            elif operator == "**" and right > 0 and abs(left) > 1:
                bits = left.bit_length() * right
            _check(bits, MAX_BITS)
        elif operator == "*":
            count, other = (right, left) if _int(right) else (left, right)
            if _int(count) and hasattr(other, "__len__"):
                _check(count * len(other))
        elif operator == "+" and hasattr(left, "__len__") and hasattr(right, "__len__"):
            _check(len(left) + len(right))
        elif operator == "%" and isinstance(left, str):
            _check_printf(left, right)
        return made(super().call_binop(context, operator, left, right))

    def getattr(self, obj, attribute):
        charge(1)
        return super().getattr(obj, attribute)

    def getitem(self, obj, argument):
        charge(1)
        return super().getitem(obj, argument)

    # Jinja's own signature: the double underscores leave every keyword free for the call.
    def call(__self, __context, __obj, *args, **kwargs):  # noqa: N805
        charge(CALL_WORK)
        if isinstance(getattr(__obj, "__self__", None), str):
            args = _str_method(__obj, args, kwargs)
        return made(super().call(__context, __obj, *args, **kwargs))

    def wrap_str_format(self, value):
        # Jinja's own wrapper with a formatter that checks widths ('{:>999999999}') first.
        if super().wrap_str_format(value) is None:
            return None
        text, is_map = value.__self__, value.__name__ == "format_map"

        @wraps(value)
        def run(*args, **kwargs):
            if is_map:
                if kwargs or len(args) != 1:
                    raise TypeError("format_map() takes exactly one argument")
                args, kwargs = (), args[0]
            formatter = _EscapeFormatter(self, escape=text.escape) if isinstance(text, Markup) else _Formatter(self)
            return type(text)(formatter.vformat(text, args, kwargs))

        return run


def _int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)
