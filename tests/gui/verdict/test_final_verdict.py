"""Settling a disagreement at the desk: the final verdict by keyboard, the queue, dismissal reasons."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from workbench.model import ClaimState, Judgement
from workbench.store import open_store
from workbench.ui.claims.claims_model import Column
from workbench.ui.claims.dismiss_dialog import DismissDialog
from workbench.ui.verdict.final_verdict_dialog import FinalVerdictDialog

pytestmark = pytest.mark.gui

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def disputed(db_path: Path) -> str:
    """The first claim of the desk's article, rated True by Ben Okafor and False by Ana Lima."""
    with open_store(db_path) as store:
        [article] = store.list_articles()
        claim = store.claims_for(article["id"])[0].claim.id
        ana, ben = store.add_reviewer("Ana Lima").id, store.add_reviewer("Ben Okafor").id
        store.save_verdict(claim, ben, Judgement("True"))
        store.save_verdict(claim, ana, Judgement("False"))
    return claim


def show_active(qtbot, dialog) -> None:
    """Show a dialog as the active window: its Ctrl+Return works only there."""
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=3000)


def back_to(qtbot, window) -> None:
    """The window is active again once the dialog has closed (as it is on screen)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    window.claims_pane.focus_table()


def cells(window, column: Column) -> list[str]:
    proxy = window.claims_pane.proxy
    return [proxy.index(row, column).data() for row in range(proxy.rowCount())]


def answer_by_keyboard(monkeypatch, qtbot, rating: str, note: str) -> list[FinalVerdictDialog]:
    """Replace the modal dialog: the real one is built and filled from the keyboard."""
    opened: list[FinalVerdictDialog] = []

    def ask(parent, reviewed, scale, editor, current=None, number=None):
        dialog = FinalVerdictDialog(reviewed, scale, editor, current, number, parent)
        opened.append(dialog)
        show_active(qtbot, dialog)
        box = dialog.rating_box
        while box.currentText() != rating:
            qtbot.keyClick(box, Qt.Key.Key_Down)
        dialog.note_edit.setFocus()
        qtbot.keyClicks(dialog.note_edit, note)
        qtbot.keyClick(dialog.note_edit, Qt.Key.Key_Return, CTRL)  # saves from any field
        return dialog.answer() if dialog.result() == dialog.DialogCode.Accepted else None

    monkeypatch.setattr(FinalVerdictDialog, "ask", staticmethod(ask))
    return opened


def test_a_final_verdict_by_keyboard_shows_everywhere_and_undoes(
    make_window, qtbot, monkeypatch, disputed
) -> None:
    window = make_window()
    window.restore_last_article()
    pane = window.claims_pane
    pane.select_claim(disputed)
    pane.focus_table()
    assert pane.needs_final_box.text() == "Needs a final verdict (1)"
    opened = answer_by_keyboard(monkeypatch, qtbot, "Half true", "Both partly right.")
    qtbot.keyClick(pane.table, Qt.Key.Key_F, CTRL_SHIFT)

    [dialog] = opened
    assert "Ana Lima: False" in dialog.reviewers_label.text()
    assert "Ben Okafor: True" in dialog.reviewers_label.text()
    final = window.desk.store.final_verdict_for(disputed)
    assert final is not None
    assert (final.rating, final.note, final.editor_name) == (
        "Half true",
        "Both partly right.",
        "Ana Lima",
    )
    assert cells(window, Column.FINAL)[0] == "⚖ Half true"
    assert pane.needs_final_box.text() == "Needs a final verdict (0)"
    line = window.editor.final_line
    assert line.isVisibleTo(window.editor)
    assert line.plain_text().startswith("Final verdict by Ana Lima on ")
    assert "Half true — “Both partly right.”" in line.plain_text()
    tip = pane.proxy.index(0, Column.CLAIM).data(Qt.ItemDataRole.ToolTipRole)
    assert "Final verdict by Ana Lima" in tip

    back_to(qtbot, window)
    qtbot.keyClick(pane.table, Qt.Key.Key_Z, CTRL)
    assert window.desk.store.final_verdict_for(disputed) is None
    assert cells(window, Column.FINAL)[0] == ""
    assert not window.editor.final_line.isVisibleTo(window.editor)
    assert pane.needs_final_box.text() == "Needs a final verdict (1)"
    qtbot.keyClick(pane.table, Qt.Key.Key_Z, CTRL_SHIFT)
    assert window.desk.store.final_verdict_for(disputed) == final


def test_saving_without_a_rating_says_what_to_fix(make_window, qtbot, disputed) -> None:
    window = make_window()
    window.restore_last_article()
    reviewed = window.claims[disputed]
    dialog = FinalVerdictDialog(reviewed, window.desk.scale(), "Ana Lima", parent=window)
    show_active(qtbot, dialog)
    qtbot.keyClick(dialog.note_edit, Qt.Key.Key_Return, CTRL)
    assert dialog.isVisible()
    assert dialog.error_line.message() == "Choose the final rating from the list."


def test_the_queue_filter_shows_only_claims_waiting_for_a_final_verdict(
    make_window, disputed
) -> None:
    window = make_window()
    window.restore_last_article()
    pane = window.claims_pane
    assert pane.proxy.rowCount() == 3
    pane.needs_final_box.setChecked(True)
    assert pane.table_order() == [disputed]
    window.desk.final_verdicts.give(disputed, "False", "", window.desk.reviewer_id)
    window.claims_changed()
    pane.needs_final_box.setChecked(False)
    pane.needs_final_box.setChecked(True)
    assert pane.table_order() == []
    assert pane.needs_final_box.text() == "Needs a final verdict (0)"
    pane.clear_filters()
    assert not pane.needs_final_box.isChecked() and pane.proxy.rowCount() == 3


def test_shift_d_dismisses_with_a_reason_shown_in_the_tooltip_and_record(
    make_window, qtbot, monkeypatch, disputed
) -> None:
    window = make_window()
    window.restore_last_article()
    pane = window.claims_pane
    pane.select_claim(disputed)
    pane.focus_table()

    def ask(parent, claim_text):
        dialog = DismissDialog(claim_text, parent)
        show_active(qtbot, dialog)
        dialog.buttons[2].click()  # "A duplicate of another claim"
        qtbot.keyClick(dialog.buttons[2], Qt.Key.Key_Return, CTRL)
        return dialog.reason() if dialog.result() == dialog.DialogCode.Accepted else None

    monkeypatch.setattr(DismissDialog, "ask", staticmethod(ask))
    qtbot.keyClick(pane.table, Qt.Key.Key_D, Qt.KeyboardModifier.ShiftModifier)

    claim = window.desk.store.get_claim(disputed)
    assert claim.state is ClaimState.DISMISSED
    assert claim.dismissed_reason == "A duplicate of another claim"
    tip = pane.proxy.index(0, Column.CLAIM).data(Qt.ItemDataRole.ToolTipRole)
    assert "Dismissed by Ana Lima: a duplicate of another claim" in tip
    # The claim record dialog says it too.
    from workbench.ui.claims.claim_dialog import ClaimDialog

    seen: list[str | None] = []
    monkeypatch.setattr(
        ClaimDialog, "ask", staticmethod(lambda p, c, ch, dismissal=None: seen.append(dismissal))
    )
    window.claim_record.edit_record()
    assert seen == ["Dismissed by Ana Lima: a duplicate of another claim"]

    back_to(qtbot, window)
    qtbot.keyClick(pane.table, Qt.Key.Key_Z, CTRL)
    claim = window.desk.store.get_claim(disputed)
    assert claim.state is ClaimState.OPEN and claim.dismissed_reason is None


def test_plain_d_still_dismisses_at_once_recording_who(make_window, qtbot, disputed) -> None:
    window = make_window()
    window.restore_last_article()
    window.claims_pane.select_claim(disputed)
    window.claims_pane.focus_table()
    qtbot.keyClick(window.claims_pane.table, Qt.Key.Key_D)
    claim = window.desk.store.get_claim(disputed)
    assert claim.state is ClaimState.DISMISSED
    assert claim.dismissed_by == window.desk.reviewer_id and claim.dismissed_reason is None


def test_an_other_reason_must_be_typed(qtbot) -> None:
    dialog = DismissDialog("Crime fell.")
    show_active(qtbot, dialog)
    dialog.buttons[-1].click()
    qtbot.keyClick(dialog.other_edit, Qt.Key.Key_Return, CTRL)
    assert dialog.isVisible() and "Type the reason" in dialog.error_line.message()
    qtbot.keyClicks(dialog.other_edit, "Satire")
    assert dialog.reason() == "Satire"
