"""data → composer → template → Document: the draft, with what the writer needs to know
about it (length, gaps to fill in, where each line came from)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from speechdraft.composer import Content, compose
from speechdraft.document import Document, Paragraph
from speechdraft.markup import parse
from speechdraft.model import SpeechData
from speechdraft.phrasebank import load_bank
from speechdraft.render import render

CHARS_PER_MINUTE = 220


@dataclass
class Draft:
    document: Document
    notes: list[tuple[str, str]]  # (text in the draft, where it came from)
    avoided: int  # phrase-bank points left out because the --avoid files already say them

    @property
    def length(self) -> int:
        """Characters the speaker reads: salutation, headings and paragraphs, no spaces."""
        return body_length(self.document)

    @property
    def minutes(self) -> int:
        return max(1, round(self.length / CHARS_PER_MINUTE))

    def gaps(self) -> list[tuple[int, str]]:
        """(paragraph number, excerpt) of every ×× the writer has to fill in."""
        found = []
        for n, block in enumerate((b for b in self.document.blocks if isinstance(b, Paragraph)), 1):
            for i, run in enumerate(block.runs):
                if run.placeholder:
                    before = "".join(r.text for r in block.runs[:i])[-12:]
                    after = "".join(r.text for r in block.runs[i + 1:])[:8]
                    found.append((n, f"…{before}【{run.text}】{after}…"))
        return found


def body_length(document: Document) -> int:
    return sum(1 for ch in document.body_text() if not ch.isspace())


def _context(content: Content) -> dict:
    return {
        "title": content.title,
        "bylines": content.bylines,
        "words": content.words,
        "region": content.region,
        "speaker": content.speaker,
        "opening": content.opening,
        "parts": content.parts,
        "transition": content.transition,
        "closing": content.closing,
    }


def make_draft(data: SpeechData, *, phrasebanks: tuple[Path, ...] = (), templates: tuple[Path, ...] = (),
               avoid: str = "") -> Draft:
    bank = load_bank(phrasebanks)

    def to_document(content: Content) -> Document:
        return parse(render(data.genre, _context(content), templates))

    content, avoided = compose(data, bank, lambda c: body_length(to_document(c)), avoid=avoid)
    document = to_document(content)
    document.meta = {
        "title": content.title,
        "subject": data.meeting,
        "author": data.speaker.name if data.speaker and data.speaker.name else "",
        "date": data.date.isoformat() if data.date else "",
    }
    return Draft(document=document, notes=content.notes, avoided=avoided)
