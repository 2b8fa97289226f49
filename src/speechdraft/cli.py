"""Command line: a thin group; each command lives in speechdraft.commands and is imported
only when called, so start-up stays lean."""
from __future__ import annotations

import importlib
import sys

import click

from speechdraft import clicktext

clicktext.install()

# name -> (module under speechdraft.commands, one-line help shown by --help)
COMMANDS = {
    "draft": ("draft", "根据数据文件起草讲话稿（默认起草内置示例）"),
    "outline": ("outline", "列出讲话稿提纲：标题、各级标题和领起句"),
    "genres": ("genres", "列出可起草的体裁"),
    "init": ("init", "生成某一体裁的数据文件样例"),
    "check": ("check", "审校讲话稿：规范表述、错别字、编号、标点等"),
    "extract": ("extract", "从旧讲话稿中提取素材，生成素材库"),
    "batch": ("batch", "批量起草：一个文件夹中的每个数据文件各起草一篇（多核并行）"),
    "bank": ("bank", "统计素材库：各体裁各部分、各领域的要点数是否够用"),
}


class LazyGroup(click.Group):
    def list_commands(self, ctx):
        return list(COMMANDS)

    def get_command(self, ctx, name):
        if name not in COMMANDS:
            return None
        module = importlib.import_module(f"speechdraft.commands.{COMMANDS[name][0]}")
        return getattr(module, name)

    def format_commands(self, ctx, formatter):
        rows = [(name, help_) for name, (_, help_) in COMMANDS.items()]
        with formatter.section("命令"):
            formatter.write_dl(rows)


CONTEXT = {"help_option_names": ["-h", "--help"]}


@click.group(cls=LazyGroup, context_settings=CONTEXT, options_metavar="[选项]",
             subcommand_metavar="命令 [参数]...")
@click.version_option(package_name="speechdraft", message="speechdraft %(version)s",
                      help="显示版本并退出。")
def group():
    """speechdraft：起草生态文明建设讲话稿，输出规范格式的 Word 文档。"""


def main(argv=None):
    """Run a command; a standard output that fails (full, closed, a reader gone) is dealt with
    here, once for every command, including the last flush."""
    from speechdraft.output import StdoutFailed, drop_stdout, guard_stdout

    guard_stdout()
    try:
        try:
            _run(argv)
        finally:
            sys.stdout.flush()
    except StdoutFailed as e:
        drop_stdout()
        if e.message():
            click.echo(f"错误：{e.message()}", err=True)
        sys.exit(1)


def _run(argv) -> None:
    from speechdraft.errors import UserError, os_error

    try:
        # Without standalone mode click returns a command's ctx.exit() code instead of exiting.
        code = group.main(args=argv, prog_name="speechdraft", standalone_mode=False)
        if isinstance(code, int):
            sys.exit(code)
    except UserError as e:
        click.echo(f"错误：{e.render()}", err=True)
        sys.exit(e.exit_code)
    except OSError as e:
        # A path the writer gave that the system refuses (too long, no permission, disk full):
        # the commands check the usual cases first; this is the one message for the rest.
        if e.filename is None:
            raise
        click.echo(f"错误：{os_error(e).render()}", err=True)
        sys.exit(2)
    except (click.exceptions.Abort, KeyboardInterrupt):
        # click turns Ctrl-C inside a command into Abort; one outside it arrives as it is.
        click.echo("已中止，未写入任何文件。", err=True)
        sys.exit(130)
    except click.ClickException as e:
        e.show()
        sys.exit(e.exit_code)
    except click.exceptions.Exit as e:
        sys.exit(e.exit_code)
