"""Edit ▸ Preferences: gather the current values, ask, apply what changed."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from workbench.settings import (
    NEW_DATABASE_SCALE,
    PREFERENCES,
    REVIEWER,
    SENSITIVITY,
    Scope,
    Setting,
)

from . import hooks

if TYPE_CHECKING:
    from .main_window import MainWindow

#: What Preferences edits that is stored in the database (it travels with the file; the report
#: and the services read it), by the dialog's name.
DATABASE_PREFERENCES: dict[str, Setting[Any]] = {
    s.name: s for s in PREFERENCES if s.scope is Scope.DATABASE
}
#: Dialog name → the key it is stored under.
DATABASE_KEYS = {name: setting.key for name, setting in DATABASE_PREFERENCES.items()}


def current_preferences(window: MainWindow) -> dict[str, Any]:
    """The values the preferences dialog starts from: those in force, defaults included."""
    values: dict[str, Any] = {
        REVIEWER.name: window.desk.reviewer.name if window.desk.reviewer else "",
        SENSITIVITY.name: window.settings.sensitivity,
        NEW_DATABASE_SCALE.name: window.settings.new_database_scale,
    }
    for name, setting in DATABASE_PREFERENCES.items():
        # What the services really use: the default, or a value kept under an older key.
        values[name] = setting.read(window.desk.setting)
    return values


def edit_preferences(window: MainWindow) -> None:
    """Show the dialog and apply the answer."""
    answer = hooks.ask_preferences(window, current_preferences(window))
    if answer is not None:
        apply_preferences(window, answer)


def apply_preferences(window: MainWindow, values: dict[str, Any]) -> None:
    """Store changed preferences and show their effect."""
    try:
        for name, setting in DATABASE_PREFERENCES.items():
            # Only what changed: a default left alone stays unstored, so that a later default
            # (or, for the pipeline, the first one installed) still applies.
            if name in values and values[name] != setting.read(window.desk.setting):
                window.desk.set_setting(setting.key, values[name])
    except Exception as exc:
        window.report_error(exc, "Preferences")
    if values.get(NEW_DATABASE_SCALE.name):
        window.settings.new_database_scale = str(values[NEW_DATABASE_SCALE.name])
    if SENSITIVITY.name in values:
        sensitivity = float(values[SENSITIVITY.name])
        window.claims_pane.set_threshold(sensitivity)
        window.claims_pane.threshold_changed.emit(sensitivity)
    name = str(values.get(REVIEWER.name) or "").strip()
    if name and (window.desk.reviewer is None or name != window.desk.reviewer.name):
        window.use_reviewer(name)
