"""The fact-check library as a list to browse: one page of matches and how many there are.

The library view shows at most :data:`SHOWN_AT_MOST` items and says how many more match: a
reviewer looking for one fact-check narrows the search rather than scrolls through 100,000,
and a short page keeps every keystroke in the search field quick.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from workbench.services.desk import Desk

#: The most items a library view lists at once.
SHOWN_AT_MOST = 500
#: The rating shown for the team's row of a claim blind review keeps from the reviewer.
HIDDEN_RATING = "hidden until you rate"
#: What each origin is called in the desk.
ORIGIN_NAMES = {"import": "imported", "team": "our team"}


@dataclass(frozen=True, slots=True)
class LibraryItem:
    """One fact-check as a list shows it."""

    id: str
    claim: str
    title: str | None
    rating: str | None
    publisher: str | None
    date: str | None
    origin: str
    url: str | None

    @property
    def origin_name(self) -> str:
        """``imported`` or ``our team``, as the desk says it."""
        return ORIGIN_NAMES.get(self.origin, self.origin)


@dataclass(frozen=True, slots=True)
class LibraryPage:
    """The first items that match a search, and how many match in all."""

    items: list[LibraryItem]
    total: int

    @property
    def more(self) -> bool:
        """True when more items match than are listed."""
        return self.total > len(self.items)


def bring_team_in(desk: Desk) -> bool:
    """Bring the team's rated verdicts into the library before it is listed; True when it changed.

    A file opened read-only is listed as it was last written.
    """
    if desk.read_only:
        return False
    return desk.store.sync_team_factchecks()


def library_page(
    desk: Desk, text: str = "", origin: str | None = None, limit: int = SHOWN_AT_MOST
) -> LibraryPage:
    """The newest ``limit`` fact-checks whose claim or headline has every word of ``text``.

    ``origin`` is ``import`` or ``team``; None lists both.
    """
    rows, total = desk.store.list_factchecks(text=text or None, origin=origin or None, limit=limit)
    # Blind review (services.blind): the team's rating of a claim the reviewer has not rated
    # yet is masked, not left out, so that the counts and pages stay right.
    blind = desk.blind_review()
    hidden = blind.hidden_team_claims(desk.store.claim_ratings()) if blind.on else frozenset()
    return LibraryPage([_item(row, hidden) for row in rows], total)


def _item(row: dict[str, Any], hidden: frozenset[str] = frozenset()) -> LibraryItem:
    date = str(row.get("published") or row.get("review_date") or "")[:10] or None
    return LibraryItem(
        id=str(row["id"]),
        claim=row.get("claim") or "",
        title=row.get("title"),
        rating=HIDDEN_RATING if row.get("claim_id") in hidden else row.get("rating"),
        publisher=row.get("publisher"),
        date=date,
        origin=str(row.get("origin") or ""),
        url=row.get("url"),
    )
