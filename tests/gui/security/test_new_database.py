"""File ▸ New database…: a new, empty file, encrypted when the reviewer chooses so."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialog

from tests.gui.security.conftest import PASSPHRASE
from workbench.services.database import open_database
from workbench.store import is_encrypted
from workbench.store.errors import PassphraseNeededError
from workbench.ui.security import security_controller
from workbench.ui.security.passphrase_dialogs import (
    FORGOTTEN_WARNING,
    NewPassphraseDialog,
    PassphraseChoice,
)

pytestmark = pytest.mark.gui


@pytest.fixture
def dialog(qtbot):
    def build(purpose: str = "new") -> NewPassphraseDialog:
        built = NewPassphraseDialog("sources.sqlite3", purpose)
        qtbot.addWidget(built)
        built.show()
        built.activateWindow()
        qtbot.waitUntil(built.isActiveWindow, timeout=3000)
        return built

    return build


def test_a_new_database_is_plain_unless_encryption_is_chosen(dialog) -> None:
    built = dialog()
    assert not built.encrypt_box.isChecked() and not built.passphrase_edit.isEnabled()
    assert not built.warning.isVisible()
    built.accept()
    assert built.result() == QDialog.DialogCode.Accepted
    assert built.value() == PassphraseChoice(None)


def test_choosing_encryption_asks_the_passphrase_twice_and_warns_it_cannot_be_recovered(
    qtbot, dialog
) -> None:
    built = dialog()
    assert built.encrypt_box.hasFocus()
    qtbot.keyClick(built.encrypt_box, Qt.Key.Key_Space)
    assert built.warning.isVisible() and FORGOTTEN_WARNING in built.warning.text()
    assert "cannot be recovered" in built.warning.text()
    # The keyboard path: box → passphrase → again → show → Create.
    order = []
    for _ in range(4):
        qtbot.keyClick(built.focusWidget(), Qt.Key.Key_Tab)
        order.append(built.focusWidget())
    assert order == [built.passphrase_edit, built.repeat_edit, built.show_box, built.ok_button]

    qtbot.keyClicks(built.passphrase_edit, "short")
    qtbot.keyClick(built.passphrase_edit, Qt.Key.Key_Return)
    assert built.isVisible() and "at least 8 characters" in built.error_line.message()

    built.passphrase_edit.setText(PASSPHRASE)
    qtbot.keyClicks(built.repeat_edit, PASSPHRASE + "!")
    qtbot.keyClick(built.repeat_edit, Qt.Key.Key_Return)
    assert "not the same" in built.error_line.message()
    assert built.repeat_edit.text() == "" and built.repeat_edit.hasFocus()

    qtbot.keyClicks(built.repeat_edit, PASSPHRASE)
    qtbot.keyClick(built.repeat_edit, Qt.Key.Key_Return)
    assert built.result() == QDialog.DialogCode.Accepted
    assert built.value() == PassphraseChoice(PASSPHRASE)


def test_changing_asks_the_current_passphrase_first(qtbot, dialog) -> None:
    built = NewPassphraseDialog("desk.sqlite3", "change", check_current=lambda p: p == PASSPHRASE)
    qtbot.addWidget(built)
    built.current_edit.setText("not the one")
    built.passphrase_edit.setText("a brand new passphrase")
    built.repeat_edit.setText("a brand new passphrase")
    built.accept()
    assert built.result() != QDialog.DialogCode.Accepted
    assert "current passphrase is not right" in built.error_line.message()
    built.current_edit.setText(PASSPHRASE)
    built.accept()
    assert built.value() == PassphraseChoice("a brand new passphrase", PASSPHRASE)


def test_new_encrypted_database_from_the_file_menu(
    qtbot, monkeypatch, make_window, tmp_path: Path, db_path: Path, settings_path: Path
) -> None:
    window = make_window()
    assert window.article is not None or window.restore_last_article()
    wanted = tmp_path / "sources"
    monkeypatch.setattr(security_controller, "ask_new_path", lambda parent, folder: str(wanted))
    asked: list[str] = []

    def choose(parent, name, purpose="encrypt", **kwargs):
        asked.append(f"{name} {purpose}")
        return PassphraseChoice(PASSPHRASE)

    monkeypatch.setattr(NewPassphraseDialog, "ask", choose)
    window.security.new_database.trigger()

    created = tmp_path / "sources.sqlite3"
    assert asked == ["sources.sqlite3 new"]
    assert window.desk.path == created and window.desk.store.encrypted
    assert is_encrypted(created)
    assert "sources.sqlite3" in window.windowTitle()
    # A new, empty database: no sample article, no article from the one before.
    assert window.article is None and window.desk.articles() == []
    assert window.desk.reviewer is not None and window.desk.reviewer.name == "Ana Lima"
    assert window.security.lock.watcher.watching and window.security.lock_now.isEnabled()
    with pytest.raises(PassphraseNeededError):
        open_database(created)
    # The database before is closed (free for anyone to open) and opens again next time.
    open_database(db_path).close()
    settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
    assert settings.value("last_database") == str(created)


def test_an_existing_file_is_never_replaced(
    monkeypatch, make_window, db_path: Path, messages
) -> None:
    window = make_window()
    before = db_path.read_bytes()
    monkeypatch.setattr(security_controller, "ask_new_path", lambda parent, folder: str(db_path))
    monkeypatch.setattr(NewPassphraseDialog, "ask", lambda *a, **k: pytest.fail("not asked"))
    window.security.new_database.trigger()
    assert messages and "already exists" in messages[-1][1]
    assert db_path.read_bytes() == before and window.desk.path == db_path
