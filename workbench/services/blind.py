"""Blind review: a reviewer sees the others' ratings of a claim only once they saved their own.

The one place the rule lives. While the database's ``blind_review`` setting is on, the desk hands
the window each claim as the current reviewer may see it (:meth:`BlindReview.shown`): until
their own RATED verdict is saved (a draft does not count), the other reviewers' verdicts, the
editor's final verdict, the other reviewers' lines in the claim's history and the team's rows in
the fact-check library for that claim are left out, and what was left out is counted, so that
each widget can say so calmly (:data:`HINT`). Saving a rating reveals them; so does giving the
claim's final verdict (the editor settling a claim is shown every reviewer's rating to do it).

The report, the exports, the agreement figures and the command line are not affected: they
read the store directly and are made after the review.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from workbench.model import ReviewedClaim
from workbench.settings import BLIND_REVIEW

if TYPE_CHECKING:
    from workbench.model import Reviewer
    from workbench.services.history import History, HistoryLine
    from workbench.store import Store

#: Said wherever something is hidden.
HINT = "Blind review: the others' ratings show once you save yours."
#: The history entries that carry a reviewer's judgement of a claim.
JUDGEMENT_ENTITIES = frozenset({"verdict", "source", "final_verdict"})


@dataclass(slots=True)
class BlindClaim(ReviewedClaim):
    """A claim as a blind reviewer sees it: only their own verdict, and how many are hidden."""

    #: How many verdicts of other reviewers (rated or in progress) are left out.
    hidden: int = 0


@dataclass(frozen=True, slots=True)
class BlindReview:
    """Whether, and for whom, the others' ratings are hidden (a value: safe on any thread)."""

    on: bool = False
    reviewer_id: str | None = None
    reviewer_name: str | None = None
    #: Where the team's rows in the fact-check library are hidden: the claims of this article
    #: (the one under review), or of every article when None (the library's own list).
    article_id: str | None = None

    @classmethod
    def of(cls, store: Store, reviewer: Reviewer | None) -> BlindReview:
        """The rule for ``reviewer`` in this database, as its setting stands now."""
        return cls(
            bool(BLIND_REVIEW.read(store.get_setting)),
            reviewer.id if reviewer else None,
            reviewer.name if reviewer else None,
        )

    def within(self, article_id: str | None) -> BlindReview:
        """The same rule, hiding the team's rows of ``article_id``'s claims only."""
        return replace(self, article_id=article_id)

    def reveals(self, rc: ReviewedClaim) -> bool:
        """True when the reviewer may see the others' ratings of this claim: they rated it, or
        gave its final verdict."""
        if not self.on:
            return True
        if self.reviewer_id is None:
            return False
        # The editor who settled the claim has seen the reviewers' ratings in doing so.
        if rc.final is not None and rc.final.editor_id == self.reviewer_id:
            return True
        mine = rc.verdict_by(self.reviewer_id)
        return mine is not None and not mine.is_draft

    def shown(self, rc: ReviewedClaim) -> ReviewedClaim:
        """``rc`` as the reviewer may see it: itself, or a :class:`BlindClaim` without the
        others' verdicts and the final verdict."""
        if self.reveals(rc):
            return rc
        others = [v for v in rc.verdicts if v.reviewer_id != self.reviewer_id]
        if not others and rc.final is None:
            return rc  # nothing to hide (also: already hidden)
        mine = [v for v in rc.verdicts if v.reviewer_id == self.reviewer_id]
        return BlindClaim(
            rc.claim, mine, final=None, dismissed_by_name=rc.dismissed_by_name, hidden=len(others)
        )

    def shown_all(self, claims: Iterable[ReviewedClaim]) -> list[ReviewedClaim]:
        """Every claim as the reviewer may see it."""
        return [self.shown(rc) for rc in claims]

    def hidden_team_claims(self, ratings: Mapping[str, Mapping[str, str | None]]) -> frozenset[str]:
        """Claims whose team row in the fact-check library the reviewer may not see yet.

        ``ratings`` is each claim's ratings by reviewer id (None: a draft), as
        ``Store.claim_ratings(article_id)`` gives them: a claim another reviewer rated and this
        one has not. The team's earlier fact-checks in other articles stay visible while an
        article is reviewed (``within``): they are earlier fact-checks, like imported ones.
        """
        if not self.on:
            return frozenset()
        me = self.reviewer_id
        return frozenset(
            claim_id
            for claim_id, by in ratings.items()
            if not (me is not None and by.get(me))
            and any(rating for who, rating in by.items() if who != me)
        )

    def shown_history(
        self,
        history: History,
        *,
        rated: bool = False,
        rated_numbers: Collection[int] = (),
    ) -> tuple[History, int]:
        """``history`` without the other reviewers' verdicts and sources of claims the reviewer
        has not rated, and how many lines were left out.

        ``rated``: for a claim's history, whether the reviewer rated that claim;
        ``rated_numbers``: for an article's, the numbers of the claims they rated.
        """
        if not self.on:
            return history, 0

        def hidden(line: HistoryLine) -> bool:
            if line.entity not in JUDGEMENT_ENTITIES:
                return False
            if self.reviewer_name is not None and line.who == self.reviewer_name:
                return False
            if history.kind == "claim":
                return not rated
            return line.claim_number not in rated_numbers

        kept = [line for line in history.lines if not hidden(line)]
        return replace(history, lines=kept), len(history.lines) - len(kept)


def hidden_count(rc: ReviewedClaim | None) -> int:
    """How many of the others' verdicts on ``rc`` blind review keeps from the reviewer."""
    return rc.hidden if isinstance(rc, BlindClaim) else 0


def hidden_cell(rc: ReviewedClaim) -> str:
    """The claims table's "Others' verdicts" cell for a claim whose verdicts are hidden."""
    count = hidden_count(rc)
    # The count first: a narrow column still shows it.
    return f"{count} hidden until you rate" if count else ""


def hidden_words(count: int, one: str = "other verdict", many: str = "other verdicts") -> str:
    """``2 other verdicts hidden``: the count stays visible, the ratings do not."""
    return f"{count} {one if count == 1 else many} hidden" if count else ""


def blind_hint(count: int, one: str = "other verdict", many: str = "other verdicts") -> str:
    """The hint with how much is hidden, or "" when nothing is."""
    return f"{HINT} ({hidden_words(count, one, many)})" if count else ""
