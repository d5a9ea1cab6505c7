"""Bringing articles in from the window: files, pasted text, the sample; claim finding on the worker."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QToolButton, QWidget

from workbench.model import Article, Claim
from workbench.services.desk import Extractor, read_article_file
from workbench.ui.common.worker import Job, JobRunner

if TYPE_CHECKING:
    from collections.abc import Callable

    from workbench.services.desk import Desk
    from workbench.ui.preferences.settings import DeskSettings


class ImportView(Protocol):
    """What importing and claim finding ask of the window."""

    @property
    def desk(self) -> Desk:
        """The open database."""
        ...

    @property
    def article(self) -> Article | None:
        """The article shown."""
        ...

    @property
    def settings(self) -> DeskSettings:
        """The reviewer's own settings (recent files)."""
        ...

    def open_article(self, article_id: str) -> bool:
        """Show an article and its claims."""
        ...

    def claims_changed(self, select: str | None = None, *, refresh_editor: bool = True) -> None:
        """Read the article's claims again."""
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


class ProgressPanel(QWidget):
    """Status-bar progress of the running job, with a Cancel button."""

    cancel_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setFixedWidth(160)
        self.bar.setTextVisible(False)
        self.cancel = QToolButton()
        self.cancel.setText("Cancel")
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

    def __init__(
        self, view: ImportView, extractor: Extractor, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.view = view
        self.extractor = extractor
        self.runner = JobRunner(self)
        self.panel = ProgressPanel()
        self.panel.cancel_clicked.connect(self.runner.cancel_all)
        self.runner.started.connect(lambda job: self.panel.begin(job.status))
        self.runner.progressed.connect(self.panel.step)
        self.runner.ended.connect(self._on_job_ended)
        self._extracting: set[str] = set()

    @property
    def desk(self) -> Desk:
        """The window's desk."""
        return self.view.desk

    def import_files(self, paths: list[str]) -> None:
        """Import each file; an already imported file just opens."""
        for path in paths:
            self.runner.start(self._read_job(path))

    def _read_job(self, path: str) -> Job:
        name = Path(path).name

        def read(_progress: Callable[[int, int], None], _cancelled: Callable[[], bool]) -> Article:
            return read_article_file(path)

        return Job(
            f"Reading “{name}”…",
            read,
            on_finished=lambda article: self._on_read(article, path),
            on_failed=lambda message: self._fail(f"Opening “{name}”", message),
        )

    def import_pasted(self, text: str, **metadata: str | None) -> None:
        """Import pasted text with its metadata."""
        try:
            article = self.desk.pasted_article(text, **metadata)
        except Exception as exc:
            self.view.report_error(exc, "Paste article")
            return
        self._on_read(article, None)

    def _on_read(self, article: Article, path: str | None) -> None:
        try:
            existing = self.desk.existing_copy(article)
            if existing is not None:
                self.view.open_article(existing.id)
                self.view.show_status("That article was imported before; it is open now.", 6000)
            else:
                self.desk.save_article(article)
                self.view.open_article(article.id)
        except Exception as exc:
            self.view.report_error(exc, "Import article")
            return
        if path is not None:
            self.view.settings.add_recent(path)

    def find_claims(self, article_id: str) -> Job | None:
        """Find an article's claims on the worker; the result is saved when it arrives."""
        if article_id in self._extracting:
            return None
        article = self.desk.article(article_id)
        pipeline = self.desk.pipeline_name()
        self._extracting.add(article_id)

        def work(
            progress: Callable[[int, int], None], is_cancelled: Callable[[], bool]
        ) -> list[Claim]:
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

    def _on_claims(self, article_id: str, claims: list[Claim]) -> None:
        self._extracting.discard(article_id)
        try:
            added = self.desk.save_found_claims(article_id, claims)
        except Exception as exc:
            self.view.report_error(exc, "Save claims")
            self.extraction_failed.emit(str(exc))
            return
        if self.view.article is not None and self.view.article.id == article_id:
            self.view.claims_changed()
        # Finding again adds only claims not stored yet: say so rather than "Found 0 claims".
        found = f"Found {len(added)} new claims." if added else "No new claims found."
        self.view.show_status(found, 5000)
        self.extraction_finished.emit(article_id)

    def _on_claims_failed(self, article_id: str, message: str) -> None:
        self._extracting.discard(article_id)
        self.desk.mark_pending(article_id, pending=False)
        self._fail("Finding claims", message)
        self.extraction_failed.emit(message)

    def _on_claims_cancelled(self, article_id: str) -> None:
        self._extracting.discard(article_id)
        self.desk.mark_pending(article_id, pending=False)
        self.view.show_status("Claim finding stopped. Review ▸ Find claims starts it again.", 8000)
        self.extraction_cancelled.emit(article_id)

    def _fail(self, what: str, message: str) -> None:
        self.view.show_message(f"{what} did not work", message)
        self.import_failed.emit(message)

    def _on_job_ended(self, _job: Job) -> None:
        if not self.runner.busy:
            self.panel.hide()

    def shut_down(self) -> None:
        """Stop the worker before the window closes."""
        self.runner.shut_down()


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
