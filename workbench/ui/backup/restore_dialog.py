"""Choose a backup to restore."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbench.services.backup import BackupFile


class RestoreDialog(QDialog):
    """Lists a database's backups, newest first; the chosen one is returned by :meth:`ask`."""

    def __init__(self, backups: Sequence[BackupFile], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Restore from backup")
        self.backups = list(backups)
        intro = QLabel(
            "Choose the backup to put back. The file as it is now is kept as a backup first, "
            "so you can undo this."
            if self.backups
            else "There are no backups of this database yet."
        )
        intro.setWordWrap(True)
        self.list = QListWidget()
        for backup in self.backups:
            item = QListWidgetItem(f"{backup.label} — {max(1, backup.size // 1024)} KB")
            item.setData(Qt.ItemDataRole.UserRole, str(backup.path))
            item.setToolTip(str(backup.path))
            self.list.addItem(item)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Cancel | QDialogButtonBox.StandardButton.Ok
        )
        self.restore_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.restore_button.setText("Restore")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.list.currentRowChanged.connect(self._update)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        if self.backups:
            self.list.setCurrentRow(0)
        self._update()
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list)
        layout.addWidget(self.buttons)
        self.resize(520, 360)

    def _update(self) -> None:
        self.restore_button.setEnabled(self.list.currentRow() >= 0)

    def chosen(self) -> Path | None:
        """The selected backup's file."""
        item = self.list.currentItem()
        return Path(item.data(Qt.ItemDataRole.UserRole)) if item else None

    @classmethod
    def ask(cls, parent: QWidget | None, backups: Sequence[BackupFile]) -> Path | None:
        """Show the dialog; the chosen backup, or None if cancelled."""
        dialog = cls(backups, parent)
        return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None
