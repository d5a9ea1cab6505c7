"""Export a report off the GUI thread: ``start_export(desk, article_id, choice)``.

File ▸ Export… in the main window::

    choice = ExportDialog.ask(self, desk.reviewers(), last_folder)
    if choice is not None:
        self.export_task = start_export(
            desk, article_id, choice, parent=self,
            on_finished=lambda result: self.statusBar().showMessage(f"Saved {result.paths[0]}"),
            on_failed=lambda message: QMessageBox.warning(self, "Export", message),
        )

``result`` is an :class:`~workbench.report.export.ExportResult` (``paths`` written, ``notes`` to
show, e.g. claims left out of ClaimReview because reviewers disagree, and ``failed``: the formats
that could not be written and why). A format that cannot be written never stops the others;
``failed`` is emitted only when no file at all was written.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

from workbench.report import ExportError, Report
from workbench.report.export import ExportResult, export_report
from workbench.report.formats import FORMATS

if TYPE_CHECKING:
    from workbench.services.desk import Desk
    from workbench.ui.export.export_dialog import ExportChoice


class ExportWorker(QObject):
    """Renders and writes the files of a report that was already read from the database."""

    finished = Signal(object)  # ExportResult
    failed = Signal(str)

    def __init__(self, report: Report, choice: ExportChoice) -> None:
        super().__init__()
        self.report = report
        self.choice = choice

    @Slot()
    def run(self) -> None:
        """Render every chosen format and write it; emits finished or failed."""
        try:
            result = export_report(
                self.report, self.choice.formats, self.choice.folder, keep_going=True
            )
        except ExportError as exc:
            self.failed.emit(str(exc))
        except Exception as exc:  # a renderer bug must reach the window, not kill the thread
            self.failed.emit(f"The report could not be exported ({type(exc).__name__}: {exc}).")
        else:
            result.failed = {
                title: _in_window_words(title, why) for title, why in result.failed.items()
            }
            if result.failed and not result.paths:
                self.failed.emit(describe_failures(result.failed))
            else:
                self.finished.emit(result)


class ExportTask(QObject):
    """One export: the report is read on the calling thread, rendered and written on a worker."""

    finished = Signal(object)  # ExportResult
    failed = Signal(str)

    def __init__(
        self, desk: Desk, article_id: str, choice: ExportChoice, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.desk = desk
        self.article_id = article_id
        self.choice = choice
        self._thread: QThread | None = None
        self._worker: ExportWorker | None = None

    def start(self) -> None:
        """Begin; ``finished(ExportResult)`` or ``failed(str)`` follows, always asynchronously."""
        from workbench.report.pdf import ensure_gui_application

        ensure_gui_application()
        try:
            # The database connection belongs to this thread; reading it takes milliseconds.
            report = self.desk.report(
                self.article_id,
                reviewers=self.choice.reviewers or None,
                include_dismissed=self.choice.include_dismissed,
                all_claims=self.choice.all_claims,
            )
        except Exception as exc:
            message = str(exc) if isinstance(exc, ExportError) or _is_named(exc) else repr(exc)
            QTimer.singleShot(0, lambda: self.failed.emit(message))
            return
        self._thread = QThread()
        self._worker = ExportWorker(report, self.choice)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.finished.connect(self._done)
        self._worker.failed.connect(self._failed)
        self._thread.start()

    def is_running(self) -> bool:
        """True while files are being rendered or written."""
        return self._thread is not None and self._thread.isRunning()

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until the worker thread ends (for closing the window mid-export)."""
        return self._thread is None or self._thread.wait(msecs)

    @Slot(object)
    def _done(self, result: ExportResult) -> None:
        self._stop()
        self.finished.emit(result)

    @Slot(str)
    def _failed(self, message: str) -> None:
        self._stop()
        self.failed.emit(message)

    def _stop(self) -> None:
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()
            self._thread = None
            self._worker = None


#: Where the window lets the journalist give the report's web address.
WHERE_TO_SET_BASE_URL = (
    "Give the report's web address (where the published report will be) in File ▸ Export… "
    "or in Edit ▸ Preferences."
)


def _in_window_words(title: str, why: str) -> str:
    """``why`` a format was not written, pointing to the window for what must be set there."""
    needs_address = any(f.title == title and f.needs_base_url for f in FORMATS.values())
    return f"{why} {WHERE_TO_SET_BASE_URL}" if needs_address else why


def describe_failures(failed: dict[str, str]) -> str:
    """The formats not written and why, one per line."""
    return "\n".join(f"{title} was not written. {why}" for title, why in failed.items())


def _is_named(exc: Exception) -> bool:
    return type(exc).__module__.startswith("workbench.") and type(exc).__name__.endswith("Error")


def start_export(
    desk: Desk,
    article_id: str,
    choice: ExportChoice,
    *,
    parent: QObject | None = None,
    on_finished: Callable[[ExportResult], None] | None = None,
    on_failed: Callable[[str], None] | None = None,
) -> ExportTask:
    """Start exporting ``article_id`` as chosen in the dialog; keep the returned task alive."""
    task = ExportTask(desk, article_id, choice, parent)
    if on_finished is not None:
        task.finished.connect(on_finished)
    if on_failed is not None:
        task.failed.connect(on_failed)
    task.start()
    return task
