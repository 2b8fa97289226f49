"""`speechdraft batch`: draft every data file of a folder (a city's counties at once), in
parallel, with a progress bar and a summary table; one bad file fails its own row only."""
from __future__ import annotations

import os
from pathlib import Path

import click

from speechdraft.errors import UserError
from speechdraft.inputs import DATA, check, limits

FORMATS = ("docx", "md", "txt")


@click.command(options_metavar="[选项]", context_settings={"help_option_names": ["-h", "--help"]},
               epilog=limits(DATA))
@click.argument("inputs", nargs=-1, metavar="文件夹或数据文件...", type=click.Path(path_type=Path))
@click.option("-o", "--output", "outdir", metavar="文件夹", type=click.Path(path_type=Path),
              help="输出文件夹（不存在时自动建立，但其上级文件夹须已存在）。")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="docx", show_default=True,
              help="输出格式：docx、md 或 txt。")
@click.option("-j", "--jobs", type=int, metavar="N", help="同时起草的进程数（默认等于 CPU 核数）。")
@click.option("--force", is_flag=True, help="覆盖已存在的输出文件。")
@click.option("--seed", type=int, help="随机种子：所有文件都用这个种子（默认用各数据文件的 seed）。")
def batch(inputs, outdir, fmt, jobs, force, seed):
    """批量起草：文件夹中（含子文件夹）的每个 .yaml/.yml 数据文件各起草一篇，输出文件与数据文件同名。

    \b
    退出状态：0 全部成功；1 有文件失败（见表中该行）；2 参数有误。
    """
    from speechdraft.batch import Options, find_data_files

    if not inputs:
        raise UserError("请给出数据文件或所在的文件夹，例如 speechdraft batch 数据/ -o 讲话稿/")
    if outdir is None:
        raise UserError("请用 -o 指定输出文件夹", field="-o")
    if jobs is not None and jobs < 1:
        raise UserError(f"进程数 {jobs} 无效，应不小于 1", field="--jobs")
    for item in inputs:
        if not item.exists():
            raise UserError("文件或文件夹不存在；请检查路径是否正确", file=str(item))
        if not item.is_dir():
            check(item, DATA)  # a pipe, a device, a file far too large: the writer's mistake, not a row

    sources = find_data_files(inputs)
    if not sources:
        raise UserError("没有找到数据文件（.yaml 或 .yml）", file="、".join(map(str, inputs)))
    _prepare(outdir)

    options = Options(outdir=outdir, fmt=fmt, force=force, seed=seed)
    results, interrupted = _run(sources, options, jobs or os.cpu_count() or 1)
    _summarise(sources, results, outdir)
    if interrupted:
        written = sum(1 for r in results.values() if r.ok)
        click.echo(f"已中止：已写入 {written} 个文件，其余没有起草，也未留下任何未写完的文件。", err=True)
        raise click.exceptions.Exit(130)
    if not all(r.ok for r in results.values()):
        raise click.exceptions.Exit(1)


def _prepare(outdir: Path) -> None:
    """The output folder: made if its parent exists, and writable."""
    from speechdraft.output import check_folder

    check_folder(outdir)
    if not outdir.exists():
        parent = outdir.parent if str(outdir.parent) else Path(".")
        if not parent.is_dir():
            raise UserError("输出文件夹的上级文件夹不存在；请先建立它或换一个路径", file=str(outdir))
        try:
            outdir.mkdir()
        except OSError:
            raise UserError("无法建立输出文件夹；请检查权限或换一个路径", file=str(outdir)) from None
    if not os.access(outdir, os.W_OK | os.X_OK):
        raise UserError("输出文件夹不可写；请换一个路径", file=str(outdir))


def _run(sources: list[Path], options, jobs: int):
    """Draft every file in worker processes. Returns the results by file and whether Ctrl-C
    stopped the run: then the drafts under way finish (each file is written whole or not at
    all) and the rest are not started."""
    from concurrent.futures import ProcessPoolExecutor, as_completed

    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from speechdraft.batch import Result, draft_file, target, warm

    results: dict[Path, Result] = {}
    claimed: dict[Path, Path] = {}
    todo = []
    for source in sources:
        path = target(source, options)
        if path in claimed:
            results[source] = Result(source, error=f"输出文件名与 {claimed[path]} 相同（都是 {path.name}）；请给其中一个改名")
        else:
            claimed[path] = source
            todo.append(source)

    warm(options.fmt)
    interrupted = False
    futures = {}
    pool = ProcessPoolExecutor(max_workers=max(1, min(jobs, len(todo))), initializer=_ignore_interrupts)
    try:
        # Every task is submitted (and the workers forked) before the progress bar starts its thread.
        futures = {pool.submit(draft_file, source, options): source for source in todo}
        progress = Progress(TextColumn("起草中"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                            TextColumn("{task.description}"), console=Console(stderr=True), transient=True)
        with progress:
            task = progress.add_task("", total=len(sources))
            progress.advance(task, len(sources) - len(todo))
            for future in as_completed(futures):
                source = futures[future]
                results[source] = _outcome(future, source)
                progress.update(task, advance=1, description=source.name)
    except KeyboardInterrupt:
        interrupted = True
        pool.shutdown(wait=True, cancel_futures=True)
        for future, source in futures.items():
            if future.done() and not future.cancelled() and source not in results:
                results[source] = _outcome(future, source)
    finally:
        pool.shutdown(wait=True)
    return results, interrupted


def _ignore_interrupts() -> None:
    # Ctrl-C reaches every process of the terminal; the parent alone decides what stops.
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _outcome(future, source: Path):
    from speechdraft.batch import Result

    try:
        return future.result()
    except Exception as e:  # a bug, or a worker that died: the other files still count
        return Result(source, error=f"程序内部错误（{type(e).__name__}: {e}）；请把这个数据文件发给维护者")


def _summarise(sources: list[Path], results: dict, outdir: Path) -> None:
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    table = Table(title="批量起草结果")
    table.add_column("文件", overflow="fold")
    table.add_column("体裁", overflow="fold")
    for name in ("字数", "待填写", "审校"):
        table.add_column(name, justify="right", no_wrap=True)
    table.add_column("结果", overflow="fold", ratio=1)
    for source in sources:
        r = results.get(source)
        if r is None:
            table.add_row(str(source), "", "", "", "", "[yellow]未起草（已中止）[/]")
        elif r.ok:
            notes = "".join(f"\n[yellow]{escape(w)}[/]" for w in r.warnings)
            table.add_row(str(source), r.genre, str(r.length), str(r.gaps), str(r.findings),
                          f"[green]已写入 {escape(r.output.name)}[/]{notes}")
        else:
            table.add_row(str(source), r.genre, "", "", "", f"[red]{escape(r.error)}[/]")
    console = Console()
    console.print(table)
    failed = sum(1 for r in results.values() if not r.ok)
    console.print(f"共 {len(sources)} 个数据文件：成功 {len(results) - failed} 个，失败 {failed} 个。"
                  f"输出文件夹：{outdir.resolve()}", markup=False, soft_wrap=True)
