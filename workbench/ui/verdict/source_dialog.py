"""Add or edit one source of a verdict: title, address, dates, quoted passage, note, file."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workbench.model import Source
from workbench.services.verdicts import MAX_ATTACHMENT_BYTES
from workbench.ui.common.date_entry import DateEntry
from workbench.ui.common.dialogs import (
    NOTE_STYLE,
    ErrorLine,
    ValidatedDialog,
    describe_size,
    today_iso,
    url_problem,
)


@dataclass(slots=True)
class SourceInput:
    """What the dialog returns: the source's fields and, when adding, an attached file."""

    fields: dict[str, Any] = field(default_factory=dict)
    attachment: bytes | None = None
    attachment_name: str | None = None


class SourceDialog(ValidatedDialog):
    """Describe a source; a file can be attached only when the source is added."""

    def __init__(
        self,
        parent: QWidget | None = None,
        source: Source | None = None,
        *,
        prefill: dict[str, Any] | None = None,
        check: Callable[[SourceInput], str | None] | None = None,
    ) -> None:
        super().__init__(parent)
        #: Asked last before saving: a reason the entry cannot be kept (e.g. a repeat), or None.
        self._check = check
        self.setWindowTitle("Edit source" if source else "Add source")
        # Wide enough for a web address; the layout's own minimum (dates written out) still holds.
        self.resize(640, self.height())
        self._stored_file = bool(source is not None and source.attachment_name)
        values: dict[str, Any] = dict(prefill or {})
        if source is not None:
            values = {k: getattr(source, k) for k in ("title", "url", "publisher", "published")}
            values |= {k: getattr(source, k) for k in ("accessed", "quote", "note")}
        self._attachment: bytes | None = None
        self._attachment_name: str | None = None

        self.title_edit = QLineEdit(values.get("title") or "")
        self.title_edit.setPlaceholderText("e.g. Labour Force Survey, March 2024")
        self.url_edit = QLineEdit(values.get("url") or "")
        self.url_edit.setPlaceholderText("https://…")
        self.publisher_edit = QLineEdit(values.get("publisher") or "")
        self.publisher_edit.setPlaceholderText("e.g. Office for National Statistics")
        self.published_edit = DateEntry(values.get("published"))
        self.accessed_edit = DateEntry(values.get("accessed") or (None if source else today_iso()))
        today = QPushButton("To&day")
        today.setToolTip("Set the accessed date to today")
        today.clicked.connect(self.accessed_edit.set_today)
        self.quote_edit = QPlainTextEdit(values.get("quote") or "")
        self.quote_edit.setPlaceholderText("The passage of the source that backs the verdict")
        self.quote_edit.setTabChangesFocus(True)
        self.quote_edit.setFixedHeight(88)
        paste = QPushButton("Pa&ste")
        paste.setToolTip("Paste the clipboard as the quoted passage")
        paste.clicked.connect(self.paste_quote)
        self.note_edit = QPlainTextEdit(values.get("note") or "")
        self.note_edit.setPlaceholderText("Anything a colleague should know about this source")
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setFixedHeight(60)

        self.attachment_label = QLabel()
        self.attachment_label.setTextFormat(Qt.TextFormat.PlainText)
        self.attachment_label.setWordWrap(True)
        self.attachment_label.setStyleSheet(NOTE_STYLE)
        self.attach_button = QPushButton("Attac&h file…")
        self.attach_button.clicked.connect(self._choose_file)
        self.detach_button = QPushButton("Remo&ve file")
        self.detach_button.clicked.connect(self.clear_attachment)
        if source is not None:
            self.attach_button.hide()
            self.detach_button.hide()
            self.attachment_label.setText(_attachment_text(source))
        else:
            self.attachment_label.setText("No file attached.")
            self.detach_button.hide()

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # Each label's Alt+letter goes to its own field (a label given a row of widgets would
        # point at the row, which takes no focus, and the key would do nothing).
        for text, field_widget, shown in (
            ("&Title:", self.title_edit, self.title_edit),
            ("&Address (URL):", self.url_edit, self.url_edit),
            ("&Publisher:", self.publisher_edit, self.publisher_edit),
            ("Pu&blished:", self.published_edit.edit, self.published_edit),
            ("A&ccessed:", self.accessed_edit.edit, _row(self.accessed_edit, today)),
            ("&Quoted passage:", self.quote_edit, _column(self.quote_edit, paste)),
            ("&Note:", self.note_edit, self.note_edit),
        ):
            label = QLabel(text)
            label.setBuddy(field_widget)
            form.addRow(label, shown)
        form.addRow(
            "Attached file:", _column(self.attachment_label, self.attach_button, self.detach_button)
        )

        hint = QLabel("A source needs at least a title, an address or an attached file.")
        hint.setStyleSheet(NOTE_STYLE)
        self.error_line = ErrorLine()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.error_line)
        layout.addWidget(buttons)

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        source: Source | None = None,
        *,
        prefill: dict[str, Any] | None = None,
        check: Callable[[SourceInput], str | None] | None = None,
    ) -> SourceInput | None:
        """Show the dialog; the entered source, or None when cancelled. ``check`` may refuse
        an entry with a reason, shown in the dialog, which stays open with what was typed."""
        dialog = cls(parent, source, prefill=prefill, check=check)
        return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None

    # -- attachment -----------------------------------------------------------------------
    def attach_file(self, path: str | Path) -> bool:
        """Read a file to attach; shows a message and returns False if it cannot be used."""
        path = Path(path)
        try:
            size = path.stat().st_size
            if size > MAX_ATTACHMENT_BYTES:
                limit = MAX_ATTACHMENT_BYTES // (1024 * 1024)
                self.error_line.show_error(
                    f"“{path.name}” is {describe_size(size)}; attach files up to {limit} MB and link to larger ones."
                )
                return False
            data = path.read_bytes()
        except OSError as exc:
            self.error_line.show_error(f"Could not read “{path.name}”: {exc.strerror or exc}.")
            return False
        self.set_attachment(data, path.name)
        return True

    def set_attachment(self, data: bytes, name: str) -> None:
        """Attach these bytes under this file name."""
        self._attachment, self._attachment_name = data, name
        digest = hashlib.sha256(data).hexdigest()
        self.attachment_label.setText(
            f"{name} · {describe_size(len(data))}\nSHA-256 {digest[:16]}…"
        )
        self.attachment_label.setToolTip(f"SHA-256 {digest}")
        self.detach_button.show()
        self.error_line.clear_error()

    def clear_attachment(self) -> None:
        """Drop the chosen file."""
        self._attachment = self._attachment_name = None
        self.attachment_label.setText("No file attached.")
        self.attachment_label.setToolTip("")
        self.detach_button.hide()

    def _choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Attach a file to this source")
        if path:
            self.attach_file(path)

    def paste_quote(self) -> None:
        """Put the clipboard's text into the quoted passage."""
        text = QGuiApplication.clipboard().text().strip()
        if text:
            self.quote_edit.setPlainText(text)

    # -- result ----------------------------------------------------------------------------
    def fields(self) -> dict[str, Any]:
        """The descriptive fields as entered (empty ones as None); dates must be readable."""

        def clean(text: str) -> str | None:
            return text.strip() or None

        return {
            "title": self.title_edit.text().strip(),
            "url": clean(self.url_edit.text()),
            "publisher": clean(self.publisher_edit.text()),
            "published": self.published_edit.value(),
            "accessed": self.accessed_edit.value(),
            "quote": clean(self.quote_edit.toPlainText()),
            "note": clean(self.note_edit.toPlainText()),
        }

    def value(self) -> SourceInput:
        """The entered source."""
        return SourceInput(self.fields(), self._attachment, self._attachment_name)

    def validate(self) -> str | None:
        """The reason the entry cannot be saved, or None."""
        for name, entry in (("published", self.published_edit), ("accessed", self.accessed_edit)):
            problem = entry.problem()
            if problem:
                entry.edit.setFocus()
                return f"The {name} date: {problem}"
        values = self.fields()
        has_file = self._attachment is not None or self._stored_file
        if not (values["title"] or values["url"] or has_file):
            return "Give the source a title, an address or an attached file."
        if values["url"]:
            problem = url_problem(values["url"])
            if problem:
                return problem
        return self._check(self.value()) if self._check is not None else None


def _attachment_text(source: Source) -> str:
    if not source.attachment_name:
        return "No file attached."
    size = describe_size(source.attachment_size or 0)
    return f"{source.attachment_name} · {size}\nSHA-256 {(source.attachment_sha256 or '')[:16]}…"


def _row(*widgets: QWidget) -> QWidget:
    box = QWidget()
    layout = QHBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        layout.addWidget(widget)
    layout.addStretch(1)
    return box


def _column(main: QWidget, *buttons: QPushButton) -> QWidget:
    box = QWidget()
    layout = QHBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(main, 1)
    side = QVBoxLayout()
    side.setSpacing(4)
    for button in buttons:
        button.setMinimumWidth(96)
        side.addWidget(button)
    side.addStretch(1)
    layout.addLayout(side)
    return box
