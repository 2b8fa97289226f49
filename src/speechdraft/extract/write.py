"""Write candidate points as phrase-bank YAML (phrasebank/README.md), loadable with
`--phrasebank OUT`: to one .yaml file, or to a folder with one file per section
(opening.yaml, tasks.yaml, …; a section too big for one file continues in tasks-2.yaml …).

Every file is written whole or not at all (speechdraft.output.write_atomic), and nothing is
overwritten without --force. Each point carries a comment with both confidences, so the
writer reviewing the candidates sees which labels to check first.
"""
from __future__ import annotations

from pathlib import Path

import yaml

from speechdraft.errors import UserError
from speechdraft.extract.pipeline import Candidate
from speechdraft.inputs import BANK
from speechdraft.output import check_folder, check_name
from speechdraft.output import check_target as check_file
from speechdraft.output import write_atomic
from speechdraft.phrasebank import SECTIONS

MAX_BYTES = BANK.limit  # what --phrasebank reads of one file
CHUNK_BYTES = 900_000  # stay under it

HEADER = (
    "# 由 speechdraft extract 从旧讲话稿中提取的素材（候选），共 {n} 条。\n"
    "# section/domain 是机器判断的，confidence 是把握程度（0–1）：请逐条审读、改定后再用。\n"
    "# 格式见 phrasebank/README.md；用法：speechdraft draft 数据文件.yaml --phrasebank 本文件\n"
)


def is_folder_target(out: Path) -> bool:
    return out.is_dir() or out.suffix.lower() not in (".yaml", ".yml")


def check_target(out: Path, force: bool) -> None:
    """Refuse, before any work is done, an output that exists (without --force)."""
    check_name(out)
    if is_folder_target(out):
        check_folder(out)
        existing = sorted(out.glob("*.y*ml")) if out.is_dir() else []
        if existing and not force:
            raise UserError(f"文件夹里已有素材库文件（{existing[0].name} 等）；如要覆盖请加 --force", file=str(out))
    else:
        check_file(out, force)


def point_dict(c: Candidate) -> dict:
    return {
        "id": c.id, "section": c.section, "kind": c.kind, "domain": c.domain, "genres": list(c.genres),
        "lead": c.lead, "body": c.body, "source": {"file": c.file, "paragraph": c.paragraph},
        "confidence": c.confidence,
    }


def render_point(c: Candidate) -> str:
    text = yaml.safe_dump([point_dict(c)], allow_unicode=True, sort_keys=False, width=100_000,
                          default_flow_style=None)
    comment = f"  # 部分把握 {c.section_confidence:.2f} · 领域把握 {c.domain_confidence:.2f}\n"
    return comment + "".join("  " + line for line in text.splitlines(keepends=True))


def render(points: list[Candidate]) -> str:
    return _file_text([render_point(c) for c in points])


def _file_text(rendered: list[str]) -> str:
    if not rendered:
        return HEADER.format(n=0) + "points: []\n"
    return HEADER.format(n=len(rendered)) + "points:\n" + "".join(rendered)


def write(points: list[Candidate], out: Path, force: bool) -> list[Path]:
    """Write the points; returns the files written."""
    check_target(out, force)
    if not is_folder_target(out):
        text = render(points).encode("utf-8")
        if len(text) > MAX_BYTES:
            raise UserError(f"提取结果有 {len(text) / 1e6:.1f} MB，超过素材库单个文件 {BANK.shown} 的上限；"
                            "请用 -o 指定一个文件夹，按部分分文件保存", file=str(out))
        write_atomic(out, lambda f: f.write(text), force=True)
        return [out]
    out.mkdir(parents=True, exist_ok=True)
    files: dict[Path, bytes] = {}
    for section in SECTIONS:
        rendered = [render_point(c) for c in points if c.section == section]
        for k, chunk in enumerate(_chunks(rendered), 1):
            name = f"{section}.yaml" if k == 1 else f"{section}-{k}.yaml"
            files[out / name] = _file_text(chunk).encode("utf-8")
    if force:  # files of an earlier run that this one does not replace would mix in
        for old in out.glob("*.yaml"):
            if old not in files and old.stem.split("-")[0] in SECTIONS:
                old.unlink()
    for path, data in files.items():
        write_atomic(path, lambda f, data=data: f.write(data), force=True)
    return list(files)


def _chunks(rendered: list[str]) -> list[list[str]]:
    """Points in files of at most CHUNK_BYTES each."""
    chunks: list[list[str]] = []
    size = CHUNK_BYTES
    for text in rendered:
        n = len(text.encode("utf-8"))
        if size + n > CHUNK_BYTES:
            chunks.append([])
            size = len(HEADER.encode("utf-8")) + 20
        chunks[-1].append(text)
        size += n
    return chunks
