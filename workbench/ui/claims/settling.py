"""How the claims table tells a claim's settling: its final verdict, or that it needs one, and
who dismissed it and why."""

from __future__ import annotations

from workbench.model import ReviewedClaim
from workbench.services.final_verdicts import dismissal_text, final_line

#: Marks a claim's final verdict in the table (with the rating: never the mark alone).
FINAL_MARK = "⚖"


def team_lines(rc: ReviewedClaim) -> list[str]:
    """The tooltip's lines on settling: the final verdict, or that one is needed; who dismissed
    the claim and why."""
    lines = []
    if rc.final is not None:
        lines.append(final_line(rc.final) + (f" — {rc.final.note}" if rc.final.note else ""))
    elif rc.needs_final:
        lines.append("Needs a final verdict: the reviewers disagree")
    dismissal = dismissal_text(rc)
    if dismissal:
        lines.append(dismissal)
    return lines
