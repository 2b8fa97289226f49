"""One data file of `speechdraft batch`, drafted in a worker process: a top-level function of
picklable arguments that returns a small picklable record of how it went."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from speechdraft.errors import UserError

SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class Options:
    outdir: Path
    fmt: str = "docx"
    force: bool = False
    seed: int | None = None


@dataclass(frozen=True)
class Result:
    source: Path
    output: Path | None = None  # the file written; None when the draft failed
    genre: str = ""  # 体裁 as a writer names it, once the data file has been read
    length: int = 0
    gaps: int = 0  # ×× left for the writer to fill in
    findings: int = 0  # what the proofreader found
    error: str = ""  # the Chinese message of a failed draft
    warnings: tuple[str, ...] = ()  # what in the data is probably a slip (slips.py)

    @property
    def ok(self) -> bool:
        return not self.error


def target(source: Path, options: Options) -> Path:
    """The output named as its data file; a name near the limit is cut (the .yml → .docx
    swap adds a byte), and two files cut to the same name are told apart by the caller."""
    from speechdraft.output import fit_name

    return options.outdir / fit_name(source.stem, f".{options.fmt}")


def draft_file(source: Path, options: Options) -> Result:
    """Draft one data file into options.outdir; bad input comes back as the row's message."""
    from speechdraft.datafile import load_data
    from speechdraft.genres import GENRES
    from speechdraft.output import check_target, write_atomic
    from speechdraft.pipeline import make_draft
    from speechdraft.slips import doubts, render

    genre = ""
    try:
        data = load_data(source)
        genre = GENRES[data.genre].label
        if options.seed is not None:
            data = data.model_copy(update={"seed": options.seed})
        path = target(source, options)
        check_target(path, options.force)
        draft = make_draft(data)
        write_atomic(path, _producer(draft.document, options.fmt), options.force)
    except UserError as e:
        # The row names the data file already; its message need not repeat it.
        shown = UserError(e.message, field=e.field) if e.file == str(source) else e
        return Result(source, genre=genre, error=shown.render())
    return Result(source, output=path, genre=genre, length=draft.length, gaps=len(draft.gaps()),
                  findings=len(draft.findings()), warnings=tuple(render(slip) for slip in doubts(data)))


def warm(fmt: str) -> None:
    """Load once, in the parent, what every draft needs (modules, the built-in phrase bank and
    word lists): forked workers start with it instead of each loading it again."""
    from importlib import import_module

    from speechdraft.phrasebank import load_bank
    from speechdraft.wordlists import load_wordlists

    import_module("speechdraft.pipeline")
    if fmt == "docx":
        import_module("speechdraft.writers.docx")
    load_bank()
    load_wordlists()


def _producer(document, fmt: str):
    """What write_atomic calls with the open temporary file."""
    if fmt == "docx":
        from speechdraft.writers.docx import write_docx

        return lambda f: write_docx(document, f)
    if fmt == "md":
        from speechdraft.writers.markdown import to_markdown

        text = to_markdown(document)
    else:
        from speechdraft.writers.text import to_text

        text = to_text(document)
    return lambda f: f.write(text.encode("utf-8"))


def find_data_files(inputs: tuple[Path, ...]) -> list[Path]:
    """Files named on the command line as they are, and the data files under each folder
    (searched recursively, hidden folders and files left out), each once, in order."""
    found: dict[Path, None] = {}
    for item in inputs:
        if item.is_dir():
            for path in sorted(item.rglob("*")):
                hidden = any(part.startswith(".") for part in path.relative_to(item).parts)
                if path.suffix.lower() in SUFFIXES and path.is_file() and not hidden:
                    found[path] = None
        else:
            found[item] = None
    return list(found)
