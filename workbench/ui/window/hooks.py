"""Where the window asks the reviewer something: dialogs by their ``ask`` methods, one place to replace in tests."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QWidget

ARTICLE_FILTER = (
    "Articles (*.txt *.md *.html *.htm *.docx *.pdf);;Text (*.txt *.md);;Web pages (*.html *.htm);;"
    "Word documents (*.docx);;PDF (*.pdf);;All files (*)"
)


def ask_reviewer(
    parent: QWidget | None, existing_names: list[str], current: str | None = None
) -> str | None:
    """Who is reviewing (a name from the list, or a new one)."""
    from workbench.ui.preferences.reviewer_dialog import ReviewerDialog

    return ReviewerDialog.ask(parent, existing_names, current)


def ask_pasted_article(parent: QWidget | None) -> Any:
    """Pasted text with its title, outlet, URL and date; None when cancelled."""
    from workbench.ui.library.paste_article_dialog import PasteArticleDialog

    return PasteArticleDialog.ask(parent)


def ask_preferences(parent: QWidget | None, settings: dict[str, Any]) -> dict[str, Any] | None:
    """The changed preferences; None when cancelled."""
    from workbench.ui.preferences.preferences_dialog import PreferencesDialog

    return PreferencesDialog.ask(parent, settings)


def show_shortcuts(parent: QWidget | None, actions: Sequence[QAction]) -> None:
    """List the keyboard shortcuts of these actions."""
    from workbench.ui.window.shortcuts_dialog import ShortcutsDialog

    ShortcutsDialog.show_for(parent, list(actions))


def ask_export(
    parent: QWidget | None,
    reviewers: Sequence[Any],
    folder: str,
    base_url: str = "",
    *,
    all_claims: bool = False,
) -> Any:
    """What to export and where (and the report's web address, for ClaimReview); None when
    cancelled."""
    from workbench.ui.export.export_dialog import ExportDialog

    return ExportDialog.ask(parent, reviewers, folder, base_url, all_claims=all_claims)


def ask_restore(parent: QWidget | None, backups: Sequence[Any]) -> Any:
    """The backup file to restore; None when cancelled."""
    from workbench.ui.backup.restore_dialog import RestoreDialog

    return RestoreDialog.ask(parent, backups)


def ask_article_files(parent: QWidget | None, folder: str = "") -> list[str]:
    """Article files to import."""
    from PySide6.QtWidgets import QFileDialog

    paths, _ = QFileDialog.getOpenFileNames(parent, "Import articles", folder, ARTICLE_FILTER)
    return paths
