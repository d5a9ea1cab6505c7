"""Correcting an article's details and writing its summary: shared by the window and the CLI.

Dates are accepted the way people type them ("24 July 2015", "24/07/2015", "2015-07-24") and
stored as ISO dates; every other check is the store's, so nothing is written when one field is
wrong.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import TYPE_CHECKING, Any

from workbench.model import Article
from workbench.store.errors import InvalidInputError

if TYPE_CHECKING:
    from workbench.store import Store

#: The forms a typed date may take, day before month where it is ambiguous (as in most
#: newsrooms outside the United States); ISO dates and date-times are tried first.
DATE_FORMATS = (
    "%d %B %Y", "%d %b %Y", "%B %d %Y", "%b %d %Y", "%d/%m/%Y", "%d.%m.%Y", "%d-%m-%Y",
    "%Y/%m/%d", "%Y.%m.%d",
)  # fmt: skip
_ORDINAL = re.compile(r"(?<=\d)(?:st|nd|rd|th)\b", re.IGNORECASE)


def parse_date_text(text: str | None) -> str | None:
    """A typed date as ``YYYY-MM-DD`` (or the ISO date-time as given); None when empty.

    Raises :class:`InvalidInputError` for text that is no date in any of the accepted forms.
    """
    value = " ".join((text or "").split())
    if not value:
        return None
    try:
        datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        pass
    else:
        return value
    cleaned = _ORDINAL.sub("", value.replace(",", " "))
    cleaned = " ".join(cleaned.split())
    for form in DATE_FORMATS:
        try:
            return datetime.strptime(cleaned, form).date().isoformat()
        except ValueError:
            continue
    raise InvalidInputError(
        f"“{value[:40]}” is not a date the workbench can read; type it as 24 July 2015, "
        "24/07/2015 or 2015-07-24."
    )


def edit_article(
    store: Store, article_id: str, *, reviewer_id: str | None = None, **fields: Any
) -> Article:
    """Change some of an article's details; the change is recorded in the history."""
    if "published" in fields:
        fields["published"] = parse_date_text(fields["published"])
    return store.update_article(article_id, reviewer_id=reviewer_id, **fields)


def check_details(fields: dict[str, Any]) -> dict[str, Any]:
    """``fields`` as they would be saved, or :class:`InvalidInputError`; nothing is written."""
    from workbench.store.article_fields import checked

    fields = dict(fields)
    if "published" in fields:
        fields["published"] = parse_date_text(fields["published"])
    return checked(fields)


def details_of(article: Article) -> dict[str, Any]:
    """The editable details of ``article`` (to put back on undo)."""
    from workbench.store.article_fields import EDITABLE

    return {key: getattr(article, key) for key in EDITABLE}
