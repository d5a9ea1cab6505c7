"""How a claim looks: its review state, told by colour and by a text marker (never colour alone)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from PySide6.QtGui import QBrush, QColor

from workbench.model import ClaimState, ReviewedClaim


@dataclass(frozen=True, slots=True)
class Look:
    """Marker, label and colours of one state."""

    marker: str
    label: str
    fill: QColor
    edge: QColor

    @property
    def brush(self) -> QBrush:
        """The fill as a brush (made once: table cells ask for it on every paint)."""
        return _BRUSHES.setdefault(self.marker, QBrush(self.fill))


class ReviewState(Enum):
    """A claim's state as the current reviewer sees it."""

    UNREVIEWED = "unreviewed"
    MINE = "mine"
    DISAGREE = "disagree"
    DISMISSED = "dismissed"

    @property
    def look(self) -> Look:
        """Its marker and colours."""
        return LOOKS[self]


LOOKS = {
    ReviewState.UNREVIEWED: Look(
        "●", "Not yet reviewed by you", QColor("#fff0b3"), QColor("#b07d00")
    ),
    ReviewState.MINE: Look("✓", "You gave a verdict", QColor("#d5efd9"), QColor("#2e7d32")),
    ReviewState.DISAGREE: Look("≠", "Reviewers disagree", QColor("#fbd9cf"), QColor("#b23c17")),
    ReviewState.DISMISSED: Look("✕", "Dismissed", QColor("#ececec"), QColor("#7a7a7a")),
}

_BRUSHES: dict[str, QBrush] = {}

#: The claim that is selected in the table gets this outline colour and fill.
CURRENT_FILL = QColor("#bcd7f5")
CURRENT_EDGE = QColor("#1f5fa8")


def review_state(rc: ReviewedClaim, reviewer_id: str | None) -> ReviewState:
    """Dismissed beats disagreement, which beats the reviewer's own verdict.

    A draft (no rating yet) leaves the claim not yet reviewed: it still needs a rating.
    """
    if rc.claim.state is ClaimState.DISMISSED:
        return ReviewState.DISMISSED
    if rc.disagreement:
        return ReviewState.DISAGREE
    mine = rc.verdict_by(reviewer_id) if reviewer_id is not None else None
    if mine is not None and not mine.is_draft:
        return ReviewState.MINE
    return ReviewState.UNREVIEWED
