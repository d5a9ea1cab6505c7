"""Word documents (``.docx``) through python-docx: paragraphs and tables in document order.

The zip container is checked before python-docx opens it: its declared uncompressed sizes
must stay within bounds, and then every part is inflated in small chunks and counted, so a
part that unpacks to more than the zip directory says (a zip bomb that lies about its sizes)
is refused after a few kilobytes, never trusted. A part that declares a document type (the
way to smuggle in XML entities) is refused too: Word never writes one. The zip must hold a
Word document part. Styles give roles: Title (or a first Heading 1) is the headline, Subtitle
the standfirst, Caption a caption; list items get a bullet. Core properties give title, author
and date.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Iterator

from docx import Document
from docx.document import Document as DocxDocument
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.document import CT_Document
from docx.table import Table
from docx.text.paragraph import Paragraph
from lxml import etree

from workbench.model import Article, BlockKind

from .builder import TextBuilder, squash
from .errors import IngestError
from .limits import MAX_DOCX_PART, MAX_UNZIPPED, MAX_ZIP_PARTS

MAX_PARTS = MAX_ZIP_PARTS
MAX_TEXT_PART = MAX_DOCX_PART
_MAX_RATIO = 200
_CHUNK = 64 * 1024
_LOCAL_HEADER = 30
# A document type declaration (and with it any entity) in any encoding an XML part may use.
_DECLARATIONS = tuple(
    marker.encode(codec)
    for marker in ("<!DOCTYPE", "<!ENTITY")
    for codec in ("ascii", "utf-16-le", "utf-16-be")
)
_OVERLAP = max(len(marker) for marker in _DECLARATIONS)
# python-docx's blank template fills these in; they say nothing about the article.
_TEMPLATE_AUTHORS = {"python-docx", ""}


def check_zip(data: bytes, name: str) -> None:
    """Refuse a damaged zip, a zip bomb or a zip that is not a Word document."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as exc:
        raise IngestError(f"“{name}” is not a Word document or it is damaged.") from exc
    except NotImplementedError as exc:
        # zipfile's word for a header asking for a zip version it does not know: Word writes
        # plain zips, so the header is damaged.
        raise _damaged(name) from exc
    if len(infos) > MAX_PARTS:
        raise IngestError(f"“{name}” has too many parts to be a Word document.")
    total = sum(info.file_size for info in infos)
    compressed = sum(info.compress_size for info in infos)
    if total > MAX_UNZIPPED or (total > 20 * 1024 * 1024 and total > _MAX_RATIO * compressed):
        raise IngestError(
            f"“{name}” would unpack to {total // (1024 * 1024)} MB: it is not a normal Word "
            "document (possibly a zip bomb), so it was not opened."
        )
    if any(i.filename.endswith(".xml") and i.file_size > MAX_TEXT_PART for i in infos):
        raise IngestError(f"“{name}” holds more text than any article: it was not opened.")
    if not any(info.filename == "[Content_Types].xml" for info in infos):
        raise IngestError(f"“{name}” is a zip file but not a Word document.")
    view = memoryview(data)
    for info in infos:
        _check_part(view, info, name)


def _damaged(name: str) -> IngestError:
    return IngestError(f"“{name}” is not a Word document or it is damaged.")


def _chunks(data: memoryview, info: zipfile.ZipInfo, name: str) -> Iterator[bytes]:
    """The inflated bytes of one part, a chunk at a time, read from the raw archive."""
    offset = info.header_offset
    header = bytes(data[offset : offset + _LOCAL_HEADER])
    if len(header) < _LOCAL_HEADER or header[:4] != b"PK\x03\x04":
        raise _damaged(name)
    name_length, extra_length = struct.unpack("<HH", header[26:30])
    position = offset + _LOCAL_HEADER + name_length + extra_length
    if info.compress_type == zipfile.ZIP_STORED:
        end = position + info.compress_size
        if end > len(data):
            raise _damaged(name)
        for at in range(position, end, _CHUNK):
            yield bytes(data[at : min(at + _CHUNK, end)])
        return
    if info.compress_type != zipfile.ZIP_DEFLATED:
        raise IngestError(
            f"“{name}” uses a kind of compression Word does not use: it was not opened."
        )
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    while not inflater.eof:
        feed = inflater.unconsumed_tail
        if not feed:
            if position >= len(data):
                raise _damaged(name)
            feed = bytes(data[position : position + _CHUNK])
            position += len(feed)
        try:
            # max_length bounds each step: a few bytes may inflate to gigabytes.
            yield inflater.decompress(feed, _CHUNK)
        except zlib.error as exc:
            raise _damaged(name) from exc


def _check_part(data: memoryview, info: zipfile.ZipInfo, name: str) -> None:
    """Inflate one part against the size its directory entry declares; refuse a lie."""
    if info.flag_bits & 0x1:
        raise IngestError(f"“{name}” is protected by a password; save an unprotected copy.")
    is_xml = info.filename.endswith((".xml", ".rels"))
    produced = 0
    tail = b""
    for chunk in _chunks(data, info, name):
        produced += len(chunk)
        # Declared sizes were checked against the limits above, so holding every part to
        # its declared size bounds the whole package without trusting any declaration.
        if produced > info.file_size:
            raise IngestError(
                f"“{name}” has a part that unpacks to far more than the file says: it is not "
                "a normal Word document (possibly a zip bomb), so it was not opened."
            )
        if is_xml:
            window = tail + chunk
            if any(marker in window for marker in _DECLARATIONS):
                raise IngestError(
                    f"“{name}” declares XML entities, which Word never writes (they can hide "
                    "text or read other files), so it was not opened; save it again from Word."
                )
            tail = window[-_OVERLAP:]
    if produced != info.file_size:
        raise _damaged(name)


def _style(paragraph: Paragraph) -> str:
    try:
        style = paragraph.style
    except (KeyError, ValueError, AttributeError):
        # A damaged or missing styles part costs the roles, not the text.
        return ""
    return (style.name or "").lower() if style is not None else ""


def _hint(style: str, out: TextBuilder) -> BlockKind | None:
    if style == "title" or (style == "heading 1" and out.empty):
        return BlockKind.BODY if out.has_headline else BlockKind.HEADLINE
    if style == "subtitle" and out.only_headline:
        return BlockKind.STANDFIRST
    if style == "caption":
        return BlockKind.CAPTION
    if style.startswith("heading") or style == "subtitle":
        return BlockKind.BODY
    return None


def _add_table(table: Table, out: TextBuilder) -> None:
    first = True
    for row in table.rows:
        cells: list[str] = []
        seen: set[int] = set()
        for cell in row.cells:
            # Merged cells repeat the same cell object across the span: show it once.
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            cells.append(squash(cell.text).replace("\n", " "))
        if any(cells):
            out.add("\t".join(cells), separator="\n\n" if first else "\n")
            first = False


def _walk(document: DocxDocument, out: TextBuilder) -> None:
    last_was_item = False
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            _add_table(block, out)
            last_was_item = False
            continue
        style = _style(block)
        is_item = style.startswith("list")
        text = squash(block.text)
        if not text:
            continue
        out.add(
            text,
            _hint(style, out),
            prefix="• " if is_item else "",
            separator="\n" if is_item and last_was_item else "\n\n",
        )
        last_was_item = is_item


def _open(data: bytes, name: str) -> DocxDocument:
    """The document python-docx makes of ``data``; refuse parts that do not fit together."""
    try:
        document = Document(io.BytesIO(data))
    except (AttributeError, TypeError) as exc:
        # python-docx walks the parts' relationships trusting their shape: a relationship
        # without a target, or a list of relationships that is something else, ends here.
        raise _mismatched(name) from exc
    if not isinstance(document.element, CT_Document):
        raise _mismatched(name)
    return document


def _mismatched(name: str) -> IngestError:
    return IngestError(
        f"“{name}” is damaged: its parts do not fit together the way a Word document's do."
    )


def read_docx(data: bytes, name: str) -> Article:
    """Read a Word document into an article with blocks and core properties."""
    if not data:
        raise IngestError(f"“{name}” is empty: there is no article text in it.")
    check_zip(data, name)
    out = TextBuilder(name)
    try:
        document = _open(data, name)
        _walk(document, out)
        props = document.core_properties
        title = props.title or None
        author = props.author if props.author not in _TEMPLATE_AUTHORS else None
        created = props.created.date().isoformat() if props.created else None
    except (
        PackageNotFoundError,
        KeyError,
        ValueError,
        etree.XMLSyntaxError,
        zipfile.BadZipFile,
    ) as exc:
        raise IngestError(f"“{name}” is not a Word document or it is damaged.") from exc
    article = out.build(title=title)
    article.author = author
    article.published = created
    return article
