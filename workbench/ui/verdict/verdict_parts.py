"""Pieces of the verdict editor: the judgement's fields (rating buttons, confidence levels,
rationale) and other reviewers' verdicts."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from workbench.model import Judgement, RatingScale

#: Confidence as a journalist says it, and the number stored for each level.
CONFIDENCE_LEVELS: tuple[tuple[str, float | None], ...] = (
    ("Not set", None),
    ("Low", 0.3),
    ("Medium", 0.6),
    ("High", 0.9),
)

EDITOR_STYLE = """
QLabel[role="section"] { color: #3d4a5c; font-weight: bold; letter-spacing: 1px;
    padding-top: 6px; }
QLabel[role="meta"] { color: #5b6472; }
QLabel[role="hint"] { color: #5b6472; font-style: italic; }
QLabel[role="quote"] { background: #f4f2ec; border-left: 3px solid #b9b09a;
    padding: 6px 8px; color: #2f2f2f; }
QLabel[role="note"] { color: #5a4500; background: #fdf4d8; border: 1px solid #e8d48f;
    border-radius: 4px; padding: 6px 8px; }
QLabel[role="status"] { color: #5b6472; }
QPushButton[role="rating"], QPushButton[role="confidence"] { text-align: left;
    padding: 4px 10px; min-height: 1.5em; }
QPushButton[role="rating"]:checked, QPushButton[role="confidence"]:checked {
    background: #1f5f8b; color: white; border: 1px solid #174a6d; border-radius: 3px; }
QLabel[role="card"] { background: #f7f8fa; border: 1px solid #dde1e6; border-radius: 4px;
    padding: 8px 10px; }
QLabel[role="others"] { background: #eef4fa; border: 1px solid #c9d9ea; border-radius: 4px;
    padding: 6px 8px; }
"""


def confidence_label(value: float | None) -> str:
    """The level a stored confidence belongs to ("Not set", "Low", "Medium" or "High")."""
    if value is None:
        return "Not set"
    if value < 0.45:
        return "Low"
    if value < 0.75:
        return "Medium"
    return "High"


def section_title(text: str) -> QLabel:
    """A small upper-case heading for one part of the editor."""
    label = QLabel(text.upper())
    label.setProperty("role", "section")
    return label


def styled_label(text: str = "", role: str = "meta", *, wrap: bool = True) -> QLabel:
    """A plain-text label (never rendered as HTML) with one of the editor's roles."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    label.setProperty("role", role)
    return label


class RatingPicker(QWidget):
    """One button per label of the scale, numbered for the keyboard; the current one is ticked."""

    rating_chosen = Signal(str)

    COLUMNS = 2

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Fixed height: a squeezed editor must scroll, never overlap the buttons and clip their text.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(6)
        self._buttons: list[QPushButton] = []
        self._labels: list[str] = []
        self._current: str | None = None

    def set_scale(self, scale: RatingScale) -> None:
        """Show the labels of ``scale`` (best first)."""
        if [r.label for r in scale.ratings] == self._labels:
            return
        for button in self._buttons:
            button.deleteLater()
        self._buttons, self._labels = [], []
        for i, rating in enumerate(scale.ratings):
            button = QPushButton()
            button.setCheckable(True)
            button.setProperty("role", "rating")
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            tip = rating.description or rating.label
            button.setToolTip(f"{tip}\nKey {i + 1}" if i < 9 else tip)
            button.setAccessibleName(f"Rating {rating.label}")
            button.clicked.connect(lambda _=False, label=rating.label: self._clicked(label))
            self._grid.addWidget(button, i // self.COLUMNS, i % self.COLUMNS)
            self._buttons.append(button)
            self._labels.append(rating.label)
        self.set_current(self._current)
        if self._buttons:
            # Measured with the editor's style sheet applied (its padding makes the buttons taller
            # than their font): a grid laid out shorter would clip the last row's bottom border.
            for button in self._buttons:
                button.ensurePolished()
            height = max(button.sizeHint().height() for button in self._buttons)
            for button in self._buttons:
                button.setMinimumHeight(height)
            rows = -(-len(self._buttons) // self.COLUMNS)
            self.setMinimumHeight(rows * height + (rows - 1) * self._grid.spacing())

    def labels(self) -> list[str]:
        """Labels in scale order."""
        return list(self._labels)

    def current(self) -> str | None:
        """The ticked label."""
        return self._current

    def set_current(self, label: str | None) -> None:
        """Tick ``label`` (None: none ticked)."""
        self._current = label
        for i, (button, name) in enumerate(zip(self._buttons, self._labels, strict=True)):
            chosen = name == label
            button.setChecked(chosen)
            key = f"{i + 1}  " if i < 9 else ""
            button.setText(f"{key}{name}" + ("  ✓" if chosen else ""))

    def _clicked(self, label: str) -> None:
        # The tick follows what was saved: the editor calls set_current after saving.
        self.set_current(self._current)
        self.rating_chosen.emit(label)


class ConfidencePicker(QWidget):
    """Not set / Low / Medium / High as a row of buttons."""

    confidence_chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self._buttons: list[QPushButton] = []
        for i, (name, value) in enumerate(CONFIDENCE_LEVELS):
            button = QPushButton(name)
            button.setCheckable(True)
            button.setProperty("role", "confidence")
            button.setAccessibleName(f"Confidence {name}")
            self._group.addButton(button, i)
            button.clicked.connect(lambda _=False, v=value: self.confidence_chosen.emit(v))
            layout.addWidget(button)
            self._buttons.append(button)
        layout.addStretch(1)
        self.set_value(None)

    def value(self) -> float | None:
        """The stored number of the chosen level."""
        return CONFIDENCE_LEVELS[max(self._group.checkedId(), 0)][1]

    def set_value(self, value: float | None) -> None:
        """Choose the level that ``value`` belongs to."""
        wanted = confidence_label(value)
        for button, (name, _) in zip(self._buttons, CONFIDENCE_LEVELS, strict=True):
            button.setChecked(name == wanted)
            button.setText(name + ("  ✓" if name == wanted else ""))

    def button(self, name: str) -> QPushButton:
        """The button of one level, by name."""
        return self._buttons[[n for n, _ in CONFIDENCE_LEVELS].index(name)]

    def focus_current(self) -> None:
        """Put the keyboard focus on the chosen level (arrow keys move, Space chooses)."""
        checked = self._group.checkedButton() or self._buttons[0]
        checked.setFocus(Qt.FocusReason.ShortcutFocusReason)


class JudgementFields(QWidget):
    """The reviewer's judgement as widgets: rating buttons, confidence levels and rationale.

    Every field of :class:`~workbench.model.Judgement` is shown, read and locked here, so the
    editor around it handles a judgement whole. The rationale is typed (the editor saves it
    when typing pauses); every other field is a choice, saved as soon as it is made.
    """

    #: A choice other than the rating was made (the rating has its picker's own signal).
    choice_made = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rating_picker = RatingPicker()
        self.confidence_picker = ConfidencePicker()
        self.confidence_picker.confidence_chosen.connect(self._confidence_chosen)
        self.rationale_edit = text_edit(
            "Rationale", "Why this rating? Summarise what the evidence shows."
        )
        self.rationale_edit.setMinimumHeight(96)
        self.rationale_edit.setMaximumHeight(150)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.rating_picker)
        # The keys that reach each field (from the claims table or the article) are named here.
        layout.addWidget(styled_label("Confidence (key C)", "meta"))
        layout.addWidget(self.confidence_picker)
        layout.addWidget(styled_label("Rationale (key R)", "meta"))
        layout.addWidget(self.rationale_edit)

    def judgement(self, rating: str | None) -> Judgement:
        """The judgement the fields hold, with ``rating`` (None: a draft, no rating yet)."""
        return Judgement(
            rating,
            confidence=self.confidence_picker.value(),
            rationale=self.rationale_edit.toPlainText().strip(),
        )

    def show_choices(self, judgement: Judgement | None, *, keep_choices: bool = False) -> None:
        """Tick ``judgement``'s rating and choices; ``keep_choices`` leaves all but the rating.

        The rationale's text is not set here: the editor keeps what is being typed.
        """
        self.rating_picker.set_current(judgement.rating if judgement else None)
        if not keep_choices:
            self.confidence_picker.set_value(judgement.confidence if judgement else None)

    def set_editable(self, editable: bool) -> None:
        """Allow changes, or keep every field readable (and its text selectable) but locked."""
        self.rating_picker.setEnabled(editable)
        self.confidence_picker.setEnabled(editable)
        self.rationale_edit.setReadOnly(not editable)

    def _confidence_chosen(self, value: float | None) -> None:
        # Ticked at once: without a rating yet the choice waits, shown, until one is chosen.
        self.confidence_picker.set_value(value)
        self.choice_made.emit()


def text_edit(name: str, placeholder: str) -> QPlainTextEdit:
    """A plain-text field with an accessible name; Tab moves on instead of typing a tab."""
    edit = QPlainTextEdit()
    edit.setAccessibleName(name)
    edit.setPlaceholderText(placeholder)
    edit.setTabChangesFocus(True)
    return edit
