"""Proofreading a speech the way a careful reviewer does (speechdraft check).

    from speechdraft.check import check_paragraphs, check_file
    findings = check_paragraphs(["同志们：", "要严格落实党政同责、一岗双贵。"], level="县")
"""
from __future__ import annotations

from speechdraft.check.findings import ERROR, HINT, RULE_NAMES, Edit, Finding, describe
from speechdraft.check.runner import check_file, check_paragraphs, check_source

__all__ = ["check_paragraphs", "check_file", "check_source", "describe", "Finding", "Edit", "ERROR", "HINT",
           "RULE_NAMES"]
