"""Run slow work (loading spaCy, finding claims, reading big files) off the GUI thread."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QMetaObject, QObject, Qt, QThread, Signal, Slot

log = logging.getLogger(__name__)

#: A job gets ``progress(done, total)`` and ``is_cancelled()`` and returns its result.
JobFunction = Callable[[Callable[[int, int], None], Callable[[], bool]], Any]


class Job(QObject):
    """One piece of work; runs on the worker thread and reports by signals.

    The ``on_*`` callbacks run on the GUI thread (the :class:`JobRunner` relays them), so they may
    touch widgets and the database.
    """

    progressed = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(
        self,
        status: str,
        function: JobFunction,
        *,
        on_finished: Callable[[Any], None] | None = None,
        on_failed: Callable[[str], None] | None = None,
        on_cancelled: Callable[[], None] | None = None,
    ) -> None:
        super().__init__()
        self.status = status
        self._function = function
        self._stop = threading.Event()
        self.on_finished = on_finished
        self.on_failed = on_failed
        self.on_cancelled = on_cancelled

    def cancel(self) -> None:
        """Ask the job to stop at its next check (thread-safe)."""
        self._stop.set()

    def is_cancelled(self) -> bool:
        """True once cancel() was called."""
        return self._stop.is_set()

    @Slot()
    def run(self) -> None:
        """Run the function; exactly one of finished, failed or cancelled is emitted."""
        from workbench.ui.common.errors import explain

        try:
            result = self._function(self.progressed.emit, self.is_cancelled)
        except Exception as exc:  # the message goes to the reviewer; the app keeps running
            if self.is_cancelled():
                # A stopped job ends by raising (claims' ExtractionCancelled, a backup's error):
                # that is what was asked for, not a failure, so no traceback in the log.
                log.debug("%s stopped (%s)", self.status, type(exc).__name__)
                self.cancelled.emit()
            else:
                log.exception("%s failed", self.status)
                self.failed.emit(explain(exc))
        else:
            if self.is_cancelled():
                self.cancelled.emit()
            else:
                self.finished.emit(result)


class JobRunner(QObject):
    """Runs jobs one at a time on one worker thread, in the order they were started."""

    started = Signal(object)
    progressed = Signal(int, int)
    ended = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread: QThread | None = None
        self._queue: list[Job] = []
        self.current: Job | None = None

    @property
    def busy(self) -> bool:
        """True while a job runs or waits."""
        return self.current is not None or bool(self._queue)

    def start(self, job: Job) -> Job:
        """Queue a job; it runs when the jobs before it have ended."""
        self._queue.append(job)
        if self.current is None:
            self._next()
        return job

    def cancel_all(self) -> None:
        """Stop the running job and drop the waiting ones."""
        waiting, self._queue = self._queue, []
        for job in waiting:
            if job.on_cancelled is not None:
                job.on_cancelled()
        if self.current is not None:
            self.current.cancel()

    def shut_down(self, msecs: int = 30000) -> None:
        """Cancel everything and wait for the worker thread to end (on closing)."""
        self._queue.clear()
        if self.current is not None:
            self.current.cancel()
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait(msecs)
            self._thread = None

    def _next(self) -> None:
        if not self._queue:
            self.current = None
            return
        job = self._queue.pop(0)
        self.current = job
        if self._thread is None:
            self._thread = QThread()
            self._thread.setObjectName("workbench-worker")
            self._thread.start()
        job.moveToThread(self._thread)
        # Bound methods of this GUI-thread object: Qt queues the calls onto the GUI thread.
        job.progressed.connect(self._on_progressed)
        job.finished.connect(self._on_finished)
        job.failed.connect(self._on_failed)
        job.cancelled.connect(self._on_cancelled)
        self.started.emit(job)
        QMetaObject.invokeMethod(job, "run", Qt.ConnectionType.QueuedConnection)

    def _on_progressed(self, done: int, total: int) -> None:
        self.progressed.emit(done, total)

    def _on_finished(self, result: object) -> None:
        job = self._end()
        if job is not None and job.on_finished is not None:
            job.on_finished(result)
        self._next_after(job)

    def _on_failed(self, message: str) -> None:
        job = self._end()
        if job is not None and job.on_failed is not None:
            job.on_failed(message)
        self._next_after(job)

    def _on_cancelled(self) -> None:
        job = self._end()
        if job is not None and job.on_cancelled is not None:
            job.on_cancelled()
        self._next_after(job)

    def _end(self) -> Job | None:
        job, self.current = self.current, None
        return job

    def _next_after(self, job: Job | None) -> None:
        if job is not None:
            self.ended.emit(job)
            job.deleteLater()
        if self.current is None:
            self._next()
