"""The history beside the desk: key H shows who changed the selected claim, and when."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

pytestmark = pytest.mark.gui


def _select_first(window) -> str:
    window.restore_last_article()
    claim_id = window.claims_pane.table_order()[0]
    window.claims_pane.select_claim(claim_id)
    window.claims_pane.focus_table()
    return claim_id


def test_key_h_opens_the_claims_history_with_the_rating_just_given(make_window, qtbot) -> None:
    window = make_window()
    _select_first(window)
    label = window.desk.scale().labels[1]
    qtbot.keyClick(window.claims_pane.table, Qt.Key.Key_2)
    qtbot.keyClick(window.claims_pane.table, Qt.Key.Key_H)

    dialog = window.history.dialog("claim")
    assert dialog is not None and dialog.isVisible()
    newest = dialog.lines_shown()[0]
    assert "Ana Lima" in newest and f"Rated it {label}" in newest
    assert dialog.title_label.text().startswith("Claim 1:")


def test_the_open_history_follows_new_changes_and_the_selected_claim(
    make_window, qtbot, qtmodeltester
) -> None:
    window = make_window()
    first = _select_first(window)
    qtbot.keyClick(window.claims_pane.table, Qt.Key.Key_H)
    dialog = window.history.dialog("claim")
    assert dialog is not None
    qtmodeltester.check(dialog.model)
    before = len(dialog.lines_shown())

    window.activateWindow()
    window.claims_pane.focus_table()
    qtbot.keyClick(window.claims_pane.table, Qt.Key.Key_D)  # dismiss, through the undo stack
    assert len(dialog.lines_shown()) == before + 1
    assert "Dismissed it" in dialog.lines_shown()[0]
    qtbot.keyClick(window.claims_pane.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "Restored it" in dialog.lines_shown()[0]

    second = next(c for c in window.claims_pane.table_order() if c != first)
    window.claims_pane.select_claim(second)
    number = window.claims[second].claim.number
    assert dialog.title_label.text().startswith(f"Claim {number}:")
    assert not any("Dismissed" in line for line in dialog.lines_shown())


def test_the_article_history_lists_each_claims_changes(make_window, qtbot) -> None:
    window = make_window()
    _select_first(window)
    label = window.desk.scale().labels[0]
    qtbot.keyClick(window.claims_pane.table, Qt.Key.Key_1)
    window.actions_.article_history.trigger()

    dialog = window.history.dialog("article")
    assert dialog is not None and dialog.isVisible()
    assert dialog.title_label.text() == "Council roads"
    lines = dialog.lines_shown()
    assert f"1 · Ana Lima · Rated it {label}" in lines[0]
    assert lines[-1].endswith("Imported the article “Council roads”")
