"""The fact-check report: one data structure built from the store, rendered to many formats."""

from .data import Report, ReportOptions, build_report
from .errors import ExportError

__all__ = ["ExportError", "Report", "ReportOptions", "build_report"]
