"""The Fact-checks tab of the library: everything imported and every verdict of the team.

Only the first matches are listed (see :data:`~workbench.services.factcheck_list.SHOWN_AT_MOST`),
so a library of 100,000 fact-checks stays quick to search; the count line says when there are
more. A fact-check's page opens in the browser only on a double-click or Enter.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QUrl,
)
from PySide6.QtGui import QDesktopServices, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workbench.services.desk import Desk
from workbench.services.factcheck_list import (
    SHOWN_AT_MOST,
    LibraryItem,
    LibraryPage,
    bring_team_in,
    library_page,
)

Index = QModelIndex | QPersistentModelIndex
HEADERS = ("Claim", "Rating", "Publisher", "Date", "Origin")
#: The origin filter: what the reviewer reads, and the origin it keeps.
ORIGINS = (("All", None), ("Imported", "import"), ("Our team", "team"))


def open_link(url: str) -> None:
    """Open a fact-check's page in the browser."""
    QDesktopServices.openUrl(QUrl(url))


class FactChecksModel(QAbstractTableModel):
    """The listed fact-checks, one row each."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._items: list[LibraryItem] = []

    def set_items(self, items: list[LibraryItem]) -> None:
        """Show these fact-checks."""
        self.beginResetModel()
        self._items = items
        self.endResetModel()

    def item(self, row: int) -> LibraryItem:
        """The fact-check of a row."""
        return self._items[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(HEADERS)
        ):
            return HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return _tooltip(item) if index.column() == 0 else None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        match index.column():
            case 0:
                return item.claim or item.title or ""
            case 1:
                return item.rating or ""
            case 2:
                return item.publisher or ""
            case 3:
                return item.date or ""
            case _:
                return item.origin_name


def _tooltip(item: LibraryItem) -> str:
    """The headline (when the fact-check has one), the claim and where it was published."""
    lines = [item.title] if item.title and item.title != item.claim else []
    lines.append(item.claim)
    if item.url:
        lines.append(item.url)
    return "\n".join(lines)


class FactChecksTable(QTableView):
    """A table on which Enter opens the selected fact-check, and does nothing else."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.doubleClicked.emit(self.currentIndex())
            event.accept()
            return
        super().keyPressEvent(event)


class FactChecksPane(QWidget):
    """Search field, origin filter, the table and a count of what is shown."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.loaded = False
        #: The most fact-checks listed at once.
        self.limit = SHOWN_AT_MOST
        self.search = QLineEdit(placeholderText="Words of the claim or headline")
        self.search.setClearButtonEnabled(True)
        self.origin = QComboBox()
        for text, _origin in ORIGINS:
            self.origin.addItem(text)
        self.model = FactChecksModel(self)
        self.table = FactChecksTable()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(HEADERS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.count = QLabel()
        self._lay_out()
        self.search.textChanged.connect(self.refresh)
        self.origin.currentIndexChanged.connect(self.refresh)
        self.table.doubleClicked.connect(self.open_row)
        self.search.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter in the search field goes to the list: a page opens only from the list."""
        if (
            watched is self.search
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.table.setFocus()
            return True
        return super().eventFilter(watched, event)

    def _lay_out(self) -> None:
        search_label = QLabel("&Search:")
        search_label.setBuddy(self.search)
        origin_label = QLabel("Sho&w:")
        origin_label.setBuddy(self.origin)
        filters = QHBoxLayout()
        filters.addWidget(search_label)
        filters.addWidget(self.search, 1)
        filters.addWidget(origin_label)
        filters.addWidget(self.origin)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)

    def load(self) -> None:
        """Bring the team's verdicts in and list the library (once; later calls do nothing)."""
        if self.loaded:
            return
        self.loaded = True
        bring_team_in(self.desk)
        self.refresh()

    def refresh(self, *_: object) -> None:
        """List the fact-checks that match the search field and the origin filter."""
        origin = ORIGINS[max(self.origin.currentIndex(), 0)][1]
        page = library_page(self.desk, self.search.text(), origin, self.limit)
        self.model.set_items(page.items)
        self.count.setText(_count_text(page, bool(self.search.text().strip() or origin)))
        if self.model.rowCount():
            self.table.selectRow(0)

    def selected(self) -> LibraryItem | None:
        """The selected fact-check, if any."""
        index = self.table.currentIndex()
        return self.model.item(index.row()) if index.isValid() else None

    def open_row(self, index: QModelIndex | None = None) -> bool:
        """Open the page of the fact-check at ``index`` (the selected one by default)."""
        if index is not None and index.isValid():
            item: LibraryItem | None = self.model.item(index.row())
        else:
            item = self.selected()
        if item is None or not item.url:
            return False
        open_link(item.url)
        return True


def _count_text(page: LibraryPage, filtered: bool) -> str:
    """What the line under the table says about how many fact-checks are listed."""
    if page.more:
        return f"{len(page.items):,} of {page.total:,} shown — refine the search"
    if not page.total:
        if filtered:
            return "No fact-check matches."
        return "The library is empty: File ▸ Import fact-checks… brings fact-checks in."
    noun = "fact-check" if page.total == 1 else "fact-checks"
    return f"{page.total:,} {noun}"
