"""An encrypted database asks for its passphrase before anything of it is read or shown."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLineEdit

from tests.gui.security.conftest import PASSPHRASE
from workbench.app import build_window
from workbench.services.database import open_database
from workbench.store.errors import WrongPassphraseError
from workbench.ui.security import unlock
from workbench.ui.security.passphrase_dialogs import UnlockDialog

pytestmark = pytest.mark.gui


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def dialog(qtbot, encrypted_db: Path) -> UnlockDialog:
    built = UnlockDialog(encrypted_db, lambda typed: open_database(encrypted_db, passphrase=typed))
    qtbot.addWidget(built)
    built.show()
    built.activateWindow()
    qtbot.waitUntil(built.isActiveWindow, timeout=3000)
    return built


def test_a_wrong_passphrase_is_refused_in_the_dialog_then_the_right_one_opens(
    qtbot, dialog: UnlockDialog, encrypted_db: Path, caplog, capsys
) -> None:
    caplog.set_level(logging.DEBUG)
    before = _files(encrypted_db.parent)
    edit = dialog.passphrase_edit
    assert edit.echoMode() is QLineEdit.EchoMode.Password
    assert dialog.heading.text() == "“desk.sqlite3” is encrypted"

    qtbot.keyClicks(edit, "correct horse battery stapler")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert "does not unlock “desk.sqlite3”" in dialog.error_line.message()
    assert "Nothing was opened" in dialog.error_line.message()
    # Ready for another try, and the file is exactly as it was.
    assert edit.text() == "" and edit.hasFocus()
    assert _files(encrypted_db.parent) == before

    qtbot.keyClicks(edit, PASSPHRASE)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    store = dialog.opened
    try:
        assert store.encrypted and [a["title"] for a in store.list_articles()] == ["Council roads"]
    finally:
        store.close()
    out = capsys.readouterr()
    for text in (caplog.text, out.out, out.err):
        assert "horse battery" not in text


def test_the_dialog_is_complete_from_the_keyboard(qtbot, dialog: UnlockDialog) -> None:
    assert dialog.passphrase_edit.hasFocus()
    order = []
    for _ in range(4):
        order.append(dialog.focusWidget())
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    assert order == [
        dialog.passphrase_edit,
        dialog.show_box,
        dialog.unlock_button,
        dialog.cancel_button,
    ]
    # Alt+W shows what was typed; Alt+Q gives up.
    qtbot.keyClicks(dialog.passphrase_edit, "abc")
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)
    # A button's letter clicks it the way a mouse would, a moment later.
    qtbot.waitUntil(lambda: dialog.passphrase_edit.echoMode() is QLineEdit.EchoMode.Normal)
    assert dialog.cancel_button.text() == "&Quit"
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Q, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert dialog.result() == QDialog.DialogCode.Rejected


def test_the_window_opens_an_encrypted_file_only_once_it_is_unlocked(
    qtbot, monkeypatch, encrypted_db: Path, settings_path: Path
) -> None:
    from PySide6.QtCore import QSettings

    asked: list[Path] = []

    def answer(parent, path, opener, **texts):
        asked.append(path)
        with pytest.raises(WrongPassphraseError):
            opener("not it at all")
        return opener(PASSPHRASE)

    monkeypatch.setattr(UnlockDialog, "ask", answer)
    settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
    window = build_window(encrypted_db, settings, backup_on_open=False)
    qtbot.addWidget(window)
    try:
        assert asked == [encrypted_db]
        assert window.desk.store.encrypted
        assert window.restore_last_article()
        assert window.article is not None and window.article.title == "Council roads"
    finally:
        window.desk.close()


def test_giving_up_opens_nothing_and_changes_nothing(monkeypatch, encrypted_db: Path) -> None:
    before = _files(encrypted_db.parent)
    monkeypatch.setattr(UnlockDialog, "ask", lambda *args, **kwargs: None)
    with pytest.raises(unlock.UnlockCancelled):
        unlock.open_desk(encrypted_db)
    assert _files(encrypted_db.parent) == before
    # Nothing holds the file: it opens at once.
    open_database(encrypted_db, passphrase=PASSPHRASE).close()


def test_a_screenshot_of_an_encrypted_file_needs_its_passphrase_and_never_asks(
    monkeypatch, encrypted_db: Path, tmp_path: Path
) -> None:
    from workbench.app import render_screenshot
    from workbench.store.errors import PassphraseNeededError

    monkeypatch.setattr(UnlockDialog, "ask", lambda *a, **k: pytest.fail("asked offscreen"))
    with pytest.raises(PassphraseNeededError):
        render_screenshot(tmp_path / "desk.png", db_path=encrypted_db)
    out = render_screenshot(tmp_path / "desk.png", db_path=encrypted_db, passphrase=PASSPHRASE)
    assert out.stat().st_size > 0


def test_a_remembered_file_left_locked_is_not_asked_for_at_every_start(
    qtbot, monkeypatch, tmp_path: Path
) -> None:
    """A colleague's encrypted file opened once, its passphrase since forgotten: quitting the
    unlock dialog forgets it, so the next start opens the default database."""
    import PySide6.QtCore

    import workbench.app as app
    from workbench.ui.preferences.settings import DeskSettings
    from workbench.ui.security.unlock import UnlockCancelled

    ini = str(tmp_path / "settings.ini")
    real = PySide6.QtCore.QSettings

    def settings(*_args: object) -> PySide6.QtCore.QSettings:
        return real(ini, real.Format.IniFormat)

    colleague = tmp_path / "colleague.sqlite3"
    colleague.write_bytes(b"\x01" * 4096)
    DeskSettings(settings()).last_database = str(colleague)
    asked: list[object] = []

    def not_unlocked(db_path: object, _settings: object, passphrase: object = None) -> None:
        asked.append(db_path)
        raise UnlockCancelled()

    monkeypatch.setattr(PySide6.QtCore, "QSettings", settings)
    monkeypatch.setattr(app, "build_window", not_unlocked)
    monkeypatch.setattr(app, "make_application", lambda argv: None)
    monkeypatch.setattr("workbench.ui.common.errors.install_excepthook", lambda: None)
    assert app.run_app() == 0
    assert [Path(str(p)) for p in asked] == [colleague]
    assert DeskSettings(settings()).last_database == ""
