"""The lines of a history as a read-only table: newest first, when, (claim,) who, what."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from workbench.services.history import History, HistoryLine

Index = QModelIndex | QPersistentModelIndex


class HistoryModel(QAbstractTableModel):
    """A thin table over a :class:`History`; an article's history has a "Claim" column too."""

    def __init__(self) -> None:
        super().__init__()
        self._lines: list[HistoryLine] = []
        self._columns: list[str] = ["When", "Who", "What"]

    def set_history(self, history: History | None) -> None:
        """Show ``history`` (None: nothing), its newest change first."""
        self.beginResetModel()
        self._lines = list(reversed(history.lines)) if history is not None else []
        article = history is not None and history.kind == "article"
        self._columns = ["When", "Claim", "Who", "What"] if article else ["When", "Who", "What"]
        self.endResetModel()

    def line(self, row: int) -> HistoryLine:
        """The line shown in ``row``."""
        return self._lines[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> str | None:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self._columns)
        ):
            return self._columns[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> str | None:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        line = self._lines[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return line.text()
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        column = self._columns[index.column()]
        if column == "When":
            return line.when
        if column == "Claim":
            return str(line.claim_number) if line.claim_number is not None else "Article"
        if column == "Who":
            return line.who or "—"
        what = line.what + (f" ({line.times} times)" if line.times > 1 else "")
        return what[:1].upper() + what[1:]
