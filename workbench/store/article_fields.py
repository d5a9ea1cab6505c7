"""The article details a person may correct after import, and the checks each must pass.

Checked here, in the store, so the window, the command line and any later tool refuse the same
things with the same words, and nothing is written when one field is wrong.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from workbench.model import web_url_problem

from .errors import InvalidInputError

#: Fields of an article that can be edited; the text and its claims never change.
EDITABLE = ("title", "outlet", "author", "published", "url", "language", "summary")
_LANGUAGE = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})?")
_MAX_LINE = 500
_MAX_SUMMARY = 20_000


def _line(value: str | None, what: str) -> str | None:
    """One line of text, spaces tidied; "" means not known."""
    text = " ".join((value or "").split())
    if len(text) > _MAX_LINE:
        raise InvalidInputError(f"The {what} is too long (over {_MAX_LINE} characters).")
    return text or None


def _iso_date(value: str | None) -> str | None:
    """An ISO date (``2015-07-24``) or date-time; "" means not known."""
    text = (value or "").strip()
    if not text:
        return None
    try:
        if len(text) == 10:
            date.fromisoformat(text)
        else:
            datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise InvalidInputError(
            f"“{text[:40]}” is not a date; give it as year-month-day, such as 2015-07-24."
        ) from None
    return text


def checked(changes: dict[str, Any]) -> dict[str, Any]:
    """``changes`` cleaned and checked; raise :class:`InvalidInputError` naming the problem."""
    unknown = sorted(set(changes) - set(EDITABLE))
    if unknown:
        raise InvalidInputError(f"An article has no detail called {', '.join(unknown)}.")
    out: dict[str, Any] = {}
    for key, value in changes.items():
        if value is not None and not isinstance(value, str):
            raise InvalidInputError(f"The article's {key} must be text.")
        if key == "title":
            title = _line(value, "title")
            if not title:
                raise InvalidInputError("The title cannot be empty.")
            out[key] = title
        elif key in ("outlet", "author"):
            out[key] = _line(value, "outlet" if key == "outlet" else "author")
        elif key == "published":
            out[key] = _iso_date(value)
        elif key == "url":
            url = (value or "").strip()
            problem = web_url_problem(url, "article's address") if url else None
            if problem:
                raise InvalidInputError(problem)
            out[key] = url or None
        elif key == "language":
            code = (value or "").strip()
            if not _LANGUAGE.fullmatch(code):
                raise InvalidInputError(
                    f"“{code[:20]}” is not a language code; give one such as en, fr or pt-BR."
                )
            out[key] = code
        else:
            summary = (value or "").strip()
            if len(summary) > _MAX_SUMMARY:
                raise InvalidInputError(
                    f"The summary is too long (over {_MAX_SUMMARY:,} characters)."
                )
            out[key] = summary
    return out
