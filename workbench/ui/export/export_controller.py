"""File ▸ Export: choose formats and a folder; the report is written on a worker."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from workbench.settings import REPORT_ALL_CLAIMS, REPORT_BASE_URL
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

    def report_error(self, exc: Exception, action: str) -> None:
        """Show a lower layer's error."""
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
        base_url = REPORT_BASE_URL.read(view.desk.setting)
        all_claims = REPORT_ALL_CLAIMS.read(view.desk.setting)
        choice = hooks.ask_export(
            view.dialog_parent,
            view.desk.reviewers(),
            view.settings.export_folder,
            base_url,
            all_claims=all_claims,
        )
        if choice is None:
            return
        view.settings.export_folder = str(choice.folder)
        # What was typed or ticked in the dialog is kept for the next export (and for
        # Preferences and the command line, which read the same settings).
        changes: dict[str, object] = {}
        new_address = getattr(choice, "base_url", None)
        if new_address and new_address != base_url:
            changes[REPORT_BASE_URL.key] = new_address
        if choice.all_claims != all_claims:
            changes[REPORT_ALL_CLAIMS.key] = choice.all_claims
        try:
            for key, value in changes.items():
                view.desk.set_setting(key, value)
        except Exception as exc:
            view.report_error(exc, "Export")
            return
        view.show_status("Exporting the report…")
        self.task = start_export(
            view.desk,
            view.article.id,
            choice,
            parent=view.dialog_parent,
            on_finished=self._on_exported,
            on_failed=self._on_failed,
        )

    def _on_failed(self, message: str) -> None:
        self.view.show_status("The report was not exported.", 8000)
        self.view.show_message("Export did not work", message)

    def _on_exported(self, result: ExportResult) -> None:
        from workbench.ui.export.export_task import describe_failures

        paths, notes, failed = result.paths, result.notes, result.failed
        where = str(Path(paths[0]).parent) if paths else "the chosen folder"
        if not failed:
            self.view.show_status(f"Saved {len(paths)} report file(s) in {where}.", 8000)
            if notes:
                self.view.show_message("Report exported", "\n".join(notes))
            return
        missing = ", ".join(failed)
        self.view.show_status(
            f"Saved {len(paths)} report file(s) in {where}; not written: {missing}.", 8000
        )
        written = "\n".join(f"• {Path(p).name}" for p in paths)
        self.view.show_message(
            "Report partly exported",
            f"Written in {where}:\n{written}\n\n{describe_failures(failed)}"
            + ("\n\n" + "\n".join(notes) if notes else ""),
        )
