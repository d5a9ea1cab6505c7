"""The reviewer, preferences and backup controllers against fake windows (no widgets built)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from workbench.services.backup import list_backups
from workbench.services.desk import Desk
from workbench.store import StoreError
from workbench.ui.backup.backup_controller import BackupController, BackupView
from workbench.ui.preferences.preferences_controller import PreferencesController, PreferencesView
from workbench.ui.preferences.reviewer_controller import ReviewerController, ReviewerView
from workbench.ui.window import hooks


class FakeSettings:
    """The reviewer's own settings, kept in attributes."""

    reviewer = ""
    sensitivity = 0.45
    new_database_scale = "default"
    ask_reviewer = "shared"
    idle_lock_minutes = 15


class FakeView:
    """What any of these controllers asks of the window, recorded."""

    dialog_parent: Any = None

    def __init__(self, desk: Desk) -> None:
        self.desk = desk
        self.settings: Any = FakeSettings()
        self.changes = 0
        self.sensitivities: list[float] = []
        self.statuses: list[str] = []
        self.messages: list[tuple[str, str]] = []
        self.errors: list[tuple[str, str]] = []
        self.busy = False
        self.reopened: list[tuple[Desk, str | None]] = []

    def reviewer_changed(self) -> None:
        self.changes += 1

    def use_reviewer(self, name: str) -> bool:
        self.desk.use_reviewer(name)
        return True

    def set_sensitivity(self, value: float) -> None:
        self.sensitivities.append(value)

    def flush_editor(self) -> None:
        pass

    def finding_claims(self) -> bool:
        return self.busy

    def use_desk(self, desk: Desk, reviewer: str | None) -> None:
        self.desk = desk
        self.reopened.append((desk, reviewer))

    def show_status(self, message: str, msecs: int = 0) -> None:
        self.statuses.append(message)

    def show_message(self, title: str, message: str) -> None:
        self.messages.append((title, message))

    def report_error(self, exc: Exception, action: str) -> None:
        self.errors.append((action, str(exc)))


@pytest.fixture
def view(tmp_path: Path) -> Iterator[FakeView]:
    """A fake window on a database file."""
    view = FakeView(Desk.open(tmp_path / "desk.sqlite3"))
    yield view
    view.desk.close()


def test_the_remembered_reviewer_is_used_without_asking(view: FakeView, monkeypatch) -> None:
    monkeypatch.setattr(hooks, "ask_reviewer", lambda *args: pytest.fail("asked"))
    view.settings.reviewer = "Ana Lima"
    checked: ReviewerView = view
    assert ReviewerController(checked).ensure()
    assert view.desk.reviewer is not None and view.desk.reviewer.name == "Ana Lima"
    assert view.changes == 1


def test_a_bad_reviewer_name_is_reported_and_nothing_changes(view: FakeView) -> None:
    checked: ReviewerView = view
    assert not ReviewerController(checked).use("   ")
    assert [action for action, _ in view.errors] == ["Choose reviewer"]
    assert view.settings.reviewer == "" and view.changes == 0


def test_preferences_store_only_what_changed_and_apply_the_rest(view: FakeView) -> None:
    checked: PreferencesView = view
    preferences = PreferencesController(checked)
    values = preferences.current()
    assert values["sensitivity"] == 0.45

    preferences.apply(
        {**values, "claims_kept": 10, "sensitivity": 0.7, "reviewer_name": "Ben Osei"}
    )

    assert view.desk.setting("max_claims_per_article") == 10
    assert view.sensitivities == [0.7]
    assert view.desk.reviewer is not None and view.desk.reviewer.name == "Ben Osei"
    assert view.errors == []


def test_preferences_the_database_cannot_read_are_reported_and_the_rest_applied(
    view: FakeView, monkeypatch
) -> None:
    preferences = PreferencesController(view)
    values = preferences.current()

    def unreadable(key: str, default: Any = None) -> Any:
        raise StoreError("The database file is no longer there.")

    monkeypatch.setattr(view.desk, "setting", unreadable)
    preferences.apply({**values, "sensitivity": 0.6})

    assert view.errors == [("Preferences", "The database file is no longer there.")]
    assert view.sensitivities == [0.6]


def test_back_up_now_then_restore_reopens_the_database(view: FakeView, monkeypatch) -> None:
    view.desk.use_reviewer("Ana Lima")
    checked: BackupView = view
    backup = BackupController(checked)
    backup.back_up_now()
    [made] = list_backups(view.desk.path)
    assert view.statuses == [f"Backed up to {made.path}"]

    view.busy = True
    backup.restore_from_backup()
    assert view.messages == [
        ("Restore from backup", "Wait for claim finding to end, or cancel it, then restore.")
    ]
    view.busy = False
    old = view.desk
    monkeypatch.setattr(hooks, "ask_restore", lambda parent, backups: backups[0].path)
    backup.restore_from_backup()
    [(desk, reviewer)] = view.reopened
    assert desk is not old and reviewer == "Ana Lima"
    assert view.statuses[-1].startswith("Restored. The replaced file was kept as ")
    backup.shut_down()
