"""Page furniture for the Word writer: page setup, page-number footers, font table.

GB/T 9704-2012: A4, 版心 156 × 225 mm, 22 lines of 28 characters in 三号 type, page numbers
`— 1 —` in 四号 宋体 below the 版心, odd pages right and even pages left.
"""
from __future__ import annotations

from docx.document import Document as WordDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Twips
from lxml import etree

PAGE_WIDTH, PAGE_HEIGHT = 11906, 16838  # A4 in twips
TOP, BOTTOM, LEFT, RIGHT = 2098, 1984, 1587, 1474  # 37, 35, 28, 26 mm
FOOTER = 1247  # 22 mm: the number sits about 7 mm below the 版心
LINE = 579  # 28.95 pt: 22 lines fill the 225 mm 版心
BODY_SIZE = 16  # pt, 三号
CHARS_PER_LINE = 28

# 28 三号 characters (16 pt each) overrun the 156 mm line; tighten each by this many twips.
# (A linesAndChars document grid does the same in Word and WPS, but LibreOffice then gives
# every character two grid cells and sets 14 to a line.)
CHAR_SPACING = (PAGE_WIDTH - LEFT - RIGHT) // CHARS_PER_LINE - BODY_SIZE * 20

# Fonts Chinese offices use, with what to fall back to where they are not installed
# (altName, panose, family, pitch); charset 86 is GB2312.
FONTS = {
    "方正小标宋简体": ("宋体", "02000000000000000000", "auto", "variable"),
    "仿宋_GB2312": ("仿宋", "02010609030101010101", "modern", "fixed"),
    "楷体_GB2312": ("楷体", "02010609030101010101", "modern", "fixed"),
    "黑体": ("SimHei", "02010609060101010101", "modern", "fixed"),
    "宋体": ("SimSun", "02010600030101010101", "auto", "variable"),
}


def _last_section(doc: WordDocument):
    """The section the draft's pages take: a writer's template may end its body without one."""
    doc.element.body.get_or_add_sectPr()
    return doc.sections[-1]


def set_up_page(doc: WordDocument) -> None:
    """A4, GB/T 9704 margins and a grid of 22 lines a page."""
    section = _last_section(doc)
    section.page_width, section.page_height = Twips(PAGE_WIDTH), Twips(PAGE_HEIGHT)
    section.top_margin, section.bottom_margin = Twips(TOP), Twips(BOTTOM)
    section.left_margin, section.right_margin = Twips(LEFT), Twips(RIGHT)
    section.footer_distance = Twips(FOOTER)
    section.gutter = Twips(0)
    sect_pr = doc.element.body.sectPr
    grid = sect_pr.find(qn("w:docGrid"))  # python-docx's template has one; a writer's may not
    if grid is None:
        grid = sect_pr.makeelement(qn("w:docGrid"), {})
        sect_pr.append(grid)
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), str(LINE))


def has_page_numbers(doc: WordDocument) -> bool:
    """Whether the last section's headers or footers hold a PAGE field."""
    sect_pr = doc.element.body.sectPr
    if sect_pr is None:
        return False
    for rid in sect_pr.xpath("./w:headerReference/@r:id | ./w:footerReference/@r:id"):
        part = doc.part.related_parts[rid]
        instructions = part.element.xpath(".//w:instrText/text() | .//w:fldSimple/@w:instr")
        if any("PAGE" in instruction.split() for instruction in instructions):
            return True
    return False


def add_page_numbers(doc: WordDocument, style_id: str) -> None:
    """`— n —` footers in the style `style_id`: odd pages right-aligned, even pages left,
    one character in."""
    section = _last_section(doc)
    for footer, align, indent, shown in (
        (section.footer, WD_ALIGN_PARAGRAPH.RIGHT, "right_indent", 1),
        (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT, "left_indent", 2),
    ):
        # Relinking drops any footer the base document had; unlinking starts a fresh one.
        footer.is_linked_to_previous = True
        footer.is_linked_to_previous = False
        paragraph = footer.paragraphs[0]
        paragraph._p.style = style_id
        paragraph.alignment = align
        setattr(paragraph.paragraph_format, indent, Twips(280))  # one 四号 character
        paragraph._p.extend(_page_number_runs(shown))
    doc.settings.odd_and_even_pages_header_footer = True


def _page_number_runs(shown: int) -> list:
    """A PAGE field between em dashes; `shown` is the cached value for readers that do not
    update fields."""
    return list(parse_xml(
        f'<w:fragment {nsdecls("w")}>'
        '<w:r><w:t xml:space="preserve">— </w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f"<w:r><w:t>{shown}</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        '<w:r><w:t xml:space="preserve"> —</w:t></w:r>'
        "</w:fragment>"
    ))


def add_fonts(doc: WordDocument) -> None:
    """Describe our fonts in the font table, so that Word, WPS and LibreOffice substitute
    a near relative (仿宋 for 仿宋_GB2312 …) on a machine that lacks them."""
    try:
        part = doc.part.part_related_by(RT.FONT_TABLE)
    except KeyError:
        part = Part(PackURI("/word/fontTable.xml"), CT.WML_FONT_TABLE, b"", doc.part.package)
        doc.part.relate_to(part, RT.FONT_TABLE)
    table = parse_xml(part.blob or f"<w:fonts {nsdecls('w')}/>".encode())
    present = {font.get(qn("w:name")) for font in table.iter(qn("w:font"))}
    for name, (alt, panose, family, pitch) in FONTS.items():
        if name not in present:
            table.append(parse_xml(
                f'<w:font {nsdecls("w")} w:name="{name}"><w:altName w:val="{alt}"/>'
                f'<w:panose1 w:val="{panose}"/><w:charset w:val="86"/>'
                f'<w:family w:val="{family}"/><w:pitch w:val="{pitch}"/></w:font>'
            ))
    # python-docx keeps the font table as an opaque part: replace its bytes.
    part._blob = etree.tostring(table, xml_declaration=True, encoding="UTF-8", standalone=True)
