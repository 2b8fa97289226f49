"""A finding cites its authority in a writer's words: never a tool, a file or a web address."""
from __future__ import annotations

import re

import pytest

from conftest import run
from speechdraft.check import check_paragraphs, describe
from speechdraft.check.annotate import comment_text
from speechdraft.citations import _table
from speechdraft.wordlists import load_wordlists

# what only a machine writes: identifiers, file names, web addresses, our corpus numbers
MACHINE = re.compile(r"[A-Za-z]{2,}|_|\.(?:txt|md|ya?ml|docx|com|cn|net)\b|§|语料\s*\d")
BUILTIN = [e for e in load_wordlists()]
# Latin letters a Chinese official text writes as they are
TERMS = re.compile(r"PM2\.5|PM10|GDP|VOCs|1\+N")


def test_a_typo_cites_a_writers_authority(tmp_path):
    draft = tmp_path / "稿.txt"
    draft.write_text("同志们：\n要认真布署今年的工作。\n", encoding="utf-8")
    r = run("check", draft)
    assert r.returncode == 1, r.stderr
    assert "“布署”应为“部署”" in r.stdout
    assert "（依据：常见别字对照）" in r.stdout
    assert "macro-correct" not in r.stdout and "confusion_dict" not in r.stdout


def _found(entry) -> list:
    # the entry's wrong form, as a quotation (quote-rule entries count only there), after the
    # word some context conditions need before it
    for before in ("", "绿色", "召开", "这是"):
        paragraph = f"总书记指出：“{before}{entry.wrong}”。"
        found = [f for f in check_paragraphs([paragraph]) if f.rule == entry.kind]
        if found:
            return found
    return []


@pytest.mark.parametrize("entry", BUILTIN, ids=[f"{e.kind}-{e.wrong}" for e in BUILTIN])
def test_no_finding_of_any_entry_shows_machine_text(entry):
    findings = _found(entry)
    assert findings, f"词表条目“{entry.wrong}”没有报出"
    for f in findings:
        for text in (describe(f), comment_text(f)):
            assert "依据：" in text
            assert not MACHINE.search(TERMS.sub("", text)), text


def test_every_citation_rule_is_used_by_some_entry():
    sources = [e.source for e in BUILTIN]
    for match, _ in _table()[0]:
        assert any(match in s for s in sources), match


def test_a_units_own_source_is_cited_as_written(tmp_path):
    words = tmp_path / "本单位.yaml"
    words.write_text("- {wrong: 环保局, right: 生态环境局, rule: warn, source: 本市机构改革方案（2019）}\n",
                     encoding="utf-8")
    draft = tmp_path / "稿.txt"
    draft.write_text("同志们：\n县环保局要牵头。\n", encoding="utf-8")
    r = run("check", draft, "--words", words)
    assert "（依据：本市机构改革方案（2019））" in r.stdout, r.stdout
