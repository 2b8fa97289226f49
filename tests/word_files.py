"""Word files as they come from outside: other tools' templates, and files that are not
usable .docx at all (damaged, encrypted, hostile)."""
from __future__ import annotations

import io
import random
import re
import struct
import zipfile
from pathlib import Path

import docx

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def plain_docx() -> bytes:
    word = docx.Document()
    word.add_paragraph("同志们：今年以来，全县上下深入贯彻习近平生态文明思想。")
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def rezip(data: bytes, *, drop: tuple[str, ...] = (), replace: dict[str, bytes] | None = None,
          add: dict[str, bytes] | None = None) -> bytes:
    """`data` (a zip) with parts dropped, replaced or added."""
    replace, add = replace or {}, add or {}
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename not in drop:
                target.writestr(info.filename, replace.get(info.filename, source.read(info)))
        for name, body in add.items():
            target.writestr(name, body)
    return out.getvalue()


def with_styles(data: bytes, edit) -> bytes:
    """`data` with word/styles.xml passed through `edit` (text in, text out)."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        styles = z.read("word/styles.xml").decode("utf-8")
    return rezip(data, replace={"word/styles.xml": edit(styles).encode("utf-8")})


def drop_styles(styles: str, *ids: str) -> str:
    for style_id in ids:
        styles = re.sub(rf'<w:style [^>]*w:styleId="{style_id}".*?</w:style>', "", styles, flags=re.S)
    return styles


# --- compound files (OLE): what old .doc files and encrypted .docx files are ---------------

SECTOR = 512
FREE, END, FAT_SECTOR, NO_STREAM = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF


def compound_file(streams: dict[str, bytes]) -> bytes:
    """A version 3 compound file holding `streams` (each padded to at least 4096 bytes, so
    all live in ordinary sectors): sector 0 the FAT, sector 1 the directory, then the data."""
    assert len(streams) <= 3
    bodies = [body.ljust(4096, b"\0") for body in streams.values()]
    fat = [FAT_SECTOR, END]
    starts = []
    for body in bodies:
        count = -(-len(body) // SECTOR)
        starts.append(len(fat))
        fat += [len(fat) + k + 1 for k in range(count - 1)] + [END]
    assert len(fat) <= SECTOR // 4
    fat += [FREE] * (SECTOR // 4 - len(fat))

    def entry(name: str, kind: int, child: int, right: int, start: int, size: int) -> bytes:
        encoded = (name + "\0").encode("utf-16-le") if name else b""
        return (encoded.ljust(64, b"\0") + struct.pack("<HBB", len(encoded), kind, 1)
                + struct.pack("<III", NO_STREAM, right, child) + bytes(16 + 4 + 16)
                + struct.pack("<IQ", start, size))

    names = list(streams)
    directory = entry("Root Entry", 5, 1 if names else NO_STREAM, NO_STREAM, END, 0)
    for i, (name, body) in enumerate(zip(names, bodies)):
        # Siblings form a chain to the right, ordered as the format orders names.
        directory += entry(name, 2, NO_STREAM, i + 2 if i + 1 < len(names) else NO_STREAM, starts[i], len(body))
    directory = directory.ljust(SECTOR, b"\0")
    header = (bytes.fromhex("D0CF11E0A1B11AE1") + bytes(16)
              + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + bytes(6)
              + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, END, 0, END, 0)
              + struct.pack("<109I", 0, *[FREE] * 108))
    assert len(header) == SECTOR
    return header + struct.pack(f"<{SECTOR // 4}I", *fat) + directory + b"".join(
        body.ljust(-(-len(body) // SECTOR) * SECTOR, b"\0") for body in bodies)


def zip_bomb(path: Path, size: int = 2**30 + 1) -> None:
    """A .docx with a picture that inflates to `size` bytes of zeros (about 1 MB on disk),
    related from the document, so a reader that follows relationships loads it."""
    good = plain_docx()
    with zipfile.ZipFile(io.BytesIO(good)) as z:
        rels = z.read("word/_rels/document.xml.rels").decode("utf-8")
        types = z.read("[Content_Types].xml").decode("utf-8")
    rels = rels.replace("</Relationships>", '<Relationship Id="rIdBomb" Type="http://schemas.openxmlformats.org/'
                        'officeDocument/2006/relationships/image" Target="media/image1.png"/></Relationships>')
    if 'Extension="png"' not in types:
        types = types.replace("</Types>", '<Default Extension="png" ContentType="image/png"/></Types>')
    path.write_bytes(rezip(good, replace={"word/_rels/document.xml.rels": rels.encode("utf-8"),
                                          "[Content_Types].xml": types.encode("utf-8")}))
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as z:
        with z.open("word/media/image1.png", "w", force_zip64=True) as part:
            block = bytes(2**20)
            written = 0
            while written < size:
                chunk = block[: size - written]
                part.write(chunk)
                written += len(chunk)


def _document_xml(body: str, prolog: str = "") -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{prolog}'
            f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>{body}</w:t></w:r></w:p>'
            "</w:body></w:document>").encode("utf-8")


LAUGHS = "<!DOCTYPE w:document [<!ENTITY lol \"lol\">" + "".join(
    f'<!ENTITY lol{n} "{("&lol" + (str(n - 1) if n > 1 else "") + ";") * 10}">' for n in range(1, 10)) + "]>"
XXE = '<!DOCTYPE w:document [<!ENTITY secret SYSTEM "file:///etc/passwd">]>'


def huge_text_node() -> bytes:
    """A text node past libxml2's 10 MB limit, of varied characters (so it does not
    compress like a bomb)."""
    rng = random.Random(11)
    text = "".join(rng.choices("生态环境保护工作会议县委书记讲话治理攻坚绿色发展质量改善", k=3_500_000))
    return _document_xml(text)


def xlsx_like() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
                   'content-types"><Override PartName="/xl/workbook.xml" ContentType="application/'
                   'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>')
        z.writestr("_rels/.rels",
                   '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
                   '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
                   'officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
                   "</Relationships>")
        z.writestr("xl/workbook.xml", '<?xml version="1.0"?><workbook xmlns="http://schemas.'
                   'openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>')
    return out.getvalue()


def odt_like() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        z.writestr("content.xml", '<?xml version="1.0"?><office:document-content xmlns:office='
                   '"urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>')
    return out.getvalue()


def unreadable(kind: str, path: Path) -> None:
    """Write at `path` a file of `kind` that is not a usable .docx."""
    good = plain_docx()
    match kind:
        case "corrupt zip":
            path.write_bytes(good[: len(good) // 2])
        case "renamed txt":
            path.write_bytes("同志们：今年以来，全县上下深入贯彻习近平生态文明思想。\n".encode("utf-8"))
        case "empty":
            path.write_bytes(b"")
        case "encrypted":
            path.write_bytes(compound_file({"EncryptionInfo": b"\x04\x00\x04\x00\x40\x00\x00\x00",
                                            "EncryptedPackage": bytes(range(256)) * 16}))
        case "no document.xml":
            path.write_bytes(rezip(good, drop=("word/document.xml",)))
        case "no styles.xml":
            path.write_bytes(rezip(good, drop=("word/styles.xml",)))
        case "bad xml":
            path.write_bytes(rezip(good, replace={"word/document.xml": _document_xml("文字")[:-30]}))
        case "entity bomb":
            path.write_bytes(rezip(good, replace={"word/document.xml": _document_xml("&lol9;", LAUGHS)}))
        case "external entity":
            path.write_bytes(rezip(good, replace={"word/document.xml": _document_xml("&secret;", XXE)}))
        case "huge text node":
            path.write_bytes(rezip(good, replace={"word/document.xml": huge_text_node()}))
        case "zip bomb":
            zip_bomb(path)
        case "directory":
            path.mkdir()
        case "old .doc":
            path.write_bytes(compound_file({"WordDocument": b"\xec\xa5\xc1\x00", "1Table": b"\0" * 8}))
        case "xlsx":
            path.write_bytes(xlsx_like())
        case "odt":
            path.write_bytes(odt_like())
        case _:
            raise AssertionError(kind)


KINDS = ("corrupt zip", "renamed txt", "empty", "encrypted", "no document.xml", "no styles.xml", "bad xml",
         "entity bomb", "external entity", "huge text node", "zip bomb", "directory", "old .doc", "xlsx", "odt")
