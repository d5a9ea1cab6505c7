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
