"""Word files: reading, --annotate (comments at the spot, formatting untouched), --fix in place."""
from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from lxml import etree

from conftest import run
from speechdraft.check import check_file
from speechdraft.check.annotate import annotate
from speechdraft.check.docx_text import paragraph_text, segments
from speechdraft.check.fixing import fix_source
from speechdraft.check.reading import read_source


def make_docx(path: Path) -> Path:
    d = docx.Document()
    d.add_paragraph("在全市生态环境保护工作会议上的讲话")
    d.add_paragraph("")
    p = d.add_paragraph()
    r = p.add_run("要严格落实党政同责、一岗")
    r.bold = True
    r.font.size = Pt(16)
    r._r.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "仿宋_GB2312")
    r = p.add_run("双贵,推动")
    r.italic = True
    r.font.color.rgb = RGBColor(0xC0, 0, 0)
    p.add_run("\t工作落实。截止目前,全市空气质量优良天数比例同比上升1.4%。")
    d.add_paragraph("一、提高站位")
    d.add_paragraph("三、狠抓落实")
    d.save(path)
    return path


def char_formats(path: Path) -> list[list[tuple[str, bytes]]]:
    """For every body paragraph, each character with the XML of its run properties —
    the comment reference runs Word adds are left out."""
    out = []
    for p in docx.Document(path).paragraphs:
        chars = []
        for s in segments(p._p):
            if s.run.find(qn("w:commentReference")) is not None:
                continue
            rpr = s.run.find(qn("w:rPr"))
            key = etree.tostring(rpr) if rpr is not None else b""
            chars += [(c, key) for c in s.text]
        out.append(chars)
    return out


def commented_spans(path: Path) -> list[tuple[str, str]]:
    """(text inside the comment range, comment text) for every comment."""
    d = docx.Document(path)
    comments = {c.comment_id: c.text for c in d.comments}
    out = []
    body = d.element.body
    for start in body.iter(qn("w:commentRangeStart")):
        cid = start.get(qn("w:id"))
        text = []
        node = start
        while True:
            node = node.getnext()
            if node is None or (node.tag == qn("w:commentRangeEnd") and node.get(qn("w:id")) == cid):
                break
            if node.tag == qn("w:r"):
                text.append("".join(t.text or "" for t in node.iter(qn("w:t"))))
        out.append(("".join(text), comments[int(cid)]))
    return out


@pytest.fixture
def sample(tmp_path):
    return make_docx(tmp_path / "稿.docx")


def test_reading_docx_skips_empty_paragraphs_and_keeps_tabs(sample):
    src = read_source(sample)
    assert src.kind == "docx"
    assert len(src.paras) == 4
    assert src.paras[1].text == "要严格落实党政同责、一岗双贵,推动\t工作落实。截止目前,全市空气质量优良天数比例同比上升1.4%。"
    assert src.paras[1].docx_index == 2


def test_check_file_docx(sample):
    fs = check_file(sample, level="市")
    assert {f.rule for f in fs} == {"typo", "halfwidth-punct", "numbering", "percent-point"}
    assert all(f.line is None for f in fs)


def test_annotate_puts_comments_at_the_spot_and_leaves_formatting(sample, tmp_path):
    src = read_source(sample)
    fs = check_file(sample)
    data, placed = annotate(src, fs)
    out = tmp_path / "审校稿.docx"
    out.write_bytes(data)
    assert placed == len(fs) == 5
    spans = commented_spans(out)
    assert sorted(s for s, _ in spans) == sorted(["一岗双贵", ",", "截止", "1.4%", "三、"])
    by_spot = {s: c for s, c in spans}
    assert "一岗双责" in by_spot["一岗双贵"] and by_spot["一岗双贵"].startswith("［错误·错别字］")
    assert "截至" in by_spot["截止"]
    assert "2 处半角标点" in by_spot[","]
    assert "百分点" in by_spot["1.4%"]
    assert "缺少“二、”" in by_spot["三、"]
    # the text and the look of every character are exactly as before
    assert char_formats(out) == char_formats(sample)
    d = docx.Document(out)
    assert [paragraph_text(p._p) for p in d.paragraphs] == [paragraph_text(p._p) for p in docx.Document(sample).paragraphs]
    assert {c.author for c in d.comments} == {"speechdraft 审校"}


def test_annotate_spot_across_two_runs(sample, tmp_path):
    out = tmp_path / "a.docx"
    data, _ = annotate(read_source(sample), check_file(sample))
    out.write_bytes(data)
    # 一岗双贵 spans a bold run (一岗) and an italic run (双贵): both keep their look
    p = docx.Document(out).paragraphs[2]
    looks = {r.text: (r.bold, r.italic) for r in p.runs if r.text}
    assert looks["一岗"] == (True, None) and looks["双贵"] == (None, True)


def test_fix_docx_edits_text_in_place(sample, tmp_path):
    src = read_source(sample)
    data, changes = fix_source(src, check_file(sample))
    out = tmp_path / "修正稿.docx"
    out.write_bytes(data)
    assert [(c.old, c.new) for c in changes] == [("一岗双贵", "一岗双责"), (",", "，"), ("截止", "截至"), (",", "，")]
    d = docx.Document(out)
    p = d.paragraphs[2]
    assert paragraph_text(p._p) == "要严格落实党政同责、一岗双责，推动\t工作落实。截至目前，全市空气质量优良天数比例同比上升1.4%。"
    runs = p.runs
    assert runs[0].text == "要严格落实党政同责、一岗双责" and runs[0].bold and runs[0].font.size == Pt(16)
    assert runs[1].text == "，推动" and runs[1].italic and runs[1].font.color.rgb == RGBColor(0xC0, 0, 0)
    assert len(runs) == 3
    # what was not fixed is left alone
    assert [paragraph_text(q._p) for q in d.paragraphs[3:]] == ["一、提高站位", "三、狠抓落实"]


def test_cli_annotate(sample, tmp_path):
    out = tmp_path / "审校稿.docx"
    r = run("check", sample, "--annotate", "-o", out)
    assert r.returncode == 1
    assert "已写入批注 5 条" in r.stdout
    assert len(docx.Document(out).comments) == 5
    r = run("check", sample, "--annotate", "-o", out)
    assert r.returncode == 2 and "--force" in r.stderr


def test_cli_fix_docx(sample, tmp_path):
    out = tmp_path / "修正稿.docx"
    r = run("check", sample, "--fix", "-o", out)
    assert "已修正 4 处" in r.stdout
    assert r.returncode == 1  # the skipped heading number is left for the writer
    assert "缺少“二、”" in r.stdout
    fs = check_file(out)
    assert {f.rule for f in fs} == {"numbering", "percent-point"}
