"""Correcting an article's details and writing its summary: shared by the window and the CLI.

Dates are accepted the way people type them ("24 July 2015", "24/07/2015", "2015-07-24") and
stored as ISO dates; every other check is the store's, so nothing is written when one field is
wrong.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from workbench.dates import DateProblem, parse_when
from workbench.model import Article
from workbench.store.errors import InvalidInputError

if TYPE_CHECKING:
    from workbench.store import Store


def parse_date_text(text: str | None) -> str | None:
    """A typed date as ``YYYY-MM-DD`` (or the ISO date-time as given); None when empty.

    Raises :class:`InvalidInputError` for text that is no date in any of the accepted forms.
    """
    try:
        return parse_when(text)
    except DateProblem as exc:
        raise InvalidInputError(f"{exc} Nothing was changed.") from None


def edit_article(
    store: Store, article_id: str, *, reviewer_id: str | None = None, **fields: Any
) -> Article:
    """Change some of an article's details; the change is recorded in the history."""
    if "published" in fields:
        fields["published"] = parse_date_text(fields["published"])
    return store.update_article(article_id, reviewer_id=reviewer_id, **fields)


def put_article_details(
    store: Store, article_id: str, values: dict[str, Any], *, reviewer_id: str | None = None
) -> Article:
    """Put details back exactly as they were stored (undo and redo of an edit)."""
    return store.update_article(article_id, reviewer_id=reviewer_id, as_stored=True, **values)


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
