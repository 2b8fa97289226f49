"""`speechdraft extract`: old speeches (.txt/.docx, files or folders) in, phrase-bank YAML out."""
from __future__ import annotations

import os
from pathlib import Path

import click

from speechdraft.inputs import TEXT, WORD, limits


@click.command(options_metavar="[选项]", context_settings={"help_option_names": ["-h", "--help"]},
               epilog=limits(TEXT, WORD))
@click.argument("paths", nargs=-1, required=True, metavar="路径...", type=click.Path(path_type=Path))
@click.option("-o", "--output", required=True, metavar="输出", type=click.Path(path_type=Path),
              help="输出：.yaml 文件，或一个文件夹（每个部分一个 .yaml 文件）。")
@click.option("--force", is_flag=True, help="覆盖已存在的输出。")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=0, metavar="N",
              help="同时处理的进程数；0 表示按 CPU 核数自动决定（文件多时才并行）。")
def extract(paths, output, force, jobs):
    """从旧讲话稿（.txt、.docx 文件或文件夹）中提取素材，生成素材库 YAML。

    文本文件的编码（UTF-8 或 GBK/GB18030）自动识别。提取时清理网页杂质、修正错别字、还原匿名处，把“全县”“县委、县政府”等层级词换成插槽，数字换成 ××，并去掉近似重复的段落。

    每条素材标明出处（文件、段落）和把握程度（confidence）；生成后请逐条审读。

    适用体裁按原稿标题猜：“讲话”的素材用于工作会议和中心组学习会讲话，“发言”的素材用于研讨、培训和汇报发言；开场和结尾只用于原稿的体裁。

    用法示例：speechdraft extract 材料库/ -o 我的素材库/，再用 speechdraft draft 数据.yaml --phrasebank 我的素材库/ 起草。
    """
    from rich.console import Console

    from speechdraft.extract.pipeline import extract as run
    from speechdraft.extract.read import find
    from speechdraft.extract.write import check_target, write

    err = Console(stderr=True, highlight=False)
    jobs = jobs or min(os.cpu_count() or 1, 8)
    check_target(output, force)
    found, warnings = find(paths)
    for w in warnings:
        err.print(f"[yellow]警告：[/]{w}")

    if any(p.is_dir() for p in paths) and err.is_terminal and found:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

        with Progress(TextColumn("正在提取"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.description}"),
                      console=err, transient=True) as progress:
            task = progress.add_task("", total=len(found))
            result = run(paths, found=found, jobs=jobs,
                         on_file=lambda f: progress.update(task, advance=1, description=f.name))
    else:
        result = run(paths, found=found, jobs=jobs)

    for w in result.warnings:  # files that could not be read
        err.print(f"[yellow]警告：[/]{w}")
    written = write(result.points, output, force)

    Console(highlight=False).print(_summary(result))
    err.print(f"读取 {result.files_read} 个文件，提取 {len(result.points)} 条素材"
              f"（去掉近似重复 {result.duplicates} 条）。")
    for path in written:
        err.print(f"已写入：{path}")


def _summary(result):
    from rich import box
    from rich.table import Table

    from speechdraft.domains import DOMAINS, GENERAL
    from speechdraft.phrasebank import SECTIONS

    # the short names of phrasebank/README.md
    section_names = dict(zip(SECTIONS, ("开场", "重要意义", "成绩", "差距", "重点任务", "保障措施", "结尾", "承上启下")))
    domain_names = dict(zip((*DOMAINS, GENERAL),
                            ("大气", "水", "土壤", "生态", "双碳", "产业", "督察", "农村", "城市", "文化", "治理", "通用")))
    domains = [d for d in (*DOMAINS, GENERAL) if any(p.domain == d for p in result.points)]
    table = Table(title="提取结果：各部分、各领域的素材条数", show_footer=True, box=box.SIMPLE_HEAD,
                  pad_edge=False, collapse_padding=True)
    table.add_column("部分", footer="合计", no_wrap=True)
    for d in domains:
        table.add_column(domain_names[d], justify="right", no_wrap=True,
                         footer=str(sum(1 for p in result.points if p.domain == d)))
    table.add_column("合计", justify="right", no_wrap=True, footer=str(len(result.points)))
    for s in SECTIONS:
        row = [p for p in result.points if p.section == s]
        if row:
            table.add_row(section_names[s], *[str(sum(1 for p in row if p.domain == d) or "") for d in domains],
                          str(len(row)))
    return table
