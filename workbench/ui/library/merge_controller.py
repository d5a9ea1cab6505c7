"""File ▸ Merge a colleague's work…: pick their file or bundle, merge on a worker, show the result."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from workbench.ui.common.progress import StepProgress
from workbench.ui.common.worker import Job, JobRunner

if TYPE_CHECKING:
    from collections.abc import Callable

    from workbench.services.merge import MergeResult
    from workbench.ui.window.main_window import MainWindow

TITLE = "Merge a colleague's work"
MERGE_FILTER = (
    "Workbench files and review bundles (*.sqlite3 *.sqlite *.db *.zip);;"
    "Review bundles (*.zip);;All files (*)"
)


def ask_merge_file(parent: QWidget | None, folder: str = "") -> str | None:
    """The colleague's workbench file or review bundle; None when cancelled (replaced in tests)."""
    path, _ = QFileDialog.getOpenFileName(parent, TITLE, folder, MERGE_FILTER)
    return path or None


def ask_other_passphrase(parent: QWidget | None, path: Path) -> str | None:
    """The passphrase of an encrypted colleague's file, checked; None when cancelled."""
    from workbench.services.merge import check_passphrase
    from workbench.ui.security.passphrase_dialogs import UnlockDialog

    found = UnlockDialog.ask(
        parent,
        path,
        lambda passphrase: check_passphrase(path, passphrase),
        title=TITLE,
        message="Enter its passphrase to merge it. It is only read, never changed.",
        button="&Merge",
        cancel="&Cancel",
    )
    return str(found) if found is not None else None


def show_summary(parent: QWidget | None, result: MergeResult) -> None:
    """Show what the merge did (replaced in tests)."""
    from workbench.ui.library.merge_summary_dialog import MergeSummaryDialog

    MergeSummaryDialog.show_result(parent, result)


log = logging.getLogger(__name__)


class MergeController(QObject):
    """Runs one merge at a time on a worker of its own, behind a progress dialog with Cancel."""

    #: Emitted when a merge has ended, however it ended (for tests and the status bar).
    ended = Signal()
    stepped = Signal(str, int, int)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("merge-controller")
        self.window = window
        self.runner = JobRunner(self)
        self.progress: StepProgress | None = None
        self.result: MergeResult | None = None
        self._cancelled_by_reviewer = False
        self.stepped.connect(self._show_step)

    @classmethod
    def of(cls, window: MainWindow) -> MergeController:
        """The window's merge controller, made on first use."""
        found = window.findChild(MergeController, "merge-controller")
        return found if found is not None else cls(window)

    def merge(self, path: str | None = None) -> None:
        """Ask for the colleague's file (unless given), then merge it into the open file."""
        w = self.window
        if w.desk.read_only:
            w.show_message(TITLE, "This file is open read-only; nothing can be merged into it.")
            return
        if w.finding_claims() or self.runner.busy:
            w.show_message(TITLE, "Wait for the work in progress to end, then merge.")
            return
        if path is None:
            folder = str(w.desk.path.parent) if w.desk.path else ""
            path = ask_merge_file(w.dialog_parent, folder)
            if not path:
                return
        from workbench.services.merge import merge_into_desk, needs_passphrase

        other = Path(path)
        passphrase = None
        if needs_passphrase(other):
            passphrase = ask_other_passphrase(w.dialog_parent, other)
            if passphrase is None:
                return
        w.flush_editor()
        self._show_progress(f"Merging “{other.name}”…")
        desk = w.desk

        def work(_progress: object, cancelled: object) -> MergeResult:
            return merge_into_desk(
                desk,
                other,
                passphrase=passphrase,
                progress=self.stepped.emit,
                is_cancelled=cancelled,  # type: ignore[arg-type]
            )

        job = Job(
            f"Merging “{other.name}”…",
            work,
            on_finished=self._finished,
            on_failed=self._failed,
            on_cancelled=lambda: self._failed(self._stopped()),
        )
        assert self.progress is not None
        self._cancelled_by_reviewer = False
        self.progress.dialog.canceled.connect(self._cancel_pressed)
        self.progress.dialog.canceled.connect(job.cancel)
        self.runner.start(job)

    def _show_progress(self, text: str) -> None:
        self.progress = StepProgress(self.window, TITLE, text, 4, "&Cancel")

    def _show_step(self, what: str, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress.step(what, done, total)

    def _hide_progress(self) -> None:
        if self.progress is not None:
            self.progress.close()
            self.progress = None

    def _finished(self, result: MergeResult) -> None:
        self._hide_progress()
        self.result = result
        locked = self.window.security.lock.is_locked
        if result.changed and not locked:
            self._reload()  # a locked window shows the merged work when it is unlocked
        self._end()

        def tell() -> None:
            self.window.show_status(result.lines()[0], 10000)
            show_summary(self.window.dialog_parent, result)

        self._when_unlocked(tell)

    def _failed(self, message: str) -> None:
        self._hide_progress()
        self._end()
        self._when_unlocked(lambda: self.window.show_message(TITLE, message))

    def _cancel_pressed(self) -> None:
        self._cancelled_by_reviewer = True

    def _stopped(self) -> str:
        if not self._cancelled_by_reviewer:  # the lock stopped it
            return (
                "The merge stopped when the window locked; nothing was changed. Merge the file "
                "again to bring in the colleague's work."
            )
        return "The merge was cancelled; nothing was changed."

    def _when_unlocked(self, tell: Callable[[], None]) -> None:
        """Say how the merge ended now, or once the reviewer has unlocked the window."""
        lock = self.window.security.lock
        if not lock.is_locked:
            tell()
            return
        # Kept in the log too, in case the program is quit from the lock panel.
        log.info("A merge ended while the window was locked")

        def once() -> None:
            lock.unlocked.disconnect(once)
            tell()

        lock.unlocked.connect(once)

    def _end(self) -> None:
        # The worker thread is not kept: merging is rare.
        QTimer.singleShot(0, self.runner.shut_down)
        self.ended.emit()

    def _reload(self) -> None:
        """Show the merged work: the same reviewer and article (under the id it is kept by)."""
        from workbench.services.merge import kept_id

        w = self.window
        desk = w.desk
        reviewer = desk.reviewer.name if desk.reviewer else None
        article = w.article.id if w.article is not None else None
        w.use_desk(desk, reviewer)
        if article is None:
            return
        kept = kept_id(desk, article)
        if kept in {a["id"] for a in desk.articles()}:
            w.open_article(kept)
        # else: deleted in the colleague's file; use_desk has shown another article, or none.
