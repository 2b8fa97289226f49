"""Reading a writer's folder: encodings detected, .docx read, bad files reported and skipped."""
from __future__ import annotations

from pathlib import Path

import docx
import pytest

from speechdraft.errors import UserError
from speechdraft.extract.pipeline import extract
from speechdraft.extract.read import Found, Unreadable, decode_text, find, read

SPEECH = "同志们：\n今天，我们召开全县生态环境保护工作会议。\n一是持续深入打好蓝天保卫战。要加强扬尘管控。\n二是深入打好碧水保卫战。要整治入河排污口。\n"


def _found(path: Path) -> Found:
    return Found(path, path.name)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16"])
def test_text_encodings_are_detected(tmp_path, encoding):
    f = tmp_path / "讲话.txt"
    f.write_bytes(SPEECH.encode(encoding))
    assert read(_found(f)).lines == [line for line in SPEECH.splitlines() if line]


def test_gbk_file_is_not_mistaken_for_utf8():
    raw = "生态环境保护“党政同责、一岗双责”".encode("gbk")
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    assert decode_text(raw) == "生态环境保护“党政同责、一岗双责”"


def test_binary_file_is_unreadable():
    with pytest.raises(Unreadable):
        decode_text(b"\x00\x01\x02PK\x00")


def test_docx_is_read(tmp_path):
    d = docx.Document()
    d.add_paragraph("在全县生态环境保护工作会议上的讲话")
    d.add_paragraph("")
    for line in SPEECH.splitlines():
        d.add_paragraph(line)
    f = tmp_path / "讲话.docx"
    d.save(f)
    speech = read(_found(f))
    assert speech.lines[0] == "在全县生态环境保护工作会议上的讲话"
    assert speech.lines[1] == "同志们："  # empty paragraphs are not counted
    assert len(speech.lines) == 5


def test_corrupt_docx_and_empty_file_are_reported_and_the_rest_is_read(tmp_path):
    folder = tmp_path / "材料库"
    (folder / "2023").mkdir(parents=True)
    (folder / "2023" / "好的.txt").write_text(SPEECH, encoding="utf-8")
    (folder / "坏的.docx").write_bytes(b"PK\x03\x04 this is not a zip file")
    (folder / "空的.txt").write_bytes(b"")
    (folder / "空白.txt").write_text(" \n\u3000\n", encoding="utf-8")
    (folder / "~$锁文件.docx").write_bytes(b"lock")  # Word's lock file: not a speech
    (folder / "notes.md").write_text("不是讲话稿", encoding="utf-8")
    result = extract([folder])
    assert result.files_read == 1
    assert result.per_file == {"2023/好的.txt": 3}
    text = "\n".join(result.warnings)
    assert "坏的.docx：" in text and "Word" in text and "已跳过" in text
    assert "空的.txt：文件是空的" in text
    assert "空白.txt：文件是空的" in text
    assert "锁文件" not in text and "notes.md" not in text
    assert len(result.warnings) == 3


def test_missing_path_is_a_user_error(tmp_path):
    with pytest.raises(UserError, match="路径不存在"):
        find([tmp_path / "没有这个文件夹"])


def test_folder_without_speeches_is_a_user_error(tmp_path):
    (tmp_path / "a.md").write_text("x", encoding="utf-8")
    with pytest.raises(UserError, match="没有找到可读取的讲话稿"):
        extract([tmp_path])


def test_nothing_readable_is_a_user_error(tmp_path):
    (tmp_path / "空的.txt").write_bytes(b"")
    with pytest.raises(UserError, match="没有一个文件能读取") as e:
        extract([tmp_path])
    assert "空的.txt" in str(e.value)


def test_explicit_doc_and_other_files_get_a_warning(tmp_path):
    (tmp_path / "旧.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    (tmp_path / "a.pdf").write_bytes(b"%PDF")
    found, warnings = find([tmp_path / "旧.doc", tmp_path / "a.pdf"])
    assert found == []
    assert "另存为 .docx" in warnings[0]
    assert "只能读取 .txt 和 .docx" in warnings[1]


def test_folders_are_searched_recursively_in_name_order(tmp_path):
    for name in ["b/2.txt", "a/1.txt", "c.docx", "a/z/3.TXT"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    found, _ = find([tmp_path])
    assert [f.name for f in found] == ["a/1.txt", "a/z/3.TXT", "b/2.txt", "c.docx"]
