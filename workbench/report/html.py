"""The self-contained HTML report: inline CSS, an inline SVG chart, no external resource."""

from __future__ import annotations

from jinja2 import TemplateError

from .data import Report
from .errors import ExportError
from .style import environment

TEMPLATE = "report.html.j2"


def render_html(report: Report, template: str = TEMPLATE) -> str:
    """Render ``report`` through an autoescaped Jinja2 template."""
    try:
        return environment().get_template(template).render(report=report)
    except TemplateError as exc:
        raise ExportError(f"The report template could not be rendered ({exc}).") from exc
