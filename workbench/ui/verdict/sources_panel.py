"""The sources part of the verdict editor: list, add, paste, edit, remove, save a file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListView,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from workbench.model import Judgement, Source, Verdict
from workbench.services.review import check_url
from workbench.store import StoreError
from workbench.ui.common import undo
from workbench.ui.verdict import source_commands
from workbench.ui.verdict.sources_view import SourceDelegate, SourceListModel
from workbench.ui.verdict.verdict_parts import styled_label

if TYPE_CHECKING:
    from workbench.services.desk import Desk
    from workbench.ui.verdict.source_dialog import SourceInput


class SourcesPanel(QWidget):
    """A verdict's sources; every change goes through an undoable command."""

    #: A short message for the editor's status line (e.g. after removing a source).
    status_message = Signal(str)

    def __init__(
        self,
        push: Callable[[undo.DeskCommand], bool],
        on_change: undo.OnChange,
        show_error: Callable[[str], None],
        draft: Callable[[], Judgement],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._push = push
        self._on_change = on_change
        self._show_error = show_error
        # What the reviewer has written so far: a source added before any rating is kept on a
        # draft verdict holding it.
        self._draft = draft
        self._desk: Desk | None = None
        self._claim_id: str | None = None
        self._reviewer_id: str | None = None
        self._verdict: Verdict | None = None
        self._editable = False

        self.model = SourceListModel(self)
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setAccessibleName("Sources")
        self.view.setAlternatingRowColors(True)
        self.view.setItemDelegate(SourceDelegate(self.view))
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setSpacing(2)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.doubleClicked.connect(lambda _: self.edit_source())
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._refresh())
        self._menu_actions: list[tuple[QToolButton, QAction]] = []
        self.hint = styled_label("", "hint")
        self.add_button = _button(
            "Add…", "Add a document, page, data set or person (key A from the claims list)"
        )
        self.add_button.clicked.connect(lambda: self.add_source())
        # Pasting is the second way to add, so it sits in the Add button's menu.
        self.paste_action = QAction("Paste from clipboard…", self)
        self.paste_action.setToolTip(
            "Start a source from the clipboard: an address becomes its URL, text its quote"
        )
        self.paste_action.triggered.connect(self.paste_source)
        add_menu = QMenu(self)
        add_menu.addAction("New source…", lambda: self.add_source())
        add_menu.addAction(self.paste_action)
        self.add_button.setMenu(add_menu)
        self.add_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.edit_button = _button("Edit…", "Change the selected source")
        self.edit_button.clicked.connect(lambda: self.edit_source())
        self.remove_button = _button("Remove", "Remove the selected source (undoable)")
        self.remove_button.clicked.connect(lambda: self.remove_source())
        self.export_button = _button("Save file…", "Save a copy of the attached file")
        self.export_button.clicked.connect(self._ask_export)

        for button in (self.edit_button, self.remove_button, self.export_button):
            action = QAction(button.text(), self)
            action.triggered.connect(button.click)
            self.view.addAction(action)
            self._menu_actions.append((button, action))
        buttons = QHBoxLayout()
        buttons.setSpacing(6)
        for button in (
            self.add_button,
            self.edit_button,
            self.remove_button,
            self.export_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.hint)
        layout.addWidget(self.view)
        layout.addLayout(buttons)

    def set_state(
        self,
        desk: Desk | None,
        claim_id: str | None,
        verdict: Verdict | None,
        editable: bool,
        reviewer_id: str | None = None,
    ) -> None:
        """Show ``verdict``'s sources; ``editable`` says whether they may change."""
        self._desk, self._claim_id, self._verdict = desk, claim_id, verdict
        self._reviewer_id = (
            reviewer_id if reviewer_id else (verdict.reviewer_id if verdict else None)
        )
        self._editable = editable
        selected = self.selected_source()
        self.model.set_sources(verdict.sources if verdict else [])
        if selected is not None:
            for row, source in enumerate(self.model.sources()):
                if source.id == selected.id:
                    self.view.setCurrentIndex(self.model.index(row))
        self._fit_height()
        self._refresh()

    def _fit_height(self) -> None:
        # The list grows with its sources (up to a limit) instead of leaving an empty box;
        # with none, the hint above says what to do.
        count = self.model.rowCount()
        self.view.setVisible(count > 0)
        rows = sum(self.view.sizeHintForRow(r) + 2 * self.view.spacing() for r in range(count))
        self.view.setFixedHeight(min(170, rows + 2 * self.view.frameWidth() + 12))

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Long source lines wrap differently at a new width: fit the list again."""
        super().resizeEvent(event)
        self._fit_height()

    def selected_source(self) -> Source | None:
        """The source selected in the list."""
        rows = self.view.selectionModel().selectedRows()
        return self.model.source_at(rows[0].row()) if rows else None

    def _can_change(self) -> bool:
        # No verdict is needed: the first source of an unrated claim starts a draft.
        return bool(
            self._editable and self._desk is not None and self._claim_id and self._reviewer_id
        )

    def add_source(self, prefill: dict[str, str] | None = None) -> bool:
        """Ask for a new source and add it to the verdict."""
        if not self._can_change():
            return False
        from workbench.ui.verdict.source_dialog import SourceDialog

        entered = SourceDialog.ask(self, prefill=prefill, check=self._repeats)
        return entered is not None and self.add_source_from(entered)

    def _repeats(self, entered: SourceInput) -> str | None:
        """Why a source about to be added would add nothing: the verdict already has it."""
        if self._desk is None or self._verdict is None:
            return None
        if self._desk.verdicts.repeated_source(
            self._verdict.id, entered.fields, attachment=entered.attachment
        ):
            return (
                "That address is already one of this verdict's sources. Quote another passage "
                "or add a note to keep it as a source of its own."
            )
        return None

    def add_source_from(self, entered: SourceInput) -> bool:
        """Add a described source (with its attached file) to the verdict."""
        if not self._can_change():
            return False
        assert self._desk and self._claim_id and self._reviewer_id
        command = source_commands.AddSourceCommand(
            self._desk,
            self._claim_id,
            self._reviewer_id,
            entered.fields,
            draft=self._draft(),
            attachment=entered.attachment,
            attachment_name=entered.attachment_name,
            on_change=self._on_change,
        )
        if not self._push(command):
            return False
        if command.source is None:
            self.status_message.emit("That address is already one of this verdict's sources.")
        return True

    def paste_source(self) -> bool:
        """Start a source from the clipboard: an address fills its URL, other text its quote."""
        text = QGuiApplication.clipboard().text().strip()
        prefill: dict[str, str] = {}
        if text:
            try:
                prefill["url"] = check_url(text)
            except StoreError:
                prefill["quote"] = text
        return self.add_source(prefill)

    def edit_source(self, source: Source | None = None) -> bool:
        """Edit a source's fields (the selected one by default)."""
        source = source or self.selected_source()
        if source is None or not self._can_change():
            return False
        from workbench.ui.verdict.source_dialog import SourceDialog

        entered = SourceDialog.ask(self, source)
        if entered is None:
            return False
        changed = {k: v for k, v in entered.fields.items() if getattr(source, k) != v}
        if not changed:
            return True
        assert self._desk and self._claim_id
        return self._push(
            source_commands.EditSourceCommand(
                self._desk, self._claim_id, source.id, changed, self._on_change
            )
        )

    def remove_source(self, source: Source | None = None) -> bool:
        """Remove a source (the selected one by default); undo brings it back with its file."""
        source = source or self.selected_source()
        if source is None or not self._can_change():
            return False
        assert self._desk and self._claim_id
        done = self._push(
            source_commands.RemoveSourceCommand(
                self._desk, self._claim_id, source.id, self._on_change
            )
        )
        if done:
            self.status_message.emit("Source removed. Undo puts it back with its file.")
        return done

    def export_attachment(self, source: Source, path: str | Path) -> bool:
        """Write a copy of a source's attached file to ``path``."""
        if self._desk is None:
            return False
        try:
            data = self._desk.verdicts.attachment(source.id)
            if data is None:
                self._show_error("This source has no attached file.")
                return False
            Path(path).write_bytes(data)
        except StoreError as exc:
            self._show_error(str(exc))
            return False
        except OSError as exc:
            self._show_error(f"Could not save the file: {exc.strerror or exc}.")
            return False
        return True

    def _ask_export(self) -> None:
        source = self.selected_source()
        if source is None or not source.attachment_name:
            return
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getSaveFileName(self, "Save attached file", source.attachment_name)
        if path:
            self.export_attachment(source, path)

    def _refresh(self) -> None:
        can_add = self._can_change()
        selected = self.selected_source()
        self.add_button.setEnabled(can_add)
        self.paste_action.setEnabled(can_add)
        self.edit_button.setEnabled(can_add and selected is not None)
        self.remove_button.setEnabled(can_add and selected is not None)
        self.export_button.setEnabled(bool(selected and selected.attachment_name))
        for button, action in self._menu_actions:
            action.setEnabled(button.isEnabled())
        if self._editable and not (self._verdict and self._verdict.sources):
            hint = (
                "No sources yet. Add the documents, data or people behind your verdict "
                "(key A), before or after choosing a rating."
            )
        else:
            hint = ""
        self.hint.setText(hint)
        self.hint.setVisible(bool(hint))


def _button(text: str, tip: str) -> QToolButton:
    # Tool buttons keep the row narrow enough for a side panel of about 320 pixels.
    button = QToolButton()
    button.setText(text)
    button.setToolTip(tip)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    return button
