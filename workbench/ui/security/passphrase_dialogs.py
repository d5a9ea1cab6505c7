"""Asking for a passphrase: to unlock an encrypted database, or to choose one (new, encrypt, change).

A passphrase is only ever held in the fields and handed to the services; it is never logged,
printed, stored in settings or shown in a message.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workbench.store.errors import StoreError
from workbench.ui.common.dialogs import NOTE_STYLE, ErrorLine, ValidatedDialog, answer_of

#: Shorter passphrases are refused: a few unrelated words are easy to remember and hard to guess.
MIN_LENGTH = 8

FORGOTTEN_WARNING = (
    "Write the passphrase down and keep it somewhere safe. A forgotten passphrase cannot be "
    "recovered by anyone: without it, this database and its backups can never be opened again."
)
WARNING_STYLE = (
    "QLabel { color: #5c4400; background: #fff6d6; border: 1px solid #e8d28a;"
    " border-radius: 4px; padding: 6px 8px; }"
)
TITLE_STYLE = "QLabel { font-size: 15px; font-weight: 600; }"


#: The property that marks a passphrase field: what is typed in it is never kept or shown.
SECRET = "secret"


def passphrase_edit(accessible_name: str) -> QLineEdit:
    """A field whose text is never shown, copied, remembered by an input method or predicted."""
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setInputMethodHints(
        Qt.InputMethodHint.ImhHiddenText
        | Qt.InputMethodHint.ImhSensitiveData
        | Qt.InputMethodHint.ImhNoPredictiveText
        | Qt.InputMethodHint.ImhNoAutoUppercase
    )
    edit.setAccessibleName(accessible_name)
    edit.setMinimumWidth(280)
    # Marks it for good: showing the text ("show" box) takes the input method hints away.
    edit.setProperty(SECRET, True)
    return edit


def show_toggle(text: str, *edits: QLineEdit) -> QCheckBox:
    """A box that shows what was typed in ``edits`` while it is ticked (off at first)."""
    box = QCheckBox(text)

    def toggle(on: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password
        for edit in edits:
            edit.setEchoMode(mode)

    box.toggled.connect(toggle)
    return box


def note(text: str, style: str = NOTE_STYLE) -> QLabel:
    """A word-wrapped line of plain text."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setStyleSheet(style)
    return label


def busy(work: Callable[[], Any]) -> Any:
    """Run ``work`` with the wait cursor: deriving the key from a passphrase takes a moment."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        return work()
    finally:
        QApplication.restoreOverrideCursor()


class UnlockDialog(ValidatedDialog):
    """Asks for a database's passphrase until ``opener`` accepts it, or the reviewer gives up.

    ``opener(passphrase)`` opens (or checks) the file and returns what :meth:`ask` gives back; a
    wrong passphrase raises ``WrongPassphraseError`` and the dialog says so and stays open.
    """

    def __init__(
        self,
        path: Path,
        opener: Callable[[str], Any],
        parent: QWidget | None = None,
        *,
        title: str = "Unlock database",
        message: str = "",
        button: str = "&Unlock",
        cancel: str = "&Quit",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(480)
        self.path = Path(path)
        self._opener = opener
        #: What ``opener`` returned for the right passphrase.
        self.opened: Any = None

        self.heading = heading = QLabel(f"“{self.path.name}” is encrypted")
        heading.setTextFormat(Qt.TextFormat.PlainText)
        heading.setStyleSheet(TITLE_STYLE)
        intro = note(message or "Enter its passphrase to open it.", "")
        where = note(str(self.path.parent))
        where.setToolTip(str(self.path))
        self.passphrase_edit = passphrase_edit("Passphrase")
        self.show_box = show_toggle("Sho&w passphrase", self.passphrase_edit)
        form = QFormLayout()
        form.addRow("&Passphrase:", self.passphrase_edit)
        form.addRow("", self.show_box)
        self.error_line = ErrorLine()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.unlock_button: QPushButton = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.unlock_button.setText(button)
        self.cancel_button: QPushButton = self.buttons.button(
            QDialogButtonBox.StandardButton.Cancel
        )
        self.cancel_button.setText(cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        for widget in (heading, intro, where):
            layout.addWidget(widget)
        layout.addLayout(form)
        layout.addWidget(self.error_line)
        layout.addWidget(self.buttons)
        # Enter unlocks from the field; Tab goes field → show → unlock → quit.
        self.unlock_button.setDefault(True)
        QWidget.setTabOrder(self.passphrase_edit, self.show_box)
        QWidget.setTabOrder(self.show_box, self.unlock_button)
        QWidget.setTabOrder(self.unlock_button, self.cancel_button)
        self.passphrase_edit.setFocus()

    def validate(self) -> str | None:
        """Try the passphrase; what is wrong with it, in words, or None once the file opened."""
        passphrase = self.passphrase_edit.text()
        if not passphrase:
            return "Type the passphrase."
        try:
            self.opened = busy(lambda: self._opener(passphrase))
        except StoreError as exc:  # a wrong passphrase, or a file that cannot be opened
            self._try_again()
            return str(exc)
        return None

    def _try_again(self) -> None:
        self.passphrase_edit.clear()
        self.passphrase_edit.setFocus()

    @classmethod
    def ask(
        cls, parent: QWidget | None, path: Path, opener: Callable[[str], Any], **texts: str
    ) -> Any:
        """Show the dialog; what ``opener`` returned for the right passphrase, None if cancelled."""
        dialog = cls(path, opener, parent, **texts)
        return answer_of(dialog, lambda: dialog.opened)


@dataclass(frozen=True, slots=True)
class PassphraseChoice:
    """What :class:`NewPassphraseDialog` gives back."""

    #: The new passphrase; None for a database left unencrypted.
    passphrase: str | None
    #: The passphrase in use, when changing it.
    current: str | None = None


#: Title, introduction (with ``{name}``) and button of each use of the dialog.
PURPOSES = {
    "new": (
        "New database",
        "A new, empty database will be created as “{name}”.",
        "Crea&te",
    ),
    "encrypt": (
        "Encrypt this database",
        "“{name}” and its backups will be stored encrypted: without the passphrase nobody can "
        "read them, on this computer or on a copy of its disk.",
        "&Encrypt",
    ),
    "change": (
        "Change passphrase",
        "Choose a new passphrase for “{name}”. The current one will no longer open it.",
        "&Change passphrase",
    ),
}


class NewPassphraseDialog(ValidatedDialog):
    """Choose a passphrase, typed twice, with the warning that a forgotten one is lost for good.

    ``purpose`` "new" makes encryption a choice (a box, off at first); "change" also asks for the
    current passphrase, checked by ``check_current`` (False: not the passphrase in use).
    """

    def __init__(
        self,
        file_name: str,
        purpose: str = "encrypt",
        parent: QWidget | None = None,
        *,
        check_current: Callable[[str], bool] | None = None,
    ) -> None:
        super().__init__(parent)
        title, intro, button = PURPOSES[purpose]
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        self.purpose = purpose
        self._check_current = check_current
        changing = purpose == "change"

        self.encrypt_box = QCheckBox("&Encrypt it with a passphrase")
        self.encrypt_box.setVisible(purpose == "new")
        self.encrypt_box.setChecked(purpose != "new")
        self.current_edit = passphrase_edit("Current passphrase")
        self.passphrase_edit = passphrase_edit("New passphrase" if changing else "Passphrase")
        self.repeat_edit = passphrase_edit("Passphrase again")
        self.show_box = show_toggle(
            "Sho&w passphrases", self.current_edit, self.passphrase_edit, self.repeat_edit
        )
        form = QFormLayout()
        if changing:
            form.addRow("C&urrent passphrase:", self.current_edit)
        form.addRow("&New passphrase:" if changing else "&Passphrase:", self.passphrase_edit)
        form.addRow("Type it &again:", self.repeat_edit)
        form.addRow("", self.show_box)
        self.warning = note(f"⚠ {FORGOTTEN_WARNING}", WARNING_STYLE)
        self.error_line = ErrorLine()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button: QPushButton = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(button)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(note(intro.format(name=file_name), ""))
        layout.addWidget(self.encrypt_box)
        if purpose == "new":
            layout.addWidget(
                note(
                    "Recommended when it will hold unpublished findings, the names of sources "
                    "or documents they gave you."
                )
            )
        layout.addLayout(form)
        layout.addWidget(self.warning)
        layout.addWidget(self.error_line)
        layout.addWidget(self.buttons)
        # Enter accepts from any field (set once the button is in the dialog, or it is lost).
        self.ok_button.setDefault(True)
        self.encrypt_box.toggled.connect(self._follow_box)
        self._follow_box(self.encrypt_box.isChecked())
        (self.current_edit if changing else self.passphrase_edit).setFocus()
        if purpose == "new":
            self.encrypt_box.setFocus()

    def _follow_box(self, on: bool) -> None:
        for widget in (self.passphrase_edit, self.repeat_edit, self.show_box, self.warning):
            widget.setEnabled(on)
        self.warning.setVisible(on)

    def validate(self) -> str | None:
        """What to fix before the passphrase can be used, or None."""
        if not self.encrypt_box.isChecked():
            return None
        first, second = self.passphrase_edit.text(), self.repeat_edit.text()
        current = self.current_edit.text()
        if self.purpose == "change" and not current:
            return "Type the current passphrase."
        if len(first) < MIN_LENGTH:
            return (
                f"Use a passphrase of at least {MIN_LENGTH} characters; a few unrelated words "
                "are easy to remember and hard to guess."
            )
        if first != second:
            self.repeat_edit.clear()
            self.repeat_edit.setFocus()
            return "The two passphrases are not the same; type it again."
        if self.purpose == "change":
            if first == current:
                return "The new passphrase is the same as the current one."
            if self._check_current is not None and not self._check_current(current):
                self.current_edit.clear()
                self.current_edit.setFocus()
                return "The current passphrase is not right. Nothing was changed."
        return None

    def value(self) -> PassphraseChoice:
        """The passphrase chosen (None: no encryption), and the current one when changing."""
        if not self.encrypt_box.isChecked():
            return PassphraseChoice(None)
        current = self.current_edit.text() if self.purpose == "change" else None
        return PassphraseChoice(self.passphrase_edit.text(), current)

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        file_name: str,
        purpose: str = "encrypt",
        *,
        check_current: Callable[[str], bool] | None = None,
    ) -> PassphraseChoice | None:
        """Show the dialog; the choice, or None when cancelled."""
        dialog = cls(file_name, purpose, parent, check_current=check_current)
        return answer_of(dialog, dialog.value)
