"""Who is reviewing? Answered from the keyboard, shown whole, and asked again on a shared computer."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from workbench.store import open_store
from workbench.ui.preferences.reviewer_dialog import ReviewerDialog

pytestmark = pytest.mark.gui


def answer_with_keys(*keys: str | Qt.Key) -> list[str]:
    """Once the modal "Who is reviewing?" shows, type ``keys`` where the keyboard is.

    Returns what was seen: the dialog's title and the class of the widget that had the focus.
    A dialog still open after the keys is closed, so that a failing test cannot hang.
    """
    from PySide6.QtTest import QTest

    seen: list[str] = []

    def type_keys() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog):
            QTimer.singleShot(10, type_keys)
            return
        focused = dialog.focusWidget() or dialog
        seen.extend([dialog.windowTitle(), type(focused).__name__])
        for key in keys:
            if isinstance(key, str):
                QTest.keyClicks(dialog.focusWidget() or dialog, key)
            else:
                QTest.keyClick(dialog.focusWidget() or dialog, key)
        if dialog.isVisible():
            seen.append("still open")
            dialog.reject()

    QTimer.singleShot(0, type_keys)
    return seen


def test_on_first_start_typing_a_name_and_enter_creates_the_reviewer(make_window) -> None:
    from workbench.app import start

    window = make_window(reviewer=None)
    seen = answer_with_keys("Carla Diaz", Qt.Key.Key_Return)
    start(window)
    assert seen == ["Who is reviewing?", "QLineEdit"]
    assert window.desk.reviewer is not None and window.desk.reviewer.name == "Carla Diaz"
    assert [r.name for r in window.desk.reviewers()] == ["Carla Diaz"]
    assert window.settings.reviewer == "Carla Diaz"


def _fits(dialog: QWidget, child: QWidget) -> bool:
    """``child`` is shown whole: as tall as its wrapped text needs, inside the dialog."""
    bottom = child.mapTo(dialog, child.rect().bottomLeft()).y()
    return child.height() >= child.heightForWidth(child.width()) and bottom < dialog.height()


@pytest.mark.parametrize("names", [[], ["Ana Lima", "Ben Okafor"]], ids=["first-start", "listed"])
def test_the_error_is_shown_whole_and_the_name_field_keeps_the_keyboard(
    qtbot, names: list[str], tmp_path
) -> None:
    dialog = ReviewerDialog(None, names)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    if names:
        dialog.new_radio.click()
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)  # no name yet
    assert dialog.isVisible() and dialog.error_line.message().startswith("Type your name")
    assert dialog.focusWidget() is dialog.name_edit
    assert _fits(dialog, dialog.error_line) and _fits(dialog, dialog.ok_button)
    dialog.grab().save(str(tmp_path / "reviewer-error.png"))

    # A longer message wraps onto more lines, and the dialog grows again to show them.
    dialog.validate = lambda: "Type your name. " * 12  # type: ignore[method-assign]
    height = dialog.height()
    dialog.accept()
    assert dialog.height() > height
    assert _fits(dialog, dialog.error_line) and _fits(dialog, dialog.ok_button)


def test_with_reviewers_listed_the_last_one_is_chosen_and_enter_continues(qtbot) -> None:
    dialog = ReviewerDialog(None, ["Ana Lima", "Ben Okafor"], "Ben Okafor")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.value() == "Ben Okafor"


def test_alt_n_goes_to_the_name_field_for_someone_new(qtbot) -> None:
    dialog = ReviewerDialog(None, ["Ana Lima"], "Ana Lima")
    qtbot.addWidget(dialog)
    dialog.show()
    # Alt+letter keys work in the active window, as on screen.
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=3000)
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClicks(dialog.focusWidget(), "Dana Ruiz")
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.value() == "Dana Ruiz"


# -- asking again on a shared computer ------------------------------------------------------------
@pytest.fixture
def shared_window(make_window, db_path) -> Callable:
    """A window reopened on a file two people review, Ben Okafor having worked last."""
    with open_store(db_path) as store:
        store.add_reviewer("Ana Lima")

    def reopen(ask: str | None = None):
        first = make_window(reviewer="Ben Okafor")
        if ask is not None:
            first.settings.ask_reviewer = ask
        first.close()
        first.desk.close()
        return make_window(reviewer=None)

    return reopen


def test_a_file_two_people_review_asks_at_start_with_the_last_reviewer_chosen(
    shared_window,
) -> None:
    from workbench.app import start

    window = shared_window()
    seen = answer_with_keys(Qt.Key.Key_Return)
    start(window)
    assert seen == ["Who is reviewing?", "QComboBox"]
    assert window.desk.reviewer is not None and window.desk.reviewer.name == "Ben Okafor"


def test_the_other_reviewer_is_one_choice_away(shared_window) -> None:
    from workbench.app import start

    window = shared_window()
    seen = answer_with_keys(Qt.Key.Key_Up, Qt.Key.Key_Return)  # "Ana Lima" sorts first
    start(window)
    assert "still open" not in seen
    assert window.desk.reviewer is not None and window.desk.reviewer.name == "Ana Lima"
    assert window.settings.reviewer == "Ana Lima"


def test_never_asking_continues_as_the_last_reviewer(shared_window, monkeypatch) -> None:
    from workbench.app import start
    from workbench.ui.window import hooks

    window = shared_window(ask="never")
    monkeypatch.setattr(hooks, "ask_reviewer", lambda *args: pytest.fail("asked"))
    start(window)
    assert window.desk.reviewer is not None and window.desk.reviewer.name == "Ben Okafor"


def test_one_reviewer_alone_is_not_asked_unless_the_setting_says_always(
    make_window, monkeypatch
) -> None:
    from workbench.app import start
    from workbench.ui.window import hooks

    first = make_window(reviewer="Ana Lima")
    first.close()
    first.desk.close()
    asked: list[tuple] = []
    monkeypatch.setattr(hooks, "ask_reviewer", lambda *args: asked.append(args) or args[-1])
    alone = make_window(reviewer=None)
    start(alone)
    assert asked == []
    alone.close()
    alone.desk.close()

    again = make_window(reviewer=None)
    again.settings.ask_reviewer = "always"
    start(again)
    assert [args[1:] for args in asked] == [(["Ana Lima"], "Ana Lima")]


def test_preferences_show_and_save_when_to_ask(make_window, qtbot, monkeypatch) -> None:
    from workbench.ui.preferences.preferences_dialog import PreferencesDialog
    from workbench.ui.window import hooks

    window = make_window()
    values = window.preferences.current()
    assert values["ask_reviewer"] == "shared"
    dialog = PreferencesDialog(None, values)
    qtbot.addWidget(dialog)
    dialog.ask_reviewer_combo.setCurrentIndex(dialog.ask_reviewer_combo.findData("always"))
    monkeypatch.setattr(hooks, "ask_preferences", lambda parent, values: dialog.value())
    window.actions_.preferences.trigger()
    assert window.settings.ask_reviewer == "always"
