"""An editor's final verdict as the report prints it: the claim's verdict, above the reviewers'."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from workbench.model import ClaimState

from .text import human_date

if TYPE_CHECKING:
    from workbench.model import FinalVerdict, ReviewedClaim


@dataclass(slots=True)
class ReportFinal:
    """The final verdict on a claim, as printed and exported."""

    rating: str
    rating_value: int | None
    tone: str
    note: str
    editor: str
    created_at: str
    updated_at: str

    @property
    def line(self) -> str:
        """``Final verdict by Ana Lima on 3 March 2026: False``."""
        return f"{self.by_line}: {self.rating}"

    @property
    def by_line(self) -> str:
        """``Final verdict by Ana Lima on 3 March 2026`` (the rating is shown beside it)."""
        return f"Final verdict by {self.editor} on {human_date(self.updated_at)}"

    def to_dict(self) -> dict[str, object]:
        """Plain JSON types."""
        return {
            "rating": self.rating,
            "rating_value": self.rating_value,
            "note": self.note,
            "editor": self.editor,
            "created_at": self.created_at,
            "updated_at": self.updated_at,
        }


def report_dismissal(rc: ReviewedClaim) -> str | None:
    """``Dismissed by Ana Lima: not worth checking`` for a dismissed claim; None for an open one."""
    claim = rc.claim
    if claim.state is not ClaimState.DISMISSED:
        return None
    who = rc.dismissed_by_name or ("a reviewer" if claim.dismissed_by else None)
    text = f"Dismissed by {who}" if who else "Dismissed"
    reason = (claim.dismissed_reason or "").strip()
    return f"{text}: {reason[:1].lower() + reason[1:]}" if reason else text


def report_final(final: FinalVerdict | None, tone: str) -> ReportFinal | None:
    """The report's form of a claim's final verdict (None when it has none)."""
    if final is None:
        return None
    return ReportFinal(
        rating=final.rating,
        rating_value=final.rating_value,
        tone=tone,
        note=final.note,
        editor=final.editor_name or "an editor",
        created_at=final.created_at,
        updated_at=final.updated_at,
    )
