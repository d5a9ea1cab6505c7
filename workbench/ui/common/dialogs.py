"""Pieces shared by the dialogs: an error line, validated closing, Alt letters, asking and freeing."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QLabel, QWidget

from workbench.services.review import check_url
from workbench.store import StoreError

T = TypeVar("T")

ERROR_STYLE = (
    "QLabel { color: #8a1c1c; background: #fbeaea; border: 1px solid #e6b8b8;"
    " border-radius: 4px; padding: 6px 8px; }"
)
NOTE_STYLE = "QLabel { color: #555; }"


def answer_of(dialog: QDialog, read: Callable[[], T]) -> T | None:
    """Show ``dialog`` and wait; what ``read`` gives once it is accepted, None when cancelled.

    The dialog is freed afterwards: parented to the window, it would otherwise stay (with its
    widgets and connections) until the window goes.
    """
    try:
        return read() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


def with_key(label: str, letter: str) -> str:
    """``label`` with its first ``letter`` (any case) as the Alt+letter; an "&" of the label
    itself is shown as one. No letter: no Alt+letter."""
    if not letter:
        return label.replace("&", "&&")
    at = label.lower().index(letter.lower())  # a missing letter is a mistake in the caller
    return label[:at].replace("&", "&&") + "&" + label[at:].replace("&", "&&")


def describe_size(size: int) -> str:
    """A file size in words a journalist reads at a glance."""
    if size < 1024:
        return f"{size} bytes"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def today_iso() -> str:
    """Today's date as ``YYYY-MM-DD``."""
    return date.today().isoformat()


class ErrorLine(QLabel):
    """An inline, word-wrapped error message; hidden while empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setStyleSheet(ERROR_STYLE)
        self.setAccessibleName("Error")
        self.hide()

    def show_error(self, message: str) -> None:
        """Show ``message`` (prefixed so colour is not the only signal)."""
        self.setText(f"⚠ {message}")
        self.show()

    def clear_error(self) -> None:
        """Hide the message."""
        self.clear()
        self.hide()

    def message(self) -> str:
        """The message shown, without its prefix ("" when hidden)."""
        return self.text().removeprefix("⚠ ") if not self.isHidden() else ""


def url_problem(url: str) -> str | None:
    """Why ``url`` cannot be saved as a web address, or None when it can."""
    try:
        check_url(url)
    except StoreError as exc:
        return str(exc)
    return None


class ValidatedDialog(QDialog):
    """A dialog whose OK/Save closes it only when :meth:`validate` finds nothing to fix.

    Subclasses create ``self.error_line`` (an :class:`ErrorLine`) and implement ``validate``.
    Ctrl+Return saves from any field, as it saves a verdict on the desk: in a field of several
    lines Return types a new line.
    """

    error_line: ErrorLine

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        save = QShortcut(QKeySequence("Ctrl+Return"), self)
        save.activated.connect(self.accept)

    def validate(self) -> str | None:
        """The reason the entry cannot be accepted, or None; subclasses implement it."""
        raise NotImplementedError

    def accept(self) -> None:
        """Close only when the entry is valid; otherwise say what to fix."""
        problem = self.validate()
        if problem:
            self.error_line.show_error(problem)
            return
        self.error_line.clear_error()
        super().accept()
