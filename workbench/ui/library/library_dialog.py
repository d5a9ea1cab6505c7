"""Open an earlier article: a searchable list of the database's articles."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workbench.services.desk import Desk

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
    """A list of articles with a search box; Enter opens the selected one."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Open article")
        self.resize(720, 440)
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
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.search.textChanged.connect(self.refresh)
        self.search.returnPressed.connect(self.accept)
        self.refresh()

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
        try:
            return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
