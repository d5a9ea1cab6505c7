"""A window beside the desk with the history of the selected claim or the open article."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workbench.services.blind import blind_hint
from workbench.services.history import History
from workbench.ui.common.dialogs import NOTE_STYLE
from workbench.ui.common.theme import TABLE_STYLE, heading
from workbench.ui.history.history_model import HistoryModel


class HistoryDialog(QDialog):
    """Read-only: every recorded change, newest first, with when, who and what.

    It stays open beside the desk (not modal) and is refreshed by its controller when the desk
    changes, so a rating just given shows at once.
    """

    def __init__(self, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        #: "claim" or "article": what this window follows.
        self.kind = kind
        self.setWindowTitle("Claim history" if kind == "claim" else "Article history")
        self.setModal(False)
        self.title_label = heading(QLabel(), 11)
        self.title_label.setWordWrap(True)
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)
        self.note_label = QLabel()
        self.note_label.setWordWrap(True)
        self.note_label.setStyleSheet(NOTE_STYLE)
        self.model = HistoryModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setStyleSheet(TABLE_STYLE + "QTableView::item { padding: 2px 6px; }")
        self.table.setAccessibleName("Changes, newest first")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setHighlightSections(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        layout.addWidget(self.title_label)
        layout.addWidget(self.note_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(820, 440)

    def show_history(self, history: History | None, empty: str = "", *, hidden: int = 0) -> None:
        """Show ``history``; with None, only the ``empty`` message (no claim selected…).

        ``hidden``: how many changes blind review keeps back (said, never shown).
        """
        self.model.set_history(history)
        self.title_label.setText(history.title if history is not None else "")
        self.title_label.setVisible(history is not None)
        if history is None:
            note = empty
        elif not history.lines:
            note = "Nothing has been recorded yet."
        else:
            changes = len(history.lines)
            note = f"{changes} change{'s' if changes != 1 else ''}, newest first."
        if history is not None and hidden:
            note += " " + blind_hint(
                hidden, "change by another reviewer", "changes by other reviewers"
            )
        self.note_label.setText(note)
        self._fit_columns()

    def lines_shown(self) -> list[str]:
        """Each row as one line of text, top to bottom (newest first), as read on screen."""
        model = self.model
        return [
            " · ".join(
                str(model.data(model.index(row, column))) for column in range(model.columnCount())
            )
            for row in range(model.rowCount())
        ]

    def _fit_columns(self) -> None:
        header = self.table.horizontalHeader()
        last = self.model.columnCount() - 1
        for column in range(last):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        if last >= 0:
            header.setSectionResizeMode(last, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()
