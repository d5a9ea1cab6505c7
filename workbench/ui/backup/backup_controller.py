"""File ▸ Back up now, the automatic backup on opening, and File ▸ Restore from backup."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from workbench.ui.common.worker import Job, JobRunner
from workbench.ui.window import hooks

if TYPE_CHECKING:
    from PySide6.QtCore import QObject
    from PySide6.QtWidgets import QWidget

    from workbench.services.desk import Desk


class BackupView(Protocol):
    """What the backup controller asks of the window."""

    @property
    def desk(self) -> Desk:
        """The open database."""
        ...

    @property
    def dialog_parent(self) -> QWidget:
        """The widget dialogs belong to."""
        ...

    def flush_editor(self) -> None:
        """Save text still waiting for the editor's autosave."""
        ...

    def finding_claims(self) -> bool:
        """True while claim finding runs or waits."""
        ...

    def use_desk(self, desk: Desk, reviewer: str | None) -> None:
        """Work on a database opened again, as ``reviewer``, on its last article."""
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


class BackupController:
    """Backs the database up (the automatic copy on a worker of its own) and restores backups."""

    def __init__(self, view: BackupView, parent: QObject | None = None) -> None:
        self.view = view
        self.runner = JobRunner(parent)
        #: The automatic backup made once the window is on screen (None until it is started).
        self.auto_backup: Job | None = None

    def back_up_now(self) -> None:
        """A checked copy in the database's backup folder."""
        self.view.flush_editor()
        try:
            path = self.view.desk.back_up()
        except Exception as exc:
            self.view.report_error(exc, "Back up")
            return
        self.view.show_status(f"Backed up to {path}", 8000)

    def back_up_on_open(self) -> None:
        """The automatic backup of a database just opened, copied on the worker thread."""
        try:
            plan = self.view.desk.plan_backup_on_open()
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
            self.auto_backup = self.runner.start(job)

    def _backup_failed(self, message: str) -> None:
        self.view.show_status(f"The automatic backup was not made: {message}", 15000)

    def restore_from_backup(self) -> None:
        """Replace the database with a backup, then open it again."""
        from workbench.services.backup import list_backups, restore_backup
        from workbench.services.database import open_database
        from workbench.services.desk import Desk

        view = self.view
        path = view.desk.path
        if path is None:
            return
        if view.finding_claims():
            view.show_message(
                "Restore from backup", "Wait for claim finding to end, or cancel it, then restore."
            )
            return
        chosen = hooks.ask_restore(view.dialog_parent, list_backups(path))
        if chosen is None:
            return
        self.runner.shut_down()  # an automatic backup still running must not prune meanwhile
        view.flush_editor()
        reviewer = view.desk.reviewer.name if view.desk.reviewer else None
        # An encrypted file's key (in memory only): its backups and the file reopen with it.
        key = view.desk.key
        view.desk.close()
        try:
            saved = restore_backup(path, chosen, passphrase=key)
        except Exception as exc:
            view.report_error(exc, "Restore from backup")
            saved = None
        try:
            desk = Desk(open_database(path, passphrase=key))
        except Exception as exc:
            view.report_error(exc, "Reopen the database")
            return
        view.use_desk(desk, reviewer)
        if saved is not None:
            view.show_status(f"Restored. The replaced file was kept as {saved.name}.", 10000)

    def shut_down(self) -> None:
        """Stop a backup still being copied (the window is closing)."""
        self.runner.shut_down()
