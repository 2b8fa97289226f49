"""The Word file as a reader sees it: rendered by LibreOffice to PDF and read back."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from speechdraft.document import Byline, Document, Heading, Paragraph, Run, Salutation, Title
from speechdraft.writers.docx import title_lines, write_docx

TOOLS = ("soffice", "pdfinfo", "pdftotext")
pytestmark = pytest.mark.skipif(
    not all(shutil.which(tool) for tool in TOOLS),
    reason="需要 LibreOffice（soffice）和 poppler-utils（pdfinfo、pdftotext）",
)

TITLE = "在青山县2024年生态环境保护暨督察整改工作推进会议上的讲话"
# No Latin letters or digits, so every full line holds exactly 28 characters.
SENTENCES = [
    "各级各部门要坚持以习近平生态文明思想为指导，统筹推进山水林田湖草沙一体化保护和系统治理。",
    "要深入打好蓝天碧水净土保卫战，持续改善生态环境质量，让老百姓实实在在感受到生态环境的变化。",
    "要压紧压实生态环境保护责任，严格落实党政同责、一岗双责，形成齐抓共管的工作格局。",
    "要加快发展方式绿色转型，推动产业结构、能源结构、交通运输结构持续优化调整。",
]
PARAGRAPHS = [
    "".join(SENTENCES[(i + k) % len(SENTENCES)] for k in range(3)) for i in range(14)
]


def speech() -> Document:
    blocks = [
        Title(TITLE),
        Byline("王××"),
        Byline("（二〇二四年三月十五日）"),
        Salutation("同志们："),
        Heading(1, "一、提高政治站位，扛牢生态环境保护政治责任"),
    ]
    for i, text in enumerate(PARAGRAPHS):
        lead, rest = text.split("，", 1)
        runs = (Run(lead + "，", lead=True), Run(rest))
        if i == 0:
            runs += (Run("××", placeholder=True), Run("。"))
        blocks.append(Paragraph(runs))
    return Document(blocks=blocks, meta={"author": "王××", "date": "2024-03-15"})


@pytest.fixture(scope="module")
def pdf(tmp_path_factory) -> Path:
    """Render once; a private LibreOffice profile and HOME let test runs go in parallel."""
    work = tmp_path_factory.mktemp("render")
    source = work / "讲话.docx"
    write_docx(speech(), source)
    subprocess.run(
        ["soffice", f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless",
         "--convert-to", "pdf", "--outdir", str(work), str(source)],
        check=True, capture_output=True, timeout=300, env={**os.environ, "HOME": str(work)},
    )
    return work / "讲话.pdf"


def page_text(pdf: Path, page: int) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", "-f", str(page), "-l", str(page), str(pdf), "-"],
        check=True, capture_output=True, text=True,
    ).stdout


def pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True)
    return int(re.search(r"^Pages:\s+(\d+)", info.stdout, re.M).group(1))


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def page_number_x(pdf: Path, page: int) -> float:
    """Horizontal centre of the page number, in points."""
    html = subprocess.run(
        ["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"],
        check=True, capture_output=True, text=True,
    ).stdout
    boxes = [
        (float(x0), float(x1))
        for x0, x1, word in re.findall(r'xMin="([\d.]+)" [^>]*xMax="([\d.]+)" [^>]*>([^<]*)<', html)
        if word in ("—", str(page))
    ]
    return (min(x0 for x0, _ in boxes) + max(x1 for _, x1 in boxes)) / 2


def test_a4_pages(pdf):
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True)
    size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info.stdout)
    width, height = map(float, size.groups())
    assert abs(width - 595) <= 1 and abs(height - 842) <= 1
    assert pages(pdf) >= 3


def test_title_on_page_one(pdf):
    lines = [squeeze(line) for line in page_text(pdf, 1).splitlines() if line.strip()]
    assert lines[:4] == [*title_lines(TITLE), "王××", "（二〇二四年三月十五日）"]
    assert lines[4] == "同志们："


def test_page_numbers_odd_right_even_left(pdf):
    for page in (1, 2, 3):
        assert f"—{page}—" in squeeze(page_text(pdf, page)).split("。")[-1]
    assert page_number_x(pdf, 1) > 595 * 3 / 4
    assert page_number_x(pdf, 2) < 595 / 4


def test_every_paragraph_present_in_order(pdf):
    text = "".join(squeeze(page_text(pdf, page)) for page in range(1, pages(pdf) + 1))
    text = re.sub(r"—\d+—", "", text)
    position = 0
    for block in speech().blocks:
        expected = squeeze(block.text)
        found = text.find(expected, position)
        assert found >= 0, expected
        position = found + len(expected)


def test_22_lines_of_28_characters(pdf):
    lines = [squeeze(line) for line in page_text(pdf, 2).splitlines()]
    body = [line for line in lines if line and not re.fullmatch(r"—\d+—", line)]
    assert len(body) == 22
    assert max(len(line) for line in body) == 28
