"""read → clean → split → label → slots, file by file (in worker processes when there are
many); then each point is kept unless it nearly duplicates one already kept."""
from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from speechdraft.errors import UserError
from speechdraft.extract.clean import clean
from speechdraft.extract.dedupe import Deduper
from speechdraft.extract.label import genres_for, guess_genre, label_units
from speechdraft.extract.read import Found, Unreadable, find, read
from speechdraft.extract.sentences import CJK
from speechdraft.extract.slots import own_level, to_bank_text
from speechdraft.extract.split import split

MIN_CHARS = 6  # Chinese characters a point needs to be worth keeping
MIN_FILES_PER_PROCESS = 16  # below this, starting a worker process costs more than it saves
ENDS = re.compile(r"[。！？：；…][”’」』）]*$")


@dataclass
class Candidate:
    id: str
    section: str
    kind: str
    domain: str
    genres: tuple[str, ...]
    lead: str
    body: str
    file: str
    paragraph: int
    section_confidence: float
    domain_confidence: float

    @property
    def confidence(self) -> float:
        return round(min(self.section_confidence, self.domain_confidence), 2)


@dataclass
class Result:
    points: list[Candidate] = field(default_factory=list)
    duplicates: int = 0
    warnings: list[str] = field(default_factory=list)
    files_read: int = 0
    bytes_read: int = 0
    per_file: dict[str, int] = field(default_factory=dict)  # points extracted per file, before dedupe


def extract(paths: Iterable[Path], *, on_file: Callable[[Found], None] | None = None,
            found: list[Found] | None = None, jobs: int = 1) -> Result:
    """Points from every readable .txt/.docx under `paths`. Unreadable files become warnings;
    if nothing at all can be read, UserError. With jobs > 1 and enough files, files are
    worked on in that many processes; the result is the same, in the same order."""
    result = Result()
    if found is None:
        found, result.warnings = find(paths)
    if not found:
        raise UserError("没有找到可读取的讲话稿（.txt 或 .docx 文件）；请检查路径")
    slugs = _slugs([f.name for f in found])
    work = [(f, slugs[f.name]) for f in found]
    kept: Deduper[Candidate] = Deduper()
    if jobs > 1 and len(found) >= MIN_FILES_PER_PROCESS * 2:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(min(jobs, len(found) // MIN_FILES_PER_PROCESS)) as pool:
            _collect(pool.map(_one_file, work, chunksize=4), found, result, kept, on_file)
    else:
        _collect(map(_one_file, work), found, result, kept, on_file)
    if not result.files_read:
        raise UserError("没有一个文件能读取：" + "；".join(result.warnings))
    result.points, result.duplicates = kept.kept, len(kept.dropped)
    return result


def _one_file(job: tuple[Found, str]) -> tuple[list[Candidate] | None, str, int]:
    """(points, warning, bytes) for one file; runs in a worker process when there are many."""
    f, slug = job
    try:
        speech = read(f)
        size = f.path.stat().st_size
    except Unreadable as e:
        return None, f"{f.name}：{e}，已跳过", 0
    except OSError:
        return None, f"{f.name}：无法读取（权限或磁盘错误），已跳过", 0
    return points_of(speech.name, speech.lines, slug), "", size


def _collect(outcomes, found: list[Found], result: Result, kept: Deduper[Candidate], on_file) -> None:
    for f, (points, warning, size) in zip(found, outcomes):
        if points is None:
            result.warnings.append(warning)
        else:
            result.files_read += 1
            result.bytes_read += size
            result.per_file[f.name] = len(points)
            for c in points:
                kept.add(c, c.lead + c.body)
        if on_file:
            on_file(f)


def points_of(name: str, lines: list[str], slug: str) -> list[Candidate]:
    """The candidate points of one speech, given as its non-empty lines."""
    cleaned = clean(lines)
    units = split(cleaned)
    labels = label_units(units)
    genre = guess_genre(cleaned.title, cleaned.salutation)
    level = own_level("".join(p.text for p in cleaned.paras), cleaned.title)
    out = []
    for n, (unit, label) in enumerate(zip(units, labels), 1):
        if len(CJK.findall(unit.text)) < MIN_CHARS or (n == len(units) and not ENDS.search(unit.text)):
            continue  # too short, or a file cut off mid-sentence
        out.append(Candidate(
            id=f"ext-{slug}-{n}", section=label.section, kind=unit.kind, domain=label.domain,
            genres=genres_for(genre, label.section), lead=to_bank_text(unit.lead, level),
            body=to_bank_text(unit.body, level), file=name, paragraph=unit.paragraph,
            section_confidence=label.section_confidence, domain_confidence=label.domain_confidence,
        ))
    return out


def _slugs(names: list[str]) -> dict[str, str]:
    """An id-safe slug per file (lower-case letters, digits, hyphens), unique among them.
    A name with Chinese in it gets doc + a short hash of the name."""
    out: dict[str, str] = {}
    used: set[str] = set()
    for name in names:
        stem = Path(name).stem
        slug = re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-")
        if not slug or CJK.search(stem) or not slug[0].isalnum():
            slug = "doc" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:6]
        base, k = slug, 2
        while slug in used:
            slug, k = f"{base}-{k}", k + 1
        used.add(slug)
        out[name] = slug
    return out
