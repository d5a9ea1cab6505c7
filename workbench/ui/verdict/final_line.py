"""The final verdict's line near the top of the verdict editor, above the others' verdicts."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QBoxLayout, QLabel, QWidget

from workbench.services.final_verdicts import final_line

if TYPE_CHECKING:
    from workbench.model import FinalVerdict, ReviewedClaim
    from workbench.ui.verdict.verdict_editor import VerdictEditor

STYLE = (
    "QLabel { background: #f6f1e1; border: 1px solid #dccb94; border-left: 4px solid #8a6d1c;"
    " border-radius: 4px; padding: 6px 8px; }"
)
#: The line keeps this much of the note; the tooltip holds all of it.
NOTE_CHARS = 160


class FinalVerdictLine(QLabel):
    """``Final verdict by Ana Lima on 3 March 2026: False — “note”``; hidden when there is none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(True)
        self.setStyleSheet(STYLE)
        self.setObjectName("finalVerdictLine")
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._plain = ""
        self.set_final(None)

    def set_final(self, final: FinalVerdict | None) -> None:
        """Show this final verdict (None hides the line)."""
        if final is None:
            self._plain = ""
            self.clear()
            self.setToolTip("")
            self.hide()
            return
        head = final_line(final)
        note = " ".join(final.note.split())
        short = note if len(note) <= NOTE_CHARS else note[:NOTE_CHARS].rsplit(" ", 1)[0] + "…"
        self._plain = head + (f" — “{short}”" if short else "")
        # Names and notes come from people's typing: escaped, never rendered as HTML.
        self.setText(
            f"<b>{html.escape(head)}</b>" + (f" — “{html.escape(short)}”" if short else "")
        )
        self.setToolTip(head + (f"\n\n{final.note}" if final.note else ""))
        self.setAccessibleDescription(self._plain)
        self.show()

    def plain_text(self) -> str:
        """The line as plain text ("" when hidden)."""
        return self._plain


def attach(editor: VerdictEditor) -> FinalVerdictLine:
    """Put a final verdict line into the editor, just above the other reviewers' lines."""
    line = FinalVerdictLine()
    form = editor.content.layout()
    if isinstance(form, QBoxLayout):
        form.insertWidget(max(0, form.indexOf(editor.others_summary)), line)
    return line


def with_team(fresh: ReviewedClaim, shown: ReviewedClaim | None) -> ReviewedClaim:
    """``fresh`` keeping the final verdict and dismisser of the claim as the window read it."""
    if shown is None or shown.claim.id != fresh.claim.id:
        return fresh
    fresh.final, fresh.dismissed_by_name = shown.final, shown.dismissed_by_name
    return fresh
