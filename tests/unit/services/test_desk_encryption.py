"""What the desk tells the window about an encrypted file, and locking it."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.services.database import open_database
from workbench.services.desk import Desk
from workbench.store.errors import PassphraseNeededError

PASSPHRASE = "correct horse battery staple"


def test_an_encrypted_desk_knows_its_passphrase_and_forgets_it_when_locked(
    tmp_path: Path,
) -> None:
    path = tmp_path / "sources.sqlite3"
    desk = Desk(open_database(path, passphrase=PASSPHRASE))
    assert desk.encrypted and desk.key is not None
    assert desk.passphrase_matches(PASSPHRASE)
    assert not desk.passphrase_matches("correct horse battery")
    desk.lock()
    assert desk.key is None and not desk.passphrase_matches(PASSPHRASE)
    # Closed: another writer may open it, and only with the passphrase.
    with pytest.raises(PassphraseNeededError):
        open_database(path)
    open_database(path, passphrase=PASSPHRASE).close()


def test_a_plain_desk_has_no_passphrase(tmp_path: Path) -> None:
    desk = Desk(open_database(tmp_path / "plain.sqlite3"))
    try:
        assert not desk.encrypted and desk.key is None
        assert not desk.passphrase_matches("")
    finally:
        desk.close()
