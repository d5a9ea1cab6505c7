"""The desk driven by keys alone: how many presses a verdict with a source takes, and where
single-letter keys act."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from workbench.model import ClaimState, ReviewedClaim
from workbench.ui.window.main_window import MainWindow

pytestmark = pytest.mark.gui

NO = Qt.KeyboardModifier.NoModifier
ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


class Keyboard:
    """Presses keys where the focus is, counting them; typed text counts as no presses."""

    def __init__(self, qtbot) -> None:
        self.qtbot = qtbot
        self.presses = 0

    def press(self, key: Qt.Key, modifier: Qt.KeyboardModifier = NO) -> None:
        self.qtbot.keyClick(focused(), key, modifier)
        self.presses += 1

    def type(self, text: str) -> None:
        self.qtbot.keyClicks(focused(), text)

    def while_dialog_open(self, steps: Callable[[QWidget], None]) -> None:
        """Run ``steps`` on the next modal dialog once it shows (its exec blocks the press)."""

        def drive() -> None:
            dialog = QApplication.activeModalWidget()
            if dialog is None:
                QTimer.singleShot(10, drive)
                return
            dialog.activateWindow()
            self.qtbot.waitUntil(dialog.isActiveWindow, timeout=3000)
            steps(dialog)

        QTimer.singleShot(0, drive)


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def stored(window: MainWindow, claim_id: str) -> ReviewedClaim:
    assert window.article is not None
    return {rc.claim.id: rc for rc in window.desk.store.claims_for(window.article.id)}[claim_id]


def back_to_the_window(window: MainWindow, qtbot) -> None:
    """A closed dialog hands activation back to the window (the offscreen platform does not)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)


def start(make_window) -> tuple[MainWindow, list[str]]:
    window = make_window()
    window.restore_last_article()
    order = window.claims_pane.table_order()
    window.claims_pane.select_claim(order[0])
    window.claims_pane.focus_table()
    assert window.claims_pane.table.hasFocus()
    return window, order


def test_rating_rationale_and_a_source_with_address_and_quote_take_at_most_12_keys(
    make_window, qtbot
) -> None:
    window, order = start(make_window)
    keys = Keyboard(qtbot)
    labels = window.desk.scale().labels

    keys.press(Qt.Key.Key_2)  # rating
    keys.press(Qt.Key.Key_R)  # to the rationale
    keys.type("The budget papers show £2m, not £3m.")
    keys.press(Qt.Key.Key_Escape)  # back to the claims table

    def fill(dialog: QWidget) -> None:
        keys.press(Qt.Key.Key_A, ALT)  # Address (URL)
        keys.type("https://council.example.org/budget-2023.pdf")
        keys.press(Qt.Key.Key_Q, ALT)  # Quoted passage
        keys.type("Roads: £2,000,000")
        keys.press(Qt.Key.Key_Return, CTRL)  # save the source

    keys.while_dialog_open(fill)
    keys.press(Qt.Key.Key_A)  # add a source
    back_to_the_window(window, qtbot)
    keys.press(Qt.Key.Key_Return, CTRL)  # save the verdict, go to the next claim

    assert keys.presses <= 12
    verdict = stored(window, order[0]).verdict_by(window.desk.reviewer_id or "")
    assert verdict is not None
    assert verdict.rating == labels[1]
    assert verdict.rationale == "The budget papers show £2m, not £3m."
    [source] = verdict.sources
    assert source.url == "https://council.example.org/budget-2023.pdf"
    assert source.quote == "Roads: £2,000,000"
    assert window.claims_pane.current_claim_id() == order[1]
    assert window.claims_pane.table.hasFocus()


def test_a_bare_rating_takes_two_keys(make_window, qtbot) -> None:
    window, order = start(make_window)
    keys = Keyboard(qtbot)
    keys.press(Qt.Key.Key_1)
    keys.press(Qt.Key.Key_Return, CTRL)
    assert keys.presses == 2
    verdict = stored(window, order[0]).verdict_by(window.desk.reviewer_id or "")
    assert verdict is not None and verdict.rating == window.desk.scale().labels[0]
    assert window.claims_pane.current_claim_id() == order[1]


def test_dismissing_takes_two_keys(make_window, qtbot) -> None:
    window, order = start(make_window)
    keys = Keyboard(qtbot)
    keys.press(Qt.Key.Key_D)
    keys.press(Qt.Key.Key_J)
    assert keys.presses == 2
    assert stored(window, order[0]).claim.state is ClaimState.DISMISSED
    assert window.claims_pane.current_claim_id() == order[1]


def test_ctrl_return_without_a_rating_keeps_the_draft_stays_and_says_so(make_window, qtbot) -> None:
    window, order = start(make_window)
    keys = Keyboard(qtbot)
    keys.press(Qt.Key.Key_R)
    keys.type("Still checking the minutes.")
    keys.press(Qt.Key.Key_Return, CTRL)

    assert window.claims_pane.current_claim_id() == order[0]
    assert "no rating yet" in window.editor.status_label.text()
    assert "needs a rating" in window.statusBar().currentMessage()
    draft = stored(window, order[0]).verdict_by(window.desk.reviewer_id or "")
    assert draft is not None and draft.is_draft
    assert draft.rationale == "Still checking the minutes."
    assert window.claims_pane.table.hasFocus()
    # The table says the claim is in progress, and N still counts it as not reviewed.
    assert window.claims_pane.current_row().mine == "in progress"
    for _ in order[1:]:
        keys.press(Qt.Key.Key_J)
        keys.press(Qt.Key.Key_1)
    keys.press(Qt.Key.Key_N)
    assert window.claims_pane.current_claim_id() == order[0]


def test_keys_reach_confidence_and_escape_returns_to_the_table(make_window, qtbot) -> None:
    window, order = start(make_window)
    keys = Keyboard(qtbot)
    keys.press(Qt.Key.Key_C)
    assert window.editor.has_focus_inside()
    keys.press(Qt.Key.Key_Right)
    keys.press(Qt.Key.Key_Space)
    draft = stored(window, order[0]).verdict_by(window.desk.reviewer_id or "")
    assert draft is not None and draft.is_draft and draft.confidence == pytest.approx(0.3)
    keys.press(Qt.Key.Key_Escape)
    assert window.claims_pane.table.hasFocus()


@pytest.mark.parametrize("key", [Qt.Key.Key_D, Qt.Key.Key_J, Qt.Key.Key_3, Qt.Key.Key_N])
def test_triage_keys_do_nothing_from_a_button_of_the_editor(make_window, qtbot, key) -> None:
    window, order = start(make_window)
    button = window.editor.confidence_picker.button("High")
    button.setFocus()
    assert button.hasFocus()
    qtbot.keyClick(button, key)
    assert window.claims_pane.current_claim_id() == order[0]
    rc = stored(window, order[0])
    assert rc.claim.state is ClaimState.OPEN
    assert rc.verdicts == []


def test_triage_keys_type_into_the_rationale(make_window, qtbot) -> None:
    window, order = start(make_window)
    window.editor.focus_rationale()
    qtbot.keyClicks(focused(), "dj3")
    assert window.editor.rationale_edit.toPlainText() == "dj3"
    assert window.claims_pane.current_claim_id() == order[0]
    assert stored(window, order[0]).claim.state is ClaimState.OPEN


def test_the_number_column_shows_the_claims_stable_number(make_window) -> None:
    window, _ = start(make_window)
    pane = window.claims_pane
    for row in range(pane.proxy.rowCount()):
        claim_id = pane.table_order()[row]
        shown = pane.proxy.index(row, 0).data().split()[-1]
        assert shown == str(window.claims[claim_id].claim.number)


def test_u_shows_only_the_claims_i_have_not_reviewed_and_again_all(make_window, qtbot) -> None:
    window, order = start(make_window)
    keys = Keyboard(qtbot)
    keys.press(Qt.Key.Key_1)
    keys.press(Qt.Key.Key_Return, CTRL)  # the first claim is mine now
    keys.press(Qt.Key.Key_U)
    assert window.claims_pane.unreviewed_box.isChecked()
    assert window.actions_.only_unreviewed.isChecked()
    assert order[0] not in window.claims_pane.table_order()
    keys.press(Qt.Key.Key_U)
    assert not window.claims_pane.unreviewed_box.isChecked()
    assert order[0] in window.claims_pane.table_order()


def test_escape_in_the_filter_clears_it_then_goes_back_to_the_claims(make_window, qtbot) -> None:
    window, order = start(make_window)
    keys = Keyboard(qtbot)
    keys.press(Qt.Key.Key_F, CTRL)
    keys.type("council")
    assert len(window.claims_pane.table_order()) < len(order)
    keys.press(Qt.Key.Key_Escape)
    assert window.claims_pane.filter_box.text() == ""
    assert window.claims_pane.table_order() == order
    keys.press(Qt.Key.Key_Escape)
    assert window.claims_pane.table.hasFocus()


def test_a_letter_that_is_no_key_never_moves_to_another_claim(make_window, qtbot) -> None:
    window, order = start(make_window)
    table = window.claims_pane.table
    table.setCurrentIndex(table.model().index(table.currentIndex().row(), 1))  # the Claim cell
    for letter in (Qt.Key.Key_T, Qt.Key.Key_E, Qt.Key.Key_L, Qt.Key.Key_M, Qt.Key.Key_P):
        qtbot.keyClick(table, letter)
        assert window.claims_pane.current_claim_id() == order[0]
