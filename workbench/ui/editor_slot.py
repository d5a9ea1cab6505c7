"""The verdict editor's place in the window; a read-only summary stands in where it is missing."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from workbench.model import RatingScale, ReviewedClaim, Reviewer


class ClaimSummary(QFrame):
    """The selected claim, its reasons and every verdict, read-only."""

    verdict_saved = Signal(str)
    sources_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("claimSummary")
        self.label = QLabel("Select a claim to review it.")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addWidget(self.label)
        layout.addStretch(1)

    def set_context(
        self,
        store: Any,
        reviewed: ReviewedClaim | None,
        reviewer: Reviewer | None,
        scale: RatingScale,
    ) -> None:
        """Show one claim (None: nothing selected)."""
        if reviewed is None:
            self.label.setText("Select a claim to review it.")
            return
        claim = reviewed.claim
        keys = "  ".join(f"<b>{n}</b> {_esc(label)}" for n, label in enumerate(scale.labels, 1))
        mine = reviewed.verdict_by(reviewer.id) if reviewer else None
        verdicts = "".join(
            f"<li><b>{_esc(v.reviewer_name or '')}</b>: {_esc(v.rating)}"
            + (f" — {_esc(v.rationale)}" if v.rationale else "")
            + (f" ({len(v.sources)} sources)" if v.sources else "")
            + "</li>"
            for v in reviewed.verdicts
        )
        self.label.setText(
            f"<p style='font-size:12pt'><b>{_esc(claim.claim)}</b></p>"
            f"<p>{_esc(claim.kind.label)} · score {claim.score:.2f}"
            + (f" · said by {_esc(claim.speaker)}" if claim.speaker else "")
            + f"</p><p>Why it was flagged: {_esc(', '.join(claim.reasons) or 'no reasons')}</p>"
            f"<p>Your verdict: <b>{_esc(mine.rating) if mine else 'none yet'}</b></p>"
            f"<p>Rate with the number keys: {keys}</p>"
            + (f"<p>Verdicts:</p><ul>{verdicts}</ul>" if verdicts else "")
        )


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def make_verdict_editor(undo_stack: QUndoStack, parent: QWidget | None = None) -> QWidget:
    """The verdict editor when it is installed, else the read-only summary."""
    try:
        from workbench.ui.verdict_editor import VerdictEditor
    except ImportError:
        return ClaimSummary(parent)
    return VerdictEditor(undo_stack=undo_stack, parent=parent)
