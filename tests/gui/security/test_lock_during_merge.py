"""A window locked while a colleague's work is being merged stays locked when the merge ends."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.gui.conftest import EMOJI_ARTICLE
from tests.gui.library.test_merge_window import COUNCIL, colleague  # noqa: F401
from tests.gui.security.conftest import PASSPHRASE
from workbench.model import Article, Judgement
from workbench.services.database import open_database
from workbench.services.desk import Desk
from workbench.services.library import import_pasted
from workbench.services.merge import MergeResult, merge_into_desk
from workbench.store import open_store
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


def test_work_merged_behind_the_lock_reopens_on_the_same_article_and_claim(
    qtbot, open_window, encrypted_db: Path, tmp_path: Path, claim_at
) -> None:
    # Another article, newer: where the window would land if it lost track of the open one.
    with open_database(encrypted_db, passphrase=PASSPHRASE) as store:
        import_pasted(store, "The bridge opened in 1990.", title="Bridge", run_extraction=False)
    # The colleague's copy of the article and of its council claim have the smallest ids there
    # are, so merging keeps both under the colleague's ids.
    smallest = "00000000-0000-4000-8000-{:012d}"
    ben = tmp_path / "ben" / "desk.sqlite3"
    with open_store(ben) as store:
        article = store.add_article(
            Article(text=EMOJI_ARTICLE, title="Council roads", id=smallest.format(0))
        )
        council = replace(claim_at(article.id, EMOJI_ARTICLE, COUNCIL), id=smallest.format(1))
        store.add_claims(article.id, [council])
        store.save_verdict(council.id, store.add_reviewer("Ben Ode").id, Judgement("False"))

    window = open_window(encrypted_db, PASSPHRASE)
    council_roads = next(a["id"] for a in window.desk.articles() if a["title"] == "Council roads")
    assert window.open_article(council_roads)
    mine = next(i for i, rc in window.claims.items() if rc.claim.quote == COUNCIL)
    assert window.claims_pane.select_claim(mine)
    lock = window.security.lock
    with qtbot.waitSignal(lock.closed, timeout=5000):
        assert lock.lock()
    # The merge's writing ends while the window is locked.
    merged = Desk(open_database(encrypted_db, passphrase=PASSPHRASE))
    try:
        assert merge_into_desk(merged, ben).changed
    finally:
        merged.close()

    with qtbot.waitSignal(lock.unlocked, timeout=5000):
        qtbot.keyClicks(lock.panel.passphrase_edit, PASSPHRASE)
        qtbot.keyClick(lock.panel.passphrase_edit, Qt.Key.Key_Return)
    assert window.article is not None and window.article.title == "Council roads"
    assert window.article.id == smallest.format(0)
    assert window.claims_pane.current_claim_id() == smallest.format(1)
    reviewers = {v.reviewer_name for v in window.claims[smallest.format(1)].verdicts}
    assert "Ben Ode" in reviewers
