"""The Word document --fix and --annotate write from: the one that was checked, opened
again (through every check of ooxml) and compared paragraph by paragraph; and the copy,
checked as any .docx read is, before a byte of it is written."""
from __future__ import annotations

import io

from speechdraft.check.docx_text import paragraph_text
from speechdraft.check.reading import Source, open_docx
from speechdraft.errors import UserError
from speechdraft.ooxml import check_copy

CHANGED = "文件在审校过程中被改动，未写入任何文件；请等文件保存好后重新运行"


def reopen(source: Source):
    """The python-docx Document of `source`, as it was when it was checked."""
    doc = open_docx(source.path)
    body = doc.paragraphs
    for para in source.paras:
        if para.docx_index >= len(body) or paragraph_text(body[para.docx_index]._p) != para.text:
            raise UserError(CHANGED, file=str(source.path))
    return doc


def save(doc, source: Source) -> bytes:
    """The bytes of `doc`, a copy made from `source`, once they pass the checks."""
    buf = io.BytesIO()
    doc.save(buf)
    data = buf.getvalue()
    check_copy(data, source.path)
    return data
