"""`speechdraft genres`: the genres, what each is, and an example occasion."""
from __future__ import annotations

import click


@click.command(options_metavar="[选项]", context_settings={"help_option_names": ["-h", "--help"]})
def genres():
    """列出可起草的体裁、说明和示例场合。"""
    from rich.console import Console
    from rich.table import Table

    from speechdraft.genres import GENRES

    table = Table(title="可起草的体裁")
    # 代号 is what a data file writes after genre: and what init takes
    for column in ("代号", "体裁", "说明", "示例场合"):
        table.add_column(column, overflow="fold")
    for g in GENRES.values():
        table.add_row(g.name, g.label, g.description, g.example)
    Console().print(table)
