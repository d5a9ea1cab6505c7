"""File ▸ Export: choose formats and a folder; the report is written on a worker."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from workbench.ui.common.views import DeskView
from workbench.ui.window import hooks

if TYPE_CHECKING:
    from workbench.model import Article
    from workbench.report.export import ExportResult
    from workbench.ui.export.export_task import ExportTask


class ExportView(DeskView, Protocol):
    """What the export controller asks of the window."""

    @property
    def article(self) -> Article | None:
        """The article shown."""
        ...

    def flush_editor(self) -> None:
        """Save text still waiting for the editor's autosave."""
        ...

    def show_status(self, message: str, msecs: int = 0) -> None:
        """A passing message in the status bar."""
        ...

    def show_message(self, title: str, message: str) -> None:
        """A warning the reviewer must acknowledge."""
        ...


class ExportController:
    """Exports the article shown; the running export is kept in :attr:`task`."""

    def __init__(self, view: ExportView) -> None:
        self.view = view
        self.task: ExportTask | None = None

    def export_report(self) -> None:
        """Ask what to export and where, then start writing the files."""
        from workbench.ui.export.export_task import start_export

        view = self.view
        if view.article is None:
            view.show_status("Open an article to export its report.", 5000)
            return
        view.flush_editor()
        choice = hooks.ask_export(
            view.dialog_parent, view.desk.reviewers(), view.settings.export_folder
        )
        if choice is None:
            return
        view.settings.export_folder = str(choice.folder)
        self.task = start_export(
            view.desk,
            view.article.id,
            choice,
            parent=view.dialog_parent,
            on_finished=self._on_exported,
            on_failed=lambda message: view.show_message("Export did not work", message),
        )
        view.show_status("Exporting the report…")

    def _on_exported(self, result: ExportResult) -> None:
        paths, notes = result.paths, result.notes
        where = str(Path(paths[0]).parent) if paths else "the chosen folder"
        self.view.show_status(f"Saved {len(paths)} report file(s) in {where}.", 8000)
        if notes:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.information(self.view.dialog_parent, "Report exported", "\n".join(notes))
