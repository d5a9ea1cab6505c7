"""Dates as people type them ("2015-12-04", "4 Dec 2015", "December 4, 2015", "04/12/2015"),
read the same way by every field of the window and every option of the command line.

No Qt here: the services and the command line use it too.
"""

from __future__ import annotations

import re
from datetime import date, datetime

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
#: A stored date: ``YYYY-MM-DD`` (perhaps followed by a time).
ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")
#: 20151204, as some systems write dates: year, month, day.
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
#: 04/12/2015, 4.12.2015, 04-12-2015: day, month, year.
_DAY_FIRST = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
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
    year_first = _YEAR_FIRST.match(text) or _COMPACT.match(text)
    day_first = _DAY_FIRST.match(text)
    try:
        if year_first:
            found = date(*(int(part) for part in year_first.groups()))
            return _plausible(found, shown)
        if day_first:
            # Read day first, always: 12/13/2015 is refused rather than read month first.
            day, month, year = (int(part) for part in day_first.groups())
            if month > 12:
                raise DateProblem(
                    f"{shown} has no month {month}: numbers are read day first "
                    f"({day_first.group(1)} is the day). Write it as {EXAMPLES}."
                )
            return _plausible(date(year, month, day), shown)
        from dateutil import parser as date_parser  # read on first use, not at start-up

        readings = {
            date_parser.parse(text, dayfirst=True, default=default).date() for default in _DEFAULTS
        }
    except DateProblem:
        raise
    except (ValueError, OverflowError) as exc:
        if "day is out of range" in str(exc):
            raise DateProblem(f"{shown} is not a real date: that month has no such day.") from exc
        raise DateProblem(f"{shown} is not a date. Write it as {EXAMPLES}.") from exc
    if len(readings) > 1:
        raise DateProblem(f"{shown} needs a day, a month and a year, e.g. 4 Dec 2015.")
    return _plausible(readings.pop(), shown)


def _plausible(found: date, shown: str) -> date:
    """``found``, unless its year is not one a fact-check can be about."""
    if not 1000 <= found.year <= 2999:
        raise DateProblem(f"{shown} has no plausible year. Write it as {EXAMPLES}.")
    return found


def written(iso: str) -> str:
    """A stored date as people read it: "4 December 2015", "March 2024" or "2024"."""
    if len(iso) >= 10:
        return long_date(date.fromisoformat(iso[:10]))
    if len(iso) == 7:
        return month_year(int(iso[:4]), int(iso[5:7]))
    return iso


def month_year(year: int, month: int) -> str:
    """A month written out, e.g. "March 2024" (English, whatever the computer's language)."""
    return f"{_MONTHS[month - 1]} {year}"


def long_date(day: date) -> str:
    """A date written out, e.g. "4 December 2015" (never in a locale's own order)."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def short_date(day: date) -> str:
    """A date as shown in the field, e.g. "4 Dec 2015"."""
    return f"{day.day} {_MONTHS[day.month - 1][:3]} {day.year}"


_ISO_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{1,2}))?$")
_MONTH_NAME_YEAR = re.compile(r"^([A-Za-z]+)\.?,? (\d{4})$")


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
    named = _MONTH_NAME_YEAR.match(text)
    month = _month_number(named.group(1)) if named else None
    if named and month:
        return f"{named.group(2)}-{month:02d}"
    return None


def _month_number(word: str) -> int | None:
    """1–12 for an English month name or its abbreviation ("Mar", "Sept"), else None."""
    word = word.lower()
    for number, name in enumerate(_MONTHS, 1):
        if len(word) >= 3 and name.lower().startswith(word):
            return number
    return 9 if word == "sept" else None
