"""Reading fact-checks for the library: ClaimReview JSON-LD, saved pages, feeds, CSV, exports.

Each reader yields plain :class:`FactCheckRecord` items, or a :class:`BadItem` naming why one
item could not be used, so that the caller counts bad items and stores only whole ones. A file
that cannot be read at all raises :class:`~workbench.ingest.errors.IngestError`. Nothing here
touches the database; JSON files are read as a stream (see ``factcheck_json``), so a feed of a
few hundred thousand items is read in bounded memory.
"""

from __future__ import annotations

import csv
import hashlib
import io
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from .errors import IngestError
from .limits import (
    MAX_FACTCHECK_CLAIM,
    MAX_FACTCHECK_FIELD,
    MAX_LIBRARY_ITEMS,
    MAX_LIBRARY_PAGE_BYTES,
    check_library_file_size,
)


@dataclass(frozen=True, slots=True)
class FactCheckRecord:
    """One published fact-check, as read from a file: the claim and how it was rated."""

    claim: str
    rating: str | None = None
    url: str | None = None
    publisher: str | None = None
    published: str | None = None
    claimant: str | None = None
    claimant_type: str | None = None
    rating_value: float | None = None
    rating_best: float | None = None
    rating_worst: float | None = None
    language: str | None = None
    #: The review's own date and time as given (ISO), to tell which of two copies is newer.
    review_date: str | None = None
    #: The headline of the published fact-check ("Did 122 prisoners … return to the
    #: battlefield?"), when the file gives one: it is matched along with the claim.
    title: str | None = None

    @property
    def key(self) -> str:
        """What makes two copies the same fact-check (see :func:`record_key`)."""
        return record_key(self.url, self.claim)


@dataclass(frozen=True, slots=True)
class BadItem:
    """An item that was not imported, with the reason in plain words."""

    reason: str


Item = FactCheckRecord | BadItem


def record_key(url: str | None, claim: str) -> str:
    """A digest of the normalised address and claim: the same fact-check read twice, or from
    two files, gets the same key. 32 hex characters keep the unique index small.
    """
    text = (
        normalise_url(url)
        + "\n"
        + " ".join(unicodedata.normalize("NFKC", claim).casefold().split())
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def normalise_url(url: str | None) -> str:
    """An address as compared: scheme and host in lower case, http as https, no "www.", no
    trailing slash. The fragment is kept: one report page holds many claims (``#claim-3``).
    """
    url = (url or "").strip()
    if not url:
        return ""
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    scheme = "https" if parts.scheme.lower() in ("http", "https") else parts.scheme.lower()
    host = parts.netloc.lower().removeprefix("www.")
    return urlunsplit((scheme, host, parts.path.rstrip("/"), parts.query, parts.fragment))


# -- field helpers ----------------------------------------------------------------------------
def text_of(value: Any, limit: int = MAX_FACTCHECK_FIELD) -> str | None:
    """A field as one line of text (cut at ``limit``), or None when empty or not text."""
    if isinstance(value, Mapping):
        value = value.get("name") or value.get("alternateName")
    if isinstance(value, list):
        value = next((v for v in (text_of(x, limit) for x in value) if v), None)
    if isinstance(value, bool) or value is None:
        return None
    if not isinstance(value, str | int | float):
        return None
    text = " ".join(str(value).split())
    return text[:limit] or None


def number_of(value: Any) -> float | None:
    """A rating value as a number, or None when it is not one."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        number = float(value)
    else:
        try:
            number = float(str(value).strip())
        except ValueError:
            return None
    return number if number == number and abs(number) < 1e12 else None  # no NaN or infinity


def iso_date(value: Any) -> str | None:
    """A date as ISO text (``YYYY-MM-DD`` or a full date-time), or None when it cannot be read."""
    text = text_of(value, 64)
    if not text:
        return None
    try:
        if len(text) == 10:
            return date.fromisoformat(text).isoformat()
        return datetime.fromisoformat(text.replace("Z", "+00:00")).isoformat()
    except ValueError:
        pass
    from workbench.dates import DateProblem, parse_date

    try:
        day = parse_date(text)
    except DateProblem:
        return None
    return day.isoformat() if day else None


def checked_claim(claim: str | None) -> str | BadItem:
    """The claim, or why the item cannot be used."""
    if not claim:
        return BadItem("no claim")
    if len(claim) > MAX_FACTCHECK_CLAIM:
        return BadItem(f"the claim is longer than {MAX_FACTCHECK_CLAIM:,} characters")
    return claim


# -- reading a file -------------------------------------------------------------------------
def read_factchecks(
    path: str | Path, on_bytes: Callable[[int], None] | None = None
) -> Iterator[Item]:
    """Every fact-check in a file, by its kind: CSV/TSV, a saved web page, or JSON(-LD).

    ``on_bytes`` hears how many bytes of the file were read so far, for a progress bar.
    Raises :class:`IngestError` when the file cannot be read at all.
    """
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise IngestError(f"“{path.name}” could not be read ({exc.strerror or exc}).") from exc
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm", ".xhtml"):
        check_library_file_size(size, path.name, MAX_LIBRARY_PAGE_BYTES)
        items: Iterator[Item] = read_page(_read_bytes(path), path.name)
    elif suffix in (".csv", ".tsv", ".txt"):
        check_library_file_size(size, path.name)
        items = read_csv(path, on_bytes)
    else:
        check_library_file_size(size, path.name)
        from .factcheck_json import read_json

        items = read_json(path, on_bytes)
    yield from _at_most(items, path.name)


def _at_most(items: Iterator[Item], name: str) -> Iterator[Item]:
    for count, item in enumerate(items, start=1):
        if count > MAX_LIBRARY_ITEMS:
            yield BadItem(
                f"more than {MAX_LIBRARY_ITEMS:,} items in one file: the rest of “{name}” was "
                "not read; split the file"
            )
            return
        yield item


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise IngestError(f"“{path.name}” could not be read ({exc.strerror or exc}).") from exc


# -- saved web pages --------------------------------------------------------------------------
def read_page(markup: bytes, name: str) -> Iterator[Item]:
    """The ClaimReview items in a page's ``<script type="application/ld+json">`` blocks."""
    import json

    import lxml.html
    from lxml.etree import ParserError

    from .factcheck_json import reviews_in

    try:
        root = lxml.html.document_fromstring(markup)
    except (ParserError, ValueError) as exc:
        raise IngestError(f"“{name}” is not a web page that can be read.") from exc
    for script in root.iter("script"):
        kind = " ".join((script.get("type") or "").lower().split())
        if kind != "application/ld+json":
            continue
        try:
            data = json.loads(script.text or "")
        except ValueError:
            yield BadItem("a ClaimReview block of the page is not valid JSON")
            continue
        yield from reviews_in(data, {})


# -- CSV --------------------------------------------------------------------------------------
#: Column names as spreadsheets and other tools spell them (compared without case, spaces,
#: underscores or hyphens) → the record's field.
CSV_HEADERS: dict[str, tuple[str, ...]] = {
    "claim": ("claim", "claimreviewed", "claimtext", "statement", "vclaim"),
    "title": (
        "title",
        "headline",
        "factchecktitle",
        "factcheckheadline",
        "reviewtitle",
        "reviewheadline",
    ),
    "rating": ("rating", "verdict", "textualrating", "alternatename", "ratinglabel", "ruling"),
    "url": ("url", "link", "reviewurl", "factcheckurl", "claimreviewurl", "address"),
    "publisher": (
        "publisher",
        "factchecker",
        "organisation",
        "organization",
        "author",
        "site",
        "publishername",
    ),
    "published": ("date", "published", "datepublished", "reviewdate", "publishdate", "reviewed"),
    "claimant": ("claimant", "speaker", "claimauthor", "saidby"),
    "language": ("language", "lang", "inlanguage", "languagecode"),
    "rating_value": ("ratingvalue", "value", "score"),
    "rating_best": ("bestrating", "ratingbest", "best"),
    "rating_worst": ("worstrating", "ratingworst", "worst"),
}
_HEADER_OF = {spelling: field for field, names in CSV_HEADERS.items() for spelling in names}
_CSV_FIELD_LIMIT = 1_000_000


def csv_field(header: str) -> str | None:
    """The record field a CSV column fills, or None for a column this reader does not use."""
    folded = "".join(ch for ch in header.casefold() if ch.isalnum())
    return _HEADER_OF.get(folded)


def read_csv(path: Path, on_bytes: Callable[[int], None] | None = None) -> Iterator[Item]:
    """One fact-check per row of a CSV (or tab-separated) file with a header line."""
    raw = io.BufferedReader(open_counted(path, on_bytes))
    with io.TextIOWrapper(raw, encoding="utf-8-sig", newline="") as handle:
        yield from read_csv_text(handle, path.name)


class CountedFile(io.RawIOBase):
    """A binary file that tells how far it has been read, for a progress bar."""

    def __init__(self, handle: io.BufferedReader, on_bytes: Callable[[int], None] | None) -> None:
        super().__init__()
        self._handle = handle
        self._on_bytes = on_bytes
        self.done = 0

    def readinto(self, buffer: Any) -> int:
        count = self._handle.readinto(buffer)
        self.done += count
        if self._on_bytes is not None:
            self._on_bytes(self.done)
        return count

    def readable(self) -> bool:
        return True

    def close(self) -> None:
        self._handle.close()
        super().close()


def open_counted(path: Path, on_bytes: Callable[[int], None] | None) -> CountedFile:
    """``path`` opened for reading in binary, counting the bytes read."""
    try:
        return CountedFile(path.open("rb"), on_bytes)
    except OSError as exc:
        raise IngestError(f"“{path.name}” could not be read ({exc.strerror or exc}).") from exc


def read_csv_text(handle: io.TextIOBase | Any, name: str) -> Iterator[Item]:
    """The rows of an open CSV text stream (see :func:`read_csv`)."""
    try:
        first = handle.readline()
    except UnicodeDecodeError as exc:
        raise IngestError(f"“{name}” is not UTF-8 text; save it as UTF-8 CSV.") from exc
    delimiter = max(",;\t", key=first.count)
    header = next(csv.reader([first], delimiter=delimiter), [])
    fields = [csv_field(h) for h in header]
    if "claim" not in fields:
        raise IngestError(
            f"“{name}” has no claim column: its first line must name the columns "
            "(claim, rating, url, publisher, date)."
        )
    csv.field_size_limit(_CSV_FIELD_LIMIT)
    reader = csv.reader(handle, delimiter=delimiter)
    line = 1
    try:
        for row in reader:
            line += 1
            if not any(cell.strip() for cell in row):
                continue
            values = {f: cell for f, cell in zip(fields, row, strict=False) if f}
            yield _csv_record(values, line)
    except UnicodeDecodeError:
        yield BadItem(f"line {line + 1} onwards is not UTF-8 text; the rest was not read")
    except csv.Error as exc:
        yield BadItem(f"line {line + 1} could not be read ({exc}); the rest was not read")


def _csv_record(values: dict[str, str], line: int) -> Item:
    claim = checked_claim(text_of(values.get("claim"), MAX_FACTCHECK_CLAIM + 1))
    if isinstance(claim, BadItem):
        return BadItem(f"line {line}: {claim.reason}")
    published = iso_date(values.get("published"))
    return FactCheckRecord(
        claim=claim,
        title=text_of(values.get("title")),
        rating=text_of(values.get("rating")),
        url=text_of(values.get("url")),
        publisher=text_of(values.get("publisher")),
        published=published[:10] if published else None,
        claimant=text_of(values.get("claimant")),
        language=text_of(values.get("language"), 35),
        rating_value=number_of(values.get("rating_value")),
        rating_best=number_of(values.get("rating_best")),
        rating_worst=number_of(values.get("rating_worst")),
        review_date=published,
    )
