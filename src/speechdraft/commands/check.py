"""`speechdraft check`: proofread a speech (.docx, .md, .txt) the way a careful reviewer does."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from speechdraft.errors import UserError
from speechdraft.inputs import TEXT, WORD, WORDS, limits

_HELP_EPILOG = (
    "退出状态：0 未发现错误（可能有提示）；1 发现错误；2 文件无法读取或参数有误。\n\n" + limits(TEXT, WORD, WORDS)
)


ECHO_BLOCK = 1000  # lines printed at once


class _Command(click.Command):
    """Usage and option headings in Chinese."""

    def format_usage(self, ctx, formatter):
        pieces = self.collect_usage_pieces(ctx)
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix="用法：")

    def format_options(self, ctx, formatter):
        rows = [rv for p in self.get_params(ctx)
                if isinstance(p, click.Option) and (rv := p.get_help_record(ctx)) is not None]
        if rows:
            with formatter.section("选项"):
                formatter.write_dl(rows)


def _out_path(output: Path | None, force: bool, source_path: Path) -> Path:
    from speechdraft.output import check_target

    if output is None:
        raise UserError("请用 -o 指定输出文件", field="-o")
    check_target(output, force)
    return output


def _summary(findings) -> tuple[int, int]:
    from speechdraft.check import ERROR

    errors = sum(1 for f in findings if f.severity == ERROR)
    return errors, len(findings) - errors


def _echo_lines(lines) -> None:
    """Print lines a block at a time: one echo a line made 300,000 findings take seconds."""
    block = []
    for line in lines:
        block.append(line)
        if len(block) == ECHO_BLOCK:
            click.echo("\n".join(block))
            block = []
    if block:
        click.echo("\n".join(block))


def _echo_findings(path: Path, findings, n_paras: int) -> None:
    from speechdraft.check import ERROR, HINT

    click.echo(click.style(f"审校：{path}", bold=True) + f"（共 {n_paras} 段）")
    if not findings:
        click.echo("  未发现问题。")
        return

    def lines():
        for sev, colour in ((ERROR, "red"), (HINT, "yellow")):
            group = [f for f in findings if f.severity == sev]
            if not group:
                continue
            yield click.style(f"{sev}（{len(group)} 处）", fg=colour, bold=True)
            for f in group:
                where = f"第 {f.paragraph} 段" + (f"（第 {f.line} 行）" if f.line is not None else "")
                yield f"  {where}〔{f.rule_name}〕{f.excerpt}"
                yield f"      {f.message}"
                if f.suggestion:
                    tail = "（可用 --fix 自动修正）" if f.fixable else ""
                    yield f"      建议：{f.suggestion}{tail}"
        errors, hints = _summary(findings)
        yield f"共 {len(findings)} 处：错误 {errors} 处，提示 {hints} 处。"

    _echo_lines(lines())


@click.command(cls=_Command, options_metavar="[选项]", epilog=_HELP_EPILOG, add_help_option=False)
@click.help_option("-h", "--help", help="显示本帮助并退出。")
@click.argument("files", nargs=-1, metavar="文件...", type=click.Path(path_type=Path))
@click.option("--level", metavar="层级",
              help="讲话稿的层级（省 市 州 盟 县 区 旗 乡 镇），用来查“全县”“我县”等与层级不符的说法。")
@click.option("--year", metavar="年份",
              help="讲话的年份（如 2025），用来判断提法是否已过时；不写时取文中标题下的日期或标题中的年份，再不然取今年。")
@click.option("--province", metavar="省份",
              help="讲话稿所在的省级行政区（如 内蒙古自治区）；为自治区时，查“全省”“省委”“省市”等不应出现的说法。")
@click.option("--words", "words", multiple=True, metavar="文件", type=click.Path(path_type=Path),
              help="追加本单位的词表（YAML，格式同内置词表，可多次使用）。")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              help="输出格式：text 供人阅读（默认），json 供其他程序使用。")
@click.option("--annotate", is_flag=True, help="把审校意见作为批注写入 Word 文件的副本（需 -o）。")
@click.option("--fix", is_flag=True, help="只做机械修正（半角标点、词表中可自动修正的错字），写入副本（需 -o）。")
@click.option("-o", "--output", metavar="文件", type=click.Path(path_type=Path),
              help="--annotate 或 --fix 的输出文件。")
@click.option("--force", is_flag=True, help="覆盖已存在的输出文件。")
def check(files, level, year, province, words, fmt, annotate, fix, output, force):
    """审校讲话稿（.docx、.md、.txt）：规范表述、错别字、过时提法、占位符、编号、标点、重复句、层级用语、百分点。"""
    from speechdraft.check.reading import read_source
    from speechdraft.check.runner import check_source, validate_level, validate_province
    from speechdraft.check.speechyear import validate_year
    from speechdraft.wordlists import load_wordlists

    if not files:
        raise UserError("请指定要审校的文件（.docx、.md 或 .txt）")
    level = validate_level(level)
    year = validate_year(year)
    province = validate_province(province)
    if annotate and fix:
        raise UserError("--annotate 和 --fix 不能同时使用：请先修正，再对修正稿加批注")
    if output is not None and not (annotate or fix):
        raise UserError("-o 只能与 --annotate 或 --fix 一起使用", field="-o")
    if (annotate or fix) and len(files) > 1:
        raise UserError("--annotate 和 --fix 一次只能处理一个文件")

    lists = load_wordlists(words)
    sources = [read_source(p) for p in files]  # every file readable before any output

    if annotate or fix:
        src = sources[0]
        if annotate and src.kind != "docx":
            raise UserError("--annotate 只能用于 Word 文件（.docx）", file=str(src.path))
        out = _out_path(output, force, src.path)
        want = ".docx" if annotate else src.path.suffix.lower()
        if out.suffix.lower() != want:
            raise UserError(f"输出文件应与输入同为 {want} 格式", file=str(out))
        findings = check_source(src, level=level, lists=lists, year=year, province=province)
        if annotate:
            _exit(_annotate(src, findings, out, fmt, force))
        else:
            _exit(_fix(src, findings, out, fmt, level, lists, year, province, force))
        return

    results = [(src, check_source(src, level=level, lists=lists, year=year, province=province)) for src in sources]
    if fmt == "json":
        click.echo(json.dumps(_json(results), ensure_ascii=False, indent=2))
    else:
        for k, (src, findings) in enumerate(results):
            if k:
                click.echo("")
            _echo_findings(src.path, findings, len(src.paras))
        if len(results) > 1:
            errors = sum(_summary(f)[0] for _, f in results)
            hints = sum(_summary(f)[1] for _, f in results)
            click.echo(f"\n{len(results)} 个文件合计：错误 {errors} 处，提示 {hints} 处。")
    _exit(1 if any(_summary(f)[0] for _, f in results) else 0)


def _exit(code: int) -> None:
    """Exit with status 1 when there is an error. (SystemExit passes through click's
    non-standalone main, which would swallow ctx.exit's status.)"""
    if code:
        sys.exit(code)


def _json(results) -> dict:
    files = []
    total_e = total_h = 0
    for src, findings in results:
        e, h = _summary(findings)
        total_e, total_h = total_e + e, total_h + h
        files.append({
            "file": str(src.path),
            "paragraphs": len(src.paras),
            "summary": {"错误": e, "提示": h},
            "findings": [f.to_dict() for f in findings],
        })
    return {"files": files, "summary": {"错误": total_e, "提示": total_h}}


def _annotate(src, findings, out: Path, fmt: str, force: bool) -> int:
    from speechdraft.check.annotate import annotate
    from speechdraft.output import write_atomic

    data, placed = annotate(src, findings)
    write_atomic(out, lambda f: f.write(data), force)
    if fmt == "json":
        doc = _json([(src, findings)])
        doc.update({"output": str(out), "comments": placed})
        click.echo(json.dumps(doc, ensure_ascii=False, indent=2))
    else:
        _echo_findings(src.path, findings, len(src.paras))
        click.echo(f"已写入批注 {placed} 条：{out}")
    return 1 if _summary(findings)[0] else 0


def _fix(src, findings, out: Path, fmt: str, level, lists, year, province, force: bool) -> int:
    from speechdraft.check.fixing import fix_source
    from speechdraft.output import write_atomic
    from speechdraft.check.findings import RULE_NAMES
    from speechdraft.check.reading import read_source
    from speechdraft.check.runner import check_source

    data, changes = fix_source(src, findings)
    write_atomic(out, lambda f: f.write(data), force)
    fixed = read_source(out)
    remaining = check_source(fixed, level=level, lists=lists, year=year, province=province)
    if fmt == "json":
        doc = _json([(src, remaining)])
        doc["files"][0]["file"] = str(out)
        doc.update({
            "input": str(src.path),
            "output": str(out),
            "changes": [
                {"paragraph": c.paragraph, "line": c.line, "rule": c.rule, "rule_name": RULE_NAMES.get(c.rule, c.rule),
                 "old": c.old, "new": c.new, "context": c.excerpt}
                for c in changes
            ],
        })
        click.echo(json.dumps(doc, ensure_ascii=False, indent=2))
    else:
        click.echo(click.style(f"修正：{src.path} → {out}", bold=True))
        if not changes:
            click.echo("  没有可以自动修正的地方。")
        _echo_lines(
            f"  第 {c.paragraph} 段" + (f"（第 {c.line} 行）" if c.line is not None else "")
            + f"〔{RULE_NAMES.get(c.rule, c.rule)}〕“{c.old}”→“{c.new}”：{c.excerpt}"
            for c in changes
        )
        click.echo(f"已修正 {len(changes)} 处，写入：{out}")
        click.echo("")
        click.echo("修正后仍需人工处理的问题：" if remaining else "修正后未发现其他问题。")
        if remaining:
            _echo_findings(out, remaining, len(fixed.paras))
    return 1 if _summary(remaining)[0] else 0
