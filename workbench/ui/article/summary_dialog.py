"""Article ▸ Summary…: the editor's written summary, printed at the top of the report."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from workbench.model import Article
from workbench.services.articles import check_details
from workbench.store import StoreError
from workbench.ui.common.dialogs import NOTE_STYLE, ErrorLine, ValidatedDialog, answer_of


class SummaryDialog(ValidatedDialog):
    """A multi-line editor for the summary; Tab moves on to the buttons, it types no tab."""

    def __init__(self, article: Article, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Summary of the fact-check")
        self.setMinimumSize(560, 380)
        self.article = article
        label = QLabel("S&ummary of this fact-check, printed at the top of the report:")
        title = QLabel(f"“{article.title}”")
        title.setWordWrap(True)
        title.setStyleSheet(NOTE_STYLE)
        self.editor = QPlainTextEdit(article.summary)
        self.editor.setObjectName("summaryEditor")
        self.editor.setTabChangesFocus(True)
        self.editor.setPlaceholderText(
            "What was checked, what was found, and what readers should take away."
        )
        self.editor.textChanged.connect(self._on_changed)
        label.setBuddy(self.editor)
        self.count = QLabel()
        self.count.setStyleSheet(NOTE_STYLE)
        self.error_line = ErrorLine()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText("&Save")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(title)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.count)
        layout.addWidget(self.error_line)
        layout.addWidget(buttons)
        self._on_changed()
        self.editor.setFocus()

    def _on_changed(self) -> None:
        words = len(self.editor.toPlainText().split())
        self.count.setText(f"{words} word{'' if words == 1 else 's'}")
        self.error_line.clear_error()

    def summary(self) -> str:
        """The summary as it will be saved (surrounding blank lines dropped)."""
        return self.editor.toPlainText().strip()

    def validate(self) -> str | None:
        """Why the summary cannot be saved, or None."""
        try:
            check_details({"summary": self.summary()})
        except StoreError as exc:
            return str(exc)
        return None

    @classmethod
    def ask(cls, parent: QWidget | None, article: Article) -> str | None:
        """The new summary, or None when cancelled."""
        dialog = cls(article, parent)
        return answer_of(dialog, dialog.summary)
