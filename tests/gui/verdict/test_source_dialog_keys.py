"""The source dialog by keyboard: every field by Tab and by its Alt+letter, dates as text."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

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
