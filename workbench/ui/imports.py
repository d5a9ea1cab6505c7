"""Bringing articles in from the window: files, pasted text, the sample; claim finding on the worker."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QToolButton, QWidget

from workbench.model import Article
from workbench.services.desk import Extractor, read_article_file

from .worker import Job, JobRunner

if TYPE_CHECKING:
    from .main_window import MainWindow


class ProgressPanel(QWidget):
    """Status-bar progress of the running job, with a Cancel button."""

    cancel_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setFixedWidth(160)
        self.bar.setTextVisible(False)
        self.cancel = QToolButton(text="Cancel")
        self.cancel.setToolTip("Stop finding claims (you can start again from the Review menu)")
        self.cancel.clicked.connect(self.cancel_clicked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel)
        self.hide()

    def begin(self, text: str) -> None:
        """Show a busy indicator with a message."""
        self.label.setText(text)
        self.bar.setRange(0, 0)
        self.show()

    def step(self, done: int, total: int) -> None:
        """Show how far the job got."""
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(done)


class ImportController(QObject):
    """Reads files and finds claims off the GUI thread; saves on the GUI thread."""

    extraction_finished = Signal(str)
    extraction_failed = Signal(str)
    extraction_cancelled = Signal(str)
    import_failed = Signal(str)

    def __init__(self, window: MainWindow, extractor: Extractor) -> None:
        super().__init__(window)
        self.window = window
        self.extractor = extractor
        self.runner = JobRunner(self)
        self.panel = ProgressPanel()
        self.panel.cancel_clicked.connect(self.runner.cancel_all)
        self.runner.started.connect(lambda job: self.panel.begin(job.status))
        self.runner.progressed.connect(self.panel.step)
        self.runner.ended.connect(self._on_job_ended)
        self._extracting: set[str] = set()

    @property
    def desk(self):
        """The window's desk."""
        return self.window.desk

    def import_files(self, paths: list[str]) -> None:
        """Import each file; an already imported file just opens."""
        for path in paths:
            name = Path(path).name
            job = Job(
                f"Reading “{name}”…",
                lambda _p, _c, path=path: read_article_file(path),
                on_finished=lambda article, path=path: self._on_read(article, path),
                on_failed=lambda message, name=name: self._fail(f"Opening “{name}”", message),
            )
            self.runner.start(job)

    def import_pasted(self, text: str, **metadata: str | None) -> None:
        """Import pasted text with its metadata."""
        try:
            article = self.desk.pasted_article(text, **metadata)
        except Exception as exc:
            self.window.report_error(exc, "Paste article")
            return
        self._on_read(article, None)

    def _on_read(self, article: Article, path: str | None) -> None:
        try:
            existing = self.desk.existing_copy(article)
            if existing is not None:
                self.window.open_article(existing.id)
                self.window.statusBar().showMessage(
                    "That article was imported before; it is open now.", 6000
                )
            else:
                self.desk.save_article(article)
                self.window.open_article(article.id)
        except Exception as exc:
            self.window.report_error(exc, "Import article")
            return
        if path is not None:
            self.window.remember_recent(path)

    def find_claims(self, article_id: str) -> Job | None:
        """Find an article's claims on the worker; the result is saved when it arrives."""
        if article_id in self._extracting:
            return None
        article = self.desk.article(article_id)
        pipeline = self.desk.pipeline_name()
        self._extracting.add(article_id)

        def work(progress, is_cancelled) -> list:
            return self.extractor.extract(
                article, pipeline=pipeline, progress=progress, is_cancelled=is_cancelled
            )

        loading = "" if self.extractor.loaded else " (loading the language model)"
        job = Job(
            f"Finding claims in “{_short(article.title)}”{loading}…",
            work,
            on_finished=lambda claims: self._on_claims(article_id, claims),
            on_failed=lambda message: self._on_claims_failed(article_id, message),
            on_cancelled=lambda: self._on_claims_cancelled(article_id),
        )
        self.runner.start(job)
        return job

    def _on_claims(self, article_id: str, claims: list) -> None:
        self._extracting.discard(article_id)
        try:
            added = self.desk.save_found_claims(article_id, claims)
        except Exception as exc:
            self.window.report_error(exc, "Save claims")
            self.extraction_failed.emit(str(exc))
            return
        if self.window.article is not None and self.window.article.id == article_id:
            self.window.claims_changed()
        # Finding again adds only claims not stored yet: say so rather than "Found 0 claims".
        found = f"Found {len(added)} new claims." if added else "No new claims found."
        self.window.statusBar().showMessage(found, 5000)
        self.extraction_finished.emit(article_id)

    def _on_claims_failed(self, article_id: str, message: str) -> None:
        self._extracting.discard(article_id)
        self.desk.mark_pending(article_id, pending=False)
        self._fail("Finding claims", message)
        self.extraction_failed.emit(message)

    def _on_claims_cancelled(self, article_id: str) -> None:
        self._extracting.discard(article_id)
        self.desk.mark_pending(article_id, pending=False)
        self.window.statusBar().showMessage(
            "Claim finding stopped. Review ▸ Find claims starts it again.", 8000
        )
        self.extraction_cancelled.emit(article_id)

    def _fail(self, what: str, message: str) -> None:
        self.window.show_message(f"{what} did not work", message)
        self.import_failed.emit(message)

    def _on_job_ended(self, _job: Job) -> None:
        if not self.runner.busy:
            self.panel.hide()

    def shut_down(self) -> None:
        """Stop the worker before the window closes."""
        self.runner.shut_down()


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
