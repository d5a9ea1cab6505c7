"""Article ▸ Details…: correct the title, outlet, author, date, web address and language."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCalendarWidget,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from workbench.model import Article
from workbench.services.articles import check_details
from workbench.store import StoreError
from workbench.ui.common.dialogs import NOTE_STYLE, ErrorLine, ValidatedDialog

#: Field name, label (with its Alt+letter) and the hint shown while the field is empty.
FIELDS = (
    ("title", "&Title:", "The headline as published"),
    ("outlet", "&Outlet:", "e.g. Reuters"),
    ("author", "A&uthor:", "e.g. Jane Doe; John Smith"),
    ("published", "&Published:", "e.g. 24 July 2015, 24/07/2015 or 2015-07-24"),
    ("url", "&Web address:", "https://…"),
    ("language", "&Language:", "e.g. en"),
)


class DatePicker(QToolButton):
    """A button that opens a calendar and writes the picked date into a text field."""

    def __init__(self, field: QLineEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setText("Pic&k date…")
        # The pop-up arrow would sit on the text; the words say what the button does.
        self.setStyleSheet("QToolButton::menu-indicator { image: none; width: 0px; }")
        self.setToolTip("Pick the date from a calendar")
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.field = field
        self.calendar = QCalendarWidget()
        self.calendar.clicked.connect(self._picked)
        self.calendar.activated.connect(self._picked)
        menu = QMenu(self)
        holder = QWidgetAction(menu)
        holder.setDefaultWidget(self.calendar)
        menu.addAction(holder)
        menu.aboutToShow.connect(self._show_current)
        self.setMenu(menu)

    def _show_current(self) -> None:
        try:
            iso = check_details({"published": self.field.text()}).get("published")
        except StoreError:
            iso = None
        day = QDate.fromString((iso or "")[:10], Qt.DateFormat.ISODate)
        self.calendar.setSelectedDate(day if day.isValid() else QDate.currentDate())

    def _picked(self, day: QDate) -> None:
        self.field.setText(day.toString(Qt.DateFormat.ISODate))
        self.menu().close()
        self.field.setFocus()


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
        for name, label_text, hint in FIELDS:
            edit = QLineEdit(str(getattr(article, name) or ""))
            edit.setPlaceholderText(hint)
            edit.setObjectName(f"{name}Field")
            edit.textEdited.connect(lambda _=None: self.error_line.clear_error())
            self.fields[name] = edit
            label = QLabel(label_text)
            label.setBuddy(edit)
            if name == "published":
                self.date_picker = DatePicker(edit)
                row = QHBoxLayout()
                row.addWidget(edit, 1)
                row.addWidget(self.date_picker)
                form.addRow(label, row)
            else:
                form.addRow(label, edit)
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

    def entered(self) -> dict[str, Any]:
        """Every field as typed."""
        return {name: edit.text() for name, edit in self.fields.items()}

    def changes(self) -> dict[str, Any]:
        """The fields whose value differs from the article's (dates compared once read)."""
        checked = check_details(self.entered())
        return {k: v for k, v in checked.items() if v != getattr(self.article, k)}

    def validate(self) -> str | None:
        """The first problem with what was typed, in words, or None."""
        try:
            check_details(self.entered())
        except StoreError as exc:
            return str(exc)
        return None

    @classmethod
    def ask(cls, parent: QWidget | None, article: Article) -> dict[str, Any] | None:
        """The changed details, {} when nothing changed, or None when cancelled."""
        dialog = cls(article, parent)
        if dialog.exec() != cls.DialogCode.Accepted:
            return None
        return dialog.changes()
