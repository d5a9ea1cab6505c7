"""The review desk window: the article on the left, its claims and the verdict editor on the right."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QPaintEvent,
    QShowEvent,
    QUndoStack,
)
from PySide6.QtWidgets import QLabel, QMainWindow, QWidget

from workbench.model import Article, ClaimState, ReviewedClaim
from workbench.services.desk import Desk, Extractor
from workbench.ui.article.article_controller import ArticleController
from workbench.ui.article.article_view import ArticlePane
from workbench.ui.backup.backup_controller import BackupController
from workbench.ui.claims.checked_counts import CheckedCountsController
from workbench.ui.claims.claim_record_controller import ClaimRecordController
from workbench.ui.claims.claims_pane import ClaimsPane
from workbench.ui.claims.review_controller import ReviewController
from workbench.ui.common.errors import MessageBoxes, show_error
from workbench.ui.common.matcher import shipped_encoder
from workbench.ui.common.theme import Splitter, tinted
from workbench.ui.export.export_controller import ExportController
from workbench.ui.history.history_controller import HistoryController
from workbench.ui.library.factcheck_import import FactCheckImporter
from workbench.ui.library.imports import ImportController
from workbench.ui.library.library_controller import LibraryController
from workbench.ui.preferences.preferences_controller import PreferencesController
from workbench.ui.preferences.reviewer_controller import ReviewerController
from workbench.ui.preferences.settings import DeskSettings
from workbench.ui.security.security_controller import SecurityController
from workbench.ui.window.menus import Actions

if TYPE_CHECKING:
    from workbench.ui.verdict.verdict_editor import VerdictEditor

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    """One database, one article at a time; what the menus do is done by its controllers."""

    article_opened = Signal(str)
    claims_reloaded = Signal()
    #: Something was saved (a verdict, a source, a claim or the article): the history follows.
    desk_changed = Signal()

    def __init__(
        self,
        desk: Desk,
        settings: QSettings,
        *,
        extractor: Extractor | None = None,
        backup_on_open: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.desk = desk
        self._backup_on_open = backup_on_open
        self.settings = DeskSettings(settings)
        self.article: Article | None = None
        self.claims: dict[str, ReviewedClaim] = {}
        self.undo_stack = QUndoStack(self)
        self.setObjectName("mainWindow")
        self.setAcceptDrops(True)

        self.article_pane = ArticlePane()
        self.claims_pane = ClaimsPane()
        # The verdict editor is the heaviest pane: it takes the place kept for it just after the
        # window's first paint (or sooner, when something needs it), so the article shows first.
        self._editor: VerdictEditor | None = None
        self._painted = False
        self.right_split = Splitter(Qt.Orientation.Vertical)
        self.right_split.addWidget(self.claims_pane)
        self.right_split.addWidget(QWidget())
        self.right_split.setStretchFactor(0, 3)
        self.right_split.setStretchFactor(1, 2)
        self.main_split = Splitter(Qt.Orientation.Horizontal)
        self.main_split.addWidget(self.article_pane)
        self.main_split.addWidget(self.right_split)
        self.main_split.setStretchFactor(0, 5)
        self.main_split.setStretchFactor(1, 6)
        self.main_split.setChildrenCollapsible(False)
        self.setCentralWidget(self.main_split)

        self.imports = ImportController(self, extractor or Extractor(), parent=self)
        self.reviewers = ReviewerController(self)
        self.review = ReviewController(self)
        self.claim_record = ClaimRecordController(self)
        self.library = LibraryController(self, self.imports)
        self.export = ExportController(self)
        self.backup = BackupController(self, parent=self)
        self.preferences = PreferencesController(self)
        # New / open / encrypt the database, and lock the window when idle on an encrypted one.
        self.security = SecurityController(self)
        self.article_record = ArticleController(self)
        # How many earlier fact-checks match each claim, counted off the window's thread.
        self.checked_counts = CheckedCountsController(
            self, self.claims_pane.model.set_checked_counts, parent=self
        )
        self.claims_reloaded.connect(self.checked_counts.claims_shown)
        self.factchecks = FactCheckImporter(self, self.imports.runner, shipped_encoder, self)
        self.factchecks.library_changed.connect(self.checked_counts.library_changed)
        self.factchecks.library_changed.connect(
            lambda: self._editor is not None and self._editor.checked_before.recheck()
        )
        self.history = HistoryController(
            self, [self.desk_changed, self.article_opened, self.claims_pane.current_changed]
        )
        self.actions_ = Actions(self)
        self.actions_.set_scale(desk.scale().labels)
        self.article_pane.text.set_extra_actions(
            [self.actions_.add_claim, self.actions_.set_span, self.actions_.edit_record]
        )

        self.reviewer_label, self.db_label, self.progress_label = QLabel(), QLabel(), QLabel()
        for label in (self.reviewer_label, self.db_label, self.progress_label):
            tinted(label, "#333333").setContentsMargins(10, 0, 10, 0)
        bar = self.statusBar()
        # Permanent, so that passing messages on the left never hide them.
        bar.addPermanentWidget(self.imports.panel)
        bar.addPermanentWidget(self.progress_label)
        bar.addPermanentWidget(self.reviewer_label)
        bar.addPermanentWidget(self.db_label)

        self.claims_pane.current_changed.connect(self._on_current_claim)
        self.claims_pane.table.doubleClicked.connect(lambda _: self.actions_.edit_record.trigger())
        self.claims_pane.threshold_changed.connect(self._on_threshold)
        self.article_pane.text.claim_clicked.connect(self.claims_pane.select_claim)
        self.article_pane.text.selectionChanged.connect(self._update_actions)

        self.claims_pane.set_threshold(self.settings.sensitivity)
        self.setWindowTitle(f"Factcheck Workbench — {desk.display_name}")
        self.resize(1440, 900)
        self.settings.restore_geometry(self)
        self._splitters_restored = False
        self._update_status()
        self._update_actions()

    # -- articles ----------------------------------------------------------------------------
    def open_article(self, article_id: str) -> bool:
        """Show an article and its claims; its claims are found first if that never happened."""
        try:
            article = self.desk.article(article_id)
            claims = self.desk.claims(article_id)
        except Exception as exc:
            self.report_error(exc, "Open article")
            return False
        self.flush_editor()
        self.article = article
        self.undo_stack.clear()
        self.article_pane.show_article(article)
        self._show_claims(claims)
        self.settings.last_article = article_id
        self.article_pane.text.setFocus()
        self.article_opened.emit(article_id)
        if article_id in self.desk.pending() and not self.desk.read_only:
            self.imports.find_claims(article_id)
        self._update_actions()
        return True

    def article_edited(self, article: Article) -> None:
        """The open article's details changed (an edit, undo or redo): show them."""
        if self.article is not None and self.article.id == article.id:
            self.article = article
            self.article_pane.show_details(article)
        self.desk_changed.emit()

    def restore_last_article(self) -> bool:
        """Open the article open last time, else the newest one."""
        wanted = self.settings.last_article
        articles = self.desk.articles()
        ids = [a["id"] for a in articles]
        if wanted in ids:
            return self.open_article(wanted)
        return self.open_article(ids[0]) if ids else False

    def claims_changed(self, select: str | None = None, *, refresh_editor: bool = True) -> None:
        """Reload the article's claims from the database (after any edit, undo or redo)."""
        if self.article is None:
            return
        try:
            claims = self.desk.claims(self.article.id)
        except Exception as exc:
            self.report_error(exc, "Reload claims")
            return
        self._show_claims(claims, select, refresh_editor=refresh_editor)

    def _on_editor_saved(self, claim_id: str) -> None:
        # The editor already shows what it saved and hands back the fresh claim: only its row
        # and highlight change, so a keypress stays quick on an article with many claims.
        fresh = self.editor.reviewed_claim()
        old = self.claims.get(claim_id)
        if (
            fresh is None
            or old is None
            or fresh.claim.id != claim_id
            or (fresh.claim.start, fresh.claim.end, fresh.claim.state)
            != (old.claim.start, old.claim.end, old.claim.state)
        ):
            self.claims_changed(claim_id, refresh_editor=False)
            return
        self.claims[claim_id] = fresh
        row = self.claims_pane.model.update_claim(fresh, self.desk.reviewer_id)
        if row is not None and self.claims_pane.proxy.passes_threshold(row):
            self.article_pane.text.update_row(row)
        self._update_status()
        self.desk_changed.emit()

    def _show_claims(
        self,
        claims: list[ReviewedClaim],
        select: str | None = None,
        *,
        refresh_editor: bool = True,
    ) -> None:
        self.claims = {rc.claim.id: rc for rc in claims}
        self.claims_pane.set_claims(claims, self.desk.reviewer_id)
        if self.article is not None:
            try:
                self.claims_pane.set_left_out(self.desk.left_out(self.article.id))
            except Exception as exc:
                # Only a note: the claims themselves are shown whatever happens here.
                log.warning("Could not read what claim finding left out: %s", exc)
                self.claims_pane.set_left_out(None)
        current = select or self.claims_pane.current_claim_id()
        self.article_pane.text.set_claims(self.claims_pane.visible_rows(), current)
        if select is not None and select in self.claims:
            blocked = self.claims_pane.blockSignals(not refresh_editor)
            self.claims_pane.select_claim(select)
            self.claims_pane.blockSignals(blocked)
        if refresh_editor:
            self._refresh_editor()
        self._update_status()
        self.claims_reloaded.emit()
        self.desk_changed.emit()

    def _on_current_claim(self, claim_id: str) -> None:
        self.article_pane.text.set_current(claim_id)
        self._refresh_editor()
        self._update_actions()

    def current_claim(self) -> ReviewedClaim | None:
        """The selected claim."""
        claim_id = self.claims_pane.current_claim_id()
        return self.claims.get(claim_id) if claim_id else None

    def selected_span(self) -> tuple[int, int] | None:
        """The article text selected, as offsets."""
        return self.article_pane.text.selected_span()

    def select_next_unreviewed(self) -> str | None:
        """Select the next claim I have not reviewed; None when there is none."""
        return self.claims_pane.next_unreviewed()

    def focus_claims(self) -> None:
        """Put the keyboard focus on the claims table (on the selected claim)."""
        self.claims_pane.focus_table()

    def leave_filter(self) -> bool:
        """Escape in the filter box: clear it, or when it is empty go to the claims table."""
        return self.claims_pane.leave_filter()

    def leave_article(self) -> bool:
        """Escape in the article text: go to the claims table, on the selected claim."""
        if not self.article_pane.text.hasFocus():
            return False
        self.claims_pane.focus_table()
        return True

    def set_sensitivity(self, value: float) -> None:
        """Show claims scoring at least ``value`` (remembered, as when the slider moves)."""
        self.claims_pane.set_threshold(value)
        self.claims_pane.threshold_changed.emit(value)

    def use_desk(self, desk: Desk, reviewer: str | None) -> None:
        """Work on a database opened again, as ``reviewer``, on its last article."""
        self.desk = desk
        self.setWindowTitle(f"Factcheck Workbench — {desk.display_name}")
        self.article = None  # it belonged to the database before (perhaps another file)
        self.undo_stack.clear()
        if reviewer:
            self.use_reviewer(reviewer)
        if not self.restore_last_article():
            self.article_pane.show_article(None)
            self._show_claims([])

    # -- importing -----------------------------------------------------------------------------
    def find_claims(self, article_id: str) -> None:
        """Find an article's claims on the worker."""
        self.imports.find_claims(article_id)

    def finding_claims(self) -> bool:
        """True while claim finding (or reading a file) runs or waits."""
        return self.imports.runner.busy

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.imports.import_files(paths)

    # -- the verdict editor ---------------------------------------------------------------------
    @property
    def editor(self) -> VerdictEditor:
        """The verdict editor for the selected claim."""
        return self._editor if self._editor is not None else self._build_editor()

    def _build_editor(self) -> VerdictEditor:
        from workbench.ui.verdict.verdict_editor import VerdictEditor

        editor = VerdictEditor(undo_stack=self.undo_stack, parent=self)
        placeholder = self.right_split.replaceWidget(1, editor)
        if placeholder is not None:
            placeholder.deleteLater()
        self.right_split.setStretchFactor(1, 2)  # the factor belonged to the widget replaced
        for signal in (editor.verdict_saved, editor.sources_changed, editor.claim_changed):
            signal.connect(self._on_editor_saved)
        editor.error_occurred.connect(lambda message: self.show_status(message, 8000))
        self._editor = editor
        self._show_in_editor(editor)
        return editor

    def _refresh_editor(self) -> None:
        if self._editor is not None:
            self._show_in_editor(self._editor)
        elif self.claims_pane.current_claim_id() is not None:
            self._build_editor()  # a claim to show cannot wait for the first paint

    def _show_in_editor(self, editor: VerdictEditor) -> None:
        claim_id = self.claims_pane.current_claim_id()
        reviewed = self.claims.get(claim_id) if claim_id else None
        try:
            editor.set_context(self.desk, reviewed, self.desk.reviewer, self.desk.scale())
        except Exception as exc:
            self.report_error(exc, "Show claim")

    def flush_editor(self) -> None:
        """Save what the verdict editor holds that is still waiting for its autosave."""
        if self._editor is not None:
            self._editor.flush()

    def _on_threshold(self, value: float) -> None:
        self.settings.sensitivity = value
        self.article_pane.text.set_claims(
            self.claims_pane.visible_rows(), self.claims_pane.current_claim_id()
        )
        self._update_status()

    # -- reviewers ---------------------------------------------------------------------------
    def ensure_reviewer(self, name: str | None = None) -> bool:
        """Work as ``name``, the remembered reviewer, or ask who is reviewing."""
        return self.reviewers.ensure(name)

    def use_reviewer(self, name: str) -> bool:
        """Switch to the reviewer called ``name``."""
        return self.reviewers.use(name)

    def reviewer_changed(self) -> None:
        """Show the article as the new reviewer sees it; undo starts afresh."""
        self.flush_editor()
        self.undo_stack.clear()
        self.claims_changed()
        self._update_status()

    # -- status, errors, closing --------------------------------------------------------------
    def _update_status(self) -> None:
        reviewer = self.desk.reviewer.name if self.desk.reviewer else "no reviewer chosen"
        self.reviewer_label.setText(f"Reviewer: {reviewer}")
        mode = " (read-only)" if self.desk.read_only else ""
        self.db_label.setText(f"Database: {self.desk.display_name}{mode}")
        rows = [
            r for r in self.claims_pane.visible_rows() if r.reviewed.claim.state is ClaimState.OPEN
        ]
        done = sum(1 for r in rows if r.rated_by_me)
        self.progress_label.setText(f"{done} of {len(rows)} claims reviewed by you")

    def _update_actions(self) -> None:
        self.actions_.enable(
            article=self.article is not None,
            claim=self.current_claim() is not None,
            selection=self.article_pane.text.textCursor().hasSelection(),
            writable=not self.desk.read_only,
        )

    @property
    def dialog_parent(self) -> QWidget:
        """The widget dialogs and messages belong to."""
        return self

    def show_status(self, message: str, msecs: int = 0) -> None:
        """A passing message in the status bar."""
        self.statusBar().showMessage(message, msecs)

    def report_error(self, exc: Exception, action: str) -> None:
        """Show a lower layer's error as a message; the window keeps running."""
        show_error(self, exc, action)

    def show_message(self, title: str, message: str) -> None:
        """A warning the reviewer must acknowledge."""
        MessageBoxes.warning(self, title, message)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            # What the window does not need to appear waits until its first paint is on screen.
            self._painted = True
            QTimer.singleShot(0, self, self._after_first_paint)

    def _after_first_paint(self) -> None:
        # One piece per turn of the event loop: a key pressed meanwhile does not wait for all.
        # A window closed in the meantime (its database with it) skips what is left.
        if not self.isVisible():
            return
        if self._editor is None:
            self._build_editor()
        steps = [self.actions_.add_icons, self._prepare_writes]
        if self._backup_on_open:
            steps.append(self.backup.back_up_on_open)
        for step in steps:
            QTimer.singleShot(0, self, lambda step=step: self.isVisible() and step())

    def _prepare_writes(self) -> None:
        # The first edit should not wait for the database's writing side to load.
        if not self.imports.runner.busy:
            self.desk.prepare_writes()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._splitters_restored:
            self._splitters_restored = True
            self.settings.restore_splitters(
                self.main_split, self.right_split, shares=[[41, 59], [40, 60]]
            )

    def closeEvent(self, event: QCloseEvent) -> None:
        self.flush_editor()
        self.settings.save_window(self, self.main_split, self.right_split)
        self.imports.shut_down()
        self.backup.shut_down()
        self.security.shut_down()
        self.checked_counts.shut_down()
        if self._editor is not None:
            self._editor.checked_before.shut_down()
        super().closeEvent(event)
