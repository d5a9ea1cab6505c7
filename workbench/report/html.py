"""The self-contained HTML report: inline CSS, an inline SVG chart, no external resource."""

from __future__ import annotations

from jinja2 import TemplateError

from .claimreview import embedded_claimreview
from .data import Report
from .errors import ExportError
from .style import environment

TEMPLATE = "report.html.j2"


def render_html(report: Report, template: str = TEMPLATE) -> str:
    """Render ``report`` through an autoescaped Jinja2 template.

    The page carries the ClaimReview JSON-LD as data (a script block of that type runs
    nothing) when the report's web address is known; see :func:`embedded_claimreview`.
    """
    try:
        return (
            environment()
            .get_template(template)
            .render(report=report, claimreview=embedded_claimreview(report))
        )
    except TemplateError as exc:
        raise ExportError(f"The report template could not be rendered ({exc}).") from exc
