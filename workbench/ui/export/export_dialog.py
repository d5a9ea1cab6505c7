"""File ▸ Export…: choose formats, reviewers, dismissed claims and the output folder."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workbench.model import Reviewer
from workbench.report.formats import FORMATS

#: Formats ticked the first time the dialog opens.
DEFAULT_FORMATS = ("pdf", "html")


@dataclass(frozen=True, slots=True)
class ExportChoice:
    """What the journalist chose; an empty ``reviewers`` means everyone."""

    formats: tuple[str, ...]
    reviewers: tuple[str, ...]
    include_dismissed: bool
    folder: Path


class ExportDialog(QDialog):
    """Pick formats, reviewers, whether dismissed claims are listed, and where files go."""

    def __init__(
        self,
        reviewers: Sequence[Reviewer],
        default_dir: str | Path,
        parent: QWidget | None = None,
        formats: Sequence[str] = DEFAULT_FORMATS,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export fact-check report")
        self.format_boxes: dict[str, QCheckBox] = {}
        format_box = QGroupBox("Formats")
        format_layout = QVBoxLayout(format_box)
        for name, fmt in FORMATS.items():
            box = QCheckBox(fmt.label)
            box.setToolTip(fmt.description)
            box.setChecked(name in formats)
            box.toggled.connect(self._update_ok)
            self.format_boxes[name] = box
            format_layout.addWidget(box)

        self.reviewer_list = QListWidget()
        self.reviewer_list.setToolTip(
            "Only the verdicts of the ticked reviewers go into the report."
        )
        for reviewer in reviewers:
            item = QListWidgetItem(reviewer.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.reviewer_list.addItem(item)
        self.reviewer_list.itemChanged.connect(self._update_ok)
        self.reviewer_list.setMaximumHeight(120)
        reviewer_box = QGroupBox("Reviewers")
        reviewer_layout = QVBoxLayout(reviewer_box)
        if reviewers:
            reviewer_layout.addWidget(self.reviewer_list)
        else:
            self.reviewer_list.hide()
            reviewer_layout.addWidget(QLabel("No verdicts yet: the report lists the claims only."))

        self.include_dismissed = QCheckBox("Also list dismissed claims")

        self.folder_edit = QLineEdit(str(default_dir))
        self.folder_edit.textChanged.connect(self._update_ok)
        browse = QPushButton("Choose…")
        browse.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(browse)
        form = QFormLayout()
        form.addRow("Save in folder:", folder_row)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Export")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #a8201a;")

        layout = QVBoxLayout(self)
        layout.addWidget(format_box)
        layout.addWidget(reviewer_box)
        layout.addWidget(self.include_dismissed)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self._update_ok()

    def choice(self) -> ExportChoice:
        """The current choice (valid when the Export button is enabled)."""
        checked = self._checked_reviewers()
        everyone = len(checked) == self.reviewer_list.count()
        return ExportChoice(
            formats=tuple(n for n, box in self.format_boxes.items() if box.isChecked()),
            reviewers=() if everyone else tuple(checked),
            include_dismissed=self.include_dismissed.isChecked(),
            folder=Path(self.folder_edit.text().strip()).expanduser(),
        )

    def _checked_reviewers(self) -> list[str]:
        return [
            self.reviewer_list.item(i).text()
            for i in range(self.reviewer_list.count())
            if self.reviewer_list.item(i).checkState() == Qt.CheckState.Checked
        ]

    def _problem(self) -> str:
        if not any(box.isChecked() for box in self.format_boxes.values()):
            return "Tick at least one format."
        if self.reviewer_list.count() and not self._checked_reviewers():
            return "Tick at least one reviewer."
        folder = self.folder_edit.text().strip()
        if not folder:
            return "Choose a folder to save in."
        if not Path(folder).expanduser().is_dir():
            return "That folder does not exist."
        return ""

    def _update_ok(self) -> None:
        problem = self._problem()
        self.problem.setText(problem)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problem)

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, "Save the report in", self.folder_edit.text()
        )
        if folder:
            self.folder_edit.setText(folder)

    @classmethod
    def ask(
        cls, parent: QWidget | None, reviewers: Sequence[Reviewer], default_dir: str | Path
    ) -> ExportChoice | None:
        """Show the dialog; the choice, or None when cancelled."""
        dialog = cls(reviewers, default_dir, parent)
        try:
            return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
