"""Edit claim record…: the wording, who made the claim, when and where, and what kind it is."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from workbench.model import Claim, ClaimantType, ClaimKind
from workbench.services.claim_record import checked_changes, describe_guess, differs_from_guess
from workbench.store import InvalidInputError
from workbench.ui.common.date_entry import DateEntry
from workbench.ui.common.dialogs import NOTE_STYLE, ErrorLine, ValidatedDialog, answer_of

#: The claimant type choices, as shown, and what each stores.
_TYPES: tuple[tuple[str, ClaimantType | None], ...] = (
    ("Not known", None),
    ("Person", ClaimantType.PERSON),
    ("Organisation", ClaimantType.ORGANISATION),
)
Choices = list[tuple[str, ClaimantType | None]]


class ClaimDialog(ValidatedDialog):
    """The claim record as a form; Save keeps it only when every field can be saved."""

    def __init__(
        self,
        claim: Claim,
        choices: Choices,
        parent: QWidget | None = None,
        *,
        dismissal: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.claim = claim
        self.setWindowTitle("Edit claim record")
        self.setMinimumWidth(560)

        self.wording = QPlainTextEdit(claim.claim)
        self.wording.setTabChangesFocus(True)
        self.wording.setFixedHeight(96)
        self.wording.setAccessibleName("Wording")

        self.claimant = QComboBox()
        self.claimant.setEditable(True)
        self.claimant.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.claimant.setAccessibleName("Claimant")
        for name, said_by in choices:
            tip = f"{name} — {said_by.value}" if said_by else name
            self.claimant.addItem(name, said_by)
            self.claimant.setItemData(self.claimant.count() - 1, tip, Qt.ItemDataRole.ToolTipRole)
        line = self.claimant.lineEdit()
        assert line is not None
        line.setPlaceholderText("Not known: type a name or pick one the article gives")
        self.claimant.setEditText(claim.speaker or "")

        self.claimant_type = QComboBox()
        self.claimant_type.setAccessibleName("Person or organisation")
        for text, claimant_type in _TYPES:
            self.claimant_type.addItem(text, claimant_type)
        self._set_type(claim.claimant_type)
        self.claimant.activated.connect(self._picked)

        # A claim is often known to have been made in a month or a year: "March 2024" is a date.
        self.said_on = DateEntry(claim.said_on, partial=True)
        self.said_on.edit.setPlaceholderText("Not known (e.g. 12 March 2024 or March 2024)")
        self.said_on.edit.setAccessibleName("Said on")
        self.said_where = QLineEdit(claim.said_where or "")
        self.said_where.setPlaceholderText("Not known (for example a news conference in Vienna)")
        self.said_where.setAccessibleName("Said where")

        self.kind = QComboBox()
        self.kind.setAccessibleName("Kind")
        for kind in ClaimKind:
            self.kind.addItem(kind.label, kind)
        self.kind.setCurrentIndex(self.kind.findData(claim.kind))

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for caption, field in (
            ("&Wording:", self.wording),
            ("&Claimant:", self.claimant),
            ("Claimant &type:", self.claimant_type),
            ("Said &on:", self.said_on),
            ("Said w&here:", self.said_where),
            ("&Kind:", self.kind),
        ):
            buddy = QLabel(caption)
            buddy.setBuddy(field.edit if isinstance(field, DateEntry) else field)
            form.addRow(buddy, field)

        self.quote = QLabel(f"In the article: “{claim.quote}”")
        self.quote.setWordWrap(True)
        self.quote.setTextFormat(Qt.TextFormat.PlainText)
        self.quote.setStyleSheet(NOTE_STYLE)
        self.found_as = QLabel()
        self.found_as.setWordWrap(True)
        self.found_as.setTextFormat(Qt.TextFormat.PlainText)
        self.found_as.setStyleSheet(NOTE_STYLE)
        if claim.guess and differs_from_guess(claim):
            self.found_as.setText(f"Found as: {describe_guess(claim.guess)}")
        self.found_as.setVisible(bool(self.found_as.text()))
        # Who dismissed the claim and why ("Dismissed by Ana Lima: not worth checking").
        self.dismissal = QLabel(dismissal or "")
        self.dismissal.setObjectName("dismissalLine")
        self.dismissal.setWordWrap(True)
        self.dismissal.setTextFormat(Qt.TextFormat.PlainText)
        self.dismissal.setStyleSheet(NOTE_STYLE)
        self.dismissal.setVisible(bool(dismissal))

        self.error_line = ErrorLine()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.quote)
        layout.addLayout(form)
        layout.addWidget(self.found_as)
        layout.addWidget(self.dismissal)
        layout.addWidget(self.error_line)
        layout.addWidget(buttons)
        self.wording.setFocus()

    # -- reading the form ---------------------------------------------------------------------
    def raw_changes(self) -> dict[str, Any]:
        """Every field as typed; the claim record service checks and normalises them."""
        return {
            "claim": self.wording.toPlainText(),
            "speaker": self.claimant.currentText(),
            "claimant_type": self.claimant_type.currentData(),
            "said_on": self.said_on.text(),
            "said_where": self.said_where.text(),
            "kind": self.kind.currentData(),
        }

    def changes(self) -> dict[str, Any]:
        """The fields that differ from the claim, as they will be saved."""
        return checked_changes(self.claim, self.raw_changes())

    def validate(self) -> str | None:
        """Why the record cannot be saved (empty wording, a date that is not one), or None."""
        try:
            self.changes()
        except InvalidInputError as exc:
            return str(exc)
        return None

    # -- helpers ------------------------------------------------------------------------------
    def _set_type(self, kind: ClaimantType | None) -> None:
        self.claimant_type.setCurrentIndex(max(0, self.claimant_type.findData(kind)))

    def _picked(self, index: int) -> None:
        """A name picked from the article's list brings its type along."""
        kind = self.claimant.itemData(index)
        if kind is not None:
            self._set_type(kind)

    @classmethod
    def ask(
        cls, parent: QWidget | None, claim: Claim, choices: Choices, dismissal: str | None = None
    ) -> dict[str, Any] | None:
        """Show the dialog; the changes to save (possibly none), or None when cancelled."""
        dialog = cls(claim, choices, parent, dismissal=dismissal)
        return answer_of(dialog, dialog.changes)
