"""Inputs a writer could give that once took minutes (issue 14, item 4): a data file with a
long meeting name or hundreds of metrics, and .docx/.txt/.md speeches of many paragraphs.
Shared by tests/test_slow_paths.py and benchmarks/bench_hostile.py."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "county-conference.yaml"
DOMAINS = ("air", "water", "soil", "ecology", "rural")

# A paragraph with something for every kind of finding a writer meets: a half-width comma
# between 汉字 (fixable), a typo (fixable), a level word, and a sentence said twice.
PARAGRAPH = "全市上下要严格落实党政同责、一岗双贵,推动生态环境质量持续改善。第{n}项工作要抓紧抓实。"


def data(**fields) -> dict:
    """examples/county-conference.yaml with `fields` changed."""
    loaded = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    loaded.update(fields)
    return loaded


def meeting(n: int) -> dict:
    """`mk n`: the meeting named by n copies of 会."""
    return data(meeting="会" * n)


def metrics(n: int) -> dict:
    """n metrics, each with its own name and figures (a name may not repeat)."""
    return data(metrics=[
        {"name": f"第{k}项监测指标达标率", "value": 80 + k % 19 + 0.5, "unit": "%", "previous": 80 + k % 17,
         "domain": DOMAINS[k % len(DOMAINS)]}
        for k in range(1, n + 1)
    ])


def achievements(n: int) -> dict:
    return data(achievements=[
        {"text": f"完成第{k}批生态修复项目", "domain": DOMAINS[k % len(DOMAINS)]} for k in range(1, n + 1)
    ])


def write_yaml(path: Path, fields: dict) -> Path:
    path.write_text(yaml.safe_dump(fields, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def paragraphs(n: int) -> list[str]:
    return [PARAGRAPH.format(n=k) for k in range(1, n + 1)]


_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/></Relationships>'
)


def docx_bytes(texts: list[str]) -> bytes:
    """A minimal .docx, one paragraph of two runs per text (written as XML: python-docx takes
    minutes to add 100,000 paragraphs)."""
    body = "".join(
        f"<w:p><w:r><w:t>{t[:10]}</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>{t[10:]}</w:t></w:r></w:p>"
        for t in texts
    )
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body>{body}</w:body></w:document>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", _CONTENT_TYPES)
        zf.writestr("_rels/.rels", _RELS)
        zf.writestr("word/document.xml", document)
    return out.getvalue()


def txt(n: int) -> str:
    """n paragraphs, one a line (n = 350,000 makes a 46 MB file)."""
    return "\n".join(paragraphs(n)) + "\n"


def bold_md(spans: int) -> str:
    """One Markdown paragraph with `spans` bold spans (20,000 make 260 KB)."""
    return "# 讲话\n\n" + "**一是**抓" * spans + "\n"
