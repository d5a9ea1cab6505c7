"""File ▸ Import fact-checks…: other fact-checkers' published work into the library, on the worker.

Reading and parsing the files (and computing the vectors that matching by meaning uses) runs on
the worker; every database write is made by the window's own connection, on the window's
thread, one batch at a time (the worker hands each batch over and waits for it). So the
database keeps one writer, the window stays responsive, and Cancel keeps the batches stored.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject, Signal

from workbench.ui.common.worker import Job, JobRunner

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from workbench.services.desk import Desk
    from workbench.services.factchecks import LibraryImport

FILE_TYPES = "Fact-checks (*.json *.jsonld *.html *.htm *.csv *.tsv *.txt);;All files (*)"


class FactCheckImportView(Protocol):
    """What importing fact-checks asks of the window."""

    @property
    def desk(self) -> Desk:
        """The open database."""
        ...

    @property
    def dialog_parent(self) -> QWidget:
        """The widget dialogs belong to."""
        ...

    def show_status(self, message: str, msecs: int = 0) -> None:
        """A passing message in the status bar."""
        ...

    def show_message(self, title: str, message: str) -> None:
        """A warning the reviewer must acknowledge."""
        ...


class _Call:
    """One store call handed from the worker to the window's thread."""

    def __init__(self, function: Callable[[], Any]) -> None:
        self.function = function
        self.lock = threading.Lock()
        self.done = threading.Event()
        self.started = self.abandoned = False
        self.result: Any = None
        self.error: BaseException | None = None

    def run(self) -> None:
        with self.lock:
            if self.abandoned:
                return
            self.started = True
        try:
            self.result = self.function()
        except BaseException as exc:  # handed back to the worker, which raises it
            self.error = exc
        finally:
            self.done.set()


class _WindowThread(QObject):
    """Runs functions handed over from the worker on the window's thread, one at a time."""

    _call = Signal(object)

    def __init__(self, cancelled: Callable[[], bool]) -> None:
        super().__init__()  # made on the window's thread, so its slot runs there
        self._cancelled = cancelled
        self._call.connect(self._run)

    def _run(self, call: _Call) -> None:
        call.run()

    def relay(self, function: Callable[[], Any]) -> Any:
        """Called on the worker: run ``function`` on the window's thread and wait for it.

        A cancel while it still waits its turn drops it; once it runs, it is let finish.
        """
        from workbench.services.factchecks import Cancelled

        call = _Call(function)
        self._call.emit(call)
        while not call.done.wait(0.05):
            if self._cancelled():
                with call.lock:
                    if not call.started:
                        call.abandoned = True
                        raise Cancelled
                call.done.wait()
        if call.error is not None:
            raise call.error
        return call.result


class FactCheckImporter(QObject):
    """Imports fact-check files on a runner (its status-bar panel shows progress and Cancel)."""

    #: The library changed (fact-checks were added or updated).
    library_changed = Signal()

    def __init__(
        self,
        view: FactCheckImportView,
        runner: JobRunner,
        encoder: Callable[[], Any] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.view = view
        self.runner = runner
        #: Loads the encoder on the worker (None: vectors are computed when first matched).
        self.encoder = encoder

    def import_dialog(self) -> None:
        """Ask for fact-check files and import them."""
        from PySide6.QtWidgets import QFileDialog

        paths, _ = QFileDialog.getOpenFileNames(
            self.view.dialog_parent, "Import fact-checks", "", FILE_TYPES
        )
        if paths:
            self.import_paths(paths)

    def import_paths(self, paths: Sequence[str | Path]) -> Job | None:
        """Import these files into the library, in the background."""
        desk = self.view.desk
        if desk.read_only:
            self.view.show_message(
                "Import fact-checks", "This file is open read-only: nothing can be imported."
            )
            return None
        files = [Path(p) for p in paths]
        bridge = _WindowThread(lambda: job.is_cancelled())

        def work(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> Any:
            # Loaded here, on the worker: the window's start-up does not wait for it.
            from workbench.services.factcheck_desk import import_relayed

            def told(_name: str, done: int, total: int) -> None:
                progress(done // 1024, max(1, total // 1024))  # kilobytes fit Qt's int

            encoder = self.encoder() if self.encoder is not None else None
            return import_relayed(
                desk, files, bridge.relay, progress=told, cancelled=cancelled, encoder=encoder
            )

        name = files[0].name if len(files) == 1 else f"{len(files)} files"
        job = Job(
            f"Importing fact-checks from “{name}”…",
            work,
            on_finished=lambda result: self._done(result, bridge),
            on_failed=lambda message: self._failed(message, bridge),
            on_cancelled=lambda: self._done(None, bridge),
        )
        self.runner.start(job)
        return job

    def _done(self, result: LibraryImport | None, bridge: QObject) -> None:
        bridge.deleteLater()
        self.library_changed.emit()
        if result is None:
            self.view.show_status("Import of fact-checks stopped; what was read is kept.", 8000)
            return
        self.view.show_status(summary(result), 10000)
        problems = problem_lines(result)
        if problems:
            self.view.show_message("Not everything could be imported", "\n".join(problems))

    def _failed(self, message: str, bridge: QObject) -> None:
        bridge.deleteLater()
        self.library_changed.emit()
        self.view.show_message("Importing fact-checks did not work", message)


def problem_lines(result: LibraryImport, most: int = 10) -> list[str]:
    """The files that could not be read, and why items of the others were left out (the most
    frequent reasons of each file first), to be read and put right."""
    lines = []
    for f in result.files:
        if f.error:  # the reason names the file, as a rule
            lines.append(f.error if f.name in f.error else f"“{f.name}”: {f.error}")
            continue
        reasons = f.bad.most_common()
        for reason, count in reasons[:most]:
            lines.append(f"“{f.name}”: {count:,} not imported: {reason}")
        if len(reasons) > most:
            left = sum(count for _, count in reasons[most:])
            lines.append(f"“{f.name}”: {left:,} more not imported, for other reasons")
    return lines


def summary(result: LibraryImport) -> str:
    """What an import did, in a line for the status bar."""
    added, updated = result.total("added"), result.total("updated")
    unchanged, bad = result.total("unchanged"), result.total("bad_items")
    parts = [f"Imported {added:,} new fact-check{'s' if added != 1 else ''}"]
    if updated:
        parts.append(f"{updated:,} updated")
    if unchanged:
        parts.append(f"{unchanged:,} already in the library")
    if bad:
        parts.append(f"{bad:,} could not be read")
    text = ", ".join(parts) + "."
    return text.replace("Imported", "Stopped after importing") if result.cancelled else text
