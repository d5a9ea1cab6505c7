"""Keys land where the reviewer expects: triage keys after Ctrl+Return, Tab out of the table."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from workbench.model import Verdict
from workbench.ui.claims.claims_model import Column
from workbench.ui.window.main_window import MainWindow

pytestmark = pytest.mark.gui

RATIONALE = "Budget papers agree."


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def my_verdict(window: MainWindow, claim_id: str) -> Verdict | None:
    """The reviewer's verdict on a claim as stored in the database."""
    reviewer_id = window.desk.reviewer_id
    assert reviewer_id is not None and window.article is not None
    stored = {rc.claim.id: rc for rc in window.desk.store.claims_for(window.article.id)}
    return stored[claim_id].verdict_by(reviewer_id)


def rate_and_write_then_save_and_next(window: MainWindow, qtbot) -> tuple[str, str]:
    """Rate the first claim by key, type its rationale, Ctrl+Return; the ids of both claims."""
    first, second = window.claims_pane.table_order()[:2]
    window.claims_pane.select_claim(first)
    qtbot.keyClick(window.article_pane.text, Qt.Key.Key_1)
    rationale = window.editor.rationale_edit
    qtbot.mouseClick(rationale.viewport(), Qt.MouseButton.LeftButton)
    assert rationale.hasFocus()
    qtbot.keyClicks(rationale, RATIONALE)
    qtbot.keyClick(rationale, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.claims_pane.current_claim_id() == second
    return first, second


def test_after_ctrl_return_the_focus_is_on_the_claims_table(make_window, qtbot) -> None:
    window = make_window()
    window.restore_last_article()
    first, second = rate_and_write_then_save_and_next(window, qtbot)

    assert window.claims_pane.table.hasFocus()
    assert window.editor.claim_id == second
    assert window.editor.rationale_edit.toPlainText() == ""
    # The rationale was saved before moving on.
    verdict = my_verdict(window, first)
    assert verdict is not None and verdict.rationale == RATIONALE


def test_k_and_a_number_after_ctrl_return_move_and_rate_instead_of_typing(
    make_window, qtbot
) -> None:
    window = make_window()
    window.restore_last_article()
    labels = window.desk.scale().labels
    first, second = rate_and_write_then_save_and_next(window, qtbot)

    qtbot.keyClick(focused(), Qt.Key.Key_K)
    assert window.claims_pane.current_claim_id() == first
    qtbot.keyClick(focused(), Qt.Key.Key_2)

    assert my_verdict(window, second) is None
    verdict = my_verdict(window, first)
    assert verdict is not None
    assert verdict.rating == labels[1]
    assert verdict.rationale == RATIONALE
    assert window.editor.rationale_edit.toPlainText() == RATIONALE


def test_a_number_after_ctrl_return_rates_the_next_claim_and_types_nothing(
    make_window, qtbot
) -> None:
    window = make_window()
    window.restore_last_article()
    labels = window.desk.scale().labels
    first, second = rate_and_write_then_save_and_next(window, qtbot)

    qtbot.keyClick(focused(), Qt.Key.Key_3)

    assert window.claims_pane.current_claim_id() == second
    verdict = my_verdict(window, second)
    assert verdict is not None
    assert verdict.rating == labels[2]
    assert verdict.rationale == ""
    assert window.editor.rationale_edit.toPlainText() == ""
    first_verdict = my_verdict(window, first)
    assert first_verdict is not None and first_verdict.rationale == RATIONALE


def test_tab_and_shift_tab_leave_the_table_without_changing_the_claim(make_window, qtbot) -> None:
    window = make_window()
    window.restore_last_article()
    pane = window.claims_pane
    table = pane.table
    first = pane.table_order()[0]
    # Click the last cell shown of the first row, where Tab used to walk onto the next claim.
    column = max(c for c in Column if not table.isColumnHidden(c))
    last = table.model().index(0, column)
    qtbot.mouseClick(
        table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(last).center()
    )
    assert table.hasFocus()
    assert pane.current_claim_id() == first
    assert table.currentIndex().column() == column

    qtbot.keyClick(table, Qt.Key.Key_Tab)
    assert not table.hasFocus()
    assert pane.current_claim_id() == first

    qtbot.keyClick(focused(), Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert table.hasFocus()
    assert pane.current_claim_id() == first

    qtbot.keyClick(table, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert not table.hasFocus()
    assert pane.current_claim_id() == first
    assert my_verdict(window, first) is None
