"""Edit → Preferences: gather the current values, ask, apply what changed."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from . import hooks

if TYPE_CHECKING:
    from .main_window import MainWindow

#: Preferences kept in the database (they travel with the file) rather than in QSettings.
DATABASE_KEYS = (
    "organisation_name",
    "organisation_url",
    "report_page_size",
    "backups_to_keep",
    "spacy_pipeline",
    "new_database_scale",
)


def current_preferences(window: MainWindow) -> dict[str, Any]:
    """The values the preferences dialog starts from."""
    values: dict[str, Any] = {
        "reviewer": window.desk.reviewer.name if window.desk.reviewer else "",
        "sensitivity": window.settings.sensitivity,
    }
    for key in DATABASE_KEYS:
        values[key] = window.desk.setting(key)
    return values


def edit_preferences(window: MainWindow) -> None:
    """Show the dialog and apply the answer."""
    try:
        answer = hooks.ask_preferences(window, current_preferences(window))
    except ImportError:
        window.show_message(
            "Preferences", "The preferences dialog is not available in this version."
        )
        return
    if answer is None:
        return
    apply_preferences(window, answer)


def apply_preferences(window: MainWindow, values: dict[str, Any]) -> None:
    """Store changed preferences and show their effect."""
    try:
        for key in DATABASE_KEYS:
            if key in values and values[key] != window.desk.setting(key):
                window.desk.set_setting(key, values[key])
    except Exception as exc:
        window.report_error(exc, "Preferences")
    if "sensitivity" in values:
        window.claims_pane.set_threshold(float(values["sensitivity"]))
        window.claims_pane.threshold_changed.emit(float(values["sensitivity"]))
    name = str(values.get("reviewer") or "").strip()
    if name and (window.desk.reviewer is None or name != window.desk.reviewer.name):
        window.use_reviewer(name)
