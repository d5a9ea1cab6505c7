"""The panel a locked window shows in place of its content (made the first time it locks)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from workbench.ui.common.dialogs import ErrorLine
from workbench.ui.security.passphrase_dialogs import TITLE_STYLE, note, passphrase_edit, show_toggle


class LockPanel(QFrame):
    """What a locked window shows: which file, why, a passphrase field, Unlock and Quit."""

    unlock_requested = Signal(str)
    quit_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lockPanel")
        self.heading = QLabel("Locked")
        self.heading.setStyleSheet(TITLE_STYLE)
        self.message = note("")
        self.passphrase_edit = passphrase_edit("Passphrase")
        self.show_box = show_toggle("Sho&w passphrase", self.passphrase_edit)
        label = QLabel("&Passphrase:")
        label.setBuddy(self.passphrase_edit)
        self.error_line = ErrorLine()
        self.unlock_button = QPushButton("&Unlock")
        self.unlock_button.setDefault(True)
        self.quit_button = QPushButton("&Quit")
        self.passphrase_edit.returnPressed.connect(self._unlock)
        self.unlock_button.clicked.connect(self._unlock)
        self.quit_button.clicked.connect(self.quit_requested)

        box = QFrame()
        box.setObjectName("lockBox")
        box.setStyleSheet(
            "#lockBox { background: #ffffff; border: 1px solid #d9d6cc; border-radius: 6px; }"
        )
        box.setMaximumWidth(520)
        inner = QVBoxLayout(box)
        inner.setContentsMargins(24, 20, 24, 20)
        inner.setSpacing(10)
        inner.addWidget(self.heading)
        inner.addWidget(self.message)
        inner.addWidget(label)
        inner.addWidget(self.passphrase_edit)
        inner.addWidget(self.show_box)
        inner.addWidget(self.error_line)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.quit_button)
        buttons.addWidget(self.unlock_button)
        inner.addLayout(buttons)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(box, 3)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        QWidget.setTabOrder(self.passphrase_edit, self.show_box)
        QWidget.setTabOrder(self.show_box, self.unlock_button)
        QWidget.setTabOrder(self.unlock_button, self.quit_button)

    def show_locked(self, file_name: str, why: str) -> None:
        """Say which file is locked and why; empty the field and put the cursor in it."""
        self.heading.setText(f"“{file_name}” is locked")
        self.message.setText(
            f"{why} Its content is hidden and the file is closed. Enter the passphrase to go "
            "on where you left off."
        )
        self.passphrase_edit.clear()
        self.error_line.clear_error()
        self.set_closing(False)
        self.passphrase_edit.setFocus()

    def set_closing(self, closing: bool) -> None:
        """While background work stops and the file closes, unlocking waits."""
        self.unlock_button.setEnabled(not closing)
        self.unlock_button.setText("Closing the database…" if closing else "&Unlock")

    def show_error(self, message: str) -> None:
        """Say what went wrong; the field is emptied for another try."""
        self.error_line.show_error(message)
        self.passphrase_edit.clear()
        self.passphrase_edit.setFocus()

    def _unlock(self) -> None:
        if not self.unlock_button.isEnabled():
            return
        if not self.passphrase_edit.text():
            self.show_error("Type the passphrase.")
            return
        self.unlock_requested.emit(self.passphrase_edit.text())
