"""The Word options of `speechdraft draft`: comments that trace every line, a unit's own template."""
from __future__ import annotations

import re
import zipfile

import docx
from docx.shared import Mm

from conftest import EXAMPLES, run

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def comments(path) -> list[str]:
    z = zipfile.ZipFile(path)
    if "word/comments.xml" not in z.namelist():
        return []
    xml = z.read("word/comments.xml").decode()
    return ["".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", c)) for c in re.findall(r"<w:comment .*?</w:comment>", xml, re.S)]


def test_annotate_traces_each_figure_and_each_borrowed_point(tmp_path):
    out = tmp_path / "稿.docx"
    r = run("draft", EXAMPLES / "county-conference.yaml", "-o", out, "--annotate")
    assert r.returncode == 0, r.stderr
    notes = comments(out)
    assert "数据：metrics 第1项（空气质量优良天数比例）" in notes
    assert "数据：achievements 第1项" in notes and "数据：priorities 第1项" in notes
    assert any(re.fullmatch(r"出处：《在[^》]+》第\d+段", n) for n in notes)
    # the comment is anchored on the figure itself
    xml = zipfile.ZipFile(out).read("word/document.xml").decode()
    start = xml.index("<w:commentRangeStart")
    anchored = "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", xml[start:xml.index("<w:commentRangeEnd", start)]))
    assert anchored


def test_no_comments_unless_asked(tmp_path):
    out = tmp_path / "稿.docx"
    assert run("draft", EXAMPLES / "county-conference.yaml", "-o", out).returncode == 0
    assert comments(out) == []


def test_reference_docx_gives_the_units_page_setup_and_styles(tmp_path):
    ref = tmp_path / "本单位模板.docx"
    d = docx.Document()
    section = d.sections[0]
    section.left_margin, section.right_margin = Mm(30), Mm(30)
    d.styles["Normal"].font.name = "Arial"
    d.save(ref)
    out = tmp_path / "稿.docx"
    r = run("draft", EXAMPLES / "city-conference.yaml", "-o", out, "--reference-docx", ref)
    assert r.returncode == 0, r.stderr
    written = docx.Document(out)
    assert written.sections[0].left_margin == docx.Document(ref).sections[0].left_margin
    assert written.styles["Normal"].font.name == "Arial"
    assert "在2024年全市生态环境保护大会上的讲话" in written.paragraphs[0].text.replace("\n", "")


def test_word_options_need_a_word_file(tmp_path):
    r = run("draft", EXAMPLES / "county-conference.yaml", "-o", tmp_path / "稿.md", "--annotate")
    assert r.returncode == 2
    assert r.stderr == "错误：字段 --format：--annotate 和 --reference-docx 只用于 Word 稿；请输出 .docx\n"
    r = run("draft", EXAMPLES / "county-conference.yaml", "-o", tmp_path / "稿.docx", "--reference-docx",
            tmp_path / "无.docx")
    assert r.returncode == 2
    assert r.stderr == f"错误：文件 {tmp_path / '无.docx'}，字段 --reference-docx：文件不存在；请检查路径是否正确\n"
    assert not (tmp_path / "稿.docx").exists()
