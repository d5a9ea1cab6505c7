"""Backups made by the window: on opening, on File ▸ Back up now, and restoring one."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.gui


def test_opening_a_database_backs_it_up_in_the_background_once_per_change(
    make_window, qtbot, db_path
) -> None:
    from workbench.services.backup import list_backups

    window = make_window()
    qtbot.waitUntil(lambda: len(list_backups(db_path)) == 1, timeout=10000)
    [made] = list_backups(db_path)
    assert made.kind == "auto"
    qtbot.waitUntil(lambda: not window.imports.runner.busy, timeout=10000)
    window.close()
    window.desk.store.close()
    # Opened again with nothing changed: the backup there already holds this state.
    again = make_window()
    qtbot.waitUntil(lambda: again.backup.auto_backup is not None, timeout=10000)
    qtbot.waitUntil(lambda: not again.imports.runner.busy, timeout=10000)
    assert list_backups(db_path) == [made]
    again.restore_last_article()
    again.claims_pane.select_claim(next(iter(again.claims)))
    again.review.rate_current("False")
    again.close()
    again.desk.store.close()
    third = make_window()
    qtbot.waitUntil(lambda: len(list_backups(db_path)) == 2, timeout=10000)
    qtbot.waitUntil(lambda: not third.imports.runner.busy, timeout=10000)


def test_a_screenshot_leaves_the_database_backups_alone(
    qtbot, db_path, tmp_path, monkeypatch
) -> None:
    from workbench.app import render_screenshot
    from workbench.services.backup import list_backups
    from workbench.ui.common.errors import MessageBoxes

    monkeypatch.setattr(MessageBoxes, "quiet", MessageBoxes.quiet)  # restored afterwards
    png = render_screenshot(tmp_path / "desk.png", db_path=db_path)
    assert png.stat().st_size > 10_000
    assert list_backups(db_path) == []


def test_back_up_then_restore_brings_back_the_earlier_state(make_window, monkeypatch) -> None:
    from workbench.services.backup import list_backups
    from workbench.ui.window import hooks

    window = make_window()
    window.restore_last_article()
    window.actions_.backup.trigger()
    [backup] = [b for b in list_backups(window.desk.path) if b.kind == "manual"]
    claim_id = window.claims_pane.table_order()[0]
    window.claims_pane.select_claim(claim_id)
    window.review.rate_current("False")
    assert window.claims[claim_id].verdicts
    monkeypatch.setattr(hooks, "ask_restore", lambda parent, backups: backup.path)
    window.actions_.restore_backup.trigger()
    assert window.claims[claim_id].verdicts == []
    assert window.desk.reviewer.name == "Ana Lima"
    assert window.article.title == "Council roads"
