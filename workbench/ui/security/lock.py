"""Locking the window on an encrypted database: content hidden, file closed, passphrase to return.

After the idle time set in Preferences (or File ▸ Lock now) the article, its claims and the
verdict editor are emptied and replaced by a lock panel; typed text is saved first, as the
editor's autosave would; background work stops and the database is closed. The right passphrase
opens the same file again on the same article and claim. Open dialogs are closed unsaved (their
caller may use the file); what the reviewer had typed in them is said after unlocking, to be
copied back.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QThread, QTimer, Signal
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from workbench.services.database import open_database
from workbench.services.desk import Desk
from workbench.store.errors import StoreError
from workbench.ui.security.idle import IdleWatcher

if TYPE_CHECKING:
    from PySide6.QtGui import QAction

    from workbench.ui.common.worker import JobRunner
    from workbench.ui.security.lock_panel import LockPanel
    from workbench.ui.verdict.verdict_editor import VerdictEditor
    from workbench.ui.window.main_window import MainWindow

log = logging.getLogger(__name__)

#: How often to look again whether a dialog's own event loop has ended, before closing the file.
RETRY_MS = 50


class LockController(QObject):
    """Locks the window after the idle time on an encrypted database, and unlocks it."""

    locked = Signal()
    unlocked = Signal()
    #: The database file was closed (after any background work stopped).
    closed = Signal()

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.watcher = IdleWatcher(self._limit_ms, self)
        self.watcher.idle.connect(self._on_idle)
        self._panel: LockPanel | None = None
        self._content: QWidget | None = None
        #: What was typed in the dialogs the lock closed, given back after unlocking.
        self._typed: list[str] = []
        self._path: Path | None = None
        self._article_id: str | None = None
        self._claim_id: str | None = None
        self._reviewer: str | None = None
        self._enabled: dict[QAction, bool] = {}
        self._closing = False
        self._heard: set[int] = set()
        self._listen()

    def _listen(self) -> None:
        """Hear every worker end (the merge's is made on first use, after this controller)."""
        for runner in self._runners():
            if id(runner) not in self._heard:
                self._heard.add(id(runner))
                runner.ended.connect(lambda _job: self._close_when_quiet())

    @property
    def panel(self) -> LockPanel:
        """The lock panel, made the first time the window locks (not at start)."""
        if self._panel is None:
            from workbench.ui.security.lock_panel import LockPanel

            self._panel = LockPanel()
            self._panel.unlock_requested.connect(self.unlock)
            self._panel.quit_requested.connect(self.window.close)
        return self._panel

    @property
    def is_locked(self) -> bool:
        """True while the lock panel shows."""
        return self._content is not None

    @property
    def store_closed(self) -> bool:
        """True once the locked database's file is closed."""
        return self.is_locked and not self._closing

    def _limit_ms(self) -> int:
        return self.window.settings.idle_lock_minutes * 60_000

    def watch(self) -> None:
        """Watch for idleness while the open database is encrypted; not otherwise."""
        if self.is_locked:
            return
        if self.window.desk.encrypted:
            self.watcher.start()
        else:
            self.watcher.stop()

    def shut_down(self) -> None:
        """The window is closing: no lock any more."""
        self.watcher.stop()

    def _on_idle(self) -> None:
        minutes = self.window.settings.idle_lock_minutes
        unit = "minute" if minutes == 1 else "minutes"
        self.lock(f"It was locked after {minutes} {unit} without use.")

    def lock(self, why: str = "It was locked.") -> bool:
        """Hide the content, save what was typed, stop background work and close the file."""
        w = self.window
        if self.is_locked or not w.desk.encrypted or w.desk.path is None:
            return False
        self.watcher.stop()
        w.flush_editor()
        self._path = w.desk.path
        self._article_id = w.article.id if w.article is not None else None
        self._claim_id = w.claims_pane.current_claim_id()
        self._reviewer = w.desk.reviewer.name if w.desk.reviewer is not None else None
        self._typed = _close_dialogs_and_menus()
        # Nothing of the work stays on screen, nor in the widgets behind the panel.
        w.article = None
        w.claims = {}
        w.undo_stack.clear()
        w.article_pane.show_article(None)
        w.article_pane.text.set_claims([], None)
        w.claims_pane.set_claims([], None)
        w.claims_pane.set_left_out(None)
        _empty_editor(w.editor)
        self._content = w.takeCentralWidget()
        w.setCentralWidget(self.panel)
        self.panel.show()  # at once: the passphrase field takes the keyboard now
        self._enabled = {action: action.isEnabled() for action in w.actions()}
        for action in self._enabled:
            action.setEnabled(False)
        w.menuBar().setEnabled(False)
        w.statusBar().hide()
        self.panel.show_locked(w.desk.display_name, why)
        log.info("Database locked")
        self._closing = True
        w.checked_counts.shut_down()
        w.editor.checked_before.shut_down()
        self._listen()
        for runner in self._runners():
            runner.cancel_all()
        self._close_when_quiet()
        self.locked.emit()
        return True

    def _runners(self) -> list[JobRunner]:
        from workbench.ui.library.merge_controller import MergeController

        runners = [self.window.imports.runner, self.window.backup.runner]
        # A merge that is writing cannot stop half-way: the file closes once it is done.
        merging = self.window.findChild(MergeController, "merge-controller")
        return [*runners, merging.runner] if merging is not None else runners

    def _close_when_quiet(self) -> None:
        """Close the file once no background work runs and no dialog's event loop is unwinding."""
        if not self._closing:
            return
        if any(runner.busy for runner in self._runners()):
            self.panel.set_closing(True)
            return
        if QThread.currentThread().loopLevel() > 1:
            # A dialog open at locking time was closed; its caller runs on once its own event
            # loop has ended, perhaps still using the database.
            self.panel.set_closing(True)
            QTimer.singleShot(RETRY_MS, self, self._close_when_quiet)
            return
        self._closing = False
        # The key goes with the file: unlocking must ask for the passphrase again.
        self.window.desk.lock()
        self.panel.set_closing(False)
        self.panel.passphrase_edit.setFocus()
        self.closed.emit()

    def unlock(self, passphrase: str) -> bool:
        """Open the same file with ``passphrase``; back on the same article and claim."""
        if not self.is_locked or self._closing or self._path is None:
            return False
        from workbench.ui.security.passphrase_dialogs import busy

        path = self._path
        try:
            store = busy(lambda: open_database(path, passphrase=passphrase))
        except StoreError as exc:  # a wrong passphrase (nothing changed), or a file gone
            self.panel.show_error(str(exc))
            return False
        w = self.window
        self.panel.passphrase_edit.clear()  # kept for the next lock, without the passphrase
        assert self._content is not None
        # The panel is kept for the next lock, hidden: taken out of the window while its field
        # has the keyboard, Qt would show it again as a window of its own.
        w.takeCentralWidget()
        self.panel.hide()
        w.setCentralWidget(self._content)
        self._content.show()
        self._content = None
        for action, enabled in self._enabled.items():
            action.setEnabled(enabled)
        self._enabled = {}
        w.menuBar().setEnabled(True)
        w.statusBar().show()
        desk = Desk(store)
        # A merge that ended behind the lock may keep the article and claim under other ids.
        from workbench.services.merge import kept_id

        if self._article_id is not None:
            w.settings.last_article = kept_id(desk, self._article_id)
        w.use_desk(desk, self._reviewer)
        claim_id = kept_id(desk, self._claim_id) if self._claim_id is not None else None
        if claim_id is not None and claim_id in w.claims:
            w.claims_pane.select_claim(claim_id)
        w.claims_pane.focus_table()  # the keys act on the claims again at once
        log.info("Database unlocked")
        self.watch()
        self.unlocked.emit()
        if self._typed:
            typed, self._typed = self._typed, []
            QTimer.singleShot(0, w, lambda: _give_back(w, typed))
        return True


def _empty_editor(editor: VerdictEditor) -> None:
    """No claim in the editor, and none of its text left in its (hidden) fields."""
    editor.set_context(None, None, None)  # saves what was typed first
    for edit in (editor.wording_edit, editor.rationale_edit):
        blocked = edit.blockSignals(True)  # emptying is not an edit to save
        edit.clear()
        edit.blockSignals(blocked)
    for label in (editor.quote_label, editor.meta_label):
        label.clear()
    editor.others_view.set_verdicts([])
    editor.others_summary.set_verdicts([])


def _give_back(window: QWidget, typed: list[str]) -> None:
    """Say what was typed in the dialogs the lock closed, to be copied from the message."""
    from workbench.ui.common.errors import MessageBoxes

    MessageBoxes.warning(
        window,
        "Typed before the window locked",
        "The window locked while a dialog was open; it was closed without saving. What was "
        "typed in it is under Show Details: open the dialog again and copy it in.",
        "\n\n".join(typed),
    )


def _close_dialogs_and_menus() -> list[str]:
    """Close what could show the work over the lock panel: dialogs, messages and open menus.

    Returns what the reviewer had typed in the dialogs closed (see :func:`_typed_in`).
    """
    popup = QApplication.activePopupWidget()
    while popup is not None:
        popup.close()
        next_popup = QApplication.activePopupWidget()
        popup = None if next_popup is popup else next_popup
    typed: list[str] = []
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible():
            lines = _typed_in(widget)
            if lines:
                typed.append("\n".join([f"In “{widget.windowTitle()}”:", *lines]))
            widget.reject()
    return typed


def _typed_in(dialog: QDialog) -> list[str]:
    """The text the reviewer typed in a dialog's fields, as "Label: text" lines: text fields
    they changed, never a hidden one (a passphrase), nor text the dialog filled in itself."""
    from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QTextEdit

    labels = {id(label.buddy()): label.text() for label in dialog.findChildren(QLabel)}
    lines = []
    for field in dialog.findChildren(QWidget):
        if isinstance(field, QLineEdit):
            # A passphrase field stays out, also while its "show" box is ticked.
            secret = field.property("secret") or (  # passphrase_dialogs.SECRET
                field.inputMethodHints() & Qt.InputMethodHint.ImhSensitiveData
            )
            if secret or field.echoMode() != QLineEdit.EchoMode.Normal:
                continue
            if not field.isModified():
                continue
            text = field.text().strip()
        elif isinstance(field, QPlainTextEdit | QTextEdit):
            if field.isReadOnly() or not field.document().isModified():
                continue
            text = field.toPlainText().strip()
        else:
            continue
        if text:
            label = labels.get(id(field)) or field.accessibleName() or "Text"
            lines.append(f"{label.replace('&', '').rstrip(':')}: {text}")
    return lines
