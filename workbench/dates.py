"""Dates as people type them ("2015-12-04", "4 Dec 2015", "December 4, 2015", "04/12/2015"),
read the same way by every field of the window and every option of the command line.

No Qt here: the services and the command line use it too.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from dateutil import parser as date_parser

_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_YEAR_FIRST = re.compile(r"^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\s*$")
# Two defaults that differ in day, month and year: a part missing from the text shows up as a
# difference between the two readings.
_DEFAULTS = (datetime(1901, 1, 1), datetime(1902, 2, 2))
EXAMPLES = "2015-12-04, 4 Dec 2015, December 4, 2015 or 04/12/2015 (day first)"


class DateProblem(ValueError):
    """Typed text that is not a whole, real date; the message says how to write one."""


def parse_date(text: str) -> date | None:
    """The date ``text`` stands for; None for an empty text; :class:`DateProblem` otherwise.

    Numbers separated by slashes, dots or dashes are read day first (04/12/2015 is 4 December),
    except a leading four-digit year (2015-12-04, 2015/12/04).
    """
    text = " ".join(text.split())
    if not text:
        return None
    shown = f"“{text}”"
    year_first = _YEAR_FIRST.match(text)
    try:
        if year_first:
            return date(*(int(part) for part in year_first.groups()))
        readings = {
            date_parser.parse(text, dayfirst=True, default=default).date() for default in _DEFAULTS
        }
    except (ValueError, OverflowError) as exc:
        if "day is out of range" in str(exc):
            raise DateProblem(f"{shown} is not a real date: that month has no such day.") from exc
        raise DateProblem(f"{shown} is not a date. Write it as {EXAMPLES}.") from exc
    if len(readings) > 1:
        raise DateProblem(f"{shown} needs a day, a month and a year, e.g. 4 Dec 2015.")
    found = readings.pop()
    if not 1000 <= found.year <= 2999:
        raise DateProblem(f"{shown} has no plausible year. Write it as {EXAMPLES}.")
    return found


def long_date(day: date) -> str:
    """A date written out, e.g. "4 December 2015" (never in a locale's own order)."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def short_date(day: date) -> str:
    """A date as shown in the field, e.g. "4 Dec 2015"."""
    return f"{day.day} {_MONTHS[day.month - 1][:3]} {day.year}"


_ISO_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{1,2}))?$")
_MONTH_YEAR = ("%B %Y", "%b %Y")


def parse_when(text: str | None, *, partial: bool = False) -> str | None:
    """A typed date as stored: ``YYYY-MM-DD``; an ISO date-time is kept as given (page metadata
    carries them); None for an empty text. With ``partial``, a month ("March 2024", "2024-03")
    or a year alone ("2024") is allowed too, for when a claim was made.

    Raises :class:`DateProblem` with a message that says how to write a date.
    """
    text = " ".join((text or "").split())
    if not text:
        return None
    if "T" in text and len(text) > 10:
        try:
            datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            pass
        else:
            return text
    if partial:
        month = _partial(text)
        if month:
            return month
    day = parse_date(text)
    return day.isoformat() if day else None


def _partial(text: str) -> str | None:
    """``YYYY-MM`` or ``YYYY`` for a month or a year alone, else None."""
    iso = _ISO_PARTIAL.match(text)
    if iso:
        year, month = iso.groups()
        if month is None:
            return year if 1000 <= int(year) <= 2999 else None
        return f"{year}-{int(month):02d}" if 1 <= int(month) <= 12 else None
    for form in _MONTH_YEAR:
        try:
            return datetime.strptime(text.replace(",", " "), form).strftime("%Y-%m")
        except ValueError:
            continue
    return None
