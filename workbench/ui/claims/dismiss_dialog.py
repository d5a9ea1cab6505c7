"""Review ▸ Dismiss with a reason… (Shift+D): set a claim aside saying why; D still dismisses at
once. Who dismissed and why are recorded with the claim, and undo puts the claim back."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from workbench.services.final_verdicts import DISMISS_REASONS
from workbench.ui.common.dialogs import ErrorLine, ValidatedDialog, answer_of
from workbench.ui.common.undo import DeskCommand, OnChange, OnError
from workbench.ui.common.views import ClaimView, claim_to_change

if TYPE_CHECKING:
    from workbench.model import Claim
    from workbench.services.desk import Desk

OTHER = "Other:"


class DismissDialog(ValidatedDialog):
    """Common reasons to pick with a number key, or another reason typed in (the last number
    puts the cursor in its field)."""

    def __init__(self, claim_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Dismiss claim")
        self.setMinimumWidth(460)
        claim = QLabel(f"“{claim_text}”")
        claim.setTextFormat(Qt.TextFormat.PlainText)
        claim.setWordWrap(True)
        claim.setStyleSheet("QLabel { background: #f4f2ec; padding: 6px 8px; }")
        self.group = QButtonGroup(self)
        self.buttons: list[QRadioButton] = []
        layout = QVBoxLayout(self)
        layout.addWidget(claim)
        layout.addWidget(QLabel("Why is this claim set aside?"))
        for number, reason in enumerate((*DISMISS_REASONS, OTHER), 1):
            button = QRadioButton(f"&{number}  {reason}")
            self.group.addButton(button, number)
            self.buttons.append(button)
            layout.addWidget(button)
        self.other_edit = QLineEdit()
        self.other_edit.setAccessibleName("Other reason")
        self.other_edit.setPlaceholderText("Type the reason")
        self.other_edit.setMaxLength(500)
        self.other_edit.textEdited.connect(lambda _: self.buttons[-1].setChecked(True))
        layout.addWidget(self.other_edit)
        self.buttons[0].setChecked(True)
        self.error_line = ErrorLine()
        layout.addWidget(self.error_line)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        box.addButton("&Dismiss", QDialogButtonBox.ButtonRole.AcceptRole)
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout.addWidget(box)
        self.buttons[0].setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """A number key picks that reason (Other: puts the cursor in its field), unless the
        reason is being typed."""
        number = event.key() - Qt.Key.Key_0
        plain = event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        )
        if plain and 1 <= number <= len(self.buttons) and not self.other_edit.hasFocus():
            self.buttons[number - 1].setChecked(True)
            if number == len(self.buttons):
                self.other_edit.setFocus()
            else:
                self.buttons[number - 1].setFocus()
            return
        super().keyPressEvent(event)

    def reason(self) -> str:
        """The reason chosen or typed."""
        number = self.group.checkedId()
        if number == len(self.buttons):
            return " ".join(self.other_edit.text().split())
        return DISMISS_REASONS[number - 1]

    def validate(self) -> str | None:
        """A typed reason must say something."""
        return None if self.reason() else "Type the reason, or pick one of the reasons above."

    @classmethod
    def ask(cls, parent: QWidget | None, claim_text: str) -> str | None:
        """Show the dialog; the reason, or None when cancelled."""
        dialog = cls(claim_text, parent)
        return answer_of(dialog, dialog.reason)


class DismissWithReasonCommand(DeskCommand):
    """Dismiss a claim recording who and why; undo opens it again."""

    action = "Dismiss claim"

    def __init__(
        self,
        desk: Desk,
        claim_id: str,
        reason: str,
        on_change: OnChange | None = None,
        on_error: OnError | None = None,
    ) -> None:
        super().__init__("claim dismissal", desk, claim_id, on_change, on_error)
        self.reason = reason
        self.before: Claim | None = None

    def apply(self) -> None:
        """Dismiss the claim with the reason (a dismissed claim takes the new reason)."""
        assert self.claim_id is not None
        if self.before is None:
            self.before = self.desk.claim(self.claim_id)
        self.desk.final_verdicts.dismiss(self.claim_id, self.desk.reviewer_id, self.reason)

    def revert(self) -> None:
        """Put the claim back as it was: open, or dismissed by whoever did it and why."""
        if self.before is not None:
            self.desk.final_verdicts.put_dismissal(self.before)


class DismissView(ClaimView, Protocol):
    """What dismissing with a reason asks of the window."""

    def claims_changed(self, select: str | None = None, *, refresh_editor: bool = True) -> None:
        """Read the article's claims again."""
        ...


def dismiss_with_reason(view: DismissView) -> None:
    """Ask why, then dismiss the selected claim as the current reviewer (Shift+D)."""
    rc = claim_to_change(view)
    if rc is None:
        return
    reason = DismissDialog.ask(view.dialog_parent, rc.claim.claim)
    if reason is None:
        return
    command = DismissWithReasonCommand(
        view.desk, rc.claim.id, reason, view.claims_changed, view.report_error
    )
    view.undo_stack.push(command)
    if command.error is None:
        view.show_status(
            f"Claim dismissed: {reason[:1].lower() + reason[1:]}. Undo with Ctrl+Z.", 5000
        )
