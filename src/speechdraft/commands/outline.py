"""`speechdraft outline`: the plan of the speech (提纲) — every part, heading and item, with
the data and the bank point each item carries. Printed as a skeleton to agree with the leader,
or written with -o as a file the writer edits and drafts from (draft --outline)."""
from __future__ import annotations

from pathlib import Path

import click

from speechdraft.inputs import BANK, DATA, TEMPLATE, check_folder, limits


@click.command(options_metavar="[选项]", context_settings={"help_option_names": ["-h", "--help"]},
               epilog=limits(DATA, BANK, TEMPLATE))
@click.argument("data", metavar="数据文件", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", metavar="提纲.yaml", type=click.Path(path_type=Path, dir_okay=False),
              help="把提纲写成文件（YAML）：可调整顺序、删改条目和标题，再用 draft --outline 起草全文。")
@click.option("--force", is_flag=True, help="覆盖已存在的提纲文件。")
@click.option("--seed", type=int, metavar="整数", help="随机种子（默认用数据文件的 seed），与 draft 相同则提纲与全文一致。")
@click.option("--phrasebank", "phrasebanks", multiple=True, metavar="路径", type=click.Path(path_type=Path),
              help="追加自己的素材库（可多次使用）。")
@click.option("--templates", "templates", multiple=True, metavar="文件夹",
              type=click.Path(path_type=Path, file_okay=False), help="追加自己的模板文件夹（可多次使用）。")
def outline(data, output, force, seed, phrasebanks, templates):
    """列出讲话稿的提纲：标题、称谓、各级标题和每个要点的领起句；加 -o 写成可修改的提纲文件。"""
    from speechdraft.datafile import load_data
    from speechdraft.outline import outline_text
    from speechdraft.pipeline import make_draft

    for folder in templates:  # read only once drafted: checked now, not after the work
        check_folder(folder, "模板文件夹", field="--templates")
    speech = load_data(data)
    if seed is not None:
        speech = speech.model_copy(update={"seed": seed})
    if output is not None:
        from speechdraft.output import check_target, write_atomic
        from speechdraft.planfile import dump

        check_target(output, force)
    result = make_draft(speech, phrasebanks=phrasebanks, templates=templates)
    if output is None:
        click.echo(outline_text(result.document, result.plan), nl=False)
        return
    write_atomic(output, lambda f: f.write(dump(result.plan).encode("utf-8")), force)
    click.echo(f"已写入提纲：{output.resolve()}", err=True)
    click.echo(f"修改后起草全文：speechdraft draft {data} --outline {output}", err=True)
