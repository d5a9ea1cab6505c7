"""Drive the real review desk window offscreen, as a reviewer would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from workbench.model import ClaimState, Judgement
from workbench.ui.claims.claims_model import Column

from ..conftest import EMOJI_ARTICLE, EMOJI_CLAIMS

pytestmark = pytest.mark.gui


def utf16(text: str, offset: int) -> int:
    return len(text[:offset].encode("utf-16-le")) // 2


def table_text(window, column: Column) -> list[str]:
    proxy = window.claims_pane.proxy
    return [proxy.index(row, column).data() for row in range(proxy.rowCount())]


def test_highlights_sit_exactly_on_the_claims_even_after_emoji(make_window) -> None:
    window = make_window()
    assert window.restore_last_article()
    expected = sorted(
        (
            utf16(EMOJI_ARTICLE, EMOJI_ARTICLE.index(q)),
            utf16(EMOJI_ARTICLE, EMOJI_ARTICLE.index(q) + len(q)),
        )
        for q, *_ in EMOJI_CLAIMS
    )
    assert sorted(window.article_pane.text.highlighted_ranges()) == expected
    # The short article fits on screen, so Qt paints every one of them.
    painted = {
        (s.cursor.selectionStart(), s.cursor.selectionEnd())
        for s in window.article_pane.text.extraSelections()
    }
    assert set(expected) <= painted
    document = window.article_pane.text.document()
    for (start, end), (quote, *_) in zip(
        window.article_pane.text.highlighted_ranges(),
        sorted(EMOJI_CLAIMS, key=lambda c: EMOJI_ARTICLE.index(c[0])),
        strict=True,
    ):
        cursor = QTextCursor(document)
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        assert cursor.selectedText() == quote
    assert window.article_pane.title.text() == "Council roads"
    assert "Gazette" in window.article_pane.meta.text()


def test_clicking_a_highlight_selects_its_claim(make_window, qtbot) -> None:
    window = make_window()
    window.restore_last_article()
    text = window.article_pane.text
    quote = EMOJI_CLAIMS[1][0]
    cursor = QTextCursor(text.document())
    cursor.setPosition(utf16(EMOJI_ARTICLE, EMOJI_ARTICLE.index(quote) + 5))
    point = text.cursorRect(cursor).center()
    qtbot.mouseClick(text.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.current_claim().claim.quote == quote
    assert (
        window.article_pane.text.claim_at_point(point).claim_id == window.current_claim().claim.id
    )


def test_rating_with_a_number_key_is_saved_and_there_after_reopening(make_window, qtbot) -> None:
    window = make_window()
    window.restore_last_article()
    window.claims_pane.select_claim(window.claims_pane.table_order()[0])
    claim_id = window.current_claim().claim.id
    qtbot.keyClick(window.article_pane.text, Qt.Key.Key_2)
    labels = window.desk.scale().labels
    assert table_text(window, Column.MINE)[0] == labels[1]
    assert table_text(window, Column.NUMBER)[0].startswith("✓")
    assert window.progress_label.text().startswith("1 of 3")
    window.close()
    window.desk.store.close()

    again = make_window()
    again.restore_last_article()
    assert table_text(again, Column.MINE)[0] == labels[1]
    assert again.claims[claim_id].verdicts[0].rating == labels[1]


def test_ctrl_return_jumps_to_the_next_claim_i_have_not_reviewed(make_window, qtbot) -> None:
    window = make_window()
    window.restore_last_article()
    first, second = window.claims_pane.table_order()[:2]
    window.claims_pane.select_claim(first)
    qtbot.keyClick(window.article_pane.text, Qt.Key.Key_1)
    qtbot.keyClick(window.article_pane.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.claims_pane.current_claim_id() == second


def test_dismissal_is_saved_and_undone(make_window, qtbot, db_path: Path) -> None:
    window = make_window()
    window.restore_last_article()
    claim_id = window.claims_pane.table_order()[0]
    window.claims_pane.select_claim(claim_id)
    qtbot.keyClick(window.article_pane.text, Qt.Key.Key_D)
    assert window.claims[claim_id].claim.state is ClaimState.DISMISSED
    assert table_text(window, Column.NUMBER)[0].startswith("✕")
    qtbot.keyClick(window.article_pane.text, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.claims[claim_id].claim.state is ClaimState.OPEN
    assert table_text(window, Column.NUMBER)[0].startswith("●")
    assert window.desk.store.get_claim(claim_id).state is ClaimState.OPEN


def test_deleting_a_claim_with_its_verdict_can_be_undone(make_window, qtbot) -> None:
    window = make_window()
    window.restore_last_article()
    claim_id = window.claims_pane.table_order()[0]
    window.claims_pane.select_claim(claim_id)
    window.review.rate_current("True")
    window.actions_.delete.trigger()
    assert claim_id not in window.claims
    window.undo_stack.undo()
    assert window.claims[claim_id].verdicts[0].rating == "True"
    window.undo_stack.undo()
    assert window.claims[claim_id].verdicts == []
    window.undo_stack.redo()
    assert window.claims[claim_id].verdicts[0].rating == "True"


def test_a_claim_can_be_added_from_selected_text_and_its_span_adjusted(make_window) -> None:
    window = make_window()
    window.restore_last_article()
    start = EMOJI_ARTICLE.index("Fans")
    window.article_pane.text.select_span(start, start + len("Fans 🎉🎉 cheered"))
    window.actions_.add_claim.trigger()
    added = window.current_claim().claim
    assert added.quote == "Fans 🎉🎉 cheered"
    assert len(window.claims) == 4
    window.article_pane.text.select_span(start, start + len("Fans 🎉🎉 cheered as the mayor"))
    window.actions_.set_span.trigger()
    assert window.current_claim().claim.quote == "Fans 🎉🎉 cheered as the mayor"
    window.undo_stack.undo()
    assert window.claims[added.id].claim.quote == "Fans 🎉🎉 cheered"
    window.undo_stack.undo()
    assert added.id not in window.claims


def test_filters_threshold_and_score_order(make_window, qtbot) -> None:
    window = make_window()
    window.restore_last_article()
    pane = window.claims_pane
    assert pane.proxy.rowCount() == 3
    pane.filter_box.setText("crime")
    assert table_text(window, Column.CLAIM) == ["Crime fell by 12 percent 📉 last year"]
    pane.filter_box.clear()
    pane.threshold_box.setValue(0.5)
    assert pane.proxy.rowCount() == 2
    assert len(window.article_pane.text.highlighted_ranges()) == 2
    pane.threshold_box.setValue(0.0)
    qtbot.keyClick(window.article_pane.text, Qt.Key.Key_S)
    assert table_text(window, Column.SCORE) == ["0.90", "0.80", "0.20"]
    window.claims_pane.select_claim(pane.table_order()[0])
    window.review.rate_current("True")
    pane.unreviewed_box.setChecked(True)
    assert pane.proxy.rowCount() == 2


def test_window_remembers_the_article_and_splitters(make_window, db_path) -> None:
    window = make_window()
    window.restore_last_article()
    # The offscreen screen is 800 pixels high: a window that fits comes back at the same size.
    window.resize(window.width(), 700)
    window.right_split.setSizes([250, 350])
    sizes = window.right_split.sizes()
    window.close()
    window.desk.store.close()
    again = make_window()
    assert again.right_split.sizes() == sizes
    assert again.settings.last_article == window.article.id


def test_the_verdict_editor_fills_in_by_itself_once_the_window_is_painted(
    make_window, qtbot
) -> None:
    from workbench.ui.verdict.verdict_editor import VerdictEditor

    window = make_window()
    sizes = window.right_split.sizes()
    # Nothing here asks for window.editor: the window builds it after its first paint.
    qtbot.waitUntil(lambda: isinstance(window.right_split.widget(1), VerdictEditor), timeout=3000)
    editor = window.right_split.widget(1)
    assert editor.isVisible()
    assert editor.hint_label.text() == "Select a claim to review it."
    assert window.right_split.sizes() == sizes


def test_menu_icons_and_the_writing_side_arrive_after_the_first_paint(
    qtbot, db_path, settings_path
) -> None:
    from PySide6.QtCore import QSettings

    from workbench.app import build_window, make_application

    make_application()
    window = build_window(db_path, QSettings(str(settings_path), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    # Built but not shown: nothing has been written, so nothing loaded the writing side.
    assert window.desk.store._db is None
    assert window.actions_.import_file.icon().isNull()
    window.show()
    qtbot.waitUntil(lambda: not window.actions_.import_file.icon().isNull(), timeout=3000)
    assert not window.actions_.undo.icon().isNull()
    qtbot.waitUntil(lambda: window.desk.store._db is not None, timeout=3000)
    window.close()
    window.desk.store.close()


def test_start_turns_the_garbage_collector_back_on(make_window, monkeypatch) -> None:
    import gc

    from workbench.app import start

    window = make_window()
    monkeypatch.setattr(gc, "freeze", lambda: None)  # keep the test process's heap as it was
    gc.disable()
    try:
        start(window, ask_reviewer=False)
        assert gc.isenabled()
    finally:
        gc.enable()


def test_an_unreadable_file_gives_a_clear_message_and_the_window_keeps_working(
    make_window, qtbot, tmp_path, messages
) -> None:
    window = make_window()
    window.restore_last_article()
    bad = tmp_path / "notes.xyz"
    bad.write_text("hello", encoding="utf-8")
    with qtbot.waitSignal(window.imports.import_failed, timeout=5000):
        window.imports.import_files([str(bad)])
    _title, message = messages[-1]
    assert "notes.xyz" in message and "Traceback" not in message
    assert window.article.title == "Council roads"


def test_importing_a_file_opens_it_and_runs_claim_finding_off_the_gui_thread(
    make_window, qtbot, seed_article_path, messages
) -> None:
    window = make_window()
    imports = window.imports
    with qtbot.waitSignal(window.article_opened, timeout=5000):
        imports.import_files([str(seed_article_path)])
    assert window.article.title.startswith("U.S. Secretary of State John Kerry")
    assert window.settings.recent_files == [str(seed_article_path.resolve())]
    # Claim finding runs on the worker thread; the window answered all along.
    qtbot.waitUntil(lambda: not imports.runner.busy, timeout=60000)
    if window.claims:
        assert all(
            window.article.text[rc.claim.start : rc.claim.end] == rc.claim.quote
            for rc in window.claims.values()
        )
    else:
        assert "Claim finding is not available" in messages[-1][1]


def test_verdict_and_source_from_the_editor_are_there_after_reopening(make_window, qtbot) -> None:
    from workbench.ui.verdict.source_dialog import SourceInput

    window = make_window()
    window.restore_last_article()
    claim_id = window.claims_pane.table_order()[1]
    window.claims_pane.select_claim(claim_id)
    qtbot.keyClick(window.article_pane.text, Qt.Key.Key_5)
    assert window.editor.my_verdict.rating == "False"
    with qtbot.waitSignal(window.editor.sources_changed, timeout=3000):
        window.editor.add_source_from(
            SourceInput({"title": "Council budget 2023", "url": "https://council.example/budget"})
        )
    assert "False" in table_text(window, Column.MINE)
    window.close()
    window.desk.store.close()

    again = make_window()
    again.restore_last_article()
    again.claims_pane.select_claim(claim_id)
    [verdict] = again.claims[claim_id].verdicts
    assert verdict.rating == "False"
    assert [s.title for s in verdict.sources] == ["Council budget 2023"]
    assert again.editor.my_verdict.sources[0].url == "https://council.example/budget"


def test_a_pasted_article_opens_with_its_details(make_window, qtbot, monkeypatch) -> None:
    from workbench.ui.library.paste_article_dialog import PastedArticle
    from workbench.ui.window import hooks

    pasted = PastedArticle(
        text="Inflation rose to 4.2 percent in March, the bank said.",
        title="Prices",
        outlet="Daily Ledger",
        url="https://ledger.example/prices",
        published="2024-04-02",
    )
    monkeypatch.setattr(hooks, "ask_pasted_article", lambda parent: pasted)
    window = make_window()
    with qtbot.waitSignal(window.article_opened, timeout=5000):
        window.actions_.paste.trigger()
    assert window.article_pane.title.text() == "Prices"
    assert "Daily Ledger" in window.article_pane.meta.text()
    assert window.article_pane.text.toPlainText() == pasted.text
    qtbot.waitUntil(lambda: not window.imports.runner.busy, timeout=60000)


def test_dropping_a_file_on_the_window_imports_it(make_window, qtbot, tmp_path) -> None:
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    article = tmp_path / "budget.txt"
    article.write_text("Council budget\n\nThe council will spend £4m on parks.", encoding="utf-8")
    window = make_window()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(article))])
    event = QDropEvent(
        QPointF(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(window.article_opened, timeout=5000):
        window.dropEvent(event)
    assert window.article.title == "Council budget"
    qtbot.waitUntil(lambda: not window.imports.runner.busy, timeout=60000)


def test_help_lists_the_triage_shortcuts(make_window, monkeypatch) -> None:
    from workbench.ui.window import hooks

    window = make_window()
    listed = []
    monkeypatch.setattr(hooks, "show_shortcuts", lambda parent, actions: listed.extend(actions))
    window.actions_.shortcuts.trigger()
    keys = {a.text().replace("&", ""): a.shortcut().toString() for a in listed}
    assert keys["Dismiss or restore claim"] == "D"
    assert keys["Save and go to next unreviewed"] == "Ctrl+Return"
    assert "1  True" in keys


def test_hovering_a_claim_shows_its_kind_score_and_reasons(make_window) -> None:
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    window = make_window()
    window.restore_last_article()
    text = window.article_pane.text
    quote = EMOJI_CLAIMS[0][0]
    cursor = QTextCursor(text.document())
    cursor.setPosition(utf16(EMOJI_ARTICLE, EMOJI_ARTICLE.index(quote) + 3))
    point = text.cursorRect(cursor).center()
    event = QHelpEvent(QEvent.Type.ToolTip, point, text.viewport().mapToGlobal(point))
    QApplication.sendEvent(text.viewport(), event)
    tip = QToolTip.text()
    assert "Quantity" in tip and "0.90" in tip and "a number" in tip and "the mayor" in tip


def test_a_new_application_gets_the_fusion_style_and_palette() -> None:
    # A fresh process: the QApplication is built by make_application, not by the test runner.
    script = (
        "from PySide6.QtGui import QPalette\n"
        "from workbench.app import make_application\n"
        "app = make_application(['workbench', '-style', 'Windows'])\n"
        "colour = app.palette().color(QPalette.ColorRole.Window).name()\n"
        "print(app.style().name(), colour, app.font().family())\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_STYLE_OVERRIDE": "Windows"}
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
    )
    assert done.stdout.split() == ["fusion", "#f6f5f1", "DejaVu", "Sans"]


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Down])
def test_from_the_filter_box_the_keyboard_goes_on_to_the_claims_it_shows(
    make_window, qtbot, key
) -> None:
    window = make_window()
    window.restore_last_article()
    pane = window.claims_pane
    pane.select_claim(pane.table_order()[0])
    qtbot.keyClick(window.article_pane.text, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert pane.filter_box.hasFocus()
    qtbot.keyClicks(pane.filter_box, "crime")
    qtbot.keyClick(pane.filter_box, key)
    assert pane.table.hasFocus()
    assert table_text(window, Column.CLAIM) == ["Crime fell by 12 percent 📉 last year"]
    # The rating key then rates the claim the filter shows, and the filter stays.
    qtbot.keyClick(pane.table, Qt.Key.Key_2)
    crime = window.claims[pane.current_claim_id()]
    assert "Crime" in crime.claim.quote
    assert table_text(window, Column.MINE) == [window.desk.scale().labels[1]]
    assert pane.filter_box.text() == "crime"


def test_escape_in_the_article_goes_back_to_the_claims_list(make_window, qtbot) -> None:
    window = make_window()
    window.restore_last_article()
    pane = window.claims_pane
    second = pane.table_order()[1]
    pane.select_claim(second)
    window.article_pane.text.setFocus()
    qtbot.waitUntil(window.article_pane.text.hasFocus)
    qtbot.keyClick(window.article_pane.text, Qt.Key.Key_Escape)
    assert pane.table.hasFocus() and pane.current_claim_id() == second


def test_quit_and_preferences_have_keys_even_where_the_platform_gives_none(
    make_window, qtbot
) -> None:
    window = make_window()
    actions = window.actions_
    assert not actions.quit.shortcut().isEmpty()
    assert not actions.preferences.shortcut().isEmpty()
    taken = [a.shortcut().toString() for a in actions.all()]
    assert len(taken) == len(set(taken))  # no key does two things
    qtbot.keyClick(window.article_pane.text, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not window.isVisible())


def test_the_team_columns_show_only_once_someone_else_rated_or_an_editor_settled(
    make_window,
) -> None:
    window = make_window()
    window.restore_last_article()
    pane = window.claims_pane
    labels = window.desk.scale().labels
    first, second = pane.table_order()[:2]
    pane.select_claim(first)
    window.review.rate_current(labels[0])
    # Working alone: no one else's verdicts, no final verdicts, and the claims get the width.
    assert pane.table.isColumnHidden(Column.OTHERS) and pane.table.isColumnHidden(Column.FINAL)
    wide = pane.table.columnWidth(Column.CLAIM)

    ben = window.desk.store.ensure_reviewer("Ben Okoro")
    window.desk.verdicts.save_verdict(second, ben.id, Judgement(labels[2]))
    window.claims_changed()
    assert not pane.table.isColumnHidden(Column.OTHERS)
    assert table_text(window, Column.OTHERS)[1] == f"{labels[2]} (Ben)"
    assert pane.table.isColumnHidden(Column.FINAL)
    assert pane.table.columnWidth(Column.CLAIM) < wide

    window.desk.final_verdicts.give(second, labels[1], "", window.desk.reviewer_id)
    window.claims_changed()
    assert not pane.table.isColumnHidden(Column.FINAL)
