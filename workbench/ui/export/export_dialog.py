"""File ▸ Export…: choose formats, reviewers, which claims are listed and the output folder."""

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
from workbench.settings import REPORT_ALL_CLAIMS, REPORT_BASE_URL
from workbench.ui.common.dialogs import answer_of, with_key

#: Formats ticked the first time the dialog opens.
DEFAULT_FORMATS = ("pdf", "html")


@dataclass(frozen=True, slots=True)
class ExportChoice:
    """What the journalist chose; an empty ``reviewers`` means everyone."""

    formats: tuple[str, ...]
    reviewers: tuple[str, ...]
    include_dismissed: bool
    folder: Path
    #: The report's web address typed for ClaimReview (stored as the database's setting when
    #: exporting); None when no chosen format needs it.
    base_url: str | None = None
    #: Also list the claims nobody reviewed (kept for the next export).
    all_claims: bool = False


class ExportDialog(QDialog):
    """Pick formats, reviewers, whether dismissed claims are listed, and where files go."""

    def __init__(
        self,
        reviewers: Sequence[Reviewer],
        default_dir: str | Path,
        parent: QWidget | None = None,
        formats: Sequence[str] = DEFAULT_FORMATS,
        base_url: str = "",
        all_claims: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export fact-check report")
        self.format_boxes: dict[str, QCheckBox] = {}
        format_box = QGroupBox("Formats")
        format_layout = QVBoxLayout(format_box)
        for name, fmt in FORMATS.items():
            box = QCheckBox(with_key(fmt.label, FORMAT_KEYS.get(name, "")))
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
        reviewer_box = QGroupBox("Re&viewers")
        reviewer_layout = QVBoxLayout(reviewer_box)
        if reviewers:
            reviewer_layout.addWidget(self.reviewer_list)
        else:
            self.reviewer_list.hide()
            reviewer_layout.addWidget(QLabel("No verdicts yet: the report lists the claims only."))

        # A published report lists what people checked; the finder's other candidates are
        # listed only when asked for.
        self.all_claims = QCheckBox(with_key(REPORT_ALL_CLAIMS.label, "I"))
        self.all_claims.setToolTip(REPORT_ALL_CLAIMS.help)
        self.all_claims.setChecked(all_claims)
        self.include_dismissed = QCheckBox("Also list &dismissed claims")

        self.folder_edit = QLineEdit(str(default_dir))
        self.folder_edit.textChanged.connect(self._update_ok)
        browse = QPushButton("Ch&oose…")
        browse.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(browse)
        # Asked here when a format links to the published report (ClaimReview), so that it
        # never has to be looked up elsewhere; pre-filled from the database's setting.
        self.base_url_edit = QLineEdit(base_url)
        self.base_url_edit.setPlaceholderText("https://factcheck.example.org/2024/council-roads")
        self.base_url_edit.setToolTip(
            f"{REPORT_BASE_URL.help} Kept for the next export; also in Edit ▸ Preferences."
        )
        self.base_url_edit.textChanged.connect(self._update_ok)
        form = QFormLayout()
        folder_label = QLabel("&Save in folder:")
        folder_label.setBuddy(self.folder_edit)
        form.addRow(folder_label, folder_row)
        base_url_label = QLabel(with_key(f"{REPORT_BASE_URL.label}:", "W"))
        base_url_label.setBuddy(self.base_url_edit)
        form.addRow(base_url_label, self.base_url_edit)
        self._form = form

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Export")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #a8201a;")

        layout = QVBoxLayout(self)
        layout.addWidget(format_box)
        layout.addWidget(reviewer_box)
        layout.addWidget(self.all_claims)
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
            base_url=self.base_url_edit.text().strip() if self._needs_base_url() else None,
            all_claims=self.all_claims.isChecked(),
        )

    def _needs_base_url(self) -> bool:
        return any(
            box.isChecked() and FORMATS[name].needs_base_url
            for name, box in self.format_boxes.items()
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
        if self._needs_base_url():
            titles = " and ".join(
                FORMATS[n].title
                for n, box in self.format_boxes.items()
                if box.isChecked() and FORMATS[n].needs_base_url
            )
            address = self.base_url_edit.text().strip()
            if not address:
                return (
                    f"{titles} links each claim to the published report: give the report's "
                    f"web address above, or untick {titles}."
                )
            return REPORT_BASE_URL.problem(address) or ""
        return ""

    def _update_ok(self) -> None:
        # The address is asked only when a ticked format needs it.
        self._form.setRowVisible(self.base_url_edit, self._needs_base_url())
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
        cls,
        parent: QWidget | None,
        reviewers: Sequence[Reviewer],
        default_dir: str | Path,
        base_url: str = "",
        *,
        all_claims: bool = False,
    ) -> ExportChoice | None:
        """Show the dialog; the choice, or None when cancelled."""
        dialog = cls(reviewers, default_dir, parent, base_url=base_url, all_claims=all_claims)
        return answer_of(dialog, dialog.choice)


#: Each format's Alt+letter in the dialog (every option has one; none is used twice).
FORMAT_KEYS = {"pdf": "P", "html": "H", "md": "M", "json": "J", "csv": "C", "claimreview": "R"}
