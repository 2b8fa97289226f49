"""`speechdraft bank`: how many points the phrase bank holds for each genre's parts and each
domain, and which fall short of the minimums (exit status 1 if any)."""
from __future__ import annotations

import unicodedata
from pathlib import Path

import click

from speechdraft.inputs import BANK, limits


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def _rows(rows: list[list[str]]) -> list[str]:
    widths = [max(_width(r[i]) for r in rows) for i in range(len(rows[0]))]
    return ["  ".join(_pad(cell, w) for cell, w in zip(row, widths)).rstrip() for row in rows]


@click.command(options_metavar="[选项]", context_settings={"help_option_names": ["-h", "--help"]},
               epilog=limits(BANK))
@click.option("--phrasebank", "phrasebanks", multiple=True, metavar="路径",
              type=click.Path(path_type=Path), help="连同自己的素材库一起统计（文件或文件夹，可多次使用）。")
def bank(phrasebanks):
    """统计素材库：各体裁各部分、各领域各口吻的要点数，列出低于最低数量的格子。"""
    from speechdraft.bankstats import SECTION_NAMES, VOICE_NAMES, domain_cells, genre_cells, short_cells
    from speechdraft.domains import DOMAINS
    from speechdraft.phrasebank import load_bank

    points = load_bank(tuple(phrasebanks))
    sections = list(SECTION_NAMES)

    def mark(cell) -> str:
        return f"{cell.count}{'*' if cell.short else ''}"

    click.echo(f"素材库共 {len(points.points)} 条要点。标 * 的格子低于最低数量。")
    click.echo("")
    click.echo("一、各体裁各部分（只计该部分所用口吻的要点；“－”表示该体裁没有这一部分）")
    rows = [["体裁", *(SECTION_NAMES[s] for s in sections)]]
    for name, row in genre_cells(points).items():
        rows.append([name, *(f"{VOICE_NAMES[row[s][0]]}{mark(row[s][1])}" if s in row else "－" for s in sections)])
    for line in _rows(rows):
        click.echo(line)
    click.echo("")
    click.echo("二、各领域的重点任务（按口吻）和成绩（汇报口吻，按所称成效）")
    rows = [["领域", "部署", "汇报或打算", "体会", "成绩称成效", "成绩称工作"]]
    for domain, row in domain_cells(points).items():
        rows.append([DOMAINS[domain], *(mark(c) for c in row.values())])
    for line in _rows(rows):
        click.echo(line)
    short = short_cells(points)
    click.echo("")
    if not short:
        click.echo("各格子均达到最低数量。")
        return
    click.echo(f"低于最低数量的格子（{len(short)} 个）：")
    for cell in short:
        click.echo(f"  {cell.what}：{cell.count} 条，至少 {cell.minimum} 条")
    click.get_current_context().exit(1)
