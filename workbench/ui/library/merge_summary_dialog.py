"""What merging a colleague's work did: counts, and every conflict with what each file had."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbench.services.merge import NOUNS, field_name, shown_fields

if TYPE_CHECKING:
    from workbench.services.merge import MergeResult
    from workbench.services.merge_plan import Conflict


def _values(row: dict[str, object], fields: list[str]) -> str:
    shown = []
    for name in fields:
        if name not in row:
            continue
        value = row.get(name)
        text = "(none)" if value is None else " ".join(str(value).split())
        shown.append(f"{field_name(name)}: {text[:80]}")
    return "\n".join(shown) or "(other details)"


class MergeSummaryDialog(QDialog):
    """The result of a merge; conflicts in a table: what, this file, the other file, kept."""

    def __init__(self, result: MergeResult, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Merged a colleague's work")
        self.setMinimumWidth(860)
        lines = [
            line
            for line in result.lines()
            if not line.startswith("  ") and not line.startswith("A backup of")
        ]
        self.summary = QLabel("\n".join(lines))
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        self.conflicts = QTreeWidget()
        self.conflicts.setHeaderLabels(
            ["Changed in both files", "This file had", "The other had", "Kept"]
        )
        self.conflicts.setRootIsDecorated(False)
        self.conflicts.setWordWrap(True)
        self.conflicts.setAlternatingRowColors(True)
        for conflict in result.conflicts:
            self.conflicts.addTopLevelItem(_item(conflict))
        header = self.conflicts.header()
        header.setStretchLastSection(False)
        for column, width in enumerate((250, 250, 250, 90)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.conflicts.setVisible(bool(result.conflicts))
        layout.addWidget(self.conflicts)
        if result.backup is not None:
            note = QLabel(f"A backup of the file as it was before: {result.backup.name}")
            note.setTextFormat(Qt.TextFormat.PlainText)
            note.setStyleSheet("QLabel { color: #555; }")
            layout.addWidget(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)

    @classmethod
    def show_result(cls, parent: QWidget | None, result: MergeResult) -> None:
        """Show the dialog and wait until it is closed (replaced in tests)."""
        dialog = cls(result, parent)
        dialog.exec()
        dialog.deleteLater()


def _item(conflict: Conflict) -> QTreeWidgetItem:
    noun = NOUNS.get(conflict.entity, (conflict.entity, ""))[0]
    fields = shown_fields(conflict)
    kept = "This file's" if conflict.kept == "here" else "The other's"
    item = QTreeWidgetItem(
        [
            f"{noun[:1].upper()}{noun[1:]} {conflict.label}",
            _values(conflict.here, fields),
            _values(conflict.there, fields),
            kept,
        ]
    )
    item.setToolTip(0, "The newer version stands; the other is kept in the history.")
    for column in (1, 2):
        item.setToolTip(column, item.text(column))
    return item
