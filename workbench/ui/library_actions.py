"""The library side of the window: import, paste, open earlier articles, recent files, export."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QDragEnterEvent, QDropEvent

from . import hooks

if TYPE_CHECKING:
    from .main_window import MainWindow

    _Base = MainWindow
else:
    _Base = object


class LibraryActions(_Base):
    """The File menu's actions; mixed into the main window."""

    def import_dialog(self) -> None:
        """Ask for article files and import them."""
        paths = hooks.ask_article_files(self, self.settings.last_folder)
        if paths:
            self.settings.last_folder = str(Path(paths[0]).parent)
            self.imports.import_files(paths)

    def paste_article(self) -> None:
        """Import pasted text."""
        try:
            pasted = hooks.ask_pasted_article(self)
        except ImportError:
            self.show_message("Paste article", "Pasting articles is not available in this version.")
            return
        if pasted is not None:
            self.imports.import_pasted(
                pasted.text,
                title=pasted.title,
                outlet=pasted.outlet,
                url=pasted.url,
                published=pasted.published,
            )

    def open_article_dialog(self) -> None:
        """Pick an earlier article from the library."""
        from .library_dialog import OpenArticleDialog

        article_id = OpenArticleDialog.ask(self, self.desk)
        if article_id:
            self.open_article(article_id)

    def remember_recent(self, path: str) -> None:
        """Put a file at the top of File ▸ Recent files."""
        self.settings.add_recent(path)

    def fill_recent_menu(self) -> None:
        """List the recent files."""
        menu = self.actions_.recent_menu
        menu.clear()
        recent = self.settings.recent_files
        for path in recent:
            action = menu.addAction(Path(path).name)
            action.setToolTip(path)
            action.triggered.connect(lambda _=False, p=path: self.imports.import_files([p]))
        if not recent:
            menu.addAction("No recent files").setEnabled(False)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.imports.import_files(paths)

    # -- hooks for export, backups and preferences -------------------------------------------
    def export_report(self) -> None:
        """File ▸ Export: choose formats and a folder; the report is written on a worker."""
        from .export_task import start_export

        if self.article is None:
            self.statusBar().showMessage("Open an article to export its report.", 5000)
            return
        self.flush_editor()
        choice = hooks.ask_export(self, self.desk.reviewers(), self.settings.export_folder)
        if choice is None:
            return
        self.settings.export_folder = str(choice.folder)
        self.export_task = start_export(
            self.desk,
            self.article.id,
            choice,
            parent=self,
            on_finished=self._on_exported,
            on_failed=lambda message: self.show_message("Export did not work", message),
        )
        self.statusBar().showMessage("Exporting the report…")

    def _on_exported(self, result: object) -> None:
        paths = getattr(result, "paths", [])
        notes = getattr(result, "notes", [])
        where = str(Path(paths[0]).parent) if paths else "the chosen folder"
        self.statusBar().showMessage(f"Saved {len(paths)} report file(s) in {where}.", 8000)
        if notes:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.information(self, "Report exported", "\n".join(notes))

    def back_up_now(self) -> None:
        """File ▸ Back up now: a checked copy in the database's backup folder."""
        from workbench.services.backup import backup_now

        self.flush_editor()
        try:
            path = backup_now(self.desk.store)
        except Exception as exc:
            self.report_error(exc, "Back up")
            return
        self.statusBar().showMessage(f"Backed up to {path}", 8000)

    def back_up_on_open(self) -> None:
        """The automatic backup of a database just opened, copied on the worker thread."""
        from workbench.services.backup import plan_backup_on_open

        from .worker import Job

        try:
            plan = plan_backup_on_open(self.desk.store)
        except Exception as exc:
            self._backup_failed(str(exc))
            return
        if plan is not None:
            # On a worker of its own: it neither waits behind claim finding nor goes with it
            # when that is cancelled; closing the window stops it at once.
            job = Job(
                "Backing up the database…",
                lambda _progress, cancelled: plan.run(cancelled),
                on_failed=self._backup_failed,
            )
            self.auto_backup = self.backups.start(job)

    def _backup_failed(self, message: str) -> None:
        self.statusBar().showMessage(f"The automatic backup was not made: {message}", 15000)

    def restore_from_backup(self) -> None:
        """File ▸ Restore from backup: replace the database with a backup, then reopen it."""
        from workbench.services.backup import list_backups, restore_backup
        from workbench.services.database import open_database
        from workbench.services.desk import Desk

        path = self.desk.path
        if path is None:
            return
        if self.imports.runner.busy:
            self.show_message(
                "Restore from backup", "Wait for claim finding to end, or cancel it, then restore."
            )
            return
        chosen = hooks.ask_restore(self, list_backups(path))
        if chosen is None:
            return
        self.backups.shut_down()  # an automatic backup still running must not prune meanwhile
        self.flush_editor()
        reviewer = self.desk.reviewer.name if self.desk.reviewer else None
        self.desk.store.close()
        try:
            saved = restore_backup(path, chosen)
        except Exception as exc:
            self.report_error(exc, "Restore from backup")
            saved = None
        try:
            self.desk = Desk(open_database(path))
        except Exception as exc:
            self.report_error(exc, "Reopen the database")
            return
        self.undo_stack.clear()
        if reviewer:
            self.use_reviewer(reviewer)
        if not self.restore_last_article():
            self.article_pane.show_article(None)
            self._show_claims([])
        if saved is not None:
            self.statusBar().showMessage(
                f"Restored. The replaced file was kept as {saved.name}.", 10000
            )

    def edit_preferences(self) -> None:
        """Show the preferences and apply what changed."""
        from .preferences import edit_preferences

        edit_preferences(self)

    def show_shortcuts(self) -> None:
        """Help ▸ Keyboard shortcuts."""
        hooks.show_shortcuts(self, self.actions_.all())

    def show_about(self) -> None:
        """Help ▸ About."""
        from PySide6.QtWidgets import QMessageBox

        from workbench import __version__

        QMessageBox.about(
            self,
            "About Factcheck Workbench",
            f"Factcheck Workbench {__version__}\nCheck the claims in a news article, offline.",
        )
