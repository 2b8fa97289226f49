"""`speechdraft outline`: the skeleton of the speech — title, salutation, every heading and
lead sentence — for the writer to agree with the leader before the full draft."""
from __future__ import annotations

from pathlib import Path

import click


@click.command(options_metavar="[选项]", context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("data", metavar="数据文件", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--seed", type=int, metavar="整数", help="随机种子（默认用数据文件的 seed），与 draft 相同则提纲与全文一致。")
@click.option("--phrasebank", "phrasebanks", multiple=True, metavar="路径", type=click.Path(path_type=Path),
              help="追加自己的素材库（可多次使用）。")
@click.option("--templates", "templates", multiple=True, metavar="文件夹",
              type=click.Path(path_type=Path, file_okay=False), help="追加自己的模板文件夹（可多次使用）。")
def outline(data, seed, phrasebanks, templates):
    """列出讲话稿的提纲：标题、称谓、各级标题和每个要点的领起句。"""
    from speechdraft.datafile import load_data
    from speechdraft.outline import outline_text
    from speechdraft.pipeline import make_draft

    speech = load_data(data)
    if seed is not None:
        speech = speech.model_copy(update={"seed": seed})
    click.echo(outline_text(make_draft(speech, phrasebanks=phrasebanks, templates=templates).document), nl=False)
