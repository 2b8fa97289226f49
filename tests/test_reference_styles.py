"""A unit's own template (--reference-docx) as other tools write it: pandoc's reference.docx,
WPS with Chinese style names, styles known only by id, styles missing. Each time the draft is
written, and its headings carry our heading styles with outline levels."""
from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile

import pytest
from lxml import etree

from conftest import EXAMPLES, run
from speechdraft.document import Byline, Document, Heading, Paragraph, Run, Salutation, Title
from speechdraft.ooxml import open_word
from speechdraft.writers.docx import write_docx
from word_files import drop_styles, plain_docx, rezip, with_styles

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


def w(name: str) -> str:
    return f"{{{W}}}{name}"


def part(data: bytes, name: str):
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return etree.fromstring(z.read(name))


def style_ids(data: bytes) -> list[str]:
    return [s.get(w("styleId")) for s in part(data, "word/styles.xml").iterfind("w:style", NS)]


def styles_by_id(data: bytes) -> dict:
    return {s.get(w("styleId")): s for s in part(data, "word/styles.xml").iterfind("w:style", NS)}


def outline(data: bytes) -> list[tuple[str, str, int]]:
    """(text, style id, outline level) of each body paragraph whose style gives it a level."""
    styles = styles_by_id(data)
    found = []
    for p in part(data, "word/document.xml").iterfind("w:body/w:p", NS):
        style = p.find("w:pPr/w:pStyle", NS)
        if style is None:
            continue
        level = styles[style.get(w("val"))].find("w:pPr/w:outlineLvl", NS)
        if level is not None:
            found.append(("".join(p.itertext()), style.get(w("val")), int(level.get(w("val")))))
    return found


def east_asian_font(style) -> str | None:
    fonts = style.find("w:rPr/w:rFonts", NS)
    return None if fonts is None else fonts.get(w("eastAsia"))


def md_headings(tmp_path) -> list[str]:
    """The headings of the example draft, as the Markdown writer gives them."""
    md = tmp_path / "稿.md"
    assert run("draft", EXAMPLES / "county-conference.yaml", "-o", md).returncode == 0
    return [line.lstrip("#").strip() for line in md.read_text("utf-8").splitlines() if line.startswith("## ")]


def draft_with(tmp_path, reference: bytes) -> bytes:
    ref = tmp_path / "本单位模板.docx"
    ref.write_bytes(reference)
    out = tmp_path / "稿.docx"
    r = run("draft", EXAMPLES / "county-conference.yaml", "-o", out, "--reference-docx", ref)
    assert r.returncode == 0, r.stderr
    assert "Traceback" not in r.stderr
    return out.read_bytes()


def wps(styles: str) -> str:
    """Style ids and names as WPS and Chinese Word write them: 正文 is "a", 标题 1 is "2"…,
    and (as some templates do) 标题 2 without an outline level."""
    styles = styles.replace('w:styleId="Normal"', 'w:styleId="a"').replace('w:val="Normal"', 'w:val="a"')
    styles = styles.replace('<w:name w:val="a"/>', '<w:name w:val="正文"/>')
    styles = styles.replace('w:styleId="Title"', 'w:styleId="a3"').replace('<w:name w:val="Title"/>',
                                                                          '<w:name w:val="标题"/>')
    for n in range(1, 5):
        styles = styles.replace(f'w:styleId="Heading{n}"', f'w:styleId="{n + 1}"')
        styles = styles.replace(f'<w:name w:val="heading {n}"/>', f'<w:name w:val="标题 {n}"/>')
    return re.sub(r'(w:styleId="3".*?)<w:outlineLvl w:val="1"/>', r"\1", styles, count=1, flags=re.S)


@pytest.mark.skipif(not shutil.which("pandoc"), reason="需要 pandoc")
def test_pandocs_reference_docx(tmp_path):
    reference = subprocess.run(["pandoc", "--print-default-data-file", "reference.docx"],
                               capture_output=True, check=True).stdout
    data = draft_with(tmp_path, reference)
    headings = md_headings(tmp_path)
    assert outline(data) == [(text, "Heading1", 0) for text in headings]
    assert len(headings) == 3
    title = part(data, "word/document.xml").find("w:body/w:p/w:pPr/w:pStyle", NS)
    assert title.get(w("val")) == "Title"
    # pandoc's own heading style is kept, not a second one added beside it
    assert [i for i in style_ids(data) if re.fullmatch(r"Heading1\d*", i)] == ["Heading1"]


def test_wps_template_with_chinese_style_names(tmp_path):
    data = draft_with(tmp_path, with_styles(plain_docx(), wps))
    assert outline(data) == [(text, "2", 0) for text in md_headings(tmp_path)]
    styles = styles_by_id(data)
    assert "Heading1" not in styles and "Title" not in styles
    assert part(data, "word/document.xml").find("w:body/w:p/w:pPr/w:pStyle", NS).get(w("val")) == "a3"
    # styles it lacks build on its 正文
    assert styles["Byline"].find("w:basedOn", NS).get(w("val")) == "a"


def test_wps_heading_without_outline_level_gets_one(tmp_path):
    ref = with_styles(plain_docx(), wps)
    assert styles_by_id(ref)["3"].find("w:pPr/w:outlineLvl", NS) is None
    data = write(tmp_path, ref)
    assert [(level, style) for _, style, level in outline(data)] == [(0, "2"), (1, "3"), (2, "4"), (3, "5")]


def test_styles_known_only_by_id(tmp_path):
    data = draft_with(tmp_path, with_styles(plain_docx(), lambda s: re.sub(r"<w:name [^>]*/>", "", s)))
    assert outline(data) == [(text, "Heading1", 0) for text in md_headings(tmp_path)]
    assert [i for i in style_ids(data) if re.fullmatch(r"Heading1\d*", i)] == ["Heading1"]


def test_missing_styles_come_with_our_definitions(tmp_path):
    ref = with_styles(plain_docx(), lambda s: drop_styles(s, "Heading3", "Heading4"))
    assert {"Heading3", "Heading4", "Byline", "Salutation", "Lead"}.isdisjoint(styles_by_id(ref))
    data = write(tmp_path, ref)
    assert [(level, style) for _, style, level in outline(data)] == [
        (0, "Heading1"), (1, "Heading2"), (2, "Heading3"), (3, "Heading4")]
    styles = styles_by_id(data)
    assert east_asian_font(styles["Heading3"]) == "仿宋_GB2312"
    assert east_asian_font(styles["Byline"]) == "楷体_GB2312"
    assert styles["Salutation"].find("w:pPr/w:jc", NS).get(w("val")) == "left"
    assert east_asian_font(styles["Lead"]) == "楷体_GB2312"
    # the template's own heading 1 keeps its formatting
    assert east_asian_font(styles["Heading1"]) is None


def test_style_names_in_words_capitals(tmp_path):
    """Names in Word's capitals ("Heading 1", as pandoc writes) were looked up by
    python-docx's lower-case names, and failed."""
    ref = with_styles(plain_docx(), lambda s: re.sub(r'w:val="heading (\d)"', r'w:val="Heading \1"', s))
    data = write(tmp_path, ref)
    assert [style for _, style, _ in outline(data)] == ["Heading1", "Heading2", "Heading3", "Heading4"]


def write(tmp_path, reference: bytes) -> bytes:
    """A speech with headings of every level, written on `reference`."""
    speech = Document(blocks=[
        Title("在全县生态环境保护工作会议上的讲话"), Byline("王××"), Salutation("同志们："),
        Heading(1, "一、提高政治站位"), Heading(2, "（一）坚持生态优先"), Heading(3, "1. 抓好大气治理"),
        Heading(4, "（1）加强扬尘管控"),
        Paragraph((Run("要压紧压实责任。", lead=True), Run("各级各部门要形成合力。"))),
    ])
    ref = tmp_path / "模板.docx"
    ref.write_bytes(reference)
    out = io.BytesIO()
    write_docx(speech, out, reference=open_word(ref))
    return out.getvalue()


def test_template_without_styles_gets_ours_and_keeps_its_page(tmp_path):
    good = plain_docx()
    with zipfile.ZipFile(io.BytesIO(good)) as z:
        rels = re.sub(r'<Relationship [^>]*styles\.xml"/>', "", z.read("word/_rels/document.xml.rels").decode())
        types = re.sub(r'<Override PartName="/word/styles\.xml"[^>]*/>', "", z.read("[Content_Types].xml").decode())
    ref = rezip(good, drop=("word/styles.xml",), replace={"word/_rels/document.xml.rels": rels.encode(),
                                                          "[Content_Types].xml": types.encode()})
    data = write(tmp_path, ref)
    styles = styles_by_id(data)
    assert east_asian_font(styles["Heading1"]) == "黑体"
    assert east_asian_font(styles["Normal"]) == "仿宋_GB2312"
    page = part(data, "word/document.xml").find("w:body/w:sectPr/w:pgSz", NS)
    assert page.get(w("w")) == part(ref, "word/document.xml").find("w:body/w:sectPr/w:pgSz", NS).get(w("w"))


def test_a_template_whose_body_ends_without_a_section_still_gives_gbt_pages(tmp_path):
    # Some templates end the body with no <w:sectPr>: python-docx then has no section, and
    # setting the page up raised an IndexError traceback.
    base = plain_docx()
    document = part(base, "word/document.xml")
    body = document.find(w("body"))
    body.remove(body.find(w("sectPr")))
    (tmp_path / "模板.docx").write_bytes(rezip(base, replace={"word/document.xml": etree.tostring(document)}))
    r = run("draft", EXAMPLES / "county-conference.yaml", "--reference-docx", "模板.docx", "-o", "稿.docx", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    section = part((tmp_path / "稿.docx").read_bytes(), "word/document.xml").find(f"{w('body')}/{w('sectPr')}")
    assert section.find(w("pgSz")).get(w("w")) == "11906"  # A4
    assert section.find(w("docGrid")).get(w("type")) == "lines"
