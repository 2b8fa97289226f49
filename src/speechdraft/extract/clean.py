"""Clean a speech as found on the web, keeping track of which source paragraph each
character came from.

- site junk: sharing banners (由会员分享, 课桌文档, 珍藏版 …), copyright footers
  (本文内容由互联网用户…, 如若转载…), URLs and e-mail addresses;
- page-break artefacts: a scraped document whose pages became lines numbered `1、` `2、` …
  that cut sentences in two (corpus 002: `深刻` / `2、回答了`) — the numbers go and the
  pages join up again;
- half-width punctuation next to Chinese text becomes full-width (speechdraft.punct);
- typos a careful editor would mend (speechdraft.wordlists), and a few scraping artefacts;
- anonymisation restored: `A生态文明思想` → 习近平生态文明思想, `以A同志为核心` →
  以习近平同志为核心, `A总书记` → 习近平总书记;
- a closing quotation mark used as an opening one (`领悟”四个重大转变”`) is turned round.

The title (first line, or the document name in a sharing banner) and the salutation
(同志们： / 尊敬的各位领导，同志们：) are taken off and kept apart.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cache

from speechdraft.extract.sentences import sentences
from speechdraft.punct import HALF_WIDTH_BETWEEN_CJK, to_fullwidth

JUNK = re.compile(
    r"由会员分享|可在线阅读|更多相关《|课桌文档|珍藏版|文档下载|下载积分|原创力文档|道客巴巴|豆丁网|百度文库"
    r"|本文内容由互联网用户|仅代表作者本人|本站仅提供|信息存储空间服务|不拥有所有权|不承担相关法律责任"
    r"|涉嫌抄袭侵权|一经查实|如若转载|请注明出处|转载请注明|版权归原作者|免责声明"
)
URL = re.compile(r"(?:https?://|www\.)[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+|[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}")
BANNER_TITLE = re.compile(r"《([^《》]+?)\.docx?(?:\([^()]*\))?》")
PAGE_NUMBER = re.compile(r"^(\d{1,3})、")
_QUOTE = re.compile("[“”]")
BLANKS = re.compile(r"[ \t\u3000\xa0]+")
_CJK_OR_FULL = re.compile(r"[\u3400-\u9fff\u3000-\u303f\uff00-\uffef“”‘’…—]")
# 同志们：  尊敬的各位领导，同志们：  — addressees only, each short, then the colon
_ADDRESSEE = r"[^。！？：，、]{0,12}(?:同志们|领导|朋友们|女士们|先生们|来宾们?|代表们?)"
SALUTATION = re.compile(rf"^{_ADDRESSEE}(?:[，、]{_ADDRESSEE})*：")
TITLE_ENDING = re.compile(r"(?:讲话|发言|材料|汇报|致辞|报告|提纲|讲稿|发言稿)(?:[（(][^）)]*[）)])?$")

# Anonymised names restored to the full formulation (the corpus writes A for 习近平).
_AFTER_A = r"(?=(?:新时代中国特色社会主义|生态文明|经济|法治|强军|外交|文化)思想|同志为核心|总书记)"
ANONYMISED = [
    (re.compile(rf"(?<![A-Za-z0-9])A{_AFTER_A}"), "习近平"),
    (re.compile(rf"(?<![A-Za-z0-9])Ａ{_AFTER_A}"), "习近平"),
    (re.compile(r"以习(?:同志)?为核心"), "以习近平同志为核心"),
]

# Artefacts of scraping and OCR in the corpus, which no proofreading list would carry.
ARTEFACTS = [
    (re.compile(r"办结率棉"), "办结率*%"),  # 002: OCR of 办结率*%
    (re.compile(r"\*心对于"), "*%。对于"),  # 002: 不低于*心对于治垃圾 — OCR of *%。
]


@cache
def _fixes() -> tuple[tuple[re.Pattern, str, tuple[str, ...] | None], ...]:
    """Scraping artefacts, the proofreader's safe fixes (speechdraft.wordlists), then the
    anonymisation; each with literals one of which every match contains (None: always run).
    Most texts hold none of them, and `literal in text` is far cheaper than a regex scan."""
    from speechdraft.wordlists import typo_fixes

    return tuple((pattern, repl, required_literals(pattern.pattern))
                 for pattern, repl in [*ARTEFACTS, *typo_fixes(), *ANONYMISED])


_LOOKAROUND = re.compile(r"\(\?<?[=!](?:[^()\\]|\\.|\((?:[^()\\]|\\.)*\))*\)")


def required_literals(pattern: str) -> tuple[str, ...] | None:
    """Runs of literal characters such that every match of `pattern` contains one of them,
    found conservatively: lookarounds are dropped, each top-level alternative gives its
    longest run, and anything unusual gives None (always run the pattern)."""
    s = _LOOKAROUND.sub("", pattern)
    while s.startswith("(?:") and s.endswith(")") and _closing(s, 0) == len(s) - 1:
        s = s[3:-1]
    literals, runs, run, i = [], [], "", 0
    while i <= len(s):
        c = s[i] if i < len(s) else "|"
        if c in "\\[(":
            # an escape, a character class or a group: not a literal; skip over it
            end = i + 2 if c == "\\" else (s.find("]", i + 1) + 1 if c == "[" else _closing(s, i) + 1)
            if end <= i:
                return None
            runs.append(run)
            run, i = "", end
            continue
        if c == "|":  # groups were skipped, so this | is at the top level: an alternative ends
            best = max(runs + [run], key=len)
            if not best:
                return None
            literals.append(best)
            runs, run = [], ""
        elif (c.isascii() and c.isalnum() or "\u4e00" <= c <= "\u9fff" or "\uff00" <= c <= "\uffef") \
                and not (i + 1 < len(s) and s[i + 1] in "?*+{"):
            run += c
        else:
            runs.append(run)
            run = ""
        i += 1
    return tuple(literals)


def _closing(s: str, start: int) -> int:
    """Index of the ) that closes the ( at `start` (-1 if none)."""
    depth, i = 0, start
    while i < len(s):
        if s[i] == "\\":
            i += 2
            continue
        if s[i] == "[":
            j = s.find("]", i + 1)
            if j < 0:
                return -1
            i = j + 1
            continue
        if s[i] == "(":
            depth += 1
        elif s[i] == ")":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return -1


@dataclass
class Para:
    """A cleaned paragraph; `marks` say from which source paragraph (the Nth non-empty line of
    the file) each stretch of the text came: (offset in text, paragraph number), ascending."""

    text: str
    marks: list[tuple[int, int]] = field(default_factory=list)

    def paragraph_at(self, offset: int) -> int:
        i = bisect.bisect_right([o for o, _ in self.marks], offset) - 1
        return self.marks[max(i, 0)][1]

    def tail(self, start: int) -> Para:
        """The text from `start` on, with its provenance."""
        marks = [(0, self.paragraph_at(start))] + [(o - start, n) for o, n in self.marks if o > start]
        return Para(self.text[start:], marks)


@dataclass
class Cleaned:
    title: str | None
    salutation: str | None
    paras: list[Para]


def clean_text(text: str) -> str:
    """Clean text line by line: junk, spaces, punctuation, typos, anonymisation.
    Line breaks are kept, so a whole document goes through in one call (the fixes are many
    regular expressions: one pass over a long string costs far less than one per line)."""
    text = URL.sub("", text)
    text = BLANKS.sub(_blank, text)
    if HALF_WIDTH_BETWEEN_CJK.search(text):
        text = to_fullwidth(text)
    for pattern, repl, literals in _fixes():
        if literals is None or (literals[0] in text if len(literals) == 1 else any(x in text for x in literals)):
            text = pattern.sub(repl, text)
    return "\n".join(line.strip() for line in text.split("\n"))


def _blank(m: re.Match[str]) -> str:
    """Spaces next to Chinese text go; spaces between Latin words stay."""
    text, a, b = m.string, m.start(), m.end()
    near_cjk = (a > 0 and _CJK_OR_FULL.match(text[a - 1])) or (b < len(text) and _CJK_OR_FULL.match(text[b]))
    return "" if near_cjk else m.group(0)


def _clean_lines(lines: list[str]) -> list[str]:
    cleaned = clean_text("\n".join(lines)).split("\n")
    if len(cleaned) != len(lines):  # a fix that ate a line break: go line by line
        cleaned = [clean_text(line) for line in lines]
    return cleaned


def clean(lines: list[str]) -> Cleaned:
    """Clean a speech given as its non-empty lines (paragraph n is lines[n-1])."""
    banner_title = None
    kept: list[tuple[int, str]] = []
    for n, line in enumerate(lines, 1):
        if JUNK.search(line):
            m = BANNER_TITLE.search(line)
            if m and banner_title is None:
                banner_title = clean_text(m.group(1))
            line = "".join(s for s in sentences(line) if not JUNK.search(s))
        line = BLANKS.sub(" ", line).strip()
        if URL.fullmatch(line) or not line:
            continue
        kept.append((n, line))

    groups = _join_pages(kept)
    pieces = iter(_clean_lines([line for group in groups for _, line in group]))
    paras = []
    for group in groups:
        text, marks = "", []
        for n, _ in group:
            piece = next(pieces)
            if piece:
                marks.append((len(text), n))
                text += piece
        if text:
            paras.append(Para(fix_quotes(text), marks))
    title, paras = _take_title(paras, banner_title)
    salutation, paras = _take_salutation(paras)
    return Cleaned(title, salutation, paras)


def _join_pages(kept: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    """Lines numbered 1、 2、 3、 … in a row, where at least half the breaks cut a sentence,
    are pages of a scraped document: drop the numbers and join the pages into one paragraph.
    A real numbered list ends each line with its sentence and is left alone."""
    best: list[int] = []
    run: list[int] = []
    last = None
    for i, (_, line) in enumerate(kept):
        m = PAGE_NUMBER.match(line)
        if not m:
            continue
        num = int(m.group(1))
        run = run + [i] if run and last is not None and num == last + 1 else [i]
        last = num
        if len(run) > len(best):
            best = run
    breaks = [i for i in best[1:] if not re.search(r"[。！？：；][”’」』）]*$", kept[i - 1][1])]
    pages = set(best) if len(best) >= 2 and breaks and len(breaks) * 2 >= len(best) - 1 else set()
    groups: list[list[tuple[int, str]]] = []
    for i, (n, line) in enumerate(kept):
        if i in pages:
            line = PAGE_NUMBER.sub("", line, count=1)
            if groups and i != best[0]:
                groups[-1].append((n, line))
                continue
        groups.append([(n, line)])
    return groups


def fix_quotes(text: str) -> str:
    """Turn a ” that opens a quotation (no “ pending, and the next quote mark is also ”)
    into “. Length is kept, so provenance offsets stay right."""
    if "”" not in text:
        return text
    chars = list(text)
    quotes = [m.start() for m in _QUOTE.finditer(text)]
    open_ = False
    for k, i in enumerate(quotes):
        if chars[i] == "“":
            open_ = True
        elif open_:
            open_ = False
        elif k + 1 < len(quotes) and chars[quotes[k + 1]] == "”":
            chars[i] = "“"
            open_ = True
    return "".join(chars)


def _take_title(paras: list[Para], banner_title: str | None) -> tuple[str | None, list[Para]]:
    title = banner_title
    if paras and banner_title and paras[0].text.startswith(banner_title):
        # the scraped page glued the title to the first sentence: 讲话今天，我们召开…
        rest = paras[0].tail(len(banner_title))
        paras = ([rest] if rest.text else []) + paras[1:]
    elif paras and _looks_like_title(paras[0].text):
        title = paras[0].text
        paras = paras[1:]
    while paras and title and paras[0].text == title:  # a title printed twice
        paras = paras[1:]
    return title, paras


def _looks_like_title(text: str) -> bool:
    if len(text) > 60 or re.search(r"[。！？；]", text) or SALUTATION.match(text):
        return False
    return bool(TITLE_ENDING.search(text)) or not re.search(r"[，：]", text)


def _take_salutation(paras: list[Para]) -> tuple[str | None, list[Para]]:
    """同志们： on a line of its own, or at the head of the first paragraph."""
    for k, para in enumerate(paras[:3]):
        m = SALUTATION.match(para.text)
        if m:
            rest = para.tail(m.end())
            return m.group(0), paras[:k] + ([rest] if rest.text.strip() else []) + paras[k + 1:]
    return None, paras
