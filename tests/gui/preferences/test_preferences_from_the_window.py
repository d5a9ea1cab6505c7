"""Who is reviewing and Edit ▸ Preferences, driven from the real window."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.gui


def test_first_start_asks_who_is_reviewing(make_window, monkeypatch) -> None:
    from workbench.app import start
    from workbench.ui.window import hooks

    monkeypatch.setattr(hooks, "ask_reviewer", lambda parent, names: "Ben Osei")
    window = make_window(reviewer=None)
    start(window)
    assert window.desk.reviewer.name == "Ben Osei"
    assert "Ben Osei" in window.reviewer_label.text()
    assert window.settings.reviewer == "Ben Osei"


def test_preferences_change_the_threshold_and_the_database_settings(
    make_window, monkeypatch
) -> None:
    from workbench.ui.window import hooks

    window = make_window()
    window.restore_last_article()
    seen = {}

    def answer(parent, values):
        seen.update(values)
        return {**values, "sensitivity": 0.5, "organisation_name": "Gazette Checks"}

    monkeypatch.setattr(hooks, "ask_preferences", answer)
    window.actions_.preferences.trigger()
    assert seen["reviewer_name"] == "Ana Lima"
    assert window.claims_pane.proxy.rowCount() == 2
    assert window.desk.setting("organisation_name") == "Gazette Checks"
    assert window.settings.sensitivity == 0.5


def test_backups_to_keep_set_in_preferences_is_what_the_backup_keeps(
    make_window, monkeypatch
) -> None:
    from workbench.services.backup import DEFAULT_KEEP, plan_backup_on_open
    from workbench.ui.preferences.preferences_dialog import PREFERENCE_DEFAULTS
    from workbench.ui.window import hooks

    window = make_window()
    seen: dict = {}

    def answer(parent, values):
        seen.update(values)
        return {**values, "backups_to_keep": 3}

    monkeypatch.setattr(hooks, "ask_preferences", answer)
    window.actions_.preferences.trigger()
    # The dialog opens on what the backup really keeps, and the answer reaches the backup.
    assert seen.get("backups_to_keep", PREFERENCE_DEFAULTS["backups_to_keep"]) == DEFAULT_KEEP
    plan = plan_backup_on_open(window.desk.store)
    assert plan is not None and plan.keep == 3
