"""Preferences and the window take their keys, defaults and bounds from workbench.settings."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog, QFormLayout, QLabel

from workbench.settings import (
    BACKUP_KEEP,
    MAX_CLAIMS,
    ORGANISATION_URL,
    SENSITIVITY,
    SPACY_PIPELINE,
    preference_defaults,
)
from workbench.ui.preferences.preferences_dialog import PreferencesDialog

pytestmark = pytest.mark.gui


@pytest.fixture
def dialog(qtbot):
    def _build(values: dict) -> PreferencesDialog:
        built = PreferencesDialog(None, values)
        qtbot.addWidget(built)
        return built

    return _build


def _label_of(widget) -> str:
    form = widget.parentWidget().layout()
    assert isinstance(form, QFormLayout)
    label = form.labelForField(widget)
    assert isinstance(label, QLabel)
    return label.text()


def test_a_dialog_opened_on_nothing_shows_the_registry_defaults(dialog) -> None:
    built = dialog({"reviewer_name": "Anna"})
    built.accept()
    assert built.result() == QDialog.DialogCode.Accepted
    assert built.value() == {**preference_defaults(), "reviewer_name": "Anna"}


def test_a_sensitivity_that_is_not_a_number_starts_at_the_claim_finders_threshold(dialog) -> None:
    # It fell back to 0.5 here while the window used the finder's threshold.
    assert dialog({"sensitivity": "high"}).sensitivity_spin.value() == SENSITIVITY.default


def test_the_spin_boxes_take_their_bounds_from_the_registry(dialog) -> None:
    built = dialog({})
    for spin, setting in (
        (built.sensitivity_spin, SENSITIVITY),
        (built.claims_kept_spin, MAX_CLAIMS),
        (built.backups_spin, BACKUP_KEEP),
    ):
        assert (spin.minimum(), spin.maximum()) == (setting.minimum, setting.maximum)
    # The automatic backup refuses to keep none, so the dialog no longer offers it.
    assert built.backups_spin.minimum() == 1


def test_the_organisation_address_is_labelled_for_what_it_is(dialog) -> None:
    built = dialog({})
    assert _label_of(built.base_url_edit) == "Organisation's &web address:"
    assert ORGANISATION_URL.label in _label_of(built.base_url_edit).replace("&", "")
    assert _label_of(built.backups_spin) == "&Backups to keep:"
    built.base_url_edit.setText("factcheck.example.org")
    built.reviewer_edit.setText("Anna")
    built.accept()
    assert "organisation's web address" in built.error_line.message()


def test_saving_preferences_unchanged_stores_nothing(make_window, monkeypatch) -> None:
    from workbench.ui.window import hooks

    window = make_window()
    monkeypatch.setattr(hooks, "ask_preferences", lambda parent, values: dict(values))
    window.actions_.preferences.trigger()
    # A default left alone stays unstored: the pipeline is then the first one installed.
    assert window.desk.setting(SPACY_PIPELINE.key) is None
    assert window.desk.setting(BACKUP_KEEP.key) is None


def test_a_number_of_backups_saved_under_the_old_name_is_shown_and_kept(
    make_window, monkeypatch
) -> None:
    from workbench.services.backup import plan_backup_on_open
    from workbench.ui.window import hooks

    window = make_window()
    window.desk.store.set_setting("backups_to_keep", 4)
    seen: dict = {}

    def answer(parent, values):
        seen.update(values)
        return {**values, "backups_to_keep": 6}

    monkeypatch.setattr(hooks, "ask_preferences", answer)
    window.actions_.preferences.trigger()
    assert seen["backups_to_keep"] == 4
    assert window.desk.setting("backup_keep") == 6
    plan = plan_backup_on_open(window.desk.store)
    assert plan is not None and plan.keep == 6


def test_the_reports_address_is_edited_and_checked(dialog) -> None:
    from workbench.settings import REPORT_BASE_URL

    built = dialog({"reviewer_name": "Anna", "base_url": "https://a.example/r"})
    assert built.report_url_edit.text() == "https://a.example/r"
    assert _label_of(built.report_url_edit) == "&Report's web address:"
    built.report_url_edit.setText("a.example/r")
    built.accept()
    assert "report's web address" in built.error_line.message()
    built.report_url_edit.setText("https://b.example/r")
    assert built.value()[REPORT_BASE_URL.name] == "https://b.example/r"


def test_preferences_fit_a_small_laptop_screen_with_save_in_sight(qtbot) -> None:
    """Every group scrolls; the Save and Cancel buttons stay on a 768-pixel-high screen."""
    from PySide6.QtWidgets import QDialogButtonBox, QScrollArea

    from workbench.ui.preferences.preferences_dialog import PreferencesDialog

    dialog = PreferencesDialog(None, {"reviewer_name": "Ana"})
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.height() <= 700
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons.geometry().bottom() <= dialog.height()
    scroll = dialog.findChild(QScrollArea)
    assert scroll.widget().isAncestorOf(dialog.idle_lock_spin)  # the last group scrolls


def test_the_idle_lock_reads_one_minute_and_five_minutes(qtbot) -> None:
    from workbench.ui.preferences.preferences_dialog import PreferencesDialog

    dialog = PreferencesDialog(None, {"reviewer_name": "Ana", "idle_lock_minutes": 1})
    qtbot.addWidget(dialog)
    assert dialog.idle_lock_spin.text() == "1 minute"
    dialog.idle_lock_spin.setValue(5)
    assert dialog.idle_lock_spin.text() == "5 minutes"
    dialog.idle_lock_spin.setValue(0)
    assert dialog.idle_lock_spin.text() == "Never"
