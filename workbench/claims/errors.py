"""Errors raised by claim extraction."""


class ClaimsError(Exception):
    """Claims could not be extracted; the message is for the journalist."""


class ExtractionCancelled(ClaimsError):
    """The user cancelled an extraction before it finished."""

    def __init__(self, message: str = "Claim extraction was cancelled.") -> None:
        super().__init__(message)
