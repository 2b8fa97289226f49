"""Run every rule over a speech."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from speechdraft.check import rules
from speechdraft.check.context import Context
from speechdraft.check.findings import ERROR, Finding
from speechdraft.check.reading import Source, read_source
from speechdraft.check.rules.level import LEVELS
from speechdraft.check.speechyear import speech_year
from speechdraft.errors import UserError
from speechdraft.levels import is_autonomous_region
from speechdraft.wordlists import WordLists, load_wordlists

_SEVERITY_ORDER = {ERROR: 0}


def check_paragraphs(paragraphs: list[str], *, level: str | None = None,
                     lists: WordLists | None = None, year: int | None = None,
                     province: str | None = None) -> list[Finding]:
    """Findings for a speech given as paragraphs (numbered from 1 in the findings).

    `level` is the speech's administrative level (省 市 州 盟 县 区 旗 乡 镇); without it
    the level-word rule is skipped. `lists` defaults to the built-in word lists. `year` is the
    speech's year (default: the document's date, else today); a formulation outdated from a
    later year is not reported. `province` (内蒙古自治区) turns on the rule for 省 words in an
    autonomous region's speech.
    """
    if level is not None and level not in LEVELS:
        raise ValueError(f"level must be one of {LEVELS}, not {level!r}")
    paragraphs = list(paragraphs)
    ctx = Context(paragraphs, level, lists if lists is not None else load_wordlists(),
                  year=speech_year(paragraphs, year), province=province)
    findings: list[Finding] = []
    for rule in rules.ALL:
        findings += rule.check(ctx)
    findings.sort(key=lambda f: (_SEVERITY_ORDER.get(f.severity, 1), f.paragraph, f.span[0], f.rule))
    return findings


def check_source(source: Source, *, level: str | None = None,
                 lists: WordLists | None = None, year: int | None = None,
                 province: str | None = None) -> list[Finding]:
    findings = check_paragraphs(source.paragraphs, level=level, lists=lists, year=year, province=province)
    if source.kind in ("txt", "md"):
        findings = [replace(f, line=source.paras[f.paragraph - 1].line) for f in findings]
    return findings


def check_file(path: str | Path, *, level: str | None = None,
               lists: WordLists | None = None, year: int | None = None,
               province: str | None = None) -> list[Finding]:
    """Findings for a .docx, .md or .txt file; UserError if it cannot be read."""
    return check_source(read_source(path), level=level, lists=lists, year=year, province=province)


def validate_level(level: str | None) -> str | None:
    if level is None or level in LEVELS:
        return level
    raise UserError(f"--level 应为 {'、'.join(LEVELS)} 之一，而不是“{level}”")


_PROVINCE_ENDINGS = ("省", "自治区", "市", "特别行政区")


def validate_province(province: str | None) -> str | None:
    if province is None or (province := province.strip()).endswith(_PROVINCE_ENDINGS) or is_autonomous_region(province):
        return province
    raise UserError(f"--province 应为省级行政区的全称，如“内蒙古自治区”“浙江省”，而不是“{province}”")
