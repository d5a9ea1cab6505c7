"""What goes into a report: its options, read from the database's settings and overridden."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from workbench.model import web_url_problem
from workbench.settings import BLIND_REVIEW, REPORT_ALL_CLAIMS, REPORT_PAGE_SIZE, REPORT_SETTINGS

from .errors import ExportError

if TYPE_CHECKING:
    from workbench.store import Store

PAGE_SIZES = REPORT_PAGE_SIZE.choices

#: Per-database settings the report reads, option → stored key; CLI options and the dialog
#: override them.
SETTING_KEYS = {setting.name: setting.key for setting in REPORT_SETTINGS}


@dataclass(frozen=True, slots=True)
class ReportOptions:
    """What goes into a report and how it is labelled."""

    reviewers: tuple[str, ...] = ()
    include_dismissed: bool = False
    #: Also list the claims nobody gave a rating (by default only reviewed claims are listed).
    all_claims: bool = REPORT_ALL_CLAIMS.default
    organisation_name: str | None = None
    organisation_url: str | None = None
    base_url: str | None = None
    page_size: str = REPORT_PAGE_SIZE.default
    #: Whether the database had blind review on (the methods section says so).
    blind_review: bool = BLIND_REVIEW.default

    @classmethod
    def from_store(cls, store: Store, **overrides: Any) -> ReportOptions:
        """Options from the database's settings; ``overrides`` that are not None win."""
        values: dict[str, Any] = {}
        for name, key in SETTING_KEYS.items():
            stored = store.get_setting(key)
            if isinstance(stored, str) and stored.strip():
                values[name] = stored.strip()
        values[REPORT_ALL_CLAIMS.name] = REPORT_ALL_CLAIMS.read(store.get_setting)
        values[BLIND_REVIEW.name] = BLIND_REVIEW.read(store.get_setting)
        values.update({k: v for k, v in overrides.items() if v is not None})
        options = cls(**values)
        check_addresses(options)
        return replace(options, page_size=normalise_page_size(options.page_size))


#: Option → how the journalist knows it, and where they change it.
_ADDRESSES = {
    "organisation_url": (
        "organisation's web address",
        "in Edit ▸ Preferences (on the command line: workbench report-settings)",
    ),
    "base_url": (
        "report's web address",
        "in the export dialog or Edit ▸ Preferences (on the command line: workbench "
        "report-settings)",
    ),
}


def check_addresses(options: ReportOptions) -> None:
    """Refuse an organisation or report address that is not http(s) before anything is rendered."""
    for name, (what, where) in _ADDRESSES.items():
        value = getattr(options, name)
        problem = web_url_problem(value.strip(), what) if value and value.strip() else None
        if problem:
            raise ExportError(f"{problem} Change it {where}.")


def normalise_page_size(value: str) -> str:
    """``a4``/``letter`` in any case → the canonical name; anything else is refused."""
    for name in PAGE_SIZES:
        if value.strip().casefold() == name.casefold():
            return name
    raise ExportError(f"“{value}” is not a page size the report knows; use A4 or Letter.")
