"""Open a Word package (.docx) safely: every reader of .docx comes through here.

A file a writer hands us may be anything: damaged, encrypted, an old .doc, a spreadsheet,
or built to exhaust memory. Sizes are checked from the zip directory before anything is
inflated (Python's zipfile never inflates a part past its declared size), every XML part is
parsed with entities and DTDs refused, and every failure becomes one Chinese UserError
naming the file. Only then does python-docx see the bytes.
"""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

from lxml import etree

from speechdraft.errors import UserError
from speechdraft.inputs import WORD, read_bytes

MAX_PARTS = 5000
MAX_PART = 64 * 2**20  # inflated bytes of one part
MAX_TOTAL = 256 * 2**20  # inflated bytes of all parts
MAX_RATIO = 200  # inflated / compressed, for parts large enough to matter
RATIO_FROM = 2**20

OLE_SIGNATURE = bytes.fromhex("D0CF11E0A1B11AE1")
# Stream names in a compound file's directory are UTF-16LE; an encrypted .docx holds these.
ENCRYPTED_STREAMS = ("EncryptedPackage".encode("utf-16-le"), "EncryptionInfo".encode("utf-16-le"))
WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
OFFICE_DOCUMENT = "/officeDocument"
CT_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"
REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"

NOT_WORD = "不是可用的 Word 文档（.docx）：{reason}；{fix}"
SAVE_AS = "请在 Word 或 WPS 中打开，另存为 .docx 再试"
USE_ANOTHER = "请换用一份正常的 Word 文档"
ENCRYPTED = "Word 文档已加密（设有打开密码），无法读取；请先在 Word 中取消密码保护后再用"

# Main parts of the other zip-based office formats, for a message that says what the file is.
OTHER_FORMATS = (
    ("xl/workbook.xml", "这是 Excel 表格（.xlsx），不是 Word 文档"),
    ("ppt/presentation.xml", "这是 PowerPoint 演示文稿（.pptx），不是 Word 文档"),
    # LibreOffice and WPS save OpenDocument files as .docx: the usual advice holds.
    ("mimetype", "这是 OpenDocument 文档（.odt 等），不是 Word 文档"),
)

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False,
                          dtd_validation=False)


class _Refused(Exception):
    """Why the file is not a usable Word document, and what to do (Chinese, without the file name)."""

    def __init__(self, reason: str, fix: str = SAVE_AS):
        super().__init__(reason)
        self.reason, self.fix = reason, fix


def open_word(path: str | Path, *, field: str | None = None):
    """The python-docx Document in `path`. Raises UserError (naming the file and `field`)
    for anything that is not a usable .docx."""
    import docx  # imported here so commands that read no .docx start fast

    path = Path(path)
    data = _read(path, field)
    if data.startswith(OLE_SIGNATURE):
        if any(name in data for name in ENCRYPTED_STREAMS):
            raise UserError(ENCRYPTED, file=str(path), field=field)
        raise _not_word(path, field, _Refused("这是旧版 Word（.doc）或其他旧格式的 Office 文件"))
    try:
        _check_package(data)
    except _Refused as e:
        raise _not_word(path, field, e) from None
    try:
        return docx.Document(io.BytesIO(data))
    except Exception:  # noqa: BLE001 - any other inconsistency inside the package
        raise _not_word(path, field, _Refused("文件内部结构已损坏")) from None


def _not_word(path: Path, field: str | None, refused: _Refused) -> UserError:
    return UserError(NOT_WORD.format(reason=refused.reason, fix=refused.fix), file=str(path), field=field)


def _read(path: Path, field: str | None) -> bytes:
    data = read_bytes(path, WORD, field=field)
    if not data:
        raise _not_word(path, field, _Refused("文件是空的"))
    return data


def _check_package(data: bytes) -> None:
    """Refuse, from the zip directory alone, what would take too much to inflate; then
    parse every XML part safely and find a Word main document."""
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, EOFError):
        raise _Refused("文件已损坏，或根本不是 Word 文档（例如改了扩展名的其他文件）") from None
    with package:
        infos = package.infolist()
        if len(infos) > MAX_PARTS:
            raise _Refused(f"文件内部的部件多达 {len(infos)} 个，超出限制", USE_ANOTHER)
        total = 0
        for info in infos:
            total += info.file_size
            if (info.file_size > MAX_PART or total > MAX_TOTAL
                    or info.file_size > RATIO_FROM and info.file_size > MAX_RATIO * max(info.compress_size, 1)):
                raise _Refused("文件解压后过大（可能是恶意构造的“压缩炸弹”），已拒绝读取", USE_ANOTHER)
        names = {info.filename for info in infos}
        if "[Content_Types].xml" not in names:
            raise _other_format(names) or _Refused("文件内部缺少内容类型清单，已损坏")
        xml = {name: _parse(package, name) for name in sorted(names) if name.endswith((".xml", ".rels"))}
        main = _main_part(xml)
        if main is None or main not in names:
            raise _other_format(names) or _Refused("文件中没有 Word 正文（word/document.xml）")
        if _content_type(xml["[Content_Types].xml"], main) != WORD_MAIN:
            raise _other_format(names) or _Refused("这是 Word 模板或启用宏的文档")


def _parse(package: zipfile.ZipFile, name: str):
    try:
        raw = package.read(name)
    except Exception:  # noqa: BLE001 - bad CRC, a lying size, an unknown compression
        raise _Refused(f"文件内部的 {name} 已损坏") from None
    # A package never declares a DTD; one that does is a damaged or hostile file (entity
    # expansion, external entities). Seen in the bytes, it is refused before parsing;
    # in another encoding, after.
    hostile = _Refused(f"文件内部的 {name} 含有不允许的实体声明，已拒绝读取", USE_ANOTHER)
    if b"<!DOCTYPE" in raw or b"<!ENTITY" in raw:
        raise hostile
    try:
        tree = etree.fromstring(raw, _PARSER).getroottree()
    except (etree.XMLSyntaxError, ValueError):
        raise _Refused(f"文件内部的 {name} 已损坏或过大") from None
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:
        raise hostile
    return tree.getroot()


def _main_part(xml: dict) -> str | None:
    rels = xml.get("_rels/.rels")
    if rels is None:
        return None
    for rel in rels.iter(f"{REL_NS}Relationship"):
        if (rel.get("Type") or "").endswith(OFFICE_DOCUMENT) and rel.get("TargetMode") != "External":
            return (rel.get("Target") or "").lstrip("/")
    return None


def _content_type(types, part: str) -> str | None:
    for override in types.iter(f"{CT_NS}Override"):
        if (override.get("PartName") or "").lstrip("/").lower() == part.lower():
            return override.get("ContentType")
    extension = part.rsplit(".", 1)[-1].lower()
    for default in types.iter(f"{CT_NS}Default"):
        if (default.get("Extension") or "").lower() == extension:
            return default.get("ContentType")
    return None


def _other_format(names: set[str]) -> _Refused | None:
    for part, what in OTHER_FORMATS:
        if part in names:
            return _Refused(what, SAVE_AS if part == "mimetype" else "请给出 Word 文档")
    return None
