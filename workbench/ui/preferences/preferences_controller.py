"""Edit ▸ Preferences: gather the current values, ask, apply what changed."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from workbench.settings import (
    ASK_REVIEWER,
    BLIND_REVIEW,
    IDLE_LOCK_MINUTES,
    NEW_DATABASE_SCALE,
    PREFERENCES,
    REVIEWER,
    SENSITIVITY,
    Scope,
    Setting,
)
from workbench.ui.common.views import DeskView
from workbench.ui.window import hooks

if TYPE_CHECKING:
    pass

#: What Preferences edits that is stored in the database (it travels with the file; the report
#: and the services read it), by the dialog's name.
DATABASE_PREFERENCES: dict[str, Setting[Any]] = {
    s.name: s for s in PREFERENCES if s.scope is Scope.DATABASE
}
#: Dialog name → the key it is stored under.
DATABASE_KEYS = {name: setting.key for name, setting in DATABASE_PREFERENCES.items()}


class PreferencesView(DeskView, Protocol):
    """What the preferences controller asks of the window."""

    def set_sensitivity(self, value: float) -> None:
        """Show claims scoring at least ``value``."""
        ...

    def use_reviewer(self, name: str) -> bool:
        """Switch to the reviewer called ``name``."""
        ...

    def report_error(self, exc: Exception, action: str) -> None:
        """Show a lower layer's error."""
        ...

    def claims_changed(self, select: str | None = None, *, refresh_editor: bool = True) -> None:
        """Read the article's claims again (blind review turned on or off)."""
        ...


class PreferencesController:
    """Reads the preferences in force, shows them, and stores and applies the answer."""

    def __init__(self, view: PreferencesView) -> None:
        self.view = view

    def current(self) -> dict[str, Any]:
        """The values the preferences dialog starts from: those in force, defaults included."""
        desk, settings = self.view.desk, self.view.settings
        values: dict[str, Any] = {
            REVIEWER.name: desk.reviewer.name if desk.reviewer else "",
            SENSITIVITY.name: settings.sensitivity,
            NEW_DATABASE_SCALE.name: settings.new_database_scale,
            ASK_REVIEWER.name: settings.ask_reviewer,
            IDLE_LOCK_MINUTES.name: settings.idle_lock_minutes,
        }
        for name, setting in DATABASE_PREFERENCES.items():
            # What the services really use: the default, or a value kept under an older key.
            values[name] = setting.read(desk.setting)
        return values

    def edit(self) -> None:
        """Show the dialog and apply the answer."""
        answer = hooks.ask_preferences(self.view.dialog_parent, self.current())
        if answer is not None:
            self.apply(answer)

    def apply(self, values: dict[str, Any]) -> None:
        """Store changed preferences and show their effect."""
        view = self.view
        try:
            blind_before = BLIND_REVIEW.read(view.desk.setting)
            try:
                for name, setting in DATABASE_PREFERENCES.items():
                    # Only what changed: a default left alone stays unstored, so that a later
                    # default (or, for the pipeline, the first one installed) still applies.
                    if name in values and values[name] != setting.read(view.desk.setting):
                        view.desk.set_setting(setting.key, values[name])
            finally:
                if BLIND_REVIEW.read(view.desk.setting) != blind_before:
                    view.claims_changed()  # the others' ratings are hidden or shown at once
        except Exception as exc:  # the database's part is not saved; the reviewer's own is
            view.report_error(exc, "Preferences")
        if values.get(NEW_DATABASE_SCALE.name):
            view.settings.new_database_scale = str(values[NEW_DATABASE_SCALE.name])
        if values.get(ASK_REVIEWER.name):
            view.settings.ask_reviewer = str(values[ASK_REVIEWER.name])
        if IDLE_LOCK_MINUTES.name in values:
            view.settings.idle_lock_minutes = int(values[IDLE_LOCK_MINUTES.name])
        if SENSITIVITY.name in values:
            view.set_sensitivity(float(values[SENSITIVITY.name]))
        name = str(values.get(REVIEWER.name) or "").strip()
        if name and (view.desk.reviewer is None or name != view.desk.reviewer.name):
            view.use_reviewer(name)
