"""The Word file follows GB/T 9704-2012 and the house style for speeches, in its XML."""
from __future__ import annotations

import io
import zipfile
from datetime import datetime, timezone

import docx
import pytest
from docx.shared import Mm
from lxml import etree

from speechdraft.document import Byline, Document, Heading, Paragraph, Run, Salutation, Title
from speechdraft.ooxml import open_word
from speechdraft.writers.docx import title_lines, write_docx

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = {"w": W}
TITLE = "在青山县2024年生态环境保护暨督察整改工作推进会议上的讲话"
BODY = "党的十八大以来，我们把生态文明建设摆在全局工作的突出位置，生态环境发生历史性变化。"


def w(name: str) -> str:
    return f"{{{W}}}{name}"


def speech() -> Document:
    return Document(
        blocks=[
            Title(TITLE),
            Byline("王××"),
            Byline("（2024年3月15日）"),
            Salutation("同志们："),
            Paragraph((Run("今天召开全县生态环境保护工作会议。"),)),
            Heading(1, "一、充分肯定成绩"),
            Heading(2, "（一）空气质量持续改善"),
            Paragraph((
                Run("一是坚持系统治理。", lead=True),
                Run("全年空气质量优良天数比例达到"),
                Run("××", placeholder=True),
                Run("%。"),
            )),
            Heading(3, "1.强化工业污染治理"),
            Heading(4, "（1）推进超低排放改造"),
            Paragraph((Run(BODY),)),
            Paragraph((Run("二是加强水污染防治。", lead=True), Run(BODY))),
        ],
        meta={"title": TITLE, "subject": "青山县生态环境保护工作推进会议", "author": "王××",
              "date": "2024-03-15"},
    )


def write(document: Document | None = None, **options) -> bytes:
    out = io.BytesIO()
    write_docx(document or speech(), out, **options)
    return out.getvalue()


def xml(data: bytes, name: str) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return etree.fromstring(package.read(name))


def part_names(data: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return package.namelist()


def style(data: bytes, style_id: str) -> etree._Element:
    (found,) = xml(data, "word/styles.xml").xpath(f"w:style[@w:styleId='{style_id}']",
                                                  namespaces=NS)
    return found


def attr(element: etree._Element, path: str, name: str) -> str | None:
    found = element.find(path, NS)
    return None if found is None else found.get(w(name))


@pytest.fixture(scope="module")
def data() -> bytes:
    return write()


# Page setup


def test_a4_page_with_gbt9704_margins(data):
    sect = xml(data, "word/document.xml").find("w:body/w:sectPr", NS)
    assert (attr(sect, "w:pgSz", "w"), attr(sect, "w:pgSz", "h")) == ("11906", "16838")
    margins = sect.find("w:pgMar", NS)
    twips = {side: int(margins.get(w(side))) for side in ("top", "bottom", "left", "right")}
    assert twips == {"top": 2098, "bottom": 1984, "left": 1587, "right": 1474}
    # 版心 156 × 225 mm
    assert round((11906 - twips["left"] - twips["right"]) / 1440 * 25.4) == 156
    assert round((16838 - twips["top"] - twips["bottom"]) / 1440 * 25.4) == 225


def test_22_lines_a_page_on_a_line_grid(data):
    sect = xml(data, "word/document.xml").find("w:body/w:sectPr", NS)
    assert attr(sect, "w:docGrid", "type") == "lines"
    assert attr(sect, "w:docGrid", "linePitch") == "579"
    height = 16838 - 2098 - 1984
    assert height // 579 == 22
    for style_id in ("Normal", "Heading1", "Heading2", "Heading3", "Heading4", "Byline",
                     "Salutation", "Title"):
        spacing = style(data, style_id).find("w:pPr/w:spacing", NS)
        assert (spacing.get(w("line")), spacing.get(w("lineRule"))) == ("579", "exact"), style_id


def test_28_characters_of_sanhao_fit_a_line(data):
    width = 11906 - 1587 - 1474
    for style_id in ("Normal", "Heading1", "Heading2", "Heading3", "Heading4", "Salutation"):
        rpr = style(data, style_id).find("w:rPr", NS)
        assert attr(rpr, "w:sz", "val") == "32"
        tracking = int(attr(rpr, "w:spacing", "val"))
        assert 28 * (320 + tracking) <= width < 29 * (320 + tracking), style_id


# Styles


def fonts(element: etree._Element) -> dict[str, str]:
    rfonts = element.find("w:rPr/w:rFonts", NS)
    return {key: rfonts.get(w(key)) for key in ("eastAsia", "ascii", "hAnsi")}


@pytest.mark.parametrize(
    ("style_id", "face", "size"),
    [
        ("Normal", "仿宋_GB2312", "32"),
        ("Title", "方正小标宋简体", "44"),
        ("Heading1", "黑体", "32"),
        ("Heading2", "楷体_GB2312", "32"),
        ("Heading3", "仿宋_GB2312", "32"),
        ("Heading4", "仿宋_GB2312", "32"),
        ("Byline", "楷体_GB2312", "32"),
        ("Salutation", "仿宋_GB2312", "32"),
    ],
)
def test_styles_carry_east_asian_and_latin_fonts(data, style_id, face, size):
    element = style(data, style_id)
    assert fonts(element) == {"eastAsia": face, "ascii": "Times New Roman",
                              "hAnsi": "Times New Roman"}
    assert attr(element, "w:rPr/w:sz", "val") == size
    assert element.find("w:rPr/w:b", NS) is None  # nothing bold unless the style says


def test_body_justified_with_two_character_indent(data):
    normal = style(data, "Normal")
    assert attr(normal, "w:pPr/w:jc", "val") == "both"
    assert attr(normal, "w:pPr/w:ind", "firstLineChars") == "200"
    assert attr(normal, "w:pPr/w:ind", "firstLine") == "640"
    for style_id in ("Heading1", "Heading2", "Heading3", "Heading4"):
        assert attr(style(data, style_id), "w:pPr/w:ind", "firstLineChars") == "200"


def test_title_byline_and_salutation_are_not_indented(data):
    assert attr(style(data, "Title"), "w:pPr/w:jc", "val") == "center"
    assert attr(style(data, "Byline"), "w:pPr/w:jc", "val") == "center"
    assert attr(style(data, "Salutation"), "w:pPr/w:jc", "val") == "left"
    for style_id in ("Title", "Byline", "Salutation"):
        ind = style(data, style_id).find("w:pPr/w:ind", NS)
        assert (ind.get(w("firstLineChars")), ind.get(w("firstLine"))) == ("0", "0"), style_id


def test_headings_are_outline_levels_and_keep_with_next(data):
    for level in range(1, 5):
        element = style(data, f"Heading{level}")
        assert attr(element, "w:pPr/w:outlineLvl", "val") == str(level - 1)
        assert element.find("w:pPr/w:keepNext", NS) is not None


def test_blocks_use_word_styles_in_order(data):
    paragraphs = docx.Document(io.BytesIO(data)).paragraphs
    assert [p.style.name for p in paragraphs] == [
        "Title", "署名", "署名", "称谓", "Normal", "Heading 1", "Heading 2", "Normal",
        "Heading 3", "Heading 4", "Normal", "Normal",
    ]
    assert paragraphs[4].text == "今天召开全县生态环境保护工作会议。"
    assert paragraphs[-1].text == "二是加强水污染防治。" + BODY


def test_blank_line_after_title_and_after_last_byline(data):
    assert attr(style(data, "Title"), "w:pPr/w:spacing", "after") == "579"
    bylines = docx.Document(io.BytesIO(data)).paragraphs[1:3]
    assert bylines[0].paragraph_format.space_after is None
    assert bylines[1].paragraph_format.space_after.twips == 579


def test_font_table_names_fallbacks(data):
    table = xml(data, "word/fontTable.xml")
    for name, alt in [("方正小标宋简体", "宋体"), ("仿宋_GB2312", "仿宋"), ("楷体_GB2312", "楷体"),
                      ("黑体", "SimHei")]:
        (font,) = table.xpath(f"w:font[@w:name='{name}']", namespaces=NS)
        assert attr(font, "w:altName", "val") == alt
        assert attr(font, "w:charset", "val") == "86"


# Title


def test_long_title_breaks_into_balanced_lines_in_one_paragraph(data):
    title = xml(data, "word/document.xml").find("w:body/w:p", NS)
    assert attr(title, "w:pPr/w:pStyle", "val") == "Title"
    assert len(title.findall(".//w:br", NS)) == 1
    lines = [t.text for t in title.iter(w("t"))]
    assert "".join(lines) == TITLE and len(lines) == 2
    assert abs(len(lines[0]) - len(lines[1])) <= 3


def test_title_paragraph_text_is_the_title_broken_with_line_breaks(data):
    paragraph = docx.Document(io.BytesIO(data)).paragraphs[0]
    assert paragraph.text == "\n".join(title_lines(TITLE))


def test_short_title_stays_on_one_line():
    assert title_lines("在全县生态环境保护工作会议上的讲话") == ["在全县生态环境保护工作会议上的讲话"]


@pytest.mark.parametrize(
    "title",
    [
        TITLE,
        "在县委理论学习中心组习近平生态文明思想专题学习会上的讲话",
        "在青山县2023年度生态环境保护工作总结表彰大会上的讲话",
        "在全市深入打好污染防治攻坚战暨中央生态环境保护督察反馈问题整改工作推进会上的讲话",
    ],
)
def test_title_lines_are_balanced_and_keep_words_whole(title):
    lines = title_lines(title)
    assert "".join(lines) == title
    widths = [sum(0.5 if ch.isascii() else 1 for ch in line) for line in lines]
    assert max(widths) <= 20 and max(widths) - min(widths) <= 4
    for before, after in zip(lines, lines[1:]):
        for word in ("生态", "环境", "保护", "会议", "工作", "讲话", "中心组"):
            assert not (before.endswith(word[0]) and after.startswith(word[1:])), (before, after)
        assert not (before[-1].isdigit() or after[0] in "年，、：；）》"), (before, after)


@pytest.mark.parametrize(
    ("title", "lines"),
    [
        # 20 characters' width, but the spaces Word puts around 2024 would push 话 over.
        ("在2024年全县生态环境保护工作会议上的讲话", ["在2024年全县生态环境保护", "工作会议上的讲话"]),
        ("在市委理论学习中心组生态文明专题学习会上的发言", ["在市委理论学习中心组", "生态文明专题学习会上的发言"]),
        ("在青山县2024年生态环境保护暨督察整改工作推进会议上的讲话",
         ["在青山县2024年生态环境保护", "暨督察整改工作推进会议上的讲话"]),
    ],
)
def test_title_breaks(title, lines):
    assert title_lines(title) == lines


def test_very_long_title_takes_three_lines():
    lines = title_lines("在全市深入打好污染防治攻坚战暨中央生态环境保护督察反馈问题整改工作推进会上的讲话")
    assert len(lines) == 3


# Runs


def runs(data: bytes) -> list[etree._Element]:
    return xml(data, "word/document.xml").findall("w:body/w:p/w:r", NS)


def run_text(run: etree._Element) -> str:
    return "".join(t.text for t in run.findall("w:t", NS))


def test_placeholders_are_highlighted_yellow_and_nothing_else_is(data):
    highlighted = {run_text(r) for r in runs(data) if r.find("w:rPr/w:highlight", NS) is not None}
    assert highlighted == {"××"}
    # the gap in the byline (王××) and the one in the body alike
    placeholders = [r for r in runs(data) if run_text(r) == "××"]
    assert len(placeholders) == 2
    assert all(attr(p, "w:rPr/w:highlight", "val") == "yellow" for p in placeholders)


def test_lead_sentences_in_kai(data):
    leads = [r for r in runs(data) if attr(r, "w:rPr/w:rStyle", "val") == "Lead"]
    assert [run_text(r) for r in leads] == ["一是坚持系统治理。", "二是加强水污染防治。"]
    lead = style(data, "Lead")
    assert lead.get(w("type")) == "character"
    assert attr(lead, "w:name", "val") == "段首句"
    assert fonts(lead)["eastAsia"] == "楷体_GB2312"
    assert lead.find("w:rPr/w:b", NS) is None


def test_lead_sentences_in_bold_fangsong():
    lead = style(write(lead_style="bold"), "Lead")
    assert lead.find("w:rPr/w:b", NS) is not None
    assert lead.find("w:rPr/w:rFonts", NS) is None  # the paragraph's 仿宋


def test_unknown_lead_style_is_refused():
    with pytest.raises(ValueError, match="kai 或 bold"):
        write(lead_style="italic")


# Footers


def footer(data: bytes, kind: str) -> etree._Element:
    """The footer part the last section uses for `kind` pages (default = odd, even)."""
    sect = xml(data, "word/document.xml").find("w:body/w:sectPr", NS)
    (rid,) = sect.xpath(f"w:footerReference[@w:type='{kind}']/@r:id",
                        namespaces={**NS, "r": R})
    rels = xml(data, "word/_rels/document.xml.rels")
    (target,) = rels.xpath(f"*[@Id='{rid}']/@Target")
    return xml(data, f"word/{target}")


def footer_text(element: etree._Element) -> str:
    return "".join(element.xpath(".//w:t/text()", namespaces=NS))


@pytest.mark.parametrize(("kind", "align", "side", "shown"),
                         [("default", "right", "right", "1"), ("even", "left", "left", "2")])
def test_page_numbers_in_footers(data, kind, align, side, shown):
    element = footer(data, kind)
    (paragraph,) = element.findall("w:p", NS)
    assert footer_text(paragraph) == f"— {shown} —"
    assert [i.strip() for i in paragraph.xpath(".//w:instrText/text()", namespaces=NS)] == ["PAGE"]
    kinds = paragraph.xpath(".//w:fldChar/@w:fldCharType", namespaces=NS)
    assert kinds == ["begin", "separate", "end"]
    assert attr(paragraph, "w:pPr/w:jc", "val") == align
    assert attr(paragraph, "w:pPr/w:ind", side) == "280"  # one 四号 character in


def test_page_numbers_in_sihao_songti(data):
    footer_style = style(data, "Footer")
    assert fonts(footer_style) == {"eastAsia": "宋体", "ascii": "宋体", "hAnsi": "宋体"}
    assert attr(footer_style, "w:rPr/w:sz", "val") == "28"


def test_odd_and_even_footers_are_switched_on(data):
    assert xml(data, "word/settings.xml").find("w:evenAndOddHeaders", NS) is not None
    sect = xml(data, "word/document.xml").find("w:body/w:sectPr", NS)
    kinds = {ref.get(w("type")) for ref in sect.findall("w:footerReference", NS)}
    assert kinds == {"default", "even"}
    footer_distance = int(sect.find("w:pgMar", NS).get(w("footer")))
    assert 1000 < footer_distance < 1984  # below the 版心, above the paper's edge


# Properties


def test_core_properties(data):
    properties = docx.Document(io.BytesIO(data)).core_properties
    assert properties.title == TITLE
    assert properties.subject == "青山县生态环境保护工作推进会议"
    assert properties.author == properties.last_modified_by == "王××"
    assert properties.keywords == "讲话稿"
    assert properties.created == properties.modified == datetime(2024, 3, 15, tzinfo=timezone.utc)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert b"python-docx" not in package.read("docProps/core.xml")


def test_properties_without_metadata():
    document = Document(blocks=[Title("在全县生态环境保护工作会议上的讲话")])
    properties = docx.Document(io.BytesIO(write(document))).core_properties
    assert properties.title == "在全县生态环境保护工作会议上的讲话"
    assert properties.author == ""


# Comments


def commented_text(data: bytes, comment_id: str) -> str:
    """The text between a comment's range markers."""
    body = xml(data, "word/document.xml").find("w:body", NS)
    inside, text = False, []
    for element in body.iter(w("commentRangeStart"), w("commentRangeEnd"), w("t")):
        if element.tag == w("commentRangeStart") and element.get(w("id")) == comment_id:
            inside = True
        elif element.tag == w("commentRangeEnd") and element.get(w("id")) == comment_id:
            return "".join(text)
        elif inside and element.tag == w("t"):
            text.append(element.text)
    raise AssertionError(f"comment {comment_id} has no range")


def test_notes_become_comments_on_their_fragments():
    data = write(notes=[("空气质量优良天数比例", "数据来自县生态环境局"), ("历史性变化", "引自2023年讲话")])
    comments = xml(data, "word/comments.xml").findall("w:comment", NS)
    assert [c.get(w("author")) for c in comments] == ["speechdraft", "speechdraft"]
    assert ["".join(c.xpath(".//w:t/text()", namespaces=NS)) for c in comments] == [
        "数据来自县生态环境局", "引自2023年讲话"]
    assert commented_text(data, comments[0].get(w("id"))) == "空气质量优良天数比例"
    assert commented_text(data, comments[1].get(w("id"))) == "历史性变化"
    # Splitting runs changed no text.
    paragraphs = docx.Document(io.BytesIO(data)).paragraphs
    assert paragraphs[7].text == "一是坚持系统治理。全年空气质量优良天数比例达到××%。"


def test_comment_across_a_lead_and_a_placeholder_keeps_their_formatting():
    data = write(notes=[("治理。全年", "跨两段文字"), ("达到××", "待补数据")])
    assert commented_text(data, "0") == "治理。全年"
    assert commented_text(data, "1") == "达到××"
    by_text = {run_text(r): r for r in runs(data)}
    assert attr(by_text["治理。"], "w:rPr/w:rStyle", "val") == "Lead"
    assert by_text["全年"].find("w:rPr/w:rStyle", NS) is None
    assert attr(by_text["××"], "w:rPr/w:highlight", "val") == "yellow"


def test_same_fragment_twice_goes_to_the_next_paragraph_holding_it():
    data = write(notes=[(BODY[:10], "第一处"), (BODY[:10], "第二处")])
    document = xml(data, "word/document.xml")
    holders = [
        p for p in document.findall("w:body/w:p", NS)
        if p.find("w:commentRangeStart", NS) is not None
    ]
    assert len(holders) == 2


def test_fragment_not_found_is_an_error_and_nothing_is_written(tmp_path):
    target = tmp_path / "稿.docx"
    with pytest.raises(ValueError, match="找不到") as raised:
        write_docx(speech(), target, notes=[("不存在的话", "批注"), ("生态环境", "批注")])
    assert "不存在的话" in str(raised.value)
    assert not target.exists()


# Reference document


def reference(tmp_path, *, page_numbers: bool):
    """A unit's own template: other margins, 宋体 小四 body, maybe numbered pages."""
    word = docx.Document()
    section = word.sections[0]
    section.top_margin = section.bottom_margin = Mm(25)
    section.left_margin = section.right_margin = Mm(30)
    normal = word.styles["Normal"]
    normal.font.name = "宋体"
    normal.font.size = docx.shared.Pt(12)
    normal.element.rPr.rFonts.set(w("eastAsia"), "宋体")
    word.add_paragraph("模板里的示例文字")
    if page_numbers:
        paragraph = section.footer.paragraphs[0]
        paragraph.text = "第 "
        run = paragraph.add_run()
        run._r.append(etree.fromstring(f'<w:fldSimple xmlns:w="{W}" w:instr=" PAGE "/>'))
        paragraph.add_run(" 页")
    path = tmp_path / "reference.docx"
    word.save(path)
    return path


def test_reference_docx_lends_margins_and_styles(tmp_path):
    data = write(reference=open_word(reference(tmp_path, page_numbers=False)))
    sect = xml(data, "word/document.xml").find("w:body/w:sectPr", NS)
    assert int(attr(sect, "w:pgMar", "top")) == round(25 / 25.4 * 1440)
    assert int(attr(sect, "w:pgMar", "left")) == round(30 / 25.4 * 1440)
    normal = style(data, "Normal")
    assert fonts(normal)["eastAsia"] == "宋体"
    assert attr(normal, "w:rPr/w:sz", "val") == "24"
    # What the reference lacks comes with our defaults.
    assert fonts(style(data, "Byline"))["eastAsia"] == "楷体_GB2312"
    # Its body is gone; our page numbers are added.
    paragraphs = docx.Document(io.BytesIO(data)).paragraphs
    assert paragraphs[0].style.name == "Title"
    assert "模板里的示例文字" not in [p.text for p in paragraphs]
    assert footer_text(footer(data, "default")) == "— 1 —"


def test_reference_docx_keeps_its_own_page_numbers(tmp_path):
    data = write(reference=open_word(reference(tmp_path, page_numbers=True)))
    assert footer_text(footer(data, "default")) == "第  页"
    assert xml(data, "word/settings.xml").find("w:evenAndOddHeaders", NS) is None


# Reproducibility


def test_same_document_gives_the_same_bytes():
    notes = [("空气质量优良天数比例", "数据来自县生态环境局")]
    assert write(notes=notes) == write(notes=notes)


def test_file_times_come_from_the_date_or_a_fixed_epoch():
    with zipfile.ZipFile(io.BytesIO(write())) as package:
        assert {info.date_time for info in package.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    undated = Document(blocks=[Title("在全县生态环境保护工作会议上的讲话")])
    created = docx.Document(io.BytesIO(write(undated))).core_properties.created
    assert created == datetime(2000, 1, 1, tzinfo=timezone.utc)


def test_writes_to_a_path(tmp_path):
    target = tmp_path / "稿.docx"
    write_docx(speech(), target)
    assert target.read_bytes() == write()


def test_no_leftovers_from_the_template(data):
    names = part_names(data)
    assert "docProps/thumbnail.jpeg" not in names
    assert "word/stylesWithEffects.xml" not in names
