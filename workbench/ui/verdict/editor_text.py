"""What the verdict editor says: its status line, notes and the claim's description."""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench.model import Claim, Judgement, Verdict

if TYPE_CHECKING:
    from workbench.services.desk import Desk

#: Said when the reviewer asks to move on from a claim that has no rating yet.
RATING_NEEDED = (
    "This claim has no rating yet: press a number key (1–9) to rate it. What you wrote is kept "
    "as a draft. To move on without rating, press J or N."
)


def status_text(mine: Verdict | None, *, editing: bool) -> str:
    """The status line under the judgement: draft, saved, or still being typed."""
    if editing:
        return "Editing… saved when you pause or leave the field."
    if mine is None:
        return "Not rated yet. Choose a rating (keys 1–9); notes and sources are kept as a draft."
    if mine.is_draft:
        return (
            f"Draft saved · {mine.last_change[11:16]} UTC · in progress until you choose a "
            "rating (keys 1–9)."
        )
    return f"✓ Saved · {mine.last_change[11:16]} UTC"


def verdict_title(reviewer_name: str | None, mine: Verdict | None) -> str:
    """The heading over the reviewer's own judgement."""
    title = f"YOUR VERDICT · {reviewer_name or 'nobody chosen'}"
    return title + (" · IN PROGRESS" if mine is not None and mine.is_draft else "")


def claim_meta(claim: Claim) -> str:
    """Kind, speaker, score and state of a claim on one line."""
    parts = [claim.kind.label]
    if claim.speaker:
        parts.append(f"said by {claim.speaker}")
    parts.append(f"check-worthiness {round(claim.score * 100)}%")
    if claim.state.value == "dismissed":
        parts.append("dismissed")
    return " · ".join(parts)


def by_name(verdict: Verdict) -> str:
    """Sort key: the reviewer's name, case ignored."""
    return (verdict.reviewer_name or "").casefold()


def note_text(desk: Desk | None, has_reviewer: bool, has_claim: bool) -> str:
    """The note above the editor: read-only database, or nobody chosen to review."""
    if desk is not None and desk.read_only:
        return (
            f"“{desk.display_name}” is open read-only: you can read verdicts but not change them."
        )
    if desk is not None and not has_reviewer and has_claim:
        return "Choose who is reviewing before recording verdicts."
    return ""


def empty(judgement: Judgement) -> bool:
    """True when nothing is written or chosen: no draft is kept for it."""
    return not judgement.rationale and judgement.confidence is None
