"""Paste an article's text with its title, outlet, address and date."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workbench.dates import DateProblem
from workbench.ui.common.date_entry import DateEntry
from workbench.ui.common.dialogs import (
    NOTE_STYLE,
    ErrorLine,
    ValidatedDialog,
    url_problem,
)


@dataclass(frozen=True, slots=True)
class PastedArticle:
    """An article typed or pasted by the reviewer."""

    text: str
    title: str = ""
    outlet: str | None = None
    url: str | None = None
    published: str | None = None


class PasteArticleDialog(ValidatedDialog):
    """The text is required; title, outlet, address and date are optional."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Paste an article")
        self.resize(640, 560)
        self.text_edit = QPlainTextEdit()
        self.text_edit.setAccessibleName("Article text")
        self.text_edit.setPlaceholderText("Paste the article's text here, headline first.")
        self.text_edit.setTabChangesFocus(True)
        paste = QPushButton("Paste from clipboard")
        paste.clicked.connect(self.paste_clipboard)
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText("Leave empty to use the first line")
        self.outlet_edit = QLineEdit()
        self.outlet_edit.setPlaceholderText("e.g. The Guardian")
        self.url_edit = QLineEdit()
        self.url_edit.setPlaceholderText("https://…")
        self.published_edit = DateEntry(None)

        form = QFormLayout()
        form.addRow("&Title:", self.title_edit)
        form.addRow("&Outlet:", self.outlet_edit)
        form.addRow("&Address (URL):", self.url_edit)
        published_label = QLabel("&Published:")
        published_label.setBuddy(self.published_edit.edit)
        form.addRow(published_label, self.published_edit)
        note = QLabel("The text is kept exactly as pasted; nothing is fetched from the web.")
        note.setStyleSheet(NOTE_STYLE)
        note.setWordWrap(True)
        self.error_line = ErrorLine()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Import")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        text_label = QLabel("&Article text:")
        text_label.setBuddy(self.text_edit)
        layout.addWidget(text_label)
        layout.addWidget(self.text_edit, 1)
        layout.addWidget(paste, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.error_line)
        layout.addWidget(buttons)

    @classmethod
    def ask(cls, parent: QWidget | None) -> PastedArticle | None:
        """Show the dialog; the pasted article, or None when cancelled."""
        dialog = cls(parent)
        return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def paste_clipboard(self) -> None:
        """Replace the text with the clipboard's."""
        text = QGuiApplication.clipboard().text()
        if text.strip():
            self.text_edit.setPlainText(text)

    def value(self) -> PastedArticle:
        """The article as entered (the text exactly as pasted); a date that cannot be read
        counts as not known here, and :meth:`validate` refuses it first."""
        try:
            published = self.published_edit.value()
        except DateProblem:
            published = None
        return PastedArticle(
            text=self.text_edit.toPlainText(),
            title=self.title_edit.text().strip(),
            outlet=self.outlet_edit.text().strip() or None,
            url=self.url_edit.text().strip() or None,
            published=published,
        )

    def validate(self) -> str | None:
        """The reason the article cannot be imported, or None."""
        article = self.value()
        if not article.text.strip():
            return "Paste the article's text first; there is nothing to import yet."
        date_problem = self.published_edit.problem()
        if date_problem:
            return date_problem
        if article.url:
            return url_problem(article.url)
        return None
