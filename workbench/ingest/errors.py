"""Errors raised by the readers."""


class IngestError(Exception):
    """A file or text could not be turned into an article; the message is for the journalist."""
