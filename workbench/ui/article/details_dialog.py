"""Article ▸ Details…: correct the title, outlet, author, date, web address and language."""

from __future__ import annotations

from contextlib import suppress
from typing import Any

from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from workbench.dates import DateProblem
from workbench.model import Article
from workbench.services.articles import check_details
from workbench.store import StoreError
from workbench.ui.common.date_entry import DateEntry
from workbench.ui.common.dialogs import NOTE_STYLE, ErrorLine, ValidatedDialog, answer_of

#: Field name, label (with its Alt+letter) and the hint shown while the field is empty.
FIELDS = (
    ("title", "&Title:", "The headline as published"),
    ("outlet", "&Outlet:", "e.g. Reuters"),
    ("author", "A&uthor:", "e.g. Jane Doe; John Smith"),
    ("published", "&Published:", "e.g. 24 July 2015, 24/07/2015 or 2015-07-24"),
    ("url", "&Web address:", "https://…"),
    ("language", "&Language:", "e.g. en"),
)


class DetailsDialog(ValidatedDialog):
    """The article's details as fields; Save keeps them only when every field is valid."""

    def __init__(self, article: Article, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Article details")
        self.setMinimumWidth(520)
        self.article = article
        note = QLabel(
            "Correct what the page said about itself. The article's text and its claims stay "
            "as they are; Edit ▸ Undo puts the old details back."
        )
        note.setWordWrap(True)
        note.setStyleSheet(NOTE_STYLE)
        self.fields: dict[str, QLineEdit] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        #: The date typed as text or picked from its calendar (Alt+Down), as everywhere.
        self.date_picker = DateEntry(article.published)
        for name, label_text, hint in FIELDS:
            if name == "published":
                edit = self.date_picker.edit
            else:
                edit = QLineEdit(str(getattr(article, name) or ""))
            edit.setPlaceholderText(hint)
            edit.setObjectName(f"{name}Field")
            edit.textEdited.connect(lambda _=None: self.error_line.clear_error())
            self.fields[name] = edit
            label = QLabel(label_text)
            label.setBuddy(edit)
            form.addRow(label, self.date_picker if name == "published" else edit)
        self.fields["language"].setMaximumWidth(120)
        self.error_line = ErrorLine()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText("&Save")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.error_line)
        layout.addWidget(buttons)
        self.fields["title"].setFocus()
        self.fields["title"].selectAll()
        #: The fields as first shown: only a field the reviewer changed is checked, so that a
        #: date an import stored as it found it ("July 2015") never blocks correcting the title.
        self._shown = self.entered()

    def entered(self) -> dict[str, Any]:
        """Every field as typed (a stored date-time left untouched is kept as it was)."""
        entered = {name: edit.text() for name, edit in self.fields.items()}
        # Text that is no date stays as typed: checking it names the problem.
        with suppress(DateProblem):
            entered["published"] = self.date_picker.value() or ""
        return entered

    def _edited(self) -> dict[str, Any]:
        """The fields the reviewer changed, as typed."""
        return {k: v for k, v in self.entered().items() if v != self._shown.get(k)}

    def changes(self) -> dict[str, Any]:
        """The fields whose value differs from the article's (dates compared once read)."""
        checked = check_details(self._edited())
        return {k: v for k, v in checked.items() if v != getattr(self.article, k)}

    def validate(self) -> str | None:
        """The first problem with what was typed, in words, or None."""
        try:
            check_details(self._edited())
        except StoreError as exc:
            return str(exc)
        return None

    @classmethod
    def ask(cls, parent: QWidget | None, article: Article) -> dict[str, Any] | None:
        """The changed details, {} when nothing changed, or None when cancelled."""
        dialog = cls(article, parent)
        return answer_of(dialog, dialog.changes)
