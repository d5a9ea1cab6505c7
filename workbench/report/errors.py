"""Errors raised while exporting a report; every message is meant for the journalist."""


class ExportError(Exception):
    """The report could not be built, rendered or written."""
