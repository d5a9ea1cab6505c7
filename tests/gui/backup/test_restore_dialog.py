"""The restore dialog lists backups newest first and returns the chosen file."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.services.backup import backup_now, list_backups
from workbench.store import open_store
from workbench.ui.backup.restore_dialog import RestoreDialog

pytestmark = pytest.mark.gui


@pytest.fixture
def backups(tmp_path: Path):
    db = tmp_path / "r.sqlite3"
    with open_store(db) as store:
        backup_now(store)
        store.add_reviewer("Ana")
        backup_now(store, kind="auto")
    return list_backups(db)


def test_lists_backups_and_returns_the_chosen_one(qtbot, backups) -> None:
    dialog = RestoreDialog(backups)
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 2
    assert "(auto)" in dialog.list.item(0).text()
    assert "(manual)" in dialog.list.item(1).text()
    assert dialog.chosen() == backups[0].path
    dialog.list.setCurrentRow(1)
    with qtbot.waitSignal(dialog.accepted):
        dialog.restore_button.click()
    assert dialog.chosen() == backups[1].path


def test_no_backups_means_nothing_to_restore(qtbot) -> None:
    dialog = RestoreDialog([])
    qtbot.addWidget(dialog)
    assert not dialog.restore_button.isEnabled()
    assert dialog.chosen() is None


def test_ask_returns_none_when_cancelled(qtbot, backups, monkeypatch) -> None:
    monkeypatch.setattr(RestoreDialog, "exec", lambda self: RestoreDialog.DialogCode.Rejected)
    assert RestoreDialog.ask(None, backups) is None
    monkeypatch.setattr(RestoreDialog, "exec", lambda self: RestoreDialog.DialogCode.Accepted)
    assert RestoreDialog.ask(None, backups) == backups[0].path
