"""Review ▸ Final verdict…: an editor settles a claim with the rating the report publishes."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workbench.model import FinalVerdict, RatingScale, ReviewedClaim
from workbench.ui.common.dialogs import NOTE_STYLE, ErrorLine, ValidatedDialog, answer_of

#: The first entry of the rating list while no rating is chosen.
CHOOSE = "Choose a rating…"


@dataclass(frozen=True, slots=True)
class FinalAnswer:
    """What the editor decided: a rating and note to save, or to remove the final verdict."""

    rating: str | None
    note: str = ""
    remove: bool = False


class FinalVerdictDialog(ValidatedDialog):
    """The rating from the scale and a note; Ctrl+Return saves, Escape cancels."""

    def __init__(
        self,
        reviewed: ReviewedClaim,
        scale: RatingScale,
        editor: str,
        current: FinalVerdict | None = None,
        number: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Final verdict on claim {number}" if number else "Final verdict")
        self.setMinimumWidth(540)
        self._remove = False

        claim = _plain(f"“{reviewed.claim.claim}”")
        claim.setStyleSheet("QLabel { background: #f4f2ec; padding: 6px 8px; }")
        said = [f"{v.reviewer_name or 'Another reviewer'}: {v.rating}" for v in reviewed.rated]
        self.reviewers_label = _plain(
            "The reviewers said: " + "; ".join(said) + "."
            if said
            else "No reviewer has rated this claim yet."
        )

        self.rating_box = QComboBox()
        self.rating_box.setAccessibleName("Final rating")
        if current is None:
            self.rating_box.addItem(CHOOSE, None)
        for rating in scale.ratings:
            self.rating_box.addItem(rating.label, rating.label)
            self.rating_box.setItemData(
                self.rating_box.count() - 1, rating.description, Qt.ItemDataRole.ToolTipRole
            )
        if current is not None:
            self.rating_box.setCurrentIndex(max(0, self.rating_box.findData(current.rating)))

        self.note_edit = QPlainTextEdit(current.note if current else "")
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setFixedHeight(110)
        self.note_edit.setAccessibleName("Note")
        self.note_edit.setPlaceholderText(
            "Why this is the claim's verdict (optional; printed under it in the report)"
        )
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for caption, field in (("&Rating:", self.rating_box), ("&Note:", self.note_edit)):
            buddy = QLabel(caption)
            buddy.setBuddy(field)
            form.addRow(buddy, field)

        self.who_label = _plain(
            f"Saved as the final verdict of {editor}, acting as editor. The report and "
            "ClaimReview publish it as the claim's verdict; the reviewers' verdicts stay listed "
            "under it. Ctrl+Return saves."
        )
        self.who_label.setStyleSheet(NOTE_STYLE)
        self.error_line = ErrorLine()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.remove_button: QPushButton | None = None
        if current is not None:
            self.remove_button = buttons.addButton(
                "Re&move final verdict", QDialogButtonBox.ButtonRole.DestructiveRole
            )
            self.remove_button.clicked.connect(self.remove)
        layout = QVBoxLayout(self)
        layout.addWidget(claim)
        layout.addWidget(self.reviewers_label)
        layout.addLayout(form)
        layout.addWidget(self.who_label)
        layout.addWidget(self.error_line)
        layout.addWidget(buttons)
        self.rating_box.setFocus()

    def validate(self) -> str | None:
        """A rating must be chosen."""
        if self.rating_box.currentData() is None:
            return "Choose the final rating from the list."
        return None

    def remove(self) -> None:
        """Close, asking for the final verdict to be removed."""
        self._remove = True
        QDialog.accept(self)

    def answer(self) -> FinalAnswer:
        """What was decided."""
        if self._remove:
            return FinalAnswer(None, remove=True)
        return FinalAnswer(self.rating_box.currentData(), self.note_edit.toPlainText().strip())

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        reviewed: ReviewedClaim,
        scale: RatingScale,
        editor: str,
        current: FinalVerdict | None = None,
        number: int | None = None,
    ) -> FinalAnswer | None:
        """Show the dialog; the answer, or None when cancelled."""
        dialog = cls(reviewed, scale, editor, current, number, parent)
        return answer_of(dialog, dialog.answer)


def _plain(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label
