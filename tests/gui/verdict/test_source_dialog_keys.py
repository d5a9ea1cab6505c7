"""The source dialog by keyboard: every field by Tab and by its Alt+letter, dates as text."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from workbench.ui.common.date_entry import DateProblem, parse_date
from workbench.ui.verdict.source_dialog import SourceDialog

pytestmark = pytest.mark.gui


@pytest.fixture
def dialog(qtbot) -> SourceDialog:
    widget = SourceDialog()
    qtbot.addWidget(widget)
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow, timeout=3000)
    return widget


@pytest.mark.parametrize(
    ("letter", "field"),
    [
        (Qt.Key.Key_T, "title_edit"),
        (Qt.Key.Key_A, "url_edit"),
        (Qt.Key.Key_P, "publisher_edit"),
        (Qt.Key.Key_B, "published_edit"),
        (Qt.Key.Key_C, "accessed_edit"),
        (Qt.Key.Key_Q, "quote_edit"),
        (Qt.Key.Key_N, "note_edit"),
    ],
)
def test_each_label_letter_reaches_its_field(qtbot, dialog: SourceDialog, letter, field) -> None:
    qtbot.keyClick(QApplication.focusWidget(), letter, Qt.KeyboardModifier.AltModifier)
    target = getattr(dialog, field)
    target = getattr(target, "edit", target)
    assert target.hasFocus()


def test_tab_walks_through_the_dates_and_typing_a_date_reads_it(qtbot, dialog) -> None:
    dialog.published_edit.edit.setFocus()
    qtbot.keyClicks(dialog.published_edit.edit, "4 Dec 2015")
    assert dialog.published_edit.edit.text() == "4 Dec 2015"
    assert dialog.published_edit.reading.text() == "= 4 December 2015"
    qtbot.keyClick(dialog.published_edit.edit, Qt.Key.Key_Tab)
    assert not dialog.published_edit.edit.hasFocus()
    for _ in range(6):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert dialog.quote_edit.hasFocus() or dialog.note_edit.hasFocus()


def test_a_date_that_cannot_be_read_is_refused_and_nothing_is_saved(qtbot, dialog) -> None:
    dialog.title_edit.setText("Budget")
    dialog.published_edit.edit.clear()
    qtbot.keyClicks(dialog.published_edit.edit, "4012015")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "The published date" in dialog.error_line.message()
    assert "4 Dec 2015" in dialog.error_line.message()
    dialog.published_edit.set_text("")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.value().fields["published"] is None


@pytest.mark.parametrize(
    "text",
    ["2015-12-04", "4 Dec 2015", "December 4, 2015", "04/12/2015", "4.12.2015", "2015/12/04"],
)
def test_dates_in_the_usual_ways_of_writing_them(text: str) -> None:
    assert parse_date(text) == date(2015, 12, 4)


@pytest.mark.parametrize("text", ["Dec 2015", "yesterday", "31/02/2015", "4012015", "4"])
def test_partial_or_impossible_dates_are_refused_with_a_reason(text: str) -> None:
    with pytest.raises(DateProblem, match=text.replace(".", r"\.")):
        parse_date(text)


def test_an_empty_date_is_not_known() -> None:
    assert parse_date("  ") is None
