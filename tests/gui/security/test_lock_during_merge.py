"""A window locked while a colleague's work is being merged stays locked when the merge ends."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.gui.library.test_merge_window import colleague  # noqa: F401  (the colleague's file)
from tests.gui.security.conftest import PASSPHRASE
from workbench.services.merge import MergeResult
from workbench.ui.library import merge_controller
from workbench.ui.library.merge_controller import MergeController

pytestmark = pytest.mark.gui


def test_the_merge_ends_behind_the_lock_and_says_how_once_unlocked(
    qtbot,
    open_window,
    encrypted_db: Path,
    colleague: Path,  # noqa: F811
    monkeypatch,
    messages,
) -> None:
    shown: list[MergeResult] = []
    monkeypatch.setattr(merge_controller, "show_summary", lambda parent, r: shown.append(r))
    window = open_window(encrypted_db, PASSPHRASE)
    lock = window.security.lock
    controller = MergeController.of(window)

    with qtbot.waitSignal(lock.closed, timeout=20000):
        controller.merge(str(colleague))
        assert lock.lock("It was locked after 15 minutes without use.")
    # The merge ended (stopped, or written to the end) and the file closed behind the panel;
    # nothing of the work, the merge or its outcome shows on a locked window.
    assert not controller.runner.busy
    assert lock.is_locked and window.centralWidget() is lock.panel
    assert window.article is None and window.claims == {}
    assert shown == [] and messages == []

    with qtbot.waitSignal(lock.unlocked, timeout=5000):
        qtbot.keyClicks(lock.panel.passphrase_edit, PASSPHRASE)
        qtbot.keyClick(lock.panel.passphrase_edit, Qt.Key.Key_Return)
    # Unlocked: the reviewer is told how the merge ended, once.
    told = [r.lines()[0] for r in shown] + [m for _, m in messages]
    assert len(told) == 1, told
    if messages:  # stopped before it wrote anything: why, and what to do
        assert "stopped when the window locked" in told[0] and "again" in told[0]
    assert window.article is not None
