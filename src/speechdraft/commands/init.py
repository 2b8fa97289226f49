"""`speechdraft init GENRE`: a starter data file that drafts as it is."""
from __future__ import annotations

from pathlib import Path

import click

from speechdraft.clicktext import LabelledChoice
from speechdraft.genres import GENRES


@click.command(options_metavar="[选项]", context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("genre", type=LabelledChoice({g.name: g.label for g in GENRES.values()}), metavar="体裁")
@click.option("-o", "--output", default="数据.yaml", show_default=True, metavar="文件",
              help="写到哪个文件；“-”表示输出到屏幕。")
@click.option("--force", is_flag=True, help="覆盖已存在的文件。")
def init(genre, output, force):
    """生成某一体裁的数据文件样例（每个字段都有中文说明），改一改就能起草。

    体裁：conference、lecture、study、report、training（speechdraft genres 查看说明）。"""
    from speechdraft.output import write_atomic, write_stdout
    from speechdraft.starter import starter

    text = starter(genre).replace("{file}", output if output != "-" else "数据.yaml")
    if output == "-":
        write_stdout(text)
        return
    target = Path(output)
    write_atomic(target, lambda f: f.write(text.encode("utf-8")), force)
    click.echo(f"已写入：{target.resolve()}", err=True)
    click.echo(f"下一步：speechdraft draft {output} -o 讲话稿.docx", err=True)
