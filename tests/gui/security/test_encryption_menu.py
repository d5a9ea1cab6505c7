"""File ▸ Encrypt this database…, Change passphrase… and Decrypt this database…"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.gui.security.conftest import PASSPHRASE
from workbench.services.database import open_database
from workbench.store import is_encrypted
from workbench.store.errors import PassphraseNeededError, StoreError, WrongPassphraseError
from workbench.ui.security import conversion
from workbench.ui.security.passphrase_dialogs import (
    NewPassphraseDialog,
    PassphraseChoice,
    UnlockDialog,
)

pytestmark = pytest.mark.gui

NEW_PASSPHRASE = "another long passphrase"


def _run(qtbot, window, action) -> None:
    with qtbot.waitSignal(window.security.conversion.finished, timeout=20000):
        action.trigger()


def _on_second_claim(window) -> str:
    claim_id = window.claims_pane.table_order()[1]
    window.claims_pane.select_claim(claim_id)
    return claim_id


def test_encrypting_keeps_the_place_and_removes_plaintext_copies_once_agreed(
    qtbot, monkeypatch, open_window, db_path: Path
) -> None:
    window = open_window(db_path)
    window.desk.back_up()  # a plaintext backup, to be offered for removal too
    claim_id = _on_second_claim(window)
    monkeypatch.setattr(NewPassphraseDialog, "ask", lambda *a, **k: PassphraseChoice(PASSPHRASE))
    questions: list[str] = []

    def agree(parent, message: str) -> bool:
        questions.append(message)
        return True

    monkeypatch.setattr(conversion, "ask_remove_plaintext", agree)
    _run(qtbot, window, window.security.encrypt)

    assert is_encrypted(db_path) and window.desk.store.encrypted
    assert window.claims_pane.current_claim_id() == claim_id
    assert window.security.decrypt.isEnabled() and not window.security.encrypt.isEnabled()
    assert window.security.lock.watcher.watching
    # The reviewer was told which copies are left and that a disk may keep old blocks.
    assert len(questions) == 1 and "may keep old copies of its blocks" in questions[0]
    assert ".plaintext-" in questions[0]
    leftovers = [p for p in db_path.parent.rglob("*") if p.is_file() and ".plaintext-" in p.name]
    assert leftovers == []
    # No plaintext database is left anywhere beside it, backups included.
    files = [p for p in db_path.parent.rglob("*") if p.is_file()]
    assert [p.name for p in files if p.read_bytes().startswith(b"SQLite format 3")] == []


def test_keeping_the_plaintext_copies_keeps_them(
    qtbot, monkeypatch, open_window, db_path: Path
) -> None:
    window = open_window(db_path)
    monkeypatch.setattr(NewPassphraseDialog, "ask", lambda *a, **k: PassphraseChoice(PASSPHRASE))
    monkeypatch.setattr(conversion, "ask_remove_plaintext", lambda parent, message: False)
    _run(qtbot, window, window.security.encrypt)
    kept = [p for p in db_path.parent.iterdir() if ".plaintext-" in p.name]
    assert len(kept) == 1 and kept[0].read_bytes().startswith(b"SQLite format 3")


def test_a_failed_conversion_changes_nothing_and_says_so(
    qtbot, monkeypatch, open_window, db_path: Path, messages
) -> None:
    import workbench.services.encryption as encryption

    window = open_window(db_path)
    claim_id = _on_second_claim(window)
    before = db_path.read_bytes()

    def fail(path, passphrase, progress=None):
        raise StoreError("The disk is full; nothing was changed.")

    monkeypatch.setattr(encryption, "encrypt_file", fail)
    monkeypatch.setattr(NewPassphraseDialog, "ask", lambda *a, **k: PassphraseChoice(PASSPHRASE))
    _run(qtbot, window, window.security.encrypt)
    assert messages[-1] == ("Encrypting did not work", "The disk is full; nothing was changed.")
    assert not window.desk.store.encrypted and db_path.read_bytes()[:16] == before[:16]
    assert window.claims_pane.current_claim_id() == claim_id


def test_changing_the_passphrase_then_decrypting(
    qtbot, monkeypatch, open_window, encrypted_db: Path
) -> None:
    window = open_window(encrypted_db, PASSPHRASE)
    claim_id = _on_second_claim(window)

    def change(parent, name, purpose="encrypt", *, check_current=None):
        assert purpose == "change" and check_current is not None
        assert not check_current("not it") and check_current(PASSPHRASE)
        return PassphraseChoice(NEW_PASSPHRASE, PASSPHRASE)

    monkeypatch.setattr(NewPassphraseDialog, "ask", change)
    _run(qtbot, window, window.security.change_passphrase)
    assert window.desk.store.encrypted
    assert window.claims_pane.current_claim_id() == claim_id
    assert window.desk.store.cipher_key.matches(NEW_PASSPHRASE)

    def confirm(parent, path, opener, **texts):
        assert texts["button"] == "&Decrypt"
        with pytest.raises(WrongPassphraseError):
            opener(PASSPHRASE)  # the old one no longer counts
        return opener(NEW_PASSPHRASE)

    monkeypatch.setattr(UnlockDialog, "ask", confirm)
    _run(qtbot, window, window.security.decrypt)
    assert not window.desk.store.encrypted and not is_encrypted(encrypted_db)
    assert window.claims_pane.current_claim_id() == claim_id
    assert not window.security.lock.watcher.watching


def test_cancelling_the_decryption_changes_nothing(
    monkeypatch, open_window, encrypted_db: Path
) -> None:
    window = open_window(encrypted_db, PASSPHRASE)
    monkeypatch.setattr(UnlockDialog, "ask", lambda *a, **k: None)
    window.security.decrypt.trigger()
    assert window.desk.store.encrypted and is_encrypted(encrypted_db)
    window.desk.close()
    with pytest.raises(PassphraseNeededError):
        open_database(encrypted_db)


def test_restoring_a_backup_of_an_encrypted_file_keeps_it_open_and_encrypted(
    monkeypatch, open_window, encrypted_db: Path, messages
) -> None:
    from workbench.ui.window import hooks

    window = open_window(encrypted_db, PASSPHRASE)
    made = window.desk.back_up()
    assert is_encrypted(made)
    monkeypatch.setattr(hooks, "ask_restore", lambda parent, backups: made)
    window.actions_.restore_backup.trigger()
    assert messages == []
    assert window.desk.store.encrypted and is_encrypted(encrypted_db)
    assert window.article is not None and window.article.title == "Council roads"
