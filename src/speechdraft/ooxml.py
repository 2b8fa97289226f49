"""Open a Word package (.docx) safely: every reader of .docx comes through here.

A file a writer hands us may be anything: damaged, encrypted, an old .doc, a spreadsheet,
or built to exhaust memory. Before anything is inflated, the zip's end record bounds its
directory and the directory bounds every part's size, the total and the compression ratio.
Then every part is inflated as a stream (zipfile stops at the declared size and checks the
CRC, so a header that lies gets no further), and every XML part is counted and parsed with
DTDs, entities and the network refused, one part at a time. Every failure becomes one
Chinese UserError naming the file. Only then does python-docx see the bytes.
"""
from __future__ import annotations

import io
import re
import struct
import zipfile
from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from speechdraft.errors import UserError
from speechdraft.inputs import WORD, read_bytes

MAX_DIRECTORY = 2**20  # bytes of the zip directory: zipfile makes an object of each entry in it
MAX_PARTS = 5000
MAX_PART = 64 * 2**20  # inflated bytes of one part
MAX_TOTAL = 256 * 2**20  # inflated bytes of all parts
MAX_RATIO = 200  # inflated / compressed, for parts large enough to matter
RATIO_FROM = 2**20
# Elements plus twice the attributes, over all XML parts: in lxml an element takes about
# 120 bytes and an attribute about 220, so this keeps a tree near 250 MB. A Word document
# of 80,000 paragraphs stays under it; an XML bomb of millions of tiny elements does not.
MAX_MARKUP = 2_000_000
CHUNK = 2**20

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
BOMB = "可能是恶意构造的“压缩炸弹”，已拒绝读取"
HOSTILE = "可能是恶意构造的文件，已拒绝读取"

# Main parts of the other zip-based office formats, for a message that says what the file is.
OTHER_FORMATS = (
    ("xl/workbook.xml", "这是 Excel 表格（.xlsx），不是 Word 文档"),
    ("ppt/presentation.xml", "这是 PowerPoint 演示文稿（.pptx），不是 Word 文档"),
    # LibreOffice and WPS save OpenDocument files as .docx: the usual advice holds.
    ("mimetype", "这是 OpenDocument 文档（.odt 等），不是 Word 文档"),
)

# No DTD, no entities, no network, libxml2's size limits; a parser per part, as one fed in
# chunks keeps its state.
_PARSER_OPTIONS = dict(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False,
                       dtd_validation=False)


# A part's name comes from the file: shown only when it is a plain path (no control
# characters or terminal escapes reach the writer's screen).
_PLAIN_NAME = re.compile(r"[A-Za-z0-9_./\[\]-]{1,80}")


def _shown(name: str) -> str:
    return f" {name} " if _PLAIN_NAME.fullmatch(name) else "一个部件"


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


def check_copy(data: bytes, source: str | Path) -> None:
    """Refuse `data`, a .docx made from the Word document `source` (a fixed or annotated
    copy), unless it passes every check a document read from a writer passes."""
    try:
        _check_package(data)
    except _Refused as e:
        raise UserError(f"由它生成的副本未通过检查（{e.reason}），未写入任何文件；{USE_ANOTHER}",
                        file=str(source)) from None


def _not_word(path: Path, field: str | None, refused: _Refused) -> UserError:
    return UserError(NOT_WORD.format(reason=refused.reason, fix=refused.fix), file=str(path), field=field)


def _read(path: Path, field: str | None) -> bytes:
    data = read_bytes(path, WORD, field=field)
    if not data:
        raise _not_word(path, field, _Refused("文件是空的"))
    return data


def _check_package(data: bytes) -> None:
    """Refuse, from the zip directory alone, what would take too much to inflate; then
    inflate and check every part, parse every XML part safely and find a Word main document."""
    _check_directory(data)
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, EOFError):
        raise _Refused("文件已损坏，或根本不是 Word 文档（例如改了扩展名的其他文件）") from None
    with package:
        infos = package.infolist()
        if len(infos) > MAX_PARTS:
            raise _Refused(f"文件内部的部件多达 {len(infos)} 个，超出限制（最多 {MAX_PARTS} 个），{HOSTILE}",
                           USE_ANOTHER)
        _check_sizes(infos)
        names = {info.filename for info in infos}
        if "[Content_Types].xml" not in names:
            raise _other_format(names) or _Refused("文件内部缺少内容类型清单，已损坏")
        # Counted and searched for declarations first, all of them, so that no tree is
        # built of a file that is refused.
        markup = _Markup()
        types_info = package.getinfo("[Content_Types].xml")
        _scan(package, types_info, markup)
        types = _parse(package, types_info)
        # Every entry, not every name: of two entries with one name, python-docx reads the last.
        xml = []
        for info in infos:
            if info is types_info:
                continue
            if _is_xml(info.filename, types):
                _scan(package, info, markup)
                xml.append(info)
            else:
                for _ in _inflate(package, info):
                    pass  # inflated only to check it: python-docx reads it again
        rels = None
        for info in xml:
            tree = _parse(package, info)  # one at a time, each let go before the next
            if info.filename == "_rels/.rels":
                rels = tree
        main = _main_part(rels)
        if main is None or main not in names:
            raise _other_format(names) or _Refused("文件中没有 Word 正文（word/document.xml）")
        if _content_type(types, main) != WORD_MAIN:
            raise _other_format(names) or _Refused("这是 Word 模板或启用宏的文档")


def _check_directory(data: bytes) -> None:
    """Refuse a zip directory too large to read, from the end record alone: zipfile would
    make an object of every entry before anyone could count them."""
    end = data.rfind(b"PK\x05\x06", max(0, len(data) - 22 - 0xFFFF))
    if end < 0 or len(data) < end + 22:
        return  # not a zip at all: zipfile says so
    entries, size = struct.unpack_from("<HL", data, end + 10)
    locator = end - 20
    if (entries == 0xFFFF or size == 0xFFFFFFFF) and locator >= 56 and data[locator:locator + 4] == b"PK\x06\x07":
        record = locator - 56  # where zipfile looks for the zip64 end record
        if data[record:record + 4] == b"PK\x06\x06":
            entries, size = struct.unpack_from("<QQ", data, record + 32)
    if entries > MAX_PARTS:
        raise _Refused(f"文件内部的部件多达 {entries} 个，超出限制（最多 {MAX_PARTS} 个），{HOSTILE}", USE_ANOTHER)
    if size > MAX_DIRECTORY:
        raise _Refused(f"文件内部的部件目录超过 {MAX_DIRECTORY // 2**20} MB，部件过多，{HOSTILE}", USE_ANOTHER)


def _check_sizes(infos: list[zipfile.ZipInfo]) -> None:
    total = 0
    for info in infos:
        if info.file_size > MAX_PART:
            raise _Refused(f"文件内部的{_shown(info.filename)}解压后超过 {MAX_PART // 2**20} MB，{BOMB}", USE_ANOTHER)
        total += info.file_size
        if total > MAX_TOTAL:
            raise _Refused(f"文件解压后合计超过 {MAX_TOTAL // 2**20} MB，{BOMB}", USE_ANOTHER)
    for info in infos:
        ratio = info.file_size // max(info.compress_size, 1)
        if info.file_size > RATIO_FROM and ratio >= MAX_RATIO:
            raise _Refused(f"文件内部的{_shown(info.filename)}解压后是压缩时的 {ratio} 倍"
                           f"（正常文档不超过 {MAX_RATIO} 倍），{BOMB}", USE_ANOTHER)


def _inflate(package: zipfile.ZipFile, info: zipfile.ZipInfo) -> Iterator[bytes]:
    """The part's bytes a chunk at a time. zipfile inflates no further than the declared
    size (checked above) and then checks the CRC, so a part that inflates to more fails here."""
    try:
        with package.open(info) as part:
            while chunk := part.read(CHUNK):
                yield chunk
    except Exception:  # noqa: BLE001 - bad CRC, a lying size, an unknown compression, encryption
        raise _Refused(f"文件内部的{_shown(info.filename)}已损坏") from None


class _Markup:
    """Elements and attributes counted over all XML parts, before the parser sees them."""

    def __init__(self):
        self.count = 0

    def add(self, name: str, chunk: bytes) -> None:
        # Every element and every attribute needs one of these characters, in UTF-8 and UTF-16.
        self.count += chunk.count(b"<") + 2 * chunk.count(b"=")
        if self.count > MAX_MARKUP:
            raise _Refused(f"文件内部的{_shown(name)}等部件中的元素和属性超过 {MAX_MARKUP // 10_000} 万个，{HOSTILE}",
                           USE_ANOTHER)


def _is_xml(name: str, types) -> bool:
    """Whether python-docx may parse this part as XML: by its name, or by the content type
    [Content_Types].xml gives it (a main document may be called word/body.bin). Pictures in
    SVG are XML too, but python-docx keeps them as bytes, and Illustrator writes a DOCTYPE."""
    if name.endswith((".xml", ".rels")):
        return True
    kind = (_content_type(types, name) or "").lower()
    return kind.endswith("xml") and not kind.startswith("image/")


def _hostile(name: str) -> _Refused:
    # A package never declares a DTD; one that does is a damaged or hostile file (entity
    # expansion, external entities).
    return _Refused(f"文件内部的{_shown(name)}含有不允许的文档类型或实体声明，{HOSTILE}", USE_ANOTHER)


def _scan(package: zipfile.ZipFile, info: zipfile.ZipInfo, markup: _Markup) -> None:
    """Count the part's markup and look for declarations in its bytes (UTF-8), as it inflates."""
    tail = b""
    for chunk in _inflate(package, info):
        markup.add(info.filename, chunk)
        window = tail + chunk  # a declaration may straddle two chunks
        if b"<!DOCTYPE" in window or b"<!ENTITY" in window:
            raise _hostile(info.filename)
        tail = chunk[-8:]


def _parse(package: zipfile.ZipFile, info: zipfile.ZipInfo):
    """The part's root element, parsed as it inflates. A declaration in another encoding
    than UTF-8 (which _scan cannot see) is found here."""
    parser = etree.XMLParser(**_PARSER_OPTIONS)
    try:
        for chunk in _inflate(package, info):
            parser.feed(chunk)
        tree = parser.close().getroottree()
    except (etree.XMLSyntaxError, ValueError):
        raise _Refused(f"文件内部的{_shown(info.filename)}已损坏或过大") from None
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:
        raise _hostile(info.filename)
    return tree.getroot()


def _main_part(rels) -> str | None:
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
