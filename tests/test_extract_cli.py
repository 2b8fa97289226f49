"""`speechdraft extract` end to end: output, refusal to overwrite, summary, provenance, loading."""
from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest
import yaml

from speechdraft.extract.clean import clean_text
from speechdraft.phrasebank import SECTIONS, _load_file, load_bank

CORPUS = Path(__file__).parent / "fixtures" / "corpus"
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
HALF_BETWEEN = re.compile(r"[\u4e00-\u9fff][,;:?!][\u4e00-\u9fff]")
TYPOS = ["一岗双贵", "金山馄山", "桔秆", "夸部门", "破环生态", "办结率棉", "A生态文明思想", "以A同志"]
JUNK = ["由会员分享", "课桌文档", "本文内容由互联网用户", "http", "www.", "珍藏版", "如若转载"]
GENRE = {"000": "training", "001": "study", "002": "lecture", "003": "conference", "004": "report"}


@pytest.fixture(scope="module")
def bank_file(tmp_path_factory):
    from conftest import run

    out = tmp_path_factory.mktemp("extract") / "bank.yaml"
    r = run("extract", CORPUS, "-o", out)
    assert r.returncode == 0, r.stderr
    return out, r


def test_writes_a_bank_that_loads(bank_file):
    out, _ = bank_file
    points = _load_file(out)
    assert len(points) >= 50
    bank = load_bank((out,))
    assert {p.id for p in points} <= {p.id for p in bank.points}
    assert {p.section for p in points} == set(SECTIONS)


def test_summary_table_and_messages(bank_file):
    _, r = bank_file
    assert "提取结果：各部分、各领域的素材条数" in r.stdout
    for name in ("开场", "重点任务", "保障措施", "结尾", "合计"):
        assert name in r.stdout
    assert "读取 5 个文件" in r.stderr and "已写入" in r.stderr
    assert "Traceback" not in r.stderr


def test_ids_provenance_and_genres(bank_file):
    out, _ = bank_file
    raw = yaml.safe_load(out.read_text(encoding="utf-8"))["points"]
    lines = {f.name: [line for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]
             for f in CORPUS.glob("*.txt")}
    for p in raw:
        stem = Path(p["source"]["file"]).stem
        assert re.fullmatch(rf"ext-{stem.replace('_', '-')}-\d+", p["id"])
        assert 0 <= p["confidence"] <= 1
        # the lead begins in the paragraph the source names
        line = lines[p["source"]["file"]][p["source"]["paragraph"] - 1]
        norm = lambda s: re.sub(r"[^\u4e00-\u9fff]|[县市区镇]", "", re.sub(r"\{[^{}]*\}", "", s))  # noqa: E731
        assert norm(p["lead"])[:5] in norm(clean_text(line)), (p["id"], p["lead"])
        genre = GENRE[stem[:3]]
        if p["section"] in ("opening", "closing"):
            assert p["genres"] == [genre]
        else:
            assert genre in p["genres"]


def test_output_text_is_clean(bank_file):
    out, _ = bank_file
    for p in _load_file(out):
        text = p.lead + p.body
        assert not HALF_BETWEEN.search(text), p.id
        for bad in TYPOS + JUNK + ["*", "×××", "A总书记"]:
            assert bad not in text, (p.id, bad)
        # figures are placeholders; years of national milestones and PM2.5 stay
        leftover = re.sub(r"PM2\.5|(?:19|20)\d{2}年(?:\d{1,2}月(?:\d{1,2}日)?)?", "", text)
        assert not re.search(r"\d", leftover), (p.id, text)
        for word in ("全县", "我县", "县委、县政府", "县域", "示范县", "我市", "市委、市政府", "全区", "我区"):
            assert word not in text, (p.id, word)


def test_refuses_to_overwrite_without_force(bank_file, cli):
    out, _ = bank_file
    before = out.read_bytes()
    r = cli("extract", CORPUS, "-o", out)
    assert r.returncode == 2
    assert "已存在" in r.stderr and "--force" in r.stderr and "Traceback" not in r.stderr
    assert out.read_bytes() == before
    r = cli("extract", CORPUS / "003_84efc0dd5eadda16.txt", "-o", out, "--force")
    assert r.returncode == 0, r.stderr
    assert {p.source.file for p in _load_file(out)} == {"003_84efc0dd5eadda16.txt"}


def test_folder_output_has_one_file_per_section(tmp_path, cli):
    out = tmp_path / "我的素材库"
    r = cli("extract", CORPUS, "-o", out)
    assert r.returncode == 0, r.stderr
    files = sorted(p.stem for p in out.glob("*.yaml"))
    assert files == sorted(SECTIONS)
    for f in out.glob("*.yaml"):
        assert {p.section for p in _load_file(f)} == {f.stem}
    assert cli("extract", CORPUS, "-o", out).returncode == 2
    assert cli("extract", CORPUS / "001_c8682e9b310e208f.txt", "-o", out, "--force").returncode == 0
    assert all(p.source.file.startswith("001") for p in load_bank((out,)).points if p.id.startswith("ext-"))


def test_drafting_with_the_extracted_bank(bank_file, tmp_path, cli):
    out, _ = bank_file
    r = cli("draft", EXAMPLES / "county-conference.yaml", "--phrasebank", out, "-o", tmp_path / "d.txt")
    assert r.returncode == 0, r.stderr


def test_bad_input_is_exit_2_with_a_chinese_message(tmp_path, cli):
    r = cli("extract", tmp_path / "没有", "-o", tmp_path / "o.yaml")
    assert r.returncode == 2 and "路径不存在" in r.stderr and "Traceback" not in r.stderr
    (tmp_path / "空.txt").write_bytes(b"")
    r = cli("extract", tmp_path / "空.txt", "-o", tmp_path / "o.yaml")
    assert r.returncode == 2 and "没有一个文件能读取" in r.stderr and "文件是空的" in r.stderr
    assert not (tmp_path / "o.yaml").exists()


def test_docx_and_bad_files_in_a_folder(tmp_path, cli):
    folder = tmp_path / "材料"
    folder.mkdir()
    d = docx.Document()
    for line in (CORPUS / "003_84efc0dd5eadda16.txt").read_text(encoding="utf-8").splitlines():
        d.add_paragraph(line)
    d.save(folder / "推进会讲话.docx")
    (folder / "坏.docx").write_bytes(b"not a zip")
    (folder / "gbk.txt").write_bytes((CORPUS / "000_276f9cf593b75a38.txt").read_text(encoding="utf-8").encode("gbk"))
    r = cli("extract", folder, "-o", tmp_path / "o.yaml")
    assert r.returncode == 0, r.stderr
    assert "警告：" in r.stderr and "坏.docx" in r.stderr
    points = _load_file(tmp_path / "o.yaml")
    assert {p.source.file for p in points} == {"推进会讲话.docx", "gbk.txt"}
    assert all(re.fullmatch(r"ext-(doc[0-9a-f]{6}|gbk)-\d+", p.id) for p in points)
    assert len(points) >= 20


def test_help_is_chinese(cli):
    r = cli("extract", "--help")
    assert r.returncode == 0 and "从旧讲话稿" in r.stdout and "--force" in r.stdout
    assert "extract" in cli("--help").stdout
