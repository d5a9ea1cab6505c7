"""The verdict editor's outward reach: keys that take the focus to its fields, and its sources.

Kept apart from the editor's saving logic: the window and the tests call these, and the
sources panel does the work behind them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from workbench.model import Claim, Source

if TYPE_CHECKING:
    from workbench.ui.verdict.source_dialog import SourceInput
    from workbench.ui.verdict.sources_panel import SourcesPanel
    from workbench.ui.verdict.verdict_parts import ConfidencePicker


class EditorReach:
    """Mixed into :class:`~workbench.ui.verdict.verdict_editor.VerdictEditor`."""

    sources_panel: SourcesPanel
    rationale_edit: QPlainTextEdit
    confidence_picker: ConfidencePicker
    _claim: Claim | None

    def is_editable(self) -> bool:
        """True when the reviewer may change the verdict (the editor decides)."""
        raise NotImplementedError

    def focus_rationale(self) -> bool:
        """Put the cursor at the end of the rationale."""
        if self._claim is None:
            return False
        self.rationale_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.rationale_edit.moveCursor(QTextCursor.MoveOperation.End)
        return True

    def focus_confidence(self) -> bool:
        """Put the focus on the chosen confidence level (arrow keys move, Space chooses)."""
        if self._claim is None or not self.is_editable():
            return False
        self.confidence_picker.focus_current()
        return True

    def has_focus_inside(self) -> bool:
        """True when the keyboard focus is on one of the editor's fields or buttons."""
        focus = QApplication.focusWidget()
        return focus is not None and self.isAncestorOf(focus)  # type: ignore[attr-defined]

    # -- sources (the panel does the work) -------------------------------------------------
    def selected_source(self) -> Source | None:
        """The source selected in the list."""
        return self.sources_panel.selected_source()

    def add_source(self, prefill: dict[str, str] | None = None) -> bool:
        """Ask for a new source and add it to the verdict."""
        return self.sources_panel.add_source(prefill)

    def add_source_from(self, entered: SourceInput) -> bool:
        """Add a described source (with its attached file) to the verdict."""
        return self.sources_panel.add_source_from(entered)

    def paste_source(self) -> bool:
        """Start a source from the clipboard: an address fills its URL, other text its quote."""
        return self.sources_panel.paste_source()

    def edit_source(self, source: Source | None = None) -> bool:
        """Edit a source's fields (the selected one by default)."""
        return self.sources_panel.edit_source(source)

    def remove_source(self, source: Source | None = None) -> bool:
        """Remove a source (the selected one by default); undo brings it back with its file."""
        return self.sources_panel.remove_source(source)

    def export_attachment(self, source: Source, path: str | Path) -> bool:
        """Write a copy of a source's attached file to ``path``."""
        return self.sources_panel.export_attachment(source, path)
