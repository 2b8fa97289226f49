"""Word comments (批注) added in time linear in their number.

python-docx's Document.add_comment reads every comment already there to find a free id, so
10,000 comments took minutes; this gives the same XML with ids counted on."""
from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timezone

from docx.comments import Comment
from docx.document import Document as WordDocument
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.text.run import Run


class Comments:
    """Adds comments by one author to `word`, each anchored to a range of runs."""

    def __init__(self, word: WordDocument, *, author: str, initials: str, date: datetime | None = None):
        self._collection = word.comments  # creates the comments part when there is none
        self._element = self._collection._comments_elm
        self._part = self._collection._comments_part
        self._author, self._initials, self._date = author, initials, date
        self._next_id = 1 + max(
            (int(c.get(qn("w:id"))) for c in self._element.iterchildren(qn("w:comment"))), default=-1)

    def add(self, runs: Sequence[Run], text: str) -> None:
        """A comment saying `text` (lines split at \\n) on the runs from runs[0] to runs[-1]."""
        comment_id = self._next_id
        self._next_id += 1
        element = parse_xml(  # what python-docx writes for a new comment
            f'<w:comment {nsdecls("w")} w:id="{comment_id}" w:author="">'
            '<w:p><w:pPr><w:pStyle w:val="CommentText"/></w:pPr>'
            '<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:annotationRef/></w:r></w:p>'
            "</w:comment>"
        )
        self._element.append(element)
        element.author = self._author
        element.initials = self._initials
        element.date = self._date or datetime.now(timezone.utc)  # python-docx stamps the wall clock too
        if text:
            comment = Comment(element, self._part)
            first, *more = text.split("\n")
            comment.paragraphs[0].add_run(first)
            for line in more:
                comment.add_paragraph(text=line)
        runs[0].mark_comment_range(runs[-1], comment_id)
