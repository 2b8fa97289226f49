"""Issue 14's slow paths stay linear: each test bounds the work a step does (calls, runs read,
characters searched) at n and 4n, never the time; and the faster steps say what the old ones did."""
from __future__ import annotations

import io
import random
import re
import zipfile
from datetime import datetime, timezone

import docx
import pytest
from docx.oxml.comments import CT_Comments

from attacks import slow_inputs
from speechdraft import pipeline
from speechdraft.check import check_paragraphs
from speechdraft.check import docx_text, reading
from speechdraft.check.context import Context
from speechdraft.check.literals import required
from speechdraft.check.rules import words
from speechdraft.document import Document, Paragraph, Run, Title
from speechdraft.wordlists import load_wordlists
from speechdraft.writers import docx as docx_writer
from speechdraft.writers.docx import title_lines, write_docx
from speechdraft.writers.docx_comments import Comments

STAMP = datetime(2024, 3, 15, tzinfo=timezone.utc)


def _linear(work, n: int = 50) -> None:
    """work(n) grows no faster than n: four times the input, at most 4.5 times the work."""
    small, large = work(n), work(4 * n)
    assert small > 0 and large <= 4.5 * small, (small, large)


# --- the title ---------------------------------------------------------------------------

def test_a_title_past_the_balanced_lines_is_cut_in_full_lines_without_balancing(monkeypatch):
    monkeypatch.setattr(docx_writer, "_best_cuts", lambda *a, **k: pytest.fail("balanced a 1,000-character title"))
    lines = title_lines("会" * 1000)
    assert lines == ["会" * 20] * 50


def test_title_line_breaking_reads_widths_a_number_of_times_linear_in_the_length(monkeypatch):
    calls = 0
    make = docx_writer._prefix_widths

    def counting(text):
        widths = make(text)

        def measured(start, end):
            nonlocal calls
            calls += 1
            return widths(start, end)
        return measured

    monkeypatch.setattr(docx_writer, "_prefix_widths", counting)

    def work(n):
        nonlocal calls
        calls = 0
        title_lines("会" * (10 * n) + "上的讲话")
        return calls

    _linear(work)


# --- draft --annotate ----------------------------------------------------------------------

def _document(n: int) -> tuple[Document, list[tuple[str, str]]]:
    """A title, and one paragraph saying n figures in two runs (lead and body), a note on each
    figure and a second note on the first (which joins no other paragraph)."""
    figures = [f"第{k}项指标达到{k}.5%" for k in range(n)]
    body = "，".join(figures) + "。"
    blocks = [Title("在全县生态环境保护工作会议上的讲话"), Paragraph((Run(body[:7], lead=True), Run(body[7:])))]
    notes = [(f, f"数据：metrics 第{k + 1}项") for k, f in enumerate(figures)]
    return Document(blocks=blocks), [*notes, ("全县生态环境", "标题")]


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {name: z.read(name) for name in z.namelist()}


def test_notes_cover_exactly_their_words_and_keep_their_order():
    document, notes = _document(30)
    out = io.BytesIO()
    write_docx(document, out, notes=notes)
    xml = _parts(out.getvalue())["word/document.xml"].decode()
    covered = {}
    for m in re.finditer(r'<w:commentRangeStart w:id="(\d+)"/>(.*?)<w:commentRangeEnd w:id="\1"/>', xml, re.S):
        covered[int(m.group(1))] = "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", m.group(2)))
    assert [covered[k] for k in range(len(notes))] == [fragment for fragment, _ in notes]
    comments = _parts(out.getvalue())["word/comments.xml"].decode()
    assert re.findall(r"<w:t>([^<]*)</w:t>", comments) == [source for _, source in notes]


def test_comments_are_the_xml_python_docx_writes():
    def build(add):
        word = docx.Document()
        paragraph = word.add_paragraph("同志们：")
        paragraph.add_run("今年以来")
        add(word, paragraph.runs, "出处：第1段\n第二行")
        add(word, paragraph.runs[1:], "数据：metrics 第1项")
        out = io.BytesIO()
        word.save(out)
        return _parts(out.getvalue())

    def ours(word, runs, text):
        Comments(word, author="speechdraft", initials="SD", date=STAMP).add(runs, text)

    def theirs(word, runs, text):
        word.add_comment(runs, text=text, author="speechdraft", initials="SD")._comment_elm.date = STAMP

    assert build(ours) == build(theirs)


@pytest.fixture
def no_comment_id_scan(monkeypatch):
    """python-docx reads every comment for a new one's id: 10,000 comments took minutes."""
    monkeypatch.setattr(CT_Comments, "_next_available_comment_id",
                        lambda self: pytest.fail("looked through the comments for a free id"))


def test_draft_notes_read_each_run_a_number_of_times_linear_in_the_notes(monkeypatch, no_comment_id_scan):
    reads = 0
    text = docx.text.run.Run.text

    def counted(self):
        nonlocal reads
        reads += 1
        return text.fget(self)

    monkeypatch.setattr(docx.text.run.Run, "text", property(counted, text.fset))

    def work(n):
        nonlocal reads
        document, notes = _document(n)
        reads = 0
        write_docx(document, io.BytesIO(), notes=notes)
        return reads

    _linear(work)


def _old_placeable(notes, document):
    """pipeline._placeable as it was: what the counting version must still give."""
    texts = [block.text for block in document.blocks]
    placed, last = [], {}
    for fragment, source in notes:
        if not any(fragment in t for t in texts):
            continue
        if fragment in last and sum(f == fragment for f, _ in placed) >= sum(fragment in t for t in texts):
            placed[last[fragment]][1] += f"；{source}"
            continue
        last[fragment] = len(placed)
        placed.append([fragment, source])
    return [(fragment, source) for fragment, source in placed]


def test_placed_notes_are_those_of_the_old_placement():
    rng = random.Random(14)
    words_ = ["推进", "治污", "达标", "缺失", "生态"]
    for _ in range(300):
        blocks = [Paragraph((Run("".join(rng.choices(words_, k=rng.randint(1, 4)))),)) for _ in range(rng.randint(1, 5))]
        document = Document(blocks=blocks)
        notes = [(rng.choice(words_), f"出处{k}") for k in range(rng.randint(0, 8))]
        assert pipeline._placeable(notes, document) == _old_placeable(notes, document)


# --- check --annotate ------------------------------------------------------------------------

def test_check_annotate_reads_each_paragraph_once_however_many_findings(tmp_path, monkeypatch, no_comment_id_scan):
    from speechdraft.check.annotate import annotate
    from speechdraft.check.reading import read_source
    from speechdraft.check.runner import check_source

    path = tmp_path / "稿.docx"
    path.write_bytes(slow_inputs.docx_bytes(["一岗双贵," * 40 + "要严格落实。", "一岗双贵,要抓紧。"]))
    source = read_source(path)
    findings = check_source(source)
    assert len(findings) > 40
    reads = []
    segments = docx_text.segments
    monkeypatch.setattr(docx_text, "segments", lambda p: reads.append(p) or segments(p))
    data, placed = annotate(source, findings)
    # each paragraph read twice: once to make sure the file is the one checked (docx_copy.reopen),
    # once to cut its runs — however many findings it holds
    assert placed == len(findings) and len(reads) <= 4
    xml = _parts(data)["word/document.xml"].decode()
    assert xml.count("<w:commentRangeStart") == placed


# --- check -----------------------------------------------------------------------------------

def test_every_match_of_a_builtin_pattern_holds_one_of_its_words():
    corpus = "\n".join(p.read_text(encoding="utf-8") for p in (slow_inputs.ROOT / "tests" / "fixtures").rglob("*.txt"))
    for entry in load_wordlists().entries:
        found = required(entry.pattern)
        assert found is None or all(w for w in found)
        for m in entry.pattern.finditer(corpus + "\n" + entry.wrong):
            assert found is None or any(w in m.group() for w in found), (entry.pattern.pattern, m.group())


@pytest.mark.parametrize("pattern, found", [
    (r"两山理论|两山论(?!坛)", {"两山"}), (r"(?<![木玉])兰天", {"兰天"}), (r"x*", None), (r"(?i)ab", None),
    (r"金山[馄根垠]山", {"金山"}), (r"(ab|cd)+e?", {"ab", "cd"}), (r"(?:a|)b", {"b"}), (r"(a)\1", {"a"}),
])
def test_required_words(pattern, found):
    assert required(re.compile(pattern)) == (None if found is None else frozenset(found))


def test_word_rules_find_what_running_every_pattern_everywhere_finds(monkeypatch):
    paragraphs = [p for f in (slow_inputs.ROOT / "tests" / "fixtures").rglob("*.txt")
                  for p in f.read_text(encoding="utf-8").splitlines() if p.strip()]
    paragraphs += slow_inputs.paragraphs(100) + ["两山论坛上说两山理论", "中央环保督查和金山根山", "习总书记"]
    filtered = check_paragraphs(paragraphs, level="县")
    monkeypatch.setattr(words, "required", lambda pattern: None)
    assert check_paragraphs(paragraphs, level="县") == filtered


def test_word_patterns_run_only_on_paragraphs_holding_their_words(monkeypatch):
    runs = 0
    compiled: dict[int, Counted] = {}

    class Counted:  # an entry's pattern, counting the paragraphs it is run on
        def __init__(self, pattern):
            self.pattern = pattern

        def finditer(self, text):
            nonlocal runs
            runs += 1
            return self.pattern.finditer(text)

    lists = load_wordlists()
    for entry in lists.entries:
        compiled[id(entry)] = Counted(entry.pattern)
    monkeypatch.setattr(type(lists.entries[0]), "pattern", property(lambda e: compiled[id(e)]))
    monkeypatch.setattr(words, "required", lambda counted: required(counted.pattern))
    words.check(Context(["全县上下要抓紧抓实生态环境保护。"] * 200 + ["一岗双贵"], "县", lists))
    assert runs == 1  # only 一岗双贵's own entry, on its one paragraph


def _strip_work(monkeypatch) -> list[int]:
    """Characters the inline-markup patterns search, appended to the returned list."""
    searched = []

    class Counted:
        def __init__(self, pattern):
            self.pattern = pattern

        def search(self, s):
            searched.append(len(s))
            return self.pattern.search(s)

        def finditer(self, s):
            searched.append(len(s))
            return self.pattern.finditer(s)

    monkeypatch.setattr(reading, "_MD_INLINE", [(Counted(p), g) for p, g in reading._MD_INLINE])
    return searched


def test_markdown_markup_is_stripped_in_work_linear_in_the_spans(tmp_path, monkeypatch):
    searched = _strip_work(monkeypatch)

    def work(n):
        path = tmp_path / f"{n}.md"
        path.write_text(slow_inputs.bold_md(n), encoding="utf-8")
        searched.clear()
        paras = reading.read_md(path).paras
        assert paras[-1].text == "一是抓" * n
        return sum(searched)

    _linear(work, n=reading.ONE_AT_A_TIME * 2)


def test_a_txt_paragraph_maps_to_the_file_without_a_list_per_character(tmp_path):
    path = tmp_path / "稿.txt"
    path.write_text("同志们：\n\n全县上下,要抓紧。\n", encoding="utf-8")
    paras = reading.read_txt(path).paras
    assert [p.raw_map for p in paras] == [range(0, 4), range(6, 15)]


class _Counted(str):
    """Text that counts the characters sliced out of it."""

    sliced = 0

    def __getitem__(self, key):
        piece = str.__getitem__(self, key)
        _Counted.sliced += len(piece)
        return piece


def test_fixes_are_made_in_one_pass_over_the_text():
    from speechdraft.check.findings import Edit
    from speechdraft.check.fixing import _apply_text

    rng = random.Random(14)
    for _ in range(200):
        text = "".join(rng.choices("全县上下,;要抓紧", k=rng.randint(0, 40)))
        cuts = sorted(rng.sample(range(len(text) + 1), k=2 * rng.randint(0, (len(text) + 1) // 2)))
        edits = [Edit(a, b, rng.choice(["，", "；", ""])) for a, b in zip(cuts[::2], cuts[1::2]) if a < b]
        expected = text
        for e in sorted(edits, key=lambda e: e.start, reverse=True):  # one edit at a time, as before
            expected = expected[:e.start] + e.new + expected[e.end:]
        assert _apply_text(text, edits) == expected
    text = _Counted("全县上下,要抓紧。" * 4000)
    _Counted.sliced = 0
    _apply_text(text, [Edit(k, k + 1, "，") for k in range(4, len(text), 9)])
    assert _Counted.sliced <= len(text)
