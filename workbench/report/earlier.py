"""Earlier fact-checks a reviewer linked to a claim: listed on their own in the report.

A reviewer links one from the desk's "Checked before" panel, which adds it as a source of their
verdict. The report lists, per claim, every source whose address is a fact-check of the
library (imported from another organisation's ClaimReview, DataFeed or CSV), with what the
library holds about it: its claim, rating, publisher and date, and who linked it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .text import human_date

if TYPE_CHECKING:
    from workbench.store import Store

    from .data import ReportClaim


@dataclass(slots=True)
class ReportEarlier:
    """One earlier fact-check linked to a claim."""

    url: str
    claim: str
    rating: str | None
    publisher: str | None
    date: str | None
    #: The reviewers whose verdicts cite it.
    linked_by: list[str] = field(default_factory=list)

    @property
    def line(self) -> str:
        """``Publisher, date: rating`` as one line (the parts known)."""
        who = ", ".join(p for p in (self.publisher, human_date(self.date)) if p)
        rating = self.rating or "no rating given"
        return f"{who}: {rating}" if who else rating.capitalize()

    @property
    def linked_by_line(self) -> str:
        """Who linked it, in words."""
        return "Linked by " + " and ".join(self.linked_by) if self.linked_by else ""


def link_earlier(store: Store, claims: list[ReportClaim]) -> None:
    """Fill each claim's ``earlier`` from its verdicts' sources found in the library."""
    urls = {s.url for c in claims for v in c.verdicts for s in v.sources if s.url}
    if not urls:
        return
    known = store.imported_factchecks_at(sorted(urls))
    for c in claims:
        found: dict[str, ReportEarlier] = {}
        for v in c.verdicts:
            for s in v.sources:
                row = known.get(s.url or "")
                if row is None:
                    continue
                earlier = found.get(row["url"])
                if earlier is None:
                    earlier = found[row["url"]] = ReportEarlier(
                        url=row["url"],
                        claim=row["claim"],
                        rating=row["rating"],
                        publisher=row["publisher"],
                        date=row["review_date"] or row["published"],
                    )
                if v.reviewer not in earlier.linked_by:
                    earlier.linked_by.append(v.reviewer)
        c.earlier = list(found.values())
