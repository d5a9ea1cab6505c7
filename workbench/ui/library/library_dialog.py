"""The library (Ctrl+L): earlier articles to open, and the fact-checks the team can draw on.

The Articles tab opens an article on the desk; the Fact-checks tab lists everything imported
and every rated verdict of the team (see :mod:`workbench.ui.library.factcheck_table`). That tab
is filled only when first shown, so opening an article stays as quick as ever.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from workbench.services.desk import Desk
from workbench.ui.common.dialogs import answer_of
from workbench.ui.library.factcheck_table import FactChecksPane

Index = QModelIndex | QPersistentModelIndex
_HEADERS = ("Title", "Outlet", "Imported", "Reviewed")


class ArticlesModel(QAbstractTableModel):
    """Rows of ``Desk.articles()``."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[dict[str, Any]] = []

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        """Show these articles."""
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def article_id(self, row: int) -> str:
        """The article id of a row."""
        return str(self._rows[row]["id"])

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(_HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(_HEADERS)
        ):
            return _HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        row = self._rows[index.row()]
        match index.column():
            case 0:
                return row["title"] or "Untitled article"
            case 1:
                return row["outlet"] or ""
            case 2:
                return (row["imported_at"] or "")[:10]
            case _:
                return f"{row['reviewed']} of {row['open_claims']}"


class OpenArticleDialog(QDialog):
    """Articles with a search box (Enter opens the selected one) and the fact-check library."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Library")
        self.resize(820, 480)
        self.desk = desk
        self.search = QLineEdit(placeholderText="Search titles, outlets, text and claims")
        self.search.setClearButtonEnabled(True)
        self.model = ArticlesModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self.accept)
        articles = QWidget()
        articles_layout = QVBoxLayout(articles)
        articles_layout.addWidget(self.search)
        articles_layout.addWidget(self.table, 1)
        self.factchecks = FactChecksPane(desk)
        self.tabs = QTabWidget()
        self.tabs.addTab(articles, "&Articles")
        self.tabs.addTab(self.factchecks, "&Fact-checks")
        self.tabs.currentChanged.connect(self._tab_shown)
        # The tables take Ctrl+Tab for themselves; between tabs it must work wherever focus is.
        for keys, step in (("Ctrl+Tab", 1), ("Ctrl+Shift+Tab", -1), ("Ctrl+Backtab", -1)):
            QShortcut(QKeySequence(keys), self, lambda step=step: self._next_tab(step))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel
        )
        self.open_button: QPushButton = buttons.button(QDialogButtonBox.StandardButton.Open)
        self._open_text = self.open_button.text()
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.search.textChanged.connect(self.refresh)
        self.search.returnPressed.connect(self.accept)
        self.refresh()
        # What is typed first is what is looked for.
        self.search.setFocus()

    def on_factchecks(self) -> bool:
        """True when the Fact-checks tab is showing."""
        return self.tabs.currentWidget() is self.factchecks

    def _next_tab(self, step: int) -> None:
        self.tabs.setCurrentIndex((self.tabs.currentIndex() + step) % self.tabs.count())

    def _tab_shown(self, _index: int) -> None:
        on_factchecks = self.on_factchecks()
        self.open_button.setText("Open &page" if on_factchecks else self._open_text)
        if on_factchecks:
            self.factchecks.load()
        (self.factchecks.search if on_factchecks else self.search).setFocus()

    def accept(self) -> None:
        """Open the selected article; on the Fact-checks tab, open the selected fact-check's page
        instead and stay open.
        """
        if self.on_factchecks():
            self.factchecks.open_row()
        else:
            super().accept()

    def refresh(self, query: str = "") -> None:
        """List the articles matching the search box."""
        self.model.set_rows(self.desk.articles(query))
        if self.model.rowCount():
            self.table.selectRow(0)

    def chosen(self) -> str | None:
        """The selected article's id."""
        index = self.table.currentIndex()
        return self.model.article_id(index.row()) if index.isValid() else None

    @classmethod
    def ask(cls, parent: QWidget | None, desk: Desk) -> str | None:
        """Let the reviewer pick an article; None when cancelled."""
        dialog = cls(desk, parent)
        return answer_of(dialog, dialog.chosen)
