"""Word documents (``.docx``) through python-docx: paragraphs and tables in document order.

The zip container is checked before python-docx opens it: its declared uncompressed sizes
must stay within bounds (a zip bomb is refused without being inflated), and it must hold a
Word document part. Styles give roles: Title (or a first Heading 1) is the headline, Subtitle
the standfirst, Caption a caption; list items get a bullet. Core properties give title, author
and date.
"""

from __future__ import annotations

import io
import zipfile

from docx import Document
from docx.document import Document as DocxDocument
from docx.opc.exceptions import PackageNotFoundError
from docx.table import Table
from docx.text.paragraph import Paragraph
from lxml import etree

from workbench.model import Article, BlockKind

from .builder import TextBuilder, squash
from .errors import IngestError

#: The whole package may not inflate to more than this, nor hold more parts.
MAX_UNZIPPED = 200 * 1024 * 1024
MAX_PARTS = 5_000
#: The main text part alone: a long article's is well under 5 MB; parsing 30 MB of XML takes
#: long enough already.
MAX_TEXT_PART = 30 * 1024 * 1024
_MAX_RATIO = 200
# python-docx's blank template fills these in; they say nothing about the article.
_TEMPLATE_AUTHORS = {"python-docx", ""}


def check_zip(data: bytes, name: str) -> None:
    """Refuse a damaged zip, a zip bomb or a zip that is not a Word document."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as exc:
        raise IngestError(f"“{name}” is not a Word document or it is damaged.") from exc
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


def _style(paragraph: Paragraph) -> str:
    try:
        style = paragraph.style
    except (KeyError, ValueError):
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


def read_docx(data: bytes, name: str) -> Article:
    """Read a Word document into an article with blocks and core properties."""
    if not data:
        raise IngestError(f"“{name}” is empty: there is no article text in it.")
    check_zip(data, name)
    out = TextBuilder(name)
    try:
        document = Document(io.BytesIO(data))
        _walk(document, out)
        props = document.core_properties
        title = props.title or None
        author = props.author if props.author not in _TEMPLATE_AUTHORS else None
        created = props.created.date().isoformat() if props.created else None
    except (PackageNotFoundError, KeyError, ValueError, etree.XMLSyntaxError) as exc:
        raise IngestError(f"“{name}” is not a Word document or it is damaged.") from exc
    article = out.build(title=title)
    article.author = author
    article.published = created
    return article
