"""Reading .txt and .md speeches for the proofreader."""
from __future__ import annotations

import pytest

from speechdraft.check.reading import read_source
from speechdraft.errors import UserError


def test_txt_utf8_bom_and_crlf(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes("\ufeff标题\r\n\r\n  同志们：\r\n".encode("utf-8"))
    src = read_source(p)
    assert src.bom and src.encoding == "utf-8"
    assert [(x.text, x.line) for x in src.paras] == [("标题", 1), ("  同志们：", 3)]


def test_txt_gb18030(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes("同志们：\n一岗双贵\n".encode("gb18030"))
    src = read_source(p)
    assert src.encoding == "gb18030" and src.paragraphs == ["同志们：", "一岗双贵"]


def test_markdown_strips_markup_and_maps_back(tmp_path):
    md = ("# 在全县工作会议上的讲话\n\n*县委书记　王××*\n\n同志们：\n\n## 一、提高站位\n\n"
          "要**坚持**生态优先，\n绿色发展。\n\n- 一是加强领导\n- 二是完善制度\n\n```\n代码*不算*\n```\n\n"
          "> 引用[链接](http://x.cn)\n\n---\n\n第*轮督察\n")
    p = tmp_path / "a.md"
    p.write_text(md, encoding="utf-8")
    src = read_source(p)
    assert src.paragraphs == ["在全县工作会议上的讲话", "县委书记　王××", "同志们：", "一、提高站位",
                              "要坚持生态优先，绿色发展。", "一是加强领导", "二是完善制度", "引用链接", "第*轮督察"]
    para = src.paras[4]
    assert para.line == 9
    # every character maps to the same character in the file
    assert all(md[o] == c for c, o in zip(para.text, para.raw_map))


@pytest.mark.parametrize("name", ["a.pdf", "a.doc", "a.wps"])
def test_unsupported(tmp_path, name):
    p = tmp_path / name
    p.write_bytes(b"x")
    with pytest.raises(UserError) as e:
        read_source(p)
    assert str(p) in e.value.render()
