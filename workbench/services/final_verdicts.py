"""Settling disagreement: an editor's final verdict per claim, the queue of claims that need one,
and why a claim was dismissed.

Any reviewer can act as editor: who gave a final verdict is recorded, not enforced. The queue
holds the open claims on which two or more reviewers gave different ratings (verdicts still in
progress never count) and that have no final verdict yet.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from workbench.dates import written
from workbench.model import Claim, ClaimState, FinalVerdict, ReviewedClaim
from workbench.store import InvalidInputError, NotFoundError

if TYPE_CHECKING:
    from workbench.store import Store

#: The reasons offered when a claim is dismissed; any other reason can be typed.
DISMISS_REASONS = (
    "An opinion, not a checkable fact",
    "Not worth checking",
    "A duplicate of another claim",
    "Cannot be checked",
)


@dataclass(frozen=True, slots=True)
class QueueItem:
    """A claim waiting for a final verdict: where it is, and what each reviewer said."""

    claim_id: str
    article_id: str
    article_title: str
    number: int | None
    claim: str
    #: (reviewer's name, rating) for each rated verdict, by name.
    ratings: tuple[tuple[str, str], ...]

    def to_dict(self) -> dict[str, object]:
        """Plain dict for JSON."""
        return {
            "claim_id": self.claim_id,
            "article_id": self.article_id,
            "article": self.article_title,
            "number": self.number,
            "claim": self.claim,
            "ratings": [{"reviewer": name, "rating": rating} for name, rating in self.ratings],
        }

    def line(self) -> str:
        """One line: who rated the claim how."""
        return "; ".join(f"{name}: {rating}" for name, rating in self.ratings)


def final_line(final: FinalVerdict) -> str:
    """``Final verdict by Ana Lima on 3 March 2026: False`` (the note is shown apart)."""
    editor = final.editor_name or "an editor"
    return f"Final verdict by {editor} on {written(final.updated_at)}: {final.rating}"


def dismissal_text(rc: ReviewedClaim) -> str | None:
    """``Dismissed by Ana Lima: not worth checking`` for a dismissed claim; None for an open one."""
    claim = rc.claim
    if claim.state is not ClaimState.DISMISSED:
        return None
    who = rc.dismissed_by_name or ("a reviewer" if claim.dismissed_by else None)
    text = f"Dismissed by {who}" if who else "Dismissed"
    reason = (claim.dismissed_reason or "").strip()
    return f"{text}: {reason[:1].lower() + reason[1:]}" if reason else text


def check_reason(reason: str) -> str:
    """A dismissal reason as stored, or :class:`InvalidInputError` when it is empty."""
    reason = " ".join((reason or "").split())
    if not reason:
        raise InvalidInputError("Say why the claim is dismissed; nothing was changed.")
    if len(reason) > 500:
        raise InvalidInputError(
            "Keep the reason for dismissing under 500 characters; nothing was changed."
        )
    return reason


def disagreement_queue(store: Store, article_id: str | None = None) -> list[QueueItem]:
    """The open claims (of one article, or all) whose reviewers disagree and that have no final
    verdict, in article order."""
    settled = store.settled_claim_ids()
    names = store.reviewer_names()
    titles: dict[str, str] = {}
    items = []
    for claim_id, ratings in store.claim_ratings(article_id).items():
        rated = {r: rating for r, rating in ratings.items() if rating is not None}
        if len(set(rated.values())) < 2 or claim_id in settled:
            continue
        claim = store.get_claim(claim_id)
        if claim.article_id not in titles:
            titles[claim.article_id] = store.get_article(claim.article_id).title
        by_name = sorted(
            ((names.get(r, "another reviewer"), rating) for r, rating in rated.items()),
            key=lambda pair: pair[0].casefold(),
        )
        items.append(
            QueueItem(
                claim_id=claim.id,
                article_id=claim.article_id,
                article_title=titles[claim.article_id] or "Untitled article",
                number=claim.number,
                claim=claim.claim,
                ratings=tuple(by_name),
            )
        )
    return items


def find_editor(store: Store, name: str) -> str:
    """The id of the reviewer called ``name``, who acts as editor."""
    reviewer = store.find_reviewer(name)
    if reviewer is None:
        raise NotFoundError(
            f"There is no reviewer called “{name}”; add them with "
            f'`workbench reviewers add "{name}"`. Nothing was changed.'
        )
    return reviewer.id


class FinalVerdicts:
    """One database's final verdicts as the desk reads and changes them, one undoable step each."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def get(self, claim_id: str) -> FinalVerdict | None:
        """A claim's final verdict, if any."""
        return self.store.final_verdict_for(claim_id)

    def reviewed(self, claim: Claim) -> ReviewedClaim | None:
        """The claim with every reviewer's verdict, as the editor settling it must see them
        (blind review or not); None when it is gone."""
        found = self.store.claims_for(claim.article_id)
        return next((rc for rc in found if rc.claim.id == claim.id), None)

    def unchanged(self, claim_id: str, rating: str, note: str, editor_id: str) -> bool:
        """True when giving this final verdict would change nothing."""
        current = self.get(claim_id)
        found = self.store.rating_scale().find(rating)
        return (
            current is not None
            and found is not None
            and (current.rating, current.note, current.editor_id)
            == (found.label, note.strip(), editor_id)
        )

    def give(self, claim_id: str, rating: str, note: str, editor_id: str) -> FinalVerdict:
        """Give (or replace) a claim's final verdict as ``editor_id``."""
        return self.store.set_final_verdict(claim_id, rating, editor_id=editor_id, note=note)

    def clear(self, claim_id: str, reviewer_id: str | None) -> FinalVerdict | None:
        """Remove a claim's final verdict; returns it, None when there was none."""
        return self.store.clear_final_verdict(claim_id, reviewer_id=reviewer_id)

    def put(self, claim_id: str, final: FinalVerdict | None, reviewer_id: str | None) -> None:
        """Make a claim's final verdict exactly ``final`` again (undo and redo)."""
        self.store.put_final_verdict(claim_id, final, reviewer_id=reviewer_id)

    def queue(self, article_id: str | None = None) -> list[QueueItem]:
        """The claims waiting for a final verdict."""
        return disagreement_queue(self.store, article_id)

    def dismiss(self, claim_id: str, reviewer_id: str | None, reason: str) -> None:
        """Dismiss a claim, recording who and why."""
        self.store.dismiss_claim(claim_id, reviewer_id=reviewer_id, reason=check_reason(reason))

    def put_dismissal(self, before: Claim) -> None:
        """Put a claim's state, who dismissed it and why, back as ``before`` had them (undo)."""
        if before.state is ClaimState.DISMISSED:
            self.store.dismiss_claim(
                before.id, reviewer_id=before.dismissed_by, reason=before.dismissed_reason
            )
        else:
            self.store.undismiss_claim(before.id)


# -- the history's words for final verdicts (see services.history_words) --------------------------
def _final_record(event: dict[str, Any], side: str) -> dict[str, Any]:
    value = event.get(side)
    return value if isinstance(value, dict) else {}


def _final_given(event: dict[str, Any]) -> str:
    return f"gave the final verdict {_final_record(event, 'after').get('rating')}"


def _final_changed(event: dict[str, Any]) -> str:
    before, after = _final_record(event, "before"), _final_record(event, "after")
    if before.get("rating") != after.get("rating"):
        return f"changed the final verdict to {after.get('rating')} (was: {before.get('rating')})"
    return f"edited the final verdict {after.get('rating')}"


def _final_removed(event: dict[str, Any]) -> str:
    return f"removed the final verdict {_final_record(event, 'before').get('rating')}"


def _final_put_back(event: dict[str, Any]) -> str:
    return f"put back the final verdict {_final_record(event, 'after').get('rating')}"


#: The wording of each change to a final verdict that the store logs.
HISTORY_WORDINGS = {
    ("add", "final_verdict"): _final_given,
    ("update", "final_verdict"): _final_changed,
    ("delete", "final_verdict"): _final_removed,
    ("restore", "final_verdict"): _final_put_back,
}
