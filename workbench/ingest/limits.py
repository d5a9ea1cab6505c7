"""What "too large for one article" means, in one place for every format and pasted text.

The limits come from real long-form writing, so that nothing a newsroom checks is refused:
a long magazine feature runs 8,000–20,000 words, a long investigative series or a book-length
feature about 40,000, and a long government or inquiry report (300–500 pages) about
100,000–150,000 words. The limit of 200,000 words leaves room for the longest of those; beyond
it the text is a book or an archive, and claim extraction would take many minutes.

Every reader checks these limits as early as it can (before parsing where the format allows,
otherwise while it collects paragraphs), so a huge input costs little time and memory.
"""

from __future__ import annotations

import re

from .errors import IngestError

#: Words in one article: a long government report (~100,000–150,000 words) still fits.
MAX_WORDS = 200_000
#: Characters in one article: 200,000 English words are about 1.2 million characters; this
#: also bounds texts in languages written without spaces between words.
MAX_CHARACTERS = 1_500_000
#: Paragraphs in one article: a long report has a few thousand.
MAX_PARAGRAPHS = 20_000
#: Files larger than this are refused before they are read: a long report with pictures fits.
MAX_FILE_BYTES = 15 * 1024 * 1024
#: Pages of a PDF: a 200,000-word report is about 600 pages.
MAX_PDF_PAGES = 1_000
#: Elements of a web page after scripts and styles are removed: the extractor's cost grows
#: faster than linearly, so such pages are refused rather than hung on.
MAX_HTML_ELEMENTS = 15_000
#: Opening tags in a web page's markup before it is parsed (scripts, menus and adverts
#: included): a heavy news page has under 20,000.
MAX_HTML_TAGS = 150_000
#: A Word document may not inflate to more than this in all, nor hold more parts.
MAX_UNZIPPED = 200 * 1024 * 1024
MAX_ZIP_PARTS = 5_000
#: One XML part of a Word document: a long report's text part is well under 5 MB.
MAX_DOCX_PART = 30 * 1024 * 1024

_SPLIT_ADVICE = "split it or import the parts"
# Counting words in slices keeps the memory of str.split() small on a 15 MB text.
_COUNT_SLICE = 1 << 20
_OPENING_TAG = re.compile(r"<[A-Za-z]")


def count_words(text: str) -> int:
    """Words in ``text`` (runs of non-space characters), in bounded memory."""
    words = 0
    for at in range(0, len(text), _COUNT_SLICE):
        piece = text[at : at + _COUNT_SLICE]
        words += len(piece.split())
        # A word cut by the slice boundary was counted twice.
        if at and piece[:1].strip() and text[at - 1 : at].strip():
            words -= 1
    return words


def _amount(number: int) -> str:
    """A large number as a journalist would say it: "2.4 million", "250,000"."""
    if number >= 1_000_000:
        return f"{number / 1_000_000:.1f} million"
    return f"{number:,}"


def too_long(name: str, words: int, *, at_least: bool = False) -> IngestError:
    """The error for a text over :data:`MAX_WORDS` (``at_least``: counting stopped early)."""
    amount = f"more than {MAX_WORDS:,}" if at_least else _amount(words)
    return IngestError(
        f"“{name}” has {amount} words: too long for one article "
        f"(the limit is {MAX_WORDS:,} words); {_SPLIT_ADVICE}."
    )


def too_many_characters(name: str, characters: int) -> IngestError:
    """The error for a text over :data:`MAX_CHARACTERS`."""
    return IngestError(
        f"“{name}” has {_amount(characters)} characters: too long for one article "
        f"(the limit is {_amount(MAX_CHARACTERS)} characters); {_SPLIT_ADVICE}."
    )


def check_text_size(text: str, name: str) -> None:
    """Refuse a text over the word or character limit for one article."""
    if len(text) > MAX_CHARACTERS:
        words = count_words(text)
        if words > MAX_WORDS:
            raise too_long(name, words)
        raise too_many_characters(name, len(text))
    # Fewer characters than words could ever be needs no count.
    if len(text) > 2 * MAX_WORDS:
        words = count_words(text)
        if words > MAX_WORDS:
            raise too_long(name, words)


def too_many_paragraphs(name: str) -> IngestError:
    """The error for a text with more than :data:`MAX_PARAGRAPHS` paragraphs."""
    return IngestError(
        f"“{name}” has more than {MAX_PARAGRAPHS:,} paragraphs: too long for one article; "
        f"{_SPLIT_ADVICE}."
    )


def check_file_size(size: int, name: str) -> None:
    """Refuse a file over :data:`MAX_FILE_BYTES` before it is read."""
    if size > MAX_FILE_BYTES:
        raise IngestError(
            f"“{name}” is {size / (1024 * 1024):.0f} MB: too large for an article "
            f"(the limit is {MAX_FILE_BYTES // (1024 * 1024)} MB); {_SPLIT_ADVICE}."
        )


def check_pdf_pages(pages: int, name: str) -> None:
    """Refuse a PDF with more pages than :data:`MAX_PDF_PAGES`."""
    if pages > MAX_PDF_PAGES:
        raise IngestError(
            f"“{name}” has {pages:,} pages: too long for one article "
            f"(the limit is {MAX_PDF_PAGES:,} pages); {_SPLIT_ADVICE}."
        )


def check_html_tags(markup: str, name: str) -> None:
    """Refuse, before parsing, markup with far more tags than any article page."""
    tags = 0
    for tags, _ in enumerate(_OPENING_TAG.finditer(markup), start=1):
        if tags > MAX_HTML_TAGS:
            break
    if tags > MAX_HTML_TAGS:
        raise too_complex_page(name)


def too_complex_page(name: str) -> IngestError:
    """The error for a web page over the element budget."""
    return IngestError(f"“{name}” is too large or complex a web page to be one article.")


# -- fact-check library files ---------------------------------------------------------------
# A library file is not an article: fact-checkers publish feeds of a few hundred thousand
# ClaimReview items (a few hundred MB), read as a stream, so these limits are of their own.

#: A fact-check file larger than this is refused before it is read: the largest public feeds
#: of ClaimReview items are a few hundred MB.
MAX_LIBRARY_FILE_BYTES = 2 * 1024 * 1024 * 1024
#: Items read from one fact-check file; the rest are counted as left out.
MAX_LIBRARY_ITEMS = 2_000_000
#: Characters of one claim: a claim is a sentence or two; a longer text is not a claim.
MAX_FACTCHECK_CLAIM = 5_000
#: Characters of any other field of a fact-check (rating, publisher, address…); longer is cut.
MAX_FACTCHECK_FIELD = 2_000
#: Characters of text in one item of a JSON file: a ClaimReview with its explanation is a few KB.
MAX_FACTCHECK_ITEM_CHARS = 1_000_000
#: A saved web page read for its ClaimReview blocks: the same limit as an article's file.
MAX_LIBRARY_PAGE_BYTES = MAX_FILE_BYTES


def check_library_file_size(size: int, name: str, limit: int = MAX_LIBRARY_FILE_BYTES) -> None:
    """Refuse a fact-check file over ``limit`` bytes before it is read."""
    if size > limit:
        raise IngestError(
            f"“{name}” is {size / (1024 * 1024):,.0f} MB: too large to import into the library "
            f"(the limit is {limit // (1024 * 1024):,} MB); {_SPLIT_ADVICE}."
        )
