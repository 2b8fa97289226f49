"""Document → Word (.docx) in the house style of a Party/government office (GB/T 9704-2012).

Formatting lives in real Word styles (正文, 标题, 标题 1–4, 署名, 称谓, 段首句), so a writer
restyles the whole draft by changing one style, and the navigation pane shows the outline.
"""
from __future__ import annotations

import bisect
import io
import itertools
import math
import os
import re
import zipfile
from collections.abc import Sequence
from copy import deepcopy
from datetime import date, datetime, timezone
from pathlib import Path
from typing import BinaryIO, NamedTuple

import docx
from docx.document import Document as WordDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_COLOR_INDEX
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Twips
from docx.styles import BabelFish
from docx.text.paragraph import Paragraph as WordParagraph
from docx.text.run import Run as WordRun

from ..document import GAP, Byline, Document, Heading, Paragraph, Salutation, Title
from . import docx_page
from .docx_comments import Comments
from .docx_page import CHAR_SPACING, LINE

LATIN = "Times New Roman"
FANGSONG, KAI, HEI, XIAOBIAOSONG, SONG = "仿宋_GB2312", "楷体_GB2312", "黑体", "方正小标宋简体", "宋体"
COMMENT_AUTHOR = "speechdraft"
# Without a date in the metadata, files carry this fixed time, so output stays reproducible.
EPOCH = datetime(2000, 1, 1, tzinfo=timezone.utc)
ZIP_TIME = (1980, 1, 1, 0, 0, 0)


class _Style(NamedTuple):
    style_id: str  # what our styles are found by in a reference document, and created with
    font: str  # East Asian face; Latin text and digits are always Times New Roman
    size: int  # half-points
    align: str
    indent: bool  # first line indented two characters
    outline: int | None = None
    keep_next: bool = False
    space_after: int = 0


# Keyed by the style name Word stores (Word shows 正文, 标题, 标题 1 …).
PARAGRAPH_STYLES = {
    "Normal": _Style("Normal", FANGSONG, 32, "both", True),
    "Title": _Style("Title", XIAOBIAOSONG, 44, "center", False, keep_next=True, space_after=LINE),
    "Heading 1": _Style("Heading1", HEI, 32, "both", True, outline=0, keep_next=True),
    "Heading 2": _Style("Heading2", KAI, 32, "both", True, outline=1, keep_next=True),
    "Heading 3": _Style("Heading3", FANGSONG, 32, "both", True, outline=2, keep_next=True),
    "Heading 4": _Style("Heading4", FANGSONG, 32, "both", True, outline=3, keep_next=True),
    "署名": _Style("Byline", KAI, 32, "center", False),
    "称谓": _Style("Salutation", FANGSONG, 32, "left", False),
}
LEAD_STYLE = "段首句"
# A reference document's style is ours when its type and id match; failing that, when its
# stored name is the built-in name or the one WPS writes (Chinese Word gives headings ids
# such as "1", "2", keeping the name "heading 1").
STYLE_ALIASES = {
    "Normal": ("正文",), "Title": ("标题",), "Heading 1": ("标题 1",), "Heading 2": ("标题 2",),
    "Heading 3": ("标题 3",), "Heading 4": ("标题 4",), "Footer": ("页脚",), "annotation text": ("批注文字",),
}
STYLE_TYPES = {WD_STYLE_TYPE.PARAGRAPH: "paragraph", WD_STYLE_TYPE.CHARACTER: "character"}

# A 22 pt title line holds 20 characters in the 156 mm 版心.
TITLE_LINE_WIDTH = 20
EXTRA_LINE_COST = 4
MAX_BALANCED_LINES = 6
CORE_PROPERTY_MAX = 255
# Words a title line must not be broken inside, common in meeting names.
TITLE_WORDS = (
    "生态环境保护", "生态文明建设", "生态文明思想", "生态文明", "示范区", "推进会", "座谈会",
    "学习会", "现场会", "生态", "环境", "保护", "文明", "建设", "工作", "会议", "大会",
    "推进", "座谈", "交流", "发言", "讲话", "汇报", "学习", "理论", "中心组", "专题",
    "研讨", "调研", "培训班", "督察", "整改", "污染", "防治", "攻坚", "治理", "高质量",
    "发展", "绿色", "低碳", "美丽", "中国", "新时代", "习近平", "思想", "部署", "动员",
    "总结", "表彰", "扩大", "常委会", "党委", "政府", "乡村", "振兴", "全面", "深入",
    "推动", "示范", "创建", "全省", "全市", "全州", "全盟", "全县", "全区", "全旗",
    "全乡", "全镇",
)
NO_LINE_START = "，。、；：？！）》”’"
NO_LINE_END = "（《“‘"
GOOD_LINE_ENDS = "、，：；"
GOOD_LINE_STARTS = ("上的讲话", "上的发言", "的讲话", "的发言", "暨")


def write_docx(
    document: Document,
    target: BinaryIO | str | os.PathLike[str],
    *,
    notes: Sequence[tuple[str, str]] = (),
    reference: WordDocument | None = None,
    lead_style: str = "kai",
) -> None:
    """Write `document` as a .docx to `target` (a path or a binary stream).

    `notes` are (fragment, comment) pairs, each attached as a Word comment to the first
    paragraph holding that fragment that no earlier note with the same fragment took.
    `reference` (a unit's template, opened with ooxml.open_word) lends its styles, page setup
    and (if they number pages) footers, as pandoc's --reference-doc does; it is used up.
    `lead_style` sets lead sentences in 楷体 ("kai") or bold
    仿宋 ("bold"). Raises ValueError for a fragment found nowhere; nothing is written then.
    """
    if lead_style not in ("kai", "bold"):
        raise ValueError(f"段首句样式只能是 kai 或 bold，不能是 {lead_style!r}")
    word = reference if reference is not None else _fresh_document()
    word.element.body.clear_content()
    # A reference without a styles part would get python-docx's defaults: ours are better.
    restyle = reference is None or not any(
        rel.reltype == RT.STYLES for rel in word.part.rels.values())
    number_pages = reference is None or not docx_page.has_page_numbers(word)
    ids = _define_styles(word, lead_style, restyle, footer=number_pages, comments=bool(notes))
    # A reference lends its page setup; one that has none (no section, or no page size) gets ours.
    sect_pr = word.element.body.sectPr
    if reference is None or sect_pr is None or sect_pr.find(qn("w:pgSz")) is None:
        docx_page.set_up_page(word)
    if number_pages:
        docx_page.add_page_numbers(word, ids["Footer"])
    docx_page.add_fonts(word)
    stamp = _timestamp(document)
    _add_blocks(word, document, ids)
    _annotate(word, notes, stamp)
    _set_properties(word, document, stamp)
    _save(word, target)


def _fresh_document() -> WordDocument:
    """python-docx's template, minus what would contradict our styles."""
    word = docx.Document()
    for rid, rel in list(word.part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):  # Word 2010 would read old styles here
            word.part.drop_rel(rid)
    package_rels = word.part.package.rels
    for rid, rel in list(package_rels.items()):
        if rel.reltype == RT.THUMBNAIL:  # a picture of the template, not of this draft
            del package_rels[rid]
    styles = word.styles.element
    styles.replace(styles.find(qn("w:docDefaults")), parse_xml(
        f"<w:docDefaults {nsdecls('w')}><w:rPrDefault>{_rpr(FANGSONG, 32)}</w:rPrDefault>"
        '<w:pPrDefault><w:pPr><w:spacing w:after="0"/></w:pPr></w:pPrDefault></w:docDefaults>'
    ))
    # Theme fonts for East Asian text follow this language: Chinese, not Japanese.
    word.settings.element.find(qn("w:themeFontLang")).set(qn("w:eastAsia"), "zh-CN")
    return word


def _define_styles(
    word: WordDocument, lead_style: str, restyle: bool, *, footer: bool, comments: bool
) -> dict[str, str]:
    """Find or create each style the draft uses; returns the style id of each, by name."""
    ids = {}
    for name, spec in PARAGRAPH_STYLES.items():
        # 三号 type sits on the line grid, 28 characters a line. The 二号 title keeps its
        # exact spacing off the grid: LibreOffice would give each title line two grid lines.
        body = spec.size == 32
        ppr = _ppr(align=spec.align, indent=spec.indent, grid=body, keep_next=spec.keep_next,
                   space_after=spec.space_after, outline=spec.outline)
        rpr = _rpr(spec.font, spec.size, tracking=CHAR_SPACING if body else 0)
        ids[name] = _define_style(word, name, spec.style_id, WD_STYLE_TYPE.PARAGRAPH, restyle, ppr, rpr)
        if spec.outline is not None:  # the navigation pane needs it, whoever styled the heading
            _set_outline_level(word, ids[name], spec.outline)
    lead = (
        f'<w:rPr {nsdecls("w")}><w:rFonts w:ascii="{LATIN}" w:hAnsi="{LATIN}" '
        f'w:eastAsia="{KAI}" w:cs="{LATIN}"/></w:rPr>'
        if lead_style == "kai" else f'<w:rPr {nsdecls("w")}><w:b/><w:bCs/></w:rPr>'
    )
    ids[LEAD_STYLE] = _define_style(word, LEAD_STYLE, "Lead", WD_STYLE_TYPE.CHARACTER, restyle, None, lead)
    small = _ppr(align="left", indent=False, line=None, grid=False)
    if footer:  # page numbers: 四号 宋体
        ids["Footer"] = _define_style(word, "Footer", "Footer", WD_STYLE_TYPE.PARAGRAPH, restyle,
                                      small, _rpr(SONG, 28, latin=SONG))
    if comments:  # else comment text would take 正文: 三号 type at 28.95 pt spacing
        # python-docx gives comment paragraphs this style id, whatever the document calls it.
        _define_style(word, "annotation text", "CommentText", WD_STYLE_TYPE.PARAGRAPH, restyle,
                      small, _rpr(SONG, 21, latin=SONG), by_name=False)
    return ids


def _define_style(
    word: WordDocument,
    name: str,
    style_id: str,
    kind: WD_STYLE_TYPE,
    restyle: bool,
    ppr: str | None,
    rpr: str,
    *,
    by_name: bool = True,
) -> str:
    """The id of the document's style for ours: found by id and type (or by name), or
    created if the base document lacks it. An existing style gets our formatting only when
    `restyle` (a reference document keeps its own). New paragraph styles build on 正文."""
    styles = word.styles.element
    element = _find_style(styles, name, style_id, kind, by_name=by_name)
    if element is not None and not restyle:
        return element.styleId
    if element is None:
        free_id = _free_id(styles, style_id)
        element = styles.add_style_of_type(BabelFish.ui2internal(name), kind, builtin=name in STYLE_ALIASES)
        element.styleId = free_id
        if kind == WD_STYLE_TYPE.PARAGRAPH and name != "Normal":
            normal = _find_style(styles, "Normal", "Normal", kind)
            element.basedOn_val = normal.styleId if normal is not None else None
        if name == "Normal":
            element.default = True
        element.qFormat_val = True
    element._remove_pPr()
    element._remove_rPr()
    if ppr:
        element._insert_pPr(parse_xml(ppr))
    element._insert_rPr(parse_xml(rpr))
    return element.styleId


def _find_style(styles, name: str, style_id: str, kind: WD_STYLE_TYPE, *, by_name: bool = True):
    """The w:style of type `kind` with id `style_id`; else (for 正文) the type's default;
    else one stored under `name` or its alias, in any case; else None."""
    of_kind = [s for s in styles.iterchildren(qn("w:style")) if s.get(qn("w:type")) == STYLE_TYPES[kind]]
    found = next((s for s in of_kind if s.styleId == style_id), None)
    if found is None and name == "Normal":
        found = next((s for s in of_kind if s.default), None)
    if found is None and by_name:
        names = {_fold(n) for n in (name, *STYLE_ALIASES.get(name, ()))}
        found = next((s for s in of_kind if s.name_val is not None and _fold(s.name_val) in names), None)
    return found


def _fold(name: str) -> str:
    return " ".join(name.split()).casefold()


def _free_id(styles, wanted: str) -> str:
    """`wanted`, or `wanted` with a number when another type of style already has that id."""
    taken = {s.styleId for s in styles.iterchildren(qn("w:style"))}
    candidates = itertools.chain([wanted], (f"{wanted}{n}" for n in itertools.count(2)))
    return next(c for c in candidates if c not in taken)


def _set_outline_level(word: WordDocument, style_id: str, level: int) -> None:
    element = next(s for s in word.styles.element.iterchildren(qn("w:style")) if s.styleId == style_id)
    ppr = element.get_or_add_pPr()
    outline = ppr.find(qn("w:outlineLvl"))
    if outline is None:
        outline = parse_xml(f'<w:outlineLvl {nsdecls("w")} w:val="{level}"/>')
        # Schema order: outlineLvl comes before these, after everything else.
        later = [ppr.find(qn(tag)) for tag in ("w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")]
        following = next((el for el in later if el is not None), None)
        if following is None:
            ppr.append(outline)
        else:
            following.addprevious(outline)
    outline.set(qn("w:val"), str(level))


def _rpr(east_asia: str, size: int, *, latin: str = LATIN, tracking: int = 0) -> str:
    """`size` in half-points; `tracking`: space added after each character, in twips."""
    return (
        f"<w:rPr {nsdecls('w')}>"
        f'<w:rFonts w:ascii="{latin}" w:hAnsi="{latin}" w:eastAsia="{east_asia}" w:cs="{latin}"/>'
        + (f'<w:spacing w:val="{tracking}"/>' if tracking else "")
        + f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>'
        '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr>'
    )


def _ppr(
    *,
    align: str,
    indent: bool,
    line: int | None = LINE,
    grid: bool = True,
    keep_next: bool = False,
    space_after: int = 0,
    outline: int | None = None,
) -> str:
    """`line`: exact line height in twips, or None for single spacing; `grid`: whether
    lines snap to the document grid."""
    chars, twips = (200, 640) if indent else (0, 0)
    spacing = (
        f'<w:spacing w:before="0" w:after="{space_after}" w:line="{line}" w:lineRule="exact"/>'
        if line
        else '<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>'
    )
    return (
        f"<w:pPr {nsdecls('w')}>"
        + ("<w:keepNext/>" if keep_next else "")
        # Widow control pushes lines over and leaves pages short of their 22 lines.
        + '<w:widowControl w:val="0"/>'
        + ("" if grid else '<w:snapToGrid w:val="0"/>')
        + spacing
        + f'<w:ind w:left="0" w:right="0" w:firstLineChars="{chars}" w:firstLine="{twips}"/>'
        + f'<w:jc w:val="{align}"/>'
        + (f'<w:outlineLvl w:val="{outline}"/>' if outline is not None else "")
        + "</w:pPr>"
    )


def _add_blocks(word: WordDocument, document: Document, ids: dict[str, str]) -> None:
    def add(style: str, text: str = ""):
        paragraph = word.add_paragraph(text)
        paragraph._p.style = ids[style]
        return paragraph

    blocks = document.blocks
    for i, block in enumerate(blocks):
        match block:
            case Title(text):
                add("Title", "\n".join(title_lines(text)))
            case Byline(text):
                paragraph = _with_gaps(add("署名"), text)
                following = blocks[i + 1] if i + 1 < len(blocks) else None
                if not isinstance(following, Byline):
                    paragraph.paragraph_format.space_after = Twips(LINE)  # a blank line
            case Salutation(text):
                add("称谓", text)
            case Heading(level, text):
                _with_gaps(add(f"Heading {level}"), text)
            case Paragraph(runs):
                paragraph = word.add_paragraph()
                for run in runs:
                    added = paragraph.add_run(run.text)
                    if run.lead:
                        added._r.style = ids[LEAD_STYLE]
                    if run.placeholder:
                        added.font.highlight_color = WD_COLOR_INDEX.YELLOW


GAP_SPLIT = re.compile(f"({GAP.pattern})")


def _with_gaps(paragraph, text: str):
    """Plain text with its gaps (××) highlighted, as in body paragraphs."""
    for piece in GAP_SPLIT.split(text):
        if piece:
            run = paragraph.add_run(piece)
            if GAP.fullmatch(piece):
                run.font.highlight_color = WD_COLOR_INDEX.YELLOW
    return paragraph


def title_lines(text: str) -> list[str]:
    """Break a long title into lines of near-equal width at the least bad places: not
    inside a word or a number, not before closing punctuation."""
    widths = _prefix_widths(text)
    width = widths(0, len(text))
    if width <= TITLE_LINE_WIDTH:
        return [text]
    fewest = math.ceil(width / TITLE_LINE_WIDTH)
    if fewest > MAX_BALANCED_LINES:
        # No real title is this long; full lines, cut in linear time, are enough.
        cuts = _full_lines(text, widths)
    else:
        # One more line is allowed when it spares a broken word: 3 short lines beat 2 full ones.
        _, cuts = min(
            _best_cuts(text, widths, lines, extra=EXTRA_LINE_COST * (lines - fewest))
            for lines in (fewest, fewest + 1)
        )
    return [text[a:b] for a, b in itertools.pairwise((0, *cuts, len(text)))]


def _best_cuts(text: str, widths, lines: int, extra: float) -> tuple[float, tuple[int, ...]]:
    """Cheapest cuts into `lines` lines: distance of each line from the mean width, plus
    the cost of each break (dynamic programming over cut positions). A line starts at most a
    line's width before it ends, so the work grows with the title's length, not its square."""
    target = widths(0, len(text)) / lines
    inside_words = {
        start + k
        for word in TITLE_WORDS
        for start in _occurrences(text, word)
        for k in range(1, len(word))
    }
    reach = 2 * TITLE_LINE_WIDTH + 2  # characters in the widest line (all half-width)
    best: dict[tuple[int, int], tuple[float, tuple[int, ...]]] = {(0, 0): (extra, ())}
    for line in range(1, lines + 1):
        ends = [len(text)] if line == lines else range(line, len(text))
        for end in ends:
            options = []
            for start in range(max(line - 1, end - reach), end):
                if (line - 1, start) not in best:
                    continue
                cost, cuts = best[line - 1, start]
                line_width = widths(start, end)
                cost += abs(line_width - target) + 1000 * (line_width > TITLE_LINE_WIDTH)
                if end < len(text):
                    cost += _break_cost(text, end, inside_words)
                    cuts = (*cuts, end)
                options.append((cost, cuts))
            if options:
                best[line, end] = min(options)
    return best.get((lines, len(text)), (math.inf, _full_lines(text, widths)))


def _full_lines(text: str, widths) -> tuple[int, ...]:
    cuts, start = [], 0
    for end in range(1, len(text)):
        if widths(start, end + 1) > TITLE_LINE_WIDTH:
            cuts.append(end)
            start = end
    return tuple(cuts)


def _prefix_widths(text: str):
    """width(start, end) of text[start:end] in em of the title face, in constant time: Latin
    letters and digits are half as wide as 汉字, and Word and LibreOffice put a quarter em
    between Latin and Chinese text (autoSpaceDE)."""
    letters = [0.0, *itertools.accumulate(0.5 if ch.isascii() else 1 for ch in text)]
    changes = [0, *itertools.accumulate(a.isascii() != b.isascii() for a, b in itertools.pairwise(text))]
    return lambda start, end: letters[end] - letters[start] + (changes[end - 1] - changes[start]) / 4 \
        if end > start else 0.0


def _occurrences(text: str, word: str) -> list[int]:
    return [i for i in range(len(text)) if text.startswith(word, i)]


def _break_cost(text: str, cut: int, inside_words: set[int]) -> float:
    before, after = text[cut - 1], text[cut]
    latin = before.isascii() and before.isalnum()
    if latin and (after.isascii() and after.isalnum() or after in "年月日%"):
        return 100  # never split 2024年 or PM2.5
    if after in NO_LINE_START or before in NO_LINE_END:
        return 100
    if cut in inside_words:
        return 6
    if before in GOOD_LINE_ENDS or text.startswith(GOOD_LINE_STARTS, cut):
        return -2
    return 0


def _annotate(word: WordDocument, notes: Sequence[tuple[str, str]], stamp: datetime) -> None:
    """Each note goes to the first paragraph holding its fragment that no earlier note with the
    same fragment took: its search goes on after the paragraph the last one took. Texts are
    read once and each run is cut once at all its notes' ends (a paragraph saying 5,000 figures,
    read again and cut again for every note, took minutes)."""
    if not notes:
        return
    paragraphs = word.paragraphs
    texts = [paragraph.text for paragraph in paragraphs]
    resume: dict[str, int] = {}  # fragment -> the paragraph its next note's search starts at
    spots = []  # (paragraph, start, end, comment)
    missing = []
    for fragment, text in notes:
        found = next((i for i in range(resume.get(fragment, 0), len(texts)) if fragment and fragment in texts[i]),
                     None)
        if found is None:
            missing.append(fragment)
            continue
        resume[fragment] = found + 1
        start = texts[found].index(fragment)
        spots.append((found, start, start + len(fragment), text))
    if missing:
        raise ValueError("批注所指的文字在稿中找不到：" + "、".join(f"“{m}”" for m in missing))
    ends: dict[int, set[int]] = {}
    for i, start, end, _ in spots:
        ends.setdefault(i, set()).update((start, end))
    cut = {i: _cut_runs(paragraphs[i], sorted(offsets)) for i, offsets in ends.items()}
    comments = Comments(word, author=COMMENT_AUTHOR, initials="SD", date=stamp)
    for i, start, end, text in spots:
        runs, starts = cut[i]
        comments.add(runs[bisect.bisect_left(starts, start):bisect.bisect_left(starts, end)], text)


def _cut_runs(paragraph: WordParagraph, offsets: list[int]) -> tuple[list[WordRun], list[int]]:
    """The paragraph's runs with text, split at `offsets` (sorted), and the offset each starts at."""
    runs, starts, position = [], [], 0
    for run in paragraph.runs:
        text = run.text
        if not text:
            continue
        inside = offsets[bisect.bisect_right(offsets, position):bisect.bisect_left(offsets, position + len(text))]
        bounds = [position, *inside, position + len(text)]
        pieces = [text[a - position:b - position] for a, b in itertools.pairwise(bounds)]
        made = [run]
        if len(pieces) > 1:
            run.text = ""
            blank = deepcopy(run._r)  # the run's formatting, for every piece
            run.text = pieces[0]
            for piece in pieces[1:]:
                element = deepcopy(blank)
                made[-1]._r.addnext(element)
                made.append(WordRun(element, paragraph))
                made[-1].text = piece
        runs += made
        starts += bounds[:-1]
        position += len(text)
    return runs, starts


def _timestamp(document: Document) -> datetime:
    value = document.meta.get("date")
    if not value:
        return EPOCH
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"日期应写成 YYYY-MM-DD，而不是 {value!r}") from None
    return datetime(day.year, day.month, day.day, tzinfo=timezone.utc)


def _set_properties(word: WordDocument, document: Document, stamp: datetime) -> None:
    meta = document.meta
    properties = word.core_properties
    # Word's core properties hold at most 255 characters; a longer title stays whole in the text.
    properties.title = (meta.get("title") or document.title)[:CORE_PROPERTY_MAX]
    properties.subject = meta.get("subject", "")[:CORE_PROPERTY_MAX]
    properties.author = properties.last_modified_by = meta.get("author", "")[:CORE_PROPERTY_MAX]
    properties.keywords = "讲话稿"
    properties.comments = ""
    properties.created = properties.modified = stamp
    properties.revision = 1


def _save(word: WordDocument, target: BinaryIO | str | os.PathLike[str]) -> None:
    """Save with fixed zip entry times, so the same Document gives the same bytes."""
    raw = io.BytesIO()
    word.save(raw)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.create_system = 0  # as Word writes it, whatever the platform
            zf.writestr(entry, source.read(info))
    if hasattr(target, "write"):
        target.write(out.getvalue())
    else:
        Path(target).write_bytes(out.getvalue())
