"""Which regular expressions can take exponential time on a short paragraph.

Python's `re` backtracks: a repeated group that can match the same text in more than one way
((生+)+, (生|生生)+, (a?)+) tries every way before it fails, 2^n of them for n characters. The
shapes that do this are few and a word list never needs them, so they are refused when the
list loads, by a look at the parsed pattern (not by a time limit while checking a document).
"""
from __future__ import annotations

import re._constants as C
import re._parser as P  # the parser `re` itself uses: the pattern is read exactly as it will run

_REPEATS = (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT)
_ANY = None  # a first-character set that may hold any character


def blowup(pattern: str) -> str | None:
    """What makes `pattern` exponential, in a writer's words, or None when it is safe."""
    return _walk(P.parse(pattern), under_repeat=False)


def _walk(items, under_repeat: bool) -> str | None:
    for op, av in items:
        if op in _REPEATS:
            low, high, body = av
            repeats = high > 1
            if repeats and under_repeat and low != high:
                return "重复的内容里又有重复（如 (生+)+）"
            if repeats and (why := _ambiguous(body)):
                return why
            if found := _walk(body, under_repeat or repeats):
                return found
        elif op == C.SUBPATTERN:
            if found := _walk(av[3], under_repeat):
                return found
        elif op in (C.ATOMIC_GROUP,):
            if found := _walk(av, under_repeat):
                return found
        elif op in (C.ASSERT, C.ASSERT_NOT):
            if found := _walk(av[1], under_repeat):
                return found
        elif op == C.BRANCH:
            for branch in av[1]:
                if found := _walk(branch, under_repeat):
                    return found
        elif op == C.GROUPREF_EXISTS:
            for branch in av[1:]:
                if branch is not None and (found := _walk(branch, under_repeat)):
                    return found
    return None


def _ambiguous(body) -> str | None:
    """A repeated body that can split the same text in two ways."""
    if _nullable(body):
        return "重复的内容可以是空的（如 (生?)+）"
    start = _first(body)
    for op, av in _flatten(body):
        # An optional part that can start like the body itself: 生生 is one turn with it or two without.
        if op not in (C.AT, C.ASSERT, C.ASSERT_NOT) and _item_nullable(op, av):
            here = _item_first(op, av)
            if here is _ANY or start is _ANY or here & start:
                return "重复的内容中有可有可无、又与开头相同的部分（如 (生|生生)+）"
        if op == C.BRANCH:
            firsts = [_first(branch) for branch in av[1]]
            for i, a in enumerate(firsts):
                for b in firsts[i + 1:]:
                    if a is _ANY or b is _ANY or a & b:
                        return "重复的内容中有开头相同的选项（如 (生|生生)+）"
    return None


def _flatten(items):
    """The items of a sequence with plain groups opened, so (?:a|b) is seen as a|b."""
    for op, av in items:
        if op == C.SUBPATTERN:
            yield from _flatten(av[3])
        else:
            yield op, av


def _nullable(items) -> bool:
    return all(_item_nullable(op, av) for op, av in items)


def _item_nullable(op, av) -> bool:
    if op in _REPEATS:
        return av[0] == 0 or _nullable(av[2])
    if op == C.SUBPATTERN:
        return _nullable(av[3])
    if op == C.ATOMIC_GROUP:
        return _nullable(av)
    if op == C.BRANCH:
        return any(_nullable(b) for b in av[1])
    return op in (C.AT, C.ASSERT, C.ASSERT_NOT, C.GROUPREF, C.GROUPREF_EXISTS)


def _first(items) -> frozenset[int] | None:
    """The characters a match of `items` can start with (None: any character)."""
    found: set[int] = set()
    for op, av in items:
        here = _item_first(op, av)
        if here is _ANY:
            return _ANY
        found |= here
        if not _item_nullable(op, av):
            break
    return frozenset(found)


def _item_first(op, av) -> frozenset[int] | None:
    if op == C.LITERAL:
        return frozenset([av])
    if op == C.IN:
        chars: set[int] = set()
        for kind, value in av:
            if kind == C.LITERAL:
                chars.add(value)
            elif kind == C.RANGE and value[1] - value[0] < 256:
                chars.update(range(value[0], value[1] + 1))
            else:  # a class, a negation, a wide range: assume it overlaps
                return _ANY
        return frozenset(chars)
    if op in _REPEATS:
        return _first(av[2])
    if op == C.SUBPATTERN:
        return _first(av[3])
    if op == C.ATOMIC_GROUP:
        return _first(av)
    if op == C.BRANCH:
        out: set[int] = set()
        for branch in av[1]:
            first = _first(branch)
            if first is _ANY:
                return _ANY
            out |= first
        return frozenset(out)
    if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
        return frozenset()
    return _ANY  # any character, a category (\d, \w), a back-reference
