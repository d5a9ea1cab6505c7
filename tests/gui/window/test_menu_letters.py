"""Every menu's items can be reached by their own Alt letter."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QKeySequence

pytestmark = pytest.mark.gui


def test_no_two_items_of_a_menu_share_a_letter(make_window) -> None:
    window = make_window()
    window.actions_.fill_reviewer_menu()
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        texts = [a.text() for a in menu.actions() if a.text() and not a.isSeparator()]
        letters = [QKeySequence.mnemonic(t).toString() for t in texts]
        letters = [letter for letter in letters if letter]
        assert len(set(letters)) == len(letters), (menu_action.text(), texts)


@pytest.mark.parametrize("where", ["table", "article"])
def test_a_letter_in_an_open_menu_picks_its_item_not_a_triage_key(
    make_window, qtbot, monkeypatch, where
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from workbench.ui.window import hooks

    window = make_window()
    window.restore_last_article()
    pane = window.claims_pane
    order = pane.table_order()
    pane.select_claim(order[1])
    target = pane.table if where == "table" else window.article_pane.text
    target.setFocus()
    qtbot.waitUntil(target.hasFocus)
    shown = []
    monkeypatch.setattr(hooks, "show_shortcuts", lambda parent, actions: shown.append(actions))

    # Help ▸ Keyboard shortcuts is "K", which is also the triage key for the previous claim.
    qtbot.keyClick(target, Qt.Key.Key_H, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None)
    qtbot.keyClick(QApplication.activePopupWidget(), Qt.Key.Key_K)
    qtbot.waitUntil(lambda: bool(shown))
    assert pane.current_claim_id() == order[1]

    # Back in the table, the triage keys work again.
    target.setFocus()
    qtbot.waitUntil(target.hasFocus)
    qtbot.keyClick(target, Qt.Key.Key_K)
    assert pane.current_claim_id() == order[0]


def test_a_letter_in_the_articles_context_menu_is_not_a_triage_key(make_window, qtbot) -> None:
    from PySide6.QtCore import QPoint, Qt, QTimer
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QApplication

    window = make_window()
    window.restore_last_article()
    pane = window.claims_pane
    order = pane.table_order()
    pane.select_claim(order[1])
    text = window.article_pane.text
    text.setFocus()
    qtbot.waitUntil(text.hasFocus)
    seen: list[object] = []

    def in_the_menu() -> None:
        menu = QApplication.activePopupWidget()
        seen.append(menu)
        if menu is not None:
            qtbot.keyClick(menu, Qt.Key.Key_K)  # the previous-claim key, typed in the menu
            qtbot.keyClick(menu, Qt.Key.Key_Escape)

    QTimer.singleShot(0, in_the_menu)
    point = QPoint(5, 5)
    text.contextMenuEvent(
        QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, point, text.mapToGlobal(point))
    )
    assert seen and seen[0] is not None
    assert pane.current_claim_id() == order[1]
