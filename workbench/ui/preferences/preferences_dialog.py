"""Preferences: reviewer, scale for new databases, sensitivity, publishing, reports, backups."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from workbench.scales import available_scales, load_scale
from workbench.settings import (
    ASK_REVIEWER,
    BACKUP_KEEP,
    BLIND_REVIEW,
    IDLE_LOCK_MINUTES,
    MAX_CLAIMS,
    NEW_DATABASE_SCALE,
    ORGANISATION_NAME,
    ORGANISATION_URL,
    PREFERENCES,
    REPORT_BASE_URL,
    REPORT_PAGE_SIZE,
    REVIEWER,
    SENSITIVITY,
    SPACY_PIPELINE,
    Setting,
    preference_defaults,
)
from workbench.ui.common.dialogs import (
    NOTE_STYLE,
    ErrorLine,
    ValidatedDialog,
    answer_of,
    with_key,
)
from workbench.ui.preferences.fit import fit_height

#: Every preference this dialog edits, with the value used when none is stored (declared in
#: workbench.settings, by the names this dialog uses).
PREFERENCE_DEFAULTS: dict[str, Any] = preference_defaults()

PAGE_SIZES = REPORT_PAGE_SIZE.choices
#: When to ask who is reviewing at start, in words (by the values stored).
ASK_REVIEWER_CHOICES = {
    "shared": "When several people review in the file",
    "always": "Every time",
    "never": "Never: continue as the last reviewer",
}
PIPELINES = SPACY_PIPELINE.suggestions


def _number(value: Any, setting: Setting[Any]) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return float(setting.default)


def _spin_range(spin: QSpinBox | QDoubleSpinBox, setting: Setting[Any]) -> None:
    low, high = setting.minimum or 0, setting.maximum or 0
    if isinstance(spin, QSpinBox):
        spin.setRange(int(low), int(high))
    else:
        spin.setRange(float(low), float(high))


def _label(setting: Setting[Any], shortcut: str) -> str:
    """The registry's label with its first ``shortcut`` letter as the Alt+key, and a colon."""
    return f"{with_key(setting.label, shortcut)}:"


#: The most the settings take of the screen's height before they scroll (a 768-pixel laptop
#: screen keeps the buttons in sight).
MAX_SHOWN_HEIGHT = 560


class PreferencesDialog(ValidatedDialog):
    """Edit a dict of preferences; unknown keys are passed through untouched."""

    def __init__(self, parent: QWidget | None = None, values: dict[str, Any] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self.setMinimumWidth(560)
        self._values = {**preference_defaults(), **(values or {})}
        v = self._values

        self.reviewer_edit = QLineEdit(str(v[REVIEWER.name] or ""))
        self.reviewer_edit.setPlaceholderText(REVIEWER.help)
        self.ask_reviewer_combo = QComboBox()
        for when, words in ASK_REVIEWER_CHOICES.items():
            self.ask_reviewer_combo.addItem(words, when)
        asked = ASK_REVIEWER.accept(ASK_REVIEWER.tidy(v[ASK_REVIEWER.name]))
        self.ask_reviewer_combo.setCurrentIndex(max(self.ask_reviewer_combo.findData(asked), 0))
        self.ask_reviewer_combo.setToolTip(ASK_REVIEWER.help)

        self.scale_combo = QComboBox()
        for name in available_scales():
            scale = load_scale(name)
            self.scale_combo.addItem(scale.title, name)
        self.scale_labels = QLabel()
        self.scale_labels.setWordWrap(True)
        self.scale_combo.currentIndexChanged.connect(self._show_scale)
        index = self.scale_combo.findData(v[NEW_DATABASE_SCALE.name])
        self.scale_combo.setCurrentIndex(max(index, 0))
        self._show_scale()

        self.sensitivity_spin = QDoubleSpinBox()
        _spin_range(self.sensitivity_spin, SENSITIVITY)
        self.sensitivity_spin.setSingleStep(0.05)
        self.sensitivity_spin.setDecimals(2)
        self.sensitivity_spin.setValue(_number(v[SENSITIVITY.name], SENSITIVITY))
        self.claims_kept_spin = QSpinBox()
        _spin_range(self.claims_kept_spin, MAX_CLAIMS)
        self.claims_kept_spin.setSingleStep(50)
        self.claims_kept_spin.setValue(int(_number(v[MAX_CLAIMS.name], MAX_CLAIMS)))
        self.pipeline_combo = QComboBox()
        self.pipeline_combo.setEditable(True)
        self.pipeline_combo.addItems(PIPELINES)
        self.pipeline_combo.setCurrentText(str(v[SPACY_PIPELINE.name] or ""))

        self.organisation_edit = QLineEdit(str(v[ORGANISATION_NAME.name] or ""))
        self.organisation_edit.setPlaceholderText("e.g. Northern Fact Check")
        # The organisation's own site (the ClaimReview author's address), not where reports
        # are published: that is the report_base_url setting.
        self.base_url_edit = QLineEdit(str(v[ORGANISATION_URL.name] or ""))
        self.base_url_edit.setPlaceholderText("https://factcheck.example.org/")
        self.base_url_edit.setToolTip(ORGANISATION_URL.help)
        # Where the published report will live: each ClaimReview's ``url`` is built from it.
        self.report_url_edit = QLineEdit(str(v[REPORT_BASE_URL.name] or ""))
        self.report_url_edit.setPlaceholderText("https://factcheck.example.org/2024/council-roads")
        self.report_url_edit.setToolTip(REPORT_BASE_URL.help)
        self.page_combo = QComboBox()
        self.page_combo.addItems(PAGE_SIZES)
        page_size = REPORT_PAGE_SIZE.tidy(v[REPORT_PAGE_SIZE.name])
        self.page_combo.setCurrentText(REPORT_PAGE_SIZE.accept(page_size))

        self.backups_spin = QSpinBox()
        _spin_range(self.backups_spin, BACKUP_KEEP)
        self.backups_spin.setValue(int(_number(v[BACKUP_KEEP.name], BACKUP_KEEP)))
        # Minutes without input before an encrypted database locks; 0 reads "Never".
        self.idle_lock_spin = QSpinBox()
        _spin_range(self.idle_lock_spin, IDLE_LOCK_MINUTES)
        self.idle_lock_spin.setSpecialValueText("Never")
        self.idle_lock_spin.valueChanged.connect(
            lambda n: self.idle_lock_spin.setSuffix(" minute" if n == 1 else " minutes")
        )
        self.idle_lock_spin.setValue(int(_number(v[IDLE_LOCK_MINUTES.name], IDLE_LOCK_MINUTES)))
        self.idle_lock_spin.setSuffix(" minute" if self.idle_lock_spin.value() == 1 else " minutes")
        # Blind review: per database, so everyone reviewing in the file works the same way.
        self.blind_check = QCheckBox("Hide the others' ratings until I save mine")
        self.blind_check.setChecked(BLIND_REVIEW.accept(v.get(BLIND_REVIEW.name)))
        self.blind_check.setToolTip(BLIND_REVIEW.help)
        for widget in (
            self.sensitivity_spin,
            self.claims_kept_spin,
            self.backups_spin,
            self.page_combo,
            self.idle_lock_spin,
        ):
            widget.setMaximumWidth(140)

        # The groups scroll (the dialog is taller than a small laptop's screen); the error line
        # and the buttons stay in sight below them.
        outer = QVBoxLayout(self)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addWidget(
            _group(
                "Reviewer",
                [
                    (_label(REVIEWER, "n"), self.reviewer_edit),
                    (_label(ASK_REVIEWER, "a"), self.ask_reviewer_combo),
                ],
                ASK_REVIEWER.help,
            )
        )
        layout.addWidget(
            _group(
                "Finding claims",
                [
                    (_label(SENSITIVITY, "s"), self.sensitivity_spin),
                    (_label(MAX_CLAIMS, "k"), self.claims_kept_spin),
                    (_label(SPACY_PIPELINE, "y"), self.pipeline_combo),
                ],
                f"{SENSITIVITY.help} {MAX_CLAIMS.help}",
            )
        )
        layout.addWidget(
            _group(
                "New databases",
                [
                    (_label(NEW_DATABASE_SCALE, "c"), self.scale_combo),
                    ("Labels:", self.scale_labels),
                ],
                NEW_DATABASE_SCALE.help,
            )
        )
        layout.addWidget(
            _group(
                "Reports and publishing",
                [
                    (_label(ORGANISATION_NAME, "o"), self.organisation_edit),
                    (_label(ORGANISATION_URL, "w"), self.base_url_edit),
                    (_label(REPORT_BASE_URL, "r"), self.report_url_edit),
                    (_label(REPORT_PAGE_SIZE, "p"), self.page_combo),
                ],
                "The organisation and its address are named in ClaimReview exports. The "
                "report's web address is where the published report will live: each "
                "ClaimReview links to its claim there.",
            )
        )
        layout.addWidget(
            _group(
                "Team review (this database)",
                [(_label(BLIND_REVIEW, "v"), self.blind_check)],
                BLIND_REVIEW.help,
            )
        )
        layout.addWidget(
            _group(
                "Safety",
                [
                    (_label(BACKUP_KEEP, "b"), self.backups_spin),
                    (_label(IDLE_LOCK_MINUTES, "l"), self.idle_lock_spin),
                ],
                f"{BACKUP_KEEP.help} {IDLE_LOCK_MINUTES.help}",
            )
        )
        scroll.setWidget(content)
        scroll.setMinimumHeight(min(content.sizeHint().height(), MAX_SHOWN_HEIGHT))
        outer.addWidget(scroll)
        self.error_line = ErrorLine()
        outer.addWidget(self.error_line)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)

    @classmethod
    def ask(cls, parent: QWidget | None, values: dict[str, Any]) -> dict[str, Any] | None:
        """Show the dialog; the new preferences, or None when cancelled."""
        dialog = cls(parent, values)
        return answer_of(dialog, dialog.value)

    def value(self) -> dict[str, Any]:
        """Every preference as entered, plus any keys the dialog does not edit."""
        return {
            **self._values,
            REVIEWER.name: " ".join(self.reviewer_edit.text().split()),
            ASK_REVIEWER.name: self.ask_reviewer_combo.currentData(),
            NEW_DATABASE_SCALE.name: self.scale_combo.currentData(),
            SENSITIVITY.name: round(self.sensitivity_spin.value(), 2),
            ORGANISATION_NAME.name: self.organisation_edit.text().strip(),
            ORGANISATION_URL.name: self.base_url_edit.text().strip(),
            REPORT_BASE_URL.name: self.report_url_edit.text().strip(),
            REPORT_PAGE_SIZE.name: self.page_combo.currentText(),
            BACKUP_KEEP.name: self.backups_spin.value(),
            MAX_CLAIMS.name: self.claims_kept_spin.value(),
            SPACY_PIPELINE.name: self.pipeline_combo.currentText().strip(),
            IDLE_LOCK_MINUTES.name: self.idle_lock_spin.value(),
            BLIND_REVIEW.name: self.blind_check.isChecked(),
        }

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        fit_height(self)

    def accept(self) -> None:
        """Save when every entry is good; otherwise show what to fix, in full."""
        super().accept()
        if self.result() != QDialog.DialogCode.Accepted:
            fit_height(self)

    def _show_scale(self) -> None:
        name = self.scale_combo.currentData()
        self.scale_labels.setText(", ".join(load_scale(name).labels) if name else "")

    def validate(self) -> str | None:
        """The first problem with the entries, in words, or None."""
        # A spin box holding text it cannot read gives its last good number: say so first.
        for spin, setting in (
            (self.sensitivity_spin, SENSITIVITY),
            (self.claims_kept_spin, MAX_CLAIMS),
            (self.backups_spin, BACKUP_KEEP),
            (self.idle_lock_spin, IDLE_LOCK_MINUTES),
        ):
            if not spin.hasAcceptableInput():
                return setting.problem(None)
        values = self.value()
        if not values[REVIEWER.name]:
            return "Give the reviewer's name; verdicts are recorded under it."
        # Then what the services would refuse, in the same words.
        for setting in PREFERENCES:
            if setting.name in values:
                problem = setting.problem(values[setting.name])
                if problem:
                    return problem
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
