"""The library's Fact-checks tab (Ctrl+L): everything imported and every verdict of the team."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.gui.verdict.test_checked_before import import_library
from workbench.model import Judgement
from workbench.ui.library import factcheck_table
from workbench.ui.library.library_dialog import OpenArticleDialog
from workbench.ui.window.main_window import MainWindow

pytestmark = pytest.mark.gui

LIBRARY_CSV = (
    "claim,rating,url,publisher,date\n"
    "Vaccines contain tracking microchips,False,https://checks.example/chips,"
    "Other Check,2021-05-05\n"
    "Wind farms kill more birds than cats do,Misleading,https://checks.example/birds,"
    "Full Check,2023-03-01\n"
    "The moon landing was filmed in a studio,False,https://checks.example/moon,"
    "Full Check,2022-07-20\n"
)


def column(dialog: OpenArticleDialog, col: int) -> list[str]:
    """What one column of the Fact-checks table shows, top to bottom."""
    model = dialog.factchecks.model
    return [model.index(r, col).data() for r in range(model.rowCount())]


def open_library(qtbot, window: MainWindow) -> OpenArticleDialog:
    dialog = OpenArticleDialog(window.desk, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=3000)
    return dialog


def test_fact_checks_tab_lists_searches_and_filters_the_library(
    qtbot,
    qtmodeltester,
    make_window: Callable[..., MainWindow],
    db_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import_library(db_path, tmp_path, LIBRARY_CSV)
    window = make_window()
    store = window.desk.store
    claim_id = store.query("SELECT id FROM claims WHERE claim LIKE 'Crime fell%'")[0]["id"]
    reviewer_id = window.desk.reviewer_id
    assert reviewer_id is not None
    store.save_verdict(claim_id, reviewer_id, Judgement("Mostly true"))

    dialog = open_library(qtbot, window)
    # The Articles tab comes first and still lists the articles.
    assert dialog.tabs.tabText(0) == "&Articles" and dialog.tabs.currentIndex() == 0
    assert dialog.model.rowCount() == 1
    assert not dialog.factchecks.loaded  # nothing read until the tab is shown

    qtbot.keyClick(dialog, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    assert dialog.on_factchecks() and dialog.factchecks.loaded
    qtmodeltester.check(dialog.factchecks.model)
    # Newest first; the team's verdict (dated today) is in without any import.
    assert column(dialog, 0) == [
        "Crime fell by 12 percent 📉 last year",
        "Wind farms kill more birds than cats do",
        "The moon landing was filmed in a studio",
        "Vaccines contain tracking microchips",
    ]
    assert column(dialog, 4) == ["our team", "imported", "imported", "imported"]
    assert column(dialog, 1)[:2] == ["Mostly true", "Misleading"]
    assert column(dialog, 2)[1:3] == ["Full Check", "Full Check"]
    assert column(dialog, 3)[1] == "2023-03-01"
    assert dialog.factchecks.count.text() == "4 fact-checks"

    # Alt+S goes to the search field; typing a word filters.
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    assert dialog.factchecks.search.hasFocus()
    qtbot.keyClicks(dialog.factchecks.search, "birds")
    assert column(dialog, 0) == ["Wind farms kill more birds than cats do"]
    qtbot.keyClicks(dialog.factchecks.search, " studio")
    assert column(dialog, 0) == []
    assert dialog.factchecks.count.text() == "No fact-check matches."
    dialog.factchecks.search.clear()

    # The origin filter.
    dialog.factchecks.origin.setCurrentText("Our team")
    assert column(dialog, 0) == ["Crime fell by 12 percent 📉 last year"]
    dialog.factchecks.origin.setCurrentText("Imported")
    assert column(dialog, 4) == ["imported"] * 3
    dialog.factchecks.origin.setCurrentText("All")

    # Only the first matches are listed, and the count says so.
    dialog.factchecks.limit = 2
    dialog.factchecks.refresh()
    assert dialog.factchecks.model.rowCount() == 2
    assert dialog.factchecks.count.text() == "2 of 4 shown — refine the search"

    # Ctrl+Tab goes back to the articles.
    dialog.factchecks.table.setFocus()
    qtbot.keyClick(dialog.factchecks.table, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert not dialog.on_factchecks()


def test_a_fact_checks_page_opens_only_on_double_click_or_enter(
    qtbot,
    make_window: Callable[..., MainWindow],
    db_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import_library(db_path, tmp_path, LIBRARY_CSV)
    opened: list[str] = []
    monkeypatch.setattr(factcheck_table, "open_link", opened.append)
    window = make_window()
    dialog = open_library(qtbot, window)
    dialog.tabs.setCurrentWidget(dialog.factchecks)
    pane = dialog.factchecks

    qtbot.keyClicks(pane.search, "moon")
    qtbot.keyClick(pane.search, Qt.Key.Key_Return)  # Enter in the search goes to the list
    assert opened == [] and pane.table.hasFocus() and dialog.isVisible()
    qtbot.keyClick(pane.table, Qt.Key.Key_Return)
    assert opened == ["https://checks.example/moon"] and dialog.isVisible()

    pane.search.clear()
    rect = pane.table.visualRect(pane.model.index(2, 0))
    qtbot.mouseClick(pane.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert len(opened) == 1  # a single click only selects
    qtbot.mouseDClick(pane.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened[-1] == "https://checks.example/chips"


def test_the_library_opens_with_the_cursor_in_the_search_field_of_each_tab(
    qtbot, make_window: Callable[..., MainWindow]
) -> None:
    from PySide6.QtWidgets import QApplication

    window = make_window()
    dialog = open_library(qtbot, window)
    qtbot.keyClicks(QApplication.focusWidget(), "council")
    assert dialog.search.text() == "council"
    qtbot.keyClick(dialog, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert dialog.on_factchecks()
    qtbot.keyClicks(QApplication.focusWidget(), "moon")
    assert dialog.factchecks.search.text() == "moon"
