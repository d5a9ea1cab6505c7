"""Text helpers shared by the renderers: quote context, appendix segments, dates, file names."""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, date, datetime

from workbench.dates import long_date, month_year, short_date

#: Words of article text shown on each side of a quote.
CONTEXT_WORDS = 12

#: Characters of a long web address shown in the PDF (the link keeps the whole address).
URL_DISPLAY_CHARS = 80

# Embeddings, overrides and isolates reorder all the text after them (U+202E shows "exe.txt" as
# "txt.exe"), so a report shows user text without them; the plain marks (LRM, RLM, ALM) stay:
# they only nudge neutral characters, and right-to-left writing needs them.
_BIDI_RUNS = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))


@dataclass(frozen=True, slots=True)
class Span:
    """A numbered claim span in the article text."""

    number: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of appendix text; ``numbers`` are the claims covering it, ``markers`` those starting here."""

    text: str
    numbers: tuple[int, ...] = ()
    markers: tuple[int, ...] = ()

    @property
    def is_claim(self) -> bool:
        """True when at least one claim covers this text."""
        return bool(self.numbers)


def context_around(text: str, start: int, end: int, words: int = CONTEXT_WORDS) -> tuple[str, str]:
    """A few words of the same paragraph before and after ``text[start:end]``, with ellipses."""
    para_start = text.rfind("\n", 0, start) + 1
    para_end = text.find("\n", end)
    if para_end < 0:
        para_end = len(text)
    before_words = text[para_start:start].split(" ")
    after_words = text[end:para_end].split(" ")
    before = " ".join(before_words[-words - 1 :])
    after = " ".join(after_words[: words + 1])
    if len(before_words) > words + 1:
        before = "…" + before
    if len(after_words) > words + 1:
        after = after + "…"
    return before, after


def appendix_paragraphs(text: str, spans: list[Span]) -> list[list[Segment]]:
    """Split the article into paragraphs of segments; overlapping claims are handled."""
    cuts = {0, len(text)}
    for span in spans:
        cuts.update((span.start, span.end))
    pos = 0
    while (nl := text.find("\n", pos)) >= 0:
        cuts.update((nl, nl + 1))
        pos = nl + 1
    bounds = sorted(cuts)
    paragraphs: list[list[Segment]] = [[]]
    for a, b in itertools.pairwise(bounds):
        piece = text[a:b]
        if piece == "\n":
            paragraphs.append([])
            continue
        covering = tuple(s.number for s in spans if s.start <= a and b <= s.end)
        starting = tuple(s.number for s in spans if s.start == a)
        paragraphs[-1].append(Segment(piece, covering, starting))
    return [p for p in paragraphs if any(seg.text.strip() for seg in p)]


def without_bidi_runs(text: str) -> str:
    """``text`` without the controls that reorder the text around it."""
    return text.translate(_BIDI_RUNS)


def display_url(url: str, limit: int = URL_DISPLAY_CHARS) -> str:
    """A web address short enough to print: host and the start of the path, then "…"."""
    if len(url) <= limit:
        return url
    return url[: limit - 1] + "…"


def parse_date(value: str | None) -> date | datetime | None:
    """An ISO 8601 date or date-time, or None when ``value`` is not one."""
    if not value:
        return None
    value = value.strip()
    try:
        if len(value) == 10:
            return date.fromisoformat(value)
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed.astimezone(UTC) if parsed.tzinfo else parsed


def human_date(value: str | None, *, with_time: bool = False) -> str:
    """A date as people write it (``27 April 2015``, ``March 2024`` for a month alone); text
    that is not ISO is kept as it is."""
    parsed = parse_date(value)
    if parsed is None:
        month = re.fullmatch(r"(\d{4})-(\d{2})", (value or "").strip())
        if month and 1 <= int(month.group(2)) <= 12:
            return month_year(int(month.group(1)), int(month.group(2)))
        return value or ""
    if with_time and isinstance(parsed, datetime):
        zone = " UTC" if parsed.tzinfo else ""
        return f"{short_date(parsed)}, {parsed:%H:%M}{zone}"
    return long_date(parsed)


def iso_day(value: str | None) -> str | None:
    """The ``YYYY-MM-DD`` part of an ISO date, or None when ``value`` is not ISO."""
    parsed = parse_date(value)
    return None if parsed is None else parsed.strftime("%Y-%m-%d")


def slugify(title: str, fallback: str = "report") -> str:
    """A short, safe file-name stem made from an article title."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^A-Za-z0-9]+", "-", ascii_title).strip("-").lower()
    if len(slug) > 60:
        slug = slug[:61].rsplit("-", 1)[0]
    return slug or fallback
