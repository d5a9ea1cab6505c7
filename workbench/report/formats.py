"""The export formats, declared once: the exporter, the ``export`` command and the dialog read them.

Adding a format is one entry in :data:`FORMATS` and its renderer module.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING, Any

from workbench.model import web_url_problem

from .errors import ExportError

if TYPE_CHECKING:
    from .data import Report


@dataclass(frozen=True, slots=True)
class Format:
    """One export format: its name, how people see it, its file suffix and its renderer."""

    #: On the command line and in ``export_report(formats=…)``.
    name: str
    #: A short name for messages, e.g. "ClaimReview".
    title: str
    #: The check box in File ▸ Export….
    label: str
    #: Appended to the file stem; may hold a dot of its own (``.claimreview.jsonld``).
    suffix: str
    #: One line for tooltips.
    description: str
    #: ``"module:function"`` inside ``workbench.report``; imported when used, so that only
    #: the PDF renderer loads Qt.
    renderer_path: str
    #: The report's web address (``report_base_url``) must be set before exporting.
    needs_base_url: bool = False
    #: ``"module:function"`` giving notes for the journalist about the exported file.
    notes_path: str | None = None

    def renderer(self) -> Callable[[Report], bytes | str]:
        """The function that renders this format."""
        return _load(self.renderer_path)

    def notes(self, report: Report) -> list[str]:
        """What the journalist should know about this format's file of ``report``."""
        return list(_load(self.notes_path)(report)) if self.notes_path else []


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format(
            "pdf",
            "PDF",
            "PDF — to print or send",
            ".pdf",
            "PDF report to print or send",
            "pdf:render_pdf",
        ),
        Format(
            "html",
            "HTML",
            "HTML — one self-contained page",
            ".html",
            "HTML report, one self-contained file",
            "html:render_html",
        ),
        Format(
            "md",
            "Markdown",
            "Markdown",
            ".md",
            "Markdown report",
            "markdown:render_markdown",
        ),
        Format(
            "json",
            "JSON",
            "JSON — every field, for tools",
            ".json",
            "JSON with every field, for tools",
            "tabular:render_json",
        ),
        Format(
            "csv",
            "CSV",
            "CSV — one row per claim and reviewer",
            ".csv",
            "CSV, one row per claim and reviewer",
            "tabular:render_csv",
        ),
        Format(
            "claimreview",
            "ClaimReview",
            "ClaimReview JSON-LD — for publishing",
            ".claimreview.jsonld",
            "schema.org ClaimReview JSON-LD",
            "claimreview:render_claimreview",
            needs_base_url=True,
            notes_path="claimreview:export_notes",
        ),
    )
}


def get_format(name: str) -> Format:
    """The format called ``name``; an :class:`ExportError` when there is none."""
    try:
        return FORMATS[name]
    except KeyError:
        raise ExportError(f"“{name}” is not an export format.") from None


def spoken_list(names: Iterable[str]) -> str:
    """``"a, b or c"``, for help texts."""
    *rest, last = names
    return f"{', '.join(rest)} or {last}" if rest else last


def base_url_problem(report: Report) -> str | None:
    """Why ``report`` has no usable web address for a format that links to it, or None."""
    base_url = (report.options.base_url or "").strip()
    if not base_url:
        return "It needs the web address where the report will be published."
    return web_url_problem(base_url, "report's web address")


def require_base_url(report: Report, title: str) -> None:
    """Refuse early when ``report`` has no usable web address for a format that links to it
    (the command line's all-or-nothing export; the window asks for the address first)."""
    problem = base_url_problem(report)
    if problem:
        if not (report.options.base_url or "").strip():
            problem = f"{title} needs the web address where the report will be published."
        raise ExportError(
            f"{problem} Give it with --base-url, or keep it with "
            "`workbench report-settings --base-url`."
        )


def _load(path: str) -> Any:
    # Looked up at each call rather than cached, so a module's function can be replaced in tests.
    module, _, function = path.partition(":")
    return getattr(import_module(f".{module}", __package__), function)
