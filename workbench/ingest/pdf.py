"""PDF files through pypdf: the text layer, whitespace normalised, paragraphs rebuilt.

pypdf's layout mode keeps vertical gaps as blank lines, which separate paragraphs; lines inside
a paragraph are joined with a space (a word hyphenated across lines is joined again), page
numbers are dropped and a paragraph cut by a page break is mended. A PDF without a text layer
(a scan) is refused with advice to run OCR first.

pypdf logs its repairs of damaged files ("incorrect startxref pointer"); those lines are for
developers, so its logger is silenced while a file is read and only our one message remains.
Pages are read against the page budget and the article's word budget (see :mod:`.limits`), so
a huge PDF stops being read as soon as it is known to be too long.
"""

from __future__ import annotations

import io
import logging
import re
import warnings
from collections.abc import Iterator
from contextlib import contextmanager

from pypdf import PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError, LimitReachedError, PyPdfError

from workbench.model import Article

from .builder import TextBuilder, squash
from .errors import IngestError
from .limits import (
    MAX_CHARACTERS,
    MAX_PDF_PAGES,
    MAX_WORDS,
    check_pdf_pages,
    count_words,
    too_long,
    too_many_characters,
)

MAX_PAGES = MAX_PDF_PAGES

_PAGE_NUMBER = re.compile(
    r"^(?:[-–—]\s*)?(?:page\s+)?\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?(?:\s*[-–—])?$", re.IGNORECASE
)
_BLANK_LINES = re.compile(r"\n[ \t]*\n\s*")
_HYPHEN_END = re.compile(r"[^\W\d_]-$")
_SENTENCE_END = re.compile(r"[.!?:;\"”’)\]]$")
_SUBHEAD_MAX = 80
_TITLE_JUNK = re.compile(r"^(?:microsoft (?:word|powerpoint) - |untitled)", re.IGNORECASE)
# What pypdf raises on a damaged file besides its own errors: a damaged file hands it objects
# of other types than the standard says (None for a font, a number for a dictionary), and it
# indexes into them, calls their methods or asserts on them.
_DAMAGE = (
    PyPdfError,
    ValueError,
    KeyError,
    TypeError,
    IndexError,
    EOFError,
    AttributeError,
    AssertionError,
)


def _overloaded(name: str) -> IngestError:
    """The error for a PDF that hits pypdf's safety limits (a loop, an oversized part)."""
    return IngestError(
        f"“{name}” is damaged or built to overload a PDF reader (it goes beyond the limits "
        "for reading a PDF safely), so it was not opened."
    )


def _page_text(page: object) -> str:
    try:
        return page.extract_text(extraction_mode="layout") or ""  # type: ignore[attr-defined]
    except LimitReachedError:
        raise  # plain mode would only hit the same limit
    except (*_DAMAGE, ZeroDivisionError):
        # Layout mode gives up on some odd or damaged fonts; plain mode still reads their text.
        return page.extract_text() or ""  # type: ignore[attr-defined]


def _page_texts(reader: PdfReader, name: str) -> Iterator[str]:
    """The text of each page in turn; a damaged page tree or page is refused clearly."""
    try:
        for page in reader.pages:
            yield _page_text(page)
    except LimitReachedError as exc:
        raise _overloaded(name) from exc
    except _DAMAGE as exc:
        raise IngestError(f"“{name}” is damaged: its text could not be read.") from exc


def _join_lines(lines: list[str]) -> str:
    """One paragraph from its lines: spaces between, hyphenated words mended."""
    out = ""
    for line in lines:
        if not out:
            out = line
        elif _HYPHEN_END.search(out) and line[:1].islower():
            out = out[:-1] + line
        else:
            out = f"{out} {line}"
    return out


def _page_paragraphs(raw: str) -> list[str]:
    paragraphs = []
    for chunk in _BLANK_LINES.split(raw):
        lines = [squash(line) for line in chunk.split("\n")]
        lines = [line for line in lines if line and not _PAGE_NUMBER.match(line)]
        if lines:
            paragraphs.append(_join_lines(lines))
    return paragraphs


def _continues(before: str, after: str) -> bool:
    """Whether a page break cut one paragraph in two (no sentence end before it)."""
    if _SENTENCE_END.search(before):
        return False
    # A short unpunctuated line (a subheading) ends its own paragraph.
    return after[:1].islower() or len(before) > _SUBHEAD_MAX


def _open(data: bytes, name: str) -> PdfReader:
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise IngestError(f"“{name}” is protected by a password; save an unprotected copy.")
        check_pdf_pages(len(reader.pages), name)
    except (FileNotDecryptedError, DependencyError, NotImplementedError) as exc:
        raise IngestError(f"“{name}” is encrypted in a way the workbench cannot open.") from exc
    except LimitReachedError as exc:
        raise _overloaded(name) from exc
    except _DAMAGE as exc:
        raise IngestError(f"“{name}” is not a PDF or it is damaged.") from exc
    return reader


def _metadata(reader: PdfReader) -> tuple[str | None, str | None, str | None]:
    try:
        info = reader.metadata
        if info is None:
            return None, None, None
        title = squash(str(info.title or "")) or None
        if title and _TITLE_JUNK.match(title):
            title = None
        author = squash(str(info.author or "")) or None
        created = info.creation_date
    except _DAMAGE:
        # Damaged metadata costs the title and date, not the article.
        return None, None, None
    return title, author, created.date().isoformat() if created else None


@contextmanager
def _quiet_pypdf() -> Iterator[None]:
    """Silence pypdf's warnings and log lines (about repairs it makes) while reading."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.CRITICAL + 1)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)


def read_pdf(data: bytes, name: str) -> Article:
    """Read a PDF's text layer into an article; refuse scans without text."""
    if not data:
        raise IngestError(f"“{name}” is empty: there is no article text in it.")
    with _quiet_pypdf():
        reader = _open(data, name)
        if len(reader.pages) == 0:
            raise IngestError(f"“{name}” has no pages.")
        paragraphs: list[str] = []
        words = characters = 0
        for text in _page_texts(reader, name):
            words += count_words(text)
            characters += len(text)
            if words > MAX_WORDS:
                raise too_long(name, words, at_least=True)
            if characters > 2 * MAX_CHARACTERS:
                # Layout mode pads with spaces; the builder counts the real characters.
                raise too_many_characters(name, characters)
            page_paragraphs = _page_paragraphs(text)
            if paragraphs and page_paragraphs and _continues(paragraphs[-1], page_paragraphs[0]):
                paragraphs[-1] = _join_lines([paragraphs[-1], page_paragraphs.pop(0)])
            paragraphs.extend(page_paragraphs)
        title, author, published = _metadata(reader)
    if not paragraphs:
        raise IngestError(
            f"“{name}” has no text layer — it is probably a scan or a picture of the article; "
            "run it through OCR first and open the result."
        )
    out = TextBuilder(name)
    for paragraph in paragraphs:
        out.add(paragraph)
    article = out.build(title=title)
    article.author = author
    article.published = published
    return article
