"""Left idle, the window on an encrypted database locks: content hidden, file closed."""

from __future__ import annotations

import gc
import types
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.gui.security.conftest import PASSPHRASE
from workbench.services.database import open_database
from workbench.ui.security import idle, security_controller
from workbench.ui.security.idle import IdleWatcher
from workbench.ui.security.lock_panel import LockPanel

pytestmark = pytest.mark.gui


class Clock:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch) -> Clock:
    fake = Clock()
    monkeypatch.setattr(idle, "monotonic", fake)
    return fake


def test_only_a_quarter_hour_without_any_input_counts_as_idle(qtbot, clock: Clock) -> None:
    watcher = IdleWatcher(lambda: 15 * 60_000)
    fired: list[bool] = []
    watcher.idle.connect(lambda: fired.append(True))
    watcher.start()
    try:
        clock.now += 14 * 60
        # A key pressed anywhere in the program, then later the mouse: each starts the count again.
        QApplication.sendEvent(
            QApplication.instance(),
            QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_J, Qt.KeyboardModifier.NoModifier),
        )
        clock.now += 10 * 60
        watcher.check()
        assert fired == [] and watcher.timer.isActive()
        # The timer looks again within half a minute, whatever the limit.
        assert watcher.timer.interval() <= idle.LONGEST_WAIT_MS
        QApplication.sendEvent(
            QApplication.instance(),
            QMouseEvent(
                QEvent.Type.MouseMove,
                QPointF(5, 5),
                QPointF(5, 5),
                Qt.MouseButton.NoButton,
                Qt.MouseButton.NoButton,
                Qt.KeyboardModifier.NoModifier,
            ),
        )
        clock.now += 15 * 60 - 1
        watcher.check()
        assert fired == []
        clock.now += 1
        watcher.check()
        assert fired == [True] and not watcher.watching
    finally:
        watcher.stop()


def test_never_means_never(qtbot, clock: Clock) -> None:
    watcher = IdleWatcher(lambda: 0)
    fired: list[bool] = []
    watcher.idle.connect(lambda: fired.append(True))
    watcher.start()
    clock.now += 24 * 3600
    watcher.check()
    watcher.stop()
    assert fired == []


def _texts(window) -> str:
    return window.article_pane.text.toPlainText() + window.article_pane.title.text()


def test_idle_locks_hides_everything_closes_the_file_and_unlocking_goes_back_to_the_claim(
    qtbot, open_window, encrypted_db: Path, messages
) -> None:
    window = open_window(encrypted_db, PASSPHRASE)
    lock = window.security.lock
    assert lock.watcher.watching  # encrypted: watched for idleness
    claim_id = window.claims_pane.table_order()[1]
    window.claims_pane.select_claim(claim_id)
    article_id = window.article.id
    qtbot.keyClicks(window.editor.rationale_edit, "Asked the council for the invoices.")
    assert "Council roads" in _texts(window)

    lock.watcher.limit_ms = lambda: 1
    with qtbot.waitSignal(lock.closed, timeout=5000):
        lock.watcher.start()  # again, with a limit of a millisecond

    assert isinstance(window.centralWidget(), LockPanel)
    assert "desk.sqlite3” is locked" in lock.panel.heading.text()
    assert "without use" in lock.panel.message.text()
    # Nothing of the work is left in the window, on screen or behind the panel.
    assert "Council" not in _texts(window) and "roads" not in _texts(window)
    assert window.claims_pane.model.rowCount() == 0
    assert window.editor.rationale_edit.toPlainText() == ""
    assert not window.menuBar().isEnabled()
    assert not any(a.isEnabled() for a in window.actions())
    # The file is closed (another program may open it) and the key is gone from memory.
    assert window.desk.store.cipher_key is None
    open_database(encrypted_db, passphrase=PASSPHRASE).close()

    # A wrong passphrase: said so on the panel, still locked.
    panel = lock.panel
    qtbot.keyClicks(panel.passphrase_edit, "wrong passphrase")
    qtbot.keyClick(panel.passphrase_edit, Qt.Key.Key_Return)
    assert lock.is_locked and "does not unlock" in panel.error_line.message()
    assert panel.passphrase_edit.text() == ""

    lock.watcher.limit_ms = lambda: 15 * 60_000
    with qtbot.waitSignal(lock.unlocked, timeout=5000):
        qtbot.keyClicks(panel.passphrase_edit, PASSPHRASE)
        qtbot.keyClick(panel.passphrase_edit, Qt.Key.Key_Return)
    assert not lock.is_locked and window.centralWidget() is window.main_split
    assert window.article is not None and window.article.id == article_id
    assert window.claims_pane.current_claim_id() == claim_id
    # What was typed just before the lock was saved, and is shown again.
    assert window.editor.rationale_edit.toPlainText() == "Asked the council for the invoices."
    mine = window.claims[claim_id].verdict_by(window.desk.reviewer_id)
    assert mine is not None and mine.rationale == "Asked the council for the invoices."
    assert window.menuBar().isEnabled() and window.actions_.export.isEnabled()
    assert lock.watcher.watching
    assert not any("did not work" in title for title, _ in messages)


def test_lock_now_from_the_keyboard_and_unlock_by_typing(
    qtbot, monkeypatch, open_window, encrypted_db: Path
) -> None:
    window = open_window(encrypted_db, PASSPHRASE)
    window.claims_pane.focus_table()
    with qtbot.waitSignal(window.security.lock.closed, timeout=5000):
        qtbot.keyClick(
            window.claims_pane.table,
            Qt.Key.Key_L,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
    panel = window.security.lock.panel
    assert panel.passphrase_edit.hasFocus()
    # The window's keys do nothing while it is locked (here: open another database).
    asked: list[str] = []
    monkeypatch.setattr(security_controller, "ask_open_path", lambda *a: asked.append("open"))
    qtbot.keyClick(
        panel.passphrase_edit,
        Qt.Key.Key_O,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert asked == [] and panel.passphrase_edit.text() == ""
    qtbot.keyClick(panel.passphrase_edit, Qt.Key.Key_Tab)
    assert panel.show_box.hasFocus()
    qtbot.keyClick(panel.show_box, Qt.Key.Key_Tab)
    assert panel.unlock_button.hasFocus()
    panel.passphrase_edit.setFocus()
    with qtbot.waitSignal(window.security.lock.unlocked, timeout=5000):
        qtbot.keyClicks(panel.passphrase_edit, PASSPHRASE)
        qtbot.keyClick(panel.passphrase_edit, Qt.Key.Key_Return)
    assert window.article is not None


def test_a_dialog_open_when_the_window_locks_is_closed(
    qtbot, open_window, encrypted_db: Path
) -> None:
    window = open_window(encrypted_db, PASSPHRASE)
    box = QMessageBox(
        QMessageBox.Icon.Information, "Source", "The council's invoice", parent=window
    )
    box.show()
    assert window.security.lock.lock()
    assert not box.isVisible()


def test_a_plain_database_never_locks(open_window, db_path: Path) -> None:
    window = open_window(db_path)
    security = window.security
    assert not security.lock.watcher.watching
    assert not security.lock_now.isEnabled() and security.encrypt.isEnabled()
    assert not security.lock.lock()
    assert window.article is not None


def test_the_idle_time_is_set_in_preferences(qtbot, monkeypatch, open_window, encrypted_db) -> None:
    from workbench.ui.preferences.preferences_dialog import PreferencesDialog
    from workbench.ui.window import hooks

    window = open_window(encrypted_db, PASSPHRASE)
    shown: dict = {}

    def answer(parent, values):
        dialog = PreferencesDialog(None, values)
        qtbot.addWidget(dialog)
        shown["minutes"] = dialog.idle_lock_spin.value()
        dialog.idle_lock_spin.setValue(0)
        shown["text"] = dialog.idle_lock_spin.text()
        dialog.idle_lock_spin.setValue(5)
        return dialog.value()

    monkeypatch.setattr(hooks, "ask_preferences", answer)
    window.actions_.preferences.trigger()
    assert shown == {"minutes": 15, "text": "Never"}
    assert window.settings.idle_lock_minutes == 5
    assert window.security.lock.watcher.limit_ms() == 5 * 60_000


def test_closing_a_locked_window_quits_cleanly(
    qtbot, open_window, encrypted_db: Path, messages
) -> None:
    window = open_window(encrypted_db, PASSPHRASE)
    with qtbot.waitSignal(window.security.lock.closed, timeout=5000):
        window.security.lock_now.trigger()
    window.security.lock.panel.quit_button.click()
    assert not window.isVisible()
    assert messages == []
    open_database(encrypted_db, passphrase=PASSPHRASE).close()


def test_once_locked_nothing_in_the_program_still_holds_the_passphrase(
    qtbot, open_window, encrypted_db: Path
) -> None:
    window = open_window(encrypted_db, PASSPHRASE)
    key = window.desk.key
    assert key is not None
    with qtbot.waitSignal(window.security.lock.closed, timeout=5000):
        assert window.security.lock.lock()
    gc.collect()
    # Only this test still refers to the key: not the closed connection, not the store.
    holders = [r for r in gc.get_referrers(key) if not isinstance(r, types.FrameType)]
    assert holders == []


def test_after_unlocking_the_hidden_lock_panel_keeps_no_passphrase(
    qtbot, open_window, encrypted_db: Path
) -> None:
    window = open_window(encrypted_db, PASSPHRASE)
    lock = window.security.lock
    window.claims_pane.focus_table()
    with qtbot.waitSignal(lock.closed, timeout=5000):
        qtbot.keyClick(
            window.claims_pane.table,
            Qt.Key.Key_L,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
    panel = lock.panel
    with qtbot.waitSignal(lock.unlocked, timeout=5000):
        qtbot.keyClicks(panel.passphrase_edit, PASSPHRASE)
        qtbot.keyClick(panel.passphrase_edit, Qt.Key.Key_Return)
    # The panel is kept for the next lock: its field must not hold the passphrase meanwhile.
    assert panel.passphrase_edit.text() == ""
    # Nor is it left on screen as a window of its own, holding the keyboard.
    QApplication.processEvents()  # what Qt does next, once unlocking has returned
    assert not panel.isVisible()
    assert window.isActiveWindow() and window.claims_pane.table.hasFocus()


def test_what_was_typed_in_a_dialog_closed_by_the_lock_is_given_back_after_unlocking(
    qtbot, open_window, encrypted_db: Path, messages
) -> None:
    from PySide6.QtWidgets import QDialog, QFormLayout, QLineEdit, QPlainTextEdit

    window = open_window(encrypted_db, PASSPHRASE)
    dialog = QDialog(window)
    dialog.setWindowTitle("Final verdict")
    from workbench.ui.security.passphrase_dialogs import passphrase_edit

    note, untouched = QPlainTextEdit(), QLineEdit("prefilled")
    secret, shown = passphrase_edit("Passphrase"), passphrase_edit("New passphrase")
    shown.setEchoMode(QLineEdit.EchoMode.Normal)  # its "show" box ticked
    form = QFormLayout(dialog)
    form.addRow("&Note:", note)
    form.addRow("Passphrase:", secret)
    form.addRow("New passphrase:", shown)
    form.addRow("Rating:", untouched)
    dialog.show()
    qtbot.keyClicks(note, "Checked with the ministry; two sources confirm the date")
    qtbot.keyClicks(secret, "not to be kept")
    qtbot.keyClicks(shown, "nor this one")
    lock = window.security.lock
    with qtbot.waitSignal(lock.closed, timeout=5000):
        assert lock.lock()
    assert not dialog.isVisible()
    assert messages == []  # nothing is said while the window is locked
    with qtbot.waitSignal(lock.unlocked, timeout=5000):
        qtbot.keyClicks(lock.panel.passphrase_edit, PASSPHRASE)
        qtbot.keyClick(lock.panel.passphrase_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(messages))
    [(title, text)] = messages
    assert title == "Typed before the window locked"
    assert "Final verdict" in text
    assert "Note: Checked with the ministry; two sources confirm the date" in text
    assert "not to be kept" not in text and "nor this one" not in text
    assert "prefilled" not in text
