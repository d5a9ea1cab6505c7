"""Who is reviewing? Pick an existing reviewer or add a new name, from the keyboard.

On first start the name field has the keyboard: type a name and press Enter. With reviewers
already in the file, the last one is chosen and has the keyboard: one Enter continues as them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from workbench.ui.common.dialogs import NOTE_STYLE, ErrorLine, ValidatedDialog
from workbench.ui.preferences.fit import fit_height


class ReviewerDialog(ValidatedDialog):
    """Choose the reviewer whose verdicts the desk records from now on."""

    def __init__(
        self,
        parent: QWidget | None = None,
        existing_names: list[str] | None = None,
        current: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Who is reviewing?")
        self.setMinimumWidth(420)
        self._names = list(existing_names or [])
        intro = QLabel(
            "Verdicts are recorded under your name, so colleagues can see who checked what."
        )
        intro.setWordWrap(True)
        intro.setStyleSheet(NOTE_STYLE)
        self.existing_radio = QRadioButton("I &am")
        self.names_combo = QComboBox()
        self.names_combo.addItems(self._names)
        self.new_radio = QRadioButton("Someone &new:")
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText("Your name, e.g. Anna Berg")
        self.name_edit.setAccessibleName("Your name")
        self.name_label = QLabel("Your &name:")
        self.name_label.setBuddy(self.name_edit)
        self.name_edit.textEdited.connect(lambda _: self.new_radio.setChecked(True))
        self.names_combo.activated.connect(lambda _: self.existing_radio.setChecked(True))
        # Choosing an option (by its Alt+letter or a click) puts the keyboard where it is
        # answered, at once: typing goes into the name field, not onto a radio button.
        self.new_radio.setFocusProxy(self.name_edit)
        self.existing_radio.setFocusProxy(self.names_combo)
        group = QButtonGroup(self)
        group.addButton(self.existing_radio)
        group.addButton(self.new_radio)

        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.addWidget(self.existing_radio, 0, 0)
        grid.addWidget(self.names_combo, 0, 1)
        grid.addWidget(self.new_radio, 1, 0)
        grid.addWidget(self.name_label, 1, 0)
        grid.addWidget(self.name_edit, 1, 1)
        grid.setColumnStretch(1, 1)
        if self._names:
            self.name_label.hide()
            self.existing_radio.setChecked(True)
            if current and current in self._names:
                self.names_combo.setCurrentText(current)
        else:
            # Nothing to choose from: a plain name field, not a radio button with one choice.
            for widget in (self.existing_radio, self.names_combo, self.new_radio):
                widget.hide()
            self.new_radio.setChecked(True)
        self.error_line = ErrorLine()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("Start reviewing")
        self.ok_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(intro)
        layout.addLayout(grid)
        layout.addWidget(self.error_line)
        layout.addWidget(buttons)

    @classmethod
    def ask(
        cls, parent: QWidget | None, existing_names: list[str], current: str | None = None
    ) -> str | None:
        """Show the dialog; the reviewer's name, or None when closed without one."""
        dialog = cls(parent, existing_names, current)
        return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def natural_field(self) -> QWidget:
        """Where typing or Enter is answered: the chosen name, or the name field."""
        return self.names_combo if self.existing_radio.isChecked() else self.name_edit

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Set here, not when built: a widget not yet shown does not keep the focus it is given,
        # and the dialog would hand it to its first radio button.
        self.natural_field().setFocus(Qt.FocusReason.OtherFocusReason)
        fit_height(self)

    def value(self) -> str | None:
        """The chosen name; a new name that matches an existing one gives the existing spelling."""
        if self.existing_radio.isChecked() and self._names:
            return self.names_combo.currentText()
        name = " ".join(self.name_edit.text().split())
        if not name:
            return None
        return next((n for n in self._names if n.casefold() == name.casefold()), name)

    def validate(self) -> str | None:
        """Why the dialog cannot close yet (no name), or None."""
        if not self.value():
            if self._names:
                return "Type your name, or choose it from the list."
            return "Type your name: verdicts are recorded under it."
        return None

    def accept(self) -> None:
        """Close with a name; without one, say so and keep the name field ready to type in."""
        super().accept()
        if self.result() != QDialog.DialogCode.Accepted and not self.error_line.isHidden():
            fit_height(self)
            self.name_edit.setFocus(Qt.FocusReason.OtherFocusReason)
