"""Article ▸ Details… and Article ▸ Summary…: edit by keyboard, see the header change, undo."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit

from workbench.model import Article
from workbench.store import open_store
from workbench.ui.article.details_dialog import FIELDS, DetailsDialog
from workbench.ui.article.summary_dialog import SummaryDialog


def _stored(db_path: Path, article_id: str) -> Article:
    with open_store(db_path, read_only=True) as store:
        return store.get_article(article_id)


def test_ctrl_i_edits_the_details_and_ctrl_z_puts_them_back(
    make_window, qtbot, monkeypatch: pytest.MonkeyPatch, db_path: Path
) -> None:
    window = make_window()
    assert window.restore_last_article()
    assert window.article is not None
    article_id = window.article.id
    asked: list[Article] = []

    def answer(parent, article: Article) -> dict:
        asked.append(article)
        return {"title": "Roads budget doubles", "outlet": "Reuters", "published": "2015-07-24"}

    monkeypatch.setattr(DetailsDialog, "ask", answer)
    qtbot.keyClick(window, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert [a.title for a in asked] == ["Council roads"]
    pane = window.article_pane
    assert pane.title.text() == "Roads budget doubles"
    assert "Reuters" in pane.meta.text() and "2015-07-24" in pane.meta.text()
    saved = _stored(db_path, article_id)
    assert (saved.title, saved.outlet, saved.published) == (
        "Roads budget doubles",
        "Reuters",
        "2015-07-24",
    )
    # The article text and its highlights are untouched.
    assert pane.text.toPlainText() == saved.text
    assert pane.text.highlighted_ranges()

    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert pane.title.text() == "Council roads"
    assert "Reuters" not in pane.meta.text()
    assert _stored(db_path, article_id).title == "Council roads"
    assert _stored(db_path, article_id).outlet == "Gazette"
    window.actions_.redo.trigger()
    assert pane.title.text() == "Roads budget doubles"


def test_undo_puts_back_a_date_stored_as_the_import_found_it(
    make_window, qtbot, monkeypatch: pytest.MonkeyPatch, db_path: Path
) -> None:
    window = make_window()
    assert window.restore_last_article() and window.article is not None
    article_id = window.article.id
    # As a Markdown import keeps front matter's "published: July 2015".
    window.desk.store.update_article(article_id, as_stored=True, published="July 2015")
    monkeypatch.setattr(DetailsDialog, "ask", lambda parent, article: {"published": "2015-07-24"})
    qtbot.keyClick(window, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert _stored(db_path, article_id).published == "2015-07-24"
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _stored(db_path, article_id).published == "July 2015"
    window.actions_.redo.trigger()
    assert _stored(db_path, article_id).published == "2015-07-24"


def test_ctrl_shift_i_writes_the_summary(
    make_window, qtbot, monkeypatch: pytest.MonkeyPatch, db_path: Path
) -> None:
    window = make_window()
    assert window.restore_last_article()
    assert window.article is not None
    monkeypatch.setattr(SummaryDialog, "ask", lambda parent, article: "Two claims hold up.")
    qtbot.keyClick(
        window,
        Qt.Key.Key_I,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert _stored(db_path, window.article.id).summary == "Two claims hold up."
    assert window.undo_stack.undoText() == "article summary"
    window.actions_.undo.trigger()
    assert _stored(db_path, window.article.id).summary == ""


def test_the_article_menu_lists_both(make_window) -> None:
    window = make_window()
    texts = [a.text() for a in window.actions_.article_menu.actions()]
    assert texts[:2] == ["&Details…", "&Summary…"]
    assert window.actions_.article_details.shortcut().toString() == "Ctrl+I"


@pytest.fixture
def article() -> Article:
    return Article(
        text="Body.", title="Council roads", outlet="Gazette", url="https://example.org/a"
    )


def test_details_dialog_refuses_a_bad_date_and_says_why(qtbot, article: Article) -> None:
    dialog = DetailsDialog(article)
    qtbot.addWidget(dialog)
    field = dialog.fields["published"]
    qtbot.keyClicks(field, "sometime in spring")
    dialog.accept()
    assert dialog.result() != DetailsDialog.DialogCode.Accepted
    assert "is not a date" in dialog.error_line.message()
    field.clear()
    qtbot.keyClicks(field, "24/07/2015")
    assert dialog.error_line.message() == ""
    dialog.fields["title"].setText("Roads budget doubles")
    assert dialog.changes() == {"title": "Roads budget doubles", "published": "2015-07-24"}


def test_a_date_stored_as_found_does_not_block_correcting_the_title(qtbot) -> None:
    imported = Article(text="Body.", title="Council roads", published="July 2015")
    dialog = DetailsDialog(imported)
    qtbot.addWidget(dialog)
    dialog.fields["title"].setText("Council roads budget")
    assert dialog.validate() is None
    assert dialog.changes() == {"title": "Council roads budget"}


def test_details_dialog_empty_title_is_refused(qtbot, article: Article) -> None:
    dialog = DetailsDialog(article)
    qtbot.addWidget(dialog)
    dialog.fields["title"].clear()
    assert dialog.validate() == "The title cannot be empty."


def test_every_details_field_is_reached_by_tab_and_by_alt_letter(qtbot, article: Article) -> None:
    dialog = DetailsDialog(article)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=3000)
    dialog.fields["title"].setFocus()
    seen = []
    for _ in range(12):
        seen.append(QApplication.focusWidget())
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    for name in dict.fromkeys(n for n, *_ in FIELDS):
        assert dialog.fields[name] in seen, name
    assert dialog.date_picker.pick_button in seen
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Save) in seen
    for name, label, _ in FIELDS:
        letter = label[label.index("&") + 1]
        qtbot.keyClick(
            dialog, getattr(Qt.Key, f"Key_{letter.upper()}"), Qt.KeyboardModifier.AltModifier
        )
        focused = QApplication.focusWidget()
        assert isinstance(focused, QLineEdit) and focused is dialog.fields[name], name


def test_summary_dialog_tab_leaves_the_text(qtbot, article: Article) -> None:
    dialog = SummaryDialog(article)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=3000)
    editor = dialog.editor
    editor.setFocus()
    qtbot.keyClicks(editor, "Both claims hold up.")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert "\t" not in editor.toPlainText()
    assert QApplication.focusWidget() is not editor
    assert dialog.summary() == "Both claims hold up."
    assert dialog.count.text() == "4 words"
    qtbot.keyClick(dialog, Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is editor


def test_return_types_a_new_line_in_the_summary_and_ctrl_return_saves(
    qtbot, article: Article
) -> None:
    dialog = SummaryDialog(article)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=3000)
    dialog.editor.setFocus()
    qtbot.keyClicks(dialog.editor, "First paragraph.")
    qtbot.keyClick(dialog.editor, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.editor, "Second.")
    assert dialog.isVisible()
    with qtbot.waitSignal(dialog.accepted, timeout=3000):
        qtbot.keyClick(dialog.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.summary() == "First paragraph.\nSecond."


def test_a_date_can_be_picked_from_the_calendar(qtbot, article: Article) -> None:
    from PySide6.QtCore import QDate

    dialog = DetailsDialog(article)
    qtbot.addWidget(dialog)
    dialog.date_picker.calendar.clicked.emit(QDate(2015, 7, 24))
    assert dialog.fields["published"].text() == "24 Jul 2015"
    assert dialog.changes() == {"published": "2015-07-24"}


def test_saving_details_that_change_nothing_is_no_step_and_no_crash(make_window) -> None:
    window = make_window()
    assert window.restore_last_article() and window.article is not None
    steps = window.undo_stack.count()
    assert window.article_record.apply(
        window.article.id, {"title": window.article.title}, "article details"
    )
    assert window.undo_stack.count() == steps
