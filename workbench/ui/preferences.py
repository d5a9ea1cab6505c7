"""Edit ▸ Preferences: gather the current values, ask, apply what changed."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from workbench.services.backup import KEEP_SETTING
from workbench.services.found_claims import MAX_CLAIMS_SETTING

from . import hooks

if TYPE_CHECKING:
    from .main_window import MainWindow

#: Dialog key → per-database setting (these travel with the file; the report reads them).
DATABASE_KEYS = {
    "organisation_name": "organisation_name",
    "organisation_url": "organisation_url",
    "page_size": "report_page_size",
    # The key the automatic backup reads (it was saved under another name and did nothing).
    "backups_to_keep": KEEP_SETTING,
    "spacy_pipeline": "spacy_pipeline",
    "claims_kept": MAX_CLAIMS_SETTING,
}


def current_preferences(window: MainWindow) -> dict[str, Any]:
    """The values the preferences dialog starts from (missing ones take the dialog's defaults)."""
    values: dict[str, Any] = {
        "reviewer_name": window.desk.reviewer.name if window.desk.reviewer else "",
        "sensitivity": window.settings.sensitivity,
        "rating_scale": window.settings.new_database_scale,
    }
    for key, setting in DATABASE_KEYS.items():
        stored = window.desk.setting(setting)
        if stored is not None:
            values[key] = stored
    return values


def edit_preferences(window: MainWindow) -> None:
    """Show the dialog and apply the answer."""
    answer = hooks.ask_preferences(window, current_preferences(window))
    if answer is not None:
        apply_preferences(window, answer)


def apply_preferences(window: MainWindow, values: dict[str, Any]) -> None:
    """Store changed preferences and show their effect."""
    try:
        for key, setting in DATABASE_KEYS.items():
            if key in values and values[key] != window.desk.setting(setting):
                window.desk.set_setting(setting, values[key])
    except Exception as exc:
        window.report_error(exc, "Preferences")
    if values.get("rating_scale"):
        window.settings.new_database_scale = str(values["rating_scale"])
    if "sensitivity" in values:
        window.claims_pane.set_threshold(float(values["sensitivity"]))
        window.claims_pane.threshold_changed.emit(float(values["sensitivity"]))
    name = str(values.get("reviewer_name") or "").strip()
    if name and (window.desk.reviewer is None or name != window.desk.reviewer.name):
        window.use_reviewer(name)
