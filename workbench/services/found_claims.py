"""Saving the claims found in an article: the best N are kept, the rest are counted.

An article of a few thousand words yields a few dozen candidates; a long report can yield tens
of thousands, most of them weak, which nobody can triage and which slow every list, search and
check. So only the ``max_claims_per_article`` highest-scoring candidates are stored, and the
article remembers how many more there were and how high they scored. Finding claims again with a
larger number stores the next best ones and leaves every claim already stored (with its
verdicts) as it is.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import Any

from workbench.model import Claim
from workbench.settings import CLAIMS_LEFT_OUT, MAX_CLAIMS
from workbench.store import InvalidInputError, Store

#: The per-database setting: how many found claims are stored per article.
MAX_CLAIMS_SETTING = MAX_CLAIMS.key
DEFAULT_MAX_CLAIMS: int = MAX_CLAIMS.default
#: The most that Preferences and ``--keep`` accept.
MAX_CLAIMS_LIMIT = int(MAX_CLAIMS.maximum or 0)
#: The article setting that says what the last claim finding left out.
LEFT_OUT_NAME = CLAIMS_LEFT_OUT.key


@dataclass(frozen=True)
class LeftOut:
    """Candidates that claim finding scored but did not store, because of the per-article limit."""

    count: int
    #: The highest score among the candidates left out.
    best_score: float
    #: The lowest score among the candidates kept.
    lowest_kept: float
    #: The number of claims per article that was in force.
    limit: int

    def to_dict(self) -> dict[str, Any]:
        """The JSON form kept with the article."""
        return {
            "count": self.count,
            "best_score": self.best_score,
            "lowest_kept": self.lowest_kept,
            "limit": self.limit,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> LeftOut:
        """Read the JSON form back."""
        return cls(
            int(data["count"]),
            float(data["best_score"]),
            float(data["lowest_kept"]),
            int(data["limit"]),
        )

    def summary(self) -> str:
        """How many candidates were not kept, and how high they scored."""
        more = "1 more candidate" if self.count == 1 else f"{self.count:,} more candidates"
        were = "was" if self.count == 1 else "were"
        return (
            f"{more} scoring {self.best_score:.2f} or less {were} not kept "
            f"(only the best {self.limit:,} claims of an article are)"
        )

    def message(self) -> str:
        """The summary with the way to get the rest in the window."""
        return (
            f"{self.summary()}. To add them, raise “Claims kept per article” in Preferences, "
            "then choose Review ▸ Find claims in this article."
        )


@dataclass(frozen=True)
class Choice:
    """The candidates to store and what is left out."""

    new: list[Claim]
    left_out: LeftOut | None


def check_max_claims(value: object) -> int:
    """``value`` as a number of claims to keep per article, or :class:`InvalidInputError`."""
    problem = MAX_CLAIMS.problem(value)
    if problem:
        raise InvalidInputError(problem)
    return value  # type: ignore[return-value]


def claims_kept_per_article(store: Store) -> int:
    """The database's ``max_claims_per_article`` setting, else :data:`DEFAULT_MAX_CLAIMS`."""
    # A value edited by hand into the file counts as the default: it must not stop claim finding.
    return MAX_CLAIMS.read(store.get_setting)


def choose_claims(candidates: list[Claim], keep: int, stored: Sequence[Claim] = ()) -> Choice:
    """The best ``keep`` candidates that are not already stored, and what is left out.

    A candidate overlapping a stored claim is that claim found again: it is neither added nor
    counted, so finding again never duplicates a claim, nor one the reviewer moved or marked.
    """
    keep = check_max_claims(keep)
    # Highest score first; among equals the earlier text first, so the choice is repeatable.
    ranked = sorted(candidates, key=lambda c: (-c.score, c.start, c.end))
    best, rest = ranked[:keep], ranked[keep:]
    covered = _Spans(stored)
    new = sorted((c for c in best if not covered.overlaps(c)), key=lambda c: (c.start, c.end))
    left = [c for c in rest if not covered.overlaps(c)]
    if not left:
        return Choice(new, None)
    return Choice(new, LeftOut(len(left), left[0].score, best[-1].score, keep))


def left_out(store: Store, article_id: str) -> LeftOut | None:
    """What the last claim finding in this article left out, if anything."""
    data = store.get_article_setting(article_id, LEFT_OUT_NAME)
    if not data:
        return None
    try:
        return LeftOut.from_dict(data)
    except (KeyError, TypeError, ValueError):
        return None


def save_choice(
    store: Store, article_id: str, choice: Choice, *, reviewer_id: str | None = None
) -> list[Claim]:
    """Store the chosen claims and what was left out, in one transaction."""
    with store.write():
        if choice.new:
            store.add_claims(article_id, choice.new, reviewer_id=reviewer_id)
        remember_left_out(store, article_id, choice.left_out)
    return choice.new


def remember_left_out(store: Store, article_id: str, left: LeftOut | None) -> None:
    """Keep with the article what claim finding left out (None forgets an earlier count)."""
    store.set_article_setting(article_id, LEFT_OUT_NAME, left.to_dict() if left else None)


class _Spans:
    """Stored claim spans, asked whether a candidate overlaps any of them (fast for many)."""

    def __init__(self, claims: Sequence[Claim]) -> None:
        spans = sorted((c.start, c.end) for c in claims)
        self.starts = [s for s, _ in spans]
        # The furthest end among the spans starting at or before each position.
        self.reach = list(accumulate((e for _, e in spans), max))

    def overlaps(self, claim: Claim) -> bool:
        before = bisect_left(self.starts, claim.end)
        return before > 0 and self.reach[before - 1] > claim.start
