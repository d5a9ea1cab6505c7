"""Help ▸ Keyboard shortcuts: every action with its keys, searchable."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


def action_rows(actions: list[QAction]) -> list[tuple[str, str]]:
    """(action name, its keys) for each action that has a shortcut, in the order given."""
    rows = []
    for action in actions:
        keys = ", ".join(
            s.toString(QKeySequence.SequenceFormat.NativeText)
            for s in action.shortcuts()
            if not s.isEmpty()
        )
        if not keys:
            continue
        name = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
        rows.append((name.removesuffix("…").removesuffix("...").strip(), keys))
    return rows


class ShortcutsDialog(QDialog):
    """A two-column table: what the action does, and the keys for it."""

    def __init__(self, parent: QWidget | None = None, actions: list[QAction] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        self.resize(480, 520)
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText("Find a shortcut…")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.apply_filter)
        rows = action_rows(actions or [])
        self._rows = rows
        self.table = QTableWidget(len(rows), 2)
        self.table.setHorizontalHeaderLabels(["Action", "Keys"])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        for i, (name, keys) in enumerate(rows):
            self.table.setItem(i, 0, QTableWidgetItem(name))
            self.table.setItem(i, 1, QTableWidgetItem(keys))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)

    @classmethod
    def show_for(cls, parent: QWidget | None, actions: list[QAction]) -> None:
        """Show the shortcuts of ``actions`` until the reviewer closes the dialog."""
        cls(parent, actions).exec()

    def rows(self) -> list[tuple[str, str]]:
        """The rows shown (hidden ones left out)."""
        return [row for r, row in enumerate(self._rows) if not self.table.isRowHidden(r)]

    def apply_filter(self, text: str) -> None:
        """Show only the rows whose action or keys contain ``text``."""
        wanted = text.strip().casefold()
        for r in range(self.table.rowCount()):
            line = " ".join(self._rows[r]).casefold()
            self.table.setRowHidden(r, bool(wanted) and wanted not in line)
