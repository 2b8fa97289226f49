"""`speechdraft draft`: a data file in, a speech out (.docx, .md or .txt)."""
from __future__ import annotations

import math
import re
from pathlib import Path

import click

from speechdraft.errors import UserError
from speechdraft.inputs import BANK, DATA, OUTLINE, TEMPLATE, TEXT, WORD, check_folder, limits

EXAMPLE = "county-conference.yaml"
FORMATS = ("docx", "md", "txt")


def _format(output: str | None, fmt: str | None) -> str:
    if fmt:
        return fmt
    if output and output != "-":
        suffix = Path(output).suffix.lower().lstrip(".")
        if suffix in FORMATS:
            return suffix
        if suffix:
            raise UserError(f"无法从扩展名 .{suffix} 判断输出格式；请用 .docx、.md、.txt，或加 --format",
                            file=output)
    return "docx"


@click.command(options_metavar="[选项]", context_settings={"help_option_names": ["-h", "--help"]},
               epilog=limits(DATA, OUTLINE, BANK, TEMPLATE, TEXT, WORD))
@click.argument("data", required=False, metavar="[数据文件]", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", metavar="文件", help="输出文件；“-”表示输出到屏幕（仅 md/txt）。默认按标题命名，存在当前文件夹。")
@click.option("--format", "fmt", type=click.Choice(FORMATS), help="输出格式：docx、md 或 txt（默认按扩展名）。")
@click.option("--seed", type=int, metavar="整数", help="随机种子：同样的数据和种子得到同样的稿子（默认用数据文件的 seed）。")
@click.option("--force", is_flag=True, help="覆盖已存在的输出文件。")
@click.option("--length", type=int, metavar="字数", help="正文目标字数（1500～8000），默认用数据文件的 length。")
@click.option("--minutes", type=float, metavar="分钟", help="按讲话时长定篇幅（每分钟约 220 字），与 --length 二选一。")
@click.option("--avoid", "avoid", multiple=True, metavar="文件", type=click.Path(path_type=Path, dir_okay=False),
              help="往年讲话稿或别的稿子（.docx/.md/.txt），其中已用过的素材不再使用（可多次使用）。")
@click.option("--annotate", is_flag=True,
              help="在 Word 稿中加批注：每个数字来自数据文件的哪个字段，每段借用的表述出自哪篇讲话的哪一段。")
@click.option("--reference-docx", "reference", metavar="文件", type=click.Path(path_type=Path, dir_okay=False),
              help="采用本单位 Word 模板的样式和页面设置（同 pandoc 的 --reference-doc）。")
@click.option("--phrasebank", "phrasebanks", multiple=True, metavar="路径",
              type=click.Path(path_type=Path), help="追加自己的素材库（文件或文件夹，可多次使用）。")
@click.option("--templates", "templates", multiple=True, metavar="文件夹",
              type=click.Path(path_type=Path, file_okay=False), help="追加自己的模板文件夹（可多次使用）。")
@click.option("--outline", "outline", metavar="提纲", type=click.Path(path_type=Path, dir_okay=False),
              help="严格按这份提纲起草（speechdraft outline 数据文件 -o 提纲.yaml 生成，可调整顺序、删改条目和标题）。")
def draft(data, output, fmt, seed, force, length, minutes, avoid, annotate, reference, phrasebanks, templates,
          outline):
    """根据数据文件起草讲话稿。不给数据文件时，起草内置示例（县级工作会议讲话）。"""
    from speechdraft.datafile import load_data
    from speechdraft.genres import GENRES
    from speechdraft.output import check_target, write_atomic, write_stdout
    from speechdraft.pipeline import make_draft
    from speechdraft.resources import builtin
    from speechdraft.slips import doubts, render

    fmt = _format(output, fmt)
    if (annotate or reference) and fmt != "docx":
        raise UserError("--annotate 和 --reference-docx 只用于 Word 稿；请输出 .docx", field="--format")
    if reference:
        from speechdraft.ooxml import open_word

        # Opened before drafting, so that an unusable template is refused at once.
        reference = open_word(reference, field="--reference-docx")
    if output == "-" and fmt == "docx":
        raise UserError("Word 文件不能输出到屏幕；输出到屏幕请加 --format md 或 --format txt，或用 -o 指定 .docx 文件名")
    for folder in templates:  # read only once drafted: checked now, not after the work
        check_folder(folder, "模板文件夹", field="--templates")
    source = data or builtin("examples") / EXAMPLE
    speech = load_data(source)
    for slip in doubts(speech):
        click.echo(render(slip, str(source)), err=True)
    changes = {"seed": seed, "length": _length(length, minutes)}
    speech = speech.model_copy(update={k: v for k, v in changes.items() if v is not None})
    avoid_text = _read_avoid(avoid)

    target = None
    if output != "-":
        name = output or _safe_name(speech.title or f"在{speech.meeting}上的{GENRES[speech.genre].ending}", fmt)
        target = Path(name)
        check_target(target, force)

    result = make_draft(speech, phrasebanks=phrasebanks, templates=templates, avoid=avoid_text, outline=outline)
    for left_out in result.left_out:
        click.echo(f"注意：数据中的{left_out}没有写进提纲，稿子里不会出现", err=True)
    if target is None:
        write_stdout(_text(result.document, fmt))
        _report(result, speech.length, avoid)
        return
    if fmt == "docx":
        from speechdraft.writers.docx import write_docx

        notes = result.notes if annotate else ()
        write_atomic(target, lambda f: write_docx(result.document, f, notes=notes, reference=reference), force)
    else:
        write_atomic(target, lambda f: f.write(_text(result.document, fmt).encode("utf-8")), force)

    click.echo(f"已写入：{target.resolve()}", err=True)
    _report(result, speech.length, avoid)


def _length(length: int | None, minutes: float | None) -> int | None:
    from speechdraft.model import MAX_LENGTH, MIN_LENGTH
    from speechdraft.pipeline import CHARS_PER_MINUTE

    if length is not None and minutes is not None:
        raise UserError("--length 和 --minutes 只能用一个", field="--minutes")
    if minutes is not None:
        chars = minutes * CHARS_PER_MINUTE
        lo, hi = MIN_LENGTH / CHARS_PER_MINUTE, MAX_LENGTH / CHARS_PER_MINUTE
        # click reads nan and inf as floats, and 1e308 minutes are inf characters: none rounds to a length.
        if not math.isfinite(chars) or not MIN_LENGTH <= round(chars) <= MAX_LENGTH:
            raise UserError(f"讲话时长 {minutes:g} 分钟超出范围，应在 {lo:.0f}～{hi:.0f} 分钟之间", field="--minutes")
        length = round(chars)
    elif length is not None and not MIN_LENGTH <= length <= MAX_LENGTH:
        raise UserError(f"字数 {length} 超出范围，应在 {MIN_LENGTH}～{MAX_LENGTH} 之间", field="--length")
    return length


def _read_avoid(paths: tuple[Path, ...]) -> str:
    if not paths:
        return ""
    from speechdraft.check.reading import read_source

    return "\n".join(p for path in paths for p in read_source(path).paragraphs)


def _report(result, target: int, avoid: tuple[Path, ...]) -> None:
    """What the writer needs to know after drafting: length, time, what to fill in."""
    click.echo(f"正文 {result.length} 字（目标 {target} 字），按每分钟约 220 字计，讲话约 {result.minutes} 分钟。",
               err=True)
    if result.short_of_material:
        click.echo("素材库中适合这一体裁和这些领域的素材已全部用上，篇幅达不到目标；"
                   "可用 --phrasebank 追加本单位的素材（speechdraft extract 可从旧讲话稿中提取）。", err=True)
    if avoid:
        click.echo(f"已避开 {result.avoided} 条在 --avoid 文件中出现过的素材。", err=True)
    findings = result.findings()
    if findings:
        from speechdraft.check import describe

        click.echo(f"审校发现 {len(findings)} 处问题，请核改：", err=True)
        for f in findings:
            click.echo(f"  {describe(f)}", err=True)
    gaps = result.gaps()
    if gaps:
        click.echo(f"待填写（{len(gaps)} 处，Word 中已用黄色标出）：", err=True)
        for where, excerpt in gaps:
            click.echo(f"  {where}：{excerpt}", err=True)


def _text(document, fmt: str) -> str:
    if fmt == "md":
        from speechdraft.writers.markdown import to_markdown

        return to_markdown(document)
    from speechdraft.writers.text import to_text

    return to_text(document)


def _safe_name(title: str, fmt: str) -> str:
    """The default file name: the title without characters Windows refuses, at most 80 characters
    (a path Word on Windows still opens), and within a file name's bytes."""
    from speechdraft.output import fit_name

    return fit_name(re.sub(r'[\\/:*?"<>|\s]+', "", title)[:80] or "讲话稿", f".{fmt}")
