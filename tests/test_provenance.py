"""--annotate names where each borrowed point came from in words a writer can follow: a
built-in point by the title of its speech, a writer's own point by their bank file."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import docx
import yaml

from conftest import EXAMPLES, ROOT, run
from speechdraft.extract.clean import clean
from speechdraft.extract.read import find, read
from speechdraft.provenance import corpus_titles
from test_draft_word import comments

CORPUS = Path(__file__).parent / "fixtures" / "corpus"


def test_a_builtin_point_is_named_by_its_speechs_title(tmp_path):
    out = tmp_path / "稿.docx"
    r = run("draft", EXAMPLES / "county-conference.yaml", "-o", out, "--annotate")
    assert r.returncode == 0, r.stderr
    sources = [n for n in comments(out) if n.startswith("出处")]
    assert sources
    titles = set(corpus_titles().values())
    for note in sources:
        m = re.fullmatch(r"出处：《(.+)》第\d+段", note)
        # a point we wrote names the policy its wording rests on
        assert (m and m.group(1) in titles) or re.fullmatch(r"出处：自拟要点，依据.{4,}", note), note
    assert any(re.fullmatch(r"出处：《(.+)》第\d+段", n) for n in sources)
    assert not any(re.search(r"\.txt|[0-9a-f]{16}", n) for n in comments(out))


def test_every_corpus_title_is_the_title_of_its_speech():
    # the titles are the speeches' own title lines, as extract reads them
    found, _ = find([CORPUS])
    assert {f.name: clean(read(f).lines).title for f in found} == corpus_titles()


def test_every_builtin_point_has_a_titled_source():
    for f in (ROOT / "phrasebank").glob("*.yaml"):
        for point in yaml.safe_load(f.read_text(encoding="utf-8"))["points"]:
            if not point["source"].get("authored"):
                assert point["source"]["file"] in corpus_titles(), (f.name, point["id"])


def test_a_writers_own_point_is_named_by_bank_file_and_place(tmp_path):
    bank = tmp_path / "我的素材库"
    bank.mkdir()
    # the writer's copy of the openings: every opening the draft uses is now theirs
    shutil.copy(ROOT / "phrasebank" / "opening.yaml", bank / "opening.yaml")
    ids = [p["id"] for p in yaml.safe_load((bank / "opening.yaml").read_text(encoding="utf-8"))["points"]]
    r = run("draft", EXAMPLES / "county-conference.yaml", "-o", "稿.docx", "--annotate",
            "--phrasebank", "我的素材库/", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    mine = [re.fullmatch(r"出处：素材库 我的素材库/opening\.yaml 第(\d+)条（([a-z0-9-]+)）", n)
            for n in comments(tmp_path / "稿.docx")]
    mine = [m for m in mine if m]
    assert mine, comments(tmp_path / "稿.docx")
    for m in mine:
        assert ids[int(m.group(1)) - 1] == m.group(2)


def test_check_annotate_cites_in_a_writers_words(tmp_path):
    d = docx.Document()
    d.add_paragraph("同志们：")
    d.add_paragraph("要认真布署今年的各项工作。")
    d.save(tmp_path / "讲话稿.docx")
    r = run("check", "讲话稿.docx", "--annotate", "-o", "审校稿.docx", cwd=tmp_path)
    assert r.returncode == 1, r.stderr
    notes = comments(tmp_path / "审校稿.docx")
    assert any("“布署”应为“部署”" in n and "（依据：常见别字对照）" in n for n in notes), notes
    assert not any(re.search(r"[A-Za-z]{2,}|_", n) for n in notes), notes
